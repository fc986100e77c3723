// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type HouseholdDetail,
  REFERRAL_STATUSES,
  type TimelineEntry,
} from "../../domain/households/household-api.schema.ts";
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from "../../domain/households/household-status.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { AccessRegisterLink, RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { useUnitLabels } from "../units/unit-labels.ts";
import { HouseholdStatusBadge } from "./household-badges.tsx";
import { PRIORITY_FACTS, useHouseholdLabels } from "./household-labels.ts";
import { referredPartnerOf, useHouseholdMessage } from "./household-messages.ts";
import { useHousehold, useHouseholdTimeline, useTransitionHousehold } from "./households-api.ts";

type Entry = { label: string; value: ReactNode };

function Facts({
  id,
  title,
  entries,
  children,
}: {
  id: string;
  title: string;
  entries: Entry[];
  children?: ReactNode;
}) {
  return (
    <section className="card shadow-sm h-100" aria-labelledby={id}>
      <div className="card-body">
        <h2 id={id} className="h5">
          {title}
        </h2>
        <dl className="facts mb-0">
          {entries.map((e) => (
            <div key={e.label} className="facts-row">
              <dt>{e.label}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
        {children}
      </div>
    </section>
  );
}

function Members({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const format = useFormat();
  return (
    <section className="mt-5" aria-labelledby="members-title">
      <h2 id="members-title" className="h4">
        {t("households.detail.members", { count: household.members.length })}
      </h2>
      <div className="table-responsive">
        <table className="table">
          <caption className="visually-hidden">{t("households.detail.membersCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("households.fields.name")}</th>
              <th scope="col">{t("households.fields.relationship")}</th>
              <th scope="col">{t("households.fields.fiscalCode")}</th>
              <th scope="col">{t("households.fields.birthDate")}</th>
              <th scope="col">{t("households.fields.sex")}</th>
              <th scope="col">{t("households.fields.citizenship")}</th>
            </tr>
          </thead>
          <tbody>
            {household.members.map((m) => (
              <tr key={m.fiscalCode}>
                <th scope="row">
                  {m.givenName} {m.familyName}
                </th>
                <td>{labels.relationship(m.relationship)}</td>
                <td>
                  <span className="font-monospace">{m.fiscalCode}</span>
                </td>
                <td className="text-nowrap">{format.date(m.birthDate)}</td>
                <td>{labels.sex(m.sex)}</td>
                <td>{m.citizenship}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The error of one field of the transition (from problem+json), already translated. */
function fieldError(error: unknown, path: string, message: (m: string) => string): string | undefined {
  if (!isApiError(error)) return undefined;
  const issue = error.errors.find((e) => e.path === path);
  return issue ? message(issue.message) : undefined;
}

function Transitions({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const message = useHouseholdMessage();
  const transition = useTransitionHousehold(household.id);
  const [note, setNote] = useState("");
  const [done, setDone] = useState<HouseholdStatus | null>(null);
  if (household.allowedTransitions.length === 0) return null;
  const move = (to: HouseholdStatus) => {
    setDone(null);
    transition.mutate(
      { to, note: note.trim() === "" ? undefined : note.trim() },
      {
        onSuccess: () => {
          setDone(to);
          setNote("");
        },
      },
    );
  };
  const failure = transition.error;
  const noteError = fieldError(failure, "note", message);
  const toError = fieldError(failure, "to", message);
  const known = noteError !== undefined || toError !== undefined;
  const noteDescribedBy = ["transition-note-hint", noteError ? "transition-note-error" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="transitions-title">
      <div className="card-body">
        <h2 id="transitions-title" className="h5">
          {t("households.transitions.title")}
        </h2>
        <p className="small text-secondary">
          {t("households.transitions.intro", { status: labels.status(household.status) })}
        </p>
        <div className="form-group mt-4">
          <label htmlFor="transition-note" className="active">
            {t("households.transitions.note")}
          </label>
          <textarea
            id="transition-note"
            className={`form-control${noteError ? " is-invalid" : ""}`}
            rows={2}
            maxLength={500}
            value={note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteDescribedBy}
            onChange={(e) => setNote(e.target.value)}
          />
          <small id="transition-note-hint" className="form-text">
            {t("households.transitions.noteHint")}
          </small>
          {noteError ? (
            <div id="transition-note-error" className="field-error">
              {noteError}
            </div>
          ) : null}
        </div>
        <fieldset className="check-group mb-0" aria-describedby={toError ? "transition-to-error" : undefined}>
          <legend className="visually-hidden">{t("households.transitions.choices")}</legend>
          <div className="d-flex flex-wrap gap-2">
            {household.allowedTransitions.map((to) => (
              <button
                key={to}
                type="button"
                className="btn btn-outline-primary"
                disabled={transition.isPending}
                onClick={() => move(to)}
              >
                {t("households.transitions.moveTo", { status: labels.status(to) })}
              </button>
            ))}
          </div>
          {toError ? (
            <div id="transition-to-error" className="field-error" role="alert">
              {toError}
            </div>
          ) : null}
        </fieldset>
        <div aria-live="polite" className="mt-3">
          {done ? (
            <div className="alert alert-success mb-0">
              {t("households.transitions.done", { status: labels.status(done) })}
            </div>
          ) : null}
          {failure && !known ? (
            <div className="alert alert-danger mb-0">
              {isApiError(failure, 409)
                ? t("households.transitions.conflict")
                : isApiError(failure)
                  ? message(failure.errors[0]?.message ?? failure.detail)
                  : t("errors.generic")}
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function Durations({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const format = useFormat();
  const { daysIn, referralToHousingDays } = household.durations;
  const stays = HOUSEHOLD_STATUSES.flatMap((s) => {
    const days = daysIn[s];
    return days === undefined || days === null ? [] : [{ status: s, days }];
  });
  return (
    <section className="card shadow-sm h-100" aria-labelledby="durations-title">
      <div className="card-body">
        <h2 id="durations-title" className="h5">
          {t("households.durations.title")}
        </h2>
        <table className="table table-sm mb-3">
          <caption className="visually-hidden">{t("households.durations.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("households.fields.status")}</th>
              <th scope="col" className="text-end">
                {t("households.durations.days")}
              </th>
            </tr>
          </thead>
          <tbody>
            {stays.map(({ status, days }) => (
              <tr key={status}>
                <th scope="row">
                  {labels.status(status)}
                  {status === household.status ? (
                    <span className="text-secondary"> ({t("households.durations.current")})</span>
                  ) : null}
                </th>
                <td className="text-end">
                  {t("households.durations.daysN", { count: days, n: format.number(days) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mb-0">
          {referralToHousingDays === null
            ? t("households.durations.notHoused")
            : t("households.durations.referralToHousing", {
                count: referralToHousingDays,
                n: format.number(referralToHousingDays),
              })}
        </p>
      </div>
    </section>
  );
}

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.some((x) => x === v);

/** What happened, in words: a status change, or a referral sent, accepted or returned. */
function TimelineText({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const status = (s: string) => (isOneOf(HOUSEHOLD_STATUSES, s) ? labels.status(s) : s);
  if (entry.kind === "referral") {
    const what = isOneOf(REFERRAL_STATUSES, entry.to) ? entry.to : "pending";
    const partner = referredPartnerOf(entry.note);
    return (
      <>
        <p className="mb-1">{t(`households.timeline.referral.${what}`)}</p>
        {entry.note ? (
          <p className="mb-1 notes">
            {what === "pending" && partner !== null
              ? t("households.timeline.referredTo", { partner })
              : t(`households.timeline.referralNote.${what}`, { note: entry.note })}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <p className="mb-1">
        {entry.from === null
          ? t("households.timeline.initial", { status: status(entry.to) })
          : t("households.timeline.status", { from: status(entry.from), to: status(entry.to) })}
      </p>
      {entry.note ? (
        <p className="mb-1 fst-italic notes">{t("households.timeline.note", { note: entry.note })}</p>
      ) : null}
    </>
  );
}

function Timeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const format = useFormat();
  const timeline = useHouseholdTimeline(id);
  const items = timeline.data?.items;
  return (
    <section className="mt-5" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="h4">
        {t("households.timeline.title")}
      </h2>
      <p className="small text-secondary">{t("households.timeline.intro")}</p>
      {timeline.error ? <ErrorAlert error={timeline.error} onRetry={() => timeline.refetch()} /> : null}
      {timeline.isPending ? <Loading /> : null}
      {items && items.length === 0 ? <p>{t("households.timeline.empty")}</p> : null}
      {items && items.length > 0 ? (
        <ol className="timeline" aria-labelledby="timeline-title">
          {items.map((entry, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; their order is their identity.
            <li key={i} className="timeline-entry">
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              <TimelineText entry={entry} />
              <p className="mb-0 small">
                {entry.actor
                  ? t("households.timeline.by", {
                      name: entry.actor.name,
                      role: labels.role(entry.actor.role),
                    })
                  : t("households.timeline.system")}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function YesNoList({ items }: { items: { key: string; label: string; value: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts mb-0">
      {items.map((item) => (
        <div key={item.key} className="facts-row">
          <dt>{item.label}</dt>
          <dd>{item.value ? t("common.yes") : t("common.no")}</dd>
        </div>
      ))}
    </dl>
  );
}

function Record({ household: h }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const unitLabels = useUnitLabels();
  const format = useFormat();
  const canWrite = useCan("households:write");
  const needsId = useId();
  const money = (cents: number | null) => (cents === null ? "—" : format.euro(cents, { cents: true }));
  return (
    <>
      <div className="row g-4">
        <div className="col-12 col-lg-6">
          <Facts
            id="path-title"
            title={t("households.detail.sections.path")}
            entries={[
              { label: t("households.fields.status"), value: <HouseholdStatusBadge status={h.status} /> },
              ...(h.status === "suspended" && h.suspendedFrom
                ? [{ label: t("households.fields.suspendedFrom"), value: labels.status(h.suspendedFrom) }]
                : []),
              { label: t("households.fields.targetGroup"), value: labels.targetGroup(h.targetGroup) },
              { label: t("households.fields.category"), value: unitLabels.category(h.category) },
              {
                label: t("households.fields.partner"),
                value: h.partner ? `${h.partner.name} (${h.partner.code})` : t("households.noPartner"),
              },
              {
                label: t("households.fields.referringOrganisation"),
                value: h.referringOrganisation.name,
              },
              { label: t("households.fields.createdAt"), value: format.dateTime(h.createdAt) },
            ]}
          />
        </div>
        <div className="col-12 col-lg-6">
          <Facts
            id="housing-title"
            title={t("households.detail.sections.housing")}
            entries={[
              {
                label: t("households.fields.housingSituation"),
                value: labels.housingSituation(h.housingSituation),
              },
              {
                label: t("households.fields.accessibilityNeed"),
                value: labels.accessibilityNeed(h.accessibilityNeed),
              },
              { label: t("households.fields.phone"), value: h.phone || "—" },
              { label: t("households.fields.email"), value: h.email || "—" },
            ]}
          />
        </div>
        <div className="col-12 col-lg-6">
          <Facts
            id="income-title"
            title={t("households.detail.sections.income")}
            entries={[
              { label: t("households.fields.income"), value: money(h.incomeCents) },
              { label: t("households.fields.isee"), value: money(h.iseeCents) },
              { label: t("households.fields.iseeDate"), value: h.iseeDate ? format.date(h.iseeDate) : "—" },
            ]}
          />
        </div>
        <div className="col-12 col-lg-6">
          <section className="card shadow-sm h-100" aria-labelledby="needs-title">
            <div className="card-body">
              <h2 id="needs-title" className="h5">
                {t("households.detail.sections.needs")}
              </h2>
              <h3 id={needsId} className="h6">
                {t("households.fields.needs")}
              </h3>
              {h.needs.length === 0 ? (
                <p>{t("households.detail.noNeeds")}</p>
              ) : (
                <ul aria-labelledby={needsId}>
                  {h.needs.map((n) => (
                    <li key={n}>{labels.need(n)}</li>
                  ))}
                </ul>
              )}
              <h3 className="h6 mt-3">{t("households.fields.priority")}</h3>
              <YesNoList
                items={PRIORITY_FACTS.map((p) => ({
                  key: p,
                  label: labels.priority(p),
                  value: h.priority[p],
                }))}
              />
            </div>
          </section>
        </div>
      </div>
      <Members household={h} />
      {canWrite ? <Transitions household={h} /> : null}
      <div className="row g-4 mt-1">
        <div className="col-12 col-lg-5">
          <Durations household={h} />
        </div>
      </div>
      <Timeline id={h.id} />
    </>
  );
}

/** Scheda del nucleo: members, needs, priority facts, income, status with its moves, durations, timeline. */
export function HouseholdDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const household = useHousehold(id);
  const h = household.data;
  const head = h?.members.find((m) => m.relationship === "head") ?? h?.members[0];
  // The title stays in place while the household loads, so the focus put on it survives.
  const title = (
    <PageTitle
      title={
        h ? t("households.detail.title", { reference: h.reference }) : t("households.detail.loadingTitle")
      }
      lead={head ? t("households.detail.lead", { name: `${head.givenName} ${head.familyName}` }) : undefined}
    >
      {h ? (
        <div className="d-flex flex-wrap align-items-center gap-3">
          <HouseholdStatusBadge status={h.status} />
          <AccessRegisterLink entity="households" id={h.id} />
        </div>
      ) : null}
    </PageTitle>
  );
  if (!h) {
    return (
      <>
        <RecordBreadcrumb listHref="/nuclei" listLabel={t("households.nav")} current={null} />
        {title}
        <RecordPending query={household} notFound={t("households.detail.notFound")} listHref="/nuclei" />
      </>
    );
  }
  return (
    <>
      <RecordBreadcrumb listHref="/nuclei" listLabel={t("households.nav")} current={h.reference} />
      {title}
      <Record household={h} />
    </>
  );
}
