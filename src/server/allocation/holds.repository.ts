// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, gte, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { households, unitHolds, units } from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Holds are the Comune's: RLS lets only its scope read or write them.

const holdColumns = {
  id: unitHolds.id,
  unitId: unitHolds.unitId,
  unitCode: units.code,
  householdId: unitHolds.householdId,
  householdReference: households.reference,
  expiresOn: unitHolds.expiresOn,
  reason: unitHolds.reason,
  createdAt: unitHolds.createdAt,
  releasedAt: unitHolds.releasedAt,
  releaseReason: unitHolds.releaseReason,
};

export type HoldRow = Awaited<ReturnType<typeof findHoldRow>> & {};

const selectHolds = (db: Db) =>
  db
    .select(holdColumns)
    .from(unitHolds)
    .innerJoin(units, eq(units.id, unitHolds.unitId))
    .leftJoin(households, eq(households.id, unitHolds.householdId));

/** In force on `today` (YYYY-MM-DD): not released and not expired. */
const inForce = (today: string) => and(isNull(unitHolds.releasedAt), gte(unitHolds.expiresOn, today));

export async function findHoldRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await selectHolds(db).where(eq(unitHolds.id, id));
  return row ?? null;
}

/** Holds by expiry, the soonest first; with `today`, only those in force that day. */
export function listHoldRows(db: Db, today: string | null) {
  return selectHolds(db)
    .where(today === null ? undefined : inForce(today))
    .orderBy(asc(unitHolds.expiresOn), asc(unitHolds.id));
}

/** The holds in force on `today`, as the rules read them. */
export function listActiveHoldFacts(db: Db, today: string) {
  return db
    .select({ unitId: unitHolds.unitId, householdId: unitHolds.householdId, expiresOn: unitHolds.expiresOn })
    .from(unitHolds)
    .where(inForce(today))
    .orderBy(asc(unitHolds.unitId), asc(unitHolds.id));
}

export async function insertHoldRow(db: Db, values: typeof unitHolds.$inferInsert) {
  const [row] = await db.insert(unitHolds).values(values).returning({ id: unitHolds.id });
  if (row === undefined) throw new Error("hold not inserted");
  return row.id;
}

/** Release a hold that is not released yet; false when it already was. */
export async function releaseHoldRow(
  db: Db,
  id: string,
  values: { releasedAt: Date; releasedBy: string; releaseReason: string },
) {
  const rows = await db
    .update(unitHolds)
    .set(values)
    .where(and(eq(unitHolds.id, id), isNull(unitHolds.releasedAt)))
    .returning({ id: unitHolds.id });
  return rows.length === 1;
}
