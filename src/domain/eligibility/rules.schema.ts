// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory } from "../units/unit.schema.ts";

/*
 * The allocation rules as data: what the Comune's admin edits and stores as numbered versions (the
 * server records who and when; `reason` says why). Eligibility of a household × unit pair, the
 * standards of size, affordability, the partner rule and the priority weights all live here, so a
 * change of rule is a new version and never a change of code. Every figure in DEFAULT_RULES is a
 * placeholder for the Comune to confirm, not law.
 */

export const REFERRAL_TYPES = ["social_services", "partner"] as const;
/**
 * Tipo di invio: invio dei servizi sociali comunali (the referring organisation is the Comune) or
 * segnalazione di un ente partner (an ETS partner presents the household).
 */
export const ReferralType = z.enum(REFERRAL_TYPES, {
  error: "Unknown referral type: use social_services or partner",
});
export type ReferralType = z.infer<typeof ReferralType>;

export const PARTNER_MATCHES = ["same_partner", "any"] as const;
/**
 * Who may take a unit of a category: `same_partner` only households managed by the unit's managing
 * partner (ente gestore); `any` households of any partner.
 */
export const PartnerMatch = z.enum(PARTNER_MATCHES, { error: "Partner match: use same_partner or any" });
export type PartnerMatch = z.infer<typeof PartnerMatch>;

/** Largest number of points any one weight may give: keeps every pair weight within the optimiser's range. */
export const MAX_POINTS = 1000;
/** Largest fit weight: beyond it the fit of any imperfect unit is close to 0 anyway. */
export const MAX_FIT_WEIGHT = 10;

/** Cross-field checks run only when the fields they compare are valid, so a problem is named once. */
const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const Cents = (name: string) =>
  z
    .number({ error: `${name} must be an amount in cents` })
    .int({ error: `${name} must be a whole number of cents` })
    .min(0, { error: `${name} cannot be negative` });

/** A band of yearly amounts in cents, both ends included; `maxCents` null is no upper limit. */
const Band = (name: string) =>
  z
    .object({ minCents: Cents(`${name} min`), maxCents: Cents(`${name} max`).nullable() })
    .refine((b) => b.maxCents === null || b.maxCents >= b.minCents, {
      error: `${name} max must be at least ${name} min`,
      path: ["maxCents"],
      ...whenFieldsValid,
    });
export type Band = { minCents: number; maxCents: number | null };

const Points = (name: string) =>
  z
    .number({ error: `${name} must be a number of points` })
    .min(0, { error: `${name} cannot be negative` })
    .max(MAX_POINTS, { error: `${name}: at most ${MAX_POINTS} points` });

const nonEmpty = <T extends z.ZodType>(item: T, name: string) =>
  z
    .array(item)
    .min(1, { error: `${name}: choose at least one` })
    .refine((xs) => new Set(xs).size === xs.length, { error: `${name}: each value once` });

/** How a unit of one category is allocated (ambito). */
const CategoryRule = (category: UnitCategory) =>
  z.object({
    /** Household categories that may take a unit of this category (usually just the same one). */
    householdCategories: nonEmpty(UnitCategory, `${category} household categories`),
    /** Referral types admitted to this category. */
    referralTypes: nonEmpty(ReferralType, `${category} referral types`),
    /** The household's ISEE must lie in this band (yearly cents, both ends included). */
    isee: Band(`${category} ISEE`),
    /** Referral types for which the ISEE band is not applied (and no ISEE is needed). */
    iseeWaivedFor: z.array(ReferralType).refine((xs) => new Set(xs).size === xs.length, {
      error: `${category} ISEE waiver: each referral type once`,
    }),
    /** Optional band on the yearly net income; null: not applied. */
    income: Band(`${category} income`).nullable(),
    partnerMatch: PartnerMatch,
  });
export type CategoryRule = {
  householdCategories: UnitCategory[];
  referralTypes: ReferralType[];
  isee: Band;
  iseeWaivedFor: ReferralType[];
  income: Band | null;
  partnerMatch: PartnerMatch;
};

