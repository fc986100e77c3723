// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  CatalogueView,
  DashboardView,
  Dimension,
  IndicatorValueView,
  PeriodStateView,
  RecordsView,
  ReopenInput,
  SeriesView,
  TargetsInput,
} from "../../domain/monitoring/monitoring-api.schema.ts";
import { GRANULARITIES, type Period, PeriodKey, periodKeyOf } from "../../domain/monitoring/periods.ts";
import { fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  alongsideFor,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  scopeOfActor,
  securedRoute,
} from "../http.ts";
import {
  catalogueView,
  dashboard,
  indicatorDetail,
  recordsView,
  series,
  setTargets,
} from "./monitoring.service.ts";
import { closePeriod, periodState, reopenPeriod } from "./periods.service.ts";

const tags = ["monitoring"];
const CodeParam = z.object({ code: z.string().min(1).max(60).openapi({ description: "Indicator code" }) });
const KeyParam = z.object({
  key: z
    .string()
    .min(4)
    .max(7)
    .openapi({ description: "Period: YYYY-MM, YYYY-Qn or YYYY", example: "2026-Q3" }),
});
const PeriodQuery = z.object({
  period: z.string().max(7).optional().openapi({
    description: "YYYY-MM, YYYY-Qn or YYYY; the current quarter if left out",
    example: "2026-Q3",
  }),
});
const DimensionsQuery = PeriodQuery.extend({
  dimensions: z.string().max(200).optional().openapi({ description: "Comma-separated disaggregations" }),
});
const RecordsQuery = PeriodQuery.extend({
  dimension: Dimension.optional(),
  key: z.string().max(200).optional().openapi({ description: "The cell's key; `~` for the cell of unknown" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const SeriesQuery = z.object({
  granularity: z.enum(GRANULARITIES).default("quarter"),
  count: z.coerce
    .number()
    .int()
    .min(1, { error: "count: at least 1" })
    .max(24, { error: "count: at most 24" })
    .default(8),
});
const PeriodDoc = PeriodStateView.openapi("MonitoringPeriod");

type Method = "get" | "post" | "put";
function route<P extends string>(method: Method, path: P, summary: string) {
  return { method, path, tags, summary } as const;
}
const read = <T extends Parameters<typeof securedRoute>[1]>(config: T) =>
  createRoute(securedRoute("monitoring:read", config));
const manage = <T extends Parameters<typeof securedRoute>[1]>(config: T) =>
  createRoute(securedRoute("monitoring:manage", config));

const routes = {
  catalogue: read({
    ...route("get", "/monitoring/catalogue", "The indicators' catalogue with their targets"),
    responses: { 200: json(CatalogueView.openapi("IndicatorCatalogue"), "The catalogue") },
  }),
  targets: manage({
    ...route("put", "/monitoring/indicators/{code}/targets", "Set an indicator's targets (the whole set)"),
    request: { params: CodeParam, body: body(TargetsInput.openapi("TargetsInput")) },
    responses: { 200: json(CatalogueView, "The catalogue with the new targets") },
  }),
  dashboard: read({
    ...route(
      "get",
      "/monitoring/dashboard",
      "Every indicator of a period against its target: frozen if the period is closed, else live",
    ),
    request: { query: PeriodQuery },
    responses: { 200: json(DashboardView.openapi("MonitoringDashboard"), "The dashboard") },
  }),
  indicator: read({
    ...route("get", "/monitoring/indicators/{code}", "One indicator of a period with its disaggregations"),
    request: { params: CodeParam, query: DimensionsQuery },
    responses: {
      200: json(
        IndicatorValueView.extend({ source: z.enum(["snapshot", "live"]) }).openapi("IndicatorValue"),
        "The indicator",
      ),
    },
  }),
  series: read({
    ...route(
      "get",
      "/monitoring/indicators/{code}/series",
      "An indicator over the last periods, with its targets",
    ),
    request: { params: CodeParam, query: SeriesQuery },
    responses: { 200: json(SeriesView.openapi("IndicatorSeries"), "The series") },
  }),
  records: createRoute(
    securedRoute(
      "monitoring:read",
      {
        ...route(
          "get",
          "/monitoring/indicators/{code}/records",
          "The records behind a number (needs the permission that reads those records too)",
        ),
        request: { params: CodeParam, query: RecordsQuery },
        responses: { 200: json(RecordsView.openapi("IndicatorRecords"), "The records") },
      },
      { auditReads: true },
    ),
  ),
  period: read({
    ...route(
      "get",
      "/monitoring/periods/{key}",
      "A reporting period: open or closed, its data version and history",
    ),
    request: { params: KeyParam },
    responses: { 200: json(PeriodDoc, "The period") },
  }),
  close: manage({
    ...route("post", "/monitoring/periods/{key}/close", "Close an ended period: freeze its figures"),
    request: { params: KeyParam },
    responses: { 200: json(PeriodDoc, "The closed period") },
  }),
  reopen: manage({
    ...route("post", "/monitoring/periods/{key}/reopen", "Reopen a closed period, with a reason"),
    request: { params: KeyParam, body: body(ReopenInput.openapi("ReopenInput")) },
    responses: { 200: json(PeriodDoc, "The reopened period") },
  }),
};

/** A period key from the path or the query; the current quarter when left out. */
export function periodOf(key: string | undefined, today: string, path = "period"): Period {
  const parsed = PeriodKey.safeParse(key ?? periodKeyOf("quarter", today));
  if (!parsed.success) throw fieldError("UNPROCESSABLE", path, "period must be YYYY-MM, YYYY-Qn or YYYY");
  return parsed.data;
}

function dimensionsOf(list: string | undefined) {
  if (list === undefined || list.trim() === "") return undefined;
  return list.split(",").map((d) => {
    const parsed = Dimension.safeParse(d.trim());
    if (!parsed.success)
      throw fieldError("UNPROCESSABLE", "dimensions", `Unknown disaggregation "${d.trim()}"`);
    return parsed.data;
  });
}

/** Indicators, targets, reporting periods and their snapshots (A.1 monitoring). */
export function monitoringRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  const stateOf = async (c: Parameters<typeof inActorScope>[1], period: Period) => {
    const { id: _id, ...state } = await inActorScope(deps, c, (db, actor) =>
      periodState(db, period, today(), scopeOfActor(actor)),
    );
    return state;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.catalogue, async (c) =>
      c.json(await inActorScope(deps, c, (db) => catalogueView(db)), 200),
    )
    .openapi(routes.targets, async (c) => {
      const { code } = c.req.valid("param");
      const input = c.req.valid("json");
      const view = await inActorScope(deps, c, async (db, actor) => {
        await setTargets({ db, actor, code, input });
        return catalogueView(db);
      });
      c.set("auditSubject", { entity: "indicator", id: code });
      return c.json(view, 200);
    })
    .openapi(routes.dashboard, async (c) => {
      const period = periodOf(c.req.valid("query").period, today());
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          dashboard({
            db,
            scope: scopeOfActor(actor),
            period,
            today: today(),
            now: deps.now(),
            alongside: alongsideFor(deps, actor, db),
          }),
        ),
        200,
      );
    })
    .openapi(routes.indicator, async (c) => {
      const { code } = c.req.valid("param");
      const query = c.req.valid("query");
      const period = periodOf(query.period, today());
      const dimensions = dimensionsOf(query.dimensions);
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          indicatorDetail({ db, scope: scopeOfActor(actor), code, period, today: today(), dimensions }),
        ),
        200,
      );
    })
    .openapi(routes.series, async (c) => {
      const { code } = c.req.valid("param");
      const query = c.req.valid("query");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          series({ db, scope: scopeOfActor(actor), code, today: today(), ...query }),
        ),
        200,
      );
    })
    .openapi(routes.records, async (c) => {
      const { code } = c.req.valid("param");
      const query = c.req.valid("query");
      const period = periodOf(query.period, today());
      c.set("auditSubject", { entity: "indicator", id: `${code} ${period.key}` });
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          recordsView({
            db,
            actor,
            code,
            period,
            today: today(),
            dimension: query.dimension,
            key: query.key === "~" ? null : query.key,
            limit: query.limit,
          }),
        ),
        200,
      );
    })
    .openapi(routes.period, async (c) =>
      c.json(await stateOf(c, periodOf(c.req.valid("param").key, today(), "key")), 200),
    )
    .openapi(routes.close, async (c) => {
      const period = periodOf(c.req.valid("param").key, today(), "key");
      await inActorScope(deps, c, (db, actor) => closePeriod({ db, actor, period, today: today() }));
      c.set("auditSubject", { entity: "monitoring_period", id: period.key });
      return c.json(await stateOf(c, period), 200);
    })
    .openapi(routes.reopen, async (c) => {
      const period = periodOf(c.req.valid("param").key, today(), "key");
      const { reason } = c.req.valid("json");
      await inActorScope(deps, c, (db, actor) => reopenPeriod({ db, actor, period, reason }));
      c.set("auditSubject", { entity: "monitoring_period", id: period.key });
      return c.json(await stateOf(c, period), 200);
    });
}
