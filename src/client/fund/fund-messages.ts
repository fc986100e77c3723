// SPDX-License-Identifier: EUPL-1.2
import type { AreaPattern } from "../i18n/translate-message.ts";

/** How a value matched in a message is shown: as it is, as euros (`800.00`), or as an entry's status. */
export type FundValue = "text" | "euros" | "status";

/**
 * The fund schemas' and API's messages that carry a value, matched by pattern. The schemas name the
 * field first (`amountCents must be more than 0`): the field is shown beside its message, so the
 * Italian leaves it out. The exact messages are translated under `messages` instead.
 */
export const FUND_PATTERNS: readonly AreaPattern<FundValue>[] = [
  { re: /^\S+ must be a whole number of cents$/, key: "amount", names: [] },
  { re: /^\S+ must be more than 0$/, key: "aboveZero", names: [] },
  { re: /^\S+: at most ([\d,]+\.\d{2}) EUR$/, key: "atMostEuros", names: [["max", "euros"]] },
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate", names: [] },
  { re: /^\S+ is required$/, key: "required", names: [] },
  { re: /^\S+ needs at least (\d+) characters$/, key: "atLeast", names: [["min", "text"]] },
  { re: /^\S+: at most (\d+) characters$/, key: "atMost", names: [["max", "text"]] },
  { re: /^\S+ must be (?:approved or rejected|an id)$/, key: "chooseOne", names: [] },
  {
    re: /^The fund holds (-?[\d.]+) EUR: not enough for ([\d.]+) EUR$/,
    key: "notEnough",
    names: [
      ["balance", "euros"],
      ["amount", "euros"],
    ],
  },
  { re: /^This entry is already (\S+)$/, key: "alreadyDecided", names: [["status", "status"]] },
  { re: /^No decision "(.+)" of .+$/, key: "noDecision", names: [] },
  { re: /^.+ is not a Municipio network: it has no community fund$/, key: "notNetwork", names: [] },
  { re: /^No (?:governance body|fund entry) "(.+)"$/, key: "notFound", names: [] },
];

/** Euros as the API writes them in a message (`1,000,000.00`, `800.00`) as integer cents. */
export function centsOfMessage(text: string): number {
  return Math.round(Number(text.replaceAll(",", "")) * 100);
}
