// SPDX-License-Identifier: EUPL-1.2
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { DatabaseKind } from "../src/server/db/client.ts";
import {
  analyse,
  type BenchDatabase,
  type BenchOptions,
  openBenchPglite,
  openBenchPostgres,
} from "./bench-database.ts";
import { explainListCases } from "./explain.ts";
import { formatMs, formatRatio, table, timed } from "./measure.ts";
import {
  assertValidUnits,
  BENCH_SEED,
  syntheticUnits,
  unitsCsvBytes,
  unitsXlsxBytes,
} from "./synthetic-units.ts";
import { describeImport, type ImportFigures, importFile } from "./units-import.bench.ts";
import { type ListFigures, listCases, measureListCase } from "./units-list.bench.ts";

/**
 * The benchmarks of the units registry: import of a large Italian CSV (and XLSX) file, and the unit
 * list under several filters, on in-memory PGlite and on PostgreSQL. Prints figures, the
 * PGlite/PostgreSQL ratio, the goals, and the change against the previous run; writes
 * `.bench/results.json`.
 *
 * Usage: `npm run bench -- [--quick] [--explain] [--no-xlsx] [--no-analyze] [--proposed-indexes]`
 *   --quick             10,000 units and 50 calls per list case instead of 100,000 and 200
 *   --explain           print EXPLAIN (ANALYZE, BUFFERS) of every list case on PostgreSQL
 *   --no-xlsx           skip the XLSX file (its writing alone takes ~20 s at 100,000 units)
 *   --no-analyze        measure the list without running ANALYZE after the import: PGlite has no
 *                       autovacuum, so this is what an embedded installation sees until someone does
 *   --proposed-indexes  what-if: add the indexes of `PROPOSED_INDEXES` after the migrations
 */

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    "no-xlsx": { type: "boolean", default: false },
    "no-analyze": { type: "boolean", default: false },
    "proposed-indexes": { type: "boolean", default: false },
  },
});

const UNIT_COUNT = flags.quick ? 10_000 : 100_000;
const LIST_CALLS = flags.quick ? 50 : 200;
const OPTIONS: BenchOptions = { proposedIndexes: flags["proposed-indexes"] };
/** What makes two runs comparable. */
const VARIANT = {
  units: UNIT_COUNT,
  analyze: !flags["no-analyze"],
  proposedIndexes: OPTIONS.proposedIndexes,
};
// The full default run writes `results.json`; each variant keeps its own file, so the
// comparison with the previous run of the same variant survives a quick or what-if run.
const RESULTS_FILE = `.bench/results${[
  flags.quick ? "-quick" : "",
  flags["no-analyze"] ? "-no-analyze" : "",
  flags["proposed-indexes"] ? "-proposed-indexes" : "",
].join("")}.json`;

/** A goal per target, in ms; a missing target has no goal. */
type Goal = Partial<Record<DatabaseKind, number>>;

type Figure = {
  id: string;
  figure: string;
  goal: Goal;
  pglite: number | null;
  postgresql: number | null;
};

type TargetRun = {
  importCsv: ImportFigures;
  reimportCsv: ImportFigures;
  importXlsx: ImportFigures | null;
  list: ListFigures[];
};

const log = (line = "") => process.stdout.write(`${line}\n`);

