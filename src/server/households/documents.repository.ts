// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq } from "drizzle-orm";
import type { DocumentFields } from "../../domain/households/document.schema.ts";
import type { Db } from "../db/client.ts";
import { householdDocuments, referrals, users } from "../db/schema.ts";

/** What a document's record shows, without its content (the file is read apart). */
const documentColumns = {
  id: householdDocuments.id,
  householdId: householdDocuments.householdId,
  referralId: householdDocuments.referralId,
  kind: householdDocuments.kind,
  title: householdDocuments.title,
  number: householdDocuments.number,
  issuedOn: householdDocuments.issuedOn,
  expiresOn: householdDocuments.expiresOn,
  fileName: householdDocuments.fileName,
  contentType: householdDocuments.contentType,
  sizeBytes: householdDocuments.sizeBytes,
  sha256: householdDocuments.sha256,
  uploadedAt: householdDocuments.uploadedAt,
  // The referral it is attached to, when the caller sees it: who may read a social report hangs on it.
  referralPartnerId: referrals.partnerId,
  referralStatus: referrals.status,
  uploadedByName: users.name,
  uploadedByRole: users.role,
};

export type DocumentRow = Awaited<ReturnType<typeof listDocumentRows>>[number];

function selectDocumentRows(db: Db) {
  return db
    .select(documentColumns)
    .from(householdDocuments)
    .leftJoin(referrals, eq(referrals.id, householdDocuments.referralId))
    .leftJoin(users, eq(users.id, householdDocuments.uploadedBy));
}

/** The documents of a household, oldest upload first. */
export async function listDocumentRows(db: Db, householdId: string) {
  return selectDocumentRows(db)
    .where(eq(householdDocuments.householdId, householdId))
    .orderBy(asc(householdDocuments.uploadedAt), asc(householdDocuments.id));
}

export async function findDocumentRow(db: Db, householdId: string, documentId: string) {
  const [row] = await selectDocumentRows(db).where(
    and(eq(householdDocuments.householdId, householdId), eq(householdDocuments.id, documentId)),
  );
  return row ?? null;
}

/** The stored bytes of a document's file; null when it has none. */
export async function findDocumentContent(db: Db, documentId: string) {
  const [row] = await db
    .select({ content: householdDocuments.content })
    .from(householdDocuments)
    .where(eq(householdDocuments.id, documentId));
  return row?.content ?? null;
}

export async function insertDocumentRow(
  db: Db,
  values: DocumentFields & {
    householdId: string;
    file: { name: string; contentType: string; sizeBytes: number; sha256: string; content: Buffer } | null;
    uploadedBy: string;
    uploadedAt: Date;
  },
) {
  const { file, ...fields } = values;
  const [row] = await db
    .insert(householdDocuments)
    .values({
      ...fields,
      fileName: file?.name ?? null,
      contentType: file?.contentType ?? null,
      sizeBytes: file?.sizeBytes ?? null,
      sha256: file?.sha256 ?? null,
      content: file?.content ?? null,
    })
    .returning({ id: householdDocuments.id });
  return row?.id as string;
}
