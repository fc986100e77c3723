// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { Period } from "./period.ts";

const cents = (field: string) =>
  z
    .number({ error: `${field} must be a whole number of cents` })
    .int({ error: `${field} must be a whole number of cents` })
    .positive({ error: `${field} must be greater than zero` })
    .max(100_000_000, { error: `${field} is too large` });
const isoDate = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });

export const ChargeRunInput = z.object({ period: Period });
export type ChargeRunInput = z.infer<typeof ChargeRunInput>;
export const ChargeRunResult = z.object({
  id: z.uuid(),
  period: z.string(),
  created: z.number().int(),
  unchanged: z.number().int(),
  createdCents: z.number().int(),
});
export type ChargeRunResult = z.infer<typeof ChargeRunResult>;
export const ChargeRunList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      period: z.string(),
      organisationCode: z.string(),
      runAt: z.string(),
      created: z.number().int(),
      unchanged: z.number().int(),
    }),
  ),
  closedPeriods: z.array(z.object({ period: z.string(), closedAt: z.string() })),
});

export const PAYMENT_METHODS = ["bank_transfer", "pagopa", "cash", "card", "other"] as const;
export const PaymentInput = z.object({
  tenancyId: z
    .string({ error: "tenancyId is required" })
    .trim()
    .min(1, { error: "tenancyId is required" })
    .max(100),
  amountCents: cents("amountCents"),
  paidOn: isoDate("paidOn"),
  method: z.enum(PAYMENT_METHODS, { error: `method must be one of ${PAYMENT_METHODS.join(", ")}` }),
  reference: z.string().trim().max(300).default(""),
  payer: z.string().trim().max(200).default(""),
});
export type PaymentInput = z.infer<typeof PaymentInput>;
export const Payment = z.object({
  id: z.uuid(),
  tenancyId: z.uuid(),
  tenancyReference: z.string(),
  amountCents: z.number().int(),
  paidOn: z.string(),
  method: z.string(),
  reference: z.string(),
  payer: z.string(),
  bankLineId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;

export const WriteOffInput = z.object({
  amountCents: cents("amountCents"),
  writtenOn: isoDate("writtenOn"),
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(3, { error: "reason is required (at least 3 characters)" })
    .max(2000),
});
export type WriteOffInput = z.infer<typeof WriteOffInput>;

export const BankImportResult = z.object({
  id: z.uuid(),
  format: z.enum(["csv", "camt053"]),
  lines: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  debitsSkipped: z.number().int(),
  matchedCents: z.number().int(),
});
export type BankImportResult = z.infer<typeof BankImportResult>;

export const BANK_LINE_STATUSES = ["matched", "unmatched", "assigned", "dismissed"] as const;
export const BankLineQuery = z.object({
  status: z.enum(BANK_LINE_STATUSES).default("unmatched"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type BankLineQuery = z.infer<typeof BankLineQuery>;
export const BankLine = z.object({
  id: z.uuid(),
  importId: z.uuid(),
  fileName: z.string(),
  lineNo: z.number().int(),
  bookedOn: z.string(),
  amountCents: z.number().int(),
  payer: z.string(),
  remittance: z.string(),
  bankReference: z.string(),
  status: z.enum(BANK_LINE_STATUSES),
  tenancyId: z.uuid().nullable(),
  tenancyReference: z.string().nullable(),
  matchedBy: z.array(z.string()),
  note: z.string(),
});
export type BankLine = z.infer<typeof BankLine>;
export const BankLineList = z.object({ items: z.array(BankLine), total: z.number().int() });
export const BankLineAssign = z.object({
  tenancyId: z.string({ error: "tenancyId is required" }).trim().min(1, { error: "tenancyId is required" }),
  note: z.string().trim().max(500).default(""),
});
export const BankLineDismiss = z.object({
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(3, { error: "reason is required (at least 3 characters)" })
    .max(500),
});

export const PagoPaQuery = z.object({ period: Period });
