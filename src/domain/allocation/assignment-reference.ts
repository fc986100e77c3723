// SPDX-License-Identifier: EUPL-1.2
import loadHighs from "highs";
import { TARGET_GROUPS } from "../households/household.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import { type AllocationInstance, hasPartnerBounds, partnersOf, scaleWeight } from "./assignment.ts";

export type ReferenceAllocation = {
  feasible: boolean;
  /** Σ scaled weight of the best assignment (when feasible). */
  objectiveScaled: number;
  /** The household of each unit, or −1. */
  unitHousehold: Int32Array;
};

/**
 * A deliberately plain second opinion, for tests: the textbook source–sink network
 * (source → category → unit → household → target group → sink), each min as a parallel arc with a big
 * reward M, and successive shortest paths found by Bellman–Ford (queue-based), augmenting while a path
 * has negative cost. Feasible exactly when every rewarded arc ends saturated. Slow; no pruning.
 *
 * With partner bounds the units fall in cells (category × partner): every vector of counts per cell
 * that meets the category and partner bounds is tried as exact cell bounds in that same network, and
 * the best is kept. Exponential in the number of cells; for a dozen units at most.
 */
export function referenceAllocation(instance: AllocationInstance): ReferenceAllocation {
  const { units, bounds } = instance;
  const unitCategory = units.map((u) => UNIT_CATEGORIES.indexOf(u.category));
  if (!hasPartnerBounds(bounds)) {
    const classBounds = UNIT_CATEGORIES.map((c, i) => {
      const size = unitCategory.filter((x) => x === i).length;
      return { min: bounds.category?.[c]?.min ?? 0, max: Math.min(bounds.category?.[c]?.max ?? size, size) };
    });
    return referenceFlow(instance, unitCategory, classBounds);
  }

  const partners = partnersOf(instance);
  const unitPartner = units.map((u) => partners.indexOf(u.partner));
  const unitCell = units.map(
    (_, u) => (unitCategory[u] as number) * partners.length + (unitPartner[u] as number),
  );
  const cellSize = new Array<number>(UNIT_CATEGORIES.length * partners.length).fill(0);
  for (const cell of unitCell) cellSize[cell] = (cellSize[cell] as number) + 1;
  const side = (bound: { min?: number; max?: number } | undefined, size: number) => ({
    min: bound?.min ?? 0,
    max: Math.min(bound?.max ?? size, size),
  });
  const categorySide = UNIT_CATEGORIES.map((c, i) =>
    side(bounds.category?.[c], unitCategory.filter((x) => x === i).length),
  );
  const partnerSide = partners.map((p, j) =>
    side(bounds.partner?.[p], unitPartner.filter((x) => x === j).length),
  );
  const count = new Array<number>(cellSize.length).fill(0);
  let best: ReferenceAllocation = {
    feasible: false,
    objectiveScaled: 0,
    unitHousehold: new Int32Array(units.length).fill(-1),
  };
  const within = (total: (k: number) => number, sides: readonly { min: number; max: number }[]) =>
    sides.every((s, k) => total(k) >= s.min && total(k) <= s.max);
  const visit = (cell: number) => {
    if (cell === cellSize.length) {
      const byCategory = (i: number) =>
        partners.reduce((sum, _, j) => sum + (count[i * partners.length + j] as number), 0);
      const byPartner = (j: number) =>
        UNIT_CATEGORIES.reduce((sum, _, i) => sum + (count[i * partners.length + j] as number), 0);
      if (!within(byCategory, categorySide) || !within(byPartner, partnerSide)) return;
      const result = referenceFlow(
        instance,
        unitCell,
        count.map((n) => ({ min: n, max: n })),
      );
      if (result.feasible && (!best.feasible || result.objectiveScaled > best.objectiveScaled)) best = result;
      return;
    }
    for (let n = 0; n <= (cellSize[cell] as number); n++) {
      count[cell] = n;
      visit(cell + 1);
    }
    count[cell] = 0;
  };
  visit(0);
  return best;
}

