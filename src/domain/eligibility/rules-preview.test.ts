// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { EligibilityHousehold, EligibilityUnit } from "./eligibility.ts";
import { DEFAULT_RULES, type RulesVersion } from "./rules.schema.ts";
import { previewRulesChange, type RulesPreviewInput } from "./rules-preview.ts";

const TODAY = "2026-03-01";

/** A couple presented by ETS-A with a net income of 18,000 EUR a year; override the case. */
const newHousehold = (id: string, overrides: Partial<EligibilityHousehold> = {}): EligibilityHousehold => ({
  id,
  category: "calmierato_ridotto",
  referralType: "partner",
  targetGroup: "famiglia",
  size: 2,
  needs: [],
  accessibilityNeed: "none",
  priority: {
    knownToSocialServices: false,
    completedPreviousPath: false,
    prospectOfAutonomy: false,
    ableToCoPay: false,
    difficultyAccessingPublicHousing: false,
  },
  incomeCents: 1_800_000,
  iseeCents: 1_000_000,
  managingPartnerCode: "ETS-A",
  tieBreakerSeed: id,
  ...overrides,
});

/** A two-room flat of 50 m² managed by ETS-A. */
const newUnit = (id: string, overrides: Partial<EligibilityUnit> = {}): EligibilityUnit => ({
  id,
  category: "calmierato_ridotto",
  rooms: 2,
  bedrooms: 1,
  surfaceM2: 50,
  floor: 1,
  lift: true,
  stepFree: true,
  wheelchairAdapted: false,
  managingPartnerCode: "ETS-A",
  ...overrides,
});

const rulesWith = (edit: (r: RulesVersion) => void): RulesVersion => {
  const copy = structuredClone(DEFAULT_RULES);
  copy.version += 1;
  edit(copy);
  return copy;
};
/** The calmierato ridotto ISEE ceiling cut from 20,000 to 15,000 EUR. */
const tightened = rulesWith((r) => {
  r.categories.calmierato_ridotto.isee.maxCents = 1_500_000;
});

const households = [
  newHousehold("low", { iseeCents: 1_200_000 }),
  newHousehold("at-new-max", { iseeCents: 1_500_000, targetGroup: "anziano_solo" }),
  newHousehold("squeezed", { iseeCents: 1_500_001, targetGroup: "monoparentale" }),
  newHousehold("at-old-max", { iseeCents: 2_000_000, targetGroup: "monoparentale" }),
  newHousehold("above", { iseeCents: 2_500_000 }),
  newHousehold("calmierato", { category: "calmierato", iseeCents: 3_000_000 }),
];
const units = [newUnit("r1"), newUnit("r2"), newUnit("c1", { category: "calmierato" })];
const input = (overrides: Partial<RulesPreviewInput> = {}): RulesPreviewInput => ({
  before: DEFAULT_RULES,
  after: tightened,
  households,
  units,
  today: TODAY,
  ...overrides,
});

