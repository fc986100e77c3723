// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimDetailView } from "../../domain/expenses/expenses-api.schema.ts";
import { auditEvents } from "../db/schema.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";
import { createTestContext } from "../testing/test-context.ts";
import { DOCUMENT_REUSED } from "./expense-documents.service.ts";
import {
  addLine,
  expenseAccounts,
  fieldsOf,
  messagesOf,
  newDraft,
  ok,
  pdf,
  setBudget,
  submittedClaim,
  upload,
} from "./expenses-fixtures.ts";

// The test clock reads 2026-11-22; the convention runs 2026-01-01 → 2050-12-31.
let ctx: TestContext;
let admin: TestClient;
let b1: TestClient;
let b2: TestClient;
let draft: ClaimDetailView;
let lineId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const accounts = await expenseAccounts(ctx);
  ({ admin, b1, b2 } = accounts);
  await setBudget(admin, accounts.partnerId("ETS-B1"), 1_000_000);
  draft = await addLine(b1, (await newDraft(b1)).id);
  lineId = draft.lines[0]?.id as string;
});
afterAll(() => ctx.close());

/** A fresh draft of `client` with one cost line. */
async function lineOf(client: TestClient) {
  const claim = await addLine(client, (await newDraft(client)).id);
  return { claimId: claim.id, lineId: claim.lines[0]?.id as string };
}

describe("a document's file and facts", () => {
  it("keeps a PDF with its SHA-256, and gives it back, auditing the read", async () => {
    const file = pdf("fattura FT-1", "Fattura FT-1.pdf");
    const saved = await ok<ClaimDetailView>(
      await upload(b1, draft.id, lineId, { kind: "invoice", number: "FT-1", file }),
      201,
    );
    const document = saved.lines[0]?.documents[0];
    expect(document).toMatchObject({
      kind: "invoice",
      number: "FT-1",
      fileName: "Fattura FT-1.pdf",
      contentType: "application/pdf",
      inUse: true,
    });
    expect(document?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const res = await b1.get(`/expenses/claims/${draft.id}/documents/${document?.id}/file`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(await res.text()).toBe(await file.text());
    const reads = await ctx.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "expense_claim"), eq(auditEvents.entityId, draft.id)));
    expect(reads).toContainEqual({
      action: "GET /expenses/claims/{id}/documents/{documentId}/file",
      outcome: "success",
    });
    expect(reads).toContainEqual({
      action: "POST /expenses/claims/{id}/lines/{lineId}/documents",
      outcome: "success",
    });
  });

  it("refuses a file that is not a PDF, PNG or JPEG, or not what its type says", async () => {
    const text = await upload(b1, draft.id, lineId, {
      kind: "invoice",
      file: new File(["ciao"], "nota.txt", { type: "text/plain" }),
    });
    expect(text.status).toBe(422);
    expect(await fieldsOf(text)).toEqual(["file"]);
    const fake = await upload(b1, draft.id, lineId, {
      kind: "invoice",
      file: new File(["%PDF-1.4 travestito"], "foto.png", { type: "image/png" }),
    });
    expect(await messagesOf(fake)).toEqual(["The file's content does not match its type (image/png)"]);
  });

  it("refuses a file above the limit", async () => {
    const big = new File([new Uint8Array(11 * 1024 * 1024).fill(0x25)], "grande.pdf", {
      type: "application/pdf",
    });
    expect((await upload(b1, draft.id, lineId, { kind: "invoice", file: big })).status).toBe(413);
  });

  it.each([
    ["2025-06-30", "issuedOn 2025-06-30 is outside the project (2026-01-01 to 2050-12-31)"],
    ["2026-10-15", "issuedOn 2026-10-15 is outside the claim's period (2026-07-01 to 2026-09-30)"],
  ])("refuses a document dated %s", async (issuedOn, message) => {
    const res = await upload(b1, draft.id, lineId, { kind: "proof_of_payment", issuedOn });
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(["issuedOn"]);
    expect(await messagesOf(res)).toEqual([message]);
  });
});

