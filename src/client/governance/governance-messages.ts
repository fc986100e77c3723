// SPDX-License-Identifier: EUPL-1.2
import type { AreaPattern } from "../i18n/translate-message.ts";

/** How a value matched in a message is shown: as it is, as a date of the interface, or left out. */
export type GovernanceValue = "text" | "date" | "skip";

/**
 * The governance schemas' and API's messages that carry a value, matched by pattern. The schemas name
 * the field first (`dueOn must be a date`): the field is shown beside its message, so the Italian
 * leaves it out. The exact messages are translated under `messages` instead.
 */
export const GOVERNANCE_PATTERNS: readonly AreaPattern<GovernanceValue>[] = [
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate", names: [] },
  { re: /^\S+ must be a time \(HH:MM\)$/, key: "mustBeTime", names: [] },
  { re: /^\S+(?: item)? is required$/, key: "required", names: [] },
  { re: /^\S+(?: item)? needs at least (\d+) characters$/, key: "atLeast", names: [["min", "text"]] },
  { re: /^\S+(?: item)?: at most (\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  { re: /^\S+: at most (\d+)(?: items)?$/, key: "atMostCount", names: [["max", "text"]] },
  { re: /^\S+ must be (?:one of |vote or consensus|"A" or "B"|an id$)/, key: "chooseOne", names: [] },
  { re: /^\S+ must be a whole number$/, key: "wholeNumber", names: [] },
  { re: /^\S+ cannot be negative$/, key: "notNegative", names: [] },
  { re: /^\S+ is required with a vote$/, key: "votesRequired", names: [] },
  { re: /^\S+ is only for a vote$/, key: "votesOnlyForVote", names: [] },
  {
    re: /^(\d+) votes counted, but (\d+) member\(s\) who may vote attended the meeting$/,
    key: "tooManyVotes",
    names: [
      ["cast", "text"],
      ["present", "text"],
    ],
  },
  { re: /^The \S+ was changed (?:meanwhile|by someone else).*reload/, key: "stale", names: [] },
  {
    re: /^On (\S+) (.+) would have (\d+) members: at most (\d+) \(referents do not count\)$/,
    key: "memberLimit",
    names: [
      ["date", "date"],
      ["body", "text"],
      ["members", "text"],
      ["limit", "text"],
    ],
  },
  {
    re: /^The body was set up on (\S+): a membership starts then or later$/,
    key: "memberBeforeBody",
    names: [["date", "date"]],
  },
  {
    re: /^The body was set up on (\S+): it meets then or later$/,
    key: "meetingBeforeBody",
    names: [["date", "date"]],
  },
  {
    re: /^The meeting is on (\S+): its minutes come after it$/,
    key: "minutesTooSoon",
    names: [["date", "date"]],
  },
  {
    re: /^(\d+) attendee\(s\) were not members or referents of the body on (\S+)$/,
    key: "notMembersThatDay",
    names: [
      ["count", "text"],
      ["date", "date"],
    ],
  },
  { re: /^A \S+ body reports to a body of the level above$/, key: "reportsAbove", names: [] },
  { re: /^A \S+ body reports to a .+ body, not to a \S+ one$/, key: "reportsWrongLevel", names: [] },
  { re: /^The meeting is not one of .+'s$/, key: "otherBodysMeeting", names: [] },
  { re: /^A body named "(.+)" already exists$/, key: "duplicateName", names: [["name", "text"]] },
  { re: /^No organisation with code (\S+)$/, key: "noOrganisation", names: [["code", "text"]] },
  { re: /^No decision "(.+)" of .+$/, key: "noDecision", names: [] },
  { re: /^No [a-z ]+ "(.+)"$/, key: "notFound", names: [] },
];
