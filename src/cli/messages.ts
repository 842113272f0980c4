/**
 * Every line the command prints (errors, progress, notices, the summary line) in English,
 * Russian and Ukrainian. `{name}` is a value; `{n:one|few|many}` picks the plural form of
 * the number n (English uses two forms, Russian and Ukrainian three).
 */
import type { Lang } from "../core/lang";
import { terminalText } from "./terminal";

const m = (en: string, ru: string, uk: string) => ({ en, ru, uk });

export const MESSAGES = {
  noSuchFile: m("{file}: no such file", "{file}: файл не найден", "{file}: файл не знайдено"),
  isDirectory: m(
    "{file}: is a folder, not a file",
    "{file}: это папка, а не файл",
    "{file}: це тека, а не файл",
  ),
  cannotRead: m(
    "{file}: cannot be read ({reason})",
    "{file}: не удалось прочитать ({reason})",
    "{file}: не вдалося прочитати ({reason})",
  ),
  fileEmpty: m("{file}: the file is empty", "{file}: файл пуст", "{file}: файл порожній"),
  notXlsx: m(
    "{file}: not a readable .xlsx workbook",
    "{file}: это не читаемая книга .xlsx",
    "{file}: це не книга .xlsx, яку можна прочитати",
  ),
  unsupportedType: m(
    "{file}: unsupported file type (use .xlsx, .csv or .xls saved by Bitrix24)",
    "{file}: такой тип файла не поддерживается (нужен .xlsx, .csv или .xls из Битрикс24)",
    "{file}: такий тип файлу не підтримується (потрібен .xlsx, .csv або .xls із Бітрікс24)",
  ),
  binaryXls: m(
    "{file}: an Excel 97–2003 workbook cannot be read; open it in Excel or LibreOffice and save it as .xlsx",
    "{file}: книгу Excel 97–2003 прочитать нельзя; откройте её в Excel или LibreOffice и сохраните как .xlsx",
    "{file}: книгу Excel 97–2003 прочитати не можна; відкрийте її в Excel або LibreOffice і збережіть як .xlsx",
  ),
  noHtmlTable: m(
    "{file}: an HTML file with no table in it",
    "{file}: в этом HTML-файле нет таблицы",
    "{file}: у цьому HTML-файлі немає таблиці",
  ),
  fileTooBig: m(
    "{file}: {size} MB is over the limit of {max} MB per file; export a shorter period or fewer columns",
    "{file}: {size} МБ — больше предела в {max} МБ на файл; выгрузите период покороче или меньше столбцов",
    "{file}: {size} МБ — більше за межу {max} МБ на файл; вивантажте коротший період або менше стовпців",
  ),
  tooManyRows: m(
    "the inputs have more than {max} rows (the limit); export a shorter period",
    "во входных файлах больше {max} строк (это предел); выгрузите период покороче",
    "у вхідних файлах понад {max} рядків (це межа); вивантажте коротший період",
  ),
  rowTooLong: m(
    "{file}: a row near line {line} is longer than {max} MB (is a quote left unclosed?)",
    "{file}: строка около строки {line} длиннее {max} МБ (не закрыта кавычка?)",
    "{file}: рядок біля рядка {line} довший за {max} МБ (не закрито лапки?)",
  ),
  outOfMemory: m(
    "the inputs need more than the {max} MB of memory the command may use; export a shorter period and run again",
    "входным файлам нужно больше {max} МБ памяти, доступных команде; выгрузите период покороче и запустите снова",
    "вхідним файлам потрібно понад {max} МБ пам’яті, доступних команді; вивантажте коротший період і запустіть знову",
  ),
  crashed: m(
    "stopped unexpectedly ({reason}); run again with VORONKA_DEBUG=1 for details",
    "работа прервалась ({reason}); запустите с VORONKA_DEBUG=1, чтобы увидеть подробности",
    "роботу перервано ({reason}); запустіть із VORONKA_DEBUG=1, щоб побачити подробиці",
  ),
  outIsInput: m(
    "{out}: the output would overwrite an input file",
    "{out}: отчёт записался бы поверх входного файла",
    "{out}: звіт записався б поверх вхідного файлу",
  ),
  outExists: m(
    "{out} already exists (add --force to overwrite it)",
    "{out} уже существует (добавьте --force, чтобы перезаписать)",
    "{out} вже існує (додайте --force, щоб перезаписати)",
  ),
  outUnderFile: m(
    "{out}: cannot create the folder for it, {dir} is a file",
    "{out}: не удалось создать для него папку, {dir} — это файл",
    "{out}: не вдалося створити для нього теку, {dir} — це файл",
  ),
  cannotWrite: m(
    "{out}: cannot write the report ({reason})",
    "{out}: не удалось записать отчёт ({reason})",
    "{out}: не вдалося записати звіт ({reason})",
  ),
  noDataRows: m(
    "{files}: no data rows",
    "{files}: нет строк с данными",
    "{files}: немає рядків із даними",
  ),
  csvUnrecognised: m(
    "{file}: no recognisable columns (headers: {headers})",
    "{file}: не найдено знакомых столбцов (заголовки: {headers})",
    "{file}: не знайдено знайомих стовпців (заголовки: {headers})",
  ),
  tabSkipped: m(
    'skipped {file}, tab "{tab}": no recognisable columns (headers: {headers})',
    "пропущен {file}, лист «{tab}»: не найдено знакомых столбцов (заголовки: {headers})",
    "пропущено {file}, аркуш «{tab}»: не знайдено знайомих стовпців (заголовки: {headers})",
  ),
  noHeaderRow: m("no header row", "нет строки заголовков", "немає рядка заголовків"),
  referenceSkipped: m("skipped {file}: {why}", "пропущен {file}: {why}", "пропущено {file}: {why}"),
  fileNoHeader: m("{file}: {why}", "{file}: {why}", "{file}: {why}"),
  teamOnlyCalls: m(
    "{tab}: no rep column (Agent, Owner, Manager, Сотрудник…): calls are counted for the whole team",
    "{tab}: нет столбца менеджера (Менеджер, Сотрудник, Agent, Owner…): звонки считаются по всей команде",
    "{tab}: немає стовпця менеджера (Менеджер, Співробітник, Agent, Owner…): дзвінки рахуються по всій команді",
  ),
  nothingRecognised: m(
    "no tab was recognised as calls, deals, stage log, time log, plan or checklist: {tabs}",
    "ни один лист не распознан как звонки, сделки, история этапов, хронометраж, план или чек-лист: {tabs}",
    "жоден аркуш не розпізнано як дзвінки, угоди, історію етапів, хронометраж, план або чек-лист: {tabs}",
  ),
  progressReading: m(
    "reading {file} ({n}/{total})",
    "чтение {file} ({n}/{total})",
    "читання {file} ({n}/{total})",
  ),
  progressModel: m(
    "building the model from {rows} rows",
    "построение модели: строк — {rows}",
    "побудова моделі: рядків — {rows}",
  ),
  progressPlan: m("planning the report", "расчёт отчёта", "розрахунок звіту"),
  progressWrite: m("writing the workbook", "запись книги", "запис книги"),
  readSummary: m(
    "Read {files}: {tabs} {tabs:tab|tabs}, {rows} rows → {deals} deals, {calls} calls, {stages} stages.",
    "Прочитано {files}: {tabs} {tabs:лист|листа|листов}, строк — {rows} → сделок — {deals}, звонков — {calls}, этапов — {stages}.",
    "Прочитано {files}: {tabs} {tabs:аркуш|аркуші|аркушів}, рядків — {rows} → угод — {deals}, дзвінків — {calls}, етапів — {stages}.",
  ),
  filesCount: m("{n} {n:file|files}", "{n} {n:файл|файла|файлов}", "{n} {n:файл|файли|файлів}"),
  leftOut: m(
    "{n} {n:row or cell|rows or cells} left out: see the Data check sheet.",
    "Не вошли в отчёт строк или ячеек: {n}; см. лист «Проверка данных».",
    "Не ввійшли до звіту рядків або клітинок: {n}; див. аркуш «Перевірка даних».",
  ),
  reportWritten: m(
    "Report: {path} ({sheets})",
    "Отчёт: {path} ({sheets})",
    "Звіт: {path} ({sheets})",
  ),
  failed: m("failed: {reason}", "ошибка: {reason}", "помилка: {reason}"),
  tryHelp: m("Try: voronka --help", "Справка: voronka --help", "Довідка: voronka --help"),
  usage: m("{detail}", "{detail}", "{detail}"),
  unknownCommand: m(
    'unknown command "{command}" (try: voronka report <files…> or voronka template)',
    "неизвестная команда «{command}» (попробуйте: voronka report <файлы…> или voronka template)",
    "невідома команда «{command}» (спробуйте: voronka report <файли…> або voronka template)",
  ),
  templateNoFiles: m(
    'template takes no input files (got "{value}"; use --out to name the output)',
    "template не принимает входных файлов (получено «{value}»; файл результата задаёт --out)",
    "template не приймає вхідних файлів (отримано «{value}»; файл результату задає --out)",
  ),
  templateNoPeriod: m(
    "--period applies to report, not template",
    "--period относится к report, а не к template",
    "--period стосується report, а не template",
  ),
  templateWritten: m(
    "Template: {path} ({sheets})",
    "Шаблон: {path} ({sheets})",
    "Шаблон: {path} ({sheets})",
  ),
  templateImport: m(
    "Import it in Google Sheets (File → Import); the formulas need the Voronka add-on.",
    "Импортируйте его в Google Таблицы (Файл → Импортировать); формулам нужно дополнение Voronka.",
    "Імпортуйте його в Google Таблиці (Файл → Імпортувати); формулам потрібне доповнення Voronka.",
  ),
  cannotWriteTemplate: m(
    "{out}: cannot write the template ({reason})",
    "{out}: не удалось записать шаблон ({reason})",
    "{out}: не вдалося записати шаблон ({reason})",
  ),
  noInputFiles: m(
    "no input files (usage: voronka report <files…>)",
    "не указаны входные файлы (использование: voronka report <файлы…>)",
    "не вказано вхідних файлів (використання: voronka report <файли…>)",
  ),
  badLang: m(
    '--lang must be en, ru or uk, not "{value}"',
    "--lang может быть en, ru или uk, а не «{value}»",
    "--lang може бути en, ru або uk, а не «{value}»",
  ),
  badPeriod: m(
    '--period must be week or month, not "{value}"',
    "--period может быть week или month, а не «{value}»",
    "--period може бути week або month, а не «{value}»",
  ),
  badOut: m(
    '--out must name an .xlsx file, not "{value}"',
    "--out должен указывать файл .xlsx, а не «{value}»",
    "--out має вказувати файл .xlsx, а не «{value}»",
  ),
} as const;

