/**
 * Every line the command prints (errors, progress, notices, the summary line) in English,
 * Russian and Ukrainian. `{name}` is a value; `{n:one|few|many}` picks the plural form of
 * the number n (English uses two forms, Russian and Ukrainian three).
 */
import { fill, type Lang, l, localeOf } from "../core/i18n";
import { terminalText } from "./terminal";

export const MESSAGES = {
  noSuchFile: l("{file}: no such file", "{file}: файл не найден", "{file}: файл не знайдено"),
  isDirectory: l(
    "{file}: is a folder, not a file",
    "{file}: это папка, а не файл",
    "{file}: це тека, а не файл",
  ),
  cannotRead: l(
    "{file}: cannot be read ({reason})",
    "{file}: не удалось прочитать ({reason})",
    "{file}: не вдалося прочитати ({reason})",
  ),
  fileEmpty: l("{file}: the file is empty", "{file}: файл пуст", "{file}: файл порожній"),
  notXlsx: l(
    "{file}: not a readable .xlsx workbook",
    "{file}: это не читаемая книга .xlsx",
    "{file}: це не книга .xlsx, яку можна прочитати",
  ),
  unsupportedType: l(
    "{file}: unsupported file type (use .xlsx, .csv or .xls saved by Bitrix24)",
    "{file}: такой тип файла не поддерживается (нужен .xlsx, .csv или .xls из Битрикс24)",
    "{file}: такий тип файлу не підтримується (потрібен .xlsx, .csv або .xls із Бітрікс24)",
  ),
  binaryXls: l(
    "{file}: an Excel 97–2003 workbook cannot be read; open it in Excel or LibreOffice and save it as .xlsx",
    "{file}: книгу Excel 97–2003 прочитать нельзя; откройте её в Excel или LibreOffice и сохраните как .xlsx",
    "{file}: книгу Excel 97–2003 прочитати не можна; відкрийте її в Excel або LibreOffice і збережіть як .xlsx",
  ),
  noHtmlTable: l(
    "{file}: an HTML file with no table in it",
    "{file}: в этом HTML-файле нет таблицы",
    "{file}: у цьому HTML-файлі немає таблиці",
  ),
  fileTooBig: l(
    "{file}: {size} MB is over the limit of {max} MB per file; export a shorter period or fewer columns",
    "{file}: {size} МБ — больше предела в {max} МБ на файл; выгрузите период покороче или меньше столбцов",
    "{file}: {size} МБ — більше за межу {max} МБ на файл; вивантажте коротший період або менше стовпців",
  ),
  tooManyRows: l(
    "the inputs have more than {max} rows (the limit); export a shorter period",
    "во входных файлах больше {max} строк (это предел); выгрузите период покороче",
    "у вхідних файлах понад {max} рядків (це межа); вивантажте коротший період",
  ),
  rowTooLong: l(
    "{file}: a row near line {line} is longer than {max} MB (is a quote left unclosed?)",
    "{file}: строка около строки {line} длиннее {max} МБ (не закрыта кавычка?)",
    "{file}: рядок біля рядка {line} довший за {max} МБ (не закрито лапки?)",
  ),
  outOfMemory: l(
    "the inputs need more than the {max} MB of memory the command may use; export a shorter period and run again",
    "входным файлам нужно больше {max} МБ памяти, доступных команде; выгрузите период покороче и запустите снова",
    "вхідним файлам потрібно понад {max} МБ пам’яті, доступних команді; вивантажте коротший період і запустіть знову",
  ),
  crashed: l(
    "stopped unexpectedly ({reason}); run again with VORONKA_DEBUG=1 for details",
    "работа прервалась ({reason}); запустите с VORONKA_DEBUG=1, чтобы увидеть подробности",
    "роботу перервано ({reason}); запустіть із VORONKA_DEBUG=1, щоб побачити подробиці",
  ),
  outIsInput: l(
    "{out}: the output would overwrite an input file",
    "{out}: отчёт записался бы поверх входного файла",
    "{out}: звіт записався б поверх вхідного файлу",
  ),
  outExists: l(
    "{out} already exists (add --force to overwrite it)",
    "{out} уже существует (добавьте --force, чтобы перезаписать)",
    "{out} вже існує (додайте --force, щоб перезаписати)",
  ),
  outUnderFile: l(
    "{out}: cannot create the folder for it, {dir} is a file",
    "{out}: не удалось создать для него папку, {dir} — это файл",
    "{out}: не вдалося створити для нього теку, {dir} — це файл",
  ),
  cannotWrite: l(
    "{out}: cannot write the report ({reason})",
    "{out}: не удалось записать отчёт ({reason})",
    "{out}: не вдалося записати звіт ({reason})",
  ),
  noDataRows: l(
    "{files}: no data rows",
    "{files}: нет строк с данными",
    "{files}: немає рядків із даними",
  ),
  csvUnrecognised: l(
    "{file}: no recognisable columns (headers: {headers})",
    "{file}: не найдено знакомых столбцов (заголовки: {headers})",
    "{file}: не знайдено знайомих стовпців (заголовки: {headers})",
  ),
  tabSkipped: l(
    'skipped {file}, tab "{tab}": no recognisable columns (headers: {headers})',
    "пропущен {file}, лист «{tab}»: не найдено знакомых столбцов (заголовки: {headers})",
    "пропущено {file}, аркуш «{tab}»: не знайдено знайомих стовпців (заголовки: {headers})",
  ),
  noHeaderRow: l("no header row", "нет строки заголовков", "немає рядка заголовків"),
  referenceSkipped: l("skipped {file}: {why}", "пропущен {file}: {why}", "пропущено {file}: {why}"),
  fileNoHeader: l("{file}: {why}", "{file}: {why}", "{file}: {why}"),
  teamOnlyCalls: l(
    "{tab}: no rep column (Agent, Owner, Manager, Сотрудник…): calls are counted for the whole team",
    "{tab}: нет столбца менеджера (Менеджер, Сотрудник, Agent, Owner…): звонки считаются по всей команде",
    "{tab}: немає стовпця менеджера (Менеджер, Співробітник, Agent, Owner…): дзвінки рахуються по всій команді",
  ),
  nothingRecognised: l(
    "no tab was recognised as calls, deals, stage log, time log, plan or checklist: {tabs}",
    "ни один лист не распознан как звонки, сделки, история этапов, хронометраж, план или чек-лист: {tabs}",
    "жоден аркуш не розпізнано як дзвінки, угоди, історію етапів, хронометраж, план або чек-лист: {tabs}",
  ),
  aggregatesNoStages: l(
    "the aggregates tabs ({tabs}) have no voronka_stages view (position, stage, dated, same_source_next): it names the funnel's stages; bring it in as a tab too",
    "у вкладок с агрегатами ({tabs}) нет представления voronka_stages (position, stage, dated, same_source_next): оно называет этапы воронки; добавьте его вкладкой",
    "у вкладок з агрегатами ({tabs}) немає подання voronka_stages (position, stage, dated, same_source_next): воно називає етапи воронки; додайте його вкладкою",
  ),
  progressReading: l(
    "reading {file} ({n}/{total})",
    "чтение {file} ({n}/{total})",
    "читання {file} ({n}/{total})",
  ),
  progressModel: l(
    "building the model from {rows} rows",
    "построение модели: строк — {rows}",
    "побудова моделі: рядків — {rows}",
  ),
  progressPlan: l("planning the report", "расчёт отчёта", "розрахунок звіту"),
  progressWrite: l("writing the workbook", "запись книги", "запис книги"),
  readSummary: l(
    "Read {files}: {tabs} {tabs:tab|tabs}, {rows} rows → {deals} deals, {calls} calls, {stages} stages.",
    "Прочитано {files}: {tabs} {tabs:лист|листа|листов}, строк — {rows} → сделок — {deals}, звонков — {calls}, этапов — {stages}.",
    "Прочитано {files}: {tabs} {tabs:аркуш|аркуші|аркушів}, рядків — {rows} → угод — {deals}, дзвінків — {calls}, етапів — {stages}.",
  ),
  filesCount: l("{n} {n:file|files}", "{n} {n:файл|файла|файлов}", "{n} {n:файл|файли|файлів}"),
  leftOut: l(
    "{n} {n:row or cell|rows or cells} left out: see the Data check sheet.",
    "Не вошли в отчёт строк или ячеек: {n}; см. лист «Проверка данных».",
    "Не ввійшли до звіту рядків або клітинок: {n}; див. аркуш «Перевірка даних».",
  ),
  reportWritten: l(
    "Report: {path} ({sheets})",
    "Отчёт: {path} ({sheets})",
    "Звіт: {path} ({sheets})",
  ),
  failed: l("failed: {reason}", "ошибка: {reason}", "помилка: {reason}"),
  tryHelp: l("Try: voronka --help", "Справка: voronka --help", "Довідка: voronka --help"),
  usage: l("{detail}", "{detail}", "{detail}"),
  unknownCommand: l(
    'unknown command "{command}" (try: voronka report <files…> or voronka template)',
    "неизвестная команда «{command}» (попробуйте: voronka report <файлы…> или voronka template)",
    "невідома команда «{command}» (спробуйте: voronka report <файли…> або voronka template)",
  ),
  templateNoFiles: l(
    'template takes no input files (got "{value}"; use --out to name the output)',
    "template не принимает входных файлов (получено «{value}»; файл результата задаёт --out)",
    "template не приймає вхідних файлів (отримано «{value}»; файл результату задає --out)",
  ),
  templateNoPeriod: l(
    "--period applies to report, not template",
    "--period относится к report, а не к template",
    "--period стосується report, а не template",
  ),
  templateWritten: l(
    "Template: {path} ({sheets})",
    "Шаблон: {path} ({sheets})",
    "Шаблон: {path} ({sheets})",
  ),
  templateImport: l(
    "Import it in Google Sheets (File → Import); the formulas need the Voronka add-on.",
    "Импортируйте его в Google Таблицы (Файл → Импортировать); формулам нужно дополнение Voronka.",
    "Імпортуйте його в Google Таблиці (Файл → Імпортувати); формулам потрібне доповнення Voronka.",
  ),
  cannotWriteTemplate: l(
    "{out}: cannot write the template ({reason})",
    "{out}: не удалось записать шаблон ({reason})",
    "{out}: не вдалося записати шаблон ({reason})",
  ),
  noInputFiles: l(
    "no input files (usage: voronka report <files…>)",
    "не указаны входные файлы (использование: voronka report <файлы…>)",
    "не вказано вхідних файлів (використання: voronka report <файли…>)",
  ),
  badLang: l(
    '--lang must be en, ru or uk, not "{value}"',
    "--lang может быть en, ru или uk, а не «{value}»",
    "--lang може бути en, ru або uk, а не «{value}»",
  ),
  badPeriod: l(
    '--period must be week or month, not "{value}"',
    "--period может быть week или month, а не «{value}»",
    "--period може бути week або month, а не «{value}»",
  ),
  badEngine: l(
    '--engine must be memory or duckdb, not "{value}"',
    "--engine может быть memory или duckdb, а не «{value}»",
    "--engine може бути memory або duckdb, а не «{value}»",
  ),
  badDialect: l(
    '--dialect must be duckdb or bigquery, not "{value}"',
    "--dialect может быть duckdb или bigquery, а не «{value}»",
    "--dialect може бути duckdb або bigquery, а не «{value}»",
  ),
  badTable: l(
    '--table takes KIND=NAME with KIND deals, stage_log or calls, not "{value}"',
    "--table задаётся как ВИД=ИМЯ, где ВИД — deals, stage_log или calls, а не «{value}»",
    "--table задається як ВИД=НАЗВА, де ВИД — deals, stage_log або calls, а не «{value}»",
  ),
  sqlNoFiles: l(
    "no sample files (usage: voronka sql <sample files…> --dialect duckdb|bigquery)",
    "не указаны файлы-образцы (использование: voronka sql <файлы…> --dialect duckdb|bigquery)",
    "не вказано файлів-зразків (використання: voronka sql <файли…> --dialect duckdb|bigquery)",
  ),
  sqlSeveral: l(
    "{kind}: more than one table of this kind in the sample files; SQL takes one stage log and one calls table (give one file each)",
    "{kind}: в файлах-образцах больше одной таблицы этого вида; SQL берёт одну историю этапов и одну таблицу звонков (дайте по файлу)",
    "{kind}: у файлах-зразках більше однієї таблиці цього виду; SQL бере одну історію етапів і одну таблицю дзвінків (дайте по файлу)",
  ),
  sqlNothing: l(
    "no deals, stage log or calls table in the sample files: there is nothing to write SQL for",
    "в файлах-образцах нет ни сделок, ни истории этапов, ни звонков: SQL писать не для чего",
    "у файлах-зразках немає ні угод, ні історії етапів, ні дзвінків: SQL писати нема для чого",
  ),
  duckdbMissing: l(
    "--engine duckdb needs DuckDB, which is not installed: add it with npm install @duckdb/node-api",
    "для --engine duckdb нужен DuckDB, а он не установлен: добавьте его командой npm install @duckdb/node-api",
    "для --engine duckdb потрібен DuckDB, а його не встановлено: додайте його командою npm install @duckdb/node-api",
  ),
  engineAuto: l(
    "{rows} rows of deals, stage log and calls (over {limit}): computing with DuckDB (--engine memory to stay in memory)",
    "{rows} строк сделок, истории этапов и звонков (больше {limit}): считаю через DuckDB (--engine memory — считать в памяти)",
    "{rows} рядків угод, історії етапів і дзвінків (понад {limit}): рахую через DuckDB (--engine memory — рахувати в пам'яті)",
  ),
  duckdbSeveral: l(
    "--engine duckdb takes one stage log and one calls table, and there are several of {kind}: leave --engine out, or give one",
    "--engine duckdb берёт одну историю этапов и одну таблицу звонков, а {kind} здесь несколько: уберите --engine или дайте одну",
    "--engine duckdb бере одну історію етапів і одну таблицю дзвінків, а {kind} тут кілька: приберіть --engine або дайте одну",
  ),
  engineSeveral: l(
    "{rows} rows of deals, stage log and calls (over {limit}): computing in memory, as DuckDB takes one stage log and one calls table and there are several of {kind}",
    "{rows} строк сделок, истории этапов и звонков (больше {limit}): считаю в памяти, DuckDB берёт одну историю этапов и одну таблицу звонков, а {kind} здесь несколько",
    "{rows} рядків угод, історії етапів і дзвінків (понад {limit}): рахую в пам'яті, DuckDB бере одну історію етапів і одну таблицю дзвінків, а {kind} тут кілька",
  ),
  engineNoDuckdb: l(
    "{rows} rows of deals, stage log and calls (over {limit}): computing in memory, as DuckDB is not installed (npm install @duckdb/node-api)",
    "{rows} строк сделок, истории этапов и звонков (больше {limit}): считаю в памяти, DuckDB не установлен (npm install @duckdb/node-api)",
    "{rows} рядків угод, історії етапів і дзвінків (понад {limit}): рахую в пам'яті, DuckDB не встановлено (npm install @duckdb/node-api)",
  ),
  badOption: l(
    '{flag} must be {what} from {min} to {max}, not "{value}"',
    "{flag}: нужно {what} от {min} до {max}, а не «{value}»",
    "{flag}: потрібно {what} від {min} до {max}, а не «{value}»",
  ),
  badDateFlag: l(
    '{flag} must be a date as yyyy-mm-dd, not "{value}"',
    "{flag}: нужна дата в виде гггг-мм-дд (yyyy-mm-dd), а не «{value}»",
    "{flag}: потрібна дата у вигляді рррр-мм-дд (yyyy-mm-dd), а не «{value}»",
  ),
  fromAfterTo: l(
    "--from {from} is after --to {to}: the range is empty",
    "--from {from} позже, чем --to {to}: в этот промежуток ничего не попадает",
    "--from {from} пізніше, ніж --to {to}: у цей проміжок нічого не потрапляє",
  ),
  unknownPipeline: l(
    "--pipeline {name} names none of the deals' pipelines; they are: {pipelines}",
    "--pipeline {name} не называет ни одну воронку сделок; воронки: {pipelines}",
    "--pipeline {name} не називає жодної воронки угод; воронки: {pipelines}",
  ),
  noPipelines: l(
    "--pipeline {name}: these deals have no pipeline (no Pipeline or Воронка column, no Bitrix24 C<n>: stage codes), so leave --pipeline out",
    "--pipeline {name}: у этих сделок нет воронок (ни столбца «Воронка» или Pipeline, ни кодов этапов Битрикс24 вида C<n>:), уберите --pipeline",
    "--pipeline {name}: у цих угод немає воронок (ні стовпця «Воронка» чи Pipeline, ні кодів етапів Бітрікс24 виду C<n>:), приберіть --pipeline",
  ),
  tabPipelineUnknown: l(
    "the settings tab's pipeline {name} names none of the deals' pipelines ({pipelines}): the report takes the one with the most deals",
    "воронка {name} из листа настроек не называет ни одну воронку сделок ({pipelines}): отчёт построен по воронке с наибольшим числом сделок",
    "воронка {name} з аркуша налаштувань не називає жодної воронки угод ({pipelines}): звіт побудовано за воронкою з найбільшою кількістю угод",
  ),
  pipelineSummary: l(
    "Pipeline {chosen}: {deals} {deals:deal|deals} ({why}); {n} {n:deal|deals} of other pipelines left out: {others}. --pipeline NAME reports another.",
    "Воронка {chosen}: {deals} {deals:сделка|сделки|сделок} ({why}); сделки других воронок не вошли ({n}): {others}. --pipeline ИМЯ строит отчёт по другой.",
    "Воронка {chosen}: {deals} {deals:угода|угоди|угод} ({why}); угоди інших воронок не ввійшли ({n}): {others}. --pipeline НАЗВА будує звіт за іншою.",
  ),
  pipelineMost: l("the most", "больше всего", "найбільше"),
  pipelineAsked: l("as asked", "как задано", "як задано"),
  blankName: l(
    "{flag} needs a name, not an empty one",
    "{flag}: нужно имя, а не пустая строка",
    "{flag}: потрібне ім’я, а не порожній рядок",
  ),
  reportOnlyFlag: l(
    "{flag} applies to report, not {command}",
    "{flag} относится к report, а не к {command}",
    "{flag} стосується report, а не {command}",
  ),
  optionsFromSettings: l(
    "options from the settings tab: {options} (a flag overrides them)",
    "параметры из вкладки настроек: {options} (флаг их переопределяет)",
    "параметри з вкладки налаштувань: {options} (прапорець їх перевизначає)",
  ),
  longCallFixed: l(
    "long calls are counted from {used} s, as the aggregates tabs counted them, not from {asked} s (voronka sql --long-call {asked} writes views that do)",
    "длинными считаются звонки от {used} с, как их посчитали вкладки с агрегатами, а не от {asked} с (voronka sql --long-call {asked} даст такие представления)",
    "довгими вважаються дзвінки від {used} с, як їх порахували вкладки з агрегатами, а не від {asked} с (voronka sql --long-call {asked} дасть такі подання)",
  ),
  unknownName: l(
    '{flag} "{name}": nothing of that name in the data ({names})',
    "{flag} «{name}»: такого имени в данных нет ({names})",
    "{flag} «{name}»: такого імені в даних немає ({names})",
  ),
  badOut: l(
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

/** A number as the language writes it (1,012 / 1 012). */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(localeOf(lang));
}

/**
 * The message in the language, values filled in. Values are user text (file names, headers):
 * control characters and line breaks in them are removed so one message stays one line.
 */
export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return fill(MESSAGES[key][lang], params, lang, (v) =>
    typeof v === "number" ? formatCount(lang, v) : terminalText(v).replace(/[\r\n\t]+/g, " "),
  );
}
