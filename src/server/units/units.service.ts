// SPDX-License-Identifier: EUPL-1.2
import { scopeOfRole } from "../../domain/auth/roles.ts";
import { maxAnnualRentCents, maxMonthlyRentCents } from "../../domain/units/rent-cap.ts";
import type { StockSummary } from "../../domain/units/stock-summary.schema.ts";
import { categoryMix, stockGrowth } from "../../domain/units/stock-summary.ts";
import {
  UNIT_CATEGORIES,
  UNIT_STATUSES,
  type Unit,
  type UnitCategory,
  type UnitCreate,
  type UnitEvent,
  type UnitFields,
  type UnitListQuery,
  UnitRecord,
  type UnitStatus,
  type UnitTransition,
  type UnitUpdate,
} from "../../domain/units/unit.schema.ts";
import {
  diffUnitFields,
  resolveUnitPartners,
  type UnitPartners,
  unitFieldsOf,
} from "../../domain/units/unit-changes.ts";
import { type ImportIssue, importIssuesToFieldIssues, parseUnitRows } from "../../domain/units/unit-file.ts";
import { allowedTransitions, canTransition } from "../../domain/units/unit-status.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Alongside, alongsidePair, type Db, inOrder, inTurn } from "../db/client.ts";
import { AppError, fieldError, uniqueViolationOf } from "../errors.ts";
import { listOrganisations } from "../organisations/organisations.repository.ts";
import {
  cappedSurfaceCounts,
  countUnitRows,
  countUnitsBy,
  ensureBuildings,
  findUnitRow,
  findUnitRowsByCodes,
  insertUnitEvent,
  insertUnitEventRows,
  insertUnitRow,
  insertUnitRows,
  listUnitEvents,
  listUnitRows,
  listUnitRowsCounted,
  stockTotals,
  type UnitFilterQuery,
  type UnitRow,
  type UnitScope,
  type UnitValues,
  updateUnitRow,
  updateUnitRows,
  vacuumUnits,
} from "./units.repository.ts";

const scopeOf = (actor: Actor): UnitScope =>
  scopeOfRole(actor.role) === "programme" ? null : { organisationId: actor.organisationId };
const ownOrganisation = (actor: Actor) => scopeOf(actor)?.organisationId ?? null;

// A stored row's category, origin and condition are the text the checks allow.
const fieldsOf = (row: UnitRow) => unitFieldsOf(row as UnitFields);