describe("previewRulesChange", () => {
  it("lists the households a tightened ISEE band removes, and the new mix", () => {
    const preview = previewRulesChange(input());
    expect(preview.removed).toEqual(["squeezed", "at-old-max"]);
    expect(preview.added).toEqual([]);
    expect(preview.eligibleHouseholds).toEqual({ before: 5, after: 3 });
    expect(preview.mix.before).toEqual({
      calmierato: { pairs: 1, share: 1 / 9 },
      calmierato_ridotto: { pairs: 8, share: 8 / 9 },
      fragilita: { pairs: 0, share: 0 },
    });
    expect(preview.mix.after).toEqual({
      calmierato: { pairs: 1, share: 1 / 5 },
      calmierato_ridotto: { pairs: 4, share: 4 / 5 },
      fragilita: { pairs: 0, share: 0 },
    });
    expect(preview.eligibleByTargetGroup.before).toMatchObject({
      famiglia: 2,
      anziano_solo: 1,
      monoparentale: 2,
    });
    expect(preview.eligibleByTargetGroup.after).toMatchObject({
      famiglia: 2,
      anziano_solo: 1,
      monoparentale: 0,
    });
  });

  it("lists the same households as added when the band is loosened back", () => {
    const preview = previewRulesChange(input({ before: tightened, after: DEFAULT_RULES }));
    expect(preview.added).toEqual(["squeezed", "at-old-max"]);
    expect(preview.removed).toEqual([]);
  });

  it("changes nothing when the rules do not change", () => {
    const preview = previewRulesChange(input({ after: DEFAULT_RULES }));
    expect(preview).toMatchObject({ added: [], removed: [], eligibleHouseholds: { before: 5, after: 5 } });
    expect(preview.mix.after).toEqual(preview.mix.before);
  });

  it("judges both sides on the same refusals, holds and rents", () => {
    const preview = previewRulesChange(
      input({
        // "squeezed" refused both ridotto units: it was not eligible before either, so it is not removed.
        refusedUnitIds: { squeezed: ["r1", "r2"] },
        // r2 is held for another household: "at-old-max" keeps only r1.
        holds: [{ unitId: "r2", householdId: "someone-else", expiresOn: TODAY }],
        // r1's rent is beyond "low"'s means (30 % of 1,250 EUR is 375 EUR): "low" is left with nothing.
        households: households.map((h) => (h.id === "low" ? { ...h, incomeCents: 1_500_000 } : h)),
        rentCentsPerMonth: { r1: 40_000 },
      }),
    );
    expect(preview.removed).toEqual(["at-old-max"]);
    expect(preview.eligibleHouseholds).toEqual({ before: 3, after: 2 });
    expect(preview.mix.before.calmierato_ridotto.pairs).toBe(2);
  });

  it("reports an empty mix with shares of 0 when nobody is eligible", () => {
    const preview = previewRulesChange(input({ units: [] }));
    expect(preview.mix.after.calmierato).toEqual({ pairs: 0, share: 0 });
    expect(preview.eligibleHouseholds).toEqual({ before: 0, after: 0 });
  });
});

describe("previewRulesChange, the equity view", () => {
  // Six Italian and six Moroccan single mothers, all calmierato ridotto; the Moroccan ones' ISEE sits
  // between the new ceiling and the old one.
  const mothers = [
    ...Array.from({ length: 6 }, (_, i) =>
      newHousehold(`it${i}`, { targetGroup: "monoparentale", iseeCents: 1_200_000 }),
    ),
    ...Array.from({ length: 6 }, (_, i) =>
      newHousehold(`ma${i}`, { targetGroup: "monoparentale", iseeCents: 1_600_000 }),
    ),
  ];
  const profiles = Object.fromEntries(
    mothers.map((h) => [
      h.id,
      {
        id: h.id,
        headSex: "F" as const,
        headBirthDate: "1990-06-01",
        headCitizenship: h.id.startsWith("it") ? "IT" : "MA",
        disability: false,
        householdType: "monoparentale" as const,
      },
    ]),
  );
  const citizenship = (table: ReturnType<typeof previewRulesChange>["equity"]["before"]) =>
    Object.fromEntries(table.dimensions.citizenship.map((r) => [r.group, r.eligible]));

  it("counts the eligible per group before and after: the tightened band takes the non-EU mothers", () => {
    const preview = previewRulesChange(input({ households: mothers, profiles }));
    expect(preview.removed).toHaveLength(6);
    expect(preview.equity.before.total).toEqual({ group: "all", eligible: 12, suppressed: false });
    expect(preview.equity.after.total).toEqual({ group: "all", eligible: 6, suppressed: false });
    expect(citizenship(preview.equity.before)).toEqual({ italian: 6, other_eu: 0, non_eu: 6, unknown: 0 });
    expect(citizenship(preview.equity.after)).toEqual({ italian: 6, other_eu: 0, non_eu: 0, unknown: 0 });
    expect(preview.equity.after.dimensions.ageBand.find((r) => r.group === "35_49")?.eligible).toBe(6);
    // The counts by target group agree with the existing view.
    const byType = preview.equity.before.dimensions.householdType.find((r) => r.group === "monoparentale");
    expect(byType?.eligible).toBe(preview.eligibleByTargetGroup.before.monoparentale);
  });

  it("withholds small counts, and counts a household without a profile with its head unknown", () => {
    const preview = previewRulesChange(input());
    // Five eligible before, three after: the total after is withheld.
    expect(preview.equity.before.total.eligible).toBe(5);
    expect(preview.equity.after.total).toEqual({ group: "all", eligible: null, suppressed: true });
    expect(preview.equity.before.dimensions.gender.find((r) => r.group === "unknown")?.eligible).toBe(5);
    expect(preview.equity.before.dimensions.householdType.find((r) => r.group === "famiglia")).toEqual({
      group: "famiglia",
      eligible: null,
      suppressed: true,
    });
  });
});
