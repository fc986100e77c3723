// SPDX-License-Identifier: EUPL-1.2
import type { RulesVersion } from "../eligibility/rules.schema.ts";
import type { FieldIssue } from "../shared/issue.ts";
import { UNIT_CATEGORIES, type UnitCategory, type UnitStatus } from "../units/unit.schema.ts";
import type { DemandRow, DesignationSettings, DesignationUnit } from "./designation.schema.ts";
import {
  type DesignationMix,
  type DesignationProposal,
  DesignationProposalInput,
} from "./designation-api.schema.ts";
import {
  CATEGORY_LABEL,
  type DesignationViolation,
  designationMix,
  proposeDesignation,
} from "./propose-designation.ts";

/*
 * The registry's units as the designation sees them. The registry gives every unit a category (it is
 * required), so "not yet designated" is read from the status: before a unit reaches the market (to be
 * renovated, being renovated) its category is provisional and may be designated; from available on a
 * household may hold or have been offered it under that category, so it is locked.
 */

/** Statuses in which a unit's category is provisional: da ristrutturare, in ristrutturazione. */
export const DESIGNABLE_STATUSES = ["to_renovate", "renovating"] as const satisfies readonly UnitStatus[];

export const isDesignable = (status: UnitStatus): boolean =>
  (DESIGNABLE_STATUSES as readonly UnitStatus[]).includes(status);

/** A unit of the registry, with the ambiti of its managing partner (null: no managing partner). */
export type StockUnit = {
  id: string;
  code: string;
  category: UnitCategory;
  status: UnitStatus;
  rooms: number;
  surfaceM2: number;
  /** The categories its managing partner may manage; null when no partner manages it. */
  partnerCategories: readonly UnitCategory[] | null;
  version: number;
};

/**
 * How a proposal treats the provisional categories of designable units: `refit` as not yet designated
 * (each gets the category that fits best within the mix), `keep` as designations to change as little as
 * the mix allows.
 */
export type ProvisionalMode = "refit" | "keep";

/** The categories a unit may have: its managing partner's ambiti, or every one without a partner. */
export const permittedCategories = (u: Pick<StockUnit, "partnerCategories">): UnitCategory[] =>
  u.partnerCategories === null
    ? [...UNIT_CATEGORIES]
    : UNIT_CATEGORIES.filter((c) => u.partnerCategories?.includes(c));

/** The unit as `proposeDesignation` takes it: locked unless designable (or allowed no category at all). */
export function designationUnitOf(u: StockUnit, mode: ProvisionalMode): DesignationUnit {
  const allowed = permittedCategories(u);
  const base = { id: u.id, rooms: u.rooms, surfaceM2: u.surfaceM2 };
  if (!isDesignable(u.status) || allowed.length === 0) return { ...base, category: u.category, locked: true };
  return {
    ...base,
    category: mode === "refit" ? null : u.category,
    locked: false,
    ...(allowed.length < UNIT_CATEGORIES.length ? { allowed } : {}),
  };
}

/** One line of a confirmed designation: this unit takes this category. */
export type Assignment = { unitId: string; category: UnitCategory };

/**
 * What makes a confirmed (or edited) designation unacceptable, one issue per offending line, named
 * `assignments.<i>.unitId` or `assignments.<i>.category`: an unknown unit, a unit listed twice, a
 * change to a locked unit (a line that leaves a locked unit's category as it is passes, so a whole
 * proposal can be sent back), or a category its managing partner does not manage.
 */
export function assignmentIssues(
  assignments: readonly Assignment[],
  units: ReadonlyMap<string, StockUnit>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const firstAt = new Map<string, number>();
  assignments.forEach((a, i) => {
    const at = `assignments.${i}`;
    const u = units.get(a.unitId);
    if (u === undefined) {
      issues.push({ path: `${at}.unitId`, message: `No unit ${a.unitId}` });
      return;
    }
    const first = firstAt.get(a.unitId);
    if (first !== undefined) {
      issues.push({
        path: `${at}.unitId`,
        message: `Unit ${u.code} is listed twice (also at assignments.${first})`,
      });
      return;
    }
    firstAt.set(a.unitId, i);
    if (a.category === u.category) return;
    if (!isDesignable(u.status)) {
      issues.push({
        path: `${at}.unitId`,
        message: `Unit ${u.code} is ${u.status}: its category is locked (only units to be renovated or being renovated can be designated)`,
      });
      return;
    }
    if (!permittedCategories(u).includes(a.category))
      issues.push({
        path: `${at}.category`,
        message: `The managing partner of unit ${u.code} does not manage the category ${CATEGORY_LABEL[a.category]}`,
      });
  });
  return issues;
}

