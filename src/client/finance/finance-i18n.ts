// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CheckId } from "../../domain/finance/checks.ts";
import type { VariantId } from "../../domain/finance/scenarios.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useMessage } from "../i18n/translate-message.ts";
import en from "./finance.en.json";
import it from "./finance.it.json";

/**
 * The financial plan's strings are their own i18n namespace, `finance`, kept in this folder: the menu
 * entry, the pages, and under `messages` the Italian of the engine's and the API's English messages.
 */
export const NS = "finance";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useFinanceT() {
  return useTranslation(NS);
}

type Value = "text" | "cents" | "month" | "share";
/**
 * The engine's messages that carry values, matched by pattern; the values are put back, money in euro
 * and shares as percentages.
 */
const PATTERNS: readonly { re: RegExp; key: string; names: readonly [string, Value][] }[] = [
  {
    re: /^A loan of (\d+) years is longer than the convention \((\d+)\)$/,
    key: "loanLonger",
    names: [
      ["years", "text"],
      ["conventionYears", "text"],
    ],
  },
  {
    re: /^The last instalment falls in (\S+), after the convention ends \((\S+)\)$/,
    key: "lastInstalment",
    names: [
      ["month", "month"],
      ["end", "month"],
    ],
  },
  {
    re: /^The grant adds up to (\d+) cents, above the cap of (\d+)$/,
    key: "grantAbove",
    names: [
      ["grant", "cents"],
      ["cap", "cents"],
    ],
  },
  {
    re: /^Debt of (\d+) cents is above 40 % of total financing \((\d+) cents; at most (\d+)\)$/,
    key: "debtAbove",
    names: [
      ["debt", "cents"],
      ["total", "cents"],
      ["max", "cents"],
    ],
  },
  {
    re: /^(\S+) is before the start \((\S+)\)$/,
    key: "beforeStart",
    names: [
      ["month", "month"],
      ["start", "month"],
    ],
  },
  {
    re: /^(\S+) is after the convention ends \((\S+)\)$/,
    key: "afterEnd",
    names: [
      ["month", "month"],
      ["end", "month"],
    ],
  },
  { re: /^The shares add up to (\S+), not 1$/, key: "mixTotal", names: [["total", "share"]] },
  { re: /^No scenario "(.+)"$/, key: "noScenario", names: [["name", "text"]] },
];

/**
 * A message of the engine's schema or of the plan's API in the interface language: the area's own
 * translations first (`finance:messages`, `finance:patterns`), then the shared ones; in English the
 * message as it is, but for the few the English bundle words for a form (amounts in euro, rates in %).
 */
export function useFinanceMessage() {
  const { t, i18n } = useFinanceT();
  const shared = useMessage();
  const format = useFormat();
  const language = i18n.language;
  return useCallback(
    (text: string) => {
      for (const { re, key, names } of PATTERNS) {
        const match = re.exec(text);
        if (match === null) continue;
        const values: Record<string, string> = {};
        for (const [i, [name, kind]] of names.entries()) {
          const raw = match[i + 1] ?? "";
          values[name] =
            kind === "cents"
              ? format.euro(Number(raw), { cents: true })
              : kind === "share"
                ? format.percent(Number(raw), 2)
                : raw;
        }
        return t(`patterns.${key}`, values);
      }
      const own = i18n.getResource(language, NS, "messages") as Record<string, string> | undefined;
      const translated = own?.[text];
      if (translated) return translated;
      return shared(text);
    },
    [t, i18n, language, shared, format],
  );
}

/** Names of the checks and variants, and the figures behind the checks, in the interface language. */
export function useFinanceLabels() {
  const { t } = useFinanceT();
  return useMemo(
    () => ({
      check: (id: CheckId) => t(`checks.names.${id}`),
      variant: (id: VariantId) => t(`comparison.variants.${id}`),
      figure: (key: string) => t(`checks.figures.${key}`, { defaultValue: key }),
      sensitivityInput: (id: string, fallback: string) =>
        t(`sensitivity.inputs.${id.replaceAll(".", "_")}`, { defaultValue: fallback }),
    }),
    [t],
  );
}
