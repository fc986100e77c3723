// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TargetGroup } from "../households/household.schema.ts";
import { seededRandom } from "../shared/random.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import {
  type AllocationBounds,
  type AllocationInstance,
  type AnyAllocationResult,
  type CountBound,
  scaleWeight,
  solveAllocation,
} from "./assignment.ts";
import { verifyCertificate } from "./assignment-certificate.ts";
import { referenceAllocation, referenceMip } from "./assignment-reference.ts";
import { rankPruned, solveAllocationAnyBounds, solveWithSideConstraints } from "./assignment-side.ts";
import {
  type BoundSpec,
  boundOf,
  boundSpec,
  bruteForceOptimum,
  GROUPS,
  smallInstance,
  weight,
} from "./assignment-testing.ts";

const PARTNERS = ["ETS-A", "ETS-B", "ETS-C"] as const;

/** ≤ 6 units of three partners, ≤ 7 households, any pairs, random category, group and partner bounds. */
const partnerInstances: fc.Arbitrary<AllocationInstance> = fc
  .record({
    units: fc.array(fc.tuple(fc.constantFrom(...UNIT_CATEGORIES), fc.constantFrom(...PARTNERS)), {
      maxLength: 6,
    }),
    households: fc.array(fc.constantFrom(...GROUPS), { maxLength: 7 }),
    matrix: fc.array(fc.array(fc.option(weight, { nil: null, freq: 2 }), { minLength: 7, maxLength: 7 }), {
      minLength: 6,
      maxLength: 6,
    }),
    category: fc.option(fc.tuple(boundSpec, boundSpec, boundSpec), { nil: undefined }),
    targetGroup: fc.option(fc.tuple(boundSpec, boundSpec, boundSpec), { nil: undefined }),
    partner: fc.tuple(boundSpec, boundSpec, boundSpec),
  })
  .map(({ units, households, matrix, category, targetGroup, partner }) => {
    const pairs: [number, number, number][] = [];
    units.forEach((_, u) => {
      households.forEach((_, h) => {
        const w = matrix[u]?.[h];
        if (w !== null && w !== undefined) pairs.push([u, h, w]);
      });
    });
    const size = (n: number) => Math.min(n, units.length, households.length);
    const bounds: AllocationBounds = {
      ...(category && {
        category: Object.fromEntries(
          UNIT_CATEGORIES.map((c, i) => [
            c,
            boundOf(category[i] as BoundSpec, size(units.filter(([x]) => x === c).length)),
          ]),
        ),
      }),
      ...(targetGroup && {
        targetGroup: Object.fromEntries(
          GROUPS.map((g, i) => [
            g,
            boundOf(targetGroup[i] as BoundSpec, size(households.filter((x) => x === g).length)),
          ]),
        ),
      }),
      partner: Object.fromEntries(
        PARTNERS.flatMap((p, i) => {
          const bound = boundOf(partner[i] as BoundSpec, size(units.filter(([, x]) => x === p).length));
          return bound ? [[p, bound]] : [];
        }),
      ),
    };
    return smallInstance({
      units: units.map(([c]) => c),
      partners: units.map(([, p]) => p),
      households,
      pairs,
      bounds,
    });
  });

// Each case runs HiGHS once or twice (~1 ms each, far more on a loaded machine): room for slow CI.
const PROPERTY_TIMEOUT_MS = 30_000;

const scaledObjective = (result: AnyAllocationResult) =>
  result.status === "optimal" ? result.assignments.reduce((sum, a) => sum + scaleWeight(a.weight), 0) : null;

