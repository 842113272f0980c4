/**
 * Rows from any reader (CSV, HTML table, .xlsx) into one raw tab, with the rules every input
 * shares: NUL characters dropped, rows of blanks skipped (CSV) or kept as empty rows (a
 * workbook, so row numbers stay the sheet's), cells over Excel's 32,767 characters cut with a
 * note for the data check, trailing empty columns dropped, and a total row budget.
 */
import type { DataIssue, RawTab } from "../../model/types";
import { InputError } from "./errors";
import { MAX_CELL_CHARS, MAX_ROWS } from "./limits";

export { MAX_CELL_CHARS, MAX_ROWS } from "./limits";

/** A shared count of rows read, so the row limit holds across every file of one run. */
export interface RowBudget {
  rows: number;
}

const NUL = /\0/g;
/** Distinct values a column may have and still share its strings. */
const SHARED_VALUES = 2048;

export class TabBuilder {
  readonly values: unknown[][] = [];
  readonly notes: DataIssue[] = [];
  private width = 0;
  /** Per column: its distinct short values so far, or null once there are too many. */
  private readonly seen: (Map<string, string> | null | undefined)[] = [];

  constructor(
    readonly name: string,
    private readonly budget: RowBudget,
    /** A workbook keeps blank rows (as []) so rows keep their sheet numbers. */
    private readonly keepBlankRows = false,
  ) {}

  /** One row of cells (strings, numbers, booleans, Dates, ""). The array is kept, not copied. */
  add(cells: unknown[]): void {
    let last = 0;
    let content = false;
    for (let c = 0; c < cells.length; c++) {
      let v = cells[c];
      if (typeof v === "string") {
        if (v.includes("\0")) v = cells[c] = v.replace(NUL, "");
        if ((v as string).length > MAX_CELL_CHARS) v = cells[c] = this.cut(v as string, c);
        if (v === "") continue;
        v = cells[c] = this.shared(v as string, c);
        last = c + 1;
        if (!content && (v as string).trim() !== "") content = true;
      } else if (v === undefined || v === null) cells[c] = "";
      else {
        last = c + 1;
        content = true;
      }
    }
    if (!content) {
      if (!this.keepBlankRows) return;
      cells.length = 0;
    } else if (cells.length > last) {
      // Trailing blanks (Bitrix24 ends every line with ";"): dropped, padded back at the end.
      cells.length = last;
    }
    if (++this.budget.rows > MAX_ROWS) throw new InputError("tooManyRows", { max: MAX_ROWS });
    if (cells.length > this.width) this.width = cells.length;
    this.values.push(cells);
  }

  /**
   * One string per distinct value of a column with few values (reps, stages, statuses): a
   * million rows of "Анна Смирнова" then cost one string, not a million. A column past
   * SHARED_VALUES distinct values (ids, timestamps) stops being looked up.
   */
  private shared(v: string, c: number): string {
    if (v.length > 64) return v;
    let seen = this.seen[c];
    if (seen === null) return v;
    if (seen === undefined) seen = this.seen[c] = new Map();
    const known = seen.get(v);
    if (known !== undefined) return known;
    if (seen.size >= SHARED_VALUES) {
      this.seen[c] = null;
      return v;
    }
    seen.set(v, v);
    return v;
  }

  /** Gives this tab's rows back to the budget (a file read again in another encoding). */
  release(): void {
    this.budget.rows -= this.values.length;
  }

  private cut(text: string, c: number): string {
    // Never split a surrogate pair.
    let end = MAX_CELL_CHARS;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    this.notes.push({
      tab: this.name,
      row: this.values.length + 1,
      column: c + 1,
      header: "",
      value: text.slice(0, 200),
      reason: "cellTooLong",
      detail: `${text.length} → ${end}`,
    });
    return text.slice(0, end);
  }

  /** The tab: trailing blank rows dropped, every row padded to the widest. */
  finish(): RawTab {
    const values = this.values;
    while (values[values.length - 1]?.length === 0) values.pop();
    for (const row of values) while (row.length < this.width) row.push("");
    const header = values[0] ?? [];
    for (const n of this.notes) n.header = n.row > 1 ? String(header[n.column - 1] ?? "") : "";
    const tab: RawTab = { name: this.name, values };
    if (this.notes.length > 0) tab.notes = this.notes;
    return tab;
  }
}
