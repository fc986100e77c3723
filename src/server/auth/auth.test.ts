// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../testing/test-context.ts";
import { hashPassword, verifyPassword } from "./password.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one, with the cost kept in the hash", async () => {
    const hash = await hashPassword("correct horse battery", 2 ** 10);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });

  it("hashes at OWASP strength by default", async () => {
    expect(await hashPassword("a long enough password")).toMatch(/^scrypt\$131072\$8\$1\$/);
  });
});

describe("session login", () => {
  it("signs in, tells who is signed in, and signs out server-side", async () => {
    const email = await ctx.newUser({ role: "comune_housing_officer" });
    const login = await ctx.anonymous.post("/auth/login", {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0] as string;
    const headers = { cookie };

    const me = await ctx.anonymous.request("GET", "/auth/me", undefined, headers);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email,
      role: "comune_housing_officer",
      organisation: { code: "COMUNE-MI" },
      permissions: expect.arrayContaining(["units:write", "units:import"]),
    });

    expect((await ctx.anonymous.request("POST", "/auth/logout", {}, headers)).status).toBe(204);
    expect((await ctx.anonymous.request("GET", "/auth/me", undefined, headers)).status).toBe(401);
  });

  it("gives the same generic answer for a wrong password and an unknown e-mail", async () => {
    const email = await ctx.newUser({ role: "auditor" });
    const wrong = await ctx.anonymous.post("/auth/login", { email, password: "wrong-password-123" });
    const unknown = await ctx.anonymous.post("/auth/login", {
      email: "nobody@test.casacomune.example",
      password: "wrong-password-123",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).detail).toBe((await unknown.json()).detail);
  });

  it("names the field of a malformed login", async () => {
    const res = await ctx.anonymous.post("/auth/login", { email: "not-an-email", password: "" });
    expect(res.status).toBe(400);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("ends a session idle for longer than the idle timeout", async () => {
    const user = await ctx.loginAs("auditor");
    expect((await user.get("/auth/me")).status).toBe(200);
    const start = ctx.clock.now;
    ctx.clock.now = new Date(start.getTime() + 31 * 60_000);
    try {
      expect((await user.get("/auth/me")).status).toBe(401);
    } finally {
      ctx.clock.now = start;
    }
  });

  it("ends a session at the absolute timeout even when in use", async () => {
    const user = await ctx.loginAs("auditor");
    const start = ctx.clock.now;
    try {
      // Keep it busy every 20 minutes for 12 hours.
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        ctx.clock.now = new Date(start.getTime() + minutes * 60_000);
        expect((await user.get("/auth/me")).status).toBe(200);
      }
      ctx.clock.now = new Date(start.getTime() + 12 * 3_600_000 + 60_000);
      expect((await user.get("/auth/me")).status).toBe(401);
    } finally {
      ctx.clock.now = start;
    }
  });

  it("gives each login a new session", async () => {
    const email = await ctx.newUser({ role: "auditor" });
    const cookies = await Promise.all(
      [1, 2].map(async () =>
        (await ctx.anonymous.post("/auth/login", { email, password: TEST_PASSWORD })).headers.get(
          "set-cookie",
        ),
      ),
    );
    expect(cookies[0]).not.toBe(cookies[1]);
  });
});
