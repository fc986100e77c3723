// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../eligibility/rules.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import { type DemandRow, DesignationInput } from "./designation.schema.ts";
import { demandByCategory, fitCost } from "./designation-fit.ts";
import { designationBounds, designationMix, proposeDesignation } from "./propose-designation.ts";

type UnitIn = {
  id: string;
  category: UnitCategory | null;
  rooms: number;
  surfaceM2: number;
  locked: boolean;
  allowed?: UnitCategory[];
};
const unit = (
  id: string,
  category: UnitCategory | null,
  rooms = 2,
  surfaceM2 = 45,
  locked = false,
): UnitIn => ({
  id,
  category,
  rooms,
  surfaceM2,
  locked,
});

/** Every category for every unit not locked: the lexicographic optimum (changes, fit), or null. */
function bruteForce(raw: DesignationInput): { changes: number; fitMilli: number } | null {
  const input = DesignationInput.parse(raw);
  const bounds = designationBounds(input.units.length, input);
  const demand = demandByCategory(input.demand);
  const free = input.units.filter((u) => !u.locked);
  const lockedCounts = { calmierato: 0, calmierato_ridotto: 0, fragilita: 0 };
  for (const u of input.units) if (u.locked && u.category) lockedCounts[u.category] += 1;
  let best: { changes: number; fitMilli: number } | null = null;
  const total = 3 ** free.length;
  for (let code = 0; code < total; code++) {
    const counts = { ...lockedCounts };
    let changes = 0;
    let fitMilli = 0;
    let rest = code;
    let allowed = true;
    for (const u of free) {
      const c = UNIT_CATEGORIES[rest % 3] as UnitCategory;
      rest = Math.floor(rest / 3);
      if (u.allowed !== undefined && !u.allowed.includes(c)) allowed = false;
      counts[c] += 1;
      if (u.category !== null && u.category !== c) changes += 1;
      fitMilli += fitCost(DEFAULT_RULES, input.weights, demand, u, c);
    }
    if (!allowed) continue;
    if (!UNIT_CATEGORIES.every((c) => counts[c] >= bounds[c].min && counts[c] <= bounds[c].max)) continue;
    if (best === null || changes < best.changes || (changes === best.changes && fitMilli < best.fitMilli))
      best = { changes, fitMilli };
  }
  return best;
}

const categoryOrNull = fc.constantFrom<UnitCategory | null>(
  null,
  "calmierato",
  "calmierato_ridotto",
  "fragilita",
);
// Allowed categories: all (absent) half the time, else a non-empty subset (as a managing partner's ambiti).
const arbAllowed = fc.oneof(fc.constant(undefined), fc.subarray([...UNIT_CATEGORIES], { minLength: 1 }));
const arbUnit = fc
  .record({
    category: categoryOrNull,
    rooms: fc.integer({ min: 1, max: 6 }),
    surfaceM2: fc.integer({ min: 20, max: 120 }),
    locked: fc.boolean(),
    allowed: arbAllowed,
  })
  .map(({ allowed, ...u }) => ({
    ...u,
    locked: u.locked && u.category !== null,
    ...(allowed === undefined ? {} : { allowed }),
  }));
const arbDemand: fc.Arbitrary<DemandRow[]> = fc.array(
  fc.record({
    category: fc.constantFrom<UnitCategory>(...UNIT_CATEGORIES),
    size: fc.integer({ min: 1, max: 6 }),
    households: fc.integer({ min: 0, max: 20 }),
  }),
  { maxLength: 8 },
);
const arbBounds = fc.oneof(
  fc.constant({}),
  fc.record(
    Object.fromEntries(
      UNIT_CATEGORIES.map((c) => [
        c,
        fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([a, b]) => ({
          min: Math.min(a, b),
          max: Math.max(a, b),
        })),
      ]),
    ) as Record<UnitCategory, fc.Arbitrary<{ min: number; max: number }>>,
    { requiredKeys: [] },
  ),
);
const arbInput: fc.Arbitrary<DesignationInput> = fc
  .record({
    units: fc.array(arbUnit, { maxLength: 8 }),
    demand: arbDemand,
    tolerancePoints: fc.integer({ min: 0, max: 15 }),
    bounds: arbBounds,
    weights: fc.record({
      tooSmallPerPerson: fc.integer({ min: 0, max: 5 }),
      tooLargePerPerson: fc.integer({ min: 0, max: 5 }),
      noDemand: fc.integer({ min: 0, max: 10 }),
    }),
  })
  .map((r) => ({ ...r, units: r.units.map((u, i) => ({ ...u, id: `U${i}` })) }));

