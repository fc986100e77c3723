// SPDX-License-Identifier: EUPL-1.2
import type { ExitDestination } from "../households/exit.ts";
import { fiscalCodeCheckCharacter } from "../households/fiscal-code.ts";
import {
  type HouseholdFields,
  NEEDS,
  type Need,
  type Person,
  type TargetGroup,
} from "../households/household.schema.ts";
import type { SocialReport } from "../households/household-api.schema.ts";
import type { HouseholdStatus } from "../households/household-status.ts";
import { type Random, seededRandom } from "../shared/random.ts";
import { UNIT_CATEGORIES, type UnitCategory, type UnitCreate } from "../units/unit.schema.ts";
import { DEMO_EMAIL_DOMAIN, DEMO_ORGANISATIONS, DEMO_SEED, demoUnits } from "./demo-programme.ts";

/**
 * The demo households: about 300 plainly fictional nuclei referred by the Comune's social services
 * to the Area B partners, spread over the whole path from referral to exit. Invented family names and
 * the birthplace code X999, which is no municipality, keep every fiscal code valid by its check
 * character yet nobody's.
 */

/** The day the demo programme stands at: every demo event happens on or before it. */
export const DEMO_DATE = "2026-11-22";
/** Birthplace code of every demo fiscal code: not a real municipality or country (those are A001–M999, Z…). */
export const DEMO_BIRTHPLACE = "X999";
export const DEMO_REFERRING_ORGANISATION = "COMUNE-MI";
/**
 * Days a partner has to answer a demo referral: the API's default (`DEFAULT_REFERRAL_DUE_DAYS`, which
 * the tests compare). Not imported: that module's schemas get their OpenAPI names from
 * `@hono/zod-openapi`, which has to load first, and the seed loads before the routes in tests.
 */
export const DEMO_REFERRAL_DUE_DAYS = 15;

// The first referrals come in spring 2025; offers and moves-in wait for the comodato (1 January 2026).
const FIRST_REFERRAL = "2025-03-03";
const FIRST_OFFER = "2026-01-12";

/** Households per stage that do not depend on the units (offered, housed and exiting follow them). */
export const DEMO_STAGE_COUNTS = {
  referredPending: 26,
  /** Of the pending referrals, those past their answer deadline on DEMO_DATE. */
  referredOverdue: 7,
  /** Referred, returned by the partner with a reason: no managing partner until referred again. */
  referredReturned: 6,
  assessed: 20,
  waiting: 45,
  exiting: 16,
  exited: 22,
  suspended: 12,
  withdrawn: 12,
} as const;

/**
 * How the exited households left: where they went, and how many of each left by EARLY_EXIT_BY (their
 * 6-month follow-up falls due by DEMO_DATE; the first homes were let in January 2026, so no 12-month
 * follow-up is due yet). Mostly to a home of their own; abandonment and eviction are the unplanned.
 */
export const DEMO_EXIT_MIX: readonly (readonly [ExitDestination, number, number])[] = [
  ["market_rent", 9, 2],
  ["public_housing", 6, 2],
  ["family", 2, 1],
  ["other_service", 1, 0],
  ["abandonment", 2, 2],
  ["eviction", 2, 1],
];
/** The last day of an early exit. */
export const EARLY_EXIT_BY = "2026-05-15";
const UNPLANNED_EXITS: readonly ExitDestination[] = ["abandonment", "eviction", "death"];

/** How a household left the programme (uscita); it left on the day of its `exited` event. */
export type DemoExit = {
  destination: ExitDestination;
  /** Agreed with the team; abandonment, eviction and death are not. */
  planned: boolean;
};

export type DemoReferral = {
  partnerCode: string;
  referredAt: Date;
  dueAt: Date;
  status: "pending" | "accepted" | "returned";
  answeredAt: Date | null;
  /**
   * Who answered for the partner: its manager, or a colleague who has no demo account (the manager
   * then is not on the household's team); null while pending.
   */
  answeredBy: "manager" | "colleague" | null;
  returnReason: string | null;
  report: SocialReport;
};

/** A status change; `by` says whose worker made it (the referring service or the managing partner). */
export type DemoHouseholdEvent = {
  at: Date;
  from: HouseholdStatus | null;
  to: HouseholdStatus;
  note: string;
  by: "social_services" | "partner";
};

export type DemoHousehold = HouseholdFields & {
  /** `NUC-YYYY-NNNNN`, numbered per year of referral. */
  reference: string;
  managingPartnerCode: string | null;
  referringOrganisationCode: string;
  status: HouseholdStatus;
  suspendedFrom: HouseholdStatus | null;
  /** The unit lived in (housed, exiting) or offered (offered); not stored until allocations exist. */
  unitCode: string | null;
  /** How it left, for the exited; null for the others. */
  exit: DemoExit | null;
  /** Oldest first; the last one's `to` is the status. */
  events: DemoHouseholdEvent[];
  referral: DemoReferral;
};

// ---- dates, as whole days since 1970-01-01 (UTC) -------------------------------------------------

