// SPDX-License-Identifier: EUPL-1.2
import "./timeline.css";
import { lazy, Suspense, useState } from "react";
import { TIMELINE_STANDINGS } from "../../domain/timeline/timeline.ts";
import type { TimelineList, TimelineTallyView } from "../../domain/timeline/timeline-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { FigureTable } from "../components/figure-table.tsx";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { navigate, useLocation } from "../router.tsx";
import { useTimeline } from "./timeline-api.ts";
import { NewItemSection } from "./timeline-forms.tsx";
import { useTimelineLabels, useTimelineT } from "./timeline-i18n.ts";
import { exportHref, filtersFromSearch, TIMELINE_PATH } from "./timeline-paths.ts";
import { TimelineTable } from "./timeline-table.tsx";

// ECharts is the heaviest dependency: the page (and its h1, which takes the focus) shows at once and
// the chart follows when ECharts has loaded.
const GanttChart = lazy(() => import("./gantt-chart.tsx").then((m) => ({ default: m.GanttChart })));

/** Cronoprogramma: the phases and milestones of both areas, as a Gantt chart and as a table. */
export function TimelinePage() {
  const { t } = useTimelineT();
  const labels = useTimelineLabels();
  const format = useFormat();
  const canWrite = useCan("timeline:write");
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const timeline = useTimeline(filters);
  const list = timeline.data;
  const filtered = filters.area !== undefined || filters.line !== undefined || filters.standing !== undefined;
  return (
    <>
      <PageTitle
        title={t("page.title")}
        lead={
          list
            ? t("page.lead", {
                start: format.date(list.convention.start),
                end: format.date(list.convention.end),
                date: format.date(list.asOf),
              })
            : undefined
        }
      >
        <div className="d-flex flex-wrap gap-2">
          {(["xlsx", "csv"] as const).map((kind) => (
            <a
              key={kind}
              className="btn btn-outline-primary btn-sm"
              href={exportHref(filters, kind)}
              download
            >
              <Icon name="download" size="sm" className="me-1" />
              {t(kind === "csv" ? "page.exportCsv" : "page.exportXlsx")}
            </a>
          ))}
        </div>
      </PageTitle>
      <form
        className="row align-items-end mb-3"
        aria-label={t("filters.label")}
        onSubmit={(event) => {
          const params = searchOfForm(event);
          navigate(`${TIMELINE_PATH}${params.size > 0 ? `?${params}` : ""}`);
        }}
      >
        <FilterSelect
          key={`area-${filters.area ?? ""}`}
          id="timeline-area"
          name="area"
          className="col-12 col-md-4"
          label={t("filters.area")}
          value={filters.area}
          options={labels.areaOptions}
        />
        <FilterSelect
          key={`line-${filters.line ?? ""}`}
          id="timeline-line"
          name="line"
          className="col-12 col-md-4"
          label={t("filters.line")}
          value={filters.line}
          options={labels.lineOptions}
        />
        <FilterSelect
          key={`standing-${filters.standing ?? ""}`}
          id="timeline-standing"
          name="standing"
          className="col-12 col-md-4"
          label={t("filters.standing")}
          value={filters.standing}
          options={labels.standingOptions}
        />
        <FilterActions className="col-12 mb-3" resetHref={filtered ? TIMELINE_PATH : null} />
      </form>
      <ListStatus query={timeline} count={list?.items.length} empty={<p>{t("page.empty")}</p>} />
      {list ? <Summary list={list} /> : null}
      {list && list.items.length > 0 ? (
        <>
          <Gantt list={list} />
          <section aria-labelledby="timeline-table-title" className="mb-5">
            <h2 id="timeline-table-title" className="h3">
              {t("table.title")}
            </h2>
            <TimelineTable list={list} items={list.items} />
          </section>
        </>
      ) : null}
      {list && canWrite ? <NewItemSection context={list} /> : null}
    </>
  );
}

/** The summary's columns: the items, each standing, the milestones met. */
const KEYS = ["items", ...TIMELINE_STANDINGS, "milestones"] as const;

