// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * Contractors (imprese) and their registration on a prefecture's white list (elenco dei fornitori,
 * prestatori di servizi ed esecutori di lavori non soggetti a tentativo di infiltrazione mafiosa,
 * L. 190/2012 art. 1 c. 52). The programme takes only contractors whose registration is valid at the
 * time of the works: a works award and the start of a phase are checked against it on their dates.
 */

/**
 * The check digit of a partita IVA from its first 10 digits: odd positions summed, even positions
 * doubled with 9 taken off when above 9, the total's complement to 10.
 */
export function vatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(first10[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** A partita IVA: 11 digits whose last is the check digit of the first 10. */
export function isValidVatNumber(value: string): boolean {
  return /^\d{11}$/.test(value) && vatCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

/**
 * SOA qualification: a category of works (OG1–OG13 general, OS1–OS35 specialist) and its class
 * (I–VIII, with III-bis and IV-bis), as on the SOA certificate: `OG1 III`, `OS28 II`.
 */
export const Qualification = z
  .string({ error: "qualifications must be SOA categories, e.g. OG1 III" })
  .trim()
  .toUpperCase()
  .regex(
    /^(OG(?:[1-9]|1[0-3])|OS(?:[1-9]|[12]\d|3[0-5]|18-[AB]|2-[AB]|12-[AB]))(?: (?:I|II|III|III-BIS|IV|IV-BIS|V|VI|VII|VIII))?$/,
    {
      error: "qualifications must be SOA categories with an optional class, e.g. OG1 III or OS28",
    },
  );

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });

export const WhiteListRegistration = z
  .object({
    /** The prefecture that keeps the list (Prefettura di Milano, …). */
    prefecture: z.string().trim().min(2, { error: "whiteList.prefecture is required" }).max(100),
    registeredOn: day("whiteList.registeredOn"),
    /** Registration lasts twelve months; the contractor asks to renew it before it ends. */
    expiresOn: day("whiteList.expiresOn"),
    /** When the renewal was asked for; asked in time, the registration stays valid until the decision. */
    renewalRequestedOn: day("whiteList.renewalRequestedOn").nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.expiresOn <= r.registeredOn)
      ctx.addIssue({
        code: "custom",
        path: ["expiresOn"],
        message: "whiteList.expiresOn must come after whiteList.registeredOn",
      });
    if (r.renewalRequestedOn !== null && r.renewalRequestedOn < r.registeredOn)
      ctx.addIssue({
        code: "custom",
        path: ["renewalRequestedOn"],
        message: "whiteList.renewalRequestedOn cannot come before whiteList.registeredOn",
      });
  });
export type WhiteListRegistration = z.infer<typeof WhiteListRegistration>;

export const ContractorInput = z.object({
  name: z.string().trim().min(2, { error: "name is required" }).max(200),
  vatNumber: z
    .string({ error: "vatNumber is required" })
    .trim()
    .refine(isValidVatNumber, { error: "vatNumber must be a partita IVA of 11 digits with its check digit" }),
  email: z.union([z.literal(""), z.email({ error: "email must be an e-mail address" })]).default(""),
  phone: z.string().trim().max(50).default(""),
  whiteList: WhiteListRegistration,
  qualifications: z.array(Qualification).max(40).default([]),
});
export type ContractorInput = z.infer<typeof ContractorInput>;

export type RegistrationStatus =
  /** Registered and within its term on that day. */
  | "valid"
  /** Past its term, but renewal was asked for in time: valid until the prefecture decides. */
  | "renewal_pending"
  /** Not registered yet on that day. */
  | "not_yet"
  | "expired";

/** The white-list registration's standing on `on` (YYYY-MM-DD). */
export function registrationStatus(r: WhiteListRegistration, on: string): RegistrationStatus {
  if (on < r.registeredOn) return "not_yet";
  if (on <= r.expiresOn) return "valid";
  if (r.renewalRequestedOn !== null && r.renewalRequestedOn <= r.expiresOn) return "renewal_pending";
  return "expired";
}

export const isRegistrationValid = (r: WhiteListRegistration, on: string): boolean => {
  const status = registrationStatus(r, on);
  return status === "valid" || status === "renewal_pending";
};

/** Days until the registration's term ends (negative once past it): for the expiry warning. */
export function daysToExpiry(r: WhiteListRegistration, today: string): number {
  return Math.round((Date.parse(`${r.expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Why a contractor may not work on `on`, or null when the registration is valid. */
export function registrationProblem(name: string, r: WhiteListRegistration, on: string): string | null {
  switch (registrationStatus(r, on)) {
    case "valid":
    case "renewal_pending":
      return null;
    case "not_yet":
      return `${name} is registered on the white list only from ${r.registeredOn}`;
    case "expired":
      return `${name}'s white-list registration expired on ${r.expiresOn}`;
  }
}
