// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  HouseholdReferralCreate,
  ReferralCreate,
  ReferralCreated,
  ReferralDetail,
  ReferralList,
  ReferralListQuery,
  ReferralReturn,
  ReferralView,
} from "../../domain/households/household-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  SYSTEM_SCOPE,
  securedRoute,
} from "../http.ts";
import { findKnownFiscalCodes } from "./households.repository.ts";
import {
  acceptReferral,
  createReferral,
  getReferralDetail,
  listReferrals,
  referHouseholdAgain,
  returnReferral,
} from "./referrals.service.ts";

const ReferralViewDoc = ReferralView.openapi("Referral");
const ReferralCreateDoc = ReferralCreate.openapi("ReferralCreate");
const ReferralCreatedDoc = ReferralCreated.openapi("ReferralCreated");
const HouseholdReferralCreateDoc = HouseholdReferralCreate.openapi("HouseholdReferralCreate");
const ReferralReturnDoc = ReferralReturn.openapi("ReferralReturn");
const ReferralListDoc = ReferralList.openapi("ReferralList");
const ReferralDetailDoc = ReferralDetail.openapi("ReferralDetail");

const ReferralIdParam = z.object({
  id: z.string().min(1).max(100).openapi({ description: "Referral id (uuid)" }),
});
export const HouseholdIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ description: "Household id (uuid) or reference", example: "NUC-2026-00001" }),
});

const routes = {
  create: createRoute(
    securedRoute("referrals:create", {
      method: "post",
      path: "/referrals",
      tags: ["referrals"],
      summary:
        "Refer a new household to an Area B partner of its category, with the social report; " +
        "`warnings` flag members already known to the programme",
      request: { body: body(ReferralCreateDoc) },
      responses: { 201: json(ReferralCreatedDoc, "The referral and the household it created") },
    }),
  ),
  list: createRoute(
    securedRoute("households:read", {
      method: "get",
      path: "/referrals",
      tags: ["referrals"],
      summary: "The referrals the caller may see (a partner: those to it), soonest due first",
      request: { query: ReferralListQuery },
      responses: { 200: json(ReferralListDoc, "A page of referrals") },
    }),
  ),
  get: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/referrals/{id}",
        tags: ["referrals"],
        summary:
          "One referral with its social report (null for a caller outside the household's team, " +
          "unless a manager of the partner deciding on it)",
        request: { params: ReferralIdParam },
        responses: { 200: json(ReferralDetailDoc, "The referral") },
      },
      // The social report is special-category data: every read is kept in the audit trail.
      { auditReads: true },
    ),
  ),
  accept: createRoute(
    securedRoute("referrals:answer", {
      method: "post",
      path: "/referrals/{id}/accept",
      tags: ["referrals"],
      summary: "Accept a pending referral (409 if it is not pending)",
      request: { params: ReferralIdParam },
      responses: { 200: json(ReferralViewDoc, "The accepted referral") },
    }),
  ),
  return: createRoute(
    securedRoute("referrals:answer", {
      method: "post",
      path: "/referrals/{id}/return",
      tags: ["referrals"],
      summary: "Return a pending referral with a reason: the household goes back to the Comune",
      request: { params: ReferralIdParam, body: body(ReferralReturnDoc) },
      responses: { 200: json(ReferralViewDoc, "The returned referral") },
    }),
  ),
  referAgain: createRoute(
    securedRoute("referrals:create", {
      method: "post",
      path: "/households/{id}/referrals",
      tags: ["referrals"],
      summary: "Refer again a household whose referral was returned",
      request: { params: HouseholdIdParam, body: body(HouseholdReferralCreateDoc) },
      responses: { 201: json(ReferralViewDoc, "The new referral") },
    }),
  ),
};

export function referralRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.create, async (c) => {
      const input = c.req.valid("json");
      // Whether the members are known elsewhere is asked of the whole programme, which the caller's
      // scope need not see: only the codes found come back, nothing of whose household they are in.
      const known = await deps.database.scoped(SYSTEM_SCOPE, (db) =>
        findKnownFiscalCodes(
          db,
          input.household.members.map((m) => m.fiscalCode),
        ),
      );
      const created = await inActorScope(deps, c, (db, actor) =>
        createReferral({ db, actor, input, now: deps.now(), knownFiscalCodes: new Set(known) }),
      );
      c.set("auditSubject", { entity: "households", id: created.household.id });
      return c.json(created, 201);
    })
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          listReferrals({ db, actor, query: c.req.valid("query"), now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.get, async (c) => {
      const referral = await inActorScope(deps, c, (db, actor) =>
        getReferralDetail({ db, actor, id: c.req.valid("param").id, now: deps.now() }),
      );
      c.set("auditSubject", { entity: "households", id: referral.householdId });
      return c.json(referral, 200);
    })
    .openapi(routes.accept, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          acceptReferral({ db, actor, id: c.req.valid("param").id, now: deps.now() }),
        ),
        200,
      ),
    )
    .openapi(routes.return, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          returnReferral({
            db,
            actor,
            id: c.req.valid("param").id,
            input: c.req.valid("json"),
            now: deps.now(),
          }),
        ),
        200,
      ),
    )
    .openapi(routes.referAgain, async (c) => {
      const referral = await inActorScope(deps, c, (db, actor) =>
        referHouseholdAgain({
          db,
          actor,
          idOrReference: c.req.valid("param").id,
          input: c.req.valid("json"),
          now: deps.now(),
        }),
      );
      c.set("auditSubject", { entity: "households", id: referral.householdId });
      return c.json(referral, 201);
    });
}
