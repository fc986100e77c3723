// SPDX-License-Identifier: EUPL-1.2

/*
 * What an attacker can learn about the hidden cells of a table of counts: for each hidden cell, the
 * least and the greatest value it can take given everything published.
 *
 * A table with its margins is a flow network (see `CountLayout`): every line (a row with its row
 * total, a column with its column total, the totals with the grand total) is a node whose inflow
 * equals its outflow, and every cell is an edge carrying its count. Published cells are constants;
 * the hidden ones are the unknowns, each at least 0. Any other table consistent with what is
 * published differs from the true one by a circulation on the hidden edges, so a hidden edge can grow
 * by as much flow as can go round back to its start through the residual network (other hidden edges
 * forwards without limit, backwards down to 0), and shrink likewise the other way (down to 0). The
 * constraint matrix of such a network is totally unimodular: these bounds are the integer bounds too,
 * the ones a linear-programming attacker finds (the tests check both agree).
 */

/** A table of counts as a flow network: each position (cell, margin or total) is one edge. */
export type CountLayout = {
  /** The true count of every position. */
  values: readonly number[];
  /** The edge of each position: from one line node to another. */
  edges: readonly (readonly [number, number])[];
  nodeCount: number;
  /** The grand total's position: suppressed only as a last resort (other tables publish it too). */
  grandTotal: number;
};

/** The least and greatest value a hidden cell can take; `max` is Infinity when nothing bounds it. */
export type CellRange = { min: number; max: number };

/** Edmonds–Karp on a dense capacity matrix; Infinity as soon as an unbounded path exists. */
function maxFlow(capacity: Float64Array, n: number, source: number, sink: number): number {
  const residual = Float64Array.from(capacity);
  const parent = new Int32Array(n);
  let flow = 0;
  for (;;) {
    parent.fill(-1);
    parent[source] = source;
    const queue = [source];
    for (let head = 0; head < queue.length && parent[sink] === -1; head++) {
      const u = queue[head] as number;
      for (let v = 0; v < n; v++) {
        if (parent[v] === -1 && (residual[u * n + v] as number) > 0) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[sink] === -1) return flow;
    let bottleneck = Number.POSITIVE_INFINITY;
    for (let v = sink; v !== source; v = parent[v] as number) {
      const u = parent[v] as number;
      bottleneck = Math.min(bottleneck, residual[u * n + v] as number);
    }
    if (bottleneck === Number.POSITIVE_INFINITY) return bottleneck;
    for (let v = sink; v !== source; v = parent[v] as number) {
      const u = parent[v] as number;
      residual[u * n + v] = (residual[u * n + v] as number) - bottleneck;
      residual[v * n + u] = (residual[v * n + u] as number) + bottleneck;
    }
    flow += bottleneck;
  }
}

/** The residual network of the hidden edges other than `except`, at the true counts. */
function residualOf(layout: CountLayout, hidden: readonly boolean[], except: number): Float64Array {
  const n = layout.nodeCount;
  const capacity = new Float64Array(n * n);
  layout.edges.forEach(([from, to], position) => {
    if (!hidden[position] || position === except) return;
    capacity[from * n + to] = Number.POSITIVE_INFINITY;
    capacity[to * n + from] = (capacity[to * n + from] as number) + (layout.values[position] as number);
  });
  return capacity;
}

/** The range of the hidden cell at `position` given the published ones. */
export function cellRange(layout: CountLayout, hidden: readonly boolean[], position: number): CellRange {
  const [from, to] = layout.edges[position] as readonly [number, number];
  const value = layout.values[position] as number;
  const capacity = residualOf(layout, hidden, position);
  const up = maxFlow(capacity, layout.nodeCount, to, from);
  const down = Math.min(value, maxFlow(capacity, layout.nodeCount, from, to));
  return { min: value - down, max: value + up };
}

/** The range of every hidden cell (null for the published ones). */
export function cellRanges(layout: CountLayout, hidden: readonly boolean[]): (CellRange | null)[] {
  return layout.values.map((_, position) => (hidden[position] ? cellRange(layout, hidden, position) : null));
}
