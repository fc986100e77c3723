// SPDX-License-Identifier: EUPL-1.2
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { type LineMatch, reconcile } from "../src/domain/bank/reconcile.ts";
import { parseStatement, type StatementLine } from "../src/domain/bank/statement.ts";
import type { BankImportResult } from "../src/domain/ledger/ledger-api.schema.ts";
import { MILANO } from "../src/domain/units/unit.schema.ts";
import type { DatabaseKind, Db } from "../src/server/db/client.ts";
import { bankLines, charges, households, payments, tenancies, units } from "../src/server/db/schema.ts";
import { importStatement, openTenanciesForReconciliation } from "../src/server/ledger/ledger.service.ts";
import { findOrganisationByCode } from "../src/server/organisations/organisations.repository.ts";
import {
  analyse,
  asActorIn,
  type BenchDatabase,
  openBenchPglite,
  openBenchPostgres,
} from "./bench-database.ts";
import { formatMs, formatRatio, table } from "./measure.ts";
import {
  addressOf,
  BANK_BENCH_SEED,
  BENCH_PERIOD,
  camtLineNo,
  csvLineNo,
  LINE_KINDS,
  type LineKind,
  type SyntheticLine,
  type SyntheticTenancy,
  statementCamtBytes,
  statementCsvBytes,
  syntheticStatement,
  syntheticTenancies,
} from "./synthetic-statement.ts";

/**
 * Bank statement import with reconciliation, on in-memory PGlite and on PostgreSQL: N tenancies in
 * force for ETS-B1 (and a tenth as many for ETS-B2, out of the importer's scope), each charged for
 * November 2026, set up as the owner (not timed); then a seeded statement of 50,000 credits imported by
 * ETS-B1's manager as the import route does it — `importStatement` in the manager's scoped transaction:
 * parse, load the accounts in scope, reconcile, write the import, its lines and the matched payments.
 * The parts are also timed alone (parse; the accounts, `openTenanciesForReconciliation`; `reconcile`);
 * "write and the rest" is the whole less those three (the lines and payments go in as unnest inserts,
 * one array parameter per column). Each figure is the median of `--runs` runs, the bank tables emptied before each. The CSV is imported at full size; the
 * camt.053 of the first `--xml-lines` of the same lines, as its XML parser is slow (~350 µs an entry
 * measured on a loaded 2-CPU machine: ~17 s for 50,000 entries).
 *
 * Prints the match rate against what the generator knows, by kind of line: no line may match a wrong
 * tenancy. Writes `.bench/bank-import*.json` and compares with the previous run of the same variant.
 *
 * Usage: `npm run bench:bank -- [--tenancies 5000] [--lines 50000] [--xml-lines 5000] [--runs 3]
 *   [--target pglite|postgresql]`  (`--xml-lines 0` skips the camt.053)
 */

const { values: flags } = parseArgs({
  options: {
    tenancies: { type: "string", default: "5000" },
    lines: { type: "string", default: "50000" },
    "xml-lines": { type: "string", default: "5000" },
    runs: { type: "string", default: "3" },
    target: { type: "string" },
  },
});

const whole = (name: string, value: string | undefined, min: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return n;
};
const TENANCIES = whole("tenancies", flags.tenancies, 2);
const OTHER_TENANCIES = Math.ceil(TENANCIES / 10);
const LINES = whole("lines", flags.lines, 1);
const XML_LINES = Math.min(whole("xml-lines", flags["xml-lines"], 0), LINES);
const RUNS = whole("runs", flags.runs, 1);
const TARGETS: DatabaseKind[] =
  flags.target === undefined ? ["pglite", "postgresql"] : [flags.target as DatabaseKind];
if (!TARGETS.every((t) => t === "pglite" || t === "postgresql"))
  throw new Error("--target must be pglite or postgresql");
/** After the last booking day (the 21st), in a month nobody closed. */
const NOW = new Date("2026-11-22T09:00:00Z");
const VARIANT = { tenancies: TENANCIES, lines: LINES, xmlLines: XML_LINES, seed: BANK_BENCH_SEED };
const RESULTS_FILE = `.bench/bank-import${TENANCIES === 5000 && LINES === 50_000 && XML_LINES === 5000 ? "" : `-${TENANCIES}-${LINES}-${XML_LINES}`}.json`;

