import { describe, expect, it } from "vitest";
import { buildModel, detectTab, detectTabs, isOwnSheetName } from "../../src/model/index";
import type { RawTab, TabKind } from "../../src/model/types";

const D = (s: string) => new Date(`${s}T00:00:00Z`);

/** One small table per kind and language: [kind, tab name, header, a data row]. */
const TABLES: [TabKind, string, string, unknown[], unknown[]][] = [
  [
    "calls",
    "en",
    "Calls",
    ["Date", "Rep", "Duration", "Direction", "Result"],
    [D("2026-03-02"), "Ann", 75, "out", "talked"],
  ],
  [
    "calls",
    "ru",
    "Звонки",
    ["Дата звонка", "Сотрудник", "Длительность", "Тип звонка", "Итог"],
    [D("2026-03-02"), "Аня", "1:15", "Исходящий", "Разговор"],
  ],
  [
    "calls",
    "uk",
    "Дзвінки",
    ["Дата", "Менеджер", "Тривалість", "Напрямок", "Результат"],
    [D("2026-03-02"), "Аня", "1:15", "Вихідний", "Розмова"],
  ],
  [
    "deals",
    "en",
    "Deals",
    ["Deal ID", "Created", "Owner", "Source", "Status", "Amount", "Meeting date", "Payment date"],
    ["D1", D("2026-03-01"), "Ann", "Web", "Won", "1,200.50", D("2026-03-03"), D("2026-03-09")],
  ],
  [
    "deals",
    "ru",
    "Сделки",
    [
      "Номер сделки",
      "Дата создания",
      "Ответственный",
      "Источник",
      "Статус",
      "Сумма",
      "Дата встречи",
      "Дата оплаты",
    ],
    [
      "С1",
      "01.03.2026",
      "Аня",
      "Сайт",
      "Успешно реализовано",
      "1 200,50",
      "03.03.2026",
      "09.03.2026",
    ],
  ],
  [
    "deals",
    "uk",
    "Угоди",
    [
      "Номер угоди",
      "Дата створення",
      "Відповідальний",
      "Джерело",
      "Статус",
      "Сума",
      "Дата зустрічі",
      "Дата оплати",
    ],
    [
      "У1",
      "01.03.2026",
      "Аня",
      "Сайт",
      "Успішно реалізовано",
      "1 200,50",
      "03.03.2026",
      "09.03.2026",
    ],
  ],
  [
    "stageLog",
    "en",
    "History",
    ["Deal ID", "Stage", "Date", "Rep"],
    ["D1", "Lead", D("2026-03-01"), "Ann"],
  ],
  [
    "stageLog",
    "ru",
    "История",
    ["ID сделки", "Этап", "Дата перехода", "Менеджер"],
    ["С1", "Лид", "01.03.2026", "Аня"],
  ],
  [
    "stageLog",
    "uk",
    "Історія",
    ["ID угоди", "Етап", "Дата переходу", "Менеджер"],
    ["У1", "Лід", "01.03.2026", "Аня"],
  ],
  [
    "timeLog",
    "en",
    "Time",
    ["Date", "Employee", "Activity", "Minutes"],
    [D("2026-03-02"), "Ann", "Calls", 120],
  ],
  [
    "timeLog",
    "ru",
    "Хронометраж",
    ["Дата", "Сотрудник", "Вид деятельности", "Минуты"],
    ["02.03.2026", "Аня", "Звонки", 120],
  ],
  [
    "timeLog",
    "uk",
    "Час",
    ["Дата", "Працівник", "Діяльність", "Хвилини"],
    ["02.03.2026", "Аня", "Дзвінки", 120],
  ],
  ["plan", "en", "Targets", ["Month", "KPI", "Target", "Rep"], ["2026-03", "Calls", 1800, "Ann"]],
  [
    "plan",
    "ru",
    "План",
    ["Месяц", "Показатель", "План", "Менеджер"],
    ["2026-03", "Звонки", 1800, "Аня"],
  ],
  [
    "plan",
    "uk",
    "План",
    ["Місяць", "Показник", "Ціль", "Менеджер"],
    ["2026-03", "Дзвінки", 1800, "Аня"],
  ],
  [
    "checklist",
    "en",
    "QA",
    ["Call", "Rep", "Greeting", "Needs", "Close attempt", "Score"],
    ["C1", "Ann", true, false, true, 2],
  ],
  [
    "checklist",
    "ru",
    "Чек-лист",
    ["Сделка", "Менеджер", "Приветствие", "Выявление потребности", "Презентация", "Итого"],
    ["С1", "Аня", "да", "нет", 1, 2],
  ],
  [
    "checklist",
    "uk",
    "Чек-ліст",
    ["Угода", "Менеджер", "Привітання", "Потреба", "Презентація", "Разом"],
    ["У1", "Аня", "так", "ні", 1, 2],
  ],
  ["team", "en", "Team", ["Rep", "Role", "Since"], ["Ann", "Appointment setter", D("2026-01-01")]],
  ["team", "ru", "Команда", ["Сотрудник", "Роль"], ["Аня", "Лидоруб"]],
  [
    "team",
    "uk",
    "Склад команди",
    ["Менеджер", "Посада", "З дати"],
    ["Аня", "Фермер", "01.01.2026"],
  ],
  [
    "callsSummary",
    "en",
    "Daily calls",
    ["Date", "Agent", "Total calls", "Calls > 60 s", "Talk time"],
    [D("2026-03-02"), "Ann", 42, 17, "1:02:03"],
  ],
  [
    "callsSummary",
    "ru",
    "Сводка",
    ["День", "Оператор", "Звонков", "Звонки от 60 сек", "Минут разговора"],
    [D("2026-03-02"), "Аня", "42", "17", "62,05"],
  ],
  [
    "callsSummary",
    "uk",
    "Зведення",
    ["Дата", "Менеджер", "Кількість дзвінків", "Дзвінки від 60 с", "Час розмови"],
    [D("2026-03-02"), "Аня", 42, 17, "1:02:03"],
  ],
];

