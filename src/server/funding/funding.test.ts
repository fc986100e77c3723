// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testScenarioInput } from "../../domain/finance/finance-testing.ts";
import type { PlanActualsView } from "../../domain/finance/plan-api.schema.ts";
import type {
  FundingCallList,
  FundingCallView,
  FundingSummary,
  LenderView,
  LoanList,
  LoanView,
  PlanSourcesView,
  PledgeList,
  PledgeView,
} from "../../domain/funding/funding-api.schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

// The test clock reads 2026-11-22.
let ctx: TestContext;
let manager: TestClient;
let other: TestClient;
let admin: TestClient;
let board: TestClient;
let call: FundingCallView;
let lender: LenderView;

const fieldsOf = async (res: Response) =>
  ((await res.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path) ?? [];

const newCall = (title: string, deadline = "2026-12-20") => ({
  funder: "Fondazione Immaginaria (demo)",
  title,
  area: "B",
  deadline,
  maxAmountCents: 5_000_000,
  fit: "high",
});

const offer = (overrides: Record<string, unknown> = {}) => ({
  lenderId: lender.id,
  purpose: "Ristrutturazione di sei alloggi",
  principalCents: 12_000_000,
  annualRate: 0,
  years: 10,
  method: "french",
  offeredOn: "2026-10-01",
  validUntil: "2026-12-31",
  ...overrides,
});

async function created<T>(res: Response): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as T;
}

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  other = await ctx.loginAs("area_b_manager", "ETS-B2");
  admin = await ctx.loginAs("comune_admin");
  board = await ctx.loginAs("steering_board");
  call = await created(await manager.post("/funding/calls", newCall("Bando abitare fragile (demo)")));
  lender = await created(
    await manager.post("/funding/lenders", {
      name: "Banca Etica Immaginaria (demo)",
      kind: "ethical_finance",
    }),
  );
});
afterAll(() => ctx.close());

