// SPDX-License-Identifier: EUPL-1.2
import { EXIT_DESTINATIONS } from "../households/exit.ts";
import { TARGET_GROUPS } from "../households/household.schema.ts";
import { CATEGORY_TARGET_SHARE } from "../units/stock-summary.ts";
import { UNIT_CATEGORIES, UNIT_ORIGINS } from "../units/unit.schema.ts";
import type {
  BilingualText,
  DerivedFigure,
  OpenDataColumn,
  OpenDataRow,
  OpenDataSubject,
  OpenDataTable,
} from "./open-data-api.schema.ts";
import {
  AGE_BAND_LABELS,
  AREA_LABELS,
  CATEGORY_LABELS,
  CITIZENSHIP_LABELS,
  DESTINATION_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_OUTCOMES,
  OPEN_DATA_AGE_BANDS,
  OPEN_DATA_AREAS,
  OPEN_DATA_CITIZENSHIPS,
  OPEN_DATA_SEXES,
  ORIGIN_LABELS,
  SEX_LABELS,
  STOCK_STATUS_GROUP_LABELS,
  STOCK_STATUS_GROUPS,
  TARGET_GROUP_LABELS,
} from "./open-data-labels.ts";
import type { OpenDataTallies } from "./open-data-tally.ts";
import { suppressOneWay, suppressTwoWay } from "./suppression.ts";

/*
 * The published tables: each table's words, and its counts as published — tables of people or
 * households through small-cell suppression (`suppression.ts`), unit tables whole. Tables about the
 * same population share their grand total: when one of them has to withhold it, all of them do, or
 * the others would give it back. Shares are computed from published counts only, over at least 10.
 */

const text = (it: string, en: string): BilingualText => ({ it, en });

/** Ratios over fewer than this many people or households are not published. */
export const MIN_RATIO_BASE = 10;

export const SUPPRESSION_MARKER = "c";
export const SUPPRESSION_NOTE = text(
  "c = dato non pubblicato per tutelare la riservatezza. Nessun valore conta da 1 a 9 persone o nuclei, e altri valori sono nascosti perché quelli piccoli non si possano ricavare dai totali.",
  "c = withheld to protect confidentiality. No value counts 1 to 9 people or households, and other values are withheld so that small ones cannot be worked out from the totals.",
);
export const CONSENT_NOTE = text(
  "I nuclei che hanno revocato il consenso al trattamento dei dati non sono conteggiati.",
  "Households that withdrew their consent to the processing of their data are not counted.",
);
const UNITS_NOTE = text(
  "Conteggi di alloggi, non di persone: non sono dati personali e sono pubblicati per intero.",
  "Counts of housing units, not of people: not personal data, published in full.",
);
const TOTAL = text("Totale", "Total");

type Label = { key: string; label: BilingualText };
type Spec = {
  name: string;
  title: BilingualText;
  description: BilingualText;
  subject: OpenDataSubject;
  population: string;
  rowHeader: BilingualText;
  notes?: BilingualText[];
};

const countColumn = (label: BilingualText): OpenDataColumn => ({ key: "count", label, measure: "count" });
const nulls = (rows: readonly OpenDataRow[]) =>
  rows.reduce((sum, r) => sum + r.cells.filter((v) => v === null).length + (r.total === null ? 1 : 0), 0);

function table(
  spec: Spec,
  asOf: string,
  smallCellRule: boolean,
  body: Pick<OpenDataTable, "columns" | "rowTotals" | "rows" | "totals">,
  derived: DerivedFigure[] = [],
): OpenDataTable {
  const personal = spec.subject !== "units";
  return {
    ...spec,
    asOf,
    smallCellRule,
    ...body,
    hiddenCells: nulls([...body.rows, body.totals]),
    notes: [
      ...(spec.notes ?? []),
      ...(personal ? [CONSENT_NOTE] : []),
      ...(smallCellRule ? [SUPPRESSION_NOTE] : [UNITS_NOTE]),
    ],
    derived,
  };
}

/** A one-way table: one count per row and the total; suppressed when `smallCellRule`. */
function oneWay(
  spec: Spec,
  asOf: string,
  rows: readonly (Label & { count: number })[],
  column: BilingualText,
  options: { smallCellRule: boolean; hideTotal: boolean },
): OpenDataTable {
  const counts = rows.map((r) => r.count);
  const published = options.smallCellRule
    ? suppressOneWay(counts, { hideTotal: options.hideTotal })
    : { cells: counts, total: counts.reduce((s, c) => s + c, 0) };
  return table(spec, asOf, options.smallCellRule, {
    columns: [countColumn(column)],
    rowTotals: false,
    rows: rows.map((r, i) => ({ key: r.key, label: r.label, cells: [published.cells[i] ?? null] })),
    totals: { key: "total", label: TOTAL, cells: [published.total] },
  });
}

