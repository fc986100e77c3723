// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unit } from "../../domain/units/unit.schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  // A small, known stock: 3 in Milano (municipi 1, 3, 3), 1 in Rho, one of each category.
  await ctx.newUnit({ code: "MI1-0001", municipio: 1, category: "calmierato", surfaceM2: 60 });
  await ctx.newUnit({
    code: "MI3-0001",
    municipio: 3,
    category: "calmierato_ridotto",
    managingPartnerCode: "ETS-B2",
    surfaceM2: 45.5,
    stepFree: true,
    status: "to_renovate",
  });
  await ctx.newUnit({
    code: "MI3-0002",
    municipio: 3,
    category: "fragilita",
    managingPartnerCode: "ETS-B3",
    address: "Via Fittizia delle Ortensie 4",
  });
  await ctx.newUnit({ code: "HL-0001", town: "Rho", municipio: null, origin: "hinterland", surfaceM2: 80 });
});
afterAll(() => ctx.close());

type Problem = { status: number; detail: string; errors: { path: string; message: string }[] };
const pathsOf = async (res: Response) => ((await res.json()) as Problem).errors.map((e) => e.path);
const codesOf = async (res: Response) => ((await res.json()) as { items: Unit[] }).items.map((u) => u.code);

describe("listing units", () => {
  it.each([
    ["", ["HL-0001", "MI1-0001", "MI3-0001", "MI3-0002"]],
    ["?status=to_renovate", ["MI3-0001"]],
    ["?category=fragilita", ["MI3-0002"]],
    ["?origin=hinterland", ["HL-0001"]],
    ["?town=rho", ["HL-0001"]],
    ["?municipio=3", ["MI3-0001", "MI3-0002"]],
    ["?partner=ETS-B2", ["MI3-0001"]],
    ["?accessible=true", ["MI3-0001"]],
    ["?q=ortensie", ["MI3-0002"]],
    ["?q=mi3", ["MI3-0001", "MI3-0002"]],
    ["?sort=-surfaceM2", ["HL-0001", "MI1-0001", "MI3-0002", "MI3-0001"]],
    ["?municipio=3&category=fragilita", ["MI3-0002"]],
  ])("filters and sorts %s", async (query, expected) => {
    const res = await admin.get(`/units${query}`);
    expect(res.status).toBe(200);
    expect(await codesOf(res)).toEqual(expected);
  });

  it("pages with limit and offset and reports the total", async () => {
    const res = await admin.get("/units?limit=2&offset=1");
    const body = (await res.json()) as { items: Unit[]; total: number };
    expect(body.total).toBe(4);
    expect(body.items.map((u) => u.code)).toEqual(["MI1-0001", "MI3-0001"]);
  });

  it.each([
    ["?q=mi&limit=1", 3, ["MI1-0001"]],
    ["?q=mi&limit=2&offset=2", 3, ["MI3-0002"]],
    ["?q=mi&limit=2&offset=5", 3, []],
    ["?q=mi&sort=-surfaceM2&limit=1", 3, ["MI1-0001"]],
    ["?q=nessuna-corrispondenza", 0, []],
  ])("pages a text search and counts all its matches %s", async (query, total, codes) => {
    const body = (await (await admin.get(`/units${query}`)).json()) as { items: Unit[]; total: number };
    expect(body.total).toBe(total);
    expect(body.items.map((u) => u.code)).toEqual(codes);
  });

  it.each([
    ["?municipio=12", "municipio"],
    ["?category=lusso", "category"],
    ["?sort=password", "sort"],
    ["?limit=0", "limit"],
  ])("refuses a bad query %s naming the parameter", async (query, path) => {
    const res = await admin.get(`/units${query}`);
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toContain(path);
  });

  it("returns the rent caps of each unit in cents", async () => {
    const unit = (await (await admin.get("/units/MI1-0001")).json()) as Unit;
    expect(unit.maxAnnualRentCents).toBe(450_000);
    expect(unit.maxMonthlyRentCents).toBe(37_500);
    const fragile = (await (await admin.get("/units/MI3-0002")).json()) as Unit;
    expect(fragile.maxAnnualRentCents).toBeNull();
  });
});

