// SPDX-License-Identifier: EUPL-1.2
import { DEFAULT_RULES, type RulesVersion } from "../eligibility/rules.schema.ts";
import { apportion } from "../units/stock-summary.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../units/unit.schema.ts";
import {
  type CountBounds,
  DesignationInput,
  type DesignationInputParsed,
  DesignationSettings,
  type DesignationUnit,
} from "./designation.schema.ts";
import {
  type CategoryDemand,
  demandByCategory,
  FIT_SCALE,
  fitCost,
  meanWaitingSize,
} from "./designation-fit.ts";
import { addArc, minCostMaxFlow, newFlowGraph } from "./designation-flow.ts";

export const CATEGORY_LABEL: Record<UnitCategory, string> = {
  calmierato: "calmierato",
  calmierato_ridotto: "calmierato ridotto",
  fragilita: "fragilità",
};

/** Allowed unit counts of a category over the whole stock, and where they come from. */
export type CategoryBounds = CountBounds & { source: "percent" | "explicit" };

/**
 * What happens to one unit: `locked` and `keep` leave its category, `designate` gives an undesignated
 * unit its first category, `change` moves a designated unit (only when the mix needs it).
 */
export type DesignationAction = "locked" | "keep" | "designate" | "change";

export type UnitProposal = {
  unitId: string;
  from: UnitCategory | null;
  to: UnitCategory;
  action: DesignationAction;
  /** Fit cost of each category for this unit, in points (lower fits the waiting households better). */
  fitPoints: Record<UnitCategory, number>;
  reason: string;
};

export type MixRow = {
  category: UnitCategory;
  count: number;
  /** Percent of all units (undesignated ones included), two decimals. */
  percent: number;
  targetPercent: number;
  min: number;
  max: number;
  withinBounds: boolean;
};
export type Mix = { total: number; undesignated: number; rows: MixRow[] };

/**
 * A bound that cannot be met, named. `max`: `locked` units can only be in the category (locked in it,
 * or allowed nothing else); `min`: only `available` units may take it; `pair_max`: `units` units can
 * only be in one of two categories, more than their maxima add up to.
 */
export type DesignationViolation =
  | { kind: "max"; category: UnitCategory; limit: number; locked: number; message: string }
  | { kind: "min"; category: UnitCategory; limit: number; available: number; message: string }
  | { kind: "sum_of_minima"; limit: number; total: number; message: string }
  | { kind: "sum_of_maxima"; limit: number; total: number; message: string }
  | {
      kind: "pair_max";
      categories: [UnitCategory, UnitCategory];
      limit: number;
      units: number;
      message: string;
    };

export type DesignationObjective = {
  /** Designated units whose category changes (first criterion, minimised). */
  changes: number;
  /** Sum of the fit costs of all units not locked, in points (second criterion, minimised). */
  fitPoints: number;
  /** The same in integer thousandths of a point, as optimised. */
  fitMilli: number;
};

export type DesignationResult =
  | {
      status: "ok";
      proposals: UnitProposal[];
      bounds: Record<UnitCategory, CategoryBounds>;
      before: Mix;
      after: Mix;
      changes: number;
      objective: DesignationObjective;
    }
  | {
      status: "infeasible";
      /** The first bound that cannot be met; `violations` lists them all. */
      bound: DesignationViolation;
      violations: DesignationViolation[];
      bounds: Record<UnitCategory, CategoryBounds>;
      before: Mix;
    };

const round2 = (v: number) => Math.round(v * 100) / 100;
const basisPoints = (percent: number) => Math.round(percent * 100);

/**
 * Counts allowed per category for a stock of `total` units: explicit bounds where given, otherwise
 * target ± tolerance percentage points, rounded inwards (ceil of the low end, floor of the high end),
 * widened to always admit the target count by largest remainder, so that rounding alone never makes a
 * small stock infeasible (the widened bounds add up around `total`).
 */
export function designationBounds(
  total: number,
  input: Pick<DesignationInputParsed, "targetPercent" | "tolerancePoints" | "bounds">,
): Record<UnitCategory, CategoryBounds> {
  const shares = Object.fromEntries(UNIT_CATEGORIES.map((c) => [c, input.targetPercent[c] / 100])) as Record<
    UnitCategory,
    number
  >;
  const targets = apportion(total, shares, UNIT_CATEGORIES);
  const out = {} as Record<UnitCategory, CategoryBounds>;
  for (const c of UNIT_CATEGORIES) {
    const explicit = input.bounds[c];
    if (explicit) {
      out[c] = { min: explicit.min, max: explicit.max, source: "explicit" };
      continue;
    }
    const lo = basisPoints(Math.max(0, input.targetPercent[c] - input.tolerancePoints));
    const hi = basisPoints(Math.min(100, input.targetPercent[c] + input.tolerancePoints));
    const min = Math.floor((total * lo + 9999) / 10000);
    const max = Math.floor((total * hi) / 10000);
    out[c] = { min: Math.min(min, targets[c]), max: Math.max(max, targets[c]), source: "percent" };
  }
  return out;
}

