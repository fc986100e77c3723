// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.ts";
import { arrearsCases, households, tasks, tenancies, users } from "../db/schema.ts";
import { isUuid } from "../households/households.repository.ts";

// Tasks follow the household: row-level security shows a partner only its own households' tasks.

const assignee = alias(users, "assignee");

const taskColumns = {
  id: tasks.id,
  kind: tasks.kind,
  title: tasks.title,
  detail: tasks.detail,
  dueOn: tasks.dueOn,
  status: tasks.status,
  householdId: tasks.householdId,
  householdReference: households.reference,
  caseId: tasks.arrearsCaseId,
  tenancyId: arrearsCases.tenancyId,
  tenancyReference: tenancies.reference,
  assigneeId: tasks.assigneeId,
  assigneeName: assignee.name,
  createdAt: tasks.createdAt,
  doneAt: tasks.doneAt,
  outcome: tasks.outcome,
};

const selectTasks = (db: Db) =>
  db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(households, eq(households.id, tasks.householdId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .leftJoin(arrearsCases, eq(arrearsCases.id, tasks.arrearsCaseId))
    .leftJoin(tenancies, eq(tenancies.id, arrearsCases.tenancyId));

export type TaskRow = Awaited<ReturnType<typeof listTaskRows>>[number];

/** Tasks by due date, the soonest first; of one assignee, status or case when given. */
export function listTaskRows(db: Db, filter: { assigneeId?: string; status?: string; caseId?: string }) {
  const conditions: SQL[] = [];
  if (filter.assigneeId !== undefined) conditions.push(eq(tasks.assigneeId, filter.assigneeId));
  if (filter.status !== undefined) conditions.push(eq(tasks.status, filter.status));
  if (filter.caseId !== undefined) conditions.push(eq(tasks.arrearsCaseId, filter.caseId));
  return selectTasks(db)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt), asc(tasks.id));
}

export async function findTaskRow(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await selectTasks(db).where(eq(tasks.id, id));
  return row ?? null;
}

export async function insertTaskRow(db: Db, values: typeof tasks.$inferInsert) {
  const [row] = await db.insert(tasks).values(values).returning({ id: tasks.id });
  if (row === undefined) throw new Error("task not inserted");
  return row.id;
}

/** Mark an open task done with its outcome; false when it was no longer open. */
export async function completeTaskRow(
  db: Db,
  id: string,
  values: { doneAt: Date; doneBy: string; outcome: string },
) {
  const rows = await db
    .update(tasks)
    .set({ ...values, status: "done" })
    .where(and(eq(tasks.id, id), eq(tasks.status, "open")))
    .returning({ id: tasks.id });
  return rows.length === 1;
}

/** Cancel the open tasks of a closed case. */
export async function cancelCaseTaskRows(
  db: Db,
  caseId: string,
  values: { doneAt: Date; doneBy: string; outcome: string },
) {
  await db
    .update(tasks)
    .set({ ...values, status: "cancelled" })
    .where(and(eq(tasks.arrearsCaseId, caseId), eq(tasks.status, "open")));
}
