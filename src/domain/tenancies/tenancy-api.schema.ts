// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { WARNING_KINDS } from "../ledger/account.ts";
import { ContractType, Signatory, TENANCY_STATUSES } from "./tenancy.schema.ts";

const isoDate = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const reason = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(3, { error: `${field} is required (at least 3 characters)` })
    .max(2000);

export const TenancyStatus = z.enum(TENANCY_STATUSES);

export const TenancyListQuery = z.object({
  status: TenancyStatus.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TenancyListQuery = z.infer<typeof TenancyListQuery>;

export const TenancySummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: TenancyStatus,
  contractType: ContractType.nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  rentCents: z.number().int(),
  serviceChargeCents: z.number().int(),
  unit: z.object({ id: z.uuid(), code: z.string(), address: z.string(), category: z.string() }),
  household: z.object({ id: z.uuid(), reference: z.string() }),
  partnerCode: z.string().nullable(),
});
export type TenancySummary = z.infer<typeof TenancySummary>;

export const TenancyList = z.object({ items: z.array(TenancySummary), total: z.number().int() });
export type TenancyList = z.infer<typeof TenancyList>;

export const TenancyDocumentInfo = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sharedWithTenant: z.boolean(),
  uploadedAt: z.string(),
});

export const RecertificationInfo = z.object({
  id: z.uuid(),
  effectiveOn: z.string(),
  incomeCents: z.number().int(),
  iseeCents: z.number().int().nullable(),
  previousIncomeCents: z.number().int().nullable(),
  previousRentCents: z.number().int(),
  newRentCents: z.number().int(),
  basis: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type RecertificationInfo = z.infer<typeof RecertificationInfo>;

export const Tenancy = TenancySummary.extend({
  version: z.number().int(),
  offerId: z.uuid().nullable(),
  renewalMonths: z.number().int(),
  noticeMonths: z.number().int(),
  depositCents: z.number().int(),
  rentBasis: z.record(z.string(), z.unknown()).nullable(),
  signatories: z.array(Signatory),
  unitSurfaceM2: z.number(),
  /** The unit's monthly cap for a capped lease; null for fragilità. */
  capMonthlyCents: z.number().int().nullable(),
  activatedAt: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  documents: z.array(TenancyDocumentInfo),
  recertifications: z.array(RecertificationInfo),
});
export type Tenancy = z.infer<typeof Tenancy>;

export const TenancyCreate = z.object({
  unitId: z.string({ error: "unitId is required" }).min(1, { error: "unitId is required" }),
  householdId: z.string({ error: "householdId is required" }).min(1, { error: "householdId is required" }),
});
export type TenancyCreate = z.infer<typeof TenancyCreate>;

export const TenancyActivate = z.object({ version: z.number().int() });
export const TenancyEnd = z.object({
  version: z.number().int(),
  endedOn: isoDate("endedOn"),
  reason: reason("reason"),
});
export type TenancyEnd = z.infer<typeof TenancyEnd>;

export const RecertificationInput = z.object({
  effectiveOn: isoDate("effectiveOn"),
  annualIncomeCents: z
    .number({ error: "annualIncomeCents must be a whole number of cents" })
    .int({ error: "annualIncomeCents must be a whole number of cents" })
    .min(0, { error: "annualIncomeCents cannot be negative" })
    .max(10_000_000_00, { error: "annualIncomeCents is too large" }),
  iseeCents: z.number().int().min(0, { error: "iseeCents cannot be negative" }).nullable().default(null),
  sharePercent: z
    .number()
    .min(0, { error: "sharePercent must be from 0 to 30" })
    .max(30, { error: "sharePercent must be from 0 to 30" })
    .optional(),
});
export type RecertificationInput = z.infer<typeof RecertificationInput>;

// The ledger of one tenancy.
export const LedgerEntry = z.object({
  kind: z.enum(["charge", "payment", "write_off"]),
  id: z.string(),
  on: z.string(),
  label: z.string(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  balanceCents: z.number().int(),
  noticeNumber: z.string().nullable(),
});
/** What is owed by how long past due (AGEING_BUCKETS), and what is not due yet. */
export const Ageing = z.object({
  d0_30: z.number().int(),
  d31_60: z.number().int(),
  d61_90: z.number().int(),
  d90_plus: z.number().int(),
  overdueCents: z.number().int(),
  notDueCents: z.number().int(),
});
export const WarningInfo = z.object({ kind: z.enum(WARNING_KINDS), since: z.string(), detail: z.string() });
export const TenancyLedger = z.object({
  tenancyId: z.uuid(),
  reference: z.string(),
  balanceCents: z.number().int(),
  chargedCents: z.number().int(),
  paidCents: z.number().int(),
  writtenOffCents: z.number().int(),
  ageing: Ageing,
  warnings: z.array(WarningInfo),
  entries: z.array(LedgerEntry),
  openCharges: z.array(
    z.object({
      id: z.string(),
      period: z.string(),
      kind: z.string(),
      dueOn: z.string(),
      amountCents: z.number().int(),
      outstandingCents: z.number().int(),
      noticeNumber: z.string().nullable(),
    }),
  ),
});
export type TenancyLedger = z.infer<typeof TenancyLedger>;
