/**
 * A seeded team of the SDR → hunter → farmer model (SPEC §7, seed 002): a team tab, SDR calls,
 * deals with "booked by", the meeting's booked / confirmed / held dates, proposals and payments,
 * and a farmer's repeat sales. In one month (`plantMonth`, default the one before the last, the
 * latest the diagnosis can judge) three SDRs each show one of the seed's situations:
 * - the first: confirmations fall ("many booked, few held");
 * - the second: calls and new leads fall ("few booked");
 * - the third: the meetings held turn into few payments, booked with fewer targeted leads from a
 *   new source ("many meetings, few payments");
 * the fourth works as usual. Events after the last day of the data have not happened yet.
 * Dates are UTC wall-clock; no Math.random (mulberry32 via `rng`).
 */
import type { RawTab } from "../model/types";
import { rng } from "./rng";

export type RolesLang = "ru" | "uk" | "en";
export type PlantedSituation = "bookedNotHeld" | "fewBooked" | "heldNotPaid";

export interface RolesOptions {
  seed: number;
  lang: RolesLang;
  /** Whole months (default 4). */
  months?: number;
  /** First month "yyyy-mm" (default 2026-01). */
  start?: string;
  /** 0-based month of the planted situations (default months − 2); -1: none. */
  plantMonth?: number;
  /** Calls a working day per SDR (default 130: about 90 of them 60 s or longer). */
  callsPerDay?: number;
}

export interface RolesWorkbook {
  tabs: RawTab[];
  expected: {
    sdrs: string[];
    hunters: string[];
    farmers: string[];
    /** A rep in the calls who has no role. */
    noRole: string;
    /** "yyyy-mm" of the planted month, null when none. */
    plantMonth: string | null;
    planted: { sdr: string; situation: PlantedSituation }[];
  };
}

const WORDS = {
  ru: {
    tabs: ["Команда", "Звонки", "Сделки"],
    team: ["Менеджер", "Роль", "С даты"],
    roles: ["Лидоруб", "Хантер", "Фермер"],
    calls: ["Дата", "Менеджер", "Длительность", "Направление"],
    out: "Исходящий",
    deals: [
      "ID сделки",
      "Дата лида",
      "Менеджер",
      "Назначил встречу",
      "Источник",
      "Клиент",
      "Статус",
      "Встреча назначена",
      "Встреча подтверждена",
      "Встреча проведена",
      "Дата КП",
      "Дата оплаты",
      "Сумма",
      "Целевой",
    ],
    status: ["Оплачено", "Отказ", "В работе"],
    yes: "Да",
    no: "Нет",
    sdrs: ["Алина", "Борис", "Вера", "Глеб"],
    hunters: ["Денис", "Елена"],
    farmers: ["Жанна"],
    noRole: "Зоя",
    sources: ["Сайт", "Рекомендация", "Яндекс Директ", "Холодная база"],
    client: "Клиент",
  },
  uk: {
    tabs: ["Команда", "Дзвінки", "Угоди"],
    team: ["Менеджер", "Роль", "З дати"],
    roles: ["Лідоруб", "Хантер", "Фермер"],
    calls: ["Дата", "Менеджер", "Тривалість", "Напрямок"],
    out: "Вихідний",
    deals: [
      "ID угоди",
      "Дата ліда",
      "Менеджер",
      "Призначив",
      "Джерело",
      "Клієнт",
      "Статус",
      "Зустріч призначена",
      "Зустріч підтверджена",
      "Зустріч проведена",
      "Дата КП",
      "Дата оплати",
      "Сума",
      "Цільовий",
    ],
    status: ["Оплачено", "Відмова", "В роботі"],
    yes: "Так",
    no: "Ні",
    sdrs: ["Аліна", "Богдан", "Віра", "Гліб"],
    hunters: ["Денис", "Олена"],
    farmers: ["Жанна"],
    noRole: "Зоя",
    sources: ["Сайт", "Рекомендація", "Google Ads", "Холодна база"],
    client: "Клієнт",
  },
  en: {
    tabs: ["Team", "Calls", "Deals"],
    team: ["Rep", "Role", "Since"],
    roles: ["SDR", "Hunter", "Farmer"],
    calls: ["Date", "Rep", "Duration", "Direction"],
    out: "out",
    deals: [
      "Deal ID",
      "Lead date",
      "Owner",
      "Booked by",
      "Source",
      "Client",
      "Status",
      "Meeting booked",
      "Meeting confirmed",
      "Meeting held",
      "Proposal date",
      "Payment date",
      "Amount",
      "Targeted",
    ],
    status: ["Won", "Lost", "Open"],
    yes: "Yes",
    no: "No",
    sdrs: ["Alice", "Boris", "Vera", "Glen"],
    hunters: ["Dennis", "Elena"],
    farmers: ["Jane"],
    noRole: "Zoe",
    sources: ["Website", "Referral", "Google Ads", "Cold base"],
    client: "Client",
  },
} as const;

