// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  ConsentGrant,
  ConsentList,
  ConsentRecord,
  ConsentWithdrawal,
} from "../../domain/households/consent.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { grantConsent, listConsents, withdrawConsent } from "./consents.service.ts";
import { HouseholdIdParam } from "./referrals.routes.ts";

const ConsentRecordDoc = ConsentRecord.openapi("ConsentRecord");
const ConsentListDoc = ConsentList.openapi("ConsentList");
const ConsentGrantDoc = ConsentGrant.openapi("ConsentGrant");
const ConsentWithdrawalDoc = ConsentWithdrawal.openapi("ConsentWithdrawal");

const ConsentParams = HouseholdIdParam.extend({
  consentId: z.string().min(1).max(100).openapi({ description: "Consent id (uuid)" }),
});

const routes = {
  list: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/consents",
        tags: ["households"],
        summary: "A household's consents, given and withdrawn, oldest first",
        request: { params: HouseholdIdParam },
        responses: { 200: json(ConsentListDoc, "The consents") },
      },
      { auditReads: true },
    ),
  ),
  grant: createRoute(
    securedRoute("consents:write", {
      method: "post",
      path: "/households/{id}/consents",
      tags: ["households"],
      summary: "Record a consent the household gave (422 naming `givenOn` if on a day still to come)",
      request: { params: HouseholdIdParam, body: body(ConsentGrantDoc) },
      responses: { 201: json(ConsentRecordDoc, "The consent") },
    }),
  ),
  withdraw: createRoute(
    securedRoute("consents:write", {
      method: "post",
      path: "/households/{id}/consents/{consentId}/withdraw",
      tags: ["households"],
      summary:
        "Record the withdrawal of a consent (409 if already withdrawn; 422 naming `withdrawnOn`). " +
        "Withdrawing `processing` hides the household from everyone but the data-protection role",
      request: { params: ConsentParams, body: body(ConsentWithdrawalDoc) },
      responses: { 200: json(ConsentRecordDoc, "The withdrawn consent") },
    }),
  ),
};

/** Consent records are filed in the audit trail under their household. */
const audited = <T>(c: Context<AppEnv>, answer: { householdId: string; result: T }) => {
  c.set("auditSubject", { entity: "households", id: answer.householdId });
  return answer.result;
};

export function consentRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const answer = await inActorScope(deps, c, (db, actor) =>
        listConsents({ db, actor, idOrReference: c.req.valid("param").id }),
      );
      return c.json(audited(c, answer), 200);
    })
    .openapi(routes.grant, async (c) => {
      const answer = await inActorScope(deps, c, (db, actor) =>
        grantConsent({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      return c.json(audited(c, answer), 201);
    })
    .openapi(routes.withdraw, async (c) => {
      const { id, consentId } = c.req.valid("param");
      const answer = await inActorScope(deps, c, (db, actor) =>
        withdrawConsent({
          db,
          actor,
          idOrReference: id,
          consentId,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      return c.json(audited(c, answer), 200);
    });
}
