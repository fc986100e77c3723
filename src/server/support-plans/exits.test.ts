// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExitRecord } from "../../domain/households/exit.ts";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import {
  householdConsents,
  householdEvents,
  householdExits,
  householdFollowUps,
  supportPlans,
} from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { householdOnPath, type Problem } from "./care-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let educator: TestClient;
let otherManager: TestClient;
let worker: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  worker = await ctx.loginAs("comune_social_worker");
});
afterAll(() => ctx.close());

// Today is 22 November 2026 (the test clock); these households entered the programme on 1 November 2024.
const EXIT = {
  date: "2024-12-10",
  planned: true,
  destination: "market_rent",
  note: "Contratto sul mercato (prova)",
};

const exitOf = (client: TestClient, id: string, body: unknown = EXIT) =>
  client.post(`/households/${id}/exit`, body);
const followUp = (client: TestClient, id: string, months: number | string, body: unknown) =>
  client.request("PUT", `/households/${id}/follow-ups/${months}`, body);

async function exitingHousehold(partnerCode = "ETS-B1") {
  const partnerManager = partnerCode === "ETS-B1" ? manager : otherManager;
  return householdOnPath(ctx, partnerManager, { partnerCode, referredOn: "2024-11-01" });
}

async function exitedHousehold(partnerCode = "ETS-B1", body: object = EXIT) {
  const household = await exitingHousehold(partnerCode);
  const res = await exitOf(partnerCode === "ETS-B1" ? manager : otherManager, household.id, body);
  expect(res.status).toBe(201);
  return household;
}

/** Consents to follow-up contacts: each given on a day and maybe withdrawn. */
async function followUpConsents(householdId: string, ...withdrawn: boolean[]) {
  await ctx.db.insert(householdConsents).values(
    withdrawn.map((w) => ({
      householdId,
      purpose: "follow_up_contact",
      givenOn: "2024-11-01",
      recordedAt: ctx.clock.now,
      ...(w ? { withdrawnOn: "2025-01-10", withdrawnAt: ctx.clock.now } : {}),
    })),
  );
}

describe("the exit", () => {
  it("schedules the follow-ups, closes the plan and moves the household to exited, together", async () => {
    const household = await exitingHousehold();
    const plan = await manager.request("PUT", `/households/${household.id}/plan`, {
      version: 0,
      startDate: "2024-11-15",
      intensity: "low",
    });
    expect(plan.status).toBe(200);
    const res = await exitOf(educator, household.reference);
    expect(res.status).toBe(201);
    const exit = (await res.json()) as ExitRecord;
    expect(exit).toEqual({
      ...EXIT,
      followUps: [
        { months: 6, dueDate: "2025-06-10", contactedOn: null, situation: null, note: "", overdue: true },
        { months: 12, dueDate: "2025-12-10", contactedOn: null, situation: null, note: "", overdue: true },
        { months: 24, dueDate: "2026-12-10", contactedOn: null, situation: null, note: "", overdue: false },
      ],
      returned: null,
      sustainedAt12Months: null,
    });
    expect(await (await manager.get(`/households/${household.id}/exit`)).json()).toEqual(exit);
    const detail = (await (await manager.get(`/households/${household.id}`)).json()) as HouseholdDetail;
    expect(detail.status).toBe("exited");
    const events = await ctx.db
      .select({ from: householdEvents.fromStatus, to: householdEvents.toStatus })
      .from(householdEvents)
      .where(eq(householdEvents.householdId, household.id));
    expect(events.at(-1)).toEqual({ from: "exiting", to: "exited" });
    const plans = await ctx.db
      .select({ status: supportPlans.status })
      .from(supportPlans)
      .where(eq(supportPlans.householdId, household.id));
    expect(plans).toEqual([{ status: "closed" }]);
    expect((await manager.get(`/households/${household.id}/plan`)).status).toBe(404);
  });

  it("is refused from a status that does not lead to exited (409 naming to), and only once", async () => {
    const housed = await householdOnPath(ctx, manager, { referredOn: "2024-11-01", until: "housed" });
    const res = await exitOf(manager, housed.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).errors).toEqual([
      { path: "to", message: "A household cannot go from housed to exited; allowed: exiting" },
    ]);
    const exited = await exitedHousehold();
    const again = await exitOf(manager, exited.id);
    expect(again.status).toBe(409);
    expect(((await again.json()) as Problem).errors[0]?.path).toBe("to");
    const exits = await ctx.db.select().from(householdExits).where(eq(householdExits.householdId, exited.id));
    expect(exits).toHaveLength(1);
  });

  it("refuses a date before the referral or in the future, naming date, and changes nothing", async () => {
    const household = await exitingHousehold();
    const early = await exitOf(manager, household.id, { ...EXIT, date: "2024-10-31" });
    expect(early.status).toBe(422);
    expect(((await early.json()) as Problem).errors).toEqual([
      { path: "date", message: "The exit cannot come before the referral (2024-11-01)" },
    ]);
    const future = await exitOf(manager, household.id, { ...EXIT, date: "2026-11-23" });
    expect(future.status).toBe(422);
    expect(((await future.json()) as Problem).errors[0]?.path).toBe("date");
    const invalid = await exitOf(manager, household.id, { date: "2026-11-01", destination: "moon" });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as Problem).errors.map((e) => e.path)).toEqual(["planned", "destination"]);
    expect(
      ((await (await manager.get(`/households/${household.id}`)).json()) as HouseholdDetail).status,
    ).toBe("exiting");
    expect((await manager.get(`/households/${household.id}/exit`)).status).toBe(404);
  });
});

