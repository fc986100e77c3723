// SPDX-License-Identifier: EUPL-1.2
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Offer, OfferList } from "../../domain/offers/offer.schema.ts";
import {
  allocationOffers,
  auditEvents,
  householdEvents,
  households,
  tenancies,
  unitEvents,
  units,
} from "../db/schema.ts";
import { householdOnPath } from "../support-plans/care-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

type Problem = { status: number; errors: { path: string; message: string }[] };

let ctx: TestContext;
let officer: TestClient;
let manager: TestClient;
let otherManager: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.loginAs("comune_housing_officer");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
});
afterAll(() => ctx.close());

/** A household of ETS-B1 waiting for a unit (through the API, as its manager). */
const waitingHousehold = () => householdOnPath(ctx, manager, { until: "waiting" });

/** A household set to waiting directly in the database: quick, for the race's fifty. */
async function quickWaitingHousehold() {
  const { household } = await ctx.newHousehold();
  await ctx.db.update(households).set({ status: "waiting" }).where(eq(households.id, household.id));
  return household;
}

async function statusOf(unitId: string, householdId: string) {
  const [unit] = await ctx.db.select({ status: units.status }).from(units).where(eq(units.id, unitId));
  const [household] = await ctx.db
    .select({ status: households.status })
    .from(households)
    .where(eq(households.id, householdId));
  return { unit: unit?.status, household: household?.status };
}

async function offer(unitId: string, householdId: string, reason = "Offerta manuale di prova") {
  const res = await officer.post("/offers", { unitId, householdId, reason });
  expect(res.status).toBe(201);
  return (await res.json()) as Offer;
}

const pathsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.path);

describe("making an offer", () => {
  it("moves the unit and the household to offered, with their history and an audit record", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    expect(made).toMatchObject({
      status: "pending",
      unit: { id: unit.id, code: unit.code, status: "offered" },
      household: { id: household.id, status: "offered" },
      dueOn: "2026-11-29",
      reason: "Offerta manuale di prova",
    });
    const unitHistory = await ctx.db.select().from(unitEvents).where(eq(unitEvents.unitId, unit.id));
    expect(unitHistory.map((e) => [e.fromStatus, e.toStatus])).toContainEqual(["available", "offered"]);
    const householdHistory = await ctx.db
      .select()
      .from(householdEvents)
      .where(eq(householdEvents.householdId, household.id));
    expect(householdHistory.map((e) => [e.fromStatus, e.toStatus])).toContainEqual(["waiting", "offered"]);
    const audit = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "allocation_offer"), eq(auditEvents.entityId, made.id)));
    expect(audit.map((a) => a.action)).toEqual(["POST /offers"]);
  });

  it("a manual offer without a reason is a 400 naming reason", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const res = await officer.post("/offers", { unitId: unit.id, householdId: household.id });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["reason"]);
  });

  it("is refused with 409 naming unitId when the unit is not available", async () => {
    const unit = await ctx.newUnit({ status: "renovating" });
    const household = await waitingHousehold();
    const res = await officer.post("/offers", { unitId: unit.code, householdId: household.id, reason: "x" });
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["unitId"]);
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "renovating", household: "waiting" });
  });

  it("is refused with 409 naming householdId when the household is not waiting or already has one", async () => {
    const household = await waitingHousehold();
    await offer((await ctx.newUnit()).id, household.id);
    const res = await officer.post("/offers", {
      unitId: (await ctx.newUnit()).id,
      householdId: household.reference,
      reason: "Seconda offerta",
    });
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["householdId"]);
  });

  it("needs allocation:run", async () => {
    const res = await manager.post("/offers", {
      unitId: (await ctx.newUnit()).id,
      householdId: (await waitingHousehold()).id,
      reason: "x",
    });
    expect(res.status).toBe(403);
  });
});

