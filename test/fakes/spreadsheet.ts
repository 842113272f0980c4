/**
 * A typed in-memory fake of the Apps Script services Voronka uses: SpreadsheetApp (Spreadsheet,
 * Sheet, Range, RangeList, DeveloperMetadata, EmbeddedChartBuilder, conditional formats, data
 * validation), Charts.ChartType, LockService, CacheService, PropertiesService and Session.
 *
 * - Every class implements `Api<GoogleAppsScript.X, "method" | …>`: the method names must exist in
 *   @types/google-apps-script and our parameters must accept theirs, so the fake cannot drift.
 * - Every call is recorded in `log` (`"Range.setValues"`, …); mutating calls are flagged `write`.
 * - `failAtWrite(n)` makes the n-th write from now throw (once), to test failure safety.
 * - `createFakeServices(...).globals` can be installed into `globalThis` or a `node:vm` context.
 */

import { gunzipSync, gzipSync } from "node:zlib";

type Prim = string | number | boolean | null | undefined;
/** Return types: primitives (and arrays of them) are checked; objects are our fakes. */
// biome-ignore lint/suspicious/noConfusingVoidType: Apps Script methods return void
type Ret<R> = [R] extends [void]
  ? R
  : [R] extends [Prim]
    ? R
    : [R] extends [Prim[]]
      ? R
      : [R] extends [Prim[][]]
        ? R
        : unknown;
/** The subset `K` of a real Apps Script interface `T`, with our own object return types. */
export type Api<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => Ret<R> : T[P];
};

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SH = GoogleAppsScript.Spreadsheet.Sheet;
type RG = GoogleAppsScript.Spreadsheet.Range;

export interface CallEntry {
  /** "Class.method". */
  method: string;
  write: boolean;
}

/**
 * The fake's clock: each service call costs CALL_MS and each cell a range call reads or writes
 * CELL_MS (Apps Script's setValues/getValues move roughly 20–50 thousand cells a second).
 */
export const CALL_MS = 1;
export const CELL_MS = 0.05;

/** Shared recorder: the call log, the failure injector and the service-time clock. */
export class Recorder {
  log: CallEntry[] = [];
  writes = 0;
  /** Milliseconds of service time so far (see CALL_MS, CELL_MS). */
  clock = 0;
  private failAt = 0;
  private failCountdown = 0;

  rec(method: string, write = false, cells = 0): void {
    this.clock += CALL_MS + cells * CELL_MS;
    this.log.push({ method, write });
    if (!write) return;
    this.writes++;
    if (this.failCountdown > 0) {
      this.failCountdown--;
      if (this.failCountdown === 0) {
        throw new Error(`Injected failure at write ${this.failAt} (${method})`);
      }
    }
  }

  /** The n-th write (1-based) from now throws once. */
  failAtWrite(n: number): void {
    this.failAt = n;
    this.failCountdown = n;
  }

  clear(): void {
    this.log = [];
    this.writes = 0;
  }

