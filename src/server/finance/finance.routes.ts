// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  MonteCarloChunkQuery,
  MonteCarloChunkView,
  PlanActualsView,
  PlanComparisonView,
  PlanResultView,
  PlanScenarioInput,
  PlanScenarioList,
  PlanScenarioVersionView,
  PlanScenarioView,
  PlanSensitivityView,
  RegistryUnitsView,
} from "../../domain/finance/plan-api.schema.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  actorOf,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { XLSX_TYPE } from "../shared/spreadsheet.ts";
import {
  exportPlanWorkbook,
  getPlanActuals,
  getPlanComparison,
  getPlanResult,
  getPlanScenario,
  getPlanScenarioVersion,
  getPlanSensitivity,
  getRegistryUnits,
  listPlanScenarios,
  runPlanMonteCarloChunk,
  savePlanScenario,
} from "./finance.service.ts";

const NameParam = z.object({
  name: z.string().min(1).max(60).openapi({ description: "The scenario's name", example: "base" }),
});
const VersionParam = NameParam.extend({
  version: z.coerce
    .number({ error: "version must be a whole number" })
    .int({ error: "version must be a whole number" })
    .min(1, { error: "version must be at least 1" })
    .openapi({ description: "The version number", example: 1 }),
});
const tags = ["financial-plan"];
const ScenarioDoc = PlanScenarioView.openapi("PlanScenario");

const routes = {
  list: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios",
      tags,
      summary: "The financial plan's scenarios, each at its latest version",
      responses: { 200: json(PlanScenarioList.openapi("PlanScenarioList"), "The scenarios") },
    }),
  ),
  get: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}",
      tags,
      summary: "A scenario at its latest version, with every version's author, date and reason",
      request: { params: NameParam },
      responses: { 200: json(ScenarioDoc, "The scenario") },
    }),
  ),
  version: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/versions/{version}",
      tags,
      summary: "One version of a scenario",
      request: { params: VersionParam },
      responses: { 200: json(PlanScenarioVersionView.openapi("PlanScenarioVersion"), "The version") },
    }),
  ),
  save: createRoute(
    securedRoute("plan:write", {
      method: "post",
      path: "/plan/scenarios",
      tags,
      summary:
        "Save a scenario as its next version (1 for a new name) with a reason; an invalid scenario is a 422 naming each field as scenario.<path>",
      request: { body: body(PlanScenarioInput.openapi("PlanScenarioInput")) },
      responses: { 201: json(ScenarioDoc, "The scenario with its new version") },
    }),
  ),
  result: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/result",
      tags,
      summary:
        "The plan of the latest version: monthly and yearly tables, DSCR, fund, units recovered, revenue against the estimate, break-even rates and the programme's checks",
      request: { params: NameParam },
      responses: { 200: json(PlanResultView.openapi("PlanResult"), "The plan") },
    }),
  ),
  comparison: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/comparison",
      tags,
      summary:
        "The standard variants of the latest version side by side: base, high arrears, high vacancy, costs rising with frozen caps, costlier works",
      request: { params: NameParam },
      responses: { 200: json(PlanComparisonView.openapi("PlanComparison"), "The variants") },
    }),
  ),
  registryUnits: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/registry-units",
      tags,
      summary:
        "The housing stock registry as a scenario's units: units in operation by category with their average surface, and the pipeline (to renovate or under works), in the caller's scope",
      responses: { 200: json(RegistryUnitsView.openapi("RegistryUnits"), "The registry's units") },
    }),
  ),
  actuals: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/actuals",
      tags,
      summary:
        "The latest version's plan against the records, month by month to this month (rent collected, works invoices, loan instalments), and the programme's checks on actual figures; a partner's staff count their own records only",
      request: { params: NameParam },
      responses: { 200: json(PlanActualsView.openapi("PlanActuals"), "Plan against actual") },
    }),
  ),
  sensitivity: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/sensitivity",
      tags,
      summary: "Each input moved ±10 %: the change of the minimum DSCR and of the units recovered (tornado)",
      request: { params: NameParam },
      responses: { 200: json(PlanSensitivityView.openapi("PlanSensitivity"), "The sensitivity rows") },
    }),
  ),
  monteCarlo: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/monte-carlo",
      tags,
      summary:
        "One chunk (runs from … from + count − 1) of a seeded Monte Carlo analysis of a version: each run's minimum DSCR, units recovered and shortfall. The chunks of one seed merge (mergeMonteCarloChunks) into the same result as one run; a page asks for them in turn and shows its progress",
      request: { params: NameParam, query: MonteCarloChunkQuery },
      responses: { 200: json(MonteCarloChunkView.openapi("MonteCarloChunk"), "The chunk") },
    }),
  ),
  workbook: createRoute(
    securedRoute("plan:read", {
      method: "get",
      path: "/plan/scenarios/{name}/result.xlsx",
      tags,
      summary:
        "Every result table of the latest version as an XLSX workbook, one sheet per table, Italian headers",
      request: { params: NameParam },
      responses: {
        200: {
          description: "The workbook",
          content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
        },
      },
    }),
  ),
};

/** The financial plan (PEF): versioned scenarios and the engine's results on them. */
export function financeRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listPlanScenarios({ db })), 200),
    )
    .openapi(routes.get, async (c) => {
      const { name } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db) => getPlanScenario({ db, name })), 200);
    })
    .openapi(routes.version, async (c) => {
      const { name, version } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db) => getPlanScenarioVersion({ db, name, version })), 200);
    })
    .openapi(routes.save, async (c) => {
      const saved = await inActorScope(deps, c, (db, actor) =>
        savePlanScenario({ db, actor, input: c.req.valid("json"), now: deps.now() }),
      );
      c.set("auditSubject", { entity: "plan_scenarios", id: `${saved.name}@${saved.version}` });
      return c.json(saved, 201);
    })
    .openapi(routes.result, async (c) => {
      const { name } = c.req.valid("param");
      return c.json(await getPlanResult({ inScope: (fn) => inActorScope(deps, c, fn), name }), 200);
    })
    .openapi(routes.comparison, async (c) => {
      const { name } = c.req.valid("param");
      return c.json(await getPlanComparison({ inScope: (fn) => inActorScope(deps, c, fn), name }), 200);
    })
    .openapi(routes.registryUnits, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          getRegistryUnits({ db, actor, today: romeDate(deps.now()) }),
        ),
        200,
      ),
    )
    .openapi(routes.actuals, async (c) => {
      const { name } = c.req.valid("param");
      const actor = actorOf(c);
      return c.json(
        await getPlanActuals({
          inScope: (fn) => inActorScope(deps, c, fn),
          actor,
          name,
          today: romeDate(deps.now()),
        }),
        200,
      );
    })
    .openapi(routes.sensitivity, async (c) => {
      const { name } = c.req.valid("param");
      return c.json(await getPlanSensitivity({ inScope: (fn) => inActorScope(deps, c, fn), name }), 200);
    })
    .openapi(routes.monteCarlo, async (c) => {
      const { name } = c.req.valid("param");
      const query = c.req.valid("query");
      return c.json(
        await runPlanMonteCarloChunk({ inScope: (fn) => inActorScope(deps, c, fn), name, query }),
        200,
      );
    })
    .openapi(routes.workbook, async (c) => {
      const { name } = c.req.valid("param");
      const file = await exportPlanWorkbook({ inScope: (fn) => inActorScope(deps, c, fn), name });
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="piano-${file.name}-v${file.version}.xlsx"`,
      });
    });
}
