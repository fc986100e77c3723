// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import {
  type ContractorInput,
  daysToExpiry,
  registrationStatus,
  type WhiteListRegistration,
} from "../../domain/works/contractor.ts";
import type { ContractorUpdate, ContractorView } from "../../domain/works/works-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { contractors, organisations } from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";

/** A registration within this many days of its term's end, with no renewal asked for, is flagged. */
export const EXPIRY_WARNING_DAYS = 30;

type ContractorRow = typeof contractors.$inferSelect & { organisationCode: string };

export const registrationOf = (row: typeof contractors.$inferSelect): WhiteListRegistration => ({
  prefecture: row.whiteListPrefecture,
  registeredOn: row.whiteListRegisteredOn,
  expiresOn: row.whiteListExpiresOn,
  renewalRequestedOn: row.whiteListRenewalRequestedOn,
});

export function toContractorView(row: ContractorRow, today: string): ContractorView {
  const whiteList = registrationOf(row);
  const days = daysToExpiry(whiteList, today);
  return {
    id: row.id,
    name: row.name,
    vatNumber: row.vatNumber,
    email: row.email,
    phone: row.phone,
    qualifications: row.qualifications,
    whiteList,
    standing: registrationStatus(whiteList, today),
    daysToExpiry: days,
    expiringSoon: days >= 0 && days <= EXPIRY_WARNING_DAYS && whiteList.renewalRequestedOn === null,
    organisationCode: row.organisationCode,
    version: row.version,
  };
}

const selectContractors = (db: Db) =>
  db
    .select({ ...getTableColumns(contractors), organisationCode: organisations.code })
    .from(contractors)
    .innerJoin(organisations, eq(organisations.id, contractors.organisationId));

export async function listContractors(options: { db: Db; today: string }) {
  const rows = await selectContractors(options.db).orderBy(asc(contractors.name));
  return { items: rows.map((r) => toContractorView(r, options.today)) };
}

export async function findContractor(db: Db, id: string): Promise<ContractorRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectContractors(db).where(eq(contractors.id, id));
  return row ?? null;
}

export async function getContractor(options: { db: Db; id: string; today: string }) {
  const row = await findContractor(options.db, options.id);
  if (row === null) throw new AppError("NOT_FOUND", `No contractor "${options.id}"`);
  return toContractorView(row, options.today);
}

const valuesOf = (input: ContractorInput) => ({
  name: input.name,
  vatNumber: input.vatNumber,
  email: input.email,
  phone: input.phone,
  qualifications: input.qualifications,
  whiteListPrefecture: input.whiteList.prefecture,
  whiteListRegisteredOn: input.whiteList.registeredOn,
  whiteListExpiresOn: input.whiteList.expiresOn,
  whiteListRenewalRequestedOn: input.whiteList.renewalRequestedOn,
});

async function refuseTakenVatNumber(db: Db, vatNumber: string, except: string | null) {
  const [taken] = await db
    .select({ id: contractors.id })
    .from(contractors)
    .where(
      except === null
        ? eq(contractors.vatNumber, vatNumber)
        : and(eq(contractors.vatNumber, vatNumber), sql`${contractors.id} <> ${except}`),
    );
  if (taken !== undefined)
    throw fieldError(
      "CONFLICT",
      "vatNumber",
      `A contractor with partita IVA ${vatNumber} is already registered`,
    );
}

/** Register a contractor for the caller's organisation; a partita IVA is registered once. */
export async function createContractor(options: {
  db: Db;
  actor: Actor;
  input: ContractorInput;
  today: string;
}) {
  const { db, actor, input, today } = options;
  await refuseTakenVatNumber(db, input.vatNumber, null);
  const [row] = await db
    .insert(contractors)
    .values({ ...valuesOf(input), organisationId: actor.organisationId, createdBy: actor.userId })
    .returning({ id: contractors.id });
  return getContractor({ db, id: row?.id as string, today });
}

/**
 * Change a contractor's record (a renewal, new qualifications): only the organisation that registered
 * it, or the Comune. Send the version you read; a stale one gets 409.
 */
export async function updateContractor(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: ContractorUpdate;
  today: string;
}) {
  const { db, id, input, today } = options;
  const current = await findContractor(db, id);
  if (current === null) throw new AppError("NOT_FOUND", `No contractor "${id}"`);
  await refuseTakenVatNumber(db, input.vatNumber, current.id);
  const changed = await db
    .update(contractors)
    .set({ ...valuesOf(input), updatedAt: new Date(), version: sql`${contractors.version} + 1` })
    .where(and(eq(contractors.id, current.id), eq(contractors.version, input.version)))
    .returning({ id: contractors.id });
  if (changed.length === 0) {
    // Row-level security hides the row from an organisation that did not register it.
    if (current.version === input.version)
      throw new AppError(
        "FORBIDDEN",
        "Only the organisation that registered the contractor, or the Comune, changes it",
      );
    throw fieldError(
      "CONFLICT",
      "version",
      `The contractor was changed by someone else (version ${current.version}, you sent ${input.version}); reload it and retry`,
    );
  }
  return getContractor({ db, id: current.id, today });
}
