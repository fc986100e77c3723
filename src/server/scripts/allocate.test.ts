// SPDX-License-Identifier: EUPL-1.2
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EligibilityHousehold,
  pairWeight,
  priorityScore,
  unitFit,
} from "../../domain/eligibility/eligibility.ts";
import { DEFAULT_RULES } from "../../domain/eligibility/rules.schema.ts";
import { AllocationRulesInstanceFile, allocateMain } from "./allocate.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "allocate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(instance: unknown, extra: string[] = []) {
  const name = `${Math.random().toString(36).slice(2)}`;
  const input = path.join(dir, `${name}.json`);
  const output = path.join(dir, `${name}.result.json`);
  await writeFile(input, typeof instance === "string" ? instance : JSON.stringify(instance));
  const out: string[] = [];
  const err: string[] = [];
  const code = await allocateMain(["--input", input, "--output", output, ...extra], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  const result = await readFile(output, "utf8").then(JSON.parse, () => null);
  return { code, out: out.join("\n"), err: err.join("\n"), result, dir };
}

const unit = (id: string) => ({ id, category: "calmierato", partner: "ETS-A" });
const household = (id: string) => ({ id, targetGroup: "famiglia" });

// Greedy by weight takes U1→H1 (10) and then only U2→H3 (1): 11. The optimum swaps: 9 + 8 = 17.
const pairsInstance = {
  units: [unit("U1"), unit("U2")],
  households: [household("H1"), household("H2"), household("H3")],
  pairs: [
    { unit: "U1", household: "H1", weight: 10 },
    { unit: "U1", household: "H2", weight: 9 },
    { unit: "U2", household: "H1", weight: 8 },
    { unit: "U2", household: "H3", weight: 1 },
  ],
  bounds: { category: { calmierato: { min: 2 } } },
};

describe("npm run allocate", () => {
  it("solves a pairs instance to its known optimum, with the proof bound and a valid certificate", async () => {
    const { code, out, result } = await run(pairsInstance, ["--verify"]);
    expect(code).toBe(0);
    expect(result.status).toBe("optimal");
    expect(result.assignments).toEqual([
      { unit: "U1", household: "H2", weight: 9 },
      { unit: "U2", household: "H1", weight: 8 },
    ]);
    expect(result.objective).toBe(17);
    expect(result.dualBound).toBe(17);
    expect(result.gap).toBe(0);
    expect(result.counts.category.calmierato).toBe(2);
    expect(result.counts.targetGroup.famiglia).toBe(2);
    expect(result.instance).toEqual({ shape: "pairs", units: 2, households: 3, pairs: 4 });
    expect(result.certificate.valid).toBe(true);
    expect(out).toContain("2 units, 3 households, 4 eligible pairs");
    expect(out).toContain("Objective: 17");
    expect(out).toContain("Proof bound (dual): 17");
    expect(out).toContain("Certificate: valid");
  });

  it("computes the pairs of a rules instance with the eligibility rules, weighted priority × fit", async () => {
    const instance = {
      today: "2026-06-01",
      units: [
        {
          id: "A",
          category: "calmierato",
          rooms: 2,
          bedrooms: 1,
          surfaceM2: 40,
          floor: 1,
          rentCentsPerMonth: 40_000,
        },
        {
          id: "B",
          category: "fragilita",
          rooms: 3,
          bedrooms: 2,
          surfaceM2: 56,
          floor: 0,
          managingPartnerCode: "ETS-A",
        },
      ],
      households: [
        {
          id: "H1",
          category: "calmierato",
          referralType: "partner",
          targetGroup: "famiglia",
          size: 2,
          iseeCents: 1_000_000,
          incomeCents: 2_400_000,
          tieBreakerSeed: "s1",
          referredOn: "2025-01-15",
        },
        // Fragilità managed by another partner than unit B's: eligible for no unit.
        {
          id: "H2",
          category: "fragilita",
          referralType: "social_services",
          targetGroup: "monoparentale",
          size: 3,
          needs: ["economic_fragility", "social_fragility"],
          managingPartnerCode: "ETS-B",
          tieBreakerSeed: "s2",
          referredOn: "2024-01-01",
        },
        {
          id: "H3",
          category: "fragilita",
          referralType: "social_services",
          targetGroup: "famiglia",
          size: 4,
          managingPartnerCode: "ets-a",
          tieBreakerSeed: "s3",
          referredOn: "2026-03-01",
        },
      ],
      bounds: { category: { fragilita: { max: 1 } } },
    };
    const pairsFile = path.join(dir, "derived-pairs.json");
    const { code, result, out } = await run(instance, ["--verify", "--write-pairs", pairsFile]);
    expect(code).toBe(0);
    expect(out).toContain("Instance (rules): 2 units, 3 households, 2 eligible pairs");
    const derived = JSON.parse(await readFile(pairsFile, "utf8"));
    expect(derived.pairs.map((p: { unit: string; household: string }) => `${p.unit}-${p.household}`)).toEqual(
      ["A-H1", "B-H3"],
    );
    expect(result.assignments.map((a: { household: string }) => a.household)).not.toContain("H2");

    const parsed = AllocationRulesInstanceFile.parse(instance);
    const weightOf = (u: number, h: number) => {
      const hh = parsed.households[h] as (typeof parsed.households)[number];
      const household: EligibilityHousehold = hh;
      const priority = priorityScore(DEFAULT_RULES, household, {
        today: instance.today,
        referredOn: hh.referredOn,
      }).total;
      return pairWeight(
        priority,
        unitFit(DEFAULT_RULES, household, parsed.units[u] as (typeof parsed.units)[number]),
      );
    };
    expect(result.assignments).toEqual([
      { unit: "A", household: "H1", weight: weightOf(0, 0) },
      { unit: "B", household: "H3", weight: weightOf(1, 2) },
    ]);
    expect(derived.pairs[0].weight).toBe(weightOf(0, 0));
    expect(result.objective).toBeCloseTo(weightOf(0, 0) + weightOf(1, 2), 6);
    expect(result.gap).toBe(0);
    expect(result.certificate.valid).toBe(true);
    expect(result.counts.category).toEqual({ calmierato: 1, calmierato_ridotto: 0, fragilita: 1 });
  });

  it("solves with partner bounds through HiGHS, proven optimal, and names a partner bound it cannot meet", async () => {
    // U1 of ETS-A, U2 of ETS-B: no unit of ETS-B leaves U1 alone, to its best household H1 (10).
    const partnered = {
      ...pairsInstance,
      units: [unit("U1"), { ...unit("U2"), partner: "ETS-B" }],
      bounds: { category: {}, partner: { "ETS-B": { max: 0 } } },
    };
    const solved = await run(partnered, ["--verify"]);
    expect(solved.code).toBe(0);
    expect(solved.result).toMatchObject({ status: "optimal", objective: 10, gap: 0 });
    expect(solved.result.assignments).toEqual([{ unit: "U1", household: "H1", weight: 10 }]);
    expect(solved.result.certificate.valid).toBe(true);
    const short = await run({ ...partnered, bounds: { category: {}, partner: { "ETS-B": { min: 2 } } } });
    expect(short.code).toBe(1);
    expect(short.err).toContain("bounds.partner.ETS-B (min 2): fewer units of that partner than the min");
    expect(short.result.violations).toEqual([
      expect.objectContaining({ kind: "partner", key: "ETS-B", min: 2 }),
    ]);
  });

  it("exits 2 on a time limit that is not a positive number of seconds", async () => {
    const { code, err } = await run(pairsInstance, ["--time-limit", "soon"]);
    expect(code).toBe(2);
    expect(err).toContain("--time-limit must be a number of seconds above 0");
  });

  it("exits 1 and names the bound when the bounds cannot be met", async () => {
    const { code, err, result } = await run({
      ...pairsInstance,
      bounds: { category: { fragilita: { min: 1 } }, targetGroup: { famiglia: { max: 1 } } },
    });
    expect(code).toBe(1);
    expect(err).toContain("infeasible");
    expect(err).toContain("bounds.category.fragilita (min 1)");
    expect(result.status).toBe("infeasible");
    expect(result.violations[0]).toMatchObject({ kind: "category", key: "fragilita", min: 1 });
  });

  it("exits 2 on malformed input and names the JSON path", async () => {
    const bad = {
      ...pairsInstance,
      units: [unit("U1"), { ...unit("U2"), category: "villa" }],
      pairs: [...pairsInstance.pairs.slice(0, 1), { unit: "U1", household: "H2", weight: -3 }],
    };
    const { code, err, result } = await run(bad);
    expect(code).toBe(2);
    expect(err).toContain("units[1].category");
    expect(err).toContain("pairs[1].weight: Weight must be > 0");
    expect(result).toBeNull();

    const rules = await run({ today: "2026-02-30", units: [], households: [{ id: "H" }] });
    expect(rules.code).toBe(2);
    expect(rules.err).toContain("today: Not a calendar date");
    expect(rules.err).toContain("households[0].category");

    expect((await run("{ not json")).code).toBe(2);
    expect((await run([])).err).toContain("(root)");
  });

  it("exits 2 without --input or --output", async () => {
    const err: string[] = [];
    const code = await allocateMain(["--input", "x.json"], { out: () => {}, err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.join("\n")).toContain("--output");
  });
});
