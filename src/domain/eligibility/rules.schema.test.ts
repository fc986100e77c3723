// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEFAULT_RULES, RulesVersion } from "./rules.schema.ts";

type Draft = Record<string, unknown>;
/** The default rules with one change written by `edit` on a deep copy. */
const rulesWith = (edit: (r: RulesVersion & Draft) => void): unknown => {
  const copy = structuredClone(DEFAULT_RULES) as RulesVersion & Draft;
  edit(copy);
  return copy;
};
const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

describe("RulesVersion", () => {
  it("accepts the default rules as they are", () => {
    expect(RulesVersion.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it("keeps the documented placeholder defaults", () => {
    const r = DEFAULT_RULES;
    expect(r.categories.calmierato.isee).toEqual({ minCents: 0, maxCents: 3_500_000 });
    expect(r.categories.calmierato_ridotto.isee).toEqual({ minCents: 0, maxCents: 2_000_000 });
    expect(r.categories.fragilita).toMatchObject({
      referralTypes: ["social_services"],
      iseeWaivedFor: ["social_services"],
      partnerMatch: "same_partner",
    });
    expect(r.sizeStandards.rows.map((row) => row.minSurfaceM2)).toEqual([28, 38, 42, 56]);
    expect(r.sizeStandards.rows.map((row) => row.maxRooms - row.size)).toEqual([1, 1, 1, 1]);
    expect(r.sizeStandards.extraSurfaceM2PerPerson).toBe(10);
    expect(r.affordability).toEqual({ maxRentShareOfIncome: 0.3, exemptCategories: ["fragilita"] });
    expect(r.priority.waiting).toEqual({ pointsPerMonth: 1, maxPoints: 24 });
    expect(r.offers).toEqual({ dueDays: 7, reasonableRefusalsKept: 2, expiryIsReasonable: false });
  });

  it("reads a version saved before the offer rules were data with the offer rules then in force", () => {
    const { offers: _, ...older } = structuredClone(DEFAULT_RULES);
    expect(RulesVersion.parse(older).offers).toEqual(DEFAULT_RULES.offers);
  });

  it.each<[string, string, string, (r: RulesVersion & Draft) => void]>([
    [
      "no day to answer an offer",
      "offers.dueDays",
      "offers.dueDays must be from 1 to 90",
      (r) => {
        r.offers.dueDays = 0;
      },
    ],
    [
      "a negative number of refusals kept",
      "offers.reasonableRefusalsKept",
      "offers.reasonableRefusalsKept must be from 0 to 10",
      (r) => {
        r.offers.reasonableRefusalsKept = -1;
      },
    ],
    [
      "an ISEE band whose max is below its min",
      "categories.calmierato.isee.maxCents",
      "calmierato ISEE max must be at least calmierato ISEE min",
      (r) => {
        r.categories.calmierato.isee = { minCents: 1_000_000, maxCents: 999_999 };
      },
    ],
    [
      "an income band whose max is below its min",
      "categories.calmierato_ridotto.income.maxCents",
      "calmierato_ridotto income max must be at least calmierato_ridotto income min",
      (r) => {
        r.categories.calmierato_ridotto.income = { minCents: 500_000, maxCents: 100 };
      },
    ],
    [
      "a negative ISEE min",
      "categories.fragilita.isee.minCents",
      "fragilita ISEE min cannot be negative",
      (r) => {
        r.categories.fragilita.isee.minCents = -1;
      },
    ],
    [
      "an ISEE max in fractions of a cent",
      "categories.calmierato.isee.maxCents",
      "calmierato ISEE max must be a whole number of cents",
      (r) => {
        r.categories.calmierato.isee.maxCents = 1.5;
      },
    ],
    [
      "no referral type admitted",
      "categories.fragilita.referralTypes",
      "fragilita referral types: choose at least one",
      (r) => {
        r.categories.fragilita.referralTypes = [];
      },
    ],
    [
      "an unknown household category",
      "categories.calmierato.householdCategories.0",
      "Unknown category: use calmierato, calmierato_ridotto or fragilita",
      (r) => {
        (r.categories.calmierato as Draft).householdCategories = ["social"];
      },
    ],
    [
      "an unknown partner rule",
      "categories.calmierato.partnerMatch",
      "Partner match: use same_partner or any",
      (r) => {
        (r.categories.calmierato as Draft).partnerMatch = "nearest";
      },
    ],
    [
      "a gap in the sizes of the standards",
      "sizeStandards.rows.1.size",
      "Row 2: size must be 2 (sizes go 1, 2, 3, … without gaps)",
      (r) => {
        r.sizeStandards.rows = [
          { size: 1, minSurfaceM2: 28, minRooms: 1, maxRooms: 2, minBedrooms: 0, maxBedrooms: 1 },
          { size: 3, minSurfaceM2: 42, minRooms: 2, maxRooms: 4, minBedrooms: 1, maxBedrooms: 3 },
        ];
      },
    ],
    [
      "a larger household needing less surface",
      "sizeStandards.rows.2.minSurfaceM2",
      "Row 3: minSurfaceM2 cannot be below the row for 2 (38 m²)",
      (r) => {
        (r.sizeStandards.rows[2] as Draft).minSurfaceM2 = 37;
      },
    ],
    [
      "rooms whose max is below the min",
      "sizeStandards.rows.0.maxRooms",
      "maxRooms must be from 1 to 20",
      (r) => {
        (r.sizeStandards.rows[0] as Draft).maxRooms = 0;
      },
    ],
    [
      "rooms range upside down",
      "sizeStandards.rows.3.maxRooms",
      "maxRooms must be at least minRooms",
      (r) => {
        Object.assign(r.sizeStandards.rows[3] as Draft, { minRooms: 4, maxRooms: 3, minBedrooms: 1 });
      },
    ],
    [
      "bedrooms range upside down",
      "sizeStandards.rows.1.maxBedrooms",
      "maxBedrooms must be at least minBedrooms",
      (r) => {
        Object.assign(r.sizeStandards.rows[1] as Draft, { minBedrooms: 2, maxBedrooms: 1 });
      },
    ],
    [
      "no row at all",
      "sizeStandards.rows",
      "sizeStandards.rows: give at least the row for 1 person",
      (r) => {
        r.sizeStandards.rows = [];
      },
    ],
    [
      "a negative extra surface",
      "sizeStandards.extraSurfaceM2PerPerson",
      "extraSurfaceM2PerPerson cannot be negative",
      (r) => {
        r.sizeStandards.extraSurfaceM2PerPerson = -10;
      },
    ],
    [
      "a rent share above 1",
      "affordability.maxRentShareOfIncome",
      "affordability.maxRentShareOfIncome must be at most 1 (100 %)",
      (r) => {
        r.affordability.maxRentShareOfIncome = 1.2;
      },
    ],
    [
      "a rent share of 0",
      "affordability.maxRentShareOfIncome",
      "affordability.maxRentShareOfIncome must be greater than 0",
      (r) => {
        r.affordability.maxRentShareOfIncome = 0;
      },
    ],
    [
      "a category exempted twice",
      "affordability.exemptCategories",
      "affordability.exemptCategories: each category once",
      (r) => {
        r.affordability.exemptCategories = ["fragilita", "fragilita"];
      },
    ],
    [
      "a negative weight of a priority fact",
      "priority.facts.knownToSocialServices",
      "facts.knownToSocialServices cannot be negative",
      (r) => {
        r.priority.facts.knownToSocialServices = -1;
      },
    ],
    [
      "a negative weight of a need",
      "priority.needs.social_fragility",
      "needs.social_fragility cannot be negative",
      (r) => {
        r.priority.needs.social_fragility = -0.5;
      },
    ],
    [
      "a negative weight of a target group",
      "priority.targetGroups.famiglia",
      "targetGroups.famiglia cannot be negative",
      (r) => {
        r.priority.targetGroups = { famiglia: -2 };
      },
    ],
    [
      "a weight beyond the optimiser's range",
      "priority.facts.ableToCoPay",
      "facts.ableToCoPay: at most 1000 points",
      (r) => {
        r.priority.facts.ableToCoPay = 5000;
      },
    ],
    [
      "a negative waiting cap",
      "priority.waiting.maxPoints",
      "waiting.maxPoints cannot be negative",
      (r) => {
        r.priority.waiting.maxPoints = -1;
      },
    ],
    [
      "base points of 0",
      "priority.basePoints",
      "basePoints must be greater than 0 (every pair needs a positive weight)",
      (r) => {
        r.priority.basePoints = 0;
      },
    ],
    [
      "a negative fit weight",
      "priority.fitWeight",
      "fitWeight cannot be negative",
      (r) => {
        r.priority.fitWeight = -1;
      },
    ],
    [
      "a tie-breaker worth more than a point",
      "priority.tieBreakerPoints",
      "tieBreakerPoints must be at most 1",
      (r) => {
        r.priority.tieBreakerPoints = 2;
      },
    ],
    [
      "version 0",
      "version",
      "version must be a whole number from 1",
      (r) => {
        r.version = 0;
      },
    ],
    [
      "no reason",
      "reason",
      "reason is required (at least 3 characters)",
      (r) => {
        r.reason = "  ";
      },
    ],
  ])("refuses %s, naming %s", (_, path, message, edit) => {
    expect(issuesOf(RulesVersion.safeParse(rulesWith(edit)))).toEqual([{ path, message }]);
  });

  it("lists every problem in one pass", () => {
    const input = rulesWith((r) => {
      r.categories.calmierato.isee = { minCents: 10, maxCents: 5 };
      r.priority.facts.prospectOfAutonomy = -3;
      r.affordability.maxRentShareOfIncome = 3;
    });
    expect(issuesOf(RulesVersion.safeParse(input)).map((i) => i.path)).toEqual([
      "categories.calmierato.isee.maxCents",
      "affordability.maxRentShareOfIncome",
      "priority.facts.prospectOfAutonomy",
    ]);
  });

  it("accepts an open-ended band, an income band and weighted target groups", () => {
    const input = rulesWith((r) => {
      r.categories.calmierato.isee = { minCents: 500_000, maxCents: null };
      r.categories.calmierato.income = { minCents: 1_200_000, maxCents: 4_000_000 };
      r.priority.targetGroups = { neo_maggiorenni: 3, monoparentale: 2 };
    });
    expect(RulesVersion.safeParse(input).success).toBe(true);
  });
});
