// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { activeTenancy, draftTenancy, LEASE_TERMS } from "./tenancy-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
});
afterAll(() => ctx.close());

const errorsOf = async (res: Response) =>
  ((await res.json()) as { errors: { path: string; message: string }[] }).errors;

describe("a tenancy from draft to in force", () => {
  it("sets the terms within the cap, activates, and lets the unit and houses the household", async () => {
    const tenancy = await activeTenancy(ctx, manager);
    expect(tenancy).toMatchObject({
      status: "active",
      contractType: "calmierato",
      rentCents: 35_000,
      capMonthlyCents: 37_500,
      rentBasis: { rule: "cap", capMonthlyCents: 37_500 },
    });
    expect(tenancy.reference).toMatch(/^LOC-\d{4}-\d{5}$/);
    const unit = await (await manager.get(`/units/${tenancy.unit.id}`)).json();
    expect(unit.status).toBe("let");
    const household = await (await manager.get(`/households/${tenancy.household.id}`)).json();
    expect(household.status).toBe("housed");
    // By reference too.
    expect((await manager.get(`/tenancies/${tenancy.reference}`)).status).toBe(200);
  });

  it.each([
    [{ rentCents: 37_501 }, 422, "rentCents", /above the cap of 375,00/],
    [{ contractType: "ospitalita", endOn: null }, 422, "contractType", /calmierato unit is let with/],
    [{ contractType: "housing_first", endOn: null }, 422, "contractType", /./],
    [{ rentCents: -5 }, 400, "rentCents", /negative/],
    [{ startOn: "2026-13-01" }, 400, "startOn", /date/],
    [{ endOn: "2026-01-01" }, 400, "endOn", /before the start/],
    [{ signatories: [] }, 400, "signatories", /signatory/],
  ])("refuses terms %j with %i naming %s", async (change, status, path, message) => {
    const draft = await draftTenancy(ctx, manager);
    const res = await manager.request("PUT", `/tenancies/${draft.id}/terms`, {
      version: draft.version,
      ...LEASE_TERMS,
      ...change,
    });
    expect(res.status).toBe(status);
    const errors = await errorsOf(res);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message).toMatch(message);
    // Nothing stored: the draft is as it was.
    expect(((await (await manager.get(`/tenancies/${draft.id}`)).json()) as Tenancy).contractType).toBeNull();
  });

  it("sets a fragilità co-payment from the income and the agreed share", async () => {
    const b3 = await ctx.loginAs("area_b_manager", "ETS-B3");
    const draft = await draftTenancy(ctx, b3, { partnerCode: "ETS-B3", unit: { category: "fragilita" } });
    const terms = {
      ...LEASE_TERMS,
      contractType: "housing_first",
      endOn: null,
      rentCents: 9_000,
      coPayment: { annualIncomeCents: 900_000, sharePercent: 12 },
    };
    const res = await b3.request("PUT", `/tenancies/${draft.id}/terms`, {
      version: draft.version,
      ...terms,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rentBasis).toMatchObject({ rule: "co_payment", coPaymentCents: 9_000 });
    const tooMuch = await b3.request("PUT", `/tenancies/${draft.id}/terms`, {
      version: draft.version + 1,
      ...terms,
      rentCents: 9_001,
    });
    expect(tooMuch.status).toBe(422);
  });

  it("keeps one open tenancy per unit, and refuses overlapping dates with an ended one", async () => {
    const tenancy = await activeTenancy(ctx, manager);
    const again = await manager.post("/tenancies", {
      unitId: tenancy.unit.id,
      householdId: tenancy.household.id,
    });
    expect(again.status).toBe(409);
    expect((await errorsOf(again))[0]?.path).toBe("unitId");
    const ended = await manager.post(`/tenancies/${tenancy.id}/end`, {
      version: tenancy.version,
      endedOn: "2026-10-31",
      reason: "Uscita verso l'autonomia",
    });
    expect(ended.status).toBe(200);
    const unit = await (await manager.get(`/units/${tenancy.unit.id}`)).json();
    expect(unit.status).toBe("vacating");
    // The unit is let again (as after a new acceptance) to a new household starting before the end.
    await ctx.db.execute(`update units set status = 'let' where id = '${tenancy.unit.id}'`);
    const next = await manager.post("/tenancies", {
      unitId: tenancy.unit.id,
      householdId: tenancy.household.id,
    });
    expect(next.status).toBe(201);
    const draft = (await next.json()) as Tenancy;
    const overlap = await manager.request("PUT", `/tenancies/${draft.id}/terms`, {
      version: draft.version,
      ...LEASE_TERMS,
      startOn: "2026-10-15",
    });
    expect(overlap.status).toBe(409);
    expect((await errorsOf(overlap))[0]).toMatchObject({
      path: "startOn",
      message: expect.stringContaining(tenancy.reference),
    });
    const after = await manager.request("PUT", `/tenancies/${draft.id}/terms`, {
      version: draft.version,
      ...LEASE_TERMS,
      startOn: "2026-11-01",
    });
    expect(after.status).toBe(200);
  });

  it("refuses a stale version with 409 and a draft of another partner with 404", async () => {
    const draft = await draftTenancy(ctx, manager);
    const stale = await manager.request("PUT", `/tenancies/${draft.id}/terms`, {
      version: draft.version + 3,
      ...LEASE_TERMS,
    });
    expect(stale.status).toBe(409);
    const other = await ctx.loginAs("area_b_manager", "ETS-B2");
    expect((await other.get(`/tenancies/${draft.id}`)).status).toBe(404);
    const list = await (await other.get("/tenancies")).json();
    expect(list.items.map((t: Tenancy) => t.id)).not.toContain(draft.id);
  });
});

