// SPDX-License-Identifier: EUPL-1.2
import type { z } from "zod";
import type {
  ACCESSIBILITY_NEEDS,
  Need,
  PriorityFacts as PriorityFactsSchema,
  TargetGroup,
} from "../households/household.schema.ts";
import { seededRandom } from "../shared/random.ts";
import { maxMonthlyRentCents } from "../units/rent-cap.ts";
import type { UnitCategory } from "../units/unit.schema.ts";
import { formatEuro, formatM2, formatShare } from "./format.ts";
import type { Band, ReferralType, RulesVersion, SizeStandard } from "./rules.schema.ts";

/*
 * The pure evaluation of one rules version: whether a household may be offered a unit (every rule
 * checked and explained, none short-circuited), how well the unit's size fits the household, and the
 * household's priority score. The weight of a pair for the optimiser is priority × fit.
 */

/** Bisogno di accessibilità: none, step-free access, or a wheelchair-adapted unit. */
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];
/** The priority criteria of the co-programming, as typed facts. */
export type PriorityFacts = z.output<typeof PriorityFactsSchema>;

/** What the rules read of a household (nucleo); the server maps its rows to this. */
export type EligibilityHousehold = {
  id: string;
  /** Tipologia di assegnazione the household was referred for. */
  category: UnitCategory;
  /** Who referred it: the Comune's social services (referring organisation is the Comune) or a partner. */
  referralType: ReferralType;
  targetGroup: TargetGroup;
  /** Number of members, at least 1. */
  size: number;
  needs: readonly Need[];
  accessibilityNeed: AccessibilityNeed;
  priority: PriorityFacts;
  /** Yearly net income of the household in cents; null when not on file. */
  incomeCents: number | null;
  /** ISEE in cents; null when not on file. */
  iseeCents: number | null;
  /** Code of the Area B partner managing the household; null while none has taken it on. */
  managingPartnerCode: string | null;
  /** Random seed stored once for the household (see `tieBreaker`). */
  tieBreakerSeed: string;
};

/** What the rules read of a unit (alloggio). */
export type EligibilityUnit = {
  id: string;
  category: UnitCategory;
  rooms: number;
  bedrooms: number;
  surfaceM2: number;
  floor: number;
  lift: boolean;
  stepFree: boolean;
  wheelchairAdapted: boolean;
  /** Code of the Area B partner (ente gestore) managing the unit. */
  managingPartnerCode: string | null;
};

/**
 * A unit kept aside (riservato) up to and including `expiresOn`: for one household, which may still be
 * offered it, or for none (`householdId` null), which blocks it for everybody.
 */
export type UnitHold = { unitId: string; householdId: string | null; expiresOn: string };

/** The facts of the day a pair is judged on. */
export type PairContext = {
  /** `YYYY-MM-DD`. */
  today: string;
  /** Units this household has already refused. */
  refusedUnitIds: ReadonlySet<string> | readonly string[];
  /** Holds on units (any unit: only the pair's unit is read). */
  holds: readonly UnitHold[];
  /** The unit's monthly rent in cents; null: not set yet, its category's cap is assumed. */
  rentCentsPerMonth: number | null;
};

export const PAIR_RULES = [
  "category",
  "isee_band",
  "size",
  "surface",
  "accessibility",
  "affordability",
  "partner",
  "refused",
  "hold",
] as const;
/** One rule a household × unit pair must pass. */
export type PairRule = (typeof PAIR_RULES)[number];

/** One rule's verdict, with an English explanation that gives the figures. */
export type PairCheck = { rule: PairRule; passed: boolean; detail: string };
export type PairEvaluation = { eligible: boolean; checks: PairCheck[] };

const CATEGORY_NAME: Record<UnitCategory, string> = {
  calmierato: "calmierato",
  calmierato_ridotto: "calmierato ridotto",
  fragilita: "fragilità",
};
const REFERRAL_NAME: Record<ReferralType, string> = {
  social_services: "social services",
  partner: "a partner",
};
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "none") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
const eur = (cents: number) => formatEuro(cents, "en");
const m2 = (value: number) => formatM2(value, "en");
const bandText = (b: Band) =>
  b.maxCents === null ? `from ${eur(b.minCents)}, no upper limit` : `${eur(b.minCents)}–${eur(b.maxCents)}`;
