// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AccountCharge, AccountCredit } from "../../domain/ledger/account.ts";
import type { Db } from "../db/client.ts";
import {
  chargeRuns,
  charges,
  households,
  ledgerPeriods,
  organisations,
  payments,
  recertifications,
  tenancies,
  units,
  writeOffs,
} from "../db/schema.ts";

// Every query runs in the caller's scope: row-level security keeps a partner to its own tenancies.

/** A tenancy with what the ledger and the arrears lists show of it. */
export type TenancyAccountRow = {
  tenancyId: string;
  reference: string;
  status: string;
  contractType: string | null;
  startOn: string | null;
  unitId: string;
  unitCode: string;
  category: string;
  householdId: string;
  householdReference: string;
  partnerId: string | null;
  partnerCode: string | null;
  rentCents: number;
  serviceChargeCents: number;
  signatories: unknown;
};

/** A charge as the accounts carry it: with its pagoPA notice number. */
export type AccountChargeRow = AccountCharge & { noticeNumber: string };

export type Account = TenancyAccountRow & { charges: AccountChargeRow[]; credits: AccountCredit[] };

const accountColumns = {
  tenancyId: tenancies.id,
  reference: tenancies.reference,
  status: tenancies.status,
  contractType: tenancies.contractType,
  startOn: tenancies.startOn,
  unitId: units.id,
  unitCode: units.code,
  category: units.category,
  householdId: tenancies.householdId,
  // A tenant reads their tenancy but not the household's row: the reference is then empty.
  householdReference: sql<string>`coalesce(${households.reference}, '')`,
  partnerId: units.managingPartnerId,
  partnerCode: organisations.code,
  rentCents: tenancies.rentCents,
  serviceChargeCents: tenancies.serviceChargeCents,
  signatories: tenancies.signatories,
};

/**
 * The rent accounts of the tenancies in scope that ever ran (active or ended), or of `tenancyIds`:
 * each with its charges and its credits (payments and write-offs) in date order. Three set-based reads.
 */
export async function loadAccounts(
  db: Db,
  filter: { tenancyIds?: readonly string[] } = {},
): Promise<Account[]> {
  const which =
    filter.tenancyIds === undefined
      ? inArray(tenancies.status, ["active", "ended"])
      : filter.tenancyIds.length === 0
        ? sql`false`
        : inArray(tenancies.id, [...filter.tenancyIds]);
  const rows = await db
    .select(accountColumns)
    .from(tenancies)
    .innerJoin(units, eq(units.id, tenancies.unitId))
    .leftJoin(households, eq(households.id, tenancies.householdId))
    .leftJoin(organisations, eq(organisations.id, units.managingPartnerId))
    .where(which)
    .orderBy(asc(tenancies.reference));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.tenancyId);
  // One after the other: a transaction is one connection, which runs one query at a time anyway.
  const chargeRows = await db
    .select({
      tenancyId: charges.tenancyId,
      id: charges.id,
      period: charges.period,
      kind: charges.kind,
      dueOn: charges.dueOn,
      amountCents: charges.amountCents,
      noticeNumber: charges.noticeNumber,
    })
    .from(charges)
    .where(inArray(charges.tenancyId, ids))
    .orderBy(asc(charges.dueOn), asc(charges.kind));
  const paymentRows = await db
    .select({ tenancyId: payments.tenancyId, on: payments.paidOn, amountCents: payments.amountCents })
    .from(payments)
    .where(inArray(payments.tenancyId, ids))
    .orderBy(asc(payments.paidOn));
  const writeOffRows = await db
    .select({ tenancyId: writeOffs.tenancyId, on: writeOffs.writtenOn, amountCents: writeOffs.amountCents })
    .from(writeOffs)
    .where(inArray(writeOffs.tenancyId, ids))
    .orderBy(asc(writeOffs.writtenOn));
  const accounts = new Map<string, Account>(
    rows.map((r) => [r.tenancyId, { ...r, charges: [], credits: [] }]),
  );
  for (const { tenancyId, ...c } of chargeRows) accounts.get(tenancyId)?.charges.push(c);
  for (const { tenancyId, ...p } of paymentRows)
    accounts.get(tenancyId)?.credits.push({ ...p, kind: "payment" });
  for (const { tenancyId, ...w } of writeOffRows)
    accounts.get(tenancyId)?.credits.push({ ...w, kind: "write_off" });
  for (const account of accounts.values())
    account.credits.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return [...accounts.values()];
}

