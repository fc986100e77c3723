// SPDX-License-Identifier: EUPL-1.2
import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { OfferListQuery } from "../../domain/offers/offer.schema.ts";
import type { Db } from "../db/client.ts";
import { allocationOffers, households, tenancies, units } from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Visibility is the database's: an offer follows its household (RLS), so no scope filter here.

const offerColumns = {
  id: allocationOffers.id,
  runId: allocationOffers.runId,
  unitId: allocationOffers.unitId,
  unitCode: units.code,
  unitStatus: units.status,
  householdId: allocationOffers.householdId,
  householdReference: households.reference,
  householdStatus: households.status,
  status: allocationOffers.status,
  offeredAt: allocationOffers.offeredAt,
  dueOn: allocationOffers.dueOn,
  reason: allocationOffers.reason,
  visitOn: allocationOffers.visitOn,
  partnerConfirmedAt: allocationOffers.partnerConfirmedAt,
  answeredAt: allocationOffers.answeredAt,
  declineReason: allocationOffers.declineReason,
  declinedBy: allocationOffers.declinedBy,
  reasonable: allocationOffers.reasonable,
  note: allocationOffers.note,
  tenancyId: tenancies.id,
  version: allocationOffers.version,
};

export type OfferRow = Awaited<ReturnType<typeof findOfferRow>> & {};
export type OfferValues = typeof allocationOffers.$inferInsert;

const selectOffers = (db: Db) =>
  db
    .select(offerColumns)
    .from(allocationOffers)
    .innerJoin(households, eq(households.id, allocationOffers.householdId))
    // A partner may see the household but not a unit another partner manages.
    .leftJoin(units, eq(units.id, allocationOffers.unitId))
    .leftJoin(
      tenancies,
      and(eq(tenancies.offerId, allocationOffers.id), sql`${tenancies.status} in ('draft', 'active')`),
    );

export async function findOfferRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await selectOffers(db).where(eq(allocationOffers.id, id));
  return row ?? null;
}

const statusFilter = (query: OfferListQuery) =>
  query.status === undefined ? undefined : eq(allocationOffers.status, query.status);

export function listOfferRows(db: Db, query: OfferListQuery) {
  return selectOffers(db)
    .where(statusFilter(query))
    .orderBy(desc(allocationOffers.offeredAt), asc(allocationOffers.id))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countOfferRows(db: Db, query: OfferListQuery) {
  const [row] = await db
    .select({ n: count() })
    .from(allocationOffers)
    .innerJoin(households, eq(households.id, allocationOffers.householdId))
    .where(statusFilter(query));
  return row?.n ?? 0;
}

export async function insertOfferRow(db: Db, values: OfferValues) {
  const [row] = await db.insert(allocationOffers).values(values).returning({ id: allocationOffers.id });
  if (row === undefined) throw new Error("offer not inserted");
  return row.id;
}

/** Update an offer at `version`; false when someone changed it first. */
export async function updateOfferRow(db: Db, id: string, version: number, values: Partial<OfferValues>) {
  const rows = await db
    .update(allocationOffers)
    .set({ ...values, version: version + 1 })
    .where(and(eq(allocationOffers.id, id), eq(allocationOffers.version, version)))
    .returning({ id: allocationOffers.id });
  return rows.length === 1;
}

/** Ids of the pending offers due before `today` (YYYY-MM-DD), oldest due first. */
export async function listOverdueOfferIds(db: Db, today: string) {
  const rows = await db
    .select({ id: allocationOffers.id })
    .from(allocationOffers)
    .where(and(eq(allocationOffers.status, "pending"), lt(allocationOffers.dueOn, today)))
    .orderBy(asc(allocationOffers.dueOn), asc(allocationOffers.id));
  return rows.map((r) => r.id);
}

/** The household's refusals (declined or left to expire), oldest first. */
export function listRefusalRows(db: Db, householdId: string) {
  return db
    .select({
      declinedBy: allocationOffers.declinedBy,
      reasonable: allocationOffers.reasonable,
      answeredAt: allocationOffers.answeredAt,
    })
    .from(allocationOffers)
    .where(
      and(
        eq(allocationOffers.householdId, householdId),
        inArray(allocationOffers.status, ["declined", "expired"]),
        isNotNull(allocationOffers.answeredAt),
      ),
    )
    .orderBy(asc(allocationOffers.answeredAt));
}

/** Every household's refusals (declined or expired offers), by household, oldest first. */
export function listAllRefusalRows(db: Db) {
  return db
    .select({
      householdId: allocationOffers.householdId,
      unitId: allocationOffers.unitId,
      declinedBy: allocationOffers.declinedBy,
      reasonable: allocationOffers.reasonable,
      answeredAt: allocationOffers.answeredAt,
    })
    .from(allocationOffers)
    .where(
      and(inArray(allocationOffers.status, ["declined", "expired"]), isNotNull(allocationOffers.answeredAt)),
    )
    .orderBy(asc(allocationOffers.householdId), asc(allocationOffers.answeredAt));
}

/** Open the tenancy draft of an accepted offer. */
export async function insertTenancyDraft(
  db: Db,
  values: { unitId: string; householdId: string; offerId: string; createdBy: string; at: Date },
) {
  const [row] = await db
    .insert(tenancies)
    .values({ ...values, status: "draft", createdAt: values.at })
    .returning({ id: tenancies.id });
  if (row === undefined) throw new Error("tenancy draft not inserted");
  return row.id;
}

/** Cancel the draft an offer opened (a step back or a withdrawal); false when it had none. */
export async function cancelTenancyDraft(db: Db, offerId: string, reason: string, at: Date) {
  const rows = await db
    .update(tenancies)
    .set({
      status: "cancelled",
      cancelledAt: at,
      cancelReason: reason,
      version: sql`${tenancies.version} + 1`,
    })
    .where(and(eq(tenancies.offerId, offerId), eq(tenancies.status, "draft")))
    .returning({ id: tenancies.id });
  return rows.length > 0;
}
