// SPDX-License-Identifier: EUPL-1.2
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { CsvSyntaxError, detectDelimiter, parseCsv, toCsv } from "../../domain/shared/csv.ts";
import { AppError, fieldError } from "../errors.ts";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw fieldError("INVALID", "file", "The file is not a readable XLSX workbook");
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw fieldError("INVALID", "file", "The workbook has no sheet");
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    // Keep empty rows as gaps, so row numbers in error messages match the sheet.
    while (rows.length < row.number - 1) rows.push([]);
    rows.push(cells);
  });
  return rows;
}

/** The rows of an uploaded CSV (`;` or `,`, UTF-8 with or without BOM) or XLSX file. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<string[][]> {
  if (isZip(bytes)) return readXlsx(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fieldError("INVALID", "file", "The file is neither XLSX nor UTF-8 text (save the CSV as UTF-8)");
  }
  try {
    return parseCsv(text, detectDelimiter(text), { keepBlankLines: true });
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw fieldError("INVALID", "file", e.message);
    throw e;
  }
}

/** CSV as Italian spreadsheets expect it: `;` separator, UTF-8 BOM. */
export const writeCsv = (rows: string[][]) => toCsv(rows, ";", true);

/**
 * An XLSX workbook of one sheet, written row by row with exceljs' streaming writer: a 100,000-row export
 * takes a third of the time and a fraction of the memory of building the whole workbook first.
 */
export async function writeXlsx(sheetName: string, rows: string[][], numericColumns: ReadonlySet<number>) {
  const [header, ...body] = rows;
  if (header === undefined) throw new AppError("INVALID", "Nothing to export");
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.commit();
  for (const row of body) {
    sheet.addRow(row.map((v, i) => (numericColumns.has(i) && v !== "" ? Number(v) : v))).commit();
  }
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
