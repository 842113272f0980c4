/**
 * `voronka report … --explain` (issue 11): per tab its kind, the column taken for each field,
 * where the stages come from and in what order, and why a tempting column was passed over;
 * reference tables left out with a line; a file with no header row named as such.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/args";

import { runCli } from "../support/runCli";

const ROOT = resolve(__dirname, "../..");
const FIXTURES = resolve(ROOT, "test/fixtures/crm");
const MAVEN = resolve(ROOT, "../shared/datasets/maven-crm");
const dir = mkdtempSync(join(tmpdir(), "voronka-explain-"));

const run = (argv: string[]) => runCli(argv, dir);

describe("voronka report --explain", () => {
  it("is an option of report", () => {
    const cmd = parseCli(["report", "a.csv", "--explain"]);
    expect(cmd.kind === "report" && cmd.explain).toBe(true);
    const plain = parseCli(["report", "a.csv"]);
    expect(plain.kind === "report" && plain.explain).toBeFalsy();
  });

  it("names the kind, the fields, the stage source and the columns passed over", async () => {
    const r = await run([
      "report",
      `${FIXTURES}/pipedrive-deals.csv`,
      "--explain",
      "--out",
      join(dir, "p.xlsx"),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('"pipedrive-deals": deals');
    expect(r.out).toContain('stage ← "Deal - Stage"');
    expect(r.out).toContain('status ← "Deal - Status"');
    expect(r.out).toMatch(/passed over: "Deal - Next activity date" \(a system, forecast/);
    expect(r.out).toContain(
      'Stages: The stages come from the column "Deal - Stage" of "pipedrive-deals", in Pipedrive\'s default pipeline order.',
    );
    expect(r.out).toContain('"Qualified" → "Contact Made"');
  });

  it("speaks the report's language", async () => {
    const r = await run([
      "report",
      `${FIXTURES}/bitrix24-deals.csv`,
      "--explain",
      "--lang",
      "ru",
      "--out",
      join(dir, "b.xlsx"),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("«bitrix24-deals»: сделки");
    expect(r.out).toContain("не взяты: «Предполагаемая дата закрытия»");
    expect(r.out).toContain("Этапы взяты из столбца «Стадия сделки»");
  });

  it("Maven's four files: reference tables are left out with a line, 8,800 deals", async () => {
    const r = await run([
      "report",
      `${MAVEN}/accounts.csv`,
      `${MAVEN}/products.csv`,
      `${MAVEN}/sales_pipeline.csv`,
      `${MAVEN}/sales_teams.csv`,
      "--out",
      join(dir, "m.xlsx"),
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("accounts.csv: a reference table (accounts)");
    expect(r.err).toContain("products.csv: a reference table (products)");
    expect(r.err).toContain("sales_teams.csv: a reference table (sales teams)");
    expect(r.out).toMatch(/8,800 deals/);
  });

  it("a file with no header row is named as such", async () => {
    writeFileSync(
      join(dir, "Master.csv"),
      '"","89000000001","211474","stadion-pstn","2024-01-27 15:07:24",27,27,"ANSWERED"\n"","89000000002","211474","stadion-pstn","2024-01-27 15:27:58",10,10,"ANSWERED"\n',
    );
    const r = await run(["report", "Master.csv", "--out", join(dir, "a.xlsx")]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("Master.csv: no header row");
  });

  it("calls with no rep column: team-level calls with a note", async () => {
    const r = await run(["report", `${FIXTURES}/twilio-calls.csv`, "--out", join(dir, "t.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("no rep column");
    expect(r.out).toMatch(/50 calls/);
  });
});
