// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { streamText } from "hono/streaming";
import { StockSummary } from "../../domain/units/stock-summary.schema.ts";
import {
  Unit,
  UnitCreate,
  UnitEvent,
  UnitListQuery,
  UnitStatus,
  UnitTransition,
  UnitUpdate,
} from "../../domain/units/unit.schema.ts";
import { UNIT_FILE_COLUMNS, unitFileHeader, unitToRow } from "../../domain/units/unit-file.ts";
import { auditRequest } from "../audit/audit.middleware.ts";
import { AppError, fieldError, HTTP_STATUS, toProblem } from "../errors.ts";
import {
  type AppDeps,
  type AppEnv,
  actorOf,
  alongsideFor,
  asActor,
  IdParam,
  inActorScope,
  jsonResponse as json,
  SYSTEM_SCOPE,
  scopeOfActor,
  securedRoute,
} from "../http.ts";
import { readSpreadsheet, writeCsv, writeXlsx, XLSX_TYPE } from "../shared/spreadsheet.ts";
import { countAllUnits } from "./units.repository.ts";
import {
  createUnit,
  getStockSummary,
  getUnit,
  getUnitHistory,
  type ImportProgress,
  importUnits,
  listUnits,
  listUnitsForExport,
  refreshStatisticsAfterImport,
  transitionUnit,
  updateUnit,
} from "./units.service.ts";

const UnitDetail = Unit.extend({ allowedTransitions: z.array(UnitStatus) });
const ImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
const ExportQuery = UnitListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(["csv", "xlsx"], { error: "Format must be csv or xlsx" }).default("csv"),
});

const routes = {
  list: createRoute(
    securedRoute("units:read", {
      method: "get",
      path: "/units",
      tags: ["units"],
      summary: "List units with filters, sort and pagination",
      request: { query: UnitListQuery },
      responses: {
        200: json(z.object({ items: z.array(Unit), total: z.number().int() }), "A page of units"),
      },
    }),
  ),
  create: createRoute(
    securedRoute("units:write", {
      method: "post",
      path: "/units",
      tags: ["units"],
      summary: "Add a unit to the stock",
      request: { body: { content: { "application/json": { schema: UnitCreate } }, required: true } },
      responses: { 201: json(UnitDetail, "The new unit") },
    }),
  ),
  summary: createRoute(
    securedRoute("stock:read", {
      method: "get",
      path: "/units/summary",
      tags: ["units"],
      summary: "Stock summary: counts, category mix against target, growth, rent roll at the caps",
      responses: { 200: json(StockSummary, "The summary") },
    }),
  ),
  export: createRoute(
    securedRoute("units:read", {
      method: "get",
      path: "/units/export",
      tags: ["units"],
      summary:
        "Export the filtered list as CSV (; separated, UTF-8 BOM) or XLSX; the file imports back unchanged",
      request: { query: ExportQuery },
      responses: {
        200: {
          description: "The file",
          content: {
            "text/csv": { schema: z.string() },
            [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
          },
        },
      },
    }),
  ),
  import: createRoute(
    securedRoute("units:import", {
      method: "post",
      path: "/units/import",
      tags: ["units"],
      summary:
        "Import units from CSV or XLSX: new codes are created, existing ones updated, all or nothing. " +
        "With `Accept: application/x-ndjson` the answer streams progress lines, then the result or the problem.",
      request: {
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(ImportResult, "What the import did") },
    }),
  ),
  get: createRoute(
    securedRoute(
      "units:read",
      {
        method: "get",
        path: "/units/{id}",
        tags: ["units"],
        summary: "One unit, with the status changes allowed from its current status",
        request: { params: IdParam },
        responses: { 200: json(UnitDetail, "The unit") },
      },
      // Opening a unit's record is recorded, so "who consulted this record" tells the whole story.
      { auditReads: true },
    ),
  ),
  update: createRoute(
    securedRoute("units:write", {
      method: "patch",
      path: "/units/{id}",
      tags: ["units"],
      summary: "Change a unit's fields; send the version you read (a stale version gets 409)",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: UnitUpdate } }, required: true },
      },
      responses: { 200: json(UnitDetail, "The changed unit") },
    }),
  ),
  transition: createRoute(
    securedRoute("units:write", {
      method: "post",
      path: "/units/{id}/transitions",
      tags: ["units"],
      summary: "Move a unit to another status, if the move is allowed",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: UnitTransition } }, required: true },
      },
      responses: { 200: json(UnitDetail, "The unit in its new status") },
    }),
  ),
  history: createRoute(
    securedRoute("units:read", {
      method: "get",
      path: "/units/{id}/history",
      tags: ["units"],
      summary: "Every change of a unit: who, when, what",
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(UnitEvent) }), "The history, newest first") },
    }),
  ),
};

const NUMERIC_COLUMNS = new Set(
  UNIT_FILE_COLUMNS.flatMap((c, i) => (c.kind === "int" || c.kind === "decimal" ? [i] : [])),
);