const DAY = 86_400_000;

function isWorkday(ms: number): boolean {
  const wd = new Date(ms).getUTCDay();
  return wd !== 0 && wd !== 6;
}

export function generateRolesWorkbook(opts: RolesOptions): RolesWorkbook {
  const w = WORDS[opts.lang];
  const rand = rng(opts.seed);
  const months = Math.max(2, opts.months ?? 4);
  const [y0, m0] = (opts.start ?? "2026-01").split("-").map(Number) as [number, number];
  const first = Date.UTC(y0, m0 - 1, 1);
  const end = Date.UTC(y0, m0 - 1 + months, 1);
  const lastDay = end - DAY;
  const plant = opts.plantMonth ?? months - 2;
  const plantFrom = plant >= 0 ? Date.UTC(y0, m0 - 1 + plant, 1) : Number.NaN;
  const plantTo = plant >= 0 ? Date.UTC(y0, m0 + plant, 1) : Number.NaN;
  const planted = (ms: number) => ms >= plantFrom && ms < plantTo;
  const callsPerDay = opts.callsPerDay ?? 130;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const date = (ms: number) => new Date(ms);
  const at = (day: number, h0 = 9, h1 = 18) =>
    day + Math.floor((h0 + rand() * (h1 - h0)) * 60) * 60_000;
  const upTo = (ms: number | null) => (ms !== null && ms <= lastDay + DAY - 1 ? ms : null);

  const team: unknown[][] = [[...w.team]];
  for (const s of w.sdrs) team.push([s, w.roles[0], ""]);
  for (const h of w.hunters) team.push([h, w.roles[1], ""]);
  for (const f of w.farmers) team.push([f, w.roles[2], date(first)]);

  const calls: unknown[][] = [[...w.calls]];
  const deals: unknown[][] = [[...w.deals]];
  const wonClients: string[] = [];
  let nextId = 1;
  let nextClient = 1;

  for (let day = first; day < end; day += DAY) {
    if (!isWorkday(day)) continue;
    const inPlant = planted(day);
    w.sdrs.forEach((sdr, si) => {
      const slow = inPlant && si === 1;
      const nCalls = Math.round(callsPerDay * (slow ? 0.35 : 1) * (0.9 + 0.2 * rand()));
      for (let c = 0; c < nCalls; c++) {
        const sec = rand() < 0.7 ? 60 + Math.floor(rand() * 300) : 5 + Math.floor(rand() * 54);
        calls.push([date(at(day)), sdr, sec, w.out]);
      }
      const nLeads = Math.round(7 * (slow ? 0.4 : 1) * (0.85 + 0.3 * rand()));
      for (let k = 0; k < nLeads; k++) {
        const payments = inPlant && si === 2;
        const targeted = rand() < (payments ? 0.45 : 0.75);
        const source = payments && rand() < 0.7 ? w.sources[3] : pick(w.sources.slice(0, 3));
        const created = at(day);
        const id = `${opts.lang.toUpperCase()}-${nextId++}`;
        const client = `${w.client} ${nextClient++}`;
        const amount = 1000 * Math.round(40 + rand() * 80);
        // The third SDR's planted month: meetings booked with anyone, targeted or not.
        const booked = rand() < (payments ? 0.68 : targeted ? 0.7 : 0.45);
        if (!booked) {
          const lost = rand() < 0.5;
          deals.push([
            id,
            date(created),
            sdr,
            "",
            source,
            client,
            w.status[lost ? 1 : 2],
            "",
            "",
            "",
            "",
            "",
            amount,
            targeted ? w.yes : w.no,
          ]);
          continue;
        }
        const bookedAt = created + Math.floor(rand() * 3) * DAY;
        const confirms = rand() < (inPlant && si === 0 ? 0.4 : 0.85);
        const holds = confirms && rand() < 0.9;
        let winP = targeted ? 0.5 : 0.08;
        if (payments) winP *= 0.3;
        const wins = holds && rand() < winP;
        const proposes = wins || (holds && rand() < 0.5);
        const confirmedAt = confirms ? bookedAt + DAY : null;
        const heldAt = holds ? bookedAt + (2 + Math.floor(rand() * 6)) * DAY : null;
        const proposalAt =
          proposes && heldAt !== null ? heldAt + (1 + Math.floor(rand() * 3)) * DAY : null;
        const paidAt =
          wins && proposalAt !== null ? proposalAt + (1 + Math.floor(rand() * 7)) * DAY : null;
        const dates = [bookedAt, confirmedAt, heldAt, proposalAt, paidAt].map(upTo);
        // What has happened by the data's last day; later events have not happened yet.
        const cut = dates.findIndex(
          (x, i) => x === null && [true, confirms, holds, proposes, wins][i],
        );
        const seen = cut < 0 ? dates : dates.map((x, i) => (i < cut ? x : null));
        const won = seen[4] !== null;
        const decided = cut < 0;
        const lost = decided && !won;
        const hunter = pick(w.hunters);
        // Most bookings name the SDR; some leave it blank: the SDR still owns the deal (counts
        // for the SDR), or a hunter does (counts for the team without an SDR).
        const r = rand();
        const owner = r < 0.05 ? sdr : hunter;
        const bookedBy = r < 0.1 ? "" : sdr;
        if (won) wonClients.push(client);
        deals.push([
          id,
          date(created),
          owner,
          bookedBy,
          source,
          client,
          w.status[won ? 0 : lost ? 1 : 2],
          ...seen.map((x) => (x === null ? "" : date(x))),
          amount,
          targeted ? w.yes : w.no,
        ]);
      }
    });
    // The farmer: repeat sales to clients who have bought before.
    if (wonClients.length > 5 && rand() < 0.7) {
      const client = pick(wonClients.slice(0, -3));
      const created = at(day);
      const paid = upTo(created + (1 + Math.floor(rand() * 5)) * DAY);
      const won = paid !== null && rand() < 0.75;
      deals.push([
        `${opts.lang.toUpperCase()}-${nextId++}`,
        date(created),
        w.farmers[0],
        "",
        w.sources[1],
        client,
        w.status[won ? 0 : paid === null ? 2 : 1],
        "",
        "",
        "",
        "",
        won ? date(paid) : "",
        1000 * Math.round(20 + rand() * 60),
        w.yes,
      ]);
    }
    // Someone with no role makes a few calls: reported as now, not on the Roles sheet.
    for (let c = 0; c < 3; c++)
      calls.push([date(at(day)), w.noRole, 30 + Math.floor(rand() * 200), w.out]);
  }

  const pm = plant >= 0 ? new Date(plantFrom) : null;
  return {
    tabs: [
      { name: w.tabs[0], values: team },
      { name: w.tabs[1], values: calls },
      { name: w.tabs[2], values: deals },
    ],
    expected: {
      sdrs: [...w.sdrs],
      hunters: [...w.hunters],
      farmers: [...w.farmers],
      noRole: w.noRole,
      plantMonth: pm
        ? `${pm.getUTCFullYear()}-${String(pm.getUTCMonth() + 1).padStart(2, "0")}`
        : null,
      planted:
        plant >= 0
          ? [
              { sdr: w.sdrs[0], situation: "bookedNotHeld" },
              { sdr: w.sdrs[1], situation: "fewBooked" },
              { sdr: w.sdrs[2], situation: "heldNotPaid" },
            ]
          : [],
    },
  };
}
