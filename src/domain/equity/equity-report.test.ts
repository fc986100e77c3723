// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEXES, TARGET_GROUPS } from "../households/household.schema.ts";
import { HOUSEHOLD_STATUSES } from "../households/household-status.ts";
import { EquityReport } from "./equity.schema.ts";
import {
  ageBandOf,
  ageOn,
  citizenshipGroupOf,
  EQUITY_DIMENSIONS,
  EQUITY_GROUPS,
  EQUITY_STAGES,
  type EquityHousehold,
  type EquityProfile,
  EU_COUNTRIES,
  eligibleEquity,
  equityProfileOf,
  equityReport,
  equityStagesOf,
  hasDisability,
  tallyEquity,
  withholdSmallCounts,
} from "./equity-report.ts";

const TODAY = "2026-11-22";

/** A single Italian woman of 41, no disability; override the case. */
const profile = (id: string, overrides: Partial<EquityProfile> = {}): EquityProfile => ({
  id,
  headSex: "F",
  headBirthDate: "1985-03-10",
  headCitizenship: "IT",
  disability: false,
  householdType: "donna_sola",
  ...overrides,
});
const NONE = { eligible: false, offered: false, accepted: false, housed: false };
const household = (
  id: string,
  stages: Partial<typeof NONE>,
  overrides: Partial<EquityProfile> = {},
): EquityHousehold => ({ ...profile(id, overrides), ...NONE, ...stages });
const many = (
  n: number,
  prefix: string,
  stages: Partial<typeof NONE>,
  overrides: Partial<EquityProfile> = {},
) => Array.from({ length: n }, (_, i) => household(`${prefix}${i}`, stages, overrides));

describe("ageOn and ageBandOf", () => {
  it.each([
    ["2008-11-22", 18, "18_24"],
    ["2008-11-23", 17, "under_18"],
    ["2001-11-23", 24, "18_24"],
    ["2001-11-22", 25, "25_34"],
    ["1991-11-22", 35, "35_49"],
    ["1976-11-23", 49, "35_49"],
    ["1976-11-22", 50, "50_64"],
    ["1961-11-23", 64, "50_64"],
    ["1961-11-22", 65, "65_plus"],
    ["1930-01-01", 96, "65_plus"],
  ])("a head born on %s is %i on 2026-11-22: %s", (birthDate, age, band) => {
    expect(ageOn(birthDate, TODAY)).toBe(age);
    expect(ageBandOf(birthDate, TODAY)).toBe(band);
  });

  it("counts a 29 February birthday from 1 March in other years; unknown without a head or when unborn", () => {
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(17);
    expect(ageOn("2004-02-29", "2022-03-01")).toBe(18);
    expect(ageBandOf(null, TODAY)).toBe("unknown");
    expect(ageBandOf("2027-01-01", TODAY)).toBe("unknown");
  });
});

describe("citizenshipGroupOf", () => {
  it.each([
    ["IT", "italian"],
    ["it", "italian"],
    ["RO", "other_eu"],
    ["GR", "other_eu"],
    ["EL", "other_eu"],
    ["HR", "other_eu"],
    ["MA", "non_eu"],
    ["GB", "non_eu"],
    ["CH", "non_eu"],
    ["UA", "non_eu"],
    [null, "unknown"],
    ["", "unknown"],
    ["ITA", "unknown"],
  ] as const)("%s is %s", (code, group) => {
    expect(citizenshipGroupOf(code)).toBe(group);
  });

  it("knows the 27 member states, Italy among them, each once", () => {
    expect(new Set(EU_COUNTRIES).size).toBe(27);
    expect(EU_COUNTRIES).toContain("IT");
    for (const code of EU_COUNTRIES.filter((c) => c !== "IT"))
      expect(citizenshipGroupOf(code)).toBe("other_eu");
  });
});

describe("hasDisability", () => {
  it.each([
    [[], "none", false],
    [["physical_disability"], "none", true],
    [[], "step_free", true],
    [[], "wheelchair", true],
    [["psychological_distress", "migrant_background"], "none", false],
  ] as const)("needs %j and access %s: %s", (needs, accessibilityNeed, expected) => {
    expect(hasDisability({ needs, accessibilityNeed })).toBe(expected);
  });
});

