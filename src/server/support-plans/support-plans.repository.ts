// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type {
  AutonomyAssessment,
  PlanGoal,
  PlanIntensity,
  PlanSignatures,
  TeamMember,
} from "../../domain/support-plans/support-plan.schema.ts";
import type { Db } from "../db/client.ts";
import { households, organisations, supportPlanReviews, supportPlans, users } from "../db/schema.ts";
import type { HouseholdScope } from "../households/households.repository.ts";

/** The columns a plan write sets. */
export type SupportPlanValues = {
  startDate: string;
  intensity: PlanIntensity;
  reviewEveryMonths: number;
  team: TeamMember[];
  goals: PlanGoal[];
  signatures: PlanSignatures;
  nextReviewDate: string;
};

/** The active plan of a household, or null. */
export async function findActivePlanRow(db: Db, householdId: string) {
  const [row] = await db
    .select()
    .from(supportPlans)
    .where(and(eq(supportPlans.householdId, householdId), eq(supportPlans.status, "active")));
  return row ?? null;
}

export type SupportPlanRow = NonNullable<Awaited<ReturnType<typeof findActivePlanRow>>>;

export async function insertPlanRow(db: Db, householdId: string, values: SupportPlanValues, at: Date) {
  const [row] = await db
    .insert(supportPlans)
    .values({ ...values, householdId, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ id: supportPlans.id });
  return row?.id ?? null;
}

/** Update only if the stored version is still `version`; false when another change came first. */
export async function updatePlanRow(
  db: Db,
  id: string,
  version: number,
  values: Partial<SupportPlanValues>,
  at: Date,
) {
  const rows = await db
    .update(supportPlans)
    .set({ ...values, version: sql`${supportPlans.version} + 1`, updatedAt: at })
    .where(and(eq(supportPlans.id, id), eq(supportPlans.version, version)))
    .returning({ id: supportPlans.id });
  return rows.length === 1;
}

export async function listPlanReviews(db: Db, planId: string) {
  return db
    .select({
      id: supportPlanReviews.id,
      date: supportPlanReviews.date,
      notes: supportPlanReviews.notes,
      autonomy: supportPlanReviews.autonomy,
      createdAt: supportPlanReviews.createdAt,
    })
    .from(supportPlanReviews)
    .where(eq(supportPlanReviews.planId, planId))
    .orderBy(asc(supportPlanReviews.date), asc(supportPlanReviews.createdAt));
}

export async function insertPlanReview(
  db: Db,
  review: {
    planId: string;
    householdId: string;
    date: string;
    notes: string;
    autonomy: AutonomyAssessment;
    actorId: string | null;
    at: Date;
  },
) {
  const { at, ...values } = review;
  await db.insert(supportPlanReviews).values({ ...values, createdAt: at });
}

/** The active plans in the scope whose next review falls before `today`. */
export async function listOverduePlanRows(db: Db, today: string, scope: HouseholdScope) {
  return db
    .select({
      planId: supportPlans.id,
      householdId: supportPlans.householdId,
      householdReference: households.reference,
      nextReviewDate: supportPlans.nextReviewDate,
    })
    .from(supportPlans)
    .innerJoin(households, eq(households.id, supportPlans.householdId))
    .where(
      and(
        eq(supportPlans.status, "active"),
        lt(supportPlans.nextReviewDate, today),
        scope ? eq(households.managingPartnerId, scope.organisationId) : undefined,
      ),
    )
    .orderBy(asc(supportPlans.nextReviewDate), asc(households.reference));
}

/** Close the household's active plan (at its exit); false when it has none. */
export async function closeActivePlanRow(db: Db, householdId: string, at: Date) {
  const rows = await db
    .update(supportPlans)
    .set({ status: "closed", version: sql`${supportPlans.version} + 1`, updatedAt: at })
    .where(and(eq(supportPlans.householdId, householdId), eq(supportPlans.status, "active")))
    .returning({ id: supportPlans.id });
  return rows.length === 1;
}

/**
 * Of the accounts `ids`, those the caller sees in the partner `partnerId` or in the Comune, and
 * whether each is active.
 */
export async function findTeamAccounts(db: Db, ids: readonly string[], partnerId: string | null) {
  return db
    .select({ id: users.id, active: users.active })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        inArray(users.id, [...ids]),
        or(
          eq(organisations.kind, "comune"),
          partnerId === null ? undefined : eq(users.organisationId, partnerId),
        ),
      ),
    );
}

/** Every plan of a household (active and closed), oldest first: the timeline's plan entries. */
export async function listHouseholdPlanRows(db: Db, householdId: string) {
  return db
    .select({ startDate: supportPlans.startDate, status: supportPlans.status })
    .from(supportPlans)
    .where(eq(supportPlans.householdId, householdId))
    .orderBy(asc(supportPlans.startDate), asc(supportPlans.createdAt));
}

/** Every review of a household's plans, with who recorded it (when the caller sees the account). */
export async function listHouseholdReviewRows(db: Db, householdId: string) {
  return db
    .select({
      date: supportPlanReviews.date,
      notes: supportPlanReviews.notes,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(supportPlanReviews)
    .leftJoin(users, eq(users.id, supportPlanReviews.actorId))
    .where(eq(supportPlanReviews.householdId, householdId))
    .orderBy(asc(supportPlanReviews.date), asc(supportPlanReviews.createdAt));
}
