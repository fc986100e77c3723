// SPDX-License-Identifier: EUPL-1.2
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import type {
  DeclinedBy,
  Offer,
  OfferConfirmation,
  OfferDecline,
  OfferInput,
  OfferListQuery,
  OfferStatus,
  OfferVisit,
  OfferWithdrawal,
} from "../../domain/offers/offer.schema.ts";
import {
  DEFAULT_OFFER_RULES,
  defaultDueOn,
  isOpen,
  type Refusal,
  refusalKeepsPlace,
  type Standing,
  standingAfter,
} from "../../domain/offers/offer-rules.ts";
import type { UnitStatus } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { updateHouseholdRow } from "../households/households.repository.ts";
import { findHouseholdOrFail, insertHouseholdEventFor, romeDate } from "../households/households.service.ts";
import { getUnit, transitionUnit } from "../units/units.service.ts";
import {
  countOfferRows,
  findOfferRow,
  insertOfferRow,
  listOfferRows,
  listRefusalRows,
  type OfferRow,
  type OfferValues,
  updateOfferRow,
} from "./offers.repository.ts";

const rules = DEFAULT_OFFER_RULES;

function toOffer(row: OfferRow): Offer {
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
    version: row.version,
  };
}

/** The names of the violated constraint, raw from the driver or wrapped by drizzle (as its `cause`). */
function uniqueViolationOf(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === "23505") return `${String(constraint ?? "")} ${String(message ?? "")}`;
  return "cause" in e ? uniqueViolationOf((e as { cause: unknown }).cause) : null;
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

async function moveHousehold(options: {
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

export async function getOffer(options: { db: Db; id: string }): Promise<Offer> {
  return toOffer(await findOfferOrFail(options.db, options.id));
}

export async function listOffers(options: { db: Db; query: OfferListQuery }) {
  const { db, query } = options;
  // One request transaction, one connection: the two queries run in turn.
  const rows = await listOfferRows(db, query);
  const total = await countOfferRows(db, query);
  return { items: rows.map(toOffer), total };
}

/**
 * Offer an available unit to a waiting household, in one transaction: the offer, the unit
 * available → offered and the household waiting → offered, each with its history. A unit (and a
 * household) is in at most one pending offer: the database's unique indexes decide a race.
 */
export async function makeOffer(options: { db: Db; actor: Actor; input: OfferInput; now: Date }) {
  const { db, actor, input, now } = options;
  try {
    const id = await db.transaction(async (tx) => {
      const unit = await getUnit({ db: tx, actor, idOrCode: input.unitId }).catch((e: unknown) => {
        throw e instanceof AppError && e.code === "NOT_FOUND"
          ? fieldError("UNPROCESSABLE", "unitId", `No unit "${input.unitId}"`)
          : e;
      });
      if (unit.status !== "available")
        throw fieldError("CONFLICT", "unitId", `Unit ${unit.code} is ${unit.status}, not available`);
      const household = await findHouseholdOrFail(tx, actor, input.householdId).catch((e: unknown) => {
        throw e instanceof AppError && e.code === "NOT_FOUND"
          ? fieldError("UNPROCESSABLE", "householdId", `No household "${input.householdId}"`)
          : e;
      });
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
        dueOn: input.dueOn ?? defaultDueOn(romeDate(now), rules),
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
    return getOffer({ db, id });
  } catch (e) {
    const violated = uniqueViolationOf(e);
    if (violated === null) throw e;
    if (violated.includes("household_pending"))
      throw fieldError("CONFLICT", "householdId", "The household already has a pending offer");
    throw fieldError("CONFLICT", "unitId", "The unit is already in a pending offer");
  }
}

/** Record the date of the pre-assignment visit. */
export async function recordOfferVisit(options: { db: Db; id: string; input: OfferVisit }) {
  const { db, id, input } = options;
  await db.transaction(async (tx) => {
    await changeOffer(tx, await openOfferOrFail(tx, id), { visitOn: input.visitOn });
  });
  return getOffer({ db, id });
}

/** The managing partner confirms it takes the household into the unit. */
export async function confirmOffer(options: { db: Db; id: string; input: OfferConfirmation; now: Date }) {
  const { db, id, input, now } = options;
  await db.transaction(async (tx) => {
    const row = await openOfferOrFail(tx, id);
    await changeOffer(tx, row, { partnerConfirmedAt: now, note: input.note || row.note });
  });
  return getOffer({ db, id });
}

/**
 * The household accepts. Unit and household stay "offered": moving the unit to let-pending and
 * opening the tenancy draft is the tenancy area's (not built yet).
 */
export async function acceptOffer(options: { db: Db; actor: Actor; id: string; now: Date }) {
  const { db, actor, id, now } = options;
  await db.transaction(async (tx) => {
    const row = await openOfferOrFail(tx, id);
    await changeOffer(tx, row, { status: "accepted", answeredAt: now, answeredBy: actor.userId });
  });
  return getOffer({ db, id });
}

const toRefusals = (rows: Awaited<ReturnType<typeof listRefusalRows>>): Refusal[] =>
  rows.map((r) => ({
    declinedBy: (r.declinedBy ?? "household") as DeclinedBy,
    reasonable: r.reasonable ?? false,
    on: (r.answeredAt ?? new Date(0)).toISOString().slice(0, 10),
  }));

/** Where a household stands after its refusals: what the next run reads (see `Standing`). */
export async function householdStandingOf(db: Db, householdId: string): Promise<Standing> {
  return standingAfter(toRefusals(await listRefusalRows(db, householdId)), rules);
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
    const standing = await householdStandingOf(tx, row.householdId);
    const kept = refusalKeepsPlace(standing, input, rules);
    const outcome = kept
      ? "place kept"
      : `place lost: waiting time counts from ${romeDate(now)} (refusal rule: ${rules.reasonableRefusalsKept} reasonable refusals)`;
    await changeOffer(tx, row, {
      status: "declined",
      answeredAt: now,
      answeredBy: actor.userId,
      declineReason: input.reason,
      declinedBy: input.declinedBy,
      reasonable: input.reasonable,
      note: outcome,
    });
    const note = `Offer ${row.id} declined by the ${input.declinedBy}: ${input.reason}; ${outcome}`;
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
  return getOffer({ db, id });
}

/** The Comune takes back a pending or accepted offer: unit available, household waiting again. */
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
  return getOffer({ db, id });
}
