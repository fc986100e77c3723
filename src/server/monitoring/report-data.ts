// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import type { z } from "zod";
import {
  CATALOGUE,
  type Dimension,
  type IndicatorDefinition,
  type IndicatorUnit,
  type TargetKind,
} from "../../domain/monitoring/catalogue.ts";
import type { DashboardView, IndicatorValueView } from "../../domain/monitoring/monitoring-api.schema.ts";
import type { Period } from "../../domain/monitoring/periods.ts";
import type { Standing } from "../../domain/monitoring/values.ts";
import {
  CATEGORY_LABELS,
  CITIZENSHIP_LABELS,
  DESTINATION_LABELS,
  SEX_LABELS,
  TARGET_GROUP_LABELS,
} from "../../domain/open-data/open-data-labels.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Database, DbScope } from "../db/client.ts";
import { organisations } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { scopeOfActor } from "../http.ts";
import { dashboard, indicatorDetail } from "./monitoring.service.ts";

/*
 * What a periodic monitoring report holds, the same for its PDF and its XLSX: the dashboard of the
 * period exactly as GET /monitoring/dashboard answers it, and every indicator with its
 * disaggregations exactly as GET /monitoring/indicators/{code} answers it, for the reader's scope or,
 * for a programme-wide reader, for one partner. The report adds words, never numbers of its own.
 */

type ValueView = z.infer<typeof IndicatorValueView>;

export type ReportIndicator = ValueView & { definition: IndicatorDefinition };

export type MonitoringReport = {
  dashboard: z.infer<typeof DashboardView>;
  /** The dashboard's indicators in the catalogue's order, each with its definition. */
  indicators: ReportIndicator[];
  /** Every indicator that has disaggregations, with all of them (from the snapshot when frozen). */
  details: ReportIndicator[];
  /** Whose figures: null for the whole programme, else the partner's code and name. */
  partner: { id: string; code: string; name: string } | null;
  generatedAt: Date;
};

/**
 * The dashboard's groups, in the order a report reads them. Every catalogue code is in exactly one
 * (a test checks it); the client groups its cards the same way.
 */
export const REPORT_GROUPS: readonly { key: string; title: string; codes: readonly string[] }[] = [
  {
    key: "reach",
    title: "Persone raggiunte e inserimento abitativo",
    codes: [
      "people_reached",
      "households_reached",
      "households_housed",
      "time_to_housing_days",
      "waiting_time_days",
    ],
  },
  {
    key: "homes",
    title: "Alloggi e ristrutturazioni",
    codes: [
      "occupancy_rate",
      "vacancy_days",
      "vacancy_rent_lost",
      "units_renovated",
      "renovation_cost_per_m2",
    ],
  },
  {
    key: "rent",
    title: "Canoni e morosità",
    codes: ["collection_rate", "arrears_rate", "tenancies_sustained_12m"],
  },
  {
    key: "support",
    title: "Accompagnamento e autonomia",
    codes: [
      "exits_to_autonomy",
      "returns_6m",
      "returns_12m",
      "returns_24m",
      "plan_reviews_on_time",
      "autonomy_progress",
      "households_improved",
    ],
  },
  {
    key: "mix",
    title: "Mix dello stock e cofinanziamento",
    codes: ["mix_calmierato", "mix_calmierato_ridotto", "mix_fragilita", "co_financing_a_met"],
  },
];

/**
 * The reader's scope for a report: their own, or one partner's for a programme-wide reader. A
 * partner asking for another organisation's report is refused.
 */
function reportScope(actor: Actor, partner: string | undefined): DbScope {
  const own = scopeOfActor(actor);
  if (partner === undefined || partner === actor.organisationId) return own;
  if (own.sees !== "all")
    throw new AppError("FORBIDDEN", "A partner may read its own organisation's report only");
  return { organisationId: partner, userId: actor.userId, sees: "organisation" };
}

/** The monitoring report of `period`, for the reader's scope or for `partner`. */
export async function monitoringReport(options: {
  database: Database;
  actor: Actor;
  period: Period;
  partner?: string;
  today: string;
  now: Date;
}): Promise<MonitoringReport> {
  const { database, actor, period, today, now } = options;
  const scope = reportScope(actor, options.partner);
  return database.scoped(scope, async (db) => {
    let partner: MonitoringReport["partner"] = null;
    if (scope.sees !== "all") {
      const [row] = await db
        .select({ id: organisations.id, code: organisations.code, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, scope.organisationId));
      if (!row) throw new AppError("NOT_FOUND", `No organisation "${scope.organisationId}"`);
      partner = row;
    }
    const board = await dashboard({ db, scope, period, today, now });
    const definitions = new Map(CATALOGUE.map((d) => [d.code, d]));
    const withDefinition = (v: ValueView): ReportIndicator => ({
      ...v,
      definition: definitions.get(v.code) as IndicatorDefinition,
    });
    const details: ReportIndicator[] = [];
    for (const d of CATALOGUE) {
      if (d.dimensions.length === 0) continue;
      const { source: _source, ...detail } = await indicatorDetail({
        db,
        scope,
        code: d.code,
        period,
        today,
      });
      details.push(withDefinition(detail));
    }
    return {
      dashboard: board,
      indicators: board.indicators.map(withDefinition),
      details,
      partner,
      generatedAt: now,
    };
  });
}

