// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../eligibility/rules.schema.ts";
import type { UnitCategory, UnitStatus } from "../units/unit.schema.ts";
import {
  assignmentIssues,
  categoryProfiles,
  designationUnitOf,
  isDesignable,
  proposeStockDesignation,
  type StockUnit,
  stockMix,
} from "./designation-stock.ts";

let serial = 0;
const stockUnit = (overrides: Partial<StockUnit> = {}): StockUnit => {
  serial += 1;
  return {
    id: `id-${serial}`,
    code: `U-${String(serial).padStart(3, "0")}`,
    category: "calmierato",
    status: "to_renovate",
    rooms: 2,
    surfaceM2: 45,
    partnerCategories: null,
    version: 1,
    ...overrides,
  };
};

describe("which units are designable", () => {
  it.each<[UnitStatus, boolean]>([
    ["to_renovate", true],
    ["renovating", true],
    ["available", false],
    ["offered", false],
    ["let", false],
    ["vacating", false],
    ["unavailable", false],
  ])("%s → %s", (status, designable) => {
    expect(isDesignable(status)).toBe(designable);
  });
});

describe("designationUnitOf", () => {
  it.each<{
    case: string;
    unit: Partial<StockUnit>;
    mode: "refit" | "keep";
    expected: { category: UnitCategory | null; locked: boolean; allowed?: UnitCategory[] };
  }>([
    {
      case: "refit: provisional as undesignated",
      unit: {},
      mode: "refit",
      expected: { category: null, locked: false },
    },
    {
      case: "keep: provisional as designated",
      unit: {},
      mode: "keep",
      expected: { category: "calmierato", locked: false },
    },
    {
      case: "a let unit is locked",
      unit: { status: "let" },
      mode: "refit",
      expected: { category: "calmierato", locked: true },
    },
    {
      case: "a partner's ambiti limit it",
      unit: { partnerCategories: ["fragilita", "calmierato"] },
      mode: "refit",
      expected: { category: null, locked: false, allowed: ["calmierato", "fragilita"] },
    },
    {
      case: "a partner of every ambito leaves it free",
      unit: { partnerCategories: ["fragilita", "calmierato", "calmierato_ridotto"] },
      mode: "refit",
      expected: { category: null, locked: false },
    },
    {
      case: "a partner of no ambito locks it",
      unit: { partnerCategories: [] },
      mode: "refit",
      expected: { category: "calmierato", locked: true },
    },
  ])("$case", ({ unit, mode, expected }) => {
    const u = stockUnit(unit);
    expect(designationUnitOf(u, mode)).toEqual({ id: u.id, rooms: 2, surfaceM2: 45, ...expected });
  });
});

describe("assignmentIssues", () => {
  const free = stockUnit({ code: "FREE" });
  const let_ = stockUnit({ code: "LET", status: "let", category: "fragilita" });
  const partner = stockUnit({ code: "B1", partnerCategories: ["calmierato", "calmierato_ridotto"] });
  const units = new Map([free, let_, partner].map((u) => [u.id, u]));

  it.each<{ case: string; lines: { unitId: string; category: UnitCategory }[]; issues: [string, RegExp][] }>([
    {
      case: "a designable unit in any category its partner manages",
      lines: [
        { unitId: free.id, category: "fragilita" },
        { unitId: partner.id, category: "calmierato_ridotto" },
      ],
      issues: [],
    },
    { case: "a locked unit left as it is", lines: [{ unitId: let_.id, category: "fragilita" }], issues: [] },
    {
      case: "a locked unit changed",
      lines: [
        { unitId: free.id, category: "fragilita" },
        { unitId: let_.id, category: "calmierato" },
      ],
      issues: [["assignments.1.unitId", /^Unit LET is let: its category is locked/]],
    },
    {
      case: "an unknown unit",
      lines: [{ unitId: "nope", category: "fragilita" }],
      issues: [["assignments.0.unitId", /^No unit nope$/]],
    },
    {
      case: "a unit listed twice",
      lines: [
        { unitId: free.id, category: "fragilita" },
        { unitId: free.id, category: "fragilita" },
      ],
      issues: [["assignments.1.unitId", /^Unit FREE is listed twice \(also at assignments\.0\)$/]],
    },
    {
      case: "a category the managing partner does not manage",
      lines: [{ unitId: partner.id, category: "fragilita" }],
      issues: [
        [
          "assignments.0.category",
          /^The managing partner of unit B1 does not manage the category fragilità$/,
        ],
      ],
    },
  ])("$case", ({ lines, issues }) => {
    const found = assignmentIssues(lines, units);
    expect(found.map((i) => i.path)).toEqual(issues.map(([path]) => path));
    found.forEach((issue, i) => {
      expect(issue.message).toMatch((issues[i] as [string, RegExp])[1]);
    });
  });
});

