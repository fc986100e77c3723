// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { TARGET_GROUPS, type TargetGroup } from "../../domain/households/household.schema.ts";
import type { UnitStatus } from "../../domain/units/unit.schema.ts";
import { FUNDING_SOURCES, type FundingSource } from "../../domain/works/works.ts";
import {
  type RegistrationStanding,
  WORKS_STATUSES,
  type WorksStatus,
} from "../../domain/works/works-api.schema.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useMessage } from "../i18n/translate-message.ts";
import en from "./works.en.json";
import it from "./works.it.json";

/**
 * The renovation works' strings are their own i18n namespace, `works`, kept in this folder: the menu
 * entry, the pages, and under `messages` and `patterns` the Italian of the works API's and schemas'
 * English messages.
 */
export const NS = "works";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useWorksT() {
  return useTranslation(NS);
}

type Standing = (typeof RegistrationStanding.options)[number];
type Value = "text" | "date" | "status" | "what" | "standards" | "standard";

/** The works API's messages that carry values, matched by pattern; the values are put back translated. */
const PATTERNS: readonly { re: RegExp; key: string; names: readonly [string, Value][] }[] = [
  { re: /^\S+ must be a date \(YYYY-MM-DD\)$/, key: "mustBeDate", names: [] },
  { re: /^\S+ must be an amount in cents$/, key: "amountCents", names: [] },
  { re: /^\S+ must be a whole number of cents$/, key: "wholeCents", names: [] },
  {
    re: /^(?:estimateExVatCents|amountExVatCents|vatCents) cannot be negative$/,
    key: "notNegative",
    names: [],
  },
  { re: /^\S+ is too large$/, key: "tooLarge", names: [] },
  { re: /^Too big: expected string to have <=(\d+) characters$/, key: "tooLong", names: [["max", "text"]] },
  { re: /^No unit "(.+)"$/, key: "noUnit", names: [["code", "text"]] },
  { re: /^Unit (\S+) is listed twice$/, key: "unitTwice", names: [["code", "text"]] },
  { re: /^No contractor "(.+)"$/, key: "noContractor", names: [["id", "text"]] },
  {
    re: /^(.+) is registered on the white list only from (\d{4}-\d{2}-\d{2})$/,
    key: "notYetRegistered",
    names: [
      ["name", "text"],
      ["date", "date"],
    ],
  },
  {
    re: /^(.+)'s white-list registration expired on (\d{4}-\d{2}-\d{2})$/,
    key: "expired",
    names: [
      ["name", "text"],
      ["date", "date"],
    ],
  },
  {
    re: /^The works is (\S+): (.+)$/,
    key: "worksStatus",
    names: [
      ["status", "status"],
      ["what", "what"],
    ],
  },
  { re: /^The works was changed by someone else .*reload it and retry$/, key: "stale", names: [] },
  {
    re: /^The contractor was changed by someone else .*reload it and retry$/,
    key: "contractorStale",
    names: [],
  },
  {
    re: /^No phase (\d+): the next new phase is (\d+)$/,
    key: "noPhase",
    names: [
      ["position", "text"],
      ["next", "text"],
    ],
  },
  { re: /^(?:actualStart|actualEnd) cannot be in the future$/, key: "inFuture", names: [] },
  {
    re: /^A phase cannot start before the award \((\d{4}-\d{2}-\d{2})\)$/,
    key: "beforeAward",
    names: [["date", "date"]],
  },
  { re: /^"(.+)" is not on this works' checklist$/, key: "notOnChecklist", names: [["item", "standard"]] },
  {
    re: /^Phase (\d+) \((.+)\) has not ended$/,
    key: "phaseOpen",
    names: [
      ["position", "text"],
      ["name", "text"],
    ],
  },
  {
    re: /^completedOn cannot come before the last phase ended \((\d{4}-\d{2}-\d{2})\)$/,
    key: "beforeLastPhase",
    names: [["date", "date"]],
  },
  { re: /^Standards not met yet: (.+)$/, key: "standardsMissing", names: [["items", "standards"]] },
  {
    re: /^A contractor with partita IVA (\S+) is already registered$/,
    key: "vatTaken",
    names: [["vat", "text"]],
  },
  { re: /^No works "(.+)"$/, key: "noWorks", names: [["id", "text"]] },
];

/** The codes of the standards a "Standards not met yet: a, b" message lists. */
export const missingOf = (message: string): string[] =>
  /^Standards not met yet: (.+)$/.exec(message)?.[1]?.split(", ") ?? [];

/**
 * A message of the works schemas or API in the interface language: the area's own patterns and
 * translations first, then the shared ones (`messages` namespace); in English the message as it is,
 * with the standards' codes named.
 */
export function useWorksMessage() {
  const { t, i18n } = useWorksT();
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
          if (kind === "date") values[name] = format.date(raw);
          else if (kind === "status") values[name] = t(`statusWords.${raw}`, { defaultValue: raw });
          else if (kind === "what") values[name] = t(`whats.${raw}`, { defaultValue: raw });
          else if (kind === "standard") values[name] = t(`standards.${raw}`, { defaultValue: raw });
          else if (kind === "standards")
            values[name] = raw
              .split(", ")
              .map((s) => t(`standards.${s}`, { defaultValue: s }))
              .join("; ");
          else values[name] = raw;
        }
        return t(`patterns.${key}`, values);
      }
      if (language !== "en") {
        const own = i18n.getResource(language, NS, "messages") as Record<string, string> | undefined;
        const translated = own?.[text];
        if (translated) return translated;
      }
      return shared(text);
    },
    [t, i18n, language, shared, format],
  );
}

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => values.some((x) => x === v);

/** Labels of the works' enums in the interface language, and their options for selects. */
export function useWorksLabels() {
  const { t } = useWorksT();
  const { t: tShared } = useTranslation();
  return useMemo(() => {
    const status = (s: WorksStatus) => t(`statuses.${s}`);
    const standing = (s: Standing) => t(`standings.${s}`);
    const source = (s: FundingSource) => t(`fundingSources.${s}`);
    const standard = (code: string) => t(`standards.${code}`, { defaultValue: code });
    const targetGroup = (g: TargetGroup) => tShared(`households.enums.targetGroup.${g}`);
    const unitStatus = (s: UnitStatus) => tShared(`enums.status.${s}`);
    return {
      status,
      standing,
      source,
      standard,
      targetGroup,
      unitStatus,
      /** A target group as stored (text from the API), or the text itself when unknown. */
      targetGroupText: (raw: string) => (isOneOf(TARGET_GROUPS, raw) ? targetGroup(raw) : raw),
      statusOptions: WORKS_STATUSES.map((value) => ({ value, label: status(value) })),
      sourceOptions: FUNDING_SOURCES.map((value) => ({ value, label: source(value) })),
      targetGroupOptions: TARGET_GROUPS.map((value) => ({ value, label: targetGroup(value) })),
    };
  }, [t, tShared]);
}

/** A delay in days as words ("In orario", "3 giorni di ritardo"): never shown by colour alone. */
export function useSlippageText() {
  const { t } = useWorksT();
  return useCallback(
    (days: number) => (days > 0 ? t("slippage.days", { count: days }) : t("slippage.none")),
    [t],
  );
}