function countBy(units: readonly { category: UnitCategory | null }[]): Record<UnitCategory, number> {
  const counts: Record<UnitCategory, number> = { calmierato: 0, calmierato_ridotto: 0, fragilita: 0 };
  for (const u of units) if (u.category !== null) counts[u.category] += 1;
  return counts;
}

/** The categories a unit may end in: its own when locked, else those it is allowed (all by default). */
export function allowedCategories(
  u: Pick<DesignationUnit, "category" | "locked" | "allowed">,
): UnitCategory[] {
  if (u.locked && u.category !== null) return [u.category];
  if (u.allowed === undefined) return [...UNIT_CATEGORIES];
  return UNIT_CATEGORIES.filter((c) => u.allowed?.includes(c));
}

function mixOf(
  units: readonly { category: UnitCategory | null }[],
  bounds: Record<UnitCategory, CategoryBounds>,
  targetPercent: Record<UnitCategory, number>,
): Mix {
  const counts = countBy(units);
  const total = units.length;
  return {
    total,
    undesignated: units.filter((u) => u.category === null).length,
    rows: UNIT_CATEGORIES.map((category) => ({
      category,
      count: counts[category],
      percent: total === 0 ? 0 : round2((counts[category] / total) * 100),
      targetPercent: targetPercent[category],
      min: bounds[category].min,
      max: bounds[category].max,
      withinBounds: counts[category] >= bounds[category].min && counts[category] <= bounds[category].max,
    })),
  };
}

/**
 * The mix of a stock against the bounds of `settings` (defaults: 39/26/35 ± 3 points): count, percent
 * and whether each category lies within its bounds. Units without a category count in the total only.
 */
export function designationMix(
  units: readonly { category: UnitCategory | null }[],
  settings: DesignationSettings = {},
): Mix {
  const parsed = DesignationSettings.parse(settings);
  return mixOf(units, designationBounds(units.length, parsed), parsed.targetPercent);
}

const PAIRS: [UnitCategory, UnitCategory][] = [
  ["calmierato", "calmierato_ridotto"],
  ["calmierato", "fragilita"],
  ["calmierato_ridotto", "fragilita"],
];

/**
 * The bounds that no designation can meet, given the categories each unit may end in (its own when
 * locked; those it is allowed otherwise). With every unit allowed every category these are: a category
 * with more locked units than its max, a min above the units not locked elsewhere, and minima or maxima
 * that do not bracket the stock. Restricted units add their Hall conditions: units that can only be in
 * one category, or in one of two, must fit under those maxima.
 */
export function designationViolations(
  units: readonly DesignationUnit[],
  bounds: Record<UnitCategory, CategoryBounds>,
): DesignationViolation[] {
  const total = units.length;
  const allowed = units.map(allowedCategories);
  const onlyIn = (set: readonly UnitCategory[]) =>
    allowed.filter((a) => a.every((c) => set.includes(c))).length;
  const lockedOnly = (c: UnitCategory) =>
    units.filter((u, i) => (allowed[i] as UnitCategory[]).length === 1 && u.locked && u.category === c)
      .length;
  const out: DesignationViolation[] = [];
  for (const c of UNIT_CATEGORIES) {
    const { min, max } = bounds[c];
    const only = onlyIn([c]);
    if (only > max) {
      const why =
        only === lockedOnly(c)
          ? `${only} locked ${CATEGORY_LABEL[c]} units`
          : `${only} units that can only be ${CATEGORY_LABEL[c]} (locked, or allowed no other category)`;
      out.push({
        kind: "max",
        category: c,
        limit: max,
        locked: only,
        message: `${why} exceed its maximum of ${max}`,
      });
    }
    const available = allowed.filter((a) => a.includes(c)).length;
    if (min > available)
      out.push({
        kind: "min",
        category: c,
        limit: min,
        available,
        message: `${CATEGORY_LABEL[c]} needs at least ${min} units but only ${available} may take it (the others are locked in another category or not allowed it)`,
      });
  }
  if (out.length > 0) return out;
  const needed = UNIT_CATEGORIES.reduce((s, c) => s + Math.max(bounds[c].min, onlyIn([c])), 0);
  if (needed > total)
    out.push({
      kind: "sum_of_minima",
      limit: needed,
      total,
      message: `the minima (with the units that can only be in one category) need ${needed} units but the stock has ${total}`,
    });
  const room = UNIT_CATEGORIES.reduce((s, c) => s + bounds[c].max, 0);
  if (room < total)
    out.push({
      kind: "sum_of_maxima",
      limit: room,
      total,
      message: `the maxima allow ${room} units but the stock has ${total}`,
    });
  for (const [a, b] of PAIRS) {
    const n = onlyIn([a, b]);
    const limit = bounds[a].max + bounds[b].max;
    if (n > limit)
      out.push({
        kind: "pair_max",
        categories: [a, b],
        limit,
        units: n,
        message: `${n} units can only be ${CATEGORY_LABEL[a]} or ${CATEGORY_LABEL[b]}, more than their maxima allow together (${limit})`,
      });
  }
  return out;
}

