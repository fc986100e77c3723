// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  ActionInput,
  ActionUpdate,
  BodyInput,
  DecisionInput,
  MeetingInput,
  MemberInput,
  MinutesInput,
} from "../../domain/governance/governance.ts";
import { voteProblem } from "../../domain/governance/governance-rules.ts";
import en from "./governance.en.json";
import italian from "./governance.it.json";
import { GOVERNANCE_PATTERNS } from "./governance-messages.ts";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

/** Whether the Italian interface has words for an English message of the API or the schemas. */
const translated = (message: string) =>
  message in italian.messages ||
  GOVERNANCE_PATTERNS.some((p) => p.re.test(message) && p.key in italian.patterns);

const issuesOf = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.message);

describe("the governance pages' strings", () => {
  it("has the same keys in Italian and English (English keeps the API's own messages)", () => {
    const english = keysOf(en).filter((k) => !k.startsWith("messages."));
    const italianKeys = keysOf(italian).filter((k) => !k.startsWith("messages."));
    expect(english).toEqual(italianKeys);
  });

  it("says in Italian every rule the schemas can break", () => {
    const messages = [
      ...issuesOf(
        BodyInput.safeParse({ name: "x", level: "z", area: "C", municipio: 12, establishedOn: "x" }),
      ),
      ...issuesOf(BodyInput.safeParse({ name: "x".repeat(201), level: "directive", reportsToId: "x" })),
      ...issuesOf(MemberInput.safeParse({ personName: "", organisationCode: "", role: "boss", from: "" })),
      ...issuesOf(MeetingInput.safeParse({ date: "x", startsAt: "25:00", agenda: [] })),
      ...issuesOf(MeetingInput.safeParse({ date: "2026-01-01", agenda: ["x"], annualReview: "yes" })),
      ...issuesOf(MeetingInput.safeParse({ date: "2026-01-01", agenda: "x" })),
      ...issuesOf(MinutesInput.safeParse({ attendeeIds: ["x"], minutes: "short", version: 0 })),
      ...issuesOf(MinutesInput.safeParse({ attendeeIds: "x", minutes: "long enough", version: 1 })),
      ...issuesOf(
        DecisionInput.safeParse({ meetingId: "x", text: "", mode: "vote", votesFor: -1, votesAgainst: 1.5 }),
      ),
      ...issuesOf(
        DecisionInput.safeParse({
          meetingId: "00000000-0000-4000-8000-000000000000",
          text: "Approvato",
          mode: "consensus",
          votesFor: 3,
          votesAgainst: 0,
          abstentions: 300,
        }),
      ),
      ...issuesOf(
        ActionInput.safeParse({ title: "", ownerName: "x", ownerOrganisationCode: "", dueOn: "x" }),
      ),
      ...issuesOf(ActionUpdate.safeParse({ status: "late", dueOn: "x", version: "1" })),
    ];
    expect(messages.length).toBeGreaterThan(30);
    for (const message of messages) expect(translated(message), message).toBe(true);
  });

  it("says in Italian what the API refuses", () => {
    const vote = voteProblem({ votesFor: 5, votesAgainst: 1, abstentions: 1 }, 6);
    for (const message of [
      vote ?? "",
      "On 2026-11-23 Cabina di Regia Integrata would have 7 members: at most 6 (referents do not count)",
      "The body was set up on 2026-01-15: a membership starts then or later",
      "The body was set up on 2026-01-15: it meets then or later",
      "The meeting is on 2026-12-01: its minutes come after it",
      "2 attendee(s) were not members or referents of the body on 2026-11-23",
      "A management body reports to a body of the level above",
      "A project body reports to a directive or management body, not to a project one",
      "The meeting is not one of Cabina di Regia Integrata's",
      'A body named "Tavolo casa" already exists',
      "No organisation with code ETS-Z",
      'No decision "x" of Cabina di Regia Integrata',
      'No governance body "x"',
      "The action was changed meanwhile: reload it and try again",
      "The directive body (Cabina di Regia) reports to no body",
      "The programme already has its directive body (Cabina di Regia)",
      "Record the meeting's attendance and minutes first",
      "Only the programme's governance roles or the owner organisation change this action",
    ])
      expect(translated(message), message).toBe(true);
  });
});
