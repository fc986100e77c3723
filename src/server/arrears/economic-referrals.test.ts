// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ArrearsCaseView,
  EconomicReferralList,
  EconomicReferralView,
} from "../../domain/arrears/arrears-api.schema.ts";
import { recertifications } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { jsonOf, problemOf, type TenancyFixture, tenancyWithRent } from "./arrears-fixtures.ts";

let ctx: TestContext;
let manager: TestClient;
let otherManager: TestClient;
/** ETS-B1, October and November unpaid; its household's ISEE is 8,200.50 EUR. */
let tenancy: TenancyFixture;

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  otherManager = await ctx.loginAs("area_b_manager", "ETS-B2");
  tenancy = await tenancyWithRent(ctx, manager, { months: ["2026-10", "2026-11"] });
});
afterAll(() => ctx.close());

const referrals = () => `/households/${tenancy.householdId}/economic-referrals`;

describe("economic participation: referrals with their outcome", () => {
  let microcredit: EconomicReferralView;

  it("refers a household to microcredit and financial education, joining its open arrears case", async () => {
    const opened = await jsonOf<ArrearsCaseView>(
      await manager.post("/arrears/cases", { tenancyId: tenancy.tenancyId }),
      201,
    );
    microcredit = await jsonOf<EconomicReferralView>(
      await manager.post(referrals(), {
        kind: "microcredit",
        referredOn: "2026-11-10",
        note: "Per il deposito cauzionale",
      }),
      201,
    );
    expect(microcredit).toMatchObject({
      kind: "microcredit",
      outcome: "pending",
      referredOn: "2026-11-10",
      caseId: opened.id,
      householdReference: tenancy.householdReference,
      amountCents: null,
    });
    await jsonOf(
      await manager.post(referrals(), { kind: "financial_education", referredOn: "2026-11-02" }),
      201,
    );
    const list = await jsonOf<EconomicReferralList>(await manager.get(referrals()), 200);
    expect(list.items.map((r) => r.kind)).toEqual(["microcredit", "financial_education"]);
    // By reference too.
    const byReference = await jsonOf<EconomicReferralList>(
      await manager.get(`/households/${tenancy.householdReference}/economic-referrals`),
      200,
    );
    expect(byReference.items).toHaveLength(2);
  });

  it("records the outcome, its date and the amount granted", async () => {
    const granted = await jsonOf<EconomicReferralView>(
      await manager.patch(`/economic-referrals/${microcredit.id}`, {
        outcome: "granted",
        outcomeOn: "2026-11-20",
        amountCents: 150_000,
      }),
      200,
    );
    expect(granted).toMatchObject({ outcome: "granted", outcomeOn: "2026-11-20", amountCents: 150_000 });
    const completed = await jsonOf<EconomicReferralView>(
      await manager.patch(`/economic-referrals/${microcredit.id}`, { outcome: "completed" }),
      200,
    );
    expect(completed).toMatchObject({ outcome: "completed", outcomeOn: "2026-11-22", amountCents: 150_000 });
  });

  it.each([
    [{ outcome: "granted" }, 422, "outcome", "The referral is completed: its outcome is final"],
    [{ outcome: "won" }, 400, "outcome", "outcome: use pending, granted, refused, completed, dropped"],
    [{ outcome: "dropped", amountCents: -5 }, 400, "amountCents", "amountCents cannot be negative"],
  ])("refuses %o, naming the field", async (body, status, path, message) => {
    const problem = await problemOf(
      await manager.patch(`/economic-referrals/${microcredit.id}`, body),
      status,
    );
    expect(problem.errors).toContainEqual({ path, message });
  });

  it("refuses a date in the future or before the referral", async () => {
    const education = (await jsonOf<EconomicReferralList>(await manager.get(referrals()), 200))
      .items[1] as EconomicReferralView;
    const before = await problemOf(
      await manager.patch(`/economic-referrals/${education.id}`, {
        outcome: "completed",
        outcomeOn: "2026-11-01",
      }),
      422,
    );
    expect(before.errors).toEqual([
      { path: "outcomeOn", message: "The outcome cannot come before the referral (2026-11-02)" },
    ]);
    const future = await problemOf(
      await manager.post(referrals(), { kind: "microcredit", referredOn: "2026-12-01" }),
      422,
    );
    expect(future.errors).toEqual([
      { path: "referredOn", message: "The referral cannot be dated in the future" },
    ]);
  });

  it("refers to a fund only when its rules fit", async () => {
    // The regional contribution fits an ISEE of 8,200.50 EUR; the national fund needs a cause too.
    await jsonOf(await manager.post(referrals(), { kind: "regional_solidarity" }), 201);
    const noCause = await problemOf(
      await manager.post(referrals(), { kind: "involuntary_arrears_fund" }),
      422,
    );
    expect(noCause.errors).toEqual([
      {
        path: "kind",
        message: "The fund asks for an income drop at recertification or a recorded cause of the arrears",
      },
    ]);
    // An income drop at the latest recertification is a cause; an ISEE above the ceiling is not eligible.
    await ctx.db.insert(recertifications).values({
      tenancyId: tenancy.tenancyId,
      effectiveOn: "2026-11-01",
      incomeCents: 900_000,
      previousIncomeCents: 1_450_000,
      iseeCents: 2_700_000,
      previousRentCents: 40_000,
      newRentCents: 40_000,
      basis: {},
    });
    const above = await problemOf(await manager.post(referrals(), { kind: "involuntary_arrears_fund" }), 422);
    expect(above.errors).toEqual([
      { path: "kind", message: "ISEE 27,000 EUR is above the fund's ceiling of 26,000 EUR" },
    ]);
  });

  it("keeps a partner's referrals from the others and from roles without arrears work", async () => {
    await problemOf(await otherManager.get(referrals()), 404);
    await problemOf(await otherManager.post(referrals(), { kind: "microcredit" }), 404);
    await problemOf(
      await otherManager.patch(`/economic-referrals/${microcredit.id}`, { outcome: "dropped" }),
      404,
    );
    const auditor = await ctx.loginAs("auditor");
    expect(
      (await jsonOf<EconomicReferralList>(await auditor.get(referrals()), 200)).items.length,
    ).toBeGreaterThan(0);
    await problemOf(await auditor.post(referrals(), { kind: "microcredit" }), 403);
    expect((await problemOf(await manager.post(referrals(), { kind: "lottery" }), 400)).errors[0]?.path).toBe(
      "kind",
    );
  });
});
