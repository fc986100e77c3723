// SPDX-License-Identifier: EUPL-1.2
import { setImmediate as yieldToOthers } from "node:timers/promises";
import ExcelJS from "exceljs";
import { type CheckId, planChecks } from "../../domain/finance/checks.ts";
import { DEFAULT_RUNS, startMonteCarlo } from "../../domain/finance/monte-carlo.ts";
import { type PlanMonth, type PlanYear, runPlan } from "../../domain/finance/plan.ts";
import type { Scenario } from "../../domain/finance/scenario.schema.ts";
import { compareVariants, sensitivity, type VariantId } from "../../domain/finance/scenarios.ts";

/*
 * Every result table of a plan as an XLSX workbook with Italian headers, one sheet per table: money in
 * euro with two decimals (from whole cents), rates as percentages, DSCR as a ratio.
 */

type Kind = "cents" | "count" | "rate" | "ratio" | "text";
type Column<R> = { header: string; kind: Kind; value: (row: R) => string | number | null };

const FORMATS: Record<Kind, string | undefined> = {
  cents: "#,##0.00",
  count: "#,##0",
  rate: "0.00%",
  ratio: "0.000",
  text: undefined,
};

function addSheet<R>(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: Math.max(12, Math.min(40, c.header.length + 2)),
    style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        return c.kind === "cents" && typeof v === "number" ? v / 100 : v;
      }),
    );
}

const cents = <R>(header: string, value: (row: R) => number): Column<R> => ({ header, kind: "cents", value });
const count = <R>(header: string, value: (row: R) => number): Column<R> => ({ header, kind: "count", value });

/** The columns the months and the years share: the waterfall, in its order. */
function flowColumns<R extends PlanMonth | PlanYear>(): Column<R>[] {
  return [
    count("Unità in esercizio", (r) => r.unitsInOperation),
    count("Unità recuperate nel periodo", (r) => r.unitsRecovered),
    count("Unità recuperate a data", (r) => r.unitsRecoveredToDate),
    cents("Canone potenziale (EUR)", (r) => r.potentialRentCents),
    cents("Sfitto (EUR)", (r) => r.vacancyLossCents),
    cents("Morosità (EUR)", (r) => r.arrearsLossCents),
    cents("Canoni incassati (EUR)", (r) => r.collectedRentCents),
    cents("Costi di gestione (EUR)", (r) => r.operatingCostCents),
    cents("Manutenzione ordinaria (EUR)", (r) => r.maintenanceCostCents),
    cents("Margine operativo (EUR)", (r) => r.operatingMarginCents),
    cents("Accantonamento manutenzione straordinaria (EUR)", (r) => r.maintenanceReserveCents),
    cents("Interessi (EUR)", (r) => r.debtInterestCents),
    cents("Quota capitale (EUR)", (r) => r.debtPrincipalCents),
    cents("Servizio del debito (EUR)", (r) => r.debtServiceCents),
    cents("Flusso netto al fondo (EUR)", (r) => r.netCashCents),
    cents("Fondo perduto (EUR)", (r) => r.grantCents),
    cents("Apporti di capitale (EUR)", (r) => r.equityCents),
    cents("Raccolta fondi (EUR)", (r) => r.fundraisingCents),
    cents("Bandi (EUR)", (r) => r.callsCents),
    cents("Erogazioni di finanziamenti (EUR)", (r) => r.loanDisbursedCents),
    cents("Cofinanziamento (EUR)", (r) => r.coFinancingCents),
    cents("Entrate totali (EUR)", (r) => r.fundingCents),
    cents("Fabbisogno esterno (EUR)", (r) => r.shortfallCents),
    count("Ristrutturazioni avviate", (r) => r.renovationsStarted),
    cents("Ristrutturazioni IVA esclusa (EUR)", (r) => r.renovationExVatCents),
    cents("Ristrutturazioni IVA inclusa (EUR)", (r) => r.renovationSpendCents),
  ];
}

