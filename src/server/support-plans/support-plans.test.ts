// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { OverdueReview, SupportPlan } from "../../domain/support-plans/support-plan.schema.ts";
import { auditEvents, households, supportPlanReviews, supportPlans, users } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { acceptedHousehold, accountId, type Problem } from "./care-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let educator: TestClient;
let educatorId: string;
let otherManager: TestClient;
let worker: TestClient;
let startedAt: Date;
/** A plan whose team names the educator's account. */
let PLAN: ReturnType<typeof planBody>;
beforeAll(async () => {
  ctx = await createTestContext();
  startedAt = ctx.clock.now;
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  educatorId = await accountId(educator);
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  worker = await ctx.loginAs("comune_social_worker");
  PLAN = planBody([{ role: "educator", name: "Educatrice di prova", userId: educatorId }]);
});
afterAll(() => ctx.close());
afterEach(() => {
  ctx.clock.now = startedAt;
});

type Member = { role: string; name: string; organisation?: string; userId?: string | null };

function planBody(team: Member[]) {
  return {
    version: 0,
    startDate: "2026-08-31",
    intensity: "high",
    team: [
      ...team,
      { role: "financial_educator", name: "Educatore finanziario di prova", organisation: "ETS-B1" },
    ],
    goals: [
      {
        domain: "money_management",
        description: "Gestire il bilancio familiare",
        actions: [{ description: "Aprire un conto", owner: "Educatore finanziario", dueDate: "2026-12-31" }],
      },
    ],
    signatures: { household: "2026-09-02", referringService: null },
  };
}

const put = (client: TestClient, id: string, body: unknown) =>
  client.request("PUT", `/households/${id}/plan`, body);

/** A plan on a household its partner's manager accepted (so the manager is on its team too). */
async function newPlan(
  partnerCode = "ETS-B1",
  body: object = partnerCode === "ETS-B1" ? PLAN : planBody([]),
) {
  const partnerManager = partnerCode === "ETS-B1" ? manager : otherManager;
  const household = await acceptedHousehold(ctx, partnerManager, { partnerCode });
  const res = await put(partnerManager, household.id, body);
  expect(res.status).toBe(200);
  return { household, plan: (await res.json()) as SupportPlan };
}

describe("a household's support plan", () => {
  it("is created with version 0, reviews every 3 months by default, the next due end-of-month safe", async () => {
    const { household, referral } = await ctx.newHousehold();
    expect((await manager.get(`/households/${household.id}/plan`)).status).toBe(404);
    // Not before a partner takes the household on.
    const early = await put(educator, household.reference, PLAN);
    expect(early.status).toBe(409);
    expect(((await early.json()) as Problem).errors).toEqual([
      { path: "version", message: "The household has no partner that accepted its referral yet" },
    ]);
    expect((await manager.post(`/referrals/${referral.id}/accept`)).status).toBe(200);
    const res = await put(educator, household.reference, PLAN);
    expect(res.status).toBe(200);
    const plan = (await res.json()) as SupportPlan;
    expect(plan).toMatchObject({
      householdId: household.id,
      version: 1,
      status: "active",
      restricted: false,
      reviewEveryMonths: 3,
      nextReviewDate: "2026-11-30",
      lastReviewDate: null,
      reviews: [],
      signatures: { household: "2026-09-02", referringService: null },
    });
    expect(plan.goals?.[0]?.actions[0]?.status).toBe("open");
    expect(plan.team[0]).toEqual({ role: "educator", name: "Educatrice di prova", userId: educatorId });
    expect(plan.team[1]?.userId).toBeNull();
    expect(await (await educator.get(`/households/${household.id}/plan`)).json()).toEqual(plan);
  });

  it("is replaced with the version read; a stale version, or 0 when a plan exists, gets 409 naming version", async () => {
    const { household, plan } = await newPlan();
    const changed = await put(manager, household.id, { ...PLAN, version: plan.version, intensity: "low" });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ version: 2, intensity: "low" });
    for (const version of [1, 0, 9]) {
      const stale = await put(educator, household.id, { ...PLAN, version });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as Problem).errors[0]?.path).toBe("version");
    }
    const rows = await ctx.db.select().from(supportPlans).where(eq(supportPlans.householdId, household.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses invalid fields naming each", async () => {
    const { household } = await ctx.newHousehold();
    const res = await put(manager, household.id, {
      ...PLAN,
      intensity: "extreme",
      team: [{ role: "astrologer", name: "X" }],
      goals: [
        {
          domain: "housing",
          description: "Casa",
          actions: [{ description: "a", owner: "b", dueDate: "31/12/2026" }],
        },
      ],
    });
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as Problem).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["intensity", "team.0.role", "goals.0.actions.0.dueDate"]));
  });

  it("is one active plan per household in the database too", async () => {
    const { household, plan } = await newPlan();
    const second = ctx.db.insert(supportPlans).values({
      householdId: household.id,
      startDate: "2026-09-01",
      intensity: "low",
      team: [],
      goals: [],
      signatures: {},
      nextReviewDate: "2026-12-01",
    });
    await expect(second).rejects.toThrow();
    await ctx.db.update(supportPlans).set({ status: "closed" }).where(eq(supportPlans.id, plan.id));
    expect((await manager.get(`/households/${household.id}/plan`)).status).toBe(404);
    expect((await put(manager, household.id, PLAN)).status).toBe(200);
  });
});

