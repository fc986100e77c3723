// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ArrearsList,
  ArrearsPolicyView,
  ArrearsSummary,
  CoPaymentList,
} from "../../domain/arrears/arrears-api.schema.ts";
import { DEFAULT_ARREARS_POLICY } from "../../domain/arrears/arrears-policy.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import {
  dismissLine,
  jsonOf,
  problemOf,
  type TenancyFixture,
  tenancyWithRent,
  unmatchedLine,
} from "./arrears-fixtures.ts";

let ctx: TestContext;
let b1: TestClient;
let b2: TestClient;
let admin: TestClient;
/** ETS-B1: three months behind (Sep, Oct, Nov unpaid). */
let behind: TenancyFixture;
/** ETS-B1: paid up. */
let paidUp: TenancyFixture;
/** ETS-B1: November unpaid, the first miss. */
let firstMiss: TenancyFixture;
/** ETS-B2: October partly paid, November unpaid. */
let other: TenancyFixture;

const MONTHS = ["2026-08", "2026-09", "2026-10", "2026-11"];

beforeAll(async () => {
  ctx = await createTestContext();
  b1 = await ctx.loginAs("area_b_manager", "ETS-B1");
  b2 = await ctx.loginAs("area_b_manager", "ETS-B2");
  admin = await ctx.loginAs("comune_admin");
  behind = await tenancyWithRent(ctx, b1, { months: MONTHS, paid: [["2026-08-03", 40_000]] });
  paidUp = await tenancyWithRent(ctx, b1, {
    months: MONTHS,
    paid: MONTHS.map((m) => [`${m}-04`, 40_000] as const),
  });
  firstMiss = await tenancyWithRent(ctx, b1, {
    months: MONTHS,
    rentCents: 35_000,
    paid: MONTHS.slice(0, 3).map((m) => [`${m}-04`, 35_000] as const),
    signatory: "Clelia Inventata",
  });
  other = await tenancyWithRent(ctx, b2, {
    partnerCode: "ETS-B2",
    months: ["2026-10", "2026-11"],
    rentCents: 30_000,
    paid: [["2026-10-10", 10_000]],
    signatory: "Dario Immaginario",
  });
});
afterAll(() => ctx.close());

const list = async (client: TestClient, query = "") =>
  jsonOf<ArrearsList>(await client.get(`/arrears${query}`), 200);

