// SPDX-License-Identifier: EUPL-1.2
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import type {
  DeclinedBy,
  Offer,
  OfferConfirmation,
  OfferDecline,
  OfferInput,
  OfferListQuery,
  OfferReopen,
  OfferStatus,
  OfferStepBack,
  OfferVisit,
  OfferWithdrawal,
} from "../../domain/offers/offer.schema.ts";
import {
  defaultDueOn,
  isOpen,
  type OfferRules,
  type Refusal,
  refusalKeepsPlace,
  type Standing,
  standingAfter,
} from "../../domain/offers/offer-rules.ts";
import type { UnitStatus } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError, missingAsField, uniqueViolationOf } from "../errors.ts";
import { updateHouseholdRow } from "../households/households.repository.ts";
import { findHouseholdOrFail, insertHouseholdEventFor, romeDate } from "../households/households.service.ts";
import { getUnit, transitionUnit } from "../units/units.service.ts";
import {
  cancelTenancyDraft,
  countOfferRows,
  findOfferRow,
  insertOfferRow,
  insertTenancyDraft,
  listOfferRows,
  listOverdueOfferIds,
  listRefusalRows,
  type OfferRow,
  type OfferValues,
  updateOfferRow,
} from "./offers.repository.ts";
import { activeRules } from "./rules.service.ts";

/** The offer rules of the rules version in force (a version saved before they were data: the defaults). */
async function offerRules(db: Db): Promise<OfferRules> {
  return (await activeRules(db)).rules.offers;
}

function toOffer(row: OfferRow, today: string): Offer {
  return {
    id: row.id,
    runId: row.runId,
    unit: { id: row.unitId, code: row.unitCode, status: row.unitStatus },
    household: { id: row.householdId, reference: row.householdReference, status: row.householdStatus },
    status: row.status as OfferStatus,
    offeredAt: row.offeredAt.toISOString(),
    dueOn: row.dueOn,
    reason: row.reason,
    visitOn: row.visitOn,
    partnerConfirmedAt: row.partnerConfirmedAt?.toISOString() ?? null,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    declineReason: row.declineReason,
    declinedBy: row.declinedBy as DeclinedBy | null,
    reasonable: row.reasonable,
    note: row.note,
    overdue: row.status === "pending" && row.dueOn < today,
    tenancyId: row.tenancyId,
    version: row.version,
  };
}

async function findOfferOrFail(db: Db, id: string) {
  // Another partner's offer is as missing as one that does not exist (RLS hides it).
  const row = await findOfferRow(db, id);
  if (row === null) throw new AppError("NOT_FOUND", `No offer "${id}"`);
  return row;
}

async function openOfferOrFail(db: Db, id: string) {
  const row = await findOfferOrFail(db, id);
  if (!isOpen(row.status as OfferStatus))
    throw fieldError("CONFLICT", "status", `The offer is ${row.status}: only a pending offer can change`);
  return row;
}

async function changeOffer(db: Db, row: OfferRow, values: Partial<OfferValues>) {
  if (!(await updateOfferRow(db, row.id, row.version, values)))
    throw fieldError("CONFLICT", "version", "The offer was changed by someone else; reload it and retry");
}

/** Move the unit through the units service, so its history records the change. */
async function moveUnit(db: Db, actor: Actor, unitId: string, to: UnitStatus, note: string) {
  await transitionUnit({ db, actor, idOrCode: unitId, input: { to, note } });
}

export async function moveHousehold(options: {
  db: Db;
  actor: Actor;
  householdId: string;
  from: HouseholdStatus;
  to: HouseholdStatus;
  note: string;
  now: Date;
}) {
  const { db, actor, householdId, from, to, note, now } = options;
  const row = await findHouseholdOrFail(db, actor, householdId);
  if (row.status !== from)
    throw fieldError("CONFLICT", "householdId", `The household is ${row.status}, not ${from}`);
  if (!(await updateHouseholdRow(db, row.id, row.version, { status: to, suspendedFrom: null, at: now })))
    throw fieldError("CONFLICT", "householdId", "The household was changed by someone else; retry");
  await insertHouseholdEventFor(db, { householdId: row.id, actor, from, to, note, at: now });
}