/** The checks' names and the names of the figures behind them, in Italian. */
export const CHECK_NAMES: Record<CheckId, string> = {
  grant: "Fondo perduto ≤ 3.000.000 EUR",
  debt_share: "Debito ≤ 40 % del finanziamento totale",
  area_a_co_financing:
    "Cofinanziamento Area A ≥ 2 % dell'investimento in ristrutturazioni (IVA esclusa), entro 5 anni",
  area_b_co_financing: "Cofinanziamento Area B ≥ 5 % del margine operativo, in ciascuno dei primi 5 anni",
  stock: "Stock ≤ stock di partenza + 50 %",
};
const FIGURE_NAMES: Record<string, [string, Kind]> = {
  grantCents: ["Fondo perduto (EUR)", "cents"],
  capCents: ["Tetto (EUR)", "cents"],
  debtCents: ["Debito (EUR)", "cents"],
  totalFinancingCents: ["Finanziamento totale (EUR)", "cents"],
  share: ["Quota", "rate"],
  cap: ["Quota massima", "rate"],
  maxDebtCents: ["Debito massimo (EUR)", "cents"],
  contributedCents: ["Versato (EUR)", "cents"],
  renovationInvestmentExVatCents: ["Investimento in ristrutturazioni, IVA esclusa (EUR)", "cents"],
  requiredCents: ["Richiesto (EUR)", "cents"],
  yearsShort: ["Anni sotto la soglia", "count"],
  firstYearShort: ["Primo anno sotto la soglia", "count"],
  shortfallCents: ["Importo mancante (EUR)", "cents"],
  stockUnits: ["Stock (unità)", "count"],
  baseStockUnits: ["Stock di partenza (unità)", "count"],
  maxUnits: ["Stock massimo (unità)", "count"],
};
const VARIANT_NAMES: Record<VariantId, string> = {
  base: "Base",
  high_arrears: "Morosità elevata",
  high_vacancy: "Sfitto elevato",
  frozen_caps_rising_costs: "Costi in crescita, canoni bloccati",
  costlier_works: "Lavori più costosi",
};

type Figure = { label: string; kind: Kind; value: number | string | null };
const figureColumns: Column<Figure>[] = [
  { header: "Voce", kind: "text", value: (r) => r.label },
  { header: "Valore", kind: "text", value: (r) => r.value },
];

/** A sheet of label–value pairs, each value in its own format (one column holds several kinds). */
function addFigureSheet(workbook: ExcelJS.Workbook, name: string, figures: readonly Figure[]) {
  addSheet(workbook, name, figureColumns, figures);
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) return;
  sheet.getColumn(1).width = 52;
  sheet.getColumn(2).width = 24;
  figures.forEach((f, i) => {
    if (typeof f.value !== "number") return;
    const cell = sheet.getRow(i + 2).getCell(2);
    if (f.kind === "cents") cell.value = f.value / 100;
    const format = FORMATS[f.kind];
    if (format) cell.numFmt = format;
  });
}

/** Monte Carlo runs between two yields to the event loop while the workbook is made. */
const MONTE_CARLO_STEP = 1_000;
/** The seed of the workbook's Monte Carlo analysis: the same file for the same version. */
export const WORKBOOK_MONTE_CARLO_SEED = 1;

/** The sheets' names, in order. */
export const PLAN_SHEETS = [
  "Riepilogo",
  "Mesi",
  "Anni",
  "Controlli",
  "Cofinanziamento Area B",
  "Scenari a confronto",
  "Sensibilità",
  "Monte Carlo",
  "Istogramma unità recuperate",
] as const;

