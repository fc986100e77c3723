// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { householdMembers, households, organisations, units } from "../db/schema.ts";

/** Whose records a query reads: the whole programme (null), or one partner's own. */
export type DesignationScope = { organisationId: string } | null;

/**
 * Every unit of the scope with what the designation needs: size, category, status, version, and the
 * kind, area and ambiti of its managing partner (null columns when none manages it), in code order.
 */
export async function listStockUnitRows(db: Db, scope: DesignationScope) {
  return db
    .select({
      id: units.id,
      code: units.code,
      category: units.category,
      status: units.status,
      rooms: units.rooms,
      surfaceM2: units.surfaceM2,
      version: units.version,
      partnerKind: organisations.kind,
      partnerArea: organisations.area,
      partnerCategories: organisations.categories,
    })
    .from(units)
    .leftJoin(organisations, eq(organisations.id, units.managingPartnerId))
    .where(scope ? eq(units.managingPartnerId, scope.organisationId) : undefined)
    .orderBy(asc(units.code));
}

export type StockUnitRow = Awaited<ReturnType<typeof listStockUnitRows>>[number];

/**
 * How many households of each category and size (members) are assessed or waiting: the demand the
 * designation fits the units to. Counts only, nothing about who they are.
 */
export async function countWaitingHouseholdsBySize(db: Db, scope: DesignationScope) {
  const waiting = db
    .select({
      category: households.category,
      size: sql<number>`count(${householdMembers.id})::int`.as("size"),
    })
    .from(households)
    .leftJoin(householdMembers, eq(householdMembers.householdId, households.id))
    .where(
      and(
        inArray(households.status, ["assessed", "waiting"]),
        scope ? eq(households.managingPartnerId, scope.organisationId) : undefined,
      ),
    )
    .groupBy(households.id)
    .as("waiting");
  return db
    .select({
      category: waiting.category,
      size: waiting.size,
      households: sql<number>`count(*)::int`,
    })
    .from(waiting)
    .groupBy(waiting.category, waiting.size)
    .orderBy(waiting.category, waiting.size);
}