describe("the arrears list", () => {
  it("shows a partner its tenancies in arrears, the oldest debt first, with ageing buckets and warnings", async () => {
    const body = await list(b1);
    expect(body.asOf).toBe("2026-11-22");
    expect(body.items.map((i) => i.reference)).toEqual([behind.reference, firstMiss.reference]);
    const [first, second] = body.items;
    expect(first).toMatchObject({
      tenancyId: behind.tenancyId,
      householdReference: behind.householdReference,
      unitCode: behind.unitCode,
      partnerCode: "ETS-B1",
      category: "calmierato",
      balanceCents: 120_000,
      daysOverdue: 78,
      ageing: {
        d0_30: 40_000,
        d31_60: 40_000,
        d61_90: 40_000,
        d90_plus: 0,
        overdueCents: 120_000,
        notDueCents: 0,
      },
      warnings: [],
      openCase: null,
      possiblePaymentInQueue: false,
    });
    expect(second).toMatchObject({
      daysOverdue: 17,
      ageing: { d0_30: 35_000, overdueCents: 35_000 },
      warnings: [{ kind: "first_missed_payment", since: "2026-11-05" }],
    });
    expect(body.totals).toMatchObject({ overdueCents: 155_000, d0_30: 75_000, d61_90: 40_000 });
    expect(body.items.some((i) => i.tenancyId === paidUp.tenancyId)).toBe(false);
  });

  it("never shows a partner another partner's tenancies; the Comune sees them all", async () => {
    expect((await list(b2)).items.map((i) => i.reference)).toEqual([other.reference]);
    const all = await list(admin);
    expect(all.items.map((i) => i.reference).sort()).toEqual(
      [behind.reference, firstMiss.reference, other.reference].sort(),
    );
    expect(all.items.find((i) => i.tenancyId === other.tenancyId)?.warnings.map((w) => w.kind)).toEqual([
      "partial_payment",
    ]);
  });

  it.each([
    ["?bucket=d61_90", () => [behind.reference]],
    ["?bucket=d31_60", () => [behind.reference, other.reference]],
    ["?bucket=d0_30", () => [behind.reference, firstMiss.reference, other.reference]],
    ["?partner=ets-b2", () => [other.reference]],
    ["?category=calmierato_ridotto", () => [other.reference]],
    ["?warning=true", () => [firstMiss.reference, other.reference]],
    ["?case=open", () => []],
  ])("filters %s", async (query, expected) => {
    expect((await list(admin, query)).items.map((i) => i.reference).sort()).toEqual(expected().sort());
  });

  it("finds a tenancy by its reference or its household's", async () => {
    expect(
      (await list(admin, `?q=${behind.householdReference.toLowerCase()}`)).items.map((i) => i.reference),
    ).toEqual([behind.reference]);
  });

  it("flags a payment that may sit unmatched in the partner's bank queue: same amount, or a signatory paying", async () => {
    const byAmount = await unmatchedLine(ctx, "ETS-B1", { amountCents: 40_000, payer: "Sconosciuto" });
    const byPayer = await unmatchedLine(ctx, "ETS-B2", { amountCents: 12_345, payer: "IMMAGINARIO DARIO" });
    const flagged = (body: ArrearsList) =>
      body.items
        .filter((i) => i.possiblePaymentInQueue)
        .map((i) => i.reference)
        .sort();
    expect(flagged(await list(admin))).toEqual([behind.reference, other.reference].sort());
    // A partner's queue is its own: ETS-B2's line says nothing to ETS-B1.
    expect(flagged(await list(b1))).toEqual([behind.reference]);
    await dismissLine(ctx, byAmount);
    await dismissLine(ctx, byPayer);
    expect(flagged(await list(admin))).toEqual([]);
  });

  it("refuses a bad filter, naming it", async () => {
    const problem = await problemOf(await admin.get("/arrears?bucket=d100&case=maybe"), 400);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(["bucket", "case"]);
  });

  it("is for the roles that read tenancies", async () => {
    const educator = await ctx.loginAs("area_b_educator", "ETS-B1");
    expect((await list(educator)).total).toBe(2);
    await problemOf(await (await ctx.loginAs("area_a")).get("/arrears"), 403);
    await problemOf(await ctx.anonymous.get("/arrears"), 401);
  });
});

describe("collection and arrears rates", () => {
  it("by partner and by category, over a window of months", async () => {
    const body = await jsonOf<ArrearsSummary>(
      await admin.get("/arrears/summary?from=2026-08&to=2026-11"),
      200,
    );
    expect(body).toMatchObject({ from: "2026-08", to: "2026-11", asOf: "2026-11-22" });
    // Charged: 4 × 400 + 4 × 400 + 4 × 350 + 2 × 300 = 5,200 EUR; collected 400 + 1,600 + 1,050 + 100.
    expect(body.total).toMatchObject({
      tenancies: 4,
      chargedCents: 520_000,
      collectedCents: 315_000,
      writtenOffCents: 0,
      overdueCents: 205_000,
      collectionRate: 0.6058,
      arrearsRate: 0.3942,
    });
    expect(body.byPartner.map((r) => [r.key, r.tenancies, r.chargedCents, r.overdueCents])).toEqual([
      ["ETS-B1", 3, 460_000, 155_000],
      ["ETS-B2", 1, 60_000, 50_000],
    ]);
    expect(body.byCategory.map((r) => [r.key, r.collectionRate])).toEqual([
      ["calmierato", 0.663],
      ["calmierato_ridotto", 0.1667],
    ]);
    expect(body.byPartner[0]?.ageing).toMatchObject({ d0_30: 75_000, d31_60: 40_000, d61_90: 40_000 });
  });

  it("of its own tenancies only, for a partner; the last twelve months by default", async () => {
    const body = await jsonOf<ArrearsSummary>(await b2.get("/arrears/summary"), 200);
    expect(body).toMatchObject({ from: "2025-12", to: "2026-11" });
    expect(body.byPartner.map((r) => r.key)).toEqual(["ETS-B2"]);
    expect(body.total).toMatchObject({ chargedCents: 60_000, collectedCents: 10_000, overdueCents: 50_000 });
  });

  it("refuses a window that ends before it starts, or a month that is not one", async () => {
    expect(
      (await problemOf(await admin.get("/arrears/summary?from=2026-11&to=2026-01"), 400)).errors,
    ).toEqual([{ path: "from", message: "The first month cannot come after the last" }]);
    expect((await problemOf(await admin.get("/arrears/summary?to=2026-13"), 400)).errors).toEqual([
      { path: "to", message: "Give the month as YYYY-MM" },
    ]);
  });
});

