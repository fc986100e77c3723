// SPDX-License-Identifier: EUPL-1.2
import type { ConsentPurpose } from "../households/consent.schema.ts";
import type { DocumentKind } from "../households/document.schema.ts";
import {
  type ExitDestination,
  type FollowUpMonths,
  type FollowUpSituation,
  followUpDueDates,
} from "../households/exit.ts";
import type { HouseholdStatus } from "../households/household-status.ts";
import { type Random, seededRandom } from "../shared/random.ts";
import type { InterventionType } from "../support-plans/intervention.schema.ts";
import type {
  ActionStatus,
  AutonomyAssessment,
  PlanAction,
  PlanDomain,
  PlanGoal,
  PlanIntensity,
  PlanSignatures,
  TeamMember,
  TeamRole,
} from "../support-plans/support-plan.schema.ts";
import { addMonths, nextReviewDate } from "../support-plans/support-plan-review.ts";
import {
  DEMO_DATE,
  type DemoHousehold,
  dayAt,
  dayOf,
  demoHouseholds,
  FAMILY_NAMES,
  GIVEN_NAMES,
  instant,
  isoOf,
  weighted,
} from "./demo-households.ts";
import { DEMO_ORGANISATIONS, DEMO_SEED } from "./demo-programme.ts";

/**
 * The care records of the demo households: support plans with their reviews and interventions,
 * exits with their follow-ups, consents and documents (records only, no files). Plainly fictional
 * like the households: staff with the invented names, notes marked "dati di prova", document numbers
 * "DEMO…". Everything happens on or before DEMO_DATE and agrees with each household's status history.
 */

/** The demo accounts that teams name: the seed puts their account ids in the team. */
export type DemoAccount = "area_b_educator" | "comune_social_worker";

/** A team member; `account` names a demo account, whose id the seed stores as `userId`. */
export type DemoTeamMember = Omit<TeamMember, "userId"> & { account: DemoAccount | null };

/** A review (verifica); `by` is the demo account that recorded it, if any. */
export type DemoReview = {
  date: string;
  notes: string;
  autonomy: AutonomyAssessment;
  by: DemoAccount | null;
};

/** An intervention; `by` recorded it (a demo account) or `staffName` did it. */
export type DemoIntervention = {
  date: string;
  minutes: number;
  type: InterventionType;
  staffName: string;
  note: string;
  by: DemoAccount | null;
};

export type DemoPlan = {
  householdReference: string;
  /** Closed when the household exited. */
  status: "active" | "closed";
  startDate: string;
  intensity: PlanIntensity;
  reviewEveryMonths: number;
  team: DemoTeamMember[];
  goals: PlanGoal[];
  signatures: PlanSignatures;
  /** nextReviewDate() of the plan and its latest review. */
  nextReviewDate: string;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first; the first is the initial assessment on the start date. */
  reviews: DemoReview[];
  /** Oldest first. */
  interventions: DemoIntervention[];
};

export type DemoFollowUp = {
  months: FollowUpMonths;
  dueDate: string;
  contactedOn: string | null;
  situation: FollowUpSituation | null;
  note: string;
  recordedAt: Date | null;
};

/** An exit (uscita); recorded by the managing partner, like the household's status changes. */
export type DemoExitRecord = {
  householdReference: string;
  date: string;
  planned: boolean;
  destination: ExitDestination;
  note: string;
  createdAt: Date;
  followUps: DemoFollowUp[];
};

/** A consent, given at the referral and recorded by the referring social worker. */
export type DemoConsent = {
  householdReference: string;
  purpose: ConsentPurpose;
  givenOn: string;
  recordedAt: Date;
  withdrawnOn: string | null;
  withdrawnAt: Date | null;
  note: string;
};

/** A document record without a file, uploaded with the referral by the referring social worker. */
export type DemoDocument = {
  householdReference: string;
  kind: DocumentKind;
  title: string;
  number: string;
  issuedOn: string | null;
  expiresOn: string | null;
  /** Attached to the household's referral (the social report). */
  ofReferral: boolean;
  uploadedAt: Date;
};

export type DemoCare = {
  plans: DemoPlan[];
  exits: DemoExitRecord[];
  consents: DemoConsent[];
  documents: DemoDocument[];
};