describe("creating a unit", () => {
  it("creates a valid unit, findable by id and by code, with a history entry", async () => {
    const res = await admin.post("/units", ctx.unitInput({ code: "new-0001", surfaceM2: 52.35 }));
    expect(res.status).toBe(201);
    const unit = (await res.json()) as Unit & { allowedTransitions: string[] };
    expect(unit.code).toBe("NEW-0001");
    expect(unit.surfaceM2).toBe(52.35);
    expect(unit.version).toBe(1);
    expect(unit.allowedTransitions).toEqual(["offered", "to_renovate", "unavailable"]);
    expect(((await (await admin.get(`/units/${unit.id}`)).json()) as Unit).code).toBe("NEW-0001");
    const history = (await (await admin.get("/units/new-0001/history")).json()) as {
      items: { kind: string }[];
    };
    expect(history.items.map((e) => e.kind)).toEqual(["created"]);
  });

  it.each([
    [{ surfaceM2: 0 }, "surfaceM2", "Surface must be greater than 0 m²"],
    [{ surfaceM2: -12 }, "surfaceM2", "Surface must be greater than 0 m²"],
    [{ category: "lusso" }, "category", "Unknown category: use calmierato, calmierato_ridotto or fragilita"],
    [
      { origin: "moon" },
      "origin",
      "Unknown origin: use municipal, confiscated, hinterland, partner or private",
    ],
    [{ municipio: 12 }, "municipio", "Municipio must be from 1 to 9"],
    [{ town: "Rho", municipio: 2 }, "municipio", "Municipio applies only to units in Milano"],
    [{ municipio: null }, "municipio", "Municipio is required for units in Milano (1–9)"],
    [{ bedrooms: 5, rooms: 2 }, "bedrooms", "Bedrooms cannot exceed rooms"],
  ])("refuses %j with 400 naming %s", async (override, path, message) => {
    const before = (await (await admin.get("/units?limit=1")).json()).total;
    const res = await admin.post("/units", { ...ctx.unitInput(), ...override });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).errors).toContainEqual({ path, message });
    expect((await (await admin.get("/units?limit=1")).json()).total).toBe(before);
  });

  it("refuses a duplicate code with 409 naming the code", async () => {
    const res = await admin.post("/units", ctx.unitInput({ code: "MI1-0001" }));
    expect(res.status).toBe(409);
    expect(await pathsOf(res)).toEqual(["code"]);
  });

  it("refuses a managing partner that does not manage the category with 422", async () => {
    const res = await admin.post(
      "/units",
      ctx.unitInput({ category: "fragilita", managingPartnerCode: "ETS-B1" }),
    );
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["managingPartnerCode"]);
  });

  it("refuses an unknown partner with 422", async () => {
    const res = await admin.post("/units", ctx.unitInput({ managingPartnerCode: "ETS-X9" }));
    expect(res.status).toBe(422);
    expect(await pathsOf(res)).toEqual(["managingPartnerCode"]);
  });
});

describe("updating a unit", () => {
  it("applies a change with the current version, records it, and refuses a stale version with 409", async () => {
    const unit = await ctx.newUnit({ surfaceM2: 70 });
    const first = await admin.patch(`/units/${unit.id}`, {
      version: unit.version,
      surfaceM2: 72.5,
      notes: "Misurato",
    });
    expect(first.status).toBe(200);
    const updated = (await first.json()) as Unit;
    expect(updated).toMatchObject({ surfaceM2: 72.5, notes: "Misurato", version: 2 });

    const stale = await admin.patch(`/units/${unit.id}`, { version: unit.version, surfaceM2: 10 });
    expect(stale.status).toBe(409);
    expect(await pathsOf(stale)).toEqual(["version"]);
    expect(((await (await admin.get(`/units/${unit.id}`)).json()) as Unit).surfaceM2).toBe(72.5);

    const history = (await (await admin.get(`/units/${unit.id}/history`)).json()) as {
      items: { kind: string; changes: Record<string, unknown>; actorName: string | null }[];
    };
    expect(history.items[0]).toMatchObject({
      kind: "updated",
      changes: { surfaceM2: [70, 72.5], notes: ["", "Misurato"] },
    });
    expect(history.items[0]?.actorName).toMatch(/^Test comune_admin/);
  });

  it("validates the merged unit and leaves it unchanged on error", async () => {
    const unit = await ctx.newUnit();
    const res = await admin.patch(`/units/${unit.id}`, { version: 1, town: "Rho" });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["municipio"]);
    const after = (await (await admin.get(`/units/${unit.id}`)).json()) as Unit;
    expect(after).toMatchObject({ town: "Milano", version: 1 });
  });

  it("does not bump the version when nothing changes", async () => {
    const unit = await ctx.newUnit();
    const res = await admin.patch(`/units/${unit.id}`, { version: 1, surfaceM2: unit.surfaceM2 });
    expect(((await res.json()) as Unit).version).toBe(1);
  });

  it("answers 404 for an unknown unit", async () => {
    expect((await admin.patch("/units/NOPE-1", { version: 1 })).status).toBe(404);
  });
});

