// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { cellRange } from "./cell-ranges.ts";
import { arbitraryOneWay, arbitraryTwoWay, publishedOneWay, publishedTwoWay } from "./open-data-testing.ts";
import { attackPopulation, isDisclosed, type PublishedCounts } from "./recovery-attack.ts";
import {
  closeLines,
  layoutTwoWay,
  primaryHidden,
  suppressedPositions,
  suppressOneWay,
} from "./suppression.ts";

// The integer-programming attacker is slow on a loaded machine: give each case room.
vi.setConfig({ testTimeout: 120_000 });

/** A two-way table published with the positions `hidden` hidden (the positions of `layoutTwoWay`). */
function publishedWith(cells: readonly (readonly number[])[], hidden: readonly boolean[]): PublishedCounts {
  const layout = layoutTwoWay(cells);
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  const shown = (p: number) => (hidden[p] ? null : (layout.values[p] as number));
  return {
    cells: cells.map((r, i) => r.map((_, j) => shown(i * columns + j))),
    rowTotals: cells.map((_, i) => shown(rows * columns + i)),
    columnTotals: Array.from({ length: columns }, (_, j) => shown(rows * columns + rows + j)),
    total: shown(layout.grandTotal),
  };
}

const BRIDGED_RECTANGLES = [
  [3, 4, 50, 60],
  [5, 2, 7, 60],
  [50, 60, 3, 4],
  [50, 60, 5, 2],
];
const SMALL_RECTANGLE = [
  [3, 4, 40],
  [5, 2, 50],
  [60, 70, 80],
];

describe("the attack can recover what weak suppression leaves", () => {
  it("primary suppression alone: a lone small cell is the total minus the others", async () => {
    const published: PublishedCounts = {
      cells: [[null], [40], [50]],
      rowTotals: null,
      columnTotals: [93],
      total: 93,
    };
    const [found] = await attackPopulation([published]);
    expect(found).toEqual({ table: 0, where: "cell 0,0", min: 3, max: 3 });
    expect(isDisclosed(found as NonNullable<typeof found>)).toBe(true);
  });

  it("primary suppression alone in a two-way table: the small cell falls out of its row", async () => {
    const cells = [
      [3, 40],
      [30, 60],
    ];
    const layout = layoutTwoWay(cells);
    const found = await attackPopulation([publishedWith(cells, primaryHidden(layout))]);
    expect(found).toEqual([{ table: 0, where: "cell 0,0", min: 3, max: 3 }]);
  });

  it("the lines' rule alone: the cell bridging two hidden rectangles is determined", async () => {
    const layout = layoutTwoWay(BRIDGED_RECTANGLES);
    const found = await attackPopulation([
      publishedWith(BRIDGED_RECTANGLES, closeLines(layout, primaryHidden(layout))),
    ]);
    // Every line has 0 or at least 2 hidden cells, yet the 7 is pinned (and small cells inside 1–9).
    expect(found.filter(isDisclosed).map((c) => c.where)).toContain("cell 1,2");
    expect(found.find((c) => c.where === "cell 1,2")).toMatchObject({ min: 7, max: 7 });
  });

  it("the lines' rule alone: a rectangle of small cells pins each between 1 and 9", async () => {
    const layout = layoutTwoWay(SMALL_RECTANGLE);
    const found = await attackPopulation([
      publishedWith(SMALL_RECTANGLE, closeLines(layout, primaryHidden(layout))),
    ]);
    expect(found.find((c) => c.where === "cell 0,0")).toMatchObject({ min: 1, max: 7 });
    expect(found.some(isDisclosed)).toBe(true);
  });

  it("a total hidden in one table and published in another of the same population gives cells away", async () => {
    const hiddenTotal: PublishedCounts = {
      cells: [[null], [null]],
      rowTotals: null,
      columnTotals: [null],
      total: null,
    };
    const published: PublishedCounts = { cells: [[3], [40]], rowTotals: null, columnTotals: [43], total: 43 };
    expect((await attackPopulation([hiddenTotal])).some(isDisclosed)).toBe(false);
    const together = await attackPopulation([{ ...hiddenTotal, cells: [[null], [40]] }, published]);
    expect(together.filter((c) => c.table === 0 && c.where === "cell 0,0")).toEqual([
      { table: 0, where: "cell 0,0", min: 3, max: 3 },
    ]);
  });
});

describe("the attack recovers nothing from the full suppression", () => {
  it.each([
    { name: "a single 3 among large counts", cells: [[3, 400, 500, 620, 710]] },
    {
      name: "a whole row of small cells",
      cells: [
        [2, 3, 1],
        [30, 40, 50],
        [60, 70, 80],
      ],
    },
    {
      name: "a column with one small cell and one zero",
      cells: [
        [4, 30],
        [0, 40],
      ],
    },
    { name: "two rectangles bridged by one cell", cells: BRIDGED_RECTANGLES },
    { name: "a rectangle of small cells", cells: SMALL_RECTANGLE },
    {
      name: "every cell small",
      cells: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    },
    { name: "one row, one small column", cells: [[7], [80], [0]] },
  ])("$name", async ({ cells }) => {
    const found = await attackPopulation([publishedTwoWay(cells)]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter(isDisclosed)).toEqual([]);
  });

  it("one-way tables with a small cell, a zero partner, a hidden total", async () => {
    for (const cells of [
      [3, 40, 50],
      [3, 0, 20],
      [3, 0, 0],
      [5, 5, 5],
      [9, 10],
    ]) {
      const found = await attackPopulation([publishedOneWay(cells)]);
      expect(found.filter(isDisclosed), JSON.stringify(cells)).toEqual([]);
    }
  });

  it("two tables of one population, one of them told to hide the shared total", async () => {
    const a = publishedOneWay([3, 0, 0]);
    const b = suppressOneWay([1, 2], { hideTotal: true });
    const found = await attackPopulation([
      a,
      { cells: b.cells.map((v) => [v]), rowTotals: null, columnTotals: [b.total], total: b.total },
    ]);
    expect(found.filter(isDisclosed)).toEqual([]);
  });
});

/** The position in `layoutTwoWay` of a hidden count the attack names. */
function positionOf(where: string, rows: number, columns: number): number {
  const [kind, index] = [where.replace(/ [\d,]+$/, ""), where.match(/[\d,]+$/)?.[0] ?? ""];
  const [i = 0, j = 0] = index.split(",").map(Number);
  if (kind === "cell") return i * columns + j;
  if (kind === "row total") return rows * columns + i;
  if (kind === "column total") return rows * columns + rows + i;
  return (rows + 1) * (columns + 1) - 1;
}

describe("on random tables (property, with the integer-programming attacker)", () => {
  it("one-way: nothing hidden is disclosed", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryOneWay, async (cells) => {
        const found = await attackPopulation([publishedOneWay(cells)]);
        expect(found.filter(isDisclosed)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it("two-way: nothing hidden is disclosed, and the attack's ranges are the suppression's own audit", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryTwoWay(5), async (cells) => {
        const found = await attackPopulation([publishedTwoWay(cells)]);
        expect(found.filter(isDisclosed)).toEqual([]);
        const layout = layoutTwoWay(cells);
        const hidden = suppressedPositions(layout);
        for (const c of found) {
          const range = cellRange(layout, hidden, positionOf(c.where, cells.length, cells[0]?.length ?? 0));
          expect({ min: c.min, max: c.max }, c.where).toEqual(range);
        }
      }),
      { numRuns: 80 },
    );
  });
});
