// SPDX-License-Identifier: EUPL-1.2
import "./fund.css";
import type { UseQueryResult } from "@tanstack/react-query";
import type { FundLedger } from "../../domain/fund/fund-api.schema.ts";
import type { BodySummaryView } from "../../domain/governance/governance-api.schema.ts";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { TableScroll } from "../funding/funding-form.tsx";
import { useBodies } from "../governance/governance-api.ts";
import { GOVERNANCE_PATH } from "../governance/governance-paths.ts";
import { Link } from "../router.tsx";
import { useFundLedgers } from "./fund-api.ts";
import { useFundT } from "./fund-i18n.ts";
import { networkHref, networksOf } from "./fund-paths.ts";

/**
 * Reti territoriali e fondo di comunità: the Municipio networks (management bodies of one Municipio),
 * each with its fund's totals and balance, read from each network's own ledger.
 */
export function NetworksPage() {
  const { t } = useFundT();
  const bodies = useBodies();
  const networks = networksOf(bodies.data?.bodies ?? []);
  const ledgers = useFundLedgers(networks.map((n) => n.id));
  return (
    <>
      <PageTitle title={t("page.title")} lead={t("page.lead")} />
      <ListStatus
        query={bodies}
        count={bodies.data ? networks.length : undefined}
        empty={
          <p>
            {t("page.empty")} <Link to={GOVERNANCE_PATH}>{t("page.governanceLink")}</Link>
          </p>
        }
      />
      {networks.length > 0 ? (
        <TableScroll label={t("page.caption")} className="fund-scroll">
          <table className="table fund-table">
            <caption>{t("page.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("page.network")}</th>
                <th scope="col">{t("page.municipio")}</th>
                <th scope="col" className="text-end">
                  {t("totals.contributions")}
                </th>
                <th scope="col" className="text-end">
                  {t("totals.approved")}
                </th>
                <th scope="col" className="text-end">
                  {t("totals.proposed")}
                </th>
                <th scope="col" className="text-end">
                  {t("totals.balance")}
                </th>
              </tr>
            </thead>
            <tbody>
              {networks.map((network, i) => (
                <NetworkRow key={network.id} network={network} ledger={ledgers[i]} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

function NetworkRow({
  network,
  ledger,
}: {
  network: BodySummaryView & { municipio: number };
  ledger: UseQueryResult<FundLedger> | undefined;
}) {
  const { t } = useFundT();
  const format = useFormat();
  const money = (cents: number) => format.euro(cents, { cents: true });
  const data = ledger?.data;
  return (
    <tr>
      <th scope="row">
        <Link to={networkHref(network.id)}>{network.name}</Link>
      </th>
      <td>{t("page.municipioN", { n: network.municipio })}</td>
      {data ? (
        <>
          <td className="text-end text-nowrap">{money(data.contributionsCents)}</td>
          <td className="text-end text-nowrap">{money(data.approvedCents)}</td>
          <td className="text-end text-nowrap">{money(data.proposedCents)}</td>
          <td className="text-end text-nowrap">
            <strong>{money(data.balanceCents)}</strong>
          </td>
        </>
      ) : (
        <td colSpan={4}>
          {ledger?.error ? (
            <>
              {t("page.ledgerFailed")}{" "}
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => ledger.refetch()}
              >
                {t("page.retry", { name: network.name })}
              </button>
            </>
          ) : (
            t("page.ledgerLoading")
          )}
        </td>
      )}
    </tr>
  );
}
