// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCESSIBILITY_NEEDS, NEEDS, TARGET_GROUPS } from "../households/household.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import {
  type EligibilityHousehold,
  type EligibilityUnit,
  evaluatePair,
  unitFit as fitOf,
  isEligible,
  PAIR_RULES,
  type PairContext,
  type PairRule,
  pairWeight,
  priorityScore,
  standardFor,
  tieBreaker,
  waitingMonths,
} from "./eligibility.ts";
import { DEFAULT_RULES, REFERRAL_TYPES, type RulesVersion } from "./rules.schema.ts";

const TODAY = "2026-03-01";
const NO_FACTS = {
  knownToSocialServices: false,
  completedPreviousPath: false,
  prospectOfAutonomy: false,
  ableToCoPay: false,
  difficultyAccessingPublicHousing: false,
};

/**
 * A calmierato family of 3 presented by partner ETS-A: ISEE 15,000 EUR, net income 24,000 EUR a year
 * (2,000 EUR a month, so 600 EUR of rent at 30 %). Override what the case is about.
 */
const newHousehold = (overrides: Partial<EligibilityHousehold> = {}): EligibilityHousehold => ({
  id: "household-1",
  category: "calmierato",
  referralType: "partner",
  targetGroup: "famiglia",
  size: 3,
  needs: [],
  accessibilityNeed: "none",
  priority: NO_FACTS,
  incomeCents: 2_400_000,
  iseeCents: 1_500_000,
  managingPartnerCode: "ETS-A",
  tieBreakerSeed: "seed-household-1",
  ...overrides,
});

/** A calmierato flat of 3 rooms (2 bedrooms), 60 m², step-free, managed by ETS-A. */
const newUnit = (overrides: Partial<EligibilityUnit> = {}): EligibilityUnit => ({
  id: "unit-1",
  category: "calmierato",
  rooms: 3,
  bedrooms: 2,
  surfaceM2: 60,
  floor: 2,
  lift: true,
  stepFree: true,
  wheelchairAdapted: false,
  managingPartnerCode: "ETS-A",
  ...overrides,
});

/** Today, nothing refused, no holds, a rent of 500 EUR a month. */
const newContext = (overrides: Partial<PairContext> = {}): PairContext => ({
  today: TODAY,
  refusedUnitIds: [],
  holds: [],
  rentCentsPerMonth: 50_000,
  ...overrides,
});

/** A fragilità household of 1 referred by the social services, followed by ETS-B. */
const fragileHousehold = (overrides: Partial<EligibilityHousehold> = {}) =>
  newHousehold({
    category: "fragilita",
    referralType: "social_services",
    size: 1,
    managingPartnerCode: "ETS-B",
    ...overrides,
  });
const fragileUnit = (overrides: Partial<EligibilityUnit> = {}) =>
  newUnit({
    category: "fragilita",
    rooms: 2,
    bedrooms: 1,
    surfaceM2: 35,
    managingPartnerCode: "ETS-B",
    ...overrides,
  });

const rulesWith = (edit: (r: RulesVersion) => void): RulesVersion => {
  const copy = structuredClone(DEFAULT_RULES);
  edit(copy);
  return copy;
};

type Case = {
  name: string;
  household?: Partial<EligibilityHousehold>;
  unit?: Partial<EligibilityUnit>;
  context?: Partial<PairContext>;
  rules?: RulesVersion;
  passed: boolean;
  detail?: string;
};
const checkOf = (rule: PairRule, c: Case) => {
  const result = evaluatePair(
    c.rules ?? DEFAULT_RULES,
    newHousehold(c.household),
    newUnit(c.unit),
    newContext(c.context),
  );
  const check = result.checks.find((x) => x.rule === rule);
  if (!check) throw new Error(`no ${rule} check`);
  return check;
};
const expectCase = (rule: PairRule, c: Case) => {
  const check = checkOf(rule, c);
  expect(check.passed).toBe(c.passed);
  if (c.detail !== undefined) expect(check.detail).toBe(c.detail);
};

