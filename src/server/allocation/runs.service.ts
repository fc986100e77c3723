// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import type { AllocationBounds } from "../../domain/allocation/assignment.ts";
import { explainPair } from "../../domain/allocation/explain.ts";
import type {
  AllocationRun,
  AllocationRunExplainQuery,
  AllocationRunExplanation,
  AllocationRunInput,
  AllocationRunList,
  AllocationRunListQuery,
  AllocationRunProgress,
  AllocationRunReplay,
  AllocationRunSummary,
} from "../../domain/allocation/run.schema.ts";
import {
  canonicalJson,
  type RunOutcome,
  type RunSnapshot,
  sameOutcome,
} from "../../domain/allocation/run-snapshot.ts";
import { type OfferRules, type Refusal, standingAfter } from "../../domain/offers/offer-rules.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { listActiveHoldFacts } from "./holds.repository.ts";
import { listAllRefusalRows } from "./offers.repository.ts";
import { refusalOf } from "./offers.service.ts";
import { listOfferableUnitRows, listWaitingHouseholdRows } from "./rules.repository.ts";
import { activeRules, eligibilityHousehold, eligibilityUnit } from "./rules.service.ts";
import { type RunTask, reportProgress, runProgress, solveInWorker } from "./run-solver.ts";
import {
  type AllocationRunRow,
  countAllocationRunRows,
  findAllocationRunRow,
  insertAllocationRunRow,
  listAllocationRunRows,
} from "./runs.repository.ts";

/** What a run stores as its result: the outcome, plus the sizes and bounds its list shows. */
type StoredResult = RunOutcome & {
  units: number;
  households: number;
  pairs: number;
  bounds: AllocationBounds;
};

/** SHA-256 (hex) of the snapshot's canonical JSON. */
export const snapshotHash = (snapshot: RunSnapshot) =>
  createHash("sha256").update(canonicalJson(snapshot)).digest("hex");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SummaryRow = Pick<
  AllocationRunRow,
  "id" | "rulesVersion" | "seed" | "inputHash" | "status" | "objective" | "dualBound" | "result" | "createdAt"
>;

function summaryOf(row: SummaryRow): AllocationRunSummary {
  const result = row.result as StoredResult;
  return {
    id: row.id,
    rulesVersion: row.rulesVersion,
    seed: row.seed,
    inputHash: row.inputHash,
    status: row.status as AllocationRunSummary["status"],
    objective: row.objective === null ? null : Number(row.objective),
    dualBound: row.dualBound === null ? null : Number(row.dualBound),
    gap: result.gap,
    greedyObjective: result.greedyObjective,
    certificateValid: result.certificate.valid,
    counts: result.counts,
    violations: result.violations,
    bounds: {
      category: result.bounds.category ?? {},
      targetGroup: result.bounds.targetGroup,
      ...(result.bounds.partner ? { partner: result.bounds.partner } : {}),
    },
    units: result.units,
    households: result.households,
    pairs: result.pairs,
    createdAt: row.createdAt.toISOString(),
  };
}

function viewOf(row: SummaryRow): AllocationRun {
  const result = row.result as StoredResult;
  return {
    ...summaryOf(row),
    assignments: result.assignments,
    certificateProblems: result.certificate.problems,
  };
}

/** Each household's refused units and, when a refusal lost its place, the day its waiting restarts. */
async function refusalFacts(db: Db, rules: OfferRules) {
  const byHousehold = new Map<string, { refusedUnitIds: string[]; refusals: Refusal[] }>();
  for (const row of await listAllRefusalRows(db)) {
    const entry = byHousehold.get(row.householdId) ?? { refusedUnitIds: [], refusals: [] };
    const refusal = refusalOf(row);
    // A unit the household turned down is not offered again; one the provider refused may be.
    if (refusal.declinedBy === "household" && !entry.refusedUnitIds.includes(row.unitId))
      entry.refusedUnitIds.push(row.unitId);
    entry.refusals.push(refusal);
    byHousehold.set(row.householdId, entry);
  }
  return (householdId: string, referredOn: string) => {
    const entry = byHousehold.get(householdId);
    if (entry === undefined) return {};
    const lostOn = standingAfter(entry.refusals, rules).placeLostOn;
    return {
      ...(entry.refusedUnitIds.length > 0 ? { refusedUnitIds: entry.refusedUnitIds } : {}),
      ...(lostOn !== null && lostOn > referredOn ? { waitingFrom: lostOn } : {}),
    };
  };
}

/**
 * Run the joint assignment over the waiting households and the available units under the rules in
 * force — the units each household refused left out, the holds in force applied, the waiting time of
 * a household that lost its place counted from that day — and store it with its snapshot. Scoring and
 * solving happen in a worker thread, reporting to `input.progressId`. An infeasible run is stored too,
 * naming the bounds.
 */
