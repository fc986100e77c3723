// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  ConfiscatedUnitList,
  OpenDataIndex,
  OpenDataTable,
} from "../../domain/open-data/open-data-api.schema.ts";
import { confiscatedCsv, tableCsv } from "../../domain/open-data/open-data-csv.ts";
import { API_BASE, type AppDeps, type AppEnv, errorResponses, jsonResponse as json } from "../http.ts";
import {
  CONFISCATED_PATH,
  getOpenDataTable,
  listConfiscatedUnits,
  OPEN_DATA_PATH,
  openDataIndex,
} from "./open-data.service.ts";

const tags = ["open-data"];
/** Public: no session, no permission; the same answer for everyone, so caches may keep it an hour. */
const PUBLIC_CACHE = { "cache-control": "public, max-age=3600" };
const csvHeaders = (file: string) => ({
  ...PUBLIC_CACHE,
  "content-type": "text/csv; charset=utf-8",
  "content-disposition": `attachment; filename="${file}"`,
});
const csvResponse = {
  description: "CSV: `;` separated, UTF-8 with BOM",
  content: { "text/csv": { schema: z.string() } },
};

const TableParam = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9-]+(\.csv)?$/, { error: "name: a table name, optionally ending in .csv" })
    .openapi({
      description: "A table's name; add `.csv` for the CSV file",
      example: "exits-by-destination.csv",
    }),
});

/** An open-data route: public (`x-permission: public`), no session needed. */
const publicRoute = <P extends string>(path: P, summary: string, description: string) => ({
  method: "get" as const,
  path,
  tags,
  summary,
  description,
  security: [] as Record<string, string[]>[],
  "x-permission": "public",
});

const routes = {
  index: createRoute({
    ...publicRoute(
      OPEN_DATA_PATH,
      "The open data: every table, the rule of small counts, the licence (CC BY 4.0)",
      "No login. Tables of people or households never publish a count from 1 to 9 (null in JSON, `c` in CSV), nor one that could be worked out from the totals.",
    ),
    responses: { 200: json(OpenDataIndex.openapi("OpenDataIndex"), "The index") },
  }),
  table: createRoute({
    ...publicRoute(
      `${OPEN_DATA_PATH}/tables/{name}`,
      "One table of aggregates: JSON, or CSV with `.csv` after its name",
      "No login. Withheld values are null in JSON and `c` in the CSV, whose footnote says why.",
    ),
    request: { params: TableParam },
    responses: {
      200: {
        description: "The table",
        content: {
          "application/json": { schema: OpenDataTable.openapi("OpenDataTable") },
          "text/csv": { schema: z.string() },
        },
      },
      400: errorResponses[400],
      404: errorResponses[404],
    },
  }),
  confiscated: createRoute({
    ...publicRoute(
      CONFISCATED_PATH,
      "The confiscated units in use (D.Lgs. 159/2011 art. 48)",
      "No login. Identifier, town and municipio, surface, rooms, destination, managing organisation and comodato; never the street address or the household.",
    ),
    responses: { 200: json(ConfiscatedUnitList.openapi("ConfiscatedUnitList"), "The list") },
  }),
  confiscatedCsv: createRoute({
    ...publicRoute(`${CONFISCATED_PATH}.csv`, "The confiscated units in use, as CSV", "No login."),
    responses: { 200: csvResponse },
  }),
};

/** Open data for the public, without login: suppressed aggregates and the confiscated units in use. */
export function openDataRoutes(deps: AppDeps) {
  const at = () => ({ database: deps.database, now: deps.now() });
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.index, async (c) =>
      c.json(await openDataIndex({ ...at(), apiBase: API_BASE }), 200, PUBLIC_CACHE),
    )
    .openapi(routes.table, async (c) => {
      const { name } = c.req.valid("param");
      if (name.endsWith(".csv")) {
        const table = await getOpenDataTable({ ...at(), name: name.slice(0, -".csv".length) });
        return c.body(tableCsv(table), 200, csvHeaders(`${table.name}-${table.asOf}.csv`));
      }
      return c.json(await getOpenDataTable({ ...at(), name }), 200, PUBLIC_CACHE);
    })
    .openapi(routes.confiscated, async (c) => c.json(await listConfiscatedUnits(at()), 200, PUBLIC_CACHE))
    .openapi(routes.confiscatedCsv, async (c) => {
      const list = await listConfiscatedUnits(at());
      return c.body(confiscatedCsv(list), 200, csvHeaders(`beni-confiscati-${list.asOf}.csv`));
    });
}
