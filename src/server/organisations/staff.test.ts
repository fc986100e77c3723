// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffMember } from "../../domain/organisations/staff.schema.ts";
import { users } from "../db/schema.ts";
import { scopeOfActor } from "../http.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { listStaffRows } from "./staff.repository.ts";

let ctx: TestContext;
let manager: TestClient;
let worker: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  worker = await ctx.loginAs("comune_social_worker");
  await ctx.loginAs("area_b_manager", "ETS-B2");
  // Fictional names to search and sort by.
  for (const [email, name] of [
    [await ctx.newUser({ role: "area_b_educator", organisationCode: "ETS-B1" }), "Zeno Provetta"],
    [await ctx.newUser({ role: "area_b_educator", organisationCode: "ETS-B1" }), "Anna Provetta"],
    [await ctx.newUser({ role: "area_b_educator", organisationCode: "ETS-B2" }), "Bice Provetta"],
    [await ctx.newUser({ role: "comune_social_worker" }), "Carla Provetta"],
    [await ctx.newUser({ role: "area_b_educator", organisationCode: "ETS-B1" }), "Dino Provetta (cessato)"],
  ] as const) {
    await ctx.db
      .update(users)
      .set({ name, active: !name.includes("cessato"), fiscalCode: null })
      .where(eq(users.email, email));
  }
});
afterAll(() => ctx.close());

const staff = async (client: TestClient, query = "") => {
  const res = await client.get(`/staff${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: StaffMember[] }).items;
};

describe("the staff lookup", () => {
  it("gives a partner its own active accounts by name, with no e-mail, fiscal code or hash", async () => {
    const items = await staff(manager, "?q=provetta");
    expect(items).toEqual([
      {
        id: expect.any(String),
        name: "Anna Provetta",
        role: "area_b_educator",
        organisation: expect.objectContaining({ code: "ETS-B1" }),
      },
      {
        id: expect.any(String),
        name: "Zeno Provetta",
        role: "area_b_educator",
        organisation: expect.objectContaining({ code: "ETS-B1" }),
      },
    ]);
    const all = await staff(manager);
    expect(new Set(all.map((s) => s.organisation.code))).toEqual(new Set(["ETS-B1"]));
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(["id", "name", "organisation", "role"]);
    expect(JSON.stringify(all)).not.toContain("@");
  });

  it("gives the Comune every organisation's active accounts", async () => {
    const items = await staff(worker, "?q=PROVETTA");
    expect(items.map((s) => [s.name, s.organisation.code])).toEqual([
      ["Anna Provetta", "ETS-B1"],
      ["Bice Provetta", "ETS-B2"],
      ["Carla Provetta", "COMUNE-MI"],
      ["Zeno Provetta", "ETS-B1"],
    ]);
    expect(await staff(worker, "?q=%25")).toEqual([]);
  });

  it("is for those who may write households", async () => {
    for (const role of ["comune_housing_officer", "comune_data_protection", "auditor"] as const) {
      expect((await (await ctx.loginAs(role)).get("/staff")).status).toBe(403);
    }
    expect((await manager.get(`/staff?q=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("row-level security keeps a partner to its own accounts even unfiltered", async () => {
    const actor = await ctx.actor("area_b_manager", "ETS-B1");
    const rows = await ctx.database.scoped(scopeOfActor(actor), (db) =>
      listStaffRows(db, { organisationId: null, q: "Provetta" }),
    );
    expect(rows.map((r) => r.name)).toEqual(["Anna Provetta", "Zeno Provetta"]);
  });
});
