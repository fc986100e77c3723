// SPDX-License-Identifier: EUPL-1.2
/**
 * The monitoring catalogue, as data: every indicator the programme measures, with its names, its
 * definition, how its value is formed from a numerator and a denominator, its unit, which direction
 * is better, the disaggregations it allows and the targets it starts with. The queries that count
 * the numerator and the denominator over the operational data are in
 * `src/server/monitoring/indicator-sql.ts`, one per code; a test keeps the two in step.
 */

/** How the value is formed from the rows the indicator's query counts. */
export const INDICATOR_KINDS = ["count", "ratio", "median", "mean"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_UNITS = [
  "people",
  "households",
  "units",
  "days",
  "percent",
  "eur",
  "eur_per_m2",
  "score",
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Higher is better, lower is better, or the closer to the target the better (a mix share). */
export const DIRECTIONS = ["higher", "lower", "target"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * The disaggregations (disaggregazioni). Sex includes X (non-binary), as the EU asks. Household
 * indicators take sex, age and citizenship from the household's reference person (the first member).
 */
export const DIMENSIONS = [
  "sex",
  "age_band",
  "target_group",
  "category",
  "partner",
  "place",
  "citizenship",
  "destination",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AGE_BANDS = ["0-17", "18-24", "25-34", "35-49", "50-64", "65+"] as const;
export const CITIZENSHIP_GROUPS = ["italian", "other_eu", "non_eu"] as const;

/** The EU member states other than Italy, by ISO 3166 alpha-2 code (citizenship is kept that way). */
export const OTHER_EU_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

export const TARGET_KINDS = ["baseline", "intermediate", "final"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Which records a drill-down lists, and the permission that reads them. */
export const RECORD_KINDS = ["household", "unit", "tenancy", "works"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface Text {
  it: string;
  en: string;
}

export interface IndicatorDefinition {
  code: string;
  name: Text;
  definition: Text;
  /** The numerator and the denominator in words; the denominator is empty for counts. */
  numerator: Text;
  denominator: Text;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  direction: Direction;
  /** Whether the value counts from the start of the convention to the end of the period. */
  cumulative: boolean;
  dimensions: readonly Dimension[];
  records: RecordKind;
  /** The targets a new installation starts with; the Comune changes them on the dashboard. */
  targets: readonly { kind: TargetKind; value: number; dueOn: string }[];
}

const PEOPLE_DIMENSIONS: readonly Dimension[] = [
  "sex",
  "age_band",
  "target_group",
  "category",
  "partner",
  "place",
  "citizenship",
];
const HOUSEHOLD_DIMENSIONS = PEOPLE_DIMENSIONS;
const UNIT_DIMENSIONS: readonly Dimension[] = ["category", "partner", "place"];
const none: Text = { it: "", en: "" };
const t = (it: string, en: string): Text => ({ it, en });

export const CATALOGUE: readonly IndicatorDefinition[] = [
  {
    code: "people_reached",
    name: t("Persone raggiunte", "People reached"),
    definition: t(
      "Persone dei nuclei presi in carico da un partner (invio accettato) dall'inizio della convenzione alla fine del periodo.",
      "Members of the households a partner took on (referral accepted) from the start of the convention to the end of the period.",
    ),
    numerator: t(
      "persone dei nuclei con invio accettato entro la fine del periodo",
      "members of households with a referral accepted by the end of the period",
    ),
    denominator: none,
    kind: "count",
    unit: "people",
    direction: "higher",
    cumulative: true,
    dimensions: PEOPLE_DIMENSIONS,
    records: "household",
    targets: [
      { kind: "baseline", value: 0, dueOn: "2026-01-01" },
      { kind: "intermediate", value: 128, dueOn: "2028-06-30" },
      { kind: "final", value: 850, dueOn: "2030-12-31" },
    ],
  },
  {
    code: "households_reached",
    name: t("Nuclei raggiunti", "Households reached"),
    definition: t(
      "Nuclei presi in carico da un partner (invio accettato) dall'inizio della convenzione alla fine del periodo.",
      "Households a partner took on (referral accepted) from the start of the convention to the end of the period.",
    ),
    numerator: t(
      "nuclei con invio accettato entro la fine del periodo",
      "households with a referral accepted by the end of the period",
    ),
    denominator: none,
    kind: "count",
    unit: "households",
    direction: "higher",
    cumulative: true,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 500, dueOn: "2030-12-31" }],
  },
  {
    code: "households_housed",
    name: t("Nuclei inseriti in alloggio", "Households housed"),
    definition: t(
      "Nuclei con un contratto di locazione avviato dall'inizio della convenzione alla fine del periodo.",
      "Households with a tenancy started from the start of the convention to the end of the period.",
    ),
    numerator: t(
      "nuclei con un contratto iniziato entro la fine del periodo",
      "households with a tenancy started by the end of the period",
    ),
    denominator: none,
    kind: "count",
    unit: "households",
    direction: "higher",
    cumulative: true,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 450, dueOn: "2030-12-31" }],
  },
  {
    code: "time_to_housing_days",
    name: t("Tempo dall'invio all'alloggio (mediana)", "Time from referral to housing (median)"),
    definition: t(
      "Giorni tra l'invio dei servizi sociali e l'inizio del contratto, mediana sui nuclei inseriti nel periodo.",
      "Days from the social services' referral to the start of the tenancy, median over the households housed in the period.",
    ),
    numerator: t("giorni dall'invio all'inizio del contratto", "days from referral to tenancy start"),
    denominator: t("nuclei inseriti nel periodo", "households housed in the period"),
    kind: "median",
    unit: "days",
    direction: "lower",
    cumulative: false,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 120, dueOn: "2030-12-31" }],
  },
  {
    code: "waiting_time_days",
    name: t("Tempo in lista d'attesa (mediana)", "Time on the waiting list (median)"),
    definition: t(
      "Giorni in lista d'attesa dei nuclei che vi sono stati nel periodo: fino all'uscita dalla lista, o alla fine del periodo se vi sono ancora.",
      "Days on the waiting list of the households on it during the period: until they left it, or to the end of the period if still on it.",
    ),
    numerator: t("giorni in lista d'attesa", "days on the waiting list"),
    denominator: t("nuclei in lista nel periodo", "households on the list in the period"),
    kind: "median",
    unit: "days",
    direction: "lower",
    cumulative: false,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 90, dueOn: "2030-12-31" }],
  },
  {
    code: "occupancy_rate",
    name: t("Tasso di occupazione", "Occupancy rate"),
    definition: t(
      "Giorni-alloggio locati sui giorni-alloggio disponibili alla locazione (disponibile, proposto, locato, in rilascio) nel periodo.",
      "Unit-days let over the unit-days open to letting (available, offered, let, vacating) in the period.",
    ),
    numerator: t("giorni-alloggio locati", "unit-days let"),
    denominator: t("giorni-alloggio disponibili alla locazione", "unit-days open to letting"),
    kind: "ratio",
    unit: "percent",
    direction: "higher",
    cumulative: false,
    dimensions: UNIT_DIMENSIONS,
    records: "unit",
    targets: [{ kind: "final", value: 95, dueOn: "2030-12-31" }],
  },
  {
    code: "vacancy_days",
    name: t("Giorni di sfitto", "Vacancy days"),
    definition: t(
      "Giorni-alloggio in cui un alloggio pronto era disponibile o proposto ma non locato, nel periodo.",
      "Unit-days a ready unit was available or offered but not let, in the period.",
    ),
    numerator: t("giorni-alloggio disponibili o proposti", "unit-days available or offered"),
    denominator: none,
    kind: "count",
    unit: "days",
    direction: "lower",
    cumulative: false,
    dimensions: UNIT_DIMENSIONS,
    records: "unit",
    targets: [],
  },
  {
    code: "vacancy_rent_lost",
    name: t("Canone perso per sfitto", "Rent lost to vacancy"),
    definition: t(
      "I giorni di sfitto di ciascun alloggio per il canone massimo giornaliero della sua tipologia (75 o 55 EUR/m²/anno; 55 per fragilità).",
      "Each unit's vacancy days times the daily rent cap of its category (75 or 55 EUR/m²/year; 55 for fragility).",
    ),
    numerator: t("euro di canone non incassato", "euro of rent not earned"),
    denominator: none,
    kind: "count",
    unit: "eur",
    direction: "lower",
    cumulative: false,
    dimensions: UNIT_DIMENSIONS,
    records: "unit",
    targets: [],
  },
  {
    code: "units_renovated",
    name: t("Alloggi ristrutturati", "Units renovated"),
    definition: t(
      "Alloggi tornati disponibili dopo i lavori, dall'inizio della convenzione alla fine del periodo.",
      "Units that became available after works, from the start of the convention to the end of the period.",
    ),
    numerator: t(
      "alloggi passati da «in ristrutturazione» a «disponibile»",
      "units moved from renovating to available",
    ),
    denominator: none,
    kind: "count",
    unit: "units",
    direction: "higher",
    cumulative: true,
    dimensions: UNIT_DIMENSIONS,
    records: "unit",
    targets: [{ kind: "final", value: 244, dueOn: "2030-12-31" }],
  },
  {
    code: "renovation_cost_per_m2",
    name: t("Costo di ristrutturazione al m²", "Renovation cost per m²"),
    definition: t(
      "Costi fatturati (IVA esclusa) dei lavori completati sulla superficie dei loro alloggi, per i lavori completati entro la fine del periodo.",
      "Invoiced costs (VAT excluded) of the completed works over their units' surface, for works completed by the end of the period.",
    ),
    numerator: t("costi IVA esclusa dei lavori completati", "costs ex VAT of completed works"),
    denominator: t("m² degli alloggi di quei lavori", "m² of those works' units"),
    kind: "ratio",
    unit: "eur_per_m2",
    direction: "lower",
    cumulative: true,
    dimensions: ["partner"],
    records: "works",
    targets: [],
  },
  {
    code: "collection_rate",
    name: t("Tasso di riscossione", "Collection rate"),
    definition: t(
      "Incassi di canoni e servizi registrati nel periodo sugli importi con scadenza nel periodo.",
      "Rent and service payments received in the period over the amounts falling due in the period.",
    ),
    numerator: t("incassato nel periodo", "received in the period"),
    denominator: t("dovuto con scadenza nel periodo", "due in the period"),
    kind: "ratio",
    unit: "percent",
    direction: "higher",
    cumulative: false,
    dimensions: ["category", "partner", "place"],
    records: "tenancy",
    targets: [{ kind: "final", value: 95, dueOn: "2030-12-31" }],
  },
  {
    code: "arrears_rate",
    name: t("Tasso di morosità", "Arrears rate"),
    definition: t(
      "Contratti attivi alla fine del periodo con una pratica di morosità aperta, sui contratti attivi.",
      "Tenancies active at the end of the period with an arrears case open, over the active tenancies.",
    ),
    numerator: t("contratti con pratica di morosità aperta", "tenancies with an open arrears case"),
    denominator: t("contratti attivi alla fine del periodo", "tenancies active at the end of the period"),
    kind: "ratio",
    unit: "percent",
    direction: "lower",
    cumulative: false,
    dimensions: ["category", "partner", "place"],
    records: "tenancy",
    targets: [{ kind: "final", value: 5, dueOn: "2030-12-31" }],
  },
  {
    code: "tenancies_sustained_12m",
    name: t("Contratti mantenuti a 12 mesi", "Tenancies sustained at 12 months"),
    definition: t(
      "Contratti il cui dodicesimo mese cade nel periodo e che a quella data erano ancora in corso.",
      "Tenancies whose twelfth month falls in the period and that were still running on that day.",
    ),
    numerator: t("contratti in corso al dodicesimo mese", "tenancies running at their twelfth month"),
    denominator: t(
      "contratti che compiono dodici mesi nel periodo",
      "tenancies reaching twelve months in the period",
    ),
    kind: "ratio",
    unit: "percent",
    direction: "higher",
    cumulative: false,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "tenancy",
    targets: [{ kind: "final", value: 85, dueOn: "2030-12-31" }],
  },
  {
    code: "exits_to_autonomy",
    name: t("Uscite verso l'autonomia", "Exits to autonomy"),
    definition: t(
      "Nuclei usciti nel periodo verso un alloggio sul mercato o un alloggio pubblico (SAP), sul totale delle uscite del periodo.",
      "Households that left in the period for a market-rent or a public (SAP) home, over all exits of the period.",
    ),
    numerator: t("uscite verso mercato o edilizia pubblica", "exits to market rent or public housing"),
    denominator: t("uscite del periodo", "exits in the period"),
    kind: "ratio",
    unit: "percent",
    direction: "higher",
    cumulative: false,
    dimensions: [...HOUSEHOLD_DIMENSIONS, "destination"],
    records: "household",
    targets: [{ kind: "final", value: 60, dueOn: "2030-12-31" }],
  },
  ...([6, 12, 24] as const).map(
    (months): IndicatorDefinition => ({
      code: `returns_${months}m`,
      name: t(`Ritorni entro ${months} mesi`, `Returns within ${months} months`),
      definition: t(
        `Nuclei che al controllo dei ${months} mesi dall'uscita, registrato nel periodo, erano tornati in strada o in un servizio di accoglienza, sui controlli con esito noto.`,
        `Households that at the ${months}-month check after exit, recorded in the period, were back homeless or in a shelter or service, over the checks with a known situation.`,
      ),
      numerator: t("nuclei tornati in strada o in accoglienza", "households back homeless or in a shelter"),
      denominator: t(
        `controlli a ${months} mesi con esito noto`,
        `${months}-month checks with a known situation`,
      ),
      kind: "ratio",
      unit: "percent",
      direction: "lower",
      cumulative: false,
      dimensions: HOUSEHOLD_DIMENSIONS,
      records: "household",
      targets: [{ kind: "final", value: 10, dueOn: "2030-12-31" }],
    }),
  ),
  {
    code: "plan_reviews_on_time",
    name: t("Verifiche dei progetti nei tempi", "Support-plan reviews on time"),
    definition: t(
      "Verifiche fatte nel periodo entro la cadenza del progetto (più 15 giorni), su quelle fatte più i progetti in ritardo alla fine del periodo.",
      "Reviews made in the period within the plan's interval (plus 15 days), over those made plus the plans overdue at the end of the period.",
    ),
    numerator: t("verifiche nei tempi", "reviews on time"),
    denominator: t("verifiche fatte più progetti in ritardo", "reviews made plus plans overdue"),
    kind: "ratio",
    unit: "percent",
    direction: "higher",
    cumulative: false,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 90, dueOn: "2030-12-31" }],
  },
  {
    code: "autonomy_progress",
    name: t("Progresso sulla scala di autonomia", "Progress on the autonomy scale"),
    definition: t(
      "Variazione media del punteggio di autonomia (1–5, media degli ambiti) tra la prima e l'ultima verifica entro la fine del periodo, per i nuclei con almeno due verifiche.",
      "Mean change of the autonomy score (1–5, mean of the domains) between the first and the last review by the end of the period, for households with at least two reviews.",
    ),
    numerator: t("variazione del punteggio", "change of the score"),
    denominator: t("nuclei con almeno due verifiche", "households with at least two reviews"),
    kind: "mean",
    unit: "score",
    direction: "higher",
    cumulative: true,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 1, dueOn: "2030-12-31" }],
  },
  {
    code: "households_improved",
    name: t("Nuclei in situazione migliorata", "Households in an improved situation"),
    definition: t(
      "Nuclei il cui punteggio di autonomia all'ultima verifica entro la fine del periodo supera quello della prima.",
      "Households whose autonomy score at the last review by the end of the period is above that of the first.",
    ),
    numerator: t("nuclei con punteggio migliorato", "households with an improved score"),
    denominator: none,
    kind: "count",
    unit: "households",
    direction: "higher",
    cumulative: true,
    dimensions: HOUSEHOLD_DIMENSIONS,
    records: "household",
    targets: [{ kind: "final", value: 485, dueOn: "2030-12-31" }],
  },
  ...(
    [
      ["calmierato", "canone calmierato", "capped rent", 39],
      ["calmierato_ridotto", "canone calmierato ridotto", "reduced capped rent", 26],
      ["fragilita", "fragilità", "fragility", 35],
    ] as const
  ).map(
    ([category, it, en, share]): IndicatorDefinition => ({
      code: `mix_${category}`,
      name: t(`Quota di alloggi a ${it}`, `Share of units at ${en}`),
      definition: t(
        `Alloggi della tipologia ${it} sul totale dello stock alla fine del periodo (obiettivo indicativo ${share} %).`,
        `Units of the ${en} category over the whole stock at the end of the period (indicative target ${share} %).`,
      ),
      numerator: t(`alloggi a ${it}`, `units at ${en}`),
      denominator: t("alloggi dello stock", "units of the stock"),
      kind: "ratio",
      unit: "percent",
      direction: "target",
      cumulative: true,
      dimensions: ["partner", "place"],
      records: "unit",
      targets: [{ kind: "final", value: share, dueOn: "2030-12-31" }],
    }),
  ),
  {
    code: "co_financing_a_met",
    name: t("Cofinanziamento Area A versato", "Area A co-financing met"),
    definition: t(
      "Cofinanziamento di Area A incassato sul 2 % dell'investimento di ristrutturazione fatturato (IVA esclusa), entro la fine del periodo.",
      "Area A co-financing received over 2 % of the renovation investment invoiced (VAT excluded), by the end of the period.",
    ),
    numerator: t("cofinanziamento Area A incassato", "Area A co-financing received"),
    denominator: t("2 % dell'investimento fatturato IVA esclusa", "2 % of the investment invoiced ex VAT"),
    kind: "ratio",
    unit: "percent",
    direction: "higher",
    cumulative: true,
    dimensions: [],
    records: "works",
    targets: [{ kind: "final", value: 100, dueOn: "2030-12-31" }],
  },
];

const BY_CODE = new Map(CATALOGUE.map((d) => [d.code, d]));

export function indicatorOf(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}

export const INDICATOR_CODES = CATALOGUE.map((d) => d.code);
