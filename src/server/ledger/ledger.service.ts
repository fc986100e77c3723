// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { type OpenTenancy, reconcile } from "../../domain/bank/reconcile.ts";
import { parseStatement } from "../../domain/bank/statement.ts";
import { ageing, balanceOf, earlyWarnings, settle } from "../../domain/ledger/account.ts";
import type {
  BankImportResult,
  BankLine,
  BankLineQuery,
  ChargeRunResult,
  Payment,
  PaymentInput,
  WriteOffInput,
} from "../../domain/ledger/ledger-api.schema.ts";
import { addMonths, firstDayOf, lastDayOf, periodOf } from "../../domain/ledger/period.ts";
import { chargesForMonth } from "../../domain/ledger/proration.ts";
import { debtPositionsCsv } from "../../domain/pagopa/debt-positions.ts";
import { noticeNumber } from "../../domain/pagopa/notice.ts";
import type { Signatory } from "../../domain/tenancies/tenancy.schema.ts";
import type { TenancyLedger } from "../../domain/tenancies/tenancy-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import {
  bankImports,
  bankLines,
  charges,
  householdMembers,
  payments,
  tenancies,
  writeOffs,
} from "../db/schema.ts";
import { AppError, fieldError, missingAsField, uniqueViolationOf } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { rowsOf } from "../security/catalogue.ts";
import { findTenancyOrFail } from "../tenancies/tenancies.service.ts";
import {
  closePeriodRow,
  insertBankLineRows,
  insertBankPaymentRows,
  insertChargeRun,
  insertChargesIfAbsent,
  latestRecertifications,
  loadAccounts,
  periodClosedAt,
  tenanciesRunningIn,
} from "./ledger.repository.ts";

/** The Comune as pagoPA creditor: who the month's debt positions are owed to. */
export type PagoPaSettings = { fiscalCode: string; name: string; segregationCode: string; iban: string };

async function openPeriodOrFail(db: Db, period: string, path: string) {
  const closedAt = await periodClosedAt(db, period);
  if (closedAt !== null)
    throw fieldError(
      "CONFLICT",
      path,
      `The month ${period} was closed on ${romeDate(closedAt)}: nothing more is booked in it`,
    );
}

/**
 * Charge a month: rent and service charges of every tenancy in scope that runs in it, prorated for a
 * partial month, with their pagoPA notice numbers. Idempotent: a charge already there is left alone,
 * so a second run of the same month adds nothing.
 */
export async function runCharges(options: {
  db: Db;
  actor: Actor;
  period: string;
  now: Date;
  pagopa: PagoPaSettings;
}): Promise<ChargeRunResult> {
  const { db, actor, period, now, pagopa } = options;
  const today = romeDate(now);
  if (period > addMonths(periodOf(today), 1))
    throw fieldError(
      "UNPROCESSABLE",
      "period",
      `Charges are run at most one month ahead (up to ${addMonths(periodOf(today), 1)})`,
    );
  await openPeriodOrFail(db, period, "period");
  // One run of a month at a time: a second waits, then finds the first's charges and adds nothing.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`charge_run ${period}`}))`);
  const running = await tenanciesRunningIn(db, firstDayOf(period), lastDayOf(period));
  const due = running.flatMap((t) =>
    t.startOn === null
      ? []
      : chargesForMonth(
          {
            startOn: t.startOn,
            lastDay: t.endedOn ?? (t.status === "active" ? null : t.endOn),
            rentCents: t.rentCents,
            serviceChargeCents: t.serviceChargeCents,
          },
          period,
        ).map((line) => ({ ...line, tenancyId: t.id })),
  );
  const existing = new Set(
    (
      await db
        .select({ tenancyId: charges.tenancyId, kind: charges.kind })
        .from(charges)
        .where(
          and(
            eq(charges.period, period),
            inArray(
              charges.tenancyId,
              running.map((t) => t.id).concat(["00000000-0000-0000-0000-000000000000"]),
            ),
          ),
        )
    ).map((c) => `${c.tenancyId} ${c.kind}`),
  );
  const fresh = due.filter((line) => !existing.has(`${line.tenancyId} ${line.kind}`));
  const sequences =
    fresh.length === 0
      ? []
      : (
          await rowsOf<{ n: string | number }>(
            db,
            sql`select nextval('notice_number_seq') as n from generate_series(1, ${fresh.length})`,
          )
        ).map((r) => Number(r.n));
  const runId = await insertChargeRun(db, {
    period,
    organisationId: actor.organisationId,
    runBy: actor.userId,
    runAt: now,
    created: fresh.length,
    unchanged: existing.size,
  });
  const created = await insertChargesIfAbsent(
    db,
    fresh.map((line, i) => ({
      ...line,
      period,
      noticeNumber: noticeNumber(pagopa.segregationCode, sequences[i] as number),
      runId,
      createdAt: now,
    })),
  );
  return {
    id: runId,
    period,
    created,
    unchanged: existing.size,
    createdCents: fresh.reduce((sum, line) => sum + line.amountCents, 0),
  };
}

