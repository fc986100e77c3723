// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SupportPlanInput, SupportPlanReviewInput } from "./support-plan.schema.ts";
import {
  addMonths,
  autonomyProgress,
  nextReviewDate,
  overdueReviews,
  reviewProblems,
} from "./support-plan-review.ts";

describe("addMonths", () => {
  it.each([
    ["2026-01-15", 3, "2026-04-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 3, "2026-11-30"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-12-31", 12, "2027-12-31"],
    ["2026-10-01", 3, "2027-01-01"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("never overflows into the month after, and keeps the day when the month has it", () => {
    const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 36 }), (ms, months) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const next = addMonths(date, months);
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        const [ny, nm, nd] = next.split("-").map(Number) as [number, number, number];
        expect(ny * 12 + nm - (y * 12 + m)).toBe(months);
        expect(nd).toBeLessThanOrEqual(d);
        expect(new Date(`${next}T00:00:00Z`).toISOString().slice(0, 10)).toBe(next);
        // A day cut short lands on the last day of the target month.
        if (nd < d) expect(new Date(Date.UTC(ny, nm - 1, nd + 1)).getUTCMonth()).not.toBe(nm - 1);
      }),
    );
  });
});

describe("nextReviewDate", () => {
  it.each([
    [{ startDate: "2026-01-31", reviewEveryMonths: 3, lastReviewDate: null }, "2026-04-30"],
    [{ startDate: "2026-01-31", reviewEveryMonths: 3, lastReviewDate: "2026-05-10" }, "2026-08-10"],
    [{ startDate: "2026-03-01", reviewEveryMonths: 6, lastReviewDate: null }, "2026-09-01"],
  ])("%o → %s", (plan, expected) => {
    expect(nextReviewDate(plan)).toBe(expected);
  });
});

describe("overdueReviews", () => {
  const plans = [
    { id: "a", nextReviewDate: "2026-11-21" },
    { id: "b", nextReviewDate: "2026-11-22" },
    { id: "c", nextReviewDate: "2026-10-01" },
  ];
  it("lists the plans due before today, most overdue first, the one due today not yet", () => {
    expect(overdueReviews(plans, "2026-11-22")).toEqual([
      { id: "c", nextReviewDate: "2026-10-01", daysOverdue: 52 },
      { id: "a", nextReviewDate: "2026-11-21", daysOverdue: 1 },
    ]);
  });
});

describe("reviewProblems", () => {
  it.each([
    ["2026-03-31", "2026-04-01", [{ path: "date", message: expect.stringContaining("2026-04-01") }]],
    ["2026-04-01", "2026-04-01", []],
    ["2026-07-01", "2026-04-01", []],
  ])("a review on %s of a plan from %s", (date, start, expected) => {
    expect(reviewProblems({ date }, start)).toEqual(expected);
  });
});

describe("autonomyProgress", () => {
  it("orders each domain's scores by review date and skips domains not assessed", () => {
    const progress = autonomyProgress([
      { date: "2026-07-01", autonomy: { housing: 3, work: 2 } },
      { date: "2026-04-01", autonomy: { housing: 1 } },
    ]);
    expect(progress.housing).toEqual([
      { date: "2026-04-01", score: 1 },
      { date: "2026-07-01", score: 3 },
    ]);
    expect(progress.work).toEqual([{ date: "2026-07-01", score: 2 }]);
    expect(progress.health).toEqual([]);
  });
});

describe("schemas", () => {
  it("defaults reviews to every 3 months and refuses a score off the scale, naming the field", () => {
    const plan = SupportPlanInput.parse({ version: 0, startDate: "2026-04-01", intensity: "medium" });
    expect(plan.reviewEveryMonths).toBe(3);
    expect(plan.signatures).toEqual({ household: null, referringService: null });
    const review = SupportPlanReviewInput.safeParse({ date: "2026-07-01", autonomy: { housing: 6 } });
    expect(review.success).toBe(false);
    expect(review.error?.issues[0]?.path).toEqual(["autonomy", "housing"]);
    const domain = SupportPlanReviewInput.safeParse({ date: "2026-07-01", autonomy: { sport: 3 } });
    expect(domain.success).toBe(false);
  });
});
