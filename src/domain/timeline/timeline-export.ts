// SPDX-License-Identifier: EUPL-1.2

import type { TimelineKind, TimelineLine, TimelineStanding, TimelineStatus } from "./timeline.ts";
import type { TimelineItemView } from "./timeline-api.schema.ts";

/*
 * The timeline as a table for the exports (XLSX and CSV), in Italian: the people who open the files
 * are the programme's, and the Cabina di Regia reads them as they are. Dates stay `YYYY-MM-DD` here;
 * each writer shows them as its format expects.
 */

/** The lines' Italian names, as the convention calls them. */
export const LINE_NAMES_IT: Record<TimelineLine, string> = {
  "A.1": "Coordinamento e monitoraggio",
  "A.2": "Finanza e fondo rotativo",
  "A.3": "Ristrutturazione",
  "A.4": "Mercato privato",
  "B.1": "Proposta di assegnazione per ambito",
  "B.2": "Ristrutturazione, arredo e gestione immobiliare",
  "B.3": "Accompagnamento socio-educativo",
};

export const KIND_NAMES_IT: Record<TimelineKind, string> = { phase: "Fase", milestone: "Traguardo" };

export const STATUS_NAMES_IT: Record<TimelineStatus, string> = {
  not_started: "Non iniziato",
  in_progress: "In corso",
  done: "Completato",
  cancelled: "Annullato",
};

export const STANDING_NAMES_IT: Record<TimelineStanding, string> = {
  on_time: "In tempo",
  at_risk: "A rischio",
  late: "In ritardo",
  done_late: "Completato in ritardo",
  done: "Completato",
  cancelled: "Annullato",
};

export type ExportCell = string | number | null;
export type ExportColumn = { heading: string; kind: "text" | "date" | "number"; width: number };

const column = (heading: string, kind: ExportColumn["kind"], width: number): ExportColumn => ({
  heading,
  kind,
  width,
});

export const TIMELINE_EXPORT_COLUMNS: readonly ExportColumn[] = [
  column("Area", "text", 6),
  column("Linea", "text", 40),
  column("Tipo", "text", 11),
  column("Titolo", "text", 48),
  column("Descrizione", "text", 48),
  column("Ente responsabile", "text", 36),
  column("Responsabile", "text", 28),
  column("Inizio pianificato", "date", 14),
  column("Fine pianificata", "date", 14),
  column("Inizio effettivo", "date", 14),
  column("Fine effettiva", "date", 14),
  column("Stato", "text", 14),
  column("Andamento", "text", 22),
  column("Scostamento (giorni)", "number", 12),
];

/**
 * One row per item, in the columns above. The slippage is the days late (positive) or early
 * (negative) of a done item, the days late of a late one, 0 on time, empty when cancelled.
 */
export function timelineExportRows(items: readonly TimelineItemView[]): ExportCell[][] {
  return items.map((i) => [
    i.area,
    `${i.line} ${LINE_NAMES_IT[i.line]}`,
    KIND_NAMES_IT[i.kind],
    i.title,
    i.description,
    i.ownerOrganisation,
    i.ownerName,
    i.plannedStart,
    i.plannedEnd,
    i.actualStart,
    i.actualEnd,
    STATUS_NAMES_IT[i.status],
    i.slipped === "start" ? `${STANDING_NAMES_IT[i.standing]} (avvio)` : STANDING_NAMES_IT[i.standing],
    i.slippageDays,
  ]);
}

/** `YYYY-MM-DD` as Italian spreadsheets read a date: `dd/mm/yyyy`. */
export const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
