// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_STANDARDS, BASE_STANDARDS, missingStandards, standardsFor } from "./standards.ts";
import {
  CostLineInput,
  costSummary,
  Phase,
  phaseSlippageDays,
  phaseStartDelayDays,
  vatOf,
  WorksInput,
  worksSlippageDays,
} from "./works.ts";

describe("VAT at a rate in basis points, half up to the cent", () => {
  it.each([
    [100_000, 1000, 10_000],
    [100_005, 1000, 10_001],
    [100_004, 1000, 10_000],
    [99_999, 2200, 22_000],
    [12_345, 400, 494],
    [12_345, 0, 0],
  ])("%i cents at %i bp: %i", (amount, rate, vat) => {
    expect(vatOf(amount, rate)).toBe(vat);
  });

  it("never differs from the exact VAT by more than half a cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 2200 }), (amount, rate) => {
        expect(Math.abs(vatOf(amount, rate) - (amount * rate) / 10_000)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

const phase = (p: Partial<Phase> = {}): Phase => ({
  name: "Demolizioni",
  plannedStart: "2026-03-01",
  plannedEnd: "2026-03-31",
  actualStart: null,
  actualEnd: null,
  ...p,
});

describe("schedule slippage", () => {
  it.each([
    ["finished on time", { actualStart: "2026-03-01", actualEnd: "2026-03-31" }, "2026-06-01", 0],
    ["finished early", { actualStart: "2026-03-01", actualEnd: "2026-03-20" }, "2026-06-01", 0],
    ["finished 10 days late", { actualStart: "2026-03-05", actualEnd: "2026-04-10" }, "2026-06-01", 10],
    ["not finished, before its planned end", { actualStart: "2026-03-01" }, "2026-03-15", 0],
    ["not finished, 5 days past its planned end", { actualStart: "2026-03-01" }, "2026-04-05", 5],
    ["not started, 30 days past its planned end", {}, "2026-04-30", 30],
  ] as const)("a phase %s: %i days", (_, change, today, days) => {
    expect(phaseSlippageDays(phase(change), today)).toBe(days);
  });

  it.each([
    [{ actualStart: "2026-03-04" }, "2026-06-01", 3],
    [{ actualStart: "2026-02-20" }, "2026-06-01", 0],
    [{}, "2026-03-11", 10],
    [{}, "2026-02-01", 0],
  ] as const)("a phase starting %o, seen on %s, started %i days late", (change, today, days) => {
    expect(phaseStartDelayDays(phase(change), today)).toBe(days);
  });

  it("is the works' last planned phase's, whatever the order they were written in", () => {
    const phases = [
      phase({ name: "Impianti", plannedStart: "2026-04-01", plannedEnd: "2026-05-15" }),
      phase({ actualStart: "2026-03-01", actualEnd: "2026-04-20" }),
    ];
    expect(worksSlippageDays(phases, "2026-05-25")).toBe(10);
    expect(worksSlippageDays([], "2026-05-25")).toBe(0);
  });

  it.each([
    [{ plannedEnd: "2026-02-01" }, "plannedEnd"],
    [{ actualEnd: "2026-03-10" }, "actualStart"],
    [{ actualStart: "2026-03-10", actualEnd: "2026-03-09" }, "actualEnd"],
    [{ plannedStart: "2026-02-30" }, "plannedStart"],
  ])("refuses a phase with %o, naming %s", (change, path) => {
    const result = Phase.safeParse(phase(change));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("the works' costs", () => {
  const lines = [
    { amountExVatCents: 2_000_000, vatCents: 200_000, fundingSource: "grant" as const },
    { amountExVatCents: 500_000, vatCents: 50_000, fundingSource: "equity" as const },
    { amountExVatCents: 100_001, vatCents: 10_000, fundingSource: "grant" as const },
  ];

  it("adds up, per m², per unit and by funding source", () => {
    expect(costSummary(lines, { count: 2, surfaceM2: 130 }, 2_500_000)).toEqual({
      exVatCents: 2_600_001,
      vatCents: 260_000,
      totalCents: 2_860_001,
      perM2Cents: 20_000,
      perUnitCents: 1_300_001,
      bySource: { grant: 2_310_001, equity: 550_000, fundraising: 0, calls: 0, loan: 0, revolving_fund: 0 },
      overEstimateCents: 100_001,
    });
  });

  it("has no cost per m² or per unit without a surface or units", () => {
    const summary = costSummary(lines, { count: 0, surfaceM2: 0 }, 0);
    expect(summary.perM2Cents).toBeNull();
    expect(summary.perUnitCents).toBeNull();
  });

  it("spends by source exactly the total", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amountExVatCents: fc.integer({ min: 1, max: 1e9 }),
            vatCents: fc.integer({ min: 0, max: 1e8 }),
            fundingSource: fc.constantFrom(
              "grant",
              "equity",
              "fundraising",
              "calls",
              "loan",
              "revolving_fund",
            ),
          }),
        ),
        (xs) => {
          const s = costSummary(xs, { count: 1, surfaceM2: 50 }, 0);
          expect(Object.values(s.bySource).reduce((a, b) => a + b, 0)).toBe(s.totalCents);
        },
      ),
    );
  });

  it.each([
    [{ amountExVatCents: 0 }, "amountExVatCents"],
    [{ amountExVatCents: -5 }, "amountExVatCents"],
    [{ vatCents: 1.5 }, "vatCents"],
    [{ fundingSource: "lottery" }, "fundingSource"],
    [{ invoiceDate: "ieri" }, "invoiceDate"],
    [{ invoiceNumber: "" }, "invoiceNumber"],
  ])("refuses a cost line with %o, naming %s", (change, path) => {
    const result = CostLineInput.safeParse({
      description: "Rifacimento impianto elettrico",
      invoiceNumber: "FT-2026-118",
      invoiceDate: "2026-04-30",
      amountExVatCents: 480_000,
      vatCents: 48_000,
      fundingSource: "grant",
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

describe("a works' record", () => {
  it("defaults the VAT rate to 10 % and refuses a negative estimate or no unit", () => {
    const base = { title: "Ristrutturazione alloggio", units: ["MI-001"], estimateExVatCents: 3_000_000 };
    expect(WorksInput.parse(base).vatRateBp).toBe(1000);
    expect(WorksInput.safeParse({ ...base, estimateExVatCents: -1 }).error?.issues[0]?.path).toEqual([
      "estimateExVatCents",
    ]);
    expect(WorksInput.safeParse({ ...base, units: [] }).error?.issues[0]?.path).toEqual(["units"]);
    expect(WorksInput.safeParse({ ...base, vatRateBp: 2300 }).error?.issues[0]?.path).toEqual(["vatRateBp"]);
  });
});

describe("minimum standards per target group", () => {
  it("are the base for everyone, and more for people with disabilities and older people", () => {
    expect(standardsFor(null)).toEqual([...BASE_STANDARDS]);
    expect(standardsFor("uomo_solo")).toEqual([...BASE_STANDARDS]);
    expect(standardsFor("persona_con_disabilita")).toEqual(
      expect.arrayContaining(["step_free_access", "accessible_bathroom", "doors_80cm"]),
    );
    expect(standardsFor("anziano_solo")).toContain("grab_bars");
  });

  it("name what is not ticked yet, in the checklist's order", () => {
    const all = standardsFor("anziano_solo");
    expect(missingStandards("anziano_solo", all)).toEqual([]);
    expect(
      missingStandards(
        "anziano_solo",
        all.filter((s) => s !== "grab_bars" && s !== "kitchen_fitted"),
      ),
    ).toEqual(["kitchen_fitted", "grab_bars"]);
  });

  it("list each item once", () => {
    expect(new Set(ALL_STANDARDS).size).toBe(ALL_STANDARDS.length);
    for (const group of ["famiglia", "persona_con_disabilita"] as const) {
      const items = standardsFor(group);
      expect(new Set(items).size).toBe(items.length);
    }
  });
});