describe("reviews", () => {
  it("refuses a review dated before the plan, naming date", async () => {
    const { household } = await newPlan();
    const res = await manager.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-08-30",
      autonomy: { housing: 2 },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual([{ path: "date", message: expect.stringContaining("2026-08-31") }]);
  });

  it("refuses a score off the 1–5 scale or an unknown domain, naming the field", async () => {
    const { household } = await newPlan();
    const res = await manager.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-11-01",
      autonomy: { housing: 0 },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors[0]?.path).toBe("autonomy.housing");
  });

  it("moves the next review on from the latest one and charts autonomy by domain", async () => {
    const { household } = await newPlan();
    const url = `/households/${household.id}/plan/reviews`;
    expect((await educator.post(url, { date: "2026-11-28", autonomy: { housing: 3, work: 2 } })).status).toBe(
      200,
    );
    const res = await manager.post(url, {
      date: "2026-10-15",
      notes: "Prima verifica",
      autonomy: { housing: 1 },
    });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as SupportPlan;
    expect(plan.lastReviewDate).toBe("2026-11-28");
    expect(plan.nextReviewDate).toBe("2027-02-28");
    expect(plan.reviews?.map((r) => r.date)).toEqual(["2026-10-15", "2026-11-28"]);
    expect(plan.progress?.housing).toEqual([
      { date: "2026-10-15", score: 1 },
      { date: "2026-11-28", score: 3 },
    ]);
    expect(plan.progress?.work).toEqual([{ date: "2026-11-28", score: 2 }]);
    expect(plan.progress?.health).toEqual([]);
    // The plan may not then start after its first review.
    const moved = await put(manager, household.id, {
      ...PLAN,
      version: plan.version,
      startDate: "2026-11-01",
    });
    expect(moved.status).toBe(422);
    expect(((await moved.json()) as Problem).errors[0]?.path).toBe("startDate");
  });

  it("needs a plan first", async () => {
    const household = await acceptedHousehold(ctx, manager);
    const res = await manager.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-11-01",
      autonomy: {},
    });
    expect(res.status).toBe(404);
  });
});

describe("overdue reviews", () => {
  it("lists the caller's plans whose next review is past, most overdue first", async () => {
    const late = await newPlan("ETS-B1", { ...PLAN, startDate: "2026-06-01" });
    const later = await newPlan("ETS-B1", { ...PLAN, startDate: "2026-05-01" });
    const onTime = await newPlan("ETS-B1", { ...PLAN, startDate: "2026-10-01" });
    const theirs = await newPlan("ETS-B2", { ...planBody([]), startDate: "2026-01-01" });
    const listed = async (client: TestClient) =>
      ((await (await client.get("/support-plans/overdue-reviews")).json()) as { items: OverdueReview[] })
        .items;
    const mine = (await listed(manager)).map((r) => r.householdId);
    expect(mine.indexOf(later.household.id)).toBeLessThan(mine.indexOf(late.household.id));
    expect(mine).toContain(late.household.id);
    expect(mine).not.toContain(onTime.household.id);
    expect(mine).not.toContain(theirs.household.id);
    expect((await listed(manager)).find((r) => r.householdId === late.household.id)).toMatchObject({
      nextReviewDate: "2026-09-01",
      daysOverdue: 82,
    });
    const others = (await listed(otherManager)).map((r) => r.householdId);
    expect(others).toEqual([theirs.household.id]);
    const comune = (await listed(worker)).map((r) => r.householdId);
    expect(comune).toEqual(expect.arrayContaining([late.household.id, theirs.household.id]));
    // A review takes the plan off the list.
    await manager.post(`/households/${late.household.id}/plan/reviews`, { date: "2026-11-20", autonomy: {} });
    expect((await listed(manager)).map((r) => r.householdId)).not.toContain(late.household.id);
  });
});

