// SPDX-License-Identifier: EUPL-1.2

import type { TargetGroup } from "../../domain/households/household.schema.ts";
import type {
  HouseholdReferralCreate,
  ReferralCreate,
  ReferralCreated,
  ReferralDetail,
  ReferralListQuery,
  ReferralReturn,
  ReferralStatus,
  ReferralView,
  SocialReport,
} from "../../domain/households/household-api.schema.ts";
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import { canReadReferralReport } from "../../domain/households/special-category.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { caseFactsOf } from "./household-team.ts";
import {
  insertHouseholdMembers,
  insertHouseholdRow,
  nextHouseholdReference,
  updateHouseholdRow,
} from "./households.repository.ts";
import {
  checkHousehold,
  findHouseholdOrFail,
  getHousehold,
  householdScopeOf,
  insertHouseholdEventFor,
  knownPersonWarnings,
  referralPartnerOrFail,
  romeDate,
} from "./households.service.ts";
import {
  answerReferralRow,
  countReferralRows,
  findReferralRow,
  insertReferralRow,
  listReferralRows,
  type ReferralRow,
  releaseHousehold,
} from "./referrals.repository.ts";

const DAY_MS = 86_400_000;
/** Households on a path that has ended are not referred again. */
const FINAL_STATUSES: readonly HouseholdStatus[] = ["exited", "withdrawn"];

export function toReferralView(row: ReferralRow, now: Date): ReferralView {
  const status = row.status as ReferralStatus;
  return {
    id: row.id,
    householdId: row.householdId,
    householdReference: row.householdReference,
    partner: { code: row.partnerCode, name: row.partnerName },
    referredAt: row.referredAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue: status === "pending" && now.getTime() > row.dueAt.getTime(),
    status,
    urgency: (row.report as SocialReport).urgency,
    targetGroup: row.targetGroup as TargetGroup,
    category: row.category as UnitCategory,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    returnReason: row.returnReason,
  };
}

/** Referring is the Comune's social services' act; a partner's scope never refers. */
function assertRefers(actor: Actor) {
  if (householdScopeOf(actor) !== null) {
    throw new AppError("FORBIDDEN", "Only the Comune's social services refer households");
  }
}

async function findReferralOrFail(db: Db, actor: Actor, id: string) {
  const row = await findReferralRow(db, id, householdScopeOf(actor));
  if (row === null) throw new AppError("NOT_FOUND", `No referral "${id}"`);
  return row;
}

export async function getReferral(options: { db: Db; actor: Actor; id: string; now: Date }) {
  return toReferralView(await findReferralOrFail(options.db, options.actor, options.id), options.now);
}

/**
 * One referral with its social report, which is special-category data: the report is null unless
 * the caller reads the household's special categories or is a manager deciding on the referral.
 */
export async function getReferralDetail(options: {
  db: Db;
  actor: Actor;
  id: string;
  now: Date;
}): Promise<ReferralDetail> {
  const { db, actor, id, now } = options;
  const row = await findReferralOrFail(db, actor, id);
  const household = await findHouseholdOrFail(db, actor, row.householdId);
  const referral = { partnerId: row.partnerId, status: row.status as ReferralStatus };
  const readable = canReadReferralReport(actor, referral, await caseFactsOf(db, household));
  return { ...toReferralView(row, now), report: readable ? (row.report as SocialReport) : null };
}

/**
 * Refer a new household to an Area B partner: the household (status referred, managed by that
 * partner), its members, its first status change and the pending referral, in one transaction.
 * `knownFiscalCodes` are the members' codes already on the programme's records (looked up by the
 * caller across the whole programme): they become warnings that say nothing of where or whose.
 */
export async function createReferral(options: {
  db: Db;
  actor: Actor;
  input: ReferralCreate;
  now: Date;
  knownFiscalCodes: ReadonlySet<string>;
}): Promise<ReferralCreated> {
  const { db, actor, input, now, knownFiscalCodes } = options;
  assertRefers(actor);
  const today = romeDate(now);
  checkHousehold(input.household, today, "household");
  const partner = await referralPartnerOrFail(db, input.partnerCode, input.household.category, "partnerCode");
  const { householdId, referralId } = await db.transaction(async (tx) => {
    const { members, ...fields } = input.household;
    const householdId = await insertHouseholdRow(tx, {
      ...fields,
      reference: await nextHouseholdReference(tx, Number(today.slice(0, 4))),
      referringOrganisationId: actor.organisationId,
      managingPartnerId: partner.id,
      status: "referred",
      suspendedFrom: null,
      at: now,
    });
    await insertHouseholdMembers(tx, householdId, members);
    await insertHouseholdEventFor(tx, { householdId, actor, from: null, to: "referred", note: "", at: now });
    const referralId = await insertReferralRow(tx, {
      householdId,
      partnerId: partner.id,
      referredBy: actor.userId,
      referredAt: now,
      dueAt: new Date(now.getTime() + input.dueDays * DAY_MS),
      report: input.report,
    });
    return { householdId, referralId };
  });
  return {
    referral: await getReferral({ db, actor, id: referralId, now }),
    household: await getHousehold({ db, actor, idOrReference: householdId, now }),
    warnings: knownPersonWarnings(input.household, knownFiscalCodes, "household."),
  };
}