/** Households waiting in a category by size, and its units by rooms: demand against supply. */
export type CategoryProfile = {
  category: UnitCategory;
  waitingHouseholds: number;
  /** Waiting households per household size, smallest first. */
  demand: { size: number; households: number }[];
  units: number;
  /** Units per number of rooms, fewest first. */
  supply: { rooms: number; units: number }[];
};

/** Demand and supply per category, from the waiting households by size and the units. */
export function categoryProfiles(
  demand: readonly DemandRow[],
  units: readonly Pick<StockUnit, "category" | "rooms">[],
): CategoryProfile[] {
  return UNIT_CATEGORIES.map((category) => {
    const bySize = new Map<number, number>();
    for (const r of demand)
      if (r.category === category && r.households > 0)
        bySize.set(r.size, (bySize.get(r.size) ?? 0) + r.households);
    const byRooms = new Map<number, number>();
    for (const u of units) if (u.category === category) byRooms.set(u.rooms, (byRooms.get(u.rooms) ?? 0) + 1);
    const rows = [...bySize].sort(([a], [b]) => a - b).map(([size, households]) => ({ size, households }));
    const supply = [...byRooms].sort(([a], [b]) => a - b).map(([rooms, n]) => ({ rooms, units: n }));
    return {
      category,
      waitingHouseholds: rows.reduce((s, r) => s + r.households, 0),
      demand: rows,
      units: supply.reduce((s, r) => s + r.units, 0),
      supply,
    };
  });
}

/**
 * The category mix of the stock against the bounds of `settings` (default 39/26/35 ± 3 points), with
 * how many units of each category are designable.
 */
export function stockMix(
  units: readonly Pick<StockUnit, "category" | "status">[],
  settings: DesignationSettings = {},
): DesignationMix {
  const mix = designationMix(units, settings);
  const designable = (c: UnitCategory) =>
    units.filter((u) => u.category === c && isDesignable(u.status)).length;
  return {
    total: mix.total,
    designable: units.filter((u) => isDesignable(u.status)).length,
    rows: mix.rows.map((r) => ({ ...r, designable: designable(r.category) })),
  };
}

function violationView(v: DesignationViolation): DesignationProposal["violations"][number] {
  switch (v.kind) {
    case "max":
    case "min":
      return { kind: v.kind, categories: [v.category], limit: v.limit, message: v.message };
    case "pair_max":
      return { kind: v.kind, categories: [...v.categories], limit: v.limit, message: v.message };
    case "sum_of_minima":
    case "sum_of_maxima":
      return { kind: v.kind, categories: [], limit: v.limit, message: v.message };
    default: {
      const never: never = v;
      return never;
    }
  }
}

/**
 * A designation of the registry's stock: the designable units get categories so that the mix lies
 * within its bounds, fitting the waiting households' sizes (`proposeDesignation`), locked units stay
 * as they are, and no unit gets a category its managing partner does not manage. The mix before is
 * the registry's as it stands; `changes` counts the units whose category confirming would change.
 */
export function proposeStockDesignation(options: {
  units: readonly StockUnit[];
  demand: readonly DemandRow[];
  input: DesignationProposalInput;
  rules: RulesVersion;
}): Omit<DesignationProposal, "rulesVersion"> {
  const { provisional, ...settings } = DesignationProposalInput.parse(options.input);
  const units = [...options.units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const result = proposeDesignation(
    { ...settings, units: units.map((u) => designationUnitOf(u, provisional)), demand: [...options.demand] },
    { rules: options.rules },
  );
  const before = stockMix(units, settings);
  if (result.status === "infeasible")
    return {
      status: "infeasible",
      provisional,
      units: [],
      changes: 0,
      fitPoints: null,
      before,
      after: null,
      violations: result.violations.map(violationView),
    };
  const proposed = units.map((u, i) => {
    const p = result.proposals[i];
    if (p === undefined || p.unitId !== u.id) throw new Error("Designation proposals out of order");
    return {
      unitId: u.id,
      code: u.code,
      status: u.status,
      version: u.version,
      currentCategory: u.category,
      proposedCategory: p.to,
      action: p.action,
      changed: p.to !== u.category,
      fitPoints: p.fitPoints,
      reason: p.reason,
    };
  });
  return {
    status: "ok",
    provisional,
    units: proposed,
    changes: proposed.filter((p) => p.changed).length,
    fitPoints: result.objective.fitPoints,
    before,
    after: stockMix(
      units.map((u, i) => ({
        status: u.status,
        category: (proposed[i] as { proposedCategory: UnitCategory }).proposedCategory,
      })),
      settings,
    ),
    violations: [],
  };
}
