// SPDX-License-Identifier: EUPL-1.2
import { toCsv } from "../shared/csv.ts";
import type {
  ConfiscatedUnitList,
  OpenDataColumn,
  OpenDataRow,
  OpenDataTable,
} from "./open-data-api.schema.ts";
import { SUPPRESSION_MARKER } from "./open-data-tables.ts";

/*
 * The CSV files of the open data, as Italian spreadsheets read them: `;` separated, UTF-8 with BOM,
 * Italian headers, decimal comma. A withheld value is `c`, never a number, and a footnote says why;
 * the last lines name the source, the date and the licence.
 */

export const OPEN_DATA_LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/deed.it",
} as const;

/** Source, date and licence: the last line of every file. */
export const sourceLine = (asOf: string) =>
  `Fonte: CasaComune, programma di housing sociale del Comune di Milano con gli enti del Terzo settore. Dati al ${asOf}. Licenza ${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url}).`;

/** A text a spreadsheet would run as a formula gets a leading apostrophe. */
const plain = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const decimal = (value: number, digits: number) => value.toFixed(digits).replace(".", ",");

function valueText(value: number | null | undefined, column: Pick<OpenDataColumn, "measure">): string {
  if (value === null || value === undefined) return SUPPRESSION_MARKER;
  return column.measure === "share" ? decimal(value * 100, 1) : String(value);
}

const COUNT = { measure: "count" } as const;

/** The rows of a table's CSV file. */
export function tableCsvRows(table: OpenDataTable): string[][] {
  const header = [
    table.rowHeader.it,
    ...table.columns.map((c) => (c.measure === "share" ? `${c.label.it} (%)` : c.label.it)),
    ...(table.rowTotals ? ["Totale"] : []),
  ];
  const line = (row: OpenDataRow) => [
    plain(row.label.it),
    ...table.columns.map((c, j) => valueText(row.cells[j], c)),
    ...(table.rowTotals ? [valueText(row.total, COUNT)] : []),
  ];
  const derived = table.derived.map((d) => [
    `${d.label.it} (%): ${d.value === null ? SUPPRESSION_MARKER : decimal(d.value * 100, 1)}. ${d.note.it}`,
  ]);
  return [
    header,
    ...table.rows.map(line),
    line(table.totals),
    [],
    ...derived,
    ...table.notes.map((n) => [n.it]),
    [sourceLine(table.asOf)],
  ];
}

export const tableCsv = (table: OpenDataTable) => toCsv(tableCsvRows(table), ";", true);

export const CONFISCATED_CSV_HEADER = [
  "Codice alloggio",
  "Comune",
  "Municipio",
  "Superficie (m²)",
  "Locali",
  "Destinazione",
  "Ente gestore (concessionario)",
  "Ente in comodato",
  "Inizio comodato",
  "Fine comodato",
];

/** The rows of the confiscated units' CSV file. */
export function confiscatedCsvRows(list: ConfiscatedUnitList): string[][] {
  return [
    CONFISCATED_CSV_HEADER,
    ...list.units.map((u) => [
      plain(u.code),
      plain(u.town),
      u.municipio === null ? "" : String(u.municipio),
      decimal(u.surfaceM2, Number.isInteger(u.surfaceM2) ? 0 : 2),
      String(u.rooms),
      u.destination.it,
      plain(u.managingOrganisation ?? ""),
      plain(u.comodatoOrganisation ?? ""),
      u.comodatoStart ?? "",
      u.comodatoEnd ?? "",
    ]),
    [],
    [list.legalBasis.it],
    [list.privacy.it],
    [sourceLine(list.asOf)],
  ];
}

export const confiscatedCsv = (list: ConfiscatedUnitList) => toCsv(confiscatedCsvRows(list), ";", true);
