// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AllocationRun,
  AllocationRunExplanation,
  AllocationRunList,
  AllocationRunReplay,
} from "../../domain/allocation/run.schema.ts";
import type { RunSnapshot } from "../../domain/allocation/run-snapshot.ts";
import { allocationRuns, households } from "../db/schema.ts";
import { householdOnPath } from "../support-plans/care-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { snapshotHash } from "./runs.service.ts";

let ctx: TestContext;
let officer: TestClient;
let manager: TestClient;
const ref: Record<string, string> = {};
const code: Record<string, string> = {};

const NO_FACTS = {
  knownToSocialServices: false,
  completedPreviousPath: false,
  prospectOfAutonomy: false,
  ableToCoPay: false,
  difficultyAccessingPublicHousing: false,
};

// Two small calmierato flats for a programme of five households: three waiting and eligible (one known
// to social services, so first), one waiting whose income cannot bear the rent, one only assessed.
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.loginAs("comune_housing_officer");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  for (const [name, surfaceM2] of [
    ["A", 40],
    ["B", 45],
  ] as const) {
    const unit = await ctx.newUnit({
      status: "available",
      category: "calmierato",
      surfaceM2,
      rooms: 2,
      bedrooms: 1,
    });
    code[name] = unit.code;
  }
  await ctx.newUnit({ status: "let", category: "calmierato", surfaceM2: 40, rooms: 2, bedrooms: 1 });
  const facts: Record<
    string,
    { priority: typeof NO_FACTS; incomeCents: number; until: "waiting" | "assessed" }
  > = {
    H1: { priority: { ...NO_FACTS, knownToSocialServices: true }, incomeCents: 2_400_000, until: "waiting" },
    H2: { priority: { ...NO_FACTS, ableToCoPay: true }, incomeCents: 2_400_000, until: "waiting" },
    H3: { priority: NO_FACTS, incomeCents: 2_400_000, until: "waiting" },
    H4: { priority: { ...NO_FACTS, knownToSocialServices: true }, incomeCents: 300_000, until: "waiting" },
    H5: { priority: { ...NO_FACTS, knownToSocialServices: true }, incomeCents: 2_400_000, until: "assessed" },
  };
  for (const [name, f] of Object.entries(facts)) {
    const household = await householdOnPath(ctx, manager, { until: f.until, referredOn: "2026-05-04" });
    await ctx.db
      .update(households)
      .set({ priority: f.priority, incomeCents: f.incomeCents })
      .where(eq(households.id, household.id));
    ref[name] = household.reference;
  }
});
afterAll(() => ctx.close());

