/**
 * Roles of the SDR → hunter → farmer model (SPEC §7, seed 002): the team tab's header words, the
 * role and meeting-stage vocabularies in Russian, Ukrainian and English, and reading who has
 * which role (a team tab, or a Role column on a calls or deals tab) and who booked each deal's
 * meeting ("Booked by" beside the owner). Pure: no Apps Script, no fs.
 */
import { cellText, isBlank, nameKey, parseDate } from "../core/values";
import type { FieldDef } from "./headers";
import type { DataIssue, Deal, RawTab, Role, TeamMember } from "./types";

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** Headers of the "booked by" column of a deals tab (compared after headerKey). */
export const BOOKED_BY_SYNONYMS = words(`
  bookedby setby sdr setter leadgen
  назначилвстречу ктоназначил лидоруб назначил лидген
  призначив призначивзустріч хтопризначив лідоруб лідген
`);

/** Headers of a role column beside the rep on a calls or deals tab (narrow: only "role"). */
const ROLE_SYNONYMS = words(`role salesrole роль`);
/** Headers of the role column of a team tab. */
const TEAM_ROLE_SYNONYMS = words(`role salesrole position jobtitle роль должность позиция посада`);

const REP_WORDS = words(`
  rep salesrep employee name person manager salesagent agent seller salesperson member teammember
  менеджер сотрудник имя фио продавец агент участник співробітник працівник імя піб
`);

/** The team tab's fields (kind "team"): rep, role, optional since date. */
export const TEAM_FIELDS: FieldDef[] = [
  { key: "rep", required: true, synonyms: REP_WORDS },
  { key: "role", required: true, synonyms: TEAM_ROLE_SYNONYMS },
  {
    key: "since",
    required: false,
    synonyms: words(
      `since from start startdate datefrom сдаты датаначала сначала здати датапочатку`,
    ),
  },
];

/** Words in tab names that hint at a team tab. */
export const TEAM_TAB_WORDS = words(
  `team staff roster roles команд состав роли сотрудник склад ролі`,
);

/** The optional fields the roles model adds to the deals and calls kinds. */
export const BOOKED_BY_FIELD: FieldDef = {
  key: "bookedBy",
  required: false,
  synonyms: BOOKED_BY_SYNONYMS,
};
export const ROLE_FIELD: FieldDef = { key: "role", required: false, synonyms: ROLE_SYNONYMS };

