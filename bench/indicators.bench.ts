// SPDX-License-Identifier: EUPL-1.2
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { DEMO_ORGANISATIONS } from "../src/domain/demo/demo-programme.ts";
import { type Period, parsePeriodKey } from "../src/domain/monitoring/periods.ts";
import { type Database, type Db, type DbScope, openPglite, openPostgres } from "../src/server/db/client.ts";
import { readEnv } from "../src/server/env.ts";
import { computeHeadlines } from "../src/server/monitoring/indicators.service.ts";
import { insertOrganisations } from "../src/server/organisations/organisations.repository.ts";
import { rowsOf } from "../src/server/security/catalogue.ts";
import {
  DATASET_SEED,
  DATASET_VERSION,
  DEMO_HOUSEHOLDS,
  DEMO_UNITS,
  generateIndicatorDataset,
  MAIN_TABLES,
  storedScale,
  tableCounts,
} from "./indicators-dataset.ts";
import {
  type DashboardFigure,
  explainIndicators,
  type JitVariant,
  type Scenario,
  scoped,
  timeDashboard,
  timeIndicators,
} from "./indicators-measure.ts";
import { formatMs, formatRatio, table } from "./measure.ts";

/**
 * The monitoring dashboard on a synthetic programme `BENCH_SCALE` (default 100) times the demo's —
 * 48,800 units and 30,000 households with their members, referrals, paths, tenancies with monthly
 * charges and payments, arrears, exits and follow-ups, plans and reviews, works (seeded, set-based
 * SQL: bench/indicators-dataset.ts) — on PostgreSQL, in the database `casacomune_bench`, kept between
 * runs and reused while it holds the same scale, seed and generator version (`--fresh` rebuilds it;
 * new migrations are applied to it).
 *
 * Times `dashboard()` (every indicator in one statement, with the period's state and the targets) as
 * a request runs it: in a transaction as the application role with the reader's scope, so row-level
 * security applies — the programme (Comune di Milano, sees all) and one Area B partner (ETS-B1, sees
 * its own), for a quarter (2026-Q3) and a year (2026), today being 2026-11-22. Warm-ups, then
 * `--runs` runs: median and p95 (and the database backends' CPU time, steadier on a busy machine)
 * against the goal, ≤ 500 ms on PostgreSQL. PostgreSQL's JIT compiler (on by default above a plan
 * cost of 100,000) compiles the one large statement for tens of seconds, so the dashboards are timed
 * with `set local jit = off` in the transaction (the what-if) and once each as the server is
 * configured (`--jit server` times only that, with every run; `--jit off` skips it). Then each
 * indicator's query alone, to find the hot ones; `--explain hot` (or a list of codes) writes their
 * EXPLAIN (ANALYZE, BUFFERS) to `.bench/indicators-explain.txt`. For reference, the dashboard on
 * in-memory PGlite at `--pglite-scale` (default 10; 0 skips). Writes `.bench/indicators*.json` and
 * compares with the previous run of the same variant.
 *
 * Usage: `BENCH_SCALE=100 npm run bench:indicators -- [--runs 7] [--indicator-runs 3] [--fresh]
 *   [--jit both|off|server] [--explain hot|code,code] [--pglite-scale 10]`
 */

const { values: flags } = parseArgs({
  options: {
    scale: { type: "string", default: process.env.BENCH_SCALE ?? "100" },
    runs: { type: "string", default: "7" },
    "indicator-runs": { type: "string", default: "3" },
    fresh: { type: "boolean", default: false },
    jit: { type: "string", default: "both" },
    explain: { type: "string" },
    "pglite-scale": { type: "string", default: "10" },
  },
});
const whole = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
};
const SCALE = whole("scale (or BENCH_SCALE)", flags.scale, 1);
const RUNS = whole("runs", flags.runs, 1);
const INDICATOR_RUNS = whole("indicator-runs", flags["indicator-runs"], 1);
const PGLITE_SCALE = whole("pglite-scale", flags["pglite-scale"], 0);
if (!["both", "off", "server"].includes(flags.jit)) throw new Error("--jit must be both, off or server");
/** The measured variants: the first with every run, "server" in "both" once. */
const JIT_RUNS: readonly { jit: JitVariant; runs: number; warmUp: number }[] =
  flags.jit === "server"
    ? [{ jit: "server", runs: RUNS, warmUp: 1 }]
    : [
        { jit: "off", runs: RUNS, warmUp: 2 },
        ...(flags.jit === "both" ? [{ jit: "server" as const, runs: 1, warmUp: 0 }] : []),
      ];