// On Ctrl-C, still drop the bench database of PostgreSQL.
let openBench: BenchDatabase | null = null;
process.once("SIGINT", () => {
  log("\nInterrupted: closing the bench database");
  void (openBench?.close() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function runTarget(
  open: (options: BenchOptions) => Promise<BenchDatabase>,
  files: { csv: Uint8Array; xlsx: Uint8Array | null },
): Promise<TargetRun> {
  const bench = await open(OPTIONS);
  openBench = bench;
  try {
    log(`\n■ ${bench.kind}`);
    const importCsv = await importFile(bench, files.csv);
    log(`  ${describeImport("CSV import", importCsv)}`);
    const reimportCsv = await importFile(bench, files.csv);
    log(`  ${describeImport("CSV re-import", reimportCsv)}`);
    if (reimportCsv.result.unchanged !== reimportCsv.result.rows) {
      log("  ! the re-import changed units: the export/import round trip is not stable");
    }
    if (VARIANT.analyze) await analyse(bench);
    const cases = listCases(Math.floor(UNIT_COUNT / 2));
    const list: ListFigures[] = [];
    for (const listCase of cases) {
      const figures = await measureListCase(bench, listCase, LIST_CALLS);
      list.push(figures);
      log(
        `  list ${figures.name.padEnd(24)} p50 ${formatMs(figures.p50).padStart(8)}  ` +
          `p95 ${formatMs(figures.p95).padStart(8)}  p99 ${formatMs(figures.p99).padStart(8)}  ` +
          `(${figures.total} matching)`,
      );
    }
    if (flags.explain && bench.kind === "postgresql") log(`\n${await explainListCases(bench, cases)}`);
    let importXlsx: ImportFigures | null = null;
    if (files.xlsx !== null) {
      await bench.clearUnits();
      importXlsx = await importFile(bench, files.xlsx);
      log(`  ${describeImport("XLSX import", importXlsx)}`);
    }
    return { importCsv, reimportCsv, importXlsx, list };
  } finally {
    openBench = null;
    await bench.close();
  }
}

function figuresOf(runs: Record<DatabaseKind, TargetRun>): Figure[] {
  const both = (pick: (run: TargetRun) => number | null) => ({
    pglite: pick(runs.pglite),
    postgresql: pick(runs.postgresql),
  });
  const n = UNIT_COUNT.toLocaleString("en");
  const figures: Figure[] = [
    {
      id: "import.csv.total",
      figure: `CSV import ${n} units`,
      goal: { postgresql: 3000, pglite: 5000 },
      ...both((r) => r.importCsv.totalMs),
    },
    { id: "import.csv.parse", figure: "  parse", goal: {}, ...both((r) => r.importCsv.parseMs) },
    { id: "import.csv.validate", figure: "  validate", goal: {}, ...both((r) => r.importCsv.validateMs) },
    { id: "import.csv.write", figure: "  write", goal: {}, ...both((r) => r.importCsv.writeMs) },
    {
      id: "reimport.csv.total",
      figure: "CSV re-import (unchanged)",
      goal: {},
      ...both((r) => r.reimportCsv.totalMs),
    },
    {
      id: "import.xlsx.total",
      figure: `XLSX import ${n} units`,
      goal: {},
      ...both((r) => r.importXlsx?.totalMs ?? null),
    },
    {
      id: "import.xlsx.parse",
      figure: "  parse (XLSX)",
      goal: {},
      ...both((r) => r.importXlsx?.parseMs ?? null),
    },
  ];
  for (const [i, listCase] of runs.postgresql.list.entries()) {
    figures.push({
      id: `list.${listCase.name}.p95`,
      figure: `list p95 ${listCase.name}`,
      goal: { postgresql: 50 },
      pglite: runs.pglite.list[i]?.p95 ?? null,
      postgresql: listCase.p95,
    });
  }
  return figures.filter((f) => f.pglite !== null || f.postgresql !== null);
}

/** Whether each target with a goal meets it: "yes", or "no" with the targets that miss. */
function goalMet(f: Figure): string {
  const targets = Object.entries(f.goal) as [DatabaseKind, number][];
  if (targets.length === 0) return "";
  const missed = targets.filter(([kind, max]) => (f[kind] ?? Number.POSITIVE_INFINITY) > max);
  return missed.length === 0 ? "yes" : `NO (${missed.map(([k]) => k).join(", ")})`;
}

function formatGoal(goal: Goal): string {
  const parts = (Object.entries(goal) as [DatabaseKind, number][]).map(
    ([kind, max]) => `${kind === "postgresql" ? "PG" : "PGlite"} ≤ ${formatMs(max)}`,
  );
  return parts.join(", ");
}

function listTable(runs: Record<DatabaseKind, TargetRun>): string {
  const rows = runs.postgresql.list.map((pgCase, i) => {
    const lite = runs.pglite.list[i];
    return [
      pgCase.name,
      String(pgCase.total),
      formatMs(lite?.p50 ?? null),
      formatMs(lite?.p95 ?? null),
      formatMs(lite?.p99 ?? null),
      formatMs(pgCase.p50),
      formatMs(pgCase.p95),
      formatMs(pgCase.p99),
      formatRatio(lite?.p95 ?? null, pgCase.p95),
    ];
  });
  return table(["case", "matching", "PGlite p50", "p95", "p99", "PG p50", "p95", "p99", "ratio p95"], rows);
}

type Results = { variant: typeof VARIANT; figures: Figure[] };

function readPrevious(): Results | null {
  if (!existsSync(RESULTS_FILE)) return null;
  try {
    const previous = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Results;
    return JSON.stringify(previous.variant) === JSON.stringify(VARIANT) ? previous : null;
  } catch {
    return null;
  }
}

function comparisonTable(figures: readonly Figure[], previous: Results): string {
  const before = new Map(previous.figures.map((f) => [f.id, f]));
  const rows = figures.flatMap((f) => {
    const old = before.get(f.id);
    if (old === undefined) return [];
    return [[f.figure, formatRatio(f.pglite, old.pglite), formatRatio(f.postgresql, old.postgresql)]];
  });
  return table(["figure", "PGlite now/before", "PG now/before"], rows);
}

async function main() {
  log(
    `CasaComune benchmarks · ${UNIT_COUNT.toLocaleString("en")} synthetic units (seed ${BENCH_SEED})` +
      ` · ${LIST_CALLS} calls per list case · Node ${process.version} · ${cpus().length} CPUs` +
      ` · load ${loadavg()[0]?.toFixed(2)}`,
  );
  if (!VARIANT.analyze) log("Variant: no ANALYZE after the import");
  if (VARIANT.proposedIndexes) log("Variant (what-if): with the proposed indexes of bench/bench-database.ts");
  const units = syntheticUnits(UNIT_COUNT);
  assertValidUnits(units);
  const csv = await timed(async () => unitsCsvBytes(units));
  const xlsx = flags["no-xlsx"] ? null : await timed(() => unitsXlsxBytes(units));
  log(
    `Files (export path, no database): CSV ${(csv.value.length / 1e6).toFixed(1)} MB written in ` +
      `${formatMs(csv.ms)}` +
      (xlsx ? `; XLSX ${(xlsx.value.length / 1e6).toFixed(1)} MB written in ${formatMs(xlsx.ms)}` : ""),
  );
  const files = { csv: csv.value, xlsx: xlsx?.value ?? null };
  const runs: Record<DatabaseKind, TargetRun> = {
    pglite: await runTarget(openBenchPglite, files),
    postgresql: await runTarget(openBenchPostgres, files),
  };

  const figures = figuresOf(runs);
  log("\nUnit list latency (ratio = PGlite / PostgreSQL)");
  log(listTable(runs));
  log("\nSummary (ratio = PGlite / PostgreSQL)");
  log(
    table(
      ["figure", "goal", "PGlite", "PostgreSQL", "ratio", "goal met"],
      figures.map((f) => [
        f.figure,
        formatGoal(f.goal),
        formatMs(f.pglite),
        formatMs(f.postgresql),
        formatRatio(f.pglite, f.postgresql),
        goalMet(f),
      ]),
    ),
  );
  const previous = readPrevious();
  if (previous !== null) {
    log("\nAgainst the previous run of the same variant (ratio < 1 = faster now)");
    log(comparisonTable(figures, previous));
  }

  mkdirSync(".bench", { recursive: true });
  const results = {
    generatedAt: new Date().toISOString(),
    variant: VARIANT,
    seed: BENCH_SEED,
    listCalls: LIST_CALLS,
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg()[0],
    files: {
      csvBytes: csv.value.length,
      csvWriteMs: csv.ms,
      xlsxBytes: xlsx?.value.length ?? null,
      xlsxWriteMs: xlsx?.ms ?? null,
    },
    figures: figures.map((f) => ({
      ...f,
      ratio: f.pglite !== null && f.postgresql ? f.pglite / f.postgresql : null,
      goalMet: Object.keys(f.goal).length === 0 ? null : goalMet(f) === "yes",
    })),
    runs,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nWrote ${RESULTS_FILE}`);
}

await main();
