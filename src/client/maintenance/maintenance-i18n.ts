// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ITEM_CONDITIONS, type ItemCondition } from "../../domain/maintenance/move-in.schema.ts";
import {
  TICKET_CATEGORIES,
  TICKET_STATUSES,
  TICKET_URGENCIES,
  type TicketCategory,
  type TicketStatus,
  type TicketUrgency,
} from "../../domain/maintenance/ticket.schema.ts";
import { useMessage } from "../i18n/translate-message.ts";

/**
 * The maintenance area's strings live in their own i18n namespace (the top-level `maintenance` of
 * `it.json` and `en.json`), with the Italian of the area's English API and schema messages under
 * `maintenance.messages`.
 */
export const NS = "maintenance";

export function useMaintenanceT() {
  return useTranslation(NS);
}

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => values.some((x) => x === v);

/** API messages that carry a value, as patterns: the value is put back into the translation. */
const PATTERNS: readonly { re: RegExp; key: string; names: readonly ("status" | "from" | "to" | "id")[] }[] =
  [
    { re: /^A ticket cannot go from (\S+) to (\S+)$/, key: "patterns.cannotGo", names: ["from", "to"] },
    {
      re: /^The ticket is (\S+): reopen it before changing it$/,
      key: "patterns.reopenFirst",
      names: ["status"],
    },
    {
      re: /^The ticket is (\S+): no more photos can be added$/,
      key: "patterns.noMorePhotos",
      names: ["status"],
    },
    {
      re: /^The ticket was changed by someone else \(version \d+, you sent \d+\); reload it and retry$/,
      key: "patterns.stale",
      names: [],
    },
    { re: /^No tenancy "(.+)"$/, key: "patterns.noTenancy", names: ["id"] },
    { re: /^No ticket "(.+)"$/, key: "patterns.noTicket", names: ["id"] },
  ];

/**
 * A message of the maintenance schemas or API in the interface language: the area's own translations
 * first, then the shared ones (`messages` namespace); in English the message as it is.
 */
export function useMaintenanceMessage() {
  const { t, i18n } = useMaintenanceT();
  const shared = useMessage();
  const language = i18n.language;
  return useCallback(
    (text: string) => {
      for (const { re, key, names } of PATTERNS) {
        const match = re.exec(text);
        if (match === null) continue;
        const values: Record<string, string> = {};
        for (const [i, name] of names.entries()) {
          const raw = match[i + 1] ?? "";
          values[name] = name === "id" ? raw : t(`statuses.${raw}`, { defaultValue: raw });
        }
        return t(key, values);
      }
      if (language !== "en") {
        const own = i18n.getResource(language, NS, "messages") as Record<string, string> | undefined;
        const translated = own?.[text];
        if (translated) return translated;
      }
      return shared(text);
    },
    [t, i18n, language, shared],
  );
}

/** Labels of the tickets' enums in the interface language, and their options for selects. */
export function useMaintenanceLabels() {
  const { t } = useMaintenanceT();
  return useMemo(() => {
    const category = (c: TicketCategory) => t(`categories.${c}`);
    const urgency = (u: TicketUrgency) => t(`urgencies.${u}`);
    const status = (s: TicketStatus) => t(`statuses.${s}`);
    const condition = (c: ItemCondition) => t(`moveIn.conditions.${c}`);
    return {
      category,
      urgency,
      status,
      condition,
      categoryOptions: TICKET_CATEGORIES.map((value) => ({ value, label: category(value) })),
      urgencyOptions: TICKET_URGENCIES.map((value) => ({ value, label: urgency(value) })),
      statusOptions: TICKET_STATUSES.map((value) => ({ value, label: status(value) })),
      conditionOptions: ITEM_CONDITIONS.map((value) => ({ value, label: condition(value) })),
      /** A stored status (text from the API) as a label, or the text itself when unknown. */
      statusText: (raw: string) => (isOneOf(TICKET_STATUSES, raw) ? status(raw) : raw),
    };
  }, [t]);
}

export type MaintenanceLabels = ReturnType<typeof useMaintenanceLabels>;