describe("50 concurrent offers of the same unit", () => {
  it("give exactly one 201 and 49 × 409 naming unitId; the unit has one pending offer", async () => {
    const unit = await ctx.newUnit();
    const fifty: { id: string }[] = [];
    for (let i = 0; i < 50; i += 1) fifty.push(await quickWaitingHousehold());
    const responses = await Promise.all(
      fifty.map((h) => officer.post("/offers", { unitId: unit.id, householdId: h.id, reason: "Gara" })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const res of responses.filter((r) => r.status === 409))
      expect(await pathsOf(res)).toEqual(["unitId"]);
    const pending = await ctx.db
      .select()
      .from(allocationOffers)
      .where(and(eq(allocationOffers.unitId, unit.id), eq(allocationOffers.status, "pending")));
    expect(pending).toHaveLength(1);
    const offered = await ctx.db.select().from(households).where(eq(households.status, "offered"));
    expect(offered.filter((h) => fifty.some((f) => f.id === h.id))).toHaveLength(1);
  });
});

describe("answering an offer", () => {
  it("a partner manager of another partner gets 404, the same as a missing offer", async () => {
    const made = await offer((await ctx.newUnit()).id, (await waitingHousehold()).id);
    expect((await otherManager.get(`/offers/${made.id}`)).status).toBe(404);
    expect((await otherManager.get("/offers/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const decline = { reason: "x", declinedBy: "household", reasonable: true };
    expect((await otherManager.post(`/offers/${made.id}/decline`, decline)).status).toBe(404);
    const list = (await (await otherManager.get("/offers")).json()) as OfferList;
    expect(list.items.map((o) => o.id)).not.toContain(made.id);
    expect((await manager.get(`/offers/${made.id}`)).status).toBe(200);
  });

  it("the managing partner records the visit, confirms, and declines: unit and household back", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    const visit = await manager.post(`/offers/${made.id}/visit`, { visitOn: "2026-11-25" });
    expect(visit.status).toBe(200);
    expect(((await visit.json()) as Offer).visitOn).toBe("2026-11-25");
    const confirm = await manager.post(`/offers/${made.id}/confirm`, { note: "Pronti" });
    expect(((await confirm.json()) as Offer).partnerConfirmedAt).toBe(ctx.clock.now.toISOString());
    const res = await manager.post(`/offers/${made.id}/decline`, {
      reason: "Troppo lontano dalla scuola dei figli",
      declinedBy: "household",
      reasonable: true,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "declined",
      declinedBy: "household",
      note: "place kept",
    });
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "available", household: "waiting" });
    // A declined offer is closed.
    expect((await manager.post(`/offers/${made.id}/accept`)).status).toBe(409);
  });

  it("a third reasonable refusal, or an unreasonable one, loses the place", async () => {
    const household = await waitingHousehold();
    const notes: string[] = [];
    for (const reasonable of [true, true, true, false]) {
      const made = await offer((await ctx.newUnit()).id, household.id);
      const res = await officer.post(`/offers/${made.id}/decline`, {
        reason: "Rifiuto",
        declinedBy: "household",
        reasonable,
      });
      notes.push(((await res.json()) as Offer).note);
    }
    expect(notes.map((n) => n.startsWith("place lost"))).toEqual([false, false, true, true]);
  });

  it("accepting moves the unit to let-pending and opens the tenancy draft; the household stays offered", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    const res = await manager.post(`/offers/${made.id}/accept`);
    expect(res.status).toBe(200);
    const accepted = (await res.json()) as Offer;
    expect(accepted).toMatchObject({ status: "accepted", unit: { status: "let_pending" } });
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "let_pending", household: "offered" });
    const drafts = await ctx.db.select().from(tenancies).where(eq(tenancies.offerId, made.id));
    expect(drafts.map((t) => [t.id, t.status, t.unitId, t.householdId])).toEqual([
      [accepted.tenancyId, "draft", unit.id, household.id],
    ]);
    const unitHistory = await ctx.db.select().from(unitEvents).where(eq(unitEvents.unitId, unit.id));
    expect(unitHistory.map((e) => [e.fromStatus, e.toStatus])).toContainEqual(["offered", "let_pending"]);
    // An accepted offer is still active: the unit cannot be offered to anyone else.
    const other = await quickWaitingHousehold();
    const again = await officer.post("/offers", { unitId: unit.id, householdId: other.id, reason: "Prova" });
    expect(again.status).toBe(409);
  });

  it("a step back from an acceptance needs a reason, cancels the draft and leaves the offer pending", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    await manager.post(`/offers/${made.id}/accept`);
    const noReason = await officer.post(`/offers/${made.id}/step-back`, {});
    expect(noReason.status).toBe(400);
    expect(await pathsOf(noReason)).toEqual(["reason"]);
    expect((await manager.post(`/offers/${made.id}/step-back`, { reason: "x" })).status).toBe(403);
    const res = await officer.post(`/offers/${made.id}/step-back`, { reason: "Firma rinviata dal nucleo" });
    expect(res.status).toBe(200);
    expect((await res.json()) as Offer).toMatchObject({
      status: "pending",
      tenancyId: null,
      answeredAt: null,
    });
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "offered", household: "offered" });
    const drafts = await ctx.db.select().from(tenancies).where(eq(tenancies.offerId, made.id));
    expect(drafts.map((t) => [t.status, t.cancelReason])).toEqual([
      ["cancelled", "Firma rinviata dal nucleo"],
    ]);
    // A pending offer has nothing to step back from; accepting again opens a new draft.
    expect((await officer.post(`/offers/${made.id}/step-back`, { reason: "Di nuovo" })).status).toBe(409);
    const reaccepted = (await (await manager.post(`/offers/${made.id}/accept`)).json()) as Offer;
    expect(reaccepted.tenancyId).not.toBeNull();
    expect(reaccepted.tenancyId).not.toBe(drafts[0]?.id);
    const audit = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "allocation_offer"), eq(auditEvents.entityId, made.id)));
    expect(audit.map((a) => [a.action, a.outcome])).toContainEqual([
      "POST /offers/{id}/step-back",
      "success",
    ]);
  });

  it("withdrawing an accepted offer frees the unit and cancels the draft", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    await manager.post(`/offers/${made.id}/accept`);
    const res = await officer.post(`/offers/${made.id}/withdraw`, { reason: "Alloggio non più idoneo" });
    expect(res.status).toBe(200);
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "available", household: "waiting" });
    const drafts = await ctx.db.select().from(tenancies).where(eq(tenancies.offerId, made.id));
    expect(drafts.map((t) => t.status)).toEqual(["cancelled"]);
  });

  it("reopening a refusal needs a reason, makes the offer pending again and the refusal no longer counts", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    const declined = await manager.post(`/offers/${made.id}/decline`, {
      reason: "Registrato per errore",
      declinedBy: "household",
      reasonable: false,
    });
    expect(((await declined.json()) as Offer).note).toMatch(/^place lost/);
    expect((await officer.post(`/offers/${made.id}/reopen`, { reason: "" })).status).toBe(400);
    const past = await officer.post(`/offers/${made.id}/reopen`, { reason: "Errore", dueOn: "2026-11-01" });
    expect(past.status).toBe(422);
    expect(await pathsOf(past)).toEqual(["dueOn"]);
    const res = await officer.post(`/offers/${made.id}/reopen`, {
      reason: "Rifiuto registrato per errore",
      dueOn: "2026-12-05",
    });
    expect(res.status).toBe(200);
    const reopened = (await res.json()) as Offer;
    expect(reopened).toMatchObject({
      status: "pending",
      dueOn: "2026-12-05",
      declinedBy: null,
      reasonable: null,
    });
    expect(reopened.note).toContain("reopened (was declined by the household: Registrato per errore)");
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "offered", household: "offered" });
    // Its refusal is gone from the record a run reads.
    const refusals = await ctx.db
      .select()
      .from(allocationOffers)
      .where(and(eq(allocationOffers.householdId, household.id), eq(allocationOffers.status, "declined")));
    expect(refusals).toEqual([]);
    expect((await officer.post(`/offers/${made.id}/reopen`, { reason: "Ancora" })).status).toBe(409);
  });

  it("reopening is refused with 409 when the unit went to someone else meanwhile", async () => {
    const unit = await ctx.newUnit();
    const first = await waitingHousehold();
    const made = await offer(unit.id, first.id);
    await officer.post(`/offers/${made.id}/withdraw`, { reason: "Errore" });
    const second = await quickWaitingHousehold();
    await offer(unit.id, second.id);
    const res = await officer.post(`/offers/${made.id}/reopen`, { reason: "Ripensamento" });
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["unitId"]);
    expect(await statusOf(unit.id, first.id)).toEqual({ unit: "offered", household: "waiting" });
  });

  it("an offer cannot be due in the past", async () => {
    const unit = await ctx.newUnit();
    const household = await quickWaitingHousehold();
    const res = await officer.post("/offers", {
      unitId: unit.id,
      householdId: household.id,
      reason: "Prova",
      dueOn: "2026-11-21",
    });
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["dueOn"]);
  });
});

