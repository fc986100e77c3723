// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_THROTTLE } from "../../domain/auth/login-throttle.ts";
import { loginAttempts } from "../db/schema.ts";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const from = (address: string) => ({ "x-forwarded-for": address });
const tick = (seconds: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + seconds * 1000);
};

describe("sign-in throttling", () => {
  it("makes an account wait longer after each failure past the free ones, then lets the right password in", async () => {
    const email = await ctx.newUser({ role: "comune_housing_officer" });
    const attempt = (password: string) =>
      ctx.anonymous.request("POST", "/auth/login", { email, password }, from("198.51.100.7"));
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) {
      const res = await attempt("not-the-password");
      expect(res.status).toBe(401);
      expect(res.headers.get("ratelimit-limit")).toBe(String(LOGIN_THROTTLE.addressFailuresPerHour));
    }
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect((await refused.json()).detail).toBe("Too many failed sign-ins; try again later");

    tick(1);
    expect((await attempt("still-not-it")).status).toBe(401);
    expect((await attempt(TEST_PASSWORD)).headers.get("retry-after")).toBe("2");
    tick(2);
    const ok = await attempt(TEST_PASSWORD);
    expect(ok.status).toBe(200);
    // A success starts the count again.
    expect((await attempt("wrong-again-1")).status).toBe(401);
    expect((await attempt(TEST_PASSWORD)).status).toBe(200);
  });

  it("throttles an e-mail that has no account exactly like one that has, so nothing is revealed", async () => {
    const attempt = () =>
      ctx.anonymous.request(
        "POST",
        "/auth/login",
        { email: "nobody.here@test.casacomune.example", password: "whatever-it-is" },
        from("198.51.100.8"),
      );
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(429);
  });

  it("refuses an address that used up its hourly failures, even for another account, and counts down", async () => {
    const address = "203.0.113.9";
    const rows = Array.from({ length: LOGIN_THROTTLE.addressFailuresPerHour - 1 }, (_, i) => ({
      email: `guess.${i}@test.casacomune.example`,
      address,
      at: new Date(ctx.clock.now.getTime() - 60_000),
      succeeded: false,
    }));
    await ctx.db.insert(loginAttempts).values(rows);
    const email = await ctx.newUser({ role: "auditor" });
    const last = await ctx.anonymous.request(
      "POST",
      "/auth/login",
      { email, password: "nope-nope-nope" },
      from(address),
    );
    expect(last.status).toBe(401);
    expect(last.headers.get("ratelimit-remaining")).toBe("0");
    const refused = await ctx.anonymous.request(
      "POST",
      "/auth/login",
      { email, password: TEST_PASSWORD },
      from(address),
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    // Another address is not affected.
    const elsewhere = await ctx.anonymous.request(
      "POST",
      "/auth/login",
      { email, password: TEST_PASSWORD },
      from("203.0.113.10"),
    );
    expect(elsewhere.status).toBe(200);
  });

  it("audits successes, failures and refusals of sign-in with the address", async () => {
    const email = await ctx.newUser({ role: "steering_board" });
    await ctx.anonymous.request(
      "POST",
      "/auth/login",
      { email, password: "wrong-password-xx" },
      from("192.0.2.44"),
    );
    await ctx.anonymous.request(
      "POST",
      "/auth/login",
      { email, password: TEST_PASSWORD },
      from("192.0.2.44"),
    );
    const records = await ctx.db.query.auditEvents.findMany({
      where: (a, { eq }) => eq(a.address, "192.0.2.44"),
      orderBy: (a, { asc }) => asc(a.seq),
    });
    expect(records.map((r) => [r.action, r.outcome])).toEqual([
      ["auth.login", "denied"],
      ["auth.login", "success"],
    ]);
    expect(records[1]?.actorRole).toBe("steering_board");
  });
});
