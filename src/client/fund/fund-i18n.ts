// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { FundEntryKind, FundEntryStatus } from "../../domain/fund/fund.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useAreaMessage } from "../i18n/translate-message.ts";
import en from "./fund.en.json";
import it from "./fund.it.json";
import { centsOfMessage, FUND_PATTERNS, type FundValue } from "./fund-messages.ts";

/**
 * The Municipio networks' pages have their own i18n namespace, `fund`, kept in this folder: the menu
 * entry, the pages, and under `messages` and `patterns` the Italian of the fund API's and schemas'
 * English messages.
 */
export const NS = "fund";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useFundT() {
  return useTranslation(NS);
}

/** A message of the fund schemas or API in the interface language; others go to the shared ones. */
export function useFundMessage() {
  const { t } = useFundT();
  const format = useFormat();
  const show = useCallback(
    (kind: FundValue, raw: string) =>
      kind === "euros"
        ? format.euro(centsOfMessage(raw), { cents: true })
        : kind === "status"
          ? t(`statusWords.${raw}`, { defaultValue: raw })
          : raw,
    [format, t],
  );
  return useAreaMessage(NS, FUND_PATTERNS, show);
}

/** Labels of the fund's enums in the interface language. */
export function useFundLabels() {
  const { t } = useFundT();
  return useMemo(
    () => ({
      kind: (k: FundEntryKind) => t(`kinds.${k}`),
      status: (s: FundEntryStatus) => t(`statuses.${s}`),
      outcomeOptions: (["approved", "rejected"] as const).map((value) => ({
        value,
        label: t(`outcomes.${value}`),
      })),
    }),
    [t],
  );
}
