// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideLogin, delayAfterFailures, LOGIN_THROTTLE } from "./login-throttle.ts";

const T0 = new Date("2026-11-22T09:00:00Z").getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describe("delay after consecutive failures", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [10, 32_000],
    [14, 512_000],
    [15, 900_000],
    [99, 900_000],
    [10_000, 900_000],
  ])("after %i failures waits %i ms", (failures, ms) => {
    expect(delayAfterFailures(failures)).toBe(ms);
  });
});

describe("sign-in throttling decisions", () => {
  it("lets the free failures through, then asks to wait, naming how long", () => {
    const four = [0, 1, 2, 3].map(at);
    expect(decideLogin({ accountFailures: four, addressFailures: four }, at(4)).allowed).toBe(true);
    const five = [0, 1, 2, 3, 4].map(at);
    expect(decideLogin({ accountFailures: five, addressFailures: five }, at(4))).toEqual({
      allowed: false,
      reason: "account",
      retryAfterSeconds: 1,
      addressRemaining: LOGIN_THROTTLE.addressFailuresPerHour - 5,
    });
    expect(decideLogin({ accountFailures: five, addressFailures: five }, at(5)).allowed).toBe(true);
  });

  it("forgets failures older than an hour", () => {
    const old = Array.from({ length: 50 }, (_, i) => at(i));
    expect(decideLogin({ accountFailures: old, addressFailures: old }, at(3600 + 50)).allowed).toBe(true);
  });

  it("refuses an address after its hourly budget of failures, whatever the accounts", () => {
    const failures = Array.from({ length: LOGIN_THROTTLE.addressFailuresPerHour }, (_, i) => at(i));
    const decision = decideLogin({ accountFailures: [], addressFailures: failures }, at(400));
    expect(decision).toMatchObject({ allowed: false, reason: "address", addressRemaining: 0 });
    // The oldest failure leaves the window at 3600 s: 3200 s from now.
    expect(decision.allowed === false && decision.retryAfterSeconds).toBe(3200);
  });

  it("refuses an account that reached its hourly ceiling even without delays", () => {
    const failures = Array.from({ length: LOGIN_THROTTLE.accountFailuresPerHour }, (_, i) => at(i * 30));
    expect(decideLogin({ accountFailures: failures, addressFailures: [] }, at(3590))).toMatchObject({
      allowed: false,
      reason: "account",
    });
  });

  it("never lets an attacker fail more than 100 times an hour on one account (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 50, maxLength: 400 }), (gaps) => {
        // An attacker who retries after random gaps, obeying nothing: only allowed attempts fail.
        const failures: Date[] = [];
        let t = 0;
        for (const gap of gaps) {
          t += gap;
          if (t > 3600) break;
          const decision = decideLogin({ accountFailures: failures, addressFailures: [] }, at(t));
          if (decision.allowed) failures.push(at(t));
        }
        return failures.length <= LOGIN_THROTTLE.accountFailuresPerHour;
      }),
    );
  });
});
