// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type Db, inOrder } from "../db/client.ts";
import { arrearsCases, bankLines, households, recertifications, tenancies } from "../db/schema.ts";

// Every query runs in the caller's scope: row-level security keeps a partner to its own households,
// tenancies and bank lines.

/** The unmatched bank lines waiting in the queues of `organisationIds`. */
export async function listUnmatchedLineRows(db: Db, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      organisationId: bankLines.organisationId,
      amountCents: bankLines.amountCents,
      payer: bankLines.payer,
      remittance: bankLines.remittance,
    })
    .from(bankLines)
    .where(and(eq(bankLines.status, "unmatched"), inArray(bankLines.organisationId, [...organisationIds])));
}

/** The open case of each of `tenancyIds` that has one. */
export async function listOpenCaseRows(db: Db, tenancyIds: readonly string[]) {
  if (tenancyIds.length === 0) return [];
  return db
    .select({
      id: arrearsCases.id,
      tenancyId: arrearsCases.tenancyId,
      stage: arrearsCases.stage,
      openedOn: arrearsCases.openedOn,
    })
    .from(arrearsCases)
    .where(and(eq(arrearsCases.status, "open"), inArray(arrearsCases.tenancyId, [...tenancyIds])));
}

/**
 * The ISEE of each tenancy's household: the latest recertification's when it recorded one, else the
 * household's own.
 */
export async function listIseeRows(db: Db, tenancyIds: readonly string[]) {
  if (tenancyIds.length === 0) return new Map<string, number | null>();
  const [fromHousehold, fromRecertification] = await inOrder([
    () =>
      db
        .select({ tenancyId: tenancies.id, iseeCents: households.iseeCents })
        .from(tenancies)
        .innerJoin(households, eq(households.id, tenancies.householdId))
        .where(inArray(tenancies.id, [...tenancyIds])),
    () =>
      db
        .selectDistinctOn([recertifications.tenancyId], {
          tenancyId: recertifications.tenancyId,
          iseeCents: recertifications.iseeCents,
        })
        .from(recertifications)
        .where(
          and(inArray(recertifications.tenancyId, [...tenancyIds]), isNotNull(recertifications.iseeCents)),
        )
        .orderBy(asc(recertifications.tenancyId), sql`${recertifications.effectiveOn} desc`),
  ]);
  const isee = new Map<string, number | null>(fromHousehold.map((r) => [r.tenancyId, r.iseeCents]));
  for (const r of fromRecertification) isee.set(r.tenancyId, r.iseeCents);
  return isee;
}

/** How the rent of `tenancyIds` was set (the co-payment's basis). */
export async function listRentBasisRows(db: Db, tenancyIds: readonly string[]) {
  if (tenancyIds.length === 0) return [];
  return db
    .select({ tenancyId: tenancies.id, rentBasis: tenancies.rentBasis, status: tenancies.status })
    .from(tenancies)
    .where(inArray(tenancies.id, [...tenancyIds]));
}