describe("equityProfileOf", () => {
  const stored = {
    id: "h1",
    targetGroup: "famiglia",
    needs: ["physical_disability"],
    accessibilityNeed: "none",
    specialCategoriesWithdrawn: false,
    headSex: "M",
    headBirthDate: "1970-01-01",
    headCitizenship: "PE",
  };

  it("reads the head, the household type and the disability", () => {
    expect(equityProfileOf(stored)).toEqual({
      id: "h1",
      headSex: "M",
      headBirthDate: "1970-01-01",
      headCitizenship: "PE",
      disability: true,
      householdType: "famiglia",
    });
  });

  it("does not read the needs once special-category consent is withdrawn; access needs still count", () => {
    expect(equityProfileOf({ ...stored, specialCategoriesWithdrawn: true }).disability).toBe(false);
    expect(
      equityProfileOf({ ...stored, specialCategoriesWithdrawn: true, accessibilityNeed: "wheelchair" })
        .disability,
    ).toBe(true);
  });

  it("leaves the head unknown when no member is on file, and an unknown sex as unknown", () => {
    const none = { ...stored, headSex: null, headBirthDate: null, headCitizenship: null };
    expect(equityProfileOf(none)).toMatchObject({
      headSex: null,
      headBirthDate: null,
      headCitizenship: null,
    });
    expect(equityProfileOf({ ...stored, headSex: "?" }).headSex).toBeNull();
  });
});

describe("equityStagesOf", () => {
  it.each([
    [{ eligibleForAUnit: false, offers: 0, acceptedOffers: 0, status: "waiting" }, NONE],
    [
      { eligibleForAUnit: true, offers: 0, acceptedOffers: 0, status: "waiting" },
      { ...NONE, eligible: true },
    ],
    // An offer makes the household eligible whatever today's stock and rules say.
    [
      { eligibleForAUnit: false, offers: 2, acceptedOffers: 0, status: "waiting" },
      { ...NONE, eligible: true, offered: true },
    ],
    // Accepted, not yet housed: the household stays offered until its tenancy starts.
    [
      { eligibleForAUnit: false, offers: 1, acceptedOffers: 1, status: "offered" },
      { eligible: true, offered: true, accepted: true, housed: false },
    ],
    // Housed with no offer on record: eligible and housed, neither offered nor accepted.
    [
      { eligibleForAUnit: false, offers: 0, acceptedOffers: 0, status: "housed" },
      { ...NONE, eligible: true, housed: true },
    ],
    [
      { eligibleForAUnit: false, offers: 1, acceptedOffers: 1, status: "exited" },
      { eligible: true, offered: true, accepted: true, housed: true },
    ],
    [
      { eligibleForAUnit: true, offers: 0, acceptedOffers: 0, status: "exiting" },
      { ...NONE, eligible: true, housed: true },
    ],
    [{ eligibleForAUnit: false, offers: 0, acceptedOffers: 0, status: "suspended" }, NONE],
  ] as const)("%j reaches %j", (facts, stages) => {
    expect(equityStagesOf(facts)).toEqual(stages);
  });
});