/** A tenancy's ledger: entries with a running balance, what is still open, ageing and early warnings. */
export async function getTenancyLedger(options: {
  db: Db;
  idOrReference: string;
  now: Date;
}): Promise<TenancyLedger> {
  const { db, idOrReference, now } = options;
  const row = await findTenancyOrFail(db, idOrReference);
  const today = romeDate(now);
  const [account] = await loadAccounts(db, { tenancyIds: [row.id] });
  const paymentRows = await db.select().from(payments).where(eq(payments.tenancyId, row.id));
  const writeOffRows = await db.select().from(writeOffs).where(eq(writeOffs.tenancyId, row.id));
  const chargesOf = account?.charges ?? [];
  const entries = [
    ...chargesOf.map((c) => ({
      kind: "charge" as const,
      id: c.id,
      on: c.dueOn,
      label: `${c.kind} ${c.period}`,
      debitCents: c.amountCents,
      creditCents: 0,
      noticeNumber: c.noticeNumber,
    })),
    ...paymentRows.map((p) => ({
      kind: "payment" as const,
      id: p.id,
      on: p.paidOn,
      label: [p.method, p.reference].filter(Boolean).join(" "),
      debitCents: 0,
      creditCents: p.amountCents,
      noticeNumber: null,
    })),
    ...writeOffRows.map((w) => ({
      kind: "write_off" as const,
      id: w.id,
      on: w.writtenOn,
      label: w.reason,
      debitCents: 0,
      creditCents: w.amountCents,
      noticeNumber: null,
    })),
  ].sort((a, b) => (a.on === b.on ? (a.kind === "charge" ? -1 : 1) : a.on < b.on ? -1 : 1));
  let running = 0;
  const withBalance = entries.map((e) => {
    running += e.debitCents - e.creditCents;
    return { ...e, balanceCents: running };
  });
  const credits = account?.credits ?? [];
  const open = settle(chargesOf, credits);
  const recertification = (await latestRecertifications(db, [row.id])).get(row.id) ?? null;
  return {
    tenancyId: row.id,
    reference: row.reference,
    balanceCents: balanceOf(chargesOf, credits),
    chargedCents: chargesOf.reduce((s, c) => s + c.amountCents, 0),
    paidCents: paymentRows.reduce((s, p) => s + p.amountCents, 0),
    writtenOffCents: writeOffRows.reduce((s, w) => s + w.amountCents, 0),
    ageing: ageing(open, today),
    warnings: earlyWarnings(open, today, recertification),
    entries: withBalance,
    openCharges: open
      .filter((c) => c.outstandingCents > 0)
      .map((c) => ({
        id: c.id,
        period: c.period,
        kind: c.kind,
        dueOn: c.dueOn,
        amountCents: c.amountCents,
        outstandingCents: c.outstandingCents,
        noticeNumber: c.noticeNumber,
      })),
  };
}

const requestHash = (input: PaymentInput) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        input.tenancyId,
        input.amountCents,
        input.paidOn,
        input.method,
        input.reference,
        input.payer,
      ]),
    )
    .digest("hex");

