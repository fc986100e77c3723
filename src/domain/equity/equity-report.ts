// SPDX-License-Identifier: EUPL-1.2
import type { AccessibilityNeed } from "../eligibility/eligibility.ts";
import {
  ACCESSIBILITY_NEEDS,
  type Need,
  SEXES,
  TARGET_GROUPS,
  type TargetGroup,
} from "../households/household.schema.ts";
import type { HouseholdStatus } from "../households/household-status.ts";

/*
 * The allocation equity report (rapporto di equità dell'assegnazione): for each equity dimension, how
 * many households reached each stage of allocation and the rates between the stages. Counts only — no
 * names, no ids — so the report carries no personal data; small counts are withheld all the same.
 *
 * Definitions (the route's description repeats them):
 * - Population: the households that reached the waiting list — status waiting, offered, housed,
 *   exiting or exited, or a `waiting` entry in their history (a household suspended or withdrawn after
 *   waiting still counts).
 * - Eligible: eligible under the rules in force for at least one unit of the stock that is available or
 *   offered; or had an offer; or is housed (it was judged eligible when it was housed: today's stock
 *   and rules are no longer its question).
 * - Offered: had at least one offer, whatever its outcome. Accepted: accepted an offer.
 * - Housed: status housed, exiting or exited.
 * So eligible ⊇ offered ⊇ accepted and eligible ⊇ housed, and every rate is at most 1; but housed is
 * NOT within accepted, nor accepted within housed: a household can be housed along its path with no
 * offer on record (its partner moved it; older or imported records), and an accepted offer leaves the
 * household offered until its tenancy starts (decision 0011).
 *
 * Eligibility is judged with no refusals (a household that refused a unit had an offer, so is eligible
 * anyway), no holds (a hold reserves a unit for a while; it does not change who qualifies) and rents at
 * the category's cap, as in a rules preview. Households whose consent to processing was withdrawn are
 * hidden from the report by row-level security, like everywhere else.
 *
 * Disability and needs are special categories (GDPR art. 9): the report reads them in aggregate only,
 * and not the needs of a household that withdrew its special-category consent.
 *
 * Withholding: a count from 1 to 4 is null with `suppressed: true`; when that leaves exactly one cell of
 * a dimension and stage withheld beside a shown total, the smallest other non-zero cell is withheld
 * too (it could be recovered by subtraction otherwise). A rate over a withheld count is null.
 */

/** Counts from 1 to this are withheld (`null`, `suppressed: true`): a group this small could be recognised. */
export const SMALL_COUNT_MAX = 4;

/** Statuses that put a household in the report's population whatever its history. */
export const EQUITY_POPULATION_STATUSES = [
  "waiting",
  "offered",
  "housed",
  "exiting",
  "exited",
] as const satisfies readonly HouseholdStatus[];
/** The status a household had to reach, some time, to be in the population. */
export const EQUITY_POPULATION_REACHED: HouseholdStatus = "waiting";
export const HOUSED_STATUSES = ["housed", "exiting", "exited"] as const satisfies readonly HouseholdStatus[];
/** Eligibility is judged against the units in these statuses (alloggi disponibili o proposti). */
export const EQUITY_STOCK_STATUSES = ["available", "offered"] as const;

/** Member states of the European Union (EU-27 since 2020), ISO 3166-1 alpha-2; Italy is its own group. */
export const EU_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;
const ACCESS_NEEDS = new Set<string>(ACCESSIBILITY_NEEDS);
// The EU's own code for Greece, in case it is typed instead of ISO's GR.
const EU_CODES = new Set<string>([...EU_COUNTRIES, "EL"]);

export const EQUITY_STAGES = ["eligible", "offered", "accepted", "housed"] as const;
/** A stage of allocation: idoneo, proposto, accettato, alloggiato. */
export type EquityStage = (typeof EQUITY_STAGES)[number];

export const EQUITY_DIMENSIONS = ["gender", "ageBand", "citizenship", "disability", "householdType"] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

