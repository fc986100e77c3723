// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { TIMELINE_LINES, TimelineItemInput } from "../timeline/timeline.ts";
import { itemProblems, standingOf, summarise } from "../timeline/timeline-rules.ts";
import { DEMO_ORGANISATIONS } from "./demo-programme.ts";
import { DEMO_TIMELINE } from "./demo-timeline.ts";

const TODAY = "2026-11-22";
const convention = { start: "2026-01-01", end: "2050-12-31" };
const standings = DEMO_TIMELINE.map((i) => ({ ...i, ...standingOf(i, TODAY) }));

describe("the demo's timeline", () => {
  it("holds valid items that keep the timeline's rules on the demo's day", () => {
    for (const item of DEMO_TIMELINE) {
      expect(TimelineItemInput.safeParse(item).success, item.title).toBe(true);
      expect(itemProblems(item, { today: TODAY, convention }), item.title).toEqual([]);
    }
  });

  it("covers every line with 2–4 phases and 1–3 milestones, over the whole convention", () => {
    for (const line of TIMELINE_LINES) {
      const own = DEMO_TIMELINE.filter((i) => i.line === line);
      const phases = own.filter((i) => i.kind === "phase").length;
      const milestones = own.filter((i) => i.kind === "milestone").length;
      expect(phases, line).toBeGreaterThanOrEqual(2);
      expect(phases, line).toBeLessThanOrEqual(4);
      expect(milestones, line).toBeGreaterThanOrEqual(1);
      expect(milestones, line).toBeLessThanOrEqual(3);
      expect(own.map((i) => i.position)).toEqual(own.map((_, k) => k));
    }
    const ends = DEMO_TIMELINE.map((i) => i.plannedEnd).sort();
    expect(ends.at(-1)).toBe("2050-12-31");
    const early = DEMO_TIMELINE.filter((i) => i.plannedStart < "2031-01-01").length;
    expect(early / DEMO_TIMELINE.length).toBeGreaterThan(0.7);
  });

  it("gives Area A's lines to the Area A partner (a few of A.1 to the Comune) and Area B's to its partners", () => {
    const areaOf = new Map(DEMO_ORGANISATIONS.map((o) => [o.code, o.area]));
    for (const item of DEMO_TIMELINE) {
      if (item.line.startsWith("B")) expect(areaOf.get(item.ownerCode), item.title).toBe("B");
      else if (item.ownerCode === "COMUNE-MI") expect(item.line).toBe("A.1");
      else expect(item.ownerCode, item.title).toBe("ETS-A");
    }
    const bOwners = new Set(DEMO_TIMELINE.filter((i) => i.line.startsWith("B")).map((i) => i.ownerCode));
    expect(bOwners).toEqual(new Set(["ETS-B1", "ETS-B2", "ETS-B3"]));
  });

  it("has items done on time and late, late now and at risk", () => {
    const { counts } = summarise(standings).overall;
    expect(counts.done).toBeGreaterThanOrEqual(4);
    expect(counts.done_late).toBeGreaterThanOrEqual(3);
    expect(counts.late).toBeGreaterThanOrEqual(3);
    expect(counts.at_risk).toBeGreaterThanOrEqual(2);
    expect(standings.some((s) => s.standing === "late" && s.slipped === "start")).toBe(true);
    expect(standings.some((s) => s.standing === "late" && s.kind === "milestone")).toBe(true);
  });

  it("is plainly fictional", () => {
    for (const item of DEMO_TIMELINE) expect(item.ownerName).toMatch(/\(demo\)$/);
  });
});
