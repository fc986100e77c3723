// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import {
  canReadDocumentFile,
  DOCUMENT_MAX_BYTES,
  type DocumentFields,
  type DocumentKind,
  type DocumentRecord,
  documentFileName,
  documentFileProblems,
  documentProblems,
  documentValidity,
} from "../../domain/households/document.schema.ts";
import type { ReferralStatus } from "../../domain/households/household-api.schema.ts";
import type { CaseFacts } from "../../domain/households/special-category.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import {
  type DocumentRow,
  findDocumentContent,
  findDocumentRow,
  insertDocumentRow,
  listDocumentRows,
} from "./documents.repository.ts";
import { caseFactsOf } from "./household-team.ts";
import { isUuid } from "./households.repository.ts";
import { findHouseholdOrFail, romeDate } from "./households.service.ts";
import { isReferralOfHousehold } from "./referrals.repository.ts";

/*
 * A household's documents (documenti), with their expiry and, optionally, a file: PDF, PNG or JPEG
 * up to 10 MiB, checked by its content. The social report's files are special-category data.
 */

/** A file as uploaded: the name and type the client gave, and the bytes. */
export type UploadedFile = { name: string; contentType: string; bytes: Uint8Array };

/** What a document use case answers, and the household it is filed under in the audit trail. */
type DocumentResult<T> = { householdId: string; result: T };

const referralOf = (row: DocumentRow) =>
  row.referralPartnerId === null || row.referralStatus === null
    ? null
    : { partnerId: row.referralPartnerId, status: row.referralStatus as ReferralStatus };

const canRead = (actor: Actor, row: DocumentRow, facts: CaseFacts) =>
  canReadDocumentFile(actor, { kind: row.kind as DocumentKind, referral: referralOf(row) }, facts);

function toDocumentRecord(row: DocumentRow, actor: Actor, facts: CaseFacts, today: string): DocumentRecord {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    title: row.title,
    number: row.number,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    referralId: row.referralId,
    validity: documentValidity(row.expiresOn, today),
    file:
      row.fileName === null
        ? null
        : {
            name: row.fileName,
            contentType: row.contentType ?? "",
            sizeBytes: row.sizeBytes ?? 0,
            sha256: row.sha256 ?? "",
          },
    restricted: !canRead(actor, row, facts),
    uploadedBy: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export async function listDocuments(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  now: Date;
}): Promise<DocumentResult<{ items: DocumentRecord[] }>> {
  const { db, actor, idOrReference, now } = options;
  const household = await findHouseholdOrFail(db, actor, idOrReference);
  const [rows, facts] = await inOrder([
    () => listDocumentRows(db, household.id),
    () => caseFactsOf(db, household),
  ]);
  const today = romeDate(now);
  return {
    householdId: household.id,
    result: { items: rows.map((r) => toDocumentRecord(r, actor, facts, today)) },
  };
}

/**
 * Record a document, with its file if any: the record's rules on today's date in Milan, the file's
 * size, type and content, and its referral being one of the household's. The file's SHA-256 is kept.
 */
export async function addDocument(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  fields: DocumentFields;
  file: UploadedFile | null;
  now: Date;
}): Promise<DocumentResult<DocumentRecord>> {
  const { db, actor, idOrReference, fields, file, now } = options;
  const today = romeDate(now);
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    if (file !== null && file.bytes.length > DOCUMENT_MAX_BYTES) {
      throw fieldError(
        "PAYLOAD_TOO_LARGE",
        "file",
        `A file may be at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MiB`,
      );
    }
    const issues = [...documentProblems(fields, today), ...(file === null ? [] : documentFileProblems(file))];
    if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The document breaks a rule", issues);
    if (fields.referralId !== null && !(await isReferralOfHousehold(tx, fields.referralId, household.id))) {
      throw fieldError("UNPROCESSABLE", "referralId", "The referral is not one of this household's");
    }
    const id = await insertDocumentRow(tx, {
      ...fields,
      householdId: household.id,
      file:
        file === null
          ? null
          : {
              name: documentFileName(file.name),
              // Checked against the content above: one of the document types, in its plain form.
              contentType: file.contentType.split(";")[0]?.trim().toLowerCase() ?? "",
              sizeBytes: file.bytes.length,
              sha256: createHash("sha256").update(file.bytes).digest("hex"),
              content: Buffer.from(file.bytes),
            },
      uploadedBy: actor.userId,
      uploadedAt: now,
    });
    const [row, facts] = await inOrder([
      () => findDocumentRow(tx, household.id, id),
      () => caseFactsOf(tx, household),
    ]);
    if (row === null) throw new AppError("NOT_FOUND", "The document was not stored");
    return { householdId: household.id, result: toDocumentRecord(row, actor, facts, today) };
  });
}

/**
 * The file of a document, for download: 404 when the document or its file is not there, 403 when it
 * is special-category data the caller may not read.
 */
export async function getDocumentFile(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  documentId: string;
}): Promise<DocumentResult<{ name: string; contentType: string; content: Buffer }>> {
  const { db, actor, idOrReference, documentId } = options;
  const household = await findHouseholdOrFail(db, actor, idOrReference);
  const row = isUuid(documentId) ? await findDocumentRow(db, household.id, documentId) : null;
  if (row === null) throw new AppError("NOT_FOUND", `No document "${documentId}" of this household`);
  if (row.fileName === null) throw new AppError("NOT_FOUND", "The document has no file");
  if (!canRead(actor, row, await caseFactsOf(db, household))) {
    throw new AppError(
      "FORBIDDEN",
      "The file is special-category data: only the household's team and the Comune's social workers read it",
    );
  }
  const content = await findDocumentContent(db, row.id);
  if (content === null) throw new AppError("NOT_FOUND", "The document has no file");
  return {
    householdId: household.id,
    result: { name: row.fileName, contentType: row.contentType ?? "application/octet-stream", content },
  };
}
