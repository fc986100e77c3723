// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { ExitInput, FollowUpInput, FollowUpMonths } from "../../domain/households/exit.ts";
import type { Db } from "../db/client.ts";
import { householdConsents, householdExits, householdFollowUps, households, users } from "../db/schema.ts";
import type { HouseholdScope } from "../households/households.repository.ts";

/** The household's exit (the latest, should there be more), or null. */
export async function findExitRow(db: Db, householdId: string) {
  const [row] = await db
    .select({
      id: householdExits.id,
      date: householdExits.date,
      planned: householdExits.planned,
      destination: householdExits.destination,
      note: householdExits.note,
    })
    .from(householdExits)
    .where(eq(householdExits.householdId, householdId))
    .orderBy(desc(householdExits.date), desc(householdExits.createdAt))
    .limit(1);
  return row ?? null;
}

export type ExitRow = NonNullable<Awaited<ReturnType<typeof findExitRow>>>;

export async function insertExitRow(
  db: Db,
  exit: ExitInput & { householdId: string; actorId: string; at: Date },
) {
  const { at, ...values } = exit;
  const [row] = await db
    .insert(householdExits)
    .values({ ...values, createdAt: at })
    .returning({ id: householdExits.id });
  return row?.id as string;
}

export async function insertFollowUpRows(
  db: Db,
  exit: { id: string; householdId: string },
  dues: readonly { months: FollowUpMonths; dueDate: string }[],
) {
  await db
    .insert(householdFollowUps)
    .values(dues.map((d) => ({ exitId: exit.id, householdId: exit.householdId, ...d })));
}

/** The follow-ups of an exit, 6 months first. */
export async function listFollowUpRows(db: Db, exitId: string) {
  return db
    .select({
      months: householdFollowUps.months,
      dueDate: householdFollowUps.dueDate,
      contactedOn: householdFollowUps.contactedOn,
      situation: householdFollowUps.situation,
      note: householdFollowUps.note,
    })
    .from(householdFollowUps)
    .where(eq(householdFollowUps.exitId, exitId))
    .orderBy(asc(householdFollowUps.months));
}

/** Record the outcome of one follow-up; false when the exit has no follow-up at `months`. */
export async function updateFollowUpRow(
  db: Db,
  key: { exitId: string; months: FollowUpMonths },
  outcome: FollowUpInput & { actorId: string; at: Date },
) {
  const { at, ...values } = outcome;
  const rows = await db
    .update(householdFollowUps)
    .set({ ...values, recordedAt: at })
    .where(and(eq(householdFollowUps.exitId, key.exitId), eq(householdFollowUps.months, key.months)))
    .returning({ id: householdFollowUps.id });
  return rows.length === 1;
}

/**
 * The household withdrew its consent to follow-up contacts: it has withdrawn consents for that
 * purpose and none in force (no consent recorded at all withdraws nothing).
 */
const followUpContactWithdrawn = (householdId: SQL) => sql<boolean>`(exists (
    select 1 from ${householdConsents} c where c.household_id = ${householdId}
      and c.purpose = 'follow_up_contact' and c.withdrawn_at is not null)
  and not exists (
    select 1 from ${householdConsents} c where c.household_id = ${householdId}
      and c.purpose = 'follow_up_contact' and c.withdrawn_at is null))`;

export async function isFollowUpContactWithdrawn(db: Db, householdId: string) {
  const result = (await db.execute(
    sql`select ${followUpContactWithdrawn(sql`${householdId}::uuid`)} as "withdrawn"`,
  )) as unknown as { rows: { withdrawn: boolean }[] };
  return result.rows[0]?.withdrawn === true;
}

/**
 * The follow-ups in the scope not yet recorded and due by `until` (overdue ones included), soonest
 * first, leaving out the households that withdrew their consent to be contacted.
 */
export async function listDueFollowUpRows(db: Db, until: string, scope: HouseholdScope) {
  return db
    .select({
      householdId: households.id,
      householdReference: households.reference,
      months: householdFollowUps.months,
      dueDate: householdFollowUps.dueDate,
    })
    .from(householdFollowUps)
    .innerJoin(households, eq(households.id, householdFollowUps.householdId))
    .where(
      and(
        isNull(householdFollowUps.contactedOn),
        lte(householdFollowUps.dueDate, until),
        scope ? eq(households.managingPartnerId, scope.organisationId) : undefined,
        sql`not ${followUpContactWithdrawn(sql`${householdFollowUps}.household_id`)}`,
      ),
    )
    .orderBy(asc(householdFollowUps.dueDate), asc(households.reference), asc(householdFollowUps.months));
}

/** A household's exits with who recorded them (when the caller sees the account): the timeline's. */
export async function listHouseholdExitRows(db: Db, householdId: string) {
  return db
    .select({
      date: householdExits.date,
      planned: householdExits.planned,
      destination: householdExits.destination,
      note: householdExits.note,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(householdExits)
    .leftJoin(users, eq(users.id, householdExits.actorId))
    .where(eq(householdExits.householdId, householdId))
    .orderBy(asc(householdExits.date), asc(householdExits.createdAt));
}

/** A household's recorded follow-ups with who recorded them: the timeline's. */
export async function listRecordedFollowUpRows(db: Db, householdId: string) {
  return db
    .select({
      months: householdFollowUps.months,
      contactedOn: householdFollowUps.contactedOn,
      situation: householdFollowUps.situation,
      note: householdFollowUps.note,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(householdFollowUps)
    .leftJoin(users, eq(users.id, householdFollowUps.actorId))
    .where(and(eq(householdFollowUps.householdId, householdId), isNotNull(householdFollowUps.contactedOn)))
    .orderBy(asc(householdFollowUps.contactedOn), asc(householdFollowUps.months));
}
