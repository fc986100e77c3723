// SPDX-License-Identifier: EUPL-1.2
import type { AreaPattern } from "../i18n/translate-message.ts";

/**
 * How a value matched in a message is shown: as it is, as a date or an amount (from cents) of the
 * interface, or as the label of an offer's status.
 */
export type OwnersValue = "text" | "date" | "cents" | "status";

/**
 * The owners' schemas' and API's messages that carry a value, matched by pattern. The schemas name
 * the field first (`name is required`): the field is shown beside its message, so the Italian leaves
 * it out. The exact messages are translated under `messages` instead; the unit's fields of an offer
 * and of an acceptance speak the shared messages of the units.
 */
export const OWNERS_PATTERNS: readonly AreaPattern<OwnersValue>[] = [
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate", names: [] },
  { re: /^\S+ is required$/, key: "required", names: [] },
  { re: /^\S+ needs at least (\d+) characters$/, key: "atLeast", names: [["min", "text"]] },
  { re: /^\S+: at most (\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  { re: /^\S+ must be (?:one of |an id$)/, key: "chooseOne", names: [] },
  { re: /^\S+ must be text$/, key: "mustBeText", names: [] },
  { re: /^\S+ must be a whole number of cents$/, key: "amount", names: [] },
  { re: /^\S+: at most 1,000,000,000 cents$/, key: "amountTooLarge", names: [] },
  { re: /^\S+ cannot be negative$/, key: "notNegative", names: [] },
  { re: /^\S+ must be more than 0$/, key: "moreThanZero", names: [] },
  { re: /^\S+ must be a whole number of months$/, key: "wholeMonths", names: [] },
  { re: /^\S+: at most (\d+)$/, key: "atMostNumber", names: [["max", "text"]] },
  { re: /^reason is required when (\S+)$/, key: "reasonRequired", names: [["status", "status"]] },
  { re: /^\S+ cannot be after today \((\S+)\)$/, key: "afterToday", names: [["date", "date"]] },
  {
    re: /^decidedOn cannot be before the home was offered \((\S+)\)$/,
    key: "beforeOffered",
    names: [["date", "date"]],
  },
  { re: /^The offer is (\S+): that is final$/, key: "final", names: [["status", "status"]] },
  {
    re: /^An offer (\S+) cannot become (\S+)$/,
    key: "cannotBecome",
    names: [
      ["from", "status"],
      ["to", "status"],
    ],
  },
  { re: /^The (?:offer|owner) was changed meanwhile: reload it and try again$/, key: "stale", names: [] },
  {
    re: /^The offer is (\S+): a guarantee is granted only on an accepted home$/,
    key: "onlyAccepted",
    names: [["status", "status"]],
  },
  {
    re: /^coverCents (\d+) is more than the scheme's most, (\d+)$/,
    key: "coverTooHigh",
    names: [
      ["cover", "cents"],
      ["most", "cents"],
    ],
  },
  {
    re: /^The guarantee runs (\d+) months: the scheme covers at most (\d+)$/,
    key: "tooManyMonths",
    names: [
      ["months", "text"],
      ["most", "text"],
    ],
  },
  { re: /^A scheme named "(.+)" already exists$/, key: "duplicateScheme", names: [["name", "text"]] },
  { re: /^The home already has a guarantee of (.+)$/, key: "duplicateUptake", names: [["name", "text"]] },
  { re: /^No guarantee scheme "(.+)"$/, key: "noScheme", names: [] },
  { re: /^No (?:owner|owner offer) "(.+)"$/, key: "notFound", names: [] },
];
