// SPDX-License-Identifier: EUPL-1.2
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AllocationMix,
  DesignationConfirmed,
  DesignationProposal,
} from "../../domain/designation/designation-api.schema.ts";
import type { UnitEvent } from "../../domain/units/unit.schema.ts";
import { households, unitEvents, units } from "../db/schema.ts";
import type { Problem } from "../support-plans/care-fixtures.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let admin: TestClient;
let board: TestClient;
let manager: TestClient;
const id: Record<string, string> = {};

// Ten calmierato units: four let (their category is locked), six to be renovated or being renovated
// (provisional), R1 one room … R6 six rooms. Ten units allow only 4/3/3 within 39/26/35 ± 3 points.
// Waiting: three five-person fragilità families and three single persons in calmierato ridotto.
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  board = await ctx.loginAs("steering_board");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  for (let i = 1; i <= 4; i++) {
    const unit = await ctx.newUnit({ code: `LET-${i}`, status: "let", rooms: 2, surfaceM2: 50 });
    id[`LET-${i}`] = unit.id;
  }
  for (let rooms = 1; rooms <= 6; rooms++) {
    const unit = await ctx.newUnit({
      code: `R-${rooms}`,
      status: rooms % 2 === 0 ? "renovating" : "to_renovate",
      rooms,
      bedrooms: rooms - 1,
      surfaceM2: 20 + 15 * rooms,
      managingPartnerCode: null,
    });
    id[`R-${rooms}`] = unit.id;
  }
  const waiting: string[] = [];
  for (let i = 0; i < 3; i++) {
    const family = await ctx.newHousehold({ partnerCode: "ETS-B2", category: "fragilita", size: 5 });
    const single = await ctx.newHousehold({ partnerCode: "ETS-B2", category: "calmierato_ridotto", size: 1 });
    waiting.push(family.household.id, single.household.id);
  }
  await ctx.db.update(households).set({ status: "waiting" }).where(inArray(households.id, waiting));
});
afterAll(() => ctx.close());

const mixOf = async (client: TestClient) => {
  const response = await client.get("/allocation/mix");
  expect(response.status).toBe(200);
  return (await response.json()) as AllocationMix;
};
const propose = async (body: unknown = {}) => {
  const response = await admin.post("/allocation/designation/proposal", body);
  expect(response.status).toBe(200);
  return (await response.json()) as DesignationProposal;
};
const confirm = (body: unknown) => admin.post("/allocation/designation", body);
const problemOf = async (response: Response) => (await response.json()) as Problem;

/** Every unit's category and version, and how many history entries the units have: to see nothing moved. */
const registry = async () => ({
  units: await ctx.db
    .select({ code: units.code, category: units.category, version: units.version })
    .from(units)
    .orderBy(units.code),
  events: (await ctx.db.select({ id: unitEvents.id }).from(unitEvents)).length,
});

describe("the mix dashboard", () => {
  it("shows the stock out of bounds, and per category the waiting households by size and the units by rooms", async () => {
    const mix = await mixOf(board);
    expect(mix.scope).toBe("programme");
    expect(mix.mix).toMatchObject({ total: 10, designable: 6 });
    expect(
      mix.mix.rows.map((r) => [r.category, r.count, r.designable, r.percent, r.min, r.max, r.withinBounds]),
    ).toEqual([
      ["calmierato", 10, 6, 100, 4, 4, false],
      ["calmierato_ridotto", 0, 0, 0, 3, 3, false],
      ["fragilita", 0, 0, 0, 3, 3, false],
    ]);
    expect(mix.mix.rows.map((r) => r.targetPercent)).toEqual([39, 26, 35]);
    const [calmierato, ridotto, fragilita] = mix.categories;
    expect(calmierato).toMatchObject({ waitingHouseholds: 0, demand: [], units: 10 });
    expect(calmierato?.supply).toEqual([
      { rooms: 1, units: 1 },
      { rooms: 2, units: 5 },
      { rooms: 3, units: 1 },
      { rooms: 4, units: 1 },
      { rooms: 5, units: 1 },
      { rooms: 6, units: 1 },
    ]);
    expect(ridotto).toMatchObject({ waitingHouseholds: 3, demand: [{ size: 1, households: 3 }], units: 0 });
    expect(fragilita).toMatchObject({
      waitingHouseholds: 3,
      demand: [{ size: 5, households: 3 }],
      supply: [],
    });
  });

  it("shows a partner its own units and households only", async () => {
    const mix = await mixOf(manager);
    expect(mix.scope).toBe("own_organisation");
    expect(mix.mix).toMatchObject({ total: 4, designable: 0 });
    expect(mix.categories.every((c) => c.waitingHouseholds === 0)).toBe(true);
  });
});

