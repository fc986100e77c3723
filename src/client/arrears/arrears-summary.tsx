// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { ArrearsSummary, RateRowView } from "../../domain/arrears/arrears-api.schema.ts";
import { AGEING_BUCKETS } from "../../domain/ledger/account.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { useCoPayments } from "./arrears-api.ts";
import { useArrearsLabels } from "./arrears-labels.ts";

/** One table of rates and ageing: a row per partner or category, then the programme's total. */
function RatesTable({
  id,
  caption,
  keyLabel,
  rows,
  total,
  labelOf,
}: {
  id: string;
  caption: string;
  keyLabel: string;
  rows: readonly RateRowView[];
  total: RateRowView;
  labelOf: (key: string) => string;
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  const rate = (r: number | null) => (r === null ? "—" : format.percent(r, 1));
  const row = (r: RateRowView, label: string, isTotal = false) => (
    <tr key={r.key} className={isTotal ? "table-total" : undefined}>
      <th scope="row">{label}</th>
      <td className="text-end">{format.number(r.tenancies)}</td>
      <td className="text-end text-nowrap">{format.euro(r.chargedCents)}</td>
      <td className="text-end text-nowrap">{format.euro(r.collectedCents)}</td>
      <td className="text-end">{rate(r.collectionRate)}</td>
      <td className="text-end text-nowrap">{format.euro(r.overdueCents)}</td>
      <td className="text-end">{rate(r.arrearsRate)}</td>
      {AGEING_BUCKETS.map((b) => (
        <td key={b} className="text-end text-nowrap">
          {format.euro(r.ageing[b])}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="table-responsive mb-4">
      <table className="table table-sm rates-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col" className="text-end">
              {t("arrears:summary.tenancies")}
            </th>
            <th scope="col" className="text-end">
              {t("arrears:summary.charged")}
            </th>
            <th scope="col" className="text-end">
              {t("arrears:summary.collected")}
            </th>
            <th scope="col" className="text-end">
              {t("arrears:summary.collectionRate")}
            </th>
            <th scope="col" className="text-end">
              {t("arrears:summary.overdue")}
            </th>
            <th scope="col" className="text-end">
              {t("arrears:summary.arrearsRate")}
            </th>
            {AGEING_BUCKETS.map((b) => (
              <th scope="col" key={b} className="text-end">
                {labels.bucket(b)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => row(r, labelOf(r.key)))}
          {row(total, t("arrears:summary.total"), true)}
        </tbody>
      </table>
    </div>
  );
}

/** Riscossione e morosità: the rates and the ageing by partner and by category, as tables. */
export function ArrearsSummaryPanel({
  query,
}: {
  query: { data: ArrearsSummary | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const summary = query.data;
  return (
    <section className="mt-5" aria-labelledby="arrears-summary-title">
      <h2 id="arrears-summary-title" className="h4">
        {t("arrears:summary.title")}
      </h2>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.isPending ? <Loading /> : null}
      {summary ? (
        <>
          <p className="small">{t("arrears:summary.intro", { from: summary.from, to: summary.to })}</p>
          <RatesTable
            id="rates-by-partner"
            caption={t("arrears:summary.byPartner")}
            keyLabel={t("arrears:fields.partner")}
            rows={summary.byPartner}
            total={summary.total}
            labelOf={(key) => key}
          />
          <RatesTable
            id="rates-by-category"
            caption={t("arrears:summary.byCategory")}
            keyLabel={t("arrears:fields.category")}
            rows={summary.byCategory}
            total={summary.total}
            labelOf={labels.category}
          />
        </>
      ) : null}
    </section>
  );
}

/** Compartecipazioni: what the fragilità households were asked over six months and what they paid. */
export function CoPaymentPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const coPayments = useCoPayments();
  const data = coPayments.data;
  return (
    <section className="mt-5" aria-labelledby="co-payments-title">
      <h2 id="co-payments-title" className="h4">
        {t("arrears:coPayments.title")}
      </h2>
      {data ? (
        <p className="small">{t("arrears:coPayments.intro", { from: data.from, to: data.to })}</p>
      ) : null}
      <ListStatus
        query={coPayments}
        count={data?.items.length}
        empty={<p>{t("arrears:coPayments.empty")}</p>}
      />
      {data && data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("arrears:coPayments.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("arrears:fields.tenancy")}</th>
                <th scope="col">{t("arrears:fields.household")}</th>
                <th scope="col">{t("arrears:fields.partner")}</th>
                <th scope="col" className="text-end">
                  {t("arrears:coPayments.coPayment")}
                </th>
                <th scope="col" className="text-end">
                  {t("arrears:summary.charged")}
                </th>
                <th scope="col" className="text-end">
                  {t("arrears:coPayments.paid")}
                </th>
                <th scope="col" className="text-end">
                  {t("arrears:coPayments.sharePaid")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.tenancyId}>
                  <th scope="row" className="font-monospace">
                    {c.reference}
                  </th>
                  <td className="font-monospace">{c.householdReference}</td>
                  <td>{c.partnerCode ?? "—"}</td>
                  <td className="text-end text-nowrap">
                    {format.euro(c.coPaymentCents, { cents: true })}
                    {c.sharePercent !== null ? (
                      <div className="small text-secondary">
                        {t("arrears:coPayments.shareOfIncome", { percent: format.number(c.sharePercent) })}
                      </div>
                    ) : null}
                  </td>
                  <td className="text-end text-nowrap">{format.euro(c.chargedCents, { cents: true })}</td>
                  <td className="text-end text-nowrap">{format.euro(c.paidCents, { cents: true })}</td>
                  <td className="text-end">{c.sharePaid === null ? "—" : format.percent(c.sharePaid, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
