// SPDX-License-Identifier: EUPL-1.2
import { type FormEvent, useId, useState } from "react";
import { GRANULARITIES, type Granularity, parsePeriodKey } from "../../domain/monitoring/periods.ts";
import { localToday } from "../funding/funding-form.tsx";
import { navigate } from "../router.tsx";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";
import { periodAtStart, periodChoices } from "./monitoring-paths.ts";

/**
 * The reporting period to show: a month, a quarter or a year, and which one. The choice goes into
 * the address (`?periodo=2026-Q3`) when the form is sent, so it can be shared and the back button
 * returns to the previous period.
 */
export function PeriodPicker({ current, hrefOf }: { current: string; hrefOf: (period: string) => string }) {
  const { t } = useMonitoringT();
  const labels = useMonitoringLabels();
  const id = useId();
  const granularityOf = (key: string): Granularity => parsePeriodKey(key)?.granularity ?? "quarter";
  const [granularity, setGranularity] = useState<Granularity>(granularityOf(current));
  const [period, setPeriod] = useState(current);
  const choices = periodChoices(granularity, localToday());
  if (!choices.includes(period)) choices.unshift(period);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(hrefOf(period), { keepScroll: true });
  };
  return (
    <form className="row g-3 align-items-end mb-4" aria-label={t("picker.label")} onSubmit={submit}>
      <div className="col-12 col-sm-4 col-lg-3 select-wrapper form-group mb-0">
        <label htmlFor={`${id}-granularity`}>{t("picker.granularity")}</label>
        <select
          id={`${id}-granularity`}
          value={granularity}
          onChange={(e) => {
            const next = e.target.value as Granularity;
            setGranularity(next);
            setPeriod(periodAtStart(period, next));
          }}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {labels.granularity(g)}
            </option>
          ))}
        </select>
      </div>
      <div className="col-12 col-sm-5 col-lg-3 select-wrapper form-group mb-0">
        <label htmlFor={`${id}-period`}>{t("picker.period")}</label>
        <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value)}>
          {choices.map((key) => (
            <option key={key} value={key}>
              {labels.period(key)}
            </option>
          ))}
        </select>
      </div>
      <div className="col-12 col-sm-3 col-lg-2">
        <button type="submit" className="btn btn-primary">
          {t("picker.show")}
        </button>
      </div>
    </form>
  );
}
