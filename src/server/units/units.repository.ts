// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, like, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { UnitCategory, UnitFields, UnitListQuery, UnitStatus } from "../../domain/units/unit.schema.ts";
import type { Db } from "../db/client.ts";
import { copyRows } from "../db/copy.ts";
import { organisations, unitEvents, units, users } from "../db/schema.ts";
import { uuid7Batch } from "../shared/uuid7.ts";

const managing = alias(organisations, "managing");
const comodato = alias(organisations, "comodato");

const unitColumns = {
  id: units.id,
  code: units.code,
  address: units.address,
  town: units.town,
  municipio: units.municipio,
  buildingCode: units.buildingCode,
  floor: units.floor,
  lift: units.lift,
  surfaceM2: units.surfaceM2,
  rooms: units.rooms,
  bedrooms: units.bedrooms,
  stepFree: units.stepFree,
  wheelchairAdapted: units.wheelchairAdapted,
  energyClass: units.energyClass,
  origin: units.origin,
  category: units.category,
  managingPartnerId: units.managingPartnerId,
  managingPartnerCode: managing.code,
  managingPartnerName: managing.name,
  comodatoPartnerCode: comodato.code,
  comodatoStart: units.comodatoStart,
  comodatoEnd: units.comodatoEnd,
  condition: units.condition,
  status: units.status,
  notes: units.notes,
  version: units.version,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
};

/** A unit as stored, with its partners' codes. */
export type UnitRow = Awaited<ReturnType<typeof selectUnitRows>>[number];

/** The columns a unit write sets; partner ids already resolved from their codes. */
export type UnitValues = Omit<UnitFields, "managingPartnerCode" | "comodatoPartnerCode"> & {
  status: UnitStatus;
  managingPartnerId: string | null;
  comodatoPartnerId: string | null;
};

const SORT_COLUMNS = {
  code: units.code,
  town: units.town,
  municipio: units.municipio,
  surfaceM2: units.surfaceM2,
  rooms: units.rooms,
  category: units.category,
  status: units.status,
  origin: units.origin,
  updatedAt: units.updatedAt,
} as const;

export type UnitScope = { organisationId: string } | null;
/** The filters and sort of a unit list, without its page. */
export type UnitFilterQuery = Omit<UnitListQuery, "limit" | "offset">;

