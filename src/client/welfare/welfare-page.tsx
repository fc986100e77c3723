// SPDX-License-Identifier: EUPL-1.2
import "./welfare.css";
import type { WelfareOverview } from "../../domain/welfare/welfare-api.schema.ts";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { TableScroll } from "../funding/funding-form.tsx";
import { ServicesSection } from "./services.tsx";
import { SpacesSection } from "./spaces.tsx";
import { useWelfare } from "./welfare-api.ts";
import { useWelfareLabels, useWelfareT } from "./welfare-i18n.ts";
import { placeOfKey, totalsOf } from "./welfare-paths.ts";

/**
 * Welfare di comunità: how many take part in the shared services, per kind and place; the services
 * by place with their activities; the common and non-residential spaces with their rules and bookings.
 */
export function WelfarePage() {
  const { t } = useWelfareT();
  const format = useFormat();
  const welfare = useWelfare();
  const overview = welfare.data;
  return (
    <>
      <PageTitle
        title={t("page.title")}
        lead={overview ? t("page.lead", { date: format.date(overview.asOf) }) : undefined}
      />
      {/* One overview, never empty: the page says so in each section. */}
      <ListStatus query={welfare} count={undefined} empty={null} />
      {overview ? (
        <>
          <nav aria-label={t("page.contents")} className="mb-4">
            <ul className="welfare-contents">
              <li>
                <a href="#partecipazione">{t("participation.title")}</a>
              </li>
              <li>
                <a href="#servizi">{t("services.title")}</a>
              </li>
              <li>
                <a href="#spazi">{t("spaces.title")}</a>
              </li>
            </ul>
          </nav>
          <Participation overview={overview} />
          <ServicesSection overview={overview} />
          <SpacesSection overview={overview} />
        </>
      ) : null}
    </>
  );
}

/** La partecipazione: activities, participants and residents among them, per kind of service and place. */
function Participation({ overview }: { overview: WelfareOverview }) {
  const { t } = useWelfareT();
  const labels = useWelfareLabels();
  const format = useFormat();
  const rows = overview.participation;
  const total = totalsOf(rows);
  const share = (residents: number, participants: number) =>
    participants === 0 ? "—" : format.percent(residents / participants);
  return (
    <section className="mb-5" aria-labelledby="partecipazione">
      <h2 id="partecipazione" className="h3" tabIndex={-1}>
        {t("participation.title")}
      </h2>
      <p>{t("participation.lead")}</p>
      {rows.length === 0 ? (
        <p>{t("participation.empty")}</p>
      ) : (
        <TableScroll label={t("participation.caption")} className="welfare-scroll">
          <table className="table table-sm welfare-table">
            <caption>{t("participation.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("participation.kind")}</th>
                <th scope="col">{t("participation.place")}</th>
                <th scope="col" className="text-end">
                  {t("participation.activities")}
                </th>
                <th scope="col" className="text-end">
                  {t("participation.participants")}
                </th>
                <th scope="col" className="text-end">
                  {t("participation.residents")}
                </th>
                <th scope="col" className="text-end">
                  {t("participation.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}|${row.place}`}>
                  <th scope="row">{labels.kind(row.kind)}</th>
                  <td>{labels.place(placeOfKey(row.place))}</td>
                  <td className="text-end">{format.number(row.activities)}</td>
                  <td className="text-end">{format.number(row.participants)}</td>
                  <td className="text-end">{format.number(row.residents)}</td>
                  <td className="text-end">{share(row.residents, row.participants)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("participation.total")}</th>
                <td />
                <td className="text-end">{format.number(total.activities)}</td>
                <td className="text-end">{format.number(total.participants)}</td>
                <td className="text-end">{format.number(total.residents)}</td>
                <td className="text-end">{share(total.residents, total.participants)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
