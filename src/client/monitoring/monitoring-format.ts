// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import type { IndicatorKind, IndicatorUnit } from "../../domain/monitoring/catalogue.ts";
import { useFormat } from "../format.ts";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";

/**
 * What the numerator and the denominator count where it is not a plain number: the API gives money in
 * cents and surfaces in m² (the catalogue's `numerator`/`denominator` say so in words).
 */
const TERMS: Record<string, readonly ["cents" | "count", "cents" | "m2" | "count"]> = {
  renovation_cost_per_m2: ["cents", "m2"],
  collection_rate: ["cents", "cents"],
  co_financing_a_met: ["cents", "cents"],
};

type Valued = { code: string; value: number | null; numerator: number; denominator: number };
type Defined = { kind: IndicatorKind; unit: IndicatorUnit };

/** Indicator values, targets and their terms as the interface writes them. */
export function useIndicatorFormat() {
  const { t } = useMonitoringT();
  const format = useFormat();
  const labels = useMonitoringLabels();
  return useMemo(() => {
    /** A value in its unit: `72,16 %`, `458,08 €`, `4 persone`, `63,5 giorni`. */
    const value = (unit: IndicatorUnit, v: number | null): string => {
      if (v === null) return labels.standing("not_computable");
      switch (unit) {
        case "percent":
          return format.percent(v / 100, 2);
        case "eur":
          return format.euro(Math.round(v * 100), { cents: true });
        case "eur_per_m2":
          return `${format.euro(Math.round(v * 100), { cents: true })}/m²`;
        case "score":
        case "people":
        case "households":
        case "units":
        case "days":
          return t(`units.${unit}`, { count: v, value: format.number(v) });
      }
    };
    const term = (kind: "cents" | "m2" | "count", n: number) =>
      kind === "cents"
        ? format.euro(Math.round(n), { cents: true })
        : kind === "m2"
          ? format.squareMetres(n)
          : format.number(n);
    /** A ratio's numerator and denominator, each in what it counts (cents as euro, m²). */
    const numerator = (code: string, n: number) => term(TERMS[code]?.[0] ?? "count", n);
    const denominator = (code: string, n: number) => term(TERMS[code]?.[1] ?? "count", n);
    /** The numerator and the denominator in a few words; empty for a count. */
    const terms = (d: Defined, v: Valued): string => {
      if (d.kind === "count") return "";
      if (d.kind === "median" || d.kind === "mean")
        return t("terms.observations", { count: v.denominator, n: format.number(v.denominator) });
      return t("terms.ratio", {
        numerator: numerator(v.code, v.numerator),
        denominator: denominator(v.code, v.denominator),
      });
    };
    return { value, terms, numerator, denominator };
  }, [t, format, labels]);
}