describe("annual income recertification", () => {
  it("recomputes a co-payment, files the letter as a PDF the household can read, and refuses the same date twice", async () => {
    const b3 = await ctx.loginAs("area_b_manager", "ETS-B3");
    const tenancy = await activeTenancy(ctx, b3, {
      partnerCode: "ETS-B3",
      unit: { category: "fragilita" },
      terms: {
        contractType: "ospitalita",
        endOn: null,
        rentCents: 10_000,
        coPayment: { annualIncomeCents: 1_200_000, sharePercent: 10 },
      },
    });
    const res = await b3.post(`/tenancies/${tenancy.id}/recertifications`, {
      effectiveOn: "2026-11-01",
      annualIncomeCents: 900_000,
    });
    expect(res.status).toBe(201);
    const after = (await res.json()) as Tenancy;
    expect(after.rentCents).toBe(7_500);
    expect(after.recertifications[0]).toMatchObject({
      previousRentCents: 10_000,
      newRentCents: 7_500,
      previousIncomeCents: 1_200_000,
    });
    const letter = after.documents.find((d) => d.kind === "recertification_letter");
    expect(letter).toMatchObject({ contentType: "application/pdf", sharedWithTenant: true });
    const file = await b3.get(`/tenancies/${tenancy.id}/documents/${letter?.id}`);
    expect(file.status).toBe(200);
    expect(new TextDecoder().decode((await file.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const twice = await b3.post(`/tenancies/${tenancy.id}/recertifications`, {
      effectiveOn: "2026-11-01",
      annualIncomeCents: 800_000,
    });
    expect(twice.status).toBe(409);
    expect((await errorsOf(twice))[0]?.path).toBe("effectiveOn");
  });

  it("refuses a negative income naming the field", async () => {
    const tenancy = await activeTenancy(ctx, manager);
    const res = await manager.post(`/tenancies/${tenancy.id}/recertifications`, {
      effectiveOn: "2026-11-01",
      annualIncomeCents: -1,
    });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[0]?.path).toBe("annualIncomeCents");
  });
});

describe("permissions", () => {
  it("lets an educator read but not write, and a tenant neither", async () => {
    const tenancy = await activeTenancy(ctx, manager);
    const educator = await ctx.loginAs("area_b_educator", "ETS-B1");
    expect((await educator.get(`/tenancies/${tenancy.id}`)).status).toBe(200);
    expect(
      (
        await educator.post(`/tenancies/${tenancy.id}/end`, {
          version: tenancy.version,
          endedOn: "2026-12-01",
          reason: "Prova",
        })
      ).status,
    ).toBe(403);
    const tenant = await ctx.loginAs("tenant", "ETS-B1", tenancy.household.id);
    expect((await tenant.get(`/tenancies/${tenancy.id}`)).status).toBe(403);
  });
});
