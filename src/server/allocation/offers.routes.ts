// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { hasPermission } from "../../domain/auth/roles.ts";
import {
  Offer,
  OfferConfirmation,
  OfferDecline,
  OfferExpiry,
  OfferInput,
  OfferList,
  OfferListQuery,
  OfferReopen,
  OfferStepBack,
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
  expireOverdueOffers,
  getOffer,
  listOffers,
  makeOffer,
  recordOfferVisit,
  reopenOffer,
  stepBackOffer,
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
      summary:
        "The household accepts: the unit moves to let-pending and the tenancy draft opens; the household stays offered until the tenancy starts",
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
    "The Comune withdraws a pending or accepted offer, with a reason (an accepted offer's tenancy draft is cancelled)",
    OfferWithdrawal,
  ),
  stepBack: offerAction(
    "allocation:run",
    "step-back",
    "The Comune steps back from an acceptance, with a reason: tenancy draft cancelled, unit offered again, offer pending",
    OfferStepBack,
  ),
  reopen: offerAction(
    "allocation:run",
    "reopen",
    "The Comune reopens a declined, expired or withdrawn offer, with a reason; the refusal it recorded no longer counts",
    OfferReopen,
  ),
  expire: createRoute(
    securedRoute("allocation:run", {
      method: "post",
      path: "/offers/expire",
      tags: ["offers"],
      summary:
        "Close every pending offer past its due date as a refusal by the household (reasonable or not as the offer rules say)",
      responses: { 200: json(OfferExpiry.openapi("OfferExpiry"), "The offers expired") },
    }),
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
        await inActorScope(deps, c, (db) => listOffers({ db, query: c.req.valid("query"), now: deps.now() })),
        200,
      );
    })
    .openapi(routes.get, async (c) => {
      canReadOffers(c);
      return c.json(
        await inActorScope(deps, c, (db) => getOffer({ db, id: c.req.valid("param").id, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.visit, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db) => recordOfferVisit({ db, id, input, now: deps.now() })),
        200,
      );
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
    })
    .openapi(routes.stepBack, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => stepBackOffer({ db, actor, id, input, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.reopen, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => reopenOffer({ db, actor, id, input, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.expire, async (c) => {
      const expired = await inActorScope(deps, c, (db, actor) =>
        expireOverdueOffers({ db, actor, now: deps.now() }),
      );
      return c.json({ expired }, 200);
    });
}