export type ProposeDesignationOptions = { rules?: RulesVersion };

/**
 * Proposes a category for every undesignated unit, and changes designated units that are not locked
 * only as far as the mix needs, so that every category's count lies within its bounds; a unit only
 * ever gets a category it is allowed (`allowed`, e.g. its managing partner's ambiti). Exact, with a
 * lexicographic objective: (1) fewest changes to designated units, (2) least total fit cost between
 * each unit's size and the sizes of the households waiting in its category.
 *
 * Method: a transportation problem (units → 3 categories with lower and upper counts) solved as a
 * min-cost flow; see docs in `designation-flow.ts` and the folder's README.
 */
export function proposeDesignation(
  rawInput: DesignationInput,
  { rules = DEFAULT_RULES }: ProposeDesignationOptions = {},
): DesignationResult {
  const input = DesignationInput.parse(rawInput);
  const units = input.units;
  const bounds = designationBounds(units.length, input);
  const before = mixOf(units, bounds, input.targetPercent);
  const violations = designationViolations(units, bounds);
  const first = violations[0];
  if (first) return { status: "infeasible", bound: first, violations, bounds, before };

  const demand = demandByCategory(input.demand);
  const fit = units.map((u) => costsOf(rules, input, demand, u));
  const assigned = solveDesignation(units, fit, bounds);
  const after = mixOf(
    assigned.map((category) => ({ category })),
    bounds,
    input.targetPercent,
  );
  const means = meanWaitingSize(demand);
  let changes = 0;
  let fitMilli = 0;
  const proposals = units.map((u, i): UnitProposal => {
    const to = assigned[i] as UnitCategory;
    const costs = fit[i] as Record<UnitCategory, number>;
    const action: DesignationAction = u.locked
      ? "locked"
      : u.category === null
        ? "designate"
        : u.category === to
          ? "keep"
          : "change";
    if (action === "change") changes += 1;
    if (!u.locked) fitMilli += costs[to];
    const fitPoints = Object.fromEntries(UNIT_CATEGORIES.map((c) => [c, costs[c] / FIT_SCALE])) as Record<
      UnitCategory,
      number
    >;
    return {
      unitId: u.id,
      from: u.category,
      to,
      action,
      fitPoints,
      reason: reasonFor(u, to, action, costs, means, after),
    };
  });
  return {
    status: "ok",
    proposals,
    bounds,
    before,
    after,
    changes,
    objective: { changes, fitPoints: fitMilli / FIT_SCALE, fitMilli },
  };
}

function costsOf(
  rules: RulesVersion,
  input: DesignationInputParsed,
  demand: CategoryDemand,
  u: DesignationUnit,
): Record<UnitCategory, number> {
  return Object.fromEntries(
    UNIT_CATEGORIES.map((c) => [c, fitCost(rules, input.weights, demand, u, c)]),
  ) as Record<UnitCategory, number>;
}

/**
 * The exact solve, assuming `designationViolations` found nothing. Locked units are fixed and taken off
 * the bounds; each other unit is one unit of supply. Nodes: source S, one per free unit, one per
 * category, T and the sink Z. Arcs: S → u (cap 1); u → c (cap 1, cost change·M + fit); c → Z (cap min′,
 * the lower bound as a demand); c → T (cap max′ − min′); T → Z (cap free − Σ min′); a unit has no arc
 * to a category it may not take. A flow saturating every arc into Z is exactly a designation within the
 * bounds; the maximum flow saturates them all (the conditions `designationViolations` checked are
 * Hall's for this network; the property test confirms them against brute force), and successive shortest
 * paths give the cheapest such flow. M exceeds any possible total fit cost, so one change always costs
 * more than any fit gain: the order of the two criteria is strict. All costs are integers.
 */
