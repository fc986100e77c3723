// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";
import { UnitCategory } from "../units/unit.schema.ts";
import { fiscalCodeBirth, fiscalCodeProblem, normaliseFiscalCode } from "./fiscal-code.ts";

export const TARGET_GROUPS = [
  "neo_maggiorenni",
  "famiglia",
  "monoparentale",
  "anziano_solo",
  "persona_con_disabilita",
  "donna_sola",
  "uomo_solo",
] as const;
/** Target group of the co-programming (seed 000 §3). */
export const TargetGroup = z.enum(TARGET_GROUPS, { error: "Unknown target group" });
export type TargetGroup = z.infer<typeof TargetGroup>;

export const NEEDS = [
  "physical_disability",
  "psychological_distress",
  "migrant_background",
  "economic_fragility",
  "social_fragility",
] as const;
/** Cross-cutting needs: special-category data (health, origin). */
export const Need = z.enum(NEEDS, { error: "Unknown need" });
export type Need = z.infer<typeof Need>;

export const HOUSING_SITUATIONS = [
  "homeless",
  "shelter",
  "guest",
  "eviction",
  "overcrowded",
  "unfit_dwelling",
  "other",
] as const;
/** Where the household lives now. */
export const HousingSituation = z.enum(HOUSING_SITUATIONS, { error: "Unknown housing situation" });

export const ACCESSIBILITY_NEEDS = ["none", "step_free", "wheelchair"] as const;
export const AccessibilityNeed = z.enum(ACCESSIBILITY_NEEDS, { error: "Unknown accessibility need" });

export const SEXES = ["F", "M", "X"] as const;
/** Sex as recorded: F, M, or X (non-binary, as EU statistics require). */
export const Sex = z.enum(SEXES, { error: "Use F, M or X" });

export const RELATIONSHIPS = [
  "head",
  "partner",
  "child",
  "parent",
  "sibling",
  "other_relative",
  "other",
] as const;
export const Relationship = z.enum(RELATIONSHIPS, { error: "Unknown relationship" });

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Name = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(80, { error: `${what}: at most 80 characters` });
/** An amount in euro cents, never negative. */
const Cents = (what: string) =>
  z
    .number({ error: `${what} must be an amount in cents` })
    .int({ error: `${what} must be an amount in cents` })
    .min(0, { error: `${what} cannot be negative` });

export const FiscalCode = z
  .string({ error: "Fiscal code is required" })
  .transform(normaliseFiscalCode)
  .superRefine((code, ctx) => {
    const problem = fiscalCodeProblem(code);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** A member of the household (persona). */
export const Person = z.object({
  givenName: Name("Given name"),
  familyName: Name("Family name"),
  fiscalCode: FiscalCode,
  birthDate: IsoDate,
  sex: Sex,
  /** ISO 3166-1 alpha-2 country of citizenship (`IT`, `MA`, …). */
  citizenship: z
    .string({ error: "Citizenship is required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "Citizenship: a two-letter country code (IT, MA, …)" }),
  relationship: Relationship,
});
export type Person = z.infer<typeof Person>;

/** The priority criteria of the co-programming, as typed facts. */
export const PriorityFacts = z.object({
  knownToSocialServices: z.boolean().default(false),
  completedPreviousPath: z.boolean().default(false),
  prospectOfAutonomy: z.boolean().default(false),
  ableToCoPay: z.boolean().default(false),
  difficultyAccessingPublicHousing: z.boolean().default(false),
});

/** A household as the referring social worker describes it. */
export const HouseholdFields = z.object({
  targetGroup: TargetGroup,
  category: UnitCategory,
  needs: z.array(Need).default([]),
  accessibilityNeed: AccessibilityNeed.default("none"),
  priority: PriorityFacts.default({
    knownToSocialServices: false,
    completedPreviousPath: false,
    prospectOfAutonomy: false,
    ableToCoPay: false,
    difficultyAccessingPublicHousing: false,
  }),
  housingSituation: HousingSituation,
  phone: z.string().trim().max(30, { error: "Phone: at most 30 characters" }).default(""),
  email: z.union([z.literal(""), z.email({ error: "Enter a valid e-mail address" })]).default(""),
  /** Yearly net income of the household. */
  incomeCents: Cents("Income").nullable().default(null),
  iseeCents: Cents("ISEE").nullable().default(null),
  iseeDate: IsoDate.nullable().default(null),
  members: z.array(Person).min(1, { error: "A household has at least one member" }).max(20),
});
export type HouseholdFields = z.infer<typeof HouseholdFields>;

/**
 * Rules that need today's date or more than one field: birth dates and the ISEE date not in the
 * future, the birth date and sex agreeing with the fiscal code, exactly one head, no fiscal code twice,
 * an ISEE with its date.
 */
export function householdProblems(h: HouseholdFields, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const heads = h.members.filter((m) => m.relationship === "head").length;
  if (heads !== 1)
    issues.push({ path: "members", message: "A household has exactly one head (relationship head)" });
  const seen = new Map<string, number>();
  h.members.forEach((m, i) => {
    const at = (field: string) => `members.${i}.${field}`;
    if (m.birthDate > today)
      issues.push({ path: at("birthDate"), message: "The birth date is in the future" });
    const encoded = fiscalCodeBirth(m.fiscalCode, new Date(`${today}T00:00:00Z`));
    if (encoded.birthDate !== m.birthDate) {
      issues.push({ path: at("birthDate"), message: "The birth date does not match the fiscal code" });
    }
    if (m.sex !== "X" && encoded.sex !== m.sex) {
      issues.push({ path: at("sex"), message: "The sex does not match the fiscal code" });
    }
    const earlier = seen.get(m.fiscalCode);
    if (earlier !== undefined) {
      issues.push({ path: at("fiscalCode"), message: `The same fiscal code as member ${earlier + 1}` });
    }
    seen.set(m.fiscalCode, i);
  });
  if (h.iseeDate !== null && h.iseeDate > today)
    issues.push({ path: "iseeDate", message: "The ISEE date is in the future" });
  if (h.iseeCents !== null && h.iseeDate === null)
    issues.push({ path: "iseeDate", message: "Give the date of the ISEE" });
  return issues;
}
