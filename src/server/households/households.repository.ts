// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { HouseholdFields, Person } from "../../domain/households/household.schema.ts";
import type { HouseholdListQuery } from "../../domain/households/household-api.schema.ts";
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import type { Db } from "../db/client.ts";
import {
  householdEvents,
  householdMembers,
  households,
  organisations,
  referrals,
  users,
} from "../db/schema.ts";

const partner = alias(organisations, "partner");
const referring = alias(organisations, "referring");

/** Whose households a query may touch: one partner's, or (null) the whole programme's. */
export type HouseholdScope = { organisationId: string } | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

const inScope = (scope: HouseholdScope) =>
  scope ? eq(households.managingPartnerId, scope.organisationId) : undefined;

const householdColumns = {
  id: households.id,
  reference: households.reference,
  managingPartnerId: households.managingPartnerId,
  partnerCode: partner.code,
  partnerName: partner.name,
  referringCode: referring.code,
  referringName: referring.name,
  targetGroup: households.targetGroup,
  category: households.category,
  needs: households.needs,
  accessibilityNeed: households.accessibilityNeed,
  priority: households.priority,
  housingSituation: households.housingSituation,
  phone: households.phone,
  email: households.email,
  incomeCents: households.incomeCents,
  iseeCents: households.iseeCents,
  iseeDate: households.iseeDate,
  status: households.status,
  suspendedFrom: households.suspendedFrom,
  processingWithdrawnAt: households.processingWithdrawnAt,
  specialCategoriesWithdrawnAt: households.specialCategoriesWithdrawnAt,
  version: households.version,
  createdAt: households.createdAt,
};

/** A household as stored, with its partners' codes and names (members apart). */
export type HouseholdRow = Awaited<ReturnType<typeof findHouseholdRow>> & {};

/** One household by id or by reference, within the scope; null when there is none to see. */
export async function findHouseholdRow(db: Db, idOrReference: string, scope: HouseholdScope) {
  const key = isUuid(idOrReference)
    ? eq(households.id, idOrReference)
    : eq(households.reference, idOrReference.trim().toUpperCase());
  const [row] = await db
    .select(householdColumns)
    .from(households)
    .leftJoin(partner, eq(partner.id, households.managingPartnerId))
    .innerJoin(referring, eq(referring.id, households.referringOrganisationId))
    .where(and(key, inScope(scope)));
  return row ?? null;
}

export async function listHouseholdMembers(db: Db, householdId: string): Promise<Person[]> {
  const rows = await db
    .select({
      givenName: householdMembers.givenName,
      familyName: householdMembers.familyName,
      fiscalCode: householdMembers.fiscalCode,
      birthDate: householdMembers.birthDate,
      sex: householdMembers.sex,
      citizenship: householdMembers.citizenship,
      relationship: householdMembers.relationship,
    })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.position));
  return rows as Person[];
}

/** The columns a household write sets. */
export type HouseholdValues = Omit<HouseholdFields, "members"> & {
  status: HouseholdStatus;
  suspendedFrom: HouseholdStatus | null;
  managingPartnerId: string | null;
};

export async function insertHouseholdRow(
  db: Db,
  values: HouseholdValues & { reference: string; referringOrganisationId: string; at: Date },
) {
  const { at, ...rest } = values;
  const [row] = await db
    .insert(households)
    .values({ ...rest, createdAt: at, updatedAt: at })
    .returning({ id: households.id });
  return row?.id as string;
}

/** Update only if the stored version is still `version`; false when another change came first. */
export async function updateHouseholdRow(
  db: Db,
  id: string,
  version: number,
  values: Partial<HouseholdValues> & { at: Date },
) {
  const { at, ...rest } = values;
  const rows = await db
    .update(households)
    .set({ ...rest, version: sql`${households.version} + 1`, updatedAt: at })
    .where(and(eq(households.id, id), eq(households.version, version)))
    .returning({ id: households.id });
  return rows.length === 1;
}

/** Replace the members of a household with `members`, in their order. */
export async function replaceHouseholdMembers(db: Db, householdId: string, members: readonly Person[]) {
  await db.delete(householdMembers).where(eq(householdMembers.householdId, householdId));
  await insertHouseholdMembers(db, householdId, members);
}

