// SPDX-License-Identifier: EUPL-1.2
import { count, desc, eq } from "drizzle-orm";
import type { RunOutcome } from "../../domain/allocation/run-snapshot.ts";
import type { Db } from "../db/client.ts";
import { allocationRuns } from "../db/schema.ts";

export type AllocationRunRow = typeof allocationRuns.$inferSelect;

export async function insertAllocationRunRow(
  db: Db,
  values: {
    rulesVersion: number;
    seed: string;
    inputHash: string;
    snapshot: unknown;
    status: RunOutcome["status"];
    objective: number | null;
    dualBound: number | null;
    result: unknown;
    createdBy: string;
    at: Date;
  },
) {
  const { at, ...rest } = values;
  const [row] = await db
    .insert(allocationRuns)
    .values({ ...rest, createdAt: at })
    .returning();
  return row as AllocationRunRow;
}

/** A page of runs, newest first, with their results (not their snapshots). */
export async function listAllocationRunRows(db: Db, page: { limit: number; offset: number }) {
  return db
    .select({
      id: allocationRuns.id,
      rulesVersion: allocationRuns.rulesVersion,
      seed: allocationRuns.seed,
      inputHash: allocationRuns.inputHash,
      status: allocationRuns.status,
      objective: allocationRuns.objective,
      dualBound: allocationRuns.dualBound,
      result: allocationRuns.result,
      createdAt: allocationRuns.createdAt,
    })
    .from(allocationRuns)
    .orderBy(desc(allocationRuns.createdAt), desc(allocationRuns.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countAllocationRunRows(db: Db) {
  const [row] = await db.select({ total: count() }).from(allocationRuns);
  return row?.total ?? 0;
}

export async function findAllocationRunRow(db: Db, id: string) {
  const [row] = await db.select().from(allocationRuns).where(eq(allocationRuns.id, id)).limit(1);
  return row ?? null;
}
