// SPDX-License-Identifier: EUPL-1.2
import {
  type AccountCharge,
  type AccountCredit,
  type Ageing,
  ageing,
  balanceOf,
  earlyWarnings,
  type OpenCharge,
  settle,
  type Warning,
} from "../ledger/account.ts";
import { daysBetween } from "../ledger/period.ts";

/*
 * Where a tenancy's account stands for arrears work on a day: the balance, the ageing, how late the
 * oldest unpaid charge is, the early warnings; and whether a line waiting in the partner's queue of
 * unmatched bank lines could be its payment.
 */

export type ArrearsPosition = {
  balanceCents: number;
  ageing: Ageing;
  /** Days past due of the oldest unpaid charge; 0 when nothing is overdue. */
  daysOverdue: number;
  /** The oldest unpaid charge's due date, or null. */
  oldestDueOn: string | null;
  warnings: Warning[];
  open: OpenCharge[];
};

export function arrearsPosition(
  account: { charges: readonly AccountCharge[]; credits: readonly AccountCredit[] },
  asOf: string,
  latestRecertification: Parameters<typeof earlyWarnings>[2],
): ArrearsPosition {
  const open = settle(account.charges, account.credits);
  const overdue = open.filter((c) => c.outstandingCents > 0 && daysBetween(c.dueOn, asOf) > 0);
  const oldest = overdue[0];
  return {
    balanceCents: balanceOf(account.charges, account.credits),
    ageing: ageing(open, asOf),
    daysOverdue: oldest ? daysBetween(oldest.dueOn, asOf) : 0,
    oldestDueOn: oldest?.dueOn ?? null,
    warnings: earlyWarnings(open, asOf, latestRecertification),
    open,
  };
}

/** A tenancy is on the arrears list when something is overdue or an early warning is raised. */
export const isInArrearsList = (p: ArrearsPosition) => p.ageing.overdueCents > 0 || p.warnings.length > 0;

export type QueueLine = { amountCents: number; payer: string; remittance: string };

export const QUEUE_EVIDENCE = ["reference", "amount", "payer"] as const;
/** Why an unmatched line could be the tenancy's: its reference quoted, an amount owed, a signatory's name. */
export type QueueEvidence = (typeof QUEUE_EVIDENCE)[number];

/** Lower case, no accents, words of letters and digits. */
const words = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);

/** A name is among a payer's words when all its words are (in any order: "ROSSI MARIO" is Mario Rossi). */
export function nameMatches(name: string, payer: string): boolean {
  const wanted = words(name);
  if (wanted.length === 0) return false;
  const have = new Set(words(payer));
  return wanted.every((w) => have.has(w));
}

/**
 * Why an unmatched line of the partner could be this tenancy's payment: the tenancy's reference in its
 * remittance, an amount equal to an outstanding charge (whole or its unpaid part) or to the overdue
 * balance, or a signatory's name as payer. Empty when nothing points to it.
 */
export function queueEvidence(
  line: QueueLine,
  tenancy: {
    reference: string;
    open: readonly OpenCharge[];
    overdueCents: number;
    signatoryNames: readonly string[];
  },
): QueueEvidence[] {
  const evidence: QueueEvidence[] = [];
  if (line.remittance.toUpperCase().includes(tenancy.reference.toUpperCase())) evidence.push("reference");
  const outstanding = tenancy.open.filter((c) => c.outstandingCents > 0);
  if (
    outstanding.some((c) => c.amountCents === line.amountCents || c.outstandingCents === line.amountCents) ||
    (tenancy.overdueCents > 0 && tenancy.overdueCents === line.amountCents)
  )
    evidence.push("amount");
  if (tenancy.signatoryNames.some((name) => nameMatches(name, line.payer))) evidence.push("payer");
  return evidence;
}

/** The names of a tenancy's signatories, from its stored JSON. */
export function signatoryNames(signatories: unknown): string[] {
  if (!Array.isArray(signatories)) return [];
  return signatories.flatMap((s) =>
    typeof s === "object" && s !== null && typeof (s as { name?: unknown }).name === "string"
      ? [(s as { name: string }).name]
      : [],
  );
}