  /** Calls per method name. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.log) out[e.method] = (out[e.method] ?? 0) + 1;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Developer metadata

let nextMetaId = 1;

export class FakeDeveloperMetadata
  implements
    Api<
      GoogleAppsScript.Spreadsheet.DeveloperMetadata,
      "getKey" | "getValue" | "setValue" | "remove" | "getId"
    >
{
  readonly id = nextMetaId++;
  constructor(
    private r: Recorder,
    private owner: FakeDeveloperMetadata[],
    public key: string,
    public value: string | null,
  ) {}
  getId(): number {
    this.r.rec("DeveloperMetadata.getId");
    return this.id;
  }
  getKey(): string {
    this.r.rec("DeveloperMetadata.getKey");
    return this.key;
  }
  getValue(): string | null {
    this.r.rec("DeveloperMetadata.getValue");
    return this.value;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.r.rec("DeveloperMetadata.setValue", true);
    this.value = value;
    return this;
  }
  remove(): void {
    this.r.rec("DeveloperMetadata.remove", true);
    const i = this.owner.indexOf(this);
    if (i >= 0) this.owner.splice(i, 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Builders: charts, conditional formats, data validation

export interface ChartSpec {
  type: string;
  ranges: string[];
  position: [number, number, number, number] | null;
  options: Record<string, unknown>;
  numHeaders: number;
}

export class FakeEmbeddedChart
  implements Api<GoogleAppsScript.Spreadsheet.EmbeddedChart, "getChartId" | "getRanges">
{
  constructor(
    readonly spec: ChartSpec,
    private rangesList: FakeRange[],
    readonly id: number,
  ) {}
  getChartId(): number {
    return this.id;
  }
  getRanges(): FakeRange[] {
    return this.rangesList;
  }
}

let nextChartId = 1;

export class FakeEmbeddedChartBuilder
  implements
    Api<
      GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
      "addRange" | "setChartType" | "setPosition" | "setOption" | "setNumHeaders" | "build"
    >
{
  private spec: ChartSpec = { type: "", ranges: [], position: null, options: {}, numHeaders: -1 };
  private rangeObjs: FakeRange[] = [];
  constructor(private r: Recorder) {}
  addRange(range: RG): FakeEmbeddedChartBuilder {
    this.r.rec("EmbeddedChartBuilder.addRange");
    const fr = range as unknown as FakeRange;
    this.rangeObjs.push(fr);
    this.spec.ranges.push(fr.getA1Notation());
    return this;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): FakeEmbeddedChartBuilder {
    this.r.rec("EmbeddedChartBuilder.setChartType");
    this.spec.type = String(type);
    return this;
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    this.r.rec("EmbeddedChartBuilder.setPosition");
    this.spec.position = [anchorRowPos, anchorColPos, offsetX, offsetY];
    return this;
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.r.rec("EmbeddedChartBuilder.setOption");
    this.spec.options[option] = value;
    return this;
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.r.rec("EmbeddedChartBuilder.setNumHeaders");
    this.spec.numHeaders = headers;
    return this;
  }
  build(): FakeEmbeddedChart {
    this.r.rec("EmbeddedChartBuilder.build");
    if (!this.spec.type) throw new Error("Chart type is not set");
    if (this.rangeObjs.length === 0) throw new Error("A chart needs at least one range");
    return new FakeEmbeddedChart(structuredClone(this.spec), [...this.rangeObjs], nextChartId++);
  }
}

export interface CondRuleSpec {
  condition: string;
  args: unknown[];
  background: string | null;
  fontColor: string | null;
  ranges: string[];
}

export class FakeConditionalFormatRule
  implements Api<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, "getRanges">
{
  constructor(
    readonly spec: CondRuleSpec,
    private rangeObjs: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    return this.rangeObjs;
  }
}

export class FakeConditionalFormatRuleBuilder
  implements
    Api<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      | "whenNumberLessThan"
      | "whenNumberGreaterThan"
      | "whenFormulaSatisfied"
      | "whenTextEqualTo"
      | "setBackground"
      | "setFontColor"
      | "setRanges"
      | "build"
    >
{
  private spec: CondRuleSpec = {
    condition: "",
    args: [],
    background: null,
    fontColor: null,
    ranges: [],
  };
  private rangeObjs: FakeRange[] = [];
  constructor(private r: Recorder) {}
  private cond(name: string, args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.r.rec(`ConditionalFormatRuleBuilder.${name}`);
    this.spec.condition = name;
    this.spec.args = args;
    return this;
  }
  whenNumberLessThan(n: number): FakeConditionalFormatRuleBuilder {
    return this.cond("whenNumberLessThan", [n]);
  }
  whenNumberGreaterThan(n: number): FakeConditionalFormatRuleBuilder {
    return this.cond("whenNumberGreaterThan", [n]);
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.cond("whenFormulaSatisfied", [formula]);
  }
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.cond("whenTextEqualTo", [text]);
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.r.rec("ConditionalFormatRuleBuilder.setBackground");
    this.spec.background = color;
    return this;
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.r.rec("ConditionalFormatRuleBuilder.setFontColor");
    this.spec.fontColor = color;
    return this;
  }
  setRanges(ranges: RG[]): FakeConditionalFormatRuleBuilder {
    this.r.rec("ConditionalFormatRuleBuilder.setRanges");
    this.rangeObjs = ranges as unknown as FakeRange[];
    this.spec.ranges = this.rangeObjs.map((x) => x.getA1Notation());
    return this;
  }
  build(): FakeConditionalFormatRule {
    this.r.rec("ConditionalFormatRuleBuilder.build");
    return new FakeConditionalFormatRule(structuredClone(this.spec), [...this.rangeObjs]);
  }
}

export interface ValidationSpec {
  kind: "list" | "range" | "checkbox" | "date" | "number" | "";
  values: unknown[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidation
  implements Api<GoogleAppsScript.Spreadsheet.DataValidation, "getAllowInvalid" | "getHelpText">
{
  constructor(readonly spec: ValidationSpec) {}
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
}

export class FakeDataValidationBuilder
  implements
    Api<
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      | "requireValueInList"
      | "requireValueInRange"
      | "requireCheckbox"
      | "requireDate"
      | "requireNumberGreaterThanOrEqualTo"
      | "setAllowInvalid"
      | "setHelpText"
      | "build"
    >
{
  private spec: ValidationSpec = {
    kind: "",
    values: [],
    showDropdown: true,
    allowInvalid: true,
    helpText: "",
  };
  constructor(private r: Recorder) {}
  requireValueInList(values: string[], showDropdown?: boolean): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.requireValueInList");
    this.spec.kind = "list";
    this.spec.values = [...values];
    this.spec.showDropdown = showDropdown ?? true;
    return this;
  }
  /** A dropdown of a range's values; `values` holds the range as `'Sheet'!A1` text. */
  requireValueInRange(range: RG, showDropdown?: boolean): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.requireValueInRange");
    this.spec.kind = "range";
    const sheet = range.getSheet().getName().replace(/'/g, "''");
    this.spec.values = [`'${sheet}'!${range.getA1Notation()}`];
    this.spec.showDropdown = showDropdown ?? true;
    return this;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.requireCheckbox");
    this.spec.kind = "checkbox";
    this.spec.values = checked === undefined ? [] : [checked, unchecked];
    return this;
  }
  requireDate(): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.requireDate");
    this.spec.kind = "date";
    return this;
  }
  requireNumberGreaterThanOrEqualTo(n: number): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.requireNumberGreaterThanOrEqualTo");
    this.spec.kind = "number";
    this.spec.values = [n];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.setAllowInvalid");
    this.spec.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.r.rec("DataValidationBuilder.setHelpText");
    this.spec.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    this.r.rec("DataValidationBuilder.build");
    return new FakeDataValidation(structuredClone(this.spec));
  }
}

// ---------------------------------------------------------------------------------------------
// Range and RangeList

