// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { DecisionInput, MemberInput } from "./governance.ts";
import {
  actionStanding,
  activeOn,
  addMonths,
  annualReviewOf,
  type Membership,
  memberLimitBreach,
  reportsToLevels,
  voteProblem,
} from "./governance-rules.ts";

const member = (from: string, to: string | null = null, role: Membership["role"] = "member"): Membership => ({
  role,
  from,
  to,
});
const six = (from = "2026-01-15"): Membership[] => [
  { ...member(from, null, "chair"), id: "m1" },
  ...[2, 3, 4, 5, 6].map((i) => ({ ...member(from), id: `m${i}` })),
];

describe("the Cabina di Regia's limit of six members", () => {
  it.each([
    ["a seventh member while six are active", six(), member("2026-03-01"), { day: "2026-03-01", members: 7 }],
    [
      "a seventh member starting before the others",
      six("2026-03-01"),
      member("2026-02-01"),
      { day: "2026-03-01", members: 7 },
    ],
    ["a seventh chair", six(), member("2026-03-01", null, "chair"), { day: "2026-03-01", members: 7 }],
    ["a referent beside six members", six(), member("2026-03-01", null, "administrative_referent"), null],
    [
      "a technical referent beside six members",
      six(),
      member("2026-03-01", null, "technical_referent"),
      null,
    ],
    ["a sixth member", six().slice(0, 5), member("2026-03-01"), null],
    [
      "a member after one of the six left",
      [...six().slice(0, 5), { ...member("2026-01-15", "2026-06-30"), id: "m6" }],
      member("2026-07-01"),
      null,
    ],
    [
      "a member the day the leaver still sits",
      [...six().slice(0, 5), { ...member("2026-01-15", "2026-06-30"), id: "m6" }],
      member("2026-06-30"),
      { day: "2026-06-30", members: 7 },
    ],
    [
      "a member who ends before a sixth starts",
      [...six().slice(0, 5), { ...member("2026-09-01"), id: "m6" }],
      member("2026-02-01", "2026-08-31"),
      null,
    ],
    [
      "a member whose term runs into a sixth's start",
      [...six().slice(0, 5), { ...member("2026-09-01"), id: "m6" }],
      member("2026-02-01", "2026-09-01"),
      { day: "2026-09-01", members: 7 },
    ],
  ])("%s", (_case, stored, candidate, expected) => {
    const breach = memberLimitBreach("directive", stored, candidate);
    expect(breach).toEqual(expected === null ? null : { ...expected, limit: 6 });
  });

  it("counts a membership changed in place once, not twice", () => {
    const stored = six();
    expect(memberLimitBreach("directive", stored, { ...member("2026-02-01"), id: "m6" })).toBeNull();
  });

  it.each(["management", "project"] as const)("sets no limit on a %s body", (level) => {
    expect(memberLimitBreach(level, [...six(), ...six()], member("2026-03-01"))).toBeNull();
  });
});

describe("memberships", () => {
  it.each([
    ["2026-01-15", null, "2026-01-15", true],
    ["2026-01-15", null, "2026-01-14", false],
    ["2026-01-15", "2026-06-30", "2026-06-30", true],
    ["2026-01-15", "2026-06-30", "2026-07-01", false],
  ])("from %s to %s covers %s: %s", (from, to, day, expected) => {
    expect(activeOn({ from, to }, day)).toBe(expected);
  });

  it("names the field of a bad membership", () => {
    const result = MemberInput.safeParse({
      personName: "X",
      organisationCode: "",
      role: "boss",
      from: "2026-13-01",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual([
      "from",
      "organisationCode",
      "personName",
      "role",
    ]);
  });
});

describe("which body reports to which", () => {
  it.each([
    ["directive", []],
    ["management", ["directive"]],
    ["project", ["directive", "management"]],
  ] as const)("a %s body reports to %j", (level, expected) => {
    expect(reportsToLevels(level)).toEqual(expected);
  });
});

describe("due dates", () => {
  it.each([
    ["2026-01-15", 12, "2027-01-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2027-02-28", 12, "2028-02-28"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-11-30", -12, "2025-11-30"],
  ])("%s plus %i months is %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    [
      "never reviewed, a year after set-up",
      null,
      "2026-11-22",
      { dueOn: "2027-01-15", overdue: false, daysToDue: 54 },
    ],
    [
      "never reviewed, on the due day",
      null,
      "2027-01-15",
      { dueOn: "2027-01-15", overdue: false, daysToDue: 0 },
    ],
    [
      "never reviewed, the day after",
      null,
      "2027-01-16",
      { dueOn: "2027-01-15", overdue: true, daysToDue: -1 },
    ],
    [
      "reviewed, a year after the review",
      "2026-12-15",
      "2027-06-01",
      { dueOn: "2027-12-15", overdue: false, daysToDue: 197 },
    ],
    ["reviewed long ago", "2026-12-15", "2028-01-01", { dueOn: "2027-12-15", overdue: true, daysToDue: -17 }],
  ])("the annual review: %s", (_case, last, today, expected) => {
    expect(annualReviewOf({ establishedOn: "2026-01-15" }, last, today)).toEqual({
      lastOn: last,
      ...expected,
    });
  });

  it.each([
    ["open, due yesterday", "open", "2026-11-21", { overdue: true, daysOverdue: 1 }],
    ["open, due today", "open", "2026-11-22", { overdue: false, daysOverdue: 0 }],
    ["open, due three weeks ago", "open", "2026-11-01", { overdue: true, daysOverdue: 21 }],
    ["done late", "done", "2026-11-01", { overdue: false, daysOverdue: 0 }],
    ["cancelled", "cancelled", "2026-01-01", { overdue: false, daysOverdue: 0 }],
  ] as const)("an action %s", (_case, status, dueOn, expected) => {
    expect(actionStanding({ status, dueOn }, "2026-11-22")).toEqual(expected);
  });
});

describe("decisions", () => {
  it.each([
    [{ votesFor: 4, votesAgainst: 1, abstentions: 1 }, 6, null],
    [
      { votesFor: 4, votesAgainst: 1, abstentions: 1 },
      5,
      "6 votes counted, but 5 member(s) who may vote attended the meeting",
    ],
    [{ votesFor: 0, votesAgainst: 0, abstentions: 0 }, 0, null],
  ])("%j with %i voting members present: %s", (votes, present, expected) => {
    expect(voteProblem(votes, present)).toBe(expected);
  });

  it.each([
    [{ mode: "vote", votesFor: 3 }, ["abstentions", "votesAgainst"]],
    [{ mode: "consensus", votesFor: 3 }, ["votesFor"]],
    [{ mode: "vote", votesFor: 3, votesAgainst: 0, abstentions: -1 }, ["abstentions"]],
    [{ mode: "acclamation" }, ["mode"]],
  ])("names the fields of %j", (fields, paths) => {
    const result = DecisionInput.safeParse({
      meetingId: "0190b3c5-0000-7000-8000-000000000001",
      text: "Una decisione",
      ...fields,
    });
    expect(result.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(paths);
  });
});
