// SPDX-License-Identifier: EUPL-1.2
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AllocationMix, DesignationMix } from "../../domain/designation/designation-api.schema.ts";
import { useCan } from "../auth/session.ts";
import type { ChartOption } from "../components/chart.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { useUnitLabels } from "../units/unit-labels.ts";
import { useAllocationMix } from "./allocation-api.ts";
import { HubBreadcrumb } from "./allocation-hub-page.tsx";
import { DesignationPanel } from "./designation-panel.tsx";
import { LazyChart } from "./lazy-chart.tsx";
import { MixTable } from "./mix-table.tsx";

function MixChart({ mix }: { mix: DesignationMix }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  const title = t("allocation.mix.chartTitle");
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 24, bottom: 40, containLabel: true },
      xAxis: { type: "category", data: mix.rows.map((r) => unitLabels.categoryShort(r.category)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: t("allocation.mix.columns.count"),
          type: "bar",
          data: mix.rows.map((r) => r.count),
          label: { show: true, position: "top" },
        },
        {
          name: t("allocation.mix.columns.min"),
          type: "bar",
          data: mix.rows.map((r) => r.min),
          itemStyle: { color: "#b1b1b3", borderColor: "#5c6f82", borderWidth: 1 },
        },
        {
          name: t("allocation.mix.columns.max"),
          type: "bar",
          data: mix.rows.map((r) => r.max),
          itemStyle: { color: "#e3e4e6", borderColor: "#5c6f82", borderWidth: 1 },
        },
      ],
    }),
    [mix, t, unitLabels],
  );
  const description = mix.rows
    .map((r) =>
      t("allocation.mix.describe", {
        category: unitLabels.categoryShort(r.category),
        count: r.count,
        percent: format.percent(r.percent / 100, 2),
        target: format.percent(r.targetPercent / 100, 2),
        min: r.min,
        max: r.max,
      }),
    )
    .join("; ");
  return (
    <LazyChart
      option={option}
      height={280}
      label={`${t("dashboard.barChart")}, ${title}: ${description}.`}
      tableSummary={t("dashboard.showData")}
      table={<MixTable mix={mix} caption={title} id="mix-chart-table" />}
    />
  );
}

type Profile = AllocationMix["categories"][number];

/** One category's demand and supply: households waiting by size, units by rooms. */
function CategoryProfile({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unitLabels = useUnitLabels();
  const name = unitLabels.categoryShort(profile.category);
  const id = `mix-profile-${profile.category}`;
  return (
    <section className="col-12 col-lg-4" aria-labelledby={`${id}-title`}>
      <div className="card shadow-sm h-100">
        <div className="card-body">
          <h3 id={`${id}-title`} className="h5">
            {name}
          </h3>
          <p className="small">
            {t("allocation.mix.profileSummary", {
              households: format.number(profile.waitingHouseholds),
              units: format.number(profile.units),
            })}
          </p>
          <FigureTable
            caption={t("allocation.mix.demandCaption", { category: name })}
            rowHeader={t("allocation.mix.size")}
            columns={[t("allocation.mix.households")]}
            rows={profile.demand.map((d) => ({
              key: String(d.size),
              label: t("allocation.mix.persons", { count: d.size }),
              cells: [format.number(d.households)],
            }))}
            empty={t("allocation.mix.noDemand")}
          />
          <FigureTable
            className="table table-sm mb-0"
            caption={t("allocation.mix.supplyCaption", { category: name })}
            rowHeader={t("allocation.mix.rooms")}
            columns={[t("allocation.mix.units")]}
            rows={profile.supply.map((s) => ({
              key: String(s.rooms),
              label: t("allocation.mix.roomCount", { count: s.rooms }),
              cells: [format.number(s.units)],
            }))}
            empty={t("allocation.mix.noSupply")}
          />
        </div>
      </div>
    </section>
  );
}

/** Tipologie e designazione: the stock's mix against the target, demand against supply, and designation. */
export function MixPage() {
  const { t } = useTranslation();
  const mix = useAllocationMix();
  const canDesignate = useCan("allocation:rules");
  const title = t("allocation.mix.title");
  return (
    <>
      <HubBreadcrumb current={title} />
      <PageTitle title={title} lead={t("allocation.mix.lead")} />
      {mix.error ? <ErrorAlert error={mix.error} onRetry={() => mix.refetch()} /> : null}
      {mix.isPending ? <Loading /> : null}
      {mix.data ? (
        <>
          <section className="card shadow-sm" aria-labelledby="mix-current-title">
            <div className="card-body">
              <h2 id="mix-current-title" className="h4">
                {t("allocation.mix.currentTitle")}
              </h2>
              <p className="small">
                {mix.data.scope === "own_organisation"
                  ? t("allocation.mix.scopeOwn")
                  : t("allocation.mix.scopeProgramme")}{" "}
                {t("allocation.mix.boundsExplained")}
              </p>
              <MixTable mix={mix.data.mix} caption={t("allocation.mix.currentCaption")} id="mix-current" />
              <MixChart mix={mix.data.mix} />
            </div>
          </section>
          <section className="mt-4" aria-labelledby="mix-profiles-title">
            <h2 id="mix-profiles-title" className="h4">
              {t("allocation.mix.profilesTitle")}
            </h2>
            <p className="small">{t("allocation.mix.profilesIntro")}</p>
            <div className="row g-4">
              {mix.data.categories.map((p) => (
                <CategoryProfile key={p.category} profile={p} />
              ))}
            </div>
          </section>
        </>
      ) : null}
      {canDesignate ? <DesignationPanel /> : null}
    </>
  );
}