const DAY_MS = 86_400_000;
/** Whole days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
/** The `YYYY-MM-DD` date of a day number. */
export const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The day number of an instant (the UTC day, which is Milan's for the working hours of `instant`). */
export const dayAt = (at: Date) => Math.floor(at.getTime() / DAY_MS);
const END = dayOf(DEMO_DATE);
/** A working-hours instant (08:00–17:00 in Milan, winter time) on a day. */
export const instant = (day: number, random: Random) =>
  new Date(day * DAY_MS + (7 * 60 + random.int(0, 539)) * 60_000);

// ---- names and fiscal codes ------------------------------------------------------------------------

/** Family names that are words, not surnames: nobody is called so. */
export const FAMILY_NAMES = [
  "Fittizi",
  "Inventati",
  "Immaginari",
  "Esempi",
  "Finzioni",
  "Simulati",
  "Ipotetici",
  "Supposti",
  "Campionari",
  "Inesistenti",
  "Dimostrativi",
  "Prototipi",
  "Fantasiosi",
  "Presunti",
  "Verosimili",
  "Sognati",
  "Astratti",
  "Apocrifi",
  "Chimerici",
  "Leggendari",
];
export const GIVEN_NAMES = {
  F: {
    it: ["Giulia", "Anna", "Francesca", "Chiara", "Sara", "Elena", "Martina", "Paola", "Rosa", "Lucia"],
    other: ["Amina", "Fatima", "Ioana", "Maria", "Mei", "Nadia", "Grace", "Olena", "Rania", "Aisha"],
  },
  M: {
    it: ["Marco", "Luca", "Giuseppe", "Andrea", "Paolo", "Matteo", "Stefano", "Franco", "Davide", "Simone"],
    other: ["Omar", "Youssef", "Ion", "Mihai", "Ahmed", "Carlos", "Jose", "Samuel", "Wei", "Karim"],
  },
} as const;

/** Citizenships of the demo households: most Italian, the rest the largest communities in Milan. */
const CITIZENSHIPS: readonly [string, number][] = [
  ["IT", 0.6],
  ["EG", 0.06],
  ["PH", 0.05],
  ["MA", 0.05],
  ["RO", 0.05],
  ["PE", 0.04],
  ["AL", 0.03],
  ["UA", 0.03],
  ["SN", 0.03],
  ["CN", 0.03],
  ["EC", 0.03],
];

type HousingSituation = HouseholdFields["housingSituation"];
type AccessibilityNeed = HouseholdFields["accessibilityNeed"];
type DraftPerson = Omit<Person, "fiscalCode" | "sex"> & { sex: "F" | "M" };

const MONTHS = "ABCDEHLMPRST";
const OMOCODIA = "LMNPQRSTUV";
const VOWELS = "AEIOU";
const letters = (name: string) => name.toUpperCase().replace(/[^A-Z]/g, "");
const consonants = (name: string) => [...letters(name)].filter((c) => !VOWELS.includes(c)).join("");
const vowels = (name: string) => [...letters(name)].filter((c) => VOWELS.includes(c)).join("");

/** The three letters of a family name: its consonants, then its vowels, then X. */
const familyNameCode = (name: string) => `${consonants(name)}${vowels(name)}XXX`.slice(0, 3);

/** The three letters of a given name: 1st, 3rd and 4th consonant when it has four or more. */
function givenNameCode(name: string) {
  const c = consonants(name);
  if (c.length >= 4) return `${c[0]}${c[2]}${c[3]}`;
  return `${c}${vowels(name)}XXX`.slice(0, 3);
}

/**
 * The first 15 characters of a demo fiscal code: name letters, birth year, month and day (+40 for
 * women) as the DM 23/12/1976 sets them, and the birthplace X999, then its check character.
 */
export function demoFiscalCode(person: {
  familyName: string;
  givenName: string;
  birthDate: string;
  sex: "F" | "M";
}): string {
  const [year, month, day] = person.birthDate.split("-").map(Number) as [number, number, number];
  const first15 =
    familyNameCode(person.familyName) +
    givenNameCode(person.givenName) +
    String(year % 100).padStart(2, "0") +
    MONTHS[month - 1] +
    String(day + (person.sex === "F" ? 40 : 0)).padStart(2, "0") +
    DEMO_BIRTHPLACE;
  return first15 + fiscalCodeCheckCharacter(first15);
}

// Omocodia as the Agenzia delle Entrate applies it: replace digits from the right until the code is new.
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6];
function uniqueCode(code: string, taken: Set<string>): string {
  let chars = [...code.slice(0, 15)];
  let candidate = code;
  for (const at of OMOCODIA_POSITIONS) {
    if (!taken.has(candidate)) break;
    chars = chars.map((ch, i) => (i === at ? (OMOCODIA[Number(ch)] as string) : ch));
    candidate = chars.join("") + fiscalCodeCheckCharacter(chars.join(""));
  }
  taken.add(candidate);
  return candidate;
}

// ---- who the households are ------------------------------------------------------------------------

