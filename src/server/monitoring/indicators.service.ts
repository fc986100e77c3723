// SPDX-License-Identifier: EUPL-1.2
import { performance } from "node:perf_hooks";
import { type SQL, sql } from "drizzle-orm";
import {
  CATALOGUE,
  type Dimension,
  type IndicatorDefinition,
  indicatorOf,
} from "../../domain/monitoring/catalogue.ts";
import type { PeriodBounds } from "../../domain/monitoring/periods.ts";
import { type Aggregate, type IndicatorValue, indicatorValue } from "../../domain/monitoring/values.ts";
import type { Alongside, Db } from "../db/client.ts";
import { AppError, fieldError } from "../errors.ts";
import { rowsOf } from "../security/catalogue.ts";
import { HEADLINE_GROUPS, INDICATOR_SQL } from "./indicator-sql.ts";

/** An indicator's value, and the same value for each key of the disaggregations asked for. */
export interface ComputedIndicator extends IndicatorValue {
  code: string;
  breakdowns: Partial<Record<Dimension, BreakdownCell[]>>;
}

export interface BreakdownCell extends IndicatorValue {
  /** The disaggregation's value (`F`, `35-49`, `municipio_3`, an organisation id…); null: not known. */
  key: string | null;
}

type AggregateRow = { code: string; numerator: number; denominator: number; statistic: number | null };

export function definitionOf(code: string): IndicatorDefinition {
  const definition = indicatorOf(code);
  if (!definition) throw new AppError("NOT_FOUND", `No indicator "${code}"`);
  return definition;
}

function queryOf(code: string): (p: PeriodBounds, dims: boolean) => SQL {
  const query = INDICATOR_SQL[code];
  if (!query) throw new Error(`the indicator ${code} has no query`);
  return query;
}

/** The aggregate columns for an indicator's kind: sums, or the count and the statistic of `obs`. */
function aggregateColumns(definition: IndicatorDefinition): SQL {
  switch (definition.kind) {
    case "count":
    case "ratio":
      return sql`coalesce(sum(num), 0)::float8 as numerator, coalesce(sum(den), 0)::float8 as denominator,
        null::float8 as statistic`;
    case "median":
      return sql`count(obs)::float8 as numerator, count(obs)::float8 as denominator,
        (percentile_cont(0.5) within group (order by obs))::float8 as statistic`;
    case "mean":
      return sql`count(obs)::float8 as numerator, count(obs)::float8 as denominator, avg(obs)::float8 as statistic`;
  }
}

/**
 * The indicators' statements cost far above PostgreSQL's JIT threshold, and compiling them takes
 * longer than running them (seconds, measured by `bench/indicators`): they run without it. Their
 * sorts (households' reviews in order, units' days) fit in memory at 32 MB, not at the default 4 MB.
 */
const indicatorSettings = async (db: Db) => {
  await db.execute(sql`set local jit = off`);
  await db.execute(sql`set local work_mem = '32MB'`);
};

const aggregateOf = (row: Omit<AggregateRow, "code">): Aggregate => ({
  numerator: Number(row.numerator),
  denominator: Number(row.denominator),
  statistic: row.statistic === null ? null : Number(row.statistic),
});

/** How long each headline query last took here, in ms: the next run starts the longest first. */
const lastDurations = new Map<string, number>();

/**
 * The headline queries `alongside`, the longest first (as last measured; a query not yet measured
 * before all), so that the connections finish together rather than one waiting on the last long query.
 */
async function alongsideLongestFirst(
  parts: readonly { key: string; query: SQL }[],
  alongside: Alongside,
): Promise<AggregateRow[]> {
  const expected = (key: string) => lastDurations.get(key) ?? Number.MAX_VALUE;
  const ordered = [...parts].sort((a, b) => expected(b.key) - expected(a.key));
  const results = await alongside(
    ordered.map((part) => async (tx: Db) => {
      const start = performance.now();
      await indicatorSettings(tx);
      const rows = await rowsOf<AggregateRow>(tx, part.query);
      lastDurations.set(part.key, performance.now() - start);
      return rows;
    }),
  );
  return results.flat();
}

/**
 * The headline value of every indicator (or of `codes`) for the period: what the dashboard shows.
 * Computed under the reader's row-level security, in one statement, or, given `alongside`, one
 * statement per indicator (or group of them) run at once on the server's cores.
 */
