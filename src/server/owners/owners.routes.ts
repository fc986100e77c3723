// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  ContactInput,
  OfferAcceptance,
  OfferDecision,
  OfferInput,
  OwnerInput,
  OwnerUpdate,
  SchemeInput,
  UptakeInput,
} from "../../domain/owners/owners.ts";
import {
  ContactView,
  OfferView,
  OwnerDetail,
  OwnerList,
  OwnerSummaryView,
  OwnersSummary,
  SchemeList,
  SchemeView,
} from "../../domain/owners/owners-api.schema.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  acceptOffer,
  addContact,
  addOffer,
  addUptake,
  createOwner,
  createScheme,
  decideOffer,
  listOwners,
  listSchemes,
  ownerDetail,
  ownersSummary,
  setSchemeActive,
  updateOwner,
} from "./owners.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const tags = ["owners"];
const Offer = OfferView.openapi("OwnerOffer");
const Owner = OwnerSummaryView.openapi("Owner");
const Scheme = SchemeView.openapi("GuaranteeScheme");

const routes = {
  owners: createRoute(
    securedRoute("owners:read", {
      method: "get",
      path: "/owners",
      tags,
      summary:
        "Private owners, their associations and agencies contacted, with their contacts, offered homes and homes entered into the stock counted",
      responses: { 200: json(OwnerList.openapi("OwnerList"), "The owners") },
    }),
  ),
  createOwner: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/owners",
      tags,
      summary: "Record an owner, an owners' association (ANACI, UPPI) or an agency",
      request: { body: body(OwnerInput.openapi("OwnerInput")) },
      responses: { 201: json(Owner, "The owner") },
    }),
  ),
  updateOwner: createRoute(
    securedRoute("owners:write", {
      method: "patch",
      path: "/owners/{id}",
      tags,
      summary:
        "Change an owner's details (kind, name, contact, place, notes); send the version you read (a stale version gets 409)",
      request: { params: IdParam, body: body(OwnerUpdate.openapi("OwnerUpdate")) },
      responses: { 200: json(Owner, "The changed owner") },
    }),
  ),
  summary: createRoute(
    securedRoute("owners:read", {
      method: "get",
      path: "/owners/summary",
      tags,
      summary:
        "The line's figures: owners by kind, contacts by outcome, offers by status, homes entered, uptake per guarantee scheme",
      responses: { 200: json(OwnersSummary.openapi("OwnersSummary"), "The figures") },
    }),
  ),
  owner: createRoute(
    securedRoute("owners:read", {
      method: "get",
      path: "/owners/{id}",
      tags,
      summary:
        "An owner with its contacts and offered homes, each with its unit once accepted and its guarantees",
      request: { params: IdParam },
      responses: { 200: json(OwnerDetail.openapi("OwnerDetail"), "The owner") },
    }),
  ),
  addContact: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/owners/{id}/contacts",
      tags,
      summary: "Record a contact with an owner: when, how, with what outcome",
      request: { params: IdParam, body: body(ContactInput.openapi("OwnerContactInput")) },
      responses: { 201: json(ContactView.openapi("OwnerContact"), "The contact") },
    }),
  ),
  addOffer: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/owners/{id}/offers",
      tags,
      summary: "Record a home an owner offers: where, how large, the monthly rent asked",
      request: { params: IdParam, body: body(OfferInput.openapi("OwnerOfferInput")) },
      responses: { 201: json(Offer, "The offer") },
    }),
  ),
  decide: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/owner-offers/{id}/decision",
      tags,
      summary:
        "Put an offered home under review, decline it or record its withdrawal (with a reason); send the version you read",
      request: { params: IdParam, body: body(OfferDecision.openapi("OwnerOfferDecision")) },
      responses: { 200: json(Offer, "The offer") },
    }),
  ),
  accept: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/owner-offers/{id}/accept",
      tags,
      summary:
        "Accept a home under review: it enters the stock as a unit of origin private (a taken unit code is a 409); send the version you read",
      request: { params: IdParam, body: body(OfferAcceptance.openapi("OwnerOfferAcceptance")) },
      responses: { 200: json(Offer, "The offer, with its unit") },
    }),
  ),
  addUptake: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/owner-offers/{id}/guarantees",
      tags,
      summary: "Grant a guarantee of a scheme on an accepted home, within the scheme's most cover and months",
      request: { params: IdParam, body: body(UptakeInput.openapi("GuaranteeUptakeInput")) },
      responses: { 201: json(Offer, "The offer, with its guarantees") },
    }),
  ),
  schemes: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/guarantee-schemes",
      tags,
      summary:
        "The guarantee schemes offered to owners (rent guarantee fund, damage cover) with their terms, and their uptake for who reads the owners' line",
      responses: { 200: json(SchemeList.openapi("GuaranteeSchemeList"), "The schemes") },
    }),
  ),
  createScheme: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/guarantee-schemes",
      tags,
      summary:
        "Offer owners a guarantee scheme: its terms, the most it covers per home and for how many months",
      request: { body: body(SchemeInput.openapi("GuaranteeSchemeInput")) },
      responses: { 201: json(Scheme, "The scheme") },
    }),
  ),
  deactivateScheme: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/guarantee-schemes/{id}/deactivate",
      tags,
      summary:
        "Offer a guarantee scheme no longer: it takes no new uptake, the guarantees granted stand (again on an inactive scheme changes nothing)",
      request: { params: IdParam },
      responses: { 200: json(Scheme, "The scheme") },
    }),
  ),
  activateScheme: createRoute(
    securedRoute("owners:write", {
      method: "post",
      path: "/guarantee-schemes/{id}/activate",
      tags,
      summary: "Offer a guarantee scheme to owners again (again on an active scheme changes nothing)",
      request: { params: IdParam },
      responses: { 200: json(Scheme, "The scheme") },
    }),
  ),
};