/** Target groups each category serves, by weight (fragilità for those who need support most). */
const GROUPS_BY_CATEGORY: Record<UnitCategory, readonly [TargetGroup, number][]> = {
  calmierato: [
    ["famiglia", 35],
    ["monoparentale", 15],
    ["donna_sola", 15],
    ["uomo_solo", 20],
    ["anziano_solo", 10],
    ["persona_con_disabilita", 5],
  ],
  calmierato_ridotto: [
    ["famiglia", 25],
    ["monoparentale", 25],
    ["anziano_solo", 20],
    ["donna_sola", 10],
    ["uomo_solo", 10],
    ["persona_con_disabilita", 10],
  ],
  fragilita: [
    ["neo_maggiorenni", 25],
    ["monoparentale", 15],
    ["persona_con_disabilita", 20],
    ["anziano_solo", 10],
    ["donna_sola", 15],
    ["uomo_solo", 15],
  ],
};

/** Smallest and largest household of each target group. */
const SIZES: Record<TargetGroup, readonly [number, number]> = {
  neo_maggiorenni: [1, 1],
  famiglia: [2, 5],
  monoparentale: [2, 4],
  anziano_solo: [1, 1],
  persona_con_disabilita: [1, 2],
  donna_sola: [1, 1],
  uomo_solo: [1, 1],
};

/** How many people a unit can house: a studio two, then two per bedroom plus a cot. */
const capacity = (unit: UnitCreate) => (unit.rooms === 1 ? 2 : unit.bedrooms * 2 + 1);

const HOUSING_BY_GROUP: Record<TargetGroup, readonly [HousingSituation, number][]> = {
  neo_maggiorenni: [
    ["shelter", 5],
    ["guest", 3],
    ["other", 2],
  ],
  famiglia: [
    ["eviction", 4],
    ["overcrowded", 3],
    ["unfit_dwelling", 2],
    ["guest", 1],
  ],
  monoparentale: [
    ["eviction", 3],
    ["guest", 2],
    ["shelter", 2],
    ["overcrowded", 2],
    ["unfit_dwelling", 1],
  ],
  anziano_solo: [
    ["eviction", 4],
    ["unfit_dwelling", 4],
    ["guest", 1],
    ["other", 1],
  ],
  persona_con_disabilita: [
    ["unfit_dwelling", 4],
    ["guest", 2],
    ["eviction", 2],
    ["other", 2],
  ],
  donna_sola: [
    ["shelter", 3],
    ["guest", 3],
    ["eviction", 2],
    ["homeless", 1],
  ],
  uomo_solo: [
    ["homeless", 3],
    ["shelter", 2],
    ["guest", 2],
    ["eviction", 2],
  ],
};

/** One of the options, with a chance proportional to its weight. */
export function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [value, w] of options) {
    roll -= w;
    if (roll < 0) return value;
  }
  return (options[options.length - 1] as readonly [T, number])[0];
}

/** Yearly net income in euros by category: the calmierato for those who can pay, fragilità for the poorest. */
const INCOME_EUROS: Record<UnitCategory, readonly [number, number]> = {
  calmierato: [16_000, 32_000],
  calmierato_ridotto: [9_000, 20_000],
  fragilita: [0, 11_000],
};
// The ISEE equivalence scale (DPCM 159/2013) for households of 1 to 5.
const ISEE_SCALE = [1, 1.57, 2.04, 2.46, 2.85];

type Slot = {
  status: HouseholdStatus;
  category: UnitCategory;
  partnerCode: string;
  referral: "pending" | "overdue" | "returned" | "accepted";
  unit: UnitCreate | null;
  exit: (DemoExit & { early: boolean }) | null;
};

function birthDateAt(random: Random, referralDay: number, minAge: number, maxAge: number) {
  // An age in whole years at the referral, then a day within that year of age.
  const age = random.int(minAge, maxAge);
  return isoOf(referralDay - Math.floor((age + random.next()) * 365.25) - 1);
}

/** Age of the head at the referral, in whole years. */
const HEAD_AGES: Record<TargetGroup, readonly [number, number]> = {
  neo_maggiorenni: [18, 20],
  famiglia: [24, 52],
  monoparentale: [24, 52],
  anziano_solo: [66, 89],
  persona_con_disabilita: [19, 64],
  donna_sola: [24, 62],
  uomo_solo: [24, 62],
};

function headSexOf(group: TargetGroup, random: Random): "F" | "M" {
  switch (group) {
    case "donna_sola":
      return "F";
    case "uomo_solo":
      return "M";
    case "monoparentale":
      // Most single parents who turn to the social services are mothers.
      return random.next() < 0.85 ? "F" : "M";
    default:
      return random.next() < 0.5 ? "F" : "M";
  }
}

