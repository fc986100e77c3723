// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPlanScenarioInput } from "../../domain/demo/demo-plan.ts";
import { planChecks } from "../../domain/finance/checks.ts";
import { runMonteCarlo } from "../../domain/finance/monte-carlo.ts";
import { mergeMonteCarloChunks } from "../../domain/finance/monte-carlo-chunks.ts";
import { runPlan } from "../../domain/finance/plan.ts";
import type {
  MonteCarloChunkView,
  PlanComparisonView,
  PlanResultView,
  PlanScenarioList,
  PlanScenarioVersionView,
  PlanScenarioView,
  PlanSensitivityView,
  RegistryUnitsView,
} from "../../domain/finance/plan-api.schema.ts";
import { parseScenario, type Scenario, type ScenarioInput } from "../../domain/finance/scenario.schema.ts";
import { compareVariants, sensitivity } from "../../domain/finance/scenarios.ts";
import { auditEvents, planScenarios, units } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { PLAN_SHEETS } from "./plan-workbook.ts";

let ctx: TestContext;
let areaA: TestClient;
let admin: TestClient;
let board: TestClient;
let auditor: TestClient;
let educator: TestClient;
let tenant: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  areaA = await ctx.loginAs("area_a");
  admin = await ctx.loginAs("comune_admin");
  board = await ctx.loginAs("steering_board");
  auditor = await ctx.loginAs("auditor");
  educator = await ctx.loginAs("area_b_educator", "ETS-B1");
  tenant = await ctx.loginAs("tenant");
});
afterAll(() => ctx.close());

/** The demo's base scenario with any field replaced. */
const scenarioInput = (change: Partial<ScenarioInput> = {}): ScenarioInput => ({
  ...demoPlanScenarioInput(),
  ...change,
});
const parsed = (input: ScenarioInput): Scenario => {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
};
/** What the engine returns, as it reads after a trip through JSON. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

let serial = 0;
/** A new scenario name saved once through the API by Area A; returns the name. */
async function savedScenario(change: Partial<ScenarioInput> = {}) {
  serial += 1;
  const name = `prova-${serial}`;
  const res = await areaA.post("/plan/scenarios", {
    name,
    scenario: scenarioInput(change),
    reason: "Prima stesura",
  });
  if (res.status !== 201) throw new Error(`save failed: ${res.status} ${await res.text()}`);
  return name;
}

const problem = async (res: Response) =>
  (await res.json()) as { status: number; errors: { path: string; message: string }[] };

describe("scenarios are saved as versions", () => {
  it("saves version 1, then 2, with who, when and why; the list shows the latest of each name", async () => {
    const first = await areaA.post("/plan/scenarios", {
      name: "versioni",
      scenario: scenarioInput(),
      reason: "Prima stesura",
    });
    expect(first.status, await first.clone().text()).toBe(201);
    const v1 = (await first.json()) as PlanScenarioView;
    expect(v1).toMatchObject({ name: "versioni", version: 1, reason: "Prima stesura" });
    expect(v1.createdBy?.name).toMatch(/^Test area_a/);
    expect(v1.createdAt).toBe(ctx.clock.now.toISOString());
    // Stored with its defaults filled in: what was run is what is kept.
    expect(v1.scenario).toEqual(asJson(parsed(scenarioInput())));

    const firstAt = ctx.clock.now.toISOString();
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    const second = await admin.post("/plan/scenarios", {
      name: "versioni",
      scenario: scenarioInput({ arrearsRate: 0.12 }),
      reason: "Morosità rivista al 12 %",
    });
    expect(second.status, await second.clone().text()).toBe(201);
    const v2 = (await second.json()) as PlanScenarioView;
    expect(v2.version).toBe(2);
    expect(v2.scenario.arrearsRate).toBe(0.12);
    expect(v2.versions.map((v) => [v.version, v.reason, v.createdAt])).toEqual([
      [2, "Morosità rivista al 12 %", ctx.clock.now.toISOString()],
      [1, "Prima stesura", firstAt],
    ]);
    expect(v2.versions[0]?.createdBy?.name).toMatch(/^Test comune_admin/);

    const read = (await (await board.get("/plan/scenarios/versioni")).json()) as PlanScenarioView;
    expect(read.version).toBe(2);
    const old = await auditor.get("/plan/scenarios/versioni/versions/1");
    expect(old.status).toBe(200);
    expect(((await old.json()) as PlanScenarioVersionView).scenario.arrearsRate).toBe(0.08);

    const list = (await (await board.get("/plan/scenarios")).json()) as PlanScenarioList;
    const entry = list.items.find((i) => i.name === "versioni");
    expect(entry).toMatchObject({
      version: 2,
      title: scenarioInput().name,
      startMonth: "2026-01",
      conventionYears: 25,
    });
    expect(list.items.filter((i) => i.name === "versioni")).toHaveLength(1);
  });

  it("records the save in the audit trail, naming the scenario and its version", async () => {
    const name = await savedScenario();
    const rows = await ctx.db
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "plan_scenarios"), eq(auditEvents.entityId, `${name}@1`)));
    expect(rows).toEqual([{ action: "POST /plan/scenarios", outcome: "success" }]);
  });

  it("answers 404 for an unknown scenario or version", async () => {
    expect((await board.get("/plan/scenarios/nessuno")).status).toBe(404);
    expect((await board.get("/plan/scenarios/versioni/versions/9")).status).toBe(404);
    expect((await board.get("/plan/scenarios/nessuno/result")).status).toBe(404);
  });
});

