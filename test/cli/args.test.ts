import { describe, expect, it } from "vitest";
import { DEFAULT_OUT, parseCli, UsageError } from "../../src/cli/args";

describe("parseCli", () => {
  it("report with defaults", () => {
    expect(parseCli(["report", "a.csv", "b.xlsx"])).toEqual({
      kind: "report",
      files: ["a.csv", "b.xlsx"],
      out: DEFAULT_OUT,
      defaultOut: true,
      lang: "en",
      period: "month",
      force: false,
      quiet: false,
    });
  });

  it("options, long and short", () => {
    const c = parseCli([
      "report",
      "a.csv",
      "-o",
      "r.xlsx",
      "--lang",
      "UK",
      "--period",
      "week",
      "-f",
    ]);
    expect(c).toMatchObject({
      out: "r.xlsx",
      defaultOut: false,
      lang: "uk",
      period: "week",
      force: true,
    });
  });

  it("help and version", () => {
    expect(parseCli([])).toEqual({ kind: "help" });
    expect(parseCli(["--help"])).toEqual({ kind: "help" });
    expect(parseCli(["report", "x.csv", "-v"])).toEqual({ kind: "version" });
  });

  it("one-sentence usage errors", () => {
    const bad = [
      [["report"], /no input files/],
      [["build", "x.csv"], /unknown command "build"/],
      [["report", "x.csv", "--period", "year"], /--period must be week or month/],
      [["report", "x.csv", "--out", "r.csv"], /--out must name an \.xlsx file/],
      [["report", "x.csv", "--bogus"], /^Unknown option '--bogus'$/],
    ] as const;
    for (const [argv, msg] of bad) {
      expect(() => parseCli([...argv])).toThrow(UsageError);
      expect(() => parseCli([...argv])).toThrow(msg);
    }
  });
});
