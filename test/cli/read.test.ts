import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  cellValue,
  decodeText,
  detectDelimiter,
  InputError,
  parseCsv,
  readInput,
  readXlsx,
} from "../../src/adapters/xlsx/read";

const dir = mkdtempSync(join(tmpdir(), "voronka-read-"));

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** "Менеджер;Сумма" etc. in Windows-1251 bytes (Cyrillic А..я = 0xC0..0xFF, Ё/ё apart). */
function cp1251(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else throw new Error(`not in the test table: ${ch}`);
  }
  return Uint8Array.from(out);
}

describe("CSV", () => {
  it("reads a comma CSV as strings, padded to the widest row", async () => {
    const [tab] = await readInput(file("deals.csv", "id,rep,amount\n1,Anna,1054\n2,Boris\n"));
    expect(tab.name).toBe("deals");
    expect(tab.values).toEqual([
      ["id", "rep", "amount"],
      ["1", "Anna", "1054"],
      ["2", "Boris", ""],
    ]);
  });

  it("detects semicolons and keeps decimal commas and spaces for the core", async () => {
    const [tab] = await readInput(
      file("semi.csv", 'Сделка;Менеджер;Сумма\nA-1;Иванов;1 234,5\nA-2;Петров;"2,75"\n'),
    );
    expect(tab.values[0]).toEqual(["Сделка", "Менеджер", "Сумма"]);
    expect(tab.values[1]).toEqual(["A-1", "Иванов", "1 234,5"]);
    expect(tab.values[2]).toEqual(["A-2", "Петров", "2,75"]);
  });

  it("detects tabs", async () => {
    const [tab] = await readInput(file("tabs.csv", "id\trep\tdate\nX\tAnna, Jr.\t2016-10-20\n"));
    expect(tab.values[1]).toEqual(["X", "Anna, Jr.", "2016-10-20"]);
  });

  it("strips a UTF-8 BOM", async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode("id;Менеджер\n1;Анна\n");
    const [tab] = await readInput(file("bom.csv", Buffer.concat([bom, body])));
    expect(tab.values[0][0]).toBe("id");
    expect(tab.values[0][1]).toBe("Менеджер");
  });

  it("decodes Windows-1251 bytes that are not valid UTF-8", async () => {
    const [tab] = await readInput(
      file("cp.csv", cp1251("Сделка;Менеджер;Этап\nА-1;Ёлкина;Оплачено\n")),
    );
    expect(tab.values).toEqual([
      ["Сделка", "Менеджер", "Этап"],
      ["А-1", "Ёлкина", "Оплачено"],
    ]);
  });

  it("decodes UTF-16 with a BOM, as Excel's Unicode text export writes it (tab-separated)", async () => {
    const text = "Сделка\tМенеджер\tЭтап\nА-1\tЁлкина\tОплачено\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [
      ["le.csv", le],
      ["be.csv", be],
    ] as const) {
      const [tab] = await readInput(file(name, bytes));
      expect(tab.values).toEqual([
        ["Сделка", "Менеджер", "Этап"],
        ["А-1", "Ёлкина", "Оплачено"],
      ]);
    }
  });

  it("keeps quoted newlines and quoted delimiters inside one cell", async () => {
    const text =
      'id;comment;rep\r\n1;"line one\r\nline two; still";Anna\r\n2;"say ""hi""";Boris\r\n';
    const [tab] = await readInput(file("nl.csv", text));
    expect(tab.values).toEqual([
      ["id", "comment", "rep"],
      ["1", "line one\r\nline two; still", "Anna"],
      ["2", 'say "hi"', "Boris"],
    ]);
  });

  it("skips blank lines", async () => {
    expect((await parseCsv("a,b\n\n1,2\n\n", "t")).values).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("detectDelimiter ignores delimiters inside quotes", () => {
    expect(detectDelimiter('a;b;c\n"x,y,z,w";2;3\n')).toBe(";");
    expect(detectDelimiter("a,b\n1,2\n")).toBe(",");
    expect(detectDelimiter("single\nvalue\n")).toBe(",");
  });

  it("decodeText prefers UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("Воронка"))).toBe("Воронка");
  });
});

describe("errors", () => {
  it("a missing file", async () => {
    await expect(readInput(join(dir, "nope.csv"))).rejects.toThrow(/nope\.csv: no such file/);
  });
  it("an empty file", async () => {
    await expect(readInput(file("empty.csv", ""))).rejects.toBeInstanceOf(InputError);
    await expect(readInput(file("blank.csv", "\n\n"))).rejects.toThrow(/empty/);
    await expect(readInput(file("empty.xlsx", ""))).rejects.toThrow(/empty/);
  });
  it("a file that is not a workbook", async () => {
    await expect(readInput(file("bad.xlsx", "not a zip"))).rejects.toThrow(/not a readable \.xlsx/);
  });
  it("an unsupported type", async () => {
    await expect(readInput(file("x.pdf", "%PDF"))).rejects.toThrow(/unsupported file type/);
  });
});

describe("xlsx", () => {
  it("reads every worksheet: dates, numbers, formulas' results, rich text, blanks", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Сделки");
    a.addRow(["ID", "Дата", "Сумма", "Итого", "Комментарий"]);
    a.addRow([
      "D-1",
      new Date(Date.UTC(2026, 0, 5)),
      1200.5,
      { formula: "C2*2", result: 2401 },
      null,
    ]);
    a.addRow([
      "D-2",
      new Date(Date.UTC(2026, 0, 6, 14, 30)),
      null,
      null,
      { richText: [{ text: "very " }, { font: { bold: true }, text: "good" }] },
    ]);
    a.addRow([]);
    const b = wb.addWorksheet("Звонки");
    b.addRow(["Менеджер", true]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const tabs = await readXlsx(buf);
    expect(tabs.map((t) => t.name)).toEqual(["Сделки", "Звонки"]);
    const v = tabs[0].values;
    expect(v.length).toBe(3);
    expect(v[0]).toEqual(["ID", "Дата", "Сумма", "Итого", "Комментарий"]);
    expect(v[1][1]).toBeInstanceOf(Date);
    expect((v[1][1] as Date).toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(v[1].slice(2)).toEqual([1200.5, 2401, ""]);
    expect((v[2][1] as Date).toISOString()).toBe("2026-01-06T14:30:00.000Z");
    expect(v[2].slice(2)).toEqual(["", "", "very good"]);
    expect(tabs[1].values).toEqual([["Менеджер", true]]);
  });

  it("cellValue handles hyperlinks and errors", () => {
    expect(cellValue({ text: "site", hyperlink: "https://x" })).toBe("site");
    expect(cellValue({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(cellValue({ formula: "A1", result: { error: "#REF!" } })).toBe("#REF!");
    expect(cellValue(undefined)).toBe("");
  });
});
