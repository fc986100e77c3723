// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { PortalTicketCreate, TicketListQuery } from "../../domain/maintenance/ticket.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  audited,
  PhotoParams,
  PhotoUploadForm,
  photoBody,
  photoResponse,
  TicketDoc,
  TicketIdParam,
  TicketListDoc,
  TicketPhotoDoc,
  uploadedPhoto,
} from "./tickets.routes.ts";
import {
  addTicketPhoto,
  getTicket,
  getTicketPhoto,
  listTickets,
  openPortalTicket,
} from "./tickets.service.ts";

// The tenant's side of the tickets: those of their own tenancy, opened on the home they rent. They
// follow them; only the managing partner changes them.

const routes = {
  list: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/tickets",
      tags: ["portal"],
      summary: "The tenant's own tickets (those of their tenancy), with their status",
      request: { query: TicketListQuery },
      responses: { 200: json(TicketListDoc, "A page of the tenant's tickets") },
    }),
  ),
  open: createRoute(
    securedRoute("portal:use", {
      method: "post",
      path: "/portal/tickets",
      tags: ["portal"],
      summary:
        "Report a problem in the home of the tenant's active tenancy (no active tenancy: 422 naming `tenancyId`)",
      request: { body: body(PortalTicketCreate.openapi("PortalTicketCreate")) },
      responses: { 201: json(TicketDoc, "The ticket") },
    }),
  ),
  get: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/tickets/{id}",
      tags: ["portal"],
      summary: "One of the tenant's tickets, with its status history and photos",
      request: { params: TicketIdParam },
      responses: { 200: json(TicketDoc, "The ticket") },
    }),
  ),
  addPhoto: createRoute(
    securedRoute("portal:use", {
      method: "post",
      path: "/portal/tickets/{id}/photos",
      tags: ["portal"],
      summary:
        "Add a photo to one of the tenant's tickets (as for staff: JPEG, PNG or WebP, 5 MB, 6 per ticket)",
      request: {
        params: TicketIdParam,
        body: { content: { "multipart/form-data": { schema: PhotoUploadForm } }, required: true },
      },
      responses: { 201: json(TicketPhotoDoc, "The photo") },
    }),
  ),
  photo: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/tickets/{id}/photos/{photoId}",
      tags: ["portal"],
      summary: "The image of a photo of one of the tenant's tickets",
      request: { params: PhotoParams },
      responses: { 200: photoResponse },
    }),
  ),
};

export function portalTicketRoutes(deps: AppDeps) {
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
        openPortalTicket({ db, actor, input, now: deps.now() }),
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
