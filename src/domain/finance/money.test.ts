// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { centsFromEuro, monthsBetween, roundCents } from "./money.ts";

describe("rounding to the cent", () => {
  it.each([
    [2.5, 3],
    [-2.5, -3], // half away from zero, not half up
    [2.4999, 2],
    [-0.4, 0],
    [1_558_200.899, 1_558_201],
  ])("%f → %i", (value, expected) => {
    expect(roundCents(value)).toBe(expected);
  });

  it.each([
    [1234.56, 123_456],
    [0.1 + 0.2, 30], // 30.000000000000004 cents
    [-15.5, -1_550],
  ])("%f EUR → %i cents", (euro, cents) => {
    expect(centsFromEuro(euro)).toBe(cents);
  });
});

describe("months between", () => {
  it.each([
    ["2026-01", "2026-01", 0],
    ["2026-01", "2050-12", 299],
    ["2026-03", "2025-12", -3],
  ])("%s → %s: %i", (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});
