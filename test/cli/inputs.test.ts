/**
 * The offline readers on the inputs real exports and hostile files bring: mixed line endings,
 * NUL and blank rows, over-long cells, Latin-1 vs Windows-1251, HTML tables saved as .xls
 * (Bitrix24), binary .xls, and the size limits. Expected values are written out from the
 * fixture text or computed by a plain route (byte decoding, string splitting), not by the reader.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvRows } from "../../src/adapters/xlsx/csv";
import { MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS, readInput } from "../../src/adapters/xlsx/read";

const ROOT = resolve(__dirname, "../..");
const FIXTURES = resolve(__dirname, "../fixtures");
const WINKEL = resolve(ROOT, "../shared/datasets/realworld/salesforce-winkel/Opportunity.csv");
const dir = mkdtempSync(join(tmpdir(), "voronka-inputs-"));
let seq = 0;

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, `${seq++}-${name}`);
  writeFileSync(p, content);
  return p;
}

describe("CSV line endings", () => {
  it("200 rows ended by a mix of \\r\\n, \\n and \\r are 200 rows (issue 13: 133 deals)", async () => {
    const ends = ["\r\n", "\n", "\r"];
    let text = "opportunity_id,sales_agent,deal_stage\r\n";
    for (let i = 0; i < 200; i++) text += `P${i},Agent ${i % 7},Won${ends[(i * 7) % 3]}`;
    const [tab] = await readInput(file("mixed.csv", text));
    expect(tab.values.length).toBe(201);
    expect(tab.values.slice(1).map((r) => r[0])).toEqual(
      Array.from({ length: 200 }, (_, i) => `P${i}`),
    );
    expect(tab.values.every((r) => r.length === 3)).toBe(true);
  });

  it("keeps line breaks inside quotes as written", async () => {
    const [tab] = await readInput(file("q.csv", 'id;note\r1;"a\rb\nc\r\nd"\n2;x\r'));
    expect(tab.values).toEqual([
      ["id", "note"],
      ["1", "a\rb\nc\r\nd"],
      ["2", "x"],
    ]);
  });

  it("any line endings give the rows a plain split gives", async () => {
    // Unquoted cells without line breaks: splitting on /\r\n|\n|\r/ and the delimiter is the
    // independent route.
    const cell = fc.stringMatching(/^[a-zа-я0-9 ]{1,6}$/);
    const row = fc.array(cell, { minLength: 3, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.array(fc.constantFrom("\r\n", "\n", "\r"), { minLength: 41, maxLength: 41 }),
        async (rows, ends) => {
          const text = ["h1,h2,h3", ...rows.map((r) => r.join(","))]
            .map((l, i) => l + ends[i])
            .join("");
          const expected = text
            .split(/\r\n|\n|\r/)
            .filter((l) => l.replace(/,/g, "").trim() !== "")
            .map((l) => l.split(","));
          const [tab] = await readInput(file("p.csv", text));
          const trimmed = tab.values.map((r) => r.map((v) => String(v)));
          expect(trimmed.map((r) => r.join(","))).toEqual(
            expected.map((r) => {
              const padded = [...r];
              while (padded.length < 3) padded.push("");
              return padded.join(",");
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("CSV chunks", () => {
  /** The standard quoting: a cell with a quote, delimiter or line break is quoted, "" inside. */
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

  it("rows split across chunks anywhere (quotes, \r\n, multi-byte letters) come out whole", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "я", "😀", '"', ",", "\r", "\n", " "),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom("\r\n", "\n", "\r"),
        (rows, cuts, eol) => {
          // Rows whose cells are all empty would be skipped as blank: give each an id cell.
          const full = rows.map((r, i) => [`r${i}`, ...r]);
          const bytes = Buffer.from(full.map((r) => r.map(quote).join(",")).join(eol) + eol);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const got: string[][] = [];
          const csv = new CsvRows(0x2c, (cells) => got.push(cells));
          let from = 0;
          for (const c of [...at, bytes.length]) {
            csv.push(bytes.subarray(from, c));
            from = c;
          }
          csv.end();
          expect(got).toEqual(full);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("rows of NULs or blanks", () => {
  it("are skipped, and NUL characters inside cells dropped", async () => {
    const text = "id,rep\n\0\0\0\0\0\n1,Anna\n,,\n   ,  \n\0,\0\n2,Bo\0ris\n";
    const [tab] = await readInput(file("nul.csv", text));
    expect(tab.values).toEqual([
      ["id", "rep"],
      ["1", "Anna"],
      ["2", "Boris"],
    ]);
  });
});

describe("cells over Excel's limit", () => {
  it("are cut to 32,767 characters, with a note for the data check", async () => {
    const long = "x".repeat(40_000);
    const [tab] = await readInput(file("long.csv", `id,comment\n1,${long}\n2,short\n`));
    expect(MAX_CELL_CHARS).toBe(32_767);
    expect((tab.values[1][1] as string).length).toBe(32_767);
    expect(tab.values[2]).toEqual(["2", "short"]);
    expect(tab.notes).toHaveLength(1);
    expect(tab.notes?.[0]).toMatchObject({
      row: 2,
      column: 2,
      header: "comment",
      reason: "cellTooLong",
    });
  });
});

describe("encodings", () => {
  /** Latin-1 bytes of a string (every code point below 256). */
  const latin1 = (s: string) => Buffer.from(s, "latin1");

  it("Latin-1 with Spanish words is not read as Windows-1251", async () => {
    const [tab] = await readInput(
      file("es.csv", latin1("Id,StageName\n1,Gestión\n2,Negociación\n3,Diseño\n")),
    );
    expect(tab.values.slice(1).map((r) => r[1])).toEqual(["Gestión", "Negociación", "Diseño"]);
  });

  it.skipIf(!existsSync(WINKEL))(
    "the Salesforce (Winkel) export's stage names read as Latin-1 decodes them",
    async () => {
      // Independent route: decode the bytes as Windows-1252 and take StageName from lines
      // without quotes inside cells (this export quotes every field and has no embedded quotes).
      const text = new TextDecoder("windows-1252").decode(readFileSync(WINKEL));
      const lines = text.split(/\r\n|\n/).filter((l) => l !== "");
      const header = lines[0].split('","').map((h) => h.replace(/"/g, ""));
      const at = header.indexOf("StageName");
      const expected = new Set(
        lines
          .slice(1)
          .map((l) => l.split('","'))
          .filter((c) => c.length === header.length)
          .map((c) => c[at].replace(/"/g, "")),
      );
      expect([...expected].some((s) => /[áéíóúñ]/i.test(s))).toBe(true);
      const [tab] = await readInput(WINKEL);
      const col = tab.values[0].indexOf("StageName");
      const got = new Set(tab.values.slice(1).map((r) => r[col]));
      for (const s of expected) expect(got.has(s)).toBe(true);
      expect(tab.values.flat().some((v) => /[а-яё]/i.test(String(v)))).toBe(false);
    },
  );

  it("Windows-1251 Russian stays Windows-1251", async () => {
    const text = "Сделка;Менеджер;Этап\nА-1;Иванов;Оплачено\nА-2;Петрова;Счёт выставлен\n";
    const cp = new Uint8Array(
      Array.from(text, (ch) => {
        const c = ch.codePointAt(0) as number;
        if (c === 0x451) return 0xb8;
        return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
      }),
    );
    const [tab] = await readInput(file("ru.csv", cp));
    expect(tab.values[2]).toEqual(["А-2", "Петрова", "Счёт выставлен"]);
  });

  it("a UTF-8 file whose first megabyte is ASCII and whose tail is Latin-1 is read again", async () => {
    const head = `id,name\n${"1,plain\n".repeat(200_000)}`;
    const [tab] = await readInput(
      file("late.csv", Buffer.concat([latin1(head), latin1("2,Peña\n")])),
    );
    expect(tab.values[tab.values.length - 1]).toEqual(["2", "Peña"]);
    expect(tab.values.length).toBe(200_002);
  });
});

describe("encodings, read again", () => {
  it("a file with a UTF-8 BOM whose tail is Latin-1 keeps its header clean", async () => {
    const body = `id,name\n${"1,plain\n".repeat(150_000)}2,Peña\n`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, "latin1")]);
    const [tab] = await readInput(file("bom-late.csv", bytes));
    expect(tab.values[0]).toEqual(["id", "name"]);
    expect(tab.values[tab.values.length - 1]).toEqual(["2", "Peña"]);
  });
});

describe("HTML tables saved as .xls (Bitrix24's Excel export)", () => {
  it("the deal list: the header row and cells, entities decoded", async () => {
    const [tab] = await readInput(join(FIXTURES, "bitrix24-deals.xls"));
    expect(tab.name).toBe("bitrix24-deals");
    expect(tab.values[0]).toEqual([
      "ID",
      "Название сделки",
      "Стадия сделки",
      "Сумма",
      "Валюта",
      "Ответственный",
      "Дата создания",
      "Дата изменения",
      "Предполагаемая дата закрытия",
      "Дата начала",
      "Сделка закрыта",
      "Комментарий",
    ]);
    expect(tab.values).toHaveLength(6);
    expect(tab.values[1].slice(0, 4)).toEqual([
      "101",
      'Поставка "Ромашка" & Ко',
      "Новая",
      "12 000",
    ]);
    expect(tab.values[2][1]).toBe("Монтаж <под ключ>");
    expect(tab.values[2][2]).toBe("Cчёт на предоплату");
    expect(tab.values[2][11]).toBe("первая строка\nвторая строка");
    expect(tab.values[3][6]).toBe("05.02.2025 12:00:00");
    expect(tab.values.map((r) => r[10])).toEqual([
      "Сделка закрыта",
      "Нет",
      "Нет",
      "Да",
      "Да",
      "Нет",
    ]);
  });

  it("telephony detail: the employee's text out of its spans, colspans keep columns", async () => {
    const [tab] = await readInput(join(FIXTURES, "bitrix24-calls.xls"));
    expect(tab.values[0]).toEqual([
      "Тип звонка",
      "Сотрудник",
      "Номер портала",
      "Номер абонента",
      "Дата вызова",
      "Время звонка",
      "Статус",
      "Стоимость",
    ]);
    expect(tab.values.slice(1).map((r) => r[1])).toEqual([
      "Анна Смирнова",
      "Виктория Орлова",
      "Анна Смирнова",
      "Нет сотрудника",
    ]);
    expect(tab.values[1][5]).toBe("2 мин, 15 сек");
    expect(tab.values[4]).toEqual([
      "Входящий",
      "Нет сотрудника",
      "",
      "+7 900 000-00-14",
      "04.02.2025 17:59:59",
      "1 мин, 0 сек",
      "Пропущенный",
      "0",
    ]);
  });

  it("an HTML file with no table says so", async () => {
    await expect(
      readInput(file("page.xls", "<html><body><p>hi</p></body></html>")),
    ).rejects.toThrow(/no table/);
  });
});

describe("binary .xls (Excel 97–2003)", () => {
  it("is refused with a sentence asking to save it as .xlsx", async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await expect(readInput(file("old.xls", ole))).rejects.toThrow(
      /old\.xls: an Excel 97–2003 workbook cannot be read; .*save it as \.xlsx/,
    );
  });
});

describe("limits", () => {
  it("a file over the size limit is refused in one line, before it is read", async () => {
    const p = join(dir, "huge.csv");
    const fd = openSync(p, "w");
    closeSync(fd);
    // A sparse file: no disk is used.
    const { truncateSync } = await import("node:fs");
    truncateSync(p, MAX_FILE_BYTES + 1);
    await expect(readInput(p)).rejects.toThrow(
      /huge\.csv: 1,025 MB is over the limit of 1,024 MB per file/,
    );
  });

  it("more rows than the limit across a run are refused in one line", async () => {
    const p = file("rows.csv", "a,b\n1,2\n3,4\n");
    await expect(readInput(p, p, { rows: MAX_ROWS - 2 })).rejects.toThrow(
      /more than 3,000,000 rows/,
    );
    await expect(readInput(p, p, { rows: MAX_ROWS - 3 })).resolves.toHaveLength(1);
  });
});
