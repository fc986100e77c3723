// SPDX-License-Identifier: EUPL-1.2

import { scopeOfRole } from "../../domain/auth/roles.ts";
import { type ActualMonth, actualChecks, planVersusActual } from "../../domain/finance/actuals.ts";
import { planChecks } from "../../domain/finance/checks.ts";
import { runMonteCarloChunk } from "../../domain/finance/monte-carlo-chunks.ts";
import { runPlan } from "../../domain/finance/plan.ts";
import type {
  MonteCarloChunkQuery,
  MonteCarloChunkView,
  PlanActualsView,
  PlanComparisonView,
  PlanResultView,
  PlanScenarioInput,
  PlanScenarioList,
  PlanScenarioVersionView,
  PlanScenarioView,
  PlanSensitivityView,
  PlanVersionMeta,
  RegistryUnitsView,
} from "../../domain/finance/plan-api.schema.ts";
import { parseScenario, type Scenario } from "../../domain/finance/scenario.schema.ts";
import { compareVariants, sensitivity } from "../../domain/finance/scenarios.ts";
import { firstDayOf, lastDayOf, periodOf } from "../../domain/ledger/period.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import {
  actualFigures,
  findScenarioRow,
  insertScenarioRow,
  listLatestScenarioRows,
  listVersionRows,
  lockScenarioVersions,
  registryUnitRows,
  type ScenarioRow,
} from "./finance.repository.ts";
import { planWorkbook } from "./plan-workbook.ts";

/*
 * The financial plan (PEF): scenarios saved as immutable versions, and the engine run on them. The
 * engine's runs happen after the read's transaction has ended (`inScope` opens and closes it), so a
 * long computation never holds a connection, nor PGlite's single one.
 */

/** Runs `fn` in a short transaction scoped to the caller. */
export type InScope = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

const authorOf = (row: { createdBy: string | null; createdByName: string | null }) =>
  row.createdBy === null ? null : { id: row.createdBy, name: row.createdByName ?? "" };

const metaOf = (row: Omit<ScenarioRow, "name" | "scenario">): PlanVersionMeta => ({
  version: row.version,
  reason: row.reason,
  createdBy: authorOf(row),
  createdAt: row.createdAt.toISOString(),
});

/** A stored version as today's schema reads it; one it no longer reads is a conflict to resolve by hand. */
function scenarioOf(row: ScenarioRow): Scenario {
  const parsed = parseScenario(row.scenario);
  if (parsed.ok) return parsed.scenario;
  throw new AppError(
    "CONFLICT",
    `Version ${row.version} of scenario "${row.name}" no longer reads as a scenario; save a corrected version`,
    parsed.issues.map((i) => ({ path: `scenario.${i.path}`, message: i.message })),
  );
}

const versionViewOf = (row: ScenarioRow): PlanScenarioVersionView => ({
  name: row.name,
  ...metaOf(row),
  scenario: scenarioOf(row),
});

async function findRowOrFail(db: Db, name: string, version: number | null = null) {
  const row = await findScenarioRow(db, name, version);
  if (row === null)
    throw new AppError(
      "NOT_FOUND",
      version === null ? `No scenario "${name}"` : `No version ${version} of scenario "${name}"`,
    );
  return row;
}

/** The latest version of every scenario. */
export async function listPlanScenarios(options: { db: Db }): Promise<PlanScenarioList> {
  const rows = await listLatestScenarioRows(options.db);
  return {
    items: rows.map((row) => {
      const scenario = scenarioOf(row);
      return {
        name: row.name,
        title: scenario.name,
        startMonth: scenario.startMonth,
        conventionYears: scenario.conventionYears,
        ...metaOf(row),
      };
    }),
  };
}

/** A scenario's latest version with every version's who, when and why. */
export async function getPlanScenario(options: { db: Db; name: string }): Promise<PlanScenarioView> {
  const { db, name } = options;
  const row = await findRowOrFail(db, name);
  const versions = await listVersionRows(db, name);
  return { ...versionViewOf(row), versions: versions.map(metaOf) };
}

