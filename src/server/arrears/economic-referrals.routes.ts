// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  EconomicReferralInput,
  EconomicReferralList,
  EconomicReferralUpdate,
  EconomicReferralView,
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
  createEconomicReferral,
  listEconomicReferrals,
  updateEconomicReferral,
} from "./economic-referrals.service.ts";

const ReferralDoc = EconomicReferralView.openapi("EconomicReferral");
const HouseholdParam = z.object({
  id: z.string().min(1).openapi({ description: "Household id (uuid) or reference" }),
});
const ReferralParam = z.object({
  id: z.string().min(1).openapi({ description: "Economic referral id (uuid)" }),
});

const routes = {
  list: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/households/{id}/economic-referrals",
      tags: ["arrears"],
      summary:
        "A household's referrals to financial education, microcredit and the arrears funds, with their outcome",
      request: { params: HouseholdParam },
      responses: { 200: json(EconomicReferralList.openapi("EconomicReferralList"), "The referrals") },
    }),
  ),
  create: createRoute(
    securedRoute("arrears:work", {
      method: "post",
      path: "/households/{id}/economic-referrals",
      tags: ["arrears"],
      summary: "Refer a household (a fund only when its rules fit: 422 with the reasons otherwise)",
      request: { params: HouseholdParam, body: body(EconomicReferralInput.openapi("EconomicReferralInput")) },
      responses: { 201: json(ReferralDoc, "The referral") },
    }),
  ),
  update: createRoute(
    securedRoute("arrears:work", {
      method: "patch",
      path: "/economic-referrals/{id}",
      tags: ["arrears"],
      summary: "Record a referral's outcome, its date and the amount granted",
      request: {
        params: ReferralParam,
        body: body(EconomicReferralUpdate.openapi("EconomicReferralUpdate")),
      },
      responses: { 200: json(ReferralDoc, "The referral") },
    }),
  ),
};

export function economicReferralRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(
        await inActorScope(deps, c, (db, actor) => listEconomicReferrals({ db, actor, householdId: id })),
        200,
      );
    })
    .openapi(routes.create, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const referral = await inActorScope(deps, c, (db, actor) =>
        createEconomicReferral({ db, actor, householdId: id, input, now: deps.now() }),
      );
      c.set("auditSubject", { entity: "economic_referral", id: referral.id });
      return c.json(referral, 201);
    })
    .openapi(routes.update, async (c) => {
      const { id } = c.req.valid("param");
      c.set("auditSubject", { entity: "economic_referral", id });
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db) => updateEconomicReferral({ db, id, input, now: deps.now() })),
        200,
      );
    });
}
