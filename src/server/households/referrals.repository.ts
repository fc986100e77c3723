// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  ReferralListQuery,
  ReferralStatus,
  SocialReport,
} from "../../domain/households/household-api.schema.ts";
import type { Db } from "../db/client.ts";
import { households, organisations, referrals, users } from "../db/schema.ts";
import { type HouseholdScope, isUuid } from "./households.repository.ts";

const partner = alias(organisations, "partner");
const referredBy = alias(users, "referred_by_user");
const answeredBy = alias(users, "answered_by_user");

/** Whose referrals a query may touch: those to one partner (of households it still has), or all. */
const referralScope = (scope: HouseholdScope) =>
  scope
    ? and(
        eq(referrals.partnerId, scope.organisationId),
        eq(households.managingPartnerId, scope.organisationId),
      )
    : undefined;

const referralColumns = {
  id: referrals.id,
  householdId: referrals.householdId,
  householdReference: households.reference,
  householdVersion: households.version,
  householdStatus: households.status,
  partnerId: referrals.partnerId,
  partnerCode: partner.code,
  partnerName: partner.name,
  referredAt: referrals.referredAt,
  dueAt: referrals.dueAt,
  status: referrals.status,
  report: referrals.report,
  targetGroup: households.targetGroup,
  category: households.category,
  answeredAt: referrals.answeredAt,
  returnReason: referrals.returnReason,
};

/** A referral as stored, with its household's reference, group and category and its partner. */
export type ReferralRow = Awaited<ReturnType<typeof findReferralRow>> & {};

function selectReferralRows(db: Db, where: SQL | undefined) {
  return db
    .select(referralColumns)
    .from(referrals)
    .innerJoin(households, eq(households.id, referrals.householdId))
    .innerJoin(partner, eq(partner.id, referrals.partnerId))
    .where(where);
}

export async function findReferralRow(db: Db, id: string, scope: HouseholdScope) {
  if (!isUuid(id)) return null;
  const [row] = await selectReferralRows(db, and(eq(referrals.id, id), referralScope(scope)));
  return row ?? null;
}

/** The pending referral of a household, if any. */
export async function findPendingReferralRow(db: Db, householdId: string) {
  const [row] = await selectReferralRows(
    db,
    and(eq(referrals.householdId, householdId), eq(referrals.status, "pending")),
  );
  return row ?? null;
}

function referralConditions(query: ReferralListQuery, scope: HouseholdScope, now: Date): SQL[] {
  const overdue = sql`(${referrals.status} = 'pending' and ${referrals.dueAt} < ${now.toISOString()}::timestamptz)`;
  const conditions: (SQL | undefined)[] = [
    referralScope(scope),
    query.status ? eq(referrals.status, query.status) : undefined,
    query.overdue === undefined ? undefined : query.overdue ? overdue : sql`not ${overdue}`,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** One page of referrals in the scope, soonest due first. */
export async function listReferralRows(db: Db, query: ReferralListQuery, scope: HouseholdScope, now: Date) {
  return selectReferralRows(db, and(...referralConditions(query, scope, now)))
    .orderBy(asc(referrals.dueAt), asc(referrals.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countReferralRows(db: Db, query: ReferralListQuery, scope: HouseholdScope, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(referrals)
    .innerJoin(households, eq(households.id, referrals.householdId))
    .where(and(...referralConditions(query, scope, now)));
  return row?.n ?? 0;
}

export async function insertReferralRow(
  db: Db,
  values: {
    householdId: string;
    partnerId: string;
    referredBy: string | null;
    referredAt: Date;
    dueAt: Date;
    report: SocialReport;
  },
) {
  const [row] = await db
    .insert(referrals)
    .values({ ...values, status: "pending" })
    .returning({ id: referrals.id });
  return row?.id as string;
}

/** Record the partner's answer, only while the referral is still pending; false when it no longer is. */
export async function answerReferralRow(
  db: Db,
  id: string,
  answer: { status: Exclude<ReferralStatus, "pending">; at: Date; by: string; returnReason: string | null },
) {
  const rows = await db
    .update(referrals)
    .set({
      status: answer.status,
      answeredAt: answer.at,
      answeredBy: answer.by,
      returnReason: answer.returnReason,
    })
    .where(and(eq(referrals.id, id), eq(referrals.status, "pending")))
    .returning({ id: referrals.id });
  return rows.length === 1;
}

/**
 * Give a household whose referral the caller's organisation has just returned back to the Comune
 * (managing partner null), through the one database function allowed to (`migrations/0003`).
 */
export async function releaseHousehold(db: Db, householdId: string, at: Date) {
  const result = (await db.execute(
    sql`select app_release_household(${householdId}::uuid, ${at.toISOString()}::timestamptz) as "released"`,
  )) as unknown as { rows: { released: boolean }[] };
  return result.rows[0]?.released === true;
}

/** The referrals of a household, oldest first, with their partner and who sent and answered them. */
export async function listHouseholdReferrals(db: Db, householdId: string) {
  return db
    .select({
      referredAt: referrals.referredAt,
      status: referrals.status,
      partnerName: partner.name,
      answeredAt: referrals.answeredAt,
      returnReason: referrals.returnReason,
      referredByName: referredBy.name,
      referredByRole: referredBy.role,
      answeredByName: answeredBy.name,
      answeredByRole: answeredBy.role,
    })
    .from(referrals)
    .innerJoin(partner, eq(partner.id, referrals.partnerId))
    .leftJoin(referredBy, eq(referredBy.id, referrals.referredBy))
    .leftJoin(answeredBy, eq(answeredBy.id, referrals.answeredBy))
    .where(eq(referrals.householdId, householdId))
    .orderBy(asc(referrals.referredAt), asc(referrals.id));
}

/** Whether `referralId` is a referral of the household (that the caller sees). */
export async function isReferralOfHousehold(db: Db, referralId: string, householdId: string) {
  const rows = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.householdId, householdId)));
  return rows.length === 1;
}
