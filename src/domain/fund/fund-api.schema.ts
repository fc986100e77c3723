// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { FUND_ENTRY_KINDS, FUND_ENTRY_STATUSES } from "./fund.ts";

export const FundEntryView = z.object({
  id: z.uuid(),
  kind: z.enum(FUND_ENTRY_KINDS),
  status: z.enum(FUND_ENTRY_STATUSES),
  amountCents: z.number().int(),
  entryOn: z.iso.date(),
  counterpart: z.string(),
  description: z.string(),
  /** The decision that approved it, as "n. 3". */
  decisionId: z.uuid().nullable(),
  decisionNumber: z.number().int().nullable(),
  organisationCode: z.string(),
});
export type FundEntryView = z.infer<typeof FundEntryView>;

export const FundLedger = z.object({
  bodyId: z.uuid(),
  bodyName: z.string(),
  municipio: z.number().int(),
  contributionsCents: z.number().int(),
  approvedCents: z.number().int(),
  proposedCents: z.number().int(),
  balanceCents: z.number().int(),
  /** Oldest first. */
  entries: z.array(FundEntryView),
});
export type FundLedger = z.infer<typeof FundLedger>;