/** Counts by standing and the milestones met, for each area and line of what is shown. */
function Summary({ list }: { list: TimelineList }) {
  const { t } = useTimelineT();
  const labels = useTimelineLabels();
  const format = useFormat();
  const { byArea, byLine, overall } = list.summary;
  if (overall.total === 0) return null;
  const cells = (tally: TimelineTallyView) => [
    tally.total,
    ...TIMELINE_STANDINGS.map((s) => tally.counts[s]),
    tally.milestonesOnTimeShare === null
      ? t("summary.noneDue")
      : t("summary.share", {
          onTime: tally.milestonesOnTime,
          due: tally.milestonesDue,
          share: format.percent(tally.milestonesOnTimeShare, 0),
        }),
  ];
  const rows = byArea.flatMap((area) => [
    { key: area.area, label: <strong>{labels.area(area.area)}</strong>, cells: cells(area) },
    ...byLine
      .filter((line) => line.area === area.area)
      .map((line) => ({ key: line.line, label: labels.line(line.line), cells: cells(line) })),
  ]);
  const columns = [
    t("summary.items"),
    ...TIMELINE_STANDINGS.map((s) => labels.standing(s)),
    { header: t("summary.milestones"), words: true },
  ];
  return (
    <section aria-labelledby="timeline-summary-title" className="mb-5">
      <h2 id="timeline-summary-title" className="h3">
        {t("summary.title")}
      </h2>
      <div className="table-responsive">
        <FigureTable
          caption={t("summary.caption")}
          rowHeader={t("summary.rowHeader")}
          columns={columns}
          rows={rows}
          footer={
            <tr>
              <th scope="row">{t("summary.total")}</th>
              {cells(overall).map((cell, i) => (
                <td key={KEYS[i]} className={KEYS[i] === "milestones" ? undefined : "text-end"}>
                  {cell}
                </td>
              ))}
            </tr>
          }
        />
      </div>
    </section>
  );
}

type Period = "first5" | "all";

/** The chart, with the period it shows (the first five years, where most items are, or all of it). */
function Gantt({ list }: { list: TimelineList }) {
  const { t } = useTimelineT();
  const [period, setPeriod] = useState<Period>("first5");
  const { start, end } = list.convention;
  const fifthYear = `${Number(start.slice(0, 4)) + 4}-12-31`;
  const to = period === "first5" && fifthYear < end ? fifthYear : end;
  const late = list.items.filter((i) => i.standing === "late" || i.standing === "done_late").length;
  const label = t("gantt.label", {
    count: list.items.length,
    late,
    atRisk: list.items.filter((i) => i.standing === "at_risk").length,
    done: list.items.filter((i) => i.standing === "done" || i.standing === "done_late").length,
  });
  const periods: [Period, string][] = [
    ["first5", t("gantt.first5", { from: start.slice(0, 4), to: fifthYear.slice(0, 4) })],
    ["all", t("gantt.all", { from: start.slice(0, 4), to: end.slice(0, 4) })],
  ];
  return (
    <section aria-labelledby="timeline-gantt-title" className="mb-5">
      <h2 id="timeline-gantt-title" className="h3">
        {t("gantt.title")}
      </h2>
      <fieldset className="mb-2">
        <legend className="small fw-semibold mb-1">{t("gantt.window")}</legend>
        <div className="d-flex flex-wrap gap-2">
          {periods.map(([value, text]) => (
            <button
              key={value}
              type="button"
              className={`btn btn-sm ${period === value ? "btn-primary" : "btn-outline-primary"}`}
              aria-pressed={period === value}
              onClick={() => setPeriod(value)}
            >
              {text}
            </button>
          ))}
        </div>
      </fieldset>
      <Suspense fallback={<Loading />}>
        <GanttChart items={list.items} asOf={list.asOf} from={start} to={to} label={label} />
      </Suspense>
      <details className="timeline-legend">
        <summary>{t("gantt.legend")}</summary>
        <ul className="small mt-2">
          {(
            [
              "legendPlanned",
              "legendActual",
              "legendMilestone",
              "legendLate",
              "legendAtRisk",
              "legendToday",
            ] as const
          ).map((key) => (
            <li key={key}>{t(`gantt.${key}`)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