const run = async (body?: unknown) => {
  const response = await officer.post("/allocation/runs", body);
  expect(response.status).toBe(201);
  return (await response.json()) as AllocationRun;
};
const explain = async (id: string, household: string, unit: string) => {
  const response = await officer.get(`/allocation/runs/${id}/explain?household=${household}&unit=${unit}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AllocationRunExplanation;
};

describe("an allocation run", () => {
  let free: AllocationRun;

  it("assigns the units jointly to eligible waiting households, proven optimal and above greedy", async () => {
    ctx.clock.now = new Date("2026-11-22T09:00:00Z");
    free = await run({ bounds: { category: {} }, seed: "prova" });
    expect(free).toMatchObject({
      status: "optimal",
      rulesVersion: 0,
      seed: "prova",
      units: 2,
      households: 4,
      pairs: 6,
      gap: 0,
      certificateValid: true,
    });
    expect(free.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(free.objective).toBe(free.dualBound);
    expect(free.objective ?? 0).toBeGreaterThanOrEqual(free.greedyObjective);
    expect(free.assignments).toHaveLength(2);
    expect(new Set(free.assignments.map((a) => a.unitCode)).size).toBe(2);
    expect(new Set(free.assignments.map((a) => a.householdId)).size).toBe(2);
    expect(new Set(free.assignments.map((a) => a.householdReference))).toEqual(new Set([ref.H1, ref.H2]));
    for (const a of free.assignments) {
      const why = await explain(free.id, a.householdReference, a.unitCode);
      expect(why).toMatchObject({ eligible: true, outcome: "matched", text: "matched", reducedCost: 0 });
    }
  });

  it("explains a pair that lost to a household of higher rank, and one that is not eligible", async () => {
    const lost = free.assignments[0] as AllocationRun["assignments"][number];
    const why = await explain(free.id, ref.H3 as string, lost.unitCode);
    expect(why.eligible).toBe(true);
    expect(why.outcome).toBe("unit_taken");
    expect(why.text).toMatch(
      new RegExp(`^unit went to ${lost.householdReference} \\(weight [\\d.]+ ≥ [\\d.]+\\)$`),
    );
    expect(why.rank).toBe(3);
    expect(why.rankOf).toBe(3);
    expect(why.reducedCost ?? -1).toBeGreaterThanOrEqual(0);
    expect(why.priority.components.map((c) => c.kind)).toEqual(["base", "need", "waiting", "tie_breaker"]);
    expect(why.checks.map((c) => c.rule)).toHaveLength(9);

    const poor = await explain(free.id, ref.H4 as string, code.A as string);
    expect(poor).toMatchObject({ eligible: false, outcome: "not_eligible", weight: null, rank: null });
    expect(poor.text).toBe("not eligible: affordability");
  });

  it("names a household or unit outside the run (404)", async () => {
    const response = await officer.get(
      `/allocation/runs/${free.id}/explain?household=${ref.H5}&unit=${code.A}`,
    );
    expect(response.status).toBe(404);
  });

  it("replays to the identical result from its snapshot alone", async () => {
    const response = await officer.post(`/allocation/runs/${free.id}/replay`);
    expect(response.status).toBe(200);
    expect((await response.json()) as AllocationRunReplay).toEqual({
      identical: true,
      inputHash: free.inputHash,
      storedInputHash: free.inputHash,
      objective: free.objective,
    });
  });

  it("stores a snapshot whose hash changes when a weight is tampered with", async () => {
    const [row] = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, free.id));
    const snapshot = row?.snapshot as RunSnapshot;
    expect(snapshotHash(snapshot)).toBe(free.inputHash);
    expect(snapshot.households.map((h) => h.score.components.length)).not.toContain(0);
    const tampered = structuredClone(snapshot);
    (tampered.pairs[0] as [number, number, number])[2] *= 1.5;
    expect(snapshotHash(tampered)).not.toBe(free.inputHash);
  });

  it("keeps the default category bounds (39/26/35 ± 10 points): one calmierato of two", async () => {
    ctx.clock.now = new Date("2026-11-22T09:01:00Z");
    const bounded = await run();
    expect(bounded.status).toBe("optimal");
    expect(bounded.bounds.category.calmierato).toEqual({ min: 0, max: 1 });
    expect(bounded.assignments).toHaveLength(1);
    const [only] = bounded.assignments;
    const otherUnit = only?.unitCode === code.A ? code.B : code.A;
    const why = await explain(bounded.id, ref.H3 as string, otherUnit as string);
    expect(why.outcome).toBe("bound_binding");
    expect(why.text).toBe("category bound calmierato binding");
  });

  it("stores infeasible bounds as an infeasible run naming them (201)", async () => {
    ctx.clock.now = new Date("2026-11-22T09:02:00Z");
    const infeasible = await run({ bounds: { category: { fragilita: { min: 1 } } } });
    expect(infeasible).toMatchObject({ status: "infeasible", objective: null, assignments: [] });
    expect(infeasible.violations).toEqual([
      { kind: "category", key: "fragilita", min: 1, max: null, reason: "min_above_available", shortfall: 1 },
    ]);
    const replay = (await (
      await officer.post(`/allocation/runs/${infeasible.id}/replay`)
    ).json()) as AllocationRunReplay;
    expect(replay.identical).toBe(true);
  });

  it("lists the runs newest first, by page", async () => {
    const page = (await (await officer.get("/allocation/runs?limit=2")).json()) as AllocationRunList;
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.status)).toEqual(["infeasible", "optimal"]);
    const rest = (await (await officer.get("/allocation/runs?limit=2&offset=2")).json()) as AllocationRunList;
    expect(rest.items.map((r) => r.id)).toEqual([free.id]);
    const one = await officer.get(`/allocation/runs/${free.id}`);
    expect(((await one.json()) as AllocationRun).assignments).toEqual(free.assignments);
  });

  it("is refused to a partner's manager (403)", async () => {
    expect((await manager.post("/allocation/runs", {})).status).toBe(403);
    expect((await manager.get("/allocation/runs")).status).toBe(403);
    expect((await manager.get(`/allocation/runs/${free.id}`)).status).toBe(403);
  });

  it("answers 404 for a missing run", async () => {
    expect((await officer.get("/allocation/runs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await officer.get("/allocation/runs/not-a-run")).status).toBe(404);
    expect((await officer.post("/allocation/runs/00000000-0000-4000-8000-000000000000/replay")).status).toBe(
      404,
    );
  });
});