const Count = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be from ${min} to ${max}` })
    .max(max, { error: `${name} must be from ${min} to ${max}` });

/** What a unit must offer a household of `size` members: rooms, bedrooms and the minimum surface. */
export const SizeStandard = z
  .object({
    size: Count("Size", 1, 20),
    minSurfaceM2: z
      .number({ error: "minSurfaceM2 must be a number of m²" })
      .gt(0, { error: "minSurfaceM2 must be greater than 0 m²" })
      .max(1000, { error: "minSurfaceM2 must be at most 1000 m²" }),
    minRooms: Count("minRooms", 1, 20),
    maxRooms: Count("maxRooms", 1, 20),
    minBedrooms: Count("minBedrooms", 0, 15),
    maxBedrooms: Count("maxBedrooms", 0, 15),
  })
  .superRefine((s, ctx) => {
    if (s.maxRooms < s.minRooms)
      ctx.addIssue({ code: "custom", path: ["maxRooms"], message: "maxRooms must be at least minRooms" });
    if (s.maxBedrooms < s.minBedrooms)
      ctx.addIssue({
        code: "custom",
        path: ["maxBedrooms"],
        message: "maxBedrooms must be at least minBedrooms",
      });
    if (s.minBedrooms > s.maxRooms)
      ctx.addIssue({
        code: "custom",
        path: ["minBedrooms"],
        message: "minBedrooms cannot exceed maxRooms (bedrooms are rooms)",
      });
  }, whenFieldsValid);
export type SizeStandard = z.infer<typeof SizeStandard>;

/** The standards table: one row per household size from 1 up, and the rule for larger households. */
const SizeStandards = z.object({
  rows: z
    .array(SizeStandard)
    .min(1, { error: "sizeStandards.rows: give at least the row for 1 person" })
    .max(20, { error: "sizeStandards.rows: at most 20 rows" })
    .superRefine((rows, ctx) => {
      rows.forEach((row, i) => {
        if (row.size !== i + 1)
          ctx.addIssue({
            code: "custom",
            path: [i, "size"],
            message: `Row ${i + 1}: size must be ${i + 1} (sizes go 1, 2, 3, … without gaps)`,
          });
        const previous = rows[i - 1];
        if (previous && row.minSurfaceM2 < previous.minSurfaceM2)
          ctx.addIssue({
            code: "custom",
            path: [i, "minSurfaceM2"],
            message: `Row ${i + 1}: minSurfaceM2 cannot be below the row for ${i} (${previous.minSurfaceM2} m²)`,
          });
      });
    }),
  /**
   * m² added to the last row's minimum for each person beyond it; rooms and bedrooms allowed grow by
   * one per person too (the minimums stay the last row's).
   */
  extraSurfaceM2PerPerson: z
    .number({ error: "extraSurfaceM2PerPerson must be a number of m²" })
    .min(0, { error: "extraSurfaceM2PerPerson cannot be negative" })
    .max(100, { error: "extraSurfaceM2PerPerson must be at most 100 m²" }),
});

/** The weights of the priority formula (punteggio di priorità). */
const PriorityWeights = z.object({
  /** Points every household starts with, > 0 so that every eligible pair has a positive weight. */
  basePoints: Points("basePoints").refine((v) => v > 0, {
    error: "basePoints must be greater than 0 (every pair needs a positive weight)",
  }),
  /** Points for each priority criterion of the co-programming that holds. */
  facts: z.object({
    knownToSocialServices: Points("facts.knownToSocialServices"),
    completedPreviousPath: Points("facts.completedPreviousPath"),
    prospectOfAutonomy: Points("facts.prospectOfAutonomy"),
    ableToCoPay: Points("facts.ableToCoPay"),
    difficultyAccessingPublicHousing: Points("facts.difficultyAccessingPublicHousing"),
  }),
  /** Points for each cross-cutting need the household has (they add up). */
  needs: z.object({
    physical_disability: Points("needs.physical_disability"),
    psychological_distress: Points("needs.psychological_distress"),
    migrant_background: Points("needs.migrant_background"),
    economic_fragility: Points("needs.economic_fragility"),
    social_fragility: Points("needs.social_fragility"),
  }),
  /** Optional points per target group; a group left out gives none. */
  targetGroups: z.object({
    neo_maggiorenni: Points("targetGroups.neo_maggiorenni").optional(),
    famiglia: Points("targetGroups.famiglia").optional(),
    monoparentale: Points("targetGroups.monoparentale").optional(),
    anziano_solo: Points("targetGroups.anziano_solo").optional(),
    persona_con_disabilita: Points("targetGroups.persona_con_disabilita").optional(),
    donna_sola: Points("targetGroups.donna_sola").optional(),
    uomo_solo: Points("targetGroups.uomo_solo").optional(),
  }),
  /** Waiting time since the referral: points per whole month, up to `maxPoints`. */
  waiting: z.object({
    pointsPerMonth: Points("waiting.pointsPerMonth"),
    maxPoints: Points("waiting.maxPoints"),
  }),
  /**
   * At most this many points from the household's stored random draw, to break ties; keep it below the
   * smallest difference the other weights can make.
   */
  tieBreakerPoints: z
    .number({ error: "tieBreakerPoints must be a number" })
    .min(0, { error: "tieBreakerPoints cannot be negative" })
    .max(1, { error: "tieBreakerPoints must be at most 1" }),
  /** How much a poor fit of unit size lowers a pair's weight (0: fit ignored); see `unitFit`. */
  fitWeight: z
    .number({ error: "fitWeight must be a number" })
    .min(0, { error: "fitWeight cannot be negative" })
    .max(MAX_FIT_WEIGHT, { error: `fitWeight must be at most ${MAX_FIT_WEIGHT}` }),
});
export type PriorityWeights = z.infer<typeof PriorityWeights>;

/** The rules of offers (proposte): answer time, refusals and unanswered offers. */
const OfferRules = z.object({
  /** Days a household has to answer when the offer gives no due date. */
  dueDays: Count("offers.dueDays", 1, 90),
  /**
   * Reasonable refusals by the household that keep its place; one more, or any unreasonable refusal,
   * loses it. Refusals down to the provider never count.
   */
  reasonableRefusalsKept: Count("offers.reasonableRefusalsKept", 0, 10),
  /** Whether an offer left unanswered past its due date counts as a reasonable refusal (else not). */
  expiryIsReasonable: z.boolean({ error: "offers.expiryIsReasonable must be yes or no" }),
});
export type OfferRules = z.infer<typeof OfferRules>;

export const DEFAULT_OFFER_RULES: OfferRules = {
  dueDays: 7,
  reasonableRefusalsKept: 2,
  expiryIsReasonable: false,
};

/** One version of the allocation rules (regole di assegnazione), as the Comune's admin saves it. */
export const RulesVersion = z.object({
  version: z
    .number({ error: "version must be a whole number from 1" })
    .int({ error: "version must be a whole number from 1" })
    .min(1, { error: "version must be a whole number from 1" }),
  /** Why this version was made (motivazione). */
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(3, { error: "reason is required (at least 3 characters)" })
    .max(2000, { error: "reason: at most 2000 characters" }),
  /** One rule per unit category (ambito). */
  categories: z.object({
    calmierato: CategoryRule("calmierato"),
    calmierato_ridotto: CategoryRule("calmierato_ridotto"),
    fragilita: CategoryRule("fragilita"),
  }),
  sizeStandards: SizeStandards,
  accessibility: z.object({
    /**
     * Also count a unit as step-free when it is on the ground floor or has a lift, for units whose
     * survey has not recorded `stepFree`. Off by default: the registry's `stepFree` is the fact (a
     * ground floor may still have steps at the door, a lift may start from a landing).
     */
    stepFreeFromFloorOrLift: z.boolean({ error: "accessibility.stepFreeFromFloorOrLift must be yes or no" }),
  }),
  affordability: z.object({
    /** Monthly rent at most this share of the net monthly income (0–1, applied to 0.01 %). */
    maxRentShareOfIncome: z
      .number({ error: "affordability.maxRentShareOfIncome must be a number from 0 to 1" })
      .gt(0, { error: "affordability.maxRentShareOfIncome must be greater than 0" })
      .max(1, { error: "affordability.maxRentShareOfIncome must be at most 1 (100 %)" }),
    /** Unit categories where it does not apply (fragilità: the support plan sets the co-payment). */
    exemptCategories: z.array(UnitCategory).refine((xs) => new Set(xs).size === xs.length, {
      error: "affordability.exemptCategories: each category once",
    }),
  }),
  priority: PriorityWeights,
  /** Versions saved before the offer rules were data read the defaults (the rules then in code). */
  offers: OfferRules.default(DEFAULT_OFFER_RULES),
});
export type RulesVersion = z.infer<typeof RulesVersion>;

const EUR = 100;

/**
 * The rules the programme starts with. Every figure is a PLACEHOLDER for the Comune to confirm, not
 * law: the ISEE ceilings (calmierato ridotto ≤ 20,000 EUR, calmierato ≤ 35,000 EUR, fragilità by
 * social-services referral whatever the ISEE), the surface minimums (after the Italian standards of
 * DM 5 July 1975: 28 m² for one person, 38 for two, then 42, 56 and +10 m² per further person) and
 * rooms at most size + 1, the 30 % affordability share, the partner rule (fragilità stays with the
 * partner that supports the household, whose plan joins the tenancy), all the priority weights, and
 * the offer rules (7 days to answer, 2 reasonable refusals keep the place, an unanswered offer is an
 * unreasonable refusal).
 */
export const DEFAULT_RULES: RulesVersion = {
  version: 1,
  reason: "Starting rules: placeholder figures for the Comune to confirm",
  categories: {
    calmierato: {
      householdCategories: ["calmierato"],
      referralTypes: ["social_services", "partner"],
      isee: { minCents: 0, maxCents: 35_000 * EUR },
      iseeWaivedFor: [],
      income: null,
      partnerMatch: "any",
    },
    calmierato_ridotto: {
      householdCategories: ["calmierato_ridotto"],
      referralTypes: ["social_services", "partner"],
      isee: { minCents: 0, maxCents: 20_000 * EUR },
      iseeWaivedFor: [],
      income: null,
      partnerMatch: "any",
    },
    fragilita: {
      householdCategories: ["fragilita"],
      referralTypes: ["social_services"],
      isee: { minCents: 0, maxCents: null },
      iseeWaivedFor: ["social_services"],
      income: null,
      partnerMatch: "same_partner",
    },
  },
  sizeStandards: {
    rows: [
      { size: 1, minSurfaceM2: 28, minRooms: 1, maxRooms: 2, minBedrooms: 0, maxBedrooms: 1 },
      { size: 2, minSurfaceM2: 38, minRooms: 1, maxRooms: 3, minBedrooms: 0, maxBedrooms: 2 },
      { size: 3, minSurfaceM2: 42, minRooms: 2, maxRooms: 4, minBedrooms: 1, maxBedrooms: 3 },
      { size: 4, minSurfaceM2: 56, minRooms: 3, maxRooms: 5, minBedrooms: 2, maxBedrooms: 4 },
    ],
    extraSurfaceM2PerPerson: 10,
  },
  accessibility: { stepFreeFromFloorOrLift: false },
  affordability: { maxRentShareOfIncome: 0.3, exemptCategories: ["fragilita"] },
  priority: {
    basePoints: 1,
    facts: {
      knownToSocialServices: 10,
      completedPreviousPath: 8,
      prospectOfAutonomy: 6,
      ableToCoPay: 6,
      difficultyAccessingPublicHousing: 8,
    },
    needs: {
      physical_disability: 5,
      psychological_distress: 5,
      migrant_background: 3,
      economic_fragility: 5,
      social_fragility: 5,
    },
    targetGroups: {},
    waiting: { pointsPerMonth: 1, maxPoints: 24 },
    tieBreakerPoints: 0.01,
    fitWeight: 0.5,
  },
  offers: DEFAULT_OFFER_RULES,
};
