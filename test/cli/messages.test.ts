/** The command's messages (every key in every language: test/core/i18n.test.ts). */
import { describe, expect, it } from "vitest";
import { message } from "../../src/cli/messages";

describe("message catalog", () => {
  it("plural forms picked by the number (en one|other, ru/uk one|few|many)", () => {
    expect(message("en", "filesCount", { n: 1 })).toBe("1 file");
    expect(message("en", "filesCount", { n: 3 })).toBe("3 files");
    expect(message("ru", "filesCount", { n: 1 })).toBe("1 файл");
    expect(message("ru", "filesCount", { n: 3 })).toBe("3 файла");
    expect(message("ru", "filesCount", { n: 5 })).toBe("5 файлов");
    expect(message("uk", "filesCount", { n: 22 })).toBe("22 файли");
    expect(message("uk", "filesCount", { n: 11 })).toBe("11 файлів");
  });

  it("numbers in the language's format; values on one line, without control characters", () => {
    expect(message("en", "tooManyRows", { max: 3_000_000 })).toContain("3,000,000");
    expect(message("ru", "tooManyRows", { max: 3_000_000 })).toContain("3\u00a0000\u00a0000");
    expect(message("en", "noSuchFile", { file: "a\nb\x1b[2J\x07.csv" })).toBe(
      "a b.csv: no such file",
    );
  });
});
