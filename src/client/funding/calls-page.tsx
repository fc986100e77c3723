// SPDX-License-Identifier: EUPL-1.2
import "./funding.css";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ApplicationInput,
  FundingCallInput,
  FundingCallUpdate,
  OutcomeInput,
} from "../../domain/funding/funding.ts";
import type { ApplicationView, FundingCallView } from "../../domain/funding/funding-api.schema.ts";
import { useCan, useMe } from "../auth/session.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { centsOf, euroInput } from "../tenancies/money.ts";
import { useApply, useCreateCall, useFundingCalls, useOutcome, useUpdateCall } from "./funding-api.ts";
import { ApplicationStatusBadge, DaysLeft, FitBadge } from "./funding-badges.tsx";
import {
  FormCard,
  localToday,
  orNull,
  orUndefined,
  TableScroll,
  useDone,
  useFundingForm,
  useScrollToHash,
} from "./funding-form.tsx";
import { useFundingLabels, useFundingT } from "./funding-i18n.ts";
import { anchorOf, FUNDING_PATH } from "./funding-paths.ts";

/** Bandi: the calls for funding with their applications; apply, record an outcome, add a call. */
export function CallsPage() {
  const { t } = useFundingT();
  const format = useFormat();
  const labels = useFundingLabels();
  const canWrite = useCan("funding:write");
  const calls = useFundingCalls();
  const items = calls.data?.items;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const done = useDone();
  useScrollToHash(items !== undefined);
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = canWrite ? 8 : 7;
  const money = (cents: number) => format.euro(cents, { cents: true });
  return (
    <>
      <RecordBreadcrumb listHref={FUNDING_PATH} listLabel={t("summary.title")} current={t("calls.title")} />
      <PageTitle title={t("calls.title")} lead={t("calls.lead")} />
      <h2 id="calls-list-title" className="h3">
        {t("calls.listTitle")}
      </h2>
      <ListStatus query={calls} count={items?.length} empty={<p>{t("calls.empty")}</p>} />
      {items && items.length > 0 ? (
        <TableScroll className="mb-5" label={t("calls.caption", { count: items.length })}>
          <table className="table funding-table">
            <caption>{t("calls.caption", { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("calls.funder")}</th>
                <th scope="col">{t("calls.titleColumn")}</th>
                <th scope="col">{t("calls.area")}</th>
                <th scope="col">{t("calls.deadline")}</th>
                <th scope="col" className="text-end">
                  {t("calls.maxAmount")}
                </th>
                <th scope="col">{t("calls.fit")}</th>
                <th scope="col">{t("calls.applications")}</th>
                {canWrite ? <th scope="col">{t("calls.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => {
                const isOpen = open.has(c.id);
                const panelId = `${anchorOf.call(c.id)}-azioni`;
                return (
                  <Fragment key={c.id}>
                    <tr id={anchorOf.call(c.id)} tabIndex={-1}>
                      <td>{c.funder}</td>
                      <th scope="row">
                        {c.url ? <a href={c.url}>{c.title}</a> : c.title}
                        {c.notes ? <div className="small fw-normal">{c.notes}</div> : null}
                      </th>
                      <td>{labels.area(c.area)}</td>
                      <td>
                        <div className="text-nowrap">{format.date(c.deadline)}</div>
                        <DaysLeft
                          days={c.daysToDeadline}
                          warn={c.deadlineSoon}
                          note={c.deadlineSoon ? t("calls.noApplication") : undefined}
                        />
                      </td>
                      <td className="text-end text-nowrap">
                        {c.maxAmountCents === null ? t("calls.notStated") : money(c.maxAmountCents)}
                      </td>
                      <td>
                        <FitBadge fit={c.fit} />
                      </td>
                      <td>
                        <Applications applications={c.applications} />
                      </td>
                      {canWrite ? (
                        <td>
                          <button
                            type="button"
                            className="btn btn-sm btn-outline-primary"
                            aria-expanded={isOpen}
                            aria-controls={panelId}
                            onClick={() => toggle(c.id)}
                          >
                            {t("calls.manage")}
                            <span className="visually-hidden"> {t("calls.theCall", { title: c.title })}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {canWrite ? (
                      <tr id={panelId} className="funding-actions-row" hidden={!isOpen}>
                        <td colSpan={columns}>{isOpen ? <CallActions call={c} /> : null}</td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {canWrite ? (
        <section aria-labelledby="call-form-title">
          <h2 id="call-form-title" className="h3">
            {t("callForm.title")}
          </h2>
          {done.node}
          <CallForm onSaved={(saved) => done.say(t("callForm.done", { title: saved.title }))} />
        </section>
      ) : null}
    </>
  );
}

/** The applications to one call, each with its partner, amount and status. */
function Applications({ applications }: { applications: readonly ApplicationView[] }) {
  const { t } = useFundingT();
  const format = useFormat();
  if (applications.length === 0) return <span>{t("calls.noApplications")}</span>;
  return (
    <ul>
      {applications.map((a) => (
        <li key={a.id}>
          {t("calls.applicationLine", {
            partner: a.partnerName,
            amount: format.euro(a.requestedCents, { cents: true }),
          })}{" "}
          <ApplicationStatusBadge status={a.status} />
          {a.awardedCents !== null ? (
            <div className="small">
              {t("calls.awardedLine", { amount: format.euro(a.awardedCents, { cents: true }) })}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** What can be done on one call: apply, record the outcome of a pending application, change it. */
function CallActions({ call }: { call: FundingCallView }) {
  const { t } = useFundingT();
  const format = useFormat();
  const done = useDone();
  const { data: me } = useMe();
  const pending = call.applications.filter((a) => a.status === "submitted");
  // An organisation applies once to a call; the server refuses a second application anyway.
  const applied = call.applications.some((a) => a.partnerCode === me?.organisation.code);
  return (
    <div className="py-2">
      {done.node}
      <div className="row">
        <div className="col-12 col-lg-6">
          <FormCard id={`call-${call.id}-apply`} level={3} title={t("apply.title", { title: call.title })}>
            {applied ? (
              <p className="mb-0">{t("apply.already")}</p>
            ) : (
              <ApplyForm call={call} onSaved={() => done.say(t("apply.done", { title: call.title }))} />
            )}
          </FormCard>
        </div>
        {pending.map((a) => (
          <div className="col-12 col-lg-6" key={a.id}>
            <FormCard
              id={`application-${a.id}`}
              level={3}
              title={t("outcome.title", { partner: a.partnerName })}
              lead={t("outcome.lead", {
                amount: format.euro(a.requestedCents, { cents: true }),
                date: format.date(a.submittedOn),
              })}
            >
              <OutcomeForm key={`${a.id}-${a.version}`} application={a} onSaved={(text) => done.say(text)} />
            </FormCard>
          </div>
        ))}
      </div>
      <details className="funding-details">
        <summary>{t("callForm.editTitle", { title: call.title })}</summary>
        <CallForm
          key={`${call.id}-${call.version}`}
          editing={call}
          onSaved={(saved) => done.say(t("callForm.updated", { title: saved.title }))}
        />
      </details>
    </div>
  );
}

const CALL_FIELDS = ["funder", "title", "area", "deadline", "maxAmount", "fit", "url", "notes"] as const;
type CallField = (typeof CALL_FIELDS)[number];

/** A new call for funding, or a change to one (with the version read). */
function CallForm({
  editing,
  onSaved,
}: {
  editing?: FundingCallView;
  onSaved: (saved: FundingCallView) => void;
}) {
  const { t } = useFundingT();
  const { t: common, i18n } = useTranslation();
  const labels = useFundingLabels();
  const create = useCreateCall();
  const update = useUpdateCall(editing?.id ?? "");
  const id = editing ? `call-${editing.id}-edit` : "call-new";
  const empty: Record<CallField, string> = {
    funder: editing?.funder ?? "",
    title: editing?.title ?? "",
    area: editing?.area ?? "",
    deadline: editing?.deadline ?? "",
    maxAmount: editing?.maxAmountCents != null ? euroInput(editing.maxAmountCents, i18n.language) : "",
    fit: editing?.fit ?? "",
    url: editing?.url ?? "",
    notes: editing?.notes ?? "",
  };
  const inputOf = (v: Record<CallField, string>) => ({
    funder: v.funder,
    title: v.title,
    area: orNull(v.area),
    deadline: v.deadline,
    maxAmountCents: centsOf(v.maxAmount) ?? null,
    fit: orUndefined(v.fit),
    url: v.url.trim(),
    notes: v.notes,
    ...(editing ? { version: editing.version } : {}),
  });
  const form = useFundingForm<CallField, FundingCallInput>({
    id,
    schema: editing ? FundingCallUpdate : FundingCallInput,
    fields: CALL_FIELDS,
    defaults: empty,
    inputOf,
    labelOf: (f) => t(`callForm.fields.${f}`),
    fieldOf: (path) => (path === "maxAmountCents" ? "maxAmount" : null),
    resetAfterSave: editing === undefined,
    save: async (input) => {
      const saved = editing
        ? await update.mutateAsync({ ...input, version: editing.version })
        : await create.mutateAsync(input);
      onSaved(saved);
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.submit}
      aria-label={editing ? t("callForm.editTitle", { title: editing.title }) : t("callForm.title")}
    >
      <p className="small">{common("form.requiredNote")}</p>
      {form.problems}
      <FieldSet legend={t("callForm.legend")}>
        <div className="row">
          {form.text("funder", "col-12 col-md-6", { required: true })}
          {form.text("title", "col-12 col-md-6", { required: true })}
          {form.select("area", "col-12 col-md-4", labels.areaOptions, { empty: t("areas.any") })}
          {form.text("deadline", "col-12 col-md-4", { required: true, type: "date" })}
          {form.select("fit", "col-12 col-md-4", labels.fitOptions, {
            required: true,
            empty: t("callForm.chooseFit"),
          })}
          {form.text("maxAmount", "col-12 col-md-6", {
            inputMode: "decimal",
            hint: t("callForm.maxAmountHint"),
          })}
          {form.text("url", "col-12 col-md-6", { type: "url", hint: t("callForm.urlHint") })}
          {form.area("notes", "col-12", { rows: 2 })}
        </div>
      </FieldSet>
      <SubmitButton
        submitting={form.isSubmitting}
        label={editing ? t("callForm.update") : t("callForm.save")}
      />
    </form>
  );
}

const APPLY_FIELDS = ["requested", "submittedOn", "notes"] as const;
type ApplyField = (typeof APPLY_FIELDS)[number];

/** Candidatura: what the caller's organisation asks of the call, and when it applied. */
function ApplyForm({ call, onSaved }: { call: FundingCallView; onSaved: () => void }) {
  const { t } = useFundingT();
  const apply = useApply(call.id);
  const form = useFundingForm<ApplyField, ApplicationInput>({
    id: `call-${call.id}-apply`,
    schema: ApplicationInput,
    fields: APPLY_FIELDS,
    defaults: { requested: "", submittedOn: localToday(), notes: "" },
    inputOf: (v) => ({ requestedCents: centsOf(v.requested), submittedOn: v.submittedOn, notes: v.notes }),
    labelOf: (f) => t(`apply.${f}`),
    fieldOf: (path) => (path === "requestedCents" ? "requested" : null),
    resetAfterSave: true,
    save: async (input) => {
      await apply.mutateAsync(input);
      onSaved();
    },
  });
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.text("requested", "col-12 col-md-6", { required: true, inputMode: "decimal" })}
        {form.text("submittedOn", "col-12 col-md-6", { required: true, type: "date" })}
        {form.area("notes", "col-12", { rows: 2 })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("apply.save")} />
    </form>
  );
}

const OUTCOME_FIELDS = ["outcome", "decidedOn", "awarded", "expectedOn", "note"] as const;
type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/** Esito: awarded (with the amount granted and when it is expected), rejected or withdrawn. */
function OutcomeForm({
  application,
  onSaved,
}: {
  application: ApplicationView;
  onSaved: (text: string) => void;
}) {
  const { t } = useFundingT();
  const format = useFormat();
  const record = useOutcome(application.id);
  const form = useFundingForm<OutcomeField, OutcomeInput>({
    id: `application-${application.id}-outcome`,
    schema: OutcomeInput,
    fields: OUTCOME_FIELDS,
    defaults: { outcome: "", decidedOn: localToday(), awarded: "", expectedOn: "", note: "" },
    inputOf: (v) => ({
      outcome: orUndefined(v.outcome),
      decidedOn: v.decidedOn,
      awardedCents: centsOf(v.awarded) ?? null,
      expectedOn: orNull(v.expectedOn),
      note: v.note,
      version: application.version,
    }),
    labelOf: (f) => t(`outcome.${f}`),
    fieldOf: (path) => (path === "awardedCents" ? "awarded" : null),
    save: async (input) => {
      await record.mutateAsync(input);
      onSaved(
        input.outcome === "awarded"
          ? t("outcome.doneAwarded", {
              partner: application.partnerName,
              amount: format.euro(input.awardedCents ?? 0, { cents: true }),
            })
          : t("outcome.done", { partner: application.partnerName }),
      );
    },
  });
  const outcomes = (["awarded", "rejected", "withdrawn"] as const).map((value) => ({
    value,
    label: t(`outcome.outcomes.${value}`),
  }));
  return (
    <form noValidate onSubmit={form.submit}>
      {form.problems}
      <div className="row">
        {form.select("outcome", "col-12 col-md-6", outcomes, { required: true, empty: t("outcome.choose") })}
        {form.text("decidedOn", "col-12 col-md-6", { required: true, type: "date" })}
        {form.text("awarded", "col-12 col-md-6", { inputMode: "decimal", hint: t("outcome.awardedHint") })}
        {form.text("expectedOn", "col-12 col-md-6", { type: "date", hint: t("outcome.expectedOnHint") })}
        {form.area("note", "col-12", { rows: 2 })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("outcome.save")} />
    </form>
  );
}