/** What the demo care records add up to; the tests and the README hold these. */
export const DEMO_CARE_COUNTS = {
  /** Active plans of ETS-B1 whose educator is the demo educator (her caseload), and closed ones. */
  educatorActivePlans: 20,
  educatorClosedPlans: 2,
  /** Active plans that name the demo social worker with her account. */
  socialWorkerPlans: 6,
  /** Households that withdrew consent to special categories, and to processing. */
  specialCategoriesWithdrawn: 2,
  processingWithdrawn: 1,
  /** Heads whose identity document expires within 30 days of DEMO_DATE. */
  identityExpiringSoon: 6,
  /** Follow-ups past due and not yet recorded. */
  followUpsOverdue: 2,
} as const;

const END = dayOf(DEMO_DATE);
const TEST_DATA = "(dati di prova)";
const COMUNE_NAME = "Comune di Milano (demo)";
const EDUCATOR_NAME = "Educatrice Demo";
const SOCIAL_WORKER_NAME = "Assistente Sociale Demo";
const STAGES_PAST_ASSESSED: readonly HouseholdStatus[] = [
  "waiting",
  "offered",
  "housed",
  "exiting",
  "exited",
];

const organisationName = (code: string) => DEMO_ORGANISATIONS.find((o) => o.code === code)?.name ?? code;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const firstDayOf = (h: DemoHousehold, status: HouseholdStatus) => {
  const event = h.events.find((e) => e.to === status);
  return event === undefined ? null : dayAt(event.at);
};
const exitDayOf = (h: DemoHousehold) => (h.status === "exited" ? firstDayOf(h, "exited") : null);

const staffName = (random: Random) => {
  const sex = random.next() < 0.6 ? "F" : "M";
  return `${random.pick(GIVEN_NAMES[sex].it)} ${random.pick(FAMILY_NAMES)}`;
};

// ---- who gets a plan ------------------------------------------------------------------------------

/**
 * Households a partner accepted that went past the assessment (or were suspended from there) have a
 * plan; of those only assessed, about half (assessed at least a week before DEMO_DATE).
 */
function planCandidates(households: readonly DemoHousehold[], random: Random) {
  return households.filter((h) => {
    if (h.referral.status !== "accepted" || h.managingPartnerCode === null) return false;
    const stage = h.status === "suspended" ? h.suspendedFrom : h.status;
    if (stage !== null && STAGES_PAST_ASSESSED.includes(stage)) return true;
    if (stage !== "assessed") return false;
    const assessed = firstDayOf(h, "assessed");
    return assessed !== null && assessed <= END - 7 && random.next() < 0.5;
  });
}

// ---- goals and actions ----------------------------------------------------------------------------

const GOALS: Record<PlanDomain, readonly string[]> = {
  housing: [
    "Mantenere l'alloggio rispettando il contratto di ospitalità",
    "Prepararsi all'uscita verso una casa in autonomia",
    "Curare l'alloggio e i rapporti con il vicinato",
  ],
  work: [
    "Trovare un'occupazione stabile",
    "Consolidare il lavoro attuale",
    "Completare un corso di formazione professionale",
  ],
  health: ["Seguire con continuità le cure in corso", "Riprendere i contatti con il medico di base"],
  relationships: [
    "Rafforzare la rete di relazioni nel quartiere",
    "Sostenere i figli nel percorso scolastico",
  ],
  money_management: [
    "Gestire il bilancio familiare e pagare con regolarità il canone",
    "Rientrare dai debiti pregressi con un piano sostenibile",
  ],
  administrative: [
    "Rinnovare i documenti in scadenza",
    "Ottenere la residenza anagrafica e il medico di base",
    "Presentare la domanda per l'edilizia residenziale pubblica",
  ],
};
const ACTIONS: Record<PlanDomain, readonly string[]> = {
  housing: [
    "Visita domiciliare mensile con l'educatore",
    "Incontro con l'amministratore del condominio",
    "Ricerca di annunci di affitto a canone concordato",
    "Preparare i documenti per la domanda di locazione",
  ],
  work: [
    "Aggiornare il curriculum",
    "Iscrizione al centro per l'impiego",
    "Colloquio con l'operatore per l'inserimento lavorativo",
    "Partecipare al corso di formazione",
  ],
  health: [
    "Prenotare la visita di controllo",
    "Accompagnamento al servizio specialistico",
    "Verificare l'esenzione dal ticket",
  ],
  relationships: [
    "Partecipare alle attività del centro di quartiere",
    "Incontro con gli insegnanti dei figli",
    "Iscrizione a un'attività sportiva o culturale",
  ],
  money_management: [
    "Compilare il bilancio familiare mensile",
    "Attivare la domiciliazione del canone",
    "Incontro con l'educatore finanziario",
    "Richiedere l'assegno unico e le agevolazioni sulle utenze",
  ],
  administrative: [
    "Appuntamento all'anagrafe",
    "Rinnovo del documento d'identità",
    "Rinnovo del permesso di soggiorno",
    "Aggiornare l'attestazione ISEE",
  ],
};

