// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AMORTISATION_METHODS,
  amortisationSchedule,
  frenchInstalment,
  type LoanTerms,
  loanPeriods,
  periodicRate,
  RATE_CONVENTIONS,
} from "./loan.ts";

describe("the rate of one period", () => {
  it.each([
    // annual, convention, periods a year, expected
    [0.06, "nominal", 12, 0.005],
    [0.06, "nominal", 1, 0.06],
    [0.06, "effective", 1, 0.06],
    [0.12, "effective", 12, 0.009488792934583046], // 1.12^(1/12) − 1
    [0, "effective", 12, 0],
  ] as const)("%f %s over %i periods → %f", (annual, convention, perYear, expected) => {
    expect(periodicRate(annual, convention, perYear)).toBeCloseTo(expected, 15);
  });

  it("compounds back to the annual rate under the effective convention (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), (annual) => {
        const monthly = periodicRate(annual, "effective", 12);
        return Math.abs((1 + monthly) ** 12 - 1 - annual) < 1e-12;
      }),
    );
  });
});

describe("the published checks of the constant instalment", () => {
  it("100,000 at 9 % over 10 years, annual French → 15,582.01 a year", () => {
    const rows = amortisationSchedule({
      principalCents: 10_000_000,
      annualRate: 0.09,
      years: 10,
      method: "french",
      periodsPerYear: 1,
    });
    expect(rows).toHaveLength(10);
    expect(rows.slice(0, -1).every((r) => r.instalmentCents === 1_558_201)).toBe(true);
    expect(rows[0]).toMatchObject({
      interestCents: 900_000,
      principalCents: 658_201,
      balanceCents: 9_341_799,
    });
  });

  it("PMT(5.25 %, 5 years, 10,000) → 2,325.73 a year", () => {
    expect(Math.round(frenchInstalment(1_000_000, 0.0525, 5))).toBe(232_573);
    const rows = amortisationSchedule({
      principalCents: 1_000_000,
      annualRate: 0.0525,
      years: 5,
      method: "french",
      periodsPerYear: 1,
    });
    expect(rows[0]?.instalmentCents).toBe(232_573);
  });

  it("200,000 at 5 % nominal over 30 years, monthly → 1,073.64 a month (the textbook mortgage)", () => {
    const rows = amortisationSchedule({
      principalCents: 20_000_000,
      annualRate: 0.05,
      years: 30,
      method: "french",
    });
    expect(rows).toHaveLength(360);
    expect(rows[0]).toMatchObject({ instalmentCents: 107_364, interestCents: 83_333 });
  });
});

