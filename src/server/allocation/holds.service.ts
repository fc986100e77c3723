// SPDX-License-Identifier: EUPL-1.2
import type {
  Hold,
  HoldInput,
  HoldList,
  HoldListQuery,
  HoldRelease,
} from "../../domain/allocation/hold.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError, missingAsField } from "../errors.ts";
import { findHouseholdOrFail, romeDate } from "../households/households.service.ts";
import { getUnit } from "../units/units.service.ts";
import {
  findHoldRow,
  type HoldRow,
  insertHoldRow,
  listHoldRows,
  releaseHoldRow,
} from "./holds.repository.ts";

/** A hold keeps a unit for a coming run: a unit that is let, about to be, or out of use has none to come. */
const HOLDABLE: ReadonlySet<string> = new Set(["renovating", "available", "offered", "vacating"]);

function toHold(row: HoldRow, today: string): Hold {
  return {
    id: row.id,
    unit: { id: row.unitId, code: row.unitCode },
    household:
      row.householdId === null ? null : { id: row.householdId, reference: row.householdReference ?? "" },
    expiresOn: row.expiresOn,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    releasedAt: row.releasedAt?.toISOString() ?? null,
    releaseReason: row.releaseReason,
    active: row.releasedAt === null && row.expiresOn >= today,
  };
}

async function findHoldOrFail(db: Db, id: string) {
  const row = await findHoldRow(db, id);
  if (row === null) throw new AppError("NOT_FOUND", `No hold "${id}"`);
  return row;
}

export async function listHolds(options: { db: Db; query: HoldListQuery; now: Date }): Promise<HoldList> {
  const today = romeDate(options.now);
  const rows = await listHoldRows(options.db, options.query.active ? today : null);
  return { items: rows.map((row) => toHold(row, today)) };
}

/** Keep a unit aside until a day, for one household or for nobody; the next runs read it. */
export async function createHold(options: {
  db: Db;
  actor: Actor;
  input: HoldInput;
  now: Date;
}): Promise<Hold> {
  const { db, actor, input, now } = options;
  const today = romeDate(now);
  if (input.expiresOn < today)
    throw fieldError(
      "UNPROCESSABLE",
      "expiresOn",
      `The hold would have expired already (${input.expiresOn})`,
    );
  const unit = await getUnit({ db, actor, idOrCode: input.unitId }).catch(
    missingAsField("unitId", `No unit "${input.unitId}"`),
  );
  if (!HOLDABLE.has(unit.status))
    throw fieldError(
      "UNPROCESSABLE",
      "unitId",
      `Unit ${unit.code} is ${unit.status}: only a unit being renovated, available, offered or vacating can be held`,
    );
  const household =
    input.householdId === undefined
      ? null
      : await findHouseholdOrFail(db, actor, input.householdId).catch(
          missingAsField("householdId", `No household "${input.householdId}"`),
        );
  const id = await insertHoldRow(db, {
    unitId: unit.id,
    householdId: household?.id ?? null,
    expiresOn: input.expiresOn,
    reason: input.reason,
    createdBy: actor.userId,
    createdAt: now,
  });
  return toHold(await findHoldOrFail(db, id), today);
}

/** Release a hold before its expiry, with the reason. */
export async function releaseHold(options: {
  db: Db;
  actor: Actor;
  id: string;
  input: HoldRelease;
  now: Date;
}): Promise<Hold> {
  const { db, actor, id, input, now } = options;
  const row = await findHoldOrFail(db, id);
  if (
    !(await releaseHoldRow(db, row.id, {
      releasedAt: now,
      releasedBy: actor.userId,
      releaseReason: input.reason,
    }))
  )
    throw fieldError("CONFLICT", "id", "The hold was already released");
  return toHold(await findHoldOrFail(db, id), romeDate(now));
}