describe("calls for funding and applications", () => {
  it("shares the calls with every partner, but not the applications", async () => {
    const applied = await manager.post(`/funding/calls/${call.id}/applications`, {
      requestedCents: 4_000_000,
      submittedOn: "2026-11-20",
    });
    expect(applied.status, await applied.clone().text()).toBe(201);
    const own = (await applied.json()) as FundingCallView;
    expect(own.applications).toMatchObject([{ partnerCode: "ETS-B1", status: "submitted" }]);
    expect(own.deadlineSoon).toBe(false);

    const seenByOther = ((await (await other.get("/funding/calls")).json()) as FundingCallList).items.find(
      (c) => c.id === call.id,
    );
    expect(seenByOther?.applications).toEqual([]);
    // 28 days to the deadline: beyond the 21-day warning.
    expect(seenByOther).toMatchObject({ daysToDeadline: 28, deadlineSoon: false });
    const seenByComune = ((await (await admin.get("/funding/calls")).json()) as FundingCallList).items.find(
      (c) => c.id === call.id,
    );
    expect(seenByComune?.applications).toHaveLength(1);
  });

  it("flags a call due within 21 days that the partner has not applied to", async () => {
    const soon = await created<FundingCallView>(
      await manager.post("/funding/calls", newCall("Bando in scadenza (demo)", "2026-12-05")),
    );
    expect(soon).toMatchObject({ daysToDeadline: 13, deadlineSoon: true });
    const summary = (await (await manager.get("/funding/summary")).json()) as FundingSummary;
    expect(summary.warnings).toContainEqual(
      expect.objectContaining({ kind: "call_deadline", subjectId: soon.id, days: 13 }),
    );
  });

  it("refuses a second application, a late one and one above the call's maximum, naming the field", async () => {
    const again = await manager.post(`/funding/calls/${call.id}/applications`, {
      requestedCents: 1_000_000,
      submittedOn: "2026-11-21",
    });
    expect(again.status).toBe(409);
    const late = await other.post(`/funding/calls/${call.id}/applications`, {
      requestedCents: 1_000_000,
      submittedOn: "2026-12-21",
    });
    expect(late.status).toBe(422);
    expect(await fieldsOf(late)).toEqual(["submittedOn"]);
    const tooMuch = await other.post(`/funding/calls/${call.id}/applications`, {
      requestedCents: 5_000_001,
      submittedOn: "2026-11-21",
    });
    expect(tooMuch.status).toBe(422);
    expect(await fieldsOf(tooMuch)).toEqual(["requestedCents"]);
  });

  it("lets only the recording organisation or the Comune change a call", async () => {
    const update = {
      ...newCall("Bando abitare fragile (demo)", "2026-12-20"),
      notes: "Letto il bando",
      version: 1,
    };
    expect((await other.request("PUT", `/funding/calls/${call.id}`, update)).status).toBe(403);
    const res = await admin.request("PUT", `/funding/calls/${call.id}`, update);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ notes: "Letto il bando", version: 2 });
    expect((await manager.request("PUT", `/funding/calls/${call.id}`, update)).status).toBe(409);
  });

  it("turns an award into a pledge of the source calls, once", async () => {
    const current = ((await (await manager.get("/funding/calls")).json()) as FundingCallList).items.find(
      (c) => c.id === call.id,
    ) as FundingCallView;
    const application = current.applications[0];
    if (application === undefined) throw new Error("no application");
    const above = await manager.post(`/funding/applications/${application.id}/outcome`, {
      outcome: "awarded",
      decidedOn: "2026-11-21",
      awardedCents: 4_000_001,
      version: application.version,
    });
    expect(above.status).toBe(422);
    expect(await fieldsOf(above)).toEqual(["awardedCents"]);
    const missing = await manager.post(`/funding/applications/${application.id}/outcome`, {
      outcome: "awarded",
      decidedOn: "2026-11-21",
      version: application.version,
    });
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toContain("awardedCents");
    // Another partner does not see the application at all.
    const hidden = await other.post(`/funding/applications/${application.id}/outcome`, {
      outcome: "rejected",
      decidedOn: "2026-11-21",
      version: application.version,
    });
    expect(hidden.status).toBe(404);

    const res = await manager.post(`/funding/applications/${application.id}/outcome`, {
      outcome: "awarded",
      decidedOn: "2026-11-21",
      awardedCents: 3_500_000,
      expectedOn: "2027-02-15",
      version: application.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const decided = (await res.json()) as FundingCallView;
    expect(decided.applications[0]).toMatchObject({ status: "awarded", awardedCents: 3_500_000 });
    const pledgeId = decided.applications[0]?.pledgeId;
    const pledges = ((await (await manager.get("/funding/pledges")).json()) as PledgeList).items;
    expect(pledges.find((p) => p.id === pledgeId)).toMatchObject({
      source: "calls",
      donor: "Fondazione Immaginaria (demo)",
      area: "B",
      amountCents: 3_500_000,
      expectedOn: "2027-02-15",
      outstandingCents: 3_500_000,
    });
    const twice = await manager.post(`/funding/applications/${application.id}/outcome`, {
      outcome: "rejected",
      decidedOn: "2026-11-22",
      version: application.version + 1,
    });
    expect(twice.status).toBe(409);
  });
});

