// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { BilingualText } from "../../domain/open-data/open-data-api.schema.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import en from "./open-data.en.json";
import it from "./open-data.it.json";

/**
 * The open-data page's strings are their own i18n namespace, `openData`, kept in this folder. The
 * tables' titles and labels come from the API in both languages (`BilingualText`).
 */
export const NS = "openData";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useOpenDataT() {
  return useTranslation(NS);
}

/** A text of the API in the interface language. */
export function useBilingual() {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return useCallback((text: BilingualText) => (english ? text.en : text.it), [english]);
}
