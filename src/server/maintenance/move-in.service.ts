// SPDX-License-Identifier: EUPL-1.2
import {
  emptyChecklist,
  MoveInChecklist,
  type MoveInInput,
  type MoveInRecord,
  moveInMissing,
  moveInProblems,
} from "../../domain/maintenance/move-in.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { findChecklistRow, findMoveInTenancy, saveChecklistRow } from "./move-in.repository.ts";

/*
 * The move-in checklist (verbale di consegna) of a tenancy: filled in by the managing partner when the
 * household gets the keys, saved as often as needed, completed once every required item is there.
 */

/** Tenancies whose checklist can still change: before and during the tenancy, not after. */
const OPEN_TENANCY: ReadonlySet<string> = new Set(["draft", "active"]);

async function findTenancyOrFail(db: Db, id: string) {
  const tenancy = await findMoveInTenancy(db, id);
  if (tenancy === null) throw new AppError("NOT_FOUND", `No tenancy "${id}"`);
  return tenancy;
}

async function recordOf(
  db: Db,
  tenancy: Awaited<ReturnType<typeof findTenancyOrFail>>,
): Promise<MoveInRecord> {
  const row = await findChecklistRow(db, tenancy.id);
  // A checklist saved by an older version of the form reads with today's defaults for what it lacks.
  const parsed = row === null ? null : MoveInChecklist.safeParse(row.checklist);
  const checklist = parsed?.success ? parsed.data : emptyChecklist();
  return {
    tenancy: {
      id: tenancy.id,
      reference: tenancy.reference,
      status: tenancy.status,
      unit: { id: tenancy.unitId, code: tenancy.unitCode ?? "", address: tenancy.unitAddress ?? "" },
    },
    checklist,
    completedOn: row?.completedOn ?? null,
    recordedBy: row?.recordedByName ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    missing: moveInMissing(checklist),
  };
}

/** The checklist of a tenancy the caller sees (an empty one until somebody fills it in). */
export async function getMoveIn(options: { db: Db; actor: Actor; tenancyId: string }): Promise<MoveInRecord> {
  const { db, tenancyId } = options;
  return recordOf(db, await findTenancyOrFail(db, tenancyId));
}

/**
 * Save the checklist of a draft or active tenancy. With `completedOn` it is completed, which needs every
 * required item (422 naming each one missing); without, it is saved as it is, also after completion
 * (a correction), which then reopens it.
 */
export async function saveMoveIn(options: {
  db: Db;
  actor: Actor;
  tenancyId: string;
  input: MoveInInput;
  now: Date;
}): Promise<MoveInRecord> {
  const { db, actor, tenancyId, input, now } = options;
  const tenancy = await findTenancyOrFail(db, tenancyId);
  if (!OPEN_TENANCY.has(tenancy.status))
    throw new AppError(
      "CONFLICT",
      `The tenancy is ${tenancy.status}: its move-in checklist can no longer change`,
    );
  const issues = moveInProblems(input, romeDate(now));
  if (issues.length > 0)
    throw new AppError("UNPROCESSABLE", "The checklist cannot be saved like this", issues);
  await saveChecklistRow(db, {
    tenancyId: tenancy.id,
    checklist: input.checklist,
    completedOn: input.completedOn,
    recordedBy: actor.userId,
    updatedAt: now,
  });
  return recordOf(db, tenancy);
}
