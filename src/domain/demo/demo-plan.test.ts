// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planChecks } from "../finance/checks.ts";
import { runPlan } from "../finance/plan.ts";
import { parseScenario } from "../finance/scenario.schema.ts";
import { DEMO_PLAN_NAME, demoPlanScenario } from "./demo-plan.ts";

describe("the demo's base scenario of the financial plan", () => {
  it("is the documented example with Italian labels: the same figures, the same plan", () => {
    const example = parseScenario(
      JSON.parse(readFileSync(new URL("../../../docs/examples/scenario-base.json", import.meta.url), "utf8")),
    );
    if (!example.ok) throw new Error("the documented example does not parse");
    const demo = demoPlanScenario();
    const withoutLabels = (s: typeof demo) =>
      JSON.stringify(s, (key, value) =>
        key === "label" || key === "name" || key === "partner" ? "" : value,
      );
    expect(withoutLabels(demo)).toBe(withoutLabels(example.scenario));
    expect(runPlan(demo).totals).toEqual(runPlan(example.scenario).totals);
  });

  it("says it is fictional, covers the 488 units of the starting stock and passes the programme's checks", () => {
    const demo = demoPlanScenario();
    expect(demo.name).toMatch(/fittizie/);
    const u = demo.unitsInOperation;
    expect(u.calmierato.count + u.calmierato_ridotto.count + u.fragilita.count + demo.pipeline.units).toBe(
      488,
    );
    const failed = planChecks(demo, runPlan(demo)).filter((c) => !c.passed);
    expect(failed.map((c) => c.id)).toEqual([]);
    expect(DEMO_PLAN_NAME).toMatch(/^[a-z0-9-]+$/);
  });
});
