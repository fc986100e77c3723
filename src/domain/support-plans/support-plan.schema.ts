// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The individual support plan (progetto individualizzato) of a household and its reviews. Dates are
 * `YYYY-MM-DD` strings; the goals, team and signatures travel as one body and are stored as such.
 */

export const PLAN_DOMAINS = [
  "housing",
  "work",
  "health",
  "relationships",
  "money_management",
  "administrative",
] as const;
/** Ambito: abitare, lavoro, salute, relazioni, gestione del denaro, pratiche amministrative. */
export const PlanDomain = z.enum(PLAN_DOMAINS, {
  error: `Unknown domain: use ${PLAN_DOMAINS.join(", ")}`,
});
export type PlanDomain = z.infer<typeof PlanDomain>;

/** Intensità del progetto. */
export const PlanIntensity = z.enum(["low", "medium", "high"], { error: "Use low, medium or high" });
export type PlanIntensity = z.infer<typeof PlanIntensity>;

export const TEAM_ROLES = [
  "educator",
  "social_worker",
  "psychologist",
  "mediator",
  "legal_adviser",
  "financial_educator",
  "job_placement_worker",
  "volunteer",
] as const;
/** Ruolo nell'équipe: educatore, assistente sociale, psicologo, mediatore, legale, educatore finanziario, operatore inserimento lavorativo, volontario. */
export const TeamRole = z.enum(TEAM_ROLES, { error: `Unknown role: use ${TEAM_ROLES.join(", ")}` });
export type TeamRole = z.infer<typeof TeamRole>;

/** Stato di un'azione: aperta, svolta, abbandonata. */
export const ActionStatus = z.enum(["open", "done", "dropped"], { error: "Use open, done or dropped" });
export type ActionStatus = z.infer<typeof ActionStatus>;

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(max, { error: `${what}: at most ${max} characters` });

/** Months between reviews when the plan does not say. */
export const DEFAULT_REVIEW_EVERY_MONTHS = 3;

/**
 * Un componente dell'équipe. `userId` links a member to a programme account: that account then is on
 * the household's team (reads its special-category data, finds it in its caseload).
 */
export const TeamMember = z.object({
  role: TeamRole,
  name: Text("Name", 200),
  organisation: Text("Organisation", 200).optional(),
  userId: z.uuid({ error: "Account: not a valid id" }).nullable().default(null),
});
export type TeamMember = z.infer<typeof TeamMember>;

/** Un'azione di un obiettivo: chi la porta avanti, entro quando. */
export const PlanAction = z.object({
  description: Text("Description", 2000),
  owner: Text("Owner", 200),
  dueDate: IsoDate,
  status: ActionStatus.default("open"),
});
export type PlanAction = z.infer<typeof PlanAction>;

