// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  ACTION_STATUSES,
  type ActionStatus,
  DECISION_MODES,
  type DecisionMode,
  GOVERNANCE_LEVELS,
  type GovernanceLevel,
  MEMBER_ROLES,
  type MemberRole,
} from "../../domain/governance/governance.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useAreaMessage } from "../i18n/translate-message.ts";
import en from "./governance.en.json";
import it from "./governance.it.json";
import { GOVERNANCE_PATTERNS, type GovernanceValue } from "./governance-messages.ts";

/**
 * The governance pages' strings are their own i18n namespace, `governance`, kept in this folder: the
 * menu entry, the pages, and under `messages` and `patterns` the Italian of the governance API's and
 * schemas' English messages.
 */
export const NS = "governance";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useGovernanceT() {
  return useTranslation(NS);
}

/** A message of the governance schemas or API in the interface language; others go to the shared ones. */
export function useGovernanceMessage() {
  const format = useFormat();
  const show = useCallback(
    (kind: GovernanceValue, raw: string) => (kind === "date" ? format.date(raw) : kind === "skip" ? "" : raw),
    [format],
  );
  return useAreaMessage(NS, GOVERNANCE_PATTERNS, show);
}

/** Labels of the governance enums in the interface language, and their options for selects. */
export function useGovernanceLabels() {
  const { t } = useGovernanceT();
  return useMemo(() => {
    /** A level within a sentence: "livello direttivo". */
    const level = (l: GovernanceLevel) => t(`levels.${l}`);
    const role = (r: MemberRole) => t(`roles.${r}`);
    const mode = (m: DecisionMode) => t(`modes.${m}`);
    const status = (s: ActionStatus) => t(`statuses.${s}`);
    return {
      level,
      role,
      mode,
      status,
      /** A level as a title or a choice: "Livello direttivo". */
      levelTitle: (l: GovernanceLevel) => t(`levelTitles.${l}`),
      levelOptions: GOVERNANCE_LEVELS.map((value) => ({ value, label: t(`levelTitles.${value}`) })),
      roleOptions: MEMBER_ROLES.map((value) => ({ value, label: role(value) })),
      modeOptions: DECISION_MODES.map((value) => ({ value, label: mode(value) })),
      statusOptions: ACTION_STATUSES.map((value) => ({ value, label: status(value) })),
    };
  }, [t]);
}
