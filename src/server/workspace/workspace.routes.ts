// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { DOCUMENT_CONTENT_TYPES } from "../../domain/households/document.schema.ts";
import {
  AnnouncementInput,
  LibraryDocumentFields,
  LibraryVersionFields,
  NotificationQuery,
} from "../../domain/workspace/workspace.ts";
import {
  AnnouncementList,
  AnnouncementView,
  LibraryDocumentView,
  LibraryList,
  NotificationList,
} from "../../domain/workspace/workspace-api.schema.ts";
import { fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { download } from "../tenancies/tenancies.routes.ts";
import {
  addLibraryDocument,
  addLibraryVersion,
  libraryFile,
  listAnnouncements,
  listLibrary,
  listNotifications,
  markNotificationsRead,
  publishAnnouncement,
} from "./workspace.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const VersionParams = IdParam.extend({
  version: z.coerce.number().int().min(1).openapi({ description: "Version number" }),
});
const tags = ["workspace"];
const fileField = z.any().openapi({
  type: "string",
  format: "binary",
  description: `${DOCUMENT_CONTENT_TYPES.join(", ")}; at most 10 MiB`,
});
const Document = LibraryDocumentView.openapi("LibraryDocument");
const Notifications = NotificationList.openapi("NotificationList");

const routes = {
  announcements: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/workspace/announcements",
      tags,
      summary: "The announcements to the partners, newest first",
      responses: { 200: json(AnnouncementList.openapi("AnnouncementList"), "The announcements") },
    }),
  ),
  announce: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/workspace/announcements",
      tags,
      summary:
        "Publish an announcement to every organisation, or to those represented in one governance body; their staff are notified",
      request: { body: body(AnnouncementInput.openapi("AnnouncementInput")) },
      responses: { 201: json(AnnouncementView.openapi("Announcement"), "The announcement") },
    }),
  ),
  library: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/workspace/library",
      tags,
      summary: "The shared document library: every document with its versions, who uploaded each and when",
      responses: { 200: json(LibraryList.openapi("LibraryList"), "The library") },
    }),
  ),
  addDocument: createRoute(
    securedRoute("library:write", {
      method: "post",
      path: "/workspace/library",
      tags,
      summary:
        "Add a document with its first version (multipart: title, folder, description, bodyId, note, file)",
      request: {
        body: {
          content: {
            "multipart/form-data": {
              schema: LibraryDocumentFields.extend({ file: fileField }).openapi("LibraryDocumentUpload"),
            },
          },
          required: true,
        },
      },
      responses: { 201: json(Document, "The document") },
    }),
  ),
  addVersion: createRoute(
    securedRoute("library:write", {
      method: "post",
      path: "/workspace/library/{id}/versions",
      tags,
      summary: "Add a version of a document (multipart: basedOn, the version read; note; file)",
      request: {
        params: IdParam,
        body: {
          content: {
            "multipart/form-data": {
              schema: LibraryVersionFields.extend({ file: fileField }).openapi("LibraryVersionUpload"),
            },
          },
          required: true,
        },
      },
      responses: { 201: json(Document, "The document") },
    }),
  ),
  file: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/workspace/library/{id}/versions/{version}",
      tags,
      summary: "One version's file",
      request: { params: VersionParams },
      responses: {
        200: { description: "The file", content: { "application/octet-stream": { schema: z.any() } } },
      },
    }),
  ),
  notifications: createRoute(
    securedRoute("authenticated", {
      method: "get",
      path: "/workspace/notifications",
      tags,
      summary: "The caller's notifications, newest first, and how many are unread",
      request: { query: NotificationQuery.openapi("NotificationQuery") },
      responses: { 200: json(Notifications, "The notifications") },
    }),
  ),
  read: createRoute(
    securedRoute("authenticated", {
      method: "post",
      path: "/workspace/notifications/read",
      tags,
      summary: "Mark the caller's notifications read: those in `ids`, or all",
      request: {
        body: body(
          z
            .object({ ids: z.array(z.string().max(100)).max(500).nullable().default(null) })
            .openapi("NotificationsRead"),
        ),
      },
      responses: { 200: json(Notifications, "The notifications") },
    }),
  ),
};

/** Whether notifications are also sent by e-mail: a mail server is configured. */
const emailOn = (deps: AppDeps) => (deps.mailer ?? null) !== null;

/** The partners' workspace: announcements, the document library, notifications. */
export function workspaceRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  const upload = async (file: unknown) => {
    if (!(file instanceof File)) throw fieldError("INVALID", "file", "Attach one file in the field `file`");
    return { name: file.name, contentType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.announcements, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listAnnouncements({ db })), 200),
    )
    .openapi(routes.announce, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        publishAnnouncement({ db, actor, today: today(), email: emailOn(deps), input }),
      );
      c.set("auditSubject", { entity: "announcement", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.library, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listLibrary({ db })), 200),
    )
    .openapi(routes.addDocument, async (c) => {
      const { file, ...fields } = c.req.valid("form");
      const stored = await upload(file);
      const saved = await inActorScope(deps, c, (db, actor) =>
        addLibraryDocument({ db, actor, today: today(), email: emailOn(deps), fields, file: stored }),
      );
      c.set("auditSubject", { entity: "library_document", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.addVersion, async (c) => {
      const { id } = c.req.valid("param");
      const { file, ...fields } = c.req.valid("form");
      const stored = await upload(file);
      const saved = await inActorScope(deps, c, (db, actor) =>
        addLibraryVersion({ db, actor, today: today(), email: emailOn(deps), id, fields, file: stored }),
      );
      c.set("auditSubject", { entity: "library_document", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.file, async (c) => {
      const { id, version } = c.req.valid("param");
      const file = await inActorScope(deps, c, (db) => libraryFile({ db, id, version }));
      c.set("auditSubject", { entity: "library_document", id });
      return download(c, file);
    })
    .openapi(routes.notifications, async (c) => {
      const query = c.req.valid("query");
      return c.json(await inActorScope(deps, c, (db, actor) => listNotifications({ db, actor, query })), 200);
    })
    .openapi(routes.read, async (c) => {
      const { ids } = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => markNotificationsRead({ db, actor, ids })),
        200,
      );
    });
}
