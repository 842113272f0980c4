/**
 * HTML tables saved as `.xls` (Bitrix24's "Excel" export: a BOM, a <meta>, one <table>): the
 * largest table's rows as a tab. Text inside a cell's tags (Bitrix24 telephony wraps the
 * employee in <span>s) is the cell's text; entities are decoded; <br> is a line break; a
 * colspan adds blank cells so columns stay under their headers. Node-only (htmlparser2).
 */
import type { Readable } from "node:stream";
import { Parser } from "htmlparser2";
import { sniffEncoding } from "./encoding";

interface Table {
  rows: string[][];
}

/** Collects the rows of every table in an HTML document fed in pieces. */
export class HtmlTables {
  readonly tables: Table[] = [];
  private stack: Table[] = [];
  private row: string[] | null = null;
  private cell: string | null = null;
  private span = 1;
  private readonly parser: Parser;

  constructor() {
    this.parser = new Parser(
      {
        onopentag: (name, attrs) => this.open(name, attrs),
        onclosetag: (name) => this.close(name),
        ontext: (text) => {
          if (this.cell !== null) this.cell += text.replace(/\s+/g, " ");
        },
      },
      { decodeEntities: true, lowerCaseTags: true },
    );
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.end();
  }

  private open(name: string, attrs: Record<string, string>): void {
    if (name === "table") {
      this.endRow();
      this.stack.push({ rows: [] });
    } else if (name === "tr" && this.stack.length > 0) {
      this.endRow();
      this.row = [];
    } else if ((name === "td" || name === "th") && this.stack.length > 0) {
      this.endCell();
      this.row ??= [];
      this.cell = "";
      const span = Number.parseInt(attrs.colspan ?? "1", 10);
      this.span = Number.isFinite(span) && span > 1 ? Math.min(span, 1000) : 1;
    } else if (name === "br" && this.cell !== null) {
      this.cell += "\n";
    }
  }

  private close(name: string): void {
    if (name === "td" || name === "th") this.endCell();
    else if (name === "tr") this.endRow();
    else if (name === "table") {
      this.endRow();
      const t = this.stack.pop();
      if (t) this.tables.push(t);
    }
  }

  private endCell(): void {
    if (this.cell === null || !this.row) return;
    const text = this.cell
      .replace(/\u00a0/g, " ")
      .split("\n")
      .map((l) => l.replace(/ {2,}/g, " ").trim())
      .join("\n")
      .trim();
    this.row.push(text);
    for (let k = 1; k < this.span; k++) this.row.push("");
    this.cell = null;
    this.span = 1;
  }

  private endRow(): void {
    this.endCell();
    const table = this.stack[this.stack.length - 1];
    if (this.row && table) table.rows.push(this.row);
    this.row = null;
  }

  /** The table with the most rows (the data; layout tables around it have few). */
  largest(): string[][] | null {
    let best: Table | null = null;
    for (const t of this.tables) if (!best || t.rows.length > best.rows.length) best = t;
    return best && best.rows.length > 0 ? best.rows : null;
  }
}

/** True when the first bytes of a file look like HTML (after a BOM and blanks). */
export function looksLikeHtml(head: Uint8Array): boolean {
  const text = Buffer.from(head.subarray(0, 4096)).toString("latin1");
  return /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?[\s\0]*<(?:!doctype|html|head|meta|body|table|\?xml)/i.test(
    text.replace(/\0/g, ""),
  );
}

/** The rows of the largest table in an HTML stream (null: no table). */
export async function readHtmlTable(stream: Readable): Promise<string[][] | null> {
  const tables = new HtmlTables();
  let decoder: TextDecoder | null = null;
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (!decoder) {
        const s = sniffEncoding(chunk.subarray(0, 1024 * 1024));
        decoder = new TextDecoder(s.encoding);
        chunk = chunk.subarray(s.bom);
      }
      tables.write(decoder.decode(chunk, { stream: true }));
    }
    if (decoder) tables.write(decoder.decode());
    tables.end();
  } finally {
    stream.destroy();
  }
  return tables.largest();
}