function members(random: Random, group: TargetGroup, size: number, referralDay: number, citizenship: string) {
  const namesFrom = () => (citizenship === "IT" || random.next() < 0.15 ? "it" : "other");
  const familyName = random.pick(FAMILY_NAMES);
  const person = (
    sex: "F" | "M",
    relationship: Person["relationship"],
    birthDate: string,
    family = familyName,
  ): DraftPerson => ({
    givenName: random.pick(GIVEN_NAMES[sex][namesFrom()]),
    familyName: family,
    birthDate,
    sex,
    citizenship,
    relationship,
  });
  const out: DraftPerson[] = [];
  const headSex = headSexOf(group, random);
  const headAge = HEAD_AGES[group];
  const headBirth = birthDateAt(random, referralDay, headAge[0], headAge[1]);
  out.push(person(headSex, "head", headBirth));
  const headYears = Math.floor((referralDay - dayOf(headBirth)) / 365.25);
  let left = size - 1;
  if (group === "famiglia" && left > 0) {
    const partnerSex = headSex === "F" ? "M" : "F";
    out.push(
      person(
        partnerSex,
        "partner",
        birthDateAt(random, referralDay, Math.max(20, headYears - 6), headYears + 6),
        random.pick(FAMILY_NAMES),
      ),
    );
    left--;
  }
  if (group === "persona_con_disabilita" && left > 0) {
    // A parent who cares for an adult son or daughter, or a sibling.
    const parent = headYears < 45 && random.next() < 0.7;
    out.push(
      person(
        random.next() < 0.6 ? "F" : "M",
        parent ? "parent" : "sibling",
        parent
          ? birthDateAt(random, referralDay, headYears + 22, headYears + 35)
          : birthDateAt(random, referralDay, Math.max(18, headYears - 8), headYears + 8),
      ),
    );
    left--;
  }
  const children: DraftPerson[] = [];
  for (; left > 0; left--) {
    const childAge = Math.max(0, Math.min(17, headYears - 19));
    children.push(
      person(random.next() < 0.5 ? "F" : "M", "child", birthDateAt(random, referralDay, 0, childAge)),
    );
  }
  // The eldest child first, as a family sheet lists them.
  return [...out, ...children.sort((a, b) => a.birthDate.localeCompare(b.birthDate))];
}

// ---- the path ------------------------------------------------------------------------------------

/** The statuses a household went through to reach its status, detours included. */
function pathTo(status: HouseholdStatus, random: Random): HouseholdStatus[] {
  const maybe = (p: number, detour: HouseholdStatus[]) => (random.next() < p ? detour : []);
  const toWaiting = (): HouseholdStatus[] => [
    "referred",
    "assessed",
    "waiting",
    ...maybe(0.12, ["suspended", "waiting"]),
  ];
  const toOffered = (): HouseholdStatus[] => [
    ...toWaiting(),
    ...maybe(0.15, ["offered", "waiting"]),
    "offered",
  ];
  switch (status) {
    case "referred":
      return ["referred"];
    case "assessed":
      return ["referred", "assessed", ...maybe(0.1, ["suspended", "assessed"])];
    case "waiting":
      return toWaiting();
    case "offered":
      return toOffered();
    case "housed":
      return [...toOffered(), "housed", ...maybe(0.06, ["exiting", "housed"])];
    case "exiting":
      return [...toOffered(), "housed", "exiting"];
    case "exited":
      return [...toOffered(), "housed", "exiting", "exited"];
    case "suspended":
      return random.next() < 0.4 ? ["referred", "assessed", "suspended"] : [...toWaiting(), "suspended"];
    case "withdrawn":
      return [
        ...random.pick<HouseholdStatus[]>([
          ["referred", "assessed"],
          toWaiting(),
          toWaiting(),
          toOffered(),
          [...toWaiting(), "suspended"],
        ]),
        "withdrawn",
      ];
  }
}

/** Days housed before the exit starts, and from its start to the move-out, by where the household goes. */
const EXIT_STAYS: Record<
  ExitDestination,
  { housed: readonly [number, number]; exiting: readonly [number, number] }
> = {
  market_rent: { housed: [60, 220], exiting: [15, 60] },
  public_housing: { housed: [30, 200], exiting: [10, 40] },
  family: { housed: [30, 150], exiting: [10, 30] },
  other_service: { housed: [45, 180], exiting: [15, 45] },
  abandonment: { housed: [20, 90], exiting: [5, 20] },
  eviction: { housed: [60, 150], exiting: [20, 45] },
  death: { housed: [30, 200], exiting: [1, 10] },
};

/** Days between two statuses of a path, as they go in practice. */
function gapDays(from: HouseholdStatus, to: HouseholdStatus, random: Random, exit: DemoExit | null): number {
  if (exit !== null && from === "housed" && to === "exiting")
    return random.int(...EXIT_STAYS[exit.destination].housed);
  if (exit !== null && from === "exiting" && to === "exited")
    return random.int(...EXIT_STAYS[exit.destination].exiting);
  if (to === "withdrawn") return random.int(5, 90);
  if (to === "suspended") return random.int(5, 60);
  if (from === "suspended") return random.int(20, 90);
  switch (`${from}>${to}`) {
    case "referred>assessed":
      return random.int(10, 45);
    case "assessed>waiting":
      return random.int(3, 25);
    case "waiting>offered":
      return random.int(20, 150);
    case "offered>housed":
      return random.int(7, 30);
    case "offered>waiting":
      return random.int(5, 15);
    case "housed>exiting":
      return random.int(60, 220);
    case "exiting>exited":
      return random.int(15, 60);
    case "exiting>housed":
      return random.int(10, 40);
    default:
      return random.int(5, 30);
  }
}

