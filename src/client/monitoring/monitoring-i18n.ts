// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type {
  Dimension,
  Direction,
  IndicatorUnit,
  RecordKind,
  TargetKind,
} from "../../domain/monitoring/catalogue.ts";
import { type Granularity, parsePeriodKey } from "../../domain/monitoring/periods.ts";
import type { Standing } from "../../domain/monitoring/values.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { LOCALES } from "../i18n/i18n.ts";
import { type AreaPattern, useAreaMessage } from "../i18n/translate-message.ts";
import en from "./monitoring.en.json";
import it from "./monitoring.it.json";

/**
 * The monitoring pages' strings are their own i18n namespace, `monitoring`: the menu entry, the
 * pages, the labels of the disaggregations, and under `messages` and `patterns` the Italian of the
 * monitoring API's English messages.
 */
export const NS = "monitoring";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useMonitoringT() {
  return useTranslation(NS);
}

type Value = "text" | "date" | "period" | "targetKind" | "dimension";

/** The API's messages that carry values, matched by pattern; the values are put back in words. */
const PATTERNS: readonly AreaPattern<Value>[] = [
  {
    re: /^A (\S+) target cannot be due after the final one \((\S+)\)$/,
    key: "afterFinal",
    names: [
      ["kind", "targetKind"],
      ["date", "date"],
    ],
  },
  {
    re: /^The period (\S+) has not ended yet: it ends on (\S+)$/,
    key: "notEnded",
    names: [
      ["period", "period"],
      ["date", "date"],
    ],
  },
  {
    re: /^The period (\S+) is closed \(revision (\d+)\)/,
    key: "alreadyClosed",
    names: [
      ["period", "period"],
      ["revision", "text"],
    ],
  },
  { re: /^The period (\S+) is not closed/, key: "notClosed", names: [["period", "period"]] },
  { re: /^Your role \(\S+\) may not \S+: the records behind/, key: "recordsForbidden", names: [] },
  { re: /^No indicator "(.+)"$/, key: "noIndicator", names: [["code", "text"]] },
  { re: /^Unknown disaggregation "(.*)"$/, key: "unknownDimension", names: [["dimension", "text"]] },
  {
    re: /^The indicator \S+ has no disaggregation by (\S+)$/,
    key: "noSuchDimension",
    names: [["dimension", "dimension"]],
  },
  { re: /^Only one (\S+) target$/, key: "onlyOne", names: [["kind", "targetKind"]] },
];

/** Labels of the monitoring enums and keys in the interface language. */
export function useMonitoringLabels() {
  const { t, i18n } = useMonitoringT();
  const language = i18n.language;
  return useMemo(() => {
    const months = new Intl.DateTimeFormat(LOCALES[language === "en" ? "en" : "it"], {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    /** `2026-Q3` as "3° trimestre 2026", `2026-07` as "luglio 2026", `2026` as "anno 2026". */
    const period = (key: string) => {
      const p = parsePeriodKey(key);
      if (p === null) return key;
      const year = p.from.slice(0, 4);
      if (p.granularity === "month") return months.format(new Date(`${p.from}T00:00:00Z`));
      if (p.granularity === "quarter") return t("periods.quarter", { n: key.slice(-1), year });
      return t("periods.year", { year });
    };
    const dimension = (d: Dimension) => t(`dimensions.${d}`);
    /** A disaggregation's key in words: the server's name for partners and places, ours for the rest. */
    const cell = (d: Dimension, key: string | null, label: string | null) => {
      if (key === null) return t("cells.unknown");
      switch (d) {
        case "partner":
        case "place":
          return label ?? key;
        case "target_group":
          return t(`households.enums.targetGroup.${key}`, { ns: "translation", defaultValue: key });
        case "category":
          return t(`enums.categoryShort.${key}`, { ns: "translation", defaultValue: key });
        case "destination":
          return t(`exit.enums.destination.${key}`, { ns: "translation", defaultValue: key });
        case "sex":
        case "age_band":
        case "citizenship":
          return t(`cells.${d}.${key}`, { defaultValue: key });
      }
    };
    return {
      period,
      /** The period's name at the start of a sentence: "Settembre 2026: …". */
      periodAtStart: (key: string) => {
        const name = period(key);
        return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
      },
      dimension,
      cell,
      granularity: (g: Granularity) => t(`granularities.${g}`),
      standing: (s: Standing) => t(`standings.${s}`),
      targetKind: (k: TargetKind) => t(`targetKinds.${k}`),
      direction: (d: Direction) => t(`directions.${d}`),
      unit: (u: IndicatorUnit) => t(`unitNames.${u}`),
      recordKind: (k: RecordKind) => t(`recordKinds.${k}`),
    };
  }, [t, language]);
}

/**
 * A message of the monitoring API or schemas in the interface language: the namespace's own
 * translations (`monitoring:messages`, then `monitoring:patterns`), then the shared ones.
 */
export function useMonitoringMessage() {
  const format = useFormat();
  const labels = useMonitoringLabels();
  const show = useCallback(
    (kind: Value, raw: string) => {
      if (kind === "date") return format.date(raw);
      if (kind === "period") return labels.periodAtStart(raw);
      if (kind === "targetKind") return labels.targetKind(raw as TargetKind);
      if (kind === "dimension") return labels.dimension(raw as Dimension);
      return raw;
    },
    [format, labels],
  );
  return useAreaMessage(NS, PATTERNS, show);
}
