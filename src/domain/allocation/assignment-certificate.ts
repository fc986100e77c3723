// SPDX-License-Identifier: EUPL-1.2
import { TARGET_GROUPS } from "../households/household.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import type {
  AllocationInstance,
  AnyAllocationResult,
  Assignment,
  CountBound,
  DualPrices,
} from "./assignment.ts";
import { partnersOf, WEIGHT_SCALE } from "./assignment.ts";

export type CertificateCheck = {
  valid: boolean;
  /** What failed, in plain words; empty when valid. */
  problems: string[];
  /**
   * What the check establishes without the solver. `optimality`: the dual value equals the objective.
   * `infeasibility`: a Farkas ray, or a bound contradicting itself or the stock. `feasibility`: a MIP
   * result (partner bounds) whose dual prices, if any, leave a gap — the assignment (or the closest one)
   * is checked and its objective recomputed, but optimality or infeasibility rests on HiGHS. `nothing`:
   * the MIP stopped at its time limit with no assignment.
   */
  proves: "optimality" | "infeasibility" | "feasibility" | "nothing";
  /** What the check could not establish, in plain words (MIP results); empty for the network's proofs. */
  notes: string[];
  /** Σ scaled weight of the assignments and the value of the dual prices, as recomputed here. */
  primalScaled: bigint | null;
  dualScaled: bigint | null;
};

/**
 * Checks a result against its instance without the solver: every assignment is a feasible pair, no unit
 * or household is used twice, the bounds hold, the dual prices are feasible for every pair of the
 * instance (not only the pairs the solver kept) and their value equals the objective — which by weak
 * duality proves that no assignment is worth more. For an infeasible result it checks the Farkas ray
 * (prices with every pair's sum ≥ 0 and a negative value) or the self-contradicting bound. A MIP result
 * (method "mip", partner bounds) has no integral dual certificate: its assignment, objective and gap are
 * checked, and its dual prices (the LP relaxation's, made exact) when present — they prove optimality
 * when their value equals the objective; otherwise `notes` says what rests on HiGHS.
 */
