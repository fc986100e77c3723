// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { dueAtFor, isOverdue, TICKET_DEADLINE_HOURS } from "./ticket-deadline.ts";

const OPENED = new Date("2026-11-22T09:00:00.000Z");
const at = (iso: string) => new Date(iso);

describe("deadlines per urgency", () => {
  it("are 24 hours, 3 days and 30 days", () => {
    expect(TICKET_DEADLINE_HOURS).toEqual({ emergency: 24, urgent: 72, routine: 720 });
  });

  it.each([
    ["emergency", "2026-11-23T09:00:00.000Z"],
    ["urgent", "2026-11-25T09:00:00.000Z"],
    // Thirty days of 24 hours: across the change from summer time (in late October) nothing shifts.
    ["routine", "2026-12-22T09:00:00.000Z"],
  ] as const)("a %s ticket opened on 22 November at 09:00 UTC is due at %s", (urgency, due) => {
    expect(dueAtFor(urgency, OPENED).toISOString()).toBe(due);
  });

  it("counts in hours, also across the change of clocks", () => {
    expect(dueAtFor("routine", at("2026-10-10T08:00:00Z")).toISOString()).toBe("2026-11-09T08:00:00.000Z");
  });
});

describe("overdue", () => {
  const due = dueAtFor("emergency", OPENED);
  it.each([
    // status, now, overdue
    ["open", "2026-11-23T08:59:59.999Z", false],
    ["open", "2026-11-23T09:00:00.000Z", false],
    ["open", "2026-11-23T09:00:00.001Z", true],
    ["in_progress", "2026-11-24T00:00:00Z", true],
    ["deferred", "2026-11-24T00:00:00Z", true],
    ["completed", "2026-11-24T00:00:00Z", false],
    ["closed", "2026-11-24T00:00:00Z", false],
    ["declined", "2026-11-24T00:00:00Z", false],
  ] as const)("a %s ticket due at 09:00 on 23 November, at %s: overdue %s", (status, now, expected) => {
    expect(isOverdue({ status, dueAt: due }, at(now))).toBe(expected);
  });
});
