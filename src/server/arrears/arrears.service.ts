// SPDX-License-Identifier: EUPL-1.2
import type {
  ArrearsEntry,
  ArrearsList,
  ArrearsListQuery,
  ArrearsSummary,
  ArrearsSummaryQuery,
  CoPaymentList,
} from "../../domain/arrears/arrears-api.schema.ts";
import type { ArrearsStage } from "../../domain/arrears/arrears-policy.ts";
import {
  type ArrearsPosition,
  arrearsPosition,
  isInArrearsList,
  type QueueLine,
  queueEvidence,
  signatoryNames,
} from "../../domain/arrears/arrears-position.ts";
import { arrearsSummary } from "../../domain/arrears/arrears-rates.ts";
import { coPaymentFigures, coPaymentWindow } from "../../domain/arrears/co-payment.ts";
import { AGEING_BUCKETS, type Ageing } from "../../domain/ledger/account.ts";
import { addMonths, firstDayOf, lastDayOf, periodOf } from "../../domain/ledger/period.ts";
import type { Db } from "../db/client.ts";
import { fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { type Account, latestRecertifications, loadAccounts } from "../ledger/ledger.repository.ts";
import {
  listIseeRows,
  listOpenCaseRows,
  listRentBasisRows,
  listUnmatchedLineRows,
} from "./arrears.repository.ts";

/** An account with where it stands for arrears work today. */
export type PositionedAccount = Account & { position: ArrearsPosition; possiblePaymentInQueue: boolean };

/**
 * The accounts in scope (or of `tenancyIds`) with their arrears position on `today`, and whether an
 * unmatched line of the partner's bank queue could be each one's payment.
 */
export async function positionedAccounts(
  db: Db,
  today: string,
  filter: { tenancyIds?: readonly string[] } = {},
): Promise<PositionedAccount[]> {
  const accounts = await loadAccounts(db, filter);
  const ids = accounts.map((a) => a.tenancyId);
  const recertified = await latestRecertifications(db, ids);
  const partners = [...new Set(accounts.flatMap((a) => (a.partnerId ? [a.partnerId] : [])))];
  const lines = new Map<string, QueueLine[]>();
  for (const line of await listUnmatchedLineRows(db, partners)) {
    const list = lines.get(line.organisationId) ?? [];
    list.push(line);
    lines.set(line.organisationId, list);
  }
  return accounts.map((account) => {
    const position = arrearsPosition(account, today, recertified.get(account.tenancyId) ?? null);
    const names = signatoryNames(account.signatories);
    const queue = account.partnerId ? (lines.get(account.partnerId) ?? []) : [];
    const possiblePaymentInQueue = queue.some(
      (line) =>
        queueEvidence(line, {
          reference: account.reference,
          open: position.open,
          overdueCents: position.ageing.overdueCents,
          signatoryNames: names,
        }).length > 0,
    );
    return { ...account, position, possiblePaymentInQueue };
  });
}

const bucketIndex = (bucket: (typeof AGEING_BUCKETS)[number]) => AGEING_BUCKETS.indexOf(bucket);

function matches(entry: ArrearsEntry, query: ArrearsListQuery): boolean {
  if (query.partner && entry.partnerCode !== query.partner.toUpperCase()) return false;
  if (query.category && entry.category !== query.category) return false;
  if (query.bucket) {
    const from = bucketIndex(query.bucket);
    if (!AGEING_BUCKETS.slice(from).some((b) => entry.ageing[b] > 0)) return false;
  }
  if (query.case === "open" && entry.openCase === null) return false;
  if (query.case === "none" && entry.openCase !== null) return false;
  if (query.warning === "true" && entry.warnings.length === 0) return false;
  if (query.warning === "false" && entry.warnings.length > 0) return false;
  if (query.q) {
    const q = query.q.toUpperCase();
    if (![entry.reference, entry.unitCode, entry.householdReference].some((r) => r.toUpperCase().includes(q)))
      return false;
  }
  return true;
}

const emptyAgeing = (): Ageing => ({
  d0_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
  overdueCents: 0,
  notDueCents: 0,
});

/**
 * The arrears list (lista della morosità): the tenancies in scope with something overdue or an early
 * warning, the oldest debt first, with their ageing, warnings, open case and whether a payment may wait
 * in the bank queue.
 */
export async function listArrears(options: {
  db: Db;
  query: ArrearsListQuery;
  now: Date;
}): Promise<ArrearsList> {
  const { db, query, now } = options;
  const today = romeDate(now);
  const accounts = (await positionedAccounts(db, today)).filter((a) => isInArrearsList(a.position));
  const cases = new Map(
    (
      await listOpenCaseRows(
        db,
        accounts.map((a) => a.tenancyId),
      )
    ).map((c) => [c.tenancyId, c]),
  );
  const items = accounts
    .map((a): ArrearsEntry => {
      const open = cases.get(a.tenancyId);
      return {
        tenancyId: a.tenancyId,
        reference: a.reference,
        unitCode: a.unitCode,
        category: a.category,
        partnerCode: a.partnerCode,
        householdId: a.householdId,
        householdReference: a.householdReference,
        balanceCents: a.position.balanceCents,
        ageing: a.position.ageing,
        daysOverdue: a.position.daysOverdue,
        warnings: a.position.warnings,
        openCase: open ? { id: open.id, stage: open.stage as ArrearsStage, openedOn: open.openedOn } : null,
        possiblePaymentInQueue: a.possiblePaymentInQueue,
      };
    })
    .filter((entry) => matches(entry, query))
    .sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        b.ageing.overdueCents - a.ageing.overdueCents ||
        a.reference.localeCompare(b.reference),
    );
  const totals = emptyAgeing();
  for (const entry of items)
    for (const key of Object.keys(totals) as (keyof Ageing)[]) totals[key] += entry.ageing[key];
  return { asOf: today, items, total: items.length, totals };
}

