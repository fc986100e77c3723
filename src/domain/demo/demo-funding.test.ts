// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  ApplicationInput,
  FundingCallInput,
  GuaranteeInput,
  LenderInput,
  LoanOfferInput,
  LoanPaymentInput,
  PledgeInput,
  ReceiptInput,
} from "../funding/funding.ts";
import { DEMO_CALLS, DEMO_LENDERS, DEMO_LOANS, DEMO_PLEDGES } from "./demo-funding.ts";

const valid = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } },
  value: unknown,
) => expect(schema.safeParse(value).success, JSON.stringify(value)).toBe(true);

describe("the demo's funding register", () => {
  it("holds valid records, plainly fictional", () => {
    for (const { organisationCode: _, applications, ...call } of DEMO_CALLS) {
      valid(FundingCallInput, call);
      expect(call.funder).toMatch(/\(demo\)$/);
      for (const a of applications) {
        valid(ApplicationInput, a);
        expect(a.submittedOn <= call.deadline).toBe(true);
        for (const r of a.receipts) valid(ReceiptInput, r);
      }
    }
    for (const { partnerCode: _, receipts, ...p } of DEMO_PLEDGES) {
      valid(PledgeInput, p);
      expect(p.donor).toMatch(/\(demo\)$/);
      expect(receipts.reduce((sum, r) => sum + r.amountCents, 0)).toBeLessThanOrEqual(p.amountCents);
      for (const r of receipts) valid(ReceiptInput, r);
    }
    for (const l of DEMO_LENDERS) {
      valid(LenderInput, l);
      expect(l.name).toMatch(/\(demo\)$/);
    }
    for (const { lender, partnerCode: _, decision, guarantees, payments, ...terms } of DEMO_LOANS) {
      valid(LoanOfferInput, { ...terms, lenderId: "00000000-0000-4000-8000-000000000000" });
      expect(DEMO_LENDERS[lender]).toBeDefined();
      for (const g of guarantees) valid(GuaranteeInput, g);
      for (const p of payments) {
        valid(LoanPaymentInput, p);
        expect(decision !== null && p.paidOn >= decision.disbursedOn).toBe(true);
      }
    }
  });

  it("keeps debt within 40 % of the financing it records", () => {
    const pledged = DEMO_PLEDGES.filter((p) => !p.source.startsWith("co_financing")).reduce(
      (sum, p) => sum + p.amountCents,
      0,
    );
    const awarded = DEMO_CALLS.flatMap((c) => c.applications).reduce(
      (sum, a) => sum + (a.outcome.awardedCents ?? 0),
      0,
    );
    const debt = DEMO_LOANS.filter((l) => l.decision !== null).reduce((sum, l) => sum + l.principalCents, 0);
    expect(debt * 5).toBeLessThanOrEqual((pledged + awarded + debt) * 2);
  });
});