/** Un obiettivo del progetto, in un ambito. */
export const PlanGoal = z.object({
  domain: PlanDomain,
  description: Text("Description", 2000),
  actions: z.array(PlanAction).max(50, { error: "At most 50 actions per goal" }).default([]),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

/** Firme: del nucleo e del servizio inviante, con la data; null finché non firmano. */
export const PlanSignatures = z.object({
  household: IsoDate.nullable().default(null),
  referringService: IsoDate.nullable().default(null),
});
export type PlanSignatures = z.infer<typeof PlanSignatures>;

/** The fields of a plan a partner writes (progetto individualizzato). */
export const SupportPlanFields = z.object({
  startDate: IsoDate,
  intensity: PlanIntensity,
  /** Months between reviews (verifiche); 3 unless said. */
  reviewEveryMonths: z
    .number({ error: "Use a whole number of months from 1 to 24" })
    .int({ error: "Use a whole number of months from 1 to 24" })
    .min(1, { error: "Use a whole number of months from 1 to 24" })
    .max(24, { error: "Use a whole number of months from 1 to 24" })
    .default(DEFAULT_REVIEW_EVERY_MONTHS),
  team: z.array(TeamMember).max(30, { error: "At most 30 team members" }).default([]),
  goals: z.array(PlanGoal).max(50, { error: "At most 50 goals" }).default([]),
  signatures: PlanSignatures.default({ household: null, referringService: null }),
});
export type SupportPlanFields = z.infer<typeof SupportPlanFields>;

/** The body of `PUT /households/{id}/plan`: `version` 0 creates the plan, else the version read. */
export const SupportPlanInput = SupportPlanFields.extend({
  version: z
    .number({ error: "Version is required (0 for a new plan)" })
    .int({ error: "Version is required (0 for a new plan)" })
    .min(0, { error: "Version is required (0 for a new plan)" }),
});
export type SupportPlanInput = z.infer<typeof SupportPlanInput>;

/** Autonomy on the fixed scale: 1 (none) to 5 (full). */
export const AutonomyScore = z
  .number({ error: "Use a score from 1 to 5" })
  .int({ error: "Use a score from 1 to 5" })
  .min(1, { error: "Use a score from 1 to 5" })
  .max(5, { error: "Use a score from 1 to 5" });

/** Valutazione dell'autonomia per ambito (scala 1–5); gli ambiti non valutati mancano. */
export const AutonomyAssessment = z.partialRecord(PlanDomain, AutonomyScore);
export type AutonomyAssessment = z.infer<typeof AutonomyAssessment>;

/** Una verifica del progetto. */
export const SupportPlanReviewInput = z.object({
  date: IsoDate,
  notes: z.string().trim().max(10_000, { error: "Notes: at most 10000 characters" }).default(""),
  autonomy: AutonomyAssessment,
});
export type SupportPlanReviewInput = z.infer<typeof SupportPlanReviewInput>;

export const SupportPlanReview = SupportPlanReviewInput.extend({ id: z.string(), createdAt: z.string() });
export type SupportPlanReview = z.infer<typeof SupportPlanReview>;

/** The autonomy of one domain at each review, oldest first: what a progress chart draws. */
export const AutonomyPoint = z.object({ date: IsoDate, score: AutonomyScore });
export const AutonomyProgress = z.record(PlanDomain, z.array(AutonomyPoint));
export type AutonomyProgress = z.infer<typeof AutonomyProgress>;

/**
 * A plan as the API shows it. For a caller outside the household's team (`restricted`), the goals,
 * the reviews and the progress are null: the dates, the intensity, the team and the signatures show.
 */
export const SupportPlan = SupportPlanFields.extend({
  id: z.string(),
  householdId: z.string(),
  version: z.number().int(),
  status: z.enum(["active", "closed"]),
  restricted: z.boolean(),
  goals: z.array(PlanGoal).nullable(),
  lastReviewDate: IsoDate.nullable(),
  nextReviewDate: IsoDate,
  reviews: z.array(SupportPlanReview).nullable(),
  progress: AutonomyProgress.nullable(),
});
export type SupportPlan = z.infer<typeof SupportPlan>;

/** One line of the overdue-reviews list. */
export const OverdueReview = z.object({
  planId: z.string(),
  householdId: z.string(),
  householdReference: z.string(),
  nextReviewDate: IsoDate,
  daysOverdue: z.number().int(),
});
export const OverdueReviewList = z.object({ items: z.array(OverdueReview), total: z.number().int() });
export type OverdueReview = z.infer<typeof OverdueReview>;

/** One household of a caseload (I miei nuclei): where its plan stands and what is late. */
export const CaseloadEntry = z.object({
  householdId: z.string(),
  householdReference: z.string(),
  headName: z.string(),
  status: z.string(),
  /** The caller's role in the household's team; null when on it for having accepted its referral. */
  teamRole: TeamRole.nullable(),
  /** Null when the household has no active plan yet. */
  nextReviewDate: IsoDate.nullable(),
  /** Days the next review is late; 0 when not late or no plan. */
  reviewDaysOverdue: z.number().int(),
  openActions: z.number().int(),
  /** Open actions past their due date. */
  overdueActions: z.number().int(),
  lastInterventionDate: IsoDate.nullable(),
});
export type CaseloadEntry = z.infer<typeof CaseloadEntry>;
export const Caseload = z.object({ items: z.array(CaseloadEntry), total: z.number().int() });
export type Caseload = z.infer<typeof Caseload>;