const SINGLE_JIT: JitVariant = flags.jit === "server" ? "server" : "off";
const GOAL_MS = 500;
const BENCH_DATABASE = "casacomune_bench";
const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const VARIANT = { scale: SCALE, seed: DATASET_SEED, dataset: DATASET_VERSION, runs: RUNS, jit: flags.jit };
const RESULTS_FILE = `.bench/indicators${SCALE === 100 ? "" : `-${SCALE}`}.json`;
const EXPLAIN_FILE = ".bench/indicators-explain.txt";

const log = (line = "") => process.stdout.write(`${line}\n`);
const count = (n: number) => n.toLocaleString("en-GB");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
const periodOf = (key: string) => parsePeriodKey(key) as Period;

// ---------------------------------------------------------------------------------------------------
// The databases

async function organisationIds(db: Db): Promise<Map<string, string>> {
  const rows = await rowsOf<{ id: string; code: string }>(db, sql`select id, code from organisations`);
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function build(database: Database, scale: number) {
  const start = performance.now();
  await database.migrate();
  await insertOrganisations(database.db, [...DEMO_ORGANISATIONS]);
  await generateIndicatorDataset(database.db, scale, (label, ms) =>
    log(`  ${label.padEnd(18)} ${formatMs(ms).padStart(8)}`),
  );
  const statistics = database.kind === "postgresql" ? "vacuum analyze" : "analyze";
  const analyseStart = performance.now();
  await database.db.execute(sql.raw(statistics));
  log(`  ${statistics.padEnd(18)} ${formatMs(performance.now() - analyseStart).padStart(8)}`);
  return performance.now() - start;
}

/** `casacomune_bench` on the server of DATABASE_URL (or the local one), built or reused. */
async function openBenchPostgres(): Promise<{ database: Database; buildMs: number | null }> {
  const adminUrl = readEnv().databaseUrl ?? DEFAULT_ADMIN_URL;
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE]);
    if (exists.rowCount && !flags.fresh) {
      const database = await openPostgres(url.toString());
      const stored = await storedScale(database.db);
      if (stored?.scale === SCALE && stored.seed === DATASET_SEED && stored.version === DATASET_VERSION) {
        await database.migrate();
        await database.db.execute(sql`analyze`);
        log(`Reusing ${BENCH_DATABASE} (scale ${SCALE}, dataset v${DATASET_VERSION}; --fresh rebuilds it)`);
        return { database, buildMs: null };
      }
      await database.close();
    }
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  log(`Building ${BENCH_DATABASE} at scale ${SCALE}:`);
  const database = await openPostgres(url.toString());
  const buildMs = await build(database, SCALE);
  log(`  built in ${formatMs(buildMs)}`);
  return { database, buildMs };
}

function scenariosOf(ids: Map<string, string>): Scenario[] {
  const programme: DbScope = { organisationId: ids.get("COMUNE-MI") as string, userId: null, sees: "all" };
  const partner: DbScope = {
    organisationId: ids.get("ETS-B1") as string,
    userId: null,
    sees: "organisation",
  };
  return [
    { id: "programme.quarter", name: "programme, 2026-Q3", scope: programme, period: periodOf("2026-Q3") },
    { id: "programme.year", name: "programme, 2026", scope: programme, period: periodOf("2026") },
    { id: "partner.quarter", name: "ETS-B1, 2026-Q3", scope: partner, period: periodOf("2026-Q3") },
    { id: "partner.year", name: "ETS-B1, 2026", scope: partner, period: periodOf("2026") },
  ];
}

// ---------------------------------------------------------------------------------------------------
// The runs

const nameOf = (f: DashboardFigure, kind: Database["kind"]) =>
  kind === "pglite" ? f.name : `${f.name}, JIT ${f.jit === "off" ? "off" : "as configured"}`;