/** A two-way table with row, column and grand totals; suppressed when `smallCellRule`. */
function twoWay(
  spec: Spec,
  asOf: string,
  rows: readonly Label[],
  columns: readonly Label[],
  cells: readonly (readonly number[])[],
  options: { smallCellRule: boolean; hideTotal: boolean },
): OpenDataTable {
  const sum = (values: readonly number[]) => values.reduce((s, c) => s + c, 0);
  const published = options.smallCellRule
    ? suppressTwoWay(cells, { hideTotal: options.hideTotal })
    : {
        cells: cells.map((r) => [...r]),
        rowTotals: cells.map(sum),
        columnTotals: columns.map((_, j) => sum(cells.map((r) => r[j] ?? 0))),
        total: sum(cells.map(sum)),
      };
  return table(spec, asOf, options.smallCellRule, {
    columns: columns.map((c) => ({ ...c, measure: "count" as const })),
    rowTotals: true,
    rows: rows.map((r, i) => ({
      ...r,
      cells: published.cells[i] ?? [],
      total: published.rowTotals[i] ?? null,
    })),
    totals: { key: "total", label: TOTAL, cells: published.columnTotals, total: published.total },
  });
}

/** The grand total as published: a two-way table's `totals.total`, a one-way table's only total. */
export const grandTotalOf = (t: OpenDataTable): number | null =>
  t.rowTotals ? (t.totals.total ?? null) : (t.totals.cells[0] ?? null);

/** `part / whole` when both are published and the base is at least MIN_RATIO_BASE. */
export function shareOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole < MIN_RATIO_BASE) return null;
  return part / whole;
}

const labelled = <K extends string>(keys: readonly K[], labels: Record<K, BilingualText>): Label[] =>
  keys.map((key) => ({ key, label: labels[key] }));
const PEOPLE = text("Persone", "People");
const HOUSEHOLDS = text("Nuclei", "Households");

type Builder = (hideTotal: boolean) => OpenDataTable;

/** The tables of people and households, each as a function of whether its grand total is withheld. */
function personalTables(t: OpenDataTallies): Builder[] {
  const on = { smallCellRule: true };
  const valueAt = (keys: readonly string[], key: string) => keys.indexOf(key);
  return [
    (hideTotal) =>
      twoWay(
        {
          name: "people-by-sex-and-age",
          title: text("Persone raggiunte per sesso ed età", "People reached by sex and age"),
          description: text(
            "Componenti dei nuclei presi in carico da un ente partner, per sesso come registrato (F, M, X = non binario) e fascia d'età alla data dei dati.",
            "Members of the households taken on by a partner, by sex as recorded (F, M, X = non-binary) and age band on the date of the data.",
          ),
          subject: "people",
          population: "people-reached",
          rowHeader: text("Sesso", "Sex"),
        },
        t.asOf,
        labelled(OPEN_DATA_SEXES, SEX_LABELS),
        labelled(OPEN_DATA_AGE_BANDS, AGE_BAND_LABELS),
        t.peopleBySexAge,
        { ...on, hideTotal },
      ),
    (hideTotal) =>
      oneWay(
        {
          name: "people-by-citizenship",
          title: text("Persone raggiunte per cittadinanza", "People reached by citizenship"),
          description: text(
            "Componenti dei nuclei presi in carico, per cittadinanza: italiana, di un altro Paese dell'Unione europea, di un Paese non UE.",
            "Members of the households taken on, by citizenship: Italian, another EU country, a non-EU country.",
          ),
          subject: "people",
          population: "people-reached",
          rowHeader: text("Cittadinanza", "Citizenship"),
        },
        t.asOf,
        labelled(OPEN_DATA_CITIZENSHIPS, CITIZENSHIP_LABELS).map((l) => ({
          ...l,
          count: t.peopleByCitizenship[valueAt(OPEN_DATA_CITIZENSHIPS, l.key)] ?? 0,
        })),
        PEOPLE,
        { ...on, hideTotal },
      ),
    (hideTotal) =>
      twoWay(
        {
          name: "households-by-target-group-and-category",
          title: text(
            "Nuclei raggiunti per tipologia e ambito",
            "Households reached by target group and category",
          ),
          description: text(
            "Nuclei presi in carico da un ente partner (invio accettato o percorso avviato), per tipologia di nucleo e ambito di assegnazione.",
            "Households taken on by a partner (referral accepted or path under way), by target group and allocation category.",
          ),
          subject: "households",
          population: "households-reached",
          rowHeader: text("Tipologia di nucleo", "Target group"),
        },
        t.asOf,
        labelled(TARGET_GROUPS, TARGET_GROUP_LABELS),
        labelled(UNIT_CATEGORIES, CATEGORY_LABELS),
        t.householdsByTargetGroupCategory,
        { ...on, hideTotal },
      ),
    (hideTotal) =>
      oneWay(
        {
          name: "households-by-partner",
          title: text("Nuclei raggiunti per ente partner", "Households reached by partner"),
          description: text(
            "Nuclei presi in carico, per ente del Terzo settore che li accompagna.",
            "Households taken on, by the Third-Sector organisation supporting them.",
          ),
          subject: "households",
          population: "households-reached",
          rowHeader: text("Ente partner", "Partner"),
        },
        t.asOf,
        t.householdsByPartner.map((p) => ({
          key: p.code ?? "none",
          label: p.code === null ? text("Nessun ente", "No partner") : text(p.name, p.name),
          count: p.count,
        })),
        HOUSEHOLDS,
        { ...on, hideTotal },
      ),
    (hideTotal) =>
      twoWay(
        {
          name: "households-housed-by-area-and-category",
          title: text("Nuclei alloggiati per zona e ambito", "Households housed by area and category"),
          description: text(
            "Nuclei con un contratto attivo alla data dei dati, per municipio di Milano (o altri comuni) e ambito dell'alloggio.",
            "Households with an active tenancy on the date of the data, by municipio of Milan (or other towns) and the unit's category.",
          ),
          subject: "households",
          population: "households-housed",
          rowHeader: text("Zona", "Area"),
        },
        t.asOf,
        labelled(OPEN_DATA_AREAS, AREA_LABELS),
        labelled(UNIT_CATEGORIES, CATEGORY_LABELS),
        t.housedByAreaCategory,
        { ...on, hideTotal },
      ),
    (hideTotal) => exitsByDestination(t, hideTotal),
    (hideTotal) => exitsByFollowUp(t, hideTotal),
  ];
}

