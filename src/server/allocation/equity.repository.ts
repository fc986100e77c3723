// SPDX-License-Identifier: EUPL-1.2
import { count, eq, inArray, or, sql } from "drizzle-orm";
import { EQUITY_POPULATION_REACHED, EQUITY_POPULATION_STATUSES } from "../../domain/equity/equity-report.ts";
import type { Db } from "../db/client.ts";
import { allocationOffers, householdMembers, households, organisations } from "../db/schema.ts";

// Visibility is the database's (RLS): the Comune's scope sees every household except those whose
// consent to processing was withdrawn, which the report therefore leaves out. One query per table.

/** The head of every household: the member recorded as head, or else the first member. */
const heads = (db: Db) =>
  db
    .selectDistinctOn([householdMembers.householdId], {
      householdId: householdMembers.householdId,
      sex: householdMembers.sex,
      birthDate: householdMembers.birthDate,
      citizenship: householdMembers.citizenship,
    })
    .from(householdMembers)
    .orderBy(
      householdMembers.householdId,
      sql`(${householdMembers.relationship} <> 'head')`,
      householdMembers.position,
    )
    .as("head");

/** What the equity report reads of a household and its head (a `StoredEquityRecord`). */
const profileColumns = (head: ReturnType<typeof heads>) => ({
  id: households.id,
  targetGroup: households.targetGroup,
  needs: households.needs,
  accessibilityNeed: households.accessibilityNeed,
  specialCategoriesWithdrawn: sql<boolean>`(${households.specialCategoriesWithdrawnAt} is not null)`,
  headSex: head.sex,
  headBirthDate: head.birthDate,
  headCitizenship: head.citizenship,
});

/** The equity profiles of the households in `statuses` (those a rules preview is about). */
export function listEquityProfileRows(db: Db, statuses: readonly string[]) {
  const head = heads(db);
  return db
    .select(profileColumns(head))
    .from(households)
    .leftJoin(head, eq(head.householdId, households.id))
    .where(inArray(households.status, [...statuses]));
}

/**
 * The households that reached the waiting list — in a status from waiting on, or with a `waiting`
 * entry in their history — with what the rules read of them (the columns of `listWaitingHouseholdRows`),
 * their status and their equity profile.
 */
export function listEquityPopulationRows(db: Db) {
  const head = heads(db);
  const managing = sql<
    string | null
  >`(select o.code from organisations o where o.id = ${households.managingPartnerId})`;
  const reachedWaiting = sql`exists (select 1 from household_events e
    where e.household_id = ${households.id} and e.to_status = ${EQUITY_POPULATION_REACHED})`;
  return db
    .select({
      ...profileColumns(head),
      reference: households.reference,
      status: households.status,
      category: households.category,
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
    .leftJoin(head, eq(head.householdId, households.id))
    .where(or(inArray(households.status, [...EQUITY_POPULATION_STATUSES]), reachedWaiting));
}

/** How many offers each household had, and how many it accepted (households with none are absent). */
export function listOfferCountRows(db: Db) {
  return db
    .select({
      householdId: allocationOffers.householdId,
      offers: count(),
      accepted: sql<number>`(count(*) filter (where ${allocationOffers.status} = 'accepted'))::int`,
    })
    .from(allocationOffers)
    .groupBy(allocationOffers.householdId);
}
