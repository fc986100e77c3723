// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { dateProblem, futureProblem } from "../../domain/expenses/eligibility.ts";
import { EXPENSE_DOCUMENT_MAX_BYTES, type ExpenseDocumentFields } from "../../domain/expenses/expenses.ts";
import type { ClaimDetailView } from "../../domain/expenses/expenses-api.schema.ts";
import { documentFileName, documentFileProblems } from "../../domain/households/document.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { expenseDocuments } from "../db/schema.ts";
import { AppError, fieldError, uniqueViolationOf } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import { romeDate } from "../households/households.service.ts";
import { conventionOf, documentFile, documentRows, findClaimRow, lineRows } from "./expenses.repository.ts";
import { claimFor, moveClaim } from "./expenses.service.ts";
import { claimDetail, notFoundClaim } from "./expenses-views.ts";

/*
 * The supporting documents of a claim's cost lines (giustificativi): invoices, proofs of payment and
 * timesheets, each a PDF, PNG or JPEG up to 10 MiB checked by its content, kept with its SHA-256. A
 * document is on one claim at a time: the same file, or the same kind, issuer and number, is refused
 * while in use anywhere — on another partner's claim too, without saying whose (the database's unique
 * keys see what row-level security hides from the caller).
 */

/** A file as uploaded: the name and type the client gave, and the bytes. */
export type UploadedFile = { name: string; contentType: string; bytes: Uint8Array };

export const DOCUMENT_REUSED = "This document is already on another claim";

const sameNumber = (a: ExpenseDocumentFields, b: { kind: string; issuer: string; number: string }) =>
  a.kind === b.kind &&
  a.issuer.toLowerCase() === b.issuer.toLowerCase() &&
  a.number.toLowerCase() === b.number.toLowerCase();

/**
 * Attach a document to a draft's cost line: its date inside the convention and the claim's period
 * and not after today, its file of an accepted type and size, and not already on a claim.
 */
export async function addDocument(options: {
  db: Db;
  actor: Actor;
  id: string;
  lineId: string;
  fields: ExpenseDocumentFields;
  file: UploadedFile;
  now: Date;
}): Promise<ClaimDetailView> {
  const { db, actor, id, lineId, fields, file, now } = options;
  const claim = await claimFor(db, id, "edit");
  const lines = await lineRows(db, claim.id);
  const line = isUuid(lineId) ? lines.find((l) => l.id === lineId) : undefined;
  if (line === undefined) throw new AppError("NOT_FOUND", `No cost line "${lineId}" on this claim`);
  if (file.bytes.length > EXPENSE_DOCUMENT_MAX_BYTES)
    throw fieldError("PAYLOAD_TOO_LARGE", "file", "A file may be at most 10 MiB");
  const convention = await conventionOf(db);
  const issues = [
    dateProblem("issuedOn", "issuedOn", fields.issuedOn, convention, claim),
    futureProblem("issuedOn", "issuedOn", fields.issuedOn, romeDate(now)),
    ...documentFileProblems(file),
  ].filter((p) => p !== null);
  if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The document breaks a rule", issues);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  // On this claim already: say where, it is the caller's own.
  const own = (await documentRows(db, claim.id)).filter((d) => d.inUse);
  const twin = own.find((d) => d.sha256 === sha256) ?? own.find((d) => sameNumber(fields, d));
  if (twin !== undefined) {
    const position = lines.find((l) => l.id === twin.lineId)?.position ?? 0;
    throw fieldError(
      "CONFLICT",
      twin.sha256 === sha256 ? "file" : "number",
      `This document is already on this claim (cost line ${position})`,
    );
  }
  // Moving the claim on locks it, and a page that read it before sees that it changed.
  await moveClaim(db, claim, "edit", undefined);
  try {
    await db.insert(expenseDocuments).values({
      lineId: line.id,
      claimId: claim.id,
      ...fields,
      fileName: documentFileName(file.name),
      contentType: file.contentType.split(";")[0]?.trim().toLowerCase() ?? "",
      sizeBytes: file.bytes.length,
      sha256,
      content: Buffer.from(file.bytes),
      uploadedBy: actor.userId,
      uploadedAt: now,
    });
  } catch (e) {
    const violated = uniqueViolationOf(e);
    if (violated?.includes("expense_documents_file_key"))
      throw fieldError("CONFLICT", "file", DOCUMENT_REUSED);
    if (violated?.includes("expense_documents_number_key"))
      throw fieldError("CONFLICT", "number", DOCUMENT_REUSED);
    throw e;
  }
  return claimDetail(db, claim.id);
}

/** Remove a document from a draft; it may then be claimed elsewhere. */
export async function removeDocument(options: { db: Db; id: string; documentId: string }) {
  const { db, id, documentId } = options;
  const claim = await claimFor(db, id, "edit");
  await moveClaim(db, claim, "edit", undefined);
  const removed = isUuid(documentId)
    ? await db
        .delete(expenseDocuments)
        .where(and(eq(expenseDocuments.claimId, claim.id), eq(expenseDocuments.id, documentId)))
        .returning({ id: expenseDocuments.id })
    : [];
  if (removed.length === 0) throw new AppError("NOT_FOUND", `No document "${documentId}" on this claim`);
  return claimDetail(db, claim.id);
}

/** A document's file, for download (every read is audited by its route). */
export async function getDocumentFile(options: { db: Db; id: string; documentId: string }) {
  const { db, id, documentId } = options;
  const claim = isUuid(id) ? await findClaimRow(db, id) : null;
  if (claim === null) throw notFoundClaim(id);
  const file = isUuid(documentId) ? await documentFile(db, claim.id, documentId) : null;
  if (file === null) throw new AppError("NOT_FOUND", `No document "${documentId}" on this claim`);
  return { claimId: claim.id, ...file };
}