export async function getPlanScenarioVersion(options: {
  db: Db;
  name: string;
  version: number;
}): Promise<PlanScenarioVersionView> {
  return versionViewOf(await findRowOrFail(options.db, options.name, options.version));
}

/**
 * Save a scenario as its next version (1 for a new name), with why. An invalid scenario is a 422
 * naming each problem's field as `scenario.<path>`; nothing is written. Writers of a name take turns.
 */
export async function savePlanScenario(options: {
  db: Db;
  actor: Actor;
  input: PlanScenarioInput;
  now: Date;
}): Promise<PlanScenarioView> {
  const { db, actor, input, now } = options;
  const parsed = parseScenario(input.scenario);
  if (!parsed.ok)
    throw new AppError(
      "UNPROCESSABLE",
      "The scenario cannot be saved like this",
      parsed.issues.map((i) => ({
        path: i.path === "" ? "scenario" : `scenario.${i.path}`,
        message: i.message,
      })),
    );
  await lockScenarioVersions(db, input.name);
  const version = ((await findScenarioRow(db, input.name, null))?.version ?? 0) + 1;
  const saved = await insertScenarioRow(db, {
    name: input.name,
    version,
    scenario: parsed.scenario,
    reason: input.reason,
    createdBy: actor.userId,
    createdAt: now,
  });
  if (!saved) throw fieldError("CONFLICT", "name", "Another version was saved at the same moment; retry");
  return getPlanScenario({ db, name: input.name });
}

/** Reads a version in its own short transaction; the caller computes after it has ended. */
async function loadScenario(inScope: InScope, name: string, version: number | null = null) {
  const row = await inScope((db) => findRowOrFail(db, name, version));
  return { name: row.name, version: row.version, scenario: scenarioOf(row) };
}

/** The plan of a scenario's latest version: monthly and yearly tables, DSCR, revenue, break-even, checks. */
export async function getPlanResult(options: { inScope: InScope; name: string }): Promise<PlanResultView> {
  const { name, version, scenario } = await loadScenario(options.inScope, options.name);
  const plan = runPlan(scenario);
  return { name, version, plan, checks: planChecks(scenario, plan) };
}

/** The standard variants of the latest version side by side. */
export async function getPlanComparison(options: {
  inScope: InScope;
  name: string;
}): Promise<PlanComparisonView> {
  const { name, version, scenario } = await loadScenario(options.inScope, options.name);
  return { name, version, variants: compareVariants(scenario) };
}

/** Each input of the latest version moved ±10 %: what moves the minimum DSCR and the units recovered. */
export async function getPlanSensitivity(options: {
  inScope: InScope;
  name: string;
}): Promise<PlanSensitivityView> {
  const { name, version, scenario } = await loadScenario(options.inScope, options.name);
  return { name, version, ...sensitivity(scenario) };
}

/** One chunk of a seeded Monte Carlo analysis of a version (the latest unless named). */
export async function runPlanMonteCarloChunk(options: {
  inScope: InScope;
  name: string;
  query: MonteCarloChunkQuery;
}): Promise<MonteCarloChunkView> {
  const { query } = options;
  const { name, version, scenario } = await loadScenario(
    options.inScope,
    options.name,
    query.version ?? null,
  );
  const chunk = runMonteCarloChunk(scenario, {
    seed: query.seed,
    runs: query.runs,
    from: query.from,
    count: query.count,
  });
  return { name, version, ...chunk };
}

/** Every result table of the latest version as an XLSX workbook, one sheet per table. */
export async function exportPlanWorkbook(options: { inScope: InScope; name: string }) {
  const { name, version, scenario } = await loadScenario(options.inScope, options.name);
  const bytes = await planWorkbook({ name, version, scenario });
  return { name, version, bytes };
}

