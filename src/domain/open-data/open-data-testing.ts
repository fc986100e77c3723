// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import type { PublishedCounts } from "./recovery-attack.ts";
import { suppressOneWay, suppressTwoWay } from "./suppression.ts";

/** Counts as they come in a small programme: mostly small, some zeros, some large. */
export const arbitraryCount = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 120 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

/** The cells of a one-way table (1 to 9 of them). */
export const arbitraryOneWay = fc.array(arbitraryCount, { minLength: 1, maxLength: 9 });

/** The cells of a two-way table, 1 to `max` rows by 1 to `max` columns. */
export const arbitraryTwoWay = (max = 6) =>
  fc
    .record({ rows: fc.integer({ min: 1, max }), columns: fc.integer({ min: 1, max }) })
    .chain(({ rows, columns }) =>
      fc.array(fc.array(arbitraryCount, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    );

/** A one-way table as the suppression publishes it, in the attacker's terms. */
export function publishedOneWay(cells: readonly number[]): PublishedCounts {
  const t = suppressOneWay(cells);
  return { cells: t.cells.map((v) => [v]), rowTotals: null, columnTotals: [t.total], total: t.total };
}

/** A two-way table as the suppression publishes it, in the attacker's terms. */
export function publishedTwoWay(cells: readonly (readonly number[])[]): PublishedCounts {
  const t = suppressTwoWay(cells);
  return { cells: t.cells, rowTotals: t.rowTotals, columnTotals: t.columnTotals, total: t.total };
}
