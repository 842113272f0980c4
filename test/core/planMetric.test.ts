import { describe, expect, it } from "vitest";
import { planMetricOf } from "../../src/core/metrics/planMetric";

describe("planMetricOf", () => {
  it("reads the metrics people write in a plan tab, in three languages", () => {
    const cases: [string, string | null][] = [
      ["Calls", "calls"],
      ["Звонки", "calls"],
      ["Дзвінки", "calls"],
      ["Calls 60s+", "longCalls"],
      ["Long calls", "longCalls"],
      ["Звонки от 60 с", "longCalls"],
      ["Minutes", "minutes"],
      ["Meetings", "meetings"],
      ["Встречи", "meetings"],
      ["Sales", "sales"],
      ["Продажи", "sales"],
      ["Оплаты", "sales"],
      ["Revenue", "revenue"],
      ["Выручка", "revenue"],
      ["Виручка", "revenue"],
      ["Leads", "leads"],
      ["Заявки", "leads"],
      ["Демо", null],
      ["", null],
      ["Minutes of talk", null],
    ];
    for (const [text, metric] of cases) expect([text, planMetricOf(text)]).toEqual([text, metric]);
  });
});
