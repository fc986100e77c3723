// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hold, HoldList } from "../../domain/allocation/hold.schema.ts";
import type {
  AllocationRun,
  AllocationRunExplanation,
  AllocationRunList,
  AllocationRunProgress,
  AllocationRunReplay,
} from "../../domain/allocation/run.schema.ts";
import type { RunSnapshot } from "../../domain/allocation/run-snapshot.ts";
import { allocationRuns, households, organisations, units } from "../db/schema.ts";
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

describe("a run reads holds and refusals, and reports its progress", () => {
  const ids: Record<string, string> = {};
  const idOf = async (reference: string) => {
    const [row] = await ctx.db
      .select({ id: households.id })
      .from(households)
      .where(eq(households.reference, reference));
    return row?.id as string;
  };

  it("keeps a held unit for its household only, and explains the hold to the others", async () => {
    ctx.clock.now = new Date("2026-11-22T10:00:00Z");
    // An hour on: sign in again (the sessions of the first runs are idle).
    officer = await ctx.loginAs("comune_housing_officer");
    manager = await ctx.loginAs("area_b_manager", "ETS-B1");
    const hold = await officer.post("/allocation/holds", {
      unitId: code.A,
      householdId: ref.H3,
      expiresOn: "2026-11-30",
      reason: "Vicinanza alla scuola dei figli",
    });
    expect(hold.status).toBe(201);
    const { id: holdId } = (await hold.json()) as Hold;
    ids.hold = holdId;
    const held = await run({ bounds: { category: {} } });
    expect(held.assignments.find((a) => a.unitCode === code.A)?.householdReference).toBe(ref.H3);
    const why = await explain(held.id, ref.H1 as string, code.A as string);
    expect(why.outcome).toBe("not_eligible");
    expect(why.checks.find((c) => c.rule === "hold")).toMatchObject({
      passed: false,
      detail: "The unit is held for another household until 2026-11-30",
    });
    const replay = (await (
      await officer.post(`/allocation/runs/${held.id}/replay`)
    ).json()) as AllocationRunReplay;
    expect(replay.identical).toBe(true);
  });

  it("refuses a hold that has already expired, an unknown or let unit, and a partner", async () => {
    const past = await officer.post("/allocation/holds", {
      unitId: code.B,
      expiresOn: "2026-11-21",
      reason: "Prova",
    });
    expect(past.status).toBe(422);
    expect(((await past.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "expiresOn",
    ]);
    const unknown = await officer.post("/allocation/holds", {
      unitId: "NOPE-1",
      expiresOn: "2026-12-01",
      reason: "Prova",
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "unitId",
    ]);
    const letUnit = await ctx.newUnit({ status: "let" });
    const occupied = await officer.post("/allocation/holds", {
      unitId: letUnit.code,
      expiresOn: "2026-12-01",
      reason: "Prova",
    });
    expect(occupied.status).toBe(422);
    expect(((await occupied.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      "unitId",
    ]);
    expect(
      (await manager.post("/allocation/holds", { unitId: code.B, expiresOn: "2026-12-01", reason: "Prova" }))
        .status,
    ).toBe(403);
    expect((await manager.get("/allocation/holds")).status).toBe(403);
  });

  it("releases a hold with a reason; the next run sees the unit free", async () => {
    const released = await officer.post(`/allocation/holds/${ids.hold}/release`, {
      reason: "Il nucleo ha trovato casa",
    });
    expect(released.status).toBe(200);
    expect((await released.json()) as Hold).toMatchObject({
      active: false,
      releaseReason: "Il nucleo ha trovato casa",
    });
    expect((await officer.post(`/allocation/holds/${ids.hold}/release`, { reason: "Di nuovo" })).status).toBe(
      409,
    );
    const active = (await (await officer.get("/allocation/holds")).json()) as HoldList;
    expect(active.items.map((h) => h.id)).not.toContain(ids.hold);
    const all = (await (await officer.get("/allocation/holds?active=false")).json()) as HoldList;
    expect(all.items.map((h) => h.id)).toContain(ids.hold);
    ctx.clock.now = new Date("2026-11-22T10:05:00Z");
    const free = await run({ bounds: { category: {} } });
    expect(new Set(free.assignments.map((a) => a.householdReference))).toEqual(new Set([ref.H1, ref.H2]));
  });

  it("does not offer a household a unit it refused, and restarts its waiting time when the refusal lost its place", async () => {
    const h1 = await idOf(ref.H1 as string);
    const made = await officer.post("/offers", {
      unitId: code.A,
      householdId: h1,
      reason: "Proposta manuale",
    });
    expect(made.status).toBe(201);
    const { id: offerId } = (await made.json()) as { id: string };
    const declined = await manager.post(`/offers/${offerId}/decline`, {
      reason: "Troppo lontano dal lavoro",
      declinedBy: "household",
      reasonable: false,
    });
    expect(declined.status).toBe(200);
    ctx.clock.now = new Date("2026-11-22T10:10:00Z");
    const after = await run({ bounds: { category: {} } });
    const [row] = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, after.id));
    const snapshot = row?.snapshot as RunSnapshot;
    const household = snapshot.households.find((h) => h.reference === ref.H1);
    expect(household?.refusedUnitIds).toEqual([await unitIdOf(code.A as string)]);
    expect(household?.waitingFrom).toBe("2026-11-22");
    expect(household?.score.components.find((c) => c.kind === "waiting")?.points).toBe(0);
    const why = await explain(after.id, ref.H1 as string, code.A as string);
    expect(why.checks.find((c) => c.rule === "refused")).toMatchObject({ passed: false });
    expect(after.assignments.find((a) => a.unitCode === code.A)?.householdReference).not.toBe(ref.H1);
  });

  it("reports the phases of a run under the id its caller chose", async () => {
    const progressId = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";
    expect((await officer.get(`/allocation/runs/progress/${progressId}`)).status).toBe(404);
    ctx.clock.now = new Date("2026-11-22T10:15:00Z");
    await run({ bounds: { category: {} }, progressId });
    const progress = await officer.get(`/allocation/runs/progress/${progressId}`);
    expect(progress.status).toBe(200);
    expect((await progress.json()) as AllocationRunProgress).toMatchObject({ phase: "done", fraction: 1 });
    expect((await officer.get("/allocation/runs/progress/not-a-uuid")).status).toBe(400);
  });
});