const inBand = (cents: number, b: Band) =>
  cents >= b.minCents && (b.maxCents === null || cents <= b.maxCents);
const has = (ids: ReadonlySet<string> | readonly string[], id: string) =>
  ids instanceof Set ? ids.has(id) : (ids as readonly string[]).includes(id);
const samePartner = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
// Surfaces have at most two decimals: compare them in hundredths of m² so 42 ≥ 42.00 holds exactly.
const centiM2 = (value: number) => Math.round(value * 100);
// Shares are applied to the basis point (0.01 %), so the limit is exact in integer arithmetic.
const basisPoints = (share: number) => Math.round(share * 10_000);

/**
 * The standard for a household of `size` members: its row of the table, or for a larger household the
 * last row with `extraSurfaceM2PerPerson` m², one room and one bedroom more allowed per further person.
 */
export function standardFor(rules: RulesVersion, size: number): SizeStandard {
  const rows = rules.sizeStandards.rows;
  const people = Math.max(1, Math.floor(size));
  const row = rows[people - 1];
  if (row) return row;
  const last = rows[rows.length - 1] as SizeStandard;
  const extra = people - last.size;
  return {
    size: people,
    minSurfaceM2: last.minSurfaceM2 + extra * rules.sizeStandards.extraSurfaceM2PerPerson,
    minRooms: last.minRooms,
    maxRooms: last.maxRooms + extra,
    minBedrooms: last.minBedrooms,
    maxBedrooms: last.maxBedrooms + extra,
  };
}

/** The unit offers step-free access, and how we know. */
function stepFreeAccess(rules: RulesVersion, u: EligibilityUnit): { ok: boolean; why: string } {
  if (u.stepFree || u.wheelchairAdapted) return { ok: true, why: "recorded as step-free" };
  if (rules.accessibility.stepFreeFromFloorOrLift && (u.floor === 0 || u.lift))
    return { ok: true, why: u.floor === 0 ? "on the ground floor" : `on floor ${u.floor} with a lift` };
  return { ok: false, why: `not recorded as step-free (floor ${u.floor}, ${u.lift ? "lift" : "no lift"})` };
}

/** The rent the affordability rule weighs: the one set, or else the category's cap; null when neither. */
function rentOf(u: EligibilityUnit, ctx: PairContext): { cents: number | null; assumed: boolean } {
  if (ctx.rentCentsPerMonth !== null) return { cents: ctx.rentCentsPerMonth, assumed: false };
  return { cents: maxMonthlyRentCents(u.category, u.surfaceM2), assumed: true };
}

function activeHolds(u: EligibilityUnit, ctx: PairContext) {
  return ctx.holds.filter((x) => x.unitId === u.id && x.expiresOn >= ctx.today);
}

type Check = {
  test(rules: RulesVersion, h: EligibilityHousehold, u: EligibilityUnit, ctx: PairContext): boolean;
  detail(rules: RulesVersion, h: EligibilityHousehold, u: EligibilityUnit, ctx: PairContext): string;
};

