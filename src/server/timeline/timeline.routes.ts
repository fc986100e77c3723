// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { TimelineItemInput, TimelineItemUpdate, TimelineQuery } from "../../domain/timeline/timeline.ts";
import { TimelineItemView, TimelineList } from "../../domain/timeline/timeline-api.schema.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { XLSX_TYPE } from "../shared/spreadsheet.ts";
import {
  createTimelineItem,
  listTimeline,
  timelineForExport,
  updateTimelineItem,
} from "./timeline.service.ts";
import { timelineCsv, timelineXlsx } from "./timeline-files.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const Query = TimelineQuery.openapi("TimelineQuery");
const ItemDoc = TimelineItemView.openapi("TimelineItem");
const tags = ["timeline"];

const fileResponse = (type: string, description: string) => ({
  200: {
    description,
    content: {
      [type]: { schema: z.string().openapi({ format: type === XLSX_TYPE ? "binary" : undefined }) },
    },
  },
});

const routes = {
  list: createRoute(
    securedRoute("timeline:read", {
      method: "get",
      path: "/timeline",
      tags,
      summary:
        "Phases and milestones by area and line, each with its standing and slippage today, and the tallies per line and area",
      request: { query: Query },
      responses: { 200: json(TimelineList.openapi("TimelineList"), "The timeline") },
    }),
  ),
  create: createRoute(
    securedRoute("timeline:write", {
      method: "post",
      path: "/timeline",
      tags,
      summary:
        "Add a phase or milestone: a partner's own, or (Comune, Area A) owned by the organisation it names",
      request: { body: body(TimelineItemInput.openapi("TimelineItemInput")) },
      responses: { 201: json(ItemDoc, "The item") },
    }),
  ),
  update: createRoute(
    securedRoute("timeline:write", {
      method: "put",
      path: "/timeline/{id}",
      tags,
      summary:
        "Change an item (status, actual dates, plan): its owner organisation or the programme; send the version you read",
      request: { params: IdParam, body: body(TimelineItemUpdate.openapi("TimelineItemUpdate")) },
      responses: { 200: json(ItemDoc, "The item") },
    }),
  ),
  xlsx: createRoute(
    securedRoute("timeline:read", {
      method: "get",
      path: "/timeline/export.xlsx",
      tags,
      summary: "The filtered timeline as an XLSX workbook, with Italian headings",
      request: { query: Query },
      responses: fileResponse(XLSX_TYPE, "The workbook"),
    }),
  ),
  csv: createRoute(
    securedRoute("timeline:read", {
      method: "get",
      path: "/timeline/export.csv",
      tags,
      summary: "The filtered timeline as CSV (; separated, UTF-8 with BOM), with Italian headings",
      request: { query: Query },
      responses: fileResponse("text/csv", "The CSV file"),
    }),
  ),
};

/** The programme's timeline (cronoprogramma): phases and milestones per area and line. */
export function timelineRoutes(deps: AppDeps) {
  const today = () => romeDate(deps.now());
  const attachment = (extension: string) => `attachment; filename="cronoprogramma-${today()}.${extension}"`;
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const query = c.req.valid("query");
      return c.json(
        await inActorScope(deps, c, (db, actor) => listTimeline({ db, actor, today: today(), query })),
        200,
      );
    })
    .openapi(routes.create, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createTimelineItem({ db, actor, today: today(), input }),
      );
      c.set("auditSubject", { entity: "timeline_item", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.update, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        updateTimelineItem({ db, actor, today: today(), id, input }),
      );
      c.set("auditSubject", { entity: "timeline_item", id: saved.id });
      return c.json(saved, 200);
    })
    .openapi(routes.xlsx, async (c) => {
      const query = c.req.valid("query");
      const items = await inActorScope(deps, c, (db, actor) =>
        timelineForExport({ db, actor, today: today(), query }),
      );
      return c.body((await timelineXlsx(items, today())) as unknown as ArrayBuffer, 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": attachment("xlsx"),
      });
    })
    .openapi(routes.csv, async (c) => {
      const query = c.req.valid("query");
      const items = await inActorScope(deps, c, (db, actor) =>
        timelineForExport({ db, actor, today: today(), query }),
      );
      return c.body(timelineCsv(items), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachment("csv"),
      });
    });
}
