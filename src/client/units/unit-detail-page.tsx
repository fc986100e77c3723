// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  UNIT_CATEGORIES,
  UNIT_CONDITIONS,
  UNIT_ORIGINS,
  UNIT_STATUSES,
  type UnitEvent,
  type UnitStatus,
} from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { AccessRegisterLink, RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { Link } from "../router.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { type UnitLabels, useUnitLabels } from "./unit-labels.ts";
import { type UnitDetail, useTransitionUnit, useUnit, useUnitHistory } from "./units-api.ts";

type Entry = { label: string; value: ReactNode };

function Facts({ title, entries }: { title: string; entries: Entry[] }) {
  return (
    <section className="card shadow-sm h-100" aria-label={title}>
      <div className="card-body">
        <h2 className="h5">{title}</h2>
        <dl className="facts mb-0">
          {entries.map((e) => (
            <div key={e.label} className="facts-row">
              <dt>{e.label}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.some((x) => x === v);

/** A stored value in words: enum labels, yes/no, numbers the local way. */
function useValueText() {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const format = useFormat();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (typeof value === "number") return format.number(value);
    if (field === "status" && isOneOf(UNIT_STATUSES, value)) return labels.status(value);
    if (field === "category" && isOneOf(UNIT_CATEGORIES, value)) return labels.category(value);
    if (field === "origin" && isOneOf(UNIT_ORIGINS, value)) return labels.origin(value);
    if (field === "condition" && isOneOf(UNIT_CONDITIONS, value)) return labels.condition(value);
    return String(value);
  };
}

function EventDescription({ event, labels }: { event: UnitEvent; labels: UnitLabels }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const changes = Object.entries(event.changes);
  return (
    <>
      {event.fromStatus !== null && event.toStatus !== null && event.fromStatus !== event.toStatus ? (
        <p className="mb-1">
          {t("detail.history.statusChange", {
            from: labels.status(event.fromStatus),
            to: labels.status(event.toStatus),
          })}
        </p>
      ) : null}
      {event.fromStatus === null && event.toStatus !== null ? (
        <p className="mb-1">{t("detail.history.initialStatus", { status: labels.status(event.toStatus) })}</p>
      ) : null}
      {changes.length > 0 ? (
        <ul className="list-unstyled mb-1">
          {changes
            .filter(([field]) => field !== "status")
            .map(([field, [before, after]]) => (
              <li key={field}>
                <strong>{labels.field(field)}</strong>: {valueText(field, before)} → {valueText(field, after)}
              </li>
            ))}
        </ul>
      ) : null}
      {event.note ? (
        <p className="mb-0 fst-italic">{t("detail.history.note", { note: event.note })}</p>
      ) : null}
    </>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const format = useFormat();
  const history = useUnitHistory(id);
  return (
    <section className="mt-5" aria-labelledby="history-title">
      <h2 id="history-title" className="h4">
        {t("detail.history.title")}
      </h2>
      <ListStatus
        query={history}
        count={history.data?.items.length}
        empty={<p>{t("detail.history.empty")}</p>}
      />
      {history.data && history.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("detail.history.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("detail.history.when")}</th>
                <th scope="col">{t("detail.history.who")}</th>
                <th scope="col">{t("detail.history.what")}</th>
                <th scope="col">{t("detail.history.details")}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((event) => (
                <tr key={event.id}>
                  <td className="text-nowrap">
                    <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  </td>
                  <td>{event.actorName ?? t("detail.history.system")}</td>
                  <td>{t(`enums.eventKind.${event.kind}`)}</td>
                  <td>
                    <EventDescription event={event} labels={labels} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function Transitions({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const message = useMessage();
  const transition = useTransitionUnit(unit.id);
  const [note, setNote] = useState("");
  const [done, setDone] = useState<UnitStatus | null>(null);
  if (unit.allowedTransitions.length === 0) return null;
  const move = (to: UnitStatus) => {
    setDone(null);
    transition.mutate(
      { to, note },
      {
        onSuccess: () => {
          setDone(to);
          setNote("");
        },
      },
    );
  };
  const failure = transition.error;
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="transitions-title">
      <div className="card-body">
        <h2 id="transitions-title" className="h5">
          {t("detail.transitions.title")}
        </h2>
        <p className="small text-secondary">
          {t("detail.transitions.intro", { status: labels.status(unit.status) })}
        </p>
        <div className="form-group mt-4">
          <label htmlFor="transition-note" className="active">
            {t("detail.transitions.note")}
          </label>
          <input
            id="transition-note"
            type="text"
            className="form-control"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="d-flex flex-wrap gap-2">
          {unit.allowedTransitions.map((to) => (
            <button
              key={to}
              type="button"
              className="btn btn-outline-primary"
              disabled={transition.isPending}
              onClick={() => move(to)}
            >
              {t("detail.transitions.moveTo", { status: labels.status(to) })}
            </button>
          ))}
        </div>
        <div aria-live="polite" className="mt-3">
          {done ? (
            <div className="alert alert-success mb-0">
              {t("detail.transitions.done", { status: labels.status(done) })}
            </div>
          ) : null}
        </div>
        {failure ? (
          <div className="alert alert-danger mt-3 mb-0" role="alert">
            {isApiError(failure, 409)
              ? t("detail.transitions.conflict")
              : isApiError(failure)
                ? message(failure.errors[0]?.message ?? failure.detail)
                : t("errors.generic")}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function RentCaps({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (unit.maxAnnualRentCents === null || unit.maxMonthlyRentCents === null) {
    return <p className="mb-0">{t("detail.rent.uncapped")}</p>;
  }
  return (
    <dl className="facts mb-0">
      <div className="facts-row">
        <dt>{t("detail.rent.annual")}</dt>
        <dd>{format.euro(unit.maxAnnualRentCents, { cents: true })}</dd>
      </div>
      <div className="facts-row">
        <dt>{t("detail.rent.monthly")}</dt>
        <dd>{format.euro(unit.maxMonthlyRentCents, { cents: true })}</dd>
      </div>
      <div className="facts-row">
        <dt>{t("detail.rent.rule")}</dt>
        <dd>{t(`detail.rent.rules.${unit.category}`)}</dd>
      </div>
    </dl>
  );
}

/** Scheda dell'alloggio: its fields, rent caps, status changes and history. */
export function UnitDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const format = useFormat();
  const valueText = useValueText();
  const unit = useUnit(id);
  const canWrite = useCan("units:write");
  const u = unit.data;

  const yesNo = (v: boolean) => valueText("", v);
  // The title stays in place while the unit loads, so the focus put on it survives.
  const title = (
    <PageTitle
      title={u ? t("detail.title", { code: u.code }) : t("detail.loadingTitle")}
      lead={u ? `${u.address}, ${u.town}` : undefined}
    >
      {u ? (
        <div className="d-flex flex-wrap align-items-center gap-3">
          <StatusBadge status={u.status} />
          {canWrite ? (
            <Link to={`/alloggi/${u.id}/modifica`} className="btn btn-primary">
              <Icon name="pencil" size="sm" className="icon-white me-1" />
              {t("detail.edit")}
            </Link>
          ) : null}
          <AccessRegisterLink entity="units" id={u.id} />
        </div>
      ) : null}
    </PageTitle>
  );
  if (!u) {
    return (
      <>
        <RecordBreadcrumb listHref="/alloggi" listLabel={t("nav.units")} current={null} />
        {title}
        <RecordPending query={unit} notFound={t("detail.notFound")} listHref="/alloggi" />
      </>
    );
  }
  return (
    <>
      <RecordBreadcrumb listHref="/alloggi" listLabel={t("nav.units")} current={u.code} />
      {title}
      <div className="row g-4">
        <div className="col-12 col-lg-6">
          <Facts
            title={t("detail.sections.location")}
            entries={[
              { label: t("fields.address"), value: u.address },
              { label: t("fields.town"), value: u.town },
              { label: t("fields.municipio"), value: u.municipio ?? "—" },
              { label: t("fields.buildingCode"), value: u.buildingCode ?? "—" },
              { label: t("fields.floor"), value: u.floor },
              { label: t("fields.lift"), value: yesNo(u.lift) },
            ]}
          />
        </div>
        <div className="col-12 col-lg-6">
          <Facts
            title={t("detail.sections.features")}
            entries={[
              { label: t("fields.surfaceM2"), value: format.squareMetres(u.surfaceM2) },
              { label: t("fields.rooms"), value: u.rooms },
              { label: t("fields.bedrooms"), value: u.bedrooms },
              { label: t("fields.stepFree"), value: yesNo(u.stepFree) },
              { label: t("fields.wheelchairAdapted"), value: yesNo(u.wheelchairAdapted) },
              { label: t("fields.energyClass"), value: u.energyClass ?? "—" },
              { label: t("fields.condition"), value: labels.condition(u.condition) },
            ]}
          />
        </div>
        <div className="col-12 col-lg-6">
          <Facts
            title={t("detail.sections.management")}
            entries={[
              { label: t("fields.origin"), value: labels.origin(u.origin) },
              { label: t("fields.category"), value: labels.category(u.category) },
              {
                label: t("fields.managingPartnerCode"),
                value: u.managingPartnerName
                  ? `${u.managingPartnerName} (${u.managingPartnerCode})`
                  : (u.managingPartnerCode ?? "—"),
              },
              { label: t("fields.comodatoPartnerCode"), value: u.comodatoPartnerCode ?? "—" },
              {
                label: t("fields.comodatoStart"),
                value: u.comodatoStart ? format.date(u.comodatoStart) : "—",
              },
              { label: t("fields.comodatoEnd"), value: u.comodatoEnd ? format.date(u.comodatoEnd) : "—" },
            ]}
          />
        </div>
        <div className="col-12 col-lg-6">
          <section className="card shadow-sm h-100" aria-label={t("detail.rent.title")}>
            <div className="card-body">
              <h2 className="h5">{t("detail.rent.title")}</h2>
              <RentCaps unit={u} />
              {u.notes ? (
                <>
                  <h3 className="h6 mt-4">{t("fields.notes")}</h3>
                  <p className="mb-0 notes">{u.notes}</p>
                </>
              ) : null}
              <p className="small text-secondary mt-4 mb-0">
                {t("detail.updated", { when: format.dateTime(u.updatedAt), version: u.version })}
              </p>
            </div>
          </section>
        </div>
      </div>
      {canWrite ? <Transitions unit={u} /> : null}
      <History id={u.id} />
    </>
  );
}