// Each rule is a test and the explanation of its verdict: `isEligible` runs only the tests, so the fast
// path and the explained one cannot disagree.
const CHECKS: Record<PairRule, Check> = {
  category: {
    test: (rules, h, u) => {
      const rule = rules.categories[u.category];
      return rule.householdCategories.includes(h.category) && rule.referralTypes.includes(h.referralType);
    },
    detail: (rules, h, u) => {
      const rule = rules.categories[u.category];
      return (
        `A ${CATEGORY_NAME[u.category]} unit takes ${list(rule.householdCategories.map((c) => CATEGORY_NAME[c]))} ` +
        `households referred by ${list(rule.referralTypes.map((r) => REFERRAL_NAME[r]))}; this household is ` +
        `${CATEGORY_NAME[h.category]}, referred by ${REFERRAL_NAME[h.referralType]}`
      );
    },
  },
  isee_band: {
    test: (rules, h, u) => {
      const rule = rules.categories[u.category];
      const iseeOk =
        rule.iseeWaivedFor.includes(h.referralType) ||
        (h.iseeCents !== null && inBand(h.iseeCents, rule.isee));
      const incomeOk = rule.income === null || (h.incomeCents !== null && inBand(h.incomeCents, rule.income));
      return iseeOk && incomeOk;
    },
    detail: (rules, h, u) => {
      const rule = rules.categories[u.category];
      const name = CATEGORY_NAME[u.category];
      const band = `the ${name} ISEE band ${bandText(rule.isee)}`;
      const parts = [
        rule.iseeWaivedFor.includes(h.referralType)
          ? `The ISEE band is not applied to ${name} households referred by ${REFERRAL_NAME[h.referralType]}`
          : h.iseeCents === null
            ? `No ISEE on file; ${band} applies`
            : `ISEE ${eur(h.iseeCents)} is ${inBand(h.iseeCents, rule.isee) ? "within" : "outside"} ${band}`,
      ];
      if (rule.income !== null) {
        const incomeBand = `the ${name} income band ${bandText(rule.income)}`;
        parts.push(
          h.incomeCents === null
            ? `no yearly net income on file for ${incomeBand}`
            : `yearly net income ${eur(h.incomeCents)} is ${inBand(h.incomeCents, rule.income) ? "within" : "outside"} ${incomeBand}`,
        );
      }
      return parts.join("; ");
    },
  },
  size: {
    test: (rules, h, u) => {
      const s = standardFor(rules, h.size);
      return (
        u.rooms >= s.minRooms &&
        u.rooms <= s.maxRooms &&
        u.bedrooms >= s.minBedrooms &&
        u.bedrooms <= s.maxBedrooms
      );
    },
    detail: (rules, h, u) => {
      const s = standardFor(rules, h.size);
      return (
        `The unit has ${u.rooms} rooms and ${u.bedrooms} bedrooms; a household of ${h.size} takes ` +
        `${s.minRooms}–${s.maxRooms} rooms and ${s.minBedrooms}–${s.maxBedrooms} bedrooms`
      );
    },
  },
  surface: {
    test: (rules, h, u) => centiM2(u.surfaceM2) >= centiM2(standardFor(rules, h.size).minSurfaceM2),
    detail: (rules, h, u) =>
      `The unit has ${m2(u.surfaceM2)}; a household of ${h.size} needs at least ${m2(standardFor(rules, h.size).minSurfaceM2)}`,
  },
  accessibility: {
    test: (rules, h, u) => {
      switch (h.accessibilityNeed) {
        case "none":
          return true;
        case "step_free":
          return stepFreeAccess(rules, u).ok;
        case "wheelchair":
          return u.wheelchairAdapted;
      }
    },
    detail: (rules, h, u) => {
      switch (h.accessibilityNeed) {
        case "none":
          return "No accessibility need";
        case "step_free":
          return `Step-free access needed; the unit is ${stepFreeAccess(rules, u).why}`;
        case "wheelchair":
          return `A wheelchair-adapted unit needed; the unit is ${u.wheelchairAdapted ? "" : "not "}wheelchair-adapted`;
      }
    },
  },
  affordability: {
    test: (rules, h, u, ctx) => {
      if (rules.affordability.exemptCategories.includes(u.category)) return true;
      const rent = rentOf(u, ctx).cents;
      if (rent === null || h.incomeCents === null) return false;
      return rent * 12 * 10_000 <= basisPoints(rules.affordability.maxRentShareOfIncome) * h.incomeCents;
    },
    detail: (rules, h, u, ctx) => {
      if (rules.affordability.exemptCategories.includes(u.category))
        return `Not applied to ${CATEGORY_NAME[u.category]} units: the support plan sets the co-payment`;
      const { cents: rent, assumed } = rentOf(u, ctx);
      if (rent === null) return `No rent set for the unit, and ${CATEGORY_NAME[u.category]} has no rent cap`;
      const share = rules.affordability.maxRentShareOfIncome;
      const rentText = `Rent ${eur(rent)} a month${assumed ? " (the unit's cap: no rent set)" : ""}`;
      if (h.incomeCents === null)
        return `${rentText}; no net income on file (the limit is ${formatShare(share, "en")} of it)`;
      const maxRent = Math.floor((basisPoints(share) * h.incomeCents) / (12 * 10_000));
      const income = `net monthly income ${eur(h.incomeCents / 12)}`;
      const ofIncome =
        h.incomeCents === 0
          ? `; the ${income}`
          : ` is ${formatShare((rent * 12) / h.incomeCents, "en")} of the ${income}`;
      return `${rentText}${ofIncome}; the limit is ${formatShare(share, "en")}, at most ${eur(maxRent)} a month`;
    },
  },
  partner: {
    test: (rules, h, u) =>
      rules.categories[u.category].partnerMatch === "any" ||
      (u.managingPartnerCode !== null &&
        h.managingPartnerCode !== null &&
        samePartner(u.managingPartnerCode, h.managingPartnerCode)),
    detail: (rules, h, u) => {
      const name = CATEGORY_NAME[u.category];
      if (rules.categories[u.category].partnerMatch === "any")
        return `A ${name} unit may go to a household of any partner`;
      return (
        `A ${name} unit goes to households of its managing partner; the unit is managed by ` +
        `${u.managingPartnerCode ?? "no partner"}, the household by ${h.managingPartnerCode ?? "no partner"}`
      );
    },
  },
  refused: {
    test: (_rules, _h, u, ctx) => !has(ctx.refusedUnitIds, u.id),
    detail: (_rules, _h, u, ctx) =>
      has(ctx.refusedUnitIds, u.id) ? "The household has already refused this unit" : "Not refused before",
  },
  hold: {
    test: (_rules, h, u, ctx) => activeHolds(u, ctx).every((x) => x.householdId === h.id),
    detail: (_rules, h, u, ctx) => {
      const active = activeHolds(u, ctx);
      const blocking = active.find((x) => x.householdId !== h.id);
      if (blocking)
        return blocking.householdId === null
          ? `The unit is held until ${blocking.expiresOn} (for no household)`
          : `The unit is held for another household until ${blocking.expiresOn}`;
      const own = active[0];
      if (own) return `The unit is held for this household until ${own.expiresOn}`;
      const expired = ctx.holds
        .filter((x) => x.unitId === u.id)
        .reduce<string | null>((last, x) => (last === null || x.expiresOn > last ? x.expiresOn : last), null);
      return expired === null ? "No hold on the unit" : `The last hold on the unit expired on ${expired}`;
    },
  },
};

