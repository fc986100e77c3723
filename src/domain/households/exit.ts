// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";
import { addMonths } from "../support-plans/support-plan-review.ts";

/*
 * Exit from the programme (uscita) and the follow-up contacts at 6, 12 and 24 months that say
 * whether the household kept its home: what "returns" and "tenancy sustained at 12 months" count.
 */

export const EXIT_DESTINATIONS = [
  "market_rent",
  "public_housing",
  "family",
  "other_service",
  "abandonment",
  "eviction",
  "death",
] as const;
/** Affitto sul mercato, edilizia pubblica, famiglia, altro servizio, abbandono, sfratto, decesso. */
export const ExitDestination = z.enum(EXIT_DESTINATIONS, {
  error: `Unknown destination: use ${EXIT_DESTINATIONS.join(", ")}`,
});
export type ExitDestination = z.infer<typeof ExitDestination>;

/** Destinations that are an exit to autonomy (housing of one's own). */
export const AUTONOMOUS_DESTINATIONS: readonly ExitDestination[] = ["market_rent", "public_housing"];

/** Months after the exit at which the household is contacted again. */
export const FOLLOW_UP_MONTHS = [6, 12, 24] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

export const FOLLOW_UP_SITUATIONS = [
  "same_home",
  "other_stable_home",
  "with_family",
  "shelter_or_service",
  "homeless",
  "unreachable",
] as const;
/**
 * Situazione abitativa al contatto: stessa casa, altra casa stabile, in famiglia, in struttura o altro
 * servizio, senza dimora, non raggiungibile.
 */
export const FollowUpSituation = z.enum(FOLLOW_UP_SITUATIONS, {
  error: `Unknown situation: use ${FOLLOW_UP_SITUATIONS.join(", ")}`,
});
export type FollowUpSituation = z.infer<typeof FollowUpSituation>;

/** Situations that count as a return to housing need. */
export const RETURN_SITUATIONS: readonly FollowUpSituation[] = ["shelter_or_service", "homeless"];

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Note = z.string().trim().max(4000, { error: "Note: at most 4000 characters" }).default("");

/** `POST /households/{id}/exit`: the household leaves the programme. */
export const ExitInput = z.object({
  date: IsoDate,
  /** Planned with the team (true) or not (abandonment, eviction, …). */
  planned: z.boolean({ error: "Say whether the exit was planned" }),
  destination: ExitDestination,
  note: Note,
});
export type ExitInput = z.infer<typeof ExitInput>;

/** `PUT /households/{id}/follow-ups/{months}`: the outcome of a follow-up contact. */
export const FollowUpInput = z.object({
  contactedOn: IsoDate,
  situation: FollowUpSituation,
  note: Note,
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUpRecord = z.object({
  months: z.union([z.literal(6), z.literal(12), z.literal(24)]),
  dueDate: IsoDate,
  contactedOn: IsoDate.nullable(),
  situation: FollowUpSituation.nullable(),
  note: z.string(),
  /** Not yet recorded and past its due date. */
  overdue: z.boolean(),
});
export type FollowUpRecord = z.infer<typeof FollowUpRecord>;

export const ExitRecord = ExitInput.extend({
  followUps: z.array(FollowUpRecord),
  /** A follow-up found the household back in housing need (null until one is recorded). */
  returned: z.boolean().nullable(),
  /** Still housed at the 12-month contact (null until it is recorded). */
  sustainedAt12Months: z.boolean().nullable(),
});
export type ExitRecord = z.infer<typeof ExitRecord>;

/** The due date of each follow-up after an exit on `exitDate` (month ends clamp, like reviews). */
export function followUpDueDates(exitDate: string): { months: FollowUpMonths; dueDate: string }[] {
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueDate: addMonths(exitDate, months) }));
}

/** Why an exit cannot be recorded on `today` for a household that entered on `enteredOn`. */
export function exitProblems(exit: Pick<ExitInput, "date">, today: string, enteredOn: string): FieldIssue[] {
  if (exit.date > today) return [{ path: "date", message: "The exit date cannot be in the future" }];
  if (exit.date < enteredOn)
    return [{ path: "date", message: `The exit cannot come before the referral (${enteredOn})` }];
  return [];
}

/** Why a follow-up contact cannot be recorded: not before the exit, not in the future. */
export function followUpProblems(input: Pick<FollowUpInput, "contactedOn">, exitDate: string, today: string) {
  const issues: FieldIssue[] = [];
  if (input.contactedOn > today)
    issues.push({ path: "contactedOn", message: "The contact date cannot be in the future" });
  if (input.contactedOn < exitDate)
    issues.push({ path: "contactedOn", message: `The contact cannot come before the exit (${exitDate})` });
  return issues;
}

type RecordedFollowUp = { months: number; situation: FollowUpSituation | null };

/** True when any recorded follow-up found the household in housing need again; null if none recorded. */
export function hasReturned(followUps: readonly RecordedFollowUp[]): boolean | null {
  const recorded = followUps.filter((f) => f.situation !== null && f.situation !== "unreachable");
  if (recorded.length === 0) return null;
  return recorded.some((f) => RETURN_SITUATIONS.includes(f.situation as FollowUpSituation));
}

/** Housed at the 12-month contact: same or another stable home, or with family. */
export function sustainedAt12Months(followUps: readonly RecordedFollowUp[]): boolean | null {
  const at12 = followUps.find((f) => f.months === 12);
  if (at12?.situation == null || at12.situation === "unreachable") return null;
  return !RETURN_SITUATIONS.includes(at12.situation);
}

/** A follow-up to make (`GET /follow-ups/due`): not recorded, due within 30 days or overdue. */
export const DueFollowUp = z.object({
  householdId: z.string(),
  householdReference: z.string(),
  months: z.union([z.literal(6), z.literal(12), z.literal(24)]),
  dueDate: IsoDate,
  /** Past its due date. */
  overdue: z.boolean(),
});
export type DueFollowUp = z.infer<typeof DueFollowUp>;
export const DueFollowUpList = z.object({ items: z.array(DueFollowUp), total: z.number().int() });
export type DueFollowUpList = z.infer<typeof DueFollowUpList>;
