// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  ArrearsCaseClose,
  ArrearsCaseOpen,
  ArrearsCaseView,
  ArrearsStepInput,
  RepaymentPlanInput,
  RepaymentPlanView,
} from "../../domain/arrears/arrears-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  closeArrearsCase,
  createRepaymentPlan,
  getArrearsCase,
  getRepaymentPlan,
  openArrearsCase,
  takeArrearsStep,
} from "./arrears-cases.service.ts";

const CaseDoc = ArrearsCaseView.openapi("ArrearsCase");
const PlanDoc = RepaymentPlanView.openapi("RepaymentPlan");
const CaseIdParam = z.object({ id: z.string().min(1).openapi({ description: "Arrears case id (uuid)" }) });

const routes = {
  open: createRoute(
    securedRoute("arrears:work", {
      method: "post",
      path: "/arrears/cases",
      tags: ["arrears"],
      summary:
        "Open an arrears case on a tenancy at the signal stage: a task goes to the household's educator (never a letter)",
      request: { body: body(ArrearsCaseOpen.openapi("ArrearsCaseOpen")) },
      responses: { 201: json(CaseDoc, "The case") },
    }),
  ),
  get: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/arrears/cases/{id}",
      tags: ["arrears"],
      summary:
        "A case: the tenancy's position, steps, tasks, plan with its instalments, referrals, and what may come next",
      request: { params: CaseIdParam },
      responses: { 200: json(CaseDoc, "The case") },
    }),
  ),
  step: createRoute(
    securedRoute("arrears:work", {
      method: "post",
      path: "/arrears/cases/{id}/steps",
      tags: ["arrears"],
      summary:
        "Take a step: reminder (422 while a payment may sit unmatched in the bank queue), meeting, fund referral, legal action (arrears:legal and a reason)",
      request: { params: CaseIdParam, body: body(ArrearsStepInput.openapi("ArrearsStepInput")) },
      responses: { 201: json(CaseDoc, "The case after the step") },
    }),
  ),
  createPlan: createRoute(
    securedRoute("arrears:work", {
      method: "post",
      path: "/arrears/cases/{id}/repayment-plan",
      tags: ["arrears"],
      summary:
        "Record a repayment plan: the total in monthly instalments of exact cents, within the policy's limits",
      request: { params: CaseIdParam, body: body(RepaymentPlanInput.openapi("RepaymentPlanInput")) },
      responses: { 201: json(PlanDoc, "The plan") },
    }),
  ),
  getPlan: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/arrears/cases/{id}/repayment-plan",
      tags: ["arrears"],
      summary: "The case's repayment plan, each instalment paid, partly paid, overdue or due",
      request: { params: CaseIdParam },
      responses: { 200: json(PlanDoc, "The plan") },
    }),
  ),
  close: createRoute(
    securedRoute("arrears:work", {
      method: "post",
      path: "/arrears/cases/{id}/close",
      tags: ["arrears"],
      summary: "Close a case with a reason; its open tasks are cancelled",
      request: { params: CaseIdParam, body: body(ArrearsCaseClose.openapi("ArrearsCaseClose")) },
      responses: { 200: json(CaseDoc, "The closed case") },
    }),
  ),
};

const subject = (c: Context<AppEnv>, id: string) => c.set("auditSubject", { entity: "arrears_case", id });

export function arrearsCaseRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.open, async (c) => {
      const input = c.req.valid("json");
      const view = await inActorScope(deps, c, (db, actor) =>
        openArrearsCase({ db, actor, input, now: deps.now() }),
      );
      subject(c, view.id);
      return c.json(view, 201);
    })
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db) => getArrearsCase({ db, id, now: deps.now() })), 200);
    })
    .openapi(routes.step, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          takeArrearsStep({ db, actor, id, input, now: deps.now() }),
        ),
        201,
      );
    })
    .openapi(routes.createPlan, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          createRepaymentPlan({ db, actor, id, input, now: deps.now() }),
        ),
        201,
      );
    })
    .openapi(routes.getPlan, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db) => getRepaymentPlan({ db, id, now: deps.now() })), 200);
    })
    .openapi(routes.close, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          closeArrearsCase({ db, actor, id, input, now: deps.now() }),
        ),
        200,
      );
    });
}
