// SPDX-License-Identifier: EUPL-1.2

import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../domain/auth/roles.ts";
import type {
  HouseholdDetail,
  HouseholdSummary,
  ReferralDetail,
  ReferralView,
  TimelineEntry,
} from "../../domain/households/household-api.schema.ts";
import { auditEvents } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let startedAt: Date;
beforeAll(async () => {
  ctx = await createTestContext();
  startedAt = ctx.clock.now;
});
afterAll(() => ctx.close());
afterEach(() => {
  ctx.clock.now = startedAt;
});

type Problem = { errors: { path: string; message: string }[] };
const pathsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.path);
const DAY_MS = 86_400_000;
const laterBy = (days: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + days * DAY_MS);
};
/** A fresh session (a jump of the clock times sessions out). */
const signedIn = (role: Role, organisationCode?: string) => ctx.loginAs(role, organisationCode);
const report = { situation: "Situazione di prova.", reasons: "Motivi di prova.", urgency: "ordinary" };

const referralsOf = async (client: TestClient, query = "") => {
  const res = await client.get(`/referrals${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { items: ReferralView[]; total: number };
};

describe("deadlines", () => {
  it("sets the due time to the referral time plus the days to answer (15 unless given)", async () => {
    const worker = await signedIn("comune_social_worker");
    for (const [dueDays, expected] of [
      [undefined, 15],
      [1, 1],
      [60, 60],
    ] as const) {
      const res = await worker.post("/referrals", {
        household: ctx.householdInput(),
        partnerCode: "ETS-B1",
        report,
        ...(dueDays === undefined ? {} : { dueDays }),
      });
      expect(res.status).toBe(201);
      const { referral } = (await res.json()) as { referral: ReferralView };
      expect(referral.referredAt).toBe(ctx.clock.now.toISOString());
      expect(Date.parse(referral.dueAt) - Date.parse(referral.referredAt)).toBe(expected * DAY_MS);
    }
  });

  it.each([0, 61, 2.5, "10"])("refuses %j days to answer with 400 naming dueDays", async (dueDays) => {
    const worker = await signedIn("comune_social_worker");
    const res = await worker.post("/referrals", {
      household: ctx.householdInput(),
      partnerCode: "ETS-B1",
      report,
      dueDays,
    });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["dueDays"]);
  });

  it("lists the overdue referrals: pending and past their due time, for the Comune and for the partner", async () => {
    const late = await ctx.newHousehold({ partnerCode: "ETS-B3", dueDays: 5 });
    const onTime = await ctx.newHousehold({ partnerCode: "ETS-B3", dueDays: 30 });
    const answered = await ctx.newHousehold({ partnerCode: "ETS-B3", dueDays: 5 });
    const manager = await signedIn("area_b_manager", "ETS-B3");
    expect((await manager.post(`/referrals/${answered.referral.id}/accept`)).status).toBe(200);

    laterBy(5);
    // Exactly at the due time it is not late yet.
    const atDue = await referralsOf(await signedIn("comune_social_worker"), "?overdue=true");
    expect(atDue.items.map((r) => r.id)).not.toContain(late.referral.id);

    laterBy(1);
    for (const client of [
      await signedIn("comune_social_worker"),
      await signedIn("area_b_manager", "ETS-B3"),
    ]) {
      const overdue = await referralsOf(client, "?overdue=true&limit=500");
      const ids = overdue.items.map((r) => r.id);
      expect(ids).toContain(late.referral.id);
      expect(ids).not.toContain(onTime.referral.id);
      expect(ids).not.toContain(answered.referral.id);
      expect(overdue.items.every((r) => r.overdue && r.status === "pending")).toBe(true);
      expect(overdue.total).toBe(overdue.items.length);

      const others = await referralsOf(client, "?overdue=false&limit=500");
      expect(others.items.map((r) => r.id)).toEqual(
        expect.arrayContaining([onTime.referral.id, answered.referral.id]),
      );
      expect(others.items.some((r) => r.overdue)).toBe(false);
    }
    const households = (await (
      await (await signedIn("comune_social_worker")).get("/households?limit=500")
    ).json()) as {
      items: HouseholdSummary[];
    };
    const flag = (id: string) => households.items.find((h) => h.id === id)?.overdueReferral;
    expect([flag(late.household.id), flag(onTime.household.id), flag(answered.household.id)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe("the partner's inbox", () => {
  it("shows a partner only the referrals to it, soonest due first; the Comune sees them all", async () => {
    const toB1 = await ctx.newHousehold({ partnerCode: "ETS-B1", dueDays: 20 });
    const toB1Sooner = await ctx.newHousehold({ partnerCode: "ETS-B1", dueDays: 3 });
    const toB2 = await ctx.newHousehold({ partnerCode: "ETS-B2" });
    const b1 = await referralsOf(await signedIn("area_b_manager", "ETS-B1"), "?limit=500");
    expect(new Set(b1.items.map((r) => r.partner.code))).toEqual(new Set(["ETS-B1"]));
    const ids = b1.items.map((r) => r.id);
    expect(ids.indexOf(toB1Sooner.referral.id)).toBeLessThan(ids.indexOf(toB1.referral.id));
    expect(ids).not.toContain(toB2.referral.id);
    const educatorView = await referralsOf(await signedIn("area_b_educator", "ETS-B1"), "?limit=500");
    expect(educatorView.items.map((r) => r.id)).toEqual(ids);
    const all = await referralsOf(await signedIn("comune_admin"), "?limit=500");
    expect(all.items.map((r) => r.id)).toEqual(
      expect.arrayContaining([toB1.referral.id, toB1Sooner.referral.id, toB2.referral.id]),
    );
    expect(all.items.find((r) => r.id === toB2.referral.id)).toEqual({
      id: toB2.referral.id,
      householdId: toB2.household.id,
      householdReference: toB2.household.reference,
      partner: { code: "ETS-B2", name: "Fondazione Fittizia Porte Amiche (demo)" },
      referredAt: ctx.clock.now.toISOString(),
      dueAt: new Date(ctx.clock.now.getTime() + 15 * DAY_MS).toISOString(),
      overdue: false,
      status: "pending",
      urgency: "ordinary",
      targetGroup: "monoparentale",
      category: "calmierato_ridotto",
      answeredAt: null,
      returnReason: null,
    });
  });

  it("filters by status and refuses an unknown one with 400", async () => {
    const worker = await signedIn("comune_social_worker");
    const accepted = await ctx.newHousehold();
    const manager = await signedIn("area_b_manager", "ETS-B1");
    await manager.post(`/referrals/${accepted.referral.id}/accept`);
    const list = await referralsOf(worker, "?status=accepted&limit=500");
    expect(list.items.map((r) => r.id)).toContain(accepted.referral.id);
    expect(list.items.every((r) => r.status === "accepted")).toBe(true);
    const res = await worker.get("/referrals?status=lost");
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["status"]);
  });
});

describe("answering a referral", () => {
  it("accepts once: a second answer is 409", async () => {
    const { referral } = await ctx.newHousehold();
    const manager = await signedIn("area_b_manager", "ETS-B1");
    const first = await manager.post(`/referrals/${referral.id}/accept`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "accepted", overdue: false, returnReason: null });
    for (const [path, body] of [
      [`/referrals/${referral.id}/accept`, undefined],
      [`/referrals/${referral.id}/return`, { reason: "Ripensamento" }],
    ] as const) {
      const again = await manager.post(path, body);
      expect(again.status).toBe(409);
      expect(await pathsOf(again)).toEqual(["status"]);
    }
  });

  it("returns with a reason: the partner loses sight of the household, the Comune refers it again", async () => {
    const { referral, household } = await ctx.newHousehold({ partnerCode: "ETS-B1" });
    const manager = await signedIn("area_b_manager", "ETS-B1");
    expect((await manager.post(`/referrals/${referral.id}/return`, { reason: " " })).status).toBe(400);

    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000); // a minute later (the timeline's order)
    const res = await manager.post(`/referrals/${referral.id}/return`, { reason: "Nessun alloggio adatto" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: referral.id,
      status: "returned",
      returnReason: "Nessun alloggio adatto",
      answeredAt: ctx.clock.now.toISOString(),
    });
    // Gone from the partner's sight, as if it never existed.
    for (const path of [`/households/${household.id}`, `/households/${household.id}/timeline`]) {
      expect((await manager.get(path)).status).toBe(404);
    }
    expect((await manager.post(`/referrals/${referral.id}/accept`)).status).toBe(404);
    expect((await manager.patch(`/households/${household.id}`, { version: 2, phone: "" })).status).toBe(404);
    expect((await referralsOf(manager, "?limit=500")).items.map((r) => r.id)).not.toContain(referral.id);
    const listed = (await (await manager.get("/households?limit=500")).json()) as {
      items: HouseholdSummary[];
    };
    expect(listed.items.map((h) => h.id)).not.toContain(household.id);

    // The Comune sees it back, without a partner, and refers it again.
    const worker = await signedIn("comune_social_worker");
    const back = (await (await worker.get(`/households/${household.id}`)).json()) as HouseholdDetail;
    expect(back).toMatchObject({ status: "referred", partner: null, version: 2 });
    expect((await referralsOf(worker, "?status=returned&limit=500")).items.map((r) => r.id)).toContain(
      referral.id,
    );
    const wrongCategory = await worker.post(`/households/${household.id}/referrals`, {
      partnerCode: "ETS-B2",
      report,
    });
    expect(wrongCategory.status).toBe(422);
    expect(await pathsOf(wrongCategory)).toEqual(["partnerCode"]);

    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    const again = await worker.post(`/households/${household.id}/referrals`, {
      partnerCode: "ETS-B3",
      report,
      dueDays: 7,
    });
    expect(again.status).toBe(201);
    const second = (await again.json()) as ReferralView;
    expect(second).toMatchObject({
      status: "pending",
      partner: { code: "ETS-B3" },
      householdId: household.id,
    });
    const twice = await worker.post(`/households/${household.id}/referrals`, {
      partnerCode: "ETS-B1",
      report,
    });
    expect(twice.status).toBe(409);
    expect(await pathsOf(twice)).toEqual(["partnerCode"]);

    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    const b3 = await signedIn("area_b_manager", "ETS-B3");
    expect((await referralsOf(b3, "?status=pending&limit=500")).items.map((r) => r.id)).toContain(second.id);
    expect((await b3.post(`/referrals/${second.id}/accept`)).status).toBe(200);
    expect(
      ((await (await b3.get(`/households/${household.id}`)).json()) as HouseholdDetail).partner?.code,
    ).toBe("ETS-B3");
    // B1, which returned it, still sees nothing of it.
    expect((await manager.get(`/households/${household.id}`)).status).toBe(404);

    const timeline = (await (await worker.get(`/households/${household.id}/timeline`)).json()) as {
      items: TimelineEntry[];
    };
    expect(timeline.items.map((e) => [e.kind, e.from, e.to, e.note])).toEqual([
      ["status", null, "referred", ""],
      ["referral", null, "pending", "Referred to Cooperativa Fittizia Casa Aperta (demo)"],
      ["referral", "pending", "returned", "Nessun alloggio adatto"],
      ["referral", null, "pending", "Referred to Associazione Fittizia Tetto Comune (demo)"],
      ["referral", "pending", "accepted", ""],
    ]);
  });

  it("answers 404 for a referral that does not exist or is not a uuid", async () => {
    const manager = await signedIn("area_b_manager", "ETS-B1");
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await manager.post(`/referrals/${id}/accept`)).status).toBe(404);
      expect((await manager.post(`/referrals/${id}/return`, { reason: "x" })).status).toBe(404);
    }
  });
});

describe("the social report of a referral", () => {
  const reportOf = async (client: TestClient, id: string) => {
    const res = await client.get(`/referrals/${id}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as ReferralDetail).report;
  };

  it("is read by the managers deciding on it, then by the team; the Comune's social workers and data protection always", async () => {
    const { referral, household } = await ctx.newHousehold({
      partnerCode: "ETS-B1",
      report: { situation: "Situazione riservata di prova.", urgency: "urgent" },
    });
    const expected = {
      situation: "Situazione riservata di prova.",
      reasons: "Nucleo monoparentale con reddito insufficiente (dati di prova).",
      servicesInvolved: "Servizio sociale professionale (prova)",
      urgency: "urgent",
    };
    const deciding = await signedIn("area_b_manager", "ETS-B1");
    const colleague = await signedIn("area_b_manager", "ETS-B1");
    const educator = await signedIn("area_b_educator", "ETS-B1");
    const worker = await signedIn("comune_social_worker");
    const admin = await signedIn("comune_admin");
    const dpo = await signedIn("comune_data_protection");
    const detail = (await (await deciding.get(`/referrals/${referral.id}`)).json()) as ReferralDetail;
    expect(detail).toMatchObject({ id: referral.id, householdId: household.id, status: "pending" });

    const whilePending: [string, TestClient, boolean][] = [
      ["deciding manager", deciding, true],
      ["another manager of the partner", colleague, true],
      ["educator of the partner", educator, false],
      ["Comune social worker", worker, true],
      ["Comune admin", admin, false],
      ["data protection", dpo, true],
    ];
    for (const [who, client, reads] of whilePending) {
      expect(await reportOf(client, referral.id), who).toEqual(reads ? expected : null);
    }

    expect((await deciding.post(`/referrals/${referral.id}/accept`)).status).toBe(200);
    const onceAccepted: [string, TestClient, boolean][] = [
      ["manager who accepted (on the team)", deciding, true],
      ["another manager of the partner", colleague, false],
      ["educator of the partner", educator, false],
      ["Comune social worker", worker, true],
      ["Comune admin", admin, false],
    ];
    for (const [who, client, reads] of onceAccepted) {
      expect(await reportOf(client, referral.id), who).toEqual(reads ? expected : null);
    }

    const other = await signedIn("area_b_manager", "ETS-B2");
    for (const id of [referral.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await other.get(`/referrals/${id}`)).status, id).toBe(404);
    }
    const trail = await ctx.db
      .select({ role: auditEvents.actorRole, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "GET /referrals/{id}"), eq(auditEvents.entityId, household.id)));
    expect(trail.filter((r) => r.role === "comune_data_protection")).toEqual([
      { role: "comune_data_protection", outcome: "success" },
    ]);
  });
});
