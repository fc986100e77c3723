// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ExpenseDecisionInput, FundEntryInput } from "../../domain/fund/fund.ts";
import { FundLedger } from "../../domain/fund/fund-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { addFundEntry, decideExpense, fundLedger } from "./fund.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const tags = ["community fund"];
const Ledger = FundLedger.openapi("FundLedger");
const Entry = FundEntryInput.openapi("FundEntryInput");

const routes = {
  ledger: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/networks/{id}/fund",
      tags,
      summary: "A Municipio network's community fund: contributions, expenses and the balance",
      request: { params: IdParam },
      responses: { 200: json(Ledger, "The fund") },
    }),
  ),
  contribute: createRoute(
    securedRoute("fund:write", {
      method: "post",
      path: "/networks/{id}/fund/contributions",
      tags,
      summary: "Record a contribution to the fund, for the caller's organisation",
      request: { params: IdParam, body: body(Entry) },
      responses: { 201: json(Ledger, "The fund") },
    }),
  ),
  propose: createRoute(
    securedRoute("fund:write", {
      method: "post",
      path: "/networks/{id}/fund/expenses",
      tags,
      summary: "Propose an expense of the fund, for the network's coordination to approve",
      request: { params: IdParam, body: body(Entry) },
      responses: { 201: json(Ledger, "The fund") },
    }),
  ),
  decide: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/fund-entries/{id}/decision",
      tags,
      summary:
        "Approve a proposed expense with a decision of the network's coordination (not beyond the balance), or reject it",
      request: { params: IdParam, body: body(ExpenseDecisionInput.openapi("ExpenseDecisionInput")) },
      responses: { 200: json(Ledger, "The fund") },
    }),
  ),
};

/** The community funds of the Municipio networks. */
export function fundRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.ledger, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db, actor) => fundLedger({ db, actor, bodyId: id })), 200);
    })
    .openapi(routes.contribute, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const ledger = await inActorScope(deps, c, (db, actor) =>
        addFundEntry({ db, actor, bodyId: id, kind: "contribution", input }),
      );
      c.set("auditSubject", { entity: "community_fund", id });
      return c.json(ledger, 201);
    })
    .openapi(routes.propose, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const ledger = await inActorScope(deps, c, (db, actor) =>
        addFundEntry({ db, actor, bodyId: id, kind: "expense", input }),
      );
      c.set("auditSubject", { entity: "community_fund", id });
      return c.json(ledger, 201);
    })
    .openapi(routes.decide, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const ledger = await inActorScope(deps, c, (db, actor) => decideExpense({ db, actor, id, input }));
      c.set("auditSubject", { entity: "community_fund", id: ledger.bodyId });
      return c.json(ledger, 200);
    });
}
