// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";
import { planChecks } from "./checks.ts";
import type { LoanTerms, ScheduleRow } from "./loan.ts";
import { centsFromEuro } from "./money.ts";
import { DEFAULT_RUNS, runMonteCarlo } from "./monte-carlo.ts";
import { runPlan } from "./plan.ts";
import { PlanLoan, type Scenario } from "./scenario.schema.ts";
import { compareVariants, sensitivity } from "./scenarios.ts";

/** What `npm run plan` does; the script in src/server/scripts/plan.ts only reads, writes and prints. */

export const PLAN_USAGE = `Usage:
  npm run plan -- --scenario scenario.json --output result.json [--runs 10000] [--seed 1]
      Runs the financial plan of a scenario (docs/financial-plan.md) and writes every table: months,
      years, checks, variants, sensitivity and, unless --runs 0, a seeded Monte Carlo analysis.
  npm run plan -- --loan '{"principal":100000,"annualRate":0.09,"years":10,"method":"french"}'
      Prints an amortisation schedule. principal is in EUR (up to 2 decimals); optional: graceMonths,
      convention ("nominal" | "effective"), periodsPerYear (12 | 1, default 12).
Exit code: 0 done, 1 bad input (each problem names its field).`;

/**
 * A loan as typed on the command line: the principal in EUR (not cents), so that the published
 * examples can be typed as printed.
 */
export const LoanArgument = PlanLoan.pick({
  annualRate: true,
  years: true,
  method: true,
  graceMonths: true,
  convention: true,
})
  .extend({
    /** EUR, at most 2 decimals. */
    principal: z
      .number({ error: "Give the principal in EUR" })
      .positive({ error: "The principal must be above 0" })
      .max(1e12, { error: "Principal too large" })
      .refine((eur) => Math.abs(eur * 100 - Math.round(eur * 100)) < 1e-6, {
        error: "At most 2 decimals (cents)",
      }),
    periodsPerYear: z.union([z.literal(12), z.literal(1)], { error: "Use 12 or 1" }).default(12),
  })
  .superRefine((loan, ctx) => {
    if (loan.graceMonths >= loan.years * 12)
      ctx.addIssue({
        code: "custom",
        path: ["graceMonths"],
        message: "The grace must be shorter than the loan",
      });
    else if (loan.periodsPerYear === 1 && loan.graceMonths % 12 !== 0)
      ctx.addIssue({
        code: "custom",
        path: ["graceMonths"],
        message: "With annual instalments the grace must be whole years (a multiple of 12)",
      });
  });

export type PlanCommand =
  | { kind: "scenario"; scenarioPath: string; outputPath: string; runs: number; seed: number }
  | { kind: "loan"; loan: LoanTerms }
  | { kind: "help" };

export type ParsedCommand = { ok: true; command: PlanCommand } | { ok: false; issues: FieldIssue[] };

const FLAGS = ["scenario", "output", "runs", "seed", "loan", "help"] as const;
type Flag = (typeof FLAGS)[number];
const isFlag = (name: string): name is Flag => (FLAGS as readonly string[]).includes(name);

const wholeNumber = (flag: string, text: string | undefined, fallback: number, min: number) => {
  if (text === undefined) return { value: fallback };
  const n = Number(text);
  return Number.isInteger(n) && n >= min
    ? { value: n }
    : { issue: { path: flag, message: `Give a whole number ≥ ${min}` } };
};

/** The command line after `--`: flags as `--name value` or `--name=value`. */
export function parsePlanArgs(args: readonly string[]): ParsedCommand {
  const values = new Map<Flag, string>();
  const fail = (path: string, message: string): ParsedCommand => ({ ok: false, issues: [{ path, message }] });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--")) return fail(arg, "Unexpected argument");
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!isFlag(name)) return fail(`--${name}`, "Unknown option");
    if (name === "help") return { ok: true, command: { kind: "help" } };
    const value = inline ?? args[++i];
    if (value === undefined) return fail(`--${name}`, "Give a value");
    values.set(name, value);
  }
  const loan = values.get("loan");
  if (loan !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(loan);
    } catch {
      return fail("--loan", "Not JSON");
    }
    const parsed = LoanArgument.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        issues: parsed.error.issues.map((i) => ({
          path: ["loan", ...i.path.map(String)].join("."),
          message: i.message,
        })),
      };
    const { principal, ...terms } = parsed.data;
    return {
      ok: true,
      command: { kind: "loan", loan: { ...terms, principalCents: centsFromEuro(principal) } },
    };
  }
  const scenarioPath = values.get("scenario");
  const outputPath = values.get("output");
  if (scenarioPath === undefined) return fail("--scenario", "Give the scenario file (or --loan)");
  if (outputPath === undefined) return fail("--output", "Give the file to write the result to");
  const runs = wholeNumber("--runs", values.get("runs"), DEFAULT_RUNS, 0);
  const seed = wholeNumber("--seed", values.get("seed"), 1, 0);
  const issues = [runs.issue, seed.issue].filter((i) => i !== undefined);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    command: { kind: "scenario", scenarioPath, outputPath, runs: runs.value ?? 0, seed: seed.value ?? 0 },
  };
}

/** Cents as EUR with a thousands comma and 2 decimals: 1558201 → "15,582.01". */
export function formatEuro(cents: number): string {
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${cents < 0 ? "-" : ""}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** An amortisation schedule as a plain text table, EUR, with a line of totals. */
export function formatSchedule(rows: readonly ScheduleRow[]): string {
  const sum = (key: "instalmentCents" | "interestCents" | "principalCents") =>
    rows.reduce((n, r) => n + r[key], 0);
  const header = ["period", "instalment", "interest", "principal", "balance"];
  const body = rows.map((r) => [
    `${r.period}${r.grace ? " (grace)" : ""}`,
    formatEuro(r.instalmentCents),
    formatEuro(r.interestCents),
    formatEuro(r.principalCents),
    formatEuro(r.balanceCents),
  ]);
  const totals = [
    "total",
    formatEuro(sum("instalmentCents")),
    formatEuro(sum("interestCents")),
    formatEuro(sum("principalCents")),
    "",
  ];
  const all = [header, ...body, totals];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line), line(totals)].join(
    "\n",
  );
}

/** Everything `npm run plan -- --scenario` writes: the plan and every table derived from it. */
export function buildPlanReport(scenario: Scenario, options: { runs: number; seed: number }) {
  const plan = runPlan(scenario);
  return {
    scenario,
    plan,
    checks: planChecks(scenario, plan),
    variants: compareVariants(scenario),
    sensitivity: sensitivity(scenario),
    monteCarlo:
      options.runs === 0 ? null : runMonteCarlo(scenario, { seed: options.seed, runs: options.runs }),
  };
}
export type PlanReport = ReturnType<typeof buildPlanReport>;
