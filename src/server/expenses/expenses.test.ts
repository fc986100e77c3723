// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  BudgetOverview,
  ClaimDetailView,
  ClaimList,
} from "../../domain/expenses/expenses-api.schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";
import { createTestContext } from "../testing/test-context.ts";
import {
  addLine,
  claimInput,
  documentedLine,
  expenseAccounts,
  expenseRecordsOf,
  fieldsOf,
  lineInput,
  messagesOf,
  newDraft,
  ok,
  setBudget,
  submit,
  submittedClaim,
  upload,
} from "./expenses-fixtures.ts";

// The test clock reads 2026-11-22; the convention runs 2026-01-01 → 2050-12-31.
let ctx: TestContext;
let admin: TestClient;
let b1: TestClient;
let b2: TestClient;
let partnerId: (code: string) => string;

beforeAll(async () => {
  ctx = await createTestContext();
  ({ admin, b1, b2, partnerId } = await expenseAccounts(ctx));
  await setBudget(admin, partnerId("ETS-B1"), 200_000);
});
afterAll(() => ctx.close());

describe("budgets", () => {
  it("are set by the Comune only, and each partner sees its own", async () => {
    const refused = await b1.request("PUT", "/expenses/budgets", {
      partnerId: partnerId("ETS-B1"),
      line: "B.3",
      fundingSource: "grant",
      amountCents: 1,
      version: null,
    });
    expect(refused.status).toBe(403);
    await setBudget(admin, partnerId("ETS-B2"), 50_000, { line: "B.3" });
    const own = await ok<BudgetOverview>(await b1.get("/expenses/budgets"));
    expect(own.items.map((i) => i.partner.code)).toEqual(["ETS-B1"]);
    expect(own.partners.map((p) => p.code)).toEqual(["ETS-B1"]);
    const all = await ok<BudgetOverview>(await admin.get("/expenses/budgets"));
    expect(all.items.map((i) => `${i.partner.code} ${i.line}`)).toEqual(["ETS-B1 B.2", "ETS-B2 B.3"]);
    expect(all.convention).toEqual({ start: "2026-01-01", end: "2050-12-31" });
  });

  it("changes at the version read only; a second new one for the same key is a conflict", async () => {
    const set = await setBudget(admin, partnerId("ETS-B3"), 10_000, { line: "B.1" });
    const again = await admin.request("PUT", "/expenses/budgets", {
      partnerId: partnerId("ETS-B3"),
      line: "B.1",
      fundingSource: "grant",
      amountCents: 20_000,
      version: null,
    });
    expect(again.status).toBe(409);
    expect(await fieldsOf(again)).toEqual(["version"]);
    const changed = await setBudget(admin, partnerId("ETS-B3"), 20_000, {
      line: "B.1",
      version: set.version,
    });
    expect(changed).toMatchObject({ budgetCents: 20_000, remainingCents: 20_000, version: 2 });
  });
});

