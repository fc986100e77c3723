// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { areaOfLine, linesOfArea, TimelineItemInput, TimelineQuery } from "./timeline.ts";
import { itemProblems, plannedEndOf, standingOf, summarise, tally } from "./timeline-rules.ts";

const TODAY = "2026-11-22";
const convention = { start: "2026-01-01", end: "2050-12-31" };

const phase = (overrides: Partial<Parameters<typeof itemProblems>[0]> = {}) => ({
  kind: "phase" as const,
  plannedStart: "2026-03-01",
  plannedEnd: "2026-12-31" as string | null,
  actualStart: null as string | null,
  actualEnd: null as string | null,
  status: "not_started" as const,
  ...overrides,
});

const problems = (item: Parameters<typeof itemProblems>[0]) =>
  Object.fromEntries(itemProblems(item, { today: TODAY, convention }).map((i) => [i.path, i.message]));

describe("the lines and areas", () => {
  it.each([
    ["A.1", "A"],
    ["A.4", "A"],
    ["B.1", "B"],
    ["B.3", "B"],
  ] as const)("%s belongs to area %s", (line, area) => {
    expect(areaOfLine(line)).toBe(area);
  });
  it("lists each area's lines in order", () => {
    expect(linesOfArea("A")).toEqual(["A.1", "A.2", "A.3", "A.4"]);
    expect(linesOfArea("B")).toEqual(["B.1", "B.2", "B.3"]);
  });
});

