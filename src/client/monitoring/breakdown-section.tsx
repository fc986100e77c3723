// SPDX-License-Identifier: EUPL-1.2
import { type FormEvent, useId, useState } from "react";
import type { Dimension } from "../../domain/monitoring/catalogue.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { type IndicatorDefinitionView, type IndicatorDetail, useRecords } from "./monitoring-api.ts";
import { useIndicatorFormat } from "./monitoring-format.ts";
import { useMonitoringLabels, useMonitoringT } from "./monitoring-i18n.ts";
import { indicatorHref, RECORD_PERMISSION, recordHref } from "./monitoring-paths.ts";

type Picked = { dimension?: Dimension; key?: string | null; label: string };

/**
 * The indicator's value split by one disaggregation (only those it has), each cell with its own
 * value; for roles that read the records behind it, the list of those records per cell.
 */
export function BreakdownSection(props: {
  definition: IndicatorDefinitionView;
  detail: IndicatorDetail;
  dimension: Dimension;
  period: string;
}) {
  const { definition, detail, dimension, period } = props;
  const { t, i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const labels = useMonitoringLabels();
  const format = useFormat();
  const values = useIndicatorFormat();
  const canSeeRecords = useCan(RECORD_PERMISSION[definition.records]);
  const [picked, setPicked] = useState<Picked | null>(null);
  const id = useId();
  const name = definition.name[language];
  const cells = detail.breakdowns[dimension] ?? [];
  const ratio = definition.kind === "ratio";
  const observations = definition.kind === "median" || definition.kind === "mean";
  const columns = [
    t("chart.value"),
    ...(ratio ? [t("breakdown.numerator"), t("breakdown.denominator")] : []),
    ...(observations ? [t("breakdown.observations")] : []),
    ...(canSeeRecords ? [{ header: t("breakdown.records"), words: true }] : []),
  ];
  const row = (key: string, label: string, v: (typeof cells)[number] | IndicatorDetail, pick: Picked) => ({
    key,
    label,
    cells: [
      values.value(definition.unit, v.value),
      ...(ratio
        ? [values.numerator(definition.code, v.numerator), values.denominator(definition.code, v.denominator)]
        : []),
      ...(observations ? [format.number(v.denominator)] : []),
      ...(canSeeRecords
        ? [
            <button
              key="records"
              type="button"
              className="btn btn-link p-0"
              aria-label={t("breakdown.seeRecordsOf", { cell: label })}
              onClick={() => setPicked(pick)}
            >
              {t("breakdown.seeRecords")}
            </button>,
          ]
        : []),
    ],
  });
  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new FormData(event.currentTarget).get("dimension");
    setPicked(null);
    navigate(indicatorHref(definition.code, period, next as Dimension), { keepScroll: true });
  };
  const total = t("breakdown.total");
  return (
    <section className="mb-5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h4 mb-3">
        {t("breakdown.title")}
      </h2>
      <form className="row g-3 align-items-end mb-3" aria-label={t("breakdown.formLabel")} onSubmit={choose}>
        <div className="col-12 col-sm-6 col-lg-4 select-wrapper form-group mb-0">
          <label htmlFor={`${id}-dimension`}>{t("breakdown.by")}</label>
          <select id={`${id}-dimension`} name="dimension" defaultValue={dimension} key={dimension}>
            {definition.dimensions.map((d) => (
              <option key={d} value={d}>
                {labels.dimension(d)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-sm-6 col-lg-3">
          <button type="submit" className="btn btn-primary">
            {t("breakdown.show")}
          </button>
        </div>
      </form>
      <div className="table-responsive">
        <FigureTable
          caption={t("breakdown.caption", {
            name,
            dimension: labels.dimension(dimension).toLowerCase(),
            period: labels.period(period),
          })}
          rowHeader={labels.dimension(dimension)}
          columns={columns}
          empty={t("breakdown.empty")}
          rows={[
            row("total", total, detail, { label: total }),
            ...cells.map((c) => {
              const label = labels.cell(dimension, c.key, c.label);
              return row(c.key ?? "~", label, c, { dimension, key: c.key, label });
            }),
          ]}
        />
      </div>
      {!canSeeRecords ? <p className="small text-secondary">{t("breakdown.noRecords")}</p> : null}
      {picked ? <RecordsList definition={definition} period={period} picked={picked} /> : null}
    </section>
  );
}

/** The records behind one cell, each linked to its page; the read is audited. */
function RecordsList(props: { definition: IndicatorDefinitionView; period: string; picked: Picked }) {
  const { definition, period, picked } = props;
  const { t, i18n } = useMonitoringT();
  const language = i18n.language === "en" ? "en" : "it";
  const labels = useMonitoringLabels();
  const format = useFormat();
  const values = useIndicatorFormat();
  const records = useRecords(definition.code, { period, dimension: picked.dimension, key: picked.key });
  const id = useId();
  const heading = t("records.title", { name: definition.name[language], cell: picked.label });
  const observations = definition.kind === "median" || definition.kind === "mean";
  return (
    <section className="card shadow-sm mt-4" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h3 id={`${id}-title`} className="h5" tabIndex={-1} ref={focusOnMount} key={heading}>
          {heading}
        </h3>
        <p className="small">{t("records.note", { kind: labels.recordKind(definition.records) })}</p>
        {records.isPending ? <Loading /> : null}
        {records.error ? <ErrorAlert error={records.error} onRetry={() => records.refetch()} /> : null}
        {records.data ? (
          <>
            <p className="mb-2">
              {t("records.count", { count: records.data.total, shown: records.data.items.length })}
            </p>
            <div className="table-responsive">
              <FigureTable
                caption={heading}
                hideCaption
                rowHeader={labels.recordKind(definition.records)}
                columns={
                  observations
                    ? [t("records.observation")]
                    : [t("records.numerator"), t("records.denominator")]
                }
                empty={t("records.empty")}
                rows={records.data.items.map((r) => ({
                  key: r.id,
                  label: <Link to={recordHref(definition.records, r.id)}>{r.label}</Link>,
                  cells: observations
                    ? [r.observation === null ? "—" : format.number(r.observation)]
                    : [
                        values.numerator(definition.code, r.numerator),
                        values.denominator(definition.code, r.denominator),
                      ],
                }))}
              />
            </div>
          </>
        ) : null}
      </div>
    </section>
  );
}
