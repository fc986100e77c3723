// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caseload, CaseloadEntry } from "../../domain/support-plans/support-plan.schema.ts";
import { households } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { acceptedHousehold, accountId, householdOnPath } from "./care-fixtures.ts";
import { byUrgency } from "./caseload.service.ts";

let ctx: TestContext;
let manager: TestClient;
let educator: TestClient;
let educatorId: string;
let colleague: TestClient;
let colleagueId: string;
let otherManager: TestClient;
let worker: TestClient;
let workerId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  educatorId = await accountId(educator);
  colleague = await ctx.loginAs("area_b_educator", "ETS-B1");
  colleagueId = await accountId(colleague);
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  worker = await ctx.loginAs("comune_social_worker");
  workerId = await accountId(worker);
});
afterAll(() => ctx.close());

type Member = { role: string; name: string; userId: string };
type Action = { description: string; owner: string; dueDate: string; status?: string };

const action = (dueDate: string, status = "open"): Action => ({
  description: "Azione di prova",
  owner: "Educatrice",
  dueDate,
  status,
});

/** A household the manager took on (referred on 1 January 2026) with a plan naming `team`. */
async function plannedHousehold(options: { team: Member[]; startDate: string; actions?: Action[] }) {
  const { team, startDate, actions = [] } = options;
  const household = await acceptedHousehold(ctx, manager, { referredOn: "2026-01-01" });
  const res = await manager.request("PUT", `/households/${household.id}/plan`, {
    version: 0,
    startDate,
    intensity: "medium",
    team,
    goals: [{ domain: "housing", description: "Mantenere l'alloggio", actions }],
  });
  expect(res.status).toBe(200);
  return household;
}

const caseloadOf = async (client: TestClient) => {
  const res = await client.get("/caseload");
  expect(res.status).toBe(200);
  return (await res.json()) as Caseload;
};