function key(v: unknown): string {
  return nameKey(v).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Role words: whole cells (short codes) and word starts (longer words, any ending). */
const ROLE_EXACT: Record<string, Role> = {
  sdr: "sdr",
  bdr: "sdr",
  сдр: "sdr",
  ae: "hunter",
  am: "farmer",
  csm: "farmer",
};
const ROLE_WORDS: [Role, RegExp][] = [
  [
    "sdr",
    /^(?:setter|appointmentsetter|leadgen|coldcaller|лидоруб|лідоруб|лидген|лідген|лидогенератор|лідогенератор|телемаркетолог)/,
  ],
  ["hunter", /^(?:hunter|closer|accountexecutive|хантер|охотник|мисливець|клоузер|клоузер)/],
  [
    "farmer",
    /^(?:farmer|accountmanager|customersuccess|фермер|аккаунтменеджер|акаунтменеджер|клиентскийменеджер|клієнтськийменеджер)/,
  ],
];

/** The role a cell names (SDR / лидоруб / лидген / appointment setter …), or null. */
export function roleOf(v: unknown): Role | null {
  const k = key(v);
  if (k === "") return null;
  const exact = ROLE_EXACT[k];
  if (exact) return exact;
  for (const [role, re] of ROLE_WORDS) if (re.test(k)) return role;
  return null;
}

export type MeetingStep = "booked" | "confirmed" | "held";

const MEETING = /(?:meeting|appointment|call|demo|встреч|зустріч|демо)/;
const STEP_WORDS: [MeetingStep, RegExp][] = [
  ["booked", /(?:booked|set|scheduled|назначен|запланирован|призначен|заплановано|запланован)/],
  ["confirmed", /(?:confirmed|подтвержд|подтвержден|підтвердж|підтверджен)/],
  [
    "held",
    /(?:held|done|completed|happened|took|проведен|состоял|прошл|проведено|відбул|відбувся)/,
  ],
];

/**
 * The meeting step a stage (or stage column) names: "Встреча назначена" / "Meeting booked" →
 * booked; "… подтверждена / confirmed" → confirmed; "… проведена / held" → held.
 */
export function meetingStepOf(stage: unknown): MeetingStep | null {
  const k = key(stage);
  if (k === "" || !MEETING.test(k)) return null;
  for (const [step, re] of STEP_WORDS) if (re.test(k)) return step;
  return null;
}

/** A bare "Meeting" / "Встреча" / "Зустріч" stage: a held meeting when no stage says "held". */
export function isBareMeeting(stage: unknown): boolean {
  return /^(?:meeting|meetings|встреча|встречи|зустріч|зустрічі)$/.test(key(stage));
}

/** A tab read through its mapping: the header row and field → column. */
export interface MappedTab {
  tab: RawTab;
  headerRow: number;
  columns: Record<string, number>;
}

function column(m: MappedTab, field: string): number {
  const c = m.columns[field];
  return typeof c === "number" && c >= 0 ? c : -1;
}

/**
 * The team from team tabs (rep, role, since) and from Role columns beside a rep on other tabs.
 * A team-tab row whose role is not a known word is a data issue; other tabs' unknown roles are
 * left alone (their rows are about something else). One member per rep and since date.
 */
export function readTeam(
  teamTabs: readonly MappedTab[],
  otherTabs: readonly MappedTab[],
  timeZone: string,
): { team: TeamMember[]; issues: DataIssue[] } {
  const team: TeamMember[] = [];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  const add = (rep: string, role: Role, since: number | null) => {
    const k = `${nameKey(rep)}\u0000${since ?? ""}`;
    if (seen.has(k)) return;
    seen.add(k);
    team.push({ rep, role, since });
  };
  for (const m of teamTabs) {
    const cRep = column(m, "rep");
    const cRole = column(m, "role");
    const cSince = column(m, "since");
    if (cRep < 0 || cRole < 0) continue;
    const headers = m.tab.values[m.headerRow] ?? [];
    for (let r = m.headerRow + 1; r < m.tab.values.length; r++) {
      const row = m.tab.values[r];
      if (!Array.isArray(row)) continue;
      const rep = cellText(row[cRep]);
      if (rep === "") continue;
      const issue = (c: number, reason: DataIssue["reason"]): void => {
        issues.push({
          tab: m.tab.name,
          row: r + 1,
          column: c + 1,
          header: cellText(headers[c]),
          value: cellText(row[c]).slice(0, 200),
          reason,
        });
      };
      const role = roleOf(row[cRole]);
      if (role === null) {
        if (!isBlank(row[cRole])) issue(cRole, "other");
        continue;
      }
      let since: number | null = null;
      if (cSince >= 0 && !isBlank(row[cSince])) {
        since = parseDate(row[cSince], { timeZone });
        if (since === null) issue(cSince, "badDate");
      }
      add(rep, role, since);
    }
  }
  for (const m of otherTabs) {
    const cRep = column(m, "rep");
    const cRole = column(m, "role");
    if (cRep < 0 || cRole < 0) continue;
    for (let r = m.headerRow + 1; r < m.tab.values.length; r++) {
      const row = m.tab.values[r];
      if (!Array.isArray(row)) continue;
      const rep = cellText(row[cRep]);
      const role = rep === "" ? null : roleOf(row[cRole]);
      if (role !== null) add(rep, role, null);
    }
  }
  return { team, issues };
}

/**
 * Sets `bookedBy` on the deals read from deals tabs that have a "booked by" column (each deal
 * knows its tab and row).
 */
export function readBookedBy(dealsTabs: readonly MappedTab[], deals: Deal[]): void {
  const byTab = new Map<string, MappedTab>();
  for (const m of dealsTabs) if (column(m, "bookedBy") >= 0) byTab.set(m.tab.name, m);
  if (byTab.size === 0) return;
  for (const d of deals) {
    const m = byTab.get(d.originTab);
    if (!m) continue;
    const row = m.tab.values[d.originRow - 1];
    if (!Array.isArray(row)) continue;
    const who = cellText(row[column(m, "bookedBy")]);
    if (who !== "") d.bookedBy = who;
  }
}

const PROPOSAL = /^(?:proposal|offer|quote|кп|коммерческ|предложени|комерційн|пропозиц)/;

/** Stage indexes of the meeting steps and the proposal in a funnel; -1 where it has none. */
export function meetingStagesOf(stages: readonly string[]): {
  booked: number;
  confirmed: number;
  held: number;
  proposal: number;
} {
  const out = { booked: -1, confirmed: -1, held: -1, proposal: -1 };
  let bare = -1;
  stages.forEach((s, i) => {
    const step = meetingStepOf(s);
    if (step !== null && out[step] < 0) out[step] = i;
    else if (step === null && bare < 0 && isBareMeeting(s)) bare = i;
    if (out.proposal < 0 && PROPOSAL.test(key(s))) out.proposal = i;
  });
  if (out.held < 0 && bare >= 0) out.held = bare;
  return out;
}

/**
 * The team with the roles the user set (sidebar or settings tab) first: a rep they name keeps
 * only that role, whatever a team tab or a Role column says.
 */
export function withUserRoles(
  user: readonly { rep: string; role: Role }[] | undefined,
  team: readonly TeamMember[],
): TeamMember[] {
  if (!user || user.length === 0) return [...team];
  const named = new Set(user.map((r) => nameKey(r.rep)));
  return [
    ...user.map((r) => ({ rep: r.rep, role: r.role, since: null })),
    ...team.filter((m) => !named.has(nameKey(m.rep))),
  ];
}
