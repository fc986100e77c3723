// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canMoveHousehold,
  canResume,
  HOUSEHOLD_STATUSES,
  HOUSEHOLD_TRANSITIONS,
  type HouseholdStatus,
  householdDurations,
  type StatusChange,
} from "./household-status.ts";

const reachableFrom = (start: HouseholdStatus): Set<HouseholdStatus> => {
  const seen = new Set<HouseholdStatus>([start]);
  const queue: HouseholdStatus[] = [start];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of HOUSEHOLD_TRANSITIONS[s]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
};

describe("household status transitions", () => {
  it.each([
    // the main path
    ["referred", "assessed", true],
    ["assessed", "waiting", true],
    ["waiting", "offered", true],
    ["offered", "housed", true],
    ["housed", "exiting", true],
    ["exiting", "exited", true],
    // a refused offer, an exit called off
    ["offered", "waiting", true],
    ["exiting", "housed", true],
    // suspended before housing, resumed, or withdrawn
    ["referred", "suspended", true],
    ["assessed", "suspended", true],
    ["waiting", "suspended", true],
    ["suspended", "referred", true],
    ["suspended", "assessed", true],
    ["suspended", "waiting", true],
    ["referred", "withdrawn", true],
    ["assessed", "withdrawn", true],
    ["waiting", "withdrawn", true],
    ["offered", "withdrawn", true],
    ["suspended", "withdrawn", true],
    // refused: skipping the assessment or the offer, suspending or withdrawing a tenant, going back
    ["referred", "waiting", false],
    ["referred", "housed", false],
    ["assessed", "offered", false],
    ["waiting", "housed", false],
    ["offered", "suspended", false],
    ["housed", "suspended", false],
    ["housed", "withdrawn", false],
    ["housed", "waiting", false],
    ["housed", "exited", false],
    ["exiting", "withdrawn", false],
    ["suspended", "offered", false],
    ["suspended", "housed", false],
    ["assessed", "referred", false],
    // final
    ["exited", "housed", false],
    ["exited", "referred", false],
    ["withdrawn", "referred", false],
    ["withdrawn", "assessed", false],
  ] as const)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canMoveHousehold(from, to)).toBe(allowed);
  });

  it.each(HOUSEHOLD_STATUSES.map((s) => [s]))("%s cannot move to itself", (status) => {
    expect(canMoveHousehold(status, status)).toBe(false);
  });

  it("has rules for every status, each target a known status, none twice", () => {
    expect(Object.keys(HOUSEHOLD_TRANSITIONS).sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
    for (const from of HOUSEHOLD_STATUSES) {
      for (const to of HOUSEHOLD_TRANSITIONS[from]) expect(HOUSEHOLD_STATUSES).toContain(to);
      expect(new Set(HOUSEHOLD_TRANSITIONS[from]).size).toBe(HOUSEHOLD_TRANSITIONS[from].length);
    }
  });

  it("reaches every status from referred", () => {
    expect([...reachableFrom("referred")].sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
  });

  it("ends only in exited and withdrawn, and every other status can still get there", () => {
    const finals = HOUSEHOLD_STATUSES.filter((s) => HOUSEHOLD_TRANSITIONS[s].length === 0);
    expect(finals.sort()).toEqual(["exited", "withdrawn"]);
    for (const s of HOUSEHOLD_STATUSES) {
      const reach = reachableFrom(s);
      expect(reach.has("exited") || reach.has("withdrawn"), s).toBe(true);
    }
  });

  it("keeps any walk of allowed moves inside the known statuses, and stops at exited or withdrawn", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 50 }), (choices) => {
        let status: HouseholdStatus = "referred";
        for (const c of choices) {
          const options = HOUSEHOLD_TRANSITIONS[status];
          if (options.length === 0) {
            expect(["exited", "withdrawn"]).toContain(status);
            for (const to of HOUSEHOLD_STATUSES) expect(canMoveHousehold(status, to)).toBe(false);
            break;
          }
          const next = options[c % options.length] as HouseholdStatus;
          expect(canMoveHousehold(status, next)).toBe(true);
          status = next;
        }
        expect(HOUSEHOLD_STATUSES).toContain(status);
      }),
    );
  });

  it("never houses a household without an offer first", () => {
    for (const from of HOUSEHOLD_STATUSES) {
      if (canMoveHousehold(from, "housed")) expect(["offered", "exiting"]).toContain(from);
    }
  });
});

describe("canResume", () => {
  it.each([
    ["waiting", "waiting", true],
    ["assessed", "assessed", true],
    ["referred", "referred", true],
    ["waiting", "assessed", false],
    ["waiting", "referred", false],
    ["referred", "waiting", false],
    ["waiting", "withdrawn", true],
    [null, "withdrawn", true],
    [null, "waiting", false],
  ] as const)("suspended from %s, resuming at %s: %s", (from, to, allowed) => {
    expect(canResume(from, to)).toBe(allowed);
  });

  it("lets a household resume only where it stood, among the moves out of suspended", () => {
    for (const from of HOUSEHOLD_TRANSITIONS.suspended) {
      for (const to of HOUSEHOLD_TRANSITIONS.suspended) {
        expect(canResume(from, to)).toBe(to === from || to === "withdrawn");
      }
    }
    // Every status a household can be suspended from is one it can resume at.
    for (const from of HOUSEHOLD_STATUSES.filter((s) => canMoveHousehold(s, "suspended"))) {
      expect(canMoveHousehold("suspended", from), from).toBe(true);
    }
  });
});

