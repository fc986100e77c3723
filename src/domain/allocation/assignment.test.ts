// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../shared/random.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import {
  type AllocationBounds,
  type AllocationInstance,
  type AllocationResult,
  scaleWeight,
  solveAllocation,
} from "./assignment.ts";
import { verifyCertificate } from "./assignment-certificate.ts";
import { greedyAllocation } from "./assignment-greedy.ts";
import { referenceAllocation } from "./assignment-reference.ts";
import {
  type BoundSpec,
  boundOf,
  boundSpec,
  bruteForceOptimum,
  GROUPS,
  smallInstance,
  weight,
} from "./assignment-testing.ts";

/** ≤ 6 units, ≤ 7 households, any pairs, random bounds (infeasible ones included). */
const smallInstances: fc.Arbitrary<AllocationInstance> = fc
  .record({
    units: fc.array(fc.constantFrom(...UNIT_CATEGORIES), { maxLength: 6 }),
    households: fc.array(fc.constantFrom(...GROUPS), { maxLength: 7 }),
    matrix: fc.array(fc.array(fc.option(weight, { nil: null, freq: 2 }), { minLength: 7, maxLength: 7 }), {
      minLength: 6,
      maxLength: 6,
    }),
    category: fc.tuple(boundSpec, boundSpec, boundSpec),
    targetGroup: fc.option(fc.tuple(boundSpec, boundSpec, boundSpec), { nil: undefined }),
  })
  .map(({ units, households, matrix, category, targetGroup }) => {
    const pairs: [number, number, number][] = [];
    units.forEach((_, u) => {
      households.forEach((_, h) => {
        const w = matrix[u]?.[h];
        if (w !== null && w !== undefined) pairs.push([u, h, w]);
      });
    });
    const size = (n: number) => Math.min(n, units.length, households.length);
    const bounds: AllocationBounds = {
      category: Object.fromEntries(
        UNIT_CATEGORIES.map((c, i) => [
          c,
          boundOf(category[i] as BoundSpec, size(units.filter((x) => x === c).length)),
        ]),
      ),
      ...(targetGroup
        ? {
            targetGroup: Object.fromEntries(
              GROUPS.map((g, i) => [
                g,
                boundOf(targetGroup[i] as BoundSpec, size(households.filter((x) => x === g).length)),
              ]),
            ),
          }
        : {}),
    };
    return smallInstance({ units, households, pairs, bounds });
  });

const scaledObjective = (result: AllocationResult) =>
  result.status === "optimal" ? result.assignments.reduce((sum, a) => sum + scaleWeight(a.weight), 0) : null;

