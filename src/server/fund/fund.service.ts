// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq } from "drizzle-orm";
import { hasPermission } from "../../domain/auth/roles.ts";
import {
  type ExpenseDecisionInput,
  type FundEntryInput,
  type FundEntryKind,
  type FundEntryStatus,
  fundBalance,
} from "../../domain/fund/fund.ts";
import type { FundLedger } from "../../domain/fund/fund-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { fundEntries, governanceBodies, governanceDecisions, organisations } from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";

/*
 * The community funds of the Municipio networks: every staff account reads a network's ledger; a
 * partner (or the programme) records contributions and proposes expenses for its own organisation;
 * the programme's governance roles approve an expense with a decision of the network's coordination,
 * or reject it. The balance never goes below zero.
 */

type Context = { db: Db; actor: Actor };

/** The network's body: a management body of one Municipio. Locked when `lock`, to count approvals in turn. */
async function networkOf(db: Db, bodyId: string, lock = false) {
  if (!isUuid(bodyId)) throw new AppError("NOT_FOUND", `No governance body "${bodyId}"`);
  const query = db.select().from(governanceBodies).where(eq(governanceBodies.id, bodyId));
  const [body] = lock ? await query.for("update") : await query;
  if (body === undefined) throw new AppError("NOT_FOUND", `No governance body "${bodyId}"`);
  if (body.level !== "management" || body.municipio === null)
    throw new AppError("NOT_FOUND", `${body.name} is not a Municipio network: it has no community fund`);
  return { ...body, municipio: body.municipio };
}

async function entryRows(db: Db, bodyId: string) {
  return db
    .select({
      id: fundEntries.id,
      kind: fundEntries.kind,
      status: fundEntries.status,
      amountCents: fundEntries.amountCents,
      entryOn: fundEntries.entryOn,
      counterpart: fundEntries.counterpart,
      description: fundEntries.description,
      decisionId: fundEntries.decisionId,
      decisionNumber: governanceDecisions.number,
      organisationCode: organisations.code,
    })
    .from(fundEntries)
    .innerJoin(organisations, eq(organisations.id, fundEntries.organisationId))
    .leftJoin(governanceDecisions, eq(governanceDecisions.id, fundEntries.decisionId))
    .where(eq(fundEntries.bodyId, bodyId))
    .orderBy(asc(fundEntries.entryOn), asc(fundEntries.createdAt));
}

async function ledgerOf(db: Db, body: { id: string; name: string; municipio: number }): Promise<FundLedger> {
  const rows = await entryRows(db, body.id);
  const entries = rows.map((r) => ({
    ...r,
    kind: r.kind as FundEntryKind,
    status: r.status as FundEntryStatus,
  }));
  return {
    bodyId: body.id,
    bodyName: body.name,
    municipio: body.municipio,
    ...fundBalance(entries),
    entries,
  };
}

export async function fundLedger(options: Context & { bodyId: string }): Promise<FundLedger> {
  const body = await networkOf(options.db, options.bodyId);
  return ledgerOf(options.db, body);
}

/** Record a contribution, or propose an expense, for the caller's organisation. */
export async function addFundEntry(
  options: Context & { bodyId: string; kind: FundEntryKind; input: FundEntryInput },
): Promise<FundLedger> {
  const { db, actor, bodyId, kind, input } = options;
  const body = await networkOf(db, bodyId);
  await db.insert(fundEntries).values({
    bodyId: body.id,
    kind,
    amountCents: input.amountCents,
    entryOn: input.entryOn,
    counterpart: input.counterpart,
    description: input.description,
    status: kind === "contribution" ? "recorded" : "proposed",
    organisationId: actor.organisationId,
    createdBy: actor.userId,
  });
  return ledgerOf(db, body);
}

/**
 * Approve a proposed expense with a decision of the network's coordination (not beyond what the fund
 * holds), or reject it. The network's row is locked, so two approvals are counted one after the other.
 */
export async function decideExpense(
  options: Context & { id: string; input: ExpenseDecisionInput },
): Promise<FundLedger> {
  const { db, actor, id, input } = options;
  if (!hasPermission(actor.role, "governance:write"))
    throw new AppError("FORBIDDEN", "Only the programme's governance roles approve a fund's expense");
  if (!isUuid(id)) throw new AppError("NOT_FOUND", `No fund entry "${id}"`);
  const [entry] = await db.select().from(fundEntries).where(eq(fundEntries.id, id));
  if (entry === undefined) throw new AppError("NOT_FOUND", `No fund entry "${id}"`);
  const body = await networkOf(db, entry.bodyId, true);
  if (entry.kind !== "expense" || entry.status !== "proposed")
    throw fieldError(
      "CONFLICT",
      "outcome",
      `This entry is ${entry.kind === "expense" ? `already ${entry.status}` : "a contribution"}`,
    );
  if (input.outcome === "approved") {
    if (input.decisionId === null)
      throw fieldError("UNPROCESSABLE", "decisionId", "An expense is approved by a decision of the network");
    const [decision] = await db
      .select({ id: governanceDecisions.id })
      .from(governanceDecisions)
      .where(and(eq(governanceDecisions.id, input.decisionId), eq(governanceDecisions.bodyId, body.id)));
    if (decision === undefined)
      throw fieldError("UNPROCESSABLE", "decisionId", `No decision "${input.decisionId}" of ${body.name}`);
    const { balanceCents } = fundBalance(
      (await entryRows(db, body.id)).map((r) => ({
        kind: r.kind as FundEntryKind,
        status: r.status as FundEntryStatus,
        amountCents: r.amountCents,
      })),
    );
    if (entry.amountCents > balanceCents)
      throw fieldError(
        "CONFLICT",
        "outcome",
        `The fund holds ${(balanceCents / 100).toFixed(2)} EUR: not enough for ${(entry.amountCents / 100).toFixed(2)} EUR`,
      );
  }
  await db
    .update(fundEntries)
    .set({ status: input.outcome, decisionId: input.outcome === "approved" ? input.decisionId : null })
    .where(eq(fundEntries.id, id));
  return ledgerOf(db, body);
}
