// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MoveInRecord } from "../../domain/maintenance/move-in.schema.ts";
import { moveInChecklists, tenancies } from "../db/schema.ts";
import { acceptedHousehold } from "../support-plans/care-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { housedTenant, pathsOf, problemOf } from "./maintenance-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let educator: TestClient;
let otherManager: TestClient;
let officer: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  officer = await ctx.loginAs("comune_housing_officer");
});
afterAll(() => ctx.close());

const TODAY = "2026-11-22";

/** A draft tenancy of a household of ETS-B1, as an accepted offer leaves it. */
async function draftTenancy() {
  const unit = await ctx.newUnit({ status: "let_pending" });
  const household = await acceptedHousehold(ctx, manager);
  const [tenancy] = await ctx.db
    .insert(tenancies)
    .values({ unitId: unit.id, householdId: household.id })
    .returning({ id: tenancies.id, reference: tenancies.reference });
  if (tenancy === undefined) throw new Error("fixture tenancy not inserted");
  return { unit, tenancy };
}

const reading = (value: number) => ({
  present: true,
  serial: "IT001E0000000",
  reading: value,
  readOn: TODAY,
});
const completeChecklist = () => ({
  meters: { electricity: reading(10234.5), gas: reading(1520), water: reading(310.25) },
  keys: [
    { label: "Porta di casa", count: 3 },
    { label: "Portone", count: 2 },
  ],
  installations: {
    boiler: true,
    electricalPanel: true,
    gasShutOff: true,
    waterShutOff: true,
    smokeDetector: true,
    heatingControls: true,
  },
  inventory: [
    { item: "Frigorifero", quantity: 1, condition: "good" },
    { item: "Sedie", quantity: 4, condition: "fair", notes: "Una traballa" },
  ],
  notes: "Consegna di prova.",
});

const put = (client: TestClient, id: string, body: unknown) =>
  client.request("PUT", `/tenancies/${id}/move-in`, body);
const recordOf = async (res: Response) => (await res.json()) as MoveInRecord;

