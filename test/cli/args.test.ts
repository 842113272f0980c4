import { describe, expect, it } from "vitest";
import { DEFAULT_OUT, DEFAULT_TEMPLATE_OUT, parseCli, UsageError } from "../../src/cli/args";

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

describe("parseCli: template", () => {
  it("defaults, then language and output", () => {
    // Without --lang the language is the system's, as for report.
    expect(parseCli(["template"], { LANG: "uk_UA.UTF-8" })).toMatchObject({ lang: "uk" });
    expect(parseCli(["template"], {})).toEqual({
      kind: "template",
      out: DEFAULT_TEMPLATE_OUT,
      lang: "en",
      force: false,
      quiet: false,
    });
    expect(parseCli(["template", "-l", "RU", "--out", "t.xlsx", "-f", "-q"], {})).toEqual({
      kind: "template",
      out: "t.xlsx",
      lang: "ru",
      force: true,
      quiet: true,
    });
  });

  it("one-sentence usage errors", () => {
    const bad = [
      [["template", "x.csv"], /template takes no input files/],
      [["template", "--lang", "de"], /--lang must be en, ru or uk/],
      [["template", "--out", "t.csv"], /--out must name an \.xlsx file/],
      [["template", "--period", "week"], /--period applies to report/],
    ] as const;
    for (const [argv, msg] of bad) expect(() => parseCli([...argv])).toThrow(msg);
  });
});
