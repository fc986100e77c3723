// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import type { FieldErrors, FieldPath, Resolver } from "react-hook-form";
import type { z } from "zod";
import {
  type ActionStatus,
  DEFAULT_REVIEW_EVERY_MONTHS,
  PLAN_DOMAINS,
  type PlanDomain,
  type PlanIntensity,
  type SupportPlan,
  SupportPlanFields,
  SupportPlanReviewInput,
  type TeamRole,
} from "../../domain/support-plans/support-plan.schema.ts";
import { localToday } from "../households/referral-form-values.ts";

// What the editor's inputs hold is text: empty choices, dates and numbers as typed. The shared schema
// judges them once turned into the API's shape, so the form says what the server would say.

export type MemberValues = { role: TeamRole | ""; name: string; organisation: string; userId: string };
export type ActionValues = { description: string; owner: string; dueDate: string; status: ActionStatus };
export type GoalValues = { domain: PlanDomain | ""; description: string; actions: ActionValues[] };
export type PlanFormValues = {
  startDate: string;
  intensity: PlanIntensity | "";
  reviewEveryMonths: string;
  team: MemberValues[];
  goals: GoalValues[];
  signatures: { household: string; referringService: string };
};
export type PlanFormOutput = z.output<typeof SupportPlanFields>;
export type PlanFormPath = FieldPath<PlanFormValues>;

export const emptyMember = (): MemberValues => ({ role: "", name: "", organisation: "", userId: "" });
export const emptyAction = (): ActionValues => ({ description: "", owner: "", dueDate: "", status: "open" });
export const emptyGoal = (): GoalValues => ({ domain: "", description: "", actions: [emptyAction()] });

/** The editor's values for a plan, or for a new one starting today. */
export function planFormValues(plan: SupportPlan | null): PlanFormValues {
  if (plan === null) {
    return {
      startDate: localToday(),
      intensity: "",
      reviewEveryMonths: String(DEFAULT_REVIEW_EVERY_MONTHS),
      team: [],
      goals: [emptyGoal()],
      signatures: { household: "", referringService: "" },
    };
  }
  return {
    startDate: plan.startDate,
    intensity: plan.intensity,
    reviewEveryMonths: String(plan.reviewEveryMonths),
    team: plan.team.map((m) => ({
      role: m.role,
      name: m.name,
      organisation: m.organisation ?? "",
      userId: m.userId ?? "",
    })),
    goals: (plan.goals ?? []).map((g) => ({
      domain: g.domain,
      description: g.description,
      actions: g.actions.map((a) => ({ ...a })),
    })),
    signatures: {
      household: plan.signatures.household ?? "",
      referringService: plan.signatures.referringService ?? "",
    },
  };
}

const orUndefined = (v: string) => (v.trim() === "" ? undefined : v);
const orNull = (v: string) => (v.trim() === "" ? null : v);
/** A whole number as typed, or the text itself so the schema names the problem. */
const asWhole = (v: string): number | string | undefined => {
  if (v.trim() === "") return undefined;
  return /^\s*\d+\s*$/.test(v) ? Number(v) : v;
};

/** The values in the API's shape, not yet validated. */
export function planInputOf(values: PlanFormValues): unknown {
  return {
    startDate: values.startDate,
    intensity: orUndefined(values.intensity),
    reviewEveryMonths: asWhole(values.reviewEveryMonths),
    team: values.team.map((m) => ({
      role: orUndefined(m.role),
      name: m.name,
      organisation: orUndefined(m.organisation),
      userId: orNull(m.userId),
    })),
    goals: values.goals.map((g) => ({
      domain: orUndefined(g.domain),
      description: g.description,
      actions: g.actions.map((a) => ({ ...a })),
    })),
    signatures: {
      household: orNull(values.signatures.household),
      referringService: orNull(values.signatures.referringService),
    },
  };
}

/** The issues of a zod parse as the nested errors react-hook-form shows beside each field. */
function errorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const flat: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.join(".");
    if (flat[path] === undefined) flat[path] = { type: issue.code, message: issue.message };
  }
  return flat;
}

export const planResolver: Resolver<PlanFormValues, unknown, PlanFormOutput> = async (
  values,
  _context,
  options,
) => {
  const parsed = SupportPlanFields.safeParse(planInputOf(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  return { values: {}, errors: toNestErrors(errorsOf(parsed.error.issues), options) };
};

/** The id of a field's control: `goals.0.actions.1.owner` → `plan-goals-0-actions-1-owner`. */
export const planFieldId = (path: string) => `plan-${path.replaceAll(".", "-")}`;

const PLAN_PATHS = [
  /^(startDate|intensity|reviewEveryMonths)$/,
  /^team\.\d+\.(role|name|organisation|userId)$/,
  /^goals\.\d+\.(domain|description)$/,
  /^goals\.\d+\.actions\.\d+\.(description|owner|dueDate|status)$/,
  /^signatures\.(household|referringService)$/,
];

/** The form path of a field the server named; null when it is not one of the form's. */
export const planFormPathOf = (path: string): PlanFormPath | null =>
  PLAN_PATHS.some((re) => re.test(path)) ? (path as PlanFormPath) : null;

/* The review form. */

export type ReviewFormValues = {
  date: string;
  notes: string;
  /** "" when the domain is not assessed at this review. */
  autonomy: Record<PlanDomain, string>;
};
export type ReviewFormOutput = z.output<typeof SupportPlanReviewInput>;

export const emptyReview = (): ReviewFormValues => ({
  date: localToday(),
  notes: "",
  autonomy: Object.fromEntries(PLAN_DOMAINS.map((d) => [d, ""])) as Record<PlanDomain, string>,
});

export const reviewResolver: Resolver<ReviewFormValues, unknown, ReviewFormOutput> = async (
  values,
  _context,
  options,
) => {
  const autonomy = Object.fromEntries(
    PLAN_DOMAINS.filter((d) => values.autonomy[d] !== "").map((d) => [d, Number(values.autonomy[d])]),
  );
  const parsed = SupportPlanReviewInput.safeParse({ date: values.date, notes: values.notes, autonomy });
  if (parsed.success) return { values: parsed.data, errors: {} };
  return { values: {}, errors: toNestErrors(errorsOf(parsed.error.issues), options) };
};