describe("the caseload (I miei nuclei)", () => {
  it("lists the households where the caller is named, most urgent first, with what is late", async () => {
    const educatorAs = (role: string) => ({ role, name: "Educatrice di prova", userId: educatorId });
    const lateReview = await plannedHousehold({
      team: [educatorAs("educator")],
      startDate: "2026-06-01",
      actions: [action("2026-10-01"), action("2026-12-31"), action("2026-09-01", "done")],
    });
    const lateActions = await plannedHousehold({
      team: [educatorAs("mediator")],
      startDate: "2026-10-01",
      actions: [action("2026-11-01"), action("2026-11-21"), action("2026-11-22")],
    });
    const onTime = await plannedHousehold({ team: [educatorAs("educator")], startDate: "2026-11-01" });
    const colleagues = await plannedHousehold({
      team: [{ role: "educator", name: "Collega", userId: colleagueId }],
      startDate: "2026-11-01",
    });
    await educator.post(`/households/${lateReview.id}/interventions`, {
      date: "2026-11-10",
      minutes: 30,
      type: "interview",
    });
    await educator.post(`/households/${lateReview.id}/interventions`, {
      date: "2026-10-02",
      minutes: 30,
      type: "phone_call",
    });

    const mine = await caseloadOf(educator);
    expect(mine.items.map((i) => i.householdId)).toEqual([lateReview.id, lateActions.id, onTime.id]);
    expect(mine.total).toBe(3);
    expect(mine.items[0]).toEqual({
      householdId: lateReview.id,
      householdReference: lateReview.reference,
      headName: expect.stringMatching(/ Fittizi$/),
      status: "referred",
      teamRole: "educator",
      nextReviewDate: "2026-09-01",
      reviewDaysOverdue: 82,
      openActions: 2,
      overdueActions: 1,
      lastInterventionDate: "2026-11-10",
    });
    expect(mine.items[1]).toMatchObject({
      teamRole: "mediator",
      nextReviewDate: "2027-01-01",
      reviewDaysOverdue: 0,
      openActions: 3,
      overdueActions: 2,
      lastInterventionDate: null,
    });
    expect((await caseloadOf(colleague)).items.map((i) => i.householdId)).toEqual([colleagues.id]);
    // The manager accepted all four referrals: on each team, with no role in a plan.
    const managers = await caseloadOf(manager);
    expect(managers.items.map((i) => i.householdId)).toEqual(
      expect.arrayContaining([lateReview.id, lateActions.id, onTime.id, colleagues.id]),
    );
    expect(new Set(managers.items.map((i) => i.teamRole))).toEqual(new Set([null]));
  });

  it("counts no actions where the household withdrew consent to special categories", async () => {
    const household = await plannedHousehold({
      team: [{ role: "educator", name: "Collega", userId: colleagueId }],
      startDate: "2026-11-01",
      actions: [action("2026-11-01")],
    });
    await ctx.db
      .update(households)
      .set({ specialCategoriesWithdrawnAt: ctx.clock.now })
      .where(eq(households.id, household.id));
    const entry = (await caseloadOf(colleague)).items.find((i) => i.householdId === household.id);
    expect(entry).toMatchObject({ openActions: 0, overdueActions: 0, nextReviewDate: "2027-02-01" });
  });

  it("gives a household accepted without a plan yet, and leaves out those that left the programme", async () => {
    const manager2 = await ctx.loginAs("area_b_manager", "ETS-B1");
    const waiting = await acceptedHousehold(ctx, manager2);
    const exited = await householdOnPath(ctx, manager2, { referredOn: "2026-01-01" });
    expect(
      (
        await manager2.post(`/households/${exited.id}/exit`, {
          date: "2026-11-01",
          planned: true,
          destination: "public_housing",
        })
      ).status,
    ).toBe(201);
    expect((await caseloadOf(manager2)).items).toEqual([
      expect.objectContaining({
        householdId: waiting.id,
        teamRole: null,
        nextReviewDate: null,
        reviewDaysOverdue: 0,
        openActions: 0,
      }),
    ]);
  });

  it("gives a Comune social worker the households where it is named, of any partner; a partner only its own", async () => {
    // A partner does not see the Comune's accounts, so cannot name them: the Comune names itself.
    const named = [];
    for (const [partnerCode, partnerManager] of [
      ["ETS-B1", manager],
      ["ETS-B2", otherManager],
    ] as const) {
      const household = await acceptedHousehold(ctx, partnerManager, { partnerCode });
      const res = await worker.request("PUT", `/households/${household.id}/plan`, {
        version: 0,
        startDate: "2026-11-01",
        intensity: "low",
        team: [{ role: "social_worker", name: "Assistente sociale", userId: workerId }],
      });
      expect(res.status).toBe(200);
      named.push(household.id);
    }
    const items = (await caseloadOf(worker)).items;
    expect(items.map((i) => i.householdId).sort()).toEqual([...named].sort());
    expect(items.every((i) => i.teamRole === "social_worker")).toBe(true);
    expect((await caseloadOf(await ctx.loginAs("comune_social_worker"))).items).toEqual([]);
    const others = (await caseloadOf(otherManager)).items.map((i) => i.householdId);
    expect(others).toContain(named[1]);
    expect(others).not.toContain(named[0]);
  });
});

describe("byUrgency", () => {
  const entry = (reference: string, reviewDaysOverdue: number, overdueActions: number) =>
    ({ householdReference: reference, reviewDaysOverdue, overdueActions }) as CaseloadEntry;
  it.each([
    ["the later review first", entry("NUC-2026-00002", 10, 0), entry("NUC-2026-00001", 3, 9)],
    ["then more overdue actions", entry("NUC-2026-00002", 3, 2), entry("NUC-2026-00001", 3, 1)],
    ["then the reference", entry("NUC-2026-00001", 0, 0), entry("NUC-2026-00002", 0, 0)],
  ])("%s", (_label, first, second) => {
    expect([second, first].sort(byUrgency)).toEqual([first, second]);
  });
});