export async function getOffer(options: { db: Db; id: string; now: Date }): Promise<Offer> {
  return toOffer(await findOfferOrFail(options.db, options.id), romeDate(options.now));
}

export async function listOffers(options: { db: Db; query: OfferListQuery; now: Date }) {
  const { db, query, now } = options;
  // One request transaction, one connection: the two queries run in turn.
  const rows = await listOfferRows(db, query);
  const total = await countOfferRows(db, query);
  const today = romeDate(now);
  return { items: rows.map((row) => toOffer(row, today)), total };
}

/**
 * Offer an available unit to a waiting household, in one transaction: the offer, the unit
 * available → offered and the household waiting → offered, each with its history. A unit (and a
 * household) is in at most one pending offer: the database's unique indexes decide a race.
 */
export async function makeOffer(options: { db: Db; actor: Actor; input: OfferInput; now: Date }) {
  const { db, actor, input, now } = options;
  if (input.dueOn !== undefined && input.dueOn < romeDate(now))
    throw fieldError("UNPROCESSABLE", "dueOn", `The due date ${input.dueOn} is already past`);
  try {
    const id = await db.transaction(async (tx) => {
      const unit = await getUnit({ db: tx, actor, idOrCode: input.unitId }).catch(
        missingAsField("unitId", `No unit "${input.unitId}"`),
      );
      if (unit.status !== "available")
        throw fieldError("CONFLICT", "unitId", `Unit ${unit.code} is ${unit.status}, not available`);
      const household = await findHouseholdOrFail(tx, actor, input.householdId).catch(
        missingAsField("householdId", `No household "${input.householdId}"`),
      );
      if (household.status !== "waiting")
        throw fieldError(
          "CONFLICT",
          "householdId",
          `Household ${household.reference} is ${household.status}, not waiting`,
        );
      // The offer first: a concurrent offer of the same unit waits on the unique index, then fails.
      const offerId = await insertOfferRow(tx, {
        runId: input.runId ?? null,
        unitId: unit.id,
        householdId: household.id,
        offeredBy: actor.userId,
        offeredAt: now,
        dueOn: input.dueOn ?? defaultDueOn(romeDate(now), await offerRules(tx)),
        reason: input.reason,
      });
      const note = `Offer ${offerId}${input.reason ? `: ${input.reason}` : ""}`;
      await moveUnit(tx, actor, unit.id, "offered", note);
      await moveHousehold({
        db: tx,
        actor,
        householdId: household.id,
        from: "waiting",
        to: "offered",
        note,
        now,
      });
      return offerId;
    });
    return getOffer({ db, id, now });
  } catch (e) {
    throw activeOfferConflict(e);
  }
}

/** A unique-index refusal named for the side it is about; any other error as it is. */
function activeOfferConflict(e: unknown): unknown {
  const violated = uniqueViolationOf(e);
  if (violated === null) return e;
  if (violated.includes("household_active"))
    return fieldError("CONFLICT", "householdId", "The household already has a pending or accepted offer");
  return fieldError("CONFLICT", "unitId", "The unit is already in a pending or accepted offer");
}

/** Record the date of the pre-assignment visit. */
export async function recordOfferVisit(options: { db: Db; id: string; input: OfferVisit; now: Date }) {
  const { db, id, input, now } = options;
  await db.transaction(async (tx) => {
    await changeOffer(tx, await openOfferOrFail(tx, id), { visitOn: input.visitOn });
  });
  return getOffer({ db, id, now });
}

/** The managing partner confirms it takes the household into the unit. */
export async function confirmOffer(options: { db: Db; id: string; input: OfferConfirmation; now: Date }) {
  const { db, id, input, now } = options;
  await db.transaction(async (tx) => {
    const row = await openOfferOrFail(tx, id);
    await changeOffer(tx, row, { partnerConfirmedAt: now, note: input.note || row.note });
  });
  return getOffer({ db, id, now });
}

/**
 * The household accepts, in one transaction: the offer accepted, the unit offered → let-pending (its
 * history says why) and the tenancy draft opened for the tenancy area to complete. The household
 * stays "offered" until the tenancy starts.
 */
