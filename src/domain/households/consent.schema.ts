// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";

/*
 * Consent records of a household (consensi): what the household agreed to, when, who recorded it,
 * and when it was withdrawn. Withdrawing `processing` hides the whole record from everyone but the
 * Comune's data-protection role; withdrawing `special_categories` hides the special-category fields;
 * withdrawing `follow_up_contact` means no contact after exit.
 */

export const CONSENT_PURPOSES = ["processing", "special_categories", "follow_up_contact"] as const;
/** Trattamento dei dati per il percorso, dati di categorie particolari, contatti dopo l'uscita. */
export const ConsentPurpose = z.enum(CONSENT_PURPOSES, {
  error: `Unknown purpose: use ${CONSENT_PURPOSES.join(", ")}`,
});
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Note = z.string().trim().max(2000, { error: "Note: at most 2000 characters" }).default("");

/** `POST /households/{id}/consents`: the household gives consent for a purpose on a date. */
export const ConsentGrant = z.object({
  purpose: ConsentPurpose,
  givenOn: IsoDate,
  note: Note,
});
export type ConsentGrant = z.infer<typeof ConsentGrant>;

/** `POST /households/{id}/consents/{consentId}/withdraw`: the household withdraws it. */
export const ConsentWithdrawal = z.object({ withdrawnOn: IsoDate, note: Note });
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

/** A consent record as the API returns it. */
export const ConsentRecord = z.object({
  id: z.uuid(),
  purpose: ConsentPurpose,
  givenOn: IsoDate,
  /** Name of the person who recorded it. */
  recordedBy: z.string().nullable(),
  /** ISO date-time. */
  recordedAt: z.string(),
  withdrawnOn: IsoDate.nullable(),
  withdrawnRecordedBy: z.string().nullable(),
  note: z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const ConsentList = z.object({ items: z.array(ConsentRecord) });

/** The purposes a household's consents currently cover: given and not withdrawn. */
export function consentsInForce(records: readonly { purpose: ConsentPurpose; withdrawnOn: string | null }[]) {
  return new Set(records.filter((r) => r.withdrawnOn === null).map((r) => r.purpose));
}

/** A purpose the household withdrew: it has consent records for it, and none in force. */
export function consentWithdrawn(
  records: readonly { purpose: ConsentPurpose; withdrawnOn: string | null }[],
  purpose: ConsentPurpose,
) {
  return records.some((r) => r.purpose === purpose) && !consentsInForce(records).has(purpose);
}

/** A consent is recorded once given: not on a day still to come. */
export function consentGrantProblems(grant: ConsentGrant, today: string): FieldIssue[] {
  return grant.givenOn > today
    ? [{ path: "givenOn", message: "The consent cannot be given on a day still to come" }]
    : [];
}

/** A withdrawal comes after the consent it withdraws, and not on a day still to come. */
export function consentWithdrawalProblems(
  consent: { givenOn: string },
  withdrawal: ConsentWithdrawal,
  today: string,
): FieldIssue[] {
  if (withdrawal.withdrawnOn > today)
    return [{ path: "withdrawnOn", message: "The withdrawal cannot be on a day still to come" }];
  if (withdrawal.withdrawnOn < consent.givenOn)
    return [
      {
        path: "withdrawnOn",
        message: `The withdrawal cannot come before the consent was given (${consent.givenOn})`,
      },
    ];
  return [];
}