/** Every rule on one household × unit pair, each explained; eligible when all pass. */
export function evaluatePair(
  rules: RulesVersion,
  household: EligibilityHousehold,
  unit: EligibilityUnit,
  context: PairContext,
): PairEvaluation {
  const checks = PAIR_RULES.map((rule) => ({
    rule,
    passed: CHECKS[rule].test(rules, household, unit, context),
    detail: CHECKS[rule].detail(rules, household, unit, context),
  }));
  return { eligible: checks.every((c) => c.passed), checks };
}

/** The verdict of `evaluatePair` without the explanations, stopping at the first failed rule. */
export function isEligible(
  rules: RulesVersion,
  household: EligibilityHousehold,
  unit: EligibilityUnit,
  context: PairContext,
): boolean {
  return PAIR_RULES.every((rule) => CHECKS[rule].test(rules, household, unit, context));
}

/**
 * How well the unit's size fits the household, in (0, 1]: 1 / (1 + fitWeight × gap), where gap is the
 * number of rooms away from the household's size (brought within the standard's rooms range) plus the
 * relative distance of the surface from the standard's minimum (|surface − min| / min). So the smallest
 * adequate unit fits best and a large flat is kept for a large household; fitWeight 0 ignores size.
 */
export function unitFit(rules: RulesVersion, household: EligibilityHousehold, unit: EligibilityUnit): number {
  const s = standardFor(rules, household.size);
  const targetRooms = Math.min(Math.max(household.size, s.minRooms), s.maxRooms);
  const gap = Math.abs(unit.rooms - targetRooms) + Math.abs(unit.surfaceM2 - s.minSurfaceM2) / s.minSurfaceM2;
  return Math.max(Number.MIN_VALUE, 1 / (1 + rules.priority.fitWeight * gap));
}

