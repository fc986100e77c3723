// SPDX-License-Identifier: EUPL-1.2
import type { SpecialCategoryAccess } from "../../domain/households/special-category.ts";
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
import { caseAccessOf } from "../households/household-team.ts";
import { findHouseholdOrFail, householdScopeOf, romeDate } from "../households/households.service.ts";
import { findPendingReferralRow } from "../households/referrals.repository.ts";
import {
  findActivePlanRow,
  findTeamAccounts,
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

/** 403 unless the caller reads the household's special-category data (its team, the Comune's social workers). */
export function fullAccessOrFail(access: SpecialCategoryAccess, what: string) {
  if (access !== "full") {
    throw new AppError("FORBIDDEN", `Only the household's team and the Comune's social workers may ${what}`);
  }
}

/**
 * The household the caller asks about (404 when it may not see it, as when there is none) and
 * whether the caller reads its special-category data.
 */
export async function householdCaseOrFail(db: Db, actor: Actor, idOrReference: string) {
  const household = await findHouseholdOrFail(db, actor, idOrReference);
  const { access } = await caseAccessOf(db, actor, household);
  return { household, access };
}

// Plans stored before team members could name an account have no `userId`.
const teamOf = (row: SupportPlanRow): TeamMember[] =>
  (row.team as TeamMember[]).map((m) => ({ ...m, userId: m.userId ?? null }));

async function planView(
  db: Db,
  householdId: string,
  row: SupportPlanRow,
  access: SpecialCategoryAccess,
): Promise<SupportPlan> {
  const reviews = (await listPlanReviews(db, row.id)).map((r) => ({
    id: r.id,
    date: r.date,
    notes: r.notes,
    autonomy: r.autonomy as AutonomyAssessment,
    createdAt: r.createdAt.toISOString(),
  }));
  const restricted = access !== "full";
  return {
    id: row.id,
    householdId,
    version: row.version,
    status: row.status as SupportPlan["status"],
    restricted,
    startDate: row.startDate,
    intensity: row.intensity as PlanIntensity,
    reviewEveryMonths: row.reviewEveryMonths,
    team: teamOf(row),
    goals: restricted ? null : (row.goals as PlanGoal[]),
    signatures: row.signatures as PlanSignatures,
    lastReviewDate: reviews.at(-1)?.date ?? null,
    nextReviewDate: row.nextReviewDate,
    reviews: restricted ? null : reviews,
    progress: restricted ? null : autonomyProgress(reviews),
  };
}

async function activePlanOrFail(db: Db, householdId: string) {
  const row = await findActivePlanRow(db, householdId);
  if (row === null) throw new AppError("NOT_FOUND", "The household has no support plan yet");
  return row;
}

/**
 * An account newly named in a team must be an active one the caller sees in the household's managing
 * partner or in the Comune (row-level security narrows a partner to its own accounts); one already on
 * the stored team stays as it is. 422 naming `team.N.userId` otherwise.
 */
async function checkTeamAccounts(
  db: Db,
  household: { managingPartnerId: string | null },
  team: readonly TeamMember[],
  stored: readonly TeamMember[],
) {
  const onTeam = new Set(stored.map((m) => m.userId));
  const named = team.flatMap((m, i) =>
    m.userId === null || onTeam.has(m.userId) ? [] : [{ i, userId: m.userId }],
  );
  if (named.length === 0) return;
  const found = await findTeamAccounts(
    db,
    [...new Set(named.map((m) => m.userId))],
    household.managingPartnerId,
  );
  const active = new Set(found.filter((a) => a.active).map((a) => a.id));
  const issues = named
    .filter(({ userId }) => !active.has(userId))
    .map(({ i }) => ({
      path: `team.${i}.userId`,
      message: "Not an active account of the household's partner or of the Comune",
    }));
  if (issues.length > 0)
    throw new AppError("UNPROCESSABLE", "The team names accounts it cannot have", issues);
}

export async function getSupportPlan(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
}): Promise<SupportPlan> {
  const { db, actor, idOrReference } = options;
  const { household, access } = await householdCaseOrFail(db, actor, idOrReference);
  return planView(db, household.id, await activePlanOrFail(db, household.id), access);
}

/**
 * Create the household's plan (`version` 0) or replace its fields (the version read). Whoever may
 * write the household sets a plan up and names its team; only those who read its special-category
 * data change it afterwards.
 */
export async function saveSupportPlan(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: SupportPlanInput;
  now: Date;
}): Promise<SupportPlan> {
  const { db, actor, idOrReference, input, now } = options;
  return db.transaction(async (tx) => {
    const { household, access } = await householdCaseOrFail(tx, actor, idOrReference);
    const { version, ...fields } = input;
    const row = await findActivePlanRow(tx, household.id);
    if (row !== null) fullAccessOrFail(access, "change the support plan");
    // A plan is the managing partner's to make: first a partner must have taken the household on.
    if (household.managingPartnerId === null || (await findPendingReferralRow(tx, household.id)) !== null) {
      throw fieldError("CONFLICT", "version", "The household has no partner that accepted its referral yet");
    }
    if ((row?.version ?? 0) !== version) throw staleVersion(row?.version ?? 0, version);
    await checkTeamAccounts(tx, household, fields.team, row === null ? [] : teamOf(row));
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
    // The team just saved may have named the caller: its access is read again.
    const saved = await householdCaseOrFail(tx, actor, household.id);
    return planView(tx, household.id, await activePlanOrFail(tx, household.id), saved.access);
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
    const { household, access } = await householdCaseOrFail(tx, actor, idOrReference);
    fullAccessOrFail(access, "review the support plan");
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
    return planView(tx, household.id, await activePlanOrFail(tx, household.id), access);
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
