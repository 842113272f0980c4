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
import { inLang, type Localized, l } from "../core/i18n";
import { at } from "../core/indexed";
import type { RawTab } from "../model/types";
import { DAY, isWorkdayUTC, monthKeyUTC, monthStart, pick, rng } from "./rng";
import { TEAM_WORDS } from "./teamWords";

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

/** The roles workbook's own words (the team's are in teamWords.ts). */
const TEXT = {
  calls: l("Calls", "Звонки", "Дзвінки"),
  deals: l("Deals", "Сделки", "Угоди"),
  date: l("Date", "Дата", "Дата"),
  duration: l("Duration", "Длительность", "Тривалість"),
  direction: l("Direction", "Направление", "Напрямок"),
  out: l("out", "Исходящий", "Вихідний"),
  dealId: l("Deal ID", "ID сделки", "ID угоди"),
  leadDate: l("Lead date", "Дата лида", "Дата ліда"),
  owner: l("Owner", "Менеджер", "Менеджер"),
  source: l("Source", "Источник", "Джерело"),
  client: l("Client", "Клиент", "Клієнт"),
  status: l("Status", "Статус", "Статус"),
  proposalDate: l("Proposal date", "Дата КП", "Дата КП"),
  paymentDate: l("Payment date", "Дата оплаты", "Дата оплати"),
  amount: l("Amount", "Сумма", "Сума"),
  targeted: l("Targeted", "Целевой", "Цільовий"),
  won: l("Won", "Оплачено", "Оплачено"),
  lost: l("Lost", "Отказ", "Відмова"),
  open: l("Open", "В работе", "В роботі"),
  yes: l("Yes", "Да", "Так"),
  no: l("No", "Нет", "Ні"),
  /** A rep in the calls who has no role. */
  noRole: l("Zoe", "Зоя", "Зоя"),
  farmerName: l("Jane", "Жанна", "Жанна"),
  /** The source of the planted month's untargeted leads; the farmer's repeat sales. */
  coldBase: l("Cold base", "Холодная база", "Холодна база"),
  referral: l("Referral", "Рекомендация", "Рекомендація"),
};
const SDRS = [
  l("Alice", "Алина", "Аліна"),
  l("Boris", "Борис", "Богдан"),
  l("Vera", "Вера", "Віра"),
  l("Glen", "Глеб", "Гліб"),
];
const HUNTERS = [l("Dennis", "Денис", "Денис"), l("Elena", "Елена", "Олена")];
/** Where the usual leads come from. */
const SOURCES = [
  l("Website", "Сайт", "Сайт"),
  TEXT.referral,
  l("Google Ads", "Яндекс Директ", "Google Ads"),
];

