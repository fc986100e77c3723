// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  DOCUMENT_MAX_BYTES,
  documentFileName,
  documentFileProblems,
} from "../../domain/households/document.schema.ts";
import type {
  AnnouncementInput,
  EmailStatus,
  LibraryDocumentFields,
  LibraryFolder,
  LibraryVersionFields,
  NotificationKind,
  NotificationQuery,
} from "../../domain/workspace/workspace.ts";
import type {
  AnnouncementList,
  AnnouncementView,
  LibraryDocumentView,
  LibraryList,
  NotificationList,
  NotificationView,
} from "../../domain/workspace/workspace-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import {
  announcements,
  governanceBodies,
  libraryDocuments,
  libraryVersions,
  notifications,
  organisations,
  users,
} from "../db/schema.ts";
import { AppError, fieldError, uniqueViolationOf } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import { accountsOf, notify, organisationsSittingIn } from "./notifications.ts";

/*
 * The partners' shared workspace: announcements, the document library with its versions, and each
 * account's notifications. Every staff account reads announcements and the library and adds
 * documents; the programme's governance roles publish announcements.
 */

type Context = { db: Db; actor: Actor; today: string; email: boolean };

export type UploadedFile = { name: string; contentType: string; bytes: Uint8Array };

// ── Announcements ────────────────────────────────────────────────────────────────────────────────

/** The organisations an announcement is for: those sitting in body `bodyId` today, or every one. */
async function audienceOf(db: Db, bodyId: string | null, today: string): Promise<string[]> {
  if (bodyId === null)
    return (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
  return organisationsSittingIn(db, bodyId, today);
}

async function announcementViews(db: Db, id?: string): Promise<AnnouncementView[]> {
  const rows = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      body: announcements.body,
      bodyId: announcements.bodyId,
      bodyName: governanceBodies.name,
      authorName: sql<string>`coalesce(${users.name}, '')`,
      publishedAt: announcements.publishedAt,
    })
    .from(announcements)
    .leftJoin(governanceBodies, eq(governanceBodies.id, announcements.bodyId))
    .leftJoin(users, eq(users.id, announcements.authorId))
    .where(id === undefined ? undefined : eq(announcements.id, id))
    .orderBy(desc(announcements.publishedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString(), recipients: 0 }));
}

export async function listAnnouncements(options: { db: Db }): Promise<AnnouncementList> {
  return { items: await announcementViews(options.db) };
}

/** Publish an announcement and notify the staff of its organisations (all, or one body's). */
export async function publishAnnouncement(
  options: Context & { input: AnnouncementInput },
): Promise<AnnouncementView> {
  const { db, actor, today, email, input } = options;
  if (input.bodyId !== null) {
    const [body] = isUuid(input.bodyId)
      ? await db
          .select({ id: governanceBodies.id })
          .from(governanceBodies)
          .where(eq(governanceBodies.id, input.bodyId))
      : [];
    if (body === undefined)
      throw fieldError("UNPROCESSABLE", "bodyId", `No governance body "${input.bodyId}"`);
  }
  const [row] = await db
    .insert(announcements)
    .values({ title: input.title, body: input.body, bodyId: input.bodyId, authorId: actor.userId })
    .returning({ id: announcements.id });
  const id = row?.id as string;
  const recipients = (
    await accountsOf(db, await audienceOf(db, input.bodyId, today), "governance:read")
  ).filter((u) => u !== actor.userId);
  await notify(
    db,
    recipients,
    {
      kind: "announcement",
      subjectKey: `announcement:${id}`,
      params: { title: input.title },
      link: "/spazio-partner",
    },
    email,
  );
  const [view] = await announcementViews(db, id);
  return { ...(view as AnnouncementView), recipients: recipients.length };
}

// ── The library ──────────────────────────────────────────────────────────────────────────────────

async function libraryViews(db: Db, id?: string): Promise<LibraryDocumentView[]> {
  const [documents, versions] = await inOrder([
    () =>
      db
        .select()
        .from(libraryDocuments)
        .where(id === undefined ? undefined : eq(libraryDocuments.id, id))
        .orderBy(libraryDocuments.folder, libraryDocuments.title),
    () =>
      db
        .select({
          documentId: libraryVersions.documentId,
          version: libraryVersions.version,
          fileName: libraryVersions.fileName,
          contentType: libraryVersions.contentType,
          sizeBytes: libraryVersions.sizeBytes,
          note: libraryVersions.note,
          uploadedBy: sql<string>`coalesce(${users.name}, '')`,
          organisationCode: organisations.code,
          uploadedAt: libraryVersions.uploadedAt,
        })
        .from(libraryVersions)
        .innerJoin(organisations, eq(organisations.id, libraryVersions.organisationId))
        .leftJoin(users, eq(users.id, libraryVersions.uploadedBy))
        .where(id === undefined ? undefined : eq(libraryVersions.documentId, id))
        .orderBy(desc(libraryVersions.version)),
  ]);
  return documents.map((d) => ({
    id: d.id,
    title: d.title,
    folder: d.folder as LibraryFolder,
    description: d.description,
    bodyId: d.bodyId,
    currentVersion: d.currentVersion,
    versions: versions
      .filter((v) => v.documentId === d.id)
      .map(({ documentId: _d, uploadedAt, ...v }) => ({ ...v, uploadedAt: uploadedAt.toISOString() })),
  }));
}

export async function listLibrary(options: { db: Db }): Promise<LibraryList> {
  return { items: await libraryViews(options.db) };
}

