// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { CATALOGUE } from "../../domain/monitoring/catalogue.ts";
import { hasEnded, type Period } from "../../domain/monitoring/periods.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db, DbScope } from "../db/client.ts";
import {
  monitoringPeriodEvents,
  monitoringPeriods,
  monitoringSnapshots,
  organisations,
  users,
} from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { rowsOf } from "../security/catalogue.ts";
import { type ComputedIndicator, computeIndicator } from "./indicators.service.ts";

/*
 * Reporting periods. An open period's figures are computed live; closing it freezes a snapshot of
 * every indicator with all its disaggregations (for the whole programme, and for each Area B partner
 * as that partner sees its own records), with the data version behind them: the SHA-256 of the
 * values and the audit trail's head at that moment. The snapshot is append-only; reopening needs a
 * reason, and a later close writes a new revision beside the old one.
 */

export interface SnapshotValues {
  indicators: ComputedIndicator[];
}

export interface PeriodState {
  key: string;
  granularity: Period["granularity"];
  from: string;
  to: string;
  status: "open" | "closed";
  revision: number;
  closedAt: string | null;
  closedBy: string | null;
  valuesSha256: string | null;
  auditHead: string | null;
  ended: boolean;
  events: { action: "closed" | "reopened"; reason: string; at: string; actor: string | null }[];
  version: number;
  /** The stored period's id, when it has been closed at least once. */
  id: string | null;
}

async function storedPeriod(db: Db, period: Period) {
  const [row] = await db
    .select()
    .from(monitoringPeriods)
    .where(
      and(eq(monitoringPeriods.granularity, period.granularity), eq(monitoringPeriods.startsOn, period.from)),
    );
  return row ?? null;
}

/** The snapshot a reader sees for a closed period: the programme's, or its own organisation's. */
export async function snapshotFor(db: Db, periodId: string, revision: number, scope: DbScope) {
  const [row] = await db
    .select()
    .from(monitoringSnapshots)
    .where(
      and(
        eq(monitoringSnapshots.periodId, periodId),
        eq(monitoringSnapshots.revision, revision),
        scope.sees === "all"
          ? isNull(monitoringSnapshots.partnerId)
          : eq(monitoringSnapshots.partnerId, scope.organisationId),
      ),
    );
  return row ?? null;
}

export async function periodState(
  db: Db,
  period: Period,
  today: string,
  scope: DbScope,
): Promise<PeriodState> {
  const stored = await storedPeriod(db, period);
  const base = {
    key: period.key,
    granularity: period.granularity,
    from: period.from,
    to: period.to,
    ended: hasEnded(period, today),
  };
  if (!stored)
    return {
      ...base,
      status: "open",
      revision: 0,
      closedAt: null,
      closedBy: null,
      valuesSha256: null,
      auditHead: null,
      events: [],
      version: 0,
      id: null,
    };
  const snapshot =
    stored.status === "closed" ? await snapshotFor(db, stored.id, stored.revision, scope) : null;
  const closer = snapshot?.closedBy
    ? (await db.select({ name: users.name }).from(users).where(eq(users.id, snapshot.closedBy)))[0]?.name
    : null;
  const events = await db
    .select({
      action: monitoringPeriodEvents.action,
      reason: monitoringPeriodEvents.reason,
      at: monitoringPeriodEvents.at,
      actor: users.name,
    })
    .from(monitoringPeriodEvents)
    .leftJoin(users, eq(users.id, monitoringPeriodEvents.actorId))
    .where(eq(monitoringPeriodEvents.periodId, stored.id))
    .orderBy(asc(monitoringPeriodEvents.at), asc(monitoringPeriodEvents.id));
  return {
    ...base,
    status: stored.status as "open" | "closed",
    revision: stored.revision,
    closedAt: snapshot?.closedAt.toISOString() ?? null,
    closedBy: closer ?? null,
    valuesSha256: snapshot?.valuesSha256 ?? null,
    auditHead: snapshot?.auditHead ?? null,
    events: events.map((e) => ({
      action: e.action as "closed" | "reopened",
      reason: e.reason,
      at: e.at.toISOString(),
      actor: e.actor ?? null,
    })),
    version: stored.version,
    id: stored.id,
  };
}

/** The stored periods of a granularity (closed at least once), newest first. */
export async function listStoredPeriods(db: Db, granularity: Period["granularity"]) {
  return db
    .select({ startsOn: monitoringPeriods.startsOn })
    .from(monitoringPeriods)
    .where(eq(monitoringPeriods.granularity, granularity))
    .orderBy(desc(monitoringPeriods.startsOn));
}