describe("solveAllocation on small instances (fast-check against enumeration)", () => {
  it("finds the brute-force optimum, or reports infeasible exactly when no matching meets the bounds", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const result = solveAllocation(instance);
        expect(scaledObjective(result)).toBe(bruteForceOptimum(instance));
      }),
      { numRuns: 400 },
    );
  });

  it("proves every answer: the certificate checks out independently (dual = primal, or a Farkas ray)", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const result = solveAllocation(instance);
        const check = verifyCertificate(instance, result);
        expect(check.problems).toEqual([]);
        expect(result.method).toBe("network");
        expect(check.proves).toBe(result.status === "optimal" ? "optimality" : "infeasibility");
        expect(check.notes).toEqual([]);
        if (result.status === "optimal") {
          expect(result.gap).toBe(0);
          expect(check.dualScaled).toBe(check.primalScaled);
        } else {
          expect(result.violations.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never gives a unit or a household twice, uses only feasible pairs, and keeps every bound", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const result = solveAllocation(instance);
        if (result.status !== "optimal") return;
        const units = result.assignments.map((a) => a.unit);
        const households = result.assignments.map((a) => a.household);
        // Without partner bounds the counts keep their shape: no partner entry.
        expect(result.counts).not.toHaveProperty("partner");
        expect(new Set(units).size).toBe(units.length);
        expect(new Set(households).size).toBe(households.length);
        for (const c of UNIT_CATEGORIES) {
          const b = instance.bounds.category?.[c];
          expect(result.counts.category[c]).toBeGreaterThanOrEqual(b?.min ?? 0);
          expect(result.counts.category[c]).toBeLessThanOrEqual(b?.max ?? Number.POSITIVE_INFINITY);
        }
        for (const g of GROUPS) {
          const b = instance.bounds.targetGroup?.[g];
          expect(result.counts.targetGroup[g]).toBeGreaterThanOrEqual(b?.min ?? 0);
          expect(result.counts.targetGroup[g]).toBeLessThanOrEqual(b?.max ?? Number.POSITIVE_INFINITY);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same status and objective with and without the pruning of pairs", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const pruned = solveAllocation(instance);
        const full = solveAllocation(instance, { prune: false });
        expect(pruned.status).toBe(full.status);
        expect(scaledObjective(pruned)).toBe(scaledObjective(full));
        expect(pruned.pairsConsidered).toBeLessThanOrEqual(full.pairsConsidered);
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with the reference (Bellman–Ford) solver", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const result = solveAllocation(instance);
        const reference = referenceAllocation(instance);
        expect(result.status === "optimal").toBe(reference.feasible);
        if (result.status === "optimal") expect(scaledObjective(result)).toBe(reference.objectiveScaled);
      }),
      { numRuns: 200 },
    );
  });

  it("is never beaten by greedy-by-priority when greedy meets the mins; greedy keeps the maxes", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const greedy = greedyAllocation(instance);
        const result = solveAllocation(instance);
        for (const c of UNIT_CATEGORIES) {
          expect(greedy.counts.category[c]).toBeLessThanOrEqual(instance.bounds.category?.[c]?.max ?? 99);
        }
        if (result.status === "optimal" && greedy.meetsMins) {
          expect(greedy.objective).toBeLessThanOrEqual(result.objective);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports progress from 0 to 1 and stays deterministic", () => {
    fc.assert(
      fc.property(smallInstances, (instance) => {
        const fractions: number[] = [];
        const first = solveAllocation(instance, { onProgress: (f) => fractions.push(f) });
        const second = solveAllocation(instance);
        expect(second.status).toBe(first.status);
        if (first.status === "optimal" && second.status === "optimal") {
          expect(second.assignments).toEqual(first.assignments);
        }
        expect(
          fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > (fractions[i - 1] as number))),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("solveAllocation on rows longer than the first sorted slice (lazy selection, ties)", () => {
  /** Up to 12 units × 150 households, dense, weights 1–30 (many ties), a category max and a group min. */
  const longRows = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      units: fc.integer({ min: 1, max: 12 }),
      households: fc.integer({ min: 40, max: 150 }),
      fragilitaMax: fc.integer({ min: 0, max: 4 }),
      neoMin: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ seed, units, households, fragilitaMax, neoMin }) => {
      const random = seededRandom(seed);
      const pairs: [number, number, number][] = [];
      for (let u = 0; u < units; u++) {
        for (let h = 0; h < households; h++) if (random.next() < 0.7) pairs.push([u, h, random.int(1, 30)]);
      }
      return smallInstance({
        units: Array.from({ length: units }, () => random.pick(UNIT_CATEGORIES)),
        households: Array.from({ length: households }, () => random.pick(GROUPS)),
        pairs,
        bounds: {
          category: { fragilita: { max: fragilitaMax } },
          targetGroup: { neo_maggiorenni: { min: neoMin } },
        },
      });
    });

  it("gives the reference's objective with lazy rows and with fully sorted rows, proven", () => {
    fc.assert(
      fc.property(longRows, (instance) => {
        const lazy = solveAllocation(instance);
        const full = solveAllocation(instance, { prune: false });
        const reference = referenceAllocation(instance);
        expect(lazy.status === "optimal").toBe(reference.feasible);
        expect(full.status).toBe(lazy.status);
        if (lazy.status === "optimal") expect(scaledObjective(lazy)).toBe(reference.objectiveScaled);
        expect(scaledObjective(full)).toBe(scaledObjective(lazy));
        expect(verifyCertificate(instance, lazy).problems).toEqual([]);
        expect(lazy.pairsConsidered).toBeLessThanOrEqual(instance.pairs.unit.length);
      }),
      { numRuns: 60 },
    );
  });
});

/** Two-letter helpers for the case tables. */
const C = "calmierato" satisfies UnitCategory;
const R = "calmierato_ridotto" satisfies UnitCategory;
const F = "fragilita" satisfies UnitCategory;

describe("solveAllocation, cases", () => {
  it.each([
    {
      name: "no bounds: the best pairs",
      units: [C, F],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 10],
        [1, 0, 6],
        [1, 1, 5],
      ],
      bounds: {},
      objective: 15,
      offers: ["U0→H0", "U1→H1"],
    },
    {
      name: "a category max pushes the household to a lower-weight unit",
      units: [C, F],
      households: ["famiglia"],
      pairs: [
        [0, 0, 10],
        [1, 0, 6],
      ],
      bounds: { category: { calmierato: { max: 0 } } },
      objective: 6,
      offers: ["U1→H0"],
    },
    {
      name: "a category min makes a unit give up its best household to another category",
      units: [C, F],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 10],
        [1, 0, 6],
      ],
      bounds: { category: { fragilita: { min: 1 } } },
      objective: 6,
      offers: ["U1→H0"],
    },
    {
      name: "a target-group min forces an otherwise unprofitable match",
      units: [C],
      households: ["famiglia", "neo_maggiorenni"],
      pairs: [
        [0, 0, 10],
        [0, 1, 1],
      ],
      bounds: { targetGroup: { neo_maggiorenni: { min: 1 } } },
      objective: 1,
      offers: ["U0→H1"],
    },
    {
      name: "a target-group max leaves a household out",
      units: [C, R],
      households: ["anziano_solo", "anziano_solo", "famiglia"],
      pairs: [
        [0, 0, 9],
        [1, 1, 8],
        [1, 2, 2],
      ],
      bounds: { targetGroup: { anziano_solo: { max: 1 } } },
      objective: 11,
      offers: ["U0→H0", "U1→H2"],
    },
    {
      name: "a max below the stock leaves the weakest unit free",
      units: [F, F, F],
      households: ["famiglia", "famiglia", "famiglia"],
      pairs: [
        [0, 0, 3],
        [1, 1, 5],
        [2, 2, 4],
      ],
      bounds: { category: { fragilita: { min: 1, max: 2 } } },
      objective: 9,
      offers: ["U1→H1", "U2→H2"],
    },
    { name: "nothing to assign", units: [], households: [], pairs: [], bounds: {}, objective: 0, offers: [] },
  ] as const)("$name", ({ units, households, pairs, bounds, objective, offers }) => {
    const instance = smallInstance({ units, households, pairs, bounds });
    const result = solveAllocation(instance);
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    expect(result.objective).toBe(objective);
    expect(result.dualBound).toBe(objective);
    expect(result.assignments.map((a) => `${a.unit}→${a.household}`)).toEqual(offers);
    expect(verifyCertificate(instance, result).problems).toEqual([]);
  });

  it.each([
    {
      name: "a min above the units of the category",
      units: [F],
      households: ["famiglia"],
      pairs: [[0, 0, 1]],
      bounds: { category: { fragilita: { min: 2 } } },
      violation: { kind: "category", key: "fragilita", reason: "min_above_available", shortfall: 1 },
      proof: "bounds",
    },
    {
      name: "a min above its own max",
      units: [C, C],
      households: ["famiglia"],
      pairs: [[0, 0, 1]],
      bounds: { targetGroup: { famiglia: { min: 2, max: 1 } } },
      violation: { kind: "targetGroup", key: "famiglia", reason: "min_above_max", shortfall: 1 },
      proof: "bounds",
    },
    {
      name: "a fragilità min with no eligible household",
      units: [C, F],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 4],
        [0, 1, 3],
      ],
      bounds: { category: { fragilita: { min: 1 } } },
      violation: { kind: "category", key: "fragilita", reason: "unreachable", shortfall: 1 },
      proof: "ray",
    },
    {
      name: "a target-group min blocked by a category max",
      units: [C, F],
      households: ["neo_maggiorenni", "famiglia"],
      pairs: [
        [0, 0, 4],
        [1, 1, 3],
      ],
      bounds: { category: { calmierato: { max: 0 } }, targetGroup: { neo_maggiorenni: { min: 1 } } },
      violation: { kind: "targetGroup", key: "neo_maggiorenni", reason: "unreachable", shortfall: 1 },
      proof: "ray",
    },
    {
      name: "two category mins competing for one household",
      units: [C, R],
      households: ["famiglia"],
      pairs: [
        [0, 0, 4],
        [1, 0, 3],
      ],
      bounds: { category: { calmierato: { min: 1 }, calmierato_ridotto: { min: 1 } } },
      violation: { kind: "category", reason: "unreachable", shortfall: 1 },
      proof: "ray",
    },
  ] as const)(
    "infeasible: $name, named and proven",
    ({ units, households, pairs, bounds, violation, proof }) => {
      const instance = smallInstance({ units, households, pairs, bounds });
      const result = solveAllocation(instance);
      expect(result.status).toBe("infeasible");
      if (result.status !== "infeasible") return;
      expect(result.violations).toEqual([expect.objectContaining(violation)]);
      expect(result.ray === null ? "bounds" : "ray").toBe(proof);
      expect(verifyCertificate(instance, result).problems).toEqual([]);
    },
  );
});

