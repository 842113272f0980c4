/** The server's own sentences for the user (errors and titles), one per language. */
import { type Lang, type Localized, l, translate } from "../core/i18n";
import { MENU_LABELS } from "./menu";

export const MESSAGES = {
  noSpreadsheet: l(
    "Open a spreadsheet first.",
    "Сначала откройте таблицу.",
    "Спочатку відкрийте таблицю.",
  ),
  badRequest: l(
    "The sidebar sent a request the add-on could not read; please reopen the sidebar.",
    "Панель отправила запрос, который дополнение не смогло прочитать; откройте панель заново.",
    "Панель надіслала запит, який додаток не зміг прочитати; відкрийте панель знову.",
  ),
  noSheet: l(
    "That sheet no longer exists; please build the report again.",
    "Этого листа больше нет; постройте отчёт заново.",
    "Цього аркуша більше немає; побудуйте звіт знову.",
  ),
  failed: l(
    "Something went wrong; please try again, and reload the spreadsheet if it happens again.",
    "Что-то пошло не так; попробуйте ещё раз, а если не поможет, перезагрузите таблицу.",
    "Щось пішло не так; спробуйте ще раз, а якщо не допоможе, перезавантажте таблицю.",
  ),
  buildFailed: l(
    "The report could not be built; the spreadsheet was left as it was. Please try again.",
    "Отчёт не удалось построить; таблица осталась без изменений. Попробуйте ещё раз.",
    "Звіт не вдалося побудувати; таблиця лишилася без змін. Спробуйте ще раз.",
  ),
} satisfies Record<string, Localized>;

/** The add-on's name: the sidebar's and the toast's title. */
export const TITLE = l("Voronka", "Воронка", "Воронка");

/** The help dialog's title: the name and the menu item, e.g. "Voronka: formula help". */
export function helpTitle(lang: Lang): string {
  return `${TITLE[lang]}: ${translate(MENU_LABELS, lang, "help").toLowerCase()}`;
}
