// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";
import {
  type CaseFacts,
  type CaseReader,
  canReadReferralReport,
  specialCategoryAccess,
} from "./special-category.ts";

/*
 * Documents of a household (documenti): identity document, ISEE certificate, social report and
 * others, with their expiry. A file may go with the record; referral attachments are documents
 * that name their referral.
 */

export const DOCUMENT_KINDS = [
  "identity_document",
  "residence_permit",
  "isee",
  "social_report",
  "other",
] as const;
/** Documento d'identità, permesso di soggiorno, attestazione ISEE, relazione sociale, altro. */
export const DocumentKind = z.enum(DOCUMENT_KINDS, {
  error: `Unknown kind: use ${DOCUMENT_KINDS.join(", ")}`,
});
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Kinds whose content is special-category data: only the household's team reads the file. */
export const SPECIAL_CATEGORY_DOCUMENT_KINDS: readonly DocumentKind[] = ["social_report"];

/** The file types a document may carry, and the largest file. */
export const DOCUMENT_CONTENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** The first bytes each file type starts with: a file is what its content says, not its name. */
const SIGNATURES: Record<DocumentContentType, readonly number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46], // %PDF
  "image/png": [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  "image/jpeg": [0xff, 0xd8, 0xff],
};

/** The document type a file's content starts like, or null. */
export function sniffContentType(bytes: Uint8Array): DocumentContentType | null {
  return (
    DOCUMENT_CONTENT_TYPES.find((type) => SIGNATURES[type].every((byte, i) => bytes[i] === byte)) ?? null
  );
}

/**
 * Problems of an uploaded file (its size is checked apart, it has its own answer): not empty, of a
 * declared type a document may carry, and with content that is of that type.
 */
export function documentFileProblems(file: { contentType: string; bytes: Uint8Array }): FieldIssue[] {
  const declared = file.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const allowed = DOCUMENT_CONTENT_TYPES as readonly string[];
  if (file.bytes.length === 0) return [{ path: "file", message: "The file is empty" }];
  if (!allowed.includes(declared)) return [{ path: "file", message: "Attach a PDF, PNG or JPEG file" }];
  if (sniffContentType(file.bytes) !== declared)
    return [{ path: "file", message: `The file's content does not match its type (${declared})` }];
  return [];
}

/** The name a file is kept under: without folders or control characters, at most 200 characters. */
export function documentFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  return base.slice(-200) || "document";
}

/** Days before expiry from which a document shows as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });

/** The record of a document (multipart form fields, or JSON without a file). */
export const DocumentFields = z.object({
  kind: DocumentKind,
  title: z
    .string({ error: "Title is required" })
    .trim()
    .min(1, { error: "Title is required" })
    .max(200, { error: "Title: at most 200 characters" }),
  /** The document's own number (of the identity card, the ISEE protocol, …). */
  number: z.string().trim().max(60, { error: "Number: at most 60 characters" }).default(""),
  issuedOn: IsoDate.nullable().default(null),
  expiresOn: IsoDate.nullable().default(null),
  /** The referral the document was attached to, if any. */
  referralId: z.uuid({ error: "Referral: not a valid id" }).nullable().default(null),
});
export type DocumentFields = z.infer<typeof DocumentFields>;

/** Kinds that always have an expiry date. */
const EXPIRING_KINDS: readonly DocumentKind[] = ["identity_document", "residence_permit", "isee"];

/**
 * Rules that need today's date or more than one field: an identity document, residence permit or
 * ISEE has an expiry; a document already expired is not uploaded; not issued in the future nor
 * after it expires.
 */
export function documentProblems(d: DocumentFields, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.expiresOn === null && EXPIRING_KINDS.includes(d.kind))
    issues.push({ path: "expiresOn", message: "This kind of document has an expiry date: enter it" });
  if (d.expiresOn !== null && d.expiresOn < today)
    issues.push({ path: "expiresOn", message: `The document already expired on ${d.expiresOn}` });
  if (d.issuedOn !== null && d.issuedOn > today)
    issues.push({ path: "issuedOn", message: "The issue date cannot be in the future" });
  if (d.issuedOn !== null && d.expiresOn !== null && d.issuedOn > d.expiresOn)
    issues.push({ path: "expiresOn", message: "The expiry date cannot come before the issue date" });
  return issues;
}

export type DocumentValidity = "valid" | "expiring" | "expired" | "no_expiry";

/** Where a document stands on `today`. */
export function documentValidity(expiresOn: string | null, today: string): DocumentValidity {
  if (expiresOn === null) return "no_expiry";
  if (expiresOn < today) return "expired";
  const days = (Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= EXPIRING_WITHIN_DAYS ? "expiring" : "valid";
}

/**
 * Whether `reader` downloads the file of a document: any reader of the household, except for
 * special-category kinds (the social report), which need the household's special-category access or,
 * for a referral's attachment, what reads the referral's report.
 */
export function canReadDocumentFile(
  reader: CaseReader,
  document: {
    kind: DocumentKind;
    referral: { partnerId: string; status: "pending" | "accepted" | "returned" } | null;
  },
  facts: CaseFacts,
): boolean {
  if (!SPECIAL_CATEGORY_DOCUMENT_KINDS.includes(document.kind)) return true;
  return document.referral === null
    ? specialCategoryAccess(reader, facts) === "full"
    : canReadReferralReport(reader, document.referral, facts);
}

/** A document as the API returns it (the file itself is downloaded apart). */
export const DocumentRecord = DocumentFields.extend({
  id: z.uuid(),
  validity: z.enum(["valid", "expiring", "expired", "no_expiry"]),
  file: z
    .object({ name: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
    .nullable(),
  /** The file is special-category and the caller is not on the household's team. */
  restricted: z.boolean(),
  uploadedBy: z.string().nullable(),
  /** ISO date-time. */
  uploadedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const DocumentList = z.object({ items: z.array(DocumentRecord) });