export async function acceptOffer(options: { db: Db; actor: Actor; id: string; now: Date }) {
  const { db, actor, id, now } = options;
  await db.transaction(async (tx) => {
    const row = await openOfferOrFail(tx, id);
    await changeOffer(tx, row, { status: "accepted", answeredAt: now, answeredBy: actor.userId });
    await moveUnit(tx, actor, row.unitId, "let_pending", `Offer ${row.id} accepted: tenancy draft opened`);
    await insertTenancyDraft(tx, {
      unitId: row.unitId,
      householdId: row.householdId,
      offerId: row.id,
      createdBy: actor.userId,
      at: now,
    });
  });
  return getOffer({ db, id, now });
}

/**
 * Step back from an acceptance, with a reason: the tenancy draft cancelled, the unit let-pending →
 * offered, the offer pending again (its answer cleared) until its due date.
 */
export async function stepBackOffer(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: OfferStepBack;
  now: Date;
}) {
  const { db, actor, id, input, now } = options;
  await db.transaction(async (tx) => {
    const row = await findOfferOrFail(tx, id);
    if (row.status !== "accepted")
      throw fieldError("CONFLICT", "status", `The offer is ${row.status}: only an accepted offer steps back`);
    const note = `Acceptance of offer ${row.id} stepped back: ${input.reason}`;
    await changeOffer(tx, row, { status: "pending", answeredAt: null, answeredBy: null, note });
    await cancelTenancyDraft(tx, row.id, input.reason, now);
    await moveUnit(tx, actor, row.unitId, "offered", note);
  });
  return getOffer({ db, id, now });
}

/**
 * Reopen a declined, expired or withdrawn offer, with a reason: pending again until `dueOn`, the unit
 * available → offered and the household waiting → offered; the refusal it recorded no longer counts.
 * The unique indexes refuse it when the unit or the household has another active offer meanwhile.
 */
export async function reopenOffer(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: OfferReopen;
  now: Date;
}) {
  const { db, actor, id, input, now } = options;
  const today = romeDate(now);
  if (input.dueOn !== undefined && input.dueOn < today)
    throw fieldError("UNPROCESSABLE", "dueOn", `The new due date ${input.dueOn} is already past`);
  try {
    await db.transaction(async (tx) => {
      const row = await findOfferOrFail(tx, id);
      if (row.status === "pending" || row.status === "accepted")
        throw fieldError("CONFLICT", "status", `The offer is ${row.status}: it is still open`);
      const was =
        row.status === "declined"
          ? `declined by the ${row.declinedBy}: ${row.declineReason}`
          : row.status === "expired"
            ? `expired on ${row.dueOn}`
            : `withdrawn: ${row.note}`;
      const note = `Offer ${row.id} reopened (was ${was}): ${input.reason}`;
      await changeOffer(tx, row, {
        status: "pending",
        dueOn: input.dueOn ?? defaultDueOn(today, await offerRules(tx)),
        answeredAt: null,
        answeredBy: null,
        declineReason: null,
        declinedBy: null,
        reasonable: null,
        note,
      });
      await moveUnit(tx, actor, row.unitId, "offered", note);
      await moveHousehold({
        db: tx,
        actor,
        householdId: row.householdId,
        from: "waiting",
        to: "offered",
        note,
        now,
      });
    });
  } catch (e) {
    throw activeOfferConflict(e);
  }
  return getOffer({ db, id, now });
}

/** A declined or expired offer as the refusal rule reads it; its day is the answer's, in Rome. */
export const refusalOf = (row: {
  declinedBy: string | null;
  reasonable: boolean | null;
  answeredAt: Date | null;
}): Refusal => ({
  declinedBy: (row.declinedBy ?? "household") as DeclinedBy,
  reasonable: row.reasonable ?? false,
  on: romeDate(row.answeredAt ?? new Date(0)),
});

/** Where a household stands after its refusals: what the next run reads (see `Standing`). */
export async function householdStandingOf(db: Db, householdId: string, rules: OfferRules): Promise<Standing> {
  return standingAfter((await listRefusalRows(db, householdId)).map(refusalOf), rules);
}

