/**
 * A leads table linked to a deals table (SPEC §3): Zoho's Leads + Potentials (LEADID), Bitrix24's
 * leads + deals (LEAD_ID), Salesforce's Lead (ConvertedOpportunityId) + Opportunity. Both are
 * deals tabs by their headers; together they make one deal per lead: the lead's statuses at the
 * top of the funnel, then "Converted", then the deal's pipeline. A conversion flag is never a sale.
 * Zoho's leads module alone is read by the same rule, with no deals table: its funnel ends at
 * "Converted lead" and nothing is won (the sales are in the Potentials export).
 */
import { cellText, isBlank } from "../../core/values";
import { yesNo } from "../cellWords";
import { headerKey } from "../headers";
import type { TabMapping } from "../mapping";
import { knownPipelineOf } from "../pipelines";
import { isWonStageName, statusOf } from "../stageWords";
import type { Deal } from "../types";
import type { DealStore } from "./deals";
import { readDealsTab } from "./deals";
import { col, type Issues, type Layout } from "./layout";
import { currentStageValues, lookupStage, type StageTable } from "./stages";

/**
 * The step between the lead statuses and the deal's pipeline. Not "Converted": that word is a
 * won word (X-Education's Converted column), and this step is never a sale.
 */
export const CONVERTED_STAGE = "Converted lead";

export interface LeadLink {
  leads: Layout;
  /** null: Zoho's leads module alone (isZohoLeads). */
  deals: Layout | null;
  /** Column of the leads tab and column of the deals tab that hold the same key. */
  leadKey: number;
  dealKey: number;
  /** The leads tab's conversion flag (its "won" column in a tab of its own), or -1. */
  flag: number;
}

/** A deals table's column holding the lead's id; a leads table's column holding the deal's id. */
const LEAD_ID_HEADERS = new Set(["leadid", "idлида", "idліда", "лидid", "лідid", "idлид"]);
const DEAL_ID_HEADERS = new Set([
  "convertedopportunityid",
  "converteddealid",
  "convertedpotentialid",
]);
const LEADISH = /lead|лид|лід/;

/** A header that can link a leads table and a deals table (normalise.ts keeps its column). */
export function isLinkHeader(h: unknown): boolean {
  const k = headerKey(h);
  return LEAD_ID_HEADERS.has(k) || DEAL_ID_HEADERS.has(k);
}

function columnWhere(l: Layout, ok: (key: string) => boolean): number {
  return l.headers.findIndex((h) => ok(headerKey(h)));
}

/** A leads table: its tab or its stage column says so (Leads, Lead Status, Статус лида). */
function isLeadsTab(l: Layout): boolean {
  const c = col(l, "stage");
  const stageHeader = c >= 0 ? headerKey(l.headers[c]) : "";
  return LEADISH.test(headerKey(l.tab.name)) || LEADISH.test(stageHeader);
}

function keysOf(l: Layout, c: number): Set<string> {
  const out = new Set<string>();
  const v = l.tab.values;
  for (let r = l.m.headerRow + 1; r < v.length; r++) {
    const t = cellText(v[r]?.[c]);
    if (t !== "") out.add(t);
  }
  return out;
}

/** Most of `a`'s keys are in `b`. */
function mostlyIn(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0) return false;
  let hit = 0;
  for (const k of a) if (b.has(k)) hit++;
  return hit * 2 >= a.size;
}

/** The first leads/deals pair among the deals tabs whose keys match, tabs taken by name. */
export function findLeadLink(dealsTabs: Layout[]): LeadLink | null {
  const tabs = [...dealsTabs].sort((a, b) =>
    a.tab.name < b.tab.name ? -1 : a.tab.name > b.tab.name ? 1 : 0,
  );
  for (const leads of tabs) {
    if (!isLeadsTab(leads)) continue;
    const leadId = col(leads, "id");
    for (const deals of tabs) {
      if (deals === leads || isLeadsTab(deals)) continue;
      const pairs: [number, number][] = [];
      const dealLead = columnWhere(deals, (k) => LEAD_ID_HEADERS.has(k));
      // The lead's id column; its header may be a plain "ID" (Bitrix24) or "LEADID" (Zoho).
      if (leadId >= 0 && dealLead >= 0) pairs.push([leadId, dealLead]);
      const leadDeal = columnWhere(leads, (k) => DEAL_ID_HEADERS.has(k));
      const dealId = col(deals, "id");
      if (leadDeal >= 0 && dealId >= 0) pairs.push([leadDeal, dealId]);
      for (const [leadKey, dealKey] of pairs)
        if (mostlyIn(keysOf(deals, dealKey), keysOf(leads, leadKey)))
          return { leads, deals, leadKey, dealKey, flag: col(leads, "won") };
    }
  }
  const zoho = tabs.find(isZohoLeads);
  return zoho
    ? { leads: zoho, deals: null, leadKey: -1, dealKey: -1, flag: col(zoho, "won") }
    : null;
}