describe("expiry of unanswered offers", () => {
  it("closes the overdue pending offers as unreasonable refusals by the household, and no other", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const overdue = await offer(unit.id, household.id);
    const stillDue = await offer((await ctx.newUnit()).id, (await quickWaitingHousehold()).id);
    await ctx.db
      .update(allocationOffers)
      .set({ dueOn: "2026-11-21" })
      .where(eq(allocationOffers.id, overdue.id));
    const listed = (await (await officer.get(`/offers/${overdue.id}`)).json()) as Offer;
    expect(listed.overdue).toBe(true);
    expect((await manager.post("/offers/expire")).status).toBe(403);
    const res = await officer.post("/offers/expire");
    expect(res.status).toBe(200);
    const { expired } = (await res.json()) as { expired: Offer[] };
    expect(expired.map((o) => o.id)).toContain(overdue.id);
    expect(expired.map((o) => o.id)).not.toContain(stillDue.id);
    const closed = expired.find((o) => o.id === overdue.id);
    expect(closed).toMatchObject({
      status: "expired",
      declinedBy: "household",
      reasonable: false,
      declineReason: "No answer by 2026-11-21",
      overdue: false,
    });
    expect(closed?.note).toMatch(/^place lost/);
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "available", household: "waiting" });
    // A second sweep finds nothing more of these.
    const again = (await (await officer.post("/offers/expire")).json()) as { expired: Offer[] };
    expect(again.expired.map((o) => o.id)).not.toContain(overdue.id);
  });
});

describe("withdrawing and listing offers", () => {
  it("withdrawing brings unit and household back and needs a reason", async () => {
    const unit = await ctx.newUnit();
    const household = await waitingHousehold();
    const made = await offer(unit.id, household.id);
    const noReason = await officer.post(`/offers/${made.id}/withdraw`, {});
    expect(noReason.status).toBe(400);
    expect(await pathsOf(noReason)).toEqual(["reason"]);
    expect((await manager.post(`/offers/${made.id}/withdraw`, { reason: "x" })).status).toBe(403);
    const res = await officer.post(`/offers/${made.id}/withdraw`, { reason: "Errore di abbinamento" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Offer).status).toBe("withdrawn");
    expect(await statusOf(unit.id, household.id)).toEqual({ unit: "available", household: "waiting" });
    // The unit is free again for a new offer.
    await offer(unit.id, household.id);
  });

  it("lists offers by status", async () => {
    const res = await officer.get("/offers?status=withdrawn&limit=5");
    expect(res.status).toBe(200);
    const list = (await res.json()) as OfferList;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((o) => o.status === "withdrawn")).toBe(true);
  });
});