describe("evaluatePair", () => {
  it("passes the reference pair on every rule, in the documented order", () => {
    const result = evaluatePair(DEFAULT_RULES, newHousehold(), newUnit(), newContext());
    expect(result.eligible).toBe(true);
    expect(result.checks.map((c) => c.rule)).toEqual([...PAIR_RULES]);
    expect(result.checks.every((c) => c.passed)).toBe(true);
  });

  it("evaluates every rule even after one fails, so the explanation lists them all", () => {
    const result = evaluatePair(
      DEFAULT_RULES,
      newHousehold({
        category: "calmierato_ridotto",
        iseeCents: null,
        size: 5,
        accessibilityNeed: "wheelchair",
      }),
      newUnit({ rooms: 1, bedrooms: 0, surfaceM2: 30 }),
      newContext({
        refusedUnitIds: new Set(["unit-1"]),
        holds: [{ unitId: "unit-1", householdId: null, expiresOn: TODAY }],
        rentCentsPerMonth: 90_000,
      }),
    );
    expect(result.eligible).toBe(false);
    expect(result.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual([
      "category",
      "isee_band",
      "size",
      "surface",
      "accessibility",
      "affordability",
      "refused",
      "hold",
    ]);
  });

  describe("category: the unit's category takes the household's category and referral type", () => {
    it.each<Case>([
      {
        name: "calmierato household in a calmierato unit",
        passed: true,
        detail:
          "A calmierato unit takes calmierato households referred by social services or a partner; this household is calmierato, referred by a partner",
      },
      {
        name: "calmierato ridotto household in a calmierato unit",
        household: { category: "calmierato_ridotto" },
        passed: false,
      },
      {
        name: "calmierato household in a calmierato ridotto unit",
        unit: { category: "calmierato_ridotto" },
        passed: false,
      },
      {
        name: "fragilità household referred by social services in a fragilità unit",
        household: { category: "fragilita", referralType: "social_services" },
        unit: { category: "fragilita" },
        passed: true,
      },
      {
        name: "fragilità household presented by a partner",
        household: { category: "fragilita", referralType: "partner" },
        unit: { category: "fragilita" },
        passed: false,
        detail:
          "A fragilità unit takes fragilità households referred by social services; this household is fragilità, referred by a partner",
      },
      {
        name: "calmierato ridotto household where the rules open calmierato units to it",
        household: { category: "calmierato_ridotto" },
        rules: rulesWith((r) => {
          r.categories.calmierato.householdCategories = ["calmierato", "calmierato_ridotto"];
        }),
        passed: true,
      },
    ])("$name → $passed", (c) => expectCase("category", c));
  });

  describe("isee_band: ISEE within the band of the unit's category, both ends included", () => {
    const ridotto = { category: "calmierato_ridotto" } as const;
    it.each<Case>([
      {
        name: "calmierato ridotto at exactly 20,000 EUR",
        household: { ...ridotto, iseeCents: 2_000_000 },
        unit: ridotto,
        passed: true,
        detail: "ISEE 20,000.00 EUR is within the calmierato ridotto ISEE band 0.00 EUR–20,000.00 EUR",
      },
      {
        name: "calmierato ridotto one cent above 20,000 EUR",
        household: { ...ridotto, iseeCents: 2_000_001 },
        unit: ridotto,
        passed: false,
        detail: "ISEE 20,000.01 EUR is outside the calmierato ridotto ISEE band 0.00 EUR–20,000.00 EUR",
      },
      { name: "calmierato at exactly 35,000 EUR", household: { iseeCents: 3_500_000 }, passed: true },
      { name: "calmierato one cent above 35,000 EUR", household: { iseeCents: 3_500_001 }, passed: false },
      { name: "calmierato at an ISEE of 0", household: { iseeCents: 0 }, passed: true },
      {
        name: "calmierato without an ISEE",
        household: { iseeCents: null },
        passed: false,
        detail: "No ISEE on file; the calmierato ISEE band 0.00 EUR–35,000.00 EUR applies",
      },
      {
        name: "fragilità referred by social services, whatever the ISEE",
        household: { category: "fragilita", referralType: "social_services", iseeCents: 9_000_000 },
        unit: { category: "fragilita" },
        passed: true,
        detail: "The ISEE band is not applied to fragilità households referred by social services",
      },
      {
        name: "fragilità referred by social services without an ISEE",
        household: { category: "fragilita", referralType: "social_services", iseeCents: null },
        unit: { category: "fragilita" },
        passed: true,
      },
      {
        name: "a band with a minimum, one cent below it",
        household: { iseeCents: 499_999 },
        rules: rulesWith((r) => {
          r.categories.calmierato.isee = { minCents: 500_000, maxCents: null };
        }),
        passed: false,
        detail: "ISEE 4,999.99 EUR is outside the calmierato ISEE band from 5,000.00 EUR, no upper limit",
      },
      {
        name: "a band with a minimum, exactly at it",
        household: { iseeCents: 500_000 },
        rules: rulesWith((r) => {
          r.categories.calmierato.isee = { minCents: 500_000, maxCents: null };
        }),
        passed: true,
      },
      {
        name: "an income band too, income above it",
        household: { incomeCents: 4_000_001 },
        rules: rulesWith((r) => {
          r.categories.calmierato.income = { minCents: 1_000_000, maxCents: 4_000_000 };
        }),
        passed: false,
        detail:
          "ISEE 15,000.00 EUR is within the calmierato ISEE band 0.00 EUR–35,000.00 EUR; yearly net income 40,000.01 EUR is outside the calmierato income band 10,000.00 EUR–40,000.00 EUR",
      },
      {
        name: "an income band too, income at its top",
        household: { incomeCents: 4_000_000 },
        rules: rulesWith((r) => {
          r.categories.calmierato.income = { minCents: 1_000_000, maxCents: 4_000_000 };
        }),
        passed: true,
      },
    ])("$name → $passed", (c) => expectCase("isee_band", c));
  });

  describe("size: rooms and bedrooms within the standard for the household's size", () => {
    it.each<Case>([
      { name: "3 people, 2 rooms 1 bedroom", unit: { rooms: 2, bedrooms: 1 }, passed: true },
      {
        name: "3 people, 1 room",
        unit: { rooms: 1, bedrooms: 1 },
        passed: false,
        detail: "The unit has 1 rooms and 1 bedrooms; a household of 3 takes 2–4 rooms and 1–3 bedrooms",
      },
      { name: "3 people, 4 rooms (size + 1)", unit: { rooms: 4, bedrooms: 3 }, passed: true },
      { name: "3 people, 5 rooms", unit: { rooms: 5, bedrooms: 3 }, passed: false },
      { name: "3 people, no bedroom", unit: { rooms: 2, bedrooms: 0 }, passed: false },
      { name: "1 person, a studio", household: { size: 1 }, unit: { rooms: 1, bedrooms: 0 }, passed: true },
      { name: "1 person, 2 rooms", household: { size: 1 }, unit: { rooms: 2, bedrooms: 1 }, passed: true },
      { name: "1 person, 3 rooms", household: { size: 1 }, unit: { rooms: 3, bedrooms: 1 }, passed: false },
      {
        name: "6 people (beyond the table), 7 rooms",
        household: { size: 6 },
        unit: { rooms: 7, bedrooms: 6 },
        passed: true,
      },
      { name: "6 people, 8 rooms", household: { size: 6 }, unit: { rooms: 8, bedrooms: 6 }, passed: false },
      { name: "6 people, 2 rooms", household: { size: 6 }, unit: { rooms: 2, bedrooms: 2 }, passed: false },
    ])("$name → $passed", (c) => expectCase("size", c));
  });

  describe("surface: at least the standard's minimum m²", () => {
    it.each<Case>([
      {
        name: "1 person at exactly 28 m²",
        household: { size: 1 },
        unit: { rooms: 1, bedrooms: 0, surfaceM2: 28 },
        passed: true,
      },
      {
        name: "1 person at 27.99 m²",
        household: { size: 1 },
        unit: { rooms: 1, bedrooms: 0, surfaceM2: 27.99 },
        passed: false,
      },
      { name: "2 people at exactly 38 m²", household: { size: 2 }, unit: { surfaceM2: 38 }, passed: true },
      { name: "2 people at 37.99 m²", household: { size: 2 }, unit: { surfaceM2: 37.99 }, passed: false },
      {
        name: "3 people at exactly 42 m²",
        unit: { surfaceM2: 42 },
        passed: true,
        detail: "The unit has 42 m²; a household of 3 needs at least 42 m²",
      },
      {
        name: "3 people at 41.99 m²",
        unit: { surfaceM2: 41.99 },
        passed: false,
        detail: "The unit has 41.99 m²; a household of 3 needs at least 42 m²",
      },
      { name: "4 people at exactly 56 m²", household: { size: 4 }, unit: { surfaceM2: 56 }, passed: true },
      { name: "4 people at 55.99 m²", household: { size: 4 }, unit: { surfaceM2: 55.99 }, passed: false },
      {
        name: "5 people at exactly 66 m² (+10)",
        household: { size: 5 },
        unit: { surfaceM2: 66 },
        passed: true,
      },
      {
        name: "6 people at 75.99 m² (76 needed)",
        household: { size: 6 },
        unit: { surfaceM2: 75.99 },
        passed: false,
      },
      { name: "6 people at exactly 76 m²", household: { size: 6 }, unit: { surfaceM2: 76 }, passed: true },
    ])("$name → $passed", (c) => expectCase("surface", c));
  });

  describe("accessibility: step-free or wheelchair-adapted as the household needs", () => {
    const stepsOnly = { stepFree: false, wheelchairAdapted: false };
    const deriving = rulesWith((r) => {
      r.accessibility.stepFreeFromFloorOrLift = true;
    });
    it.each<Case>([
      {
        name: "no need, a unit with steps",
        unit: { ...stepsOnly, lift: false },
        passed: true,
        detail: "No accessibility need",
      },
      {
        name: "step-free needed, a step-free unit",
        household: { accessibilityNeed: "step_free" },
        passed: true,
        detail: "Step-free access needed; the unit is recorded as step-free",
      },
      {
        name: "step-free needed, a wheelchair-adapted unit",
        household: { accessibilityNeed: "step_free" },
        unit: { stepFree: false, wheelchairAdapted: true },
        passed: true,
      },
      {
        name: "step-free needed, a ground floor not recorded as step-free",
        household: { accessibilityNeed: "step_free" },
        unit: { ...stepsOnly, floor: 0, lift: false },
        passed: false,
        detail: "Step-free access needed; the unit is not recorded as step-free (floor 0, no lift)",
      },
      {
        name: "step-free needed, a ground floor, rules counting floor or lift",
        household: { accessibilityNeed: "step_free" },
        unit: { ...stepsOnly, floor: 0, lift: false },
        rules: deriving,
        passed: true,
        detail: "Step-free access needed; the unit is on the ground floor",
      },
      {
        name: "step-free needed, 4th floor with a lift, rules counting floor or lift",
        household: { accessibilityNeed: "step_free" },
        unit: { ...stepsOnly, floor: 4, lift: true },
        rules: deriving,
        passed: true,
        detail: "Step-free access needed; the unit is on floor 4 with a lift",
      },
      {
        name: "step-free needed, 3rd floor without a lift, rules counting floor or lift",
        household: { accessibilityNeed: "step_free" },
        unit: { ...stepsOnly, floor: 3, lift: false },
        rules: deriving,
        passed: false,
      },
      {
        name: "wheelchair, an adapted unit",
        household: { accessibilityNeed: "wheelchair" },
        unit: { wheelchairAdapted: true },
        passed: true,
      },
      {
        name: "wheelchair, a step-free unit not adapted",
        household: { accessibilityNeed: "wheelchair" },
        passed: false,
        detail: "A wheelchair-adapted unit needed; the unit is not wheelchair-adapted",
      },
    ])("$name → $passed", (c) => expectCase("accessibility", c));
  });

  describe("affordability: monthly rent at most 30 % of the net monthly income, not for fragilità", () => {
    it.each<Case>([
      {
        name: "rent exactly 30 % (600 EUR of 2,000 EUR)",
        context: { rentCentsPerMonth: 60_000 },
        passed: true,
        detail:
          "Rent 600.00 EUR a month is 30 % of the net monthly income 2,000.00 EUR; the limit is 30 %, at most 600.00 EUR a month",
      },
      {
        name: "rent one cent above 30 %",
        context: { rentCentsPerMonth: 60_001 },
        passed: false,
        detail:
          "Rent 600.01 EUR a month is 30 % of the net monthly income 2,000.00 EUR; the limit is 30 %, at most 600.00 EUR a month",
      },
      {
        name: "an income that does not divide evenly, rent at the limit",
        household: { incomeCents: 1_000_003 },
        context: { rentCentsPerMonth: 25_000 },
        passed: true,
      },
      {
        name: "rent not set: the calmierato cap of a 60 m² unit (375 EUR)",
        context: { rentCentsPerMonth: null },
        passed: true,
        detail:
          "Rent 375.00 EUR a month (the unit's cap: no rent set) is 18.75 % of the net monthly income 2,000.00 EUR; the limit is 30 %, at most 600.00 EUR a month",
      },
      {
        name: "no income on file",
        household: { incomeCents: null },
        passed: false,
        detail: "Rent 500.00 EUR a month; no net income on file (the limit is 30 % of it)",
      },
      { name: "no income at all", household: { incomeCents: 0 }, passed: false },
      {
        name: "no income, no rent",
        household: { incomeCents: 0 },
        context: { rentCentsPerMonth: 0 },
        passed: true,
      },
      {
        name: "fragilità exempt, even without income and with a high rent",
        household: { category: "fragilita", referralType: "social_services", incomeCents: null },
        unit: { category: "fragilita" },
        context: { rentCentsPerMonth: 500_000 },
        passed: true,
        detail: "Not applied to fragilità units: the support plan sets the co-payment",
      },
      {
        name: "fragilità no longer exempt and no rent set (no cap)",
        unit: { category: "fragilita" },
        context: { rentCentsPerMonth: null },
        rules: rulesWith((r) => {
          r.affordability.exemptCategories = [];
        }),
        passed: false,
        detail: "No rent set for the unit, and fragilità has no rent cap",
      },
      {
        name: "a 25 % share, rent exactly at it",
        context: { rentCentsPerMonth: 50_000 },
        rules: rulesWith((r) => {
          r.affordability.maxRentShareOfIncome = 0.25;
        }),
        passed: true,
      },
      {
        name: "a 25 % share, rent one cent above it",
        context: { rentCentsPerMonth: 50_001 },
        rules: rulesWith((r) => {
          r.affordability.maxRentShareOfIncome = 0.25;
        }),
        passed: false,
      },
    ])("$name → $passed", (c) => expectCase("affordability", c));
  });

  describe("partner: fragilità stays with the household's partner, other categories take any partner", () => {
    const fragile = {
      household: { category: "fragilita", referralType: "social_services", managingPartnerCode: "ETS-B" },
      unit: { category: "fragilita" },
    } as const;
    it.each<Case>([
      {
        name: "calmierato unit of another partner",
        unit: { managingPartnerCode: "ETS-Z" },
        passed: true,
        detail: "A calmierato unit may go to a household of any partner",
      },
      {
        name: "fragilità unit of the same partner",
        household: fragile.household,
        unit: { ...fragile.unit, managingPartnerCode: "ETS-B" },
        passed: true,
      },
      {
        name: "fragilità unit of the same partner, code written in lower case",
        household: fragile.household,
        unit: { ...fragile.unit, managingPartnerCode: "ets-b" },
        passed: true,
      },
      {
        name: "fragilità unit of another partner",
        household: fragile.household,
        unit: { ...fragile.unit, managingPartnerCode: "ETS-A" },
        passed: false,
        detail:
          "A fragilità unit goes to households of its managing partner; the unit is managed by ETS-A, the household by ETS-B",
      },
      {
        name: "fragilità unit without a partner",
        household: fragile.household,
        unit: { ...fragile.unit, managingPartnerCode: null },
        passed: false,
      },
      {
        name: "fragilità household without a partner",
        household: { ...fragile.household, managingPartnerCode: null },
        unit: { ...fragile.unit, managingPartnerCode: "ETS-B" },
        passed: false,
        detail:
          "A fragilità unit goes to households of its managing partner; the unit is managed by ETS-B, the household by no partner",
      },
    ])("$name → $passed", (c) => expectCase("partner", c));
  });

  describe("refused: a unit the household already refused", () => {
    it.each<Case>([
      {
        name: "refused this unit",
        context: { refusedUnitIds: ["unit-9", "unit-1"] },
        passed: false,
        detail: "The household has already refused this unit",
      },
      {
        name: "refused this unit (as a set)",
        context: { refusedUnitIds: new Set(["unit-1"]) },
        passed: false,
      },
      {
        name: "refused another unit",
        context: { refusedUnitIds: ["unit-9"] },
        passed: true,
        detail: "Not refused before",
      },
      { name: "refused nothing", passed: true },
    ])("$name → $passed", (c) => expectCase("refused", c));
  });

  describe("hold: a unit held for someone else until its expiry day, included", () => {
    const hold = (expiresOn: string, householdId: string | null = "household-2", unitId = "unit-1") => ({
      unitId,
      householdId,
      expiresOn,
    });
    it.each<Case>([
      { name: "no hold", passed: true, detail: "No hold on the unit" },
      {
        name: "held for another household, expiring today",
        context: { holds: [hold(TODAY)] },
        passed: false,
        detail: "The unit is held for another household until 2026-03-01",
      },
      {
        name: "held for another household, expired yesterday",
        context: { holds: [hold("2026-02-28")] },
        passed: true,
        detail: "The last hold on the unit expired on 2026-02-28",
      },
      {
        name: "held for another household until tomorrow",
        context: { holds: [hold("2026-03-02")] },
        passed: false,
      },
      {
        name: "held for this household",
        context: { holds: [hold("2026-03-10", "household-1")] },
        passed: true,
        detail: "The unit is held for this household until 2026-03-10",
      },
      {
        name: "held for no household (blocked)",
        context: { holds: [hold(TODAY, null)] },
        passed: false,
        detail: "The unit is held until 2026-03-01 (for no household)",
      },
      {
        name: "held for this household and for another",
        context: { holds: [hold("2026-03-10", "household-1"), hold("2026-03-05")] },
        passed: false,
      },
      {
        name: "a hold on another unit",
        context: { holds: [hold("2026-04-01", "household-2", "unit-2")] },
        passed: true,
      },
    ])("$name → $passed", (c) => expectCase("hold", c));
  });

  it("passes a fragilità pair of the same partner without income or ISEE", () => {
    const result = evaluatePair(
      DEFAULT_RULES,
      fragileHousehold({ incomeCents: null, iseeCents: null }),
      fragileUnit(),
      newContext({ rentCentsPerMonth: null }),
    );
    expect(result).toMatchObject({ eligible: true });
  });
});

describe("standardFor", () => {
  it.each([
    [1, { minSurfaceM2: 28, minRooms: 1, maxRooms: 2, minBedrooms: 0, maxBedrooms: 1 }],
    [4, { minSurfaceM2: 56, minRooms: 3, maxRooms: 5, minBedrooms: 2, maxBedrooms: 4 }],
    [5, { minSurfaceM2: 66, minRooms: 3, maxRooms: 6, minBedrooms: 2, maxBedrooms: 5 }],
    [8, { minSurfaceM2: 96, minRooms: 3, maxRooms: 9, minBedrooms: 2, maxBedrooms: 8 }],
  ])("a household of %i", (size, expected) => {
    expect(standardFor(DEFAULT_RULES, size)).toEqual({ size, ...expected });
  });
});

describe("fit", () => {
  it.each([
    ["the standard's own unit: 3 rooms, 42 m² for 3 people", { rooms: 3, surfaceM2: 42 }, 3, 1],
    ["one room more, same surface", { rooms: 4, surfaceM2: 42 }, 3, 1 / 1.5],
    ["3 rooms, 63 m² (half again the minimum)", { rooms: 3, surfaceM2: 63 }, 3, 1 / 1.25],
    ["a studio of 28 m² for 1 person", { rooms: 1, surfaceM2: 28 }, 1, 1],
    ["a 4-room, 84 m² flat for 1 person", { rooms: 4, surfaceM2: 84 }, 1, 1 / (1 + 0.5 * (3 + 2))],
  ] as const)("%s → %d", (_, unit, size, expected) => {
    expect(fitOf(DEFAULT_RULES, newHousehold({ size }), newUnit(unit))).toBeCloseTo(expected, 12);
  });

  it("is 1 for any unit when the fit weight is 0", () => {
    const rules = rulesWith((r) => {
      r.priority.fitWeight = 0;
    });
    expect(fitOf(rules, newHousehold({ size: 1 }), newUnit({ rooms: 6, surfaceM2: 150 }))).toBe(1);
  });

  it("prefers the smaller adequate unit for a small household", () => {
    const couple = newHousehold({ size: 2 });
    const small = fitOf(DEFAULT_RULES, couple, newUnit({ rooms: 2, surfaceM2: 45 }));
    const large = fitOf(DEFAULT_RULES, couple, newUnit({ rooms: 5, surfaceM2: 95 }));
    expect(small).toBeGreaterThan(large);
  });
});

describe("priorityScore", () => {
  const all = {
    knownToSocialServices: true,
    completedPreviousPath: true,
    prospectOfAutonomy: true,
    ableToCoPay: true,
    difficultyAccessingPublicHousing: true,
  };

  it("adds base, facts, needs, target group, waiting and the draw", () => {
    const rules = rulesWith((r) => {
      r.priority.targetGroups = { monoparentale: 2 };
    });
    const household = newHousehold({
      targetGroup: "monoparentale",
      priority: { ...NO_FACTS, knownToSocialServices: true, ableToCoPay: true },
      needs: ["economic_fragility", "migrant_background"],
    });
    const score = priorityScore(rules, household, { today: TODAY, referredOn: "2025-11-15" });
    const draw = tieBreaker("seed-household-1");
    expect(score.components).toEqual([
      { kind: "base", name: "base", points: 1 },
      { kind: "fact", name: "knownToSocialServices", points: 10 },
      { kind: "fact", name: "ableToCoPay", points: 6 },
      { kind: "need", name: "economic_fragility", points: 5 },
      { kind: "need", name: "migrant_background", points: 3 },
      { kind: "target_group", name: "monoparentale", points: 2 },
      { kind: "waiting", name: "waiting", points: 3 },
      { kind: "tie_breaker", name: "tie_breaker", points: draw * 0.01 },
    ]);
    expect(score.waitingMonths).toBe(3);
    expect(score.tieBreaker).toBe(draw);
    expect(score.total).toBeCloseTo(30 + draw * 0.01, 12);
  });

  it.each([
    ["no facts, referred today", NO_FACTS, TODAY, 1],
    ["every fact, referred today", all, TODAY, 1 + 10 + 8 + 6 + 6 + 8],
    ["no facts, 23 months", NO_FACTS, "2024-04-01", 1 + 23],
    ["no facts, exactly 24 months", NO_FACTS, "2024-03-01", 1 + 24],
    ["no facts, 30 months: capped at 24", NO_FACTS, "2023-09-01", 1 + 24],
    ["no facts, referred in the future", NO_FACTS, "2026-05-01", 1],
  ] as const)("%s → %d points before the draw", (_, priority, referredOn, points) => {
    const household = newHousehold({ priority, tieBreakerSeed: "x" });
    const score = priorityScore(DEFAULT_RULES, household, { today: TODAY, referredOn });
    expect(score.total - tieBreaker("x") * 0.01).toBeCloseTo(points, 10);
  });

  it("gives a target group no component unless the rules weight it, and counts a need once", () => {
    const score = priorityScore(
      DEFAULT_RULES,
      newHousehold({ needs: ["social_fragility", "social_fragility"] }),
      { today: TODAY, referredOn: TODAY },
    );
    expect(score.components.map((c) => c.kind)).toEqual(["base", "need", "waiting", "tie_breaker"]);
  });

  it("weighs a pair as priority × fit", () => {
    expect(pairWeight(30, 0.5)).toBe(15);
    expect(pairWeight(12.5, 1)).toBe(12.5);
  });
});

describe("waitingMonths", () => {
  it.each([
    ["2026-01-15", "2026-02-14", 0],
    ["2026-01-15", "2026-02-15", 1],
    ["2026-01-31", "2026-02-27", 0],
    ["2026-01-31", "2026-02-28", 1],
    ["2024-01-31", "2024-02-29", 1],
    ["2024-02-29", "2025-02-28", 12],
    ["2025-12-31", "2026-03-01", 2],
    ["2026-03-01", "2026-03-01", 0],
    ["2026-04-01", "2026-03-01", 0],
    ["2020-03-01", "2026-03-01", 72],
  ] as const)("%s → %s: %i", (from, to, months) => {
    expect(waitingMonths(from, to)).toBe(months);
  });
});

describe("tieBreaker", () => {
  it("gives the same draw for the same seed, pinned across releases", () => {
    expect(tieBreaker("seed-household-1")).toBe(tieBreaker("seed-household-1"));
    expect(tieBreaker("abc")).toBe(0.5166419988963753);
    expect(tieBreaker("")).toBe(0.6112444521859288);
  });

  it("spreads 10,000 seeds evenly over [0, 1)", () => {
    const draws = Array.from({ length: 10_000 }, (_, i) => tieBreaker(`household-${i}`));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(10_000);
    const deciles = Array.from({ length: 10 }, () => 0);
    for (const x of draws) deciles[Math.floor(x * 10)] = (deciles[Math.floor(x * 10)] ?? 0) + 1;
    for (const count of deciles) {
      expect(count).toBeGreaterThan(900);
      expect(count).toBeLessThan(1100);
    }
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it("is always in [0, 1)", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const x = tieBreaker(seed);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }),
    );
  });
});