const log = (line = "") => process.stdout.write(`${line}\n`);
const count = (n: number) => n.toLocaleString("en-GB");
const percent = (part: number, of: number) => (of === 0 ? "–" : `${((100 * part) / of).toFixed(1)} %`);
const median = (samples: readonly number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

// On Ctrl-C, still drop the bench database of PostgreSQL.
let openBench: BenchDatabase | null = null;
process.once("SIGINT", () => {
  log("\nInterrupted: closing the bench database");
  void (openBench?.close() ?? Promise.resolve()).finally(() => process.exit(130));
});

// ---------------------------------------------------------------------------------------------------
// Set-up, as the owner: units, households, tenancies in force, the month's charges

async function chunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

async function organisationId(db: Db, code: string): Promise<string> {
  const organisation = await findOrganisationByCode(db, code);
  if (organisation === null) throw new Error(`No organisation ${code}`);
  return organisation.id;
}

async function seedRentRoll(bench: BenchDatabase, roll: readonly SyntheticTenancy[]) {
  const db = bench.database.db;
  const comune = await organisationId(db, "COMUNE-MI");
  const partners = {
    "ETS-B1": await organisationId(db, "ETS-B1"),
    "ETS-B2": await organisationId(db, "ETS-B2"),
  };
  // ETS-B1 manages calmierato units, ETS-B2 calmierato ridotto ones (demo-programme.ts).
  const category = (t: SyntheticTenancy) =>
    t.partnerCode === "ETS-B1" ? "calmierato" : "calmierato_ridotto";
  await chunked(roll, (chunk) =>
    db.insert(units).values(
      chunk.map((t) => ({
        id: t.unitId,
        code: `BK-${String(t.n).padStart(6, "0")}`,
        address: addressOf(t),
        town: MILANO,
        municipio: 1 + (t.n % 9),
        floor: t.n % 6,
        lift: t.n % 3 !== 0,
        surfaceM2: 40 + (t.n % 60),
        rooms: 1 + (t.n % 4),
        bedrooms: t.n % 3 === 0 ? 0 : 1,
        stepFree: false,
        wheelchairAdapted: false,
        energyClass: null,
        origin: "municipal",
        category: category(t),
        managingPartnerId: partners[t.partnerCode],
        comodatoPartnerId: partners[t.partnerCode],
        comodatoStart: "2024-01-01",
        comodatoEnd: "2040-12-31",
        condition: "good",
        status: "let",
      })),
    ),
  );
  await chunked(roll, (chunk) =>
    db.insert(households).values(
      chunk.map((t) => ({
        id: t.householdId,
        reference: `NUC-2026-${String(t.n).padStart(5, "0")}`,
        managingPartnerId: partners[t.partnerCode],
        referringOrganisationId: comune,
        targetGroup: t.signatories.length > 1 ? "famiglia" : "uomo_solo",
        category: category(t),
        priority: {
          knownToSocialServices: true,
          completedPreviousPath: false,
          prospectOfAutonomy: true,
          ableToCoPay: true,
          difficultyAccessingPublicHousing: false,
        },
        housingSituation: "overcrowded",
        status: "housed",
      })),
    ),
  );
  await chunked(roll, (chunk) =>
    db.insert(tenancies).values(
      chunk.map((t) => ({
        id: t.tenancyId,
        unitId: t.unitId,
        householdId: t.householdId,
        status: "active",
        reference: t.reference,
        contractType: category(t),
        startOn: t.startOn,
        endOn: `${Number(t.startOn.slice(0, 4)) + 4}-${t.startOn.slice(5, 7)}-${t.startOn.slice(8)}`,
        renewalMonths: 48,
        noticeMonths: 6,
        depositCents: 2 * t.rentCents,
        rentCents: t.rentCents,
        serviceChargeCents: t.serviceChargeCents,
        signatories: t.signatories,
        activatedAt: new Date(`${t.startOn}T08:00:00Z`),
      })),
    ),
  );
  const chargeRows = roll.flatMap((t) =>
    t.charges.map((c) => ({ tenancyId: t.tenancyId, period: BENCH_PERIOD, ...c, createdAt: NOW })),
  );
  await chunked(chargeRows, (chunk) => db.insert(charges).values(chunk));
  await analyse(bench);
  return chargeRows.length;
}

/** Empty what an import writes (as the owner: the application role may not delete statements). */
async function clearBankTables(bench: BenchDatabase) {
  await bench.database.db.execute(sql`truncate payments, bank_lines, bank_imports`);
}

// ---------------------------------------------------------------------------------------------------
// One file: its parts alone, then the whole import, `RUNS` times; then what was matched

type KindAccuracy = { lines: number; expected: number; matched: number; right: number; wrong: number };

type Accuracy = {
  lines: number;
  matched: number;
  expected: number;
  /** Matched to the tenancy the generator meant. */
  right: number;
  /** Matched to another tenancy, or matched when it should have stayed in the queue: must be 0. */
  wrong: number;
  /** Expected but left in the queue. */
  missed: number;
  payments: number;
  byKind: Record<LineKind, KindAccuracy>;
};

type FileFigures = {
  format: "csv" | "camt053";
  lines: number;
  bytes: number;
  parseMs: number;
  accountsMs: number;
  reconcileMs: number;
  totalMs: number;
  /** The whole less parse, accounts and reconcile: the transaction's inserts, the hash, the checks. */
  restMs: number;
  samples: { parseMs: number; accountsMs: number; reconcileMs: number; totalMs: number }[];
  result: BankImportResult;
  accuracy: Accuracy;
};

async function measureFile(
  bench: BenchDatabase,
  file: { name: string; bytes: Uint8Array },
  expected: readonly SyntheticLine[],
  lineNoOf: (index: number) => number,
): Promise<FileFigures> {
  const actor = bench.partnerManager;
  const samples: FileFigures["samples"] = [];
  let result: BankImportResult | null = null;
  let accuracy: Accuracy | null = null;
  let _matches: LineMatch[] = [];
  let _statementLines: StatementLine[] = [];
  for (let run = 0; run < RUNS; run++) {
    await clearBankTables(bench);
    let start = performance.now();
    const parsed = parseStatement(file.name, file.bytes);
    const parseMs = performance.now() - start;
    if (!parsed.ok)
      throw new Error(
        `The synthetic ${file.name} does not parse: ${JSON.stringify(parsed.errors.slice(0, 5))}`,
      );
    start = performance.now();
    const open = await asActorIn(bench, actor, (db) => openTenanciesForReconciliation(db));
    const accountsMs = performance.now() - start;
    start = performance.now();
    _matches = reconcile(parsed.lines, open);
    _statementLines = parsed.lines;
    const reconcileMs = performance.now() - start;
    start = performance.now();
    result = await asActorIn(bench, actor, (db) => importStatement({ db, actor, file, now: NOW }));
    const totalMs = performance.now() - start;
    samples.push({ parseMs, accountsMs, reconcileMs, totalMs });
    const checked = await accuracyOf(bench, expected, lineNoOf);
    if (accuracy !== null && JSON.stringify(checked) !== JSON.stringify(accuracy))
      throw new Error("Two runs of the same import matched differently");
    accuracy = checked;
    log(
      `    run ${run + 1}: whole import ${formatMs(totalMs)}  (parse ${formatMs(parseMs)}, accounts ${formatMs(accountsMs)}, reconcile ${formatMs(reconcileMs)})  load ${load()}`,
    );
  }
  if (result === null || accuracy === null) throw new Error("No run");
  if (result.matched !== accuracy.matched || accuracy.payments !== accuracy.matched)
    throw new Error(
      `The import says ${result.matched} matched, the lines ${accuracy.matched}, the payments ${accuracy.payments}`,
    );
  const parseMs = median(samples.map((s) => s.parseMs));
  const accountsMs = median(samples.map((s) => s.accountsMs));
  const reconcileMs = median(samples.map((s) => s.reconcileMs));
  const totalMs = median(samples.map((s) => s.totalMs));
  return {
    format: result.format,
    lines: result.lines,
    bytes: file.bytes.length,
    parseMs,
    accountsMs,
    reconcileMs,
    totalMs,
    restMs: Math.max(0, totalMs - parseMs - accountsMs - reconcileMs),
    samples,
    result,
    accuracy,
  };
}

/** What the import matched, read back as the owner, against what the generator meant. */
async function accuracyOf(
  bench: BenchDatabase,
  expected: readonly SyntheticLine[],
  lineNoOf: (index: number) => number,
): Promise<Accuracy> {
  const db = bench.database.db;
  const rows = await db
    .select({ lineNo: bankLines.lineNo, reference: tenancies.reference })
    .from(bankLines)
    .leftJoin(tenancies, eq(tenancies.id, bankLines.tenancyId));
  const matchedTo = new Map(rows.map((r) => [r.lineNo, r.reference]));
  const [paid] = await db.select({ n: sql<number>`count(*)::int` }).from(payments);
  const byKind = Object.fromEntries(
    LINE_KINDS.map((k) => [k, { lines: 0, expected: 0, matched: 0, right: 0, wrong: 0 }]),
  ) as Record<LineKind, KindAccuracy>;
  const accuracy: Accuracy = {
    lines: rows.length,
    matched: 0,
    expected: 0,
    right: 0,
    wrong: 0,
    missed: 0,
    payments: paid?.n ?? 0,
    byKind,
  };
  if (rows.length !== expected.length)
    throw new Error(`${rows.length} lines written for ${expected.length} in the statement`);
  expected.forEach((line, i) => {
    const got = matchedTo.get(lineNoOf(i)) ?? null;
    const kind = byKind[line.kind];
    kind.lines++;
    if (line.expected !== null) {
      accuracy.expected++;
      kind.expected++;
    }
    if (got !== null) {
      accuracy.matched++;
      kind.matched++;
      if (got === line.expected) {
        accuracy.right++;
        kind.right++;
      } else {
        accuracy.wrong++;
        kind.wrong++;
      }
    } else if (line.expected !== null) {
      accuracy.missed++;
    }
  });
  return accuracy;
}

// ---------------------------------------------------------------------------------------------------
// Output

type Files = {
  csv: { name: string; bytes: Uint8Array; lines: SyntheticLine[] };
  xml: { name: string; bytes: Uint8Array; lines: SyntheticLine[] } | null;
};
type TargetRun = { setupMs: number; charges: number; csv: FileFigures; xml: FileFigures | null };

const linesPerSecond = (f: FileFigures | null | undefined) =>
  f === null || f === undefined ? null : (f.lines * 1000) / f.totalMs;

function describeMatches(label: string, f: FileFigures) {
  const a = f.accuracy;
  log(
    `  ${label}: ${count(a.lines)} lines, matched ${count(a.matched)} (${percent(a.matched, a.lines)}); ` +
      `generator expects ${count(a.expected)}: ${count(a.right)} matched to the right tenancy, ` +
      `${count(a.missed)} missed; WRONG matches: ${a.wrong}${a.wrong === 0 ? "" : "  ← MUST BE 0"}`,
  );
  log(
    `  ${label}: whole import ${formatMs(f.totalMs)} median of ${RUNS} → ${count(Math.round(linesPerSecond(f) ?? 0))} lines/s ` +
      `(parse ${formatMs(f.parseMs)}, accounts ${formatMs(f.accountsMs)}, reconcile ${formatMs(f.reconcileMs)}, write and the rest ${formatMs(f.restMs)})`,
  );
}

async function runTarget(
  open: () => Promise<BenchDatabase>,
  roll: readonly SyntheticTenancy[],
  files: Files,
): Promise<TargetRun> {
  const bench = await open();
  openBench = bench;
  try {
    log(`\n■ ${bench.kind}`);
    const start = performance.now();
    const chargeCount = await seedRentRoll(bench, roll);
    const setupMs = performance.now() - start;
    log(
      `  set-up (not timed in the figures): ${count(TENANCIES)} ETS-B1 + ${count(OTHER_TENANCIES)} ETS-B2 tenancies, ` +
        `${count(chargeCount)} charges for ${BENCH_PERIOD}, in ${formatMs(setupMs)}`,
    );
    log(`  CSV, ${count(files.csv.lines.length)} lines, ${(files.csv.bytes.length / 1e6).toFixed(1)} MB`);
    const csv = await measureFile(bench, files.csv, files.csv.lines, csvLineNo);
    describeMatches("CSV", csv);
    let xml: FileFigures | null = null;
    if (files.xml !== null) {
      log(
        `  camt.053.001.02, the first ${count(files.xml.lines.length)} of the same lines, ${(files.xml.bytes.length / 1e6).toFixed(1)} MB`,
      );
      xml = await measureFile(bench, files.xml, files.xml.lines, camtLineNo);
      describeMatches("camt.053", xml);
    }
    await clearBankTables(bench);
    return { setupMs, charges: chargeCount, csv, xml };
  } finally {
    openBench = null;
    await bench.close();
  }
}

type Figure = {
  id: string;
  figure: string;
  unit: "ms" | "lines/s";
  values: Partial<Record<DatabaseKind, number | null>>;
};

function figuresOf(runs: Partial<Record<DatabaseKind, TargetRun>>, files: Files): Figure[] {
  const pick = (f: (r: TargetRun) => number | null | undefined) =>
    Object.fromEntries(TARGETS.map((k) => [k, runs[k] === undefined ? null : (f(runs[k]) ?? null)]));
  const csvN = count(files.csv.lines.length);
  const figures: Figure[] = [
    {
      id: "csv.total",
      figure: `CSV import ${csvN} lines, whole`,
      unit: "ms",
      values: pick((r) => r.csv.totalMs),
    },
    { id: "csv.parse", figure: "  parse", unit: "ms", values: pick((r) => r.csv.parseMs) },
    { id: "csv.accounts", figure: "  accounts in scope", unit: "ms", values: pick((r) => r.csv.accountsMs) },
    { id: "csv.reconcile", figure: "  reconcile", unit: "ms", values: pick((r) => r.csv.reconcileMs) },
    { id: "csv.rest", figure: "  write and the rest", unit: "ms", values: pick((r) => r.csv.restMs) },
    { id: "csv.rate", figure: "  lines/s", unit: "lines/s", values: pick((r) => linesPerSecond(r.csv)) },
  ];
  if (files.xml !== null) {
    const xmlN = count(files.xml.lines.length);
    figures.push(
      {
        id: "xml.total",
        figure: `camt.053 import ${xmlN} lines, whole`,
        unit: "ms",
        values: pick((r) => r.xml?.totalMs),
      },
      { id: "xml.parse", figure: "  parse", unit: "ms", values: pick((r) => r.xml?.parseMs) },
      {
        id: "xml.accounts",
        figure: "  accounts in scope",
        unit: "ms",
        values: pick((r) => r.xml?.accountsMs),
      },
      { id: "xml.reconcile", figure: "  reconcile", unit: "ms", values: pick((r) => r.xml?.reconcileMs) },
      { id: "xml.rest", figure: "  write and the rest", unit: "ms", values: pick((r) => r.xml?.restMs) },
      { id: "xml.rate", figure: "  lines/s", unit: "lines/s", values: pick((r) => linesPerSecond(r.xml)) },
    );
  }
  return figures;
}

const formatFigure = (f: Figure, v: number | null | undefined) =>
  v === null || v === undefined ? "–" : f.unit === "ms" ? formatMs(v) : count(Math.round(v));

function kindTable(f: FileFigures): string {
  return table(
    ["kind of line", "lines", "share", "expected", "matched", "right tenancy", "wrong"],
    LINE_KINDS.map((k) => {
      const a = f.accuracy.byKind[k];
      return [
        k,
        count(a.lines),
        percent(a.lines, f.accuracy.lines),
        count(a.expected),
        count(a.matched),
        count(a.right),
        String(a.wrong),
      ];
    }),
  );
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

async function main() {
  log(
    `Bank import bench · ${count(TENANCIES)} tenancies in scope, ${count(LINES)} statement lines (seed ${BANK_BENCH_SEED})` +
      ` · median of ${RUNS} · Node ${process.version} · ${cpus().length} CPUs · load ${load()}`,
  );
  let start = performance.now();
  const roll = syntheticTenancies(TENANCIES, OTHER_TENANCIES);
  const lines = syntheticStatement(roll, LINES);
  const csvBytes = statementCsvBytes(lines);
  const xmlLines = lines.slice(0, XML_LINES);
  const files: Files = {
    csv: { name: "estratto-conto-novembre-2026.csv", bytes: csvBytes, lines },
    xml:
      XML_LINES === 0
        ? null
        : { name: "estratto-conto-novembre-2026.xml", bytes: statementCamtBytes(xmlLines), lines: xmlLines },
  };
  log(`Synthetic rent roll and statement (no database) made in ${formatMs(performance.now() - start)}`);
  if (XML_LINES < LINES && XML_LINES > 0)
    log(
      `camt.053: ${count(XML_LINES)} entries, not ${count(LINES)}: its XML parser alone took ~17 s for 50,000 on a loaded 2-CPU machine (--xml-lines ${LINES} to run it whole)`,
    );

  const runs: Partial<Record<DatabaseKind, TargetRun>> = {};
  const opens = { pglite: openBenchPglite, postgresql: openBenchPostgres };
  for (const kind of TARGETS) {
    start = performance.now();
    runs[kind] = await runTarget(() => opens[kind]({ proposedIndexes: false }), roll, files);
    log(`  (${kind} done in ${formatMs(performance.now() - start)}, load ${load()})`);
  }

  const [first] = TARGETS;
  const reference = first === undefined ? undefined : runs[first];
  if (reference !== undefined) {
    for (const kind of TARGETS) {
      const other = runs[kind];
      if (
        other !== undefined &&
        JSON.stringify(other.csv.accuracy) !== JSON.stringify(reference.csv.accuracy)
      )
        log(`\n! ${kind} matched the CSV differently from ${first}`);
    }
    log(`\nMatches by kind of line (CSV, ${count(LINES)} lines; the same on every database)`);
    log(kindTable(reference.csv));
    const a = reference.csv.accuracy;
    log(
      `\nMatch rate ${percent(a.matched, a.lines)} (${count(a.matched)} of ${count(a.lines)}); ` +
        `expected ${count(a.expected)} (${percent(a.expected, a.lines)}), of which ${count(a.right)} to the right tenancy ` +
        `(recall ${percent(a.right, a.expected)}); wrong matches ${a.wrong} (precision ${percent(a.right, a.matched)})`,
    );
    if (reference.xml !== null) {
      const x = reference.xml.accuracy;
      log(
        `camt.053 (${count(x.lines)} lines): matched ${count(x.matched)} (${percent(x.matched, x.lines)}), ` +
          `expected ${count(x.expected)}, right ${count(x.right)}, wrong ${x.wrong}`,
      );
    }
  }

  const figures = figuresOf(runs, files);
  const both = TARGETS.length === 2;
  log(`\nSummary (medians of ${RUNS}${both ? "; ratio = PGlite / PostgreSQL" : ""})`);
  log(
    table(
      [
        "figure",
        ...TARGETS.map((k) => (k === "pglite" ? "PGlite" : "PostgreSQL")),
        ...(both ? ["ratio"] : []),
      ],
      figures.map((f) => [
        f.figure,
        ...TARGETS.map((k) => formatFigure(f, f.values[k])),
        ...(both ? [formatRatio(f.values.pglite ?? null, f.values.postgresql ?? null)] : []),
      ]),
    ),
  );

  const previous = readPrevious();
  if (previous !== null) {
    const before = new Map(previous.figures.map((f) => [f.id, f]));
    const rows = figures.flatMap((f) => {
      const old = before.get(f.id);
      if (old === undefined || f.unit !== "ms") return [];
      return [[f.figure, ...TARGETS.map((k) => formatRatio(f.values[k] ?? null, old.values[k] ?? null))]];
    });
    log("\nAgainst the previous run of the same variant (ratio < 1 = faster now)");
    log(table(["figure", ...TARGETS.map((k) => `${k === "pglite" ? "PGlite" : "PG"} now/before`)], rows));
  }

  mkdirSync(".bench", { recursive: true });
  // A run of one target keeps the other target's figures of the previous run.
  const merged = figures.map((f) => ({
    ...f,
    values: { ...previous?.figures.find((p) => p.id === f.id)?.values, ...f.values },
  }));
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        variant: VARIANT,
        runs: RUNS,
        node: process.version,
        cpus: cpus().length,
        loadAverage: loadavg()[0],
        figures: merged,
        targets: Object.fromEntries(
          Object.entries(runs).map(([k, r]) => [
            k,
            {
              setupMs: r.setupMs,
              charges: r.charges,
              csv: r.csv,
              xml: r.xml,
            },
          ]),
        ),
      },
      null,
      2,
    )}\n`,
  );
  log(`\nWrote ${RESULTS_FILE} · load at the end ${load()}`);
}

await main();
