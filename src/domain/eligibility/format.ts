// SPDX-License-Identifier: EUPL-1.2

/** Language of a text for people: Italian first, English second. */
export type Lang = "it" | "en";

/**
 * A number written for people: grouped thousands and a decimal separator by language (`1.500,5` in
 * Italian, `1,500.5` in English), with `decimals` digits, trailing zeros dropped when `trim`. Written out
 * rather than left to `Intl`, so the texts are the same on every runtime.
 */
export function formatNumber(value: number, lang: Lang, decimals: number, trim = false): string {
  const [whole = "0", fraction = ""] = Math.abs(value).toFixed(decimals).split(".");
  const digits = trim ? fraction.replace(/0+$/, "") : fraction;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "it" ? "." : ",");
  const sign = value < 0 && Number(`${whole}.${fraction || "0"}`) !== 0 ? "-" : "";
  return `${sign}${grouped}${digits ? (lang === "it" ? "," : ".") + digits : ""}`;
}

/** An amount in cents as euros with two decimals: `1,500.00 EUR`, `1.500,00 EUR`. */
export const formatEuro = (cents: number, lang: Lang): string => `${formatNumber(cents / 100, lang, 2)} EUR`;

/** A surface with at most two decimals: `45.5 m²`, `45,5 m²`. */
export const formatM2 = (m2: number, lang: Lang): string => `${formatNumber(m2, lang, 2, true)} m²`;

/** A share 0–1 as a percentage with at most two decimals: `30 %`, `33,33 %`. */
export const formatShare = (share: number, lang: Lang): string =>
  `${formatNumber(share * 100, lang, 2, true)} %`;