/** Refer again a household whose referral was returned (it has no partner now). */
export async function referHouseholdAgain(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: HouseholdReferralCreate;
  now: Date;
}): Promise<ReferralView> {
  const { db, actor, idOrReference, input, now } = options;
  assertRefers(actor);
  const referralId = await db.transaction(async (tx) => {
    const household = await findHouseholdOrFail(tx, actor, idOrReference);
    if (household.managingPartnerId !== null) {
      throw fieldError(
        "CONFLICT",
        "partnerCode",
        `The household is already referred to ${household.partnerCode}; it can be referred again once returned`,
      );
    }
    if (FINAL_STATUSES.includes(household.status as HouseholdStatus)) {
      throw fieldError("CONFLICT", "partnerCode", `The household's path has ended (${household.status})`);
    }
    const partner = await referralPartnerOrFail(
      tx,
      input.partnerCode,
      household.category as UnitCategory,
      "partnerCode",
    );
    const moved = await updateHouseholdRow(tx, household.id, household.version, {
      managingPartnerId: partner.id,
      at: now,
    });
    if (!moved) throw fieldError("CONFLICT", "version", "The household was changed by someone else; retry");
    return insertReferralRow(tx, {
      householdId: household.id,
      partnerId: partner.id,
      referredBy: actor.userId,
      referredAt: now,
      dueAt: new Date(now.getTime() + input.dueDays * DAY_MS),
      report: input.report,
    });
  });
  return getReferral({ db, actor, id: referralId, now });
}

export async function listReferrals(options: {
  db: Db;
  actor: Actor;
  query: ReferralListQuery;
  now: Date;
}): Promise<{ items: ReferralView[]; total: number }> {
  const { db, actor, query, now } = options;
  const scope = householdScopeOf(actor);
  const [rows, total] = await inOrder([
    () => listReferralRows(db, query, scope, now),
    () => countReferralRows(db, query, scope, now),
  ]);
  return { items: rows.map((r) => toReferralView(r, now)), total };
}

/** The referral, if the caller's organisation is the one to answer it and it still waits for an answer. */
async function pendingReferralToAnswer(db: Db, actor: Actor, id: string) {
  const row = await findReferralOrFail(db, actor, id);
  if (row.partnerId !== actor.organisationId) {
    throw new AppError("FORBIDDEN", "Only the partner a household is referred to answers the referral");
  }
  if (row.status !== "pending") {
    throw fieldError("CONFLICT", "status", `The referral has already been answered (${row.status})`);
  }
  return row;
}

const answeredMeanwhile = () =>
  fieldError("CONFLICT", "status", "The referral was answered meanwhile; reload it");

/** The partner takes the household on. */
export async function acceptReferral(options: { db: Db; actor: Actor; id: string; now: Date }) {
  const { db, actor, id, now } = options;
  return db.transaction(async (tx) => {
    const row = await pendingReferralToAnswer(tx, actor, id);
    const answer = { status: "accepted" as const, at: now, by: actor.userId, returnReason: null };
    if (!(await answerReferralRow(tx, row.id, answer))) throw answeredMeanwhile();
    return getReferral({ db: tx, actor, id: row.id, now });
  });
}

/**
 * The partner gives the household back, saying why: the household is left without a partner, out
 * of the partner's sight, for the Comune to refer again.
 */
export async function returnReferral(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: ReferralReturn;
  now: Date;
}) {
  const { db, actor, id, input, now } = options;
  return db.transaction(async (tx) => {
    const row = await pendingReferralToAnswer(tx, actor, id);
    const answer = { status: "returned" as const, at: now, by: actor.userId, returnReason: input.reason };
    if (!(await answerReferralRow(tx, row.id, answer))) throw answeredMeanwhile();
    // Read before the household leaves the caller's sight, and the referral with it.
    const view = await getReferral({ db: tx, actor, id: row.id, now });
    if (!(await releaseHousehold(tx, row.householdId, now))) {
      throw fieldError("CONFLICT", "status", "The household could not be given back; reload it");
    }
    return view;
  });
}
