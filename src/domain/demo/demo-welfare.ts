// SPDX-License-Identifier: EUPL-1.2
import type { SpaceKind, WelfareServiceKind } from "../welfare/welfare.ts";

/*
 * The demo's community welfare and the Municipio 3 network's community fund, plainly fictional, as
 * they stand on 2026-11-22. A building's service or space names its building by the Municipio it is in
 * ("the first building of the demo's stock in Municipio 3", by code), since the demo's buildings are
 * generated; a neighbourhood's service names its place. Participation is counts only, as always.
 */

/** Where a service is: the first demo building of a Milan Municipio, or a neighbourhood's place. */
export type DemoPlace = { buildingIn: number } | { town: string; municipio: number | null };

export type DemoWelfareService = {
  kind: WelfareServiceKind;
  name: string;
  description: string;
  place: DemoPlace;
  /** The organisation that runs it (its code). */
  by: string;
  startedOn: string;
  activities: { title: string; heldOn: string; participants: number; residents: number; note?: string }[];
};

export const DEMO_WELFARE_SERVICES: readonly DemoWelfareService[] = [
  {
    kind: "social_concierge",
    name: "Portierato sociale di cortile (demo)",
    description:
      "Un presidio due mattine a settimana: piccole commissioni, orientamento ai servizi, ascolto.",
    place: { buildingIn: 3 },
    by: "ETS-B1",
    startedOn: "2026-03-02",
    activities: [
      { title: "Apertura del presidio", heldOn: "2026-03-02", participants: 14, residents: 11 },
      { title: "Sportello bollette e contratti luce", heldOn: "2026-06-17", participants: 9, residents: 9 },
      { title: "Festa di cortile", heldOn: "2026-09-19", participants: 46, residents: 31 },
    ],
  },
  {
    kind: "condominium_library",
    name: "Biblioteca di condominio (demo)",
    description: "Scambio di libri autogestito dagli inquilini, con letture per bambini il sabato.",
    place: { buildingIn: 3 },
    by: "ETS-B1",
    startedOn: "2026-05-09",
    activities: [
      { title: "Inaugurazione e primo scambio", heldOn: "2026-05-09", participants: 22, residents: 18 },
      { title: "Letture per bambini", heldOn: "2026-10-10", participants: 12, residents: 10 },
    ],
  },
  {
    kind: "shared_nurse",
    name: "Infermiere di quartiere (demo)",
    description:
      "Un infermiere condiviso tra i caseggiati del quartiere: misurazioni, medicazioni, consigli.",
    place: { town: "Milano", municipio: 9 },
    by: "ETS-B2",
    startedOn: "2026-04-01",
    activities: [
      { title: "Giornata della pressione", heldOn: "2026-04-15", participants: 31, residents: 12 },
      { title: "Campagna vaccinale antinfluenzale", heldOn: "2026-10-28", participants: 40, residents: 17 },
    ],
  },
  {
    kind: "after_school",
    name: "Doposcuola di via (demo)",
    description: "Aiuto compiti per i ragazzi delle medie, con volontari del quartiere.",
    place: { buildingIn: 5 },
    by: "ETS-B3",
    startedOn: "2026-09-14",
    activities: [{ title: "Primo mese di doposcuola", heldOn: "2026-10-16", participants: 15, residents: 9 }],
  },
  {
    kind: "home_delivery",
    name: "Spesa a domicilio (demo)",
    description:
      "Consegna settimanale della spesa a chi non esce di casa, con i volontari dell'associazione.",
    place: { town: "Sesto San Giovanni", municipio: null },
    by: "ETS-A",
    startedOn: "2026-02-01",
    activities: [{ title: "Consegne di ottobre", heldOn: "2026-10-31", participants: 8, residents: 6 }],
  },
];

export type DemoSpace = {
  /** The first demo building of this Milan Municipio. */
  buildingIn: number;
  name: string;
  kind: SpaceKind;
  use: string;
  capacity: number | null;
  bookable: boolean;
  surfaceM2: number | null;
  rules: string;
  by: string;
  bookings: { bookedFor: string; fromTime: string; toTime: string; purpose: string }[];
};

export const DEMO_SPACES: readonly DemoSpace[] = [
  {
    buildingIn: 3,
    name: "Sala comune (demo)",
    kind: "common",
    use: "Riunioni degli inquilini, feste, laboratori",
    capacity: 30,
    bookable: true,
    surfaceM2: 48,
    rules: "Si prenota almeno due giorni prima. Si lascia la sala in ordine entro le 22:00. Niente fumo.",
    by: "ETS-B1",
    bookings: [
      { bookedFor: "2026-12-05", fromTime: "15:00", toTime: "18:00", purpose: "Laboratorio di Natale" },
      { bookedFor: "2026-12-12", fromTime: "18:00", toTime: "20:00", purpose: "Assemblea degli inquilini" },
    ],
  },
  {
    buildingIn: 3,
    name: "Lavanderia condivisa (demo)",
    kind: "common",
    use: "Due lavatrici e un'asciugatrice a gettone",
    capacity: null,
    bookable: false,
    surfaceM2: 12,
    rules: "Dalle 8:00 alle 21:00. Si libera la macchina a fine ciclo.",
    by: "ETS-B1",
    bookings: [],
  },
  {
    buildingIn: 5,
    name: "Ex negozio al piano terra (demo)",
    kind: "non_residential",
    use: "Sede del doposcuola e del punto di ascolto",
    capacity: 20,
    bookable: false,
    surfaceM2: 65,
    rules: "",
    by: "ETS-B3",
    bookings: [],
  },
];

/** The Municipio 3 network's fund: contributions, and one expense its coordination has still to decide. */
export const DEMO_FUND_ENTRIES: readonly {
  kind: "contribution" | "expense";
  amountCents: number;
  entryOn: string;
  counterpart: string;
  description: string;
  by: string;
}[] = [
  {
    kind: "contribution",
    amountCents: 250_000,
    entryOn: "2026-04-20",
    counterpart: "Fondazione di comunità (demo)",
    description: "Contributo per l'avvio del fondo di rete",
    by: "ETS-B1",
  },
  {
    kind: "contribution",
    amountCents: 80_000,
    entryOn: "2026-07-08",
    counterpart: "Raccolta della festa di quartiere (demo)",
    description: "Offerte raccolte alla festa di via",
    by: "ETS-B3",
  },
  {
    kind: "expense",
    amountCents: 42_000,
    entryOn: "2026-11-12",
    counterpart: "Cooperativa di falegnameria (demo)",
    description: "Scaffali per la biblioteca di condominio",
    by: "ETS-B1",
  },
];