describe("drafts", () => {
  it("are a partner's own; the Comune names the partner; a partner cannot claim for another", async () => {
    const draft = await newDraft(b1);
    expect(draft).toMatchObject({ status: "draft", partner: { code: "ETS-B1" }, version: 1, lineCount: 0 });
    expect(draft.reference).toMatch(/^REN-\d{4}-\d{5}$/);
    const forOther = await b1.post("/expenses/claims", { ...claimInput(), partnerId: partnerId("ETS-B2") });
    expect(forOther.status).toBe(403);
    expect(await fieldsOf(forOther)).toEqual(["partnerId"]);
    const comuneUnnamed = await admin.post("/expenses/claims", claimInput());
    expect(comuneUnnamed.status).toBe(422);
    expect(await fieldsOf(comuneUnnamed)).toEqual(["partnerId"]);
    const comuneForB2 = await ok<ClaimDetailView>(
      await admin.post("/expenses/claims", { ...claimInput(), partnerId: partnerId("ETS-B2") }),
      201,
    );
    expect(comuneForB2.partner.code).toBe("ETS-B2");
    const areaA = await ctx.loginAs("area_a");
    const forB3 = await ok<ClaimDetailView>(
      await areaA.post("/expenses/claims", { ...claimInput(), partnerId: partnerId("ETS-B3") }),
      201,
    );
    expect(forB3.partner.code).toBe("ETS-B3");
  });

  it("is read, not written, by the auditor", async () => {
    const auditor = await ctx.loginAs("auditor");
    const all = await ok<ClaimList>(await auditor.get("/expenses/claims"));
    expect(new Set(all.items.map((c) => c.partner.code))).toEqual(new Set(["ETS-B1", "ETS-B2", "ETS-B3"]));
    expect(
      (await auditor.post("/expenses/claims", { ...claimInput(), partnerId: partnerId("ETS-B1") })).status,
    ).toBe(403);
  });

  it("refuses a period outside the convention, naming the field", async () => {
    const res = await b1.post("/expenses/claims", claimInput({ periodFrom: "2025-10-01" }));
    expect(res.status).toBe(422);
    expect(await messagesOf(res)).toEqual([
      "periodFrom 2025-10-01 is outside the project (2026-01-01 to 2050-12-31)",
    ]);
  });

  it("refuses a cost dated outside the project, outside the claim's period or after today", async () => {
    const draft = await newDraft(b1);
    for (const [incurredOn, message] of [
      ["2025-12-31", "incurredOn 2025-12-31 is outside the project (2026-01-01 to 2050-12-31)"],
      ["2026-10-01", "incurredOn 2026-10-01 is outside the claim's period (2026-07-01 to 2026-09-30)"],
    ]) {
      const res = await b1.post(`/expenses/claims/${draft.id}/lines`, lineInput({ incurredOn }));
      expect(res.status).toBe(422);
      expect(await fieldsOf(res)).toEqual(["incurredOn"]);
      expect(await messagesOf(res)).toEqual([message]);
    }
    const wide = await newDraft(b1, { periodTo: "2026-12-31" });
    const future = await b1.post(
      `/expenses/claims/${wide.id}/lines`,
      lineInput({ incurredOn: "2026-11-23" }),
    );
    expect(await messagesOf(future)).toEqual(["incurredOn cannot be after today (2026-11-22)"]);
  });

  it("edits its lines and heading at the version read", async () => {
    const draft = await newDraft(b1);
    const withLine = await addLine(b1, draft.id, { amountCents: 12_345 });
    const line = withLine.lines[0];
    expect(line).toMatchObject({ position: 1, amountCents: 12_345, approvedCents: null, documents: [] });
    const changed = await ok<ClaimDetailView>(
      await b1.request("PUT", `/expenses/claims/${draft.id}/lines/${line?.id}`, {
        ...lineInput({ amountCents: 20_000 }),
        version: withLine.version,
      }),
    );
    expect(changed.totalCents).toBe(20_000);
    const staleHeading = await b1.request("PUT", `/expenses/claims/${draft.id}`, {
      ...claimInput({ title: "Titolo nuovo (prova)" }),
      version: withLine.version,
    });
    expect(staleHeading.status).toBe(409);
    expect(await fieldsOf(staleHeading)).toEqual(["version"]);
    const renamed = await ok<ClaimDetailView>(
      await b1.request("PUT", `/expenses/claims/${draft.id}`, {
        ...claimInput({ title: "Titolo nuovo (prova)" }),
        version: changed.version,
      }),
    );
    expect(renamed.title).toBe("Titolo nuovo (prova)");
    const removed = await ok<ClaimDetailView>(
      await b1.request("DELETE", `/expenses/claims/${draft.id}/lines/${line?.id}`),
    );
    expect(removed.lines).toEqual([]);
  });
});