async function uploadedRows(body: Record<string, unknown>) {
  const file = body.file;
  if (!(file instanceof File))
    throw fieldError("INVALID", "file", "Attach the CSV or XLSX file in the field `file`");
  if (file.size === 0) throw fieldError("INVALID", "file", "The file is empty");
  return readSpreadsheet(new Uint8Array(await file.arrayBuffer()));
}

export function unitRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) =>
          listUnits({ db, actor, query: c.req.valid("query"), alongside: alongsideFor(deps, actor, db) }),
        ),
        200,
      ),
    )
    .openapi(routes.create, async (c) => {
      const unit = await inActorScope(deps, c, (db, actor) =>
        createUnit({ db, actor, input: c.req.valid("json") }),
      );
      c.set("auditSubject", { entity: "units", id: unit.id });
      return c.json(unit, 201);
    })
    .openapi(routes.summary, async (c) => {
      const actor = actorOf(c);
      // The growth ceiling is about the whole programme, which a partner's scope does not see:
      // only its total is read, in the system scope.
      const programmeTotal =
        scopeOfActor(actor).sees === "all"
          ? null
          : await deps.database.scoped(SYSTEM_SCOPE, (db) => countAllUnits(db));
      return c.json(await inActorScope(deps, c, (db) => getStockSummary({ db, actor, programmeTotal })), 200);
    })
    .openapi(routes.export, async (c) => {
      const { format, ...filters } = c.req.valid("query");
      const units = await inActorScope(deps, c, (db, actor) =>
        listUnitsForExport({ db, actor, query: filters }),
      );
      const name = `alloggi-${deps.now().toISOString().slice(0, 10)}`;
      if (format === "xlsx") {
        const rows = [unitFileHeader(), ...units.map((u) => unitToRow(u, false))];
        return c.body((await writeXlsx("Alloggi", rows, NUMERIC_COLUMNS)) as unknown as ArrayBuffer, 200, {
          "content-type": XLSX_TYPE,
          "content-disposition": `attachment; filename="${name}.xlsx"`,
        });
      }
      const rows = [unitFileHeader(), ...units.map((u) => unitToRow(u, true))];
      return c.body(writeCsv(rows), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.csv"`,
      });
    })
    .openapi(routes.import, async (c) => {
      const actor = actorOf(c);
      const body = await c.req.parseBody();
      if (!c.req.header("accept")?.includes("application/x-ndjson")) {
        try {
          const rows = await uploadedRows(body);
          const result = await asActor(deps, actor, (db) => importUnits({ db, actor, rows }));
          await refreshStatisticsAfterImport(deps.database.db, result);
          await auditRequest(c, deps, 200);
          return c.json(result, 200);
        } catch (e) {
          await auditRequest(c, deps, e instanceof AppError ? HTTP_STATUS[e.code] : 500);
          throw e;
        }
      }
      // Streamed: one JSON line per phase, so the page can show progress on large files.
      return streamText(c, async (stream) => {
        c.header("content-type", "application/x-ndjson");
        const send = (line: object) => stream.write(`${JSON.stringify(line)}\n`);
        try {
          const rows = await uploadedRows(body);
          const result = await asActor(deps, actor, (db) =>
            importUnits({
              db,
              actor,
              rows,
              onProgress: async (p: ImportProgress) => {
                await send({ progress: p });
                // Let the socket write go out now: PGlite's queries resolve without yielding to I/O.
                await new Promise((resolve) => setImmediate(resolve));
              },
            }),
          );
          await refreshStatisticsAfterImport(deps.database.db, result);
          await auditRequest(c, deps, 200);
          await send({ result });
        } catch (e) {
          await auditRequest(c, deps, e instanceof AppError ? HTTP_STATUS[e.code] : 500);
          if (!(e instanceof AppError)) throw e;
          await send({ problem: toProblem(e) });
        }
      }) as never;
    })
    .openapi(routes.get, async (c) => {
      const unit = await inActorScope(deps, c, (db, actor) =>
        getUnit({ db, actor, idOrCode: c.req.valid("param").id }),
      );
      // By code or by uuid, the audit trail files the access under the unit's uuid.
      c.set("auditSubject", { entity: "units", id: unit.id });
      return c.json(unit, 200);
    })
    .openapi(routes.update, async (c) => {
      const unit = await inActorScope(deps, c, (db, actor) =>
        updateUnit({ db, actor, idOrCode: c.req.valid("param").id, patch: c.req.valid("json") }),
      );
      c.set("auditSubject", { entity: "units", id: unit.id });
      return c.json(unit, 200);
    })
    .openapi(routes.transition, async (c) => {
      const unit = await inActorScope(deps, c, (db, actor) =>
        transitionUnit({ db, actor, idOrCode: c.req.valid("param").id, input: c.req.valid("json") }),
      );
      c.set("auditSubject", { entity: "units", id: unit.id });
      return c.json(unit, 200);
    })
    .openapi(routes.history, async (c) =>
      c.json(
        {
          items: await inActorScope(deps, c, (db, actor) =>
            getUnitHistory({ db, actor, idOrCode: c.req.valid("param").id }),
          ),
        },
        200,
      ),
    );
}
