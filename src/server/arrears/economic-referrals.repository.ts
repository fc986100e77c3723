// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { arrearsCases, economicReferrals, households, tenancies, users } from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Referrals follow the household: row-level security shows a partner only its own households'.

const referralColumns = {
  id: economicReferrals.id,
  householdId: economicReferrals.householdId,
  householdReference: households.reference,
  caseId: economicReferrals.caseId,
  kind: economicReferrals.kind,
  referredOn: economicReferrals.referredOn,
  referredBy: economicReferrals.referredBy,
  referredByName: users.name,
  outcome: economicReferrals.outcome,
  outcomeOn: economicReferrals.outcomeOn,
  amountCents: economicReferrals.amountCents,
  note: economicReferrals.note,
};

const selectReferrals = (db: Db) =>
  db
    .select(referralColumns)
    .from(economicReferrals)
    .innerJoin(households, eq(households.id, economicReferrals.householdId))
    .leftJoin(users, eq(users.id, economicReferrals.referredBy));

export type ReferralRow = Awaited<ReturnType<typeof listReferralRows>>[number];

/** A household's referrals, the latest first. */
export function listReferralRows(db: Db, householdId: string) {
  return selectReferrals(db)
    .where(eq(economicReferrals.householdId, householdId))
    .orderBy(desc(economicReferrals.referredOn), asc(economicReferrals.id));
}

export async function findReferralRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await selectReferrals(db).where(eq(economicReferrals.id, id));
  return row ?? null;
}

export async function insertReferralRow(db: Db, values: typeof economicReferrals.$inferInsert) {
  const [row] = await db.insert(economicReferrals).values(values).returning({ id: economicReferrals.id });
  if (row === undefined) throw new Error("referral not inserted");
  return row.id;
}

export async function updateReferralRow(
  db: Db,
  id: string,
  expectedOutcome: string,
  values: Partial<
    Pick<typeof economicReferrals.$inferInsert, "outcome" | "outcomeOn" | "amountCents" | "note">
  >,
) {
  const rows = await db
    .update(economicReferrals)
    .set(values)
    .where(and(eq(economicReferrals.id, id), eq(economicReferrals.outcome, expectedOutcome)))
    .returning({ id: economicReferrals.id });
  return rows.length === 1;
}

/** The household's tenancy that runs (active first) and its open arrears case, if any. */
export async function findHouseholdTenancyRow(db: Db, householdId: string) {
  const [row] = await db
    .select({ tenancyId: tenancies.id, caseId: arrearsCases.id })
    .from(tenancies)
    .leftJoin(arrearsCases, and(eq(arrearsCases.tenancyId, tenancies.id), eq(arrearsCases.status, "open")))
    .where(and(eq(tenancies.householdId, householdId), inArray(tenancies.status, ["active", "ended"])))
    .orderBy(asc(tenancies.status), desc(tenancies.startOn))
    .limit(1);
  return row ?? null;
}