describe("detectTab", () => {
  for (const [kind, lang, name, header, row] of TABLES) {
    it(`finds ${kind} (${lang})`, () => {
      const d = detectTab({
        name,
        values: [header, row, row.map((v, i) => (i === 0 ? `${v}b` : v))],
      });
      expect(d?.kind).toBe(kind);
      expect(d?.headerRow).toBe(0);
      expect(d?.confidence).toBeGreaterThan(0.3);
    });
  }

  for (const [kind, lang, name, header, row] of TABLES) {
    it(`reads ${kind} (${lang}) into the model with no data issues`, () => {
      const { model } = buildModel([{ name, values: [header, row] }], { timeZone: "Europe/Kyiv" });
      expect(model.issues).toEqual([]);
      const got = {
        calls: model.calls.length,
        deals: model.deals.length,
        stageLog: model.deals.length,
        timeLog: model.timeEntries.length,
        plan: model.plans.length,
        checklist: model.grades.length,
        team: (model.team ?? []).length,
        callsSummary: (model.callDays ?? []).length,
        aggregates: 0,
      }[kind];
      expect(got).toBe(1);
      if (kind === "deals") expect(model.deals[0]).toMatchObject({ status: "won", amount: 1200.5 });
      if (kind === "calls") expect(model.calls[0].durationSec).toBe(75);
      if (kind === "checklist") expect(model.grades[0].scores).toEqual([1, 0, 1]);
      if (kind === "callsSummary")
        expect(model.callDays?.[0]).toMatchObject({
          calls: 42,
          longCalls: 17,
          talkSeconds: 3723,
          date: Date.parse("2026-03-02T00:00:00Z"),
        });
    });
  }

  it("ignores case, spacing, punctuation and ё", () => {
    const d = detectTab({
      name: "x",
      values: [
        ["  DEAL_ID ", "sales-agent", "Deal Stage", "Close.Value", "Отв-ётственный"],
        ["1", "a", "Won", "10", ""],
      ],
    });
    expect(d?.kind).toBe("deals");
    expect(d?.columns.id.index).toBe(0);
    expect(d?.columns.rep.index).toBe(1);
    expect(d?.columns.stage.index).toBe(2);
    expect(d?.columns.amount.index).toBe(3);
  });

  it("finds a header row below a title", () => {
    const d = detectTab({
      name: "Sheet1",
      values: [
        ["Отчёт по звонкам за март", "", ""],
        ["", "", ""],
        ["Дата", "Менеджер", "Длительность"],
        [D("2026-03-02"), "Аня", 90],
      ],
    });
    expect(d?.kind).toBe("calls");
    expect(d?.headerRow).toBe(2);
    expect(d?.rows).toBe(1);
  });

  it("names stage columns and the entry stage", () => {
    const d = detectTab(TABLES[4] && { name: "Сделки", values: [TABLES[4][3], TABLES[4][4]] });
    expect(d?.entryStage).toBe("Создание");
    expect(d?.stageColumns.map((s) => s.stage)).toEqual(["Встреча", "Оплата"]);
    expect(d?.wonStage).toBeUndefined();
  });

  it("leaves out notes and our own sheets", () => {
    const tabs: RawTab[] = [
      { name: "Notes", values: [["Call Ann back on Monday"], ["buy milk"]] },
      { name: "Empty", values: [] },
      { name: "Voronka settings", values: [["Voronka settings", "version", 1]] },
      { name: "Funnel (Voronka)", values: [["Deal ID", "Stage", "Date"]] },
      {
        name: "Calls",
        values: [
          ["Date", "Rep"],
          [D("2026-01-01"), "A"],
        ],
      },
    ];
    expect(detectTabs(tabs).map((d) => d.tab)).toEqual(["Calls"]);
    expect(isOwnSheetName("Настройки Voronka")).toBe(true);
    expect(isOwnSheetName("Налаштування Voronka")).toBe(true);
    expect(isOwnSheetName("Deals")).toBe(false);
  });

  it("a deals table with a plain Date column is still deals", () => {
    const values = [
      ["Deal ID", "Date", "Rep", "Source", "Status", "Amount"],
      ["1", "2026-01-01", "Ann", "Web", "Won", "100"],
      ["2", "2026-01-02", "Bob", "Ads", "Lost", ""],
    ];
    expect(detectTab({ name: "Sheet1", values })?.kind).toBe("deals");
  });

  it("tells a stage log from a deals table by repeated ids", () => {
    const values = [
      ["ID", "Stage", "Date"],
      ["1", "Lead", "2026-01-01"],
      ["1", "Meeting", "2026-01-03"],
      ["2", "Lead", "2026-01-02"],
      ["2", "Meeting", "2026-01-05"],
    ];
    expect(detectTab({ name: "Sheet1", values })?.kind).toBe("stageLog");
  });
});