function colLetters(col: number): string {
  let s = "";
  let c = col;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3:D7" / "B3" → 1-based row, column, rows, columns. */
export function parseA1(a1: string): [number, number, number, number] {
  const ref = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const c1 = lettersToCol(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? lettersToCol(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return [Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1];
}

export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const tl = `${colLetters(col)}${row}`;
  return rows === 1 && cols === 1 ? tl : `${tl}:${colLetters(col + cols - 1)}${row + rows - 1}`;
}

/** A Date from any realm (the bundle runs in a node:vm context). */
export function isAnyDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

// ---------------------------------------------------------------------------------------------
// How Sheets takes a string written by setValue(s): as if a person typed it (Sheets API's
// USER_ENTERED). Modelled pessimistically, so code that relies on luck fails here:
// - a leading apostrophe is a quote prefix: removed, the rest stored as text (any format);
// - "=…" becomes a formula in any number format (Apps Script sets a string starting with "=" as
//   a formula, plain-text format or not);
// - under the plain-text format "@" nothing else is parsed;
// - otherwise "+…", "-…", "@…" that are not numbers become formulas, "#N/A"-style strings error
//   values, and numbers (with thousands separators, currency, percent, exponent), dates, times
//   and TRUE/FALSE are converted.

export type Entered =
  | { kind: "text" | "value"; value: unknown }
  | { kind: "formula"; formula: string };

const NUMBER_TEXT = /^[+-]?[$€£₽]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;
const DATE_TEXT = [
  /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
  /^(\d{1,2})[./](\d{1,2})[./](\d{2,4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
];
const TIME_TEXT = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ERROR_TEXT = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!)$/i;

export function userEntered(s: string, format: string | undefined): Entered {
  if (s.startsWith("'")) return { kind: "text", value: s.slice(1) };
  if (s.length > 1 && s.startsWith("=")) return { kind: "formula", formula: s };
  if (format === "@") return { kind: "text", value: s };
  const t = s.trim();
  if (/\d/.test(t) && NUMBER_TEXT.test(t)) {
    const n = Number(t.replace(/[$€£₽,%]/g, ""));
    if (Number.isFinite(n)) return { kind: "value", value: t.endsWith("%") ? n / 100 : n };
  }
  if (t.length > 1 && /^[+\-@]/.test(t)) return { kind: "formula", formula: `=${t.slice(1)}` };
  if (ERROR_TEXT.test(t)) return { kind: "formula", formula: t };
  for (const re of DATE_TEXT) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] =
      re === DATE_TEXT[0] ? [+m[1]!, +m[2]!, +(m[3] ?? 1)] : [+m[3]!, +m[2]!, +m[1]!];
    const year = y < 100 ? 2000 + y : y;
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
      return {
        kind: "value",
        value: new Date(Date.UTC(year, mo - 1, d, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))),
      };
  }
  const time = TIME_TEXT.exec(t);
  if (time && +time[2]! < 60)
    return {
      kind: "value",
      value: new Date(Date.UTC(1899, 11, 30, +time[1]!, +time[2]!, +(time[3] ?? 0))),
    };
  if (/^(?:true|false)$/i.test(t)) return { kind: "value", value: t.toLowerCase() === "true" };
  return { kind: "text", value: s };
}

function checkCell(v: unknown): void {
  if (v === null || typeof v === "string" || typeof v === "boolean" || isAnyDate(v)) return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`Cannot write a non-finite number: ${v}`);
    return;
  }
  throw new Error(`Cannot write a value of type ${v === undefined ? "undefined" : typeof v}`);
}

