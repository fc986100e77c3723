// SPDX-License-Identifier: EUPL-1.2
import type {
  AutonomyAssessment,
  OverdueReview,
  PlanGoal,
  PlanIntensity,
  PlanSignatures,
  SupportPlan,
  SupportPlanInput,
  SupportPlanReviewInput,
  TeamMember,
} from "../../domain/support-plans/support-plan.schema.ts";
import {
  autonomyProgress,
  nextReviewDate,
  overdueReviews,
  reviewProblems,
} from "../../domain/support-plans/support-plan-review.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { findHouseholdOrFail, householdScopeOf, romeDate } from "../households/households.service.ts";
import {
  findActivePlanRow,
  insertPlanReview,
  insertPlanRow,
  listOverduePlanRows,
  listPlanReviews,
  type SupportPlanRow,
  updatePlanRow,
} from "./support-plans.repository.ts";

const staleVersion = (stored: number, sent: number) =>
  fieldError(
    "CONFLICT",
    "version",
    `The support plan was changed by someone else (version ${stored}, you sent ${sent}); reload it and retry`,
  );

async function planView(db: Db, householdId: string, row: SupportPlanRow): Promise<SupportPlan> {
  const reviews = (await listPlanReviews(db, row.id)).map((r) => ({
    id: r.id,
    date: r.date,
    notes: r.notes,
    autonomy: r.autonomy as AutonomyAssessment,
    createdAt: r.createdAt.toISOString(),
  }));
  return {
    id: row.id,
    householdId,
    version: row.version,
    startDate: row.startDate,
    intensity: row.intensity as PlanIntensity,
    reviewEveryMonths: row.reviewEveryMonths,
    team: row.team as TeamMember[],
    goals: row.goals as PlanGoal[],
    signatures: row.signatures as PlanSignatures,
    lastReviewDate: reviews.at(-1)?.date ?? null,
    nextReviewDate: row.nextReviewDate,
    reviews,
    progress: autonomyProgress(reviews),
  };
}

async function activePlanOrFail(db: Db, householdId: string) {
  const row = await findActivePlanRow(db, householdId);
  if (row === null) throw new AppError("NOT_FOUND", "The household has no support plan yet");
  return row;
}

export async function getSupportPlan(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
}): Promise<SupportPlan> {
  const { db, actor, idOrReference } = options;
  const household = await findHouseholdOrFail(db, actor, idOrReference);
  return planView(db, household.id, await activePlanOrFail(db, household.id));
}

/** Create the household's plan (`version` 0) or replace its fields (the version read). */
export async function saveSupportPlan(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: SupportPlanInput;
  now: Date;
}): Promise<SupportPlan> {
  const { db, actor, idOrReference, input, now } = options;
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    const { version, ...fields } = input;
    const row = await findActivePlanRow(tx, household.id);
    if ((row?.version ?? 0) !== version) throw staleVersion(row?.version ?? 0, version);
    const reviews = row === null ? [] : await listPlanReviews(tx, row.id);
    const firstReview = reviews[0]?.date;
    if (firstReview !== undefined && firstReview < fields.startDate) {
      throw fieldError(
        "UNPROCESSABLE",
        "startDate",
        `The plan cannot start after its first review (${firstReview})`,
      );
    }
    const values = {
      ...fields,
      nextReviewDate: nextReviewDate({ ...fields, lastReviewDate: reviews.at(-1)?.date ?? null }),
    };
    if (row === null) {
      if ((await insertPlanRow(tx, household.id, values, now)) === null) throw staleVersion(1, version);
    } else if (!(await updatePlanRow(tx, row.id, version, values, now))) {
      throw staleVersion(row.version + 1, version);
    }
    return planView(tx, household.id, await activePlanOrFail(tx, household.id));
  });
}

/** Record a review of the household's plan; the next review is then due from it. */
export async function addSupportPlanReview(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: SupportPlanReviewInput;
  now: Date;
}): Promise<SupportPlan> {
  const { db, actor, idOrReference, input, now } = options;
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    const row = await activePlanOrFail(tx, household.id);
    const problems = reviewProblems(input, row.startDate);
    if (problems.length > 0) throw new AppError("UNPROCESSABLE", "The review breaks a rule", problems);
    await insertPlanReview(tx, {
      planId: row.id,
      householdId: household.id,
      date: input.date,
      notes: input.notes,
      autonomy: input.autonomy,
      actorId: actor.userId,
      at: now,
    });
    const reviews = await listPlanReviews(tx, row.id);
    const next = nextReviewDate({ ...row, lastReviewDate: reviews.at(-1)?.date ?? null });
    if (!(await updatePlanRow(tx, row.id, row.version, { nextReviewDate: next }, now)))
      throw staleVersion(row.version + 1, row.version);
    return planView(tx, household.id, await activePlanOrFail(tx, household.id));
  });
}

/** The plans the caller may see whose next review is past, as of today in Milan. */
export async function listOverdueReviews(options: {
  db: Db;
  actor: Actor;
  now: Date;
}): Promise<{ items: OverdueReview[]; total: number }> {
  const { db, actor, now } = options;
  const today = romeDate(now);
  const items = overdueReviews(await listOverduePlanRows(db, today, householdScopeOf(actor)), today);
  return { items, total: items.length };
}