describe("properties", () => {
  const partner = fc.constantFrom("ETS-A", "ETS-B", null);
  const household = fc.record({
    id: fc.constantFrom("household-1", "household-2"),
    category: fc.constantFrom(...UNIT_CATEGORIES),
    referralType: fc.constantFrom(...REFERRAL_TYPES),
    targetGroup: fc.constantFrom(...TARGET_GROUPS),
    size: fc.integer({ min: 1, max: 12 }),
    needs: fc.subarray([...NEEDS]),
    accessibilityNeed: fc.constantFrom(...ACCESSIBILITY_NEEDS),
    priority: fc.record({
      knownToSocialServices: fc.boolean(),
      completedPreviousPath: fc.boolean(),
      prospectOfAutonomy: fc.boolean(),
      ableToCoPay: fc.boolean(),
      difficultyAccessingPublicHousing: fc.boolean(),
    }),
    incomeCents: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
    iseeCents: fc.option(fc.integer({ min: 0, max: 6_000_000 })),
    managingPartnerCode: partner,
    tieBreakerSeed: fc.string(),
  });
  const unit = fc
    .record({
      id: fc.constantFrom("unit-1", "unit-2"),
      category: fc.constantFrom(...UNIT_CATEGORIES),
      rooms: fc.integer({ min: 1, max: 20 }),
      bedrooms: fc.integer({ min: 0, max: 15 }),
      surfaceM2: fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100),
      floor: fc.integer({ min: -3, max: 60 }),
      lift: fc.boolean(),
      stepFree: fc.boolean(),
      wheelchairAdapted: fc.boolean(),
      managingPartnerCode: partner,
    })
    .map((u) => ({
      ...u,
      bedrooms: Math.min(u.bedrooms, u.rooms),
      stepFree: u.stepFree || u.wheelchairAdapted,
    }));
  const day = fc.constantFrom("2026-02-28", TODAY, "2026-03-02");
  const context = fc.record({
    today: fc.constant(TODAY),
    refusedUnitIds: fc.subarray(["unit-1", "unit-2"]),
    holds: fc.array(
      fc.record({
        unitId: fc.constantFrom("unit-1", "unit-2"),
        householdId: fc.constantFrom("household-1", "household-2", null),
        expiresOn: day,
      }),
      { maxLength: 3 },
    ),
    rentCentsPerMonth: fc.option(fc.integer({ min: 0, max: 200_000 })),
  });
  const rules = fc.constantFrom(
    DEFAULT_RULES,
    rulesWith((r) => {
      r.accessibility.stepFreeFromFloorOrLift = true;
      r.affordability = { maxRentShareOfIncome: 0.35, exemptCategories: [] };
      r.categories.calmierato.income = { minCents: 1_000_000, maxCents: null };
      r.categories.fragilita.partnerMatch = "any";
      r.priority.fitWeight = 10;
    }),
  );

  it("eligible is exactly the AND of the checks, every rule is listed, and isEligible agrees", () => {
    fc.assert(
      fc.property(rules, household, unit, context, (r, h, u, c) => {
        const result = evaluatePair(r, h, u, c);
        expect(result.checks.map((x) => x.rule)).toEqual([...PAIR_RULES]);
        expect(result.eligible).toBe(result.checks.every((x) => x.passed));
        expect(isEligible(r, h, u, c)).toBe(result.eligible);
        for (const x of result.checks) expect(x.detail.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("fit is in (0, 1], and priority × fit is a positive weight", () => {
    fc.assert(
      fc.property(rules, household, unit, (r, h, u) => {
        const f = fitOf(r, h, u);
        expect(f).toBeGreaterThan(0);
        expect(f).toBeLessThanOrEqual(1);
        const p = priorityScore(r, h, { today: TODAY, referredOn: "2024-01-01" }).total;
        expect(pairWeight(p, f)).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
