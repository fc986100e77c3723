// SPDX-License-Identifier: EUPL-1.2
import { type CountLayout, cellRange } from "./cell-ranges.ts";

/*
 * Small-cell suppression (soppressione delle celle piccole) of the tables of counts of people or
 * households that the open data publishes.
 *
 * 1. Primary: every position — cell, row or column total, grand total — counting 1 to 9 is hidden. A
 *    zero is published.
 * 2. Secondary, by lines: a line (a row with its total, a column with its total, the totals with the
 *    grand total; a one-way table's cells with their total) with exactly one hidden position would
 *    give it away by subtraction, so the smallest other position of the line is hidden too — a
 *    non-zero one if there is any, the grand total last — until no line has exactly one.
 * 3. Secondary, by audit: lines alone are not enough in a two-way table (hidden cells in two separate
 *    rectangles joined by one cell leave that cell determined; a rectangle of small cells can pin each
 *    of them between 1 and 9). So each hidden position is audited as an attacker would (the least and
 *    greatest value it can take, `cell-ranges.ts`): it must not be determined exactly, and a count of
 *    1 to 9 must be able to be 0 or at least 10. A position failing is protected by hiding the
 *    published position (with the lines' rule again) that does it with the fewest and smallest
 *    counts, until every hidden position passes.
 * Hiding more never narrows what an attacker knows of the others, so each step keeps what the earlier
 * ones achieved, and the loop ends (at worst everything is hidden). The result depends only on the
 * counts: same table, same suppression.
 */

/** Counts from 1 to this are never published. */
export const SMALL_CELL_MAX = 9;
/** A count of people or households small enough to point at someone. */
export const isSmallCount = (count: number) => count >= 1 && count <= SMALL_CELL_MAX;

/** A one-way table: its cells; the total is their sum. */
export function layoutOneWay(cells: readonly number[]): CountLayout {
  const total = cells.reduce((sum, c) => sum + c, 0);
  // Node 0 is the line, node 1 the world outside: every cell flows in, the total flows out.
  return {
    values: [...cells, total],
    edges: [...cells.map(() => [1, 0] as const), [0, 1] as const],
    nodeCount: 2,
    grandTotal: cells.length,
  };
}

/**
 * A two-way table of `cells[row][column]` with its row totals, column totals and grand total, as
 * positions: the cells row by row, then the row totals, the column totals, the grand total.
 */
export function layoutTwoWay(cells: readonly (readonly number[])[]): CountLayout {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  const rowTotals = cells.map((r) => r.reduce((sum, c) => sum + c, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    cells.reduce((sum, r) => sum + (r[j] ?? 0), 0),
  );
  const total = rowTotals.reduce((sum, c) => sum + c, 0);
  // Nodes: each row's line, each column's line, the column totals' line, the row totals' line.
  const row = (i: number) => i;
  const column = (j: number) => rows + j;
  const totalsRow = rows + columns;
  const totalsColumn = rows + columns + 1;
  const edges: (readonly [number, number])[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) edges.push([row(i), column(j)]);
  for (let i = 0; i < rows; i++) edges.push([totalsColumn, row(i)]);
  for (let j = 0; j < columns; j++) edges.push([column(j), totalsRow]);
  edges.push([totalsRow, totalsColumn]);
  return {
    values: [...cells.flat(), ...rowTotals, ...columnTotals, total],
    edges,
    nodeCount: rows + columns + 2,
    grandTotal: edges.length - 1,
  };
}

/** The positions of each line: the edges meeting at each node. */
function linesOf(layout: CountLayout): number[][] {
  const lines: number[][] = Array.from({ length: layout.nodeCount }, () => []);
  layout.edges.forEach(([from, to], position) => {
    lines[from]?.push(position);
    lines[to]?.push(position);
  });
  return lines;
}

/** Primary suppression: the positions counting 1 to 9. */
export function primaryHidden(layout: CountLayout): boolean[] {
  return layout.values.map(isSmallCount);
}

/**
 * The published positions in the order secondary suppression takes them: non-zero ones before zeros,
 * the grand total last; then those that `closes` (that settle another line as well), the smallest
 * count, the first position.
 */
function candidates(
  layout: CountLayout,
  hidden: readonly boolean[],
  among: readonly number[],
  closes: (p: number) => boolean = () => false,
): number[] {
  const rank = (p: number) => {
    if (p === layout.grandTotal) return 2;
    return layout.values[p] === 0 ? 1 : 0;
  };
  return among
    .filter((p) => !hidden[p])
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        Number(closes(b)) - Number(closes(a)) ||
        (layout.values[a] as number) - (layout.values[b] as number) ||
        a - b,
    );
}

