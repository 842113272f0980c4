import type { FunctionSpec } from "./spec";

const RANGE = "Array<Array<*>>";

/** Every custom function's spec, in README order: the single source for JSDoc, README and help. */
export const FUNCTIONS: FunctionSpec[] = [
  {
    name: "CONVERSION",
    summary: {
      en: "Conversion from one funnel stage to the next: counts (to ÷ from, cell by cell) or marks (among rows whose from is filled, the share whose to is filled).",
      ru: "Конверсия из одного этапа воронки в следующий: по количествам (to ÷ from по ячейкам) или по отметкам (среди строк с заполненным from — доля строк с заполненным to).",
      uk: "Конверсія з одного етапу воронки в наступний: за кількостями (to ÷ from по клітинках) або за позначками (серед рядків із заповненим from — частка рядків із заповненим to).",
    },
    params: [
      {
        name: "from",
        type: `number|${RANGE}`,
        description: {
          en: "Count at the earlier stage (a number or a range of counts), or a column of marks (dates, checkboxes, text) per lead or deal.",
          ru: "Количество на предыдущем этапе (число или диапазон), либо столбец отметок (даты, флажки, текст) по лидам или сделкам.",
          uk: "Кількість на попередньому етапі (число або діапазон), або стовпець позначок (дати, прапорці, текст) по лідах чи угодах.",
        },
      },
      {
        name: "to",
        type: `number|${RANGE}`,
        description: {
          en: "Count at the later stage, or the column of marks for the later stage; same shape as from.",
          ru: "Количество на следующем этапе или столбец отметок следующего этапа; того же размера, что from.",
          uk: "Кількість на наступному етапі або стовпець позначок наступного етапу; того ж розміру, що from.",
        },
      },
    ],
    returns: {
      type: `number|${RANGE}`,
      description: {
        en: "The rate as a fraction (format as percent); empty when from is 0 or blank.",
        ru: "Доля (отформатируйте как процент); пусто, если from равно 0 или пусто.",
        uk: "Частка (відформатуйте як відсоток); порожньо, якщо from дорівнює 0 або порожнє.",
      },
    },
    examples: [
      { formula: "=CONVERSION(1000, 150)", result: "0.15" },
      {
        formula: "=CONVERSION(B2:B5, B3:B6)",
        result: "step conversions of a column of stage counts",
      },
      {
        formula: "=CONVERSION(Deals!E2:E, Deals!G2:G)",
        result: "share of deals with a meeting date that also have a payment date",
      },
    ],
  },
  {
    name: "STAGE_VELOCITY",
    summary: {
      en: "How long deals take from one stage to another. Two-column form: STAGE_VELOCITY(from_dates, to_dates, [statistic], [unit]). Log form: STAGE_VELOCITY(ids, stages, dates, from_stage, to_stage, [statistic], [unit]) on a stage-change log.",
      ru: "Сколько времени сделки идут от этапа к этапу. Форма двух столбцов: STAGE_VELOCITY(даты_от, даты_до, [статистика], [единица]). Форма журнала: STAGE_VELOCITY(ids, этапы, даты, этап_от, этап_до, [статистика], [единица]).",
      uk: "Скільки часу угоди йдуть від етапу до етапу. Форма двох стовпців: STAGE_VELOCITY(дати_від, дати_до, [статистика], [одиниця]). Форма журналу: STAGE_VELOCITY(ids, етапи, дати, етап_від, етап_до, [статистика], [одиниця]).",
    },
    params: [
      {
        name: "from_dates_or_ids",
        type: RANGE,
        description: {
          en: "Two-column form: dates the deals entered the first stage. Log form: the deal id of each log row.",
          ru: "Форма двух столбцов: даты входа в первый этап. Форма журнала: id сделки в каждой строке журнала.",
          uk: "Форма двох стовпців: дати входу в перший етап. Форма журналу: id угоди в кожному рядку журналу.",
        },
      },
      {
        name: "to_dates_or_stages",
        type: RANGE,
        description: {
          en: "Two-column form: dates the deals reached the second stage (rows with to before from are skipped). Log form: the stage of each log row.",
          ru: "Форма двух столбцов: даты достижения второго этапа (строки, где to раньше from, пропускаются). Форма журнала: этап в каждой строке.",
          uk: "Форма двох стовпців: дати досягнення другого етапу (рядки, де to раніше за from, пропускаються). Форма журналу: етап у кожному рядку.",
        },
      },
      {
        name: "statistic_or_dates",
        type: `string|${RANGE}`,
        optional: true,
        description: {
          en: 'Two-column form: optional statistic, "average" (default), "median", "p90", "min", "max" or "count" (Russian and Ukrainian words work too). Log form: the date of each log row.',
          ru: 'Форма двух столбцов: необязательная статистика — "среднее" (по умолчанию), "медиана", "p90", "минимум", "максимум", "количество". Форма журнала: дата каждой строки.',
          uk: 'Форма двох стовпців: необов\'язкова статистика — "середнє" (за замовчуванням), "медіана", "p90", "мінімум", "максимум", "кількість". Форма журналу: дата кожного рядка.',
        },
      },
      {
        name: "unit_or_from_stage",
        type: "string",
        optional: true,
        description: {
          en: 'Two-column form: optional unit, "days" (default; fractional when times are present), "hours" or "workdays" (Monday to Friday days from the first date up to the second, e.g. Monday to Friday is 4). Log form: the name of the first stage.',
          ru: 'Форма двух столбцов: необязательная единица — "дни" (по умолчанию; дробные, если есть время), "часы" или "рабочие дни" (пн–пт от первой даты до второй, с понедельника до пятницы — 4). Форма журнала: название первого этапа.',
          uk: 'Форма двох стовпців: необов\'язкова одиниця — "дні" (за замовчуванням; дробові, якщо є час), "години" або "робочі дні" (пн–пт від першої дати до другої, з понеділка до п\'ятниці — 4). Форма журналу: назва першого етапу.',
        },
      },
      {
        name: "to_stage",
        type: "string",
        optional: true,
        description: {
          en: "Log form only: the name of the second stage (per id, from its first entry into the first stage to its first entry into this one at or after it).",
          ru: "Только для формы журнала: название второго этапа (для каждого id — от первого входа в первый этап до первого входа в этот этап не раньше него).",
          uk: "Лише для форми журналу: назва другого етапу (для кожного id — від першого входу в перший етап до першого входу в цей етап не раніше за нього).",
        },
      },
      {
        name: "statistic",
        type: "string",
        optional: true,
        description: {
          en: 'Log form only: optional statistic, as above ("average" by default).',
          ru: 'Только для формы журнала: необязательная статистика, как выше ("среднее" по умолчанию).',
          uk: 'Лише для форми журналу: необов\'язкова статистика, як вище ("середнє" за замовчуванням).',
        },
      },
      {
        name: "unit",
        type: "string",
        optional: true,
        description: {
          en: 'Log form only: optional unit, as above ("days" by default).',
          ru: 'Только для формы журнала: необязательная единица, как выше ("дни" по умолчанию).',
          uk: 'Лише для форми журналу: необов\'язкова одиниця, як вище ("дні" за замовчуванням).',
        },
      },
    ],
    returns: {
      type: "number",
      description: {
        en: "The statistic of the durations; empty when no row qualifies.",
        ru: "Статистика длительностей; пусто, если подходящих строк нет.",
        uk: "Статистика тривалостей; порожньо, якщо відповідних рядків немає.",
      },
    },
    examples: [
      {
        formula: '=STAGE_VELOCITY({"2026-03-02";"2026-03-05"}, {"2026-03-06";"2026-03-15"})',
        result: "7",
      },
      {
        formula: '=STAGE_VELOCITY(Deals!F2:F, Deals!G2:G, "median", "workdays")',
        result: "median working days from engage to close",
      },
      {
        formula: '=STAGE_VELOCITY(Log!A2:A, Log!B2:B, Log!C2:C, "Meeting", "Paid", "p90")',
        result: "p90 days from meeting to payment",
      },
    ],
  },
  {
    name: "REQUIRED_CALLS",
    summary: {
      en: "Reverse-funnel planning: how many first-step activities (calls) reach a sales target, rounded up; with working_days, how many a day.",
      ru: "Обратная воронка: сколько действий первого шага (звонков) нужно для цели по продажам, с округлением вверх; с working_days — сколько в день.",
      uk: "Зворотна воронка: скільки дій першого кроку (дзвінків) потрібно для цілі з продажів, з округленням угору; з working_days — скільки на день.",
    },
    params: [
      {
        name: "target",
        type: "number",
        description: {
          en: "The number of sales (or other last-stage results) wanted, more than 0.",
          ru: "Желаемое число продаж (или других результатов последнего этапа), больше 0.",
          uk: "Бажана кількість продажів (або інших результатів останнього етапу), більше за 0.",
        },
      },
      {
        name: "rates",
        type: `number|${RANGE}`,
        description: {
          en: 'One rate or a range of step rates from the first activity to the sale, each between 0 and 1 (0.15, 15% or "15%").',
          ru: 'Одна доля или диапазон конверсий шагов от первого действия до продажи, каждая от 0 до 1 (0,15, 15% или "15%").',
          uk: 'Одна частка або діапазон конверсій кроків від першої дії до продажу, кожна від 0 до 1 (0,15, 15% або "15%").',
        },
      },
      {
        name: "working_days",
        type: "number",
        optional: true,
        description: {
          en: "Optional: working days in the period; the result is then per working day, rounded up.",
          ru: "Необязательно: рабочие дни периода; тогда результат — в день, с округлением вверх.",
          uk: "Необов'язково: робочі дні періоду; тоді результат — на день, з округленням угору.",
        },
      },
    ],
    returns: {
      type: "number",
      description: {
        en: "Whole number of activities (per working day with working_days).",
        ru: "Целое число действий (в день, если задан working_days).",
        uk: "Ціле число дій (на день, якщо задано working_days).",
      },
    },
    examples: [
      { formula: "=REQUIRED_CALLS(50, 5%)", result: "1000" },
      { formula: "=REQUIRED_CALLS(50, {15%; 1/3})", result: "1000" },
      { formula: "=REQUIRED_CALLS(50, 5%, 21)", result: "48" },
    ],
  },
  {
    name: "FUNNEL",
    summary: {
      en: "Spills a funnel table with a header row: Stage, Count, Step conversion, Overall conversion. Without ids every row is one event; with ids a deal counts at every stage up to the furthest it reached.",
      ru: "Выводит таблицу воронки с заголовком: Этап, Количество, Конверсия шага, Общая конверсия. Без ids каждая строка — одно событие; с ids сделка учитывается на всех этапах до самого дальнего.",
      uk: "Виводить таблицю воронки із заголовком: Етап, Кількість, Конверсія кроку, Загальна конверсія. Без ids кожен рядок — одна подія; з ids угода враховується на всіх етапах до найдальшого.",
    },
    params: [
      {
        name: "stages",
        type: RANGE,
        description: {
          en: "A column with a stage name per row (rows whose stage is not in order are ignored).",
          ru: "Столбец с названием этапа в каждой строке (строки с этапом не из order игнорируются).",
          uk: "Стовпець із назвою етапу в кожному рядку (рядки з етапом не з order ігноруються).",
        },
      },
      {
        name: "order",
        type: RANGE,
        description: {
          en: "The funnel's stages from top to bottom (case and surrounding spaces ignored).",
          ru: "Этапы воронки сверху вниз (регистр и пробелы по краям не важны).",
          uk: "Етапи воронки згори донизу (регістр і пробіли по краях не важливі).",
        },
      },
      {
        name: "ids",
        type: RANGE,
        optional: true,
        description: {
          en: "Optional: a deal id per row, same length as stages; counts distinct ids that reached each stage.",
          ru: "Необязательно: id сделки в каждой строке, той же длины, что stages; считает разные id, дошедшие до этапа.",
          uk: "Необов'язково: id угоди в кожному рядку, тієї ж довжини, що stages; рахує різні id, що дійшли до етапу.",
        },
      },
    ],
    returns: {
      type: RANGE,
      description: {
        en: "A table with a header row and one row per stage.",
        ru: "Таблица с заголовком и строкой на каждый этап.",
        uk: "Таблиця із заголовком і рядком на кожен етап.",
      },
    },
    examples: [
      {
        formula: '=FUNNEL({"Call";"Call";"Meeting";"Paid"}, {"Call";"Meeting";"Paid"})',
        result: "Call 2, Meeting 1 (50%), Paid 1 (100%, overall 50%)",
      },
      {
        formula: "=FUNNEL(Log!B2:B, Stages!A2:A5, Log!A2:A)",
        result: "distinct deals that reached each stage",
      },
    ],
  },
  {
    name: "SALES_VELOCITY",
    summary: {
      en: "Sales velocity: revenue per day = opportunities × win rate × average deal ÷ sales cycle in days.",
      ru: "Скорость продаж: выручка в день = возможности × доля выигранных × средний чек ÷ цикл сделки в днях.",
      uk: "Швидкість продажів: виторг на день = можливості × частка виграних × середній чек ÷ цикл угоди в днях.",
    },
    params: [
      {
        name: "opportunities",
        type: "number",
        description: {
          en: "Open opportunities in the pipeline, 0 or more.",
          ru: "Открытые возможности (сделки) в воронке, не меньше 0.",
          uk: "Відкриті можливості (угоди) у воронці, не менше 0.",
        },
      },
      {
        name: "win_rate",
        type: "number",
        description: {
          en: "Share of opportunities won, between 0 and 1 (25% or 0.25).",
          ru: "Доля выигранных сделок, от 0 до 1 (25% или 0,25).",
          uk: "Частка виграних угод, від 0 до 1 (25% або 0,25).",
        },
      },
      {
        name: "avg_deal",
        type: "number",
        description: {
          en: "Average deal size (revenue per won deal).",
          ru: "Средний чек (выручка с выигранной сделки).",
          uk: "Середній чек (виторг з виграної угоди).",
        },
      },
      {
        name: "cycle_days",
        type: "number",
        description: {
          en: "Average sales cycle in days; 0 gives an empty result.",
          ru: "Средний цикл сделки в днях; при 0 результат пуст.",
          uk: "Середній цикл угоди в днях; за 0 результат порожній.",
        },
      },
    ],
    returns: {
      type: "number",
      description: {
        en: "Revenue per day.",
        ru: "Выручка в день.",
        uk: "Виторг на день.",
      },
    },
    examples: [{ formula: "=SALES_VELOCITY(40, 25%, 2000, 30)", result: "666.67" }],
  },
  {
    name: "PLAN_PACE",
    summary: {
      en: "Run-rate forecast of a period's result and its share of plan, from explicit dates (no hidden TODAY): spills one row, forecast and forecast ÷ plan.",
      ru: "Прогноз результата периода по текущему темпу и его доля от плана, по явным датам (без скрытого TODAY): одна строка — прогноз и прогноз ÷ план.",
      uk: "Прогноз результату періоду за поточним темпом і його частка від плану, за явними датами (без прихованого TODAY): один рядок — прогноз і прогноз ÷ план.",
    },
    params: [
      {
        name: "actual",
        type: "number",
        description: {
          en: "The result so far in the period (sales, revenue, calls).",
          ru: "Результат периода на данный момент (продажи, выручка, звонки).",
          uk: "Результат періоду на цей момент (продажі, виторг, дзвінки).",
        },
      },
      {
        name: "plan",
        type: "number",
        description: {
          en: "The period's plan (blank or 0: the share is empty).",
          ru: "План на период (пусто или 0 — доля пуста).",
          uk: "План на період (порожньо або 0 — частка порожня).",
        },
      },
      {
        name: "period_start",
        type: "Date",
        description: {
          en: "First day of the period (a date, date text or serial day).",
          ru: "Первый день периода (дата, текст даты или номер дня).",
          uk: "Перший день періоду (дата, текст дати або номер дня).",
        },
      },
      {
        name: "period_end",
        type: "Date",
        description: {
          en: "Last day of the period, inclusive.",
          ru: "Последний день периода включительно.",
          uk: "Останній день періоду включно.",
        },
      },
      {
        name: "as_of",
        type: "Date",
        description: {
          en: "The day the actual is counted through, inclusive (e.g. a cell holding =TODAY()).",
          ru: "День, по который включительно посчитан факт (например, ячейка с =TODAY()).",
          uk: "День, по який включно пораховано факт (наприклад, клітинка з =TODAY()).",
        },
      },
      {
        name: "unit",
        type: "string",
        optional: true,
        description: {
          en: 'Optional: "days" (default, calendar days) or "workdays" (Monday to Friday).',
          ru: 'Необязательно: "дни" (по умолчанию, календарные) или "рабочие дни" (пн–пт).',
          uk: 'Необов\'язково: "дні" (за замовчуванням, календарні) або "робочі дні" (пн–пт).',
        },
      },
    ],
    returns: {
      type: "Array<Array<number>>",
      description: {
        en: "One row: the forecast for the period and its share of plan.",
        ru: "Одна строка: прогноз на период и его доля от плана.",
        uk: "Один рядок: прогноз на період і його частка від плану.",
      },
    },
    examples: [
      {
        formula: '=PLAN_PACE(120, 300, "2026-03-01", "2026-03-31", "2026-03-10")',
        result: "372 | 1.24",
      },
    ],
  },
  {
    name: "TALK_TIME",
    summary: {
      en: "Calls of at least N seconds and minutes on the line from a column of call durations (seconds, mm:ss, h:mm:ss or duration cells): spills one row, calls and minutes.",
      ru: "Звонки не короче N секунд и минуты на линии по столбцу длительностей (секунды, мм:сс, ч:мм:сс или ячейки-длительности): одна строка — звонки и минуты.",
      uk: "Дзвінки не коротші за N секунд і хвилини на лінії за стовпцем тривалостей (секунди, хх:сс, г:хх:сс або клітинки-тривалості): один рядок — дзвінки та хвилини.",
    },
    params: [
      {
        name: "durations",
        type: RANGE,
        description: {
          en: "Call durations: seconds, text mm:ss or h:mm:ss, or Sheets durations; blanks ignored.",
          ru: "Длительности звонков: секунды, текст мм:сс или ч:мм:сс, или длительности Таблиц; пустые игнорируются.",
          uk: "Тривалості дзвінків: секунди, текст хх:сс або г:хх:сс, або тривалості Таблиць; порожні ігноруються.",
        },
      },
      {
        name: "min_seconds",
        type: "number",
        optional: true,
        description: {
          en: "Optional: the shortest call that counts, in seconds (60 by default).",
          ru: "Необязательно: минимальная длительность засчитываемого звонка в секундах (60 по умолчанию).",
          uk: "Необов'язково: мінімальна тривалість дзвінка, що зараховується, у секундах (60 за замовчуванням).",
        },
      },
      {
        name: "output",
        type: "string",
        optional: true,
        description: {
          en: 'Optional: "both" (default, one row of two cells), "calls" or "minutes".',
          ru: 'Необязательно: "оба" (по умолчанию, строка из двух ячеек), "звонки" или "минуты".',
          uk: 'Необов\'язково: "обидва" (за замовчуванням, рядок із двох клітинок), "дзвінки" або "хвилини".',
        },
      },
    ],
    returns: {
      type: "Array<Array<number>>|number",
      description: {
        en: "Calls of at least min_seconds and total minutes on the line (all calls).",
        ru: "Звонки не короче min_seconds и всего минут на линии (все звонки).",
        uk: "Дзвінки не коротші за min_seconds і всього хвилин на лінії (усі дзвінки).",
      },
    },
    examples: [
      { formula: '=TALK_TIME({45; "1:30"; "0:02:00"; 600})', result: "3 | 14.25" },
      { formula: '=TALK_TIME(Calls!D2:D, 60, "calls")', result: "calls of 60 s and more" },
    ],
  },
  {
    name: "REVERSE_FUNNEL",
    summary: {
      en: "REQUIRED_CALLS broken down per stage: spills Stage, Rate to next, Needed (and Per day with working_days), from the first activity to the target.",
      ru: "REQUIRED_CALLS по этапам: таблица Этап, Конверсия в следующий, Нужно (и В день с working_days) от первого действия до цели.",
      uk: "REQUIRED_CALLS за етапами: таблиця Етап, Конверсія в наступний, Потрібно (і На день з working_days) від першої дії до мети.",
    },
    params: [
      {
        name: "target",
        type: "number",
        description: {
          en: "The number of sales wanted, more than 0.",
          ru: "Желаемое число продаж, больше 0.",
          uk: "Бажана кількість продажів, більше за 0.",
        },
      },
      {
        name: "rates",
        type: `number|${RANGE}`,
        description: {
          en: "Step rates from the first activity to the sale, each between 0 and 1.",
          ru: "Конверсии шагов от первого действия до продажи, каждая от 0 до 1.",
          uk: "Конверсії кроків від першої дії до продажу, кожна від 0 до 1.",
        },
      },
      {
        name: "stages",
        type: RANGE,
        optional: true,
        description: {
          en: "Optional: stage names, one more than the rates (e.g. Calls, Meetings, Sales); blank: Stage 1, Stage 2, …",
          ru: "Необязательно: названия этапов, на одно больше, чем долей (например, Звонки, Встречи, Продажи); пусто — Этап 1, Этап 2, …",
          uk: "Необов'язково: назви етапів, на одну більше, ніж часток (наприклад, Дзвінки, Зустрічі, Продажі); порожньо — Етап 1, Етап 2, …",
        },
      },
      {
        name: "working_days",
        type: "number",
        optional: true,
        description: {
          en: "Optional: working days in the period; adds a Per day column, rounded up.",
          ru: "Необязательно: рабочие дни периода; добавляет столбец В день с округлением вверх.",
          uk: "Необов'язково: робочі дні періоду; додає стовпець На день з округленням угору.",
        },
      },
    ],
    returns: {
      type: RANGE,
      description: {
        en: "A table with a header row and one row per stage.",
        ru: "Таблица с заголовком и строкой на каждый этап.",
        uk: "Таблиця із заголовком і рядком на кожен етап.",
      },
    },
    examples: [
      {
        formula: '=REVERSE_FUNNEL(50, {15%; 1/3}, {"Calls"; "Meetings"; "Sales"}, 21)',
        result: "Calls 1000 (48 a day), Meetings 150 (8), Sales 50 (3)",
      },
    ],
  },
];
