// SPDX-License-Identifier: EUPL-1.2
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { hasPermission, type Permission } from "../../domain/auth/roles.ts";
import { CATALOGUE, type Dimension, type RecordKind } from "../../domain/monitoring/catalogue.ts";
import type {
  CatalogueView,
  DashboardView,
  IndicatorValueView,
  RecordsView,
  SeriesView,
  TargetsInput,
} from "../../domain/monitoring/monitoring-api.schema.ts";
import { type Granularity, type Period, periodsEndingAt, toDate } from "../../domain/monitoring/periods.ts";
import { standingOf, type Target, targetAt } from "../../domain/monitoring/values.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Alongside, Db, DbScope } from "../db/client.ts";
import { indicatorTargets, organisations } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import {
  type ComputedIndicator,
  computeHeadlines,
  computeIndicator,
  definitionOf,
  recordsBehind,
} from "./indicators.service.ts";
import { type PeriodState, periodState, type SnapshotValues, snapshotFor } from "./periods.service.ts";

type Targets = Map<string, { targets: (Target & { note: string })[]; defaults: boolean; version: number }>;

/** Every indicator's targets: the Comune's, or the catalogue's defaults where none were set. */
export async function loadTargets(db: Db): Promise<Targets> {
  const rows = await db
    .select()
    .from(indicatorTargets)
    .orderBy(asc(indicatorTargets.indicatorCode), asc(indicatorTargets.dueOn));
  const out: Targets = new Map();
  for (const d of CATALOGUE) {
    const own = rows.filter((r) => r.indicatorCode === d.code);
    out.set(
      d.code,
      own.length > 0
        ? {
            targets: own.map((r) => ({
              kind: r.kind as Target["kind"],
              value: r.value,
              dueOn: r.dueOn,
              note: r.note,
            })),
            defaults: false,
            version: Math.max(...own.map((r) => r.version)),
          }
        : { targets: d.targets.map((t) => ({ ...t, note: "" })), defaults: true, version: 0 },
    );
  }
  return out;
}

export async function catalogueView(db: Db): Promise<z.infer<typeof CatalogueView>> {
  const targets = await loadTargets(db);
  return {
    indicators: CATALOGUE.map((d) => {
      const set = targets.get(d.code);
      return {
        ...d,
        dimensions: [...d.dimensions],
        targets: set?.targets ?? [],
        defaultTargets: set?.defaults ?? true,
        version: set?.version ?? 0,
      };
    }),
  };
}

/** Replace an indicator's targets; the whole set is written at once. */
export async function setTargets(options: { db: Db; actor: Actor; code: string; input: TargetsInput }) {
  const { db, actor, code, input } = options;
  definitionOf(code);
  const current = (await loadTargets(db)).get(code);
  await db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorCode, code));
  await db.insert(indicatorTargets).values(
    input.targets.map((t) => ({
      indicatorCode: code,
      kind: t.kind,
      value: t.value,
      dueOn: t.dueOn,
      note: t.note,
      setBy: actor.userId,
      version: (current?.version ?? 0) + 1,
    })),
  );
}

/** Keys in words where the server knows them: organisations by name, Municipi by number. */
async function labeller(db: Db) {
  const names = new Map(
    (await db.select({ id: organisations.id, name: organisations.name }).from(organisations)).map((o) => [
      o.id,
      o.name,
    ]),
  );
  return (dimension: Dimension, key: string | null) => {
    if (key === null) return null;
    if (dimension === "partner") return names.get(key) ?? null;
    if (dimension === "place")
      return key.startsWith("municipio_") ? `Municipio ${key.slice("municipio_".length)}` : key;
    return null;
  };
}

type ValueView = z.infer<typeof IndicatorValueView>;

async function presented(
  db: Db,
  values: readonly ComputedIndicator[],
  targets: Targets,
  at: string,
): Promise<ValueView[]> {
  const label = await labeller(db);
  return values.map((v) => {
    const definition = definitionOf(v.code);
    const target = targetAt(targets.get(v.code)?.targets ?? [], at);
    const breakdowns: ValueView["breakdowns"] = {};
    for (const [dimension, cells] of Object.entries(v.breakdowns) as [
      Dimension,
      ComputedIndicator["breakdowns"][Dimension],
    ][])
      breakdowns[dimension] = (cells ?? []).map((c) => ({ ...c, label: label(dimension, c.key) }));
    const { breakdowns: _b, ...value } = v;
    return {
      ...value,
      target: target === null ? null : { ...target, note: "" },
      standing: standingOf(definition.direction, v.value, target),
      breakdowns,
    };
  });
}

const publicState = ({ id: _id, ...state }: PeriodState) => state;

