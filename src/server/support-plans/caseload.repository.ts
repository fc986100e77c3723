// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { householdMembers, households, referrals, supportInterventions, supportPlans } from "../db/schema.ts";
import type { HouseholdScope } from "../households/households.repository.ts";

/**
 * The households in the scope, still on their path, on whose team `userId` is: named in the active
 * plan's team, or the account that accepted the referral for the managing partner. With the plan's
 * team, goals and next review, and the date of the latest intervention.
 */
export async function listCaseloadRows(db: Db, userId: string, scope: HouseholdScope) {
  const named = sql`${supportPlans.team} @> ${JSON.stringify([{ userId }])}::jsonb`;
  const accepted = sql`exists (select 1 from ${referrals} r where r.household_id = ${households.id}
    and r.partner_id = ${households.managingPartnerId} and r.status = 'accepted'
    and r.answered_by = ${userId}::uuid)`;
  return db
    .select({
      householdId: households.id,
      householdReference: households.reference,
      status: households.status,
      headName: sql<string>`coalesce((select m.given_name || ' ' || m.family_name from ${householdMembers} m
        where m.household_id = ${households.id} and m.relationship = 'head' order by m.position limit 1), '')`,
      specialCategoriesWithdrawnAt: households.specialCategoriesWithdrawnAt,
      team: supportPlans.team,
      goals: supportPlans.goals,
      nextReviewDate: supportPlans.nextReviewDate,
      lastInterventionDate: sql<string | null>`(select max(i.date)::text from ${supportInterventions} i
        where i.household_id = ${households.id})`,
    })
    .from(households)
    .leftJoin(
      supportPlans,
      and(eq(supportPlans.householdId, households.id), eq(supportPlans.status, "active")),
    )
    .where(
      and(
        notInArray(households.status, ["exited", "withdrawn"]),
        or(named, accepted),
        scope ? eq(households.managingPartnerId, scope.organisationId) : undefined,
      ),
    )
    .orderBy(asc(households.reference));
}