function exitsByDestination(t: OpenDataTallies, hideTotal: boolean): OpenDataTable {
  const result = oneWay(
    {
      name: "exits-by-destination",
      title: text("Uscite per destinazione", "Exits by destination"),
      description: text(
        "Nuclei usciti dal programma, per destinazione. Affitto sul mercato ed edilizia pubblica sono uscite verso l'autonomia.",
        "Households that left the programme, by destination. The private rental market and public housing are exits to autonomy.",
      ),
      subject: "households",
      population: "households-exited",
      rowHeader: text("Destinazione", "Destination"),
    },
    t.asOf,
    labelled(EXIT_DESTINATIONS, DESTINATION_LABELS).map((l, i) => ({
      ...l,
      count: t.exitsByDestination[i] ?? 0,
    })),
    HOUSEHOLDS,
    { smallCellRule: true, hideTotal },
  );
  const cell = (key: string) => result.rows.find((r) => r.key === key)?.cells[0] ?? null;
  const market = cell("market_rent");
  const publicHousing = cell("public_housing");
  const autonomy = market === null || publicHousing === null ? null : market + publicHousing;
  return {
    ...result,
    derived: [
      {
        key: "autonomy_share",
        label: text("Quota di uscite verso l'autonomia", "Share of exits to autonomy"),
        value: shareOf(autonomy, grandTotalOf(result)),
        note: text(
          "Calcolata solo dai valori pubblicati e su almeno 10 uscite.",
          "Computed from published values only, over at least 10 exits.",
        ),
      },
    ],
  };
}

function exitsByFollowUp(t: OpenDataTallies, hideTotal: boolean): OpenDataTable {
  const result = oneWay(
    {
      name: "exits-by-follow-up",
      title: text("Esito dei contatti dopo l'uscita", "Follow-up after exit"),
      description: text(
        "Nuclei usciti, per quanto rilevato dai contatti a 6, 12 e 24 mesi: tornati in condizione di bisogno abitativo (in struttura o senza dimora) a un contatto, oppure abitazione mantenuta.",
        "Households that left, by what the contacts at 6, 12 and 24 months found: back in housing need (in a shelter or homeless) at a contact, or kept a home.",
      ),
      subject: "households",
      population: "households-exited",
      rowHeader: text("Esito", "Outcome"),
    },
    t.asOf,
    labelled(FOLLOW_UP_OUTCOMES, FOLLOW_UP_OUTCOME_LABELS).map((l, i) => ({
      ...l,
      count: t.exitsByFollowUp[i] ?? 0,
    })),
    HOUSEHOLDS,
    { smallCellRule: true, hideTotal },
  );
  const cell = (key: string) => result.rows.find((r) => r.key === key)?.cells[0] ?? null;
  const returned = cell("returned");
  const kept = cell("kept_home");
  return {
    ...result,
    derived: [
      {
        key: "return_rate",
        label: text("Quota di rientri nel bisogno abitativo", "Share back in housing need"),
        value: shareOf(returned, returned === null || kept === null ? null : returned + kept),
        note: text(
          "Sui nuclei con esito rilevato; calcolata solo dai valori pubblicati e su almeno 10 nuclei.",
          "Over the households with a known outcome; computed from published values only, over at least 10.",
        ),
      },
    ],
  };
}