/** Every count of the result within its bounds, no unit or household twice. */
function expectKeepsEveryBound(instance: AllocationInstance, result: AnyAllocationResult) {
  if (result.status !== "optimal" && result.status !== "feasible") return;
  const units = result.assignments.map((a) => a.unit);
  const households = result.assignments.map((a) => a.household);
  expect(new Set(units).size).toBe(units.length);
  expect(new Set(households).size).toBe(households.length);
  const within = (count: number, bound: CountBound | undefined) => {
    expect(count).toBeGreaterThanOrEqual(bound?.min ?? 0);
    expect(count).toBeLessThanOrEqual(bound?.max ?? Number.POSITIVE_INFINITY);
  };
  for (const c of UNIT_CATEGORIES) within(result.counts.category[c], instance.bounds.category?.[c]);
  for (const g of GROUPS) within(result.counts.targetGroup[g], instance.bounds.targetGroup?.[g]);
  for (const [p, bound] of Object.entries(instance.bounds.partner ?? {})) {
    const count = result.assignments.filter(
      (a) => instance.units.find((u) => u.id === a.unit)?.partner === p,
    );
    within(count.length, bound);
    expect(result.counts.partner?.[p] ?? 0).toBe(count.length);
  }
}

describe("solveWithSideConstraints on small instances with partner bounds (fast-check against enumeration)", () => {
  it(
    "finds the brute-force optimum, or reports infeasible exactly when no matching meets the bounds",
    async () => {
      await fc.assert(
        fc.asyncProperty(partnerInstances, async (instance) => {
          const optimum = bruteForceOptimum(instance);
          const mip = await solveWithSideConstraints(instance, { forceMip: true });
          expect(scaledObjective(mip)).toBe(optimum);
          const any = await solveAllocationAnyBounds(instance);
          expect(scaledObjective(any)).toBe(optimum);
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "never gives a unit or a household twice, keeps every bound, and its result checks out",
    async () => {
      await fc.assert(
        fc.asyncProperty(partnerInstances, async (instance) => {
          const result = await solveAllocationAnyBounds(instance);
          expectKeepsEveryBound(instance, result);
          const check = verifyCertificate(instance, result);
          expect(check.problems).toEqual([]);
          if (result.status === "infeasible") expect(result.violations.length).toBeGreaterThan(0);
          if (result.method === "network") {
            expect(check.proves).toBe(result.status === "optimal" ? "optimality" : "infeasibility");
          } else if (result.status === "optimal") {
            // Proven by the exact LP prices, or else with a checked bound and the rest on HiGHS's word.
            expect(result.gap).toBe(0);
            if (check.proves === "optimality") expect(check.dualScaled).toBe(check.primalScaled);
            else expect(check.notes.join()).toContain("rests on HiGHS");
          }
        }),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "gives the same status and objective with and without the pruning of pairs",
    async () => {
      await fc.assert(
        fc.asyncProperty(partnerInstances, async (instance) => {
          const pruned = await solveWithSideConstraints(instance, { forceMip: true });
          const full = await solveWithSideConstraints(instance, { forceMip: true, prune: false });
          expect(pruned.status).toBe(full.status);
          expect(scaledObjective(pruned)).toBe(scaledObjective(full));
        }),
        { numRuns: 80 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "agrees with the network when partner bounds are absent or loose",
    async () => {
      await fc.assert(
        fc.asyncProperty(partnerInstances, fc.boolean(), async (instance, absent) => {
          const stock = (p: string) => instance.units.filter((u) => u.partner === p).length;
          const partner = absent
            ? {}
            : Object.fromEntries(PARTNERS.map((p) => [p, { min: 0, max: stock(p) }]));
          const loose = { ...instance, bounds: { ...instance.bounds, partner } };
          const network = solveAllocation({ ...instance, bounds: { ...instance.bounds, partner: {} } });
          const mip = await solveWithSideConstraints(loose, { forceMip: true });
          expect(mip.status).toBe(network.status);
          expect(scaledObjective(mip)).toBe(scaledObjective(network));
          // Without partner bounds the async entry is the network, result for result.
          if (absent) expect(await solveAllocationAnyBounds(loose)).toEqual(network);
        }),
        { numRuns: 80 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe("solveWithSideConstraints on longer rows (rank pruning at work, ties)", () => {
  /** Up to 9 units × 40 households, dense, weights 1–30 (many ties), partner, category and group bounds. */
  const mediumInstances = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      units: fc.integer({ min: 1, max: 9 }),
      households: fc.integer({ min: 10, max: 40 }),
      partnerMax: fc.integer({ min: 0, max: 4 }),
      partnerMin: fc.integer({ min: 0, max: 3 }),
      fragilitaMax: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      neoMin: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    })
    .map(({ seed, units, households, partnerMax, partnerMin, fragilitaMax, neoMin }) => {
      const random = seededRandom(seed);
      const pairs: [number, number, number][] = [];
      for (let u = 0; u < units; u++) {
        for (let h = 0; h < households; h++) if (random.next() < 0.6) pairs.push([u, h, random.int(1, 30)]);
      }
      return smallInstance({
        units: Array.from({ length: units }, () => random.pick(UNIT_CATEGORIES)),
        partners: Array.from({ length: units }, () => random.pick(PARTNERS)),
        households: Array.from({ length: households }, () => random.pick(GROUPS)),
        pairs,
        bounds: {
          ...(fragilitaMax !== undefined && { category: { fragilita: { max: fragilitaMax } } }),
          ...(neoMin !== undefined && { targetGroup: { neo_maggiorenni: { min: neoMin } } }),
          partner: { "ETS-A": { max: partnerMax }, "ETS-B": { min: partnerMin } },
        },
      });
    });

  it(
    "gives the reference's optimum (counts per category × partner cell, then Bellman–Ford)",
    async () => {
      await fc.assert(
        fc.asyncProperty(mediumInstances, async (instance) => {
          const reference = referenceAllocation(instance);
          const result = await solveWithSideConstraints(instance, { forceMip: true });
          expect(result.status === "optimal").toBe(reference.feasible);
          if (reference.feasible) expect(scaledObjective(result)).toBe(reference.objectiveScaled);
          expectKeepsEveryBound(instance, result);
          expect(verifyCertificate(instance, result).problems).toEqual([]);
        }),
        { numRuns: 30 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("keeps per unit and pool the n_p best pairs (weight, then household), n_p the units reaching the pool", () => {
    fc.assert(
      fc.property(mediumInstances, (instance) => {
        const { pairs } = instance;
        const bounded = instance.bounds.targetGroup?.neo_maggiorenni !== undefined;
        const poolOf = (h: number) =>
          bounded && instance.households[h]?.targetGroup === "neo_maggiorenni" ? 1 : 0;
        // The rule by sorting each segment in full.
        const segments = new Map<string, number[]>();
        const reaching = [new Set<number>(), new Set<number>()];
        pairs.unit.forEach((u, i) => {
          const pool = poolOf(pairs.household[i] as number);
          reaching[pool]?.add(u);
          const key = `${u}:${pool}`;
          segments.set(key, [...(segments.get(key) ?? []), i]);
        });
        const expected = [...segments].flatMap(([key, list]) =>
          list
            .sort(
              (a, b) =>
                (pairs.weight[b] as number) - (pairs.weight[a] as number) ||
                (pairs.household[a] as number) - (pairs.household[b] as number),
            )
            .slice(0, reaching[Number(key.split(":")[1])]?.size ?? 0),
        );
        expect([...rankPruned(instance)].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
  });
});

describe("solveWithSideConstraints on rounds of up to 40 units (column generation, pricing at work)", () => {
  /** 10–40 units × 30–120 households, half the pairs, partner maxes and mins near their stock. */
  const largerInstances = fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      units: fc.integer({ min: 10, max: 40 }),
      households: fc.integer({ min: 30, max: 120 }),
      cut: fc.integer({ min: 0, max: 4 }),
      groupMin: fc.integer({ min: 0, max: 6 }),
    })
    .map(({ seed, units, households, cut, groupMin }) => {
      const random = seededRandom(seed);
      const pairs: [number, number, number][] = [];
      for (let u = 0; u < units; u++) {
        for (let h = 0; h < households; h++) {
          if (random.next() < 0.5) pairs.push([u, h, random.int(1, 60) + random.int(0, 99) / 100]);
        }
      }
      const partners = Array.from({ length: units }, () => random.pick(PARTNERS));
      const stock = (p: string) => partners.filter((x) => x === p).length;
      const categories = Array.from({ length: units }, () => random.pick(UNIT_CATEGORIES));
      const fragilita = categories.filter((c) => c === "fragilita").length;
      return smallInstance({
        units: categories,
        partners,
        households: Array.from({ length: households }, () => random.pick(GROUPS)),
        pairs,
        bounds: {
          category: { fragilita: { min: Math.max(0, fragilita - cut), max: Math.max(0, fragilita - 1) } },
          targetGroup: { neo_maggiorenni: { min: groupMin } },
          partner: {
            "ETS-A": { max: Math.max(0, stock("ETS-A") - cut) },
            "ETS-B": { min: Math.max(0, stock("ETS-B") - 1) },
          },
        },
      });
    });

  it(
    "gives the plain MIP's optimum (HiGHS on every pair, from LP text)",
    async () => {
      await fc.assert(
        fc.asyncProperty(largerInstances, async (instance) => {
          const reference = await referenceMip(instance);
          // From 16 pairs per unit (the default) and from 1, so that pricing has to add the rest.
          for (const lpFirstPairs of [16, 1]) {
            const result = await solveWithSideConstraints(instance, { forceMip: true, lpFirstPairs });
            expect(result.status === "optimal").toBe(reference.feasible);
            if (reference.feasible) expect(scaledObjective(result)).toBe(reference.objectiveScaled);
            expectKeepsEveryBound(instance, result);
            expect(verifyCertificate(instance, result).problems).toEqual([]);
          }
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

const C = "calmierato" satisfies UnitCategory;
const F = "fragilita" satisfies UnitCategory;

type Case = {
  name: string;
  units: UnitCategory[];
  partners: string[];
  households: TargetGroup[];
  pairs: [number, number, number][];
  bounds: AllocationBounds;
};

describe("solveAllocationAnyBounds, cases", () => {
  it.each([
    {
      name: "a partner max moves an offer to the other partner's unit",
      units: [C, F],
      partners: ["ETS-A", "ETS-A"],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 10],
        [1, 1, 5],
      ],
      bounds: { partner: { "ETS-A": { max: 1 } } },
      objective: 10,
      offers: ["U0→H0"],
    },
    {
      name: "a partner min against a category max: the MIP trades across both",
      units: [C, C, F],
      partners: ["ETS-A", "ETS-B", "ETS-B"],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 9],
        [0, 1, 8],
        [1, 0, 7],
        [2, 1, 2],
      ],
      bounds: { category: { calmierato: { max: 1 } }, partner: { "ETS-B": { min: 2 } } },
      objective: 9,
      offers: ["U1→H0", "U2→H1"],
    },
    {
      name: "a partner min forces an otherwise unprofitable match",
      units: [C, C],
      partners: ["ETS-A", "ETS-B"],
      households: ["famiglia"],
      pairs: [
        [0, 0, 10],
        [1, 0, 1],
      ],
      bounds: { partner: { "ETS-B": { min: 1 } } },
      objective: 1,
      offers: ["U1→H0"],
    },
  ] as (Case & { objective: number; offers: string[] })[])(
    "$name",
    async ({ units, partners, households, pairs, bounds, objective, offers }) => {
      const instance = smallInstance({ units, partners, households, pairs, bounds });
      const result = await solveAllocationAnyBounds(instance, { forceMip: true });
      expect(result.status).toBe("optimal");
      if (result.status !== "optimal") return;
      expect(result.method).toBe("mip");
      expect(result.objective).toBe(objective);
      expect(result.dualBound).toBe(objective);
      expect(result.assignments.map((a) => `${a.unit}→${a.household}`)).toEqual(offers);
      // The LP optimum is integral here: its exact prices (partner prices included) prove it.
      expect(verifyCertificate(instance, result)).toMatchObject({ valid: true, proves: "optimality" });
    },
  );

  it("a fractional LP (a triangle of a household, a category max and a partner max): HiGHS branches", async () => {
    const instance = smallInstance({
      units: [C, C, F],
      partners: ["ETS-B", "ETS-A", "ETS-A"],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 1],
        [1, 1, 1],
        [2, 0, 1],
      ],
      bounds: { category: { calmierato: { max: 1 } }, partner: { "ETS-A": { max: 1 } } },
    });
    const result = await solveAllocationAnyBounds(instance);
    expect(result).toMatchObject({ status: "optimal", method: "mip", objective: 1, dualBound: 1, gap: 0 });
    const check = verifyCertificate(instance, result);
    expect(check).toMatchObject({ valid: true, proves: "feasibility", primalScaled: 1_000_000n });
    // Each pair at ½ is worth 1.5 in the LP: the prices prove that much, HiGHS the rest.
    expect(check.dualScaled).toBe(1_500_000n);
    expect(check.notes).toEqual([expect.stringContaining("rests on HiGHS's branch and bound")]);
  });

  it.each([
    {
      name: "a partner min above its units",
      units: [C],
      partners: ["ETS-A"],
      households: ["famiglia"],
      pairs: [[0, 0, 1]],
      bounds: { partner: { "ETS-A": { min: 2 } } },
      violation: { kind: "partner", key: "ETS-A", reason: "min_above_available", shortfall: 1 },
      proves: "infeasibility",
    },
    {
      name: "a partner that is not in the run, with a min",
      units: [C],
      partners: ["ETS-A"],
      households: ["famiglia"],
      pairs: [[0, 0, 1]],
      bounds: { partner: { "ETS-Z": { min: 1 } } },
      violation: { kind: "partner", key: "ETS-Z", reason: "min_above_available", shortfall: 1 },
      proves: "infeasibility",
    },
    {
      name: "a partner min whose units no household may take",
      units: [C, F],
      partners: ["ETS-A", "ETS-B"],
      households: ["famiglia"],
      pairs: [[0, 0, 4]],
      bounds: { partner: { "ETS-B": { min: 1 } } },
      violation: { kind: "partner", key: "ETS-B", reason: "unreachable", shortfall: 1 },
      proves: "infeasibility",
    },
    {
      name: "a category min blocked by a partner max",
      units: [F, C],
      partners: ["ETS-A", "ETS-B"],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 4],
        [1, 1, 4],
      ],
      bounds: { category: { fragilita: { min: 1 } }, partner: { "ETS-A": { max: 0 } } },
      violation: { kind: "category", key: "fragilita", reason: "unreachable", shortfall: 1 },
      proves: "infeasibility",
    },
  ] as (Case & { violation: object; proves: string })[])(
    "infeasible: $name, named",
    async ({ units, partners, households, pairs, bounds, violation, proves }) => {
      const instance = smallInstance({ units, partners, households, pairs, bounds });
      const result = await solveAllocationAnyBounds(instance);
      expect(result).toMatchObject({ status: "infeasible", method: "mip" });
      if (result.status !== "infeasible") return;
      expect(result.violations).toEqual([expect.objectContaining(violation)]);
      const check = verifyCertificate(instance, result);
      expect(check.problems).toEqual([]);
      // A bound that contradicts itself or the stock, or a Farkas ray with partner prices.
      expect(check.proves).toBe(proves);
      if (result.violations.some((v) => v.reason === "unreachable"))
        expect(result.ray?.partner).toBeDefined();
    },
  );

  it("when the relaxation is infeasible, its Farkas ray proves it", async () => {
    const instance = smallInstance({
      units: [C, F],
      households: ["famiglia"],
      pairs: [[0, 0, 4]],
      bounds: { category: { fragilita: { min: 1 } }, partner: { "ETS-0": { max: 1 } } },
    });
    const result = await solveAllocationAnyBounds(instance);
    expect(result).toMatchObject({ status: "infeasible", method: "mip" });
    if (result.status !== "infeasible") return;
    expect(result.ray).not.toBeNull();
    expect(verifyCertificate(instance, result)).toMatchObject({ valid: true, proves: "infeasibility" });
  });

  it("keeps the network's certificate when its optimum already meets the partner bounds", async () => {
    const instance = smallInstance({
      units: [C, F],
      households: ["famiglia", "famiglia"],
      pairs: [
        [0, 0, 10],
        [1, 1, 5],
      ],
      bounds: { partner: { "ETS-0": { max: 1 } } },
    });
    const result = await solveAllocationAnyBounds(instance);
    expect(result).toMatchObject({ status: "optimal", method: "network", objective: 15 });
    expect(result.status === "optimal" && result.counts.partner).toEqual({ "ETS-0": 1, "ETS-1": 1 });
    expect(verifyCertificate(instance, result)).toMatchObject({ valid: true, proves: "optimality" });
  });

  it("solveAllocation refuses partner bounds, naming the entry to use", () => {
    const instance = smallInstance({ units: [C], households: ["famiglia"], pairs: [[0, 0, 1]] });
    expect(() => solveAllocation({ ...instance, bounds: { partner: { "ETS-0": { max: 0 } } } })).toThrow(
      /solveAllocationAnyBounds/,
    );
    expect(solveAllocation({ ...instance, bounds: { partner: { "ETS-0": {} } } }).status).toBe("optimal");
  });
});

describe("verifyCertificate on MIP results", () => {
  const instance = smallInstance({
    units: [C, F],
    partners: ["ETS-A", "ETS-A"],
    households: ["famiglia", "famiglia"],
    pairs: [
      [0, 0, 10],
      [1, 0, 6],
      [1, 1, 5],
    ],
    bounds: { partner: { "ETS-A": { max: 1 } } },
  });
  const solved = async () => {
    const result = await solveAllocationAnyBounds(instance);
    if (result.status !== "optimal" || result.method !== "mip") throw new Error("expected a MIP optimum");
    return result;
  };

  it("proves a MIP optimum with the exact LP prices, partner prices included, over every pair", async () => {
    const result = await solved();
    expect(result.dual?.partner?.["ETS-A"]).toBeGreaterThan(0);
    expect(verifyCertificate(instance, result)).toMatchObject({
      valid: true,
      problems: [],
      proves: "optimality",
      notes: [],
      primalScaled: 10_000_000n,
      dualScaled: 10_000_000n,
    });
  });

  it("rejects a weakened partner price", async () => {
    const result = await solved();
    const dual = result.dual as NonNullable<typeof result.dual>;
    const partner = { "ETS-A": (dual.partner?.["ETS-A"] ?? 0) - 1 };
    expect(verifyCertificate(instance, { ...result, dual: { ...dual, partner } }).problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/pairs violate their dual constraint/)]),
    );
  });

  it("without prices, says that optimality rests on HiGHS", async () => {
    const check = verifyCertificate(instance, { ...(await solved()), dual: null });
    expect(check).toMatchObject({ valid: true, proves: "feasibility", dualScaled: null });
    expect(check.notes).toEqual([expect.stringContaining("no dual prices")]);
  });

  it("rejects a partner max broken, a misreported objective and a gap that does not add up", async () => {
    const result = await solved();
    const both = {
      ...result,
      assignments: [
        { unit: "U0", household: "H0", weight: 10 },
        { unit: "U1", household: "H1", weight: 5 },
      ],
    };
    expect(verifyCertificate(instance, both).problems).toEqual(
      expect.arrayContaining([
        "assignment: partner ETS-A has 2 assignments, bounds 0–1",
        "reported objective 10 is not Σ weight",
      ]),
    );
    expect(verifyCertificate(instance, { ...result, gap: 1 }).problems).toEqual(
      expect.arrayContaining(["reported gap 1 is not dual bound − objective"]),
    );
  });

  it("has nothing to check when the time limit came first", () => {
    const stopped = {
      status: "time_limit",
      method: "mip",
      dualBound: 12,
      iterations: 0,
      pairsConsidered: 3,
    } as const;
    expect(verifyCertificate(instance, stopped)).toMatchObject({ valid: false, proves: "nothing" });
  });
});
