// SPDX-License-Identifier: EUPL-1.2
import "./fund.css";
import type { FundEntryView, FundLedger } from "../../domain/fund/fund-api.schema.ts";
import { useCan, useMe } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending, RecordSection } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { useOrganisationName } from "../governance/governance-api.ts";
import { bodyHref } from "../governance/governance-paths.ts";
import { Link } from "../router.tsx";
import { useFundLedger } from "./fund-api.ts";
import { EntryForm, ProposedExpenses } from "./fund-forms.tsx";
import { useFundLabels, useFundT } from "./fund-i18n.ts";
import { NETWORKS_PATH } from "./fund-paths.ts";

/**
 * Fondo di comunità of one Municipio network: its balance, its entries with each expense's decision,
 * the proposed expenses to approve or reject (governance), and the forms to record a contribution or
 * propose an expense (a partner, for its own organisation).
 */
export function NetworkPage({ id }: { id: string }) {
  const { t } = useFundT();
  const ledger = useFundLedger(id);
  const data = ledger.data;
  return (
    <>
      <RecordBreadcrumb
        listHref={NETWORKS_PATH}
        listLabel={t("page.title")}
        current={data?.bodyName ?? null}
      />
      <PageTitle
        title={data ? data.bodyName : t("network.loadingTitle")}
        lead={data ? t("network.lead", { n: data.municipio }) : undefined}
      >
        {data ? (
          <Link to={bodyHref(data.bodyId)} className="btn btn-outline-primary btn-sm">
            {t("network.bodyLink")}
          </Link>
        ) : null}
      </PageTitle>
      {data ? (
        <NetworkView ledger={data} />
      ) : (
        <RecordPending query={ledger} notFound={t("network.notFound")} listHref={NETWORKS_PATH} />
      )}
    </>
  );
}

function NetworkView({ ledger }: { ledger: FundLedger }) {
  const { t } = useFundT();
  const canDecide = useCan("governance:write");
  const canWrite = useCan("fund:write");
  return (
    <>
      <RecordSection id="fondo-saldo" title={t("totals.title")}>
        <Totals ledger={ledger} />
      </RecordSection>
      <RecordSection id="fondo-movimenti" title={t("ledger.title")}>
        <LedgerTable ledger={ledger} />
      </RecordSection>
      {canDecide ? (
        <RecordSection id="fondo-decisioni" title={t("decide.title")}>
          <ProposedExpenses ledger={ledger} />
        </RecordSection>
      ) : null}
      {canWrite ? (
        <RecordSection id="fondo-registra" title={t("entryForm.title")}>
          <EntryForms ledger={ledger} />
        </RecordSection>
      ) : null}
    </>
  );
}

function Totals({ ledger }: { ledger: FundLedger }) {
  const { t } = useFundT();
  const format = useFormat();
  const money = (cents: number) => format.euro(cents, { cents: true });
  return (
    <>
      <dl className="fund-totals">
        <dt>{t("totals.contributions")}</dt>
        <dd>{money(ledger.contributionsCents)}</dd>
        <dt>{t("totals.approved")}</dt>
        <dd>{money(ledger.approvedCents)}</dd>
        <dt className="is-balance">{t("totals.balance")}</dt>
        <dd className="is-balance">
          <strong>{money(ledger.balanceCents)}</strong>
        </dd>
        <dt>{t("totals.proposed")}</dt>
        <dd>{money(ledger.proposedCents)}</dd>
      </dl>
      <p className="small mt-2 mb-0">{t("totals.note")}</p>
    </>
  );
}

function LedgerTable({ ledger }: { ledger: FundLedger }) {
  const { t } = useFundT();
  const format = useFormat();
  const labels = useFundLabels();
  const organisation = useOrganisationName();
  if (ledger.entries.length === 0) return <p>{t("ledger.empty")}</p>;
  const caption = t("ledger.caption", { name: ledger.bodyName });
  return (
    <TableScroll label={caption} className="fund-scroll">
      <table className="table table-sm fund-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ledger.date")}</th>
            <th scope="col">{t("ledger.kind")}</th>
            <th scope="col">{t("ledger.counterpart")}</th>
            <th scope="col">{t("ledger.description")}</th>
            <th scope="col">{t("ledger.organisation")}</th>
            <th scope="col" className="text-end">
              {t("ledger.amount")}
            </th>
            <th scope="col">{t("ledger.status")}</th>
          </tr>
        </thead>
        <tbody>
          {ledger.entries.map((e) => (
            <tr key={e.id}>
              <td className="text-nowrap">{format.date(e.entryOn)}</td>
              <td>{labels.kind(e.kind)}</td>
              <th scope="row">{e.counterpart}</th>
              <td className="fund-text">{e.description}</td>
              <td>{organisation(e.organisationCode)}</td>
              <td className="text-end text-nowrap">{format.euro(e.amountCents, { cents: true })}</td>
              <td>
                <EntryStatus entry={e} ledger={ledger} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** An entry's status in words; an approved expense names its decision, linked to the body's page. */
function EntryStatus({ entry, ledger }: { entry: FundEntryView; ledger: FundLedger }) {
  const { t } = useFundT();
  const labels = useFundLabels();
  return (
    <>
      <span className={`badge fund-badge status-${entry.status}`}>{labels.status(entry.status)}</span>
      {entry.status === "approved" && entry.decisionNumber !== null ? (
        <span className="d-block small mt-1">
          <Link to={bodyHref(ledger.bodyId)}>
            {t("ledger.decisionN", { number: entry.decisionNumber })}
            <span className="visually-hidden"> {t("ledger.decisionOf", { name: ledger.bodyName })}</span>
          </Link>
        </span>
      ) : null}
    </>
  );
}

function EntryForms({ ledger }: { ledger: FundLedger }) {
  const { t } = useFundT();
  const { data: me } = useMe();
  const done = useDone();
  return (
    <>
      <p>{t("entryForm.lead", { organisation: me?.organisation.name ?? "" })}</p>
      {done.node}
      <EntryForm kind="contribution" ledger={ledger} onSaved={done.say} />
      <EntryForm kind="expense" ledger={ledger} onSaved={done.say} />
    </>
  );
}