/** How long a household may have stood in its current status on DEMO_DATE. */
const MAX_CURRENT_STAY: Partial<Record<HouseholdStatus, number>> = {
  assessed: 30,
  offered: 20,
  exiting: 75,
  suspended: 150,
};

/** Days of each status change after the referral, and the day of the referral. */
function datePath(path: HouseholdStatus[], random: Random, referralDay: number | null, exit: Slot["exit"]) {
  const firstOffer = path.indexOf("offered");
  const gapsOf = () =>
    path.map((s, i) => (i === 0 ? 0 : gapDays(path[i - 1] as HouseholdStatus, s, random, exit)));
  const lastDay = exit?.early ? dayOf(EARLY_EXIT_BY) : END;
  let gaps = gapsOf();
  for (let attempt = 0; ; attempt++) {
    const offsets: number[] = [];
    for (const g of gaps) offsets.push((offsets[offsets.length - 1] ?? 0) + g);
    const total = offsets[offsets.length - 1] as number;
    const stay = MAX_CURRENT_STAY[path[path.length - 1] as HouseholdStatus];
    const lo = Math.max(
      dayOf(FIRST_REFERRAL),
      firstOffer < 0 ? Number.NEGATIVE_INFINITY : dayOf(FIRST_OFFER) - (offsets[firstOffer] as number),
      stay === undefined ? Number.NEGATIVE_INFINITY : END - total - stay,
    );
    const hi = lastDay - total;
    if (referralDay !== null && total === 0) return { start: referralDay, offsets };
    if (lo <= hi) return { start: random.int(lo, hi), offsets };
    // Too long to fit between the first offers and DEMO_DATE: draw again, then shorten every stay.
    gaps =
      attempt < 20
        ? gapsOf()
        : gaps.map((g, i) => (i === 0 ? 0 : Math.max(i === 1 ? 7 : 1, Math.floor(g * 0.8))));
  }
}

const EVENT_NOTES: Record<HouseholdStatus, readonly string[]> = {
  referred: ["Invio dei servizi sociali territoriali"],
  assessed: ["Colloquio di valutazione con il nucleo completato", "Valutazione multidisciplinare completata"],
  waiting: ["In attesa di abbinamento", "Inserito nella lista per l'abbinamento"],
  offered: ["Proposta di alloggio"],
  housed: ["Ingresso in alloggio"],
  exiting: [
    "Avviato il percorso di uscita verso l'autonomia abitativa",
    "Raggiunti gli obiettivi del progetto: preparazione all'uscita",
  ],
  exited: [
    "Uscita verso una locazione sul mercato privato",
    "Uscita per assegnazione di alloggio SAP",
    "Uscita verso una soluzione abitativa autonoma",
  ],
  suspended: [
    "Sospeso: ricovero ospedaliero",
    "Sospeso: trasferimento temporaneo fuori Milano",
    "Sospeso su richiesta del nucleo",
    "Sospeso: documentazione da integrare",
  ],
  withdrawn: [
    "Ritirato: il nucleo ha trovato una soluzione autonoma",
    "Ritirato su richiesta del nucleo",
    "Ritirato: il nucleo non è più reperibile",
  ],
};
/** The notes of the exit's start and end, by where the household goes. */
const EXIT_NOTES: Record<ExitDestination, { exiting: string; exited: string }> = {
  market_rent: {
    exiting: "Avviato il percorso di uscita verso l'autonomia abitativa",
    exited: "Uscita verso una locazione sul mercato privato",
  },
  public_housing: {
    exiting: "Assegnato un alloggio SAP: preparazione all'uscita",
    exited: "Uscita per assegnazione di alloggio SAP",
  },
  family: {
    exiting: "Il nucleo torna a vivere con la famiglia: preparazione all'uscita",
    exited: "Uscita: il nucleo vive ora con la famiglia",
  },
  other_service: {
    exiting: "Concordato il passaggio a un servizio residenziale più adatto",
    exited: "Uscita verso un servizio residenziale",
  },
  abandonment: {
    exiting: "Il nucleo non si presenta più ai colloqui: avviata la verifica",
    exited: "Uscita non concordata: il nucleo ha lasciato l'alloggio",
  },
  eviction: {
    exiting: "Avviata la risoluzione del contratto di ospitalità per gravi inadempienze",
    exited: "Uscita per risoluzione del contratto di ospitalità",
  },
  death: { exiting: "Ricovero prolungato", exited: "Uscita per decesso" },
};
const REFUSED_OFFER_NOTES = [
  "Proposta rifiutata: alloggio lontano dalla scuola dei figli",
  "Proposta rifiutata: piano alto senza ascensore",
  "Proposta rifiutata: lontano dal luogo di lavoro",
];
const RETURN_REASONS = [
  "Il nucleo non rientra nei requisiti di accesso della tipologia indicata: reinviare a un altro ambito",
  "Reddito superiore alla soglia della tipologia indicata",
  "Nessun alloggio accessibile adatto al nucleo nell'ambito dell'ente",
  "Relazione sociale incompleta: mancano i servizi coinvolti",
  "Il nucleo risulta già seguito da un altro progetto di accoglienza",
];