describe("proposeDesignation against brute force (≤ 8 units)", () => {
  it("finds the lexicographic optimum, or is infeasible exactly when no designation exists", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = proposeDesignation(input);
        const best = bruteForce(input);
        if (best === null) {
          expect(result.status).toBe("infeasible");
          return;
        }
        expect(result.status).toBe("ok");
        if (result.status !== "ok") return;
        expect({ changes: result.objective.changes, fitMilli: result.objective.fitMilli }).toEqual(best);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps the bounds, never touches a locked unit and designates every unit", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = proposeDesignation(input);
        if (result.status !== "ok") return;
        for (const row of result.after.rows) {
          expect(row.count).toBeGreaterThanOrEqual(row.min);
          expect(row.count).toBeLessThanOrEqual(row.max);
          expect(row.withinBounds).toBe(true);
        }
        expect(result.after.undesignated).toBe(0);
        input.units.forEach((u, i) => {
          const p = result.proposals[i];
          expect(p?.unitId).toBe(u.id);
          if (u.locked) expect(p?.to).toBe(u.category);
          else if (u.allowed) expect(u.allowed).toContain(p?.to);
          if (u.category === null) expect(p?.action).toBe("designate");
        });
        expect(result.changes).toBe(result.proposals.filter((p) => p.action === "change").length);
      }),
      { numRuns: 300 },
    );
  });

  it("changes no designated unit when the mix can be met by designating the others", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        // A designated unit not allowed its own category must change whatever the mix: not this case.
        fc.pre(input.units.every((u) => u.category === null || !u.allowed || u.allowed.includes(u.category)));
        const result = proposeDesignation(input);
        if (result.status !== "ok") return;
        const keepAll = proposeDesignation({
          ...input,
          units: input.units.map((u) => ({ ...u, locked: u.category !== null })),
        });
        if (keepAll.status === "ok") expect(result.changes).toBe(0);
        else expect(result.changes).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("proposeDesignation cases", () => {
  it("meets the 39/26/35 mix without changes when the designated units already allow it", () => {
    // 20 units: 39 ± 3 % → 8, 26 ± 3 % → 5 (6 allowed), 35 ± 3 % → 7.
    const units = [
      ...Array.from({ length: 6 }, (_, i) => unit(`C${i}`, "calmierato")),
      ...Array.from({ length: 4 }, (_, i) => unit(`R${i}`, "calmierato_ridotto")),
      ...Array.from({ length: 5 }, (_, i) => unit(`F${i}`, "fragilita")),
      ...Array.from({ length: 5 }, (_, i) => unit(`N${i}`, null)),
    ];
    const result = proposeDesignation({ units });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.changes).toBe(0);
    expect(result.proposals.filter((p) => p.action === "keep")).toHaveLength(15);
    expect(result.before.undesignated).toBe(5);
    expect(result.after.rows.every((r) => r.withinBounds)).toBe(true);
    expect(result.after.rows.map((r) => r.count).reduce((a, b) => a + b)).toBe(20);
  });

  it("changes designated units only as many as the mix needs", () => {
    const units = Array.from({ length: 10 }, (_, i) => unit(`C${i}`, "calmierato"));
    const result = proposeDesignation({ units });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    // 10 units: calmierato 4, ridotto 3, fragilità 3 are the only counts within ±3 points.
    expect(result.after.rows.map((r) => r.count)).toEqual([4, 3, 3]);
    expect(result.changes).toBe(6);
    expect(result.proposals.find((p) => p.action === "change")?.reason).toMatch(
      /^Changed from calmierato to/,
    );
  });

  it("names the bound when too many units are locked in one category", () => {
    const units = [
      ...Array.from({ length: 6 }, (_, i) => unit(`F${i}`, "fragilita", 2, 45, true)),
      ...Array.from({ length: 4 }, (_, i) => unit(`N${i}`, null)),
    ];
    const result = proposeDesignation({ units });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.bound).toMatchObject({ kind: "max", category: "fragilita", limit: 3, locked: 6 });
    expect(result.bound.message).toBe("6 locked fragilità units exceed its maximum of 3");
  });

  it("names the minimum that the unlocked units cannot reach", () => {
    const units = [
      unit("A", "calmierato", 2, 45, true),
      unit("B", "calmierato", 2, 45, true),
      unit("C", null),
    ];
    const result = proposeDesignation({
      units,
      bounds: {
        fragilita: { min: 2, max: 3 },
        calmierato: { min: 0, max: 3 },
        calmierato_ridotto: { min: 0, max: 3 },
      },
    });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.bound).toMatchObject({ kind: "min", category: "fragilita", limit: 2, available: 1 });
  });

  it("names the sum of maxima when explicit bounds leave units without a category", () => {
    const result = proposeDesignation({
      units: [unit("A", null), unit("B", null), unit("C", null)],
      bounds: {
        calmierato: { min: 0, max: 1 },
        calmierato_ridotto: { min: 0, max: 0 },
        fragilita: { min: 0, max: 1 },
      },
    });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.bound).toMatchObject({ kind: "sum_of_maxima", limit: 2, total: 3 });
  });

  // One big and one small undesignated unit, one calmierato and one fragilità slot.
  const big = unit("BIG", null, 5, 90);
  const small = unit("SMALL", null, 1, 30);
  const slots = {
    calmierato: { min: 1, max: 1 },
    calmierato_ridotto: { min: 0, max: 0 },
    fragilita: { min: 1, max: 1 },
  };
  it.each([
    {
      waiting: "fragilità: 5-person families, calmierato: singles",
      fragilita: 5,
      calmierato: 1,
      bigTo: "fragilita",
    },
    {
      waiting: "calmierato: 5-person families, fragilità: singles",
      fragilita: 1,
      calmierato: 5,
      bigTo: "calmierato",
    },
    { waiting: "fragilità: 4-person, calmierato: couples", fragilita: 4, calmierato: 2, bigTo: "fragilita" },
    { waiting: "calmierato: 4-person, fragilità: couples", fragilita: 2, calmierato: 4, bigTo: "calmierato" },
  ])("a big unit goes to the larger waiting households ($waiting)", ({ fragilita, calmierato, bigTo }) => {
    const result = proposeDesignation({
      units: [small, big],
      bounds: slots,
      demand: [
        { category: "fragilita", size: fragilita, households: 10 },
        { category: "calmierato", size: calmierato, households: 10 },
      ],
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.proposals.find((p) => p.unitId === "BIG")?.to).toBe(bigTo);
    expect(result.proposals.find((p) => p.unitId === "BIG")?.reason).toMatch(/fits best/);
    expect(result.changes).toBe(0);
  });

  it("reports the mix before and after in counts and percent", () => {
    const result = proposeDesignation({
      units: [unit("A", "calmierato"), unit("B", null), unit("C", null), unit("D", null)],
      tolerancePoints: 15,
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.before).toMatchObject({ total: 4, undesignated: 3 });
    expect(result.before.rows[0]).toMatchObject({ category: "calmierato", count: 1, percent: 25 });
    expect(result.after.rows.map((r) => r.percent).reduce((a, b) => a + b)).toBe(100);
  });

  it("never gives a unit a category it is not allowed, even when that fits better", () => {
    // BIG fits the fragilità families best, but its partner manages calmierato and ridotto only.
    const result = proposeDesignation({
      units: [{ ...big, allowed: ["calmierato", "calmierato_ridotto"] }, small],
      bounds: slots,
      demand: [
        { category: "fragilita", size: 5, households: 10 },
        { category: "calmierato", size: 1, households: 10 },
      ],
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.proposals.map((p) => [p.unitId, p.to])).toEqual([
      ["BIG", "calmierato"],
      ["SMALL", "fragilita"],
    ]);
    expect(result.proposals[0]?.reason).toMatch(
      /would fit the fragilità households waiting .* better, but the unit may not be fragilità\.$/,
    );
  });

  it("changes a designated unit its partner may not keep, and says so", () => {
    const result = proposeDesignation({
      units: [{ ...unit("A", "fragilita"), allowed: ["calmierato"] }],
      bounds: { calmierato: { min: 0, max: 1 }, fragilita: { min: 0, max: 1 } },
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.proposals[0]).toMatchObject({ to: "calmierato", action: "change" });
    expect(result.proposals[0]?.reason).toMatch(/may not stay fragilità/);
  });

  it.each([
    {
      case: "units limited to one category exceed its maximum",
      units: [
        { ...unit("A", null), allowed: ["fragilita"] as UnitCategory[] },
        { ...unit("B", null), allowed: ["fragilita"] as UnitCategory[] },
        unit("C", null),
      ],
      bound: { kind: "max", category: "fragilita", limit: 1, locked: 2 },
      message:
        "2 units that can only be fragilità (locked, or allowed no other category) exceed its maximum of 1",
    },
    {
      case: "units limited to two categories exceed their joint maximum",
      units: [
        { ...unit("A", null), allowed: ["calmierato", "fragilita"] as UnitCategory[] },
        { ...unit("B", null), allowed: ["calmierato", "fragilita"] as UnitCategory[] },
        { ...unit("C", null), allowed: ["calmierato", "fragilita"] as UnitCategory[] },
      ],
      bound: { kind: "pair_max", categories: ["calmierato", "fragilita"], limit: 2, units: 3 },
      message: "3 units can only be calmierato or fragilità, more than their maxima allow together (2)",
    },
  ])("is infeasible when $case", ({ units, bound, message }) => {
    const result = proposeDesignation({
      units,
      bounds: {
        calmierato: { min: 0, max: 1 },
        calmierato_ridotto: { min: 0, max: 3 },
        fragilita: { min: 0, max: 1 },
      },
    });
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.bound).toMatchObject(bound);
    expect(result.bound.message).toBe(message);
  });

  it.each([
    { counts: [8, 5, 7], within: [true, true, true] },
    { counts: [10, 5, 5], within: [false, true, false] },
    { counts: [6, 4, 5], within: [false, false, false], undesignated: 5 },
  ])("judges the mix $counts of 20 units against 39/26/35 ± 3", ({ counts, within, undesignated = 0 }) => {
    const units = [
      ...UNIT_CATEGORIES.flatMap((c, i) =>
        Array.from({ length: counts[i] as number }, () => ({ category: c })),
      ),
      ...Array.from({ length: undesignated }, () => ({ category: null })),
    ];
    const mix = designationMix(units);
    expect(mix.total).toBe(20);
    expect(mix.undesignated).toBe(undesignated);
    // 20 units: calmierato 8 (7–8), ridotto 5 (5–5, widened to the target 5), fragilità 7 (7–7).
    expect(mix.rows.map((r) => [r.min, r.max])).toEqual([
      [8, 8],
      [5, 5],
      [7, 7],
    ]);
    expect(mix.rows.map((r) => r.withinBounds)).toEqual(within);
    expect(mix.rows.map((r) => r.percent)).toEqual(counts.map((n) => n * 5));
  });

  it("judges the mix against explicit bounds and another target", () => {
    const mix = designationMix([{ category: "calmierato" }, { category: "fragilita" }], {
      targetPercent: { calmierato: 50, calmierato_ridotto: 0, fragilita: 50 },
      bounds: { fragilita: { min: 2, max: 2 } },
    });
    expect(mix.rows.map((r) => [r.targetPercent, r.min, r.max, r.withinBounds])).toEqual([
      [50, 1, 1, true],
      [0, 0, 0, true],
      [50, 2, 2, false],
    ]);
  });

  it("solves the full grown stock (732 units) within the bounds", () => {
    const cats: (UnitCategory | null)[] = [
      null,
      "calmierato",
      "calmierato",
      "fragilita",
      null,
      "calmierato_ridotto",
    ];
    const units = Array.from({ length: 732 }, (_, i) =>
      unit(
        `U${i}`,
        cats[i % cats.length] ?? null,
        1 + (i % 5),
        28 + ((i * 37) % 90),
        i % 50 === 0 && cats[i % cats.length] !== null,
      ),
    );
    const demand: DemandRow[] = UNIT_CATEGORIES.flatMap((category, ci) =>
      [1, 2, 3, 4, 5].map((size) => ({ category, size, households: ((size + ci) * 7) % 11 })),
    );
    const result = proposeDesignation({ units, demand });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.after.rows.every((r) => r.withinBounds)).toBe(true);
  });
});
