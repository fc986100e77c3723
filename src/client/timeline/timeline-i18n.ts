// SPDX-License-Identifier: EUPL-1.2
import i18next from "i18next";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  TIMELINE_AREAS,
  TIMELINE_KINDS,
  TIMELINE_LINES,
  TIMELINE_STANDINGS,
  TIMELINE_STATUSES,
  type TimelineArea,
  type TimelineKind,
  type TimelineLine,
  type TimelineStanding,
  type TimelineStatus,
} from "../../domain/timeline/timeline.ts";
import type { TimelineItemView } from "../../domain/timeline/timeline-api.schema.ts";
import { useFormat } from "../format.ts";
// Initialised first, so the bundles below are added to the resources it set up.
import "../i18n/i18n.ts";
import { useMessage } from "../i18n/translate-message.ts";
import en from "./timeline.en.json";
import it from "./timeline.it.json";
import { TIMELINE_PATTERNS } from "./timeline-messages.ts";

/**
 * The timeline's strings are their own i18n namespace, `timeline`, kept in this folder: the menu entry,
 * the page, and under `messages` and `patterns` the Italian of the timeline API's and schemas' English
 * messages.
 */
export const NS = "timeline";
for (const [language, bundle] of [
  ["it", it],
  ["en", en],
] as const)
  i18next.addResourceBundle(language, NS, bundle, true, true);

export function useTimelineT() {
  return useTranslation(NS);
}

/** A message of the timeline's schemas or API in the interface language; others go to the shared ones. */
export function useTimelineMessage() {
  const { t, i18n } = useTimelineT();
  const shared = useMessage();
  const format = useFormat();
  const language = i18n.language;
  return useCallback(
    (text: string) => {
      const own = i18n.getResource(language, NS, "messages") as Record<string, string> | undefined;
      const translated = own?.[text];
      if (translated) return translated;
      for (const { re, key, name } of TIMELINE_PATTERNS) {
        const match = re.exec(text);
        if (match === null) continue;
        const raw = match[1] ?? "";
        const value = name === "date" ? format.date(match[match.length - 1] ?? raw) : raw;
        return t(`patterns.${key}`, name ? { [name]: value } : {});
      }
      return shared(text);
    },
    [t, i18n, language, shared, format],
  );
}

/** Labels of the timeline's enums in the interface language, and their options for selects. */
export function useTimelineLabels() {
  const { t } = useTimelineT();
  return useMemo(() => {
    const area = (a: TimelineArea) => t(`areas.${a}`);
    const line = (l: TimelineLine) => t(`lines.${l}`);
    const kind = (k: TimelineKind) => t(`kinds.${k}`);
    const status = (s: TimelineStatus) => t(`statuses.${s}`);
    const standing = (s: TimelineStanding) => t(`standings.${s}`);
    return {
      area,
      line,
      kind,
      status,
      standing,
      areaOptions: TIMELINE_AREAS.map((value) => ({ value, label: t(`areaNames.${value}`) })),
      lineOptions: TIMELINE_LINES.map((value) => ({ value, label: line(value) })),
      kindOptions: TIMELINE_KINDS.map((value) => ({ value, label: kind(value) })),
      statusOptions: TIMELINE_STATUSES.map((value) => ({ value, label: status(value) })),
      standingOptions: TIMELINE_STANDINGS.map((value) => ({ value, label: standing(value) })),
    };
  }, [t]);
}

type Slipping = Pick<TimelineItemView, "standing" | "slippageDays" | "slipped" | "daysToPlannedEnd">;

/** An item's slippage in words: how late, how early, or how soon it is due. Null when nothing to say. */
export function useSlippageText() {
  const { t } = useTimelineT();
  return useCallback(
    (item: Slipping): string | null => {
      const days = item.slippageDays ?? 0;
      switch (item.standing) {
        case "late":
          return item.slipped === "start"
            ? t("slippage.lateStart", { count: days })
            : t("slippage.late", { count: days });
        case "done_late":
          return t("slippage.doneLate", { count: days });
        case "done":
          return days < 0 ? t("slippage.doneEarly", { count: -days }) : t("slippage.onDay");
        case "at_risk":
          return item.daysToPlannedEnd === 0
            ? t("slippage.dueToday")
            : t("slippage.dueIn", { count: item.daysToPlannedEnd ?? 0 });
        case "on_time":
        case "cancelled":
          return null;
      }
    },
    [t],
  );
}
