// SPDX-License-Identifier: EUPL-1.2
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../i18n/translate-message.ts";

// The household API's messages that carry a value; the rest go through the shared translation of
// schema messages (the `messages` namespace, keyed by the English text).
type Pattern = { re: RegExp; key: string; names: readonly string[]; statuses?: readonly string[] };

const PATTERNS: readonly Pattern[] = [
  { re: /^The same fiscal code as member (\d+)$/, key: "The same fiscal code as member {{n}}", names: ["n"] },
  {
    re: /^A household cannot go from (\S+) to (\S+?)(?:;.*)?$/,
    key: "A household cannot go from {{from}} to {{to}}",
    names: ["from", "to"],
    statuses: ["from", "to"],
  },
  {
    re: /^(\S+) is not an Area B partner: households are referred to Area B partners$/,
    key: "{{partner}} is not an Area B partner: households are referred to Area B partners",
    names: ["partner"],
  },
];

/** Like `useMessage`, knowing also the household messages that carry a value. */
export function useHouseholdMessage() {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const language = i18n.language;
  return useCallback(
    (text: string) => {
      for (const { re, key, names, statuses = [] } of PATTERNS) {
        const match = re.exec(text);
        if (match === null) continue;
        const values: Record<string, string> = {};
        for (const [i, name] of names.entries()) {
          const raw = match[i + 1] ?? "";
          values[name] = statuses.includes(name)
            ? t(`households.enums.status.${raw}`, { defaultValue: raw })
            : raw;
        }
        return t(key, {
          ns: "messages",
          keySeparator: false,
          nsSeparator: false,
          lngs: [language],
          ...values,
          defaultValue: key,
        });
      }
      return message(text);
    },
    [t, language, message],
  );
}

/** The partner named by the note of a referral sent (`Referred to <name>`), or null. */
export const referredPartnerOf = (note: string): string | null =>
  /^Referred to (.+)$/.exec(note)?.[1] ?? null;