// The report's words, in Italian: the Comune's language of record.

export const UNIT_WORDS: Record<IndicatorUnit, string> = {
  people: "persone",
  households: "nuclei",
  units: "alloggi",
  days: "giorni",
  percent: "%",
  eur: "euro",
  eur_per_m2: "euro/m²",
  score: "punti",
};

export const STANDING_WORDS: Record<Standing, string> = {
  met: "raggiunto",
  not_met: "non raggiunto",
  no_target: "nessun obiettivo",
  not_computable: "non calcolabile",
};

export const TARGET_KIND_WORDS: Record<TargetKind, string> = {
  baseline: "valore di partenza",
  intermediate: "intermedio",
  final: "finale",
};

export const DIMENSION_WORDS: Record<Dimension, string> = {
  sex: "Sesso",
  age_band: "Fascia d'età",
  target_group: "Gruppo di destinatari",
  category: "Tipologia di assegnazione",
  partner: "Ente partner",
  place: "Luogo",
  citizenship: "Cittadinanza",
  destination: "Destinazione all'uscita",
};

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

/** `2026-Q3` as "3° trimestre 2026", `2026-07` as "luglio 2026", `2026` as "anno 2026". */
export function periodWords(period: Pick<Period, "key" | "granularity" | "from">): string {
  const year = period.from.slice(0, 4);
  switch (period.granularity) {
    case "month":
      return `${MONTHS[Number(period.from.slice(5, 7)) - 1]} ${year}`;
    case "quarter":
      return `${period.key.slice(-1)}° trimestre ${year}`;
    case "year":
      return `anno ${year}`;
  }
}

/** A day (YYYY-MM-DD) as "30 giugno 2026". */
export const dayWords = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** A moment in Rome's time as "22/11/2026 alle 10:00". */
export function momentWords(at: Date): string {
  const parts = new Intl.DateTimeFormat("it-IT", {
    timeZone: "Europe/Rome",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")} alle ${part("hour")}:${part("minute")}`;
}

const AGE_WORDS: Record<string, string> = { "65+": "65 anni e oltre" };

/** A disaggregation's key in Italian words; partners and places as the server named them. */
export function cellWords(dimension: Dimension, key: string | null, label: string | null): string {
  if (key === null) return "Non indicato";
  const from = <K extends string>(labels: Record<K, { it: string }>) =>
    (labels as Record<string, { it: string } | undefined>)[key]?.it ?? key;
  switch (dimension) {
    case "sex":
      return from(SEX_LABELS);
    case "age_band":
      return AGE_WORDS[key] ?? `${key.replace("-", "–")} anni`;
    case "target_group":
      return from(TARGET_GROUP_LABELS);
    case "category":
      return from(CATEGORY_LABELS);
    case "citizenship":
      return from(CITIZENSHIP_LABELS);
    case "destination":
      return from(DESTINATION_LABELS);
    case "partner":
    case "place":
      return label ?? key;
  }
}

/** A number the Italian way, with at most two decimals: `1.234,5`. */
export const italianNumber = (value: number, digits = 2) =>
  value.toLocaleString("it-IT", { maximumFractionDigits: digits });

const ONE: Partial<Record<IndicatorUnit, string>> = {
  people: "persona",
  households: "nucleo",
  units: "alloggio",
  days: "giorno",
  score: "punto",
};

/** A value in its unit, in words: "72,16 %", "458,08 euro", "4 persone", "1 nucleo". */
export function valueWords(unit: IndicatorUnit, value: number | null): string {
  if (value === null) return "non calcolabile";
  if (unit === "percent") return `${italianNumber(value)} %`;
  if (unit === "eur" || unit === "eur_per_m2")
    return `${value.toLocaleString("it-IT", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${UNIT_WORDS[unit]}`;
  return `${italianNumber(value)} ${(value === 1 ? ONE[unit] : undefined) ?? UNIT_WORDS[unit]}`;
}

/** Who the report is about, in words. */
export const scopeWords = (report: Pick<MonitoringReport, "partner">) =>
  report.partner === null ? "Intero programma" : `Ente partner: ${report.partner.name}`;

/** The state of the figures, in words: frozen (with the data version) or live. */
export function dataStateWords(board: MonitoringReport["dashboard"]): string[] {
  const p = board.period;
  if (board.source === "snapshot")
    return [
      `Dati congelati: periodo chiuso il ${p.closedAt ? momentWords(new Date(p.closedAt)) : "-"}${p.closedBy ? ` da ${p.closedBy}` : ""}, revisione ${p.revision}.`,
      `Versione dei dati (SHA-256 dei valori): ${p.valuesSha256 ?? "-"}`,
      `Registro delle operazioni al momento della chiusura: ${p.auditHead ?? "-"}`,
    ];
  return [
    `Dati in tempo reale, calcolati il ${momentWords(new Date(board.computedAt))}: il periodo è aperto e i valori possono ancora cambiare.`,
  ];
}
