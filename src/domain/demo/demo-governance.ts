// SPDX-License-Identifier: EUPL-1.2
import type { ActionStatus, GovernanceLevel, MemberRole } from "../governance/governance.ts";

/*
 * The demo's governance, plainly fictional (every person is "(demo)"): the Cabina di Regia Integrata
 * with its six members and its referents, the two area coordinations and a Municipio network reporting
 * to it, and a thematic table it opened. As it stands on 2026-11-22: the Cabina met three times this
 * year and took five decisions; its annual review of the model is planned for December; of its
 * actions some are done, some open, two overdue.
 */

export type DemoBody = {
  key: string;
  name: string;
  level: GovernanceLevel;
  description: string;
  reportsTo: string | null;
  area: "A" | "B" | null;
  municipio: number | null;
  establishedOn: string;
  members: { personName: string; organisationCode: string; role: MemberRole; from: string; to?: string }[];
  meetings: {
    date: string;
    startsAt: string;
    place: string;
    agenda: string[];
    annualReview?: boolean;
    /** Held: its minutes, and who attended (by person name). */
    held?: { minutes: string; attendees: string[] };
    decisions?: { text: string; vote?: [number, number, number] }[];
  }[];
  actions: {
    title: string;
    ownerName: string;
    ownerOrganisationCode: string;
    dueOn: string;
    status: ActionStatus;
    /** The decision it carries out: its number in the body. */
    decision?: number;
  }[];
};

const PALAZZO = "Palazzo Marino, sala riunioni (demo)";

const CABINA_MEMBERS: DemoBody["members"] = [
  { personName: "Anna Esempio (demo)", organisationCode: "COMUNE-MI", role: "chair", from: "2026-01-15" },
  { personName: "Marco Prova (demo)", organisationCode: "COMUNE-MI", role: "member", from: "2026-01-15" },
  { personName: "Lucia Fittizia (demo)", organisationCode: "ETS-A", role: "member", from: "2026-01-15" },
  { personName: "Paolo Modello (demo)", organisationCode: "ETS-B1", role: "member", from: "2026-01-15" },
  { personName: "Sara Campione (demo)", organisationCode: "ETS-B2", role: "member", from: "2026-01-15" },
  { personName: "Elena Bozza (demo)", organisationCode: "ETS-B3", role: "member", from: "2026-01-15" },
  {
    personName: "Giorgio Schema (demo)",
    organisationCode: "COMUNE-MI",
    role: "administrative_referent",
    from: "2026-01-15",
  },
  {
    personName: "Chiara Traccia (demo)",
    organisationCode: "ETS-A",
    role: "administrative_referent",
    from: "2026-01-15",
  },
  {
    personName: "Davide Abbozzo (demo)",
    organisationCode: "ETS-B1",
    role: "technical_referent",
    from: "2026-01-15",
  },
];
const CABINA_SIX = CABINA_MEMBERS.slice(0, 6).map((m) => m.personName);

