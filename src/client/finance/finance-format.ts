// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Format } from "../format.ts";
import { LANGUAGES, type Language, LOCALES } from "../i18n/i18n.ts";

/** A plan month (`YYYY-MM`) as the interface language writes it: `gen 2027`, `Jan 2027`. */
export function useMonthLabel(): (month: string) => string {
  const { i18n } = useTranslation();
  const language: Language = LANGUAGES.find((l) => l === i18n.language) ?? "it";
  const formatter = useMemo(
    () => new Intl.DateTimeFormat(LOCALES[language], { month: "short", year: "numeric", timeZone: "UTC" }),
    [language],
  );
  return useCallback((month: string) => formatter.format(new Date(`${month}-01T00:00:00Z`)), [formatter]);
}

/** A difference in euro with its sign: `+1.250,50 €`, `-80,00 €`, `0,00 €`. */
export const signedEuro = (format: Format, cents: number) =>
  `${cents > 0 ? "+" : ""}${format.euro(cents, { cents: true })}`;