describe("equityReport", () => {
  // 12 Italian women of 41 (5 eligible only, 5 housed after an accepted offer, 2 accepted not yet
  // housed), 6 Moroccan men of 70 (all eligible, 5 offered, none accepted), 3 Romanian women of 20 with
  // a disability (eligible, not offered) and 1 eligible household with no member on file.
  const moroccanMan = {
    headSex: "M",
    headBirthDate: "1956-01-01",
    headCitizenship: "MA",
    householdType: "anziano_solo",
  } as const;
  const households = [
    ...many(5, "it-e", { eligible: true }),
    ...many(5, "it-h", { eligible: true, offered: true, accepted: true, housed: true }),
    ...many(2, "it-a", { eligible: true, offered: true, accepted: true }),
    ...many(5, "ma-o", { eligible: true, offered: true }, moroccanMan),
    ...many(1, "ma-e", { eligible: true }, moroccanMan),
    ...many(
      3,
      "ro-e",
      { eligible: true },
      {
        headBirthDate: "2006-05-05",
        headCitizenship: "RO",
        disability: true,
        householdType: "persona_con_disabilita",
      },
    ),
    household(
      "nobody",
      { eligible: true },
      { headSex: null, headBirthDate: null, headCitizenship: null, householdType: "uomo_solo" },
    ),
  ];
  const report = equityReport(households, TODAY);
  const group = <D extends keyof typeof report.dimensions>(d: D, g: string) =>
    report.dimensions[d].find((r) => r.group === g);

  it("counts every stage overall, with its rates", () => {
    expect(report.households).toBe(22);
    expect(report.total).toEqual({
      group: "all",
      eligible: 22,
      offered: 12,
      accepted: 7,
      housed: 5,
      suppressed: false,
      rates: { offeredOfEligible: 12 / 22, acceptedOfOffered: 7 / 12, housedOfEligible: 5 / 22 },
    });
  });

  it("counts each group and lists the empty ones as 0", () => {
    expect(group("gender", "F")).toEqual({
      group: "F",
      eligible: 15,
      offered: 7,
      accepted: 7,
      housed: 5,
      suppressed: false,
      rates: { offeredOfEligible: 7 / 15, acceptedOfOffered: 1, housedOfEligible: 5 / 15 },
    });
    expect(group("gender", "X")).toEqual({
      group: "X",
      eligible: 0,
      offered: 0,
      accepted: 0,
      housed: 0,
      suppressed: false,
      rates: { offeredOfEligible: null, acceptedOfOffered: null, housedOfEligible: null },
    });
    expect(group("ageBand", "35_49")).toMatchObject({ eligible: 12, offered: 7, housed: 5 });
    expect(group("ageBand", "65_plus")).toMatchObject({ eligible: 6, offered: 5, accepted: 0 });
    expect(group("citizenship", "italian")).toMatchObject({ eligible: 12, offered: 7 });
    expect(group("citizenship", "non_eu")).toMatchObject({ eligible: 6, offered: 5 });
    expect(group("householdType", "donna_sola")).toMatchObject({ eligible: 12, suppressed: false });
    expect(group("householdType", "neo_maggiorenni")).toMatchObject({ eligible: 0, suppressed: false });
  });

  it("withholds counts from 1 to 4, and the rates over them", () => {
    expect(group("ageBand", "18_24")).toMatchObject({ eligible: null, offered: 0, suppressed: true });
    expect(group("ageBand", "unknown")).toMatchObject({ eligible: null, suppressed: true });
    expect(group("citizenship", "other_eu")).toMatchObject({ eligible: null, suppressed: true });
    expect(group("householdType", "persona_con_disabilita")?.rates).toEqual({
      offeredOfEligible: null,
      acceptedOfOffered: null,
      housedOfEligible: null,
    });
  });

  it("withholds a second cell where one alone could be recovered from the total", () => {
    // Eligible by sex: 15 F, 6 M, 1 unknown (withheld) of 22: the smaller other, 6, goes too.
    expect(group("gender", "unknown")).toMatchObject({ eligible: null, suppressed: true });
    expect(group("gender", "M")).toEqual({
      group: "M",
      eligible: null,
      offered: 5,
      accepted: 0,
      housed: 0,
      suppressed: true,
      rates: { offeredOfEligible: null, acceptedOfOffered: 0, housedOfEligible: null },
    });
    // By disability: 3 with (withheld) and 19 without: the 19 go too.
    expect(group("disability", "without_disability")).toMatchObject({ eligible: null, offered: 12 });
    // By citizenship two are withheld already (3 other EU, 1 unknown): nothing more.
    expect(group("citizenship", "non_eu")?.suppressed).toBe(false);
  });

  it("withholds the overall counts too when they are small", () => {
    const small = equityReport(many(3, "s", { eligible: true, offered: true }), TODAY);
    expect(small.households).toBeNull();
    expect(small.total).toMatchObject({ eligible: null, offered: null, accepted: 0, suppressed: true });
    expect(small.dimensions.gender.find((r) => r.group === "F")).toMatchObject({ eligible: null });
  });

  it("is valid output of the API schema", () => {
    expect(() =>
      EquityReport.parse({ asOf: TODAY, rulesVersion: 0, units: 0, smallCountMax: 4, ...report }),
    ).not.toThrow();
  });
});

describe("eligibleEquity", () => {
  it("counts the eligible of each group alone", () => {
    const profiles = [
      ...Array.from({ length: 7 }, (_, i) => profile(`a${i}`)),
      ...Array.from({ length: 6 }, (_, i) => profile(`b${i}`, { headSex: "M", householdType: "uomo_solo" })),
    ];
    const table = eligibleEquity(profiles, new Set(["a0", "a1", "a2", "a3", "a4", "a5", "b0", "b1"]), TODAY);
    expect(table.total).toEqual({ group: "all", eligible: 8, suppressed: false });
    // 6 women and 2 men: the 2 withheld, and the 6 with them.
    expect(table.dimensions.gender.filter((r) => r.eligible !== 0)).toEqual([
      { group: "F", eligible: null, suppressed: true },
      { group: "M", eligible: null, suppressed: true },
    ]);
    expect(table.dimensions.ageBand.find((r) => r.group === "35_49")).toEqual({
      group: "35_49",
      eligible: 8,
      suppressed: false,
    });
  });
});

