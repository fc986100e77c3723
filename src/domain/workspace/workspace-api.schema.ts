// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { EMAIL_STATUSES, LibraryFolder, NOTIFICATION_KINDS } from "./workspace.ts";

export const AnnouncementView = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  bodyId: z.uuid().nullable(),
  /** The governance body it is for; null: every organisation. */
  bodyName: z.string().nullable(),
  authorName: z.string(),
  publishedAt: z.string(),
  /** Notified accounts. */
  recipients: z.number().int(),
});
export type AnnouncementView = z.infer<typeof AnnouncementView>;

export const LibraryVersionView = z.object({
  version: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  note: z.string(),
  uploadedBy: z.string(),
  organisationCode: z.string(),
  uploadedAt: z.string(),
});
export type LibraryVersionView = z.infer<typeof LibraryVersionView>;

export const LibraryDocumentView = z.object({
  id: z.uuid(),
  title: z.string(),
  folder: LibraryFolder,
  description: z.string(),
  bodyId: z.uuid().nullable(),
  currentVersion: z.number().int(),
  /** Every version, the latest first. */
  versions: z.array(LibraryVersionView),
});
export type LibraryDocumentView = z.infer<typeof LibraryDocumentView>;

export const LibraryList = z.object({ items: z.array(LibraryDocumentView) });
export type LibraryList = z.infer<typeof LibraryList>;

export const AnnouncementList = z.object({ items: z.array(AnnouncementView) });
export type AnnouncementList = z.infer<typeof AnnouncementList>;

export const NotificationView = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The sentence in Italian. */
  title: z.string(),
  /** The values of the sentence, to say it in another language (`storedNoticeTitle`); may be empty. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
  emailStatus: z.enum(EMAIL_STATUSES),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z.object({
  items: z.array(NotificationView),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;