describe("the input's shape", () => {
  it("fills the defaults and takes the owner's code in capitals", () => {
    const parsed = TimelineItemInput.parse({
      line: "A.1",
      kind: "milestone",
      title: "Avvio",
      plannedStart: "2026-02-01",
      ownerCode: "ets-a",
    });
    expect(parsed).toMatchObject({
      ownerCode: "ETS-A",
      plannedEnd: null,
      status: "not_started",
      actualStart: null,
      position: 0,
    });
  });
  it.each([
    [{ line: "C.1" }, "line"],
    [{ kind: "task" }, "kind"],
    [{ title: "x" }, "title"],
    [{ plannedStart: "2026-02-30" }, "plannedStart"],
    [{ status: "late" }, "status"],
    [{ position: -1 }, "position"],
  ])("refuses %o naming %s", (overrides, path) => {
    const parsed = TimelineItemInput.safeParse({
      line: "A.1",
      kind: "phase",
      title: "Avvio",
      plannedStart: "2026-02-01",
      plannedEnd: "2026-03-01",
      ...overrides,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
  it("takes the filters from a query", () => {
    expect(TimelineQuery.parse({ area: "B", standing: "late" })).toEqual({ area: "B", standing: "late" });
    expect(TimelineQuery.safeParse({ line: "B.4" }).success).toBe(false);
  });
});

describe("planned dates", () => {
  it.each([
    ["a phase within the convention", phase(), {}],
    ["a phase ending on the convention's last day", phase({ plannedEnd: "2050-12-31" }), {}],
    [
      "a phase without an end",
      phase({ plannedEnd: null }),
      { plannedEnd: "plannedEnd is required for a phase" },
    ],
    [
      "a phase ending before it starts",
      phase({ plannedEnd: "2026-02-01" }),
      { plannedEnd: "plannedEnd cannot come before plannedStart" },
    ],
    [
      "a phase starting before the convention",
      phase({ plannedStart: "2025-12-31" }),
      { plannedStart: "plannedStart is before the convention starts (2026-01-01)" },
    ],
    [
      "a phase ending after the convention",
      phase({ plannedEnd: "2051-01-01" }),
      { plannedEnd: "plannedEnd is after the convention ends (2050-12-31)" },
    ],
    [
      "a phase starting after the convention",
      phase({ plannedStart: "2051-02-01", plannedEnd: "2051-03-01" }),
      {
        plannedStart: "plannedStart is after the convention ends (2050-12-31)",
        plannedEnd: "plannedEnd is after the convention ends (2050-12-31)",
      },
    ],
    ["a milestone without an end", phase({ kind: "milestone", plannedEnd: null }), {}],
    [
      "a milestone on its one day",
      phase({ kind: "milestone", plannedStart: "2027-01-01", plannedEnd: "2027-01-01" }),
      {},
    ],
    [
      "a milestone over two days",
      phase({ kind: "milestone", plannedStart: "2027-01-01", plannedEnd: "2027-01-02" }),
      { plannedEnd: "A milestone is one day: plannedEnd must be the same as plannedStart" },
    ],
  ])("%s", (_, item, expected) => {
    expect(problems(item)).toEqual(expected);
  });

  it("takes a milestone's one day as its end", () => {
    expect(plannedEndOf({ kind: "milestone", plannedStart: "2027-01-01", plannedEnd: null })).toBe(
      "2027-01-01",
    );
    expect(plannedEndOf({ kind: "phase", plannedStart: "2027-01-01", plannedEnd: null })).toBeNull();
  });
});

describe("status and actual dates", () => {
  it.each([
    ["not started, no actual dates", phase(), {}],
    [
      "not started with an actual start",
      phase({ actualStart: "2026-03-01" }),
      { actualStart: "An item not started has no actual dates" },
    ],
    [
      "not started with both actual dates",
      phase({ actualStart: "2026-03-01", actualEnd: "2026-04-01" }),
      {
        actualStart: "An item not started has no actual dates",
        actualEnd: "An item not started has no actual dates",
      },
    ],
    ["in progress with its start", phase({ status: "in_progress", actualStart: "2026-03-05" }), {}],
    [
      "in progress without a start",
      phase({ status: "in_progress" }),
      { actualStart: "An item in progress needs actualStart" },
    ],
    [
      "in progress with an end",
      phase({ status: "in_progress", actualStart: "2026-03-05", actualEnd: "2026-10-01" }),
      { actualEnd: "An item in progress has no actualEnd yet: mark it done" },
    ],
    [
      "done with both dates",
      phase({ status: "done", actualStart: "2026-03-05", actualEnd: "2026-11-22" }),
      {},
    ],
    [
      "done without an end",
      phase({ status: "done", actualStart: "2026-03-05" }),
      { actualEnd: "A done item needs actualEnd" },
    ],
    [
      "done with neither date",
      phase({ status: "done" }),
      { actualStart: "A done item needs actualStart", actualEnd: "A done item needs actualEnd" },
    ],
    [
      "done ending before it started",
      phase({ status: "done", actualStart: "2026-06-01", actualEnd: "2026-05-01" }),
      { actualEnd: "actualEnd cannot come before actualStart" },
    ],
    [
      "done tomorrow",
      phase({ status: "done", actualStart: "2026-06-01", actualEnd: "2026-11-23" }),
      { actualEnd: "actualEnd cannot be in the future (today is 2026-11-22)" },
    ],
    [
      "in progress from tomorrow",
      phase({ status: "in_progress", actualStart: "2026-11-23" }),
      { actualStart: "actualStart cannot be in the future (today is 2026-11-22)" },
    ],
    ["cancelled before it started", phase({ status: "cancelled" }), {}],
    ["cancelled while running", phase({ status: "cancelled", actualStart: "2026-04-01" }), {}],
    [
      "cancelled with an end and no start",
      phase({ status: "cancelled", actualEnd: "2026-04-01" }),
      { actualStart: "actualStart is required when actualEnd is given" },
    ],
  ])("%s", (_, item, expected) => {
    expect(problems(item)).toEqual(expected);
  });
});

const item = (
  status: "not_started" | "in_progress" | "done" | "cancelled",
  plannedStart: string,
  plannedEnd: string,
  actualEnd: string | null = null,
) => ({ status, plannedStart, plannedEnd, actualEnd });

describe("standing on 2026-11-22 (at risk within 14 days of the planned end)", () => {
  it.each([
    ["cancelled", item("cancelled", "2026-01-01", "2026-02-01"), "cancelled", null, null],
    ["done on its day", item("done", "2026-01-01", "2026-06-30", "2026-06-30"), "done", 0, null],
    ["done 10 days early", item("done", "2026-01-01", "2026-06-30", "2026-06-20"), "done", -10, null],
    ["done 45 days late", item("done", "2026-01-01", "2026-06-30", "2026-08-14"), "done_late", 45, "end"],
    ["running, end passed 22 days ago", item("in_progress", "2026-01-01", "2026-10-31"), "late", 22, "end"],
    ["not started, end passed yesterday", item("not_started", "2026-01-01", "2026-11-21"), "late", 1, "end"],
    [
      "not started, start passed 21 days ago",
      item("not_started", "2026-11-01", "2027-06-30"),
      "late",
      21,
      "start",
    ],
    ["running, ends today", item("in_progress", "2026-01-01", "2026-11-22"), "at_risk", 0, null],
    ["running, ends in 14 days", item("in_progress", "2026-01-01", "2026-12-06"), "at_risk", 0, null],
    ["running, ends in 15 days", item("in_progress", "2026-01-01", "2026-12-07"), "on_time", 0, null],
    ["milestone in 10 days", item("not_started", "2026-12-02", "2026-12-02"), "at_risk", 0, null],
    ["not started, starts today", item("not_started", "2026-11-22", "2027-03-01"), "on_time", 0, null],
    ["not started, starts next year", item("not_started", "2027-01-01", "2027-06-30"), "on_time", 0, null],
    [
      "running early, started before plan",
      item("in_progress", "2027-01-01", "2027-06-30"),
      "on_time",
      0,
      null,
    ],
  ] as const)("%s: %s", (_, subject, standing, days, slipped) => {
    const result = standingOf(subject, TODAY);
    expect(result).toMatchObject({ standing, slippageDays: days, slipped });
  });

  it("counts the days to the planned end of an open item only", () => {
    expect(standingOf(item("in_progress", "2026-01-01", "2026-12-02"), TODAY).daysToPlannedEnd).toBe(10);
    expect(standingOf(item("in_progress", "2026-01-01", "2026-11-12"), TODAY).daysToPlannedEnd).toBe(-10);
    expect(
      standingOf(item("done", "2026-01-01", "2026-11-12", "2026-11-12"), TODAY).daysToPlannedEnd,
    ).toBeNull();
  });
});

describe("tallies per line and area", () => {
  const items = [
    { line: "A.1", kind: "milestone", standing: "done" },
    { line: "A.1", kind: "milestone", standing: "done_late" },
    { line: "A.1", kind: "milestone", standing: "late" },
    { line: "A.1", kind: "milestone", standing: "at_risk" },
    { line: "A.1", kind: "milestone", standing: "cancelled" },
    { line: "A.1", kind: "phase", standing: "done" },
    { line: "A.3", kind: "phase", standing: "on_time" },
    { line: "B.2", kind: "milestone", standing: "done" },
    { line: "B.2", kind: "phase", standing: "late" },
  ] as const;

  it.each([
    ["no items", [], 0, 0, null],
    ["phases only", [{ kind: "phase", standing: "done" }], 0, 0, null],
    ["a milestone not yet due", [{ kind: "milestone", standing: "on_time" }], 0, 0, null],
    ["one met, one met late, one late, one at risk, one cancelled", items.slice(0, 5), 3, 1, 1 / 3],
  ] as const)("%s", (_, subject, due, onTime, share) => {
    const result = tally(subject);
    expect(result).toMatchObject({
      milestonesDue: due,
      milestonesOnTime: onTime,
      milestonesOnTimeShare: share,
    });
  });

  it("counts by standing, per line with items, per area, and overall", () => {
    const summary = summarise(items);
    expect(summary.byLine.map((l) => l.line)).toEqual(["A.1", "A.3", "B.2"]);
    expect(summary.byLine[0]?.counts).toEqual({
      on_time: 0,
      at_risk: 1,
      late: 1,
      done_late: 1,
      done: 2,
      cancelled: 1,
    });
    expect(summary.byArea).toMatchObject([
      { area: "A", total: 7, milestonesDue: 3, milestonesOnTime: 1 },
      { area: "B", total: 2, milestonesDue: 1, milestonesOnTime: 1, milestonesOnTimeShare: 1 },
    ]);
    expect(summary.overall).toMatchObject({ total: 9, milestonesDue: 4, milestonesOnTimeShare: 0.5 });
    expect(summary.overall.counts.late).toBe(2);
  });
});