/** Sex of the head of household as recorded (F, M, X); unknown when the household has no member on file. */
export const GENDER_GROUPS = [...SEXES, "unknown"] as const;
/** Sex as recorded: F, M or X. */
export type Sex = (typeof SEXES)[number];
/** Age of the head of household on the report's day, in whole years. */
export const AGE_BANDS = ["under_18", "18_24", "25_34", "35_49", "50_64", "65_plus", "unknown"] as const;
/** Citizenship of the head of household. */
export const CITIZENSHIP_GROUPS = ["italian", "other_eu", "non_eu", "unknown"] as const;
/** The `physical_disability` need, or an accessibility need other than none. */
export const DISABILITY_GROUPS = ["with_disability", "without_disability"] as const;

/** The groups of each dimension, in the order the report lists them (every group, even when empty). */
export const EQUITY_GROUPS = {
  gender: GENDER_GROUPS,
  ageBand: AGE_BANDS,
  citizenship: CITIZENSHIP_GROUPS,
  disability: DISABILITY_GROUPS,
  householdType: TARGET_GROUPS,
} as const satisfies Record<EquityDimension, readonly string[]>;
export type EquityGroupOf<D extends EquityDimension> = (typeof EQUITY_GROUPS)[D][number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type CitizenshipGroup = (typeof CITIZENSHIP_GROUPS)[number];

// Lower bound of each band in years, youngest first.
const AGE_BAND_FROM: readonly (readonly [number, AgeBand])[] = [
  [65, "65_plus"],
  [50, "50_64"],
  [35, "35_49"],
  [25, "25_34"],
  [18, "18_24"],
  [0, "under_18"],
];

/** What the report reads of a household: its head, whether it has a disability, its target group. */
export type EquityProfile = {
  id: string;
  /** Sex of the head of household; null when no member is on file. */
  headSex: Sex | null;
  /** `YYYY-MM-DD`; null when no member is on file. */
  headBirthDate: string | null;
  /** ISO 3166-1 alpha-2 (`IT`, `MA`, …); null when no member is on file. */
  headCitizenship: string | null;
  /** See `hasDisability`. */
  disability: boolean;
  /** The household type: its target group of the co-programming (tipologia di nucleo). */
  householdType: TargetGroup;
};

/** Which stages a household reached (see the definitions above). */
export type EquityStages = Record<EquityStage, boolean>;
export type EquityHousehold = EquityProfile & EquityStages;

/** Age in whole years on `today`; a birthday on 29 February comes on 1 March in other years. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageBandOf(birthDate: string | null, today: string): AgeBand {
  if (birthDate === null) return "unknown";
  const age = ageOn(birthDate, today);
  return AGE_BAND_FROM.find(([from]) => age >= from)?.[1] ?? "unknown";
}

export function citizenshipGroupOf(country: string | null): CitizenshipGroup {
  const code = country?.trim().toUpperCase() ?? "";
  if (!/^[A-Z]{2}$/.test(code)) return "unknown";
  if (code === "IT") return "italian";
  return EU_CODES.has(code) ? "other_eu" : "non_eu";
}

/**
 * The household counts as having a disability when it has the `physical_disability` need or needs
 * step-free or wheelchair access. Pass no needs when their special-category consent was withdrawn.
 */
export const hasDisability = (household: {
  needs: readonly Need[];
  accessibilityNeed: AccessibilityNeed;
}): boolean => household.needs.includes("physical_disability") || household.accessibilityNeed !== "none";

/** A household as stored, with its head (the member recorded as head; null fields when none is on file). */
export type StoredEquityRecord = {
  id: string;
  targetGroup: string;
  needs: readonly string[];
  accessibilityNeed: string;
  /** The household withdrew its consent to special categories: its needs are not read. */
  specialCategoriesWithdrawn: boolean;
  headSex: string | null;
  headBirthDate: string | null;
  headCitizenship: string | null;
};

/** The profile the report reads of a stored household; a sex outside F, M, X counts as unknown. */
export function equityProfileOf(record: StoredEquityRecord): EquityProfile {
  const sex = (SEXES as readonly string[]).includes(record.headSex ?? "") ? (record.headSex as Sex) : null;
  return {
    id: record.id,
    headSex: sex,
    headBirthDate: record.headBirthDate,
    headCitizenship: record.headCitizenship,
    disability: hasDisability({
      needs: record.specialCategoriesWithdrawn ? [] : (record.needs as readonly Need[]),
      accessibilityNeed: ACCESS_NEEDS.has(record.accessibilityNeed)
        ? (record.accessibilityNeed as AccessibilityNeed)
        : "none",
    }),
    householdType: record.targetGroup as TargetGroup,
  };
}

/** The stages a household of the population reached, from its facts (see the definitions above). */
export function equityStagesOf(facts: {
  /** Eligible under the rules in force for at least one unit available or offered. */
  eligibleForAUnit: boolean;
  offers: number;
  acceptedOffers: number;
  status: HouseholdStatus;
}): EquityStages {
  const offered = facts.offers > 0;
  const housed = (HOUSED_STATUSES as readonly HouseholdStatus[]).includes(facts.status);
  return {
    eligible: facts.eligibleForAUnit || offered || housed,
    offered,
    accepted: facts.acceptedOffers > 0,
    housed,
  };
}

export function equityGroupsOf(
  profile: EquityProfile,
  today: string,
): { [D in EquityDimension]: EquityGroupOf<D> } {
  return {
    gender: profile.headSex ?? "unknown",
    ageBand: ageBandOf(profile.headBirthDate, today),
    citizenship: citizenshipGroupOf(profile.headCitizenship),
    disability: profile.disability ? "with_disability" : "without_disability",
    householdType: profile.householdType,
  };
}

/** Exact counts per stage, before any is withheld. */
export type EquityCounts<S extends string> = Record<S, number>;
/** Exact counts: for everyone, and for each group of each dimension (every group listed). */
export type EquityTally<S extends string> = {
  total: EquityCounts<S>;
  dimensions: { [D in EquityDimension]: { group: EquityGroupOf<D>; counts: EquityCounts<S> }[] };
};

const zeroCounts = <S extends string>(stages: readonly S[]) =>
  Object.fromEntries(stages.map((s) => [s, 0])) as EquityCounts<S>;

/** Count the households reaching each of `stages`, overall and by group; every household is in one group per dimension. */
export function tallyEquity<S extends string>(
  households: readonly (EquityProfile & Record<S, boolean>)[],
  stages: readonly S[],
  today: string,
): EquityTally<S> {
  const total = zeroCounts(stages);
  const index = {} as Record<EquityDimension, Map<string, EquityCounts<S>>>;
  for (const d of EQUITY_DIMENSIONS) {
    index[d] = new Map(EQUITY_GROUPS[d].map((g: string) => [g, zeroCounts(stages)]));
  }
  for (const h of households) {
    const groups = equityGroupsOf(h, today);
    for (const s of stages) {
      if (!h[s]) continue;
      total[s] += 1;
      for (const d of EQUITY_DIMENSIONS) {
        const counts = index[d].get(groups[d]);
        if (counts) counts[s] += 1;
      }
    }
  }
  const dimensions = Object.fromEntries(
    EQUITY_DIMENSIONS.map((d) => [d, [...index[d]].map(([group, counts]) => ({ group, counts }))]),
  ) as EquityTally<S>["dimensions"];
  return { total, dimensions };
}

/** A row of the published table: counts from 1 to 4 (and any withheld with them) are null. */
export type EquityRow<S extends string, G extends string> = { group: G } & Record<S, number | null> & {
    /** True when at least one count of the row is withheld. */
    suppressed: boolean;
  };
export type EquityTable<S extends string> = {
  total: EquityRow<S, "all">;
  dimensions: { [D in EquityDimension]: EquityRow<S, EquityGroupOf<D>>[] };
};

const isSmall = (count: number) => count >= 1 && count <= SMALL_COUNT_MAX;

/**
 * The cells of one dimension and stage to withhold: those from 1 to 4, and — when exactly one is
 * withheld while the total is shown — the smallest other non-zero cell too, since the one could
 * otherwise be recovered by subtracting the others from the total.
 */
function withheldCells(counts: readonly number[], totalShown: boolean): Set<number> {
  const withheld = new Set(counts.flatMap((c, i) => (isSmall(c) ? [i] : [])));
  if (withheld.size !== 1 || !totalShown) return withheld;
  let partner = -1;
  for (const [i, c] of counts.entries()) {
    if (c > 0 && !withheld.has(i) && (partner < 0 || c < (counts[partner] ?? 0))) partner = i;
  }
  if (partner >= 0) withheld.add(partner);
  return withheld;
}

/** The table as published: small counts withheld (primary), and one more where needed (secondary). */
export function withholdSmallCounts<S extends string>(
  tally: EquityTally<S>,
  stages: readonly S[],
): EquityTable<S> {
  const row = <G extends string>(group: G, counts: EquityCounts<S>, withheld: ReadonlySet<S>) =>
    ({
      group,
      ...Object.fromEntries(stages.map((s) => [s, withheld.has(s) ? null : counts[s]])),
      suppressed: withheld.size > 0,
    }) as EquityRow<S, G>;
  const totalWithheld = new Set(stages.filter((s) => isSmall(tally.total[s])));
  const dimensions = Object.fromEntries(
    EQUITY_DIMENSIONS.map((d) => {
      const rows = tally.dimensions[d];
      const withheld = rows.map(() => new Set<S>());
      for (const s of stages) {
        const cells = withheldCells(
          rows.map((r) => r.counts[s]),
          !totalWithheld.has(s),
        );
        for (const i of cells) withheld[i]?.add(s);
      }
      return [d, rows.map((r, i) => row(r.group, r.counts, withheld[i] ?? new Set()))];
    }),
  ) as EquityTable<S>["dimensions"];
  return { total: row("all", tally.total, totalWithheld), dimensions };
}

/** A share of one stage in the one before it (0–1); null when either count is withheld or the base is 0. */
export type EquityRates = {
  /** Offered / eligible. */
  offeredOfEligible: number | null;
  /** Accepted / offered. */
  acceptedOfOffered: number | null;
  /** Housed / eligible. */
  housedOfEligible: number | null;
};
export type EquityReportRow<G extends string> = EquityRow<EquityStage, G> & { rates: EquityRates };

export type EquityReportTable = {
  /** Households in the population; null when from 1 to 4. */
  households: number | null;
  total: EquityReportRow<"all">;
  dimensions: { [D in EquityDimension]: EquityReportRow<EquityGroupOf<D>>[] };
};

const rate = (part: number | null, whole: number | null) =>
  part === null || whole === null || whole === 0 ? null : part / whole;

function withRates<G extends string>(row: EquityRow<EquityStage, G>): EquityReportRow<G> {
  return {
    ...row,
    rates: {
      offeredOfEligible: rate(row.offered, row.eligible),
      acceptedOfOffered: rate(row.accepted, row.offered),
      housedOfEligible: rate(row.housed, row.eligible),
    },
  };
}

/**
 * The equity report over the population's households as of `today` (which dates the ages): per
 * dimension and group, the households at each stage and the rates, small counts withheld.
 */
export function equityReport(households: readonly EquityHousehold[], today: string): EquityReportTable {
  const table = withholdSmallCounts(tallyEquity(households, EQUITY_STAGES, today), EQUITY_STAGES);
  const dimensions = Object.fromEntries(
    EQUITY_DIMENSIONS.map((d) => [d, table.dimensions[d].map((r) => withRates(r))]),
  ) as EquityReportTable["dimensions"];
  return {
    households: isSmall(households.length) ? null : households.length,
    total: withRates(table.total),
    dimensions,
  };
}

/**
 * The households eligible (those in `eligible`) per dimension and group, small counts withheld: the
 * equity view of a rules preview.
 */
export function eligibleEquity(
  profiles: readonly EquityProfile[],
  eligible: ReadonlySet<string>,
  today: string,
): EquityTable<"eligible"> {
  const stages = ["eligible"] as const;
  const flagged = profiles.map((p) => ({ ...p, eligible: eligible.has(p.id) }));
  return withholdSmallCounts(tallyEquity(flagged, stages, today), stages);
}