/**
 * Close an open offer as a refusal (answered by the household or left to expire): the unit back to
 * available, the household back to waiting, and the refusal rule's verdict on its place in the note.
 */
async function closeAsRefusal(options: {
  db: Db;
  actor: Actor;
  row: OfferRow;
  status: "declined" | "expired";
  refusal: OfferDecline;
  rules: OfferRules;
  now: Date;
}) {
  const { db, actor, row, status, refusal, rules, now } = options;
  const standing = await householdStandingOf(db, row.householdId, rules);
  const outcome = refusalKeepsPlace(standing, refusal, rules)
    ? "place kept"
    : `place lost: waiting time counts from ${romeDate(now)} (refusal rule: ${rules.reasonableRefusalsKept} reasonable refusals)`;
  await changeOffer(db, row, {
    status,
    answeredAt: now,
    answeredBy: status === "declined" ? actor.userId : null,
    declineReason: refusal.reason,
    declinedBy: refusal.declinedBy,
    reasonable: refusal.reasonable,
    note: outcome,
  });
  const note =
    status === "declined"
      ? `Offer ${row.id} declined by the ${refusal.declinedBy}: ${refusal.reason}; ${outcome}`
      : `Offer ${row.id} expired unanswered on ${row.dueOn}; ${outcome}`;
  await moveUnit(db, actor, row.unitId, "available", note);
  await moveHousehold({
    db,
    actor,
    householdId: row.householdId,
    from: "offered",
    to: "waiting",
    note,
    now,
  });
}

/**
 * The household (or the provider) refuses: the offer is declined, the unit back to available and
 * the household back to waiting; the refusal rule says whether it keeps its place.
 */
export async function declineOffer(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: OfferDecline;
  now: Date;
}) {
  const { db, actor, id, input, now } = options;
  await db.transaction(async (tx) => {
    const row = await openOfferOrFail(tx, id);
    await closeAsRefusal({
      db: tx,
      actor,
      row,
      status: "declined",
      refusal: input,
      rules: await offerRules(tx),
      now,
    });
  });
  return getOffer({ db, id, now });
}

/**
 * Close every pending offer past its due date as a refusal by the household, reasonable or not as
 * the offer rules say; each in its own transaction, so one that fails (changed meanwhile) leaves the
 * others closed. Returns the offers it expired.
 */
export async function expireOverdueOffers(options: { db: Db; actor: Actor; now: Date }): Promise<Offer[]> {
  const { db, actor, now } = options;
  const rules = await offerRules(db);
  const expired: Offer[] = [];
  for (const id of await listOverdueOfferIds(db, romeDate(now))) {
    await db.transaction(async (tx) => {
      const row = await openOfferOrFail(tx, id);
      const refusal: OfferDecline = {
        reason: `No answer by ${row.dueOn}`,
        declinedBy: "household",
        reasonable: rules.expiryIsReasonable,
      };
      await closeAsRefusal({ db: tx, actor, row, status: "expired", refusal, rules, now });
    });
    expired.push(await getOffer({ db, id, now }));
  }
  return expired;
}

/**
 * The Comune takes back a pending or accepted offer: unit available, household waiting again, and an
 * accepted offer's tenancy draft cancelled.
 */
export async function withdrawOffer(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: OfferWithdrawal;
  now: Date;
}) {
  const { db, actor, id, input, now } = options;
  await db.transaction(async (tx) => {
    const row = await findOfferOrFail(tx, id);
    if (row.status !== "pending" && row.status !== "accepted")
      throw fieldError("CONFLICT", "status", `The offer is ${row.status}: it cannot be withdrawn`);
    await changeOffer(tx, row, { status: "withdrawn", note: input.reason });
    if (row.status === "accepted") await cancelTenancyDraft(tx, row.id, input.reason, now);
    const note = `Offer ${row.id} withdrawn: ${input.reason}`;
    await moveUnit(tx, actor, row.unitId, "available", note);
    await moveHousehold({
      db: tx,
      actor,
      householdId: row.householdId,
      from: "offered",
      to: "waiting",
      note,
      now,
    });
  });
  return getOffer({ db, id, now });
}