export class FakeRange
  implements
    Api<
      RG,
      | "getValues"
      | "getValue"
      | "getFormulas"
      | "getDisplayValues"
      | "setValues"
      | "setValue"
      | "getNumberFormats"
      | "setNumberFormats"
      | "setNumberFormat"
      | "getBackgrounds"
      | "setBackground"
      | "setBackgrounds"
      | "getFontWeights"
      | "setFontWeight"
      | "setFontColor"
      | "setWrap"
      | "setHorizontalAlignment"
      | "setDataValidation"
      | "getDataValidation"
      | "getDataValidations"
      | "clearContent"
      | "getRow"
      | "getColumn"
      | "getNumRows"
      | "getNumColumns"
      | "getLastRow"
      | "getLastColumn"
      | "getA1Notation"
      | "getSheet"
      | "activate"
      | "setNote"
    >
{
  constructor(
    private sh: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  private get r(): Recorder {
    return this.sh.r;
  }
  private each<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.cols; j++) line.push(f(this.row + i, this.col + j));
      out.push(line);
    }
    return out;
  }
  private checkShape(m: unknown[][], what: string): void {
    if (!Array.isArray(m) || m.length !== this.rows) {
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${Array.isArray(m) ? m.length : 0} but the range has ${this.rows}.`,
      );
    }
    for (const line of m) {
      if (!Array.isArray(line) || line.length !== this.cols) {
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${Array.isArray(line) ? line.length : 0} but the range has ${this.cols}.`,
        );
      }
    }
  }
  getValues(): unknown[][] {
    this.r.rec("Range.getValues", false, this.rows * this.cols);
    return this.each((r, c) => this.sh.cell(r, c));
  }
  getValue(): unknown {
    this.r.rec("Range.getValue");
    return this.sh.cell(this.row, this.col);
  }
  getDisplayValues(): string[][] {
    this.r.rec("Range.getDisplayValues");
    return this.each((r, c) => {
      const v = this.sh.cell(r, c);
      return isAnyDate(v) ? v.toISOString() : String(v);
    });
  }
  setValues(values: unknown[][]): FakeRange {
    this.r.rec("Range.setValues", true, this.rows * this.cols);
    this.checkShape(values, "data");
    for (const line of values) for (const v of line) checkCell(v);
    values.forEach((line, i) => {
      line.forEach((v, j) => {
        this.sh.enter(this.row + i, this.col + j, v === null ? "" : v);
      });
    });
    return this;
  }
  setValue(value: unknown): FakeRange {
    this.r.rec("Range.setValue", true);
    checkCell(value);
    this.each((r, c) => this.sh.enter(r, c, value === null ? "" : value));
    return this;
  }
  getFormulas(): string[][] {
    this.r.rec("Range.getFormulas");
    return this.each((r, c) => this.sh.formulas.get(`${r},${c}`) ?? "");
  }
  clearContent(): FakeRange {
    this.r.rec("Range.clearContent", true);
    this.each((r, c) => this.sh.enter(r, c, ""));
    return this;
  }
  getNumberFormats(): string[][] {
    this.r.rec("Range.getNumberFormats");
    return this.each((r, c) => this.sh.formats.get(`${r},${c}`) ?? "General");
  }
  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.r.rec("Range.setNumberFormats", true, this.rows * this.cols);
    this.checkShape(numberFormats, "data");
    numberFormats.forEach((line, i) => {
      line.forEach((f, j) => {
        this.sh.formats.set(`${this.row + i},${this.col + j}`, f);
      });
    });
    return this;
  }
  setNumberFormat(numberFormat: string): FakeRange {
    this.r.rec("Range.setNumberFormat", true, this.rows * this.cols);
    this.each((r, c) => this.sh.formats.set(`${r},${c}`, numberFormat));
    return this;
  }
  getBackgrounds(): string[][] {
    this.r.rec("Range.getBackgrounds");
    return this.each((r, c) => this.sh.backgrounds.get(`${r},${c}`) ?? "#ffffff");
  }
  setBackground(color: string | null): FakeRange {
    this.r.rec("Range.setBackground", true);
    this.paint(this.sh.backgrounds, color);
    return this;
  }
  /** Used by RangeList too (no extra log entry). */
  paint(map: Map<string, string>, value: string | null): void {
    this.each((r, c) => {
      if (value === null) map.delete(`${r},${c}`);
      else map.set(`${r},${c}`, value);
    });
  }
  setBackgrounds(color: (string | null)[][]): FakeRange {
    this.r.rec("Range.setBackgrounds", true);
    this.checkShape(color, "data");
    color.forEach((line, i) => {
      line.forEach((v, j) => {
        if (v === null) this.sh.backgrounds.delete(`${this.row + i},${this.col + j}`);
        else this.sh.backgrounds.set(`${this.row + i},${this.col + j}`, v);
      });
    });
    return this;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.r.rec("Range.getFontWeights");
    return this.each(
      (r, c) =>
        (this.sh.fontWeights.get(`${r},${c}`) ??
          "normal") as GoogleAppsScript.Spreadsheet.FontWeight,
    );
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): FakeRange {
    this.r.rec("Range.setFontWeight", true);
    this.paint(this.sh.fontWeights, fontWeight);
    return this;
  }
  setFontColor(color: string | null): FakeRange {
    this.r.rec("Range.setFontColor", true);
    this.paint(this.sh.fontColors, color);
    return this;
  }
  setWrap(isWrapEnabled: boolean): FakeRange {
    this.r.rec("Range.setWrap", true);
    this.paint(this.sh.wraps, isWrapEnabled ? "wrap" : null);
    return this;
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): FakeRange {
    this.r.rec("Range.setHorizontalAlignment", true);
    this.paint(this.sh.alignments, alignment);
    return this;
  }
  setNote(note: string | null): FakeRange {
    this.r.rec("Range.setNote", true);
    this.paint(this.sh.notes, note);
    return this;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): FakeRange {
    this.r.rec("Range.setDataValidation", true);
    this.each((r, c) => {
      if (rule === null) this.sh.validations.delete(`${r},${c}`);
      else this.sh.validations.set(`${r},${c}`, rule as unknown as FakeDataValidation);
    });
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    this.r.rec("Range.getDataValidation");
    return this.sh.validations.get(`${this.row},${this.col}`) ?? null;
  }
  getDataValidations(): unknown {
    this.r.rec("Range.getDataValidations");
    return this.each((r, c) => this.sh.validations.get(`${r},${c}`) ?? null);
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  getLastColumn(): number {
    return this.col + this.cols - 1;
  }
  getA1Notation(): string {
    return a1(this.row, this.col, this.rows, this.cols);
  }
  getSheet(): FakeSheet {
    return this.sh;
  }
  activate(): FakeRange {
    this.r.rec("Range.activate");
    return this;
  }
}

