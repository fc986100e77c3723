// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  OverdueReviewList,
  SupportPlan,
  SupportPlanInput,
  SupportPlanReviewInput,
} from "../../domain/support-plans/support-plan.schema.ts";
import { HouseholdIdParam } from "../households/referrals.routes.ts";
import { type AppDeps, type AppEnv, inActorScope, jsonResponse as json, securedRoute } from "../http.ts";
import {
  addSupportPlanReview,
  getSupportPlan,
  listOverdueReviews,
  saveSupportPlan,
} from "./support-plans.service.ts";

const SupportPlanDoc = SupportPlan.openapi("SupportPlan");
const SupportPlanInputDoc = SupportPlanInput.openapi("SupportPlanInput");
const SupportPlanReviewInputDoc = SupportPlanReviewInput.openapi("SupportPlanReviewInput");
const OverdueReviewListDoc = OverdueReviewList.openapi("OverdueReviewList");

const routes = {
  get: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/plan",
        tags: ["support-plans"],
        summary: "A household's support plan: goals, team, signatures, reviews and autonomy progress",
        request: { params: HouseholdIdParam },
        responses: { 200: json(SupportPlanDoc, "The support plan") },
      },
      // Special-category data (health, relationships, money): every read is kept in the audit trail.
      { auditReads: true },
    ),
  ),
  put: createRoute(
    securedRoute("households:write", {
      method: "put",
      path: "/households/{id}/plan",
      tags: ["support-plans"],
      summary: "Create (version 0) or replace a household's support plan; a stale version gets 409",
      request: {
        params: HouseholdIdParam,
        body: { content: { "application/json": { schema: SupportPlanInputDoc } }, required: true },
      },
      responses: { 200: json(SupportPlanDoc, "The saved support plan") },
    }),
  ),
  review: createRoute(
    securedRoute("households:write", {
      method: "post",
      path: "/households/{id}/plan/reviews",
      tags: ["support-plans"],
      summary:
        "Record a review of the plan with the autonomy assessment (422 naming `date` if before the plan)",
      request: {
        params: HouseholdIdParam,
        body: { content: { "application/json": { schema: SupportPlanReviewInputDoc } }, required: true },
      },
      responses: { 200: json(SupportPlanDoc, "The plan with the new review") },
    }),
  ),
  overdue: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/support-plans/overdue-reviews",
        tags: ["support-plans"],
        summary: "The caller's support plans whose next review is past, most overdue first",
        responses: { 200: json(OverdueReviewListDoc, "The overdue reviews") },
      },
      { auditReads: true },
    ),
  ),
};

export function supportPlanRoutes(deps: AppDeps) {
  const audited = (c: Context<AppEnv>, plan: SupportPlan) => {
    c.set("auditSubject", { entity: "households", id: plan.householdId });
    return plan;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const plan = await inActorScope(deps, c, (db, actor) =>
        getSupportPlan({ db, actor, idOrReference: c.req.valid("param").id }),
      );
      return c.json(audited(c, plan), 200);
    })
    .openapi(routes.put, async (c) => {
      const plan = await inActorScope(deps, c, (db, actor) =>
        saveSupportPlan({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      return c.json(audited(c, plan), 200);
    })
    .openapi(routes.review, async (c) => {
      const plan = await inActorScope(deps, c, (db, actor) =>
        addSupportPlanReview({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      return c.json(audited(c, plan), 200);
    })
    .openapi(routes.overdue, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) => listOverdueReviews({ db, actor, now: deps.now() })),
        200,
      ),
    );
}