export function generateRolesWorkbook(opts: RolesOptions): RolesWorkbook {
  const w = { ...inLang(TEAM_WORDS, opts.lang), ...inLang(TEXT, opts.lang) };
  const inOwnLang = (xs: Localized[]) => xs.map((x) => x[opts.lang]);
  const sdrs = inOwnLang(SDRS);
  const hunters = inOwnLang(HUNTERS);
  const sources = inOwnLang(SOURCES);
  const rand = rng(opts.seed);
  const months = Math.max(2, opts.months ?? 4);
  const { y: y0, m: m0 } = monthStart(opts.start);
  const first = Date.UTC(y0, m0, 1);
  const end = Date.UTC(y0, m0 + months, 1);
  const lastDay = end - DAY;
  const plant = opts.plantMonth ?? months - 2;
  const plantFrom = plant >= 0 ? Date.UTC(y0, m0 + plant, 1) : Number.NaN;
  const plantTo = plant >= 0 ? Date.UTC(y0, m0 + 1 + plant, 1) : Number.NaN;
  const planted = (ms: number) => ms >= plantFrom && ms < plantTo;
  const callsPerDay = opts.callsPerDay ?? 130;
  const date = (ms: number) => new Date(ms);
  const timeOn = (day: number, h0 = 9, h1 = 18) =>
    day + Math.floor((h0 + rand() * (h1 - h0)) * 60) * 60_000;
  const upTo = (ms: number | null) => (ms !== null && ms <= lastDay + DAY - 1 ? ms : null);

  const team: unknown[][] = [[w.rep, w.role, w.since]];
  for (const s of sdrs) team.push([s, w.sdr, ""]);
  for (const h of hunters) team.push([h, w.hunter, ""]);
  team.push([w.farmerName, w.farmer, date(first)]);

  const calls: unknown[][] = [[w.date, w.rep, w.duration, w.direction]];
  const deals: unknown[][] = [
    [
      w.dealId,
      w.leadDate,
      w.owner,
      w.bookedBy,
      w.source,
      w.client,
      w.status,
      w.booked,
      w.confirmed,
      w.held,
      w.proposalDate,
      w.paymentDate,
      w.amount,
      w.targeted,
    ],
  ];
  const wonClients: string[] = [];
  let nextId = 1;
  let nextClient = 1;

  for (let day = first; day < end; day += DAY) {
    if (!isWorkdayUTC(day)) continue;
    const inPlant = planted(day);
    sdrs.forEach((sdr, si) => {
      const slow = inPlant && si === 1;
      const nCalls = Math.round(callsPerDay * (slow ? 0.35 : 1) * (0.9 + 0.2 * rand()));
      for (let c = 0; c < nCalls; c++) {
        const sec = rand() < 0.7 ? 60 + Math.floor(rand() * 300) : 5 + Math.floor(rand() * 54);
        calls.push([date(timeOn(day)), sdr, sec, w.out]);
      }
      const nLeads = Math.round(7 * (slow ? 0.4 : 1) * (0.85 + 0.3 * rand()));
      for (let k = 0; k < nLeads; k++) {
        const payments = inPlant && si === 2;
        const targeted = rand() < (payments ? 0.45 : 0.75);
        const source = payments && rand() < 0.7 ? w.coldBase : pick(rand, sources);
        const created = timeOn(day);
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
            lost ? w.lost : w.open,
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
        const won = at(seen, 4) !== null;
        const decided = cut < 0;
        const lost = decided && !won;
        const hunter = pick(rand, hunters);
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
          won ? w.won : lost ? w.lost : w.open,
          ...seen.map((x) => (x === null ? "" : date(x))),
          amount,
          targeted ? w.yes : w.no,
        ]);
      }
    });
    // The farmer: repeat sales to clients who have bought before.
    if (wonClients.length > 5 && rand() < 0.7) {
      const client = pick(rand, wonClients.slice(0, -3));
      const created = timeOn(day);
      const paid = upTo(created + (1 + Math.floor(rand() * 5)) * DAY);
      const won = paid !== null && rand() < 0.75;
      deals.push([
        `${opts.lang.toUpperCase()}-${nextId++}`,
        date(created),
        w.farmerName,
        "",
        w.referral,
        client,
        won ? w.won : paid === null ? w.open : w.lost,
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
      calls.push([date(timeOn(day)), w.noRole, 30 + Math.floor(rand() * 200), w.out]);
  }

  return {
    tabs: [
      { name: w.tab, values: team },
      { name: w.calls, values: calls },
      { name: w.deals, values: deals },
    ],
    expected: {
      sdrs,
      hunters,
      farmers: [w.farmerName],
      noRole: w.noRole,
      plantMonth: plant >= 0 ? monthKeyUTC(plantFrom) : null,
      planted:
        plant >= 0
          ? [
              { sdr: at(sdrs, 0), situation: "bookedNotHeld" },
              { sdr: at(sdrs, 1), situation: "fewBooked" },
              { sdr: at(sdrs, 2), situation: "heldNotPaid" },
            ]
          : [],
    },
  };
}