describe("a designation proposal", () => {
  it("brings the mix within bounds, leaving the let units, with the big flats for the big families", async () => {
    const before = await registry();
    const proposal = await propose();
    expect(proposal).toMatchObject({ status: "ok", rulesVersion: 0, provisional: "refit", changes: 6 });
    expect(proposal.before.rows.every((r) => r.withinBounds)).toBe(false);
    expect(proposal.after?.rows.map((r) => [r.count, r.withinBounds])).toEqual([
      [4, true],
      [3, true],
      [3, true],
    ]);
    const to = Object.fromEntries(proposal.units.map((u) => [u.code, [u.action, u.proposedCategory]]));
    for (let i = 1; i <= 4; i++) expect(to[`LET-${i}`]).toEqual(["locked", "calmierato"]);
    expect([to["R-4"], to["R-5"], to["R-6"]]).toEqual([
      ["designate", "fragilita"],
      ["designate", "fragilita"],
      ["designate", "fragilita"],
    ]);
    expect([to["R-1"], to["R-2"], to["R-3"]]).toEqual([
      ["designate", "calmierato_ridotto"],
      ["designate", "calmierato_ridotto"],
      ["designate", "calmierato_ridotto"],
    ]);
    expect(proposal.units.find((u) => u.code === "R-6")).toMatchObject({
      unitId: id["R-6"],
      status: "renovating",
      version: 1,
      currentCategory: "calmierato",
      changed: true,
    });
    expect(proposal.units.find((u) => u.code === "R-6")?.reason).toMatch(
      /fits best the fragilità households/,
    );
    expect(await registry()).toEqual(before);
  });

  it("names the bound no designation can meet", async () => {
    const proposal = await propose({ bounds: { calmierato: { min: 0, max: 3 } } });
    expect(proposal).toMatchObject({ status: "infeasible", units: [], after: null, changes: 0 });
    expect(proposal.violations[0]).toEqual({
      kind: "max",
      categories: ["calmierato"],
      limit: 3,
      message: "4 locked calmierato units exceed its maximum of 3",
    });
  });

  it("refuses invalid settings naming the field (400)", async () => {
    const response = await admin.post("/allocation/designation/proposal", {
      targetPercent: { calmierato: 50, calmierato_ridotto: 26, fragilita: 35 },
      provisional: "maybe",
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors.map((e) => e.path).sort()).toEqual([
      "provisional",
      "targetPercent",
    ]);
  });

  it("is the Comune's: a partner's manager and the steering board get 403", async () => {
    for (const client of [manager, board]) {
      expect((await client.post("/allocation/designation/proposal", {})).status).toBe(403);
      expect(
        (
          await client.post("/allocation/designation", {
            reason: "Prova",
            assignments: [{ unitId: id["R-1"], category: "fragilita" }],
          })
        ).status,
      ).toBe(403);
    }
  });
});

describe("confirming a designation", () => {
  it("refuses a change to a let unit naming its line, and changes nothing", async () => {
    const before = await registry();
    const response = await confirm({
      reason: "Designazione fase 1",
      assignments: [
        { unitId: id["R-1"], category: "calmierato_ridotto" },
        { unitId: id["R-2"], category: "calmierato_ridotto" },
        { unitId: id["LET-3"], category: "fragilita" },
      ],
    });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.detail).toBe("The designation breaks a rule; nothing was changed");
    expect(problem.errors).toEqual([
      {
        path: "assignments.2.unitId",
        message:
          "Unit LET-3 is let: its category is locked (only units to be renovated or being renovated can be designated)",
      },
    ]);
    expect(await registry()).toEqual(before);
  });

  it("refuses a unit listed twice, and an unknown one", async () => {
    const before = await registry();
    const response = await confirm({
      reason: "Designazione fase 1",
      assignments: [
        { unitId: id["R-1"], category: "calmierato_ridotto" },
        { unitId: id["R-1"], category: "fragilita" },
        { unitId: "00000000-0000-4000-8000-000000000000", category: "fragilita" },
      ],
    });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      { path: "assignments.1.unitId", message: "Unit R-1 is listed twice (also at assignments.0)" },
      { path: "assignments.2.unitId", message: "No unit 00000000-0000-4000-8000-000000000000" },
    ]);
    expect(await registry()).toEqual(before);
  });

  it("needs a reason (400 naming it)", async () => {
    const response = await confirm({
      reason: " x ",
      assignments: [{ unitId: id["R-1"], category: "fragilita" }],
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors.map((e) => e.path)).toEqual(["reason"]);
  });

  it("refuses a unit changed since the proposal (409 naming its version)", async () => {
    const before = await registry();
    const response = await confirm({
      reason: "Designazione fase 1",
      assignments: [{ unitId: id["R-1"], category: "calmierato_ridotto", version: 7 }],
    });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).errors.map((e) => e.path)).toEqual(["assignments.0.version"]);
    expect(await registry()).toEqual(before);
  });

  it("applies the proposal in one go; the mix then shows it and each unit's history gives the reason", async () => {
    const proposal = await propose();
    const response = await confirm({
      reason: "Designazione fase 1: delibera di prova",
      assignments: proposal.units.map((u) => ({
        unitId: u.unitId,
        category: u.proposedCategory,
        version: u.version,
      })),
    });
    expect(response.status).toBe(200);
    const confirmed = (await response.json()) as DesignationConfirmed;
    expect(confirmed).toMatchObject({ changed: 6, unchanged: 4 });
    expect(confirmed.mix.rows.map((r) => [r.count, r.withinBounds])).toEqual([
      [4, true],
      [3, true],
      [3, true],
    ]);

    const mix = await mixOf(board);
    expect(mix.mix).toEqual(confirmed.mix);
    expect(mix.categories.map((c) => c.supply)).toEqual([
      [{ rooms: 2, units: 4 }],
      [
        { rooms: 1, units: 1 },
        { rooms: 2, units: 1 },
        { rooms: 3, units: 1 },
      ],
      [
        { rooms: 4, units: 1 },
        { rooms: 5, units: 1 },
        { rooms: 6, units: 1 },
      ],
    ]);

    const history = (await (await admin.get(`/units/${id["R-6"]}/history`)).json()) as { items: UnitEvent[] };
    expect(history.items[0]).toMatchObject({
      kind: "updated",
      changes: { category: ["calmierato", "fragilita"] },
      note: "Designazione fase 1: delibera di prova",
    });
    expect(history.items[0]?.actorName).toMatch(/^Test comune_admin/);
    const unit = (await (await admin.get(`/units/${id["R-6"]}`)).json()) as {
      category: string;
      version: number;
    };
    expect(unit).toMatchObject({ category: "fragilita", version: 2 });
    const untouched = (await (await admin.get(`/units/${id["LET-1"]}/history`)).json()) as {
      items: UnitEvent[];
    };
    expect(untouched.items.map((e) => e.kind)).toEqual(["created"]);
  });

  it("proposes no change once the mix is met, keeping provisional categories", async () => {
    const proposal = await propose({ provisional: "keep" });
    expect(proposal).toMatchObject({ status: "ok", changes: 0 });
    expect(proposal.units.filter((u) => u.action === "keep")).toHaveLength(6);
  });

  it("refuses a category the unit's managing partner does not manage", async () => {
    const unit = await ctx.newUnit({ code: "B1-NEW", status: "to_renovate", managingPartnerCode: "ETS-B1" });
    const before = await registry();
    const response = await confirm({
      reason: "Designazione fase 2",
      assignments: [{ unitId: unit.id, category: "fragilita" }],
    });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      {
        path: "assignments.0.category",
        message: "The managing partner of unit B1-NEW does not manage the category fragilità",
      },
    ]);
    expect(await registry()).toEqual(before);
    const [row] = await ctx.db.select({ category: units.category }).from(units).where(eq(units.id, unit.id));
    expect(row?.category).toBe("calmierato");
  });
});
