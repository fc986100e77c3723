// SPDX-License-Identifier: EUPL-1.2
import {
  type EquityProfile,
  type EquityTable,
  eligibleEquity,
  hasDisability,
} from "../equity/equity-report.ts";
import { TARGET_GROUPS, type TargetGroup } from "../households/household.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import {
  type EligibilityHousehold,
  type EligibilityUnit,
  isEligible,
  type PairContext,
  type UnitHold,
} from "./eligibility.ts";
import type { RulesVersion } from "./rules.schema.ts";

/** The people and stock a rule change is tried on, and the facts of the day. */
export type RulesPreviewInput = {
  before: RulesVersion;
  after: RulesVersion;
  households: readonly EligibilityHousehold[];
  units: readonly EligibilityUnit[];
  /** `YYYY-MM-DD`. */
  today: string;
  /** Units each household has refused, by household id. */
  refusedUnitIds?: Readonly<Record<string, readonly string[]>>;
  holds?: readonly UnitHold[];
  /** Monthly rent in cents by unit id; a unit left out is judged at its category's cap. */
  rentCentsPerMonth?: Readonly<Record<string, number>>;
  /**
   * The households' equity profiles, by household id. A household left out is counted with its head
   * unknown, its target group as household type and its disability read from its needs.
   */
  profiles?: Readonly<Record<string, EquityProfile>>;
};

/** Eligible pairs by the unit's category: how many, and their share of all eligible pairs (0–1). */
export type CategoryMix = Record<UnitCategory, { pairs: number; share: number }>;

export type RulesPreview = {
  /** Households eligible for at least one unit under the new rules but for none under the old ones. */
  added: string[];
  /** Households eligible for at least one unit under the old rules but for none under the new ones. */
  removed: string[];
  /** Households eligible for at least one unit. */
  eligibleHouseholds: { before: number; after: number };
  /** The same, by target group (the equity view of the change). */
  eligibleByTargetGroup: { before: Record<TargetGroup, number>; after: Record<TargetGroup, number> };
  mix: { before: CategoryMix; after: CategoryMix };
  /** Households eligible for at least one unit per equity dimension and group, counts from 1 to 4 withheld. */
  equity: { before: EquityTable<"eligible">; after: EquityTable<"eligible"> };
};

type Side = { rules: RulesVersion; eligible: Set<string>; pairs: Record<UnitCategory, number> };

const zeroBy = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function mixOf(pairs: Record<UnitCategory, number>): CategoryMix {
  const total = UNIT_CATEGORIES.reduce((sum, c) => sum + pairs[c], 0);
  return Object.fromEntries(
    UNIT_CATEGORIES.map((c) => [c, { pairs: pairs[c], share: total === 0 ? 0 : pairs[c] / total }]),
  ) as CategoryMix;
}

const profileOf = (h: EligibilityHousehold, profiles: RulesPreviewInput["profiles"]): EquityProfile =>
  profiles?.[h.id] ?? {
    id: h.id,
    headSex: null,
    headBirthDate: null,
    headCitizenship: null,
    disability: hasDisability(h),
    householdType: h.targetGroup,
  };

function byTargetGroup(households: readonly EligibilityHousehold[], eligible: Set<string>) {
  const counts = zeroBy(TARGET_GROUPS);
  for (const h of households) if (eligible.has(h.id)) counts[h.targetGroup] += 1;
  return counts;
}

/**
 * What a rule change would do before it is activated: who gains or loses eligibility for every unit,
 * how the eligible pairs split across categories, and how the eligible households split across the
 * equity dimensions, old rules against new. Ids keep the input order.
 */
export function previewRulesChange(input: RulesPreviewInput): RulesPreview {
  const holdsByUnit = new Map<string, UnitHold[]>();
  for (const hold of input.holds ?? []) {
    holdsByUnit.set(hold.unitId, [...(holdsByUnit.get(hold.unitId) ?? []), hold]);
  }
  const before: Side = { rules: input.before, eligible: new Set(), pairs: zeroBy(UNIT_CATEGORIES) };
  const after: Side = { rules: input.after, eligible: new Set(), pairs: zeroBy(UNIT_CATEGORIES) };
  for (const h of input.households) {
    const refusedUnitIds = new Set(input.refusedUnitIds?.[h.id] ?? []);
    for (const u of input.units) {
      // One context for both sides, so only the rules differ between them.
      const context: PairContext = {
        today: input.today,
        refusedUnitIds,
        holds: holdsByUnit.get(u.id) ?? [],
        rentCentsPerMonth: input.rentCentsPerMonth?.[u.id] ?? null,
      };
      for (const side of [before, after]) {
        if (!isEligible(side.rules, h, u, context)) continue;
        side.eligible.add(h.id);
        side.pairs[u.category] += 1;
      }
    }
  }
  const ids = input.households.map((h) => h.id);
  const profiles = input.households.map((h) => profileOf(h, input.profiles));
  return {
    added: ids.filter((id) => after.eligible.has(id) && !before.eligible.has(id)),
    removed: ids.filter((id) => before.eligible.has(id) && !after.eligible.has(id)),
    eligibleHouseholds: { before: before.eligible.size, after: after.eligible.size },
    eligibleByTargetGroup: {
      before: byTargetGroup(input.households, before.eligible),
      after: byTargetGroup(input.households, after.eligible),
    },
    mix: { before: mixOf(before.pairs), after: mixOf(after.pairs) },
    equity: {
      before: eligibleEquity(profiles, before.eligible, input.today),
      after: eligibleEquity(profiles, after.eligible, input.today),
    },
  };
}
