// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, daysInPeriod } from "./period.ts";
import { chargesForMonth, prorate } from "./proration.ts";

describe("proration of a monthly amount", () => {
  it.each([
    // monthly, days, days in month, expected
    [45_000, 30, 30, 45_000],
    [45_000, 31, 31, 45_000],
    [45_000, 15, 30, 22_500],
    [45_000, 1, 31, 1_452], // 45,000 / 31 = 1,451.6 → 1,452
    [45_000, 16, 31, 23_226], // 23,225.8 → 23,226
    [10_000, 14, 28, 5_000], // February, half
    [10_000, 1, 29, 345], // leap February: 344.8 → 345
    [1, 1, 30, 0], // a cent over 30 days rounds to nothing
    [3, 15, 30, 2], // 1.5 → 2 (half up)
  ])("%i cents for %i of %i days → %i", (monthly, days, inMonth, expected) => {
    expect(prorate(monthly, days, inMonth)).toBe(expected);
  });
});

const tenancy = { startOn: "2026-01-01", lastDay: null, rentCents: 45_000, serviceChargeCents: 6_000 };

describe("a tenancy's charges for a month", () => {
  it.each([
    {
      name: "a whole month",
      t: {},
      period: "2026-11",
      rent: 45_000,
      service: 6_000,
      days: 30,
      due: "2026-11-05",
    },
    {
      name: "starting on the 16th of a 30-day month",
      t: { startOn: "2026-11-16" },
      period: "2026-11",
      rent: 22_500,
      service: 3_000,
      days: 15,
      due: "2026-11-16",
    },
    {
      name: "starting on the 3rd: due on the 5th",
      t: { startOn: "2026-11-03" },
      period: "2026-11",
      rent: 42_000,
      service: 5_600,
      days: 28,
      due: "2026-11-05",
    },
    {
      name: "ending on the 10th of a 31-day month",
      t: { lastDay: "2026-12-10" },
      period: "2026-12",
      rent: 14_516,
      service: 1_935,
      days: 10,
      due: "2026-12-05",
    },
    {
      name: "starting and ending in the month",
      t: { startOn: "2026-02-10", lastDay: "2026-02-23" },
      period: "2026-02",
      rent: 22_500,
      service: 3_000,
      days: 14,
      due: "2026-02-10",
    },
    {
      name: "leap February, whole",
      t: {},
      period: "2028-02",
      rent: 45_000,
      service: 6_000,
      days: 29,
      due: "2028-02-05",
    },
  ])("$name", ({ t, period, rent, service, days, due }) => {
    const lines = chargesForMonth({ ...tenancy, ...t }, period);
    expect(lines).toEqual([
      { kind: "rent", amountCents: rent, daysCharged: days, daysInMonth: daysInPeriod(period), dueOn: due },
      {
        kind: "service",
        amountCents: service,
        daysCharged: days,
        daysInMonth: daysInPeriod(period),
        dueOn: due,
      },
    ]);
  });

  it.each([
    ["before the start", { startOn: "2026-12-01" }, "2026-11"],
    ["after the end", { lastDay: "2026-10-31" }, "2026-11"],
  ])("charges nothing for a month %s", (_name, t, period) => {
    expect(chargesForMonth({ ...tenancy, ...t }, period)).toEqual([]);
  });

  it("charges no service line when there are no service charges (a free loan has neither)", () => {
    expect(chargesForMonth({ ...tenancy, serviceChargeCents: 0 }, "2026-11").map((l) => l.kind)).toEqual([
      "rent",
    ]);
    expect(chargesForMonth({ ...tenancy, rentCents: 0, serviceChargeCents: 0 }, "2026-11")).toEqual([]);
  });

  it("over a whole year of whole months charges exactly twelve monthly amounts (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 2000, max: 2100 }),
        (rent, year) => {
          const t = { startOn: `${year}-01-01`, lastDay: null, rentCents: rent, serviceChargeCents: 0 };
          let total = 0;
          for (let m = 0; m < 12; m++)
            total += chargesForMonth(t, addMonths(`${year}-01`, m))[0]?.amountCents ?? 0;
          return total === rent * 12;
        },
      ),
    );
  });

  it("never charges more than the monthly amount, nor for more days than the month has (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 40 }),
        (rent, startDay, length) => {
          const startOn = `2026-03-${String(startDay).padStart(2, "0")}`;
          const end = new Date(Date.UTC(2026, 2, startDay + length)).toISOString().slice(0, 10);
          const [line] = chargesForMonth(
            { startOn, lastDay: end, rentCents: rent, serviceChargeCents: 0 },
            "2026-03",
          );
          return (
            line === undefined ||
            (line.amountCents <= rent && line.daysCharged <= 31 && line.daysCharged >= 1)
          );
        },
      ),
    );
  });
});