export function verifyCertificate(
  instance: AllocationInstance,
  result: AnyAllocationResult,
): CertificateCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const { units, households, pairs } = instance;
  const scaled = (w: number) => Math.round(w * WEIGHT_SCALE);
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const householdIndex = new Map(households.map((h, i) => [h.id, i]));
  const categorySize = new Map<string, number>();
  for (const u of units) categorySize.set(u.category, (categorySize.get(u.category) ?? 0) + 1);
  const groupSize = new Map<string, number>();
  for (const h of households) groupSize.set(h.targetGroup, (groupSize.get(h.targetGroup) ?? 0) + 1);
  const bound = (b: CountBound | undefined, size: number) => ({
    min: b?.min ?? 0,
    max: Math.min(b?.max ?? size, size),
    declaredMax: b?.max ?? null,
    size,
  });
  const categoryBounds = UNIT_CATEGORIES.map((c) =>
    bound(instance.bounds.category?.[c], categorySize.get(c) ?? 0),
  );
  const groupBounds = TARGET_GROUPS.map((g) =>
    bound(instance.bounds.targetGroup?.[g], groupSize.get(g) ?? 0),
  );
  const partners = partnersOf(instance);
  const partnerBounds = partners.map((p) =>
    bound(instance.bounds.partner?.[p], units.filter((u) => u.partner === p).length),
  );
  const unitCategory = units.map((u) => UNIT_CATEGORIES.indexOf(u.category));
  const householdGroup = households.map((h) => TARGET_GROUPS.indexOf(h.targetGroup));
  const unitPartner = units.map((u) => partners.indexOf(u.partner));

  /** The matching as unit → household, after checking it is one and that it uses instance pairs. */
  const checkMatching = (assignments: readonly Assignment[], label: string): Int32Array => {
    const match = new Int32Array(units.length).fill(-1);
    const usedHousehold = new Uint8Array(households.length);
    for (const a of assignments) {
      const u = unitIndex.get(a.unit);
      const h = householdIndex.get(a.household);
      if (u === undefined || h === undefined) {
        problems.push(`${label}: unknown unit or household in ${a.unit} → ${a.household}`);
        continue;
      }
      if (match[u] !== -1) problems.push(`${label}: unit ${a.unit} assigned twice`);
      if (usedHousehold[h]) problems.push(`${label}: household ${a.household} assigned twice`);
      match[u] = h;
      usedHousehold[h] = 1;
    }
    const found = new Uint8Array(units.length);
    for (let i = 0; i < pairs.unit.length; i++) {
      const u = pairs.unit[i] as number;
      if (match[u] === pairs.household[i]) found[u] = 1;
    }
    for (const a of assignments) {
      const u = unitIndex.get(a.unit);
      if (u !== undefined && !found[u])
        problems.push(`${label}: ${a.unit} → ${a.household} is not a feasible pair`);
    }
    return match;
  };

  const checkBounds = (match: Int32Array, label: string, minsToo: boolean) => {
    const byCategory = new Array<number>(UNIT_CATEGORIES.length).fill(0);
    const byGroup = new Array<number>(TARGET_GROUPS.length).fill(0);
    const byPartner = new Array<number>(partners.length).fill(0);
    match.forEach((h, u) => {
      if (h < 0) return;
      byCategory[unitCategory[u] as number] = (byCategory[unitCategory[u] as number] as number) + 1;
      byGroup[householdGroup[h] as number] = (byGroup[householdGroup[h] as number] as number) + 1;
      byPartner[unitPartner[u] as number] = (byPartner[unitPartner[u] as number] as number) + 1;
    });
    const check = (name: string, count: number, b: { min: number; max: number }) => {
      if (count > b.max || (minsToo && count < b.min)) {
        problems.push(`${label}: ${name} has ${count} assignments, bounds ${b.min}–${b.max}`);
      }
    };
    UNIT_CATEGORIES.forEach((c, i) => {
      check(c, byCategory[i] as number, categoryBounds[i] as { min: number; max: number });
    });
    TARGET_GROUPS.forEach((g, i) => {
      check(g, byGroup[i] as number, groupBounds[i] as { min: number; max: number });
    });
    partners.forEach((p, i) => {
      check(`partner ${p}`, byPartner[i] as number, partnerBounds[i] as { min: number; max: number });
    });
    return { byCategory, byGroup, byPartner };
  };

  /** Checks sign and integrality, then every pair's sum against its weight (or 0); returns the value. */
  const checkPrices = (prices: DualPrices, weighted: boolean, label: string): bigint | null => {
    if (prices.unit.length !== units.length || prices.household.length !== households.length) {
      problems.push(`${label}: wrong number of unit or household prices`);
      return null;
    }
    const categoryPrice = UNIT_CATEGORIES.map((c) => prices.category[c]);
    const groupPrice = TARGET_GROUPS.map((g) => prices.targetGroup[g]);
    const partnerPrice = partners.map((p) => prices.partner?.[p] ?? 0);
    const all = [...prices.unit, ...prices.household, ...categoryPrice, ...groupPrice, ...partnerPrice];
    if (!all.every((p) => Number.isSafeInteger(p))) {
      problems.push(`${label}: a price is not a safe integer`);
      return null;
    }
    if (!prices.unit.every((p) => p >= 0)) problems.push(`${label}: a unit price is negative`);
    if (!prices.household.every((p) => p >= 0)) problems.push(`${label}: a household price is negative`);
    let violated = 0;
    for (let i = 0; i < pairs.unit.length; i++) {
      const u = pairs.unit[i] as number;
      const h = pairs.household[i] as number;
      const sum =
        (prices.unit[u] as number) +
        (prices.household[h] as number) +
        (categoryPrice[unitCategory[u] as number] as number) +
        (groupPrice[householdGroup[h] as number] as number) +
        (partnerPrice[unitPartner[u] as number] as number);
      if (sum < (weighted ? scaled(pairs.weight[i] as number) : 0)) violated++;
    }
    if (violated > 0) problems.push(`${label}: ${violated} pairs violate their dual constraint`);
    let value = 0n;
    for (const p of prices.unit) value += BigInt(p);
    for (const p of prices.household) value += BigInt(p);
    const f = (price: number, b: { min: number; max: number }) =>
      BigInt(price) * BigInt(price >= 0 ? b.max : b.min);
    categoryPrice.forEach((p, i) => {
      value += f(p as number, categoryBounds[i] as { min: number; max: number });
    });
    groupPrice.forEach((p, i) => {
      value += f(p as number, groupBounds[i] as { min: number; max: number });
    });
    partnerPrice.forEach((p, i) => {
      value += f(p, partnerBounds[i] as { min: number; max: number });
    });
    return value;
  };

  const boundOf = (kind: "category" | "targetGroup" | "partner", key: string) => {
    switch (kind) {
      case "category":
        return categoryBounds[UNIT_CATEGORIES.indexOf(key as never)];
      case "targetGroup":
        return groupBounds[TARGET_GROUPS.indexOf(key as never)];
      case "partner":
        return partnerBounds[partners.indexOf(key)];
    }
  };
  const selfContradicting = (kind: "category" | "targetGroup" | "partner", key: string) => {
    const b = boundOf(kind, key);
    return b !== undefined && ((b.declaredMax !== null && b.min > b.declaredMax) || b.min > b.size);
  };
  const close = (a: number, b: bigint) =>
    Math.abs(a - Number(b) / WEIGHT_SCALE) <= 1e-9 * Math.max(1, Math.abs(a));
  const done = (
    proves: CertificateCheck["proves"],
    primalScaled: bigint | null,
    dualScaled: bigint | null,
  ) => ({
    valid: problems.length === 0,
    problems,
    proves,
    notes,
    primalScaled,
    dualScaled,
  });

  if (result.method === "mip") {
    switch (result.status) {
      case "optimal":
      case "feasible": {
        const match = checkMatching(result.assignments, "assignment");
        checkBounds(match, "assignment", true);
        let primal = 0n;
        for (const a of result.assignments) primal += BigInt(scaled(a.weight));
        if (!close(result.objective, primal))
          problems.push(`reported objective ${result.objective} is not Σ weight`);
        if (result.dualBound < result.objective)
          problems.push(`reported dual bound ${result.dualBound} is below the objective`);
        if (Math.abs(result.dualBound - result.objective - result.gap) > 1e-6)
          problems.push(`reported gap ${result.gap} is not dual bound − objective`);
        if (result.status === "optimal" && result.gap !== 0)
          problems.push(`reported gap ${result.gap} is not 0`);
        if (result.dual === null) {
          notes.push(
            `MIP result (HiGHS, partner bounds): no dual prices; that no assignment exceeds the dual bound ${result.dualBound} rests on HiGHS and is not checked here`,
          );
          return done("feasibility", primal, null);
        }
        const dual = checkPrices(result.dual, true, "dual");
        if (dual === null) return done("feasibility", primal, null);
        if (result.dualBound > Number(dual) / WEIGHT_SCALE + 1e-9 * Math.max(1, result.dualBound))
          problems.push(`reported dual bound ${result.dualBound} is above the value of the dual prices`);
        if (dual === primal) return done("optimality", primal, dual);
        notes.push(
          `MIP result (HiGHS, partner bounds): the dual prices prove no assignment exceeds ${Number(dual) / WEIGHT_SCALE} (checked); that none exceeds the dual bound ${result.dualBound} rests on HiGHS's branch and bound and is not checked here`,
        );
        return done("feasibility", primal, dual);
      }
      case "time_limit":
        problems.push("the MIP stopped at its time limit with no assignment: nothing to check");
        return done("nothing", null, null);
      case "infeasible":
        if (result.ray !== null) break;
        if (result.violations.length === 0) problems.push("infeasible without a violated bound");
        if (result.violations.some((v) => selfContradicting(v.kind, v.key)))
          return done("infeasibility", null, null);
        {
          const match = checkMatching(result.closest.assignments, "closest");
          const counts = checkBounds(match, "closest", false);
          const countOf = (kind: "category" | "targetGroup" | "partner", key: string) =>
            kind === "category"
              ? counts.byCategory[UNIT_CATEGORIES.indexOf(key as never)]
              : kind === "targetGroup"
                ? counts.byGroup[TARGET_GROUPS.indexOf(key as never)]
                : counts.byPartner[partners.indexOf(key)];
          for (const v of result.violations) {
            const count = countOf(v.kind, v.key) ?? 0;
            if (v.min - count !== v.shortfall)
              problems.push(
                `closest: ${v.kind} ${v.key} has ${count} assignments, not ${v.min} − ${v.shortfall}`,
              );
          }
        }
        notes.push(
          "MIP result (HiGHS, partner bounds): no Farkas ray; that no assignment meets the bounds rests on HiGHS and is not checked here",
        );
        return done("feasibility", null, null);
    }
  }

  if (result.status === "optimal") {
    const match = checkMatching(result.assignments, "assignment");
    checkBounds(match, "assignment", true);
    let primal = 0n;
    for (const a of result.assignments) primal += BigInt(scaled(a.weight));
    const dual = result.dual === null ? null : checkPrices(result.dual, true, "dual");
    if (dual !== null && dual !== primal) {
      problems.push(`dual value ${dual} differs from the objective ${primal} (micro-units)`);
    }
    if (!close(result.objective, primal))
      problems.push(`reported objective ${result.objective} is not Σ weight`);
    if (dual !== null && !close(result.dualBound, dual))
      problems.push(`reported dual bound ${result.dualBound} is off`);
    if (result.gap !== 0) problems.push(`reported gap ${result.gap} is not 0`);
    return done("optimality", primal, dual);
  }
  if (result.status !== "infeasible") return done("nothing", null, null);

  if (result.violations.length === 0) problems.push("infeasible without a violated bound");
  if (result.ray === null) {
    if (!result.violations.some((v) => selfContradicting(v.kind, v.key)))
      problems.push("no ray and no self-contradicting bound");
    return done("infeasibility", null, null);
  }
  const match = checkMatching(result.closest.assignments, "closest");
  checkBounds(match, "closest", false);
  const value = checkPrices(result.ray, false, "ray");
  if (value !== null && value >= 0n) problems.push(`ray value ${value} is not negative`);
  return done("infeasibility", null, value);
}
