// SPDX-License-Identifier: EUPL-1.2
import {
  type ConsentGrant,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentWithdrawal,
  consentGrantProblems,
  consentWithdrawalProblems,
} from "../../domain/households/consent.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import {
  type ConsentRow,
  findConsentRow,
  insertConsentRow,
  listConsentRows,
  withdrawConsentRow,
} from "./consents.repository.ts";
import { isUuid } from "./households.repository.ts";
import { findHouseholdOrFail, romeDate } from "./households.service.ts";

/*
 * A household's consents (consensi). Recording one, or its withdrawal, is `consents:write`; the
 * database keeps the household's withdrawal flags, which hide it (processing) or its special
 * categories from everyone but the data-protection role.
 */

type ConsentFields = Pick<ConsentRow, "id" | "purpose" | "givenOn" | "recordedAt" | "withdrawnOn" | "note">;

const toConsentRecord = (
  row: ConsentFields,
  names: { recordedBy: string | null; withdrawnBy: string | null },
): ConsentRecord => ({
  id: row.id,
  purpose: row.purpose as ConsentPurpose,
  givenOn: row.givenOn,
  recordedBy: names.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
  withdrawnOn: row.withdrawnOn,
  withdrawnRecordedBy: names.withdrawnBy,
  note: row.note,
});

/** What a consent use case answers: the record, and the household it is filed under. */
type ConsentResult<T> = { householdId: string; result: T };

export async function listConsents(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
}): Promise<ConsentResult<{ items: ConsentRecord[] }>> {
  const { db, actor, idOrReference } = options;
  const household = await findHouseholdOrFail(db, actor, idOrReference);
  const rows = await listConsentRows(db, household.id);
  const items = rows.map((r) =>
    toConsentRecord(r, { recordedBy: r.recordedByName, withdrawnBy: r.withdrawnByName }),
  );
  return { householdId: household.id, result: { items } };
}

export async function grantConsent(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: ConsentGrant;
  now: Date;
}): Promise<ConsentResult<ConsentRecord>> {
  const { db, actor, idOrReference, input, now } = options;
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    const issues = consentGrantProblems(input, romeDate(now));
    if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The consent breaks a rule", issues);
    const row = await insertConsentRow(tx, {
      householdId: household.id,
      purpose: input.purpose,
      givenOn: input.givenOn,
      recordedBy: actor.userId,
      recordedAt: now,
      note: input.note,
    });
    return {
      householdId: household.id,
      result: toConsentRecord(row, { recordedBy: actor.name, withdrawnBy: null }),
    };
  });
}

/**
 * The household withdraws a consent. Withdrawing `processing` hides the household from the caller
 * (unless data protection) as the row is written: the answer is made of what was read before and
 * what the update returned, never read again.
 */
export async function withdrawConsent(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  consentId: string;
  input: ConsentWithdrawal;
  now: Date;
}): Promise<ConsentResult<ConsentRecord>> {
  const { db, actor, idOrReference, consentId, input, now } = options;
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    const consent = isUuid(consentId) ? await findConsentRow(tx, household.id, consentId) : null;
    if (consent === null) throw new AppError("NOT_FOUND", `No consent "${consentId}" of this household`);
    if (consent.withdrawnOn !== null) {
      throw fieldError(
        "CONFLICT",
        "withdrawnOn",
        `The consent was already withdrawn on ${consent.withdrawnOn}`,
      );
    }
    const issues = consentWithdrawalProblems(consent, input, romeDate(now));
    if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The withdrawal breaks a rule", issues);
    const row = await withdrawConsentRow(tx, consent.id, {
      withdrawnOn: input.withdrawnOn,
      withdrawnBy: actor.userId,
      withdrawnAt: now,
      // One note per consent: the withdrawal's follows the consent's.
      note: [consent.note, input.note].filter((n) => n !== "").join("\n"),
    });
    if (row === null) throw fieldError("CONFLICT", "withdrawnOn", "The consent was withdrawn meanwhile");
    return {
      householdId: household.id,
      result: toConsentRecord(row, { recordedBy: consent.recordedByName, withdrawnBy: actor.name }),
    };
  });
}
