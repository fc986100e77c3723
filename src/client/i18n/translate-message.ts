// SPDX-License-Identifier: EUPL-1.2
import type { TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "./i18n.ts";

// The shared zod schemas and the API speak English. Their messages are translated through the
// `messages` namespace, whose keys are the English messages themselves, so a message that has no
// translation yet still shows, in English. Messages that carry a value (a code, a row number) are
// matched by pattern first and translated with the value put back.

type Pattern = { re: RegExp; key: string; names: readonly string[] };

/** A message with one `{{date}}` (YYYY-MM-DD) as a pattern that captures it. */
function datePattern(key: string): RegExp {
  const [before = "", after = ""] = key.split("{{date}}");
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${literal(before)}(\\d{4}-\\d{2}-\\d{2})${literal(after)}$`);
}

const PATTERNS: readonly Pattern[] = [
  { re: /^Unknown partner "(.+)"$/, key: 'Unknown partner "{{code}}"', names: ["code"] },
  {
    re: /^Partner (\S+) does not manage the category (\S+)$/,
    key: "Partner {{partner}} does not manage the category {{category}}",
    names: ["partner", "category"],
  },
  {
    re: /^A unit with code (\S+) already exists$/,
    key: "A unit with code {{code}} already exists",
    names: ["code"],
  },
  {
    re: /^A unit cannot go from (\S+) to (\S+?)(?:;.*)?$/,
    key: "A unit cannot go from {{from}} to {{to}}",
    names: ["from", "to"],
  },
  { re: /^Code already used on row (\d+)$/, key: "Code already used on row {{row}}", names: ["row"] },
  { re: /^Unknown column "(.*)"$/, key: 'Unknown column "{{column}}"', names: ["column"] },
  {
    re: /^Required column "(.+)" \((.+)\) is missing$/,
    key: 'Required column "{{key}}" ({{name}}) is missing',
    names: ["key", "name"],
  },
  { re: /^No unit "(.+)"$/, key: 'No unit "{{code}}"', names: ["code"] },
  { re: /^No household "(.+)"$/, key: 'No household "{{code}}"', names: ["code"] },
  { re: /^No building "(.+)"$/, key: 'No building "{{code}}"', names: ["code"] },
  // The designation names a unit without quotes.
  { re: /^No unit (\S+)$/, key: 'No unit "{{code}}"', names: ["code"] },
  {
    re: /^Unit (\S+) was changed by someone else \(version (\d+), you sent (\d+)\); reload the proposal$/,
    key: "Unit {{code}} was changed by someone else (version {{current}}, you sent {{sent}}); reload the proposal",
    names: ["code", "current", "sent"],
  },
  {
    re: /^Unit (\S+) was changed by someone else; retry$/,
    key: "Unit {{code}} was changed by someone else; retry",
    names: ["code"],
  },
  {
    re: /^Unit (\S+) is listed twice \(also at assignments\.(\d+)\)$/,
    key: "Unit {{code}} is listed twice (also at assignments.{{at}})",
    names: ["code", "at"],
  },
  {
    re: /^Unit (\S+) is (\S+): its category is locked/,
    key: "Unit {{code}} is {{status}}: its category is locked (only units to be renovated or being renovated can be designated)",
    names: ["code", "status"],
  },
  {
    re: /^The managing partner of unit (\S+) does not manage the category (.+)$/,
    key: "The managing partner of unit {{code}} does not manage the category {{categoryName}}",
    names: ["code", "categoryName"],
  },
  ...[
    "A review cannot be dated before the plan starts ({{date}})",
    "The plan cannot start after its first review ({{date}})",
    "The exit cannot come before the referral ({{date}})",
    "The contact cannot come before the exit ({{date}})",
    "The withdrawal cannot come before the consent was given ({{date}})",
    "The document already expired on {{date}}",
    "The consent was already withdrawn on {{date}}",
    "The hold would have expired already ({{date}})",
    "The due date {{date}} is already past",
    "The new due date {{date}} is already past",
  ].map((key) => ({ re: datePattern(key), key, names: ["date"] })),
  {
    re: /^The file's content does not match its type \((.+)\)$/,
    key: "The file's content does not match its type ({{type}})",
    names: ["type"],
  },
  {
    re: /^(\d+) row\(s\) have errors; nothing was imported$/,
    key: "{{count}} row(s) have errors; nothing was imported",
    names: ["count"],
  },
];

/** Values that are enum codes are shown with their label in the current language. */
const ENUM_OF_VALUE: Record<string, string> = {
  category: "category",
  from: "status",
  to: "status",
  status: "status",
};

/** A day (YYYY-MM-DD) as the interface language writes it. */
const dayIn = (language: string, iso: string) =>
  new Intl.DateTimeFormat(LOCALES[language === "en" ? "en" : "it"], {
    dateStyle: "medium",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

export function translateMessage(t: TFunction, language: string, message: string): string {
  // `lngs` without the Italian fallback: in English a message missing from the namespace stays English.
  const options = { ns: "messages", keySeparator: false, nsSeparator: false, lngs: [language] } as const;
  for (const { re, key, names } of PATTERNS) {
    const match = re.exec(message);
    if (match === null) continue;
    const values: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const raw = match[i + 1] ?? "";
      const enumName = ENUM_OF_VALUE[name];
      if (name === "date") values[name] = dayIn(language, raw);
      else values[name] = enumName ? t(`enums.${enumName}.${raw}`, { defaultValue: raw }) : raw;
    }
    return t(key, { ...options, ...values, defaultValue: key });
  }
  return t(message, { ...options, defaultValue: message });
}

/** A function that shows an English message of the schemas or the API in the interface language. */
export function useMessage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((message: string) => translateMessage(t, language, message), [t, language]);
}

/**
 * A message of an area's schemas or API that carries values: its pattern, the key of its translation
 * under `<namespace>:patterns`, and the name and kind of each value matched, in order.
 */
export type AreaPattern<Kind extends string> = {
  re: RegExp;
  key: string;
  names: readonly (readonly [string, Kind])[];
};

/**
 * A function that shows a message of an area's schemas or API in the interface language: the area's
 * own translations first (`<namespace>:messages`, keyed by the English message), then its `patterns`
 * with each value shown by `show` (kept stable by the caller, as with `useCallback`), then the shared
 * ones.
 */
export function useAreaMessage<Kind extends string>(
  namespace: string,
  patterns: readonly AreaPattern<Kind>[],
  show: (kind: Kind, raw: string, own: Record<string, string> | undefined) => string,
) {
  const { t, i18n } = useTranslation(namespace);
  const shared = useMessage();
  const language = i18n.language;
  return useCallback(
    (text: string) => {
      const own = i18n.getResource(language, namespace, "messages") as Record<string, string> | undefined;
      const translated = own?.[text];
      if (translated) return translated;
      for (const { re, key, names } of patterns) {
        const match = re.exec(text);
        if (match === null) continue;
        const values = Object.fromEntries(
          names.map(([name, kind], i) => [name, show(kind, match[i + 1] ?? "", own)]),
        );
        return t(`patterns.${key}`, values);
      }
      return shared(text);
    },
    [t, i18n, language, namespace, patterns, show, shared],
  );
}
