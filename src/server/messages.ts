/** The server's own sentences for the user (errors and titles), one per language. */
import type { Lang } from "../core/lang";
import { menuLabels } from "./menu";

export const MESSAGES = {
  noSpreadsheet: {
    en: "Open a spreadsheet first.",
    ru: "Сначала откройте таблицу.",
    uk: "Спочатку відкрийте таблицю.",
  },
  badRequest: {
    en: "The sidebar sent a request the add-on could not read; please reopen the sidebar.",
    ru: "Панель отправила запрос, который дополнение не смогло прочитать; откройте панель заново.",
    uk: "Панель надіслала запит, який додаток не зміг прочитати; відкрийте панель знову.",
  },
  noSheet: {
    en: "That sheet no longer exists; please build the report again.",
    ru: "Этого листа больше нет; постройте отчёт заново.",
    uk: "Цього аркуша більше немає; побудуйте звіт знову.",
  },
  failed: {
    en: "Something went wrong; please try again, and reload the spreadsheet if it happens again.",
    ru: "Что-то пошло не так; попробуйте ещё раз, а если не поможет, перезагрузите таблицу.",
    uk: "Щось пішло не так; спробуйте ще раз, а якщо не допоможе, перезавантажте таблицю.",
  },
  buildFailed: {
    en: "The report could not be built; the spreadsheet was left as it was. Please try again.",
    ru: "Отчёт не удалось построить; таблица осталась без изменений. Попробуйте ещё раз.",
    uk: "Звіт не вдалося побудувати; таблиця лишилася без змін. Спробуйте ще раз.",
  },
} satisfies Record<string, Record<Lang, string>>;

/** The add-on's name: the sidebar's and the toast's title. */
export const TITLE: Record<Lang, string> = { en: "Voronka", ru: "Воронка", uk: "Воронка" };

/** The help dialog's title: the name and the menu item, e.g. "Voronka: formula help". */
export function helpTitle(lang: Lang): string {
  return `${TITLE[lang]}: ${menuLabels(lang).help.toLowerCase()}`;
}
