// SPDX-License-Identifier: EUPL-1.2

/**
 * A small exact min-cost flow: successive shortest paths from a source to a sink, each path found by
 * Bellman–Ford (queue form) on the residual graph, so negative arc costs are fine. The invariant of
 * successive shortest paths (the flow so far is cheapest for its value, hence the residual graph has
 * no negative cycle) makes every search terminate and the final flow a min-cost maximum flow.
 *
 * Used by the designation, whose graph is source → unit → category → sink: a shortest path visits each
 * category at most once, so each search settles in a few rounds over O(units × categories) arcs.
 */
export type FlowGraph = {
  nodeCount: number;
  from: number[];
  to: number[];
  cap: number[];
  cost: number[];
  flow: number[];
  /** Arcs leaving each node (the reverse arc of arc a is a ^ 1). */
  out: number[][];
};

export function newFlowGraph(nodeCount: number): FlowGraph {
  return {
    nodeCount,
    from: [],
    to: [],
    cap: [],
    cost: [],
    flow: [],
    out: Array.from({ length: nodeCount }, () => []),
  };
}

/** Adds an arc and its reverse; returns the arc's index. */
export function addArc(g: FlowGraph, from: number, to: number, cap: number, cost: number): number {
  const a = g.from.length;
  g.from.push(from, to);
  g.to.push(to, from);
  g.cap.push(cap, 0);
  g.cost.push(cost, -cost);
  g.flow.push(0, 0);
  (g.out[from] as number[]).push(a);
  (g.out[to] as number[]).push(a + 1);
  return a;
}

export type FlowResult = { flow: number; cost: number };

/** Sends as much flow as possible from `source` to `sink` at least cost; costs must be integers. */
export function minCostMaxFlow(g: FlowGraph, source: number, sink: number): FlowResult {
  let flow = 0;
  let cost = 0;
  const n = g.nodeCount;
  for (;;) {
    const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(n).fill(-1);
    const queued = new Array<boolean>(n).fill(false);
    dist[source] = 0;
    const queue: number[] = [source];
    queued[source] = true;
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as number;
      queued[v] = false;
      const dv = dist[v] as number;
      for (const a of g.out[v] as number[]) {
        if ((g.cap[a] as number) - (g.flow[a] as number) <= 0) continue;
        const w = g.to[a] as number;
        const d = dv + (g.cost[a] as number);
        if (d < (dist[w] as number)) {
          dist[w] = d;
          via[w] = a;
          if (!queued[w]) {
            queued[w] = true;
            queue.push(w);
          }
        }
      }
    }
    if (dist[sink] === Number.POSITIVE_INFINITY) return { flow, cost };
    let push = Number.POSITIVE_INFINITY;
    for (let v = sink; v !== source; v = g.from[via[v] as number] as number) {
      const a = via[v] as number;
      push = Math.min(push, (g.cap[a] as number) - (g.flow[a] as number));
    }
    for (let v = sink; v !== source; v = g.from[via[v] as number] as number) {
      const a = via[v] as number;
      g.flow[a] = (g.flow[a] as number) + push;
      g.flow[a ^ 1] = (g.flow[a ^ 1] as number) - push;
    }
    flow += push;
    cost += push * (dist[sink] as number);
  }
}