describe("categoryProfiles", () => {
  it("groups the waiting households by size and the units by rooms, per category", () => {
    const profiles = categoryProfiles(
      [
        { category: "fragilita", size: 3, households: 2 },
        { category: "fragilita", size: 1, households: 4 },
        { category: "fragilita", size: 3, households: 1 },
        { category: "calmierato", size: 2, households: 0 },
      ],
      [
        { category: "fragilita", rooms: 3 },
        { category: "fragilita", rooms: 1 },
        { category: "fragilita", rooms: 3 },
        { category: "calmierato", rooms: 2 },
      ],
    );
    expect(profiles).toEqual([
      {
        category: "calmierato",
        waitingHouseholds: 0,
        demand: [],
        units: 1,
        supply: [{ rooms: 2, units: 1 }],
      },
      { category: "calmierato_ridotto", waitingHouseholds: 0, demand: [], units: 0, supply: [] },
      {
        category: "fragilita",
        waitingHouseholds: 7,
        demand: [
          { size: 1, households: 4 },
          { size: 3, households: 3 },
        ],
        units: 3,
        supply: [
          { rooms: 1, units: 1 },
          { rooms: 3, units: 2 },
        ],
      },
    ]);
  });
});

describe("stockMix", () => {
  it("counts the designable units of each category", () => {
    const mix = stockMix([
      { category: "calmierato", status: "to_renovate" },
      { category: "calmierato", status: "let" },
      { category: "fragilita", status: "renovating" },
    ]);
    expect(mix.total).toBe(3);
    expect(mix.designable).toBe(2);
    expect(mix.rows.map((r) => [r.category, r.count, r.designable])).toEqual([
      ["calmierato", 2, 1],
      ["calmierato_ridotto", 0, 0],
      ["fragilita", 1, 1],
    ]);
  });
});

describe("proposeStockDesignation", () => {
  // Ten units, all calmierato: four let (locked), six to renovate. 10 units allow only 4/3/3.
  const stock = [
    ...Array.from({ length: 4 }, (_, i) => stockUnit({ code: `L${i}`, status: "let", rooms: 2 })),
    ...Array.from({ length: 6 }, (_, i) =>
      stockUnit({ code: `R${i}`, status: i % 2 === 0 ? "to_renovate" : "renovating", rooms: 1 + i }),
    ),
  ];
  const demand = [
    { category: "fragilita" as const, size: 5, households: 6 },
    { category: "calmierato_ridotto" as const, size: 1, households: 6 },
  ];

  it.each(["refit", "keep"] as const)(
    "brings the mix within bounds, leaving the locked units (%s)",
    (provisional) => {
      const proposal = proposeStockDesignation({
        units: stock,
        demand,
        input: { provisional },
        rules: DEFAULT_RULES,
      });
      expect(proposal.status).toBe("ok");
      expect(proposal.before.rows.map((r) => r.withinBounds)).toEqual([false, false, false]);
      expect(proposal.after?.rows.map((r) => [r.count, r.withinBounds])).toEqual([
        [4, true],
        [3, true],
        [3, true],
      ]);
      expect(proposal.units.map((u) => u.code)).toEqual(stock.map((u) => u.code).sort());
      for (const u of proposal.units.filter((p) => p.status === "let"))
        expect(u).toMatchObject({ action: "locked", proposedCategory: "calmierato", changed: false });
      expect(proposal.changes).toBe(6);
      expect(proposal.units.filter((u) => u.changed)).toHaveLength(6);
      // The biggest flats go to the five-person fragilità households, the smallest to the singles.
      const to = Object.fromEntries(proposal.units.map((u) => [u.code, u.proposedCategory]));
      expect([to.R3, to.R4, to.R5]).toEqual(["fragilita", "fragilita", "fragilita"]);
      expect([to.R0, to.R1, to.R2]).toEqual([
        "calmierato_ridotto",
        "calmierato_ridotto",
        "calmierato_ridotto",
      ]);
      expect(proposal.units.find((u) => u.code === "R0")?.action).toBe(
        provisional === "refit" ? "designate" : "change",
      );
    },
  );

  it("keeps provisional categories the mix does not need to change (keep)", () => {
    const balanced = [
      ...Array.from({ length: 4 }, () => stockUnit({ category: "calmierato" })),
      ...Array.from({ length: 3 }, () => stockUnit({ category: "calmierato_ridotto", rooms: 5 })),
      ...Array.from({ length: 3 }, () => stockUnit({ category: "fragilita", rooms: 1 })),
    ];
    const keep = proposeStockDesignation({
      units: balanced,
      demand,
      input: { provisional: "keep" },
      rules: DEFAULT_RULES,
    });
    expect(keep.changes).toBe(0);
    const refit = proposeStockDesignation({ units: balanced, demand, input: {}, rules: DEFAULT_RULES });
    expect(refit.provisional).toBe("refit");
    expect(refit.changes).toBeGreaterThan(0);
  });

  it("names the bound when the locked units alone break it", () => {
    const units = [
      ...Array.from({ length: 5 }, () => stockUnit({ status: "let", category: "fragilita" })),
      ...Array.from({ length: 5 }, () => stockUnit()),
    ];
    const proposal = proposeStockDesignation({ units, demand: [], input: {}, rules: DEFAULT_RULES });
    expect(proposal).toMatchObject({ status: "infeasible", units: [], after: null, fitPoints: null });
    expect(proposal.violations[0]).toEqual({
      kind: "max",
      categories: ["fragilita"],
      limit: 3,
      message: "5 locked fragilità units exceed its maximum of 3",
    });
  });
});