/**
 * A stable draw in [0, 1) from the household's stored seed: the seed's FNV-1a hash seeds the shared
 * generator, so the same seed always gives the same number on every machine.
 */
export function tieBreaker(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return seededRandom(hash >>> 0).next();
}

const parseDay = (iso: string) => {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return { y, m, d };
};
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Whole calendar months from `from` to `to` (both `YYYY-MM-DD`), 0 when `to` is not after `from`. A
 * month is complete on the same day of the month, or on the last day of a shorter month (31 January to
 * 28 February is one month).
 */
export function waitingMonths(from: string, to: string): number {
  if (to <= from) return 0;
  const a = parseDay(from);
  const b = parseDay(to);
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  const complete = b.d >= Math.min(a.d, daysInMonth(b.y, b.m));
  return Math.max(0, complete ? months : months - 1);
}

export const PRIORITY_COMPONENT_KINDS = [
  "base",
  "fact",
  "need",
  "target_group",
  "waiting",
  "tie_breaker",
] as const;
/** One part of a priority score: `name` is the fact, need or target group, else the kind itself. */
export type PriorityComponent = {
  kind: (typeof PRIORITY_COMPONENT_KINDS)[number];
  name: string;
  points: number;
};
/** Punteggio di priorità: the sum of its components, the months waited and the household's draw. */
export type PriorityScore = {
  total: number;
  components: PriorityComponent[];
  waitingMonths: number;
  tieBreaker: number;
};

const FACTS = [
  "knownToSocialServices",
  "completedPreviousPath",
  "prospectOfAutonomy",
  "ableToCoPay",
  "difficultyAccessingPublicHousing",
] as const satisfies readonly (keyof PriorityFacts)[];

/**
 * The household's priority: base points, the points of each priority fact that holds, of each need it
 * has (they add up) and of its target group if weighted, the waiting time since the referral (points
 * per whole month, capped), and the stored tie-breaker draw × `tieBreakerPoints`.
 */
export function priorityScore(
  rules: RulesVersion,
  household: EligibilityHousehold,
  options: { today: string; referredOn: string },
): PriorityScore {
  const w = rules.priority;
  const components: PriorityComponent[] = [{ kind: "base", name: "base", points: w.basePoints }];
  for (const fact of FACTS) {
    if (household.priority[fact]) components.push({ kind: "fact", name: fact, points: w.facts[fact] });
  }
  for (const need of new Set(household.needs)) {
    components.push({ kind: "need", name: need, points: w.needs[need] });
  }
  const groupPoints = w.targetGroups[household.targetGroup];
  if (groupPoints !== undefined)
    components.push({ kind: "target_group", name: household.targetGroup, points: groupPoints });
  const months = waitingMonths(options.referredOn, options.today);
  components.push({
    kind: "waiting",
    name: "waiting",
    points: Math.min(months * w.waiting.pointsPerMonth, w.waiting.maxPoints),
  });
  const draw = tieBreaker(household.tieBreakerSeed);
  components.push({ kind: "tie_breaker", name: "tie_breaker", points: draw * w.tieBreakerPoints });
  const total = components.reduce((sum, c) => sum + c.points, 0);
  return { total, components, waitingMonths: months, tieBreaker: draw };
}

/** The weight of a pair for the optimiser: priority × fit. */
export const pairWeight = (priority: number, fitValue: number): number => priority * fitValue;