/**
 * Zoho's leads module: its own id is "LEADID", its won column is the flag "CONVERTED", and its
 * status column says lead ("Lead Status") or holds Zoho's lead statuses (Not Contacted,
 * Attempted to Contact, Pre-Qualified…). A leads export whose flag is the outcome (X-Education:
 * "Prospect ID", "Converted" 0/1, no status column) has neither that id nor a status.
 */
function isZohoLeads(l: Layout): boolean {
  const id = col(l, "id");
  const flag = col(l, "won");
  if (id < 0 || flag < 0 || !LEAD_ID_HEADERS.has(headerKey(l.headers[id]))) return false;
  if (headerKey(l.headers[flag]) !== "converted" || col(l, "stage") < 0) return false;
  return (
    LEADISH.test(headerKey(l.headers[col(l, "stage")])) ||
    knownPipelineOf(currentStageValues(l).names)?.crm === "Zoho (leads)"
  );
}

/** The leads tab as read here: its won column is the conversion flag, not an outcome. */
export function leadsLayout(link: LeadLink): Layout {
  return { ...link.leads, m: withoutWon(link.leads.m) };
}

/** A linked leads tab's mapping as read: no won column, no won stage. */
export function withoutWon(m: TabMapping): TabMapping {
  const columns = { ...m.columns };
  delete columns.won;
  const out = { ...m, columns };
  delete out.wonStage;
  return out;
}

/** Lead statuses (outcomes aside), Converted, then the deals table's pipeline and its sale. */
export function linkedStages(link: LeadLink): string[] {
  const lead = currentStageValues(leadsLayout(link)).names.filter(
    (s) => statusOf(s) === null && !isWonStageName(s),
  );
  const deal = link.deals ? currentStageValues(link.deals).names : [];
  return [...lead, CONVERTED_STAGE, ...deal];
}

/**
 * One deal per lead (in the leads tab's order), then the deals no lead has. The lead gives the
 * id, created date, source, client and its statuses; the deal gives the pipeline, won/lost, the
 * amount, currency, close date and the rep (the deal's owner sells; the lead's owner when the
 * deal has none). A lead without a deal is lost by its status (Lost Lead, Junk Lead), and reached
 * Converted when its flag says yes. A lead's second deal stands as a deal of its own.
 */
export function readLinked(
  link: LeadLink,
  st: StageTable,
  tz: string,
  store: DealStore,
  issues: Issues,
): void {
  const leads: DealStore = { deals: [], byId: new Map() };
  const deals: DealStore = { deals: [], byId: new Map() };
  const ll = leadsLayout(link);
  readDealsTab(ll, st, tz, leads, issues);
  const conv = lookupStage(st, CONVERTED_STAGE);
  const rowOf = (l: Layout, d: Deal) => l.tab.values[d.originRow - 1] ?? [];
  const dealOfKey = new Map<string, Deal>();
  if (link.deals) {
    readDealsTab(link.deals, st, tz, deals, issues);
    for (const d of deals.deals) {
      const k = cellText(rowOf(link.deals, d)[link.dealKey]);
      if (k !== "" && !dealOfKey.has(k)) dealOfKey.set(k, d);
    }
  }
  const taken = new Set<Deal>();
  const add = (d: Deal) => {
    store.deals.push(d);
    store.byId.set(d.id, d);
  };
  for (const lead of leads.deals) {
    const row = rowOf(ll, lead);
    const deal = dealOfKey.get(cellText(row[link.leadKey]));
    if (deal && !taken.has(deal)) {
      taken.add(deal);
      add(merged(lead, deal, conv));
      continue;
    }
    const flagged = link.flag >= 0 && !isBlank(row[link.flag]) && yesNo(row[link.flag]) === true;
    if (lead.status === "won") {
      // A lead's own won word (status "Converted") is the conversion, not a sale.
      lead.status = "open";
      lead.reached = conv;
      lead.closed = null;
      for (let k = conv; k < lead.stageDates.length; k++) lead.stageDates[k] = null;
    } else if (flagged && conv > lead.reached) lead.reached = conv;
    add(lead);
  }
  const dealsTab = link.deals;
  if (!dealsTab) return;
  for (const d of deals.deals) {
    if (taken.has(d)) continue;
    if (store.byId.has(d.id)) {
      issues.add(dealsTab, d.originRow - 1, col(dealsTab, "id"), "duplicate", d.id);
      continue;
    }
    if (conv > d.reached) d.reached = conv;
    add(d);
  }
}

function merged(lead: Deal, deal: Deal, conv: number): Deal {
  const stageDates = lead.stageDates.map((x, k) => (k < conv ? x : (deal.stageDates[k] ?? null)));
  return {
    ...deal,
    id: lead.id,
    rep: deal.rep || lead.rep,
    source: lead.source || deal.source,
    client: lead.client || deal.client,
    created: lead.created,
    reached: Math.max(deal.reached, conv),
    stageDates,
    targeted: lead.targeted ?? deal.targeted,
    originTab: lead.originTab,
    originRow: lead.originRow,
  };
}