// ---- the referral's social report ----------------------------------------------------------------

const SITUATIONS: Record<HousingSituation, string> = {
  homeless: "senza dimora, accolto saltuariamente in strutture a bassa soglia",
  shelter: "ospite di una struttura di accoglienza temporanea",
  guest: "ospite presso conoscenti, in una sistemazione precaria",
  eviction: "sotto sfratto esecutivo per morosità incolpevole",
  overcrowded: "in un alloggio sovraffollato",
  unfit_dwelling: "in un alloggio inadeguato (umidità, impianti non a norma, barriere)",
  other: "in uscita da una comunità, con una soluzione abitativa da definire",
};
const REASONS: Record<TargetGroup, string> = {
  neo_maggiorenni:
    "Neo maggiorenne in uscita dalla comunità per minori: percorso di autonomia avviato, serve una casa per consolidarlo",
  famiglia:
    "Reddito insufficiente per il mercato privato, non ancora raggiunto dall'edilizia residenziale pubblica",
  monoparentale: "Genitore solo con figli minori: il canone di mercato supera la metà del reddito del nucleo",
  anziano_solo: "Persona anziana sola, con una rete familiare debole e un alloggio non più adatto",
  persona_con_disabilita:
    "Persona con disabilità: serve un alloggio senza barriere e un accompagnamento verso l'autonomia",
  donna_sola: "Donna sola in uscita da un percorso di accoglienza, con un lavoro da consolidare",
  uomo_solo: "Uomo solo con un'occupazione recente, senza una soluzione abitativa stabile",
};

function report(random: Random, h: HouseholdFields): SocialReport {
  const municipio = random.int(1, 9);
  const services = [`Servizio sociale territoriale, Municipio ${municipio}`];
  if (h.targetGroup === "neo_maggiorenni") services.push("Servizio minori e famiglie");
  if (h.needs.includes("physical_disability")) services.push("Servizio disabili");
  if (h.needs.includes("psychological_distress")) services.push("Centro psico-sociale (CPS)");
  if (h.needs.includes("migrant_background")) services.push("Servizio per l'inclusione dei migranti");
  if (h.housingSituation === "homeless") services.push("Servizio grave emarginazione");
  const who = h.members.length === 1 ? "Persona sola" : `Nucleo di ${h.members.length} persone`;
  const urgent =
    (h.housingSituation === "homeless" || h.housingSituation === "eviction") && random.next() < 0.6;
  return {
    situation: `${who} ${SITUATIONS[h.housingSituation]}`,
    reasons: REASONS[h.targetGroup],
    servicesInvolved: services.join("; "),
    urgency: urgent ? "urgent" : "ordinary",
  };
}

// ---- one household -------------------------------------------------------------------------------

const chance = (random: Random, p: number) => random.next() < p;

