// SPDX-License-Identifier: EUPL-1.2
import type { TimelineItemInput, TimelineLine, TimelineStatus } from "../timeline/timeline.ts";

/*
 * The demo's timeline (cronoprogramma), plainly fictional: every line of both areas with its phases and
 * milestones over the whole convention (2026–2050), denser in the first years. As it stands on
 * 2026-11-22: the first phases done (some on time, some late), a few items late now (a running phase
 * past its end, phases not started by their planned start, a milestone missed), some at risk (due
 * within 14 days), and the long phases and the final milestones ahead. Area A's lines are the Area A
 * partner's, a few of A.1 the Comune's; Area B's lines are the Area B partners'.
 */

/** An item with its owner's code and its planned end written out (a milestone's is its one day). */
export type DemoTimelineItem = Omit<TimelineItemInput, "ownerCode" | "plannedEnd"> & {
  ownerCode: string;
  plannedEnd: string;
};

type Progress = { status: TimelineStatus; actualStart?: string; actualEnd?: string };
const NOT_STARTED: Progress = { status: "not_started" };

const item = (
  line: TimelineLine,
  kind: "phase" | "milestone",
  ownerCode: string,
  ownerName: string,
  title: string,
  plannedStart: string,
  plannedEnd: string,
  progress: Progress,
  description = "",
): Omit<DemoTimelineItem, "position"> => ({
  line,
  kind,
  title,
  description,
  ownerCode,
  ownerName,
  plannedStart,
  plannedEnd,
  actualStart: progress.actualStart ?? null,
  actualEnd: progress.actualEnd ?? null,
  status: progress.status,
});

const phase = (
  line: TimelineLine,
  owner: [string, string],
  title: string,
  [start, end]: [string, string],
  progress: Progress = NOT_STARTED,
  description = "",
) => item(line, "phase", owner[0], owner[1], title, start, end, progress, description);

const milestone = (
  line: TimelineLine,
  owner: [string, string],
  title: string,
  on: string,
  progress: Progress = NOT_STARTED,
  description = "",
) => item(line, "milestone", owner[0], owner[1], title, on, on, progress, description);

const done = (actualStart: string, actualEnd: string): Progress => ({
  status: "done",
  actualStart,
  actualEnd,
});
const running = (actualStart: string): Progress => ({ status: "in_progress", actualStart });

const COMUNE: [string, string] = ["COMUNE-MI", "Direzione Welfare, unità programmazione (demo)"];
const A_COORD: [string, string] = ["ETS-A", "Ufficio coordinamento e monitoraggio (demo)"];
const A_FIN: [string, string] = ["ETS-A", "Ufficio finanza di progetto (demo)"];
const A_WORKS: [string, string] = ["ETS-A", "Ufficio tecnico lavori (demo)"];
const A_MARKET: [string, string] = ["ETS-A", "Sportello proprietari (demo)"];
const B1: [string, string] = ["ETS-B1", "Coordinamento gestione Casa Aperta (demo)"];
const B2: [string, string] = ["ETS-B2", "Équipe Porte Amiche (demo)"];
const B3: [string, string] = ["ETS-B3", "Coordinamento educativo Tetto Comune (demo)"];

