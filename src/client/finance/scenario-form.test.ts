// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { demoPlanScenario } from "../../domain/demo/demo-plan.ts";
import { testScenario } from "../../domain/finance/finance-testing.ts";
import { parseScenario, type Scenario } from "../../domain/finance/scenario.schema.ts";
import { fieldNames, fieldOfPath, formValuesOf, scenarioInputOf, sourcesOf } from "./scenario-form.ts";

/** A scenario through the editor's text fields and back, as the page saves it. */
function roundTrip(s: Scenario, language: string) {
  const parsed = parseScenario(scenarioInputOf(formValuesOf(s, language)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe("the scenario editor's form", () => {
  const withRanges = testScenario({
    uncertainty: {
      vacancyRate: { min: 0.02, mode: 0.05, max: 0.12 },
      renovationCostCentsPerUnit: { min: 1_800_000, mode: 2_000_000, max: 2_600_000 },
    },
    funding: {
      grant: [{ label: "Avviso", amountCents: 10_000_000, month: "2026-01" }],
      equity: [{ label: "", amountCents: 1_234_567, month: "2026-02", partner: "ETS-A", area: "A" }],
    },
    coFinancing: { areaA: [{ amountCents: 50_000, month: "2026-06" }], areaBPerYearCents: [10_000, 12_050] },
  });

  for (const language of ["it", "en"])
    it(`gives back the same scenario it was given (${language})`, () => {
      expect(roundTrip(demoPlanScenario() as Scenario, language)).toEqual(
        parseScenarioOrThrow(demoPlanScenario()),
      );
      expect(roundTrip(withRanges, language)).toEqual(withRanges);
    });

  it("takes the funding register's sources into the rows they replace", () => {
    const rows = sourcesOf(
      {
        funding: {
          grant: [],
          equity: [],
          fundraising: [{ label: "Campagna", amountCents: 600_050, month: "2026-05" }],
          calls: [],
        },
        loans: withRanges.loans,
        coFinancing: { areaA: [], areaBPerYearCents: [0, 250_000] },
      },
      "it",
    );
    expect(rows.funding.fundraising).toEqual([
      { label: "Campagna", amountCents: "6000,50", month: "2026-05" },
    ]);
    expect(rows.loans).toHaveLength(1);
    expect(rows.coFinancing.areaBPerYearCents.map((r) => r.amountCents)).toEqual(["0,00", "2500,00"]);
  });

  it("puts an error of the schema or the API beside the field it names, or the list's first", () => {
    const names = fieldNames({ scenario: formValuesOf(withRanges, "it"), reason: "" });
    expect(fieldOfPath("scenario.loans.0.years", names)).toBe("scenario.loans.0.years");
    expect(fieldOfPath("scenario.loans", names)).toBe("scenario.loans.0.principalCents");
    expect(fieldOfPath("scenario.funding.grant", names)).toBe("scenario.funding.grant.0.amountCents");
  });
});

function parseScenarioOrThrow(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}