function household(random: Random, slot: Slot, taken: Set<string>) {
  const { category, unit } = slot;
  // A household in (or offered) a unit fits it: its size, and its access needs by the unit's features.
  const groups = GROUPS_BY_CATEGORY[category].filter(
    ([g]) =>
      unit === null || (SIZES[g][0] <= capacity(unit) && (g !== "persona_con_disabilita" || unit.stepFree)),
  );
  const targetGroup = weighted(random, groups);
  const [minSize, maxSize] = SIZES[targetGroup];
  const size = random.int(minSize, unit === null ? maxSize : Math.min(maxSize, capacity(unit)));

  // The path first: the referral day sets the ages.
  const path = pathTo(slot.status, random);
  let referralDay: number | null = null;
  if (slot.referral === "overdue") referralDay = END - random.int(DEMO_REFERRAL_DUE_DAYS + 1, 45);
  if (slot.referral === "pending") referralDay = END - random.int(0, DEMO_REFERRAL_DUE_DAYS - 1);
  if (slot.referral === "returned") referralDay = END - random.int(20, 200);
  const { start, offsets } = datePath(path, random, referralDay, slot.exit);

  // One citizenship for the whole household: children born in Italy to foreign parents become
  // Italian only at 18, so they keep their parents'.
  const citizenship = weighted(random, CITIZENSHIPS);
  const people = members(random, targetGroup, size, start, citizenship).map((m) => ({
    ...m,
    fiscalCode: uniqueCode(demoFiscalCode(m), taken),
  }));

  const fragile = category === "fragilita";
  const needSet = new Set<Need>();
  if (chance(random, fragile ? 0.9 : category === "calmierato_ridotto" ? 0.7 : 0.4))
    needSet.add("economic_fragility");
  if (targetGroup === "neo_maggiorenni" ? chance(random, 0.9) : chance(random, fragile ? 0.55 : 0.15))
    needSet.add("social_fragility");
  if (chance(random, fragile ? 0.3 : 0.1)) needSet.add("psychological_distress");
  if (
    targetGroup === "persona_con_disabilita"
      ? chance(random, 0.85)
      : chance(random, targetGroup === "anziano_solo" ? 0.25 : 0.03)
  )
    needSet.add("physical_disability");
  if (citizenship !== "IT" && chance(random, 0.85)) needSet.add("migrant_background");
  const needs = NEEDS.filter((n) => needSet.has(n));

  let accessibilityNeed: AccessibilityNeed = "none";
  if (needSet.has("physical_disability"))
    accessibilityNeed = chance(random, 0.45) ? "wheelchair" : "step_free";
  else if (targetGroup === "anziano_solo" && chance(random, 0.3)) accessibilityNeed = "step_free";
  if (unit !== null && accessibilityNeed === "wheelchair" && !unit.wheelchairAdapted)
    accessibilityNeed = "step_free";
  if (unit !== null && accessibilityNeed === "step_free" && !unit.stepFree) accessibilityNeed = "none";

  const [incomeLow, incomeHigh] = INCOME_EUROS[category];
  const incomeEuros =
    random.int(incomeLow, incomeHigh) + 2_000 * (size - 1) * (category === "fragilita" ? 0.5 : 1);
  const incomeCents = chance(random, 0.05) ? null : Math.round(incomeEuros) * 100;
  const hasIsee = chance(random, 0.9);
  const iseeEuros = Math.round((incomeEuros * (0.55 + random.next() * 0.35)) / (ISEE_SCALE[size - 1] ?? 3));
  const iseeCents = hasIsee ? iseeEuros * 100 : null;
  const iseeDate = hasIsee ? isoOf(start - random.int(5, 200)) : null;

  const fields: HouseholdFields = {
    targetGroup,
    category,
    needs,
    accessibilityNeed,
    priority: {
      knownToSocialServices: chance(random, fragile ? 0.98 : 0.8),
      completedPreviousPath: chance(random, targetGroup === "neo_maggiorenni" ? 0.7 : 0.25),
      prospectOfAutonomy: chance(random, category === "calmierato" ? 0.7 : fragile ? 0.3 : 0.5),
      ableToCoPay: chance(random, category === "calmierato" ? 0.9 : fragile ? 0.35 : 0.7),
      difficultyAccessingPublicHousing: chance(random, 0.6),
    },
    housingSituation: weighted(random, HOUSING_BY_GROUP[targetGroup]),
    phone: "",
    email: "",
    incomeCents,
    iseeCents,
    iseeDate,
    members: people,
  };

  const events: DemoHouseholdEvent[] = path.map((to, i) => {
    const from = i === 0 ? null : (path[i - 1] as HouseholdStatus);
    const day = start + (offsets[i] as number);
    // The unit goes with the offer that led (or may lead) to it, and with the move-in.
    const isLastOffer = to === "offered" && !path.slice(i + 1).includes("offered");
    const isFirstHousing = to === "housed" && !path.slice(0, i).includes("housed");
    let note = random.pick(EVENT_NOTES[to]);
    if (from === "offered" && to === "waiting") note = random.pick(REFUSED_OFFER_NOTES);
    else if (from === "suspended" && to !== "withdrawn") note = "Ripresa del percorso";
    else if (from === "exiting" && to === "housed")
      note = "Uscita rinviata: il contratto di lavoro non è stato rinnovato";
    else if (unit !== null && (isLastOffer || isFirstHousing)) note = `${note} ${unit.code}`;
    else if (slot.exit !== null && (to === "exiting" || to === "exited"))
      note = EXIT_NOTES[slot.exit.destination][to];
    return { at: instant(day, random), from, to, note, by: i === 0 ? "social_services" : "partner" };
  });

  const referredAt = (events[0] as DemoHouseholdEvent).at;
  const dueDay = start + DEMO_REFERRAL_DUE_DAYS;
  let answeredAt: Date | null = null;
  if (slot.referral === "accepted") {
    // Accepted within the deadline and before the assessment.
    const nextDay = start + (offsets[1] as number);
    answeredAt = instant(
      start + random.int(1, Math.min(DEMO_REFERRAL_DUE_DAYS - 1, nextDay - start - 1)),
      random,
    );
  }
  if (slot.referral === "returned")
    answeredAt = instant(Math.min(END, start + random.int(2, DEMO_REFERRAL_DUE_DAYS - 1)), random);
  const referral: DemoReferral = {
    partnerCode: slot.partnerCode,
    referredAt,
    dueAt: new Date(referredAt.getTime() + (dueDay - start) * DAY_MS),
    status: slot.referral === "accepted" ? "accepted" : slot.referral === "returned" ? "returned" : "pending",
    answeredAt,
    answeredBy: answeredAt === null ? null : "manager",
    returnReason: slot.referral === "returned" ? random.pick(RETURN_REASONS) : null,
    report: report(random, fields),
  };

  const last = path.length - 1;
  return {
    ...fields,
    managingPartnerCode: slot.referral === "returned" ? null : slot.partnerCode,
    referringOrganisationCode: DEMO_REFERRING_ORGANISATION,
    status: slot.status,
    suspendedFrom: slot.status === "suspended" ? (path[last - 1] as HouseholdStatus) : null,
    unitCode:
      slot.status === "offered" || slot.status === "housed" || slot.status === "exiting"
        ? (unit?.code ?? null)
        : null,
    exit: slot.exit === null ? null : { destination: slot.exit.destination, planned: slot.exit.planned },
    events,
    referral,
    wantsEmail: chance(random, 0.45),
  };
}