export async function createAllocationRun(options: {
  /** Runs `fn` in one transaction of the caller's scope: the run reads in one and stores in another. */
  inScope: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  actor: Actor;
  input: AllocationRunInput;
  now: Date;
}): Promise<AllocationRun> {
  const { inScope, actor, input, now } = options;
  const { progressId } = input;
  reportProgress(progressId, "loading", 0);
  try {
    // No transaction stays open while the worker scores and solves: the snapshot is the run's input.
    const { rulesVersion, task } = await inScope((db) => runTaskOf(db, input, now));
    const { snapshot, outcome } = await solveInWorker(task, progressId);
    if (snapshot === null) throw new Error("the run's worker returned no snapshot");
    reportProgress(progressId, "storing", 0);
    const result: StoredResult = {
      ...outcome,
      units: snapshot.units.length,
      households: snapshot.households.length,
      pairs: snapshot.pairs.length,
      bounds: snapshot.bounds,
    };
    const row = await inScope((db) =>
      insertAllocationRunRow(db, {
        rulesVersion,
        seed: snapshot.seed,
        inputHash: snapshotHash(snapshot),
        snapshot,
        status: outcome.status,
        objective: outcome.objective,
        dualBound: outcome.dualBound,
        result,
        createdBy: actor.userId,
        at: now,
      }),
    );
    reportProgress(progressId, "done", 1);
    return viewOf(row);
  } catch (e) {
    reportProgress(progressId, "failed", 0);
    throw e;
  }
}

/** What the worker needs to build a run's snapshot, read in one transaction. */
async function runTaskOf(db: Db, input: AllocationRunInput, now: Date) {
  const active = await activeRules(db);
  const today = romeDate(now);
  const householdRows = await listWaitingHouseholdRows(db, ["waiting"]);
  const unitRows = await listOfferableUnitRows(db, ["available"]);
  const refusalsOf = await refusalFacts(db, active.rules.offers);
  const holds = await listActiveHoldFacts(db, today);
  const task: RunTask = {
    kind: "build",
    input: {
      rulesVersion: active.version,
      rules: active.rules,
      today,
      seed: input.seed ?? "",
      units: unitRows.map((row) => ({ ...eligibilityUnit(row), code: row.code })),
      households: householdRows.map((row) => {
        const referredOn = romeDate(row.referredAt);
        return {
          ...eligibilityHousehold(row),
          reference: row.reference,
          referredOn,
          ...refusalsOf(row.id, referredOn),
        };
      }),
      bounds: input.bounds ?? "default",
      holds,
    },
  };
  return { rulesVersion: active.version, task };
}

/** How far the run started with `progressId` has got. */
export function getAllocationRunProgress(progressId: string): AllocationRunProgress {
  const progress = runProgress(progressId);
  if (progress === null) throw new AppError("NOT_FOUND", `No run in progress with id ${progressId}`);
  return progress;
}

export async function listAllocationRuns(options: {
  db: Db;
  query: AllocationRunListQuery;
}): Promise<AllocationRunList> {
  const { db, query } = options;
  const rows = await listAllocationRunRows(db, query);
  return { items: rows.map(summaryOf), total: await countAllocationRunRows(db) };
}

async function findRunOrFail(db: Db, id: string): Promise<AllocationRunRow> {
  const row = UUID.test(id) ? await findAllocationRunRow(db, id) : null;
  if (row === null) throw new AppError("NOT_FOUND", `No allocation run ${id}`);
  return row;
}

export async function getAllocationRun(options: { db: Db; id: string }): Promise<AllocationRun> {
  return viewOf(await findRunOrFail(options.db, options.id));
}

/** Re-solve a run from its snapshot alone and compare hash, offers and objective with the stored ones. */
export async function replayAllocationRun(options: {
  inScope: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  id: string;
}): Promise<AllocationRunReplay> {
  const row = await options.inScope((db) => findRunOrFail(db, options.id));
  const snapshot = row.snapshot as RunSnapshot;
  const inputHash = snapshotHash(snapshot);
  const { outcome } = await solveInWorker({ kind: "replay", snapshot });
  const identical = inputHash === row.inputHash && sameOutcome(outcome, row.result as StoredResult);
  return { identical, inputHash, storedInputHash: row.inputHash, objective: outcome.objective };
}

/** Why a household × unit pair was, or was not, an offer of a run. */
export async function explainAllocationRun(options: {
  db: Db;
  id: string;
  query: AllocationRunExplainQuery;
}): Promise<AllocationRunExplanation> {
  const { db, id, query } = options;
  const row = await findRunOrFail(db, id);
  const snapshot = row.snapshot as RunSnapshot;
  const h = snapshot.households.findIndex((x) => x.id === query.household || x.reference === query.household);
  if (h < 0) throw new AppError("NOT_FOUND", `Household ${query.household} was not in run ${id}`);
  const u = snapshot.units.findIndex((x) => x.id === query.unit || x.code === query.unit);
  if (u < 0) throw new AppError("NOT_FOUND", `Unit ${query.unit} was not in run ${id}`);
  const household = snapshot.households[h] as RunSnapshot["households"][number];
  const unit = snapshot.units[u] as RunSnapshot["units"][number];
  const explanation = explainPair(snapshot, row.result as StoredResult, h, u);
  return {
    runId: row.id,
    rulesVersion: row.rulesVersion,
    household: { id: household.id, reference: household.reference },
    unit: { id: unit.id, code: unit.code },
    ...explanation,
    outcome: explanation.outcome.kind,
  };
}