/**
 * Collection and arrears rates over a window of months (default: the last twelve, the current one
 * included) and the ageing, for the programme, by partner and by category.
 */
export async function getArrearsSummary(options: {
  db: Db;
  query: ArrearsSummaryQuery;
  now: Date;
}): Promise<ArrearsSummary> {
  const { db, query, now } = options;
  const today = romeDate(now);
  const to = query.to ?? periodOf(today);
  const from = query.from ?? addMonths(to, -11);
  if (from > to) throw fieldError("INVALID", "from", "The first month cannot come after the last");
  const accounts = await loadAccounts(db);
  const summary = arrearsSummary(accounts, { fromOn: firstDayOf(from), toOn: lastDayOf(to), asOf: today });
  return { from, to, asOf: today, ...summary };
}

type RentBasis = { rule?: string; coPaymentCents?: number; sharePercent?: number };

/**
 * Co-payment monitoring: the fragilità tenancies in scope that run, their co-payment, what was charged
 * and paid over the last six months and the share paid, the lowest share first.
 */
export async function listCoPayments(options: { db: Db; now: Date }): Promise<CoPaymentList> {
  const { db, now } = options;
  const window = coPaymentWindow(romeDate(now));
  const accounts = (await loadAccounts(db)).filter(
    (a) => a.category === "fragilita" && a.status === "active",
  );
  const basis = new Map(
    (
      await listRentBasisRows(
        db,
        accounts.map((a) => a.tenancyId),
      )
    ).map((r) => [r.tenancyId, r.rentBasis as RentBasis | null]),
  );
  const items = accounts
    .map((a) => {
      const rentBasis = basis.get(a.tenancyId) ?? null;
      const figures = coPaymentFigures(
        window,
        a.charges,
        a.credits.filter((c) => c.kind === "payment"),
      );
      return {
        tenancyId: a.tenancyId,
        reference: a.reference,
        unitCode: a.unitCode,
        partnerCode: a.partnerCode,
        householdId: a.householdId,
        householdReference: a.householdReference,
        coPaymentCents: a.rentCents,
        sharePercent:
          rentBasis?.rule === "co_payment" && typeof rentBasis.sharePercent === "number"
            ? rentBasis.sharePercent
            : null,
        ...figures,
      };
    })
    .sort((a, b) => (a.sharePaid ?? 2) - (b.sharePaid ?? 2) || a.reference.localeCompare(b.reference));
  return { from: window.fromPeriod, to: window.toPeriod, items, total: items.length };
}

/** The ISEE that counts for a tenancy's household (see `listIseeRows`). */
export async function iseeOfTenancy(db: Db, tenancyId: string): Promise<number | null> {
  return (await listIseeRows(db, [tenancyId])).get(tenancyId) ?? null;
}