const audited = (c: Context<AppEnv>, entity: string, id: string) => c.set("auditSubject", { entity, id });

/** The private owners' line: owners, contacts, offered homes, guarantee schemes and their uptake. */
export function ownersRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.owners, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => listOwners({ db, actor, today: today() })), 200),
    )
    .openapi(routes.createOwner, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createOwner({ db, actor, today: today(), input }),
      );
      audited(c, "private_owner", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.updateOwner, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        updateOwner({ db, actor, today: today(), id, input }),
      );
      audited(c, "private_owner", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.summary, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => ownersSummary({ db, actor, today: today() })), 200),
    )
    .openapi(routes.owner, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(
        await inActorScope(deps, c, (db, actor) => ownerDetail({ db, actor, today: today(), id })),
        200,
      );
    })
    .openapi(routes.addContact, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        addContact({ db, actor, today: today(), ownerId: id, input }),
      );
      audited(c, "owner_contact", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.addOffer, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        addOffer({ db, actor, today: today(), ownerId: id, input }),
      );
      audited(c, "owner_offer", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.decide, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        decideOffer({ db, actor, today: today(), id, input }),
      );
      audited(c, "owner_offer", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.accept, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        acceptOffer({ db, actor, today: today(), id, input }),
      );
      audited(c, "owner_offer", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.addUptake, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        addUptake({ db, actor, today: today(), offerId: id, input }),
      );
      audited(c, "owner_offer", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.schemes, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => listSchemes({ db, actor, today: today() })), 200),
    )
    .openapi(routes.createScheme, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createScheme({ db, actor, today: today(), input }),
      );
      audited(c, "guarantee_scheme", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.deactivateScheme, async (c) => {
      const { id } = c.req.valid("param");
      const saved = await inActorScope(deps, c, (db, actor) =>
        setSchemeActive({ db, actor, today: today(), id, active: false }),
      );
      audited(c, "guarantee_scheme", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.activateScheme, async (c) => {
      const { id } = c.req.valid("param");
      const saved = await inActorScope(deps, c, (db, actor) =>
        setSchemeActive({ db, actor, today: today(), id, active: true }),
      );
      audited(c, "guarantee_scheme", saved.id);
      return c.json(saved, 200);
    });
}
