// SPDX-License-Identifier: EUPL-1.2

/**
 * The schemas' and API's messages that carry a value, matched by pattern. The schemas name the field
 * first (`plannedStart must be a date`): the field is shown beside its message, so the Italian leaves
 * it out. `date` values are written as the interface writes dates.
 */
export const TIMELINE_PATTERNS: readonly {
  re: RegExp;
  key: string;
  name?: "date" | "min" | "max" | "code";
}[] = [
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate" },
  { re: /^\S+ is required$/, key: "required" },
  { re: /^\S+ needs at least (\d+) characters$/, key: "atLeast", name: "min" },
  { re: /^\S+: at most (\d+) characters$/, key: "atMost", name: "max" },
  { re: /^\S+ must be (one of |phase or milestone|"A" or "B")/, key: "chooseOne" },
  { re: /^The item was changed by someone else .*reload it and retry$/, key: "stale" },
  { re: /^No timeline item "(.+)"$/, key: "notFound" },
  { re: /^\S+ is before the convention starts \((\S+)\)$/, key: "beforeConvention", name: "date" },
  { re: /^\S+ is after the convention ends \((\S+)\)$/, key: "afterConvention", name: "date" },
  { re: /^\S+ cannot be in the future \(today is (\S+)\)$/, key: "future", name: "date" },
  { re: /^No organisation "(.+)"$/, key: "noOrganisation", name: "code" },
  { re: /^A partner records only its own items: ownerCode must be (\S+)$/, key: "ownOnly", name: "code" },
];
