// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConsentRecord } from "../../domain/households/consent.schema.ts";
import type {
  HouseholdDetail,
  HouseholdSummary,
  ReferralCreated,
  TimelineEntry,
} from "../../domain/households/household-api.schema.ts";
import { auditEvents } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let worker: TestClient;
let admin: TestClient;
let dpo: TestClient;
let manager: TestClient;
let educator: TestClient;
let otherManager: TestClient;
let startedAt: Date;
beforeAll(async () => {
  ctx = await createTestContext();
  startedAt = ctx.clock.now;
  worker = await ctx.loginAs("comune_social_worker");
  admin = await ctx.loginAs("comune_admin");
  dpo = await ctx.loginAs("comune_data_protection");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
});
afterAll(() => ctx.close());
afterEach(() => {
  ctx.clock.now = startedAt;
});

type Problem = { status: number; errors: { path: string; message: string }[] };
const pathsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.path);
// The test clock stands at 2026-11-22, 10:00 in Milan.
const TODAY = "2026-11-22";

/** A household referred to ETS-B1 and accepted by `manager`, who is then on its team. */
async function acceptedHousehold(): Promise<ReferralCreated> {
  const created = await ctx.newHousehold({ partnerCode: "ETS-B1" });
  expect((await manager.post(`/referrals/${created.referral.id}/accept`)).status).toBe(200);
  return created;
}

async function grant(client: TestClient, householdId: string, purpose: string, givenOn = "2026-11-02") {
  const res = await client.post(`/households/${householdId}/consents`, { purpose, givenOn, note: "" });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ConsentRecord;
}

