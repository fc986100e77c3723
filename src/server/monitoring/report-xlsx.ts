// SPDX-License-Identifier: EUPL-1.2
import ExcelJS from "exceljs";
import type { Dimension, IndicatorUnit } from "../../domain/monitoring/catalogue.ts";
import {
  cellWords,
  DIMENSION_WORDS,
  dataStateWords,
  type MonitoringReport,
  momentWords,
  periodWords,
  REPORT_GROUPS,
  STANDING_WORDS,
  scopeWords,
  TARGET_KIND_WORDS,
  UNIT_WORDS,
} from "./report-data.ts";

/*
 * The monitoring report as an XLSX workbook, Italian headers: a cover sheet, the sheet "Indicatori"
 * with every indicator against its target, and one sheet per indicator that has disaggregations
 * (named by the indicator's code). Numbers are numbers, exactly as the dashboard answers them: the
 * numerator and the denominator in the units the API gives (euro figures in cents).
 */

const VALUE_FORMAT: Record<IndicatorUnit, string> = {
  people: "#,##0",
  households: "#,##0",
  units: "#,##0",
  days: "#,##0.##",
  percent: "0.00",
  eur: "#,##0.00",
  eur_per_m2: "#,##0.00",
  score: "0.00",
};

/** What the numerator and the denominator count, where it is not the indicator's own unit. */
const TERMS_IN_CENTS = new Set([
  "vacancy_rent_lost",
  "renovation_cost_per_m2",
  "collection_rate",
  "co_financing_a_met",
]);

const NOT_COMPUTABLE_WORDS = {
  zero_denominator: "denominatore zero",
  no_observations: "nessuna osservazione",
} as const;

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

function coverSheet(workbook: ExcelJS.Workbook, report: MonitoringReport) {
  const board = report.dashboard;
  const sheet = workbook.addWorksheet("Copertina");
  sheet.columns = [{ width: 28 }, { width: 90 }];
  const title = sheet.addRow(["Comune di Milano – CasaComune"]);
  title.font = { bold: true, size: 14 };
  sheet.addRow(["Rapporto di monitoraggio"]).font = { bold: true, size: 12 };
  sheet.addRow([]);
  const rows: [string, string | Date | number][] = [
    ["Periodo", `${periodWords(board.period)} (${board.period.key})`],
    ["Dal", dateOf(board.period.from)],
    ["Al", dateOf(board.period.to)],
    ["Ambito", scopeWords(report)],
    ["Generato il", momentWords(report.generatedAt)],
    ["Stato dei dati", board.source === "snapshot" ? "congelati (periodo chiuso)" : "in tempo reale"],
    ["Revisione", board.period.revision],
    ["Versione dei dati (SHA-256)", board.period.valuesSha256 ?? ""],
    ["Registro delle operazioni", board.period.auditHead ?? ""],
    ["Note", dataStateWords(board).join(" ")],
    [
      "Numeratore e denominatore",
      "Nelle unità dei dati: gli importi in centesimi di euro (colonna «Unità di numeratore e denominatore»).",
    ],
  ];
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = "dd/mm/yyyy";
    row.getCell(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
  }
}

function indicatorsSheet(workbook: ExcelJS.Workbook, report: MonitoringReport) {
  const sheet = workbook.addWorksheet("Indicatori", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Codice", width: 26 },
    { header: "Indicatore", width: 44 },
    { header: "Gruppo", width: 30 },
    { header: "Valore", width: 12 },
    { header: "Unità", width: 10 },
    { header: "Numeratore", width: 14, style: { numFmt: "#,##0.##" } },
    { header: "Denominatore", width: 14, style: { numFmt: "#,##0.##" } },
    { header: "Unità di numeratore e denominatore", width: 20 },
    { header: "Obiettivo", width: 12 },
    { header: "Tipo di obiettivo", width: 18 },
    { header: "Scadenza dell'obiettivo", width: 14, style: { numFmt: "dd/mm/yyyy" } },
    { header: "Esito", width: 18 },
    { header: "Non calcolabile perché", width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  const groupOf = new Map(REPORT_GROUPS.flatMap((g) => g.codes.map((c) => [c, g.title] as const)));
  for (const i of report.indicators) {
    const unit = i.definition.unit;
    const row = sheet.addRow([
      i.code,
      i.definition.name.it,
      groupOf.get(i.code) ?? "",
      i.value,
      UNIT_WORDS[unit],
      i.numerator,
      i.denominator,
      TERMS_IN_CENTS.has(i.code) ? "centesimi di euro" : "",
      i.target?.value ?? null,
      i.target ? TARGET_KIND_WORDS[i.target.kind] : "",
      i.target ? dateOf(i.target.dueOn) : null,
      STANDING_WORDS[i.standing],
      i.notComputable === null ? "" : NOT_COMPUTABLE_WORDS[i.notComputable],
    ]);
    row.getCell(4).numFmt = VALUE_FORMAT[unit];
    row.getCell(9).numFmt = VALUE_FORMAT[unit];
  }
}

/** One sheet per indicator: its total, then each disaggregation's cells with their own values. */
function detailSheets(workbook: ExcelJS.Workbook, report: MonitoringReport) {
  for (const i of report.details) {
    // A sheet's name has at most 31 characters: the codes are shorter.
    const sheet = workbook.addWorksheet(i.code.slice(0, 31), { views: [{ state: "frozen", ySplit: 3 }] });
    sheet.columns = [
      { width: 26 },
      { width: 22 },
      { width: 40 },
      { width: 12 },
      { width: 14 },
      { width: 14 },
    ];
    sheet.getCell("A1").value = `${i.definition.name.it} (${UNIT_WORDS[i.definition.unit]})`;
    sheet.getCell("A1").font = { bold: true };
    sheet.addRow([]);
    const header = sheet.addRow([
      "Disaggregazione",
      "Chiave",
      "Voce",
      "Valore",
      "Numeratore",
      "Denominatore",
    ]);
    header.font = { bold: true };
    const valueFormat = VALUE_FORMAT[i.definition.unit];
    sheet.addRow(["Totale", "", "Totale", i.value, i.numerator, i.denominator]).getCell(4).numFmt =
      valueFormat;
    for (const [dimension, cells] of Object.entries(i.breakdowns) as [Dimension, typeof i.breakdowns.sex][])
      for (const cell of cells ?? [])
        sheet
          .addRow([
            DIMENSION_WORDS[dimension],
            cell.key ?? "",
            cellWords(dimension, cell.key, cell.label),
            cell.value,
            cell.numerator,
            cell.denominator,
          ])
          .getCell(4).numFmt = valueFormat;
  }
}

/** The report as an XLSX workbook. */
export async function monitoringReportXlsx(report: MonitoringReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CasaComune";
  workbook.title = `Rapporto di monitoraggio ${report.dashboard.period.key}`;
  workbook.subject = scopeWords(report);
  workbook.created = report.generatedAt;
  workbook.modified = report.generatedAt;
  coverSheet(workbook, report);
  indicatorsSheet(workbook, report);
  detailSheets(workbook, report);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
