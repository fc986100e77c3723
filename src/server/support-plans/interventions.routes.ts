// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { HouseholdListQuery } from "../../domain/households/household-api.schema.ts";
import {
  InterventionInput,
  InterventionList,
  InterventionRecord,
} from "../../domain/support-plans/intervention.schema.ts";
import { HouseholdIdParam } from "../households/referrals.routes.ts";
import { type AppDeps, type AppEnv, inActorScope, jsonResponse as json, securedRoute } from "../http.ts";
import { listInterventions, recordIntervention } from "./interventions.service.ts";

/** The page of the interventions log: the same limit and offset as every list. */
const InterventionListQuery = HouseholdListQuery.pick({ limit: true, offset: true });

const InterventionInputDoc = InterventionInput.openapi("InterventionInput");
const InterventionRecordDoc = InterventionRecord.openapi("InterventionRecord");
const InterventionListDoc = InterventionList.openapi("InterventionList");

const routes = {
  list: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/interventions",
        tags: ["support-plans"],
        summary:
          "A household's interventions log (diario), newest first; the notes are null outside its team",
        request: { params: HouseholdIdParam, query: InterventionListQuery },
        responses: { 200: json(InterventionListDoc, "A page of interventions") },
      },
      // The notes are special-category data: every read is kept in the audit trail.
      { auditReads: true },
    ),
  ),
  create: createRoute(
    securedRoute("households:write", {
      method: "post",
      path: "/households/{id}/interventions",
      tags: ["support-plans"],
      summary:
        "Log an intervention (household's team and Comune social workers; 422 naming `date` if in the " +
        "future or before the referral)",
      request: {
        params: HouseholdIdParam,
        body: { content: { "application/json": { schema: InterventionInputDoc } }, required: true },
      },
      responses: { 201: json(InterventionRecordDoc, "The logged intervention") },
    }),
  ),
};

export function interventionRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { householdId, list } = await inActorScope(deps, c, (db, actor) =>
        listInterventions({ db, actor, idOrReference: c.req.valid("param").id, page: c.req.valid("query") }),
      );
      c.set("auditSubject", { entity: "households", id: householdId });
      return c.json(list, 200);
    })
    .openapi(routes.create, async (c) => {
      const { householdId, record } = await inActorScope(deps, c, (db, actor) =>
        recordIntervention({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      c.set("auditSubject", { entity: "households", id: householdId });
      return c.json(record, 201);
    });
}
