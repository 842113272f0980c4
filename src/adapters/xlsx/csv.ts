/**
 * CSV read as a stream of byte chunks, never as one string: the bytes are turned into UTF-8
 * (when they are not), split into rows on any mix of `\r\n`, `\n` and `\r` outside quotes, and
 * each cell is decoded on its own (a fresh string, so no cell keeps a whole chunk alive).
 */
import { isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import {
  bomEncoding,
  type Sniffed,
  singleByteEncoding,
  sniffEncoding,
  wholeUtf8Prefix,
} from "./encoding";
import { InputError } from "./errors";
import type { TabBuilder } from "./tab";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** A row longer than this is refused (an unclosed quote would otherwise swallow the file). */
export const MAX_ROW_BYTES = 64 * 1024 * 1024;

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter that splits the first lines (outside quotes) into the most, equally wide
 * columns; comma when nothing splits. Any of \r\n, \n, \r ends a line.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts: number[] = [];
    let n = 0;
    let inQuotes = false;
    for (let i = 0; i < sample.length && counts.length < 20; i++) {
      const ch = sample[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch === d) n++;
      else if (!inQuotes && (ch === "\n" || ch === "\r")) {
        if (ch === "\r" && sample[i + 1] === "\n") i++;
        counts.push(n);
        n = 0;
      }
    }
    if (n > 0 || counts.length === 0) counts.push(n);
    const [first = 0] = counts;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Splits UTF-8 bytes into rows of string cells; call push() per chunk, then end(). */
export class CsvRows {
  private carry: Buffer = Buffer.alloc(0);
  /** Lines consumed so far, for messages about a broken row. */
  private line = 1;

  constructor(
    private readonly delimiter: number,
    private readonly onRow: (cells: string[]) => void,
    private readonly fileLabel = "",
  ) {}

  push(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const used = this.rows(buf, false);
    this.carry = used < buf.length ? Buffer.from(buf.subarray(used)) : Buffer.alloc(0);
    if (this.carry.length > MAX_ROW_BYTES) {
      throw new InputError("rowTooLong", {
        file: this.fileLabel,
        line: this.line,
        max: MAX_ROW_BYTES / 1024 / 1024,
      });
    }
  }

  end(): void {
    if (this.carry.length > 0) this.rows(this.carry, true);
    this.carry = Buffer.alloc(0);
  }

  /** Parses whole rows from buf; returns the offset of the first byte not consumed. */
  private rows(buf: Buffer, final: boolean): number {
    const n = buf.length;
    const d = this.delimiter;
    let rowStart = 0;
    let p = 0;
    let cells: string[] = [];
    let lines = 0;
    while (p < n || (final && p === n && cells.length > 0)) {
      let cell: string;
      if (buf[p] === QUOTE) {
        // Quoted: up to the closing quote ("" is a quote); anything after it up to the
        // delimiter is kept as written (a stray quote is not a reason to lose text).
        let q = p + 1;
        let escaped = false;
        for (;;) {
          const at = buf.indexOf(QUOTE, q);
          if (at < 0) {
            q = -1;
            break;
          }
          if (buf[at + 1] === QUOTE) {
            escaped = true;
            q = at + 2;
            continue;
          }
          if (at + 1 === n && !final)
            q = -1; // the next chunk may start with a quote
          else q = at;
          break;
        }
        if (q < 0) {
          if (!final) return rowStart;
          q = n; // unclosed at the end of the file: the rest is the cell
        }
        cell = buf.toString("utf8", p + 1, q);
        if (escaped) cell = cell.replace(/""/g, '"');
        for (let i = p + 1; i < q; i++) if (buf[i] === LF || buf[i] === CR) lines++;
        p = q + 1;
        if (p < n && buf[p] !== d && buf[p] !== LF && buf[p] !== CR) {
          let e = p;
          while (e < n && buf[e] !== d && buf[e] !== LF && buf[e] !== CR) e++;
          cell += buf.toString("utf8", p, e);
          p = e;
        }
      } else {
        let e = p;
        while (e < n) {
          const b = buf[e];
          if (b === d || b === LF || b === CR) break;
          e++;
        }
        cell = buf.toString("utf8", p, e);
        p = e;
      }
      cells.push(cell);
      if (p >= n) {
        if (!final) return rowStart;
        this.emit(cells, lines);
        return n;
      }
      const b = buf[p];
      if (b === d) {
        p++;
        if (p === n && final) {
          cells.push("");
          this.emit(cells, lines);
          return n;
        }
        continue;
      }
      // A line break: \r\n, \n or \r. A \r at the very end may be the first half of \r\n.
      if (b === CR) {
        if (p + 1 === n && !final) return rowStart;
        p += buf[p + 1] === LF ? 2 : 1;
      } else p++;
      this.emit(cells, lines);
      lines = 0;
      cells = [];
      rowStart = p;
    }
    return rowStart;
  }

  private emit(cells: string[], quotedLines: number): void {
    this.line += 1 + quotedLines;
    this.onRow(cells);
  }
}

/** The decoding of a CSV's bytes into the UTF-8 the row splitter reads. */
class ToUtf8 {
  private decoder: TextDecoder | null;
  private pending: Buffer = Buffer.alloc(0);
  constructor(readonly sniffed: Sniffed) {
    this.decoder = sniffed.encoding === "utf-8" ? null : new TextDecoder(sniffed.encoding);
  }
  /** UTF-8 bytes for the chunk; null when the file turns out not to be UTF-8 after all. */
  push(chunk: Buffer, final: boolean): Buffer | null {
    if (this.decoder) {
      return Buffer.from(this.decoder.decode(chunk, { stream: !final }), "utf8");
    }
    const all = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const whole = final ? all : wholeUtf8Prefix(all);
    const ok = Buffer.from(whole.buffer, whole.byteOffset, whole.length);
    if (!isUtf8(ok)) return null;
    this.pending = Buffer.from(all.subarray(whole.length));
    return ok;
  }
}

/** Thrown inside readCsv when a file that began as UTF-8 is not: read again as single-byte. */
class NotUtf8 extends Error {
  constructor(readonly sample: Buffer) {
    super("not UTF-8");
  }
}

/**
 * Reads a CSV from a stream factory into the tab. The encoding is sniffed from the first
 * chunk; a file that looked like UTF-8 but is not is read again in its single-byte encoding.
 */
export async function readCsv(
  open: () => Readable,
  tab: () => TabBuilder,
  fileLabel: string,
): Promise<TabBuilder> {
  const first = tab();
  try {
    return await readCsvAs(open, first, fileLabel, null);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    first.release();
    const again = { encoding: singleByteEncoding(e.sample), bom: 0 } as const;
    return readCsvAs(open, tab(), fileLabel, again);
  }
}

async function readCsvAs(
  open: () => Readable,
  builder: TabBuilder,
  fileLabel: string,
  forced: Sniffed | null,
): Promise<TabBuilder> {
  let toUtf8: ToUtf8 | null = null;
  let rows: CsvRows | null = null;
  const stream = open();
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (!toUtf8) {
        // Read again as single-byte: a UTF-8 BOM at the start is still not text.
        const sniffed = forced
          ? { ...forced, bom: bomEncoding(chunk)?.encoding === "utf-8" ? 3 : 0 }
          : sniffEncoding(chunk.subarray(0, 1024 * 1024));
        toUtf8 = new ToUtf8(sniffed);
        chunk = chunk.subarray(sniffed.bom);
      }
      const utf8 = toUtf8.push(chunk, false);
      if (utf8 === null) throw new NotUtf8(Buffer.from(chunk));
      if (!rows) {
        const delimiter = detectDelimiter(utf8.toString("utf8", 0, 256 * 1024));
        rows = new CsvRows(delimiter.charCodeAt(0), (cells) => builder.add(cells), fileLabel);
      }
      rows.push(utf8);
    }
    if (toUtf8 && rows) {
      const tail = toUtf8.push(Buffer.alloc(0), true);
      if (tail === null) throw new NotUtf8(Buffer.alloc(0));
      rows.push(tail);
      rows.end();
    }
  } finally {
    stream.destroy();
  }
  return builder;
}
