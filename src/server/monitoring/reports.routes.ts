// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { type AppDeps, type AppEnv, actorOf, securedRoute } from "../http.ts";
import { XLSX_TYPE } from "../shared/spreadsheet.ts";
import { periodOf } from "./monitoring.routes.ts";
import { monitoringReport } from "./report-data.ts";
import { monitoringReportPdf } from "./report-pdf.ts";
import { monitoringReportXlsx } from "./report-xlsx.ts";

const FileParam = z.object({
  file: z.string().max(20).openapi({
    description: "The period's key and the format: `2026-Q3.pdf` or `2026-Q3.xlsx`",
    example: "2026-Q3.pdf",
  }),
});
const ReportQuery = z.object({
  partner: z
    .uuid({ error: "partner must be an organisation id" })
    .optional()
    .openapi({ description: "One partner's report (readers of the whole programme only)" }),
});

const binary = z.string().openapi({ format: "binary" });
const PDF_TYPE = "application/pdf";

const route = createRoute(
  securedRoute("monitoring:read", {
    method: "get",
    path: "/monitoring/reports/{file}",
    tags: ["monitoring"],
    summary:
      "The monitoring report of a period, as PDF or XLSX: the dashboard's figures against their targets and the disaggregations (a partner: its own; the programme's readers may ask for one partner's)",
    request: { params: FileParam, query: ReportQuery },
    responses: {
      200: {
        description: "The report",
        content: { [PDF_TYPE]: { schema: binary }, [XLSX_TYPE]: { schema: binary } },
      },
    },
  }),
);

const FORMATS = { pdf: PDF_TYPE, xlsx: XLSX_TYPE } as const;

/** `2026-Q3.pdf` as its period key and format; a name that is neither is no report. */
function fileOf(file: string): { key: string; format: keyof typeof FORMATS } {
  const match = /^(.+)\.(pdf|xlsx)$/.exec(file);
  if (!match) throw new AppError("NOT_FOUND", `No report "${file}": ask for KEY.pdf or KEY.xlsx`);
  return { key: match[1] as string, format: match[2] as keyof typeof FORMATS };
}

/** The periodic monitoring reports, PDF and XLSX, for the programme and for each partner. */
export function monitoringReportRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const { key, format } = fileOf(c.req.valid("param").file);
    const { partner } = c.req.valid("query");
    const now = deps.now();
    const period = periodOf(key, romeDate(now), "file");
    const report = await monitoringReport({
      database: deps.database,
      actor: actorOf(c),
      period,
      partner,
      today: romeDate(now),
      now,
    });
    const bytes = format === "pdf" ? await monitoringReportPdf(report) : await monitoringReportXlsx(report);
    const name = `monitoraggio-${period.key}${report.partner ? `-${report.partner.code}` : ""}.${format}`;
    return c.body(bytes as unknown as ArrayBuffer, 200, {
      "content-type": FORMATS[format],
      "content-disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    });
  });
}
