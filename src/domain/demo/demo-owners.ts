// SPDX-License-Identifier: EUPL-1.2
import type { ContactChannel, ContactOutcome, OfferStatus, OwnerKind, SchemeKind } from "../owners/owners.ts";

/*
 * The demo's private owners' line (A.4), plainly fictional (every name is "(demo)", every street a
 * "Via Fittizia"): the owners' associations and an agency the programme presented itself to, a few
 * owners who answered, the homes they offered and the guarantee schemes offered to them, as they stand
 * on 2026-11-22. The demo's stock has no unit of origin private, so no demo offer is accepted yet (an
 * accepted offer must name its unit) and no guarantee is taken up.
 */

export type DemoOwner = {
  kind: OwnerKind;
  name: string;
  contact: string;
  town: string;
  municipio: number | null;
  notes: string;
  contacts: {
    contactedOn: string;
    channel: ContactChannel;
    outcome: ContactOutcome;
    note: string;
    /** The organisation that made the contact (its code). */
    by: string;
  }[];
  offers: {
    address: string;
    town: string;
    municipio: number | null;
    surfaceM2: number;
    rooms: number;
    askedRentCents: number;
    offeredOn: string;
    /** Where it stands: never accepted in the demo (see above). */
    status: Exclude<OfferStatus, "accepted">;
    decidedOn: string | null;
    reason: string;
  }[];
};

export const DEMO_OWNERS: readonly DemoOwner[] = [
  {
    kind: "association",
    name: "ANACI Milano, sezione provinciale (demo)",
    contact: "segreteria@anaci-milano.demo.example",
    town: "Milano",
    municipio: null,
    notes: "Amministratori di condominio: un canale verso i proprietari degli stabili che amministrano",
    contacts: [
      {
        contactedOn: "2026-06-12",
        channel: "event",
        outcome: "interested",
        note: "Programma presentato alla serata dei soci dell'associazione (demo)",
        by: "ETS-A",
      },
      {
        contactedOn: "2026-09-18",
        channel: "meeting",
        outcome: "follow_up",
        note: "Si impegna a far circolare gli schemi di garanzia tra i soci (demo)",
        by: "COMUNE-MI",
      },
    ],
    offers: [],
  },
  {
    kind: "association",
    name: "UPPI Milano, piccoli proprietari (demo)",
    contact: "+39 02 0000 0101",
    town: "Milano",
    municipio: null,
    notes: "Sindacato dei piccoli proprietari",
    contacts: [
      {
        contactedOn: "2026-07-03",
        channel: "letter",
        outcome: "follow_up",
        note: "Lettera di presentazione della linea A.4 e del fondo di garanzia affitti (demo)",
        by: "ETS-A",
      },
      {
        contactedOn: "2026-10-08",
        channel: "meeting",
        outcome: "interested",
        note: "Ha chiesto per iscritto le condizioni della copertura danni (demo)",
        by: "ETS-A",
      },
    ],
    offers: [],
  },
  {
    kind: "agency",
    name: "Agenzia Immobiliare Esempio (demo)",
    contact: "info@agenzia-esempio.demo.example",
    town: "Sesto San Giovanni",
    municipio: null,
    notes: "",
    contacts: [
      {
        contactedOn: "2026-08-27",
        channel: "email",
        outcome: "not_interested",
        note: "I proprietari dell'agenzia preferiscono canoni di mercato (demo)",
        by: "ETS-A",
      },
    ],
    offers: [],
  },
  {
    kind: "individual",
    name: "Giulia Esempio (demo)",
    contact: "+39 02 0000 0202",
    town: "Milano",
    municipio: 8,
    notes: "Conosciuta alla serata ANACI",
    contacts: [
      {
        contactedOn: "2026-09-25",
        channel: "phone",
        outcome: "unit_offered",
        note: "Offre un bilocale ereditato (demo)",
        by: "ETS-A",
      },
    ],
    offers: [
      {
        address: "Via Fittizia dei Ciclamini 14, interno 6",
        town: "Milano",
        municipio: 8,
        surfaceM2: 54.5,
        rooms: 2,
        askedRentCents: 36_000,
        offeredOn: "2026-09-25",
        status: "under_review",
        decidedOn: "2026-10-05",
        reason: "",
      },
    ],
  },
  {
    kind: "company",
    name: "Immobiliare Modello S.r.l. (demo)",
    contact: "amministrazione@modello.demo.example",
    town: "Milano",
    municipio: 2,
    notes: "",
    contacts: [
      {
        contactedOn: "2026-10-14",
        channel: "meeting",
        outcome: "unit_offered",
        note: "Due alloggi nello stesso stabile (demo)",
        by: "COMUNE-MI",
      },
    ],
    offers: [
      {
        address: "Via Fittizia delle Magnolie 3, interno 2",
        town: "Milano",
        municipio: 2,
        surfaceM2: 68,
        rooms: 3,
        askedRentCents: 72_000,
        offeredOn: "2026-10-14",
        status: "declined",
        decidedOn: "2026-10-30",
        reason: "Il canone richiesto supera di molto il tetto del calmierato per la superficie (demo)",
      },
      {
        address: "Via Fittizia delle Magnolie 3, interno 5",
        town: "Milano",
        municipio: 2,
        surfaceM2: 47.2,
        rooms: 2,
        askedRentCents: 29_000,
        offeredOn: "2026-10-14",
        status: "offered",
        decidedOn: null,
        reason: "",
      },
    ],
  },
  {
    kind: "individual",
    name: "Marco Fittizio (demo)",
    contact: "",
    town: "Cinisello Balsamo",
    municipio: null,
    notes: "",
    contacts: [
      {
        contactedOn: "2026-08-05",
        channel: "phone",
        outcome: "unit_offered",
        note: "Ha offerto un monolocale, poi lo ha venduto (demo)",
        by: "ETS-A",
      },
    ],
    offers: [
      {
        address: "Via Fittizia dei Pioppi 21",
        town: "Cinisello Balsamo",
        municipio: null,
        surfaceM2: 34,
        rooms: 1,
        askedRentCents: 25_000,
        offeredOn: "2026-08-05",
        status: "withdrawn",
        decidedOn: "2026-09-10",
        reason: "Il proprietario ha venduto l'alloggio (demo)",
      },
    ],
  },
];

export type DemoScheme = {
  name: string;
  kind: SchemeKind;
  terms: string;
  maxCoverCents: number;
  maxMonths: number;
};

export const DEMO_GUARANTEE_SCHEMES: readonly DemoScheme[] = [
  {
    name: "Fondo di garanzia affitti (demo)",
    kind: "rent_guarantee_fund",
    terms:
      "Copre il canone non pagato da un inquilino inserito dal programma, dopo il sollecito del partner e un piano di rientro; liquidazione trimestrale (condizioni fittizie)",
    maxCoverCents: 600_000,
    maxMonths: 12,
  },
  {
    name: "Copertura danni all'alloggio (demo)",
    kind: "damage_cover",
    terms:
      "Copre i danni all'alloggio oltre la normale usura rilevati a fine locazione, rispetto al verbale di consegna (condizioni fittizie)",
    maxCoverCents: 300_000,
    maxMonths: 48,
  },
];