describe("schedules", () => {
  it.each<{ name: string; terms: LoanTerms; first: number[]; last: number[]; rows: number }>([
    // first / last: [instalment, interest, principal, balance] in cents
    {
      name: "Italian, annual: 12,000 at 6 % over 3 years",
      terms: { principalCents: 1_200_000, annualRate: 0.06, years: 3, method: "italian", periodsPerYear: 1 },
      rows: 3,
      first: [472_000, 72_000, 400_000, 800_000],
      last: [424_000, 24_000, 400_000, 0],
    },
    {
      name: "Italian at 0 %, monthly: the last month absorbs the odd cents",
      terms: { principalCents: 1_000_000, annualRate: 0, years: 1, method: "italian" },
      rows: 12,
      first: [83_333, 0, 83_333, 916_667],
      last: [83_337, 0, 83_337, 0], // 10,000 − 11 × 833.33
    },
    {
      name: "French, monthly, nominal: 100,000 at 6 % over a year",
      terms: { principalCents: 10_000_000, annualRate: 0.06, years: 1, method: "french" },
      rows: 12,
      first: [860_664, 50_000, 810_664, 9_189_336],
      last: [860_669, 4_282, 856_387, 0], // 5 cents of rounding absorbed
    },
    {
      name: "French, monthly, effective: 100,000 at 12 % over a year",
      terms: {
        principalCents: 10_000_000,
        annualRate: 0.12,
        years: 1,
        method: "french",
        convention: "effective",
      },
      rows: 12,
      first: [885_621, 94_888, 790_733, 9_209_267],
      last: [885_617, 8_324, 877_293, 0],
    },
    {
      name: "French with 6 months of grace: 10,000 at 6 % over 2 years",
      terms: { principalCents: 1_000_000, annualRate: 0.06, years: 2, method: "french", graceMonths: 6 },
      rows: 24,
      first: [5_000, 5_000, 0, 1_000_000],
      last: [58_228, 290, 57_938, 0],
    },
    {
      name: "Italian, annual, with a year of grace: 12,000 at 6 % over 4 years",
      terms: {
        principalCents: 1_200_000,
        annualRate: 0.06,
        years: 4,
        method: "italian",
        periodsPerYear: 1,
        graceMonths: 12,
      },
      rows: 4,
      first: [72_000, 72_000, 0, 1_200_000],
      last: [424_000, 24_000, 400_000, 0],
    },
  ])("$name", ({ terms, rows, first, last }) => {
    const schedule = amortisationSchedule(terms);
    const shape = (r: (typeof schedule)[number] | undefined) =>
      r && [r.instalmentCents, r.interestCents, r.principalCents, r.balanceCents];
    expect(schedule).toHaveLength(rows);
    expect(shape(schedule[0])).toEqual(first);
    expect(shape(schedule.at(-1))).toEqual(last);
  });

  it("charges interest only during the grace, then the French instalment on the whole loan", () => {
    const schedule = amortisationSchedule({
      principalCents: 1_000_000,
      annualRate: 0.06,
      years: 2,
      method: "french",
      graceMonths: 6,
    });
    expect(
      schedule.slice(0, 6).every((r) => r.grace && r.principalCents === 0 && r.interestCents === 5_000),
    ).toBe(true);
    expect(schedule[6]).toMatchObject({ grace: false, instalmentCents: 58_232 }); // PMT(0.5 %, 18, 10,000)
  });

  it.each([
    [{ years: 0 }],
    [{ years: 1, graceMonths: 12 }], // all grace, nothing left to amortise
    [{ years: 3, graceMonths: 6, periodsPerYear: 1 as const }], // half a year of grace in annual periods
  ])("refuses terms no schema lets through: %o", (partial) => {
    expect(() =>
      loanPeriods({ principalCents: 100, annualRate: 0.01, method: "french", ...partial }),
    ).toThrow(RangeError);
  });
});

const anyTerms = fc.record({
  principalCents: fc.integer({ min: 1, max: 2_000_000_000 }),
  annualRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.25, noNaN: true })),
  years: fc.integer({ min: 1, max: 30 }),
  method: fc.constantFrom(...AMORTISATION_METHODS),
  convention: fc.constantFrom(...RATE_CONVENTIONS),
  periodsPerYear: fc.constantFrom(12 as const, 1 as const),
  graceYears: fc.integer({ min: 0, max: 5 }),
});

describe("every schedule (property)", () => {
  it("repays exactly the loan, never owes less than nothing, ends at 0, and each row adds up", () => {
    fc.assert(
      fc.property(anyTerms, ({ graceYears, ...t }) => {
        const terms: LoanTerms = { ...t, graceMonths: Math.min(graceYears, t.years - 1) * 12 };
        const rows = amortisationSchedule(terms);
        const repaid = rows.reduce((sum, r) => sum + r.principalCents, 0);
        return (
          repaid === terms.principalCents &&
          rows.every(
            (r) =>
              r.balanceCents >= 0 &&
              r.principalCents >= 0 &&
              Number.isInteger(r.instalmentCents) &&
              r.instalmentCents === r.interestCents + r.principalCents,
          ) &&
          rows.at(-1)?.balanceCents === 0
        );
      }),
    );
  });

  // A loan of a few cents runs out before its term (a cent a period is the least it can repay).
  const sizeable = anyTerms.filter((t) => t.principalCents >= t.years * 12 * 100);

  it("keeps the French instalment constant after the grace, but for the last row", () => {
    fc.assert(
      fc.property(sizeable, ({ graceYears: _, ...t }) => {
        const rows = amortisationSchedule({ ...t, method: "french" }).slice(0, -1);
        return rows.every((r) => r.instalmentCents === rows[0]?.instalmentCents);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps the Italian principal share constant, but for the last row", () => {
    fc.assert(
      fc.property(sizeable, ({ graceYears: _, ...t }) => {
        const rows = amortisationSchedule({ ...t, method: "italian" }).slice(0, -1);
        return rows.every((r) => r.principalCents === rows[0]?.principalCents);
      }),
      { numRuns: 50 },
    );
  });
});
