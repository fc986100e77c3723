// SPDX-License-Identifier: EUPL-1.2
import { asc } from "drizzle-orm";
import type {
  FundingCallView,
  LenderView,
  LoanView,
  PledgeView,
} from "../../domain/funding/funding-api.schema.ts";
import {
  fundingApplications,
  fundingCalls,
  fundingPledges,
  fundingReceipts,
  lenders,
  loanGuarantees,
  loanOffers,
  loanPayments,
} from "../db/schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/*
 * The funding records each partner's accounts attack the other partners' with: a call it recorded
 * (a shared register: everyone reads it and may apply to it, only its recording organisation or the
 * Comune changes it) and its own application to it, awarded (so a pledge of the source calls); a
 * fundraising pledge with a receipt; a lender (shared) and an accepted loan with a guarantee and a payment.
 */

export type Funding = {
  call: FundingCallView;
  applicationId: string;
  pledge: PledgeView;
  lender: LenderView;
  loan: LoanView;
  guaranteeId: string;
  paymentId: string;
};

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function fundingOf(manager: TestClient, options: { code: string }): Promise<Funding> {
  const { code } = options;
  let call = await ok<FundingCallView>(
    await manager.post("/funding/calls", {
      funder: `Fondazione di prova ${code}`,
      title: `Bando di prova ${code}`,
      area: "B",
      deadline: "2026-12-31",
      fit: "medium",
    }),
    "call",
  );
  call = await ok<FundingCallView>(
    await manager.post(`/funding/calls/${call.id}/applications`, {
      requestedCents: 1_000_000,
      submittedOn: "2026-10-01",
    }),
    "application",
  );
  const application = call.applications[0];
  if (application === undefined) throw new Error("no application");
  call = await ok<FundingCallView>(
    await manager.post(`/funding/applications/${application.id}/outcome`, {
      outcome: "awarded",
      decidedOn: "2026-10-20",
      awardedCents: 800_000,
      version: application.version,
    }),
    "outcome",
  );
  let pledge = await ok<PledgeView>(
    await manager.post("/funding/pledges", {
      source: "fundraising",
      donor: `Donatore di prova ${code}`,
      amountCents: 500_000,
      pledgedOn: "2026-09-01",
      expectedOn: "2026-10-31",
    }),
    "pledge",
  );
  pledge = await ok<PledgeView>(
    await manager.post(`/funding/pledges/${pledge.id}/receipts`, {
      amountCents: 200_000,
      receivedOn: "2026-10-15",
    }),
    "receipt",
  );
  const lender = await ok<LenderView>(
    await manager.post("/funding/lenders", { name: `Banca di prova ${code}`, kind: "bank" }),
    "lender",
  );
  let loan = await ok<LoanView>(
    await manager.post("/funding/loans", {
      lenderId: lender.id,
      purpose: `Prestito di prova ${code}`,
      principalCents: 2_000_000,
      annualRate: 0.04,
      years: 10,
      method: "french",
      offeredOn: "2026-09-01",
      validUntil: "2026-12-31",
    }),
    "loan",
  );
  loan = await ok<LoanView>(
    await manager.post(`/funding/loans/${loan.id}/decision`, {
      decision: "accepted",
      decidedOn: "2026-09-10",
      disbursedOn: "2026-09-30",
      version: loan.version,
    }),
    "decision",
  );
  loan = await ok<LoanView>(
    await manager.post(`/funding/loans/${loan.id}/guarantees`, {
      issuer: `Confidi di prova ${code}`,
      kind: "confidi",
      amountCents: 1_000_000,
      issuedOn: "2026-09-01",
      expiresOn: "2027-09-01",
    }),
    "guarantee",
  );
  loan = await ok<LoanView>(
    await manager.post(`/funding/loans/${loan.id}/payments`, {
      paidOn: "2026-10-31",
      principalCents: 15_000,
      interestCents: 6_000,
    }),
    "payment",
  );
  return {
    call,
    applicationId: application.id,
    pledge,
    lender,
    loan,
    guaranteeId: loan.guarantees[0]?.id as string,
    paymentId: loan.payments[0]?.id as string,
  };
}

/**
 * What of a partner's funding records another partner must never see in an answer: its application,
 * pledge, receipt, loan, guarantee and payment, and the words only they carry. The call and the lender
 * are shared registers, so their ids and names are no secret.
 */
export function fundingKeysOf(f: Funding): string[] {
  return [
    f.applicationId,
    f.pledge.id,
    f.pledge.donor,
    ...f.pledge.receipts.map((r) => r.id),
    f.loan.id,
    f.loan.purpose,
    f.guaranteeId,
    f.paymentId,
    ...f.call.applications.flatMap((a) => (a.pledgeId === null ? [] : [a.pledgeId])),
  ];
}

/** Every funding row, read as the owner: what an attack must leave as it was. */
export async function fundingSnapshot(ctx: TestContext) {
  const db = ctx.db;
  return {
    fundingCalls: await db.select().from(fundingCalls).orderBy(asc(fundingCalls.id)),
    fundingApplications: await db.select().from(fundingApplications).orderBy(asc(fundingApplications.id)),
    fundingPledges: await db.select().from(fundingPledges).orderBy(asc(fundingPledges.id)),
    fundingReceipts: await db.select().from(fundingReceipts).orderBy(asc(fundingReceipts.id)),
    lenders: await db.select().from(lenders).orderBy(asc(lenders.id)),
    loanOffers: await db.select().from(loanOffers).orderBy(asc(loanOffers.id)),
    loanGuarantees: await db.select().from(loanGuarantees).orderBy(asc(loanGuarantees.id)),
    loanPayments: await db.select().from(loanPayments).orderBy(asc(loanPayments.id)),
  };
}

/** A change to a shared register's record, as its own organisation would send it. */
export function callUpdateOf(call: FundingCallView) {
  return {
    funder: call.funder,
    title: "cross-partner attempt",
    area: call.area,
    deadline: call.deadline,
    maxAmountCents: call.maxAmountCents,
    fit: call.fit,
    url: call.url,
    notes: call.notes,
    version: call.version,
  };
}