/** The network above, with the units in classes (categories, or cells) bounded by `classBounds`. */
function referenceFlow(
  instance: AllocationInstance,
  unitClass: readonly number[],
  classBounds: readonly { min: number; max: number }[],
): ReferenceAllocation {
  const { units, households, pairs, bounds } = instance;
  const nU = units.length;
  const nH = households.length;
  const nC = classBounds.length;
  const nG = TARGET_GROUPS.length;
  const source = 0;
  const C0 = 1;
  const U0 = C0 + nC;
  const H0 = U0 + nU;
  const G0 = H0 + nH;
  const sink = G0 + nG;
  const nodeCount = sink + 1;

  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adjacency: number[][] = Array.from({ length: nodeCount }, () => []);
  const addArc = (a: number, b: number, capacity: number, c: number): number => {
    const id = to.length;
    to.push(b, a);
    cap.push(capacity, 0);
    cost.push(c, -c);
    adjacency[a]?.push(id);
    adjacency[b]?.push(id + 1);
    return id;
  };

  let big = 1;
  const bestOfUnit = new Array<number>(nU).fill(0);
  for (let i = 0; i < pairs.unit.length; i++) {
    const u = pairs.unit[i] as number;
    bestOfUnit[u] = Math.max(bestOfUnit[u] as number, scaleWeight(pairs.weight[i] as number));
  }
  for (const w of bestOfUnit) big += w;

  const rewarded: number[] = [];
  let rewardedTotal = 0;
  classBounds.forEach(({ min, max }, i) => {
    if (min > max) {
      rewarded.push(-1);
      return;
    }
    rewarded.push(addArc(source, C0 + i, min, -big));
    rewardedTotal += min;
    addArc(source, C0 + i, max - min, 0);
  });
  TARGET_GROUPS.forEach((g, i) => {
    const size = households.filter((h) => h.targetGroup === g).length;
    const min = bounds.targetGroup?.[g]?.min ?? 0;
    const max = Math.min(bounds.targetGroup?.[g]?.max ?? size, size);
    if (min > max) {
      rewarded.push(-1);
      return;
    }
    rewarded.push(addArc(G0 + i, sink, min, -big));
    rewardedTotal += min;
    addArc(G0 + i, sink, max - min, 0);
  });
  unitClass.forEach((c, i) => {
    addArc(C0 + c, U0 + i, 1, 0);
  });
  households.forEach((h, i) => {
    addArc(H0 + i, G0 + TARGET_GROUPS.indexOf(h.targetGroup), 1, 0);
  });
  const pairArc: number[] = [];
  for (let i = 0; i < pairs.unit.length; i++) {
    const w = scaleWeight(pairs.weight[i] as number);
    pairArc.push(addArc(U0 + (pairs.unit[i] as number), H0 + (pairs.household[i] as number), 1, -w));
  }

  const dist = new Float64Array(nodeCount);
  const predArc = new Int32Array(nodeCount);
  const inQueue = new Uint8Array(nodeCount);
  for (;;) {
    dist.fill(Number.POSITIVE_INFINITY);
    predArc.fill(-1);
    dist[source] = 0;
    const queue = [source];
    inQueue[source] = 1;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      inQueue[v] = 0;
      for (const arc of adjacency[v] ?? []) {
        if ((cap[arc] as number) <= 0) continue;
        const w = to[arc] as number;
        const d = (dist[v] as number) + (cost[arc] as number);
        if (d < (dist[w] as number)) {
          dist[w] = d;
          predArc[w] = arc;
          if (!inQueue[w]) {
            inQueue[w] = 1;
            queue.push(w);
          }
        }
      }
    }
    if (!((dist[sink] as number) < 0)) break;
    for (let v = sink; v !== source; ) {
      const arc = predArc[v] as number;
      cap[arc] = (cap[arc] as number) - 1;
      cap[arc ^ 1] = (cap[arc ^ 1] as number) + 1;
      v = to[arc ^ 1] as number;
    }
  }

  let saturated = 0;
  for (const arc of rewarded) if (arc >= 0) saturated += cap[arc ^ 1] as number;
  const feasible = !rewarded.includes(-1) && saturated === rewardedTotal;
  const unitHousehold = new Int32Array(nU).fill(-1);
  let objectiveScaled = 0;
  for (let i = 0; i < pairs.unit.length; i++) {
    if ((cap[(pairArc[i] as number) ^ 1] as number) > 0) {
      unitHousehold[pairs.unit[i] as number] = pairs.household[i] as number;
      objectiveScaled += scaleWeight(pairs.weight[i] as number);
    }
  }
  return { feasible, objectiveScaled, unitHousehold };
}

