// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  ArrearsList,
  ArrearsListQuery,
  ArrearsPolicyInput,
  ArrearsPolicyView,
  ArrearsSummary,
  ArrearsSummaryQuery,
  CoPaymentList,
} from "../../domain/arrears/arrears-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { getArrearsSummary, listArrears, listCoPayments } from "./arrears.service.ts";
import { arrearsCaseRoutes } from "./arrears-cases.routes.ts";
import { getArrearsPolicy, saveArrearsPolicy } from "./arrears-policy.service.ts";
import { economicReferralRoutes } from "./economic-referrals.routes.ts";
import { taskRoutes } from "./tasks.routes.ts";

const PolicyDoc = ArrearsPolicyView.openapi("ArrearsPolicy");

const routes = {
  list: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/arrears",
      tags: ["arrears"],
      summary:
        "Tenancies with an overdue balance or an early warning: ageing buckets, warnings, open case, and whether a payment may wait unmatched in the bank queue",
      request: { query: ArrearsListQuery },
      responses: { 200: json(ArrearsList.openapi("ArrearsList"), "The arrears list") },
    }),
  ),
  summary: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/arrears/summary",
      tags: ["arrears"],
      summary: "Collection rate, arrears rate and ageing, for the programme, by partner and by category",
      request: { query: ArrearsSummaryQuery },
      responses: { 200: json(ArrearsSummary.openapi("ArrearsSummary"), "The summary") },
    }),
  ),
  coPayments: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/arrears/co-payments",
      tags: ["arrears"],
      summary:
        "Fragilità tenancies: the co-payment, what was charged and paid over the last 6 months, the share paid",
      responses: { 200: json(CoPaymentList.openapi("CoPaymentList"), "The co-payments") },
    }),
  ),
  policy: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/arrears/policy",
      tags: ["arrears"],
      summary:
        "The arrears policy in force (version 0: the starting policy), with who saved it, when and why",
      responses: { 200: json(PolicyDoc, "The policy") },
    }),
  ),
  savePolicy: createRoute(
    securedRoute("arrears:policy", {
      method: "post",
      path: "/arrears/policy",
      tags: ["arrears"],
      summary: "Save the arrears policy as the next version, in force from now, with a reason",
      request: { body: body(ArrearsPolicyInput.openapi("ArrearsPolicyInput")) },
      responses: { 201: json(PolicyDoc, "The new version") },
    }),
  ),
};

/** The arrears area: the list and its figures, the policy, cases, tasks and economic referrals. */
export function arrearsRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db) =>
          listArrears({ db, query: c.req.valid("query"), now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.summary, async (c) =>
      c.json(
        await inActorScope(deps, c, (db) =>
          getArrearsSummary({ db, query: c.req.valid("query"), now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.coPayments, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listCoPayments({ db, now: deps.now() })), 200),
    )
    .openapi(routes.policy, async (c) =>
      c.json(await inActorScope(deps, c, (db) => getArrearsPolicy({ db })), 200),
    )
    .openapi(routes.savePolicy, async (c) => {
      const saved = await inActorScope(deps, c, (db, actor) =>
        saveArrearsPolicy({ db, actor, input: c.req.valid("json"), now: deps.now() }),
      );
      c.set("auditSubject", { entity: "arrears_policy", id: String(saved.version) });
      return c.json(saved, 201);
    })
    .route("/", arrearsCaseRoutes(deps))
    .route("/", taskRoutes(deps))
    .route("/", economicReferralRoutes(deps));
}
