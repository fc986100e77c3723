// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { reviewProblems, reviewStatus, submissionProblems } from "../expenses/eligibility.ts";
import { ClaimInput, CostLineInput, ExpenseDocumentFields } from "../expenses/expenses.ts";
import { DEMO_CLAIM_AWAITING_REVIEW, DEMO_CLAIMS, DEMO_EXPENSE_BUDGETS, tinyPdf } from "./demo-expenses.ts";
import { DEMO_ORGANISATIONS } from "./demo-programme.ts";

const convention = { start: "2026-01-01", end: "2050-12-31" };
const TODAY = "2026-11-22";

describe("the demo's expense claims", () => {
  it("has a budget per partner, line and source, for the Area A partner and every Area B partner", () => {
    const keys = DEMO_EXPENSE_BUDGETS.map((b) => `${b.partnerCode} ${b.line} ${b.fundingSource}`);
    expect(new Set(keys).size).toBe(keys.length);
    const partners = DEMO_ORGANISATIONS.filter((o) => o.kind === "partner").map((o) => o.code);
    expect(new Set(DEMO_EXPENSE_BUDGETS.map((b) => b.partnerCode))).toEqual(new Set(partners));
    for (const b of DEMO_EXPENSE_BUDGETS)
      expect(b.line.startsWith(b.partnerCode === "ETS-A" ? "A" : "B")).toBe(true);
  });

  it("holds a claim at each stage, one of them awaiting review", () => {
    expect(new Set(DEMO_CLAIMS.map((c) => c.status))).toEqual(
      new Set(["draft", "submitted", "approved", "partly_approved", "rejected", "paid"]),
    );
    expect(DEMO_CLAIMS.find((c) => c.title === DEMO_CLAIM_AWAITING_REVIEW)?.status).toBe("submitted");
  });

  it("holds valid, fictional claims that pass the rules they went through", () => {
    const numbers = new Set<string>();
    for (const claim of DEMO_CLAIMS) {
      expect(ClaimInput.safeParse(claim).success, claim.title).toBe(true);
      expect(claim.title).toMatch(/\(demo\)$/);
      for (const line of claim.lines) {
        expect(CostLineInput.safeParse(line).success).toBe(true);
        expect(line.supplier).toMatch(/\(demo\)$/);
        expect(line.incurredOn <= TODAY).toBe(true);
        for (const d of line.documents) {
          expect(ExpenseDocumentFields.safeParse(d).success).toBe(true);
          const key = `${d.kind} ${d.issuer.toLowerCase()} ${d.number.toLowerCase()}`;
          expect(numbers.has(key), key).toBe(false);
          numbers.add(key);
        }
      }
      const budget = DEMO_EXPENSE_BUDGETS.find(
        (b) =>
          b.partnerCode === claim.partnerCode &&
          b.line === claim.line &&
          b.fundingSource === claim.fundingSource,
      );
      const problems = submissionProblems({
        period: claim,
        convention,
        lines: claim.lines.map((l, i) => ({ ...l, position: i + 1 })),
        budget: { ...claim, budgetCents: budget?.amountCents ?? null, committedCents: 0 },
      });
      if (claim.status === "draft")
        expect(problems.map((p) => p.message)).toEqual(["Cost line 1 needs a proof of payment"]);
      else expect(problems, claim.title).toEqual([]);
      if (claim.decidedOn === null) continue;
      const lines = claim.lines.map((l, i) => ({
        id: String(i),
        position: i + 1,
        amountCents: l.amountCents,
      }));
      const decisions = claim.lines.map((l, i) => ({
        lineId: String(i),
        approvedCents: l.approvedCents ?? 0,
        rejectionReason: l.rejectionReason ?? "",
      }));
      expect(
        reviewProblems(lines, { version: 1, lines: decisions, decisionNote: claim.decisionNote }),
      ).toEqual([]);
      const status = reviewStatus(lines, decisions);
      expect(["paid", "reimbursement_requested"].includes(claim.status) ? "approved" : claim.status).toBe(
        status,
      );
    }
  });

  it("makes small PDFs, each its own", () => {
    const a = tinyPdf(["Fattura FT-1", "Fornitore (demo)"]);
    const b = tinyPdf(["Fattura FT-2", "Fornitore (demo)"]);
    const text = new TextDecoder().decode(a);
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);
    expect(a.length).toBeLessThan(1_000);
    expect(text).not.toBe(new TextDecoder().decode(b));
    const offset = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(offset, offset + 4)).toBe("xref");
  });
});
