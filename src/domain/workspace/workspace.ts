// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The partners' shared workspace (seed 000 §4.1.1 and §6): announcements to every partner or to one
 * governance body's organisations, a document library whose documents keep every version with who
 * uploaded it, and notifications to each account — in the app, and by e-mail when a mail server is
 * configured — for new decisions, overdue actions, referrals and offers awaiting a partner.
 */

/** The library's folders: the convention, governance papers, procedures, reporting, templates, other. */
export const LIBRARY_FOLDERS = [
  "convention",
  "governance",
  "procedures",
  "reporting",
  "templates",
  "other",
] as const;
export const LibraryFolder = z.enum(LIBRARY_FOLDERS, {
  error: `folder must be one of ${LIBRARY_FOLDERS.join(", ")}`,
});
export type LibraryFolder = z.infer<typeof LibraryFolder>;

export const NOTIFICATION_KINDS = [
  "decision",
  "action_overdue",
  "referral_awaiting",
  "offer_awaiting",
  "announcement",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_STATUSES = ["none", "pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });

export const AnnouncementInput = z.object({
  title: text("title", 3, 200),
  body: text("body", 10, 10_000),
  /** The governance body whose organisations it is for; null: every organisation of the programme. */
  bodyId: z.uuid({ error: "bodyId must be an id" }).nullable().default(null),
});
export type AnnouncementInput = z.infer<typeof AnnouncementInput>;

/** A new library document (its first version's file comes with it, multipart). */
export const LibraryDocumentFields = z.object({
  title: text("title", 3, 200),
  folder: LibraryFolder,
  description: z.string().trim().max(2000, { error: "description: at most 2000 characters" }).default(""),
  bodyId: z
    .union([z.uuid({ error: "bodyId must be an id" }), z.literal("")])
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v)),
  note: z.string().trim().max(500, { error: "note: at most 500 characters" }).default(""),
});
export type LibraryDocumentFields = z.infer<typeof LibraryDocumentFields>;

/** A new version of a library document (multipart, with its file). */
export const LibraryVersionFields = z.object({
  note: z.string().trim().max(500, { error: "note: at most 500 characters" }).default(""),
  /** The version the uploader read: a newer one uploaded meanwhile is a 409. */
  basedOn: z.coerce
    .number({ error: "basedOn must be the version you read" })
    .int({ error: "basedOn must be the version you read" })
    .min(1, { error: "basedOn must be the version you read" }),
});
export type LibraryVersionFields = z.infer<typeof LibraryVersionFields>;

/** How many notifications a page shows, newest first; `unread` keeps the unread ones. */
export const NotificationQuery = z.object({
  unread: z
    .enum(["true", "false"], { error: "unread must be true or false" })
    .transform((v) => v === "true")
    .optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;
