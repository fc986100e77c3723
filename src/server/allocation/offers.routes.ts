// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { hasPermission } from "../../domain/auth/roles.ts";
import {
  Offer,
  OfferConfirmation,
  OfferDecline,
  OfferInput,
  OfferList,
  OfferListQuery,
  OfferVisit,
  OfferWithdrawal,
} from "../../domain/offers/offer.schema.ts";
import { AppError } from "../errors.ts";
import {
  type AppDeps,
  type AppEnv,
  actorOf,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  acceptOffer,
  confirmOffer,
  declineOffer,
  getOffer,
  listOffers,
  makeOffer,
  recordOfferVisit,
  withdrawOffer,
} from "./offers.service.ts";

const OfferDoc = Offer.openapi("Offer");
const OfferListDoc = OfferList.openapi("OfferList");
const OfferIdParam = z.object({ id: z.string().min(1).openapi({ description: "Offer id (uuid)" }) });

const offerAction = <S extends z.ZodType>(
  permission: "offers:answer" | "allocation:run",
  path: string,
  summary: string,
  schema: S,
) =>
  createRoute(
    securedRoute(permission, {
      method: "post",
      path: `/offers/{id}/${path}`,
      tags: ["offers"],
      summary,
      request: { params: OfferIdParam, body: body(schema) },
      responses: { 200: json(OfferDoc, "The offer") },
    }),
  );

const routes = {
  make: createRoute(
    securedRoute("allocation:run", {
      method: "post",
      path: "/offers",
      tags: ["offers"],
      summary:
        "Offer an available unit to a waiting household (409 naming unitId or householdId when either is taken or not free)",
      request: { body: body(OfferInput.openapi("OfferInput")) },
      responses: { 201: json(OfferDoc, "The offer, pending") },
    }),
  ),
  list: createRoute(
    securedRoute("authenticated", {
      method: "get",
      path: "/offers",
      tags: ["offers"],
      summary:
        "Offers, newest first (a partner sees those of its households); households:read or allocation:run",
      request: { query: OfferListQuery },
      responses: { 200: json(OfferListDoc, "A page of offers") },
    }),
  ),
  get: createRoute(
    securedRoute("authenticated", {
      method: "get",
      path: "/offers/{id}",
      tags: ["offers"],
      summary: "One offer (404 also when it is another partner's); households:read or allocation:run",
      request: { params: OfferIdParam },
      responses: { 200: json(OfferDoc, "The offer") },
    }),
  ),
  visit: offerAction("offers:answer", "visit", "Record the pre-assignment visit date", OfferVisit),
  confirm: offerAction(
    "offers:answer",
    "confirm",
    "The managing partner confirms it takes the household into the unit",
    OfferConfirmation,
  ),
  accept: createRoute(
    securedRoute("offers:answer", {
      method: "post",
      path: "/offers/{id}/accept",
      tags: ["offers"],
      summary: "The household accepts; unit and household stay offered until the tenancy is drafted",
      request: { params: OfferIdParam },
      responses: { 200: json(OfferDoc, "The offer") },
    }),
  ),
  decline: offerAction(
    "offers:answer",
    "decline",
    "Refusal with its reason: unit back to available, household back to waiting (the refusal rule decides its place)",
    OfferDecline,
  ),
  withdraw: offerAction(
    "allocation:run",
    "withdraw",
    "The Comune withdraws a pending or accepted offer, with a reason",
    OfferWithdrawal,
  ),
};

// Reading offers needs either permission; securedRoute takes one, so the other is checked here.
function canReadOffers(c: Context<AppEnv>) {
  const actor = actorOf(c);
  if (!hasPermission(actor.role, "households:read") && !hasPermission(actor.role, "allocation:run"))
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not read offers`);
}

const subject = (c: Context<AppEnv>, id: string) => c.set("auditSubject", { entity: "allocation_offer", id });

export function offerRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.make, async (c) => {
      const offer = await inActorScope(deps, c, (db, actor) =>
        makeOffer({ db, actor, input: c.req.valid("json"), now: deps.now() }),
      );
      subject(c, offer.id);
      return c.json(offer, 201);
    })
    .openapi(routes.list, async (c) => {
      canReadOffers(c);
      return c.json(
        await inActorScope(deps, c, (db) => listOffers({ db, query: c.req.valid("query") })),
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      canReadOffers(c);
      return c.json(await inActorScope(deps, c, (db) => getOffer({ db, id: c.req.valid("param").id })), 200);
    })
    .openapi(routes.visit, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(await inActorScope(deps, c, (db) => recordOfferVisit({ db, id, input })), 200);
    })
    .openapi(routes.confirm, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db) => confirmOffer({ db, id, input, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.accept, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      return c.json(
        await inActorScope(deps, c, (db, actor) => acceptOffer({ db, actor, id, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.decline, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => declineOffer({ db, actor, id, input, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.withdraw, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => withdrawOffer({ db, actor, id, input, now: deps.now() })),
        200,
      );
    });
}
