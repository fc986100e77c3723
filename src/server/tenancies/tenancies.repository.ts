// SPDX-License-Identifier: EUPL-1.2
import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { TenancyListQuery } from "../../domain/tenancies/tenancy-api.schema.ts";
import type { Db } from "../db/client.ts";
import {
  households,
  organisations,
  recertifications,
  tenancies,
  tenancyDocuments,
  units,
} from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

const tenancyColumns = {
  id: tenancies.id,
  reference: tenancies.reference,
  status: tenancies.status,
  version: tenancies.version,
  offerId: tenancies.offerId,
  contractType: tenancies.contractType,
  startOn: tenancies.startOn,
  endOn: tenancies.endOn,
  renewalMonths: tenancies.renewalMonths,
  noticeMonths: tenancies.noticeMonths,
  depositCents: tenancies.depositCents,
  rentCents: tenancies.rentCents,
  serviceChargeCents: tenancies.serviceChargeCents,
  rentBasis: tenancies.rentBasis,
  signatories: tenancies.signatories,
  activatedAt: tenancies.activatedAt,
  endedOn: tenancies.endedOn,
  endReason: tenancies.endReason,
  cancelReason: tenancies.cancelReason,
  unitId: units.id,
  unitCode: units.code,
  unitAddress: units.address,
  unitCategory: units.category,
  unitSurfaceM2: units.surfaceM2,
  unitStatus: units.status,
  householdId: households.id,
  householdReference: households.reference,
  householdIncomeCents: households.incomeCents,
  partnerCode: organisations.code,
};

export type TenancyRow = Awaited<ReturnType<typeof findTenancyRow>> & {};

// A tenant reads their tenancy without reading the household (its row stays hidden from them).
const selectTenancies = (db: Db) =>
  db
    .select(tenancyColumns)
    .from(tenancies)
    .innerJoin(units, eq(units.id, tenancies.unitId))
    .leftJoin(households, eq(households.id, tenancies.householdId))
    .leftJoin(organisations, eq(organisations.id, units.managingPartnerId));

/** By id or by reference (`LOC-2026-00042`). */
export async function findTenancyRow(db: Db, idOrReference: string) {
  const where = isUuid(idOrReference)
    ? eq(tenancies.id, idOrReference)
    : eq(tenancies.reference, idOrReference.trim().toUpperCase());
  const [row] = await selectTenancies(db).where(where);
  return row ?? null;
}

const listWhere = (query: TenancyListQuery) =>
  and(
    query.status === undefined ? undefined : eq(tenancies.status, query.status),
    query.q === undefined || query.q === ""
      ? undefined
      : or(
          sql`${tenancies.reference} ilike ${`%${query.q}%`}`,
          sql`${units.code} ilike ${`%${query.q}%`}`,
          sql`${households.reference} ilike ${`%${query.q}%`}`,
        ),
  );

export function listTenancyRows(db: Db, query: TenancyListQuery) {
  return selectTenancies(db)
    .where(listWhere(query))
    .orderBy(desc(tenancies.createdAt), asc(tenancies.reference))
    .limit(query.limit)
    .offset(query.offset);
}

export async function countTenancyRows(db: Db, query: TenancyListQuery) {
  const [row] = await db
    .select({ n: count() })
    .from(tenancies)
    .innerJoin(units, eq(units.id, tenancies.unitId))
    .leftJoin(households, eq(households.id, tenancies.householdId))
    .where(listWhere(query));
  return row?.n ?? 0;
}

export async function insertTenancyRow(db: Db, values: typeof tenancies.$inferInsert) {
  const [row] = await db.insert(tenancies).values(values).returning({ id: tenancies.id });
  if (row === undefined) throw new Error("tenancy not inserted");
  return row.id;
}

/** Update a tenancy at `version`; false when someone changed it meanwhile. */
export async function updateTenancyRow(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof tenancies.$inferInsert>,
) {
  const rows = await db
    .update(tenancies)
    .set({ ...values, version: version + 1 })
    .where(and(eq(tenancies.id, id), eq(tenancies.version, version)))
    .returning({ id: tenancies.id });
  return rows.length === 1;
}

/** Another tenancy of the unit that ran or runs on days from `startOn` on: its reference, or null. */
export async function overlappingTenancy(db: Db, unitId: string, exceptId: string, startOn: string) {
  const [row] = await db
    .select({ reference: tenancies.reference })
    .from(tenancies)
    .where(
      and(
        eq(tenancies.unitId, unitId),
        ne(tenancies.id, exceptId),
        inArray(tenancies.status, ["active", "ended"]),
        sql`coalesce(${tenancies.endedOn}, ${tenancies.endOn}, 'infinity'::date) >= ${startOn}`,
      ),
    )
    .limit(1);
  return row?.reference ?? null;
}

export function listDocumentRows(db: Db, tenancyId: string) {
  return db
    .select({
      id: tenancyDocuments.id,
      kind: tenancyDocuments.kind,
      title: tenancyDocuments.title,
      fileName: tenancyDocuments.fileName,
      contentType: tenancyDocuments.contentType,
      sizeBytes: tenancyDocuments.sizeBytes,
      sharedWithTenant: tenancyDocuments.sharedWithTenant,
      uploadedAt: tenancyDocuments.uploadedAt,
    })
    .from(tenancyDocuments)
    .where(eq(tenancyDocuments.tenancyId, tenancyId))
    .orderBy(desc(tenancyDocuments.uploadedAt));
}

export async function findDocumentFile(db: Db, tenancyId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      fileName: tenancyDocuments.fileName,
      contentType: tenancyDocuments.contentType,
      content: tenancyDocuments.content,
    })
    .from(tenancyDocuments)
    .where(and(eq(tenancyDocuments.tenancyId, tenancyId), eq(tenancyDocuments.id, id)));
  return row ?? null;
}

export async function insertDocumentRow(db: Db, values: typeof tenancyDocuments.$inferInsert) {
  const [row] = await db.insert(tenancyDocuments).values(values).returning({ id: tenancyDocuments.id });
  if (row === undefined) throw new Error("document not inserted");
  return row.id;
}

export function listRecertificationRows(db: Db, tenancyId: string) {
  return db
    .select()
    .from(recertifications)
    .where(eq(recertifications.tenancyId, tenancyId))
    .orderBy(desc(recertifications.effectiveOn));
}

export async function insertRecertificationRow(db: Db, values: typeof recertifications.$inferInsert) {
  const [row] = await db.insert(recertifications).values(values).returning({ id: recertifications.id });
  if (row === undefined) throw new Error("recertification not inserted");
  return row.id;
}