describe("a document on one claim at a time", () => {
  const file = pdf("quietanza Q-77");

  it("refuses the same file twice on one claim, saying which line has it", async () => {
    await ok(await upload(b1, draft.id, lineId, { kind: "proof_of_payment", number: "Q-77", file }), 201);
    const second = await addLine(b1, draft.id, { description: "Divano" });
    const twice = await upload(b1, draft.id, second.lines[1]?.id as string, {
      kind: "proof_of_payment",
      number: "Q-78",
      file,
    });
    expect(twice.status).toBe(409);
    expect(await fieldsOf(twice)).toEqual(["file"]);
    expect(await messagesOf(twice)).toEqual(["This document is already on this claim (cost line 1)"]);
  });

  it("refuses it on another claim of the same partner: the same file, or the same kind, issuer and number", async () => {
    const other = await lineOf(b1);
    const sameFile = await upload(b1, other.claimId, other.lineId, { kind: "proof_of_payment", file });
    expect(sameFile.status).toBe(409);
    expect(await fieldsOf(sameFile)).toEqual(["file"]);
    expect(await messagesOf(sameFile)).toEqual([DOCUMENT_REUSED]);
    const sameNumber = await upload(b1, other.claimId, other.lineId, {
      kind: "invoice",
      issuer: "FORNITORE IMMAGINARIO SRL (DEMO)",
      number: "ft-1",
    });
    expect(sameNumber.status).toBe(409);
    expect(await fieldsOf(sameNumber)).toEqual(["number"]);
  });

  it("refuses it on another partner's claim, without saying whose it is", async () => {
    const other = await lineOf(b2);
    const res = await upload(b2, other.claimId, other.lineId, { kind: "proof_of_payment", file });
    expect(res.status).toBe(409);
    expect(await fieldsOf(res)).toEqual(["file"]);
    const body = await res.text();
    expect(body).toContain(DOCUMENT_REUSED);
    for (const secret of ["ETS-B1", "Casa Aperta", draft.id, draft.reference])
      expect(body).not.toContain(secret);
  });

  it("frees a document removed from a draft", async () => {
    const first = await lineOf(b1);
    const own = pdf("fattura da spostare");
    const saved = await ok<ClaimDetailView>(
      await upload(b1, first.claimId, first.lineId, { kind: "invoice", file: own }),
      201,
    );
    const documentId = saved.lines[0]?.documents[0]?.id as string;
    await ok(await b1.request("DELETE", `/expenses/claims/${first.claimId}/documents/${documentId}`));
    const elsewhere = await lineOf(b1);
    await ok(await upload(b1, elsewhere.claimId, elsewhere.lineId, { kind: "invoice", file: own }), 201);
  });

  it("frees the documents of a rejected claim, so they may be claimed again", async () => {
    const sent = await submittedClaim(b1, [8_000]);
    const line = sent.lines[0] as ClaimDetailView["lines"][number];
    const invoice = line.documents.find((d) => d.kind === "invoice");
    const retry = await lineOf(b1);
    const before = await upload(b1, retry.claimId, retry.lineId, {
      kind: "invoice",
      issuer: invoice?.issuer,
      number: invoice?.number,
    });
    expect(before.status).toBe(409);
    await ok(
      await admin.post(`/expenses/claims/${sent.id}/review`, {
        version: sent.version,
        lines: [{ lineId: line.id, approvedCents: 0, rejectionReason: "Fattura intestata ad altro ente" }],
        decisionNote: "Giustificativi da correggere",
      }),
    );
    const after = await upload(b1, retry.claimId, retry.lineId, {
      kind: "invoice",
      issuer: invoice?.issuer,
      number: invoice?.number,
    });
    expect(after.status, await after.clone().text()).toBe(201);
  });

  it("takes no document on a claim that is no longer a draft", async () => {
    const sent = await submittedClaim(b1, [1_000]);
    const res = await upload(b1, sent.id, sent.lines[0]?.id as string, { kind: "timesheet" });
    expect(res.status).toBe(409);
    expect(await fieldsOf(res)).toEqual(["status"]);
  });
});