function checkedFile(file: UploadedFile) {
  if (file.bytes.length > DOCUMENT_MAX_BYTES)
    throw fieldError("PAYLOAD_TOO_LARGE", "file", "A file may be at most 10 MiB");
  const problems = documentFileProblems(file);
  if (problems.length > 0) throw new AppError("UNPROCESSABLE", "The file breaks a rule", problems);
  return {
    fileName: documentFileName(file.name),
    contentType: file.contentType.split(";")[0]?.trim().toLowerCase() ?? "",
    sizeBytes: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    content: Buffer.from(file.bytes),
  };
}

/** Add a document to the library with its first version. */
export async function addLibraryDocument(
  options: Context & { fields: LibraryDocumentFields; file: UploadedFile },
): Promise<LibraryDocumentView> {
  const { db, actor, fields, file } = options;
  const stored = checkedFile(file);
  if (fields.bodyId !== null) {
    const [body] = await db
      .select({ id: governanceBodies.id })
      .from(governanceBodies)
      .where(eq(governanceBodies.id, fields.bodyId));
    if (body === undefined)
      throw fieldError("UNPROCESSABLE", "bodyId", `No governance body "${fields.bodyId}"`);
  }
  const [row] = await db
    .insert(libraryDocuments)
    .values({
      title: fields.title,
      folder: fields.folder,
      description: fields.description,
      bodyId: fields.bodyId,
      createdBy: actor.userId,
    })
    .returning({ id: libraryDocuments.id })
    .catch((e: unknown) => {
      if (uniqueViolationOf(e)?.includes("library_documents_title_key"))
        throw fieldError(
          "CONFLICT",
          "title",
          `The folder already has a document "${fields.title}": add a version to it`,
        );
      throw e;
    });
  const id = row?.id as string;
  await db.insert(libraryVersions).values({
    documentId: id,
    version: 1,
    ...stored,
    note: fields.note,
    uploadedBy: actor.userId,
    organisationId: actor.organisationId,
  });
  const [view] = await libraryViews(db, id);
  return view as LibraryDocumentView;
}

/** Add a version to a document: the uploader says which version she read; a newer one is a 409. */
export async function addLibraryVersion(
  options: Context & { id: string; fields: LibraryVersionFields; file: UploadedFile },
): Promise<LibraryDocumentView> {
  const { db, actor, id, fields, file } = options;
  const stored = checkedFile(file);
  if (!isUuid(id)) throw new AppError("NOT_FOUND", `No library document "${id}"`);
  const bumped = await db
    .update(libraryDocuments)
    .set({ currentVersion: sql`${libraryDocuments.currentVersion} + 1` })
    .where(and(eq(libraryDocuments.id, id), eq(libraryDocuments.currentVersion, fields.basedOn)))
    .returning({ version: libraryDocuments.currentVersion });
  if (bumped.length === 0) {
    const [exists] = await db
      .select({ version: libraryDocuments.currentVersion })
      .from(libraryDocuments)
      .where(eq(libraryDocuments.id, id));
    if (exists === undefined) throw new AppError("NOT_FOUND", `No library document "${id}"`);
    throw fieldError(
      "CONFLICT",
      "basedOn",
      `Version ${exists.version} was uploaded meanwhile: read it before adding yours`,
    );
  }
  await db.insert(libraryVersions).values({
    documentId: id,
    version: bumped[0]?.version as number,
    ...stored,
    note: fields.note,
    uploadedBy: actor.userId,
    organisationId: actor.organisationId,
  });
  const [view] = await libraryViews(db, id);
  return view as LibraryDocumentView;
}

export async function libraryFile(options: { db: Db; id: string; version: number }) {
  const { db, id, version } = options;
  if (!isUuid(id)) throw new AppError("NOT_FOUND", `No library document "${id}"`);
  const [row] = await db
    .select({
      fileName: libraryVersions.fileName,
      contentType: libraryVersions.contentType,
      content: libraryVersions.content,
    })
    .from(libraryVersions)
    .where(and(eq(libraryVersions.documentId, id), eq(libraryVersions.version, version)));
  if (row === undefined) throw new AppError("NOT_FOUND", `No version ${version} of library document "${id}"`);
  return row;
}

// ── Notifications ────────────────────────────────────────────────────────────────────────────────

/** The caller's notifications, newest first (at most 100), and how many are unread. */
export async function listNotifications(options: {
  db: Db;
  actor: Actor;
  query: NotificationQuery;
}): Promise<NotificationList> {
  const { db, actor, query } = options;
  const own = eq(notifications.userId, actor.userId);
  const [items, unread] = await inOrder([
    () =>
      db
        .select()
        .from(notifications)
        .where(query.unread === true ? and(own, isNull(notifications.readAt)) : own)
        .orderBy(desc(notifications.createdAt))
        .limit(100),
    () =>
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(own, isNull(notifications.readAt))),
  ]);
  return {
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      title: n.title,
      params: n.params as NotificationView["params"],
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
      emailStatus: n.emailStatus as EmailStatus,
    })),
    unread: unread[0]?.n ?? 0,
  };
}

/** Mark the caller's notifications read: `ids`, or all of them. */
export async function markNotificationsRead(options: { db: Db; actor: Actor; ids: string[] | null }) {
  const { db, actor, ids } = options;
  const valid = ids?.filter(isUuid) ?? null;
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        valid === null ? undefined : valid.length > 0 ? inArray(notifications.id, valid) : sql`false`,
      ),
    );
  return listNotifications({ db, actor, query: {} });
}