/** Every indicator with all its disaggregations, as the transaction's scope sees them. */
async function computeAll(db: Db, period: Period): Promise<SnapshotValues> {
  const indicators: ComputedIndicator[] = [];
  for (const d of CATALOGUE) indicators.push(await computeIndicator(db, d.code, period));
  return { indicators };
}

const sha256 = (values: SnapshotValues) => createHash("sha256").update(JSON.stringify(values)).digest("hex");

/**
 * Run `fn` seeing what `organisationId` sees, inside the caller's transaction, then give the
 * transaction back its own scope: the partners' snapshots come from the same data as the programme's.
 */
async function asOrganisation<T>(db: Db, organisationId: string, fn: () => Promise<T>): Promise<T> {
  const [before] = await rowsOf<{ org: string; scope: string }>(
    db,
    sql`select current_setting('app.org', true) as "org", current_setting('app.scope', true) as "scope"`,
  );
  await db.execute(
    sql`select set_config('app.org', ${organisationId}, true), set_config('app.scope', 'organisation', true)`,
  );
  try {
    return await fn();
  } finally {
    await db.execute(
      sql`select set_config('app.org', ${before?.org ?? ""}, true), set_config('app.scope', ${before?.scope ?? ""}, true)`,
    );
  }
}

/**
 * Close a period that has ended: freeze the snapshot (programme and each Area B partner) and record
 * who closed it. A closed period is refused: reopen it first, with a reason. Runs in the caller's
 * programme-wide transaction.
 */
export async function closePeriod(options: { db: Db; actor: Actor; period: Period; today: string }) {
  const { db, actor, period, today } = options;
  if (!hasEnded(period, today))
    throw fieldError(
      "UNPROCESSABLE",
      "period",
      `The period ${period.key} has not ended yet: it ends on ${period.to}`,
    );
  await db
    .insert(monitoringPeriods)
    .values({ granularity: period.granularity, startsOn: period.from, endsOn: period.to })
    .onConflictDoNothing();
  // The row lock makes two closes of the same period take turns; the second finds it closed.
  const [stored] = await db
    .select()
    .from(monitoringPeriods)
    .where(
      and(eq(monitoringPeriods.granularity, period.granularity), eq(monitoringPeriods.startsOn, period.from)),
    )
    .for("update");
  if (!stored) throw new Error("the period row was not written");
  if (stored.status === "closed")
    throw new AppError(
      "CONFLICT",
      `The period ${period.key} is closed (revision ${stored.revision}): its figures cannot change; reopen it with a reason first`,
    );
  const revision = stored.revision + 1;
  const programme = await computeAll(db, period);
  const partners = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.area, "B"));
  const perPartner: { partnerId: string; values: SnapshotValues }[] = [];
  for (const { id } of partners)
    perPartner.push({ partnerId: id, values: await asOrganisation(db, id, () => computeAll(db, period)) });
  const [head] = await rowsOf<{ hash: string }>(db, sql`select hash from audit_head where id = 1`);
  const auditHead = head?.hash ?? "";
  await db.insert(monitoringSnapshots).values([
    {
      periodId: stored.id,
      revision,
      partnerId: null,
      values: programme,
      valuesSha256: sha256(programme),
      auditHead,
      closedBy: actor.userId,
    },
    ...perPartner.map((p) => ({
      periodId: stored.id,
      revision,
      partnerId: p.partnerId,
      values: p.values,
      valuesSha256: sha256(p.values),
      auditHead,
      closedBy: actor.userId,
    })),
  ]);
  await db
    .update(monitoringPeriods)
    .set({ status: "closed", revision, version: stored.version + 1 })
    .where(eq(monitoringPeriods.id, stored.id));
  await db
    .insert(monitoringPeriodEvents)
    .values({ periodId: stored.id, action: "closed", actorId: actor.userId });
}

/** Reopen a closed period, with a reason; its snapshots stay, and the figures go back to live. */
export async function reopenPeriod(options: { db: Db; actor: Actor; period: Period; reason: string }) {
  const { db, actor, period, reason } = options;
  const [stored] = await db
    .select()
    .from(monitoringPeriods)
    .where(
      and(eq(monitoringPeriods.granularity, period.granularity), eq(monitoringPeriods.startsOn, period.from)),
    )
    .for("update");
  if (stored?.status !== "closed")
    throw new AppError("CONFLICT", `The period ${period.key} is not closed: there is nothing to reopen`);
  await db
    .update(monitoringPeriods)
    .set({ status: "open", version: stored.version + 1 })
    .where(eq(monitoringPeriods.id, stored.id));
  await db
    .insert(monitoringPeriodEvents)
    .values({ periodId: stored.id, action: "reopened", reason, actorId: actor.userId });
}
