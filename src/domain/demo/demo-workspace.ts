// SPDX-License-Identifier: EUPL-1.2
import type { LibraryFolder } from "../workspace/workspace.ts";

/*
 * The demo's shared workspace, plainly fictional: two announcements (one to every partner, one to the
 * Cabina di Regia's organisations) and a few library documents, one of them in its second version.
 */

export const DEMO_ANNOUNCEMENTS: readonly { title: string; body: string; toCabina: boolean; on: string }[] = [
  {
    title: "Calendario degli incontri 2027",
    body: "La Cabina di Regia Integrata si riunirà il terzo martedì di ogni trimestre. I coordinamenti di area fissano i propri incontri nelle due settimane precedenti.",
    toCabina: false,
    on: "2026-11-10T09:00:00Z",
  },
  {
    title: "Revisione annuale del modello di governance",
    body: "La revisione annuale è all'ordine del giorno della riunione del 15 dicembre: i contributi dei partner vanno caricati nella biblioteca, cartella «Governance», entro il 10 dicembre.",
    toCabina: true,
    on: "2026-11-18T09:00:00Z",
  },
];

export type DemoLibraryDocument = {
  title: string;
  folder: LibraryFolder;
  description: string;
  /** Each version: who uploaded it (an organisation code), its note and when. */
  versions: { organisationCode: string; note: string; on: string }[];
};

export const DEMO_LIBRARY: readonly DemoLibraryDocument[] = [
  {
    title: "Convenzione di co-progettazione (testo fittizio)",
    folder: "convention",
    description: "Il testo della convenzione tra il Comune e i partner, con gli allegati tecnici (demo).",
    versions: [{ organisationCode: "COMUNE-MI", note: "Testo sottoscritto", on: "2026-01-20T10:00:00Z" }],
  },
  {
    title: "Regolamento della Cabina di Regia",
    folder: "governance",
    description:
      "Funzionamento, convocazioni, verbali e deliberazioni della Cabina di Regia Integrata (demo).",
    versions: [
      { organisationCode: "COMUNE-MI", note: "Bozza per la prima riunione", on: "2026-02-03T10:00:00Z" },
      { organisationCode: "ETS-A", note: "Testo approvato il 10/02/2026", on: "2026-02-12T10:00:00Z" },
    ],
  },
  {
    title: "Modulo di segnalazione del nucleo",
    folder: "templates",
    description: "Il modulo che i servizi sociali compilano per segnalare un nucleo a un partner (demo).",
    versions: [{ organisationCode: "ETS-B1", note: "Prima versione", on: "2026-03-05T10:00:00Z" }],
  },
];