export const DEMO_GOVERNANCE: readonly DemoBody[] = [
  {
    key: "cabina",
    name: "Cabina di Regia Integrata",
    level: "directive",
    description:
      "Organismo collegiale di coordinamento e luogo decisionale della co-progettazione: al massimo 6 componenti effettivi tra i referenti del Comune e degli enti del Terzo Settore.",
    reportsTo: null,
    area: null,
    municipio: null,
    establishedOn: "2026-01-15",
    members: CABINA_MEMBERS,
    meetings: [
      {
        date: "2026-02-10",
        startsAt: "10:00",
        place: PALAZZO,
        agenda: [
          "Insediamento della Cabina di Regia",
          "Regolamento di funzionamento",
          "Calendario degli incontri",
        ],
        held: {
          minutes:
            "La Cabina si insedia con sei componenti effettivi. Approvato il regolamento di funzionamento; calendario trimestrale degli incontri.",
          attendees: CABINA_SIX,
        },
        decisions: [
          { text: "Approvazione del regolamento di funzionamento della Cabina di Regia.", vote: [6, 0, 0] },
          { text: "Istituzione dei coordinamenti di Area A e di Area B." },
        ],
      },
      {
        date: "2026-05-12",
        startsAt: "14:30",
        place: PALAZZO,
        agenda: ["Avanzamento delle Linee di Sviluppo", "Proposta di tavolo abitare e lavoro"],
        held: {
          minutes:
            "Illustrato l'avanzamento delle linee A.1–B.3. Si apre un tavolo tematico su abitare e lavoro con operatori comunali e degli enti.",
          attendees: CABINA_SIX.slice(0, 5),
        },
        decisions: [{ text: "Apertura del tavolo tematico «Abitare e lavoro».", vote: [4, 0, 1] }],
      },
      {
        date: "2026-09-15",
        startsAt: "10:00",
        place: PALAZZO,
        agenda: ["Monitoraggio del primo semestre", "Piano di comunicazione ai proprietari privati"],
        held: {
          minutes:
            "Esaminati gli indicatori del primo semestre. Approvato l'avvio dei contatti con le associazioni dei proprietari.",
          attendees: CABINA_SIX,
        },
        decisions: [
          { text: "Approvazione del rapporto di monitoraggio del primo semestre 2026.", vote: [6, 0, 0] },
          { text: "Avvio dei contatti con ANACI, UPPI e le agenzie immobiliari del territorio." },
        ],
      },
      {
        date: "2026-12-15",
        startsAt: "10:00",
        place: PALAZZO,
        agenda: ["Revisione annuale del modello di governance", "Programma di lavoro 2027"],
        annualReview: true,
      },
    ],
    actions: [
      {
        title: "Trasmettere il regolamento approvato a tutti i partner",
        ownerName: "Giorgio Schema (demo)",
        ownerOrganisationCode: "COMUNE-MI",
        dueOn: "2026-02-28",
        status: "done",
        decision: 1,
      },
      {
        title: "Nominare i componenti del tavolo «Abitare e lavoro»",
        ownerName: "Lucia Fittizia (demo)",
        ownerOrganisationCode: "ETS-A",
        dueOn: "2026-06-30",
        status: "done",
        decision: 3,
      },
      {
        title: "Pubblicare il rapporto di monitoraggio sul portale dei dati aperti",
        ownerName: "Marco Prova (demo)",
        ownerOrganisationCode: "COMUNE-MI",
        dueOn: "2026-10-31",
        status: "open",
        decision: 4,
      },
      {
        title: "Calendarizzare gli incontri con le associazioni dei proprietari",
        ownerName: "Paolo Modello (demo)",
        ownerOrganisationCode: "ETS-B1",
        dueOn: "2026-11-15",
        status: "open",
        decision: 5,
      },
      {
        title: "Preparare la relazione per la revisione annuale del modello",
        ownerName: "Chiara Traccia (demo)",
        ownerOrganisationCode: "ETS-A",
        dueOn: "2026-12-10",
        status: "open",
      },
    ],
  },
  {
    key: "area-a",
    name: "Coordinamento Area A",
    level: "management",
    description:
      "Coordinamento gestionale delle linee A.1–A.4: monitoraggio, finanza di progetto, riqualificazione, mercato privato.",
    reportsTo: "cabina",
    area: "A",
    municipio: null,
    establishedOn: "2026-02-20",
    members: [
      { personName: "Lucia Fittizia (demo)", organisationCode: "ETS-A", role: "chair", from: "2026-02-20" },
      { personName: "Roberto Esempio (demo)", organisationCode: "ETS-A", role: "member", from: "2026-02-20" },
      { personName: "Marco Prova (demo)", organisationCode: "COMUNE-MI", role: "member", from: "2026-02-20" },
    ],
    meetings: [
      {
        date: "2026-10-06",
        startsAt: "09:30",
        place: "Sede del capofila Area A (demo)",
        agenda: ["Stato dei cantieri", "Fondo rotativo: incassi del trimestre"],
        held: {
          minutes:
            "Tre cantieri in corso, uno in ritardo sull'approvvigionamento. Incassi in linea con il piano.",
          attendees: ["Lucia Fittizia (demo)", "Roberto Esempio (demo)"],
        },
        decisions: [
          { text: "Richiesta all'impresa di un cronoprogramma aggiornato del cantiere in ritardo." },
        ],
      },
    ],
    actions: [
      {
        title: "Ottenere il cronoprogramma aggiornato dall'impresa",
        ownerName: "Roberto Esempio (demo)",
        ownerOrganisationCode: "ETS-A",
        dueOn: "2026-10-20",
        status: "open",
        decision: 1,
      },
    ],
  },
  {
    key: "area-b",
    name: "Coordinamento Area B",
    level: "management",
    description:
      "Coordinamento gestionale delle linee B.1–B.3: proposta di assegnazione, gestione degli alloggi, accompagnamento.",
    reportsTo: "cabina",
    area: "B",
    municipio: null,
    establishedOn: "2026-02-20",
    members: [
      { personName: "Paolo Modello (demo)", organisationCode: "ETS-B1", role: "chair", from: "2026-02-20" },
      { personName: "Sara Campione (demo)", organisationCode: "ETS-B2", role: "member", from: "2026-02-20" },
      { personName: "Elena Bozza (demo)", organisationCode: "ETS-B3", role: "member", from: "2026-02-20" },
    ],
    meetings: [],
    actions: [],
  },
  {
    key: "municipio-3",
    name: "Rete territoriale Municipio 3",
    level: "management",
    description:
      "Rete dei servizi e degli enti del Municipio 3: segnalazioni, risorse del territorio, fondo di comunità.",
    reportsTo: "cabina",
    area: null,
    municipio: 3,
    establishedOn: "2026-04-01",
    members: [
      { personName: "Sara Campione (demo)", organisationCode: "ETS-B2", role: "chair", from: "2026-04-01" },
      { personName: "Marco Prova (demo)", organisationCode: "COMUNE-MI", role: "member", from: "2026-04-01" },
    ],
    meetings: [],
    actions: [],
  },
  {
    key: "tavolo-lavoro",
    name: "Tavolo tematico Abitare e lavoro",
    level: "project",
    description: "Tavolo aperto dalla Cabina di Regia sull'inserimento lavorativo delle persone accolte.",
    reportsTo: "cabina",
    area: null,
    municipio: null,
    establishedOn: "2026-06-01",
    members: [
      { personName: "Lucia Fittizia (demo)", organisationCode: "ETS-A", role: "chair", from: "2026-06-01" },
      { personName: "Elena Bozza (demo)", organisationCode: "ETS-B3", role: "member", from: "2026-06-01" },
    ],
    meetings: [],
    actions: [],
  },
];
