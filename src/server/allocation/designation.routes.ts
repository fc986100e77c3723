// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  AllocationMix,
  DesignationConfirmed,
  DesignationConfirmInput,
  DesignationProposal,
  DesignationProposalInput,
} from "../../domain/designation/designation-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { confirmUnitDesignation, getAllocationMix, proposeUnitDesignation } from "./designation.service.ts";

const DesignationProposalInputDoc = DesignationProposalInput.openapi("DesignationProposalInput");
const DesignationProposalDoc = DesignationProposal.openapi("DesignationProposal");
const DesignationConfirmInputDoc = DesignationConfirmInput.openapi("DesignationConfirmInput");
const DesignationConfirmedDoc = DesignationConfirmed.openapi("DesignationConfirmed");
const AllocationMixDoc = AllocationMix.openapi("AllocationMix");

const routes = {
  propose: createRoute(
    securedRoute("allocation:rules", {
      method: "post",
      path: "/allocation/designation/proposal",
      tags: ["allocation"],
      summary:
        "Propose categories for the units to be renovated or being renovated, so the stock meets the 39/26/35 mix (or the bounds given) with the best fit to the waiting households; changes nothing",
      request: { body: body(DesignationProposalInputDoc) },
      responses: { 200: json(DesignationProposalDoc, "The proposal, or the bounds no designation can meet") },
    }),
  ),
  confirm: createRoute(
    securedRoute("allocation:rules", {
      method: "post",
      path: "/allocation/designation",
      tags: ["allocation"],
      summary:
        "Confirm a designation (a proposal or an edited one) with its reason, in one transaction: 422 naming each locked, unknown or repeated unit, and nothing changes",
      request: { body: body(DesignationConfirmInputDoc) },
      responses: { 200: json(DesignationConfirmedDoc, "What changed, and the mix now") },
    }),
  ),
  mix: createRoute(
    securedRoute("stock:read", {
      method: "get",
      path: "/allocation/mix",
      tags: ["allocation"],
      summary:
        "The category mix of the stock against 39/26/35 ± 3 points, and per category the waiting households by size and the units by rooms",
      responses: { 200: json(AllocationMixDoc, "The mix") },
    }),
  ),
};

export function designationRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.propose, async (c) => {
      // A proposal changes nothing; its audit record names what it was about.
      c.set("auditSubject", { entity: "designation", id: "proposal" });
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          proposeUnitDesignation({ db, actor, input: c.req.valid("json") }),
        ),
        200,
      );
    })
    .openapi(routes.confirm, async (c) => {
      c.set("auditSubject", { entity: "designation", id: "confirmation" });
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          confirmUnitDesignation({ db, actor, input: c.req.valid("json") }),
        ),
        200,
      );
    })
    .openapi(routes.mix, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => getAllocationMix({ db, actor })), 200),
    );
}
