// SPDX-License-Identifier: EUPL-1.2
import type {
  EconomicReferralInput,
  EconomicReferralList,
  EconomicReferralUpdate,
  EconomicReferralView,
} from "../../domain/arrears/arrears-api.schema.ts";
import { FUND_KINDS, type FundKind } from "../../domain/arrears/arrears-policy.ts";
import { fundChecks } from "../../domain/arrears/arrears-steps.ts";
import { outcomeProblems } from "../../domain/arrears/economic-referral.ts";
import { earlyWarnings } from "../../domain/ledger/account.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { findHouseholdOrFail, romeDate } from "../households/households.service.ts";
import { latestRecertifications } from "../ledger/ledger.repository.ts";
import { listIseeRows } from "./arrears.repository.ts";
import { activeArrearsPolicy } from "./arrears-policy.service.ts";
import {
  findHouseholdTenancyRow,
  findReferralRow,
  insertReferralRow,
  listReferralRows,
  type ReferralRow,
  updateReferralRow,
} from "./economic-referrals.repository.ts";

export function toReferral(row: ReferralRow): EconomicReferralView {
  return {
    id: row.id,
    householdId: row.householdId,
    householdReference: row.householdReference,
    caseId: row.caseId,
    kind: row.kind as EconomicReferralView["kind"],
    referredOn: row.referredOn,
    referredBy: row.referredBy === null ? null : { id: row.referredBy, name: row.referredByName ?? "" },
    outcome: row.outcome as EconomicReferralView["outcome"],
    outcomeOn: row.outcomeOn,
    amountCents: row.amountCents,
    note: row.note,
  };
}

export async function listEconomicReferrals(options: {
  db: Db;
  actor: Actor;
  householdId: string;
}): Promise<EconomicReferralList> {
  const { db, actor, householdId } = options;
  const household = await findHouseholdOrFail(db, actor, householdId);
  return { items: (await listReferralRows(db, household.id)).map(toReferral) };
}

const isFund = (kind: string): kind is FundKind => FUND_KINDS.some((f) => f === kind);

/**
 * Whether a fund's rules fit a tenancy's household (its ISEE, an income drop at the latest
 * recertification, or the cause given); 422 naming `path` with the reasons when they do not.
 */
export async function checkFundOrFail(
  db: Db,
  options: {
    fund: FundKind;
    tenancyId: string | null;
    householdIseeCents: number | null;
    cause: string | undefined;
    path: string;
  },
) {
  const { policy } = await activeArrearsPolicy(db);
  let iseeCents = options.householdIseeCents;
  let incomeDropped = false;
  if (options.tenancyId !== null) {
    iseeCents = (await listIseeRows(db, [options.tenancyId])).get(options.tenancyId) ?? iseeCents;
    const recertification =
      (await latestRecertifications(db, [options.tenancyId])).get(options.tenancyId) ?? null;
    incomeDropped = earlyWarnings([], "9999-12-31", recertification).some((w) => w.kind === "income_drop");
  }
  const check = fundChecks(policy, {
    iseeCents,
    incomeDropped,
    causeRecorded: (options.cause ?? "").trim().length > 0,
  }).find((c) => c.fund === options.fund);
  if (check && !check.eligible)
    throw new AppError(
      "UNPROCESSABLE",
      `The ${options.fund} rules do not fit the household`,
      check.blocks.map((b) => ({ path: options.path, message: b.message })),
    );
}

/**
 * Refer a household to financial education, microcredit or a fund (the funds only when their rules
 * fit); the referral joins the open arrears case of its tenancy, if any.
 */
export async function createEconomicReferral(options: {
  db: Db;
  actor: Actor;
  householdId: string;
  input: EconomicReferralInput;
  now: Date;
}): Promise<EconomicReferralView> {
  const { db, actor, input, now } = options;
  const today = romeDate(now);
  const household = await findHouseholdOrFail(db, actor, options.householdId);
  const referredOn = input.referredOn ?? today;
  if (referredOn > today)
    throw fieldError("UNPROCESSABLE", "referredOn", "The referral cannot be dated in the future");
  const tenancy = await findHouseholdTenancyRow(db, household.id);
  if (isFund(input.kind))
    await checkFundOrFail(db, {
      fund: input.kind,
      tenancyId: tenancy?.tenancyId ?? null,
      householdIseeCents: household.iseeCents,
      cause: input.cause,
      path: "kind",
    });
  const note = [input.cause ? `Cause: ${input.cause}` : "", input.note].filter((t) => t !== "").join("\n\n");
  const id = await insertReferralRow(db, {
    householdId: household.id,
    tenancyId: tenancy?.tenancyId ?? null,
    caseId: tenancy?.caseId ?? null,
    kind: input.kind,
    referredOn,
    referredBy: actor.userId,
    note,
  });
  const row = await findReferralRow(db, id);
  if (row === null) throw new Error("referral not found after insert");
  return toReferral(row);
}

/** Record a referral's outcome (date, amount granted, a note). */
export async function updateEconomicReferral(options: {
  db: Db;
  id: string;
  input: EconomicReferralUpdate;
  now: Date;
}): Promise<EconomicReferralView> {
  const { db, id, input, now } = options;
  const today = romeDate(now);
  const row = await findReferralRow(db, id);
  if (row === null) throw new AppError("NOT_FOUND", `No economic referral "${id}"`);
  const outcomeOn = input.outcomeOn ?? today;
  const amountCents = input.amountCents ?? null;
  const problems = outcomeProblems(
    {
      kind: row.kind as EconomicReferralView["kind"],
      outcome: row.outcome as EconomicReferralView["outcome"],
      referredOn: row.referredOn,
    },
    { outcome: input.outcome, outcomeOn, amountCents },
    today,
  );
  if (problems.length > 0) throw new AppError("UNPROCESSABLE", problems[0]?.message ?? "", problems);
  const updated = await updateReferralRow(db, row.id, row.outcome, {
    outcome: input.outcome,
    outcomeOn,
    // Completing a granted referral keeps the amount granted unless a new one is given.
    amountCents: input.amountCents === undefined ? row.amountCents : input.amountCents,
    ...(input.note === undefined ? {} : { note: input.note }),
  });
  if (!updated)
    throw fieldError("CONFLICT", "outcome", "The referral's outcome was changed meanwhile; reload it");
  const after = await findReferralRow(db, row.id);
  return toReferral(after ?? row);
}
