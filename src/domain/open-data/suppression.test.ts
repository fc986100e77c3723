// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellRanges } from "./cell-ranges.ts";
import { arbitraryOneWay, arbitraryTwoWay } from "./open-data-testing.ts";
import {
  closeLines,
  isProtected,
  isSmallCount,
  layoutOneWay,
  layoutTwoWay,
  primaryHidden,
  suppressedPositions,
  suppressOneWay,
  suppressTwoWay,
} from "./suppression.ts";

describe("one-way tables", () => {
  it.each([
    { cells: [40, 50, 60], published: [40, 50, 60], total: 150, why: "nothing small: all published" },
    { cells: [0, 50, 0], published: [0, 50, 0], total: 50, why: "zeros are published" },
    {
      cells: [3, 40, 50],
      published: [null, null, 50],
      total: 93,
      why: "one small cell takes the smallest other",
    },
    { cells: [3, 4, 50], published: [null, null, 50], total: 57, why: "two small cells protect each other" },
    {
      cells: [3, 0, 0],
      published: [null, 0, 0],
      total: null,
      why: "a small total is hidden, so the cell is safe",
    },
    { cells: [12, 0, 0], published: [12, 0, 0], total: 12, why: "a large lone count is no secret" },
    { cells: [3, 0, 20], published: [null, 0, null], total: 23, why: "a non-zero partner before a zero" },
    { cells: [10, 10, 1], published: [null, 10, null], total: 21, why: "ties go to the first position" },
    { cells: [], published: [], total: 0, why: "an empty table" },
  ])("$why", ({ cells, published, total }) => {
    expect(suppressOneWay(cells)).toEqual({ cells: published, total });
  });

  it("hides the total when told to (another table of the same population hides it)", () => {
    expect(suppressOneWay([40, 50, 60], { hideTotal: true })).toEqual({ cells: [null, 50, 60], total: null });
  });
});

describe("two-way tables", () => {
  it("publishes a table of large counts whole", () => {
    expect(
      suppressTwoWay([
        [20, 30],
        [40, 50],
      ]),
    ).toEqual({
      cells: [
        [20, 30],
        [40, 50],
      ],
      rowTotals: [50, 90],
      columnTotals: [60, 80],
      total: 140,
    });
  });

  it("hides a rectangle around a single small cell", () => {
    const result = suppressTwoWay([
      [3, 40, 50],
      [30, 60, 70],
      [20, 80, 90],
    ]);
    // The smallest partner in the 3's row (40) and column (20), and the 20's row partner, 80.
    expect(result.cells).toEqual([
      [null, null, 50],
      [30, 60, 70],
      [null, null, 90],
    ]);
    expect(result.rowTotals).toEqual([93, 160, 190]);
    expect(result.columnTotals).toEqual([53, 180, 210]);
  });

  it("hides a whole row of small cells and its small total with partners in the other rows", () => {
    const result = suppressTwoWay([
      [2, 3, 1],
      [30, 40, 50],
      [60, 70, 80],
    ]);
    expect(result.cells[0]).toEqual([null, null, null]);
    expect(result.rowTotals[0]).toBeNull();
    for (let j = 0; j < 3; j++)
      expect(result.cells.filter((r) => r[j] === null).length).toBeGreaterThanOrEqual(2);
  });

  it("joins the lines' rule with the audit: two rectangles bridged by one small cell", () => {
    const cells = [
      [3, 4, 50, 60],
      [5, 2, 7, 60],
      [50, 60, 3, 4],
      [50, 60, 5, 2],
    ];
    const layout = layoutTwoWay(cells);
    const byLines = closeLines(layout, primaryHidden(layout));
    // Every line has 0 or at least 2 hidden cells, yet the 7 between the rectangles is determined.
    const bridge = 1 * 4 + 2;
    expect(cellRanges(layout, byLines)[bridge]).toEqual({ min: 7, max: 7 });
    const hidden = suppressedPositions(layout);
    expect(hidden[bridge]).toBe(true);
    expect(isProtected(layout, hidden, bridge)).toBe(true);
  });

  it("widens a rectangle of small cells that would pin each between 1 and 9", () => {
    const cells = [
      [3, 4, 40],
      [5, 2, 50],
      [60, 70, 80],
    ];
    const layout = layoutTwoWay(cells);
    const byLines = closeLines(layout, primaryHidden(layout));
    expect(cellRanges(layout, byLines)[0]).toEqual({ min: 1, max: 7 });
    const hidden = suppressedPositions(layout);
    expect(layout.values.every((_, p) => !hidden[p] || isProtected(layout, hidden, p))).toBe(true);
  });

  it("hides a column with one small cell and one zero beside another column", () => {
    const result = suppressTwoWay([
      [4, 30],
      [0, 40],
    ]);
    expect(result.cells[0]?.[0]).toBeNull();
    expect(result.columnTotals[0]).toBeNull();
  });
});

/** Every published position keeps its count, every small one is hidden, every hidden one is protected. */
function expectSafe(layout: ReturnType<typeof layoutOneWay>, hidden: readonly boolean[]) {
  layout.values.forEach((value, p) => {
    if (isSmallCount(value)) expect(hidden[p]).toBe(true);
    if (hidden[p]) expect(isProtected(layout, hidden, p)).toBe(true);
  });
}

describe("suppression on random tables (property)", () => {
  it("one-way: small counts hidden, no hidden count recoverable, the same result each time", () => {
    fc.assert(
      fc.property(arbitraryOneWay, (cells) => {
        const layout = layoutOneWay(cells);
        const hidden = suppressedPositions(layout);
        expectSafe(layout, hidden);
        expect(suppressedPositions(layout)).toEqual(hidden);
        const published = suppressOneWay(cells);
        published.cells.forEach((v, i) => {
          if (v !== null) expect(v).toBe(cells[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("two-way: small counts hidden, no hidden count recoverable, the same result each time", () => {
    fc.assert(
      fc.property(arbitraryTwoWay(), (cells) => {
        const layout = layoutTwoWay(cells);
        const hidden = suppressedPositions(layout);
        expectSafe(layout, hidden);
        expect(suppressedPositions(layout)).toEqual(hidden);
      }),
      { numRuns: 300 },
    );
  });

  it("no line is left with exactly one hidden position", () => {
    fc.assert(
      fc.property(arbitraryTwoWay(), (cells) => {
        const t = suppressTwoWay(cells);
        const hiddenIn = (line: readonly (number | null)[]) => line.filter((v) => v === null).length;
        t.cells.forEach((r, i) => {
          expect(hiddenIn([...r, t.rowTotals[i] ?? null])).not.toBe(1);
        });
        t.columnTotals.forEach((c, j) => {
          expect(hiddenIn([...t.cells.map((r) => r[j] ?? null), c])).not.toBe(1);
        });
        expect(hiddenIn([...t.columnTotals, t.total])).not.toBe(1);
        expect(hiddenIn([...t.rowTotals, t.total])).not.toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