export async function insertHouseholdMembers(db: Db, householdId: string, members: readonly Person[]) {
  if (members.length === 0) return;
  await db.insert(householdMembers).values(members.map((m, position) => ({ ...m, householdId, position })));
}

/**
 * The next free reference of a year, `NUC-YYYY-NNNNN`. Callers serialise on a transaction lock, so
 * two referrals at once do not take the same number; call it in a scope that sees every household.
 */
export async function nextHouseholdReference(db: Db, year: number) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('households.reference'))`);
  const prefix = `NUC-${year}-`;
  const [row] = await db
    .select({ last: sql<string | null>`max(${households.reference})` })
    .from(households)
    .where(sql`${households.reference} like ${`${prefix}%`}`);
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(5, "0")}`;
}

export async function insertHouseholdEvent(
  db: Db,
  event: {
    householdId: string;
    at: Date;
    actorId: string | null;
    fromStatus: HouseholdStatus | null;
    toStatus: HouseholdStatus;
    note: string;
  },
) {
  await db.insert(householdEvents).values(event);
}

/** The status changes of a household, oldest first, with who made them (when the caller sees them). */
export async function listHouseholdEvents(db: Db, householdId: string) {
  return db
    .select({
      at: householdEvents.at,
      fromStatus: householdEvents.fromStatus,
      toStatus: householdEvents.toStatus,
      note: householdEvents.note,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(householdEvents)
    .leftJoin(users, eq(users.id, householdEvents.actorId))
    .where(eq(householdEvents.householdId, householdId))
    .orderBy(asc(householdEvents.at), asc(householdEvents.id));
}

// ---- Households: lists ----

function householdConditions(query: HouseholdListQuery, scope: HouseholdScope): SQL[] {
  const q = query.q?.trim();
  const conditions: (SQL | undefined)[] = [
    inScope(scope),
    query.status ? eq(households.status, query.status) : undefined,
    query.targetGroup ? eq(households.targetGroup, query.targetGroup) : undefined,
    q
      ? sql`(${households.reference} ilike ${`%${escapeLike(q)}%`}
          or exists (select 1 from ${householdMembers} m where m.household_id = ${households.id}
            and (m.given_name || ' ' || m.family_name ilike ${`%${escapeLike(q)}%`}
              or m.fiscal_code = ${q.replace(/\s+/g, "").toUpperCase()})))`
      : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** One page of households in the scope, newest reference first, with what a list shows of each. */
export async function listHouseholdRows(db: Db, query: HouseholdListQuery, scope: HouseholdScope, now: Date) {
  return db
    .select({
      id: households.id,
      reference: households.reference,
      status: households.status,
      targetGroup: households.targetGroup,
      category: households.category,
      partnerCode: partner.code,
      partnerName: partner.name,
      headName: sql<string>`coalesce((select m.given_name || ' ' || m.family_name from ${householdMembers} m
        where m.household_id = ${households.id} and m.relationship = 'head' order by m.position limit 1), '')`,
      members: sql<number>`(select count(*)::int from ${householdMembers} m where m.household_id = ${households.id})`,
      statusSince: sql<Date>`coalesce((select max(e.at) from ${householdEvents} e
        where e.household_id = ${households.id}), ${households.createdAt})`.mapWith(households.createdAt),
      overdueReferral: sql<boolean>`exists (select 1 from ${referrals} r where r.household_id = ${households.id}
        and r.status = 'pending' and r.due_at < ${now.toISOString()}::timestamptz)`,
    })
    .from(households)
    .leftJoin(partner, eq(partner.id, households.managingPartnerId))
    .where(and(...householdConditions(query, scope)))
    .orderBy(desc(households.reference))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countHouseholdRows(db: Db, query: HouseholdListQuery, scope: HouseholdScope) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(and(...householdConditions(query, scope)));
  return row?.n ?? 0;
}

/**
 * Which of these fiscal codes some household member already has, anywhere on the programme. Call it
 * in a scope that sees every household; it answers with the codes alone, nothing about whose they are.
 */
export async function findKnownFiscalCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectDistinct({ code: householdMembers.fiscalCode })
    .from(householdMembers)
    .where(sql`${householdMembers.fiscalCode} = any(${sql.param([...codes])}::text[])`);
  return rows.map((r) => r.code);
}