async function paymentById(db: Db, id: string): Promise<Payment> {
  const [row] = await db
    .select({
      id: payments.id,
      tenancyId: payments.tenancyId,
      tenancyReference: tenancies.reference,
      amountCents: payments.amountCents,
      paidOn: payments.paidOn,
      method: payments.method,
      reference: payments.reference,
      payer: payments.payer,
      bankLineId: payments.bankLineId,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .innerJoin(tenancies, eq(tenancies.id, payments.tenancyId))
    .where(eq(payments.id, id));
  if (row === undefined) throw new AppError("NOT_FOUND", `No payment "${id}"`);
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** Check what any payment must be: on a tenancy that ran, not in the future, not in a closed month. */
async function checkPayment(db: Db, input: { tenancyId: string; paidOn: string }, today: string) {
  if (input.paidOn > today)
    throw fieldError(
      "UNPROCESSABLE",
      "paidOn",
      `A payment cannot be dated in the future (today is ${today})`,
    );
  const tenancy = await findTenancyOrFail(db, input.tenancyId).catch(
    missingAsField("tenancyId", `No tenancy "${input.tenancyId}"`),
  );
  if (tenancy.status !== "active" && tenancy.status !== "ended")
    throw fieldError(
      "UNPROCESSABLE",
      "tenancyId",
      `Tenancy ${tenancy.reference} is ${tenancy.status}: it has no rent account`,
    );
  await openPeriodOrFail(db, periodOf(input.paidOn), "paidOn");
  return tenancy;
}

/**
 * Register a payment by hand. With an `Idempotency-Key`, a retry is safe: the same key with the same
 * body gives the same payment (and writes nothing); the same key with another body is refused.
 */
export async function registerPayment(options: {
  db: Db;
  actor: Actor;
  input: PaymentInput;
  idempotencyKey: string | null;
  now: Date;
}): Promise<{ payment: Payment; replayed: boolean }> {
  const { db, actor, input, idempotencyKey, now } = options;
  const hash = requestHash(input);
  const replay = async () => {
    if (idempotencyKey === null) return null;
    const [seen] = await db
      .select({ id: payments.id, requestHash: payments.requestHash })
      .from(payments)
      .where(eq(payments.idempotencyKey, idempotencyKey));
    if (seen === undefined) return null;
    if (seen.requestHash !== hash)
      throw fieldError(
        "UNPROCESSABLE",
        "Idempotency-Key",
        "This Idempotency-Key was used with another request body",
      );
    return { payment: await paymentById(db, seen.id), replayed: true };
  };
  const earlier = await replay();
  if (earlier !== null) return earlier;
  const tenancy = await checkPayment(db, input, romeDate(now));
  // A concurrent retry with the same key waits on the unique key and then inserts nothing.
  const [row] = await db
    .insert(payments)
    .values({
      tenancyId: tenancy.id,
      amountCents: input.amountCents,
      paidOn: input.paidOn,
      method: input.method,
      reference: input.reference,
      payer: input.payer,
      idempotencyKey,
      requestHash: idempotencyKey === null ? null : hash,
      recordedBy: actor.userId,
      createdAt: now,
    })
    .onConflictDoNothing({ target: payments.idempotencyKey })
    .returning({ id: payments.id });
  if (row !== undefined) return { payment: await paymentById(db, row.id), replayed: false };
  const after = await replay();
  if (after === null)
    throw fieldError("UNPROCESSABLE", "Idempotency-Key", "This Idempotency-Key was already used");
  return after;
}

/** Write off part of a tenancy's balance, with the reason (never more than it owes). */
export async function writeOff(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: WriteOffInput;
  now: Date;
}) {
  const { db, actor, idOrReference, input, now } = options;
  if (input.writtenOn > romeDate(now))
    throw fieldError("UNPROCESSABLE", "writtenOn", "A write-off cannot be dated in the future");
  const tenancy = await findTenancyOrFail(db, idOrReference);
  await openPeriodOrFail(db, periodOf(input.writtenOn), "writtenOn");
  const [account] = await loadAccounts(db, { tenancyIds: [tenancy.id] });
  const balance = account ? balanceOf(account.charges, account.credits) : 0;
  if (input.amountCents > balance)
    throw fieldError(
      "UNPROCESSABLE",
      "amountCents",
      `The tenancy owes ${balance} cents: a write-off cannot exceed it`,
    );
  await db
    .insert(writeOffs)
    .values({ tenancyId: tenancy.id, ...input, createdBy: actor.userId, createdAt: now });
  return getTenancyLedger({ db, idOrReference: tenancy.id, now });
}

/** What reconciliation needs of the accounts in scope: references, notices, payers, open amounts. */
export async function openTenanciesForReconciliation(db: Db): Promise<OpenTenancy[]> {
  const accounts = await loadAccounts(db);
  return accounts.map((a) => {
    const open = settle(a.charges, a.credits).filter((c) => c.outstandingCents > 0);
    return {
      tenancyId: a.tenancyId,
      reference: a.reference,
      noticeNumbers: a.charges.map((c) => c.noticeNumber),
      payerNames: (a.signatories as Signatory[]).map((s) => s.name),
      openAmountsCents: open.map((c) => c.outstandingCents),
      balanceCents: balanceOf(a.charges, a.credits),
    };
  });
}

/**
 * Import a bank statement (CSV or camt.053) and reconcile it: all or nothing. A bad line anywhere and
 * nothing is written, the answer listing every problem; the same file twice is refused. Lines matched
 * by reference, amount and payer are booked as payments; the others wait in the queue.
 */
export async function importStatement(options: {
  db: Db;
  actor: Actor;
  file: { name: string; bytes: Uint8Array };
  now: Date;
}): Promise<BankImportResult> {
  const { db, actor, file, now } = options;
  const parsed = parseStatement(file.name, file.bytes);
  if (!parsed.ok)
    throw new AppError("UNPROCESSABLE", "The statement has errors: nothing was imported", parsed.errors);
  const today = romeDate(now);
  const future = parsed.lines.filter((l) => l.bookedOn > today);
  if (future.length > 0)
    throw new AppError(
      "UNPROCESSABLE",
      "The statement has errors: nothing was imported",
      future.map((l) => ({
        path: `line ${l.lineNo}.bookedOn`,
        message: `Booked in the future (${l.bookedOn})`,
      })),
    );
  const periods = [...new Set(parsed.lines.map((l) => periodOf(l.bookedOn)))];
  for (const period of periods) await openPeriodOrFail(db, period, "file");
  const matches = reconcile(parsed.lines, await openTenanciesForReconciliation(db));
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const matched = matches.filter((m) => m.tenancyId !== null);
  try {
    return await db.transaction(async (tx) => {
      const [imported] = await tx
        .insert(bankImports)
        .values({
          organisationId: actor.organisationId,
          fileName: file.name.slice(0, 200),
          format: parsed.format,
          sha256,
          lines: parsed.lines.length,
          matched: matched.length,
          importedBy: actor.userId,
          importedAt: now,
        })
        .returning({ id: bankImports.id });
      const importId = imported?.id as string;
      const lineIds = await insertBankLineRows(
        tx,
        importId,
        actor.organisationId,
        parsed.lines.map((line, i) => {
          const match = matches[i];
          return {
            lineNo: line.lineNo,
            bookedOn: line.bookedOn,
            amountCents: line.amountCents,
            payer: line.payer.slice(0, 300),
            remittance: line.remittance.slice(0, 1000),
            bankReference: line.bankReference.slice(0, 200),
            tenancyId: match?.tenancyId ?? null,
            matchedBy: match?.matchedBy ?? [],
            note: match?.reason.slice(0, 500) ?? "",
          };
        }),
      );
      const booked = parsed.lines.flatMap((line, i) => {
        const tenancyId = matches[i]?.tenancyId;
        return tenancyId
          ? [
              {
                tenancyId,
                amountCents: line.amountCents,
                paidOn: line.bookedOn,
                reference: line.remittance.slice(0, 300),
                payer: line.payer.slice(0, 200),
                bankLineId: lineIds.get(line.lineNo) as string,
              },
            ]
          : [];
      });
      await insertBankPaymentRows(tx, actor.userId, now, booked);
      return {
        id: importId,
        format: parsed.format,
        lines: parsed.lines.length,
        matched: matched.length,
        unmatched: parsed.lines.length - matched.length,
        debitsSkipped: parsed.debitsSkipped,
        matchedCents: booked.reduce((s, p) => s + p.amountCents, 0),
      };
    });
  } catch (e) {
    if (uniqueViolationOf(e)?.includes("bank_imports_file_key"))
      throw fieldError("CONFLICT", "file", "This statement was imported already");
    throw e;
  }
}

const lineColumns = {
  id: bankLines.id,
  importId: bankLines.importId,
  fileName: bankImports.fileName,
  lineNo: bankLines.lineNo,
  bookedOn: bankLines.bookedOn,
  amountCents: bankLines.amountCents,
  payer: bankLines.payer,
  remittance: bankLines.remittance,
  bankReference: bankLines.bankReference,
  status: bankLines.status,
  tenancyId: bankLines.tenancyId,
  tenancyReference: tenancies.reference,
  matchedBy: bankLines.matchedBy,
  note: bankLines.note,
};

const selectLines = (db: Db) =>
  db
    .select(lineColumns)
    .from(bankLines)
    .innerJoin(bankImports, eq(bankImports.id, bankLines.importId))
    .leftJoin(tenancies, eq(tenancies.id, bankLines.tenancyId));

export async function listBankLines(options: { db: Db; query: BankLineQuery }) {
  const { db, query } = options;
  const [items, [total]] = await inOrder([
    () =>
      selectLines(db)
        .where(eq(bankLines.status, query.status))
        .orderBy(asc(bankLines.bookedOn), asc(bankLines.lineNo))
        .limit(query.limit)
        .offset(query.offset),
    () => db.select({ n: count() }).from(bankLines).where(eq(bankLines.status, query.status)),
  ]);
  return { items: items as BankLine[], total: total?.n ?? 0 };
}

async function unmatchedLineOrFail(db: Db, id: string) {
  const [line] = await selectLines(db).where(eq(bankLines.id, id));
  if (line === undefined) throw new AppError("NOT_FOUND", `No statement line "${id}"`);
  if (line.status !== "unmatched")
    throw fieldError("CONFLICT", "status", `The line is ${line.status}, not waiting in the queue`);
  return line;
}

/** Assign a queued line to a tenancy by hand: booked as its payment. */
export async function assignBankLine(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: { tenancyId: string; note: string };
  now: Date;
}) {
  const { db, actor, id, input, now } = options;
  const line = await unmatchedLineOrFail(db, id);
  const tenancy = await checkPayment(
    db,
    { tenancyId: input.tenancyId, paidOn: line.bookedOn },
    romeDate(now),
  );
  await db.transaction(async (tx) => {
    await tx
      .update(bankLines)
      .set({
        status: "assigned",
        tenancyId: tenancy.id,
        resolvedBy: actor.userId,
        resolvedAt: now,
        note: input.note,
      })
      .where(eq(bankLines.id, line.id));
    await tx.insert(payments).values({
      tenancyId: tenancy.id,
      amountCents: line.amountCents,
      paidOn: line.bookedOn,
      method: "bank_transfer",
      reference: line.remittance.slice(0, 300),
      payer: line.payer.slice(0, 200),
      bankLineId: line.id,
      recordedBy: actor.userId,
      createdAt: now,
    });
  });
  const [after] = await selectLines(db).where(eq(bankLines.id, line.id));
  return after as BankLine;
}

/** Take a queued line out of the queue (not a rent payment: a refund, a transfer by mistake…), with why. */
export async function dismissBankLine(options: {
  db: Db;
  actor: Actor;
  id: string;
  reason: string;
  now: Date;
}) {
  const { db, actor, id, reason, now } = options;
  const line = await unmatchedLineOrFail(db, id);
  await db
    .update(bankLines)
    .set({ status: "dismissed", resolvedBy: actor.userId, resolvedAt: now, note: reason })
    .where(eq(bankLines.id, line.id));
  const [after] = await selectLines(db).where(eq(bankLines.id, line.id));
  return after as BankLine;
}

/** The month's charges as pagoPA debt positions (CSV, documented in docs/pagopa-export.md). */
export async function pagoPaExport(options: { db: Db; period: string; pagopa: PagoPaSettings }) {
  const { db, period, pagopa } = options;
  const rows = await db
    .select({
      noticeNumber: charges.noticeNumber,
      tenancyReference: tenancies.reference,
      kind: charges.kind,
      amountCents: charges.amountCents,
      dueOn: charges.dueOn,
      signatories: tenancies.signatories,
      headName: sql<
        string | null
      >`(select m.given_name || ' ' || m.family_name from ${householdMembers} m where m.household_id = ${tenancies.householdId} and m.position = 0)`,
      headFiscalCode: sql<
        string | null
      >`(select m.fiscal_code from ${householdMembers} m where m.household_id = ${tenancies.householdId} and m.position = 0)`,
    })
    .from(charges)
    .innerJoin(tenancies, eq(tenancies.id, charges.tenancyId))
    .where(eq(charges.period, period))
    .orderBy(asc(tenancies.reference), asc(charges.kind));
  const debtorOf = (r: (typeof rows)[number]) => {
    const holder = (r.signatories as Signatory[]).find((s) => s.fiscalCode !== undefined);
    if (holder?.fiscalCode) return { fiscalCode: holder.fiscalCode, name: holder.name };
    return { fiscalCode: r.headFiscalCode ?? "", name: r.headName ?? "" };
  };
  try {
    return debtPositionsCsv({
      creditor: pagopa,
      period,
      charges: rows.map((r) => ({
        noticeNumber: r.noticeNumber,
        tenancyReference: r.tenancyReference,
        kind: r.kind as "rent" | "service",
        amountCents: r.amountCents,
        dueOn: r.dueOn,
        debtor: debtorOf(r),
      })),
    });
  } catch (e) {
    if (e instanceof RangeError) throw fieldError("UNPROCESSABLE", "period", e.message);
    throw e;
  }
}

/** Close a month of the ledger (the Comune's): nothing is booked in it afterwards. */
export async function closePeriod(options: { db: Db; actor: Actor; period: string; now: Date }) {
  const { db, actor, period, now } = options;
  if (period >= periodOf(romeDate(now)))
    throw fieldError("UNPROCESSABLE", "period", "Only a month that is over can be closed");
  if (!(await closePeriodRow(db, period, actor.userId, now)))
    throw fieldError("CONFLICT", "period", `The month ${period} is closed already`);
  return { period, closedAt: now.toISOString() };
}
