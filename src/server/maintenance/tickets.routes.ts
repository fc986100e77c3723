// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  TicketCreate,
  TicketDetail,
  TicketList,
  TicketListQuery,
  TicketPhoto,
  TicketTransition,
  TicketUpdate,
} from "../../domain/maintenance/ticket.schema.ts";
import { TICKET_PHOTO_TYPES } from "../../domain/maintenance/ticket-photo.ts";
import { fieldError } from "../errors.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  addTicketPhoto,
  getTicket,
  getTicketPhoto,
  listTickets,
  openTicket,
  type TicketResult,
  transitionTicket,
  type UploadedPhoto,
  updateTicket,
} from "./tickets.service.ts";

export const TicketDoc = TicketDetail.openapi("MaintenanceTicketDetail");
export const TicketListDoc = TicketList.openapi("MaintenanceTicketList");
export const TicketPhotoDoc = TicketPhoto.openapi("MaintenanceTicketPhoto");
export const TicketListQueryDoc = TicketListQuery;

export const TicketIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ description: "Ticket id (uuid) or reference", example: "MAN-2026-00001" }),
});
export const PhotoParams = TicketIdParam.extend({
  photoId: z.string().min(1).max(100).openapi({ description: "Photo id (uuid)" }),
});

/** The multipart upload of a photo. */
export const PhotoUploadForm = z
  .object({
    file: z.any().openapi({
      type: "string",
      format: "binary",
      description: `${TICKET_PHOTO_TYPES.join(", ")} (checked by content); at most 5 MB`,
    }),
  })
  .openapi("MaintenancePhotoUpload");

export const photoResponse = {
  description: "The image",
  content: Object.fromEntries(
    TICKET_PHOTO_TYPES.map((type) => [
      type,
      { schema: z.string().openapi({ type: "string", format: "binary" }) },
    ]),
  ),
};

const routes = {
  list: createRoute(
    securedRoute("maintenance:read", {
      method: "get",
      path: "/maintenance/tickets",
      tags: ["maintenance"],
      summary:
        "Tickets of the units the caller sees, with filters (status, urgency, overdue, unit, text), sort and page",
      request: { query: TicketListQueryDoc },
      responses: { 200: json(TicketListDoc, "A page of tickets") },
    }),
  ),
  open: createRoute(
    securedRoute("maintenance:open", {
      method: "post",
      path: "/maintenance/tickets",
      tags: ["maintenance"],
      summary:
        "Open a ticket on a unit (the tenancy optional: by default the unit's active one); its deadline follows its urgency",
      request: { body: body(TicketCreate) },
      responses: { 201: json(TicketDoc, "The ticket") },
    }),
  ),
  get: createRoute(
    securedRoute("maintenance:read", {
      method: "get",
      path: "/maintenance/tickets/{id}",
      tags: ["maintenance"],
      summary: "One ticket, with its status history, its photos and the moves the caller may make",
      request: { params: TicketIdParam },
      responses: { 200: json(TicketDoc, "The ticket") },
    }),
  ),
  update: createRoute(
    securedRoute("maintenance:manage", {
      method: "patch",
      path: "/maintenance/tickets/{id}",
      tags: ["maintenance"],
      summary:
        "Change the assignee, the urgency (the deadline follows it) or the deadline; send the version you read (a stale one gets 409)",
      request: { params: TicketIdParam, body: body(TicketUpdate) },
      responses: { 200: json(TicketDoc, "The changed ticket") },
    }),
  ),
  transition: createRoute(
    securedRoute("maintenance:manage", {
      method: "post",
      path: "/maintenance/tickets/{id}/transitions",
      tags: ["maintenance"],
      summary:
        "Move a ticket to another status; deferring, declining and reopening need a reason (422 naming `reason`)",
      request: { params: TicketIdParam, body: body(TicketTransition) },
      responses: { 200: json(TicketDoc, "The ticket in its new status") },
    }),
  ),
  addPhoto: createRoute(
    securedRoute("maintenance:open", {
      method: "post",
      path: "/maintenance/tickets/{id}/photos",
      tags: ["maintenance"],
      summary:
        "Add a photo (multipart `file`: JPEG, PNG or WebP by content, at most 5 MB — larger 413 naming `file` — and 6 per ticket)",
      request: {
        params: TicketIdParam,
        body: { content: { "multipart/form-data": { schema: PhotoUploadForm } }, required: true },
      },
      responses: { 201: json(TicketPhotoDoc, "The photo") },
    }),
  ),
  photo: createRoute(
    securedRoute("maintenance:read", {
      method: "get",
      path: "/maintenance/tickets/{id}/photos/{photoId}",
      tags: ["maintenance"],
      summary: "The image of a ticket's photo",
      request: { params: PhotoParams },
      responses: { 200: photoResponse },
    }),
  ),
};

/** Tickets are filed in the audit trail under their own id, whether named by id or reference. */
export const audited = <T>(c: Context<AppEnv>, answer: TicketResult<T>) => {
  c.set("auditSubject", { entity: "maintenance_tickets", id: answer.ticketId });
  return answer.result;
};

/** The photo of a multipart upload: one `File` in `file`. */
export async function uploadedPhoto(form: { file?: unknown }): Promise<UploadedPhoto> {
  const file = form.file;
  if (!(file instanceof File)) throw fieldError("INVALID", "file", "Attach one photo in the field `file`");
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The answer carrying a photo's image, shown in the page (never run as anything but an image). */
export function photoBody(
  c: Context<AppEnv>,
  photo: { fileName: string; contentType: string; content: Buffer },
) {
  return c.body(new Uint8Array(photo.content), 200, {
    "content-type": photo.contentType,
    "content-disposition": "inline",
    "content-length": String(photo.content.length),
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
  });
}

export function ticketRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          listTickets({ db, actor, query: c.req.valid("query"), now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.open, async (c) => {
      const input = c.req.valid("json");
      const answer = await inActorScope(deps, c, (db, actor) =>
        openTicket({ db, actor, input, now: deps.now() }),
      );
      return c.json(audited(c, answer), 201);
    })
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid("param");
      const answer = await inActorScope(deps, c, (db, actor) =>
        getTicket({ db, actor, idOrReference: id, now: deps.now() }),
      );
      return c.json(audited(c, answer), 200);
    })
    .openapi(routes.update, async (c) => {
      const { id } = c.req.valid("param");
      const patch = c.req.valid("json");
      const answer = await inActorScope(deps, c, (db, actor) =>
        updateTicket({ db, actor, idOrReference: id, patch, now: deps.now() }),
      );
      return c.json(audited(c, answer), 200);
    })
    .openapi(routes.transition, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const answer = await inActorScope(deps, c, (db, actor) =>
        transitionTicket({ db, actor, idOrReference: id, input, now: deps.now() }),
      );
      return c.json(audited(c, answer), 200);
    })
    .openapi(routes.addPhoto, async (c) => {
      const { id } = c.req.valid("param");
      const file = await uploadedPhoto(c.req.valid("form"));
      const answer = await inActorScope(deps, c, (db, actor) =>
        addTicketPhoto({ db, actor, idOrReference: id, file, now: deps.now() }),
      );
      return c.json(audited(c, answer), 201);
    })
    .openapi(routes.photo, async (c) => {
      const { id, photoId } = c.req.valid("param");
      const answer = await inActorScope(deps, c, (db, actor) =>
        getTicketPhoto({ db, actor, idOrReference: id, photoId }),
      );
      return photoBody(c, audited(c, answer));
    });
}