/** The latest recertification of each of `tenancyIds`, for the income-drop warning. */
export type RecertificationFact = {
  effectiveOn: string;
  incomeCents: number;
  previousIncomeCents: number | null;
};

export async function latestRecertifications(
  db: Db,
  tenancyIds: readonly string[],
): Promise<Map<string, RecertificationFact>> {
  if (tenancyIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([recertifications.tenancyId], {
      tenancyId: recertifications.tenancyId,
      effectiveOn: recertifications.effectiveOn,
      incomeCents: recertifications.incomeCents,
      previousIncomeCents: recertifications.previousIncomeCents,
    })
    .from(recertifications)
    .where(inArray(recertifications.tenancyId, [...tenancyIds]))
    .orderBy(asc(recertifications.tenancyId), sql`${recertifications.effectiveOn} desc`);
  return new Map(rows.map(({ tenancyId, ...r }) => [tenancyId, r]));
}

/** When `period` was closed, or null while it is open. */
export async function periodClosedAt(db: Db, period: string): Promise<Date | null> {
  const [row] = await db
    .select({ closedAt: ledgerPeriods.closedAt })
    .from(ledgerPeriods)
    .where(eq(ledgerPeriods.period, period));
  return row?.closedAt ?? null;
}

/** Close `period`; false when it was closed already. */
export async function closePeriodRow(db: Db, period: string, closedBy: string, at: Date) {
  const rows = await db
    .insert(ledgerPeriods)
    .values({ period, closedAt: at, closedBy })
    .onConflictDoUpdate({
      target: ledgerPeriods.period,
      set: { closedAt: at, closedBy },
      setWhere: sql`${ledgerPeriods.closedAt} is null`,
    })
    .returning({ period: ledgerPeriods.period });
  return rows.length === 1;
}

export async function listClosedPeriods(db: Db) {
  return db
    .select({ period: ledgerPeriods.period, closedAt: ledgerPeriods.closedAt })
    .from(ledgerPeriods)
    .where(sql`${ledgerPeriods.closedAt} is not null`)
    .orderBy(asc(ledgerPeriods.period));
}

/** The tenancies a charge run for a month considers: those in scope that ran in it. */
export async function tenanciesRunningIn(db: Db, first: string, last: string) {
  return db
    .select({
      id: tenancies.id,
      startOn: tenancies.startOn,
      endOn: tenancies.endOn,
      endedOn: tenancies.endedOn,
      status: tenancies.status,
      rentCents: tenancies.rentCents,
      serviceChargeCents: tenancies.serviceChargeCents,
    })
    .from(tenancies)
    .where(
      and(
        inArray(tenancies.status, ["active", "ended"]),
        sql`${tenancies.startOn} <= ${last}`,
        sql`coalesce(${tenancies.endedOn}, ${tenancies.endOn}, ${last}) >= ${first}`,
      ),
    );
}

/** Insert the month's charges; a charge already there (same tenancy, month, kind) is left as it is. */
export async function insertChargesIfAbsent(db: Db, rows: (typeof charges.$inferInsert)[]) {
  if (rows.length === 0) return 0;
  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await db
      .insert(charges)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing({ target: [charges.tenancyId, charges.period, charges.kind] })
      .returning({ id: charges.id });
    created += inserted.length;
  }
  return created;
}

export async function insertChargeRun(db: Db, values: typeof chargeRuns.$inferInsert) {
  const [row] = await db.insert(chargeRuns).values(values).returning({ id: chargeRuns.id });
  if (row === undefined) throw new Error("charge run not inserted");
  return row.id;
}

