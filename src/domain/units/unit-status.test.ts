// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNIT_STATUSES, type UnitStatus } from "./unit.schema.ts";
import { allowedTransitions, canTransition, UNIT_TRANSITIONS } from "./unit-status.ts";

const reachableFrom = (start: UnitStatus): Set<UnitStatus> => {
  const seen = new Set<UnitStatus>([start]);
  const queue: UnitStatus[] = [start];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const next of allowedTransitions(s)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
};

describe("unit status transitions", () => {
  it.each([
    // the main path
    ["to_renovate", "renovating", true],
    ["renovating", "available", true],
    ["available", "offered", true],
    ["offered", "let_pending", true],
    ["let_pending", "let", true],
    ["let", "vacating", true],
    ["vacating", "available", true],
    // withdrawals, works again, taking out of use
    ["offered", "available", true],
    ["let_pending", "available", true],
    ["let_pending", "offered", true],
    ["vacating", "let", true],
    ["vacating", "to_renovate", true],
    ["renovating", "to_renovate", true],
    ["available", "to_renovate", true],
    ["to_renovate", "unavailable", true],
    ["renovating", "unavailable", true],
    ["available", "unavailable", true],
    ["unavailable", "to_renovate", true],
    ["unavailable", "available", true],
    // refused: skipping works, evicting, offering unfinished units, hiding an occupied unit
    ["to_renovate", "available", false],
    ["to_renovate", "offered", false],
    ["to_renovate", "let", false],
    ["renovating", "let", false],
    ["available", "let", false],
    ["let", "available", false],
    ["let", "to_renovate", false],
    ["let", "unavailable", false],
    ["offered", "let", false],
    ["let_pending", "unavailable", false],
    ["offered", "unavailable", false],
    ["offered", "to_renovate", false],
    ["vacating", "unavailable", false],
    ["unavailable", "let", false],
    ["unavailable", "offered", false],
  ] as const)("%s → %s allowed: %s", (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    expect(allowedTransitions(from).includes(to)).toBe(allowed);
  });

  it.each(UNIT_STATUSES.map((s) => [s]))("%s cannot move to itself", (status) => {
    expect(canTransition(status, status)).toBe(false);
  });

  it("has rules for every status, and every allowed target is a valid status", () => {
    expect(Object.keys(UNIT_TRANSITIONS).sort()).toEqual([...UNIT_STATUSES].sort());
    for (const from of UNIT_STATUSES) {
      expect(allowedTransitions(from).length).toBeGreaterThan(0);
      for (const to of allowedTransitions(from)) expect(UNIT_STATUSES).toContain(to);
      expect(new Set(allowedTransitions(from)).size).toBe(allowedTransitions(from).length);
    }
  });

  it("reaches every status from to_renovate, and gets back to available from every status", () => {
    expect([...reachableFrom("to_renovate")].sort()).toEqual([...UNIT_STATUSES].sort());
    for (const s of UNIT_STATUSES) expect(reachableFrom(s).has("available")).toBe(true);
  });

  it("keeps any walk of allowed moves inside the known statuses", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        let status: UnitStatus = "to_renovate";
        for (const c of choices) {
          const options = allowedTransitions(status);
          const next = options[c % options.length];
          if (next === undefined) return false;
          expect(canTransition(status, next)).toBe(true);
          status = next;
        }
        expect(UNIT_STATUSES).toContain(status);
        return true;
      }),
    );
  });

  it("agrees with allowedTransitions for every pair", () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_STATUSES), fc.constantFrom(...UNIT_STATUSES), (from, to) => {
        expect(canTransition(from, to)).toBe(UNIT_TRANSITIONS[from].includes(to));
      }),
    );
  });
});