// ---- Properties ----

const profileArb = fc.record({
  id: fc.uuid(),
  headSex: fc.constantFrom(...SEXES, null),
  headBirthDate: fc.option(
    fc
      .date({ min: new Date("1920-01-01"), max: new Date("2026-11-22"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  headCitizenship: fc.constantFrom("IT", "RO", "FR", "MA", "PE", "UA", null),
  disability: fc.boolean(),
  householdType: fc.constantFrom(...TARGET_GROUPS),
});
const householdArb = fc
  .tuple(
    profileArb,
    fc.record({
      eligibleForAUnit: fc.boolean(),
      offers: fc.nat(3),
      acceptedOffers: fc.nat(1),
      status: fc.constantFrom(...HOUSEHOLD_STATUSES),
    }),
  )
  .map(([p, facts]) => ({
    ...p,
    ...equityStagesOf({ ...facts, acceptedOffers: Math.min(facts.acceptedOffers, facts.offers) }),
  }));
// Small groups are the interesting case for withholding: skew towards few households.
const householdsArb = fc.array(householdArb, { maxLength: 60 });

describe("equity report properties", () => {
  it("puts each household in exactly one group of each dimension: every dimension sums to the total", () => {
    fc.assert(
      fc.property(householdsArb, (households) => {
        const tally = tallyEquity(households, EQUITY_STAGES, TODAY);
        for (const s of EQUITY_STAGES) {
          expect(tally.total[s]).toBe(households.filter((h) => h[s]).length);
          for (const d of EQUITY_DIMENSIONS) {
            expect(tally.dimensions[d].reduce((sum, r) => sum + r.counts[s], 0)).toBe(tally.total[s]);
            expect(tally.dimensions[d].map((r) => r.group)).toEqual([...EQUITY_GROUPS[d]]);
          }
        }
      }),
    );
  });

  it("keeps the stages nested (eligible ⊇ offered ⊇ accepted, eligible ⊇ housed), so no rate exceeds 1", () => {
    fc.assert(
      fc.property(householdsArb, (households) => {
        const tally = tallyEquity(households, EQUITY_STAGES, TODAY);
        for (const c of [
          tally.total,
          ...EQUITY_DIMENSIONS.flatMap((d) => tally.dimensions[d].map((r) => r.counts)),
        ]) {
          expect(c.offered).toBeLessThanOrEqual(c.eligible);
          expect(c.accepted).toBeLessThanOrEqual(c.offered);
          expect(c.housed).toBeLessThanOrEqual(c.eligible);
        }
        expect(() =>
          EquityReport.parse({
            asOf: TODAY,
            rulesVersion: 1,
            units: 0,
            smallCountMax: 4,
            ...equityReport(households, TODAY),
          }),
        ).not.toThrow();
      }),
    );
  });

  it("shows only exact counts, never one from 1 to 4, and never a lone withheld cell beside a shown total", () => {
    fc.assert(
      fc.property(householdsArb, (households) => {
        const tally = tallyEquity(households, EQUITY_STAGES, TODAY);
        const table = withholdSmallCounts(tally, EQUITY_STAGES);
        for (const s of EQUITY_STAGES) {
          const total = table.total[s];
          expect(total === null ? tally.total[s] >= 1 && tally.total[s] <= 4 : total === tally.total[s]).toBe(
            true,
          );
          for (const d of EQUITY_DIMENSIONS) {
            const rows = table.dimensions[d];
            rows.forEach((row, i) => {
              const exact = tally.dimensions[d][i]?.counts[s] ?? -1;
              const shown = row[s];
              if (shown === null) expect(exact).toBeGreaterThan(0);
              else expect(shown).toBe(exact);
              if (exact >= 1 && exact <= 4) expect(shown).toBeNull();
              if (shown === null) expect(row.suppressed).toBe(true);
            });
            const withheld = rows.filter((r) => r[s] === null).length;
            if (total !== null) expect(withheld).not.toBe(1);
          }
        }
      }),
    );
  });
});
