// SPDX-License-Identifier: EUPL-1.2
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type {
  Notice,
  NoticeInput,
  PortalAccount,
  PortalInformation,
  PortalTenancy,
  TenantInformationInput,
} from "../../domain/portal/portal.schema.ts";
import type { Signatory } from "../../domain/tenancies/tenancy.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import {
  buildings,
  organisations,
  tenancies,
  tenantInformation,
  tenantNotices,
  units,
} from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { getTenancyLedger } from "../ledger/ledger.service.ts";
import { findDocumentFile, listDocumentRows } from "../tenancies/tenancies.repository.ts";
import { findTenancyOrFail } from "../tenancies/tenancies.service.ts";
import { getUnit } from "../units/units.service.ts";

/**
 * The tenancy a tenant's portal shows: the one in force, or the latest that ran. Row-level security
 * already limits a tenant to their own household's; this picks among them.
 */
async function ownTenancy(db: Db, actor: Actor) {
  if (actor.householdId === null)
    throw fieldError(
      "UNPROCESSABLE",
      "householdId",
      "Your account is not tied to a household: ask your manager",
    );
  const [row] = await db
    .select({ id: tenancies.id })
    .from(tenancies)
    .where(and(eq(tenancies.householdId, actor.householdId), inArray(tenancies.status, ["active", "ended"])))
    .orderBy(sql`${tenancies.status} = 'active' desc`, desc(tenancies.startOn))
    .limit(1);
  if (row === undefined) throw new AppError("NOT_FOUND", "You have no tenancy in force");
  return findTenancyOrFail(db, row.id);
}

async function managerOf(db: Db, code: string | null) {
  if (code === null) return null;
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.code, code));
  return org ?? null;
}

export async function portalTenancy(options: { db: Db; actor: Actor }): Promise<PortalTenancy> {
  const { db, actor } = options;
  const row = await ownTenancy(db, actor);
  const documents = (await listDocumentRows(db, row.id)).filter((d) => d.sharedWithTenant);
  const manager = await managerOf(db, row.partnerCode);
  return {
    reference: row.reference,
    status: row.status,
    contractType: row.contractType,
    startOn: row.startOn,
    endOn: row.endOn,
    renewalMonths: row.renewalMonths,
    noticeMonths: row.noticeMonths,
    depositCents: row.depositCents,
    rentCents: row.rentCents,
    serviceChargeCents: row.serviceChargeCents,
    unit: { code: row.unitCode, address: row.unitAddress },
    signatories: (row.signatories as Signatory[]).map((s) => ({ name: s.name, role: s.role })),
    manager: { code: row.partnerCode, name: manager?.name ?? null },
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      fileName: d.fileName,
      uploadedAt: d.uploadedAt.toISOString(),
    })),
  };
}

/** The tenant's account: balance, charges still to pay with their pagoPA notices, entries. */
export async function portalAccount(options: { db: Db; actor: Actor; now: Date }): Promise<PortalAccount> {
  const { db, actor, now } = options;
  const row = await ownTenancy(db, actor);
  const ledger = await getTenancyLedger({ db, idOrReference: row.id, now });
  const today = romeDate(now);
  return {
    balanceCents: ledger.balanceCents,
    notices: ledger.openCharges.map((c) => ({
      period: c.period,
      kind: c.kind,
      dueOn: c.dueOn,
      amountCents: c.amountCents,
      outstandingCents: c.outstandingCents,
      noticeNumber: c.noticeNumber,
      overdue: c.dueOn < today,
    })),
    // A write-off's reason is the staff's: the tenant sees that part of the debt was cancelled.
    entries: ledger.entries.map((e) => ({
      kind: e.kind,
      on: e.on,
      label: e.kind === "write_off" ? "write_off" : e.label,
      debitCents: e.debitCents,
      creditCents: e.creditCents,
      balanceCents: e.balanceCents,
    })),
  };
}

export async function portalDocument(options: { db: Db; actor: Actor; documentId: string }) {
  const row = await ownTenancy(options.db, options.actor);
  const file = await findDocumentFile(options.db, row.id, options.documentId);
  if (file === null) throw new AppError("NOT_FOUND", `No document "${options.documentId}"`);
  return { tenancyId: row.id, ...file };
}

