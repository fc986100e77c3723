// SPDX-License-Identifier: EUPL-1.2
import {
  type ExitDestination,
  type ExitInput,
  type ExitRecord,
  exitProblems,
  type FollowUpInput,
  type FollowUpMonths,
  type FollowUpRecord,
  type FollowUpSituation,
  followUpDueDates,
  followUpProblems,
  hasReturned,
  sustainedAt12Months,
} from "../../domain/households/exit.ts";
import { canMoveHousehold, type HouseholdStatus } from "../../domain/households/household-status.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { updateHouseholdRow } from "../households/households.repository.ts";
import {
  allowedHouseholdTransitions,
  findHouseholdOrFail,
  householdScopeOf,
  insertHouseholdEventFor,
  romeDate,
} from "../households/households.service.ts";
import {
  type ExitRow,
  findExitRow,
  insertExitRow,
  insertFollowUpRows,
  isFollowUpContactWithdrawn,
  listDueFollowUpRows,
  listFollowUpRows,
  updateFollowUpRow,
} from "./exits.repository.ts";
import { closeActivePlanRow } from "./support-plans.repository.ts";

/** Days ahead a follow-up shows as due. */
export const FOLLOW_UP_NOTICE_DAYS = 30;

/** A follow-up that is due soon or overdue and not yet recorded. */
export type DueFollowUp = {
  householdId: string;
  householdReference: string;
  months: FollowUpMonths;
  dueDate: string;
  overdue: boolean;
};

function exitRecord(
  exit: ExitRow,
  followUps: Awaited<ReturnType<typeof listFollowUpRows>>,
  today: string,
): ExitRecord {
  const records: FollowUpRecord[] = followUps.map((f) => ({
    months: f.months as FollowUpMonths,
    dueDate: f.dueDate,
    contactedOn: f.contactedOn,
    situation: f.situation as FollowUpSituation | null,
    note: f.note,
    overdue: f.contactedOn === null && f.dueDate < today,
  }));
  return {
    date: exit.date,
    planned: exit.planned,
    destination: exit.destination as ExitDestination,
    note: exit.note,
    followUps: records,
    returned: hasReturned(records),
    sustainedAt12Months: sustainedAt12Months(records),
  };
}

async function exitOrFail(db: Db, householdId: string) {
  const exit = await findExitRow(db, householdId);
  if (exit === null) throw new AppError("NOT_FOUND", "The household has not exited the programme");
  return exit;
}

/**
 * The household leaves the programme: the exit and its three follow-ups are recorded, its support
 * plan closed and its path moved to "exited", together.
 */
export async function recordExit(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: ExitInput;
  now: Date;
}): Promise<{ householdId: string; exit: ExitRecord }> {
  const { db, actor, idOrReference, input, now } = options;
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    const from = household.status as HouseholdStatus;
    if (!canMoveHousehold(from, "exited")) {
      const allowed = allowedHouseholdTransitions(from, household.suspendedFrom as HouseholdStatus | null);
      throw fieldError(
        "CONFLICT",
        "to",
        `A household cannot go from ${from} to exited; allowed: ${allowed.join(", ") || "none"}`,
      );
    }
    const today = romeDate(now);
    // The household entered the programme with its referral, when its record was created.
    const problems = exitProblems(input, today, romeDate(household.createdAt));
    if (problems.length > 0) throw new AppError("UNPROCESSABLE", "The exit breaks a rule", problems);
    const moved = await updateHouseholdRow(tx, household.id, household.version, {
      status: "exited",
      suspendedFrom: null,
      at: now,
    });
    if (!moved)
      throw fieldError("CONFLICT", "to", "The household was changed by someone else; reload it and retry");
    await insertHouseholdEventFor(tx, {
      householdId: household.id,
      actor,
      from,
      to: "exited",
      note: "",
      at: now,
    });
    const exitId = await insertExitRow(tx, {
      ...input,
      householdId: household.id,
      actorId: actor.userId,
      at: now,
    });
    await insertFollowUpRows(tx, { id: exitId, householdId: household.id }, followUpDueDates(input.date));
    await closeActivePlanRow(tx, household.id, now);
    const exit = await exitOrFail(tx, household.id);
    return { householdId: household.id, exit: exitRecord(exit, await listFollowUpRows(tx, exit.id), today) };
  });
}

/** The household's exit and its follow-ups, as of today in Milan. */
export async function getExit(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  now: Date;
}): Promise<{ householdId: string; exit: ExitRecord }> {
  const { db, actor, idOrReference, now } = options;
  const household = await findHouseholdOrFail(db, actor, idOrReference);
  const exit = await exitOrFail(db, household.id);
  return {
    householdId: household.id,
    exit: exitRecord(exit, await listFollowUpRows(db, exit.id), romeDate(now)),
  };
}

/** Record what a follow-up contact found; refused when the household withdrew consent to it. */
export async function recordFollowUp(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  months: FollowUpMonths;
  input: FollowUpInput;
  now: Date;
}): Promise<{ householdId: string; exit: ExitRecord }> {
  const { db, actor, idOrReference, months, input, now } = options;
  return db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    const exit = await exitOrFail(tx, household.id);
    if (await isFollowUpContactWithdrawn(tx, household.id)) {
      throw new AppError("CONFLICT", "The household withdrew its consent to follow-up contacts");
    }
    const today = romeDate(now);
    const problems = followUpProblems(input, exit.date, today);
    if (problems.length > 0) throw new AppError("UNPROCESSABLE", "The follow-up breaks a rule", problems);
    if (
      !(await updateFollowUpRow(
        tx,
        { exitId: exit.id, months },
        { ...input, actorId: actor.userId, at: now },
      ))
    )
      throw fieldError("NOT_FOUND", "months", `The exit has no follow-up at ${months} months`);
    return { householdId: household.id, exit: exitRecord(exit, await listFollowUpRows(tx, exit.id), today) };
  });
}

/**
 * The follow-ups the caller should make: not recorded, due within the next 30 days or overdue, in
 * the households it may see that did not withdraw their consent to be contacted.
 */
export async function listDueFollowUps(options: {
  db: Db;
  actor: Actor;
  now: Date;
}): Promise<{ items: DueFollowUp[]; total: number }> {
  const { db, actor, now } = options;
  const today = romeDate(now);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + FOLLOW_UP_NOTICE_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await listDueFollowUpRows(db, until, householdScopeOf(actor));
  const items = rows.map((r) => ({
    ...r,
    months: r.months as FollowUpMonths,
    overdue: r.dueDate < today,
  }));
  return { items, total: items.length };
}