export class FakeRangeList
  implements
    Api<
      GoogleAppsScript.Spreadsheet.RangeList,
      | "getRanges"
      | "setBackground"
      | "setFontWeight"
      | "setFontColor"
      | "setFontSize"
      | "setNumberFormat"
      | "setWrap"
      | "setHorizontalAlignment"
    >
{
  constructor(
    private sh: FakeSheet,
    readonly ranges: FakeRange[],
  ) {}
  getRanges(): FakeRange[] {
    return this.ranges;
  }
  private all(method: string, map: Map<string, string>, v: string | null): FakeRangeList {
    this.sh.r.rec(`RangeList.${method}`, true);
    for (const x of this.ranges) x.paint(map, v);
    return this;
  }
  setBackground(color: string | null): FakeRangeList {
    return this.all("setBackground", this.sh.backgrounds, color);
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): FakeRangeList {
    return this.all("setFontWeight", this.sh.fontWeights, fontWeight);
  }
  setFontColor(color: string | null): FakeRangeList {
    return this.all("setFontColor", this.sh.fontColors, color);
  }
  setFontSize(size: number): FakeRangeList {
    return this.all("setFontSize", this.sh.fontSizes, String(size));
  }
  setNumberFormat(numberFormat: string): FakeRangeList {
    return this.all("setNumberFormat", this.sh.formats, numberFormat);
  }
  setWrap(isWrapEnabled: boolean): FakeRangeList {
    return this.all("setWrap", this.sh.wraps, isWrapEnabled ? "wrap" : null);
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): FakeRangeList {
    return this.all("setHorizontalAlignment", this.sh.alignments, alignment);
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet

let nextSheetId = 1000;

export class FakeSheet
  implements
    Api<
      SH,
      | "getName"
      | "setName"
      | "getSheetId"
      | "getIndex"
      | "getRange"
      | "getRangeList"
      | "getDataRange"
      | "getLastRow"
      | "getLastColumn"
      | "getMaxRows"
      | "getMaxColumns"
      | "insertRowsAfter"
      | "insertColumnsAfter"
      | "setFrozenRows"
      | "setFrozenColumns"
      | "getFrozenRows"
      | "getFrozenColumns"
      | "clear"
      | "newChart"
      | "insertChart"
      | "getCharts"
      | "removeChart"
      | "getConditionalFormatRules"
      | "setConditionalFormatRules"
      | "addDeveloperMetadata"
      | "getDeveloperMetadata"
      | "hideSheet"
      | "showSheet"
      | "isSheetHidden"
      | "autoResizeColumns"
      | "setColumnWidth"
      | "setColumnWidths"
      | "setTabColor"
      | "activate"
      | "getParent"
    >
{
  readonly id: number;
  /** Row-major cells, 1-based coordinates mapped to [r-1][c-1]; ragged, "" when absent. */
  data: unknown[][] = [];
  formats = new Map<string, string>();
  /** "r,c" → the formula a written string became (see userEntered). */
  formulas = new Map<string, string>();
  backgrounds = new Map<string, string>();
  fontWeights = new Map<string, string>();
  fontColors = new Map<string, string>();
  fontSizes = new Map<string, string>();
  wraps = new Map<string, string>();
  alignments = new Map<string, string>();
  notes = new Map<string, string>();
  validations = new Map<string, FakeDataValidation>();
  charts: FakeEmbeddedChart[] = [];
  condRules: FakeConditionalFormatRule[] = [];
  meta: FakeDeveloperMetadata[] = [];
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  maxRows: number;
  maxCols: number;

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    values?: unknown[][],
    id?: number,
  ) {
    this.id = id ?? nextSheetId++;
    this.data = (values ?? []).map((line) => [...line]);
    const width = this.data.reduce((m, line) => Math.max(m, line.length), 0);
    this.maxRows = Math.max(1000, this.data.length);
    this.maxCols = Math.max(26, width);
  }
  get r(): Recorder {
    return this.ss.r;
  }
  cell(r: number, c: number): unknown {
    const v = this.data[r - 1]?.[c - 1];
    return v === undefined || v === null ? "" : v;
  }
  /** A value written through setValue(s): strings are taken as typed input (see userEntered). */
  enter(r: number, c: number, v: unknown): void {
    const key = `${r},${c}`;
    this.formulas.delete(key);
    if (typeof v !== "string" || v === "") {
      this.setCell(r, c, v);
      return;
    }
    const e = userEntered(v, this.formats.get(key));
    if (e.kind === "formula") {
      this.formulas.set(key, e.formula);
      // What getValues would return is the formula's result; we cannot compute it.
      this.setCell(r, c, "#FORMULA");
    } else this.setCell(r, c, e.value);
  }
  setCell(r: number, c: number, v: unknown): void {
    while (this.data.length < r) this.data.push([]);
    const line = this.data[r - 1];
    while (line.length < c - 1) line.push("");
    line[c - 1] = v;
  }
  /** All cells as a dense matrix (lastRow × lastColumn), for test comparisons. */
  snapshot(): unknown[][] {
    const rows = this.lastRow();
    const cols = this.lastCol();
    const out: unknown[][] = [];
    for (let i = 1; i <= rows; i++) {
      const line: unknown[] = [];
      for (let j = 1; j <= cols; j++) {
        const v = this.cell(i, j);
        line.push(isAnyDate(v) ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }
  private lastRow(): number {
    for (let i = this.data.length; i >= 1; i--) {
      if (this.data[i - 1].some((v) => v !== "" && v !== null && v !== undefined)) return i;
    }
    return 0;
  }
  private lastCol(): number {
    let m = 0;
    for (const line of this.data) {
      for (let j = line.length; j > m; j--) {
        const v = line[j - 1];
        if (v !== "" && v !== null && v !== undefined) {
          m = j;
          break;
        }
      }
    }
    return m;
  }
  getName(): string {
    this.r.rec("Sheet.getName");
    return this.name;
  }
  setName(name: string): FakeSheet {
    this.r.rec("Sheet.setName", true);
    this.ss.checkName(name, this);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.r.rec("Sheet.getSheetId");
    return this.id;
  }
  getIndex(): number {
    this.r.rec("Sheet.getIndex");
    return this.ss.sheets.indexOf(this) + 1;
  }
  getRange(a: number | string, col?: number, rows?: number, cols?: number): FakeRange {
    this.r.rec("Sheet.getRange");
    let rc: [number, number, number, number];
    if (typeof a === "string") rc = parseA1(a);
    else rc = [a, col ?? 1, rows ?? 1, cols ?? 1];
    return this.rangeAt(...rc);
  }
  rangeAt(row: number, col: number, rows: number, cols: number): FakeRange {
    for (const x of [row, col, rows, cols]) {
      if (!Number.isInteger(x) || x < 1)
        throw new Error(`Bad range coordinates: ${row},${col},${rows},${cols}`);
    }
    if (row + rows - 1 > this.maxRows || col + cols - 1 > this.maxCols) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this, row, col, rows, cols);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.r.rec("Sheet.getRangeList");
    return new FakeRangeList(
      this,
      a1Notations.map((x) => this.rangeAt(...parseA1(x))),
    );
  }
  getDataRange(): FakeRange {
    this.r.rec("Sheet.getDataRange");
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastCol()));
  }
  getLastRow(): number {
    this.r.rec("Sheet.getLastRow");
    return this.lastRow();
  }
  getLastColumn(): number {
    this.r.rec("Sheet.getLastColumn");
    return this.lastCol();
  }
  getMaxRows(): number {
    this.r.rec("Sheet.getMaxRows");
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.r.rec("Sheet.getMaxColumns");
    return this.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.r.rec("Sheet.insertRowsAfter", true);
    if (afterPosition < this.data.length)
      this.data.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.r.rec("Sheet.insertColumnsAfter", true);
    for (const line of this.data) {
      if (afterPosition < line.length)
        line.splice(afterPosition, 0, ...new Array(howMany).fill(""));
    }
    this.maxCols += howMany;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.r.rec("Sheet.setFrozenRows", true);
    this.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.r.rec("Sheet.setFrozenColumns", true);
    this.frozenCols = columns;
  }
  getFrozenRows(): number {
    this.r.rec("Sheet.getFrozenRows");
    return this.frozenRows;
  }
  getFrozenColumns(): number {
    this.r.rec("Sheet.getFrozenColumns");
    return this.frozenCols;
  }
  clear(): FakeSheet {
    this.r.rec("Sheet.clear", true);
    this.data = [];
    for (const m of [
      this.formats,
      this.formulas,
      this.backgrounds,
      this.fontWeights,
      this.fontColors,
      this.wraps,
      this.alignments,
      this.notes,
    ])
      m.clear();
    return this;
  }
  newChart(): FakeEmbeddedChartBuilder {
    this.r.rec("Sheet.newChart");
    return new FakeEmbeddedChartBuilder(this.r);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.r.rec("Sheet.insertChart", true);
    this.charts.push(chart as unknown as FakeEmbeddedChart);
  }
  getCharts(): FakeEmbeddedChart[] {
    this.r.rec("Sheet.getCharts");
    return [...this.charts];
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.r.rec("Sheet.removeChart", true);
    this.charts = this.charts.filter((c) => c !== (chart as unknown as FakeEmbeddedChart));
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.r.rec("Sheet.getConditionalFormatRules");
    return [...this.condRules];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.r.rec("Sheet.setConditionalFormatRules", true);
    this.condRules = [...(rules as unknown as FakeConditionalFormatRule[])];
  }
  addDeveloperMetadata(key: string, value?: unknown, _visibility?: unknown): FakeSheet {
    this.r.rec("Sheet.addDeveloperMetadata", true);
    this.meta.push(
      new FakeDeveloperMetadata(this.r, this.meta, key, typeof value === "string" ? value : null),
    );
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.r.rec("Sheet.getDeveloperMetadata");
    return [...this.meta];
  }
  hideSheet(): FakeSheet {
    this.r.rec("Sheet.hideSheet", true);
    if (this.ss.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this.r.rec("Sheet.showSheet", true);
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.r.rec("Sheet.isSheetHidden");
    return this.hidden;
  }
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this.r.rec("Sheet.autoResizeColumns", true);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, -1);
    return this;
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.r.rec("Sheet.setColumnWidth", true);
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.r.rec("Sheet.setColumnWidths", true);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  setTabColor(color: string | null): FakeSheet {
    this.r.rec("Sheet.setTabColor", true);
    this.tabColor = color;
    return this;
  }
  activate(): FakeSheet {
    this.r.rec("Sheet.activate");
    this.ss.active = this;
    return this;
  }
  getParent(): FakeSpreadsheet {
    this.r.rec("Sheet.getParent");
    return this.ss;
  }
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet

export class FakeSpreadsheet
  implements
    Api<
      SS,
      | "getId"
      | "getName"
      | "getSheets"
      | "getSheetByName"
      | "getSheetById"
      | "insertSheet"
      | "deleteSheet"
      | "getActiveSheet"
      | "setActiveSheet"
      | "getSpreadsheetTimeZone"
      | "getSpreadsheetLocale"
      | "addDeveloperMetadata"
      | "getDeveloperMetadata"
      | "toast"
      | "getUrl"
    >
{
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  meta: FakeDeveloperMetadata[] = [];
  toasts: string[] = [];

  constructor(
    readonly r: Recorder,
    public timeZone = "Etc/UTC",
    public locale = "en_US",
    readonly id = "fake-spreadsheet-id",
  ) {}

  checkName(name: string, self?: FakeSheet): void {
    if (typeof name !== "string" || name.trim() === "" || name.length > 100) {
      throw new Error(`Invalid sheet name: ${JSON.stringify(name)}`);
    }
    const lower = name.toLowerCase();
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === lower)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  /** Test helper (not recorded): adds a sheet with values. */
  addSheet(name: string, values: unknown[][] = []): FakeSheet {
    this.checkName(name);
    const sh = new FakeSheet(this, name, values, this.sheets.length === 0 ? 0 : undefined);
    this.sheets.push(sh);
    if (!this.active) this.active = sh;
    return sh;
  }
  getId(): string {
    this.r.rec("Spreadsheet.getId");
    return this.id;
  }
  getName(): string {
    this.r.rec("Spreadsheet.getName");
    return "Fake spreadsheet";
  }
  getUrl(): string {
    this.r.rec("Spreadsheet.getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): FakeSheet[] {
    this.r.rec("Spreadsheet.getSheets");
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.r.rec("Spreadsheet.getSheetByName");
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    this.r.rec("Spreadsheet.getSheetById");
    return this.sheets.find((s) => s.id === id) ?? null;
  }
  insertSheet(a?: unknown, b?: unknown, _c?: unknown): FakeSheet {
    this.r.rec("Spreadsheet.insertSheet", true);
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === "string") name = a;
    else if (typeof a === "number") index = a;
    if (typeof b === "number") index = b;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    this.checkName(name);
    const sh = new FakeSheet(this, name);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sh);
    else this.sheets.splice(Math.max(0, index), 0, sh);
    this.active = sh;
    return sh;
  }
  deleteSheet(sheet: SH): void {
    this.r.rec("Spreadsheet.deleteSheet", true);
    const sh = sheet as unknown as FakeSheet;
    const i = this.sheets.indexOf(sh);
    if (i < 0) throw new Error("Sheet not found");
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.active === sh) this.active = this.sheets[0];
  }
  getActiveSheet(): FakeSheet {
    this.r.rec("Spreadsheet.getActiveSheet");
    return this.active ?? this.sheets[0];
  }
  setActiveSheet(sheet: SH, _restoreSelection?: boolean): FakeSheet {
    this.r.rec("Spreadsheet.setActiveSheet");
    this.active = sheet as unknown as FakeSheet;
    return this.active;
  }
  getSpreadsheetTimeZone(): string {
    this.r.rec("Spreadsheet.getSpreadsheetTimeZone");
    return this.timeZone;
  }
  getSpreadsheetLocale(): string {
    this.r.rec("Spreadsheet.getSpreadsheetLocale");
    return this.locale;
  }
  addDeveloperMetadata(key: string, value?: unknown, _visibility?: unknown): FakeSpreadsheet {
    this.r.rec("Spreadsheet.addDeveloperMetadata", true);
    this.meta.push(
      new FakeDeveloperMetadata(this.r, this.meta, key, typeof value === "string" ? value : null),
    );
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.r.rec("Spreadsheet.getDeveloperMetadata");
    return [...this.meta];
  }
  toast(msg: string, _title?: string, _timeoutSeconds?: number | null): void {
    this.r.rec("Spreadsheet.toast");
    this.toasts.push(msg);
  }
  /** Test helper: name → cells of every sheet, in order. */
  snapshot(): { name: string; values: unknown[][] }[] {
    return this.sheets.map((s) => ({ name: s.name, values: s.snapshot() }));
  }
}