export type MessageKey = keyof typeof MESSAGES;

const KEYS: ReadonlySet<string> = new Set(Object.keys(MESSAGES));

/** True when the text is a key of the catalog (not a plain sentence). */
export function isMessageKey(text: string): text is MessageKey {
  return KEYS.has(text);
}
export type MessageParams = Record<string, string | number>;

const LOCALES: Record<Lang, string> = { en: "en-US", ru: "ru-RU", uk: "uk-UA" };

/** Plural forms in the order the catalog lists them: en one|other, ru/uk one|few|many. */
function pluralIndex(lang: Lang, n: number): number {
  const cat = new Intl.PluralRules(LOCALES[lang]).select(n);
  if (lang === "en") return cat === "one" ? 0 : 1;
  return cat === "one" ? 0 : cat === "few" ? 1 : 2;
}

/** Placeholder names of a template ("{file}", "{n:a|b}" → file, n). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const x of template.matchAll(/\{(\w+)(?::[^}]*)?\}/g)) names.add(x[1]);
  return [...names].sort();
}

/** A number as the language writes it (1,012 / 1 012). */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(LOCALES[lang]);
}

/**
 * The message in the language, values filled in. Values are user text (file names, headers):
 * control characters and line breaks in them are removed so one message stays one line.
 */
export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = MESSAGES[key][lang];
  return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (_, name: string, forms?: string) => {
    const v = params[name];
    if (forms !== undefined) {
      const list = forms.split("|");
      return list[Math.min(pluralIndex(lang, Number(v)), list.length - 1)];
    }
    if (v === undefined) return `{${name}}`;
    if (typeof v === "number") return formatCount(lang, v);
    return terminalText(v).replace(/[\r\n\t]+/g, " ");
  });
}
