// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InterventionRecord } from "../../domain/support-plans/intervention.schema.ts";
import { auditEvents, supportInterventions } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { acceptedHousehold, accountId, type Problem } from "./care-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let educator: TestClient;
let colleague: TestClient;
let otherManager: TestClient;
let worker: TestClient;
let educatorName: string;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  colleague = await ctx.loginAs("area_b_educator", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  worker = await ctx.loginAs("comune_social_worker");
  educatorName = ((await (await educator.get("/auth/me")).json()) as { name: string }).name;
});
afterAll(() => ctx.close());

type InterventionList = { items: InterventionRecord[]; total: number; totalMinutes: number };

const VISIT = {
  date: "2026-11-20",
  minutes: 60,
  type: "home_visit",
  note: "Visita domiciliare di prova: la casa è in ordine.",
};

/** A household referred on 1 October 2026, taken on by the manager, whose plan names the educator. */
async function followedHousehold(partnerCode = "ETS-B1") {
  const partnerManager = partnerCode === "ETS-B1" ? manager : otherManager;
  const household = await acceptedHousehold(ctx, partnerManager, { partnerCode, referredOn: "2026-10-01" });
  const team =
    partnerCode === "ETS-B1"
      ? [{ role: "educator", name: "Educatrice", userId: await accountId(educator) }]
      : [];
  const plan = await partnerManager.request("PUT", `/households/${household.id}/plan`, {
    version: 0,
    startDate: "2026-10-15",
    intensity: "medium",
    team,
  });
  expect(plan.status).toBe(200);
  return household;
}

const log = (client: TestClient, id: string, body: unknown) =>
  client.post(`/households/${id}/interventions`, body);
const list = async (client: TestClient, id: string, query = "") => {
  const res = await client.get(`/households/${id}/interventions${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as InterventionList;
};

describe("the interventions log", () => {
  it("is written by the team and the Comune's social workers, and listed newest first with the minutes", async () => {
    const household = await followedHousehold();
    const res = await log(educator, household.reference, VISIT);
    expect(res.status).toBe(201);
    const visit = (await res.json()) as InterventionRecord;
    expect(visit).toMatchObject({ ...VISIT, staffName: "", recordedBy: educatorName });
    expect(visit.recordedAt).toBe(ctx.clock.now.toISOString());
    expect(
      (await log(manager, household.id, { date: "2026-10-01", minutes: 30, type: "interview" })).status,
    ).toBe(201);
    expect(
      (
        await log(worker, household.id, {
          date: "2026-11-22",
          minutes: 15,
          type: "phone_call",
          staffName: "Volontaria",
        })
      ).status,
    ).toBe(201);
    const all = await list(educator, household.id);
    expect(all.items.map((i) => i.date)).toEqual(["2026-11-22", "2026-11-20", "2026-10-01"]);
    expect(all).toMatchObject({ total: 3, totalMinutes: 105 });
    expect(all.items[0]?.staffName).toBe("Volontaria");
    const page = await list(educator, household.id, "?limit=1&offset=1");
    expect(page.items.map((i) => i.id)).toEqual([visit.id]);
    expect(page).toMatchObject({ total: 3, totalMinutes: 105 });
  });

  it("shows another educator of the partner the log without its notes, and refuses its entries (403)", async () => {
    const household = await followedHousehold();
    await log(educator, household.id, VISIT);
    const seen = await list(colleague, household.id);
    expect(seen.items).toEqual([
      expect.objectContaining({ date: VISIT.date, type: "home_visit", note: null }),
    ]);
    const refused = await log(colleague, household.id, VISIT);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).detail).toBe(
      "Only the household's team and the Comune's social workers may log interventions",
    );
    expect((await list(worker, household.id)).items[0]?.note).toBe(VISIT.note);
  });

  it("refuses a date in the future or before the referral, naming date", async () => {
    const household = await followedHousehold();
    const future = await log(educator, household.id, { ...VISIT, date: "2026-11-23" });
    expect(future.status).toBe(422);
    expect(((await future.json()) as Problem).errors).toEqual([
      { path: "date", message: "An intervention cannot be dated in the future" },
    ]);
    const early = await log(educator, household.id, { ...VISIT, date: "2026-09-30" });
    expect(early.status).toBe(422);
    expect(((await early.json()) as Problem).errors).toEqual([
      { path: "date", message: "An intervention cannot come before the referral (2026-10-01)" },
    ]);
    expect((await list(educator, household.id)).total).toBe(0);
  });

  it("refuses invalid fields naming each", async () => {
    const household = await followedHousehold();
    const res = await log(educator, household.id, { date: "20/11/2026", minutes: 0, type: "dance" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors.map((e) => e.path)).toEqual(["date", "minutes", "type"]);
    expect((await educator.get(`/households/${household.id}/interventions?limit=0`)).status).toBe(400);
  });
});

describe("isolation and audit", () => {
  it("answers for another partner's household exactly as for a missing one", async () => {
    const household = await followedHousehold("ETS-B2");
    expect((await log(otherManager, household.id, VISIT)).status).toBe(201);
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const [method, body] of [
      ["GET", undefined],
      ["POST", VISIT],
    ] as const) {
      const theirs = await manager.request(method, `/households/${household.id}/interventions`, body);
      const none = await manager.request(method, `/households/${missing}/interventions`, body);
      expect(theirs.status).toBe(404);
      expect((await theirs.text()).replace(household.id, missing)).toBe(await none.text());
    }
    const rows = await ctx.db
      .select()
      .from(supportInterventions)
      .where(eq(supportInterventions.householdId, household.id));
    expect(rows).toHaveLength(1);
    const actor = await ctx.actor("area_b_manager", "ETS-B1");
    const seen = await ctx.database.scoped(
      { organisationId: actor.organisationId, userId: actor.userId, sees: "organisation" },
      (db) =>
        db.select().from(supportInterventions).where(eq(supportInterventions.householdId, household.id)),
    );
    expect(seen).toEqual([]);
  });

  it("keeps every read and entry of the log in the audit trail under the household", async () => {
    const household = await followedHousehold();
    await log(educator, household.reference, VISIT);
    await colleague.get(`/households/${household.reference}/interventions`);
    const rows = await ctx.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "households"), eq(auditEvents.entityId, household.id)))
      .orderBy(auditEvents.seq);
    expect(rows.filter((r) => r.action.endsWith("/interventions"))).toEqual([
      { action: "POST /households/{id}/interventions", outcome: "success" },
      { action: "GET /households/{id}/interventions", outcome: "success" },
    ]);
  });
});
