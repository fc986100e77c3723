// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * What a tenant sees of their own tenancy in the portal: the contract and its documents, the account
 * and its payment notices, the manager's notices, contacts and house rules. Nothing of the staff's
 * work (arrears cases, warnings, write-off reasons) is shown here.
 */

export const PortalTenancy = z.object({
  reference: z.string(),
  status: z.string(),
  contractType: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  renewalMonths: z.number().int(),
  noticeMonths: z.number().int(),
  depositCents: z.number().int(),
  rentCents: z.number().int(),
  serviceChargeCents: z.number().int(),
  unit: z.object({ code: z.string(), address: z.string() }),
  signatories: z.array(z.object({ name: z.string(), role: z.string() })),
  manager: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      fileName: z.string(),
      uploadedAt: z.string(),
    }),
  ),
});
export type PortalTenancy = z.infer<typeof PortalTenancy>;

export const PortalAccount = z.object({
  balanceCents: z.number().int(),
  /** Charges not yet settled, each with its pagoPA notice number (avviso di pagamento). */
  notices: z.array(
    z.object({
      period: z.string(),
      kind: z.string(),
      dueOn: z.string(),
      amountCents: z.number().int(),
      outstandingCents: z.number().int(),
      noticeNumber: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  entries: z.array(
    z.object({
      kind: z.enum(["charge", "payment", "write_off"]),
      on: z.string(),
      label: z.string(),
      debitCents: z.number().int(),
      creditCents: z.number().int(),
      balanceCents: z.number().int(),
    }),
  ),
});
export type PortalAccount = z.infer<typeof PortalAccount>;

export const PortalInformation = z.object({
  managerName: z.string().nullable(),
  phone: z.string(),
  email: z.string(),
  officeHours: z.string(),
  address: z.string(),
  houseRules: z.string(),
  notices: z.array(z.object({ id: z.uuid(), title: z.string(), body: z.string(), publishedOn: z.string() })),
});
export type PortalInformation = z.infer<typeof PortalInformation>;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(3, { error: `${field} is required (at least 3 characters)` })
    .max(max);

/**
 * A notice to the organisation's tenants: to all of them, or only to one building's (`buildingCode`)
 * or one unit's (`unitId`, or `unitCode` as the staff know it).
 */
export const NoticeInput = z
  .object({
    title: text("title", 200),
    body: text("body", 5000),
    publishedOn: z.iso.date({ error: "publishedOn must be a date (YYYY-MM-DD)" }),
    buildingCode: z
      .string()
      .trim()
      .min(1, { error: "Write the building's code" })
      .max(50)
      .nullable()
      .default(null),
    unitId: z.uuid({ error: "unitId must be a unit id" }).nullable().default(null),
    unitCode: z.string().trim().min(1, { error: "Write the unit's code" }).max(50).nullable().default(null),
  })
  .refine((n) => n.unitId === null || n.unitCode === null, {
    path: ["unitCode"],
    error: "give the unit by id or by code, not both",
  });
export type NoticeInput = z.infer<typeof NoticeInput>;

export const TenantInformationInput = z.object({
  phone: z.string().trim().max(100).default(""),
  email: z.union([z.literal(""), z.email({ error: "email must be an e-mail address" })]).default(""),
  officeHours: z.string().trim().max(500).default(""),
  address: z.string().trim().max(300).default(""),
  houseRules: z.string().trim().max(20_000).default(""),
});
export type TenantInformationInput = z.infer<typeof TenantInformationInput>;

export const Notice = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  publishedOn: z.string(),
  buildingCode: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  organisationCode: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeList = z.object({ items: z.array(Notice) });
