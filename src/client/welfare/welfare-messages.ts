// SPDX-License-Identifier: EUPL-1.2
import type { AreaPattern } from "../i18n/translate-message.ts";

/** How a value matched in a message is shown: as it is. */
export type WelfareValue = "text";

/**
 * The welfare schemas' and API's messages that carry a value, matched by pattern. The schemas name
 * the field first (`fromTime must be a time (HH:MM)`): the field is shown beside its message, so the
 * Italian leaves it out. The exact messages are translated under `messages` instead.
 */
export const WELFARE_PATTERNS: readonly AreaPattern<WelfareValue>[] = [
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate", names: [] },
  { re: /^\S+ must be a time \(HH:MM\)$/, key: "mustBeTime", names: [] },
  { re: /^\S+ is required$/, key: "required", names: [] },
  { re: /^\S+ needs at least (\d+) characters$/, key: "atLeast", names: [["min", "text"]] },
  { re: /^\S+: at most (\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  // zod's own words for the codes' length, which the schemas leave as they are.
  { re: /^Too big: expected string to have <=(\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  { re: /^\S+: at most (\d+)$/, key: "atMostCount", names: [["max", "text"]] },
  { re: /^\S+ must be (?:one of |common or non_residential$)/, key: "chooseOne", names: [] },
  { re: /^\S+ must be a whole number$/, key: "wholeNumber", names: [] },
  { re: /^\S+ cannot be negative$/, key: "notNegative", names: [] },
  { re: /^\S+ must be a number$/, key: "number", names: [] },
  { re: /^\S+ must be more than 0$/, key: "positive", names: [] },
  {
    re: /^(.+) is booked from (\d{2}:\d{2}) to (\d{2}:\d{2}) that day$/,
    key: "bookedThatDay",
    names: [
      ["space", "text"],
      ["from", "text"],
      ["to", "text"],
    ],
  },
  { re: /^(.+) is not booked by the residents$/, key: "notBookable", names: [["space", "text"]] },
  {
    re: /^Building (\S+) already has a space "(.+)"$/,
    key: "duplicateSpace",
    names: [
      ["building", "text"],
      ["name", "text"],
    ],
  },
  {
    re: /^Building (\S+) is in (.+), Municipio (\d)$/,
    key: "buildingInMunicipio",
    names: [
      ["building", "text"],
      ["town", "text"],
      ["municipio", "text"],
    ],
  },
  {
    re: /^Building (\S+) is in (.+)$/,
    key: "buildingInTown",
    names: [
      ["building", "text"],
      ["town", "text"],
    ],
  },
  { re: /^No building with code (\S+)$/, key: "noBuilding", names: [["code", "text"]] },
  { re: /^No organisation with code (\S+)$/, key: "noOrganisation", names: [["code", "text"]] },
  { re: /^No (?:shared service|space|booking) "(.+)"$/, key: "notFound", names: [] },
];