export async function computeHeadlines(
  db: Db,
  period: PeriodBounds,
  codes: readonly string[] = CATALOGUE.map((d) => d.code),
  alongside?: Alongside,
): Promise<ComputedIndicator[]> {
  const definitions = codes.map(definitionOf);
  const asked = new Set(codes);
  // An indicator of a group asked is read from its group's one pass (with the group's other codes,
  // dropped below if not asked); the others from their own query.
  const groups = HEADLINE_GROUPS.filter((g) => g.codes.some((c) => asked.has(c)));
  const grouped = new Set(groups.flatMap((g) => g.codes));
  const parts = [
    ...groups.map((g) => ({ key: g.codes.join(), query: g.query(period) })),
    ...definitions
      .filter((d) => !grouped.has(d.code))
      .map((d) => ({
        key: d.code,
        query: sql`select ${d.code}::text as code, ${aggregateColumns(d)} from (${queryOf(d.code)(period, false)}) b`,
      })),
  ];
  const rows = alongside
    ? await alongsideLongestFirst(parts, alongside)
    : await indicatorSettings(db).then(() =>
        rowsOf<AggregateRow>(
          db,
          sql.join(
            parts.map((p) => p.query),
            sql` union all `,
          ),
        ),
      );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return definitions.map((d) => {
    const row = byCode.get(d.code) ?? { numerator: 0, denominator: 0, statistic: null };
    return { code: d.code, ...indicatorValue(d, aggregateOf(row)), breakdowns: {} };
  });
}

/** One indicator with its disaggregations (all it allows, or `dimensions`), in one statement. */
export async function computeIndicator(
  db: Db,
  code: string,
  period: PeriodBounds,
  dimensions?: readonly Dimension[],
): Promise<ComputedIndicator> {
  const definition = definitionOf(code);
  const asked = dimensions ?? definition.dimensions;
  for (const dimension of asked)
    if (!definition.dimensions.includes(dimension))
      throw fieldError(
        "UNPROCESSABLE",
        "dimension",
        `The indicator ${code} has no disaggregation by ${dimension}`,
      );
  const base = queryOf(code)(period, asked.length > 0);
  const keyColumn =
    asked.length === 0
      ? sql`null::text as dimension, null::text as key`
      : sql`case ${sql.join(
          asked.map((d) => sql`when grouping(${sql.identifier(d)}) = 0 then ${d}::text`),
          sql` `,
        )} else null end as dimension,
        coalesce(${sql.join(
          asked.map((d) => sql`case when grouping(${sql.identifier(d)}) = 0 then ${sql.identifier(d)} end`),
          sql`, `,
        )}) as key`;
  const groups =
    asked.length === 0
      ? sql``
      : sql`group by grouping sets ((), ${sql.join(
          asked.map((d) => sql`(${sql.identifier(d)})`),
          sql`, `,
        )})`;
  await indicatorSettings(db);
  const rows = await rowsOf<Omit<AggregateRow, "code"> & { dimension: Dimension | null; key: string | null }>(
    db,
    sql`select ${keyColumn}, ${aggregateColumns(definition)} from (${base}) b ${groups}`,
  );
  const whole = rows.find((r) => r.dimension === null) ?? { numerator: 0, denominator: 0, statistic: null };
  const breakdowns: ComputedIndicator["breakdowns"] = {};
  for (const dimension of asked) {
    breakdowns[dimension] = rows
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ key: r.key, ...indicatorValue(definition, aggregateOf(r)) }))
      .sort((a, b) => (a.key ?? "~").localeCompare(b.key ?? "~"));
  }
  return { code, ...indicatorValue(definition, aggregateOf(whole)), breakdowns };
}

export interface RecordRow {
  id: string;
  label: string;
  numerator: number;
  denominator: number;
  observation: number | null;
}

/**
 * The records behind a number: for the period, the records the indicator counted (in the cell
 * `key` of `dimension`, when given), with what each added. At most `limit` records, largest first.
 */
export async function recordsBehind(
  db: Db,
  options: { code: string; period: PeriodBounds; dimension?: Dimension; key?: string | null; limit: number },
): Promise<{ records: RecordRow[]; total: number }> {
  const definition = definitionOf(options.code);
  const { dimension } = options;
  if (dimension !== undefined && !definition.dimensions.includes(dimension))
    throw fieldError(
      "UNPROCESSABLE",
      "dimension",
      `The indicator ${options.code} has no disaggregation by ${dimension}`,
    );
  const base = queryOf(options.code)(options.period, dimension !== undefined);
  const filter =
    dimension === undefined
      ? sql``
      : options.key === null || options.key === undefined
        ? sql`where ${sql.identifier(dimension)} is null`
        : sql`where ${sql.identifier(dimension)} = ${options.key}`;
  await indicatorSettings(db);
  const rows = await rowsOf<{
    id: string;
    label: string;
    numerator: number;
    denominator: number;
    observation: number | null;
    total: number;
  }>(
    db,
    sql`select rid::text as id, min(rlabel) as label, coalesce(sum(num), 0)::float8 as numerator,
        coalesce(sum(den), 0)::float8 as denominator, avg(obs)::float8 as observation,
        (count(*) over ())::int as total
      from (${base}) b ${filter}
      group by rid
      order by sum(num) desc nulls last, min(rlabel)
      limit ${options.limit}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    records: rows.map(({ total: _total, ...r }) => ({
      ...r,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      observation: r.observation === null ? null : Number(r.observation),
    })),
  };
}
