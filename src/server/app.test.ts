// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./testing/test-context.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type OpenApiDocument = { paths: Record<string, Record<string, { "x-permission"?: string }>> };

describe("the API surface", () => {
  it("answers health with the database kind", async () => {
    const res = await ctx.anonymous.get("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      database: process.env.TEST_DATABASE_URL ? "postgresql" : "pglite",
    });
  });

  it("publishes an OpenAPI 3.1 document in which every operation declares a permission", async () => {
    const doc = (await (await ctx.anonymous.get("/openapi.json")).json()) as OpenApiDocument & {
      openapi: string;
    };
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, permission: op["x-permission"] })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(11);
    expect(operations.filter((o) => o.permission === undefined)).toEqual([]);
  });

  it("refuses every protected operation to an anonymous caller with 401 problem+json", async () => {
    const doc = (await (await ctx.anonymous.get("/openapi.json")).json()) as OpenApiDocument;
    const protectedOps = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op["x-permission"] !== "public")
        .map(([method]) => ({ method: method.toUpperCase(), path: path.replace("{id}", "MI1-0001") })),
    );
    expect(protectedOps.length).toBeGreaterThanOrEqual(10);
    for (const op of protectedOps) {
      const res = await ctx.anonymous.request(op.method, op.path, op.method === "GET" ? undefined : {});
      expect(res.status, `${op.method} ${op.path}`).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("serves readable API docs without external scripts", async () => {
    const res = await ctx.app.request("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/units/import");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it("answers an unknown API path with a 404 problem", async () => {
    const res = await ctx.anonymous.get("/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses a state-changing request from another site", async () => {
    const user = await ctx.loginAs("comune_admin");
    const res = await user.request("POST", "/units", ctx.unitInput(), {
      origin: "https://elsewhere.example",
    });
    expect(res.status).toBe(403);
    expect((await user.get("/units?limit=1")).status).toBe(200);
  });
});
