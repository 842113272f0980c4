/** Roles (SPEC §7): the team tab, Role columns, "booked by" and the meeting-stage words. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel, detectTab, mappingFromRows, mappingToRows } from "../../src/model/index";
import { isBareMeeting, meetingStepOf, roleOf } from "../../src/model/team";

describe("role words", () => {
  it.each([
    ["SDR", "sdr"],
    ["лидоруб", "sdr"],
    ["Лідоруб", "sdr"],
    ["Лидген", "sdr"],
    ["Appointment setter", "sdr"],
    ["hunter", "hunter"],
    ["Хантер", "hunter"],
    ["Closer", "hunter"],
    ["AE", "hunter"],
    ["Account executive", "hunter"],
    ["farmer", "farmer"],
    ["Фермер", "farmer"],
    ["Account manager", "farmer"],
    ["AM", "farmer"],
  ])("%s is %s", (cell, role) => {
    expect(roleOf(cell)).toBe(role);
  });

  it("anything else is no role", () => {
    for (const cell of ["", "Manager", "Менеджер", "aerospace", "amount", "CEO", null, 3])
      expect(roleOf(cell)).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = roleOf(s);
        expect(r === null || r === "sdr" || r === "hunter" || r === "farmer").toBe(true);
      }),
    );
  });
});

describe("meeting steps", () => {
  it.each([
    ["Встреча назначена", "booked"],
    ["Встреча подтверждена", "confirmed"],
    ["Встреча проведена", "held"],
    ["Зустріч призначена", "booked"],
    ["Зустріч підтверджена", "confirmed"],
    ["Зустріч проведена", "held"],
    ["Meeting booked", "booked"],
    ["Meeting confirmed", "confirmed"],
    ["Meeting held", "held"],
    ["meeting_set", "booked"],
  ])("%s is %s", (stage, step) => {
    expect(meetingStepOf(stage)).toBe(step);
  });

  it("other stages are not meeting steps", () => {
    for (const s of ["Lead", "Proposal", "Оплачено", "Booked", "Confirmed order"])
      expect(meetingStepOf(s)).toBeNull();
    expect(isBareMeeting("Встреча")).toBe(true);
    expect(isBareMeeting("Meeting held")).toBe(false);
  });
});

const D = (s: string) => new Date(`${s}T00:00:00Z`);

describe("team tab, Role column and booked by", () => {
  it("reads a team tab with since dates and leaves unknown roles out as data issues", () => {
    const team = {
      name: "Команда",
      values: [
        ["Сотрудник", "Роль", "С даты"],
        ["Аня", "Лидоруб", ""],
        ["Борис", "Хантер", "01.02.2026"],
        ["Вера", "Директор", ""],
      ],
    };
    expect(detectTab(team)?.kind).toBe("team");
    const { model } = buildModel([team], { timeZone: "UTC" });
    expect(model.team).toEqual([
      { rep: "Аня", role: "sdr", since: null },
      { rep: "Борис", role: "hunter", since: Date.UTC(2026, 1, 1) },
    ]);
    expect(model.issues.map((i) => [i.row, i.column, i.value])).toEqual([[4, 2, "Директор"]]);
  });

  it("reads a Role column beside the rep and a booked-by column on a deals tab", () => {
    const deals = {
      name: "Deals",
      values: [
        ["Deal ID", "Created", "Owner", "Role", "Booked by", "Meeting booked", "Meeting held"],
        ["D1", D("2026-03-01"), "Bob", "Hunter", "Ann", D("2026-03-02"), D("2026-03-05")],
        ["D2", D("2026-03-01"), "Bob", "Hunter", "", D("2026-03-03"), ""],
      ],
    };
    const d = detectTab(deals);
    expect(d?.kind).toBe("deals");
    expect(d?.columns.bookedBy?.header).toBe("Booked by");
    expect(d?.stageColumns.map((s) => s.stage)).toEqual(["Meeting booked", "Meeting held"]);
    const { model } = buildModel([deals], { timeZone: "UTC" });
    expect(model.team).toEqual([{ rep: "Bob", role: "hunter", since: null }]);
    expect(model.deals.map((x) => x.bookedBy ?? "")).toEqual(["Ann", ""]);
  });

  it("a workbook without roles has no team", () => {
    const { model } = buildModel(
      [
        {
          name: "Calls",
          values: [
            ["Date", "Rep", "Duration"],
            [D("2026-03-02"), "Ann", 75],
          ],
        },
      ],
      { timeZone: "UTC" },
    );
    expect(model.team).toBeUndefined();
  });
});

describe("roles set by the user", () => {
  it("are kept in the settings tab's rows and read back in any language", () => {
    const mapping = {
      version: 1,
      stages: [],
      tabs: [],
      roles: [
        { rep: "Anna", role: "sdr" as const },
        { rep: "Boris", role: "hunter" as const },
      ],
    };
    const rows = mappingToRows(mapping);
    expect(rows.filter((r) => r[0] === "role")).toEqual([
      ["role", "Anna", "sdr", "", ""],
      ["role", "Boris", "hunter", "", ""],
    ]);
    expect(mappingFromRows(rows)?.roles).toEqual(mapping.roles);
    // Typed by hand: role words in Russian, a bad one left out.
    const typed = mappingFromRows([
      ["Voronka settings", "version", 1],
      ["role", "Вера", "Фермер"],
      ["role", "Глеб", "директор"],
    ]);
    expect(typed?.roles).toEqual([{ rep: "Вера", role: "farmer" }]);
  });

  it("win over the team tab for the reps they name", () => {
    const team = {
      name: "Team",
      values: [
        ["Rep", "Role"],
        ["Anna", "SDR"],
        ["Boris", "SDR"],
      ],
    };
    const { model, mapping } = buildModel([team], {
      timeZone: "UTC",
      mapping: { version: 1, stages: [], tabs: [], roles: [{ rep: "boris", role: "hunter" }] },
    });
    expect(model.team).toEqual([
      { rep: "boris", role: "hunter", since: null },
      { rep: "Anna", role: "sdr", since: null },
    ]);
    expect(mapping.roles).toEqual([{ rep: "boris", role: "hunter" }]);
  });
});