/**
 * Units let by category against the indicative mix. Each let unit is a household housed, so the counts
 * are the housed table's column totals as published, withheld where that table withholds them.
 */
function categoryMix(housed: OpenDataTable): OpenDataTable {
  const total = grandTotalOf(housed);
  const rows = UNIT_CATEGORIES.map((category, j) => {
    const count = housed.totals.cells[j] ?? null;
    return {
      key: category,
      label: CATEGORY_LABELS[category],
      cells: [count, shareOf(count, total), CATEGORY_TARGET_SHARE[category]],
    };
  });
  const totals = { key: "total", label: TOTAL, cells: [total, shareOf(total, total), 1] };
  return {
    name: "category-mix-of-let-units",
    title: text("Alloggi locati per ambito e mix indicativo", "Units let by category and the indicative mix"),
    description: text(
      "Alloggi con un contratto attivo per ambito, e la loro quota a confronto con il mix indicativo dell'Avviso: 39% canone calmierato, 26% calmierato ridotto, 35% fragilità.",
      "Units with an active tenancy by category, and their share against the call's indicative mix: 39% capped rent, 26% reduced capped rent, 35% social fragility.",
    ),
    asOf: housed.asOf,
    subject: "units",
    smallCellRule: true,
    population: housed.population,
    rowHeader: text("Ambito", "Category"),
    columns: [
      countColumn(text("Alloggi locati", "Units let")),
      { key: "share", label: text("Quota", "Share"), measure: "share" },
      { key: "target_share", label: text("Quota indicativa", "Indicative share"), measure: "share" },
    ],
    rowTotals: false,
    rows,
    totals,
    hiddenCells: nulls([...rows, totals]),
    notes: [
      text(
        "Ogni alloggio locato ospita un nucleo: i conteggi sono i totali per ambito della tabella dei nuclei alloggiati e ne seguono la riservatezza.",
        "Each unit let houses one household: the counts are the category totals of the households-housed table and keep its confidentiality.",
      ),
      CONSENT_NOTE,
      SUPPRESSION_NOTE,
    ],
    derived: [],
  };
}

function unitTables(t: OpenDataTallies): OpenDataTable[] {
  const off = { smallCellRule: false, hideTotal: false };
  return [
    twoWay(
      {
        name: "units-by-origin-and-status",
        title: text("Alloggi per provenienza e stato", "Units by origin and status"),
        description: text(
          "Il patrimonio del programma alla data dei dati, per provenienza e stato.",
          "The programme's housing stock on the date of the data, by origin and status.",
        ),
        subject: "units",
        population: "units-stock",
        rowHeader: text("Provenienza", "Origin"),
      },
      t.asOf,
      labelled(UNIT_ORIGINS, ORIGIN_LABELS),
      labelled(STOCK_STATUS_GROUPS, STOCK_STATUS_GROUP_LABELS),
      t.unitsByOriginStatus,
      off,
    ),
    oneWay(
      {
        name: "units-renovated-by-year",
        title: text("Alloggi ristrutturati per anno", "Units renovated by year"),
        description: text(
          "Alloggi i cui lavori di ristrutturazione sono stati completati, per anno di completamento.",
          "Units whose renovation works were completed, by year of completion.",
        ),
        subject: "units",
        population: "units-renovated",
        rowHeader: text("Anno", "Year"),
      },
      t.asOf,
      t.unitsRenovatedByYear.map((y) => ({
        key: String(y.year),
        label: text(String(y.year), String(y.year)),
        count: y.count,
      })),
      text("Alloggi", "Units"),
      off,
    ),
  ];
}

/** Every published table, in the order of the page. */
export function publishOpenData(tallies: OpenDataTallies): OpenDataTable[] {
  const builders = personalTables(tallies);
  const first = builders.map((build) => build(false));
  // A grand total withheld in one table of a population is withheld in all of them.
  const hiding = new Set(first.filter((t) => grandTotalOf(t) === null).map((t) => t.population));
  const personal = builders.map((build, i) => {
    const built = first[i] as OpenDataTable;
    return hiding.has(built.population) && grandTotalOf(built) !== null ? build(true) : built;
  });
  const housed = personal.find((t) => t.name === "households-housed-by-area-and-category") as OpenDataTable;
  return [...personal.slice(0, 5), categoryMix(housed), ...personal.slice(5), ...unitTables(tallies)];
}
