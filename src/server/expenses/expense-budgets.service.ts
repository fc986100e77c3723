// SPDX-License-Identifier: EUPL-1.2
import { and, eq, sql } from "drizzle-orm";
import { scopeOfRole } from "../../domain/auth/roles.ts";
import { budgetChangeProblems } from "../../domain/expenses/eligibility.ts";
import type { BudgetInput } from "../../domain/expenses/expenses.ts";
import type { BudgetOverview, BudgetPositionView } from "../../domain/expenses/expenses-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { expenseBudgets } from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { budgetRows, conventionOf, lockBudget, partnerRows } from "./expenses.repository.ts";
import { positionViews } from "./expenses-views.ts";

/*
 * Budgets (the Comune sets one per partner, area line and funding source) and the totals against
 * them: budget, claimed, pending, approved, paid and what remains.
 */

/** The totals against budget the caller sees, the partners it may claim for, and the convention. */
export async function budgetOverview(options: { db: Db; actor: Actor }): Promise<BudgetOverview> {
  const { db, actor } = options;
  const programme = scopeOfRole(actor.role) === "programme";
  const [items, partners, convention] = await inOrder([
    () => positionViews(db),
    () => partnerRows(db),
    () => conventionOf(db),
  ]);
  return {
    items,
    partners: programme ? partners : partners.filter((p) => p.id === actor.organisationId),
    convention,
  };
}

/**
 * Set a partner's budget for a line and source (the Comune): a new one with `version` null, a change
 * at the version read; never below what claims already hold against it.
 */
export async function setBudget(options: {
  db: Db;
  actor: Actor;
  input: BudgetInput;
}): Promise<BudgetPositionView> {
  const { db, actor, input } = options;
  const [partner] = await partnerRows(db, input.partnerId);
  if (partner === undefined)
    throw fieldError("UNPROCESSABLE", "partnerId", "partnerId is not a partner's id");
  const key = { partnerId: partner.id, line: input.line, fundingSource: input.fundingSource };
  await lockBudget(db, key);
  const [position] = await positionViews(db, key);
  const issues = budgetChangeProblems(input.amountCents, position?.committedCents ?? 0);
  if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The budget is below what is claimed", issues);
  const [existing] = await budgetRows(db, key);
  if (existing === undefined) {
    if (input.version !== null)
      throw fieldError(
        "CONFLICT",
        "version",
        "No budget is set for this partner, line and source yet: send version null to set one",
      );
    await db
      .insert(expenseBudgets)
      .values({ ...key, amountCents: input.amountCents, createdBy: actor.userId });
  } else {
    if (input.version !== existing.version)
      throw fieldError(
        "CONFLICT",
        "version",
        `The budget was changed by someone else (version ${existing.version}, you sent ${input.version ?? "none"}); reload it and retry`,
      );
    await db
      .update(expenseBudgets)
      .set({
        amountCents: input.amountCents,
        updatedAt: new Date(),
        version: sql`${expenseBudgets.version} + 1`,
      })
      .where(and(eq(expenseBudgets.id, existing.id), eq(expenseBudgets.version, existing.version)));
  }
  const [saved] = await positionViews(db, key);
  if (saved === undefined) throw new AppError("NOT_FOUND", "The budget was not stored");
  return saved;
}
