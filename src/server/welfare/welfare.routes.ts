// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  ActivityInput,
  BookingInput,
  SpaceInput,
  WelfareServiceInput,
} from "../../domain/welfare/welfare.ts";
import { SpaceView, WelfareOverview, WelfareServiceView } from "../../domain/welfare/welfare-api.schema.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  addActivity,
  bookSpace,
  cancelBooking,
  createService,
  createSpace,
  welfareOverview,
} from "./welfare.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const tags = ["community welfare"];
const Service = WelfareServiceView.openapi("WelfareService");
const Space = SpaceView.openapi("CommonSpace");

const routes = {
  overview: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/welfare",
      tags,
      summary:
        "Shared services with their activities (participation as counts), common and non-residential spaces with their rules and bookings to come",
      responses: { 200: json(WelfareOverview.openapi("WelfareOverview"), "Community welfare") },
    }),
  ),
  createService: createRoute(
    securedRoute("welfare:write", {
      method: "post",
      path: "/welfare/services",
      tags,
      summary: "Start a shared service of a building or a neighbourhood",
      request: { body: body(WelfareServiceInput.openapi("WelfareServiceInput")) },
      responses: { 201: json(Service, "The service") },
    }),
  ),
  addActivity: createRoute(
    securedRoute("welfare:write", {
      method: "post",
      path: "/welfare/services/{id}/activities",
      tags,
      summary: "Record an activity of a service with how many took part (counts only)",
      request: { params: IdParam, body: body(ActivityInput.openapi("WelfareActivityInput")) },
      responses: { 201: json(Service, "The service") },
    }),
  ),
  createSpace: createRoute(
    securedRoute("welfare:write", {
      method: "post",
      path: "/welfare/spaces",
      tags,
      summary: "Record a common or non-residential space of a building, its use and house rules",
      request: { body: body(SpaceInput.openapi("CommonSpaceInput")) },
      responses: { 201: json(Space, "The space") },
    }),
  ),
  book: createRoute(
    securedRoute("welfare:write", {
      method: "post",
      path: "/welfare/spaces/{id}/bookings",
      tags,
      summary: "Book a common space for the residents; an overlapping booking is a 409 naming fromTime",
      request: { params: IdParam, body: body(BookingInput.openapi("SpaceBookingInput")) },
      responses: { 201: json(Space, "The space") },
    }),
  ),
  cancel: createRoute(
    securedRoute("welfare:write", {
      method: "post",
      path: "/welfare/bookings/{id}/cancel",
      tags,
      summary: "Cancel a booking",
      request: { params: IdParam },
      responses: { 200: json(Space, "The space") },
    }),
  ),
};

/** Community welfare (line B.3): shared services, activities, common spaces and their bookings. */
export function welfareRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.overview, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => welfareOverview({ db, actor, today: today() })), 200),
    )
    .openapi(routes.createService, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createService({ db, actor, today: today(), input }),
      );
      c.set("auditSubject", { entity: "welfare_service", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.addActivity, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        addActivity({ db, actor, today: today(), serviceId: id, input }),
      );
      c.set("auditSubject", { entity: "welfare_service", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.createSpace, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createSpace({ db, actor, today: today(), input }),
      );
      c.set("auditSubject", { entity: "common_space", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.book, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        bookSpace({ db, actor, today: today(), spaceId: id, input }),
      );
      c.set("auditSubject", { entity: "common_space", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.cancel, async (c) => {
      const { id } = c.req.valid("param");
      const saved = await inActorScope(deps, c, (db, actor) =>
        cancelBooking({ db, actor, today: today(), id }),
      );
      c.set("auditSubject", { entity: "common_space", id: saved.id });
      return c.json(saved, 200);
    });
}
