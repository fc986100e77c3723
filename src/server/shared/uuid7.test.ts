// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { uuid7Batch } from "./uuid7.ts";

describe("time-ordered ids", () => {
  it("are version 7, variant 10, carry the millisecond, and sort in the order made", () => {
    const now = new Date("2026-11-22T09:00:00.123Z");
    const ids = uuid7Batch(70_000, now);
    for (const id of [ids[0], ids[4095], ids[4096], ids[69_999]] as string[]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now.getTime());
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("differ between two batches made in the same millisecond", () => {
    const now = new Date();
    const [a, b] = [uuid7Batch(1, now)[0], uuid7Batch(1, now)[0]];
    expect(a).not.toBe(b);
  });
});
