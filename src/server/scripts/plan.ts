// SPDX-License-Identifier: EUPL-1.2
import { readFile, writeFile } from "node:fs/promises";
import { planChecks } from "../../domain/finance/checks.ts";
import { amortisationSchedule } from "../../domain/finance/loan.ts";
import {
  buildPlanReport,
  formatEuro,
  formatSchedule,
  PLAN_USAGE,
  parsePlanArgs,
} from "../../domain/finance/plan-command.ts";
import { parseScenario } from "../../domain/finance/scenario.schema.ts";

/**
 * `npm run plan`: the financial plan of a scenario file, or one amortisation schedule. The domain
 * (src/domain/finance) does the work; this file reads, writes and prints. See docs/financial-plan.md.
 */

const out = (line = "") => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const parsed = parsePlanArgs(process.argv.slice(2));
  if (!parsed.ok) {
    for (const issue of parsed.issues) err(`${issue.path}: ${issue.message}`);
    err(PLAN_USAGE);
    return 1;
  }
  const { command } = parsed;
  switch (command.kind) {
    case "help":
      out(PLAN_USAGE);
      return 0;
    case "loan":
      out(formatSchedule(amortisationSchedule(command.loan)));
      return 0;
    case "scenario": {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(command.scenarioPath, "utf8"));
      } catch (e) {
        err(`Cannot read ${command.scenarioPath} as JSON: ${(e as Error).message}`);
        return 1;
      }
      const scenario = parseScenario(json);
      if (!scenario.ok) {
        err(`Invalid scenario ${command.scenarioPath}:`);
        for (const issue of scenario.issues) err(`  ${issue.path || "(root)"}: ${issue.message}`);
        return 1;
      }
      const started = performance.now();
      const report = buildPlanReport(scenario.scenario, command);
      await writeFile(command.outputPath, `${JSON.stringify(report, null, 2)}\n`);
      const { plan, monteCarlo } = report;
      out(`${scenario.scenario.name}: ${plan.months.length} months from ${plan.startMonth}`);
      out(
        `Minimum DSCR ${plan.minDscr?.toFixed(2) ?? "– (no debt)"}${plan.minDscrYear ? ` in year ${plan.minDscrYear}` : ""}; ` +
          `units recovered ${plan.unitsRecovered}; fund at the end ${formatEuro(plan.totals.fundEndCents)} EUR; ` +
          `shortfall ${formatEuro(plan.totals.shortfallCents)} EUR`,
      );
      out(
        `Collected rent ${formatEuro(plan.revenue.collectedCents)} EUR against an estimate of ` +
          `${formatEuro(plan.revenue.estimateCents)} EUR (difference ${formatEuro(plan.revenue.differenceCents)})`,
      );
      out(
        `Break-even: arrears rate ${plan.breakEven.arrearsRate?.toFixed(4) ?? "–"}, ` +
          `rent level ${plan.breakEven.rentLevel?.toFixed(4) ?? "–"} of the planned rents`,
      );
      for (const check of planChecks(scenario.scenario, plan))
        out(`  ${check.passed ? "pass" : "FAIL"}  ${check.rule}`);
      if (monteCarlo)
        out(
          `Monte Carlo (${monteCarlo.runs} runs, seed ${monteCarlo.seed}): P(min DSCR < 1) = ` +
            `${(monteCarlo.probabilityMinDscrBelowOne * 100).toFixed(1)} %; units recovered p5 ` +
            `${monteCarlo.unitsRecovered.quantiles.p5}, median ${monteCarlo.unitsRecovered.quantiles.p50}`,
        );
      out(`Written to ${command.outputPath} in ${Math.round(performance.now() - started)} ms.`);
      return 0;
    }
  }
}

process.exitCode = await main();