/** The domains a household's goals are in: housing always, then what its needs suggest. */
function goalDomains(h: DemoHousehold, random: Random): PlanDomain[] {
  const headAge = (END - dayOf(h.members[0]?.birthDate ?? DEMO_DATE)) / 365.25;
  const suggested: PlanDomain[] = [];
  if (h.needs.includes("economic_fragility") || random.next() < 0.3) suggested.push("money_management");
  if (h.targetGroup === "neo_maggiorenni" || (headAge < 65 && random.next() < 0.7)) suggested.push("work");
  if (h.needs.includes("psychological_distress") || h.needs.includes("physical_disability"))
    suggested.push("health");
  if (h.needs.includes("social_fragility") || h.targetGroup === "monoparentale")
    suggested.push("relationships");
  if (h.needs.includes("migrant_background") || random.next() < 0.2) suggested.push("administrative");
  const others = (["health", "relationships", "administrative", "money_management", "work"] as const).filter(
    (d) => !suggested.includes(d),
  );
  const count = random.int(2, 5);
  return ["housing", ...random.shuffle(suggested), ...random.shuffle(others)].slice(0, count) as PlanDomain[];
}

function actionsFor(
  domain: PlanDomain,
  random: Random,
  plan: { start: number; end: number; closed: boolean; owners: readonly string[] },
): PlanAction[] {
  const descriptions = random.shuffle(ACTIONS[domain]).slice(0, random.int(1, 3));
  return descriptions.map((description) => {
    const due = plan.start + random.int(20, 270);
    let status: ActionStatus;
    if (plan.closed) status = random.next() < 0.8 ? "done" : "dropped";
    else if (due >= END) status = random.next() < 0.8 ? "open" : "done";
    // Past due: most done; some still open, mostly the recently due ones.
    else if (random.next() < (due >= END - 60 ? 0.3 : 0.04)) status = "open";
    else status = random.next() < 0.9 ? "done" : "dropped";
    return { description, owner: random.pick(plan.owners), dueDate: isoOf(due), status };
  });
}

// ---- the team -------------------------------------------------------------------------------------

/** Roles that may join the educator and the social worker, by what the household needs. */
function extraRoles(h: DemoHousehold, domains: readonly PlanDomain[]): [TeamRole, number][] {
  return [
    ["psychologist", h.needs.includes("psychological_distress") ? 4 : 1],
    ["mediator", h.needs.includes("migrant_background") ? 4 : 0],
    ["financial_educator", domains.includes("money_management") ? 3 : 1],
    ["job_placement_worker", domains.includes("work") ? 3 : 0],
    ["legal_adviser", h.housingSituation === "eviction" ? 2 : 0.5],
    ["volunteer", 2],
  ];
}

