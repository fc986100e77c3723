// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "./random.ts";

const seed = fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 });
const take = (n: number, f: () => number) => Array.from({ length: n }, f);

describe("seededRandom", () => {
  it("gives the same sequence for the same seed", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = seededRandom(s);
        const b = seededRandom(s);
        expect(take(20, a.next)).toEqual(take(20, b.next));
      }),
    );
  });

  it("gives different sequences for different seeds", () => {
    expect(take(5, seededRandom(1).next)).not.toEqual(take(5, seededRandom(2).next));
    const firsts = new Set(Array.from({ length: 200 }, (_, s) => seededRandom(s).next()));
    expect(firsts.size).toBe(200);
  });

  it("draws floats in [0, 1)", () => {
    fc.assert(
      fc.property(seed, (s) => {
        for (const x of take(100, seededRandom(s).next)) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it("draws integers within [min, max], both ends included", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: -1000, max: 1000 }), fc.nat(50), (s, min, width) => {
        const r = seededRandom(s);
        for (const x of take(50, () => r.int(min, min + width))) {
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(min + width);
        }
      }),
    );
    const r = seededRandom(7);
    expect(new Set(take(500, () => r.int(1, 6)))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it("picks an element of the list", () => {
    fc.assert(
      fc.property(seed, fc.array(fc.string(), { minLength: 1, maxLength: 20 }), (s, items) => {
        expect(items).toContain(seededRandom(s).pick(items));
      }),
    );
  });

  it("shuffles into a permutation without touching the input", () => {
    fc.assert(
      fc.property(seed, fc.array(fc.integer(), { maxLength: 50 }), (s, items) => {
        const before = [...items];
        const shuffled = seededRandom(s).shuffle(items);
        expect(items).toEqual(before);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
    const ordered = Array.from({ length: 20 }, (_, i) => i);
    expect(seededRandom(3).shuffle(ordered)).not.toEqual(ordered);
  });
});