export async function planWorkbook(input: { name: string; version: number; scenario: Scenario }) {
  const { name, version, scenario } = input;
  const plan = runPlan(scenario);
  const checks = planChecks(scenario, plan);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CasaComune";
  workbook.title = `Piano economico finanziario: ${scenario.name} (versione ${version})`;

  addFigureSheet(workbook, "Riepilogo", [
    { label: "Scenario", kind: "text", value: `${name}: ${scenario.name}` },
    { label: "Versione", kind: "count", value: version },
    { label: "Primo mese", kind: "text", value: scenario.startMonth },
    { label: "Durata della convenzione (anni)", kind: "count", value: scenario.conventionYears },
    { label: "DSCR minimo", kind: "ratio", value: plan.minDscr },
    { label: "Anno del DSCR minimo", kind: "count", value: plan.minDscrYear },
    { label: "Unità recuperate", kind: "count", value: plan.unitsRecovered },
    { label: "Unità in esercizio a fine convenzione", kind: "count", value: plan.unitsInOperationAtEnd },
    { label: "Canoni incassati nella convenzione (EUR)", kind: "cents", value: plan.revenue.collectedCents },
    { label: "Stima dei ricavi del PEF (EUR)", kind: "cents", value: plan.revenue.estimateCents },
    { label: "Differenza piano − stima (EUR)", kind: "cents", value: plan.revenue.differenceCents },
    { label: "Differenza piano − stima (quota)", kind: "rate", value: plan.revenue.differenceShare },
    { label: "Morosità di pareggio (DSCR minimo = 1)", kind: "rate", value: plan.breakEven.arrearsRate },
    {
      label: "Livello dei canoni di pareggio (1 = come da piano)",
      kind: "rate",
      value: plan.breakEven.rentLevel,
    },
    { label: "Fondo rotativo a fine convenzione (EUR)", kind: "cents", value: plan.totals.fundEndCents },
    {
      label: "Riserva manutenzione a fine convenzione (EUR)",
      kind: "cents",
      value: plan.totals.reserveEndCents,
    },
    { label: "Fabbisogno esterno totale (EUR)", kind: "cents", value: plan.totals.shortfallCents },
  ]);

  addSheet<PlanMonth>(
    workbook,
    "Mesi",
    [
      { header: "Mese", kind: "text", value: (r) => r.month },
      count("Anno del piano", (r) => r.year),
      cents("Fondo a inizio mese (EUR)", (r) => r.fundOpeningCents),
      ...flowColumns<PlanMonth>(),
      cents("Fondo a fine mese (EUR)", (r) => r.fundClosingCents),
      cents("Riserva manutenzione (EUR)", (r) => r.reserveBalanceCents),
      count("Unità in lavorazione", (r) => r.unitsInWorks),
      count("Unità da ristrutturare", (r) => r.pipelineRemaining),
    ],
    plan.months,
  );
  addSheet<PlanYear>(
    workbook,
    "Anni",
    [
      count("Anno del piano", (r) => r.year),
      { header: "Dal mese", kind: "text", value: (r) => r.firstMonth },
      { header: "Al mese", kind: "text", value: (r) => r.lastMonth },
      ...flowColumns<PlanYear>(),
      { header: "DSCR", kind: "ratio", value: (r) => r.dscr },
      cents("Fondo a fine anno (EUR)", (r) => r.fundEndCents),
      cents("Riserva manutenzione a fine anno (EUR)", (r) => r.reserveEndCents),
    ],
    plan.years,
  );

  type CheckRow = { check: string; passed: boolean; figure: string; kind: Kind; value: number | null };
  const checkRows: CheckRow[] = checks.flatMap((c) =>
    Object.entries(c.figures).map(([key, value]) => {
      const [figure, kind] = FIGURE_NAMES[key] ?? [key, "text" as Kind];
      return { check: CHECK_NAMES[c.id], passed: c.passed, figure, kind, value };
    }),
  );
  addSheet<CheckRow>(
    workbook,
    "Controlli",
    [
      { header: "Controllo", kind: "text", value: (r) => r.check },
      { header: "Esito", kind: "text", value: (r) => (r.passed ? "Rispettato" : "Non rispettato") },
      { header: "Dato", kind: "text", value: (r) => r.figure },
      {
        header: "Valore",
        kind: "text",
        value: (r) => (r.kind === "cents" && r.value !== null ? r.value / 100 : r.value),
      },
    ],
    checkRows,
  );
  const areaB = checks.find((c) => c.id === "area_b_co_financing")?.years ?? [];
  addSheet(
    workbook,
    "Cofinanziamento Area B",
    [
      count("Anno del piano", (r: (typeof areaB)[number]) => r.year),
      cents("Margine di riferimento (EUR)", (r: (typeof areaB)[number]) => r.operatingMarginCents),
      cents("Richiesto, 5 % (EUR)", (r: (typeof areaB)[number]) => r.requiredCents),
      cents("Versato (EUR)", (r: (typeof areaB)[number]) => r.contributedCents),
      {
        header: "Esito",
        kind: "text",
        value: (r: (typeof areaB)[number]) => (r.passed ? "Rispettato" : "Non rispettato"),
      },
    ],
    areaB,
  );

  const variants = compareVariants(scenario);
  addSheet(
    workbook,
    "Scenari a confronto",
    [
      { header: "Variante", kind: "text", value: (r: (typeof variants)[number]) => VARIANT_NAMES[r.id] },
      { header: "DSCR minimo", kind: "ratio", value: (r: (typeof variants)[number]) => r.minDscr },
      {
        header: "Anno del DSCR minimo",
        kind: "count",
        value: (r: (typeof variants)[number]) => r.minDscrYear,
      },
      count("Unità recuperate", (r: (typeof variants)[number]) => r.unitsRecovered),
      cents("Canoni incassati (EUR)", (r: (typeof variants)[number]) => r.collectedRentCents),
      cents("Fondo a fine convenzione (EUR)", (r: (typeof variants)[number]) => r.fundEndCents),
      cents("Fabbisogno esterno (EUR)", (r: (typeof variants)[number]) => r.shortfallCents),
      {
        header: "Morosità di pareggio",
        kind: "rate",
        value: (r: (typeof variants)[number]) => r.breakEvenArrearsRate,
      },
      {
        header: "Controlli non rispettati",
        kind: "text",
        value: (r: (typeof variants)[number]) =>
          r.failedChecks.map((id) => CHECK_NAMES[id as CheckId] ?? id).join("; "),
      },
    ],
    variants,
  );

  const tornado = sensitivity(scenario);
  type Row = (typeof tornado.rows)[number];
  addSheet<Row>(
    workbook,
    "Sensibilità",
    [
      { header: "Dato (−10 % / +10 %)", kind: "text", value: (r) => r.label },
      { header: "Codice", kind: "text", value: (r) => r.id },
      { header: "Valore di base", kind: "text", value: (r) => r.base },
      { header: "DSCR minimo a −10 %", kind: "ratio", value: (r) => r.minDscrLow },
      { header: "DSCR minimo a +10 %", kind: "ratio", value: (r) => r.minDscrHigh },
      { header: "Variazione del DSCR minimo a −10 %", kind: "ratio", value: (r) => r.minDscrChangeLow },
      { header: "Variazione del DSCR minimo a +10 %", kind: "ratio", value: (r) => r.minDscrChangeHigh },
      count("Unità recuperate a −10 %", (r) => r.unitsRecoveredLow),
      count("Unità recuperate a +10 %", (r) => r.unitsRecoveredHigh),
      count("Variazione delle unità a −10 %", (r) => r.unitsRecoveredChangeLow),
      count("Variazione delle unità a +10 %", (r) => r.unitsRecoveredChangeHigh),
    ],
    tornado.rows,
  );

  // 10,000 runs take a few hundred milliseconds: made in steps, letting other requests in between.
  const job = startMonteCarlo(scenario, { seed: WORKBOOK_MONTE_CARLO_SEED, runs: DEFAULT_RUNS });
  while (!job.step(MONTE_CARLO_STEP)) await yieldToOthers();
  const mc = job.result();
  addFigureSheet(workbook, "Monte Carlo", [
    { label: "Simulazioni", kind: "count", value: mc.runs },
    { label: "Seme", kind: "count", value: mc.seed },
    { label: "Probabilità che il DSCR minimo sia < 1", kind: "rate", value: mc.probabilityMinDscrBelowOne },
    { label: "Probabilità di un fabbisogno esterno", kind: "rate", value: mc.probabilityShortfall },
    { label: "DSCR minimo, 5° percentile", kind: "ratio", value: mc.minDscr?.p5 ?? null },
    { label: "DSCR minimo, mediana", kind: "ratio", value: mc.minDscr?.p50 ?? null },
    { label: "DSCR minimo, 95° percentile", kind: "ratio", value: mc.minDscr?.p95 ?? null },
    { label: "Unità recuperate, minimo", kind: "count", value: mc.unitsRecovered.min },
    { label: "Unità recuperate, media", kind: "ratio", value: mc.unitsRecovered.mean },
    { label: "Unità recuperate, mediana", kind: "count", value: mc.unitsRecovered.quantiles.p50 },
    { label: "Unità recuperate, massimo", kind: "count", value: mc.unitsRecovered.max },
  ]);
  addSheet(
    workbook,
    "Istogramma unità recuperate",
    [
      count("Da (unità)", (r: (typeof mc.unitsRecovered.histogram)[number]) => r.fromUnits),
      count("A (unità)", (r: (typeof mc.unitsRecovered.histogram)[number]) => r.toUnits),
      count("Simulazioni", (r: (typeof mc.unitsRecovered.histogram)[number]) => r.runs),
    ],
    mc.unitsRecovered.histogram,
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