describe("an invalid scenario is refused with a 422 naming each field, and nothing is written", () => {
  const loan = scenarioInput().loans?.[0];
  if (loan === undefined) throw new Error("the demo scenario has a loan");
  it.each([
    ["a negative rate", { vacancyRate: -0.05 }, "scenario.vacancyRate", /cannot be negative/],
    [
      "a loan longer than the convention",
      { loans: [{ ...loan, years: 30 }] },
      "scenario.loans.0.years",
      /longer than the convention \(25\)/,
    ],
    [
      "debt above 40 % of the financing",
      { loans: [{ ...loan, principalCents: 900_000_000 }] },
      "scenario.loans",
      /above 40 %/,
    ],
    [
      "a grant above 3 M EUR",
      {
        funding: {
          ...scenarioInput().funding,
          grant: [{ label: "Tutto", amountCents: 300_000_001, month: "2026-01" }],
        },
      },
      "scenario.funding.grant",
      /above the cap of 300000000/,
    ],
  ] as const)("%s", async (_what, change, path, message) => {
    const before = await ctx.db.select({ id: planScenarios.id }).from(planScenarios);
    const res = await areaA.post("/plan/scenarios", {
      name: "rifiutato",
      scenario: scenarioInput(change as Partial<ScenarioInput>),
      reason: "Prova di un errore",
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const body = await problem(res);
    const issue = body.errors.find((e) => e.path === path);
    expect(issue, JSON.stringify(body.errors)).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect(await ctx.db.select({ id: planScenarios.id }).from(planScenarios)).toHaveLength(before.length);
  });

  it("names a bad name and a missing reason with a 400", async () => {
    const res = await areaA.post("/plan/scenarios", {
      name: "Con Spazi",
      scenario: scenarioInput(),
      reason: "",
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors.map((e) => e.path).sort()).toEqual(["name", "reason"]);
  });
});

describe("who may read and write the plan", () => {
  it("refuses anonymous callers with 401", async () => {
    expect((await ctx.anonymous.get("/plan/scenarios")).status).toBe(401);
    expect((await ctx.anonymous.get("/plan/scenarios/versioni/result")).status).toBe(401);
    expect(
      (await ctx.anonymous.post("/plan/scenarios", { name: "x", scenario: scenarioInput(), reason: "Prova" }))
        .status,
    ).toBe(401);
  });

  it("refuses roles without plan:read with 403", async () => {
    for (const client of [educator, tenant]) {
      expect((await client.get("/plan/scenarios")).status).toBe(403);
      expect((await client.get("/plan/scenarios/versioni/monte-carlo?runs=10&count=10")).status).toBe(403);
      expect((await client.get("/plan/scenarios/versioni/result.xlsx")).status).toBe(403);
    }
  });

  it("lets the steering board and the auditor read, not save (403)", async () => {
    for (const client of [board, auditor]) {
      expect((await client.get("/plan/scenarios/versioni/result")).status).toBe(200);
      const res = await client.post("/plan/scenarios", {
        name: "versioni",
        scenario: scenarioInput(),
        reason: "Prova",
      });
      expect(res.status).toBe(403);
    }
    const latest = (await (await board.get("/plan/scenarios/versioni")).json()) as PlanScenarioView;
    expect(latest.version).toBe(2);
  });
});

describe("the engine's results through the API", () => {
  it("are the figures of running the engine on the latest version directly", async () => {
    const change = { arrearsRate: 0.1, vacancyRate: 0.07 };
    const name = await savedScenario(change);
    const scenario = parsed(scenarioInput(change));
    const res = await board.get(`/plan/scenarios/${name}/result`);
    expect(res.status).toBe(200);
    const result = (await res.json()) as PlanResultView;
    const plan = runPlan(scenario);
    expect(result.version).toBe(1);
    expect(result.plan).toEqual(asJson(plan));
    expect(result.checks).toEqual(asJson(planChecks(scenario, plan)));
    expect(result.plan.months).toHaveLength(300);
    expect(result.plan.years).toHaveLength(25);
    expect(result.plan.revenue.estimateCents).toBe(219_100_000);
    expect(result.plan.minDscr).toBeGreaterThan(0);

    const comparison = (await (
      await board.get(`/plan/scenarios/${name}/comparison`)
    ).json()) as PlanComparisonView;
    expect(comparison.variants).toEqual(asJson(compareVariants(scenario)));
    expect(comparison.variants.map((v) => v.id)).toEqual([
      "base",
      "high_arrears",
      "high_vacancy",
      "frozen_caps_rising_costs",
      "costlier_works",
    ]);
    const tornado = (await (
      await auditor.get(`/plan/scenarios/${name}/sensitivity`)
    ).json()) as PlanSensitivityView;
    const expected = sensitivity(scenario);
    expect(tornado.rows).toEqual(asJson(expected.rows));
    expect(tornado.base).toEqual(asJson(expected.base));
  });

  it("shows a failed check with its figures when the Area B co-financing is short", async () => {
    const name = await savedScenario({
      coFinancing: { areaA: scenarioInput().coFinancing?.areaA, areaBPerYearCents: [0] },
    });
    const result = (await (await board.get(`/plan/scenarios/${name}/result`)).json()) as PlanResultView;
    const areaB = result.checks.find((c) => c.id === "area_b_co_financing");
    expect(areaB?.passed).toBe(false);
    expect(areaB?.years?.[0]).toMatchObject({ year: 1, contributedCents: 0, passed: false });
    expect(result.checks.filter((c) => c.id !== "area_b_co_financing").every((c) => c.passed)).toBe(true);
  });
});

describe("the XLSX export", () => {
  it("opens with exceljs and holds every result table, one sheet each, with Italian headers", async () => {
    const name = await savedScenario();
    const scenario = parsed(scenarioInput());
    const plan = runPlan(scenario);
    const res = await auditor.get(`/plan/scenarios/${name}/result.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="piano-${name}-v1.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...PLAN_SHEETS]);

    const months = workbook.getWorksheet("Mesi");
    expect(months?.rowCount).toBe(1 + 300);
    expect(months?.getRow(1).getCell(1).value).toBe("Mese");
    expect(months?.getRow(2).getCell(1).value).toBe("2026-01");

    const years = workbook.getWorksheet("Anni");
    if (years === undefined) throw new Error("no sheet Anni");
    const header = (years.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("Canoni incassati (EUR)");
    expect(header).toContain("DSCR");
    const collected = header.indexOf("Canoni incassati (EUR)") + 1;
    const dscr = header.indexOf("DSCR") + 1;
    expect(years.getRow(2).getCell(collected).value).toBe((plan.years[0]?.collectedRentCents ?? 0) / 100);
    const worst = plan.years.find((y) => y.year === plan.minDscrYear);
    expect(years.getRow(1 + (plan.minDscrYear ?? 0)).getCell(dscr).value).toBe(worst?.dscr);

    const checks = workbook.getWorksheet("Controlli");
    expect(checks?.getRow(2).getCell(2).value).toBe("Rispettato");
    expect(workbook.getWorksheet("Scenari a confronto")?.rowCount).toBe(1 + 5);
    const mc = workbook.getWorksheet("Monte Carlo");
    expect(mc?.getRow(2).getCell(2).value).toBe(10_000);
    const expectedMc = runMonteCarlo(scenario, { seed: 1, runs: 10_000 });
    expect(mc?.getRow(4).getCell(2).value).toBe(expectedMc.probabilityMinDscrBelowOne);
  });
});

describe("the Monte Carlo analysis in chunks", () => {
  it("merges the chunks the page asks for into the same result as one run with the same seed", async () => {
    const name = await savedScenario();
    const runs = 3_000;
    const seed = 42;
    const chunks: MonteCarloChunkView[] = [];
    for (let from = 0; from < runs; from += 1_000) {
      const res = await board.get(
        `/plan/scenarios/${name}/monte-carlo?runs=${runs}&seed=${seed}&from=${from}&count=1000&version=1`,
      );
      expect(res.status, await res.clone().text()).toBe(200);
      const chunk = (await res.json()) as MonteCarloChunkView;
      expect(chunk).toMatchObject({ name, version: 1, from, count: 1_000, runs, seed });
      chunks.push(chunk);
    }
    const merged = mergeMonteCarloChunks(chunks, { seed, runs });
    expect(merged).toEqual(runMonteCarlo(parsed(scenarioInput()), { seed, runs }));
    expect(merged.unitsRecovered.histogram.reduce((n, b) => n + b.runs, 0)).toBe(runs);
  });

  it("runs the version it is told, not a newer one", async () => {
    const name = await savedScenario();
    await areaA.post("/plan/scenarios", {
      name,
      scenario: scenarioInput({ operatingCostCentsPerUnitMonth: 12_000 }),
      reason: "Costi più alti",
    });
    const query = "runs=50&seed=3&from=0&count=50";
    const v1 = (await (
      await board.get(`/plan/scenarios/${name}/monte-carlo?${query}&version=1`)
    ).json()) as MonteCarloChunkView;
    const latest = (await (
      await board.get(`/plan/scenarios/${name}/monte-carlo?${query}`)
    ).json()) as MonteCarloChunkView;
    expect([v1.version, latest.version]).toEqual([1, 2]);
    expect(mergeMonteCarloChunks([v1], { seed: 3, runs: 50 })).toEqual(
      runMonteCarlo(parsed(scenarioInput()), { seed: 3, runs: 50 }),
    );
    expect(latest.minDscr).not.toEqual(v1.minDscr);
  });

  it("refuses a chunk past the last run or too large, naming the field", async () => {
    const past = await board.get("/plan/scenarios/versioni/monte-carlo?runs=100&from=90&count=20");
    expect(past.status).toBe(400);
    expect((await problem(past)).errors.map((e) => e.path)).toEqual(["count"]);
    const large = await board.get("/plan/scenarios/versioni/monte-carlo?runs=10000&from=0&count=5000");
    expect(large.status).toBe(400);
    expect((await problem(large)).errors.map((e) => e.path)).toEqual(["count"]);
  });
});

describe("the registry's units for a scenario", () => {
  it("counts the units in operation by category with their average surface, and the pipeline", async () => {
    const before = (await (await areaA.get("/plan/registry-units")).json()) as RegistryUnitsView;
    await ctx.newUnit({ managingPartnerCode: "ETS-B1", surfaceM2: 41 });
    await ctx.newUnit({ managingPartnerCode: "ETS-B1", surfaceM2: 30, status: "to_renovate" });
    const res = await areaA.get("/plan/registry-units");
    expect(res.status).toBe(200);
    const after = (await res.json()) as RegistryUnitsView;
    expect(after.scope).toBe("programme");
    expect(after.unitsInOperation.calmierato.count).toBe(before.unitsInOperation.calmierato.count + 1);
    expect(after.pipeline.units).toBe(before.pipeline.units + 1);
    // The same figures, counted from the rows themselves.
    const rows = await ctx.db
      .select({ category: units.category, status: units.status, m2: units.surfaceM2 })
      .from(units);
    const lettable = rows.filter(
      (r) =>
        r.category === "calmierato" &&
        ["available", "offered", "let_pending", "let", "vacating"].includes(r.status),
    );
    expect(after.unitsInOperation.calmierato.count).toBe(lettable.length);
    expect(after.unitsInOperation.calmierato.averageM2).toBeCloseTo(
      lettable.reduce((sum, r) => sum + r.m2, 0) / lettable.length,
      1,
    );
    const partner = (await (await educator.get("/plan/registry-units")).json()) as { status?: number };
    expect(partner.status).toBe(403);
  });
});
