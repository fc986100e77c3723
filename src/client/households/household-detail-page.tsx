// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from "../../domain/households/household-status.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { AccessRegisterLink, RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { type Tab, Tabs } from "../components/tabs.tsx";
import { useFormat } from "../format.ts";
import { navigate, useLocation } from "../router.tsx";
import { InterventionsTab } from "../support-plans/interventions-tab.tsx";
import { PlanTab } from "../support-plans/plan-tab.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { ConsentsTab } from "./consents-tab.tsx";
import { DocumentsTab } from "./documents-tab.tsx";
import { ExitTab, mayExit } from "./exit-tab.tsx";
import { HouseholdStatusBadge } from "./household-badges.tsx";
import { householdHref, RECORD_TABS, type RecordTab } from "./household-href.ts";
import { PRIORITY_FACTS, useHouseholdLabels } from "./household-labels.ts";
import { useHouseholdMessage } from "./household-messages.ts";
import { HouseholdTimeline } from "./household-timeline.tsx";
import { useHousehold, useTransitionHousehold } from "./households-api.ts";

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

function Transitions({ household, onExit }: { household: HouseholdDetail; onExit: () => void }) {
  const { t } = useTranslation();
  const labels = useHouseholdLabels();
  const message = useHouseholdMessage();
  const transition = useTransitionHousehold(household.id);
  const [note, setNote] = useState("");
  const [done, setDone] = useState<HouseholdStatus | null>(null);
  // The exit is recorded with its date, destination and follow-ups, in its own tab.
  const moves = household.allowedTransitions.filter((to) => to !== "exited");
  if (moves.length === 0 && !mayExit(household)) return null;
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
            {moves.map((to) => (
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
        {mayExit(household) ? (
          <p className="mt-3 mb-0">
            {t("households.transitions.exitHint")}{" "}
            <button type="button" className="btn btn-link p-0 align-baseline" onClick={onExit}>
              {t("households.transitions.openExit")}
            </button>
          </p>
        ) : null}
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

function Registry({ household: h, onExit }: { household: HouseholdDetail; onExit: () => void }) {
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
              {h.needs === null ? (
                <p className="restricted-value">{t("households.detail.teamOnly")}</p>
              ) : h.needs.length === 0 ? (
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
      {canWrite ? <Transitions household={h} onExit={onExit} /> : null}
      <div className="row g-4 mt-1">
        <div className="col-12 col-lg-5">
          <Durations household={h} />
        </div>
      </div>
    </>
  );
}

/** What the caller does not see of this household, said once above the tabs. */
function RestrictedNotice({ household: h }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const withdrawn = h.consentWithdrawn.includes("special_categories");
  if (h.specialCategories === "full" && h.consentWithdrawn.length === 0) return null;
  return (
    <div className="alert alert-info" role="note">
      {h.specialCategories === "restricted" ? (
        <p className="mb-1">
          {withdrawn ? t("households.detail.restrictedWithdrawn") : t("households.detail.restricted")}
        </p>
      ) : null}
      {h.consentWithdrawn.length > 0 ? (
        <p className="mb-0">
          {t("households.detail.consentWithdrawn", {
            purposes: h.consentWithdrawn.map((p) => t(`consents.enums.purpose.${p}`)).join(", "),
          })}
        </p>
      ) : null}
    </div>
  );
}

function RecordTabs({ household: h, tab }: { household: HouseholdDetail; tab: RecordTab }) {
  const { t } = useTranslation();
  const open = (key: RecordTab) => navigate(householdHref(h.id, key), { replace: true, keepScroll: true });
  const openExit = () => {
    open("uscita");
    requestAnimationFrame(() => document.getElementById("household-tab-uscita")?.focus());
  };
  const tabs: Tab<RecordTab>[] = RECORD_TABS.map((key) => ({ key, label: t(`households.tabs.${key}`) }));
  return (
    <Tabs label={t("households.tabs.label")} idPrefix="household" tabs={tabs} selected={tab} onSelect={open}>
      {tab === "anagrafica" ? <Registry household={h} onExit={openExit} /> : null}
      {tab === "cronologia" ? <HouseholdTimeline id={h.id} /> : null}
      {tab === "progetto" ? <PlanTab household={h} /> : null}
      {tab === "interventi" ? <InterventionsTab household={h} /> : null}
      {tab === "documenti" ? <DocumentsTab household={h} /> : null}
      {tab === "consensi" ? <ConsentsTab household={h} /> : null}
      {tab === "uscita" ? <ExitTab household={h} /> : null}
    </Tabs>
  );
}

/**
 * Scheda del nucleo, in tabs: the registry (members, needs, priority facts, income, status with its
 * moves, durations), the timeline, the support plan, interventions, documents, consents and the exit.
 */
export function HouseholdDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const asked = search.get("sezione");
  const tab = RECORD_TABS.find((k) => k === asked) ?? "anagrafica";
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
      <RestrictedNotice household={h} />
      <RecordTabs household={h} tab={tab} />
    </>
  );
}
