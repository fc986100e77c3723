// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  HouseholdDetail,
  HouseholdList,
  HouseholdListQuery,
  HouseholdTransition,
  HouseholdUpdate,
  Timeline,
} from "../../domain/households/household-api.schema.ts";
import { type AppDeps, type AppEnv, inActorScope, jsonResponse as json, securedRoute } from "../http.ts";
import {
  getHousehold,
  getHouseholdTimeline,
  listHouseholds,
  transitionHousehold,
  updateHousehold,
} from "./households.service.ts";
import { HouseholdIdParam, referralRoutes } from "./referrals.routes.ts";

// Component names for the OpenAPI document; the domain schemas stay plain zod, which the browser runs too.
const HouseholdDetailDoc = HouseholdDetail.openapi("HouseholdDetail");
const HouseholdListDoc = HouseholdList.openapi("HouseholdList");
const HouseholdUpdateDoc = HouseholdUpdate.openapi("HouseholdUpdate");
const HouseholdTransitionDoc = HouseholdTransition.openapi("HouseholdTransition");
const TimelineDoc = Timeline.openapi("HouseholdTimeline");

const routes = {
  list: createRoute(
    securedRoute("households:read", {
      method: "get",
      path: "/households",
      tags: ["households"],
      summary: "List the households the caller may see, with filters and pagination",
      request: { query: HouseholdListQuery },
      responses: { 200: json(HouseholdListDoc, "A page of households") },
    }),
  ),
  get: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}",
        tags: ["households"],
        summary:
          "One household: its members, where it stands on its path, the durations so far; `needs` is " +
          "null for a caller without access to its special categories",
        request: { params: HouseholdIdParam },
        responses: { 200: json(HouseholdDetailDoc, "The household") },
      },
      // Special-category data (health, origin, income): every read is kept in the audit trail.
      { auditReads: true },
    ),
  ),
  update: createRoute(
    securedRoute("households:write", {
      method: "patch",
      path: "/households/{id}",
      tags: ["households"],
      summary:
        "Change a household's fields; send the version you read (a stale version gets 409). " +
        "`needs` only with access to its special categories (403 naming `needs`)",
      request: {
        params: HouseholdIdParam,
        body: { content: { "application/json": { schema: HouseholdUpdateDoc } }, required: true },
      },
      responses: { 200: json(HouseholdDetailDoc, "The changed household") },
    }),
  ),
  transition: createRoute(
    securedRoute("households:write", {
      method: "post",
      path: "/households/{id}/transitions",
      tags: ["households"],
      summary:
        "Move a household along its path, if the move is allowed (409 naming `to` if not; " +
        "the exit is recorded through `POST /households/{id}/exit`)",
      request: {
        params: HouseholdIdParam,
        body: { content: { "application/json": { schema: HouseholdTransitionDoc } }, required: true },
      },
      responses: { 200: json(HouseholdDetailDoc, "The household in its new status") },
    }),
  ),
  timeline: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/timeline",
        tags: ["households"],
        summary: "A household's status changes, referrals, documents and consents, oldest first",
        request: { params: HouseholdIdParam },
        responses: { 200: json(TimelineDoc, "The timeline") },
      },
      { auditReads: true },
    ),
  ),
};

export function householdRoutes(deps: AppDeps) {
  const audited = <T extends { id: string }>(c: Context<AppEnv>, household: T) => {
    // By id or by reference, the audit trail files the access under the household's uuid.
    c.set("auditSubject", { entity: "households", id: household.id });
    return household;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          listHouseholds({ db, actor, query: c.req.valid("query"), now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.get, async (c) => {
      const household = await inActorScope(deps, c, (db, actor) =>
        getHousehold({ db, actor, idOrReference: c.req.valid("param").id, now: deps.now() }),
      );
      return c.json(audited(c, household), 200);
    })
    .openapi(routes.update, async (c) => {
      const household = await inActorScope(deps, c, (db, actor) =>
        updateHousehold({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          patch: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      return c.json(audited(c, household), 200);
    })
    .openapi(routes.transition, async (c) => {
      const household = await inActorScope(deps, c, (db, actor) =>
        transitionHousehold({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      return c.json(audited(c, household), 200);
    })
    .openapi(routes.timeline, async (c) => {
      const { id, timeline } = await inActorScope(deps, c, (db, actor) =>
        getHouseholdTimeline({ db, actor, idOrReference: c.req.valid("param").id }),
      );
      audited(c, { id });
      return c.json(timeline, 200);
    })
    .route("/", referralRoutes(deps));
}
