// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { TimelineItemInput } from "../../domain/timeline/timeline.ts";
import { itemProblems } from "../../domain/timeline/timeline-rules.ts";
import en from "./timeline.en.json";
import italian from "./timeline.it.json";
import { TIMELINE_PATTERNS } from "./timeline-messages.ts";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

/** Whether the Italian interface has words for an English message of the API or the schemas. */
const translated = (message: string) =>
  message in italian.messages ||
  TIMELINE_PATTERNS.some((p) => p.re.test(message) && p.key in italian.patterns);

describe("the timeline's strings", () => {
  it("has the same keys in Italian and English (English keeps the API's own messages)", () => {
    const english = keysOf(en).filter((k) => !k.startsWith("messages."));
    const italianKeys = keysOf(italian).filter((k) => !k.startsWith("messages."));
    expect(english).toEqual(italianKeys);
  });

  it("says in Italian every rule the API and the forms can break", () => {
    const context = { today: "2026-11-22", convention: { start: "2026-01-01", end: "2050-12-31" } };
    const base = {
      kind: "phase" as const,
      plannedStart: "2026-03-01",
      plannedEnd: "2026-06-30" as string | null,
      actualStart: null as string | null,
      actualEnd: null as string | null,
      status: "not_started" as const,
    };
    const cases = [
      { plannedStart: "2025-01-01" },
      { plannedStart: "2051-01-01", plannedEnd: "2051-02-01" },
      { plannedEnd: null },
      { plannedEnd: "2026-01-01" },
      { kind: "milestone" as const },
      { actualStart: "2026-03-01", actualEnd: "2026-04-01" },
      { status: "in_progress" as const },
      { status: "in_progress" as const, actualStart: "2026-03-01", actualEnd: "2026-04-01" },
      { status: "done" as const },
      { status: "done" as const, actualStart: "2026-12-01", actualEnd: "2026-11-01" },
      { status: "cancelled" as const, actualEnd: "2026-04-01" },
    ];
    const messages = cases.flatMap((c) => itemProblems({ ...base, ...c }, context).map((i) => i.message));
    expect(messages.length).toBeGreaterThan(12);
    for (const message of messages) expect(translated(message), message).toBe(true);
    const shape = TimelineItemInput.safeParse({ line: "Z", kind: "x", title: "", plannedStart: "x" });
    for (const issue of shape.error?.issues ?? [])
      expect(translated(issue.message), issue.message).toBe(true);
    for (const message of [
      'No timeline item "x"',
      'No organisation "ETS-Z"',
      "A partner records only its own items: ownerCode must be ETS-B1",
      "The item was changed by someone else (version 2, you sent 1); reload it and retry",
      "Only the item's owner organisation, or the programme, changes it",
    ])
      expect(translated(message), message).toBe(true);
  });
});
