/**
 * The readers on whole workbooks and on arbitrary bytes: the streamed .xlsx reader against
 * ExcelJS's whole-workbook loader (the independent route), and any bytes → tabs or one
 * InputError.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/adapters/xlsx/read";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "voronka-any-"));
let seq = 0;

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, `${seq++}-${name}`);
  writeFileSync(p, content);
  return p;
}

describe(".xlsx read as a stream", () => {
  const PWC = resolve(
    ROOT,
    "../shared/datasets/realworld/pwc-call-center/01 Call-Center-Dataset.xlsx",
  );
  const DEMO = resolve(ROOT, "examples/demo-workbook.xlsx");

  /** The independent route: ExcelJS's whole-workbook loader, cell by cell. */
  async function loaded(path: string): Promise<Map<string, unknown[][]>> {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const out = new Map<string, unknown[][]>();
    wb.eachSheet((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        const cells: unknown[] = [];
        row.eachCell((c, col) => {
          const v = c.value as unknown;
          const o = v as { result?: unknown; richText?: { text: string }[] } | null;
          cells[col - 1] =
            o && typeof o === "object" && !(o instanceof Date)
              ? "result" in o
                ? o.result
                : o.richText
                  ? o.richText.map((r) => r.text).join("")
                  : v
              : v;
        });
        rows[n - 1] = cells;
      });
      out.set(ws.name, rows);
    });
    return out;
  }

  for (const [label, path] of [
    ["the demo workbook", DEMO],
    ["the PwC call-centre export", PWC],
  ] as const) {
    it.skipIf(!existsSync(path))(
      `${label}: the same names and cells as the whole-workbook loader`,
      async () => {
        const expected = await loaded(path);
        const tabs = await readInput(path);
        expect(tabs.map((t) => t.name)).toEqual([...expected.keys()]);
        for (const tab of tabs) {
          const want = expected.get(tab.name) ?? [];
          expect(tab.values.length).toBe(want.length);
          want.forEach((row, r) => {
            row.forEach((v, c) => {
              const got = tab.values[r][c];
              if (v instanceof Date) expect((got as Date).getTime()).toBe(v.getTime());
              else if (v !== null && v !== undefined && v !== "") expect(got).toEqual(v);
            });
          });
        }
      },
    );
  }
});

describe(".xlsx whose workbook.xml comes after its sheets", () => {
  it("is read (whole) with the same names and cells, not refused as unreadable", async () => {
    // ExcelJS's own writer sometimes zips a sheet after the shared strings but before
    // xl/workbook.xml, an order its streaming reader fails on; build that order on purpose.
    const { default: ExcelJS } = await import("exceljs");
    const { default: JSZip } = await import("jszip");
    const wb = new ExcelJS.Workbook();
    const deals = wb.addWorksheet("Сделки");
    deals.addRow(["ID", "Менеджер", "Этап"]);
    for (let i = 1; i <= 30; i++) deals.addRow([`D${i}`, i % 2 ? "Анна" : "Борис", "Лид"]);
    wb.addWorksheet("Notes").addRow(["free text"]);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    const rank = (n: string) =>
      n === "xl/sharedStrings.xml"
        ? 1
        : n.startsWith("xl/worksheets/")
          ? 2
          : n === "xl/workbook.xml"
            ? 3
            : 0;
    const reordered = new JSZip();
    for (const n of names.sort((a, b) => rank(a) - rank(b))) {
      reordered.file(n, (await zip.file(n)?.async("uint8array")) ?? new Uint8Array());
    }
    const order = names.map(rank).filter((r) => r > 0);
    expect(order).toEqual([...order].sort());
    const path = file("late-workbook.xlsx", await reordered.generateAsync({ type: "uint8array" }));
    const tabs = await readInput(path);
    expect(tabs.map((t) => t.name)).toEqual(["Сделки", "Notes"]);
    expect(tabs[0]?.values.length).toBe(31);
    expect(tabs[0]?.values[30]).toEqual(["D30", "Борис", "Лид"]);
  });
});

describe("any bytes", () => {
  it("give tabs or one InputError, never another exception", async () => {
    const { InputError } = await import("../../src/adapters/xlsx/read");
    const heads = [
      [],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      Array.from(Buffer.from("<table><tr><td>")),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...heads),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(".csv", ".xls", ".xlsx", ".txt"),
        async (head, body, ext) => {
          const p = file(`any${ext}`, Buffer.concat([Buffer.from(head), Buffer.from(body)]));
          try {
            const tabs = await readInput(p);
            for (const t of tabs) expect(Array.isArray(t.values)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
