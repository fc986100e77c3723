// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The community fund of a Municipio network (seed 003): a network is a management body of one Milan
 * Municipio (decision 0022); its fund's ledger takes contributions in and pays expenses out once the
 * network's coordination approved them by one of its decisions. Amounts are integer cents; the fund
 * never pays out more than it holds.
 */

export const FUND_ENTRY_KINDS = ["contribution", "expense"] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];
export const FUND_ENTRY_STATUSES = ["recorded", "proposed", "approved", "rejected"] as const;
export type FundEntryStatus = (typeof FUND_ENTRY_STATUSES)[number];

const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });

/** A contribution in, or an expense proposed: the same fields. */
export const FundEntryInput = z.object({
  amountCents: z
    .number({ error: "amountCents must be a whole number of cents" })
    .int({ error: "amountCents must be a whole number of cents" })
    .min(1, { error: "amountCents must be more than 0" })
    .max(100_000_000, { error: "amountCents: at most 1,000,000.00 EUR" }),
  entryOn: z.iso.date({ error: "entryOn must be a date (YYYY-MM-DD)" }),
  /** Who gave it (a contribution), or whom it pays (an expense). */
  counterpart: text("counterpart", 2, 200),
  description: text("description", 3, 1000),
});
export type FundEntryInput = z.infer<typeof FundEntryInput>;

/** An expense approved by a decision of the network's coordination, or rejected. */
export const ExpenseDecisionInput = z.object({
  outcome: z.enum(["approved", "rejected"], { error: "outcome must be approved or rejected" }),
  /** The decision that approved it (of the network's body); required to approve. */
  decisionId: z.uuid({ error: "decisionId must be an id" }).nullable().default(null),
});
export type ExpenseDecisionInput = z.infer<typeof ExpenseDecisionInput>;

/** The fund's balance: contributions in, less the expenses approved. */
export function fundBalance(
  entries: readonly { kind: FundEntryKind; status: FundEntryStatus; amountCents: number }[],
) {
  let contributionsCents = 0;
  let approvedCents = 0;
  let proposedCents = 0;
  for (const e of entries) {
    if (e.kind === "contribution") contributionsCents += e.amountCents;
    else if (e.status === "approved") approvedCents += e.amountCents;
    else if (e.status === "proposed") proposedCents += e.amountCents;
  }
  return {
    contributionsCents,
    approvedCents,
    proposedCents,
    balanceCents: contributionsCents - approvedCents,
  };
}