async function unitIdOf(unitCode: string) {
  const [row] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
  return row?.id as string;
}

describe("a run with bounds per managing partner", () => {
  it("keeps a partner's units out under a max of 0, proven optimal by HiGHS, and replays identically", async () => {
    ctx.clock.now = new Date("2026-11-22T10:20:00Z");
    officer = await ctx.loginAs("comune_housing_officer");
    const [row] = await ctx.db
      .select({ partner: organisations.code })
      .from(units)
      .innerJoin(organisations, eq(organisations.id, units.managingPartnerId))
      .where(eq(units.code, code.A as string));
    const partner = row?.partner as string;
    const bounded = await run({ bounds: { category: {}, partner: { [partner]: { max: 0 } } } });
    expect(bounded).toMatchObject({ status: "optimal", gap: 0, certificateValid: true });
    expect(bounded.bounds.partner).toEqual({ [partner]: { max: 0 } });
    expect(bounded.assignments.map((a) => a.unitCode)).not.toContain(code.A);
    const replay = (await (
      await officer.post(`/allocation/runs/${bounded.id}/replay`)
    ).json()) as AllocationRunReplay;
    expect(replay.identical).toBe(true);
    const impossible = await run({ bounds: { category: {}, partner: { [partner]: { min: 5 } } } });
    expect(impossible.status).toBe("infeasible");
    expect(impossible.violations).toEqual([
      expect.objectContaining({ kind: "partner", key: partner, min: 5 }),
    ]);
  });
});