function teamFor(
  h: DemoHousehold,
  domains: readonly PlanDomain[],
  random: Random,
  accounts: { educator: boolean; socialWorker: boolean },
): DemoTeamMember[] {
  const partner = organisationName(h.managingPartnerCode as string);
  const team: DemoTeamMember[] = [
    accounts.educator
      ? { role: "educator", name: EDUCATOR_NAME, organisation: partner, account: "area_b_educator" }
      : { role: "educator", name: staffName(random), organisation: partner, account: null },
    accounts.socialWorker
      ? {
          role: "social_worker",
          name: SOCIAL_WORKER_NAME,
          organisation: COMUNE_NAME,
          account: "comune_social_worker",
        }
      : { role: "social_worker", name: staffName(random), organisation: COMUNE_NAME, account: null },
  ];
  let options = extraRoles(h, domains).filter(([, w]) => w > 0);
  for (
    let extra: number = weighted(random, [
      [0, 3],
      [1, 4],
      [2, 3],
    ] as const);
    extra > 0;
    extra--
  ) {
    const role = weighted(random, options);
    options = options.filter(([r]) => r !== role);
    team.push({ role, name: staffName(random), organisation: partner, account: null });
  }
  return team;
}

// ---- reviews --------------------------------------------------------------------------------------

const REVIEW_NOTES = [
  "Verifica periodica con il nucleo e l'équipe",
  "Verifica degli obiettivi e aggiornamento delle azioni",
  "Verifica con il servizio sociale inviante",
];

/**
 * The initial assessment on the start date, then a review about every `every` months (a week early
 * to two weeks late) up to the plan's last day; a late plan skipped its latest review. Autonomy starts
 * low and climbs with noise; for an unplanned exit it does not.
 */
function reviewsFor(
  random: Random,
  plan: { start: number; end: number; every: number; late: boolean; domains: readonly PlanDomain[] },
  progressing: boolean,
  by: DemoAccount | null,
): DemoReview[] {
  const dates = [plan.start];
  for (;;) {
    const date = dayOf(addMonths(isoOf(dates[dates.length - 1] as number), plan.every)) + random.int(-7, 14);
    if (date > plan.end) break;
    dates.push(date);
  }
  if (plan.late && dates.length > 1) dates.pop();
  const base = plan.domains.map(() => random.int(1, 3));
  const slope = plan.domains.map(() =>
    progressing ? 0.3 + random.next() * 0.45 : random.next() * 0.3 - 0.2,
  );
  return dates.map((day, k) => {
    const autonomy: AutonomyAssessment = {};
    plan.domains.forEach((domain, i) => {
      const noise = weighted(random, [
        [-1, 1],
        [0, 4],
        [1, 1],
      ] as const);
      autonomy[domain] = clamp(Math.round((base[i] as number) + (slope[i] as number) * k + noise), 1, 5);
    });
    const notes = k === 0 ? "Valutazione iniziale dell'autonomia" : random.pick(REVIEW_NOTES);
    return { date: isoOf(day), notes: `${notes} ${TEST_DATA}`, autonomy, by };
  });
}

// ---- interventions --------------------------------------------------------------------------------

const INTERVENTIONS: Record<
  InterventionType,
  { weight: number; minutes: [number, number]; notes: string[] }
> = {
  interview: {
    weight: 30,
    minutes: [30, 90],
    notes: [
      "Colloquio di verifica sul bilancio familiare",
      "Colloquio sull'andamento del progetto",
      "Colloquio di orientamento al lavoro",
    ],
  },
  phone_call: {
    weight: 25,
    minutes: [5, 30],
    notes: ["Telefonata per fissare il prossimo incontro", "Telefonata di aggiornamento con il nucleo"],
  },
  home_visit: {
    weight: 14,
    minutes: [45, 120],
    notes: ["Visita domiciliare: alloggio in ordine", "Visita domiciliare con verifica delle utenze"],
  },
  accompaniment: {
    weight: 10,
    minutes: [60, 240],
    notes: ["Accompagnamento a un appuntamento presso un servizio", "Accompagnamento all'anagrafe"],
  },
  administrative_help: {
    weight: 10,
    minutes: [30, 90],
    notes: ["Aiuto nella compilazione di una domanda", "Supporto per il rinnovo di un documento"],
  },
  team_meeting: {
    weight: 7,
    minutes: [45, 120],
    notes: ["Riunione d'équipe sul progetto", "Riunione di rete con il servizio sociale"],
  },
  group_activity: {
    weight: 3,
    minutes: [90, 180],
    notes: ["Laboratorio di gruppo sulla gestione della casa"],
  },
  other: { weight: 1, minutes: [15, 60], notes: ["Consegna di materiale informativo"] },
};
const INTERVENTION_TYPES_BY_WEIGHT = Object.entries(INTERVENTIONS).map(
  ([type, i]) => [type as InterventionType, i.weight] as const,
);
const INTERVENTIONS_PER_MONTH: Record<PlanIntensity, number> = { low: 1, medium: 2, high: 3.5 };

