// SPDX-License-Identifier: EUPL-1.2
import { and, asc, count, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.ts";
import {
  householdExits,
  householdFollowUps,
  householdMembers,
  households,
  organisations,
  referrals,
  tenancies,
  units,
  works,
  worksUnits,
} from "../db/schema.ts";

/*
 * The reads behind the open data. They run in the open-data scope (the whole programme, no user,
 * read-only): row-level security hides the households that withdrew their consent to processing, and
 * every record that follows them (members, tenancies, exits). Only the columns the tallies need: no
 * name, no fiscal code, no address, no id leaves this file.
 */

/** A household path that went past the referral. */
const PAST_REFERRAL = ["assessed", "waiting", "offered", "housed", "exiting", "exited"];

/** Taken on by a partner: an accepted referral, or a path past the referral. */
const reached = or(
  inArray(households.status, PAST_REFERRAL),
  sql`exists (select 1 from ${referrals} r where r.household_id = ${households.id} and r.status = 'accepted')`,
);

export function listReachedHouseholdRows(db: Db) {
  return db
    .select({
      targetGroup: households.targetGroup,
      category: households.category,
      partnerCode: organisations.code,
    })
    .from(households)
    .leftJoin(organisations, eq(organisations.id, households.managingPartnerId))
    .where(reached);
}

export function listReachedMemberRows(db: Db) {
  return db
    .select({
      sex: householdMembers.sex,
      birthDate: householdMembers.birthDate,
      citizenship: householdMembers.citizenship,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(reached);
}

/** The Area B partners, who take households on. */
export function listAreaBPartnerRows(db: Db) {
  return db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "partner"), eq(organisations.area, "B")))
    .orderBy(asc(organisations.code));
}

/** The unit of each active tenancy: one per household housed. */
export function listHousedRows(db: Db) {
  return db
    .selectDistinctOn([tenancies.householdId], { municipio: units.municipio, category: units.category })
    .from(tenancies)
    .innerJoin(units, eq(units.id, tenancies.unitId))
    .where(eq(tenancies.status, "active"))
    .orderBy(tenancies.householdId, asc(tenancies.startOn));
}

/** Each household's latest exit and the situations its follow-up contacts found. */
export async function listExitRows(db: Db) {
  const latest = await db
    .selectDistinctOn([householdExits.householdId], {
      id: householdExits.id,
      destination: householdExits.destination,
    })
    .from(householdExits)
    .orderBy(
      householdExits.householdId,
      sql`${householdExits.date} desc`,
      sql`${householdExits.createdAt} desc`,
    );
  const ids = latest.map((e) => e.id);
  const followUps =
    ids.length === 0
      ? []
      : await db
          .select({
            exitId: householdFollowUps.exitId,
            months: householdFollowUps.months,
            situation: householdFollowUps.situation,
          })
          .from(householdFollowUps)
          .where(inArray(householdFollowUps.exitId, ids));
  return latest.map((e) => ({
    destination: e.destination,
    followUps: followUps
      .filter((f) => f.exitId === e.id)
      .map(({ months, situation }) => ({ months, situation })),
  }));
}

/** Units by origin and status. */
export function listStockRows(db: Db) {
  return db
    .select({ origin: units.origin, status: units.status, units: count() })
    .from(units)
    .groupBy(units.origin, units.status);
}

/** Units renovated per year: those of completed works, by the year the works completed. */
export function listRenovatedRows(db: Db) {
  const year = sql<number>`extract(year from ${works.completedOn})::int`;
  return db
    .select({ year, units: sql<number>`count(distinct ${worksUnits.unitId})::int` })
    .from(worksUnits)
    .innerJoin(works, eq(works.id, worksUnits.worksId))
    .where(and(eq(works.status, "completed"), sql`${works.completedOn} is not null`))
    .groupBy(year);
}

const managing = alias(organisations, "managing");
const lending = alias(organisations, "lending");

/** The confiscated units in use (every one but those taken out of use): the columns art. 48 asks for. */
export function listConfiscatedUnitRows(db: Db) {
  return db
    .select({
      code: units.code,
      town: units.town,
      municipio: units.municipio,
      surfaceM2: units.surfaceM2,
      rooms: units.rooms,
      category: units.category,
      managingOrganisation: managing.name,
      comodatoOrganisation: lending.name,
      comodatoStart: units.comodatoStart,
      comodatoEnd: units.comodatoEnd,
    })
    .from(units)
    .leftJoin(managing, eq(managing.id, units.managingPartnerId))
    .leftJoin(lending, eq(lending.id, units.comodatoPartnerId))
    .where(and(eq(units.origin, "confiscated"), ne(units.status, "unavailable")))
    .orderBy(asc(units.code));
}