async function withdraw(client: TestClient, householdId: string, consentId: string, withdrawnOn = TODAY) {
  const res = await client.post(`/households/${householdId}/consents/${consentId}/withdraw`, {
    withdrawnOn,
    note: "Revoca firmata (prova)",
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ConsentRecord;
}

const detailOf = async (client: TestClient, id: string) => {
  const res = await client.get(`/households/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as HouseholdDetail;
};
const listedIds = async (client: TestClient, reference: string) =>
  (
    (await (await client.get(`/households?q=${reference}`)).json()) as { items: HouseholdSummary[] }
  ).items.map((h) => h.id);

describe("recording consents", () => {
  it("records a consent given, lists it, and refuses one given on a day still to come naming givenOn", async () => {
    const { household } = await acceptedHousehold();
    const res = await educator.post(`/households/${household.reference}/consents`, {
      purpose: "processing",
      givenOn: "2026-11-20",
      note: "Modulo firmato in sede (prova)",
    });
    expect(res.status).toBe(201);
    const record = (await res.json()) as ConsentRecord;
    expect(record).toMatchObject({
      purpose: "processing",
      givenOn: "2026-11-20",
      recordedAt: ctx.clock.now.toISOString(),
      withdrawnOn: null,
      withdrawnRecordedBy: null,
      note: "Modulo firmato in sede (prova)",
    });
    expect(record.recordedBy).toMatch(/^Test area_b_educator/);

    const future = await educator.post(`/households/${household.id}/consents`, {
      purpose: "special_categories",
      givenOn: "2026-11-23",
    });
    expect(future.status).toBe(422);
    expect(await pathsOf(future)).toEqual(["givenOn"]);
    const unknown = await educator.post(`/households/${household.id}/consents`, {
      purpose: "marketing",
      givenOn: TODAY,
    });
    expect(unknown.status).toBe(400);
    expect(await pathsOf(unknown)).toEqual(["purpose"]);

    const list = await worker.get(`/households/${household.id}/consents`);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: ConsentRecord[] }).items).toEqual([record]);
  });

  it("refuses a withdrawal before the consent or on a day to come naming withdrawnOn, and a second one with 409", async () => {
    const { household } = await acceptedHousehold();
    const consent = await grant(manager, household.id, "follow_up_contact", "2026-11-10");
    const path = `/households/${household.id}/consents/${consent.id}/withdraw`;
    for (const withdrawnOn of ["2026-11-09", "2026-11-23"]) {
      const res = await manager.post(path, { withdrawnOn });
      expect(res.status, withdrawnOn).toBe(422);
      expect(await pathsOf(res)).toEqual(["withdrawnOn"]);
    }
    const withdrawn = await withdraw(manager, household.id, consent.id, "2026-11-10");
    expect(withdrawn).toMatchObject({
      id: consent.id,
      withdrawnOn: "2026-11-10",
      note: "Revoca firmata (prova)",
      recordedBy: consent.recordedBy,
    });
    expect(withdrawn.withdrawnRecordedBy).toMatch(/^Test area_b_manager/);
    const again = await manager.post(path, { withdrawnOn: TODAY });
    expect(again.status).toBe(409);
    expect(await pathsOf(again)).toEqual(["withdrawnOn"]);
    // Contact after exit is withdrawn; nothing else is.
    expect((await detailOf(manager, household.id)).consentWithdrawn).toEqual(["follow_up_contact"]);
  });

  it("answers 404 for a consent that is not the household's, not there, or not a uuid", async () => {
    const { household } = await acceptedHousehold();
    const other = await acceptedHousehold();
    const theirs = await grant(manager, other.household.id, "processing");
    for (const consentId of [theirs.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const res = await manager.post(`/households/${household.id}/consents/${consentId}/withdraw`, {
        withdrawnOn: TODAY,
      });
      expect(res.status, consentId).toBe(404);
    }
  });

  it("answers another partner's household exactly as a missing one (404), and refuses roles without the permission", async () => {
    const { household } = await acceptedHousehold();
    const consent = await grant(manager, household.id, "processing");
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const id of [household.id, household.reference, missing]) {
      expect((await otherManager.get(`/households/${id}/consents`)).status).toBe(404);
      expect(
        (await otherManager.post(`/households/${id}/consents`, { purpose: "processing", givenOn: TODAY }))
          .status,
      ).toBe(404);
      expect(
        (await otherManager.post(`/households/${id}/consents/${consent.id}/withdraw`, { withdrawnOn: TODAY }))
          .status,
      ).toBe(404);
    }
    for (const role of ["auditor", "comune_housing_officer", "tenant", "steering_board"] as const) {
      const user = await ctx.loginAs(role);
      expect((await user.get(`/households/${household.id}/consents`)).status, role).toBe(403);
      expect(
        (await user.post(`/households/${household.id}/consents`, { purpose: "processing", givenOn: TODAY }))
          .status,
        role,
      ).toBe(403);
    }
  });

  it("puts consents on the timeline: given, then withdrawn, with the purpose", async () => {
    const { household } = await acceptedHousehold();
    const consent = await grant(manager, household.id, "follow_up_contact");
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    await withdraw(manager, household.id, consent.id);
    const timeline = (await (await manager.get(`/households/${household.id}/timeline`)).json()) as {
      items: TimelineEntry[];
    };
    expect(
      timeline.items.filter((e) => e.kind === "consent").map((e) => [e.from, e.to, e.actor?.role]),
    ).toEqual([
      ["follow_up_contact", "given", "area_b_manager"],
      ["follow_up_contact", "withdrawn", "area_b_manager"],
    ]);
  });
});

describe("withdrawing consent to processing", () => {
  it("hides the household from everyone but data protection, whose reads are audited, until consent is given again", async () => {
    const { household } = await acceptedHousehold();
    const consent = await grant(educator, household.id, "processing");
    expect((await detailOf(manager, household.id)).consentWithdrawn).toEqual([]);

    const withdrawn = await withdraw(educator, household.id, consent.id);
    expect(withdrawn).toMatchObject({ id: consent.id, purpose: "processing", withdrawnOn: TODAY });

    for (const [who, client] of [
      ["manager", manager],
      ["educator", educator],
      ["social worker", worker],
      ["admin", admin],
    ] as const) {
      for (const path of [
        `/households/${household.id}`,
        `/households/${household.reference}`,
        `/households/${household.id}/timeline`,
        `/households/${household.id}/consents`,
        `/households/${household.id}/documents`,
      ]) {
        expect((await client.get(path)).status, `${who} ${path}`).toBe(404);
      }
      expect(await listedIds(client, household.reference), who).toEqual([]);
      const regrant = await client.post(`/households/${household.id}/consents`, {
        purpose: "processing",
        givenOn: TODAY,
      });
      expect(regrant.status, who).toBe(404);
    }

    const seen = await detailOf(dpo, household.id);
    expect(seen).toMatchObject({
      id: household.id,
      consentWithdrawn: ["processing"],
      specialCategories: "full",
      needs: household.needs,
    });
    expect(await listedIds(dpo, household.reference)).toEqual([household.id]);
    const consents = (await (await dpo.get(`/households/${household.id}/consents`)).json()) as {
      items: ConsentRecord[];
    };
    expect(consents.items.map((c) => [c.purpose, c.withdrawnOn])).toEqual([["processing", TODAY]]);

    const trail = await ctx.db
      .select({ action: auditEvents.action, role: auditEvents.actorRole, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "households"), eq(auditEvents.entityId, household.id)))
      .orderBy(auditEvents.seq);
    expect(trail).toContainEqual({
      action: "POST /households/{id}/consents/{consentId}/withdraw",
      role: "area_b_educator",
      outcome: "success",
    });
    expect(trail).toContainEqual({
      action: "GET /households/{id}",
      role: "comune_data_protection",
      outcome: "success",
    });

    // Consent given again, recorded by data protection: the household is back for everyone.
    await grant(dpo, household.id, "processing", TODAY);
    expect((await detailOf(manager, household.id)).consentWithdrawn).toEqual([]);
    expect((await detailOf(worker, household.id)).id).toBe(household.id);
    expect(await listedIds(manager, household.reference)).toEqual([household.id]);
  });
});

describe("withdrawing consent to special categories", () => {
  it("hides the needs even from the team and the Comune's social workers; data protection still reads them", async () => {
    const { household } = await acceptedHousehold();
    expect(await detailOf(manager, household.id)).toMatchObject({
      specialCategories: "full",
      onTeam: true,
      needs: household.needs,
    });
    const consent = await grant(manager, household.id, "special_categories");
    await withdraw(manager, household.id, consent.id);
    for (const client of [manager, worker]) {
      expect(await detailOf(client, household.id)).toMatchObject({
        specialCategories: "restricted",
        needs: null,
        consentWithdrawn: ["special_categories"],
      });
    }
    expect((await detailOf(manager, household.id)).onTeam).toBe(true);
    const refused = await manager.patch(`/households/${household.id}`, { version: 1, needs: [] });
    expect(refused.status).toBe(403);
    expect(await pathsOf(refused)).toEqual(["needs"]);
    expect(await detailOf(dpo, household.id)).toMatchObject({
      specialCategories: "full",
      needs: household.needs,
      consentWithdrawn: ["special_categories"],
    });
  });
});
