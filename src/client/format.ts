// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language, LOCALES } from "./i18n/i18n.ts";

export type Format = {
  /** Euro from integer cents: `1.568.114 €`; `cents: true` keeps the two decimals. */
  euro: (cents: number, options?: { cents?: boolean }) => string;
  number: (value: number, maximumFractionDigits?: number) => string;
  /** A share 0–1 as a percentage. */
  percent: (share: number, maximumFractionDigits?: number) => string;
  /** Percentage points with their sign: `+0,04 p.p.`. */
  points: (points: number) => string;
  signed: (value: number) => string;
  squareMetres: (value: number) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
};

function makeFormat(language: Language): Format {
  const locale = LOCALES[language];
  const euroWhole = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  });
  const euroCents = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const signed = new Intl.NumberFormat(locale, { signDisplay: "exceptZero", maximumFractionDigits: 2 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    euro: (cents, options) => (options?.cents ? euroCents : euroWhole).format(cents / 100),
    number: (value, maximumFractionDigits = 2) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value),
    percent: (share, maximumFractionDigits = 1) =>
      new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits }).format(share),
    points: (points) => `${signed.format(points)} ${language === "it" ? "p.p." : "pp"}`,
    signed: (value) => signed.format(value),
    squareMetres: (value) =>
      `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)} m²`,
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
  };
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const language: Language = LANGUAGES.find((l) => l === i18n.language) ?? "it";
  return useMemo(() => makeFormat(language), [language]);
}
