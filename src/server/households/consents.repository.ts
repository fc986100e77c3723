// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ConsentPurpose } from "../../domain/households/consent.schema.ts";
import type { Db } from "../db/client.ts";
import { householdConsents, users } from "../db/schema.ts";

const recorder = alias(users, "recorder");
const withdrawer = alias(users, "withdrawer");

const consentColumns = {
  id: householdConsents.id,
  householdId: householdConsents.householdId,
  purpose: householdConsents.purpose,
  givenOn: householdConsents.givenOn,
  recordedAt: householdConsents.recordedAt,
  withdrawnOn: householdConsents.withdrawnOn,
  withdrawnAt: householdConsents.withdrawnAt,
  note: householdConsents.note,
};

/** A consent as stored, with who recorded and withdrew it (null when the caller does not see them). */
export type ConsentRow = Awaited<ReturnType<typeof listConsentRows>>[number];

function selectConsentRows(db: Db) {
  return db
    .select({
      ...consentColumns,
      recordedByName: recorder.name,
      recordedByRole: recorder.role,
      withdrawnByName: withdrawer.name,
      withdrawnByRole: withdrawer.role,
    })
    .from(householdConsents)
    .leftJoin(recorder, eq(recorder.id, householdConsents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, householdConsents.withdrawnBy));
}

/** The consents of a household, oldest first. */
export async function listConsentRows(db: Db, householdId: string) {
  return selectConsentRows(db)
    .where(eq(householdConsents.householdId, householdId))
    .orderBy(asc(householdConsents.recordedAt), asc(householdConsents.id));
}

export async function findConsentRow(db: Db, householdId: string, consentId: string) {
  const [row] = await selectConsentRows(db).where(
    and(eq(householdConsents.householdId, householdId), eq(householdConsents.id, consentId)),
  );
  return row ?? null;
}

export async function insertConsentRow(
  db: Db,
  values: {
    householdId: string;
    purpose: ConsentPurpose;
    givenOn: string;
    recordedBy: string;
    recordedAt: Date;
    note: string;
  },
) {
  const [row] = await db.insert(householdConsents).values(values).returning(consentColumns);
  return row as NonNullable<typeof row>;
}

/**
 * Withdraw a consent still in force; null when it no longer is. The row comes from the update itself:
 * withdrawing `processing` hides the household, and the consent with it, from the caller at once.
 */
export async function withdrawConsentRow(
  db: Db,
  id: string,
  withdrawal: { withdrawnOn: string; withdrawnBy: string; withdrawnAt: Date; note: string },
) {
  const [row] = await db
    .update(householdConsents)
    .set(withdrawal)
    .where(and(eq(householdConsents.id, id), isNull(householdConsents.withdrawnOn)))
    .returning(consentColumns);
  return row ?? null;
}
