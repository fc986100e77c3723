// SPDX-License-Identifier: EUPL-1.2
import type { TaskDone, TaskList, TaskListQuery, TaskView } from "../../domain/arrears/arrears-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { type PositionedAccount, positionedAccounts } from "./arrears.service.ts";
import { completeTaskRow, findTaskRow, listTaskRows, type TaskRow } from "./tasks.repository.ts";

/** What a task shows of its case's tenancy today. */
export type TaskPosition = NonNullable<TaskView["arrears"]>;

export const taskPositionOf = (account: PositionedAccount): TaskPosition => ({
  daysOverdue: account.position.daysOverdue,
  overdueCents: account.position.ageing.overdueCents,
  balanceCents: account.position.balanceCents,
  warnings: account.position.warnings.map((w) => w.kind),
});

export function toTask(row: TaskRow, today: string, positions: ReadonlyMap<string, TaskPosition>): TaskView {
  return {
    id: row.id,
    kind: row.kind as TaskView["kind"],
    title: row.title,
    detail: row.detail,
    dueOn: row.dueOn,
    status: row.status as TaskView["status"],
    overdue: row.status === "open" && row.dueOn < today,
    household: { id: row.householdId, reference: row.householdReference },
    caseId: row.caseId,
    tenancyReference: row.tenancyReference,
    arrears: row.tenancyId === null ? null : (positions.get(row.tenancyId) ?? null),
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? "" },
    createdAt: row.createdAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
    outcome: row.outcome,
  };
}

/** The arrears position today of the tenancies the tasks' cases are about. */
async function taskPositions(db: Db, rows: readonly TaskRow[], today: string) {
  const ids = [...new Set(rows.flatMap((r) => (r.tenancyId === null ? [] : [r.tenancyId])))];
  if (ids.length === 0) return new Map<string, TaskPosition>();
  const accounts = await positionedAccounts(db, today, { tenancyIds: ids });
  return new Map(accounts.map((a) => [a.tenancyId, taskPositionOf(a)]));
}

/** The tasks in scope, the caller's only with `mine`, of a status when given; the soonest due first. */
export async function listTasks(options: {
  db: Db;
  actor: Actor;
  query: TaskListQuery;
  now: Date;
}): Promise<TaskList> {
  const { db, actor, query, now } = options;
  const rows = await listTaskRows(db, {
    ...(query.mine ? { assigneeId: actor.userId } : {}),
    ...(query.status ? { status: query.status } : {}),
  });
  const today = romeDate(now);
  const positions = await taskPositions(db, rows, today);
  return { items: rows.map((r) => toTask(r, today, positions)), total: rows.length };
}

/** Mark an open task done, with what came of it. */
export async function completeTask(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: TaskDone;
  now: Date;
}): Promise<TaskView> {
  const { db, actor, id, input, now } = options;
  const row = await findTaskRow(db, id);
  if (row === null) throw new AppError("NOT_FOUND", `No task "${id}"`);
  if (!(await completeTaskRow(db, row.id, { doneAt: now, doneBy: actor.userId, outcome: input.outcome })))
    throw fieldError("CONFLICT", "id", `The task is ${row.status}, not open`);
  const done = (await findTaskRow(db, row.id)) ?? row;
  const today = romeDate(now);
  return toTask(done, today, await taskPositions(db, [done], today));
}
