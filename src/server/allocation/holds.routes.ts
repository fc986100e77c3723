// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  Hold,
  HoldInput,
  HoldList,
  HoldListQuery,
  HoldRelease,
} from "../../domain/allocation/hold.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { createHold, listHolds, releaseHold } from "./holds.service.ts";

const HoldDoc = Hold.openapi("UnitHold");
const HoldIdParam = z.object({ id: z.string().min(1).openapi({ description: "Hold id (uuid)" }) });

const routes = {
  list: createRoute(
    securedRoute("allocation:run", {
      method: "get",
      path: "/allocation/holds",
      tags: ["allocation"],
      summary: "Holds on units, the soonest to expire first (by default only those in force today)",
      request: { query: HoldListQuery },
      responses: { 200: json(HoldList.openapi("UnitHoldList"), "The holds") },
    }),
  ),
  create: createRoute(
    securedRoute("allocation:run", {
      method: "post",
      path: "/allocation/holds",
      tags: ["allocation"],
      summary:
        "Keep a unit aside until a day, for one household (only it may be offered the unit by a run) or for nobody, with a reason",
      request: { body: body(HoldInput) },
      responses: { 201: json(HoldDoc, "The hold") },
    }),
  ),
  release: createRoute(
    securedRoute("allocation:run", {
      method: "post",
      path: "/allocation/holds/{id}/release",
      tags: ["allocation"],
      summary: "Release a hold before its expiry, with a reason",
      request: { params: HoldIdParam, body: body(HoldRelease) },
      responses: { 200: json(HoldDoc, "The released hold") },
    }),
  ),
};

const subject = (c: Context<AppEnv>, id: string) => c.set("auditSubject", { entity: "unit_hold", id });

export function holdRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db) => listHolds({ db, query: c.req.valid("query"), now: deps.now() })),
        200,
      ),
    )
    .openapi(routes.create, async (c) => {
      const input = c.req.valid("json");
      const hold = await inActorScope(deps, c, (db, actor) =>
        createHold({ db, actor, input, now: deps.now() }),
      );
      subject(c, hold.id);
      return c.json(hold, 201);
    })
    .openapi(routes.release, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => releaseHold({ db, actor, id, input, now: deps.now() })),
        200,
      );
    });
}
