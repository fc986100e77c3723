// SPDX-License-Identifier: EUPL-1.2
import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { allocationRulesVersions, households, organisations, units } from "../db/schema.ts";

/** The stored versions, newest first. */
export async function listRulesVersionRows(db: Db) {
  return db.select().from(allocationRulesVersions).orderBy(desc(allocationRulesVersions.version));
}

export type RulesVersionRow = Awaited<ReturnType<typeof listRulesVersionRows>>[number];

/** The latest stored version, or null when none is stored yet. */
export async function findLatestRulesVersionRow(db: Db) {
  const [row] = await db
    .select()
    .from(allocationRulesVersions)
    .orderBy(desc(allocationRulesVersions.version))
    .limit(1);
  return row ?? null;
}

/**
 * Serialise the writers of versions until the transaction ends, so each reads the last number after
 * the one before it committed. An advisory lock: the application role may not lock the table, which
 * it can only append to.
 */
export async function lockRulesVersions(db: Db) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('allocation_rules_versions'))`);
}

export async function insertRulesVersionRow(
  db: Db,
  values: {
    version: number;
    rules: unknown;
    reason: string;
    createdBy: string;
    createdByName: string;
    at: Date;
  },
) {
  const { at, ...rest } = values;
  const [row] = await db
    .insert(allocationRulesVersions)
    .values({ ...rest, createdAt: at, activeFrom: at })
    .onConflictDoNothing({ target: allocationRulesVersions.version })
    .returning();
  return row ?? null;
}

/**
 * The households the allocation is about: assessed or waiting (or the `statuses` given), with their
 * size, who referred them and when they entered the programme.
 */
export async function listWaitingHouseholdRows(
  db: Db,
  statuses: readonly string[] = ["assessed", "waiting"],
) {
  const managing = sql<
    string | null
  >`(select o.code from organisations o where o.id = ${households.managingPartnerId})`;
  return db
    .select({
      id: households.id,
      reference: households.reference,
      category: households.category,
      targetGroup: households.targetGroup,
      needs: households.needs,
      accessibilityNeed: households.accessibilityNeed,
      priority: households.priority,
      incomeCents: households.incomeCents,
      iseeCents: households.iseeCents,
      referringKind: organisations.kind,
      managingPartnerCode: managing,
      size: sql<number>`(select count(*)::int from household_members m where m.household_id = ${households.id})`,
      referredAt: households.createdAt,
    })
    .from(households)
    .innerJoin(organisations, eq(organisations.id, households.referringOrganisationId))
    .where(inArray(households.status, [...statuses]))
    .orderBy(households.reference);
}

/** The units that can be offered now or soon: available, or being vacated (or the `statuses` given). */
export async function listOfferableUnitRows(db: Db, statuses: readonly string[] = ["available", "vacating"]) {
  return db
    .select({
      id: units.id,
      code: units.code,
      category: units.category,
      rooms: units.rooms,
      bedrooms: units.bedrooms,
      surfaceM2: units.surfaceM2,
      floor: units.floor,
      lift: units.lift,
      stepFree: units.stepFree,
      wheelchairAdapted: units.wheelchairAdapted,
      managingPartnerCode: organisations.code,
    })
    .from(units)
    .leftJoin(organisations, eq(organisations.id, units.managingPartnerId))
    .where(inArray(units.status, [...statuses]))
    .orderBy(units.code);
}
