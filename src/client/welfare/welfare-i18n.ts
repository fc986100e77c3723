// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  SPACE_KINDS,
  type SpaceKind,
  WELFARE_SERVICE_KINDS,
  type WelfareServiceKind,
} from "../../domain/welfare/welfare.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useAreaMessage } from "../i18n/translate-message.ts";
import en from "./welfare.en.json";
import it from "./welfare.it.json";
import { WELFARE_PATTERNS, type WelfareValue } from "./welfare-messages.ts";
import type { Place } from "./welfare-paths.ts";

/**
 * The community welfare pages' strings are their own i18n namespace, `welfare`, kept in this folder:
 * the menu entry, the page, and under `messages` and `patterns` the Italian of the welfare API's and
 * schemas' English messages.
 */
export const NS = "welfare";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useWelfareT() {
  return useTranslation(NS);
}

/** A message of the welfare schemas or API in the interface language; others go to the shared ones. */
export function useWelfareMessage() {
  const show = useCallback((_kind: WelfareValue, raw: string) => raw, []);
  return useAreaMessage(NS, WELFARE_PATTERNS, show);
}

/** Labels of the welfare enums and places in the interface language, and the kinds as choices. */
export function useWelfareLabels() {
  const { t } = useWelfareT();
  return useMemo(() => {
    const kind = (k: WelfareServiceKind) => t(`kinds.${k}`);
    const spaceKind = (k: SpaceKind) => t(`spaceKinds.${k}`);
    /** "Milano · Municipio 3", "Milano", "Rho". */
    const place = (p: Place) => (p.municipio !== null ? t("place.municipio", { n: p.municipio }) : p.town);
    return {
      kind,
      spaceKind,
      place,
      kindOptions: WELFARE_SERVICE_KINDS.map((value) => ({ value, label: kind(value) })),
      spaceKindOptions: SPACE_KINDS.map((value) => ({ value, label: spaceKind(value) })),
    };
  }, [t]);
}
