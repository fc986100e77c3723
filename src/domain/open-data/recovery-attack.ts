// SPDX-License-Identifier: EUPL-1.2
import loadHighs, { type Highs } from "highs";
import type { OpenDataTable } from "./open-data-api.schema.ts";
import { SMALL_CELL_MAX } from "./suppression.ts";

/*
 * The recovery attack: what someone holding the published tables can work out about the hidden
 * cells. Each hidden count is an unknown whole number ≥ 0; every published count is fixed; every line
 * of a table adds up (cells to their row and column totals, totals to the grand total); tables about
 * the same population share their grand total. For each hidden count an integer program (HiGHS)
 * finds the least and the greatest value it can take. The published tables are safe when no hidden
 * count is pinned to one value and none can be shut inside 1–9 — each could be 0, or 10 or more.
 *
 * It reads only what is published, so it judges the suppression from outside; the tests run it over
 * every table of the open-data API and over random tables.
 */

/** A table of counts as published (null: hidden). A one-way table has one column and no row totals. */
export type PublishedCounts = {
  cells: readonly (readonly (number | null)[])[];
  /** Null for a one-way table. */
  rowTotals: readonly (number | null)[] | null;
  columnTotals: readonly (number | null)[];
  total: number | null;
};

/** Where a hidden count is: table, and `cell r,c`, `row total r`, `column total c` or `total`. */
export type HiddenCount = { table: number; where: string; min: number; max: number };

type Term = { coefficient: number; value: number | null; variable: string | null };

let runtime: Promise<Highs> | undefined;
/** The WebAssembly solver, loaded once (every solve gets a fresh native instance). */
const highs = () => {
  runtime ??= loadHighs();
  return runtime;
};

/** The unknowns and the equations of the tables of one population. */
function systemOf(tables: readonly PublishedCounts[]) {
  const unknowns: { name: string; table: number; where: string }[] = [];
  const equations: Term[][] = [];
  const term = (table: number, where: string, value: number | null, coefficient: number): Term => {
    if (value !== null) return { coefficient, value, variable: null };
    const name = `x${unknowns.length}`;
    unknowns.push({ name, table, where });
    return { coefficient, value: null, variable: name };
  };
  const totals: Term[] = [];
  tables.forEach((t, k) => {
    const columns = t.columnTotals.length;
    const cells = t.cells.map((r, i) => r.map((v, j) => term(k, `cell ${i},${j}`, v, 1)));
    const columnTotals = t.columnTotals.map((v, j) => term(k, `column total ${j}`, v, 1));
    const rowTotals = t.rowTotals?.map((v, i) => term(k, `row total ${i}`, v, 1)) ?? null;
    const total = term(k, "total", t.total, 1);
    const minus = (x: Term): Term => ({ ...x, coefficient: -x.coefficient });
    for (let j = 0; j < columns; j++)
      equations.push([...cells.map((r) => r[j] as Term), minus(columnTotals[j] as Term)]);
    equations.push([...columnTotals, minus(total)]);
    if (rowTotals !== null) {
      cells.forEach((r, i) => {
        equations.push([...r, minus(rowTotals[i] as Term)]);
      });
      equations.push([...rowTotals, minus(total)]);
    }
    totals.push(total);
  });
  // The same population has one grand total, whichever table publishes it.
  for (let k = 1; k < totals.length; k++) {
    equations.push([totals[0] as Term, { ...(totals[k] as Term), coefficient: -1 }]);
  }
  return { unknowns, equations };
}

/** The CPLEX LP text that minimises or maximises `objective` over the system. */
function lpOf(system: ReturnType<typeof systemOf>, objective: string, sense: "Minimize" | "Maximize") {
  const rows: string[] = [];
  system.equations.forEach((equation, i) => {
    const variables = equation.filter((t) => t.variable !== null);
    const constant = equation.reduce((sum, t) => sum + (t.value === null ? 0 : t.coefficient * t.value), 0);
    if (variables.length === 0) {
      if (constant !== 0) throw new Error(`published counts do not add up (equation ${i})`);
      return;
    }
    const lhs = variables.map((t) => `${t.coefficient < 0 ? "-" : "+"} ${t.variable}`).join(" ");
    rows.push(` e${i}: ${lhs} = ${-constant}`);
  });
  const names = system.unknowns.map((u) => u.name);
  return [
    sense,
    ` obj: ${objective}`,
    "Subject To",
    ...(rows.length > 0 ? rows : [` none: ${objective} >= 0`]),
    "Bounds",
    ...names.map((n) => ` ${n} >= 0`),
    "General",
    ` ${names.join(" ")}`,
    "End",
  ].join("\n");
}

/**
 * The least and greatest value of every hidden count of `tables`, which describe one population (so
 * share their grand total): the attacker's best knowledge.
 */
export async function attackPopulation(tables: readonly PublishedCounts[]): Promise<HiddenCount[]> {
  const system = systemOf(tables);
  const solver = await highs();
  const solve = (objective: string, sense: "Minimize" | "Maximize") => {
    const solution = solver.solve(lpOf(system, objective, sense), { output_flag: false });
    if (solution.Status === "Optimal") return Math.round(solution.ObjectiveValue);
    if (solution.Status === "Unbounded" || solution.Status === "Primal infeasible or unbounded")
      return sense === "Maximize" ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    throw new Error(`the attack's program ended ${solution.Status}`);
  };
  return system.unknowns.map((u) => ({
    table: u.table,
    where: u.where,
    min: solve(u.name, "Minimize"),
    max: solve(u.name, "Maximize"),
  }));
}

/** A hidden count the attacker pins to one value, or shuts inside 1–9: what must never happen. */
export const isDisclosed = (c: HiddenCount) => c.min === c.max || (c.min > 0 && c.max <= SMALL_CELL_MAX);

/** The counts of a published table in the attacker's terms (its count columns; shares add nothing). */
export function publishedCountsOf(table: OpenDataTable): PublishedCounts {
  const counts = table.columns.flatMap((c, j) => (c.measure === "count" ? [j] : []));
  const pick = (cells: readonly (number | null)[]) => counts.map((j) => cells[j] ?? null);
  const columnTotals = pick(table.totals.cells);
  return {
    cells: table.rows.map((r) => pick(r.cells)),
    rowTotals: table.rowTotals ? table.rows.map((r) => r.total ?? null) : null,
    columnTotals,
    total: table.rowTotals ? (table.totals.total ?? null) : (columnTotals[0] ?? null),
  };
}

/**
 * The attack on every table under the small-cell rule, tables of one population together: how many
 * hidden counts it attacked, and those it disclosed (named by table).
 */
export async function attackOpenData(tables: readonly OpenDataTable[]) {
  const populations = new Map<string, OpenDataTable[]>();
  for (const t of tables.filter((t) => t.smallCellRule)) {
    populations.set(t.population, [...(populations.get(t.population) ?? []), t]);
  }
  let attacked = 0;
  const disclosed: (HiddenCount & { name: string })[] = [];
  for (const group of populations.values()) {
    const found = await attackPopulation(group.map(publishedCountsOf));
    attacked += found.length;
    disclosed.push(...found.filter(isDisclosed).map((c) => ({ ...c, name: group[c.table]?.name ?? "" })));
  }
  return { attacked, disclosed };
}
