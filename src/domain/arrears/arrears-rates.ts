// SPDX-License-Identifier: EUPL-1.2
import {
  type AccountCharge,
  type AccountCredit,
  AGEING_BUCKETS,
  type Ageing,
  ageing,
  settle,
} from "../ledger/account.ts";

/*
 * Collection and arrears rates (tasso di riscossione, tasso di morosità) over a window of months, and
 * the ageing of what is owed, for the programme, by partner and by category.
 *
 * The charges of the window are those that fell due in it before `asOf` (strictly: a charge due today
 * is not late yet). Credits settle the oldest charges first, as in the ledger; each charge is then
 * split into what payments settled (collected), what write-offs settled (written off) and what is still
 * outstanding (overdue). So for the window: collected + written off + overdue = charged, and
 * collection rate = collected ÷ charged, arrears rate = overdue ÷ charged.
 */

export type SettledCharge = AccountCharge & {
  paidCents: number;
  writtenOffCents: number;
  outstandingCents: number;
};

const byDue = (a: AccountCharge, b: AccountCharge) =>
  a.dueOn === b.dueOn ? a.kind.localeCompare(b.kind) : a.dueOn < b.dueOn ? -1 : 1;

/**
 * `settle` that says which credits settled each charge: credits in date order settle the charges in
 * due order (the ledger's rule), payments and write-offs counted apart.
 */
export function settleByKind(
  charges: readonly AccountCharge[],
  credits: readonly AccountCredit[],
): SettledCharge[] {
  const queue = [...credits]
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .map((c) => ({ kind: c.kind, left: c.amountCents }));
  let at = 0;
  return [...charges].sort(byDue).map((charge) => {
    let owed = charge.amountCents;
    let paidCents = 0;
    let writtenOffCents = 0;
    while (owed > 0 && at < queue.length) {
      const credit = queue[at] as { kind: AccountCredit["kind"]; left: number };
      const take = Math.min(owed, credit.left);
      if (credit.kind === "payment") paidCents += take;
      else writtenOffCents += take;
      owed -= take;
      credit.left -= take;
      if (credit.left === 0) at += 1;
    }
    return { ...charge, paidCents, writtenOffCents, outstandingCents: owed };
  });
}

export type RateAccount = {
  partnerCode: string | null;
  category: string;
  charges: readonly AccountCharge[];
  credits: readonly AccountCredit[];
};

/** A window of days, both ends included, and the day the figures are taken on. */
export type RateWindow = { fromOn: string; toOn: string; asOf: string };

export type RateRow = {
  /** The partner's code or the category; `total` for the programme. */
  key: string;
  tenancies: number;
  chargedCents: number;
  collectedCents: number;
  writtenOffCents: number;
  overdueCents: number;
  /** collected ÷ charged, 0–1; null when nothing fell due. */
  collectionRate: number | null;
  /** overdue ÷ charged, 0–1; null when nothing fell due. */
  arrearsRate: number | null;
  /** What all the tenancies owe on `asOf` by age, whatever the window. */
  ageing: Ageing;
};

const emptyAgeing = (): Ageing => ({
  d0_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
  overdueCents: 0,
  notDueCents: 0,
});

const emptyRow = (key: string): RateRow => ({
  key,
  tenancies: 0,
  chargedCents: 0,
  collectedCents: 0,
  writtenOffCents: 0,
  overdueCents: 0,
  collectionRate: null,
  arrearsRate: null,
  ageing: emptyAgeing(),
});

const ratio = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/** The window's figures and the ageing of one account on `asOf`. */
export function accountRates(account: Pick<RateAccount, "charges" | "credits">, window: RateWindow) {
  const credits = account.credits.filter((c) => c.on <= window.asOf);
  const settled = settleByKind(account.charges, credits);
  const inWindow = settled.filter(
    (c) => c.dueOn >= window.fromOn && c.dueOn <= window.toOn && c.dueOn < window.asOf,
  );
  const sum = (pick: (c: SettledCharge) => number) => inWindow.reduce((s, c) => s + pick(c), 0);
  return {
    chargedCents: sum((c) => c.amountCents),
    collectedCents: sum((c) => c.paidCents),
    writtenOffCents: sum((c) => c.writtenOffCents),
    overdueCents: sum((c) => c.outstandingCents),
    ageing: ageing(settle(account.charges, credits), window.asOf),
  };
}

function addTo(row: RateRow, figures: ReturnType<typeof accountRates>) {
  row.tenancies += 1;
  row.chargedCents += figures.chargedCents;
  row.collectedCents += figures.collectedCents;
  row.writtenOffCents += figures.writtenOffCents;
  row.overdueCents += figures.overdueCents;
  for (const bucket of AGEING_BUCKETS) row.ageing[bucket] += figures.ageing[bucket];
  row.ageing.overdueCents += figures.ageing.overdueCents;
  row.ageing.notDueCents += figures.ageing.notDueCents;
}

const finish = (row: RateRow): RateRow => ({
  ...row,
  collectionRate: ratio(row.collectedCents, row.chargedCents),
  arrearsRate: ratio(row.overdueCents, row.chargedCents),
});

export const NO_PARTNER = "—";

/** The rates and ageing of the programme, by partner (code) and by category, each sorted by key. */
export function arrearsSummary(accounts: readonly RateAccount[], window: RateWindow) {
  const total = emptyRow("total");
  const partners = new Map<string, RateRow>();
  const categories = new Map<string, RateRow>();
  for (const account of accounts) {
    const figures = accountRates(account, window);
    addTo(total, figures);
    const partner = account.partnerCode ?? NO_PARTNER;
    if (!partners.has(partner)) partners.set(partner, emptyRow(partner));
    addTo(partners.get(partner) as RateRow, figures);
    if (!categories.has(account.category)) categories.set(account.category, emptyRow(account.category));
    addTo(categories.get(account.category) as RateRow, figures);
  }
  const sorted = (rows: Map<string, RateRow>) =>
    [...rows.values()].sort((a, b) => a.key.localeCompare(b.key)).map(finish);
  return { total: finish(total), byPartner: sorted(partners), byCategory: sorted(categories) };
}