describe("submitting", () => {
  it("refuses a claim with no line, and a line without its documents, on their paths", async () => {
    const empty = await newDraft(b1);
    const none = await submit(b1, empty);
    expect(none.status).toBe(422);
    expect(await messagesOf(none)).toEqual(["A claim needs at least one cost line"]);

    const withLine = await addLine(b1, empty.id);
    const lineId = withLine.lines[0]?.id as string;
    await ok(await upload(b1, empty.id, lineId, { kind: "invoice" }), 201);
    const draft = await ok<ClaimDetailView>(await b1.get(`/expenses/claims/${empty.id}`));
    expect(draft.checks).toEqual([
      { path: "lines.0.documents", message: "Cost line 1 needs a proof of payment" },
    ]);
    const missing = await submit(b1, draft);
    expect(missing.status).toBe(422);
    expect(await fieldsOf(missing)).toEqual(["lines.0.documents"]);
  });

  it("refuses a claim against no budget, and one above what is left, with the figures in cents", async () => {
    const noBudget = await newDraft(b1, { fundingSource: "equity" });
    const ready = await documentedLine(b1, noBudget.id);
    const refused = await submit(b1, ready);
    expect(refused.status).toBe(422);
    expect(await fieldsOf(refused)).toEqual(["fundingSource"]);

    await setBudget(admin, partnerId("ETS-B1"), 50_000, { line: "A.4" });
    await submittedClaim(b1, [30_000], { line: "A.4" });
    const over = await newDraft(b1, { line: "A.4" });
    const overReady = await documentedLine(b1, over.id, { amountCents: 25_000 });
    const above = await submit(b1, overReady);
    expect(above.status).toBe(422);
    expect(await fieldsOf(above)).toEqual(["totalCents"]);
    expect(await messagesOf(above)).toEqual([
      "The claim's total (25000 cents) plus what is already submitted or approved (30000 cents) exceeds the budget (50000 cents) by 5000 cents",
    ]);
  });

  it("refuses a stale version, then submits; a submitted claim is no longer editable", async () => {
    const draft = await newDraft(b1);
    const ready = await documentedLine(b1, draft.id);
    const stale = await submit(b1, { id: ready.id, version: ready.version - 1 });
    expect(stale.status).toBe(409);
    const sent = await ok<ClaimDetailView>(await submit(b1, ready));
    expect(sent).toMatchObject({
      status: "submitted",
      submittedBy: { name: expect.any(String) },
      checks: [],
    });
    const edit = await b1.post(`/expenses/claims/${sent.id}/lines`, lineInput());
    expect(edit.status).toBe(409);
    expect(await messagesOf(edit)).toEqual(["The claim is submitted: only a draft can be changed"]);
  });

  it("lets two concurrent submits against one budget through only while together within it", async () => {
    await setBudget(admin, partnerId("ETS-B1"), 100_000, { line: "B.1" });
    const first = await documentedLine(b1, (await newDraft(b1, { line: "B.1" })).id, { amountCents: 60_000 });
    const second = await documentedLine(b1, (await newDraft(b1, { line: "B.1" })).id, {
      amountCents: 60_000,
    });
    const answers = await Promise.all([submit(b1, first), submit(b1, second)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    const budgets = await ok<BudgetOverview>(await b1.get("/expenses/budgets"));
    expect(budgets.items.find((i) => i.line === "B.1")).toMatchObject({
      budgetCents: 100_000,
      pendingCents: 60_000,
      remainingCents: 40_000,
    });
  });
});

describe("partner isolation", () => {
  it("hides a partner's claim from another partner: every read and move is a 404", async () => {
    const { draft, lineId, documentId, approved } = await expenseRecordsOf(b1, admin, partnerId("ETS-B1"));
    const base = `/expenses/claims/${draft.id}`;
    for (const res of [
      await b2.get(base),
      await b2.request("PUT", base, { ...claimInput(), version: draft.version }),
      await b2.post(`${base}/lines`, lineInput()),
      await b2.request("PUT", `${base}/lines/${lineId}`, { ...lineInput(), version: draft.version }),
      await b2.request("DELETE", `${base}/lines/${lineId}`),
      await upload(b2, draft.id, lineId, { kind: "invoice" }),
      await b2.request("DELETE", `${base}/documents/${documentId}`),
      await b2.get(`${base}/documents/${documentId}/file`),
      await b2.get(`${base}/export.xlsx`),
      await submit(b2, draft),
      await b2.get(`/expenses/claims/${approved.id}`),
      await b2.post(`/expenses/claims/${approved.id}/reimbursement`, { version: approved.version }),
    ])
      expect(res.status, `${res.url} ${await res.clone().text()}`).toBe(404);
    const list = await ok<ClaimList>(await b2.get("/expenses/claims"));
    expect(list.items.some((c) => c.partner.code === "ETS-B1")).toBe(false);
    const filtered = await ok<ClaimList>(await b2.get(`/expenses/claims?partnerId=${partnerId("ETS-B1")}`));
    expect(filtered.items).toEqual([]);
    // Still the owner's to submit: nothing the other partner tried changed it.
    expect((await ok<ClaimDetailView>(await b1.get(base))).version).toBe(draft.version);
    expect((await ok<ClaimDetailView>(await b1.get(`/expenses/claims/${approved.id}`))).status).toBe(
      "approved",
    );
  });
});

describe("review, reimbursement and payment", () => {
  it("is the Comune's: a partner may not review or record a payment", async () => {
    const sent = await submittedClaim(b1, [10_000]);
    const decisions = sent.lines.map((l) => ({ lineId: l.id, approvedCents: l.amountCents }));
    expect(
      (await b1.post(`/expenses/claims/${sent.id}/review`, { version: sent.version, lines: decisions }))
        .status,
    ).toBe(403);
    expect(
      (
        await b1.post(`/expenses/claims/${sent.id}/payment`, {
          version: sent.version,
          paidOn: "2026-11-20",
          paidCents: 1,
        })
      ).status,
    ).toBe(403);
  });

  it("cuts a line with a reason: partly approved; then reimbursement, and a payment within the approved total", async () => {
    const sent = await submittedClaim(b1, [40_000, 10_000]);
    const [full, cut] = sent.lines as [ClaimDetailView["lines"][number], ClaimDetailView["lines"][number]];
    const review = (lines: unknown[], version = sent.version) =>
      admin.post(`/expenses/claims/${sent.id}/review`, { version, lines });
    const noReason = await review([
      { lineId: full.id, approvedCents: 40_000 },
      { lineId: cut.id, approvedCents: 6_000 },
    ]);
    expect(noReason.status).toBe(422);
    expect(await fieldsOf(noReason)).toEqual(["lines.1.rejectionReason"]);
    const above = await review([
      { lineId: full.id, approvedCents: 40_001 },
      { lineId: cut.id, approvedCents: 10_000 },
    ]);
    expect(await messagesOf(above)).toEqual(["approvedCents is above the line's amount (40000 cents)"]);

    const decided = await ok<ClaimDetailView>(
      await review([
        { lineId: full.id, approvedCents: 40_000 },
        { lineId: cut.id, approvedCents: 6_000, rejectionReason: "Oltre il prezzo di mercato" },
      ]),
    );
    expect(decided).toMatchObject({ status: "partly_approved", totalCents: 50_000, approvedCents: 46_000 });
    expect(decided.lines.map((l) => [l.approvedCents, l.rejectionReason])).toEqual([
      [40_000, null],
      [6_000, "Oltre il prezzo di mercato"],
    ]);
    const early = await admin.post(`/expenses/claims/${sent.id}/payment`, {
      version: decided.version,
      paidOn: "2026-11-22",
      paidCents: 46_000,
    });
    expect(early.status).toBe(409);
    expect(await fieldsOf(early)).toEqual(["status"]);

    const asked = await ok<ClaimDetailView>(
      await b1.post(`/expenses/claims/${sent.id}/reimbursement`, { version: decided.version }),
    );
    expect(asked.status).toBe("reimbursement_requested");
    const tooMuch = await admin.post(`/expenses/claims/${sent.id}/payment`, {
      version: asked.version,
      paidOn: "2026-11-22",
      paidCents: 46_001,
    });
    expect(tooMuch.status).toBe(422);
    expect(await messagesOf(tooMuch)).toEqual(["paidCents is above the approved total (46000 cents)"]);
    const paid = await ok<ClaimDetailView>(
      await admin.post(`/expenses/claims/${sent.id}/payment`, {
        version: asked.version,
        paidOn: "2026-11-22",
        paidCents: 46_000,
      }),
    );
    expect(paid).toMatchObject({ status: "paid", paidOn: "2026-11-22", paidCents: 46_000 });
    const position = paid.budget;
    expect(position?.paidCents).toBeGreaterThanOrEqual(46_000);
  });

  it("approves in full; rejects only with a note, releasing the documents", async () => {
    const sent = await submittedClaim(b1, [5_000]);
    const line = sent.lines[0] as ClaimDetailView["lines"][number];
    const approved = await ok<ClaimDetailView>(
      await admin.post(`/expenses/claims/${sent.id}/review`, {
        version: sent.version,
        lines: [{ lineId: line.id, approvedCents: 5_000 }],
      }),
    );
    expect(approved).toMatchObject({ status: "approved", approvedCents: 5_000 });

    const other = await submittedClaim(b1, [7_000]);
    const otherLine = other.lines[0] as ClaimDetailView["lines"][number];
    const zero = [{ lineId: otherLine.id, approvedCents: 0, rejectionReason: "Spesa non pertinente" }];
    const noNote = await admin.post(`/expenses/claims/${other.id}/review`, {
      version: other.version,
      lines: zero,
    });
    expect(await fieldsOf(noNote)).toEqual(["decisionNote"]);
    const rejected = await ok<ClaimDetailView>(
      await admin.post(`/expenses/claims/${other.id}/review`, {
        version: other.version,
        lines: zero,
        decisionNote: "Nessuna spesa ammissibile",
      }),
    );
    expect(rejected.status).toBe("rejected");
    expect(rejected.lines[0]?.documents.map((d) => d.inUse)).toEqual([false, false]);
    const again = await b1.post(`/expenses/claims/${other.id}/reimbursement`, { version: rejected.version });
    expect(again.status).toBe(409);
  });

  it("totals claimed, pending, approved and paid against the budget", async () => {
    const budgets = await ok<BudgetOverview>(await admin.get("/expenses/budgets"));
    const b2Line = budgets.items.find((i) => i.partner.code === "ETS-B1" && i.line === "B.2");
    expect(b2Line).toBeDefined();
    const { budgetCents, committedCents, remainingCents, pendingCents, approvedCents, claimedCents } =
      b2Line as NonNullable<typeof b2Line>;
    expect(remainingCents).toBe((budgetCents ?? 0) - committedCents);
    expect(committedCents).toBe(pendingCents + approvedCents);
    expect(claimedCents).toBeGreaterThan(approvedCents);
    const list = await ok<ClaimList>(
      await admin.get(`/expenses/claims?status=paid&partnerId=${partnerId("ETS-B1")}`),
    );
    expect(list.items.map((c) => c.status)).toEqual(["paid"]);
  });
});
