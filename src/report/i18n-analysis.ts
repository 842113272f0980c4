/**
 * Labels of the analysis sheets (Velocity, Changes and its checks, Time, Quality, Data check) in
 * English, Russian and Ukrainian: written for a business owner, neutral, never gendered.
 */
import { type Localized, l } from "../core/i18n";
import { WORDS } from "../core/words";

export const ANALYSIS_LABELS = {
  // Velocity.
  "velocity.byTransition": l("Days between stages", "Дни между этапами", "Дні між етапами"),
  transition: l("Transition", "Переход", "Перехід"),
  average: l("Average", "Среднее", "Середнє"),
  median: l("Median", "Медиана", "Медіана"),
  p90: l("90th percentile", "90-й перцентиль", "90-й перцентиль"),
  createdToWon: l("Created → sold", "Создание → продажа", "Створення → продаж"),
  "velocity.trend": l(
    "Monthly trend: average days, goal {goal}% less than the month before",
    "Динамика по месяцам: среднее число дней, цель — на {goal}% меньше, чем в прошлом месяце",
    "Динаміка за місяцями: середня кількість днів, мета — на {goal}% менше, ніж минулого місяця",
  ),
  "velocity.byTransition.note": l(
    "Averages are exact. Medians and p90 are read from durations counted by bucket: exact for dates without times up to 360 days; with times, off by less than a bucket (at most a day).",
    "Средние точные. Медиана и p90 считаются по длительностям, сгруппированным по интервалам: для дат без времени — точно (до 360 дней); для дат со временем — с ошибкой меньше интервала (не больше суток).",
    "Середні точні. Медіана й p90 рахуються за тривалостями, згрупованими за інтервалами: для дат без часу — точно (до 360 днів); для дат із часом — з похибкою меншою за інтервал (не більше доби).",
  ),
  "velocity.trend.note": l(
    "A transition counts in the month its later stage was entered. Funnel time is the sum of the transitions' averages; the goal is the month before's funnel time minus the share above. The first month and a month after one without data have no goal; the month the data ends in is not judged.",
    "Переход относится к месяцу, в котором сделка перешла на более поздний этап. Время воронки — сумма средних по переходам; цель — время воронки прошлого месяца минус указанная доля. У первого месяца и у месяца после месяца без данных цели нет; месяц, на котором заканчиваются данные, не оценивается.",
    "Перехід належить до місяця, в якому угода перейшла на пізніший етап. Час воронки — сума середніх за переходами; мета — час воронки минулого місяця мінус зазначена частка. Перший місяць і місяць після місяця без даних мети не мають; місяць, на якому закінчуються дані, не оцінюється.",
  ),
  funnelTime: l("Funnel time, days", "Время воронки, дней", "Час воронки, днів"),
  goal: l("Goal, days", "Цель, дней", "Мета, днів"),
  onTrack: l("Goal met", "Цель достигнута", "Мету досягнуто"),
  notFinished: l("month not over", "месяц не закончен", "місяць не завершено"),
  yes: l("yes", "да", "так"),
  no: l("no", "нет", "ні"),

  // Changes.
  "changes.byStage": l(
    "Cohorts compared: {last} against {prev}",
    "Сравнение когорт: {last} и {prev}",
    "Порівняння когорт: {last} і {prev}",
  ),
  "changes.cohortWindow": l(
    "A cohort is the deals created in a period (by created date, else by the first stage's date). A stage counts when the deal reached it within {w} days of creation: 80% of won deals reached the sale within that many days (the window is a report option).",
    "Когорта — сделки, созданные в периоде (по дате создания, а без неё — по дате первого этапа). Этап засчитывается, если сделка дошла до него не позже чем через {w} дн. после создания: за столько дней до продажи доходят 80% выигранных сделок (окно — параметр отчёта).",
    "Когорта — угоди, створені в періоді (за датою створення, а без неї — за датою першого етапу). Етап зараховується, якщо угода дійшла до нього не пізніше ніж через {w} дн. після створення: за стільки днів до продажу доходять 80% виграних угод (вікно — параметр звіту).",
  ),
  "changes.cohortWindowSet": l(
    "A cohort is the deals created in a period (by created date, else by the first stage's date). A stage counts when the deal reached it within {w} days of creation (the window set in the report options).",
    "Когорта — сделки, созданные в периоде (по дате создания, а без неё — по дате первого этапа). Этап засчитывается, если сделка дошла до него не позже чем через {w} дн. после создания (окно задано в параметрах отчёта).",
    "Когорта — угоди, створені в періоді (за датою створення, а без неї — за датою першого етапу). Етап зараховується, якщо угода дійшла до нього не пізніше ніж через {w} дн. після створення (вікно задано в параметрах звіту).",
  ),
  "changes.cohortSoFar": l(
    "A cohort is the deals created in a period. The stages have no dates, so each share is what the cohort has reached by the data's last date, without a window.",
    "Когорта — сделки, созданные в периоде. У этапов нет дат, поэтому доля показывает, до чего когорта дошла к последней дате в данных, без окна.",
    "Когорта — угоди, створені в періоді. Етапи не мають дат, тому частка показує, до чого когорта дійшла на останню дату в даних, без вікна.",
  ),
  "changes.younger": l(
    "Later periods ({periods}) are not compared: on {date}, the data's last date, some of their deals are younger than {w} days.",
    "Более поздние периоды ({periods}) не сравниваются: на {date}, последнюю дату в данных, часть их сделок моложе {w} дн.",
    "Пізніші періоди ({periods}) не порівнюються: на {date}, останню дату в даних, частина їхніх угод молодша за {w} дн.",
  ),
  "changes.undated": l(
    "Deals with no date: {n}; they are in no cohort.",
    "Сделок без даты: {n}; они не входят ни в одну когорту.",
    "Угод без дати: {n}; вони не входять до жодної когорти.",
  ),
  cohortReached: l(
    "Reached, cohort {period}",
    "Дошли, когорта {period}",
    "Дійшли, когорта {period}",
  ),
  reachedStage: l(
    "Reached “{stage}”, {period}",
    "Дошли до этапа «{stage}», {period}",
    "Дійшли до етапу «{stage}», {period}",
  ),
  reachedSoFar: l("so far, no window", "на конец данных, без окна", "на кінець даних, без вікна"),
  absChange: l("Change, p.p.", "Изменение, п. п.", "Зміна, в. п."),
  relChange: l("Change, %", "Изменение, %", "Зміна, %"),
  "changes.drop": l(
    "Start with “{stage}”: the conversion into it fell by {pct}% (threshold {thr}%).",
    "Начните с этапа «{stage}»: конверсия в него снизилась на {pct}% (порог — {thr}%).",
    "Почніть з етапу «{stage}»: конверсія в нього знизилася на {pct}% (поріг — {thr}%).",
  ),
  "changes.noDrop": l(
    "No stage's conversion fell by more than {thr}%.",
    "Ни на одном этапе конверсия не снизилась больше чем на {thr}%.",
    "На жодному етапі конверсія не знизилася більше ніж на {thr}%.",
  ),
  "changes.entries": l(
    "Deals entering each stage per period",
    "Сколько сделок вошло в каждый этап за период",
    "Скільки угод увійшло в кожен етап за період",
  ),
  "changes.entries.note": l(
    "Counts, not conversions: in one period different deals enter different stages.",
    "Это количества, а не конверсии: за один период в разные этапы входят разные сделки.",
    "Це кількості, а не конверсії: за один період у різні етапи входять різні угоди.",
  ),
  "changes.activity": l(
    "Activity in the same periods",
    "Активность в те же периоды",
    "Активність у ті самі періоди",
  ),
  "changes.sources": l(
    "Conversion into “{stage}” by source",
    "Конверсия в этап «{stage}» по источникам",
    "Конверсія в етап «{stage}» за джерелами",
  ),
  "changes.checks": WORDS.whatToCheck,
  check: l("Check", "Проверка", "Перевірка"),
  targetedShare: l("Targeted share", "Доля целевых", "Частка цільових"),
  "check.calls": l(
    "Calls of {sec} s and more per rep in both periods: has their number changed?",
    "Звонки от {sec} с у каждого менеджера в оба периода: изменилось ли их количество?",
    "Дзвінки від {sec} с у кожного менеджера в обидва періоди: чи змінилася їхня кількість?",
  ),
  "check.minutes": l(
    "Minutes on the line per rep: how much time goes into talking to clients?",
    "Минуты на линии у каждого менеджера: сколько времени уходит на разговоры с клиентами?",
    "Хвилини на лінії в кожного менеджера: скільки часу йде на розмови з клієнтами?",
  ),
  "check.leads": l(
    "New leads per rep: as many as in the period before?",
    "Новые лиды у каждого менеджера: столько же, сколько в прошлом периоде?",
    "Нові ліди в кожного менеджера: стільки ж, скільки в минулому періоді?",
  ),
  "check.quality": l(
    "Lead quality: the share of targeted leads among the deals that reached “{above}”.",
    "Качество лидов: доля целевых среди сделок, дошедших до этапа «{above}».",
    "Якість лідів: частка цільових серед угод, що дійшли до етапу «{above}».",
  ),
  "check.confirm": l(
    "Confirmations: the step “{from}” → “{to}” against the previous period.",
    "Подтверждения: конверсия шага «{from}» → «{to}» по сравнению с прошлым периодом.",
    "Підтвердження: конверсія кроку «{from}» → «{to}» порівняно з минулим періодом.",
  ),
  "check.stepBefore": l(
    "The step before, “{before}” → “{above}”, in the table above: if its conversion fell too, start there.",
    "Предыдущий шаг «{before}» → «{above}» в таблице выше: если его конверсия тоже снизилась, начните с него.",
    "Попередній крок «{before}» → «{above}» у таблиці вище: якщо його конверсія теж знизилася, почніть з нього.",
  ),
  "check.source": l(
    "Source: the conversion into “{stage}” by source — did the deals come from a new source?",
    "Источник: конверсия в этап «{stage}» по источникам — не пришли ли сделки из нового источника?",
    "Джерело: конверсія в етап «{stage}» за джерелами — чи не прийшли угоди з нового джерела?",
  ),
  "check.listen": l(
    "Listen to calls on deals that stopped at “{above}”: how was the next step agreed, what did the client expect?",
    "Прослушайте звонки по сделкам, которые остановились на этапе «{above}»: как договаривались о следующем шаге, чего ждал клиент?",
    "Прослухайте дзвінки за угодами, що зупинилися на етапі «{above}»: як домовлялися про наступний крок, чого очікував клієнт?",
  ),

  // Time.
  "time.byRep": l(
    "Hours per activity category",
    "Часы по видам деятельности",
    "Години за видами діяльності",
  ),
  totalHours: l("Total hours", "Всего часов", "Усього годин"),
  sellingShare: l("Selling time share", "Доля времени на продажи", "Частка часу на продажі"),
  nonSellingShare: l(
    "Other work time share",
    "Доля времени на другую работу",
    "Частка часу на іншу роботу",
  ),
  "time.misc": l("“{misc}” by period", "«{misc}» по периодам", "«{misc}» за періодами"),
  miscHours: l("Hours", "Часы", "Години"),
  miscShare: l("Share of time", "Доля времени", "Частка часу"),
  "time.miscGrows": l(
    "“{misc}” is growing ({prev} → {last} of the time): find the activities hiding in it and give them their own category (change categories at most once a month).",
    "Доля «{misc}» растёт ({prev} → {last} времени): найдите задачи, которые в неё попадают, и выделите их в отдельную категорию (категории лучше менять не чаще раза в месяц).",
    "Частка «{misc}» зростає ({prev} → {last} часу): знайдіть завдання, що до неї потрапляють, і виділіть їх в окрему категорію (категорії краще змінювати не частіше ніж раз на місяць).",
  ),

  // Quality.
  "quality.byRep": l(
    "Checklist score by rep and criterion",
    "Оценка по чек-листу: менеджеры и критерии",
    "Оцінка за чек-листом: менеджери та критерії",
  ),
  graded: l("Graded", "Оценено", "Оцінено"),
  overallScore: l("Overall", "Общая оценка", "Загальна оцінка"),
  "quality.wonLost": l(
    "Checklist score in won and lost deals",
    "Оценка по чек-листу в выигранных и проигранных сделках",
    "Оцінка за чек-листом у виграних і програних угодах",
  ),
  criterion: l("Criterion", "Критерий", "Критерій"),
  won: l("Won", "Выигранные", "Виграні"),
  lost: l("Lost", "Проигранные", "Програні"),
  difference: l("Difference, p.p.", "Разница, п. п.", "Різниця, в. п."),

  // Data check.
  "dataCheck.summary": l(
    "Rows and cells left out",
    "Пропущенные строки и ячейки",
    "Пропущені рядки та клітинки",
  ),
  "dataCheck.rows": l("Every problem", "Все проблемы", "Усі проблеми"),
  "dataCheck.pipelines": l(
    "The report is for the pipeline “{chosen}” ({deals} {count:deal|deals}); left out: {others}. To report on another pipeline, name it with the command's --pipeline option, or as the “pipeline” key of the settings tab's sidebar row.",
    "Отчёт построен по воронке «{chosen}» ({deals} {count:сделка|сделки|сделок}); не вошли: {others}. Чтобы построить отчёт по другой воронке, назовите её в параметре --pipeline команды или ключом «pipeline» в строке sidebar листа настроек.",
    "Звіт побудовано за воронкою «{chosen}» ({deals} {count:угода|угоди|угод}); не ввійшли: {others}. Щоб побудувати звіт за іншою воронкою, назвіть її в параметрі --pipeline команди або ключем «pipeline» у рядку sidebar аркуша налаштувань.",
  ),
  "dataCheck.unknownPipeline": l(
    "No pipeline is called “{asked}”: the report takes the one with the most deals.",
    "Воронки «{asked}» нет: отчёт построен по воронке с наибольшим числом сделок.",
    "Воронки «{asked}» немає: звіт побудовано за воронкою з найбільшою кількістю угод.",
  ),
  "dataCheck.capped": l(
    "The first {shown} of {total} problems are listed; fix these and build again to see the rest.",
    "Показаны первые {shown} из {total} проблем; исправьте их и постройте отчёт снова, чтобы увидеть остальные.",
    "Показано перші {shown} з {total} проблем; виправте їх і побудуйте звіт знову, щоб побачити решту.",
  ),
  tab: l("Tab", "Лист", "Аркуш"),
  row: l("Row", "Строка", "Рядок"),
  column: l("Column", "Столбец", "Стовпець"),
  header: l("Header", "Заголовок", "Заголовок"),
  value: l("Value", "Значение", "Значення"),
  problem: l("Problem", "Проблема", "Проблема"),
  detail: l("Detail", "Подробности", "Подробиці"),
  "reason.badDate": l(
    "Could not read the date.",
    "Не удалось прочитать дату.",
    "Не вдалося прочитати дату.",
  ),
  "reason.badNumber": l(
    "Could not read the number.",
    "Не удалось прочитать число.",
    "Не вдалося прочитати число.",
  ),
  "reason.badDuration": l(
    "Could not read the duration.",
    "Не удалось прочитать длительность.",
    "Не вдалося прочитати тривалість.",
  ),
  "reason.negativeDuration": l(
    "The duration is negative.",
    "Длительность отрицательная.",
    "Тривалість від'ємна.",
  ),
  "reason.unknownStage": l(
    "This stage is not in the funnel's list of stages.",
    "Такого этапа нет в списке этапов воронки.",
    "Такого етапу немає в списку етапів воронки.",
  ),
  "reason.missingId": l(
    "The row has no id.",
    "В строке нет идентификатора.",
    "У рядку немає ідентифікатора.",
  ),
  "reason.missingRequired": l(
    "A required value is missing.",
    "Не заполнено обязательное значение.",
    "Не заповнено обов'язкове значення.",
  ),
  "reason.duplicate": l(
    "This id already appeared above.",
    "Этот идентификатор уже встречался выше.",
    "Цей ідентифікатор уже траплявся вище.",
  ),
  "reason.closeBeforeCreate": l(
    "The close date is earlier than the created date.",
    "Дата закрытия раньше даты создания.",
    "Дата закриття раніша за дату створення.",
  ),
  "reason.stageOutOfOrder": l(
    "The stage's date is earlier than the previous stage's date.",
    "Дата этапа раньше даты предыдущего этапа.",
    "Дата етапу раніша за дату попереднього етапу.",
  ),
  "reason.unknownStatus": l(
    "Could not tell the status.",
    "Не удалось распознать статус.",
    "Не вдалося розпізнати статус.",
  ),
  "reason.noHeader": l(
    "No header row was found.",
    "Не найдена строка заголовков.",
    "Не знайдено рядка заголовків.",
  ),
  "reason.cellTooLong": l(
    "The text was cut to Excel's limit of 32,767 characters.",
    "Текст обрезан до предела Excel — 32 767 символов.",
    "Текст обрізано до межі Excel — 32 767 символів.",
  ),
  "reason.otherPipeline": l(
    "A deal of another pipeline (named in the detail): one funnel is one pipeline.",
    "Сделка другой воронки (названа в пояснении): одна воронка — один отчёт.",
    "Угода іншої воронки (названа в поясненні): одна воронка — один звіт.",
  ),
  "reason.other": l("Another problem.", "Другая проблема.", "Інша проблема."),
} satisfies Record<string, Localized>;
