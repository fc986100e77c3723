// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  DueFollowUpList,
  ExitInput,
  ExitRecord,
  FollowUpInput,
  type FollowUpMonths,
} from "../../domain/households/exit.ts";
import { HouseholdIdParam } from "../households/referrals.routes.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { getExit, listDueFollowUps, recordExit, recordFollowUp } from "./exits.service.ts";

const FollowUpParams = HouseholdIdParam.extend({
  months: z
    .enum(["6", "12", "24"], { error: "Follow-ups are at 6, 12 or 24 months" })
    .openapi({ description: "Months after the exit: 6, 12 or 24", example: "12" }),
});

const ExitInputDoc = ExitInput.openapi("ExitInput");
const ExitRecordDoc = ExitRecord.openapi("ExitRecord");
const FollowUpInputDoc = FollowUpInput.openapi("FollowUpInput");
const DueFollowUpListDoc = DueFollowUpList.openapi("DueFollowUpList");

const routes = {
  exit: createRoute(
    securedRoute("households:write", {
      method: "post",
      path: "/households/{id}/exit",
      tags: ["households"],
      summary:
        "Record the household's exit: follow-ups at 6, 12 and 24 months, plan closed, status exited " +
        "(409 naming `to` unless exiting; 422 naming `date` if in the future or before the referral)",
      request: { params: HouseholdIdParam, body: body(ExitInputDoc) },
      responses: { 201: json(ExitRecordDoc, "The exit and its follow-ups") },
    }),
  ),
  get: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/exit",
        tags: ["households"],
        summary: "The household's exit, its follow-ups (overdue ones flagged) and what they found",
        request: { params: HouseholdIdParam },
        responses: { 200: json(ExitRecordDoc, "The exit") },
      },
      { auditReads: true },
    ),
  ),
  followUp: createRoute(
    securedRoute("households:write", {
      method: "put",
      path: "/households/{id}/follow-ups/{months}",
      tags: ["households"],
      summary:
        "Record a follow-up contact (422 naming `contactedOn` if before the exit or in the future; " +
        "409 if the household withdrew its consent to be contacted)",
      request: { params: FollowUpParams, body: body(FollowUpInputDoc) },
      responses: { 200: json(ExitRecordDoc, "The exit with the follow-up recorded") },
    }),
  ),
  due: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/follow-ups/due",
        tags: ["households"],
        summary: "The caller's follow-ups not yet recorded that are overdue or due within 30 days",
        responses: { 200: json(DueFollowUpListDoc, "The follow-ups due") },
      },
      { auditReads: true },
    ),
  ),
};

export function exitRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.exit, async (c) => {
      const { householdId, exit } = await inActorScope(deps, c, (db, actor) =>
        recordExit({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      c.set("auditSubject", { entity: "households", id: householdId });
      return c.json(exit, 201);
    })
    .openapi(routes.get, async (c) => {
      const { householdId, exit } = await inActorScope(deps, c, (db, actor) =>
        getExit({ db, actor, idOrReference: c.req.valid("param").id, now: deps.now() }),
      );
      c.set("auditSubject", { entity: "households", id: householdId });
      return c.json(exit, 200);
    })
    .openapi(routes.followUp, async (c) => {
      const { id, months } = c.req.valid("param");
      const { householdId, exit } = await inActorScope(deps, c, (db, actor) =>
        recordFollowUp({
          db,
          actor,
          idOrReference: id,
          months: Number(months) as FollowUpMonths,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      c.set("auditSubject", { entity: "households", id: householdId });
      return c.json(exit, 200);
    })
    .openapi(routes.due, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) => listDueFollowUps({ db, actor, now: deps.now() })),
        200,
      ),
    );
}
