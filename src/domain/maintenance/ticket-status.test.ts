// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { TICKET_STATUSES, type TicketStatus } from "./ticket.schema.ts";
import {
  acceptsPhotos,
  allowedTransitions,
  canTransition,
  isReopening,
  reasonRequired,
  TICKET_TRANSITIONS,
  transitionProblems,
} from "./ticket-status.ts";

describe("ticket status transitions", () => {
  // from, to, allowed, reason required
  it.each([
    // the main path
    ["open", "in_progress", true, false],
    ["in_progress", "completed", true, false],
    ["completed", "closed", true, false],
    // deferring and resuming
    ["open", "deferred", true, true],
    ["in_progress", "deferred", true, true],
    ["deferred", "in_progress", true, false],
    // declining while not done
    ["open", "declined", true, true],
    ["in_progress", "declined", true, true],
    ["deferred", "declined", true, true],
    // reopening a finished ticket
    ["completed", "in_progress", true, true],
    ["closed", "in_progress", true, true],
    ["declined", "open", true, true],
    // refused: skipping the work, closing what was not done, undoing into the wrong place
    ["open", "completed", false, false],
    ["open", "closed", false, false],
    ["in_progress", "closed", false, false],
    ["in_progress", "open", false, false],
    ["deferred", "completed", false, false],
    ["deferred", "closed", false, false],
    ["deferred", "open", false, false],
    ["completed", "declined", false, false],
    ["completed", "open", false, false],
    ["closed", "open", false, false],
    ["closed", "completed", false, false],
    ["closed", "declined", false, false],
    ["declined", "in_progress", false, false],
    ["declined", "closed", false, false],
  ] as const)("%s → %s allowed: %s, reason required: %s", (from, to, allowed, reason) => {
    expect(canTransition(from, to)).toBe(allowed);
    expect(reasonRequired(from, to)).toBe(reason);
    expect(allowedTransitions(from).some((t) => t.to === to)).toBe(allowed);
  });

  it("every status can be left, and never to itself", () => {
    for (const status of TICKET_STATUSES) {
      expect(TICKET_TRANSITIONS[status].length).toBeGreaterThan(0);
      expect(TICKET_TRANSITIONS[status]).not.toContain(status);
    }
  });

  it("every status is reachable from open", () => {
    const seen = new Set<TicketStatus>(["open"]);
    const queue: TicketStatus[] = ["open"];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const next of TICKET_TRANSITIONS[s]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...TICKET_STATUSES].sort());
  });

  it.each([
    ["completed", "in_progress", true],
    ["closed", "in_progress", true],
    ["declined", "open", true],
    ["deferred", "in_progress", false],
    ["completed", "closed", false],
  ] as const)("%s → %s is a reopening: %s", (from, to, expected) => {
    expect(isReopening(from, to)).toBe(expected);
  });
});

describe("the problems of a status change", () => {
  it.each([
    // from, to, reason, the field named (null: none)
    ["open", "in_progress", "", null],
    ["open", "deferred", "", "reason"],
    ["open", "deferred", "  ab  ", "reason"],
    ["open", "deferred", "Pezzo di ricambio in arrivo", null],
    ["open", "declined", "", "reason"],
    ["open", "declined", "Non è un guasto dell'alloggio", null],
    ["completed", "in_progress", "", "reason"],
    ["completed", "in_progress", "La perdita è ricomparsa", null],
    ["declined", "open", "", "reason"],
    ["completed", "closed", "", null],
    ["open", "closed", "Chiusa", "to"],
    ["open", "open", "", "to"],
  ] as const)("%s → %s with reason %j: names %s", (from, to, reason, field) => {
    const problems = transitionProblems(from, to, reason);
    expect(problems.map((p) => p.path)).toEqual(field === null ? [] : [field]);
  });

  it("says which move is not allowed", () => {
    expect(transitionProblems("open", "closed", "")[0]?.message).toBe(
      "A ticket cannot go from open to closed",
    );
  });
});

describe("photos", () => {
  it.each([
    ["open", true],
    ["in_progress", true],
    ["deferred", true],
    ["completed", true],
    ["closed", false],
    ["declined", false],
  ] as const)("a %s ticket accepts photos: %s", (status, expected) => {
    expect(acceptsPhotos(status)).toBe(expected);
  });
});