const ITEMS = [
  // A.1 Coordination and monitoring
  phase(
    "A.1",
    COMUNE,
    "Avvio della convenzione e insediamento della Cabina di Regia",
    ["2026-01-01", "2026-03-31"],
    done("2026-01-08", "2026-03-20"),
    "Nomina dei componenti (al massimo sei) e regolamento di funzionamento.",
  ),
  phase(
    "A.1",
    A_COORD,
    "Sistema di monitoraggio: indicatori e strumenti di rilevazione",
    ["2026-03-01", "2026-09-30"],
    done("2026-03-02", "2026-10-20"),
  ),
  milestone(
    "A.1",
    A_COORD,
    "Primo rapporto di monitoraggio semestrale",
    "2026-07-31",
    done("2026-07-01", "2026-08-28"),
  ),
  milestone(
    "A.1",
    A_COORD,
    "Relazione annuale 2026 alla Cabina di Regia",
    "2026-12-04",
    running("2026-11-10"),
  ),
  phase("A.1", A_COORD, "Monitoraggio periodico e revisione annuale del modello", [
    "2027-01-01",
    "2050-12-31",
  ]),
  milestone("A.1", COMUNE, "Valutazione finale e chiusura della convenzione", "2050-12-31"),
  // A.2 Finance: the revolving fund
  phase(
    "A.2",
    A_FIN,
    "Piano economico-finanziario e strategia verso le banche",
    ["2026-01-15", "2026-06-30"],
    done("2026-01-20", "2026-06-25"),
  ),
  milestone("A.2", A_FIN, "Accordo quadro con un finanziatore etico", "2026-09-30", running("2026-05-04")),
  phase(
    "A.2",
    A_FIN,
    "Raccolta fondi e scouting dei bandi",
    ["2026-04-01", "2030-12-31"],
    running("2026-04-15"),
  ),
  phase("A.2", A_FIN, "Retrocessione dei canoni al fondo rotativo", ["2028-01-01", "2050-12-31"]),
  milestone("A.2", A_FIN, "Prima retrocessione al fondo rotativo", "2028-06-30"),
  // A.3 Renovation
  phase(
    "A.3",
    A_WORKS,
    "Rete dei professionisti e criteri di selezione delle imprese (white list)",
    ["2026-02-01", "2026-05-31"],
    done("2026-02-01", "2026-07-15"),
  ),
  milestone(
    "A.3",
    A_WORKS,
    "Standard minimi strutturali e di arredo per target",
    "2026-06-30",
    done("2026-06-01", "2026-06-30"),
  ),
  phase(
    "A.3",
    A_WORKS,
    "Primo lotto di ristrutturazioni (alloggi comunali di Milano)",
    ["2026-06-01", "2027-12-31"],
    running("2026-07-01"),
  ),
  phase("A.3", A_WORKS, "Secondo lotto (hinterland e beni confiscati)", ["2028-01-01", "2031-12-31"]),
  milestone("A.3", A_WORKS, "Ristrutturati tutti i 488 alloggi iniziali", "2035-12-31"),
  // A.4 Private market outreach
  phase(
    "A.4",
    A_MARKET,
    "Piano di coinvolgimento dei proprietari privati con le associazioni",
    ["2026-09-01", "2027-03-31"],
    NOT_STARTED,
    "Con associazioni di proprietari, sindacati degli inquilini e agenzie (nomi di fantasia nella demo).",
  ),
  milestone("A.4", A_MARKET, "Modello di garanzia per i proprietari approvato", "2026-11-30"),
  phase("A.4", A_MARKET, "Campagna di adesione e primi contratti con i privati", [
    "2027-04-01",
    "2032-12-31",
  ]),
  milestone("A.4", A_MARKET, "Primi 25 alloggi privati in locazione", "2029-12-31"),
  // B.1 Allocation proposal per ambito
  phase(
    "B.1",
    B1,
    "Proposta di assegnazione: requisiti, durata e compartecipazione",
    ["2026-02-01", "2026-05-31"],
    done("2026-02-03", "2026-05-29"),
  ),
  milestone(
    "B.1",
    B2,
    "Strumenti contrattuali per target approvati",
    "2026-06-30",
    done("2026-06-01", "2026-07-31"),
  ),
  phase("B.1", B2, "Microcredito ed educazione finanziaria per gli inquilini", ["2026-10-01", "2027-09-30"]),
  milestone("B.1", B3, "Primo rapporto sulle compartecipazioni", "2027-03-31"),
  // B.2 Renovation, furnishing and property management
  phase(
    "B.2",
    B1,
    "Presa in carico degli alloggi in comodato",
    ["2026-03-01", "2026-10-31"],
    running("2026-03-15"),
  ),
  phase(
    "B.2",
    B3,
    "Piano di arredo per target",
    ["2026-04-01", "2026-08-31"],
    done("2026-04-10", "2026-08-25"),
  ),
  milestone(
    "B.2",
    B1,
    "Prime chiavi consegnate agli inquilini",
    "2026-09-15",
    done("2026-09-01", "2026-09-10"),
  ),
  milestone("B.2", B1, "Prime 50 consegne di alloggi arredati", "2026-11-30"),
  phase(
    "B.2",
    B2,
    "Gestione immobiliare e riscossione dei canoni",
    ["2026-09-01", "2050-12-31"],
    running("2026-09-01"),
  ),
  milestone("B.2", B2, "Verifica di sostenibilità economica a cinque anni", "2031-06-30"),
  // B.3 Social-educational support
  phase(
    "B.3",
    B3,
    "Costituzione delle équipe multidisciplinari",
    ["2026-03-01", "2026-06-30"],
    done("2026-03-01", "2026-06-30"),
  ),
  milestone(
    "B.3",
    B2,
    "Primi progetti individualizzati firmati",
    "2026-05-31",
    done("2026-04-15", "2026-05-28"),
  ),
  phase(
    "B.3",
    B3,
    "Accompagnamento educativo e welfare di comunità",
    ["2026-07-01", "2050-06-30"],
    running("2026-07-01"),
  ),
  milestone("B.3", B2, "Prime uscite verso l'autonomia", "2026-10-31"),
  phase("B.3", B1, "Portineria solidale e reti di vicinato", ["2027-01-01", "2029-12-31"]),
  milestone("B.3", B3, "850 partecipanti raggiunti", "2050-06-30"),
];

/** The demo's items, each with its position in its line (the order above). */
export const DEMO_TIMELINE: readonly DemoTimelineItem[] = ITEMS.map((i, index) => ({
  ...i,
  position: ITEMS.slice(0, index).filter((other) => other.line === i.line).length,
}));
