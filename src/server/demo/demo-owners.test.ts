// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_OWNERS } from "../../domain/demo/demo-owners.ts";
import type { OwnerList, OwnersSummary } from "../../domain/owners/owners-api.schema.ts";
import { listOrganisations } from "../organisations/organisations.repository.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { insertDemoOwners } from "./demo-owners.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  const ids = new Map((await listOrganisations(ctx.db)).map((o) => [o.code, o.id]));
  await ctx.db.transaction((tx) =>
    insertDemoOwners(tx, (code) => (code === null ? null : (ids.get(code) ?? null)), new Map()),
  );
});
afterAll(() => ctx.close());

describe("the demo's private owners, loaded", () => {
  it("reads back through the API with the line's figures", async () => {
    const admin = await ctx.loginAs("comune_admin");
    const list = (await (await admin.get("/owners")).json()) as OwnerList;
    expect(list.owners).toHaveLength(DEMO_OWNERS.length);
    const summary = (await (await admin.get("/owners/summary")).json()) as OwnersSummary;
    expect(summary.ownersByKind).toEqual({ individual: 2, company: 1, association: 2, agency: 1 });
    expect(summary.offersByStatus).toEqual({
      offered: 1,
      under_review: 1,
      accepted: 0,
      declined: 1,
      withdrawn: 1,
    });
    expect(summary.unitsEntered).toBe(0);
    expect(summary.uptakeByScheme.map((s) => [s.kind, s.uptakes])).toEqual([
      ["damage_cover", 0],
      ["rent_guarantee_fund", 0],
    ]);
  });
});
