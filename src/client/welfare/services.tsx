// SPDX-License-Identifier: EUPL-1.2
import type { WelfareOverview, WelfareServiceView } from "../../domain/welfare/welfare-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { useOrganisationName } from "../governance/governance-api.ts";
import { ByPlaceSection } from "./by-place-section.tsx";
import { ActivityForm, StartServiceForm } from "./service-forms.tsx";
import { CardDetails, WelfareCard } from "./welfare-card.tsx";
import { useWelfareLabels, useWelfareT } from "./welfare-i18n.ts";
import { serviceId, servicesPlaceId } from "./welfare-paths.ts";

/** I servizi condivisi: by place (Municipio or town), each with its activities and their totals. */
export function ServicesSection({ overview }: { overview: WelfareOverview }) {
  const canWrite = useCan("welfare:write");
  return (
    <ByPlaceSection
      id="servizi"
      part="services"
      records={overview.services}
      placeId={servicesPlaceId}
      card={(s) => (
        <ServiceCard key={s.id} service={s} asOf={overview.asOf} canWrite={canWrite && s.editable} />
      )}
    >
      {canWrite ? <StartServiceForm /> : null}
    </ByPlaceSection>
  );
}

/** Whether a service runs on `day`, has not started yet, or has ended. */
export function serviceStanding(s: Pick<WelfareServiceView, "startedOn" | "endedOn">, day: string) {
  if (s.startedOn > day) return "upcoming" as const;
  if (s.endedOn !== null && s.endedOn < day) return "ended" as const;
  return "running" as const;
}

function ServiceCard({
  service: s,
  asOf,
  canWrite,
}: {
  service: WelfareServiceView;
  asOf: string;
  canWrite: boolean;
}) {
  const { t } = useWelfareT();
  const labels = useWelfareLabels();
  const format = useFormat();
  const organisation = useOrganisationName();
  const done = useDone();
  const id = serviceId(s.id);
  return (
    <WelfareCard id={id} name={s.name}>
      <dl className="welfare-facts small">
        <dt>{t("services.kind")}</dt>
        <dd>{labels.kind(s.kind)}</dd>
        <dt>{t("services.where")}</dt>
        <dd>
          {s.buildingCode === null
            ? t("services.neighbourhood", { place: labels.place(s) })
            : t("services.building", { code: s.buildingCode, place: labels.place(s) })}
        </dd>
        <dt>{t("services.organisation")}</dt>
        <dd>{organisation(s.organisationCode)}</dd>
        <dt>{t("services.period")}</dt>
        <dd>
          {s.endedOn === null
            ? t("services.since", { date: format.date(s.startedOn) })
            : t("services.between", { from: format.date(s.startedOn), to: format.date(s.endedOn) })}{" "}
          ({t(`standing.${serviceStanding(s, asOf)}`)})
        </dd>
      </dl>
      {s.description === "" ? null : <p className="welfare-text mb-2">{s.description}</p>}
      <ActivitiesTable service={s} />
      {canWrite ? (
        <>
          {done.node}
          <CardDetails label={t("activityForm.open")} name={s.name}>
            <ActivityForm service={s} onSaved={done.say} />
          </CardDetails>
        </>
      ) : null}
    </WelfareCard>
  );
}

/** A service's activities, the first first, with how many took part: counts only, never who. */
function ActivitiesTable({ service: s }: { service: WelfareServiceView }) {
  const { t } = useWelfareT();
  const format = useFormat();
  if (s.activities.length === 0) return <p className="small">{t("activities.empty")}</p>;
  const caption = t("activities.caption", { name: s.name });
  return (
    <TableScroll label={caption} className="welfare-scroll">
      <table className="table table-sm welfare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("activities.title")}</th>
            <th scope="col">{t("activities.heldOn")}</th>
            <th scope="col" className="text-end">
              {t("activities.participants")}
            </th>
            <th scope="col" className="text-end">
              {t("activities.residents")}
            </th>
            <th scope="col">{t("activities.note")}</th>
          </tr>
        </thead>
        <tbody>
          {s.activities.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.title}</th>
              <td>{format.date(a.heldOn)}</td>
              <td className="text-end">{format.number(a.participants)}</td>
              <td className="text-end">{format.number(a.residents)}</td>
              <td className="welfare-text">{a.note === "" ? "—" : a.note}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("activities.total", { count: s.activities.length })}</th>
            <td />
            <td className="text-end">{format.number(s.participants)}</td>
            <td className="text-end">{format.number(s.residents)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
