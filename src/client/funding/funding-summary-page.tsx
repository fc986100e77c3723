// SPDX-License-Identifier: EUPL-1.2
import "./funding.css";
import type { FundingSummary, FundingWarning } from "../../domain/funding/funding-api.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FigureTable } from "../components/figure-table.tsx";
import { Icon } from "../components/icon.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { Link } from "../router.tsx";
import { useFundingSummary } from "./funding-api.ts";
import { TableScroll } from "./funding-form.tsx";
import { useDaysText, useFundingLabels, useFundingT } from "./funding-i18n.ts";
import { CALLS_PATH, LOANS_PATH, PLEDGES_PATH, warningHref } from "./funding-paths.ts";

/** The convention's cap on debt: at most 40 % of the total financing. */
const DEBT_CAP = 0.4;

/** Finanziamenti e raccolta fondi: totals by source, the debt share, the warnings of the day. */
export function FundingSummaryPage() {
  const { t } = useFundingT();
  const summary = useFundingSummary();
  return (
    <>
      <PageTitle title={t("summary.title")} lead={t("summary.lead")} />
      <nav aria-label={t("summary.pages")} className="mb-4">
        <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0">
          <li>
            <Link to={CALLS_PATH} className="btn btn-outline-primary">
              {t("calls.title")}
            </Link>
          </li>
          <li>
            <Link to={PLEDGES_PATH} className="btn btn-outline-primary">
              {t("pledges.title")}
            </Link>
          </li>
          <li>
            <Link to={LOANS_PATH} className="btn btn-outline-primary">
              {t("loans.title")}
            </Link>
          </li>
        </ul>
      </nav>
      {summary.isPending ? <Loading /> : null}
      {summary.error ? <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} /> : null}
      {summary.data ? (
        <div className="row">
          <div className="col-12 col-xl-7">
            <Totals summary={summary.data} />
          </div>
          <div className="col-12 col-xl-5">
            <Warnings summary={summary.data} />
          </div>
        </div>
      ) : null}
    </>
  );
}

function Totals({ summary }: { summary: FundingSummary }) {
  const { t } = useFundingT();
  const labels = useFundingLabels();
  const format = useFormat();
  const money = (cents: number) => format.euro(cents, { cents: true });
  const sum = (key: "pledgedCents" | "receivedCents" | "outstandingCents") =>
    summary.bySource.reduce((total, s) => total + s[key], 0);
  const share = summary.debtShare;
  const over = share !== null && share > DEBT_CAP;
  return (
    <section aria-labelledby="funding-totals-title" className="mb-5">
      <h2 id="funding-totals-title" className="h3">
        {t("summary.totalsTitle")}
      </h2>
      <TableScroll label={t("summary.totalsCaption", { date: format.date(summary.asOf) })}>
        <FigureTable
          className="table funding-table"
          caption={t("summary.totalsCaption", { date: format.date(summary.asOf) })}
          rowHeader={t("summary.source")}
          columns={[t("summary.pledged"), t("summary.received"), t("summary.outstanding")]}
          rows={summary.bySource.map((s) => ({
            key: s.source,
            label: labels.source(s.source),
            cells: [money(s.pledgedCents), money(s.receivedCents), money(s.outstandingCents)],
          }))}
          footer={
            <tr>
              <th scope="row">{t("summary.total")}</th>
              <td className="text-end">{money(sum("pledgedCents"))}</td>
              <td className="text-end">{money(sum("receivedCents"))}</td>
              <td className="text-end">{money(sum("outstandingCents"))}</td>
            </tr>
          }
        />
      </TableScroll>
      <p className="small">{t("summary.loansNote")}</p>
      <dl className="funding-facts">
        <div>
          <dt>{t("summary.totalFinancing")}</dt>
          <dd>{money(summary.totalFinancingCents)}</dd>
        </div>
        <div>
          <dt>{t("summary.debtShare")}</dt>
          <dd>
            {share === null ? (
              t("summary.noFinancing")
            ) : (
              <>
                {t("summary.debtShareValue", {
                  share: format.percent(share),
                  cap: format.percent(DEBT_CAP, 0),
                })}{" "}
                <span className={over ? "funding-warning is-danger" : undefined}>
                  {over ? <Icon name="error" size="xs" /> : null}
                  {over ? t("summary.overCap") : t("summary.withinCap")}
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

const isDanger = (w: FundingWarning) => w.kind === "guarantee_expired" || w.kind === "pledge_overdue";

function Warnings({ summary }: { summary: FundingSummary }) {
  const { t } = useFundingT();
  const format = useFormat();
  const daysText = useDaysText();
  const items = summary.warnings;
  return (
    <section aria-labelledby="funding-warnings-title" className="mb-5">
      <h2 id="funding-warnings-title" className="h3">
        {t("summary.warningsTitle")}
      </h2>
      <p className="small">{t("summary.warningsLead", { date: format.date(summary.asOf) })}</p>
      {items.length === 0 ? (
        <p>{t("summary.noWarnings")}</p>
      ) : (
        <ul className="funding-warnings" aria-label={t("summary.warningsList", { count: items.length })}>
          {items.map((w) => {
            const danger = isDanger(w);
            const values = { label: w.label, date: format.date(w.on), days: daysText(w.days) };
            return (
              <li key={`${w.kind}-${w.subjectId}`} className={danger ? "is-danger" : "is-amber"}>
                <span className={`funding-warning ${danger ? "is-danger" : "is-amber"}`}>
                  <Icon name={danger ? "error" : "clock"} size="sm" />
                  {t(`warnings.kinds.${w.kind}`)}
                </span>
                <div>
                  <Link to={warningHref(w)}>{t(`warnings.texts.${w.kind}`, values)}</Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
