// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { BudgetInput, ClaimInput, CostLineInput, ExpenseDocumentFields, PaymentInput } from "./expenses.ts";

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues.map((i) => i.path.join(".")) ?? []);

describe("the expense claims' inputs", () => {
  const claim = {
    line: "B.2",
    fundingSource: "grant",
    periodFrom: "2026-07-01",
    periodTo: "2026-09-30",
    title: "Arredi alloggi via Fittizia (demo)",
  };

  it.each([
    ["a valid draft", {}, []],
    ["an unknown line", { line: "C.1" }, ["line"]],
    ["an unknown source", { fundingSource: "loans" }, ["fundingSource"]],
    ["a period ending before it starts", { periodTo: "2026-06-30" }, ["periodTo"]],
    ["a short title", { title: "ab" }, ["title"]],
    ["a partner that is no id", { partnerId: "ETS-B1" }, ["partnerId"]],
  ])("a claim: %s", (_, overrides, paths) => {
    expect(pathsOf(ClaimInput.safeParse({ ...claim, ...overrides }))).toEqual(paths);
  });

  it("leaves the partner to the caller when not named", () => {
    expect(ClaimInput.parse(claim).partnerId).toBeNull();
  });

  it.each([
    ["a valid cost", {}, []],
    ["no amount", { amountCents: 0 }, ["amountCents"]],
    ["a fractional amount", { amountCents: 10.5 }, ["amountCents"]],
    ["a date not in ISO form", { incurredOn: "01/08/2026" }, ["incurredOn"]],
    ["no description", { description: " " }, ["description"]],
  ])("a cost line: %s", (_, overrides, paths) => {
    const cost = { description: "Cucina componibile", incurredOn: "2026-08-01", amountCents: 120_000 };
    expect(pathsOf(CostLineInput.safeParse({ ...cost, ...overrides }))).toEqual(paths);
  });

  it.each([
    ["an invoice", {}, []],
    ["an unknown kind", { kind: "receipt" }, ["kind"]],
    ["no number", { number: "" }, ["number"]],
  ])("a document: %s", (_, overrides, paths) => {
    const doc = { kind: "invoice", issuer: "Mobili Immaginari srl", number: "FT-12", issuedOn: "2026-08-01" };
    expect(pathsOf(ExpenseDocumentFields.safeParse({ ...doc, ...overrides }))).toEqual(paths);
  });

  it("takes a new budget with version null, and a payment above zero only", () => {
    const budget = { partnerId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", line: "A.2", fundingSource: "grant" };
    expect(BudgetInput.parse({ ...budget, amountCents: 0 }).version).toBeNull();
    expect(pathsOf(PaymentInput.safeParse({ paidOn: "2026-11-20", paidCents: 0, version: 3 }))).toEqual([
      "paidCents",
    ]);
  });
});