function unitConditions(query: Omit<UnitFilterQuery, "sort">, scope: UnitScope): SQL[] {
  const conditions: (SQL | undefined)[] = [
    scope ? eq(units.managingPartnerId, scope.organisationId) : undefined,
    query.status ? eq(units.status, query.status) : undefined,
    query.category ? eq(units.category, query.category) : undefined,
    query.origin ? eq(units.origin, query.origin) : undefined,
    query.town ? sql`${units.townKey} = lower(${query.town})` : undefined,
    query.municipio ? eq(units.municipio, query.municipio) : undefined,
    query.partner
      ? sql`${units.managingPartnerId} = (select id from organisations where code = ${query.partner.toUpperCase()})`
      : undefined,
    query.accessible === undefined ? undefined : eq(units.stepFree, query.accessible),
    query.q ? like(units.searchText, `%${escapeLike(query.q.toLowerCase())}%`) : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

function selectUnitRows(db: Db, where: SQL | undefined) {
  return db
    .select(unitColumns)
    .from(units)
    .leftJoin(managing, eq(managing.id, units.managingPartnerId))
    .leftJoin(comodato, eq(comodato.id, units.comodatoPartnerId))
    .where(where);
}

/**
 * Plan the rest of the transaction with the cost of reading a random page of a cached table (1.1, as
 * PostgreSQL's documentation suggests for data held in memory or on solid-state disks) instead of the
 * default 4, which assumes spinning disks. The units and their indexes, 74 MB at 100,000 units, stay
 * in memory: a count, or a text search's page, then reads a narrow covering index (migration 0025)
 * instead of every wide row, 2–4 times faster (decision 0005).
 */
async function planForCachedUnits(db: Db) {
  await db.execute(sql`select set_config('random_page_cost', '1.1', true)`);
}

type Page = { limit: number; offset: number };

/** A list query's conditions and order (its sort, then the code). */
function listShape(query: UnitFilterQuery, scope: UnitScope) {
  const column = SORT_COLUMNS[query.sort.replace(/^-/, "") as keyof typeof SORT_COLUMNS];
  const order = [query.sort.startsWith("-") ? desc(column) : asc(column), asc(units.code)];
  return { order, where: and(...unitConditions(query, scope)) };
}

/** The units matching a query, in its order; one page of them, or all (for an export). */
export async function listUnitRows(db: Db, query: UnitFilterQuery, scope: UnitScope, page: Page | null) {
  const { order, where } = listShape(query, scope);
  if (page === null) return selectUnitRows(db, where).orderBy(...order);
  await planForCachedUnits(db);
  // Pick the page's ids first, then read the full rows of those alone: a deep offset then walks
  // narrow rows instead of whole joined ones.
  const ids = db
    .select({ id: units.id })
    .from(units)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .as("page");
  return db
    .select(unitColumns)
    .from(units)
    .innerJoin(ids, eq(ids.id, units.id))
    .leftJoin(managing, eq(managing.id, units.managingPartnerId))
    .leftJoin(comodato, eq(comodato.id, units.comodatoPartnerId))
    .orderBy(...order);
}

/**
 * One page of the units matching a query and how many match, from one read: for a query whose page
 * reads every match anyway, such as a text search (a substring has no order to stop early in), where
 * a separate count would read them all a second time.
 */
export async function listUnitRowsCounted(db: Db, query: UnitFilterQuery, scope: UnitScope, page: Page) {
  const { order, where } = listShape(query, scope);
  await planForCachedUnits(db);
  const ids = db
    .select({ id: units.id, total: sql<number>`(count(*) over ())::int`.as("total") })
    .from(units)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .as("page");
  const rows = await db
    .select({ ...unitColumns, total: ids.total })
    .from(units)
    .innerJoin(ids, eq(ids.id, units.id))
    .leftJoin(managing, eq(managing.id, units.managingPartnerId))
    .leftJoin(comodato, eq(comodato.id, units.comodatoPartnerId))
    .orderBy(...order);
  const first = rows[0];
  // A page past the last match has no row to carry the count.
  if (first === undefined)
    return { rows, total: page.offset === 0 ? 0 : await countUnitRows(db, query, scope) };
  return { rows: rows.map(({ total: _, ...row }) => row), total: first.total };
}

export async function countUnitRows(db: Db, query: UnitFilterQuery, scope: UnitScope) {
  await planForCachedUnits(db);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(...unitConditions(query, scope)));
  return row?.n ?? 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One unit by id or by code, within the caller's scope. */
export async function findUnitRow(db: Db, idOrCode: string, scope: UnitScope) {
  const key = UUID.test(idOrCode) ? eq(units.id, idOrCode) : eq(units.code, idOrCode.toUpperCase());
  const [row] = await selectUnitRows(
    db,
    and(key, scope ? eq(units.managingPartnerId, scope.organisationId) : undefined),
  );
  return row ?? null;
}

export async function findUnitRowsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return selectUnitRows(db, sql`${units.code} = any(${sql.param(codes)}::text[])`);
}

export async function insertUnitRow(db: Db, values: UnitValues) {
  const [row] = await db.insert(units).values(values).returning({ id: units.id });
  return row?.id as string;
}

/** Update only if the stored version is still `version`; returns false when another change came first. */
export async function updateUnitRow(db: Db, id: string, version: number, values: Partial<UnitValues>) {
  const rows = await db
    .update(units)
    .set({ ...values, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning({ id: units.id });
  return rows.length === 1;
}

export type UnitEventValues = {
  unitId: string;
  actorId: string | null;
  kind: "created" | "updated" | "status" | "imported";
  fromStatus: UnitStatus | null;
  toStatus: UnitStatus | null;
  changes: Record<string, [unknown, unknown]>;
  note: string;
};

export async function insertUnitEvent(db: Db, event: UnitEventValues) {
  await db.insert(unitEvents).values(event);
}

export async function listUnitEvents(db: Db, unitId: string) {
  return db
    .select({
      id: unitEvents.id,
      at: unitEvents.at,
      kind: unitEvents.kind,
      actorName: users.name,
      fromStatus: unitEvents.fromStatus,
      toStatus: unitEvents.toStatus,
      changes: unitEvents.changes,
      note: unitEvents.note,
    })
    .from(unitEvents)
    .leftJoin(users, eq(users.id, unitEvents.actorId))
    .where(eq(unitEvents.unitId, unitId))
    .orderBy(desc(unitEvents.at), desc(unitEvents.id));
}

/**
 * Create the buildings the units name that do not exist yet, each from the first unit naming it
 * (its address, town and municipio).
 */
export async function ensureBuildings(db: Db, unitsNamingThem: readonly BuildingSource[]) {
  const byCode = new Map<string, BuildingSource>();
  for (const u of unitsNamingThem)
    if (u.buildingCode !== null && !byCode.has(u.buildingCode)) byCode.set(u.buildingCode, u);
  const rows = [...byCode.values()];
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into buildings (code, address, town, municipio)
    select * from unnest(
      ${sql.param(rows.map((r) => r.buildingCode))}::text[],
      ${sql.param(rows.map((r) => r.address))}::text[],
      ${sql.param(rows.map((r) => r.town))}::text[],
      ${sql.param(rows.map((r) => r.municipio))}::smallint[])
    on conflict (code) do nothing`);
}

type BuildingSource = Pick<UnitFields, "buildingCode" | "address" | "town" | "municipio">;

// The columns a bulk write sets, with how to read each from the values.
const BULK_COLUMNS: Record<string, (v: UnitValues) => unknown> = {
  code: (v) => v.code,
  address: (v) => v.address,
  town: (v) => v.town,
  municipio: (v) => v.municipio,
  building_code: (v) => v.buildingCode,
  floor: (v) => v.floor,
  lift: (v) => v.lift,
  surface_m2: (v) => v.surfaceM2,
  rooms: (v) => v.rooms,
  bedrooms: (v) => v.bedrooms,
  step_free: (v) => v.stepFree,
  wheelchair_adapted: (v) => v.wheelchairAdapted,
  energy_class: (v) => v.energyClass,
  origin: (v) => v.origin,
  category: (v) => v.category,
  managing_partner_id: (v) => v.managingPartnerId,
  comodato_partner_id: (v) => v.comodatoPartnerId,
  comodato_start: (v) => v.comodatoStart,
  comodato_end: (v) => v.comodatoEnd,
  condition: (v) => v.condition,
  status: (v) => v.status,
  notes: (v) => v.notes,
};
const BULK_NAMES = Object.keys(BULK_COLUMNS);
const columnList = sql.raw(BULK_NAMES.join(", "));

const BULK_READERS = Object.values(BULK_COLUMNS);
const STAGED = "staged_units";

/**
 * Copy many units into a temporary table shaped like the columns a bulk write sets (plus the ids,
 * when given), run `write`, one statement that inserts or updates from it, then drop the table.
 */
async function withStagedUnits(
  db: Db,
  rows: readonly UnitValues[],
  ids: readonly string[] | null,
  write: (staged: SQL) => Promise<unknown>,
) {
  const columns = ids ? ["id", ...BULK_NAMES] : BULK_NAMES;
  await db.execute(
    sql.raw(
      `create temp table ${STAGED} on commit drop as select ${columns.join(", ")} from units with no data`,
    ),
  );
  await copyRows(
    db,
    STAGED,
    columns,
    rows.map((row, i) => {
      const values = BULK_READERS.map((read) => read(row));
      return ids ? [ids[i], ...values] : values;
    }),
  );
  await write(sql.raw(STAGED));
  await db.execute(sql.raw(`drop table ${STAGED}`));
}

/**
 * Insert many units and their first history entry in one statement, the events made from the
 * inserted rows, so no ids travel back and forth. The ids are time-ordered (version 7): appended to
 * the primary-key and history indexes rather than scattered (a bare INSERT … SELECT of 100,000 units on
 * PostgreSQL 15 here: 4.1 s with random ids, 2.6 s with ordered ones).
 */
export async function insertUnitRows(
  db: Db,
  rows: UnitValues[],
  event: { actorId: string | null; kind: "created" | "imported"; note: string },
) {
  if (rows.length === 0) return;
  await withStagedUnits(db, rows, uuid7Batch(rows.length), (staged) =>
    db.execute(sql`
      with inserted as (
        insert into units (id, ${columnList})
        select id, ${columnList} from ${staged}
        returning id, status)
      insert into unit_events (unit_id, actor_id, kind, to_status, note)
      select id, ${event.actorId}::uuid, ${event.kind}, status, ${event.note} from inserted`),
  );
}

/** Replace the fields of many units (matched by code) in one statement, bumping their versions. */
export async function updateUnitRows(db: Db, rows: UnitValues[]) {
  if (rows.length === 0) return;
  const assignments = sql.raw(
    BULK_NAMES.filter((name) => name !== "code")
      .map((name) => `${name} = v.${name}`)
      .join(", "),
  );
  await withStagedUnits(db, rows, null, (staged) =>
    db.execute(sql`
      update units u set ${assignments}, version = u.version + 1, updated_at = now()
      from ${staged} as v
      where u.code = v.code`),
  );
}

/**
 * After a bulk change, refresh the planner's statistics and the visibility map of `units` (PGlite has
 * no autovacuum to do either): without the map, a list page read from the code's covering index
 * would still visit every row it passes.
 */
export async function vacuumUnits(db: Db) {
  await db.execute(sql`vacuum (analyze) units`);
}

export async function insertUnitEventRows(db: Db, events: UnitEventValues[]) {
  if (events.length === 0) return;
  await db.execute(sql`
    insert into unit_events (unit_id, actor_id, kind, from_status, to_status, changes, note)
    select * from unnest(
      ${sql.param(events.map((e) => e.unitId))}::uuid[],
      ${sql.param(events.map((e) => e.actorId))}::uuid[],
      ${sql.param(events.map((e) => e.kind))}::text[],
      ${sql.param(events.map((e) => e.fromStatus))}::text[],
      ${sql.param(events.map((e) => e.toStatus))}::text[],
      ${sql.param(events.map((e) => JSON.stringify(e.changes)))}::jsonb[],
      ${sql.param(events.map((e) => e.note))}::text[])`);
}

type CountColumn = "status" | "category" | "origin" | "town" | "municipio";

export async function countUnitsBy(db: Db, column: CountColumn, scope: UnitScope) {
  const target = units[column];
  const rows = await db
    .select({ key: target, n: sql<number>`count(*)::int` })
    .from(units)
    .where(
      and(sql`${target} is not null`, scope ? eq(units.managingPartnerId, scope.organisationId) : undefined),
    )
    .groupBy(target);
  return Object.fromEntries(rows.map((r) => [String(r.key), r.n]));
}

/** Every unit of the programme (call it in a scope that sees them all). */
export async function countAllUnits(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  return row?.n ?? 0;
}

export async function stockTotals(db: Db, scope: UnitScope) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      accessible: sql<number>`count(*) filter (where ${units.stepFree})::int`,
      surfaceM2: sql<number>`coalesce(sum(${units.surfaceM2}), 0)::float8`,
    })
    .from(units)
    .where(scope ? eq(units.managingPartnerId, scope.organisationId) : undefined);
  return row ?? { total: 0, accessible: 0, surfaceM2: 0 };
}

/** How many capped units have each surface, per category, for the rent roll at the caps. */
export async function cappedSurfaceCounts(db: Db, scope: UnitScope) {
  const rows = await db
    .select({ category: units.category, surfaceM2: units.surfaceM2, n: sql<number>`count(*)::int` })
    .from(units)
    .where(
      and(
        sql`${units.category} <> 'fragilita'`,
        scope ? eq(units.managingPartnerId, scope.organisationId) : undefined,
      ),
    )
    .groupBy(units.category, units.surfaceM2);
  return rows as { category: UnitCategory; surfaceM2: number; n: number }[];
}