const at = (iso: string) => new Date(iso);
const change = (iso: string, from: HouseholdStatus | null, to: HouseholdStatus): StatusChange => ({
  at: at(iso),
  from,
  to,
});

describe("householdDurations", () => {
  it("counts the days in each status and from referral to housing", () => {
    const changes = [
      change("2025-03-01T09:00:00Z", null, "referred"),
      change("2025-03-11T09:00:00Z", "referred", "assessed"),
      change("2025-04-01T09:00:00Z", "assessed", "waiting"),
      change("2025-06-01T09:00:00Z", "waiting", "offered"),
      change("2025-06-15T09:00:00Z", "offered", "housed"),
    ];
    expect(householdDurations(changes, at("2026-01-01T09:00:00Z"))).toEqual({
      daysIn: { referred: 10, assessed: 21, waiting: 61, offered: 14, housed: 200 },
      referralToHousingDays: 106,
    });
  });

  it("sums repeated stays: a refused offer, a suspension", () => {
    const changes = [
      change("2025-01-01T08:00:00Z", null, "referred"),
      change("2025-01-05T08:00:00Z", "referred", "assessed"),
      change("2025-01-10T08:00:00Z", "assessed", "waiting"),
      change("2025-02-10T08:00:00Z", "waiting", "suspended"),
      change("2025-03-10T08:00:00Z", "suspended", "waiting"),
      change("2025-04-10T08:00:00Z", "waiting", "offered"),
      change("2025-04-20T08:00:00Z", "offered", "waiting"),
      change("2025-05-20T08:00:00Z", "waiting", "offered"),
      change("2025-05-25T08:00:00Z", "offered", "housed"),
    ];
    expect(householdDurations(changes, at("2025-06-25T08:00:00Z"))).toEqual({
      daysIn: { referred: 4, assessed: 5, waiting: 31 + 31 + 30, suspended: 28, offered: 15, housed: 31 },
      referralToHousingDays: 144,
    });
  });

  it("has no referral-to-housing figure before housing, and counts the current stay up to now", () => {
    const changes = [change("2026-01-01T10:00:00Z", null, "referred")];
    expect(householdDurations(changes, at("2026-01-31T10:00:00Z"))).toEqual({
      daysIn: { referred: 30 },
      referralToHousingDays: null,
    });
  });

  it("takes the first housing, not a later return from exiting", () => {
    const changes = [
      change("2025-01-01T10:00:00Z", null, "referred"),
      change("2025-01-02T10:00:00Z", "referred", "assessed"),
      change("2025-01-03T10:00:00Z", "assessed", "waiting"),
      change("2025-01-04T10:00:00Z", "waiting", "offered"),
      change("2025-01-11T10:00:00Z", "offered", "housed"),
      change("2025-06-01T10:00:00Z", "housed", "exiting"),
      change("2025-07-01T10:00:00Z", "exiting", "housed"),
    ];
    expect(householdDurations(changes, at("2025-08-01T10:00:00Z")).referralToHousingDays).toBe(10);
  });

  it("counts calendar days: stays shorter than a day still add up", () => {
    const changes = [
      change("2025-05-01T06:00:00Z", null, "referred"),
      change("2025-05-02T18:00:00Z", "referred", "assessed"),
      change("2025-05-04T06:00:00Z", "assessed", "waiting"),
    ];
    // 1½ days + 1½ days: 1 + 2 calendar days, the 3 days from 1 to 4 May.
    expect(householdDurations(changes, at("2025-05-04T07:00:00Z")).daysIn).toEqual({
      referred: 1,
      assessed: 2,
      waiting: 0,
    });
  });

  it("has durations that sum to the days elapsed from the first change to now, for any path", () => {
    const start = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 90 * 86_400_000 }), fc.nat()), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 90 * 86_400_000 }),
        (steps, tail) => {
          // A walk of allowed moves from referred, each after a random gap (down to none at all).
          let time = start;
          let status: HouseholdStatus = "referred";
          const changes: StatusChange[] = [{ at: new Date(time), from: null, to: status }];
          for (const [gap, choice] of steps) {
            const options = HOUSEHOLD_TRANSITIONS[status];
            if (options.length === 0) break;
            const next = options[choice % options.length] as HouseholdStatus;
            time += gap;
            changes.push({ at: new Date(time), from: status, to: next });
            status = next;
          }
          const now = new Date(time + tail);
          const { daysIn, referralToHousingDays } = householdDurations(changes, now);
          const total = Object.values(daysIn).reduce((a, b) => a + b, 0);
          const elapsed = Math.floor(now.getTime() / 86_400_000) - Math.floor(start / 86_400_000);
          expect(total).toBe(elapsed);
          for (const d of Object.values(daysIn)) expect(d).toBeGreaterThanOrEqual(0);
          for (const s of Object.keys(daysIn)) expect(changes.some((c) => c.to === s)).toBe(true);
          const housed = changes.some((c) => c.to === "housed");
          expect(referralToHousingDays === null).toBe(!housed);
          if (referralToHousingDays !== null) expect(referralToHousingDays).toBeLessThanOrEqual(elapsed);
        },
      ),
    );
  });
});