export function listChargeRuns(db: Db) {
  return db
    .select({
      id: chargeRuns.id,
      period: chargeRuns.period,
      organisationCode: organisations.code,
      runAt: chargeRuns.runAt,
      created: chargeRuns.created,
      unchanged: chargeRuns.unchanged,
    })
    .from(chargeRuns)
    .innerJoin(organisations, eq(organisations.id, chargeRuns.organisationId))
    .orderBy(sql`${chargeRuns.runAt} desc`)
    .limit(100);
}

export type BankLineValues = {
  lineNo: number;
  bookedOn: string;
  amountCents: number;
  payer: string;
  remittance: string;
  bankReference: string;
  tenancyId: string | null;
  matchedBy: readonly string[];
  note: string;
};

/**
 * Insert a statement's lines in one statement, each column one array parameter (unnest): a 50,000-line
 * statement would otherwise be a query of half a million parameters built row by row. Returns the
 * new ids by line number.
 */
export async function insertBankLineRows(
  db: Db,
  importId: string,
  organisationId: string,
  rows: readonly BankLineValues[],
): Promise<Map<number, string>> {
  if (rows.length === 0) return new Map();
  const inserted = (
    (await db.execute(sql`
      insert into bank_lines (import_id, organisation_id, line_no, booked_on, amount_cents, payer, remittance,
                              bank_reference, status, tenancy_id, matched_by, note)
      select ${importId}::uuid, ${organisationId}::uuid, r.line_no, r.booked_on, r.amount_cents, r.payer,
             r.remittance, r.bank_reference,
             case when r.tenancy_id is null then 'unmatched' else 'matched' end,
             r.tenancy_id, coalesce(string_to_array(nullif(r.matched_by, ''), ','), '{}'), r.note
      from unnest(
        ${sql.param(rows.map((r) => r.lineNo))}::int[],
        ${sql.param(rows.map((r) => r.bookedOn))}::date[],
        ${sql.param(rows.map((r) => r.amountCents))}::bigint[],
        ${sql.param(rows.map((r) => r.payer))}::text[],
        ${sql.param(rows.map((r) => r.remittance))}::text[],
        ${sql.param(rows.map((r) => r.bankReference))}::text[],
        ${sql.param(rows.map((r) => r.tenancyId))}::uuid[],
        ${sql.param(rows.map((r) => r.matchedBy.join(",")))}::text[],
        ${sql.param(rows.map((r) => r.note))}::text[]
      ) as r(line_no, booked_on, amount_cents, payer, remittance, bank_reference, tenancy_id, matched_by, note)
      returning id, line_no`)) as unknown as { rows: { id: string; line_no: number }[] }
  ).rows;
  return new Map(inserted.map((r) => [Number(r.line_no), r.id]));
}

export type PaymentValues = {
  tenancyId: string;
  amountCents: number;
  paidOn: string;
  reference: string;
  payer: string;
  bankLineId: string;
};

/** Book matched statement lines as bank-transfer payments, in one statement (unnest). */
export async function insertBankPaymentRows(
  db: Db,
  recordedBy: string,
  at: Date,
  rows: readonly PaymentValues[],
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into payments (tenancy_id, amount_cents, paid_on, method, reference, payer, bank_line_id, recorded_by, created_at)
    select r.tenancy_id, r.amount_cents, r.paid_on, 'bank_transfer', r.reference, r.payer, r.bank_line_id,
           ${recordedBy}::uuid, ${at.toISOString()}::timestamptz
    from unnest(
      ${sql.param(rows.map((r) => r.tenancyId))}::uuid[],
      ${sql.param(rows.map((r) => r.amountCents))}::bigint[],
      ${sql.param(rows.map((r) => r.paidOn))}::date[],
      ${sql.param(rows.map((r) => r.reference))}::text[],
      ${sql.param(rows.map((r) => r.payer))}::text[],
      ${sql.param(rows.map((r) => r.bankLineId))}::uuid[]
    ) as r(tenancy_id, amount_cents, paid_on, reference, payer, bank_line_id)`);
}