// ---------------------------------------------------------------------------------------------
// Lock, cache, properties

/** One document lock shared by every `getDocumentLock()` handle, like the real one. */
export class LockState {
  holder: FakeLock | null = null;
  /** Test switch: pretend another execution holds the lock. */
  heldElsewhere = false;
}

export class FakeLock
  implements Api<GoogleAppsScript.Lock.Lock, "tryLock" | "waitLock" | "releaseLock" | "hasLock">
{
  constructor(
    private r: Recorder,
    private state: LockState,
  ) {}
  tryLock(_timeoutInMillis: number): boolean {
    this.r.rec("Lock.tryLock");
    if (this.state.heldElsewhere) return false;
    if (this.state.holder && this.state.holder !== this) return false;
    this.state.holder = this;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error("Lock timeout: another process was holding the lock for too long.");
  }
  releaseLock(): void {
    this.r.rec("Lock.releaseLock");
    if (this.state.holder === this) this.state.holder = null;
  }
  hasLock(): boolean {
    this.r.rec("Lock.hasLock");
    return this.state.holder === this;
  }
}

/** 100 KB per value, 250 characters per key, 1,000 items, as documented for CacheService. */
const CACHE_MAX_VALUE_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;

export class FakeCache
  implements
    Api<GoogleAppsScript.Cache.Cache, "get" | "put" | "getAll" | "putAll" | "remove" | "removeAll">
{
  store = new Map<string, string>();
  constructor(private r: Recorder) {}
  private check(key: string, value: string): void {
    if (key.length > 250) throw new Error(`Cache key too long: ${key.length}`);
    const bytes = new TextEncoder().encode(value).length;
    if (bytes > CACHE_MAX_VALUE_BYTES)
      throw new Error(`Argument too large: value (${bytes} bytes)`);
  }
  get(key: string): string | null {
    this.r.rec("Cache.get");
    return this.store.get(key) ?? null;
  }
  put(key: string, value: string, _expirationInSeconds?: number): void {
    this.r.rec("Cache.put");
    this.check(key, value);
    this.set(key, value);
  }
  getAll(keys: string[]): Record<string, string> {
    this.r.rec("Cache.getAll");
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.store.get(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  putAll(values: Record<string, string>, _expirationInSeconds?: number): void {
    this.r.rec("Cache.putAll");
    for (const [k, v] of Object.entries(values)) this.check(k, v);
    for (const [k, v] of Object.entries(values)) this.set(k, v);
  }
  /** The most items the cache held at once, and the most characters in one value. */
  peakItems = 0;
  peakValueChars = 0;
  /** Past the item cap the oldest items are evicted, as the real cache does. */
  private set(key: string, value: string): void {
    this.store.delete(key);
    this.store.set(key, value);
    this.peakItems = Math.max(this.peakItems, this.store.size);
    this.peakValueChars = Math.max(this.peakValueChars, value.length);
    while (this.store.size > CACHE_MAX_ITEMS) {
      const oldest = this.store.keys().next().value as string;
      this.store.delete(oldest);
    }
  }
  remove(key: string): void {
    this.r.rec("Cache.remove");
    this.store.delete(key);
  }
  removeAll(keys: string[]): void {
    this.r.rec("Cache.removeAll");
    for (const k of keys) this.store.delete(k);
  }
}

export class FakeProperties
  implements
    Api<
      GoogleAppsScript.Properties.Properties,
      | "getProperty"
      | "setProperty"
      | "deleteProperty"
      | "getProperties"
      | "setProperties"
      | "getKeys"
    >
{
  store = new Map<string, string>();
  constructor(private r: Recorder) {}
  getProperty(key: string): string | null {
    this.r.rec("Properties.getProperty");
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.r.rec("Properties.setProperty");
    if (String(value).length > 9 * 1024) throw new Error("Property value too large");
    this.store.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.r.rec("Properties.deleteProperty");
    this.store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    this.r.rec("Properties.getProperties");
    return Object.fromEntries(this.store);
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): FakeProperties {
    this.r.rec("Properties.setProperties");
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(properties)) this.store.set(k, String(v));
    return this;
  }
  getKeys(): string[] {
    this.r.rec("Properties.getKeys");
    return [...this.store.keys()];
  }
}

// ---------------------------------------------------------------------------------------------
// The services object

export interface FakeServicesInit {
  /** Sheet name → cells (row-major), in tab order. */
  sheets?: Record<string, unknown[][]>;
  timeZone?: string;
  locale?: string;
  /** Session.getActiveUserLocale() (default: `locale`). */
  userLocale?: string;
}

export interface FakeServices {
  r: Recorder;
  spreadsheet: FakeSpreadsheet;
  lock: LockState;
  cache: FakeCache;
  documentProperties: FakeProperties;
  userProperties: FakeProperties;
  scriptProperties: FakeProperties;
  /** The globals Apps Script code sees: SpreadsheetApp, Charts, LockService, … */
  globals: Record<string, unknown>;
  /** Copies `globals` onto `target` (globalThis or a vm context); returns an uninstaller. */
  install(target?: Record<string, unknown>): () => void;
  /** The spreadsheet typed as the real service (for code under test). */
  ss: SS;
}

const CHART_TYPES = [
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
] as const;

/** A Blob of bytes (Apps Script's bytes are signed; ours are kept as given). */
class FakeBlob {
  constructor(readonly bytes: Uint8Array) {}
  getBytes(): number[] {
    return Array.from(this.bytes);
  }
  getDataAsString(_charset?: string): string {
    return new TextDecoder().decode(this.bytes);
  }
}

/** Utilities: newBlob, gzip/ungzip and base64, on node's zlib. */
function fakeUtilities(r: Recorder) {
  const bytesOf = (b: unknown) => (b as FakeBlob).bytes;
  return {
    newBlob: (data: string | number[] | Uint8Array, _contentType?: string) => {
      r.rec("Utilities.newBlob");
      return new FakeBlob(
        typeof data === "string" ? new TextEncoder().encode(data) : Uint8Array.from(data),
      );
    },
    gzip: (blob: unknown) => {
      r.rec("Utilities.gzip");
      return new FakeBlob(new Uint8Array(gzipSync(bytesOf(blob))));
    },
    ungzip: (blob: unknown) => {
      r.rec("Utilities.ungzip");
      return new FakeBlob(new Uint8Array(gunzipSync(bytesOf(blob))));
    },
    base64Encode: (data: number[] | Uint8Array) => {
      r.rec("Utilities.base64Encode");
      return Buffer.from(Uint8Array.from(data as ArrayLike<number>)).toString("base64");
    },
    base64Decode: (encoded: string) => {
      r.rec("Utilities.base64Decode");
      return Array.from(Buffer.from(encoded, "base64"));
    },
  };
}

export function createFakeServices(init: FakeServicesInit = {}): FakeServices {
  const r = new Recorder();
  const spreadsheet = new FakeSpreadsheet(r, init.timeZone ?? "Etc/UTC", init.locale ?? "en_US");
  for (const [name, values] of Object.entries(init.sheets ?? {}))
    spreadsheet.addSheet(name, values);
  if (spreadsheet.sheets.length === 0) spreadsheet.addSheet("Sheet1");
  const lock = new LockState();
  const cache = new FakeCache(r);
  const documentProperties = new FakeProperties(r);
  const userProperties = new FakeProperties(r);
  const scriptProperties = new FakeProperties(r);

  const SpreadsheetApp = {
    getActiveSpreadsheet: () => {
      r.rec("SpreadsheetApp.getActiveSpreadsheet");
      return spreadsheet;
    },
    getActive: () => {
      r.rec("SpreadsheetApp.getActive");
      return spreadsheet;
    },
    flush: () => {
      r.rec("SpreadsheetApp.flush");
    },
    newDataValidation: () => {
      r.rec("SpreadsheetApp.newDataValidation");
      return new FakeDataValidationBuilder(r);
    },
    newConditionalFormatRule: () => {
      r.rec("SpreadsheetApp.newConditionalFormatRule");
      return new FakeConditionalFormatRuleBuilder(r);
    },
    DeveloperMetadataVisibility: { DOCUMENT: "DOCUMENT", PROJECT: "PROJECT" },
    WrapStrategy: { WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" },
  };
  const Charts = {
    ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])),
  };
  const LockService = {
    getDocumentLock: () => {
      r.rec("LockService.getDocumentLock");
      return new FakeLock(r, lock);
    },
    getScriptLock: () => {
      r.rec("LockService.getScriptLock");
      return new FakeLock(r, lock);
    },
  };
  const CacheService = {
    getDocumentCache: () => {
      r.rec("CacheService.getDocumentCache");
      return cache;
    },
  };
  const PropertiesService = {
    getDocumentProperties: () => {
      r.rec("PropertiesService.getDocumentProperties");
      return documentProperties;
    },
    getUserProperties: () => {
      r.rec("PropertiesService.getUserProperties");
      return userProperties;
    },
    getScriptProperties: () => {
      r.rec("PropertiesService.getScriptProperties");
      return scriptProperties;
    },
  };
  const Session = {
    getActiveUserLocale: () => init.userLocale ?? init.locale ?? "en_US",
    getScriptTimeZone: () => init.timeZone ?? "Etc/UTC",
  };
  const globals: Record<string, unknown> = {
    Utilities: fakeUtilities(r),
    SpreadsheetApp,
    Charts,
    LockService,
    CacheService,
    PropertiesService,
    Session,
  };
  return {
    r,
    spreadsheet,
    lock,
    cache,
    documentProperties,
    userProperties,
    scriptProperties,
    globals,
    ss: spreadsheet as unknown as SS,
    install(target = globalThis as unknown as Record<string, unknown>) {
      const saved = new Map<string, unknown>();
      for (const [k, v] of Object.entries(globals)) {
        saved.set(k, target[k]);
        target[k] = v;
      }
      return () => {
        for (const [k, v] of saved) {
          if (v === undefined) delete target[k];
          else target[k] = v;
        }
      };
    },
  };
}