/** Whose records an answer counts: the whole programme's, or only the caller's organisation's. */
const recordsScopeOf = (actor: Actor) =>
  scopeOfRole(actor.role) === "programme" ? ("programme" as const) : ("own_organisation" as const);

/**
 * The latest version's plan against the records, from its start to this month, and the programme's
 * checks on actual figures (see `actualChecks`). A partner's staff see their own records only.
 */
export async function getPlanActuals(options: {
  inScope: InScope;
  actor: Actor;
  name: string;
  today: string;
}): Promise<PlanActualsView> {
  const { actor, today } = options;
  const { name, version, scenario } = await loadScenario(options.inScope, options.name);
  const plan = runPlan(scenario);
  const thisMonth = periodOf(today);
  const lastMonth = plan.months.at(-1)?.month ?? scenario.startMonth;
  const through = thisMonth < lastMonth ? thisMonth : lastMonth;
  const figures = await options.inScope((db) =>
    actualFigures(db, firstDayOf(scenario.startMonth), lastDayOf(through)),
  );
  const months = new Map<string, ActualMonth>();
  const monthRow = (month: string) => {
    let row = months.get(month);
    if (row === undefined) {
      row = { month, collectedRentCents: 0, worksCostCents: 0, loanPaymentsCents: 0 };
      months.set(month, row);
    }
    return row;
  };
  for (const r of figures.rent) monthRow(r.month).collectedRentCents += r.cents;
  for (const r of figures.works) monthRow(r.month).worksCostCents += r.cents;
  for (const r of figures.loans) monthRow(r.month).loanPaymentsCents += r.cents;
  const pledged = (source: string) => figures.sources.find((s) => s.source === source)?.cents ?? 0;
  const receiptsOf = (source: string) =>
    figures.receipts
      .filter((r) => r.source === source)
      .map((r) => ({ month: r.month, amountCents: r.cents }));
  const actual = [...months.values()];
  const compared = planVersusActual(plan.months, actual, through);
  return {
    name,
    version,
    asOf: today,
    scope: recordsScopeOf(actor),
    ...compared,
    checks: actualChecks(
      scenario,
      plan.months,
      actual,
      {
        grantCents: pledged("grant"),
        otherSourcesCents: pledged("equity") + pledged("fundraising") + pledged("calls"),
        loansCents: figures.accepted[0]?.cents ?? 0,
        areaAReceipts: receiptsOf("co_financing_a"),
        areaBReceipts: receiptsOf("co_financing_b"),
        worksExVatCents: figures.worksExVat[0]?.cents ?? 0,
        stockUnits: figures.stock[0]?.n ?? 0,
      },
      through,
    ),
  };
}

const IN_OPERATION = new Set(["available", "offered", "let_pending", "let", "vacating"]);
const IN_PIPELINE = new Set(["to_renovate", "renovating"]);

/** The registry's units as a scenario's units in operation and pipeline, for the caller's scope. */
export async function getRegistryUnits(options: {
  db: Db;
  actor: Actor;
  today: string;
}): Promise<RegistryUnitsView> {
  const rows = await registryUnitRows(options.db);
  const category = (name: string) => {
    const own = rows.filter((r) => r.category === name && IN_OPERATION.has(r.status));
    const count = own.reduce((sum, r) => sum + r.n, 0);
    const surface = own.reduce((sum, r) => sum + r.surfaceM2, 0);
    return { count, averageM2: count === 0 ? null : Math.round((surface / count) * 10) / 10 };
  };
  return {
    asOf: options.today,
    scope: recordsScopeOf(options.actor),
    unitsInOperation: {
      calmierato: category("calmierato"),
      calmierato_ridotto: category("calmierato_ridotto"),
      fragilita: category("fragilita"),
    },
    pipeline: { units: rows.filter((r) => IN_PIPELINE.has(r.status)).reduce((sum, r) => sum + r.n, 0) },
    unavailable: rows.filter((r) => r.status === "unavailable").reduce((sum, r) => sum + r.n, 0),
  };
}
