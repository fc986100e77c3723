// SPDX-License-Identifier: EUPL-1.2
import { asc, desc, eq, sql } from "drizzle-orm";
import type { InterventionInput } from "../../domain/support-plans/intervention.schema.ts";
import type { Db } from "../db/client.ts";
import { supportInterventions, users } from "../db/schema.ts";

const interventionColumns = {
  id: supportInterventions.id,
  date: supportInterventions.date,
  minutes: supportInterventions.minutes,
  type: supportInterventions.type,
  staffName: supportInterventions.staffName,
  note: supportInterventions.note,
  recordedBy: users.name,
  recordedByRole: users.role,
  recordedAt: supportInterventions.createdAt,
};

/** One page of a household's interventions, newest first, with who recorded each (when visible). */
export async function listInterventionRows(
  db: Db,
  householdId: string,
  page: { limit: number; offset: number },
) {
  return db
    .select(interventionColumns)
    .from(supportInterventions)
    .leftJoin(users, eq(users.id, supportInterventions.actorId))
    .where(eq(supportInterventions.householdId, householdId))
    .orderBy(
      desc(supportInterventions.date),
      desc(supportInterventions.createdAt),
      desc(supportInterventions.id),
    )
    .limit(page.limit)
    .offset(page.offset);
}

/** How many interventions a household has, and their minutes together. */
export async function countInterventionRows(db: Db, householdId: string) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      totalMinutes: sql<number>`coalesce(sum(${supportInterventions.minutes}), 0)::int`,
    })
    .from(supportInterventions)
    .where(eq(supportInterventions.householdId, householdId));
  return row ?? { total: 0, totalMinutes: 0 };
}

export async function findInterventionRow(db: Db, id: string) {
  const [row] = await db
    .select(interventionColumns)
    .from(supportInterventions)
    .leftJoin(users, eq(users.id, supportInterventions.actorId))
    .where(eq(supportInterventions.id, id));
  return row ?? null;
}

export type InterventionRow = NonNullable<Awaited<ReturnType<typeof findInterventionRow>>>;

export async function insertInterventionRow(
  db: Db,
  intervention: InterventionInput & { householdId: string; actorId: string; at: Date },
) {
  const { at, ...values } = intervention;
  const [row] = await db
    .insert(supportInterventions)
    .values({ ...values, createdAt: at })
    .returning({ id: supportInterventions.id });
  return row?.id as string;
}

/** Every intervention of a household, oldest first: the timeline's entries. */
export async function listHouseholdInterventionRows(db: Db, householdId: string) {
  return db
    .select(interventionColumns)
    .from(supportInterventions)
    .leftJoin(users, eq(users.id, supportInterventions.actorId))
    .where(eq(supportInterventions.householdId, householdId))
    .orderBy(asc(supportInterventions.date), asc(supportInterventions.createdAt));
}