const dashboardLine = (f: DashboardFigure, kind: Database["kind"]) =>
  `  dashboard ${nameOf(f, kind).padEnd(36)} median ${formatMs(f.p50).padStart(8)}  p95 ${formatMs(f.p95).padStart(8)}` +
  `${f.cpu === null ? "" : `  backend CPU ${formatMs(f.cpu).padStart(8)}`}  ${formatRatio(f.p50, GOAL_MS)} of the goal` +
  `${f.samples.length === 1 ? " (1 run)" : ""}`;

async function dashboards(database: Database, scenarios: readonly Scenario[], variants: typeof JIT_RUNS) {
  const out: DashboardFigure[] = [];
  for (const variant of variants)
    for (const scenario of scenarios) {
      const figure = await timeDashboard(database, scenario, variant);
      out.push(figure);
      log(dashboardLine(figure, database.kind));
    }
  return out;
}

async function measurePostgres() {
  const { database, buildMs } = await openBenchPostgres();
  try {
    const counts = await tableCounts(database.db);
    const scenarios = scenariosOf(await organisationIds(database.db));
    const settings = await rowsOf<{ name: string; setting: string }>(
      database.db,
      sql`select name, current_setting(name) as setting from pg_settings
        where name in ('server_version', 'jit', 'jit_above_cost', 'work_mem', 'shared_buffers')`,
    );
    log(`\n■ PostgreSQL · ${settings.map((r) => `${r.name} ${r.setting}`).join(", ")} · load ${load()}`);
    log(
      table(
        ["table", "rows", "per household"],
        MAIN_TABLES.map((t) => [
          t,
          count(counts[t] ?? 0),
          ((counts[t] ?? 0) / (DEMO_HOUSEHOLDS * SCALE)).toFixed(2),
        ]),
      ),
    );
    log("");
    const figures = await dashboards(database, scenarios, JIT_RUNS);

    log(
      `\nEach indicator alone, JIT ${SINGLE_JIT === "off" ? "off" : "as configured"} (median of ${INDICATOR_RUNS}), slowest first:`,
    );
    const single = await timeIndicators(database, scenarios, { runs: INDICATOR_RUNS, jit: SINGLE_JIT });
    const slowest = [...single.entries()].sort(
      ([, a], [, b]) => (b["programme.year"] ?? 0) - (a["programme.year"] ?? 0),
    );
    const sums = Object.fromEntries(
      scenarios.map((s) => [s.id, [...single.values()].reduce((total, r) => total + (r[s.id] ?? 0), 0)]),
    );
    log(
      table(
        ["indicator", ...scenarios.map((s) => s.name), "share of 2026"],
        [
          ...slowest.map(([code, row]) => [
            code,
            ...scenarios.map((s) => formatMs(row[s.id] ?? null)),
            `${((100 * (row["programme.year"] ?? 0)) / (sums["programme.year"] ?? 1)).toFixed(1)} %`,
          ]),
          ["sum of the indicators alone", ...scenarios.map((s) => formatMs(sums[s.id] ?? null)), ""],
        ],
      ),
    );

    const [, programmeYear, , partnerYear] = scenarios as [Scenario, Scenario, Scenario, Scenario];
    const values = await scoped(database, programmeYear.scope, "off", (db) =>
      computeHeadlines(db, programmeYear.period),
    );
    log("\nThe programme's 2026 headline values (the synthetic data is plausible):");
    log(
      values
        .map(
          (v) =>
            `${v.code} ${v.value ?? v.notComputable}${v.denominator ? ` (${count(v.numerator)}/${count(v.denominator)})` : ""}`,
        )
        .join(" · "),
    );
    if (flags.explain !== undefined) {
      const codes =
        flags.explain === "hot" || flags.explain === ""
          ? slowest.slice(0, 3).map(([code]) => code)
          : flags.explain.split(",").map((c) => c.trim());
      const text = [
        await explainIndicators(database, programmeYear, codes, SINGLE_JIT),
        await explainIndicators(database, partnerYear, codes, SINGLE_JIT),
      ].join("\n");
      mkdirSync(".bench", { recursive: true });
      writeFileSync(EXPLAIN_FILE, text);
      log(`\nWrote EXPLAIN (ANALYZE, BUFFERS) of ${codes.join(", ")} to ${EXPLAIN_FILE}`);
    }
    return { counts, buildMs, figures, single: Object.fromEntries(single), sums };
  } finally {
    await database.close();
  }
}

