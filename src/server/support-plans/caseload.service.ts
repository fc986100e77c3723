// SPDX-License-Identifier: EUPL-1.2
import type {
  Caseload,
  CaseloadEntry,
  PlanGoal,
  TeamMember,
} from "../../domain/support-plans/support-plan.schema.ts";
import { daysBetween } from "../../domain/support-plans/support-plan-review.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { householdScopeOf, romeDate } from "../households/households.service.ts";
import { listCaseloadRows } from "./caseload.repository.ts";

type CaseloadRow = Awaited<ReturnType<typeof listCaseloadRows>>[number];

/**
 * Where one household of `userId`'s caseload stands on `today`. The actions come from the plan's
 * goals, special-category data: when the household withdrew its consent to them, they count none.
 */
export function caseloadEntry(row: CaseloadRow, userId: string, today: string): CaseloadEntry {
  const team = (row.team ?? []) as TeamMember[];
  const goals = row.specialCategoriesWithdrawnAt === null ? ((row.goals ?? []) as PlanGoal[]) : [];
  const open = goals.flatMap((g) => g.actions).filter((a) => a.status === "open");
  return {
    householdId: row.householdId,
    householdReference: row.householdReference,
    headName: row.headName,
    status: row.status,
    teamRole: team.find((m) => m.userId === userId)?.role ?? null,
    nextReviewDate: row.nextReviewDate,
    reviewDaysOverdue: row.nextReviewDate === null ? 0 : Math.max(0, daysBetween(row.nextReviewDate, today)),
    openActions: open.length,
    overdueActions: open.filter((a) => a.dueDate < today).length,
    lastInterventionDate: row.lastInterventionDate,
  };
}

/** Most urgent first: the latest review, then the most overdue actions, then the reference. */
export const byUrgency = (a: CaseloadEntry, b: CaseloadEntry) =>
  b.reviewDaysOverdue - a.reviewDaysOverdue ||
  b.overdueActions - a.overdueActions ||
  a.householdReference.localeCompare(b.householdReference);

/** The households on whose team the caller is (I miei nuclei), most urgent first. */
export async function getCaseload(options: { db: Db; actor: Actor; now: Date }): Promise<Caseload> {
  const { db, actor, now } = options;
  const today = romeDate(now);
  const rows = await listCaseloadRows(db, actor.userId, householdScopeOf(actor));
  const items = rows.map((r) => caseloadEntry(r, actor.userId, today)).sort(byUrgency);
  return { items, total: items.length };
}
