// SPDX-License-Identifier: EUPL-1.2
import ExcelJS from "exceljs";
import type { TimelineItemView } from "../../domain/timeline/timeline-api.schema.ts";
import {
  type ExportCell,
  italianDate,
  TIMELINE_EXPORT_COLUMNS,
  timelineExportRows,
} from "../../domain/timeline/timeline-export.ts";
import { writeCsv } from "../shared/spreadsheet.ts";

/*
 * The timeline's exports, with Italian headings: an XLSX workbook (real dates, the header frozen and
 * filterable, late items marked in their own column and shaded) and a CSV as Italian Excel opens it
 * (`;`, UTF-8 with BOM, dates dd/mm/yyyy).
 */

const LATE = new Set(["late", "done_late"]);

/** A text that a spreadsheet would run as a formula is written with a leading apostrophe. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvCell(value: ExportCell, kind: "text" | "date" | "number"): string {
  if (value === null) return "";
  if (kind === "date") return italianDate(String(value));
  if (kind === "number") return String(value);
  return inert(String(value));
}

export function timelineCsv(items: readonly TimelineItemView[]): string {
  const rows = timelineExportRows(items).map((row) =>
    row.map((value, i) => csvCell(value, TIMELINE_EXPORT_COLUMNS[i]?.kind ?? "text")),
  );
  return writeCsv([TIMELINE_EXPORT_COLUMNS.map((c) => c.heading), ...rows]);
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function timelineXlsx(items: readonly TimelineItemView[], asOf: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CasaComune";
  workbook.created = asDate(asOf);
  const sheet = workbook.addWorksheet("Cronoprogramma", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = TIMELINE_EXPORT_COLUMNS.map((c) => ({
    header: c.heading,
    width: c.width,
    style: c.kind === "date" ? { numFmt: "dd/mm/yyyy" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TIMELINE_EXPORT_COLUMNS.length } };
  const rows = timelineExportRows(items);
  rows.forEach((cells, index) => {
    const row = sheet.addRow(
      cells.map((value, i) =>
        value !== null && TIMELINE_EXPORT_COLUMNS[i]?.kind === "date" ? asDate(String(value)) : value,
      ),
    );
    if (LATE.has(items[index]?.standing ?? ""))
      row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFDE2E5" } };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