describe("co-payment monitoring", () => {
  it("lists the fragilità tenancies with their co-payment, charged and paid over six months", async () => {
    const b3 = await ctx.loginAs("area_b_manager", "ETS-B3");
    const fragile = await tenancyWithRent(ctx, b3, {
      partnerCode: "ETS-B3",
      category: "fragilita",
      rentCents: 12_000,
      months: ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"],
      paid: [
        ["2026-05-05", 12_000],
        ["2026-07-05", 24_000],
        ["2026-09-05", 12_000],
      ],
      rentBasis: {
        rule: "co_payment",
        annualIncomeCents: 1_440_000,
        sharePercent: 10,
        coPaymentCents: 12_000,
        ceilingCents: 30_000,
      },
    });
    const body = await jsonOf<CoPaymentList>(await b3.get("/arrears/co-payments"), 200);
    expect(body).toMatchObject({ from: "2026-06", to: "2026-11", total: 1 });
    expect(body.items[0]).toMatchObject({
      tenancyId: fragile.tenancyId,
      coPaymentCents: 12_000,
      sharePercent: 10,
      chargedCents: 72_000,
      paidCents: 36_000,
      sharePaid: 0.5,
    });
    // The other partners have no fragilità tenancy; the Comune sees this one.
    expect((await jsonOf<CoPaymentList>(await b1.get("/arrears/co-payments"), 200)).total).toBe(0);
    expect((await jsonOf<CoPaymentList>(await admin.get("/arrears/co-payments"), 200)).total).toBe(1);
  });
});

describe("the arrears policy as data", () => {
  it("starts from the default, which everyone who reads tenancies may read", async () => {
    const body = await jsonOf<ArrearsPolicyView>(await b1.get("/arrears/policy"), 200);
    expect(body).toMatchObject({
      version: 0,
      stored: false,
      createdBy: null,
      policy: DEFAULT_ARREARS_POLICY,
    });
  });

  it("is saved by the Comune's admin as a new version, with who and why", async () => {
    const policy = {
      ...DEFAULT_ARREARS_POLICY,
      funds: { ...DEFAULT_ARREARS_POLICY.funds, regional_solidarity: { maxIseeCents: 1_000_000 } },
    };
    await problemOf(await b1.post("/arrears/policy", { policy, reason: "Soglia regionale aggiornata" }), 403);
    const noReason = await problemOf(await admin.post("/arrears/policy", { policy }), 400);
    expect(noReason.errors).toEqual([{ path: "reason", message: "reason is required" }]);
    const badOrder = {
      ...policy,
      stages: { ...policy.stages, legal: { ...policy.stages.legal, fromDaysOverdue: 10 } },
    };
    const refused = await problemOf(
      await admin.post("/arrears/policy", { policy: badOrder, reason: "Prova" }),
      400,
    );
    expect(refused.errors).toEqual([
      {
        path: "policy.stages.legal.fromDaysOverdue",
        message: "stages.legal.fromDaysOverdue cannot be below fund_referral's (30 days): stages go in order",
      },
    ]);
    const saved = await jsonOf<ArrearsPolicyView>(
      await admin.post("/arrears/policy", { policy, reason: "Soglia regionale aggiornata" }),
      201,
    );
    expect(saved).toMatchObject({ version: 1, stored: true, reason: "Soglia regionale aggiornata" });
    expect(saved.createdBy?.name).toMatch(/^Test comune_admin/);
    const read = await jsonOf<ArrearsPolicyView>(await b2.get("/arrears/policy"), 200);
    expect(read.version).toBe(1);
    expect(read.policy.funds.regional_solidarity.maxIseeCents).toBe(1_000_000);
  });
});
