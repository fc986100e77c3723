// SPDX-License-Identifier: EUPL-1.2
import { TARGET_GROUPS } from "../households/household.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import { type AllocationInstance, scaleWeight } from "./assignment.ts";

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
 */
export function referenceAllocation(instance: AllocationInstance): ReferenceAllocation {
  const { units, households, pairs, bounds } = instance;
  const nU = units.length;
  const nH = households.length;
  const nC = UNIT_CATEGORIES.length;
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
  UNIT_CATEGORIES.forEach((c, i) => {
    const size = units.filter((u) => u.category === c).length;
    const min = bounds.category?.[c]?.min ?? 0;
    const max = Math.min(bounds.category?.[c]?.max ?? size, size);
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
  units.forEach((u, i) => {
    addArc(C0 + UNIT_CATEGORIES.indexOf(u.category), U0 + i, 1, 0);
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