// ---- the programme -------------------------------------------------------------------------------

const MANAGERS: Record<UnitCategory, readonly string[]> = Object.fromEntries(
  UNIT_CATEGORIES.map((c) => [
    c,
    DEMO_ORGANISATIONS.filter((o) => o.categories.includes(c)).map((o) => o.code),
  ]),
) as Record<UnitCategory, string[]>;

// Households not yet (or no longer) in a unit: the categories in the programme's mix.
const CATEGORY_WEIGHTS: readonly [UnitCategory, number][] = [
  ["calmierato", 39],
  ["calmierato_ridotto", 26],
  ["fragilita", 35],
];

/**
 * The demo households, consistent with the demo units of the same seed: every `let` unit houses
 * one household of its partner and category (housed or, for some, exiting), every `offered` unit is
 * offered to one household waiting for it; the other stages have the counts of DEMO_STAGE_COUNTS.
 */
export function demoHouseholds(
  seed = DEMO_SEED,
  units: readonly UnitCreate[] = demoUnits(seed),
): DemoHousehold[] {
  // A stream of its own, so adding households never changes the units.
  const random = seededRandom((seed ^ 0x5eed_cafe) >>> 0);
  const unitSlot = (unit: UnitCreate, status: HouseholdStatus): Slot => ({
    status,
    category: unit.category,
    partnerCode: unit.managingPartnerCode as string,
    referral: "accepted",
    unit,
    exit: null,
  });
  const freeSlot = (status: HouseholdStatus, referral: Slot["referral"] = "accepted"): Slot => {
    const category = weighted(random, CATEGORY_WEIGHTS);
    return {
      status,
      category,
      partnerCode: random.pick(MANAGERS[category]),
      referral,
      unit: null,
      exit: null,
    };
  };
  // Streams of their own, so these choices never move the households' draws.
  const exits = seededRandom((seed ^ 0x0e71_7e75) >>> 0).shuffle(
    DEMO_EXIT_MIX.flatMap(([destination, n, early]) =>
      Array.from({ length: n }, (_, i) => ({
        destination,
        planned: !UNPLANNED_EXITS.includes(destination),
        early: i < early,
      })),
    ),
  );
  const answers = seededRandom((seed ^ 0x0a05_3e2d) >>> 0);
  const times = (n: number, make: () => Slot) => Array.from({ length: n }, make);

  const letUnits = random.shuffle(units.filter((u) => u.status === "let" && u.managingPartnerCode !== null));
  const offeredUnits = units.filter((u) => u.status === "offered" && u.managingPartnerCode !== null);
  const c = DEMO_STAGE_COUNTS;
  const slots: Slot[] = [
    ...letUnits.map((u, i) => unitSlot(u, i < c.exiting ? "exiting" : "housed")),
    ...offeredUnits.map((u) => unitSlot(u, "offered")),
    ...times(c.referredPending - c.referredOverdue, () => freeSlot("referred", "pending")),
    ...times(c.referredOverdue, () => freeSlot("referred", "overdue")),
    ...times(c.referredReturned, () => freeSlot("referred", "returned")),
    ...times(c.assessed, () => freeSlot("assessed")),
    ...times(c.waiting, () => freeSlot("waiting")),
    ...exits.slice(0, c.exited).map((exit) => ({ ...freeSlot("exited"), exit })),
    ...times(c.suspended, () => freeSlot("suspended")),
    ...times(c.withdrawn, () => freeSlot("withdrawn")),
  ];
  const taken = new Set<string>();
  const made = slots.map((slot) => household(random, slot, taken));

  // References in the order of referral, numbered within each year.
  made.sort((a, b) => a.referral.referredAt.getTime() - b.referral.referredAt.getTime());
  const perYear = new Map<number, number>();
  return made.map(({ wantsEmail, ...h }) => {
    const year = h.referral.referredAt.getUTCFullYear();
    const serial = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, serial);
    const reference = `NUC-${year}-${String(serial).padStart(5, "0")}`;
    // Most referrals the manager accepts; some a colleague does, who has no demo account.
    const answeredBy =
      h.referral.status === "accepted" && answers.next() < 0.35 ? "colleague" : h.referral.answeredBy;
    return {
      ...h,
      reference,
      email: wantsEmail ? `${reference.toLowerCase()}@${DEMO_EMAIL_DOMAIN}` : "",
      referral: { ...h.referral, answeredBy },
    };
  });
}
