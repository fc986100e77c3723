// SPDX-License-Identifier: EUPL-1.2
import { and, eq, sql } from "drizzle-orm";
import {
  type CaseFacts,
  type SpecialCategoryAccess,
  specialCategoryAccess,
} from "../../domain/households/special-category.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { referrals, supportPlans } from "../db/schema.ts";

/*
 * A household's team, as far as access goes: the accounts named in its active support plan's team,
 * and the account that accepted its referral for the partner that manages it (the case holder
 * until a plan names the team).
 */

/** The accounts on the household's team (no duplicates, in no order). */
export async function householdTeamUserIds(
  db: Db,
  household: { id: string; managingPartnerId: string | null },
): Promise<string[]> {
  const [plan] = await db
    .select({ team: supportPlans.team })
    .from(supportPlans)
    .where(and(eq(supportPlans.householdId, household.id), eq(supportPlans.status, "active")));
  const named = ((plan?.team ?? []) as { userId?: string | null }[]).flatMap((m) =>
    m.userId ? [m.userId] : [],
  );
  const accepted =
    household.managingPartnerId === null
      ? []
      : await db
          .select({ userId: referrals.answeredBy })
          .from(referrals)
          .where(
            and(
              eq(referrals.householdId, household.id),
              eq(referrals.partnerId, household.managingPartnerId),
              eq(referrals.status, "accepted"),
              sql`${referrals.answeredBy} is not null`,
            ),
          );
  return [...new Set([...named, ...accepted.flatMap((r) => (r.userId ? [r.userId] : []))])];
}

/** What decides who reads the household's special-category data. */
export async function caseFactsOf(
  db: Db,
  household: { id: string; managingPartnerId: string | null; specialCategoriesWithdrawnAt: Date | null },
): Promise<CaseFacts> {
  return {
    managingPartnerId: household.managingPartnerId,
    teamUserIds: await householdTeamUserIds(db, household),
    specialCategoriesWithdrawn: household.specialCategoriesWithdrawnAt !== null,
  };
}

/** Whether `actor` reads the household's special-category data, and whether it is on the team. */
export async function caseAccessOf(
  db: Db,
  actor: Actor,
  household: { id: string; managingPartnerId: string | null; specialCategoriesWithdrawnAt: Date | null },
): Promise<{ access: SpecialCategoryAccess; onTeam: boolean; facts: CaseFacts }> {
  const facts = await caseFactsOf(db, household);
  return {
    access: specialCategoryAccess(actor, facts),
    onTeam: facts.managingPartnerId === actor.organisationId && facts.teamUserIds.includes(actor.userId),
    facts,
  };
}