/**
 * Another second opinion for partner bounds, on instances too large to enumerate: the plain MIP on every
 * pair (no pruning, no prices), written out as CPLEX LP text and solved by HiGHS's one-shot `solve`, so
 * none of assignment-side.ts's model building is shared. Objective in scaled integers, gap below one.
 */
export async function referenceMip(
  instance: AllocationInstance,
): Promise<{ feasible: boolean; objectiveScaled: number }> {
  const { units, households, pairs, bounds } = instance;
  const terms = (vars: number[]) => {
    const lines: string[] = [];
    for (let k = 0; k < vars.length; k += 12) {
      lines.push(
        vars
          .slice(k, k + 12)
          .map((i) => `+ x${i}`)
          .join(" "),
      );
    }
    return lines.join("\n   ");
  };
  const byUnit = units.map(() => [] as number[]);
  const byHousehold = households.map(() => [] as number[]);
  const rows: string[] = [];
  const objective: string[] = [];
  for (let i = 0; i < pairs.unit.length; i++) {
    byUnit[pairs.unit[i] as number]?.push(i);
    byHousehold[pairs.household[i] as number]?.push(i);
    objective.push(`+ ${scaleWeight(pairs.weight[i] as number)} x${i}`);
  }
  byUnit.forEach((vars, u) => {
    if (vars.length > 0) rows.push(` u${u}: ${terms(vars)} <= 1`);
  });
  byHousehold.forEach((vars, h) => {
    if (vars.length > 0) rows.push(` h${h}: ${terms(vars)} <= 1`);
  });
  let contradiction = false;
  const bound = (name: string, vars: number[], b: { min?: number; max?: number } | undefined) => {
    const min = b?.min ?? 0;
    const max = b?.max ?? Number.POSITIVE_INFINITY;
    if (vars.length === 0) {
      contradiction ||= min > 0;
      return;
    }
    if (min > 0) rows.push(` ${name}_min: ${terms(vars)} >= ${min}`);
    if (max < vars.length) rows.push(` ${name}_max: ${terms(vars)} <= ${max}`);
  };
  const pairsWhere = (keep: (u: number, h: number) => boolean) =>
    [...pairs.unit.keys()].filter((i) => keep(pairs.unit[i] as number, pairs.household[i] as number));
  UNIT_CATEGORIES.forEach((c, k) => {
    bound(
      `c${k}`,
      pairsWhere((u) => units[u]?.category === c),
      bounds.category?.[c],
    );
  });
  TARGET_GROUPS.forEach((g, k) => {
    bound(
      `g${k}`,
      pairsWhere((_, h) => households[h]?.targetGroup === g),
      bounds.targetGroup?.[g],
    );
  });
  Object.entries(bounds.partner ?? {}).forEach(([p, b], k) => {
    bound(
      `p${k}`,
      pairsWhere((u) => units[u]?.partner === p),
      b,
    );
  });
  if (contradiction) return { feasible: false, objectiveScaled: 0 };
  if (pairs.unit.length === 0) return { feasible: true, objectiveScaled: 0 };
  const lp = [
    "Maximize",
    ` obj: ${objective.join(" ")}`,
    "Subject To",
    ...(rows.length > 0 ? rows : [" none: x0 <= 1"]),
    "Binaries",
    ` ${[...pairs.unit.keys()].map((i) => `x${i}`).join(" ")}`,
    "End",
  ].join("\n");
  const highs = await loadHighs();
  const solution = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 });
  if (solution.Status === "Infeasible") return { feasible: false, objectiveScaled: 0 };
  if (solution.Status !== "Optimal") throw new Error(`reference MIP: ${solution.Status}`);
  let objectiveScaled = 0;
  for (let i = 0; i < pairs.unit.length; i++) {
    if ((solution.Columns[`x${i}`]?.Primal ?? 0) > 0.5)
      objectiveScaled += scaleWeight(pairs.weight[i] as number);
  }
  return { feasible: true, objectiveScaled };
}