/** The manager's contacts, office hours, house rules and notices for the tenant. */
export async function portalInformation(options: {
  db: Db;
  actor: Actor;
  now: Date;
}): Promise<PortalInformation> {
  const { db, actor, now } = options;
  const row = await ownTenancy(db, actor);
  const manager = await managerOf(db, row.partnerCode);
  const [info] =
    manager === null
      ? []
      : await db.select().from(tenantInformation).where(eq(tenantInformation.organisationId, manager.id));
  // Row-level security lets a tenant read only the notices addressed to their unit, building or all.
  const notices = await db
    .select({
      id: tenantNotices.id,
      title: tenantNotices.title,
      body: tenantNotices.body,
      publishedOn: tenantNotices.publishedOn,
    })
    .from(tenantNotices)
    .where(sql`${tenantNotices.publishedOn} <= ${romeDate(now)}`)
    .orderBy(desc(tenantNotices.publishedOn))
    .limit(50);
  return {
    managerName: manager?.name ?? null,
    phone: info?.phone ?? "",
    email: info?.email ?? "",
    officeHours: info?.officeHours ?? "",
    address: info?.address ?? "",
    houseRules: info?.houseRules ?? "",
    notices,
  };
}

// ---- the manager's side: notices and the information tenants read ----------------------------------

export async function listNotices(options: { db: Db }): Promise<{ items: Notice[] }> {
  const rows = await options.db
    .select({
      id: tenantNotices.id,
      title: tenantNotices.title,
      body: tenantNotices.body,
      publishedOn: tenantNotices.publishedOn,
      buildingCode: tenantNotices.buildingCode,
      unitId: tenantNotices.unitId,
      unitCode: units.code,
      organisationCode: organisations.code,
    })
    .from(tenantNotices)
    .innerJoin(organisations, eq(organisations.id, tenantNotices.organisationId))
    .leftJoin(units, eq(units.id, tenantNotices.unitId))
    .orderBy(desc(tenantNotices.publishedOn), desc(tenantNotices.createdAt))
    .limit(200);
  return { items: rows };
}

/**
 * Publish a notice to the organisation's tenants: all of them, one building's, or one unit's (one the
 * organisation manages, named by id or code). A partner's notices reach the tenants of its units; the
 * Comune's reach every tenant.
 */
export async function publishNotice(options: {
  db: Db;
  actor: Actor;
  input: NoticeInput;
  now: Date;
}): Promise<Notice> {
  const { db, actor, input, now } = options;
  const field = input.unitCode === null ? "unitId" : "unitCode";
  const wanted = input.unitId ?? input.unitCode;
  const unit = wanted === null ? null : await getUnit({ db, actor, idOrCode: wanted }).catch(() => null);
  if (wanted !== null && unit === null) throw fieldError("UNPROCESSABLE", field, `No unit "${wanted}"`);
  if (input.buildingCode !== null) {
    const [building] = await db
      .select({ code: buildings.code })
      .from(buildings)
      .where(eq(buildings.code, input.buildingCode));
    if (building === undefined)
      throw fieldError("UNPROCESSABLE", "buildingCode", `No building "${input.buildingCode}"`);
  }
  const values = {
    title: input.title,
    body: input.body,
    publishedOn: input.publishedOn,
    buildingCode: input.buildingCode,
    unitId: unit?.id ?? null,
  };
  const [row] = await db
    .insert(tenantNotices)
    .values({ organisationId: actor.organisationId, ...values, createdBy: actor.userId, createdAt: now })
    .returning({ id: tenantNotices.id });
  const [organisation] = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return {
    id: row?.id as string,
    ...values,
    unitCode: unit?.code ?? null,
    organisationCode: organisation?.code ?? "",
  };
}

/** What the organisation's tenants read now: contacts, office hours, house rules (empty when unset). */
export async function getTenantInformation(options: {
  db: Db;
  actor: Actor;
}): Promise<TenantInformationInput> {
  const [row] = await options.db
    .select()
    .from(tenantInformation)
    .where(eq(tenantInformation.organisationId, options.actor.organisationId));
  return {
    phone: row?.phone ?? "",
    email: row?.email ?? "",
    officeHours: row?.officeHours ?? "",
    address: row?.address ?? "",
    houseRules: row?.houseRules ?? "",
  };
}

/** Set what the organisation's tenants read: contacts, office hours, house rules. */
export async function saveTenantInformation(options: {
  db: Db;
  actor: Actor;
  input: TenantInformationInput;
  now: Date;
}) {
  const { db, actor, input, now } = options;
  await db
    .insert(tenantInformation)
    .values({ organisationId: actor.organisationId, ...input, updatedBy: actor.userId, updatedAt: now })
    .onConflictDoUpdate({
      target: tenantInformation.organisationId,
      set: { ...input, updatedBy: actor.userId, updatedAt: now },
    });
  return input;
}