describe("the follow-ups", () => {
  it("record what the contact found: returned, sustained at 12 months", async () => {
    const household = await exitedHousehold();
    const at6 = await followUp(educator, household.id, 6, {
      contactedOn: "2025-06-12",
      situation: "same_home",
    });
    expect(at6.status).toBe(200);
    expect(await at6.json()).toMatchObject({ returned: false, sustainedAt12Months: null });
    const at12 = await followUp(manager, household.id, "12", {
      contactedOn: "2025-12-20",
      situation: "homeless",
      note: "Perso l'alloggio (prova)",
    });
    const exit = (await at12.json()) as ExitRecord;
    expect(exit).toMatchObject({ returned: true, sustainedAt12Months: false });
    expect(exit.followUps[1]).toEqual({
      months: 12,
      dueDate: "2025-12-10",
      contactedOn: "2025-12-20",
      situation: "homeless",
      note: "Perso l'alloggio (prova)",
      overdue: false,
    });
    // A contact may be corrected.
    const corrected = await followUp(manager, household.id, 12, {
      contactedOn: "2025-12-20",
      situation: "with_family",
    });
    expect(await corrected.json()).toMatchObject({ returned: false, sustainedAt12Months: true });
  });

  it("refuses a contact before the exit or in the future naming contactedOn, and months other than 6, 12, 24", async () => {
    const household = await exitedHousehold();
    const early = await followUp(manager, household.id, 6, {
      contactedOn: "2024-12-09",
      situation: "same_home",
    });
    expect(early.status).toBe(422);
    expect(((await early.json()) as Problem).errors).toEqual([
      { path: "contactedOn", message: "The contact cannot come before the exit (2024-12-10)" },
    ]);
    const future = await followUp(manager, household.id, 24, {
      contactedOn: "2026-12-10",
      situation: "same_home",
    });
    expect(((await future.json()) as Problem).errors.map((e) => e.path)).toEqual(["contactedOn"]);
    const seven = await followUp(manager, household.id, 7, {
      contactedOn: "2025-07-10",
      situation: "same_home",
    });
    expect(seven.status).toBe(400);
    expect(((await seven.json()) as Problem).errors.map((e) => e.path)).toEqual(["months"]);
    const recorded = await ctx.db
      .select()
      .from(householdFollowUps)
      .where(and(eq(householdFollowUps.householdId, household.id)));
    expect(recorded.every((f) => f.contactedOn === null)).toBe(true);
  });

  it("needs an exit first", async () => {
    const household = await exitingHousehold();
    const res = await followUp(manager, household.id, 6, {
      contactedOn: "2025-06-12",
      situation: "same_home",
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).detail).toBe("The household has not exited the programme");
  });

  it("are refused (409) once the household withdrew its consent to be contacted, not while one is in force", async () => {
    const withdrawn = await exitedHousehold();
    await followUpConsents(withdrawn.id, true);
    const res = await followUp(manager, withdrawn.id, 6, {
      contactedOn: "2025-06-12",
      situation: "same_home",
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).detail).toBe(
      "The household withdrew its consent to follow-up contacts",
    );
    const givenAgain = await exitedHousehold();
    await followUpConsents(givenAgain.id, true, false);
    expect(
      (await followUp(manager, givenAgain.id, 6, { contactedOn: "2025-06-12", situation: "same_home" }))
        .status,
    ).toBe(200);
  });

  it("due within 30 days or overdue are listed for the caller's households, leaving out who refused contact", async () => {
    const mine = await exitedHousehold();
    const recent = await exitedHousehold("ETS-B1", { ...EXIT, date: "2026-06-01" });
    const refused = await exitedHousehold();
    await followUpConsents(refused.id, true);
    const theirs = await exitedHousehold("ETS-B2");
    await followUp(manager, mine.id, 6, { contactedOn: "2025-06-12", situation: "same_home" });
    type Due = {
      householdId: string;
      householdReference: string;
      months: number;
      dueDate: string;
      overdue: boolean;
    };
    const due = async (client: TestClient) => {
      const res = await client.get("/follow-ups/due");
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Due[]; total: number }).items;
    };
    const listed = await due(manager);
    expect(listed.filter((d) => d.householdId === mine.id)).toEqual([
      {
        householdId: mine.id,
        householdReference: mine.reference,
        months: 12,
        dueDate: "2025-12-10",
        overdue: true,
      },
      {
        householdId: mine.id,
        householdReference: mine.reference,
        months: 24,
        dueDate: "2026-12-10",
        overdue: false,
      },
    ]);
    // The exit of 1 June 2026 has its 6-month contact on 1 December 2026, within 30 days.
    expect(listed.filter((d) => d.householdId === recent.id)).toEqual([
      expect.objectContaining({ months: 6, dueDate: "2026-12-01", overdue: false }),
    ]);
    expect(listed.map((d) => d.householdId)).not.toContain(refused.id);
    expect(listed.map((d) => d.householdId)).not.toContain(theirs.id);
    expect(listed.map((d) => d.dueDate)).toEqual([...listed.map((d) => d.dueDate)].sort());
    expect((await due(otherManager)).map((d) => d.householdId)).toEqual([theirs.id, theirs.id, theirs.id]);
    expect((await due(worker)).map((d) => d.householdId)).toEqual(
      expect.arrayContaining([mine.id, theirs.id]),
    );
  });
});

describe("isolation", () => {
  it("answers for another partner's household exactly as for a missing one", async () => {
    const theirs = await exitingHousehold("ETS-B2");
    const missing = "00000000-0000-4000-8000-000000000000";
    const calls: [string, string, unknown][] = [
      ["POST", "exit", EXIT],
      ["GET", "exit", undefined],
      ["PUT", "follow-ups/6", { contactedOn: "2025-06-12", situation: "same_home" }],
    ];
    for (const [method, path, body] of calls) {
      const other = await manager.request(method, `/households/${theirs.id}/${path}`, body);
      const none = await manager.request(method, `/households/${missing}/${path}`, body);
      expect(other.status).toBe(404);
      expect((await other.text()).replace(theirs.id, missing)).toBe(await none.text());
    }
    expect(
      await ctx.db.select().from(householdExits).where(eq(householdExits.householdId, theirs.id)),
    ).toEqual([]);
  });
});
