// SPDX-License-Identifier: EUPL-1.2
import type { z } from "zod";
import type { SpecialCategoryAccess } from "../../domain/households/special-category.ts";
import type { FieldIssue } from "../../domain/shared/issue.ts";
import type {
  InterventionInput,
  InterventionList,
  InterventionRecord,
  InterventionType,
} from "../../domain/support-plans/intervention.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import {
  countInterventionRows,
  findInterventionRow,
  type InterventionRow,
  insertInterventionRow,
  listInterventionRows,
} from "./interventions.repository.ts";
import { fullAccessOrFail, householdCaseOrFail } from "./support-plans.service.ts";

/** Why an intervention cannot be dated `date`: not after `today`, not before the household's referral. */
export function interventionDateProblems(date: string, today: string, referredOn: string): FieldIssue[] {
  if (date > today) return [{ path: "date", message: "An intervention cannot be dated in the future" }];
  if (date < referredOn)
    return [{ path: "date", message: `An intervention cannot come before the referral (${referredOn})` }];
  return [];
}

function toRecord(row: InterventionRow, access: SpecialCategoryAccess): InterventionRecord {
  return {
    id: row.id,
    date: row.date,
    minutes: row.minutes,
    type: row.type as InterventionType,
    staffName: row.staffName,
    note: access === "full" ? row.note : null,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** A page of the household's interventions log (diario), newest first; notes only for its team. */
export async function listInterventions(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  page: { limit: number; offset: number };
}): Promise<{ householdId: string; list: z.infer<typeof InterventionList> }> {
  const { db, actor, idOrReference, page } = options;
  const { household, access } = await householdCaseOrFail(db, actor, idOrReference);
  const [rows, counts] = await inOrder([
    () => listInterventionRows(db, household.id, page),
    () => countInterventionRows(db, household.id),
  ]);
  return { householdId: household.id, list: { items: rows.map((r) => toRecord(r, access)), ...counts } };
}

/** Log an intervention with the household: its team and the Comune's social workers only. */
export async function recordIntervention(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: InterventionInput;
  now: Date;
}): Promise<{ householdId: string; record: InterventionRecord }> {
  const { db, actor, idOrReference, input, now } = options;
  return db.transaction(async (tx) => {
    const { household, access } = await householdCaseOrFail(tx, actor, idOrReference);
    fullAccessOrFail(access, "log interventions");
    // The household entered the programme with its referral, when its record was created.
    const problems = interventionDateProblems(input.date, romeDate(now), romeDate(household.createdAt));
    if (problems.length > 0) throw new AppError("UNPROCESSABLE", "The intervention breaks a rule", problems);
    const id = await insertInterventionRow(tx, {
      ...input,
      householdId: household.id,
      actorId: actor.userId,
      at: now,
    });
    const row = await findInterventionRow(tx, id);
    if (row === null) throw new AppError("NOT_FOUND", "The intervention just logged is not visible");
    return { householdId: household.id, record: toRecord(row, access) };
  });
}