/**
 * The dashboard of a period: every indicator against its target. A closed period is read from its
 * snapshot (the programme's, or the reader's own organisation's); an open one is computed now.
 */
export async function dashboard(options: {
  db: Db;
  scope: DbScope;
  period: Period;
  today: string;
  now: Date;
  /** Computes the indicators at once on PostgreSQL (`Database.alongside`); in turn in `db` without. */
  alongside?: Alongside;
}): Promise<z.infer<typeof DashboardView>> {
  const { db, scope, period, today, now, alongside } = options;
  const state = await periodState(db, period, today, scope);
  const targets = await loadTargets(db);
  const snapshot =
    state.status === "closed" && state.id ? await snapshotFor(db, state.id, state.revision, scope) : null;
  const values = snapshot
    ? (snapshot.values as SnapshotValues).indicators.map((v) => ({ ...v, breakdowns: {} }))
    : await computeHeadlines(db, toDate(period, today), undefined, alongside);
  return {
    period: publicState(state),
    source: snapshot ? "snapshot" : "live",
    scope: scope.sees === "all" ? "programme" : "organisation",
    computedAt: (snapshot?.closedAt ?? now).toISOString(),
    indicators: await presented(db, values, targets, period.to),
  };
}

/** One indicator with its disaggregations, for the period (from the snapshot when closed). */
export async function indicatorDetail(options: {
  db: Db;
  scope: DbScope;
  code: string;
  period: Period;
  today: string;
  dimensions?: readonly Dimension[];
}): Promise<ValueView & { source: "snapshot" | "live" }> {
  const { db, scope, code, period, today } = options;
  const definition = definitionOf(code);
  const state = await periodState(db, period, today, scope);
  const snapshot =
    state.status === "closed" && state.id ? await snapshotFor(db, state.id, state.revision, scope) : null;
  const frozen = snapshot
    ? (snapshot.values as SnapshotValues).indicators.find((v) => v.code === code)
    : undefined;
  const value =
    frozen ??
    (await computeIndicator(db, code, toDate(period, today), options.dimensions ?? definition.dimensions));
  const [view] = await presented(db, [value], await loadTargets(db), period.to);
  return { ...(view as ValueView), source: frozen ? "snapshot" : "live" };
}

/** An indicator over the `count` periods of a granularity ending with the one holding `today`. */
export async function series(options: {
  db: Db;
  scope: DbScope;
  code: string;
  granularity: Granularity;
  count: number;
  today: string;
}): Promise<z.infer<typeof SeriesView>> {
  const { db, scope, code, granularity, count, today } = options;
  definitionOf(code);
  const points: z.infer<typeof SeriesView>["points"] = [];
  for (const period of periodsEndingAt(granularity, today, count)) {
    const state = await periodState(db, period, today, scope);
    const snapshot =
      state.status === "closed" && state.id ? await snapshotFor(db, state.id, state.revision, scope) : null;
    const frozen = snapshot
      ? (snapshot.values as SnapshotValues).indicators.find((v) => v.code === code)
      : undefined;
    const value = frozen ?? (await computeHeadlines(db, toDate(period, today), [code]))[0];
    if (!value) continue;
    points.push({
      key: period.key,
      from: period.from,
      to: period.to,
      source: frozen ? "snapshot" : "live",
      numerator: value.numerator,
      denominator: value.denominator,
      value: value.value,
      notComputable: value.notComputable,
    });
  }
  return { code, points, targets: (await loadTargets(db)).get(code)?.targets ?? [] };
}

/** The permission that reads each kind of record a drill-down lists. */
const RECORD_PERMISSION: Record<RecordKind, Permission> = {
  household: "households:read",
  unit: "units:read",
  tenancy: "tenancies:read",
  works: "works:read",
};

/**
 * The records behind a number, for roles that may read those records; always computed from the
 * operational data as they stand now (a closed period's snapshot keeps values, not records).
 */
export async function recordsView(options: {
  db: Db;
  actor: Actor;
  code: string;
  period: Period;
  today: string;
  dimension?: Dimension;
  key?: string | null;
  limit: number;
}): Promise<z.infer<typeof RecordsView>> {
  const definition = definitionOf(options.code);
  const permission = RECORD_PERMISSION[definition.records];
  if (!hasPermission(options.actor.role, permission))
    throw new AppError(
      "FORBIDDEN",
      `Your role (${options.actor.role}) may not ${permission}: the records behind this number are not yours to see`,
    );
  const { records, total } = await recordsBehind(options.db, {
    ...options,
    period: toDate(options.period, options.today),
  });
  return { code: options.code, records: definition.records, total, items: records };
}