describe("who reads and changes a plan", () => {
  it("shows the team the goals and reviews, and another educator of the partner only the frame", async () => {
    const { household } = await newPlan();
    await educator.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-11-20",
      notes: "Colloquio di verifica (prova)",
      autonomy: { money_management: 2 },
    });
    const colleague = await ctx.loginAs("area_b_educator", "ETS-B1");
    const res = await colleague.get(`/households/${household.id}/plan`);
    expect(res.status).toBe(200);
    const seen = (await res.json()) as SupportPlan;
    expect(seen).toMatchObject({
      restricted: true,
      status: "active",
      goals: null,
      reviews: null,
      progress: null,
      intensity: "high",
      lastReviewDate: "2026-11-20",
      nextReviewDate: "2027-02-20",
    });
    expect(seen.team.map((m) => m.userId)).toEqual([educatorId, null]);
    const full = (await (await educator.get(`/households/${household.id}/plan`)).json()) as SupportPlan;
    expect(full.restricted).toBe(false);
    expect(full.reviews?.[0]?.notes).toBe("Colloquio di verifica (prova)");
    // The Comune's social workers read it all without being named.
    expect(
      ((await (await worker.get(`/households/${household.id}/plan`)).json()) as SupportPlan).goals,
    ).toEqual(full.goals);
  });

  it("lets only the team and the Comune's social workers replace the plan or review it (403 otherwise)", async () => {
    const { household, plan } = await newPlan();
    const colleague = await ctx.loginAs("area_b_educator", "ETS-B1");
    const replace = await put(colleague, household.id, { ...PLAN, version: plan.version, intensity: "low" });
    expect(replace.status).toBe(403);
    expect(((await replace.json()) as Problem).detail).toContain(
      "Only the household's team and the Comune's social workers",
    );
    const review = await colleague.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-11-20",
      autonomy: {},
    });
    expect(review.status).toBe(403);
    expect(
      await ctx.db.select().from(supportPlanReviews).where(eq(supportPlanReviews.planId, plan.id)),
    ).toEqual([]);
    const byWorker = await put(worker, household.id, { ...PLAN, version: plan.version, intensity: "low" });
    expect(byWorker.status).toBe(200);
    expect(await byWorker.json()).toMatchObject({ version: 2, intensity: "low", restricted: false });
  });

  it("lets whoever may write the household set the plan up; naming oneself puts one on the team", async () => {
    const household = await acceptedHousehold(ctx, manager);
    const admin = await ctx.loginAs("comune_admin");
    const created = await put(admin, household.id, planBody([]));
    expect(created.status).toBe(200);
    const plan = (await created.json()) as SupportPlan;
    expect(plan).toMatchObject({ restricted: true, goals: null });
    expect((await put(admin, household.id, { ...planBody([]), version: plan.version })).status).toBe(403);

    const colleague = await ctx.loginAs("area_b_educator", "ETS-B1");
    const fresh = await acceptedHousehold(ctx, manager);
    const mine = await put(colleague, fresh.id, {
      ...planBody([{ role: "educator", name: "Educatore di prova", userId: await accountId(colleague) }]),
    });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as SupportPlan).restricted).toBe(false);
  });

  it("names in the team only active accounts of the household's partner or of the Comune (422 naming team.N.userId)", async () => {
    const household = await acceptedHousehold(ctx, manager);
    const stranger = await accountId(otherManager);
    const workerId = await accountId(worker);
    const res = await put(
      manager,
      household.id,
      planBody([
        { role: "educator", name: "Educatrice di prova", userId: educatorId },
        { role: "mediator", name: "Mediatore di un altro ente", userId: stranger },
        { role: "psychologist", name: "Account inesistente", userId: "00000000-0000-4000-8000-000000000000" },
        // The partner does not see the Comune's accounts: the Comune names its own.
        { role: "social_worker", name: "Assistente sociale del Comune", userId: workerId },
      ]),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors.map((e) => e.path)).toEqual([
      "team.1.userId",
      "team.2.userId",
      "team.3.userId",
    ]);
    // The Comune sees every account, and may name only the partner's and its own.
    const byWorker = await put(
      worker,
      household.id,
      planBody([{ role: "mediator", name: "Mediatore di un altro ente", userId: stranger }]),
    );
    expect(((await byWorker.json()) as Problem).errors.map((e) => e.path)).toEqual(["team.0.userId"]);

    const retired = await ctx.loginAs("area_b_educator", "ETS-B1");
    const retiredId = await accountId(retired);
    const team = [
      { role: "educator", name: "Educatrice di prova", userId: educatorId },
      { role: "social_worker", name: "Assistente sociale del Comune", userId: workerId },
      { role: "volunteer", name: "Volontario di prova", userId: retiredId },
    ];
    const saved = await put(worker, household.id, planBody(team));
    expect(saved.status).toBe(200);
    const plan = (await saved.json()) as SupportPlan;
    await ctx.db.update(users).set({ active: false }).where(eq(users.id, retiredId));
    // Who is on the team stays there, seen or not, active or not; the partner may still edit the plan.
    const again = await put(manager, household.id, {
      ...planBody(team),
      version: plan.version,
      intensity: "low",
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as SupportPlan).team.map((m) => m.userId)).toEqual([
      educatorId,
      workerId,
      retiredId,
      null,
    ]);
    const other = await acceptedHousehold(ctx, manager);
    const anew = await put(
      manager,
      other.id,
      planBody([{ role: "volunteer", name: "Volontario", userId: retiredId }]),
    );
    expect(((await anew.json()) as Problem).errors.map((e) => e.path)).toEqual(["team.0.userId"]);
  });

  it("hides the goals from the team too when the household withdrew consent to special categories", async () => {
    const { household, plan } = await newPlan();
    await ctx.db
      .update(households)
      .set({ specialCategoriesWithdrawnAt: ctx.clock.now })
      .where(eq(households.id, household.id));
    const seen = (await (await educator.get(`/households/${household.id}/plan`)).json()) as SupportPlan;
    expect(seen).toMatchObject({ restricted: true, goals: null });
    expect((await put(educator, household.id, { ...PLAN, version: plan.version })).status).toBe(403);
    const dpo = await ctx.loginAs("comune_data_protection");
    expect(
      ((await (await dpo.get(`/households/${household.id}/plan`)).json()) as SupportPlan).restricted,
    ).toBe(false);
  });
});

