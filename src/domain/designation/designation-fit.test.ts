// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../eligibility/rules.schema.ts";
import { demandByCategory, fitCost, sizeMismatch } from "./designation-fit.ts";

const weights = { tooSmallPerPerson: 2, tooLargePerPerson: 1, noDemand: 5 };

describe("sizeMismatch (default size standards: 28/38/42/56 m², +10 m² per further person)", () => {
  it.each([
    { rooms: 2, surfaceM2: 45, size: 3, cost: 0, why: "meets the 3-person standard" },
    { rooms: 1, surfaceM2: 30, size: 1, cost: 0, why: "a studio for one" },
    { rooms: 1, surfaceM2: 30, size: 3, cost: 4, why: "fits 1 person: 2 too many × 2" },
    { rooms: 2, surfaceM2: 40, size: 3, cost: 2, why: "40 m² < 42 m²: fits 2, 1 too many × 2" },
    { rooms: 5, surfaceM2: 90, size: 1, cost: 3, why: "5 rooms allowed from 4 persons: 3 too few × 1" },
    { rooms: 5, surfaceM2: 90, size: 5, cost: 0, why: "5 persons need 66 m², at most 6 rooms" },
    { rooms: 3, surfaceM2: 56, size: 6, cost: 4, why: "6 persons need 76 m²: fits 4, 2 too many × 2" },
  ])(
    "$rooms rooms, $surfaceM2 m² for $size persons costs $cost ($why)",
    ({ rooms, surfaceM2, size, cost }) => {
      expect(sizeMismatch(DEFAULT_RULES, weights, { rooms, surfaceM2 }, size)).toBe(cost);
    },
  );

  it("averages over the waiting households, in thousandths, and charges noDemand when nobody waits", () => {
    const demand = demandByCategory([
      { category: "calmierato", size: 1, households: 3 },
      { category: "calmierato", size: 3, households: 1 },
    ]);
    const studio = { rooms: 1, surfaceM2: 30 };
    expect(fitCost(DEFAULT_RULES, weights, demand, studio, "calmierato")).toBe(1000); // (0·3 + 4·1) / 4
    expect(fitCost(DEFAULT_RULES, weights, demand, studio, "fragilita")).toBe(5000);
  });
});
