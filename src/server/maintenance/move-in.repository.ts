// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { moveInChecklists, tenancies, units, users } from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Row-level security gives a tenancy, and so its checklist, to whoever sees its household.

/** A tenancy the caller sees, with its unit; null when not found. */
export async function findMoveInTenancy(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: tenancies.id,
      reference: tenancies.reference,
      status: tenancies.status,
      unitId: tenancies.unitId,
      unitCode: units.code,
      unitAddress: units.address,
    })
    .from(tenancies)
    .leftJoin(units, eq(units.id, tenancies.unitId))
    .where(eq(tenancies.id, id));
  return row ?? null;
}

export async function findChecklistRow(db: Db, tenancyId: string) {
  const [row] = await db
    .select({
      checklist: moveInChecklists.checklist,
      completedOn: moveInChecklists.completedOn,
      recordedByName: users.name,
      updatedAt: moveInChecklists.updatedAt,
    })
    .from(moveInChecklists)
    .leftJoin(users, eq(users.id, moveInChecklists.recordedBy))
    .where(eq(moveInChecklists.tenancyId, tenancyId));
  return row ?? null;
}

/** Write the tenancy's checklist, the first time or over the last one. */
export async function saveChecklistRow(
  db: Db,
  values: {
    tenancyId: string;
    checklist: unknown;
    completedOn: string | null;
    recordedBy: string;
    updatedAt: Date;
  },
) {
  const { tenancyId, ...rest } = values;
  await db
    .insert(moveInChecklists)
    .values(values)
    .onConflictDoUpdate({ target: moveInChecklists.tenancyId, set: rest });
}
