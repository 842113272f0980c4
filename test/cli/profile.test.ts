import { afterEach, describe, expect, it, vi } from "vitest";
import { profileStep } from "../../src/cli/profile";

describe("profileStep (VORONKA_PROFILE)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.VORONKA_PROFILE;
  });

  it("prints nothing unless VORONKA_PROFILE=1", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    delete process.env.VORONKA_PROFILE;
    profileStep("read");
    process.env.VORONKA_PROFILE = "0";
    profileStep("read");
    expect(write).not.toHaveBeenCalled();
  });

  it("prints each step's label and the milliseconds since the step before", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s) => {
      lines.push(String(s));
      return true;
    });
    process.env.VORONKA_PROFILE = "1";
    profileStep("first");
    await new Promise((r) => setTimeout(r, 30));
    profileStep("second step");
    expect(lines).toHaveLength(2);
    const m = /^profile: second step (\d+) ms \(at (\d+) ms, heap \d+ MiB, rss \d+ MiB\)\n$/.exec(
      lines[1] ?? "",
    );
    expect(m).not.toBeNull();
    // The timer waited ~30 ms between the two marks (timers may fire a little early).
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(25);
    expect(Number(m?.[2])).toBeGreaterThanOrEqual(Number(m?.[1]));
  });
});
