// SPDX-License-Identifier: EUPL-1.2
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { type SQL, sql } from "drizzle-orm";
import { CATALOGUE } from "../src/domain/monitoring/catalogue.ts";
import type { Period } from "../src/domain/monitoring/periods.ts";
import type { Database, Db, DbScope } from "../src/server/db/client.ts";
import { computeHeadlines } from "../src/server/monitoring/indicators.service.ts";
import { dashboard } from "../src/server/monitoring/monitoring.service.ts";
import { rowsOf } from "../src/server/security/catalogue.ts";
import { percentiles } from "./measure.ts";

/** The dashboard's measurements for bench/indicators.bench.ts. */

/** "server": JIT as the server is configured; "off": `set local jit = off` in the transaction. */
export type JitVariant = "server" | "off";
export type Scenario = { id: string; name: string; scope: DbScope; period: Period };
export type DashboardFigure = {
  id: string;
  name: string;
  jit: JitVariant;
  samples: number[];
  p50: number;
  p95: number;
  /** The database backends' CPU time, median (PostgreSQL on this machine, from /proc); else null. */
  cpu: number | null;
};

export const TODAY = "2026-11-22";
const NOW = new Date(`${TODAY}T09:00:00Z`);

/**
 * CPU milliseconds the server process `pid` has used (Linux, a server on this machine), or null. On
 * a machine busy with other work it is steadier than the wall clock.
 */
function backendCpu(pid: number | null): number | null {
  if (pid === null || !existsSync(`/proc/${pid}/stat`)) return null;
  const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The CPU milliseconds of the server processes `pids` together, or null if one cannot be read. */
function totalCpu(pids: readonly number[]): number | null {
  if (pids.length === 0) return null;
  let total = 0;
  for (const pid of pids) {
    const cpu = backendCpu(pid);
    if (cpu === null) return null;
    total += cpu;
  }
  return total;
}

/** `fn` in the scope's transaction, as a request runs it; with JIT off for the what-if. */
export function scoped<T>(database: Database, scope: DbScope, jit: JitVariant, fn: (db: Db) => Promise<T>) {
  return database.scoped(scope, async (db) => {
    if (jit === "off" && database.kind === "postgresql") await db.execute(sql`set local jit = off`);
    return fn(db);
  });
}

/** `dashboard()` as a request runs it: `warmUp` runs, then `runs` timed. */
export async function timeDashboard(
  database: Database,
  scenario: Scenario,
  options: { runs: number; warmUp: number; jit: JitVariant },
): Promise<DashboardFigure> {
  const once = async () => {
    let cpu: number | null = null;
    const start = performance.now();
    const view = await scoped(database, scenario.scope, options.jit, async (db) => {
      // Every backend of the database: the request's and those it computes alongside.
      const backends =
        database.kind === "postgresql"
          ? (
              await rowsOf<{ pid: number }>(
                db,
                sql`select pid from pg_stat_activity where datname = current_database()`,
              )
            ).map((b) => b.pid)
          : [];
      const before = totalCpu(backends);
      const result = await dashboard({
        db,
        scope: scenario.scope,
        period: scenario.period,
        today: TODAY,
        now: NOW,
        alongside: (tasks) => database.alongside(db, scenario.scope, tasks),
      });
      const after = totalCpu(backends);
      cpu = before === null || after === null ? null : after - before;
      return result;
    });
    const ms = performance.now() - start;
    if (view.source !== "live" || view.indicators.length !== CATALOGUE.length)
      throw new Error(`${scenario.name}: expected ${CATALOGUE.length} live indicators`);
    return { ms, cpu: cpu as number | null };
  };
  for (let i = 0; i < options.warmUp; i++) await once();
  const samples: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const { ms, cpu } = await once();
    samples.push(ms);
    if (cpu !== null) cpus.push(cpu);
  }
  const p = percentiles(samples);
  return {
    id: `${scenario.id}.jit-${options.jit}`,
    name: scenario.name,
    jit: options.jit,
    samples,
    p50: p.p50,
    p95: p.p95,
    cpu: cpus.length === samples.length ? percentiles(cpus).p50 : null,
  };
}

/** Median ms of each indicator's headline query alone (after a warm-up), per scenario. */
export async function timeIndicators(
  database: Database,
  scenarios: readonly Scenario[],
  options: { runs: number; jit: JitVariant },
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  for (const { code } of CATALOGUE) {
    const row: Record<string, number> = {};
    for (const scenario of scenarios) {
      const once = async () => {
        const start = performance.now();
        await scoped(database, scenario.scope, options.jit, (db) =>
          computeHeadlines(db, scenario.period, [code]),
        );
        return performance.now() - start;
      };
      await once();
      const samples: number[] = [];
      for (let i = 0; i < options.runs; i++) samples.push(await once());
      row[scenario.id] = percentiles(samples).p50;
    }
    out.set(code, row);
  }
  return out;
}

/** The statement `computeHeadlines` sends for `codes`, captured without running it. */
async function headlineStatement(period: Period, codes: readonly string[]): Promise<SQL> {
  let captured: SQL | null = null;
  const capture = {
    execute: async (query: SQL) => {
      captured = query;
      return { rows: [] };
    },
  } as unknown as Db;
  await computeHeadlines(capture, period, codes);
  if (captured === null) throw new Error("computeHeadlines sent no statement");
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each indicator's headline statement, in the scenario's scope. */
export async function explainIndicators(
  database: Database,
  scenario: Scenario,
  codes: readonly string[],
  jit: JitVariant,
): Promise<string> {
  const out: string[] = [];
  for (const code of codes) {
    const statement = await headlineStatement(scenario.period, [code]);
    const rows = await scoped(database, scenario.scope, jit, (db) =>
      rowsOf<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers) ${statement}`),
    );
    out.push(`── ${code} · ${scenario.name}`, ...rows.map((r) => r["QUERY PLAN"]), "");
  }
  return out.join("\n");
}
