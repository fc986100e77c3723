// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { testScenario } from "./finance-testing.ts";
import { amortisationSchedule } from "./loan.ts";
import { buildPlanReport, formatEuro, formatSchedule, parsePlanArgs } from "./plan-command.ts";

describe("the plan command line", () => {
  it.each([
    [
      ["--scenario", "s.json", "--output", "r.json"],
      { kind: "scenario", scenarioPath: "s.json", outputPath: "r.json", runs: 10_000, seed: 1 },
    ],
    [
      ["--scenario=s.json", "--output=r.json", "--runs", "0", "--seed=7"],
      { kind: "scenario", scenarioPath: "s.json", outputPath: "r.json", runs: 0, seed: 7 },
    ],
    [
      ["--loan", '{"principal":100000,"annualRate":0.09,"years":10,"method":"french","periodsPerYear":1}'],
      {
        kind: "loan",
        loan: {
          principalCents: 10_000_000,
          annualRate: 0.09,
          years: 10,
          method: "french",
          graceMonths: 0,
          convention: "nominal",
          periodsPerYear: 1,
        },
      },
    ],
    [["--loan", '{"principal":1234.56,"annualRate":0,"years":1,"method":"italian"}'], { kind: "loan" }],
    [["--help"], { kind: "help" }],
  ])("%j", (args, expected) => {
    const parsed = parsePlanArgs(args);
    expect(parsed.ok && parsed.command).toMatchObject(expected);
  });

  it("takes the principal in EUR and keeps it to the cent", () => {
    const parsed = parsePlanArgs([
      "--loan",
      '{"principal":1234.56,"annualRate":0,"years":1,"method":"italian"}',
    ]);
    expect(parsed.ok && parsed.command.kind === "loan" && parsed.command.loan.principalCents).toBe(123_456);
  });

  it.each([
    [[], "--scenario"],
    [["--scenario", "s.json"], "--output"],
    [["--scenario", "s.json", "--output", "r.json", "--runs", "-1"], "--runs"],
    [["--scenario", "s.json", "--output", "r.json", "--seed", "x"], "--seed"],
    [["--verbose"], "--verbose"],
    [["s.json"], "s.json"],
    [["--loan"], "--loan"],
    [["--loan", "{principal:1}"], "--loan"],
    [["--loan", '{"principal":-5,"annualRate":0.05,"years":5,"method":"french"}'], "loan.principal"],
    [["--loan", '{"principal":1.005,"annualRate":0.05,"years":5,"method":"french"}'], "loan.principal"],
    [["--loan", '{"principal":100,"annualRate":0.05,"years":5,"method":"bullet"}'], "loan.method"],
    [
      ["--loan", '{"principal":100,"annualRate":0.05,"years":1,"method":"french","graceMonths":12}'],
      "loan.graceMonths",
    ],
    [
      [
        "--loan",
        '{"principal":100,"annualRate":0.05,"years":3,"method":"french","graceMonths":6,"periodsPerYear":1}',
      ],
      "loan.graceMonths",
    ],
  ])("refuses %j, naming %s", (args, path) => {
    const parsed = parsePlanArgs(args);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toContain(path);
  });
});

describe("printing", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [1_558_201, "15,582.01"],
    [123_456_789_012, "1,234,567,890.12"],
    [-250, "-2.50"],
  ])("%i cents → %s EUR", (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });

  it("prints a schedule with a row per period and the totals", () => {
    const rows = amortisationSchedule({
      principalCents: 1_000_000,
      annualRate: 0.0525,
      years: 5,
      method: "french",
      periodsPerYear: 1,
    });
    const lines = formatSchedule(rows).split("\n");
    expect(lines).toHaveLength(2 + 5 + 1);
    expect(lines[2]).toMatch(/^1\s+2,325\.73\s+525\.00\s+1,800\.73\s+8,199\.27$/);
    expect(lines.at(-1)).toMatch(/^total\s+[\d,.]+\s+[\d,.]+\s+10,000\.00$/);
  });
});

describe("the report", () => {
  it("holds the plan, the checks, the variants, the sensitivity and the Monte Carlo analysis", () => {
    const report = buildPlanReport(testScenario(), { runs: 20, seed: 3 });
    expect(report.plan.months).toHaveLength(120);
    expect(report.checks.map((c) => c.id)).toEqual([
      "grant",
      "debt_share",
      "area_a_co_financing",
      "area_b_co_financing",
      "stock",
    ]);
    expect(report.variants).toHaveLength(5);
    expect(report.sensitivity.rows.length).toBeGreaterThan(10);
    expect(report.monteCarlo?.runs).toBe(20);
    expect(buildPlanReport(testScenario(), { runs: 0, seed: 3 }).monteCarlo).toBeNull();
  });
});
