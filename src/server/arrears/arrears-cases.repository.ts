// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  arrearsCases,
  arrearsSteps,
  referrals,
  repaymentInstalments,
  repaymentPlans,
  supportPlans,
  users,
} from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Cases, steps and plans follow the household: row-level security shows a partner only its own.

export async function findCaseRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(arrearsCases).where(eq(arrearsCases.id, id));
  return row ?? null;
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;

export async function findOpenCaseOfTenancy(db: Db, tenancyId: string) {
  const [row] = await db
    .select({ id: arrearsCases.id })
    .from(arrearsCases)
    .where(and(eq(arrearsCases.tenancyId, tenancyId), eq(arrearsCases.status, "open")));
  return row ?? null;
}

/** Insert an open case; null when the tenancy got one meanwhile (one open case per tenancy). */
export async function insertCaseRow(db: Db, values: typeof arrearsCases.$inferInsert) {
  const [row] = await db
    .insert(arrearsCases)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: arrearsCases.id });
  return row?.id ?? null;
}

/** Change a case at `version`; false when someone changed it meanwhile. */
export async function updateCaseRow(
  db: Db,
  id: string,
  version: number,
  values: Partial<Pick<typeof arrearsCases.$inferInsert, "stage" | "status" | "closedOn" | "closeReason">>,
) {
  const rows = await db
    .update(arrearsCases)
    .set({ ...values, version: version + 1 })
    .where(and(eq(arrearsCases.id, id), eq(arrearsCases.version, version)))
    .returning({ id: arrearsCases.id });
  return rows.length === 1;
}

export async function insertStepRow(db: Db, values: typeof arrearsSteps.$inferInsert) {
  await db.insert(arrearsSteps).values(values);
}

export function listStepRows(db: Db, caseId: string) {
  return db
    .select({
      id: arrearsSteps.id,
      stage: arrearsSteps.stage,
      takenOn: arrearsSteps.takenOn,
      balanceCents: arrearsSteps.balanceCents,
      note: arrearsSteps.note,
      actorId: arrearsSteps.actorId,
      actorName: users.name,
      createdAt: arrearsSteps.createdAt,
    })
    .from(arrearsSteps)
    .leftJoin(users, eq(users.id, arrearsSteps.actorId))
    .where(eq(arrearsSteps.caseId, caseId))
    .orderBy(asc(arrearsSteps.createdAt), asc(arrearsSteps.id));
}

/** The latest plan of a case (the active one when there is one). */
export async function findLatestPlanRow(db: Db, caseId: string) {
  const [row] = await db
    .select()
    .from(repaymentPlans)
    .where(eq(repaymentPlans.caseId, caseId))
    .orderBy(sql`${repaymentPlans.status} = 'active' desc`, desc(repaymentPlans.createdAt))
    .limit(1);
  return row ?? null;
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findLatestPlanRow>>>;

export function listInstalmentRows(db: Db, planId: string) {
  return db
    .select({
      seq: repaymentInstalments.seq,
      dueOn: repaymentInstalments.dueOn,
      amountCents: repaymentInstalments.amountCents,
    })
    .from(repaymentInstalments)
    .where(eq(repaymentInstalments.planId, planId))
    .orderBy(asc(repaymentInstalments.seq));
}

export async function insertPlanRow(
  db: Db,
  plan: typeof repaymentPlans.$inferInsert,
  instalments: readonly { seq: number; dueOn: string; amountCents: number }[],
) {
  const [row] = await db
    .insert(repaymentPlans)
    .values(plan)
    .onConflictDoNothing()
    .returning({ id: repaymentPlans.id });
  if (row === undefined) return null;
  await db
    .insert(repaymentInstalments)
    .values(instalments.map((i) => ({ ...i, planId: row.id, householdId: plan.householdId })));
  return row.id;
}

/** End an active plan (broken, completed or cancelled); false when it was no longer active. */
export async function closePlanRow(
  db: Db,
  id: string,
  values: { status: "completed" | "broken" | "cancelled"; closedAt: Date; closeReason: string },
) {
  const rows = await db
    .update(repaymentPlans)
    .set(values)
    .where(and(eq(repaymentPlans.id, id), eq(repaymentPlans.status, "active")))
    .returning({ id: repaymentPlans.id });
  return rows.length === 1;
}

/**
 * The household's educator: the member of its active support plan's team with the role of educator
 * and an account; else the account that accepted its referral for the managing partner.
 */
export async function findEducatorId(
  db: Db,
  household: { id: string; managingPartnerId: string | null },
): Promise<string | null> {
  const [plan] = await db
    .select({ team: supportPlans.team })
    .from(supportPlans)
    .where(and(eq(supportPlans.householdId, household.id), eq(supportPlans.status, "active")));
  const team = (plan?.team ?? []) as { role?: string; userId?: string | null }[];
  const educator = team.find((m) => m.role === "educator" && typeof m.userId === "string");
  if (educator?.userId) return educator.userId;
  if (household.managingPartnerId === null) return null;
  const [accepted] = await db
    .select({ userId: referrals.answeredBy })
    .from(referrals)
    .where(
      and(
        eq(referrals.householdId, household.id),
        eq(referrals.partnerId, household.managingPartnerId),
        eq(referrals.status, "accepted"),
        sql`${referrals.answeredBy} is not null`,
      ),
    )
    .orderBy(desc(referrals.answeredAt))
    .limit(1);
  return accepted?.userId ?? null;
}