describe("pledges and receipts", () => {
  let pledge: PledgeView;

  it("needs the area for partner equity", async () => {
    const res = await manager.post("/funding/pledges", {
      source: "equity",
      donor: "Cooperativa Immaginaria (demo)",
      amountCents: 1_000_000,
      pledgedOn: "2026-03-01",
      expectedOn: "2026-04-01",
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["area"]);
  });

  it("records receipts up to the amount pledged, and never before the pledge", async () => {
    pledge = await created(
      await manager.post("/funding/pledges", {
        source: "fundraising",
        donor: "Campagna di quartiere (demo)",
        amountCents: 1_000_000,
        pledgedOn: "2026-03-01",
        expectedOn: "2026-06-30",
      }),
    );
    const first = await created<PledgeView>(
      await manager.post(`/funding/pledges/${pledge.id}/receipts`, {
        amountCents: 600_000,
        receivedOn: "2026-05-10",
        reference: "CRO 123",
      }),
    );
    expect(first).toMatchObject({ receivedCents: 600_000, outstandingCents: 400_000 });
    const over = await manager.post(`/funding/pledges/${pledge.id}/receipts`, {
      amountCents: 400_001,
      receivedOn: "2026-06-10",
    });
    expect(over.status).toBe(422);
    expect(await fieldsOf(over)).toEqual(["amountCents"]);
    const early = await manager.post(`/funding/pledges/${pledge.id}/receipts`, {
      amountCents: 1,
      receivedOn: "2026-02-28",
    });
    expect(early.status).toBe(422);
    expect(await fieldsOf(early)).toEqual(["receivedOn"]);
  });

  it("warns of a pledge whose money is overdue", async () => {
    const summary = (await (await manager.get("/funding/summary")).json()) as FundingSummary;
    expect(summary.warnings).toContainEqual(
      expect.objectContaining({ kind: "pledge_overdue", subjectId: pledge.id, on: "2026-06-30" }),
    );
  });

  it("keeps a partner's pledges from the others", async () => {
    const seen = ((await (await other.get("/funding/pledges")).json()) as PledgeList).items;
    expect(seen.some((p) => p.id === pledge.id)).toBe(false);
    const res = await other.post(`/funding/pledges/${pledge.id}/receipts`, {
      amountCents: 1,
      receivedOn: "2026-06-10",
    });
    expect(res.status).toBe(404);
  });

  it("receives concurrent receipts without ever going above the pledge", async () => {
    const small = await created<PledgeView>(
      await manager.post("/funding/pledges", {
        source: "grant",
        donor: "Fondo perduto (demo)",
        amountCents: 100_000,
        pledgedOn: "2026-01-10",
        expectedOn: "2026-01-31",
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        manager.post(`/funding/pledges/${small.id}/receipts`, {
          amountCents: 30_000,
          receivedOn: "2026-02-01",
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const after = ((await (await manager.get("/funding/pledges")).json()) as PledgeList).items.find(
      (p) => p.id === small.id,
    );
    expect(after).toMatchObject({ receivedCents: 90_000, outstandingCents: 10_000 });
  });
});

describe("lenders, loans, guarantees and payments", () => {
  let loan: LoanView;

  it("keeps one lender per name", async () => {
    const res = await other.post("/funding/lenders", {
      name: "banca etica immaginaria (demo)",
      kind: "bank",
    });
    expect(res.status).toBe(409);
    expect(await fieldsOf(res)).toEqual(["name"]);
  });

  it("refuses a loan longer than the convention, a negative rate and a grace as long as the loan", async () => {
    const long = await manager.post("/funding/loans", offer({ years: 26 }));
    expect(long.status).toBe(400);
    expect(await fieldsOf(long)).toEqual(["years"]);
    const negative = await manager.post("/funding/loans", offer({ annualRate: -0.01 }));
    expect(negative.status).toBe(400);
    expect(await fieldsOf(negative)).toEqual(["annualRate"]);
    const grace = await manager.post("/funding/loans", offer({ years: 2, graceMonths: 24 }));
    expect(grace.status).toBe(400);
    expect(await fieldsOf(grace)).toEqual(["graceMonths"]);
  });

  it("computes the instalment of an offer", async () => {
    loan = await created(await manager.post("/funding/loans", offer()));
    // 120,000 EUR at 0 % over 10 years: 1,000 EUR a month.
    expect(loan).toMatchObject({ status: "offered", instalmentCents: 100_000, outstandingCents: 0 });
    const priced = await created<LoanView>(
      await manager.post(
        "/funding/loans",
        offer({ principalCents: 1_000_000, annualRate: 0.0525, years: 5 }),
      ),
    );
    // Nominal monthly rate 5.25 % / 12 over 60 months: 189.86 EUR.
    expect(priced.instalmentCents).toBe(18_986);
  });

  it("accepts an offer only by its last valid day, with the disbursement date", async () => {
    const lapsing = await created<LoanView>(
      await manager.post("/funding/loans", offer({ validUntil: "2026-11-15" })),
    );
    expect(lapsing.lapsed).toBe(true);
    const late = await manager.post(`/funding/loans/${lapsing.id}/decision`, {
      decision: "accepted",
      decidedOn: "2026-11-20",
      disbursedOn: "2026-11-30",
      version: lapsing.version,
    });
    expect(late.status).toBe(422);
    expect(await fieldsOf(late)).toEqual(["decidedOn"]);
    const noDate = await manager.post(`/funding/loans/${loan.id}/decision`, {
      decision: "accepted",
      decidedOn: "2026-11-20",
      version: loan.version,
    });
    expect(noDate.status).toBe(400);
    expect(await fieldsOf(noDate)).toEqual(["disbursedOn"]);
    const res = await manager.post(`/funding/loans/${loan.id}/decision`, {
      decision: "accepted",
      decidedOn: "2026-10-15",
      disbursedOn: "2026-10-31",
      version: loan.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    loan = (await res.json()) as LoanView;
    expect(loan).toMatchObject({ status: "accepted", outstandingCents: 12_000_000 });
  });

  it("warns of a guarantee ending within 60 days, and clears the warning once renewed", async () => {
    loan = (await (
      await manager.post(`/funding/loans/${loan.id}/guarantees`, {
        issuer: "Confidi Immaginario (demo)",
        kind: "confidi",
        amountCents: 6_000_000,
        issuedOn: "2026-10-01",
        expiresOn: "2027-01-10",
      })
    ).json()) as LoanView;
    const guarantee = loan.guarantees[0];
    expect(guarantee).toMatchObject({ standing: "expiring", daysToExpiry: 49 });
    expect(loan.guaranteedCents).toBe(6_000_000);
    const warned = (await (await manager.get("/funding/summary")).json()) as FundingSummary;
    expect(warned.warnings).toContainEqual(
      expect.objectContaining({ kind: "guarantee_expiring", subjectId: guarantee?.id, days: 49 }),
    );
    const earlier = await manager.post(`/funding/guarantees/${guarantee?.id}/renewal`, {
      expiresOn: "2027-01-01",
      version: guarantee?.version,
    });
    expect(earlier.status).toBe(422);
    expect(await fieldsOf(earlier)).toEqual(["expiresOn"]);
    const renewed = await manager.post(`/funding/guarantees/${guarantee?.id}/renewal`, {
      expiresOn: "2028-01-10",
      version: guarantee?.version,
    });
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as LoanView).guarantees[0]).toMatchObject({ standing: "valid" });
    const cleared = (await (await manager.get("/funding/summary")).json()) as FundingSummary;
    expect(cleared.warnings.some((w) => w.subjectId === guarantee?.id)).toBe(false);
  });

  it("records payments on an accepted loan, never before disbursement or above the principal owed", async () => {
    const early = await manager.post(`/funding/loans/${loan.id}/payments`, {
      paidOn: "2026-10-30",
      principalCents: 100_000,
      interestCents: 0,
    });
    expect(early.status).toBe(422);
    expect(await fieldsOf(early)).toEqual(["paidOn"]);
    const paid = await created<LoanView>(
      await manager.post(`/funding/loans/${loan.id}/payments`, {
        paidOn: "2026-11-30",
        principalCents: 100_000,
        interestCents: 0,
      }),
    );
    expect(paid).toMatchObject({ principalPaidCents: 100_000, outstandingCents: 11_900_000 });
    const above = await manager.post(`/funding/loans/${loan.id}/payments`, {
      paidOn: "2026-12-31",
      principalCents: 11_900_001,
      interestCents: 0,
    });
    expect(above.status).toBe(422);
    expect(await fieldsOf(above)).toEqual(["principalCents"]);
    const open = ((await (await manager.get("/funding/loans")).json()) as LoanList).items.find(
      (l) => l.status === "offered",
    );
    const onOffer = await manager.post(`/funding/loans/${open?.id}/payments`, {
      paidOn: "2026-11-30",
      principalCents: 1,
      interestCents: 0,
    });
    expect(onOffer.status).toBe(409);
  });

  it("keeps a partner's loans from the others", async () => {
    const seen = ((await (await other.get("/funding/loans")).json()) as LoanList).items;
    expect(seen.some((l) => l.id === loan.id)).toBe(false);
    expect(
      (
        await other.post(`/funding/loans/${loan.id}/guarantees`, {
          issuer: "Intruso (demo)",
          kind: "bank",
          amountCents: 1,
          issuedOn: "2026-10-01",
          expiresOn: "2027-10-01",
        })
      ).status,
    ).toBe(404);
  });
});

describe("the summary and the plan's sources", () => {
  it("totals each source and measures the debt share against total financing", async () => {
    const summary = (await (await manager.get("/funding/summary")).json()) as FundingSummary;
    const loans = summary.bySource.find((s) => s.source === "loans");
    expect(loans).toMatchObject({ pledgedCents: 12_000_000, receivedCents: 12_000_000 });
    const calls = summary.bySource.find((s) => s.source === "calls");
    expect(calls?.pledgedCents).toBeGreaterThanOrEqual(3_500_000);
    const financing = summary.bySource
      .filter((s) => !s.source.startsWith("co_financing"))
      .reduce((sum, s) => sum + s.pledgedCents, 0);
    expect(summary.totalFinancingCents).toBe(financing);
    expect(summary.debtShare).toBeCloseTo(12_000_000 / financing, 12);
  });

  it("shapes pledges and accepted loans as a scenario's sources, month by month", async () => {
    await created(
      await manager.post("/funding/pledges", {
        source: "co_financing_b",
        donor: "ETS-B1 (demo)",
        amountCents: 250_000,
        pledgedOn: "2026-02-01",
        expectedOn: "2027-03-31",
      }),
    );
    const res = await manager.get("/funding/plan-sources?startMonth=2026-01&conventionYears=25");
    expect(res.status).toBe(200);
    const sources = (await res.json()) as PlanSourcesView;
    // The fundraising pledge: 6,000 EUR received in May, 4,000 still owed and overdue, so this month.
    expect(sources.funding.fundraising).toEqual(
      expect.arrayContaining([
        { label: "Campagna di quartiere (demo)", amountCents: 600_000, month: "2026-05" },
        { label: "Campagna di quartiere (demo)", amountCents: 400_000, month: "2026-11" },
      ]),
    );
    expect(sources.funding.calls).toContainEqual({
      label: "Fondazione Immaginaria (demo)",
      amountCents: 3_500_000,
      month: "2027-02",
    });
    expect(sources.loans).toContainEqual(
      expect.objectContaining({
        label: "Banca Etica Immaginaria (demo) — Ristrutturazione di sei alloggi",
        principalCents: 12_000_000,
        disbursedMonth: "2026-10",
        years: 10,
      }),
    );
    expect(sources.coFinancing.areaBPerYearCents[1]).toBeGreaterThanOrEqual(250_000);

    const short = (await (
      await manager.get("/funding/plan-sources?startMonth=2026-01&conventionYears=1")
    ).json()) as PlanSourcesView;
    expect(short.leftOut).toContainEqual(
      expect.objectContaining({
        label: "Fondazione Immaginaria (demo)",
        reason: expect.stringContaining("2027-02"),
      }),
    );
    const bad = await manager.get("/funding/plan-sources?startMonth=2026-13");
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(["startMonth"]);
  });
});

describe("plan versus actual", () => {
  it("puts the records beside the plan month by month, with the checks on actual figures", async () => {
    const saved = await admin.post("/plan/scenarios", {
      name: "consuntivo-prova",
      scenario: testScenarioInput({ startMonth: "2026-01", conventionYears: 10 }),
      reason: "Scenario di prova per il consuntivo",
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    const res = await admin.get("/plan/scenarios/consuntivo-prova/actuals");
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as PlanActualsView;
    expect(view).toMatchObject({ asOf: "2026-11-22", scope: "programme", version: 1 });
    // From the plan's start to this month.
    expect(view.months.map((m) => m.month)).toEqual(
      Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`),
    );
    // The instalment paid on 2026-11-30 above counts in November.
    expect(view.months.at(-1)?.actualLoanPaymentsCents).toBeGreaterThanOrEqual(100_000);
    expect(view.totals.actualLoanPaymentsCents).toBe(
      view.months.reduce((sum, m) => sum + m.actualLoanPaymentsCents, 0),
    );
    expect(view.checks.map((c) => c.id)).toEqual([
      "grant",
      "debt_share",
      "area_a_co_financing",
      "area_b_co_financing",
      "stock",
    ]);
    const debt = view.checks.find((c) => c.id === "debt_share");
    expect(debt?.figures.debtCents).toBeGreaterThanOrEqual(12_000_000);

    const partner = (await (
      await manager.get("/plan/scenarios/consuntivo-prova/actuals")
    ).json()) as PlanActualsView;
    expect(partner.scope).toBe("own_organisation");
    expect((await manager.get("/plan/scenarios/nessuno/actuals")).status).toBe(404);
  });
});

describe("who may use the register", () => {
  it("lets the steering board read but not write, and keeps tenants out", async () => {
    expect((await board.get("/funding/summary")).status).toBe(200);
    expect((await board.post("/funding/lenders", { name: "Banca (demo)", kind: "bank" })).status).toBe(403);
    const tenant = await ctx.loginAs("tenant");
    expect((await tenant.get("/funding/calls")).status).toBe(403);
  });
});
