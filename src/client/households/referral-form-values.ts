// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@hookform/resolvers/zod";
import type { DefaultValues, FieldErrors, FieldPath, Resolver } from "react-hook-form";
import type { z } from "zod";
import { householdProblems } from "../../domain/households/household.schema.ts";
import { DEFAULT_REFERRAL_DUE_DAYS, ReferralCreate } from "../../domain/households/household-api.schema.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";

export type ReferralFormValues = z.input<typeof ReferralCreate>;
export type ReferralFormOutput = z.output<typeof ReferralCreate>;
export type ReferralFormPath = FieldPath<ReferralFormValues>;
export type MemberValues = ReferralFormValues["household"]["members"][number];

export const DEFAULT_DUE_DAYS = DEFAULT_REFERRAL_DUE_DAYS;

// Choices (sex, relationship, the household's selects) start empty, which their types do not allow:
// the person filling in the form chooses, and the schema says so beside any left empty.
export const emptyMember = (relationship: "head" | "" = ""): MemberValues =>
  ({
    givenName: "",
    familyName: "",
    fiscalCode: "",
    birthDate: "",
    sex: "",
    citizenship: "IT",
    relationship,
  }) as unknown as MemberValues;

export const EMPTY_REFERRAL = {
  household: {
    targetGroup: "",
    category: "",
    needs: [],
    accessibilityNeed: "none",
    priority: {
      knownToSocialServices: false,
      completedPreviousPath: false,
      prospectOfAutonomy: false,
      ableToCoPay: false,
      difficultyAccessingPublicHousing: false,
    },
    housingSituation: "",
    phone: "",
    email: "",
    incomeCents: null,
    iseeCents: null,
    iseeDate: null,
    members: [emptyMember("head")],
  },
  partnerCode: "",
  report: { situation: "", reasons: "", servicesInvolved: "", urgency: "ordinary" },
  dueDays: DEFAULT_DUE_DAYS,
} as unknown as DefaultValues<ReferralFormValues>;

// What the inputs hold is text; the schema wants numbers, cents and nulls. Amounts are typed in euro
// the Italian or the English way (1.250,50 or 1250.50); anything unreadable stays text, so the schema
// names the problem.
export const asCentsOrNull = (v: unknown) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return null;
  const euro = parseLocaleNumber(v.replace(/€/g, ""));
  return typeof euro === "number" ? Math.round(euro * 100) : v;
};
export const asNumber = (v: unknown) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return undefined;
  const n = parseLocaleNumber(v);
  return n;
};
export const asTextOrNull = (v: unknown) => (typeof v !== "string" ? v : v.trim() === "" ? null : v);
/** An unchosen option is no value at all, so the schema says it is missing. */
export const asChoice = (v: unknown) => (v === "" ? undefined : v);

/** Today as YYYY-MM-DD where the browser is: birth and ISEE dates are not in the future. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const schemaResolver = zodResolver(ReferralCreate);

/**
 * The shared schema first, then the household's cross-field rules (one head, birth date and sex as
 * the fiscal code says, …): the same checks the server makes, shown before the form is sent.
 */
export const referralResolver: Resolver<ReferralFormValues, unknown, ReferralFormOutput> = async (
  values,
  context,
  options,
) => {
  const result = await schemaResolver(values, context, options);
  if (Object.keys(result.errors).length > 0) return result;
  const problems = householdProblems(result.values.household, localToday());
  if (problems.length === 0) return result;
  const flat: FieldErrors = {};
  for (const problem of problems) {
    const path = `household.${problem.path}`;
    if (flat[path] === undefined) flat[path] = { type: "rule", message: problem.message };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};

const HOUSEHOLD_FIELDS = new Set([
  "targetGroup",
  "category",
  "needs",
  "accessibilityNeed",
  "priority",
  "housingSituation",
  "phone",
  "email",
  "incomeCents",
  "iseeCents",
  "iseeDate",
  "members",
]);
const MEMBER_FIELDS = "givenName|familyName|fiscalCode|birthDate|sex|citizenship|relationship";
const FORM_PATHS = [
  /^household\.(targetGroup|category|needs|accessibilityNeed|housingSituation|phone|email|incomeCents|iseeCents|iseeDate)$/,
  /^household\.priority\.\w+$/,
  new RegExp(`^household\\.members\\.\\d+\\.(${MEMBER_FIELDS})$`),
  /^partnerCode$/,
  /^report\.(situation|reasons|servicesInvolved|urgency)$/,
  /^dueDays$/,
];

/**
 * The form path of a field the server named: its paths may start inside the household
 * (`members.0.fiscalCode`); null when the field is not one of the form's.
 */
export function formPathOf(serverPath: string): ReferralFormPath | null {
  const first = serverPath.split(".")[0] ?? "";
  const path = HOUSEHOLD_FIELDS.has(first) ? `household.${serverPath}` : serverPath;
  return FORM_PATHS.some((re) => re.test(path)) ? (path as ReferralFormPath) : null;
}

/** The id of a field's control: `household.members.0.fiscalCode` → `referral-household-members-0-fiscalCode`. */
export const fieldId = (path: string) => `referral-${path.replaceAll(".", "-")}`;
