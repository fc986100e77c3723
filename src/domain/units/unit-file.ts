// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../shared/issue.ts";
import {
  type UnitCreate,
  UnitCreate as UnitCreateSchema,
  type UnitFields,
  type UnitStatus,
} from "./unit.schema.ts";

type ColumnKind = "text" | "note" | "int" | "decimal" | "bool";
type UnitColumn = { key: keyof UnitFields | "status"; it: string; kind: ColumnKind; required: boolean };

/**
 * Columns of the unit import/export file, in export order. Headers may be the English key or the
 * Italian name, in any order and case.
 */
export const UNIT_FILE_COLUMNS: readonly UnitColumn[] = [
  { key: "code", it: "codice", kind: "text", required: true },
  { key: "address", it: "indirizzo", kind: "text", required: true },
  { key: "town", it: "comune", kind: "text", required: true },
  { key: "municipio", it: "municipio", kind: "int", required: false },
  { key: "buildingCode", it: "stabile", kind: "text", required: false },
  { key: "floor", it: "piano", kind: "int", required: true },
  { key: "lift", it: "ascensore", kind: "bool", required: false },
  { key: "surfaceM2", it: "superficie_m2", kind: "decimal", required: true },
  { key: "rooms", it: "locali", kind: "int", required: true },
  { key: "bedrooms", it: "camere", kind: "int", required: true },
  { key: "stepFree", it: "senza_barriere", kind: "bool", required: false },
  { key: "wheelchairAdapted", it: "adattato_carrozzina", kind: "bool", required: false },
  { key: "energyClass", it: "classe_energetica", kind: "text", required: false },
  { key: "origin", it: "provenienza", kind: "text", required: true },
  { key: "category", it: "categoria", kind: "text", required: true },
  { key: "managingPartnerCode", it: "ente_gestore", kind: "text", required: false },
  { key: "comodatoPartnerCode", it: "comodato_ente", kind: "text", required: false },
  { key: "comodatoStart", it: "comodato_inizio", kind: "text", required: false },
  { key: "comodatoEnd", it: "comodato_fine", kind: "text", required: false },
  { key: "condition", it: "condizione", kind: "text", required: true },
  { key: "status", it: "stato", kind: "text", required: false },
  { key: "notes", it: "note", kind: "note", required: false },
];

/** A problem in one cell (or the header) of an import file; `row` is the spreadsheet line, header = 1. */
export type ImportIssue = { row: number; column: string; message: string };

export type ParsedUnitRow = { row: number; unit: UnitCreate };

const TRUE_WORDS = new Set(["sì", "si", "yes", "true", "1", "x", "vero"]);
const FALSE_WORDS = new Set(["no", "false", "0", "falso"]);

function parseBool(raw: string): boolean | string {
  const v = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return raw;
}

/** A number written the Italian way (`1.234,5`) or the English way (`1,234.5` or `1234.5`). */
export function parseLocaleNumber(raw: string): number | string {
  let v = raw.trim().replace(/\s/g, "");
  const comma = v.lastIndexOf(",");
  const dot = v.lastIndexOf(".");
  if (comma > dot) v = v.replaceAll(".", "").replace(",", ".");
  else if (dot > comma && comma !== -1) v = v.replaceAll(",", "");
  if (!/^-?\d+(\.\d+)?$/.test(v)) return raw;
  return Number(v);
}

function convert(raw: string, kind: ColumnKind): unknown {
  if (raw.trim() === "") return undefined;
  switch (kind) {
    case "text":
      return raw.trim();
    case "note":
      return raw;
    case "int":
    case "decimal":
      return parseLocaleNumber(raw);
    case "bool":
      return parseBool(raw);
  }
}

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

type HeaderMap = { columns: (UnitColumn | null)[]; issues: ImportIssue[] };

function mapHeader(header: readonly string[]): HeaderMap {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const columns = header.map((h) => {
    const name = normalise(h);
    const column = UNIT_FILE_COLUMNS.find((c) => normalise(c.key) === name || c.it === name) ?? null;
    if (column === null) {
      if (name !== "") issues.push({ row: 1, column: h, message: `Unknown column "${h}"` });
      return null;
    }
    if (seen.has(column.key)) issues.push({ row: 1, column: column.key, message: "Column appears twice" });
    seen.add(column.key);
    return column;
  });
  for (const c of UNIT_FILE_COLUMNS) {
    if (c.required && !seen.has(c.key)) {
      issues.push({ row: 1, column: c.key, message: `Required column "${c.key}" (${c.it}) is missing` });
    }
  }
  return { columns, issues };
}

/**
 * Turn the rows of an import file (first row = header) into validated units, or list every bad cell.
 * Also refuses a code that appears twice in the file.
 */
export function parseUnitRows(rows: readonly (readonly string[])[]): {
  units: ParsedUnitRow[];
  issues: ImportIssue[];
} {
  const [header, ...body] = rows;
  if (header === undefined)
    return { units: [], issues: [{ row: 1, column: "", message: "The file is empty" }] };
  const { columns, issues } = mapHeader(header);
  if (issues.length > 0) return { units: [], issues };
  const units: ParsedUnitRow[] = [];
  const codeRows = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === "")) return;
    const candidate: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      if (column !== null) candidate[column.key] = convert(cells[i] ?? "", column.kind);
    });
    const parsed = UnitCreateSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ row, column: String(issue.path[0] ?? ""), message: issue.message });
      }
      return;
    }
    const code = parsed.data.code;
    const first = codeRows.get(code);
    if (first !== undefined) {
      issues.push({ row, column: "code", message: `Code already used on row ${first}` });
      return;
    }
    codeRows.set(code, row);
    units.push({ row, unit: parsed.data });
  });
  return { units, issues };
}

/** The export header: English keys, so the file imports back unchanged. */
export const unitFileHeader = (): string[] => UNIT_FILE_COLUMNS.map((c) => c.key);

type ExportableUnit = UnitFields & { status: UnitStatus };

function formatCell(value: unknown, kind: ColumnKind, decimalComma: boolean): string {
  if (value === null || value === undefined) return "";
  if (kind === "bool") return value ? "sì" : "no";
  if (kind === "decimal" && decimalComma) return String(value).replace(".", ",");
  return String(value);
}

/** One unit as a row of the export file, in the order of `UNIT_FILE_COLUMNS`. */
export function unitToRow(unit: ExportableUnit, decimalComma: boolean): string[] {
  return UNIT_FILE_COLUMNS.map((c) => formatCell(unit[c.key], c.kind, decimalComma));
}

/** Issues of a whole-file problem, as field issues for an error answer. */
export const importIssuesToFieldIssues = (issues: readonly ImportIssue[]): FieldIssue[] =>
  issues.map((i) => ({ path: `rows.${i.row}.${i.column}`, message: i.message }));