describe("status transitions", () => {
  it("follows the allowed path and records who moved the unit", async () => {
    const unit = await ctx.newUnit({ status: "to_renovate" });
    for (const to of ["renovating", "available", "offered", "let_pending", "let", "vacating", "available"]) {
      const res = await admin.post(`/units/${unit.id}/transitions`, { to, note: `verso ${to}` });
      expect(res.status, to).toBe(200);
      expect(((await res.json()) as Unit).status).toBe(to);
    }
    const history = (await (await admin.get(`/units/${unit.id}/history`)).json()) as {
      items: { kind: string; fromStatus: string; toStatus: string; note: string }[];
    };
    expect(history.items.filter((e) => e.kind === "status")).toHaveLength(7);
    expect(history.items[0]).toMatchObject({
      fromStatus: "vacating",
      toStatus: "available",
      note: "verso available",
    });
  });

  it("refuses an illegal transition with 409 naming the field and listing the allowed ones", async () => {
    const unit = await ctx.newUnit({ status: "let" });
    const res = await admin.post(`/units/${unit.id}/transitions`, { to: "available" });
    expect(res.status).toBe(409);
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual([
      { path: "to", message: "A unit cannot go from let to available; allowed: vacating" },
    ]);
    expect(((await (await admin.get(`/units/${unit.id}`)).json()) as Unit).status).toBe("let");
  });

  it("refuses an unknown status with 400", async () => {
    const unit = await ctx.newUnit();
    const res = await admin.post(`/units/${unit.id}/transitions`, { to: "demolished" });
    expect(res.status).toBe(400);
    expect(await pathsOf(res)).toEqual(["to"]);
  });

  it("never lets a unit reach a status outside the allowed graph (random walks)", async () => {
    const unit = await ctx.newUnit({ status: "to_renovate" });
    const statuses = ["to_renovate", "renovating", "available", "offered", "let", "vacating", "unavailable"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...statuses), { maxLength: 6 }), async (moves) => {
        for (const to of moves) {
          const current = (await (await admin.get(`/units/${unit.id}`)).json()) as Unit & {
            allowedTransitions: string[];
          };
          const res = await admin.post(`/units/${unit.id}/transitions`, { to });
          expect(res.status).toBe(current.allowedTransitions.includes(to) ? 200 : 409);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("who sees and changes what", () => {
  it("shows an Area B manager only the units its organisation manages", async () => {
    const manager = await ctx.loginAs("area_b_manager", "ETS-B2");
    const body = (await (await manager.get("/units?limit=500")).json()) as { items: Unit[]; total: number };
    expect(body.total).toBeGreaterThan(0);
    expect(new Set(body.items.map((u) => u.managingPartnerCode))).toEqual(new Set(["ETS-B2"]));
    expect((await manager.get("/units/MI1-0001")).status).toBe(404);
    expect((await manager.patch("/units/MI1-0001", { version: 1, notes: "x" })).status).toBe(404);
    const summary = (await (await manager.get("/units/summary")).json()) as { total: number };
    expect(summary.total).toBe(body.total);
    // A text search pages and counts within the same scope.
    const search = (await (await manager.get("/units?q=mi")).json()) as { items: Unit[]; total: number };
    expect(search.items.map((u) => u.code)).toEqual(["MI3-0001"]);
    expect(search.total).toBe(1);
  });

  it("lets an Area B manager create units only for its own organisation", async () => {
    const manager = await ctx.loginAs("area_b_manager", "ETS-B2");
    const own = await manager.post(
      "/units",
      ctx.unitInput({ category: "calmierato_ridotto", managingPartnerCode: "ETS-B2" }),
    );
    expect(own.status).toBe(201);
    const other = await manager.post("/units", ctx.unitInput({ managingPartnerCode: "ETS-B1" }));
    expect(other.status).toBe(422);
    expect(await pathsOf(other)).toEqual(["managingPartnerCode"]);
  });

  it.each([
    ["tenant", "GET", "/units"],
    ["steering_board", "GET", "/units"],
    ["auditor", "POST", "/units"],
    ["area_b_manager", "POST", "/units/import"],
    ["comune_social_worker", "POST", "/units/MI1-0001/transitions"],
  ] as const)("refuses %s on %s %s with 403", async (role, method, path) => {
    const user = await ctx.loginAs(role);
    const res = await user.request(method, path, method === "GET" ? undefined : {});
    expect(res.status).toBe(403);
  });
});

describe("stock summary", () => {
  it("counts the stock and compares the mix with the 39/26/35 target", async () => {
    const manager = await ctx.loginAs("steering_board");
    const summary = await (await manager.get("/units/summary")).json();
    const listTotal = (await (await admin.get("/units?limit=1")).json()).total;
    expect(summary.total).toBe(listTotal);
    expect(Object.values(summary.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      listTotal,
    );
    expect(summary.byTown.Rho).toBe(1);
    expect(summary.categoryMix.map((r: { targetShare: number }) => r.targetShare)).toEqual([
      0.39, 0.26, 0.35,
    ]);
    expect(summary.growth).toMatchObject({ baseline: 488, ceiling: 732, current: listTotal });
    const list = (await (await admin.get("/units?limit=500")).json()) as { items: Unit[] };
    const expectedRent = list.items.reduce((sum, u) => sum + (u.maxAnnualRentCents ?? 0), 0);
    expect(summary.potentialAnnualRentCents.total).toBe(expectedRent);
  });
});
