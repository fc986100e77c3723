// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, gte, ilike, inArray, lt, not, or, type SQL, sql } from "drizzle-orm";
import type { TicketListQuery } from "../../domain/maintenance/ticket.schema.ts";
import { FINISHED_STATUSES } from "../../domain/maintenance/ticket-status.ts";
import type { Db } from "../db/client.ts";
import { maintenanceTickets, tenancies, ticketEvents, ticketPhotos, units, users } from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Row-level security already limits what each caller reads (staff: the tickets of the units they
// see; a tenant: those of their own tenancy); `TicketScope` says the same in the query, so a policy
// left out by mistake does not widen what a service answers.

/** Whose tickets a query reads: the programme's (null), a partner's units', or a household's tenancies'. */
export type TicketScope = null | { organisationId: string } | { householdId: string | null };

const ticketColumns = {
  id: maintenanceTickets.id,
  reference: maintenanceTickets.reference,
  unitId: maintenanceTickets.unitId,
  unitCode: units.code,
  unitAddress: units.address,
  unitTown: units.town,
  tenancyId: maintenanceTickets.tenancyId,
  tenancyReference: tenancies.reference,
  category: maintenanceTickets.category,
  urgency: maintenanceTickets.urgency,
  title: maintenanceTickets.title,
  description: maintenanceTickets.description,
  status: maintenanceTickets.status,
  statusReason: maintenanceTickets.statusReason,
  dueAt: maintenanceTickets.dueAt,
  assignee: maintenanceTickets.assignee,
  openedByTenant: maintenanceTickets.openedByTenant,
  openedByName: users.name,
  photoCount: sql<number>`(select count(*)::int from ticket_photos p where p.ticket_id = ${maintenanceTickets.id})`,
  createdAt: maintenanceTickets.createdAt,
  updatedAt: maintenanceTickets.updatedAt,
  version: maintenanceTickets.version,
};

export type TicketRow = Awaited<ReturnType<typeof findTicketRow>> & {};

const selectTickets = (db: Db) =>
  db
    .select(ticketColumns)
    .from(maintenanceTickets)
    .innerJoin(units, eq(units.id, maintenanceTickets.unitId))
    .leftJoin(tenancies, eq(tenancies.id, maintenanceTickets.tenancyId))
    .leftJoin(users, eq(users.id, maintenanceTickets.openedBy));

function inScope(db: Db, scope: TicketScope): SQL | undefined {
  if (scope === null) return undefined;
  if ("organisationId" in scope) return eq(units.managingPartnerId, scope.organisationId);
  if (scope.householdId === null) return sql`false`;
  return inArray(
    maintenanceTickets.tenancyId,
    db.select({ id: tenancies.id }).from(tenancies).where(eq(tenancies.householdId, scope.householdId)),
  );
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

export type TicketFilter = Omit<TicketListQuery, "sort" | "limit" | "offset">;

function filtersOf(db: Db, filter: TicketFilter, scope: TicketScope, now: Date): SQL | undefined {
  const finished = inArray(maintenanceTickets.status, [...FINISHED_STATUSES]);
  const unit = filter.unit
    ? isUuid(filter.unit)
      ? eq(maintenanceTickets.unitId, filter.unit)
      : eq(units.code, filter.unit.toUpperCase())
    : undefined;
  const words = filter.q ? `%${escapeLike(filter.q)}%` : null;
  return and(
    inScope(db, scope),
    filter.status ? eq(maintenanceTickets.status, filter.status) : undefined,
    filter.state === "active" ? not(finished) : filter.state === "finished" ? finished : undefined,
    filter.urgency ? eq(maintenanceTickets.urgency, filter.urgency) : undefined,
    filter.category ? eq(maintenanceTickets.category, filter.category) : undefined,
    filter.overdue === true ? and(not(finished), lt(maintenanceTickets.dueAt, now)) : undefined,
    filter.overdue === false ? or(finished, gte(maintenanceTickets.dueAt, now)) : undefined,
    unit,
    words === null
      ? undefined
      : or(
          ilike(maintenanceTickets.reference, words),
          ilike(maintenanceTickets.title, words),
          ilike(maintenanceTickets.description, words),
          ilike(maintenanceTickets.assignee, words),
          ilike(units.code, words),
        ),
  );
}

// Urgency and status sort in their own order (emergency first; open before finished), not by name.
const URGENCY_ORDER = sql`case ${maintenanceTickets.urgency} when 'emergency' then 0 when 'urgent' then 1 else 2 end`;
const STATUS_ORDER = sql`case ${maintenanceTickets.status} when 'open' then 0 when 'in_progress' then 1 when 'deferred' then 2 when 'completed' then 3 when 'closed' then 4 else 5 end`;

const SORT_COLUMNS = {
  dueAt: maintenanceTickets.dueAt,
  createdAt: maintenanceTickets.createdAt,
  updatedAt: maintenanceTickets.updatedAt,
  reference: maintenanceTickets.reference,
  urgency: URGENCY_ORDER,
  status: STATUS_ORDER,
} as const;

function orderOf(sort: string): SQL[] {
  const descending = sort.startsWith("-");
  const field = sort.replace(/^-/, "") as keyof typeof SORT_COLUMNS;
  const column = SORT_COLUMNS[field] ?? maintenanceTickets.dueAt;
  return [descending ? desc(column) : asc(column), asc(maintenanceTickets.id)];
}

export function listTicketRows(
  db: Db,
  query: TicketListQuery,
  scope: TicketScope,
  now: Date,
): Promise<TicketRow[]> {
  return selectTickets(db)
    .where(filtersOf(db, query, scope, now))
    .orderBy(...orderOf(query.sort))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countTicketRows(db: Db, filter: TicketFilter, scope: TicketScope, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(maintenanceTickets)
    .innerJoin(units, eq(units.id, maintenanceTickets.unitId))
    .where(filtersOf(db, filter, scope, now));
  return row?.n ?? 0;
}

/** A ticket by id (uuid) or reference (`MAN-2026-00001`), within the scope; null when not found. */
export async function findTicketRow(db: Db, idOrReference: string, scope: TicketScope) {
  const key = isUuid(idOrReference)
    ? eq(maintenanceTickets.id, idOrReference)
    : eq(maintenanceTickets.reference, idOrReference.trim().toUpperCase());
  const [row] = await selectTickets(db).where(and(key, inScope(db, scope)));
  return row ?? null;
}

export async function insertTicketRow(db: Db, values: typeof maintenanceTickets.$inferInsert) {
  const [row] = await db.insert(maintenanceTickets).values(values).returning({ id: maintenanceTickets.id });
  if (row === undefined) throw new Error("ticket not inserted");
  return row.id;
}

/** Change a ticket if it still has `version`; false when someone changed it first. */
export async function updateTicketRow(
  db: Db,
  id: string,
  version: number,
  values: Partial<
    Pick<typeof maintenanceTickets.$inferInsert, "status" | "statusReason" | "assignee" | "urgency" | "dueAt">
  > & { updatedAt: Date },
) {
  const rows = await db
    .update(maintenanceTickets)
    .set({ ...values, version: version + 1 })
    .where(and(eq(maintenanceTickets.id, id), eq(maintenanceTickets.version, version)))
    .returning({ id: maintenanceTickets.id });
  return rows.length === 1;
}

export async function insertTicketEvent(db: Db, values: typeof ticketEvents.$inferInsert) {
  await db.insert(ticketEvents).values(values);
}

/** A ticket's status changes, oldest first, with the name of who made each (when the caller sees it). */
export function listTicketEvents(db: Db, ticketId: string) {
  return db
    .select({
      id: ticketEvents.id,
      at: ticketEvents.at,
      fromStatus: ticketEvents.fromStatus,
      toStatus: ticketEvents.toStatus,
      note: ticketEvents.note,
      actorName: users.name,
    })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

const photoColumns = {
  id: ticketPhotos.id,
  fileName: ticketPhotos.fileName,
  contentType: ticketPhotos.contentType,
  sizeBytes: ticketPhotos.sizeBytes,
  uploadedAt: ticketPhotos.uploadedAt,
};

export function listTicketPhotos(db: Db, ticketId: string) {
  return db
    .select(photoColumns)
    .from(ticketPhotos)
    .where(eq(ticketPhotos.ticketId, ticketId))
    .orderBy(asc(ticketPhotos.uploadedAt), asc(ticketPhotos.id));
}

/**
 * Hold the ticket's photo count until the transaction ends: two uploads at once then count one after
 * the other. An advisory lock, because a tenant, who may add photos, may not lock the ticket's row.
 */
export async function lockTicketPhotos(db: Db, ticketId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`ticket-photos:${ticketId}`}, 0))`);
}

export async function countTicketPhotos(db: Db, ticketId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ticketPhotos)
    .where(eq(ticketPhotos.ticketId, ticketId));
  return row?.n ?? 0;
}

export async function insertTicketPhoto(db: Db, values: typeof ticketPhotos.$inferInsert) {
  const [row] = await db.insert(ticketPhotos).values(values).returning(photoColumns);
  if (row === undefined) throw new Error("photo not inserted");
  return row;
}

export async function findTicketPhotoContent(db: Db, ticketId: string, photoId: string) {
  if (!isUuid(photoId)) return null;
  const [row] = await db
    .select({
      fileName: ticketPhotos.fileName,
      contentType: ticketPhotos.contentType,
      content: ticketPhotos.content,
    })
    .from(ticketPhotos)
    .where(and(eq(ticketPhotos.ticketId, ticketId), eq(ticketPhotos.id, photoId)));
  return row ?? null;
}

const tenancyColumns = {
  id: tenancies.id,
  unitId: tenancies.unitId,
  householdId: tenancies.householdId,
  status: tenancies.status,
  reference: tenancies.reference,
};

/** A tenancy the caller sees, by id; null when not found. */
export async function findTenancyRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.select(tenancyColumns).from(tenancies).where(eq(tenancies.id, id));
  return row ?? null;
}

/** The household's active tenancy (the latest, should there be more); null when it has none. */
export async function findActiveTenancyOfHousehold(db: Db, householdId: string) {
  const [row] = await db
    .select(tenancyColumns)
    .from(tenancies)
    .where(and(eq(tenancies.householdId, householdId), eq(tenancies.status, "active")))
    .orderBy(desc(tenancies.startOn), desc(tenancies.id))
    .limit(1);
  return row ?? null;
}

/** The unit's active tenancy, if the caller sees it. */
export async function findActiveTenancyOfUnit(db: Db, unitId: string) {
  const [row] = await db
    .select(tenancyColumns)
    .from(tenancies)
    .where(and(eq(tenancies.unitId, unitId), eq(tenancies.status, "active")))
    .limit(1);
  return row ?? null;
}