/** Secondary suppression by lines: until no line has exactly one hidden position (changes `hidden`). */
export function closeLines(layout: CountLayout, hidden: boolean[]): boolean[] {
  const lines = linesOf(layout);
  const hiddenIn = (node: number) => (lines[node] ?? []).filter((p) => hidden[p]).length;
  // A partner whose other line has one hidden position already settles that line too.
  const closesOther = (node: number) => (p: number) => {
    const [from, to] = layout.edges[p] as readonly [number, number];
    const other = from === node ? to : from;
    return other !== node && hiddenIn(other) === 1;
  };
  let changed = true;
  while (changed) {
    changed = false;
    lines.forEach((line, node) => {
      if (hiddenIn(node) !== 1) return;
      const partner = candidates(layout, hidden, line, closesOther(node))[0];
      if (partner === undefined) return;
      hidden[partner] = true;
      changed = true;
    });
  }
  return hidden;
}

/**
 * Whether a hidden position is safe: not determined exactly, and when it counts 1 to 9, free to be 0
 * or at least 10 for all the attacker knows.
 */
export function isProtected(layout: CountLayout, hidden: readonly boolean[], position: number): boolean {
  const { min, max } = cellRange(layout, hidden, position);
  if (min >= max) return false;
  return !isSmallCount(layout.values[position] as number) || min === 0 || max > SMALL_CELL_MAX;
}

const exposedPosition = (layout: CountLayout, hidden: readonly boolean[]) =>
  layout.values.findIndex((_, p) => hidden[p] && !isProtected(layout, hidden, p));

/** Hide more until `position` is protected: the cheapest single addition (with the lines' rule) that does it. */
function protect(layout: CountLayout, hidden: boolean[], position: number): boolean[] {
  const all = layout.values.map((_, p) => p);
  let best: { hidden: boolean[]; added: number; sum: number } | null = null;
  for (const candidate of candidates(layout, hidden, all)) {
    const trial = [...hidden];
    trial[candidate] = true;
    closeLines(layout, trial);
    if (!isProtected(layout, trial, position)) continue;
    const newly = trial.flatMap((h, p) => (h && !hidden[p] ? [p] : []));
    const sum = newly.reduce((s, p) => s + (layout.values[p] as number), 0);
    if (best === null || newly.length < best.added || (newly.length === best.added && sum < best.sum)) {
      best = { hidden: trial, added: newly.length, sum };
    }
  }
  if (best !== null) return best.hidden;
  // No single addition is enough: hide the first candidate of the position's own lines (or of the
  // table) and let the loop look again.
  const [from, to] = layout.edges[position] as readonly [number, number];
  const own = all.filter((p) => {
    const [a, b] = layout.edges[p] as readonly [number, number];
    return a === from || a === to || b === from || b === to;
  });
  const first = candidates(layout, hidden, own)[0] ?? candidates(layout, hidden, all)[0];
  const next = [...hidden];
  if (first !== undefined) next[first] = true;
  return closeLines(layout, next);
}

/**
 * The positions to hide: primary, secondary by lines, and by audit. `alsoHide` starts hidden too (a
 * grand total that another table of the same population hides).
 */
export function suppressedPositions(layout: CountLayout, alsoHide: readonly number[] = []): boolean[] {
  let hidden = primaryHidden(layout);
  for (const p of alsoHide) hidden[p] = true;
  closeLines(layout, hidden);
  for (
    let exposed = exposedPosition(layout, hidden);
    exposed >= 0;
    exposed = exposedPosition(layout, hidden)
  ) {
    hidden = protect(layout, hidden, exposed);
  }
  return hidden;
}

/** A one-way table as published: null where a count is hidden. */
export type SuppressedOneWay = { cells: (number | null)[]; total: number | null };

/** Suppress a one-way table; `hideTotal` hides its total whatever it counts. */
export function suppressOneWay(
  cells: readonly number[],
  options: { hideTotal?: boolean } = {},
): SuppressedOneWay {
  const layout = layoutOneWay(cells);
  const hidden = suppressedPositions(layout, options.hideTotal ? [layout.grandTotal] : []);
  const shown = (p: number) => (hidden[p] ? null : (layout.values[p] as number));
  return { cells: cells.map((_, i) => shown(i)), total: shown(layout.grandTotal) };
}

/** A two-way table as published: null where a count is hidden. */
export type SuppressedTwoWay = {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
};

/** Suppress a two-way table (rows of equal length); `hideTotal` hides its grand total whatever it counts. */
export function suppressTwoWay(
  cells: readonly (readonly number[])[],
  options: { hideTotal?: boolean } = {},
): SuppressedTwoWay {
  const layout = layoutTwoWay(cells);
  const hidden = suppressedPositions(layout, options.hideTotal ? [layout.grandTotal] : []);
  const shown = (p: number) => (hidden[p] ? null : (layout.values[p] as number));
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  return {
    cells: cells.map((r, i) => r.map((_, j) => shown(i * columns + j))),
    rowTotals: cells.map((_, i) => shown(rows * columns + i)),
    columnTotals: Array.from({ length: columns }, (_, j) => shown(rows * columns + rows + j)),
    total: shown(layout.grandTotal),
  };
}
