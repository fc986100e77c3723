// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

export const CONTRACT_TYPES = [
  "calmierato",
  "calmierato_ridotto",
  "ospitalita",
  "comodato",
  "housing_first",
] as const;
/** Contract instrument (seed 000 §4.2.1): capped-rent lease, reduced capped-rent lease, hospitality, free loan, Housing First. */
export const ContractType = z.enum(CONTRACT_TYPES, {
  error: `Unknown contract type: use ${CONTRACT_TYPES.join(", ")}`,
});
export type ContractType = z.infer<typeof ContractType>;

export const TENANCY_STATUSES = ["draft", "active", "ended", "cancelled"] as const;
export type TenancyStatus = (typeof TENANCY_STATUSES)[number];

const isoDate = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const cents = (field: string, max = 100_000_000) =>
  z
    .number({ error: `${field} must be a whole number of cents` })
    .int({ error: `${field} must be a whole number of cents` })
    .min(0, { error: `${field} cannot be negative` })
    .max(max, { error: `${field} is too large` });

export const Signatory = z.object({
  name: z.string({ error: "Name is required" }).trim().min(2, { error: "Name is required" }).max(200),
  role: z.enum(["holder", "co_holder", "guarantor", "partner_representative"], {
    error: "Role must be holder, co_holder, guarantor or partner_representative",
  }),
  fiscalCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{16}$/, { error: "A fiscal code has 16 letters and digits" })
    .optional(),
  signedOn: isoDate("signedOn").optional(),
});
export type Signatory = z.infer<typeof Signatory>;

/** How a fragilità co-payment is set: a share of the household's income agreed in its support plan. */
export const CoPayment = z.object({
  annualIncomeCents: cents("coPayment.annualIncomeCents", 10_000_000_00),
  sharePercent: z
    .number({ error: "coPayment.sharePercent must be a number from 0 to 30" })
    .min(0, { error: "coPayment.sharePercent must be a number from 0 to 30" })
    .max(30, { error: "coPayment.sharePercent must be a number from 0 to 30" }),
});
export type CoPayment = z.infer<typeof CoPayment>;

/** The terms of a tenancy as the property manager fills them in on its draft. */
export const TenancyTerms = z
  .object({
    version: z.number().int(),
    contractType: ContractType,
    startOn: isoDate("startOn"),
    endOn: isoDate("endOn").nullable().default(null),
    renewalMonths: z.number().int().min(0).max(120, { error: "renewalMonths is at most 120" }).default(0),
    noticeMonths: z.number().int().min(0).max(24, { error: "noticeMonths is at most 24" }).default(0),
    depositCents: cents("depositCents"),
    rentCents: cents("rentCents"),
    serviceChargeCents: cents("serviceChargeCents"),
    coPayment: CoPayment.nullable().default(null),
    signatories: z.array(Signatory).min(1, { error: "At least one signatory" }).max(10),
  })
  .superRefine((t, ctx) => {
    if (t.endOn !== null && t.endOn < t.startOn)
      ctx.addIssue({ code: "custom", path: ["endOn"], message: "The end cannot come before the start" });
    if (t.contractType !== "ospitalita" && t.contractType !== "housing_first" && t.endOn === null)
      ctx.addIssue({ code: "custom", path: ["endOn"], message: "A lease or a free loan has an end date" });
  });
export type TenancyTerms = z.infer<typeof TenancyTerms>;
