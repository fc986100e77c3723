// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { scaleWeight, solveAllocation } from "./assignment.ts";
import { verifyCertificate } from "./assignment-certificate.ts";
import { greedyAllocation } from "./assignment-greedy.ts";
import { referenceAllocation } from "./assignment-reference.ts";
import { randomInstance } from "./assignment-testing.ts";

describe("solveAllocation on a medium instance (200 units × 2,000 households)", () => {
  it.each([
    { name: "category bounds", seed: 7, groupBounds: undefined },
    {
      name: "category and target-group bounds",
      seed: 11,
      groupBounds: {
        neo_maggiorenni: { min: 35 },
        anziano_solo: { max: 20 },
        famiglia: { min: 10, max: 40 },
      },
    },
  ])("matches the Bellman–Ford reference with $name", ({ seed, groupBounds }) => {
    const instance = randomInstance({ seed, units: 200, households: 2000, density: 0.15, groupBounds });
    const result = solveAllocation(instance);
    const reference = referenceAllocation(instance);
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    expect(reference.feasible).toBe(true);
    const scaled = result.assignments.reduce((sum, a) => sum + scaleWeight(a.weight), 0);
    expect(scaled).toBe(reference.objectiveScaled);
    expect(verifyCertificate(instance, result).problems).toEqual([]);
    expect(result.pairsConsidered).toBeLessThan(instance.pairs.unit.length);
    expect(solveAllocation(instance, { prune: false }).status === "optimal" && scaled).toBe(scaled);
    expect(greedyAllocation(instance).objective).toBeLessThan(result.objective);
  });
});