describe("isolation and audit", () => {
  it("hides another partner's plan like a missing household, and refuses writes to it", async () => {
    const { household } = await newPlan("ETS-B2");
    const missing = await otherManager.get("/households/00000000-0000-4000-8000-000000000000/plan");
    const read = await manager.get(`/households/${household.id}/plan`);
    expect(read.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await put(manager, household.id, { ...planBody([]), version: 1 })).status).toBe(404);
    const review = await manager.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-11-01",
      autonomy: {},
    });
    expect(review.status).toBe(404);
    const reviews = await ctx.db
      .select()
      .from(supportPlanReviews)
      .where(eq(supportPlanReviews.householdId, household.id));
    expect(reviews).toEqual([]);
  });

  it("row-level security shows a partner none of another partner's plans or reviews", async () => {
    const { household } = await newPlan("ETS-B2");
    await otherManager.post(`/households/${household.id}/plan/reviews`, {
      date: "2026-11-01",
      autonomy: { work: 4 },
    });
    const actor = await ctx.actor("area_b_manager", "ETS-B1");
    const seen = await ctx.database.scoped(
      { organisationId: actor.organisationId, userId: actor.userId, sees: "organisation" },
      async (db) => ({
        plans: await db.select().from(supportPlans).where(eq(supportPlans.householdId, household.id)),
        reviews: await db
          .select()
          .from(supportPlanReviews)
          .where(eq(supportPlanReviews.householdId, household.id)),
      }),
    );
    expect(seen).toEqual({ plans: [], reviews: [] });
    // The owner sees both: the rows are there, the policies hide them.
    expect(
      await ctx.db.select().from(supportPlanReviews).where(eq(supportPlanReviews.householdId, household.id)),
    ).toHaveLength(1);
  });

  it("keeps every read of a plan in the audit trail under the household", async () => {
    const { household } = await newPlan();
    await educator.get(`/households/${household.id}/plan`);
    await educator.get(`/households/${household.reference}/plan`);
    const rows = await ctx.db
      .select({ action: auditEvents.action, role: auditEvents.actorRole })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "households"), eq(auditEvents.entityId, household.id)))
      .orderBy(auditEvents.seq);
    expect(rows.filter((r) => r.action.endsWith("/plan"))).toEqual([
      { action: "PUT /households/{id}/plan", role: "area_b_manager" },
      { action: "GET /households/{id}/plan", role: "area_b_educator" },
      { action: "GET /households/{id}/plan", role: "area_b_educator" },
    ]);
  });
});
