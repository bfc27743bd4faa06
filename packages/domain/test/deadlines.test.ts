import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, initialDeadlines, reporterDay } from "../src";

describe("deadlines", () => {
  it("acknowledges within 7 days and gives feedback within 3 months", () => {
    const received = new Date("2026-03-10T09:30:00.000Z");
    const { ackDueAt, feedbackDueAt } = initialDeadlines(received);
    expect(ackDueAt.toISOString()).toBe("2026-03-17T09:30:00.000Z");
    expect(feedbackDueAt.toISOString()).toBe("2026-06-10T09:30:00.000Z");
  });

  it("ends a month later on the last day of a shorter month, never in the month after", () => {
    expect(addMonths(new Date("2026-01-31T12:00:00Z"), 1).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(addMonths(new Date("2028-01-31T12:00:00Z"), 1).toISOString()).toBe("2028-02-29T12:00:00.000Z");
    expect(addMonths(new Date("2026-11-30T12:00:00Z"), 3).toISOString()).toBe("2027-02-28T12:00:00.000Z");
    expect(addMonths(new Date("2026-12-15T00:00:00Z"), 3).toISOString()).toBe("2027-03-15T00:00:00.000Z");
  });

  it("puts three months between 89 and 92 days later, for any date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (date) => {
        const days = (addMonths(date, 3).getTime() - date.getTime()) / 86_400_000;
        return days >= 89 && days <= 92;
      }),
    );
  });

  it("adds whole days", () => {
    expect(addDays(new Date("2026-12-29T10:00:00Z"), 7).toISOString()).toBe("2027-01-05T10:00:00.000Z");
  });
});

describe("reporter timing", () => {
  it("keeps only the day", () => {
    expect(reporterDay(new Date("2026-11-22T16:41:07.123Z")).toISOString()).toBe("2026-11-22T00:00:00.000Z");
  });
});