async function measurePglite() {
  log(`\n■ PGlite in memory at scale ${PGLITE_SCALE}: for reference only (other data, no goal)`);
  const database = await openPglite(null);
  try {
    const buildMs = await build(database, PGLITE_SCALE);
    log(`  built in ${formatMs(buildMs)}`);
    const scenarios = scenariosOf(await organisationIds(database.db));
    const figures = await dashboards(database, scenarios, [{ jit: "server", runs: RUNS, warmUp: 2 }]);
    return { counts: await tableCounts(database.db), buildMs, figures };
  } finally {
    await database.close();
  }
}

type Results = { variant: typeof VARIANT; figures: { id: string; ms: number }[] };

function readPrevious(): Results | null {
  if (!existsSync(RESULTS_FILE)) return null;
  try {
    const previous = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Results;
    return JSON.stringify(previous.variant) === JSON.stringify(VARIANT) ? previous : null;
  } catch {
    return null;
  }
}

async function main() {
  log(
    `Monitoring dashboard bench · scale ${SCALE}: ${count(DEMO_UNITS * SCALE)} units, ` +
      `${count(DEMO_HOUSEHOLDS * SCALE)} households (seed ${DATASET_SEED}) · ${RUNS} runs after warm-ups · ` +
      `Node ${process.version} · ${cpus().length} CPUs · load ${load()}`,
  );
  const postgres = await measurePostgres();
  const pglite = PGLITE_SCALE > 0 ? await measurePglite() : null;
  const figures = [
    ...postgres.figures.map((f) => ({
      ...f,
      id: `postgresql.${f.id}`,
      figure: `PostgreSQL ×${SCALE}: ${nameOf(f, "postgresql")}${f.samples.length === 1 ? " (1 run)" : ""}`,
      goal: GOAL_MS as number | null,
    })),
    ...(pglite?.figures ?? []).map((f) => ({
      ...f,
      id: `pglite.${f.id}`,
      figure: `PGlite ×${PGLITE_SCALE} (reference): ${f.name}`,
      goal: null,
    })),
  ];
  log("\nSummary: the whole dashboard (ratio = median / goal; below ×1.00 meets it)");
  log(
    table(
      ["figure", "median", "p95", "backend CPU", "goal", "ratio", "goal met"],
      figures.map((f) => [
        f.figure,
        formatMs(f.p50),
        formatMs(f.p95),
        formatMs(f.cpu),
        f.goal === null ? "" : `≤ ${formatMs(f.goal)}`,
        formatRatio(f.p50, f.goal),
        f.goal === null ? "" : f.p50 <= f.goal ? "yes" : "NO",
      ]),
    ),
  );
  const previous = readPrevious();
  if (previous !== null) {
    const before = new Map(previous.figures.map((f) => [f.id, f.ms]));
    log("\nAgainst the previous run of the same variant (ratio < 1 = faster now)");
    log(
      table(
        ["figure", "now/before"],
        figures.map((f) => [f.figure, formatRatio(f.p50, before.get(f.id) ?? null)]),
      ),
    );
  }
  mkdirSync(".bench", { recursive: true });
  const results = {
    generatedAt: new Date().toISOString(),
    variant: VARIANT,
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg()[0],
    figures: figures.map((f) => ({
      id: f.id,
      figure: f.figure,
      ms: f.p50,
      p95: f.p95,
      cpuMs: f.cpu,
      goalMs: f.goal,
      samples: f.samples,
    })),
    postgresql: {
      counts: postgres.counts,
      buildMs: postgres.buildMs,
      indicators: postgres.single,
      sums: postgres.sums,
    },
    pglite: pglite && { scale: PGLITE_SCALE, counts: pglite.counts, buildMs: pglite.buildMs },
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nWrote ${RESULTS_FILE} · load at the end ${load()} · ${BENCH_DATABASE} is kept for the next run`);
}

await main();