describe("the move-in checklist", () => {
  it("is empty until filled in, and says everything is missing", async () => {
    const { unit, tenancy } = await draftTenancy();
    const res = await educator.get(`/tenancies/${tenancy.id}/move-in`);
    expect(res.status).toBe(200);
    const record = await recordOf(res);
    expect(record).toMatchObject({
      tenancy: {
        id: tenancy.id,
        reference: tenancy.reference,
        status: "draft",
        unit: { id: unit.id, code: unit.code },
      },
      completedOn: null,
      recordedBy: null,
      updatedAt: null,
      checklist: { keys: [], inventory: [], installations: { boiler: false } },
    });
    expect(record.missing).toHaveLength(14);
  });

  it("saves a half-filled checklist, then completes it", async () => {
    const { tenancy } = await draftTenancy();
    const half = await put(manager, tenancy.id, {
      checklist: { meters: { electricity: reading(12) }, keys: [{ label: "Porta di casa", count: 2 }] },
    });
    expect(half.status, await half.clone().text()).toBe(200);
    const saved = await recordOf(half);
    expect(saved).toMatchObject({
      completedOn: null,
      recordedBy: expect.stringMatching(/^Test area_b_manager/),
      updatedAt: ctx.clock.now.toISOString(),
    });
    expect(saved.checklist.meters.electricity.reading).toBe(12);
    expect(saved.missing.map((m) => m.path)).not.toContain("checklist.keys");

    const done = await put(manager, tenancy.id, { checklist: completeChecklist(), completedOn: TODAY });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await recordOf(done)).toMatchObject({ completedOn: TODAY, missing: [] });
    const read = await recordOf(await officer.get(`/tenancies/${tenancy.id}/move-in`));
    expect(read.checklist.inventory).toEqual([
      { item: "Frigorifero", quantity: 1, condition: "good", notes: "" },
      { item: "Sedie", quantity: 4, condition: "fair", notes: "Una traballa" },
    ]);
  });

  it("does not complete a checklist with items missing: 422 naming each, and nothing written", async () => {
    const { tenancy } = await draftTenancy();
    const checklist = completeChecklist();
    checklist.keys = [];
    checklist.installations.smokeDetector = false;
    const res = await put(manager, tenancy.id, { checklist, completedOn: TODAY });
    expect(res.status).toBe(422);
    expect(await problemOf(res)).toMatchObject({
      errors: [
        { path: "checklist.keys", message: "Record at least one set of keys handed over" },
        { path: "checklist.installations.smokeDetector", message: "Tick it once it has been explained" },
      ],
    });
    expect(
      await ctx.db.select().from(moveInChecklists).where(eq(moveInChecklists.tenancyId, tenancy.id)),
    ).toEqual([]);
  });

  it("completes a flat without gas without the gas items", async () => {
    const { tenancy } = await draftTenancy();
    const checklist = completeChecklist();
    checklist.meters.gas = {
      present: false,
      serial: "",
      reading: null as unknown as number,
      readOn: null as unknown as string,
    };
    checklist.installations.gasShutOff = false;
    const res = await put(manager, tenancy.id, { checklist, completedOn: TODAY });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it.each([
    [
      "a negative reading",
      { checklist: { meters: { gas: { reading: -3 } } } },
      400,
      ["checklist.meters.gas.reading"],
    ],
    [
      "a reading that is not a number",
      { checklist: { meters: { water: { reading: "tanti" } } } },
      400,
      ["checklist.meters.water.reading"],
    ],
    [
      "no key count",
      { checklist: { keys: [{ label: "Cantina", count: 0 }] } },
      400,
      ["checklist.keys.0.count"],
    ],
    [
      "an unknown condition",
      { checklist: { inventory: [{ item: "Tavolo", condition: "rotto" }] } },
      400,
      ["checklist.inventory.0.condition"],
    ],
    ["a date that is not one", { checklist: {}, completedOn: "ieri" }, 400, ["completedOn"]],
    [
      "a completion in the future",
      { checklist: completeChecklist(), completedOn: "2026-12-01" },
      422,
      ["completedOn"],
    ],
    [
      "a reading dated in the future",
      { checklist: { meters: { gas: { reading: 1, readOn: "2026-12-01" } } } },
      422,
      ["checklist.meters.gas.readOn"],
    ],
  ])("refuses %s, naming the field", async (_name, body, status, paths) => {
    const { tenancy } = await draftTenancy();
    const res = await put(manager, tenancy.id, body);
    expect(res.status).toBe(status);
    expect(await pathsOf(res)).toEqual(paths);
  });

  it("is the tenancy's partner's: another partner gets 404; an educator reads but does not write; a tenant neither", async () => {
    const { tenancy } = await draftTenancy();
    expect((await otherManager.get(`/tenancies/${tenancy.id}/move-in`)).status).toBe(404);
    expect((await put(otherManager, tenancy.id, { checklist: {} })).status).toBe(404);
    expect((await educator.get(`/tenancies/${tenancy.id}/move-in`)).status).toBe(200);
    expect((await put(educator, tenancy.id, { checklist: {} })).status).toBe(403);
    const { tenant, tenancy: own } = await housedTenant(ctx, manager);
    expect((await tenant.get(`/tenancies/${own.id}/move-in`)).status).toBe(403);
    expect((await manager.get("/tenancies/not-a-tenancy/move-in")).status).toBe(404);
  });

  it("no longer changes once the tenancy has ended", async () => {
    const { tenancy } = await housedTenant(ctx, manager);
    await ctx.db
      .update(tenancies)
      .set({ status: "ended", endedOn: TODAY })
      .where(eq(tenancies.id, tenancy.id));
    const res = await put(manager, tenancy.id, { checklist: {} });
    expect(res.status).toBe(409);
    expect((await manager.get(`/tenancies/${tenancy.id}/move-in`)).status).toBe(200);
  });
});