describe("verifyCertificate", () => {
  const instance = smallInstance({
    units: [C, F],
    households: ["famiglia", "famiglia"],
    pairs: [
      [0, 0, 10],
      [1, 0, 6],
      [1, 1, 5],
    ],
  });
  const solved = () => {
    const result = solveAllocation(instance);
    if (result.status !== "optimal") throw new Error("expected optimal");
    return result;
  };

  it("rejects a weakened dual price", () => {
    const result = solved();
    const unit = Float64Array.from(result.dual.unit);
    unit[0] = (unit[0] as number) - 1;
    expect(verifyCertificate(instance, { ...result, dual: { ...result.dual, unit } }).valid).toBe(false);
  });

  it("rejects a worse assignment presented with the optimal objective's dual", () => {
    const result = solved();
    const worse = { ...result, assignments: [{ unit: "U1", household: "H0", weight: 6 }], objective: 6 };
    expect(verifyCertificate(instance, worse).problems).toContain(
      "dual value 15000000 differs from the objective 6000000 (micro-units)",
    );
  });

  it("rejects a household given twice and a pair that is not feasible", () => {
    const result = solved();
    const twice = {
      ...result,
      assignments: [
        { unit: "U0", household: "H0", weight: 10 },
        { unit: "U1", household: "H0", weight: 6 },
      ],
    };
    expect(verifyCertificate(instance, twice).problems).toContain("assignment: household H0 assigned twice");
    const foreign = { ...result, assignments: [{ unit: "U0", household: "H1", weight: 15 }] };
    expect(verifyCertificate(instance, foreign).problems).toContain(
      "assignment: U0 → H1 is not a feasible pair",
    );
  });
});