/** The plan's days outside any suspension: a suspended household is not met until it resumes. */
function activeDays(h: DemoHousehold, start: number, end: number): [number, number][] {
  const windows: [number, number][] = [];
  let from: number | null = start;
  for (const [i, e] of h.events.entries()) {
    const day = dayAt(e.at);
    if (e.to === "suspended" && from !== null) {
      if (day > from) windows.push([from, Math.min(day, end)]);
      from = null;
    } else if (e.from === "suspended") {
      from = Math.max(start, day);
    }
    if (i === h.events.length - 1 && from !== null && end >= from) windows.push([from, end]);
  }
  const open = windows.filter(([a, b]) => b >= a && b >= start);
  return open.length > 0 ? open : [[start, end]];
}

function interventionsFor(
  h: DemoHousehold,
  random: Random,
  plan: { start: number; end: number; intensity: PlanIntensity; team: readonly DemoTeamMember[] },
): DemoIntervention[] {
  const windows = activeDays(h, plan.start, plan.end);
  const days = windows.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  const count = clamp(Math.round((days / 30.4) * INTERVENTIONS_PER_MONTH[plan.intensity]), 3, 25);
  // The educator meets the household most; the others now and then.
  const members = plan.team.map((m) => [m, m.role === "educator" ? 5 : 1] as const);
  const out: DemoIntervention[] = [];
  for (let n = 0; n < count; n++) {
    let offset = random.int(0, days - 1);
    let day = plan.start;
    for (const [a, b] of windows) {
      if (offset <= b - a) {
        day = a + offset;
        break;
      }
      offset -= b - a + 1;
    }
    const type = weighted(random, INTERVENTION_TYPES_BY_WEIGHT);
    const spec = INTERVENTIONS[type];
    const member = weighted(random, members);
    out.push({
      date: isoOf(day),
      minutes: Math.round(random.int(...spec.minutes) / 5) * 5,
      type,
      staffName: member.account === null ? member.name : "",
      note: `${random.pick(spec.notes)} ${TEST_DATA}`,
      by: member.account,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

// ---- one plan -------------------------------------------------------------------------------------

const INTENSITIES: Record<DemoHousehold["category"], readonly (readonly [PlanIntensity, number])[]> = {
  calmierato: [
    ["low", 5],
    ["medium", 5],
  ],
  calmierato_ridotto: [
    ["low", 2],
    ["medium", 6],
    ["high", 2],
  ],
  fragilita: [
    ["medium", 5],
    ["high", 5],
  ],
};

function planFor(
  h: DemoHousehold,
  random: Random,
  accounts: { educator: boolean; socialWorker: boolean },
): DemoPlan {
  const assessed = firstDayOf(h, "assessed") as number;
  // Drawn up after the assessment, by the time the household is put on the waiting list.
  const next = h.events.find((e) => dayAt(e.at) > assessed && e.to !== "assessed");
  const latest = Math.min(END, next === undefined ? assessed + 21 : dayAt(next.at));
  const start = assessed + random.int(Math.min(1, latest - assessed), latest - assessed);
  const exitDay = exitDayOf(h);
  const closed = exitDay !== null;
  const end = exitDay ?? END;
  const intensity = weighted(random, INTENSITIES[h.category]);
  const domains = goalDomains(h, random);
  const team = teamFor(h, domains, random, accounts);
  const owners = [...team.map((m) => m.name), "Il nucleo"];
  const goals: PlanGoal[] = domains.map((domain) => ({
    domain,
    description: random.pick(GOALS[domain]),
    actions: actionsFor(domain, random, { start, end, closed, owners }),
  }));
  const signed = weighted(random, [
    ["both", 92],
    ["household", 4],
    ["none", 4],
  ] as const);
  const householdSigned = Math.min(end, start + random.int(0, 7));
  const signatures: PlanSignatures = {
    household: signed === "none" ? null : isoOf(householdSigned),
    referringService: signed === "both" ? isoOf(Math.min(end, householdSigned + random.int(0, 14))) : null,
  };
  const reviewEveryMonths = 3;
  const progressing = h.exit?.planned ?? true;
  const reviews = reviewsFor(
    random,
    { start, end, every: reviewEveryMonths, late: !closed && random.next() < 0.15, domains },
    progressing,
    accounts.educator ? "area_b_educator" : null,
  );
  const interventions = interventionsFor(h, random, { start, end, intensity, team });
  const lastReviewDate = reviews[reviews.length - 1]?.date ?? null;
  const createdAt = instant(start, random);
  const touched = Math.max(
    start,
    ...[lastReviewDate, signatures.household, signatures.referringService].flatMap((d) =>
      d === null ? [] : [dayOf(d)],
    ),
  );
  return {
    householdReference: h.reference,
    status: closed ? "closed" : "active",
    startDate: isoOf(start),
    intensity,
    reviewEveryMonths,
    team,
    goals,
    signatures,
    nextReviewDate: nextReviewDate({ startDate: isoOf(start), reviewEveryMonths, lastReviewDate }),
    createdAt,
    updatedAt: new Date(Math.max(createdAt.getTime(), instant(closed ? end : touched, random).getTime())),
    reviews,
    interventions,
  };
}

// ---- exits and follow-ups -------------------------------------------------------------------------

const EXIT_RECORD_NOTES: Record<ExitDestination, string> = {
  market_rent: "Contratto di locazione firmato dal nucleo",
  public_housing: "Alloggio di edilizia pubblica assegnato",
  family: "Il nucleo vive con la famiglia",
  other_service: "Passaggio concordato a un servizio residenziale",
  abandonment: "Alloggio lasciato senza preavviso",
  eviction: "Contratto di ospitalità risolto per gravi inadempienze",
  death: "Uscita per decesso",
};
const FOLLOW_UP_NOTES: Record<FollowUpSituation, string> = {
  same_home: "Contatto telefonico: il nucleo vive nella stessa casa",
  other_stable_home: "Contatto telefonico: il nucleo vive in un'altra casa stabile",
  with_family: "Contatto telefonico: il nucleo vive con la famiglia",
  shelter_or_service: "Il nucleo risulta accolto in una struttura",
  homeless: "Il nucleo risulta senza dimora",
  unreachable: "Tre tentativi di contatto senza risposta",
};

function situationAfter(destination: ExitDestination, random: Random): FollowUpSituation {
  switch (destination) {
    case "market_rent":
    case "public_housing":
      return random.next() < 0.85 ? "same_home" : "other_stable_home";
    case "family":
      return "with_family";
    case "other_service":
      return "other_stable_home";
    case "abandonment":
    case "eviction":
    case "death":
      return weighted(random, [
        ["shelter_or_service", 2],
        ["homeless", 2],
        ["unreachable", 1],
      ] as const);
  }
}

/**
 * The exits of the exited households, on the day of their `exited` event, with the follow-ups at 6,
 * 12 and 24 months. The follow-ups due by DEMO_DATE are recorded, but for the latest due few.
 */
function exitsFor(households: readonly DemoHousehold[], random: Random): DemoExitRecord[] {
  const exits = households.flatMap((h) => {
    const day = exitDayOf(h);
    if (day === null || h.exit === null) return [];
    return [{ h, day, date: isoOf(day), exit: h.exit }];
  });
  const due = exits
    .flatMap(({ h, date }) =>
      followUpDueDates(date)
        .filter((f) => f.dueDate < DEMO_DATE)
        .map((f) => `${h.reference} ${f.months} ${f.dueDate}`),
    )
    .sort((a, b) => b.slice(-10).localeCompare(a.slice(-10)));
  const overdue = new Set(
    due.slice(0, Math.min(DEMO_CARE_COUNTS.followUpsOverdue, Math.floor(due.length / 3))),
  );
  return exits.map(({ h, day, date, exit }) => ({
    householdReference: h.reference,
    date,
    planned: exit.planned,
    destination: exit.destination,
    note: `${EXIT_RECORD_NOTES[exit.destination]} ${TEST_DATA}`,
    createdAt: instant(day, random),
    followUps: followUpDueDates(date).map(({ months, dueDate }) => {
      const unrecorded = { months, dueDate, contactedOn: null, situation: null, note: "", recordedAt: null };
      if (dueDate >= DEMO_DATE || overdue.has(`${h.reference} ${months} ${dueDate}`)) return unrecorded;
      const contacted = clamp(dayOf(dueDate) + random.int(-5, 10), day, END);
      const situation = situationAfter(exit.destination, random);
      return {
        months,
        dueDate,
        contactedOn: isoOf(contacted),
        situation,
        note: `${FOLLOW_UP_NOTES[situation]} ${TEST_DATA}`,
        recordedAt: instant(contacted, random),
      };
    }),
  }));
}

// ---- consents -------------------------------------------------------------------------------------

/**
 * Every household consents to processing and to special categories at its referral; most to
 * follow-up contacts too (every exited one). Two withdrew consent to special categories (one at
 * ETS-B1, one at ETS-B3) and one, which had withdrawn from the programme on its own request, withdrew
 * consent to processing.
 */
function consentsFor(
  households: readonly DemoHousehold[],
  plans: readonly DemoPlan[],
  educatorPlans: ReadonlySet<string>,
  random: Random,
): DemoConsent[] {
  const active = plans.filter((p) => p.status === "active");
  const byReference = new Map(households.map((h) => [h.reference, h]));
  // Not on the demo educator's caseload (her journeys read her plans in full); at ETS-B1 one whose
  // referral the demo manager accepted, so that the withdrawal is what keeps her from its data.
  const outsideCaseload = (code: string, acceptedBy: DemoHousehold["referral"]["answeredBy"]) =>
    active.filter((p) => {
      const h = byReference.get(p.householdReference);
      return (
        h?.managingPartnerCode === code &&
        h.referral.answeredBy === acceptedBy &&
        !educatorPlans.has(p.householdReference)
      );
    });
  const specialWithdrawn = [
    random.pick(outsideCaseload("ETS-B1", "manager")),
    random.pick(outsideCaseload("ETS-B3", "manager")),
  ]
    .filter((p) => p !== undefined)
    .slice(0, DEMO_CARE_COUNTS.specialCategoriesWithdrawn)
    .map((p) => p.householdReference);
  const withdrawnHouseholds = households.filter((h) => h.status === "withdrawn");
  const processingWithdrawn = (
    withdrawnHouseholds.find((h) => h.events.at(-1)?.note === "Ritirato su richiesta del nucleo") ??
    withdrawnHouseholds[0]
  )?.reference;

  return households.flatMap((h) => {
    const givenOn = isoOf(dayAt(h.referral.referredAt));
    const given = (purpose: ConsentPurpose): DemoConsent => ({
      householdReference: h.reference,
      purpose,
      givenOn,
      recordedAt: h.referral.referredAt,
      withdrawnOn: null,
      withdrawnAt: null,
      note: "",
    });
    const withdrawn = (consent: DemoConsent, after: number, note: string): DemoConsent => {
      const day = Math.min(END, after + random.int(1, 20));
      return {
        ...consent,
        withdrawnOn: isoOf(day),
        withdrawnAt: instant(day, random),
        note: `${note} ${TEST_DATA}`,
      };
    };
    let processing = given("processing");
    if (h.reference === processingWithdrawn)
      processing = withdrawn(
        processing,
        dayAt(h.events.at(-1)?.at ?? h.referral.referredAt),
        "Revoca del consenso al trattamento comunicata per iscritto",
      );
    let special = given("special_categories");
    if (specialWithdrawn.includes(h.reference)) {
      const plan = plans.find((p) => p.householdReference === h.reference);
      const last = plan?.interventions.at(-1)?.date ?? givenOn;
      special = withdrawn(
        special,
        Math.max(dayOf(last), END - 40),
        "Revoca del consenso ai dati particolari",
      );
    }
    const followUp = h.status === "exited" || random.next() < 0.85;
    return followUp ? [processing, special, given("follow_up_contact")] : [processing, special];
  });
}

// ---- documents ------------------------------------------------------------------------------------

/**
 * For each household: the head's identity document (valid on DEMO_DATE, a few expiring within 30
 * days), the ISEE certificate of its ISEE (expiring 15 January of the next year: some already have),
 * and the social report of its referral.
 */
function documentsFor(households: readonly DemoHousehold[], random: Random): DemoDocument[] {
  const expiringSoon = new Set(
    random.shuffle(households.map((h) => h.reference)).slice(0, DEMO_CARE_COUNTS.identityExpiringSoon),
  );
  let serial = 0;
  const number = (prefix: string) => `${prefix}${String(++serial).padStart(6, "0")}`;
  return households.flatMap((h) => {
    const head = h.members[0];
    const common = { householdReference: h.reference, uploadedAt: h.referral.referredAt };
    const docs: DemoDocument[] = [];
    if (head !== undefined) {
      // Ten years for adults, five when issued to a minor (young heads had theirs as minors); issued
      // before the referral it came with.
      const youngHead = END - dayOf(head.birthDate) < 28 * 365.25;
      const years = youngHead ? 5 : 10;
      const latest = dayAt(h.referral.referredAt) + Math.floor(years * 365.25) - 30;
      const expires = expiringSoon.has(h.reference) ? END + random.int(3, 28) : random.int(END + 31, latest);
      const expiresOn = isoOf(expires);
      docs.push({
        ...common,
        kind: "identity_document",
        title: head.citizenship === "IT" ? "Carta d'identità elettronica" : "Passaporto",
        number: number("DEMO"),
        issuedOn: addMonths(expiresOn, -12 * years),
        expiresOn,
        ofReferral: false,
      });
    }
    if (h.iseeDate !== null) {
      const year = Number(h.iseeDate.slice(0, 4));
      docs.push({
        ...common,
        kind: "isee",
        title: `Attestazione ISEE ${year}`,
        number: number("DEMO-ISEE-"),
        issuedOn: h.iseeDate,
        expiresOn: `${year + 1}-01-15`,
        ofReferral: false,
      });
    }
    docs.push({
      ...common,
      kind: "social_report",
      title: "Relazione sociale di invio",
      number: "",
      issuedOn: isoOf(dayAt(h.referral.referredAt)),
      expiresOn: null,
      ofReferral: true,
    });
    return docs;
  });
}

// ---- the whole -------------------------------------------------------------------------------------

/**
 * The care records of the demo households of the same seed. The demo educator is the educator of
 * DEMO_CARE_COUNTS.educatorActivePlans active ETS-B1 plans (and a few closed ones); the demo social
 * worker is named on a few plans; the others' staff are fictional names without an account.
 */
export function demoCare(
  households: readonly DemoHousehold[] = demoHouseholds(),
  seed = DEMO_SEED,
): DemoCare {
  // A stream of its own, so the care records never change the households.
  const random = seededRandom((seed ^ 0x0ca2_e5ed) >>> 0);
  const candidates = planCandidates(households, random);
  const ofEducatorPartner = random.shuffle(candidates.filter((h) => h.managingPartnerCode === "ETS-B1"));
  const educatorPlans = new Set([
    ...ofEducatorPartner
      .filter((h) => h.status !== "exited")
      .slice(0, DEMO_CARE_COUNTS.educatorActivePlans)
      .map((h) => h.reference),
    ...ofEducatorPartner
      .filter((h) => h.status === "exited")
      .slice(0, DEMO_CARE_COUNTS.educatorClosedPlans)
      .map((h) => h.reference),
  ]);
  const socialWorkerPlans = new Set(
    random
      .shuffle(candidates.filter((h) => h.status !== "exited"))
      .slice(0, DEMO_CARE_COUNTS.socialWorkerPlans)
      .map((h) => h.reference),
  );
  const plans = candidates.map((h) =>
    planFor(h, random, {
      educator: educatorPlans.has(h.reference),
      socialWorker: socialWorkerPlans.has(h.reference),
    }),
  );
  return {
    plans,
    exits: exitsFor(households, random),
    consents: consentsFor(households, plans, educatorPlans, random),
    documents: documentsFor(households, random),
  };
}