export function toUnit(row: UnitRow): Unit {
  const category = row.category as UnitCategory;
  return {
    ...fieldsOf(row),
    id: row.id,
    status: row.status as UnitStatus,
    managingPartnerName: row.managingPartnerName,
    maxAnnualRentCents: maxAnnualRentCents(category, row.surfaceM2),
    maxMonthlyRentCents: maxMonthlyRentCents(category, row.surfaceM2),
    accessible: row.stepFree,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function organisationsByCode(db: Db) {
  return new Map((await listOrganisations(db)).map((o) => [o.code, o]));
}

/**
 * The columns a unit write sets: its fields, and the partners' ids for their codes (which stay on the
 * object, unread). Added to the copy rather than spread into another: the spread cost 10 µs a unit.
 */
function toValues(unit: UnitFields, status: UnitStatus, partners: UnitPartners): UnitValues {
  const { managingPartnerId, comodatoPartnerId } = partners;
  return Object.assign(unitFieldsOf(unit), { status, managingPartnerId, comodatoPartnerId });
}

export async function listUnits(options: {
  db: Db;
  actor: Actor;
  query: UnitListQuery;
  /** Reads the page and the count at once (on PostgreSQL); one after the other in `db` without. */
  alongside?: Alongside;
}) {
  const { db, actor, query, alongside = (tasks) => inTurn(db, tasks) } = options;
  const scope = scopeOf(actor);
  const page = { limit: query.limit, offset: query.offset };
  if (query.q) {
    // A text search's page reads every entry of the search index: the same read counts them.
    const { rows, total } = await listUnitRowsCounted(db, query, scope, page);
    return { items: rows.map(toUnit), total };
  }
  // A filter without an index of its own is read twice, for the page and the count: on two
  // connections the two reads take the time of one.
  const [rows, total] = await alongsidePair(
    alongside,
    (tx) => listUnitRows(tx, query, scope, page),
    (tx) => countUnitRows(tx, query, scope),
  );
  return { items: rows.map(toUnit), total };
}

async function findUnitOrFail(db: Db, actor: Actor, idOrCode: string) {
  const row = await findUnitRow(db, idOrCode, scopeOf(actor));
  if (row === null) throw new AppError("NOT_FOUND", `No unit "${idOrCode}"`);
  return row;
}

export async function getUnit(options: { db: Db; actor: Actor; idOrCode: string }) {
  const row = await findUnitOrFail(options.db, options.actor, options.idOrCode);
  return { ...toUnit(row), allowedTransitions: [...allowedTransitions(row.status as UnitStatus)] };
}

export async function getUnitHistory(options: {
  db: Db;
  actor: Actor;
  idOrCode: string;
}): Promise<UnitEvent[]> {
  const row = await findUnitOrFail(options.db, options.actor, options.idOrCode);
  const events = await listUnitEvents(options.db, row.id);
  return events.map((e) => ({
    ...e,
    at: e.at.toISOString(),
    kind: e.kind as UnitEvent["kind"],
    fromStatus: e.fromStatus as UnitStatus | null,
    toStatus: e.toStatus as UnitStatus | null,
    changes: e.changes as Record<string, [unknown, unknown]>,
  }));
}

export async function createUnit(options: { db: Db; actor: Actor; input: UnitCreate }) {
  const { db, actor, input } = options;
  const partners = resolveUnitPartners(input, await organisationsByCode(db), ownOrganisation(actor));
  if (partners.issues.length > 0)
    throw new AppError("UNPROCESSABLE", "The unit breaks a rule", partners.issues);
  try {
    const id = await db.transaction(async (tx) => {
      // A taken code surfaces as the unique violation below, also when two requests race.
      await ensureBuildings(tx, [input]);
      const unitId = await insertUnitRow(tx, toValues(input, input.status, partners));
      await insertUnitEvent(tx, {
        unitId,
        actorId: actor.userId,
        kind: "created",
        fromStatus: null,
        toStatus: input.status,
        changes: {},
        note: "",
      });
      return unitId;
    });
    return getUnit({ db, actor, idOrCode: id });
  } catch (e) {
    if (uniqueViolationOf(e) !== null)
      throw fieldError("CONFLICT", "code", `A unit with code ${input.code} already exists`);
    throw e;
  }
}

export async function updateUnit(options: { db: Db; actor: Actor; idOrCode: string; patch: UnitUpdate }) {
  const { db, actor, idOrCode, patch } = options;
  const byCode = await organisationsByCode(db);
  const id = await db.transaction(async (tx) => {
    const row = await findUnitOrFail(tx, actor, idOrCode);
    const { version, ...changes } = patch;
    if (row.version !== version) {
      throw fieldError(
        "CONFLICT",
        "version",
        `The unit was changed by someone else (version ${row.version}, you sent ${version}); reload it and retry`,
      );
    }
    const before = fieldsOf(row);
    const merged = UnitRecord.safeParse({ ...before, ...changes });
    if (!merged.success) {
      throw new AppError(
        "INVALID",
        "The unit has invalid fields",
        merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
    const diff = diffUnitFields(before, merged.data);
    if (Object.keys(diff).length === 0) return row.id;
    const partners = resolveUnitPartners(merged.data, byCode, ownOrganisation(actor));
    if (partners.issues.length > 0)
      throw new AppError("UNPROCESSABLE", "The unit breaks a rule", partners.issues);
    await ensureBuildings(tx, [merged.data]);
    const values = toValues(merged.data, row.status as UnitStatus, partners);
    if (!(await updateUnitRow(tx, row.id, version, values))) {
      throw fieldError("CONFLICT", "version", "The unit was changed by someone else; reload it and retry");
    }
    await insertUnitEvent(tx, {
      unitId: row.id,
      actorId: actor.userId,
      kind: "updated",
      fromStatus: null,
      toStatus: null,
      changes: diff,
      note: "",
    });
    return row.id;
  });
  return getUnit({ db, actor, idOrCode: id });
}

export async function transitionUnit(options: {
  db: Db;
  actor: Actor;
  idOrCode: string;
  input: UnitTransition;
}) {
  const { db, actor, idOrCode, input } = options;
  const id = await db.transaction(async (tx) => {
    const row = await findUnitOrFail(tx, actor, idOrCode);
    const from = row.status as UnitStatus;
    if (!canTransition(from, input.to)) {
      const allowed = allowedTransitions(from).join(", ");
      throw fieldError("CONFLICT", "to", `A unit cannot go from ${from} to ${input.to}; allowed: ${allowed}`);
    }
    if (!(await updateUnitRow(tx, row.id, row.version, { status: input.to }))) {
      throw fieldError("CONFLICT", "to", "The unit was changed by someone else; reload it and retry");
    }
    await insertUnitEvent(tx, {
      unitId: row.id,
      actorId: actor.userId,
      kind: "status",
      fromStatus: from,
      toStatus: input.to,
      changes: { status: [from, input.to] },
      note: input.note,
    });
    return row.id;
  });
  return getUnit({ db, actor, idOrCode: id });
}

/** A bulk change this large refreshes the planner's statistics before the import answers. */
const ANALYZE_AFTER_ROWS = 5000;

export type ImportProgress = { phase: "read" | "validated" | "written"; rows: number };
export type ImportResult = { rows: number; created: number; updated: number; unchanged: number };

/**
 * Import units from the rows of a file (header first): new codes are created, existing ones updated,
 * all in one transaction. One bad cell anywhere and nothing is written; the error lists every bad cell.
 */
export async function importUnits(options: {
  db: Db;
  actor: Actor;
  rows: string[][];
  /** Told after each phase; awaited, so a caller can send the news before the next phase starts. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}): Promise<ImportResult> {
  const { db, actor, rows, onProgress = () => {} } = options;
  await onProgress({ phase: "read", rows: Math.max(0, rows.length - 1) });
  const parsed = parseUnitRows(rows);
  const issues: ImportIssue[] = [...parsed.issues];
  const byCode = await organisationsByCode(db);
  const existing = new Map(
    (
      await findUnitRowsByCodes(
        db,
        parsed.units.map((p) => p.unit.code),
      )
    ).map((r) => [r.code, r]),
  );
  const creates: UnitValues[] = [];
  const updates: { values: UnitValues; row: UnitRow; changes: Record<string, [unknown, unknown]> }[] = [];
  for (const { row, unit } of parsed.units) {
    const partners = resolveUnitPartners(unit, byCode, ownOrganisation(actor));
    for (const issue of partners.issues) issues.push({ row, column: issue.path, message: issue.message });
    const stored = existing.get(unit.code);
    if (stored === undefined) {
      creates.push(toValues(unit, unit.status, partners));
      continue;
    }
    const from = stored.status as UnitStatus;
    if (from !== unit.status && !canTransition(from, unit.status)) {
      issues.push({ row, column: "status", message: `A unit cannot go from ${from} to ${unit.status}` });
    }
    const changes = diffUnitFields(fieldsOf(stored), unit);
    if (from !== unit.status) changes.status = [from, unit.status];
    if (Object.keys(changes).length > 0)
      updates.push({ values: toValues(unit, unit.status, partners), row: stored, changes });
  }
  if (issues.length > 0) {
    const badRows = new Set(issues.map((i) => i.row)).size;
    throw new AppError(
      "UNPROCESSABLE",
      `${badRows} row(s) have errors; nothing was imported`,
      importIssuesToFieldIssues(issues.sort((a, b) => a.row - b.row)),
    );
  }
  await onProgress({ phase: "validated", rows: parsed.units.length });
  await db.transaction(async (tx) => {
    await ensureBuildings(
      tx,
      parsed.units.map((p) => p.unit),
    );
    await insertUnitRows(tx, creates, { actorId: actor.userId, kind: "imported", note: "" });
    await updateUnitRows(
      tx,
      updates.map((u) => u.values),
    );
    await insertUnitEventRows(
      tx,
      updates.map((u) => ({
        unitId: u.row.id,
        actorId: actor.userId,
        kind: "imported" as const,
        fromStatus: u.row.status as UnitStatus,
        toStatus: u.values.status,
        changes: u.changes,
        note: "",
      })),
    );
  });
  await onProgress({ phase: "written", rows: parsed.units.length });
  return {
    rows: parsed.units.length,
    created: creates.length,
    updated: updates.length,
    unchanged: parsed.units.length - creates.length - updates.length,
  };
}

/** Every unit matching the filters, in list order, for an export file. */
export async function listUnitsForExport(options: { db: Db; actor: Actor; query: UnitFilterQuery }) {
  const rows = await listUnitRows(options.db, options.query, scopeOf(options.actor), null);
  return rows.map(toUnit);
}

function zeroFilled(counts: Record<string, number>, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));
}

/**
 * After a large import, vacuum and analyse `units` (as the table's owner, outside any transaction:
 * PGlite has no autovacuum; without statistics its list queries were up to 8× slower, and without the
 * visibility map a deep page cannot be read from the code's index alone).
 */
export async function refreshStatisticsAfterImport(ownerDb: Db, result: ImportResult) {
  if (result.created + result.updated >= ANALYZE_AFTER_ROWS) await vacuumUnits(ownerDb);
}

export async function getStockSummary(options: {
  db: Db;
  actor: Actor;
  /** The whole programme's unit count, for the growth ceiling, when `db` sees only a partner's units. */
  programmeTotal: number | null;
}): Promise<StockSummary> {
  const { db, actor, programmeTotal } = options;
  const scope = scopeOf(actor);
  // Independent aggregates of one transaction: one after the other on its connection.
  const [totals, categories, statuses, origins, towns, municipi, surfaces] = await inOrder([
    () => stockTotals(db, scope),
    () => countUnitsBy(db, "category", scope),
    () => countUnitsBy(db, "status", scope),
    () => countUnitsBy(db, "origin", scope),
    () => countUnitsBy(db, "town", scope),
    () => countUnitsBy(db, "municipio", scope),
    () => cappedSurfaceCounts(db, scope),
  ]);
  const byCategory = zeroFilled(categories, UNIT_CATEGORIES) as Record<UnitCategory, number>;
  const rent = { calmierato: 0, calmierato_ridotto: 0 };
  for (const { category, surfaceM2, n } of surfaces) {
    if (category === "calmierato" || category === "calmierato_ridotto") {
      rent[category] += (maxAnnualRentCents(category, surfaceM2) ?? 0) * n;
    }
  }
  return {
    total: totals.total,
    byStatus: zeroFilled(statuses, UNIT_STATUSES),
    byCategory,
    byOrigin: origins,
    byTown: towns,
    byMunicipio: municipi,
    accessible: totals.accessible,
    surfaceM2: Math.round(totals.surfaceM2 * 100) / 100,
    categoryMix: categoryMix(byCategory),
    growth: stockGrowth(programmeTotal ?? totals.total),
    potentialAnnualRentCents: { total: rent.calmierato + rent.calmierato_ridotto, ...rent },
  };
}
