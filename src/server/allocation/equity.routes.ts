// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { EquityReport } from "../../domain/equity/equity.schema.ts";
import { type AppDeps, type AppEnv, inActorScope, jsonResponse as json, securedRoute } from "../http.ts";
import { getEquityReport } from "./equity.service.ts";

const EquityReportDoc = EquityReport.openapi("EquityReport");

const DEFINITIONS = [
  "Counts of households, by sex, age band (on the report's day) and citizenship (Italian, other EU, non-EU) of the head of household, disability, and household type (target group).",
  "Population: the households that reached the waiting list — status waiting, offered, housed, exiting or exited, or a `waiting` entry in their history — except those whose consent to processing was withdrawn.",
  "Eligible: eligible under the rules in force for at least one unit available or offered, or had an offer, or is housed. Offered: had at least one offer. Accepted: accepted an offer. Housed: status housed, exiting or exited.",
  "So eligible ⊇ offered ⊇ accepted and eligible ⊇ housed; housed is not within accepted (a household can be housed with no offer on record) nor accepted within housed (an accepted offer leaves the household offered until its tenancy).",
  "Disability: the physical-disability need (not read when the household withdrew its consent to special categories) or an accessibility need. Disability and needs are read in aggregate only.",
  "No names and no ids. A count from 1 to 4 is withheld (null, `suppressed: true`), and so is a second cell of the same dimension and stage when one alone could be recovered from the total; a rate over a withheld count is null.",
].join("\n\n");

const routes = {
  report: createRoute(
    securedRoute("allocation:run", {
      method: "get",
      path: "/allocation/equity",
      tags: ["allocation"],
      summary:
        "The allocation equity report: eligible, offered, accepted and housed households by sex, age band, citizenship, disability and household type, small counts withheld",
      description: DEFINITIONS,
      responses: { 200: json(EquityReportDoc, "The equity report") },
    }),
  ),
};

export function equityRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>().openapi(routes.report, async (c) =>
    c.json(await inActorScope(deps, c, (db) => getEquityReport({ db, now: deps.now() })), 200),
  );
}