export function solveDesignation(
  units: readonly DesignationUnit[],
  fit: readonly Record<UnitCategory, number>[],
  bounds: Record<UnitCategory, CountBounds>,
): UnitCategory[] {
  const result: (UnitCategory | null)[] = units.map((u) => (u.locked ? u.category : null));
  const free = units.map((_, i) => i).filter((i) => !(units[i] as DesignationUnit).locked);
  const locked = countBy(units.filter((u) => u.locked));
  const k = free.length;
  const nC = UNIT_CATEGORIES.length;
  const S = 0;
  const C0 = 1 + k;
  const T = C0 + nC;
  const Z = T + 1;
  const big =
    free.reduce(
      (s, i) => s + Math.max(...UNIT_CATEGORIES.map((c) => (fit[i] as Record<UnitCategory, number>)[c])),
      0,
    ) + 1;
  if (big * (k + 1) * 2 > Number.MAX_SAFE_INTEGER)
    throw new Error("Designation costs exceed exact integer range");
  const g = newFlowGraph(Z + 1);
  const unitArcs: number[][] = [];
  free.forEach((i, j) => {
    const u = units[i] as DesignationUnit;
    const allowed = allowedCategories(u);
    addArc(g, S, 1 + j, 1, 0);
    unitArcs.push(
      UNIT_CATEGORIES.map((c) => {
        // A category the unit may not take gets no arc (-1).
        if (!allowed.includes(c)) return -1;
        const change = u.category !== null && u.category !== c ? 1 : 0;
        return addArc(
          g,
          1 + j,
          C0 + UNIT_CATEGORIES.indexOf(c),
          1,
          change * big + (fit[i] as Record<UnitCategory, number>)[c],
        );
      }),
    );
  });
  let minSum = 0;
  UNIT_CATEGORIES.forEach((c, ci) => {
    const min = Math.max(0, bounds[c].min - locked[c]);
    const max = Math.min(k, bounds[c].max - locked[c]);
    minSum += min;
    addArc(g, C0 + ci, Z, min, 0);
    addArc(g, C0 + ci, T, Math.max(0, max - min), 0);
  });
  addArc(g, T, Z, k - minSum, 0);
  const { flow } = minCostMaxFlow(g, S, Z);
  if (flow !== k)
    throw new Error("Designation flow did not place every unit although the bounds were checked");
  free.forEach((i, j) => {
    const arcs = unitArcs[j] as number[];
    const ci = arcs.findIndex((a) => a >= 0 && g.flow[a] === 1);
    result[i] = UNIT_CATEGORIES[ci] as UnitCategory;
  });
  return result as UnitCategory[];
}

function reasonFor(
  u: DesignationUnit,
  to: UnitCategory,
  action: DesignationAction,
  costs: Record<UnitCategory, number>,
  means: Record<UnitCategory, number | null>,
  after: Mix,
): string {
  const size = `${u.rooms} rooms, ${u.surfaceM2} m²`;
  const waiting = (c: UnitCategory) => {
    const m = means[c];
    return m === null
      ? `no ${CATEGORY_LABEL[c]} households waiting`
      : `${CATEGORY_LABEL[c]} households waiting average ${round2(m)} persons`;
  };
  const allowed = allowedCategories(u);
  const best = allowed.reduce((b, c) => (costs[c] < costs[b] ? c : b), to);
  const row = after.rows.find((r) => r.category === to) as MixRow;
  const bounded = `the mix allows ${row.min}–${row.max} ${CATEGORY_LABEL[to]} units`;
  switch (action) {
    case "locked":
      return `Locked by the Comune: stays ${CATEGORY_LABEL[to]}.`;
    case "keep":
      return `Keeps ${CATEGORY_LABEL[to]}: the mix is met without changing it.`;
    case "designate": {
      const bestOfAll = UNIT_CATEGORIES.reduce((b, c) => (costs[c] < costs[b] ? c : b), best);
      if (best === to && bestOfAll !== to)
        return `Not yet designated; ${size} would fit the ${waiting(bestOfAll)} better, but the unit may not be ${CATEGORY_LABEL[bestOfAll]}.`;
      return best === to
        ? `Not yet designated; ${size} fits best the ${waiting(to)}.`
        : `Not yet designated; ${size} would fit the ${waiting(best)} better, but ${bounded}.`;
    }
    case "change":
      if (!allowed.includes(u.category as UnitCategory))
        return `Changed from ${CATEGORY_LABEL[u.category as UnitCategory]} to ${CATEGORY_LABEL[to]}: the unit may not stay ${CATEGORY_LABEL[u.category as UnitCategory]}; ${size} suits the ${waiting(to)}.`;
      return `Changed from ${CATEGORY_LABEL[u.category as UnitCategory]} to ${CATEGORY_LABEL[to]}: the mix cannot be met with fewer changes (${bounded}); ${size} suits the ${waiting(to)}.`;
    default: {
      const never: never = action;
      return never;
    }
  }
}
