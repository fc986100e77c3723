// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ActionInput,
  ActionUpdate,
  DecisionInput,
  type DecisionMode,
} from "../../domain/governance/governance.ts";
import type { ActionView, BodyDetail, BodyList } from "../../domain/governance/governance-api.schema.ts";
import { SubmitButton } from "../components/form-field.tsx";
import { useFormat } from "../format.ts";
import { FormCard, orNull, orUndefined } from "../funding/funding-form.tsx";
import { useAddAction, useRecordDecision, useUpdateAction } from "./governance-api.ts";
import { useGovernanceForm } from "./governance-form.tsx";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";

// A body's decisions and actions: a decision taken at one of its meetings (by vote, with the counts,
// or by consensus), a new action with its owner and due date, and an action's status and due date.

const DECISION_FIELDS = ["meetingId", "text", "mode", "votesFor", "votesAgainst", "abstentions"] as const;
type DecisionField = (typeof DECISION_FIELDS)[number];

/** A count of votes as the schema takes it: empty as null, anything else as a number it checks. */
const countOf = (text: string): number | null => (text.trim() === "" ? null : Number(text.trim()));

/** Registra una decisione: the meeting that took it, its text, and how (the votes, or consensus). */
export function DecisionForm({ detail, onSaved }: { detail: BodyDetail; onSaved: (text: string) => void }) {
  const { t } = useGovernanceT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const labels = useGovernanceLabels();
  const record = useRecordDecision(detail.body.id);
  const [mode, setMode] = useState<DecisionMode | "">("");
  const lastHeld = detail.meetings.find((m) => m.held);
  const form = useGovernanceForm<DecisionField, DecisionInput>({
    id: "decision-new",
    schema: DecisionInput,
    fields: DECISION_FIELDS,
    defaults: {
      meetingId: lastHeld?.id ?? "",
      text: "",
      mode: "",
      votesFor: "",
      votesAgainst: "",
      abstentions: "",
    },
    inputOf: (v) => {
      const vote = v.mode === "vote";
      return {
        meetingId: orUndefined(v.meetingId),
        text: v.text,
        mode: orUndefined(v.mode),
        votesFor: vote ? countOf(v.votesFor) : null,
        votesAgainst: vote ? countOf(v.votesAgainst) : null,
        abstentions: vote ? countOf(v.abstentions) : null,
      };
    },
    labelOf: (f) => t(`decisionForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await record.mutateAsync(input);
      setMode("");
      onSaved(t("decisionForm.done", { number: saved.number, date: format.date(saved.date) }));
    },
  });
  const meetings = detail.meetings.map((m) => ({
    value: m.id,
    label: t(m.held ? "decisionForm.meetingHeld" : "decisionForm.meetingPlanned", {
      date: format.date(m.date),
    }),
  }));
  return (
    <FormCard id="decision-new" level={3} title={t("decisionForm.title")} lead={t("decisionForm.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby="decision-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.select("meetingId", "col-12 col-md-6", meetings, { required: true, empty: t("form.choose") })}
          {form.select("mode", "col-12 col-md-6", labels.modeOptions, {
            required: true,
            empty: t("form.choose"),
            onChange: (e) =>
              setMode(e.target.value === "vote" || e.target.value === "consensus" ? e.target.value : ""),
          })}
          {form.area("text", "col-12", { required: true, rows: 3 })}
        </div>
        {mode === "vote" ? (
          <fieldset className="mb-3" aria-describedby="decision-new-votes-hint">
            <legend className="h6">{t("decisionForm.votes")}</legend>
            <p className="small" id="decision-new-votes-hint">
              {t("decisionForm.votesHint")}
            </p>
            <div className="row">
              {(["votesFor", "votesAgainst", "abstentions"] as const).map((field) =>
                form.text(field, "col-12 col-md-4", { inputMode: "numeric", required: true }),
              )}
            </div>
          </fieldset>
        ) : null}
        <SubmitButton submitting={form.isSubmitting} label={t("decisionForm.save")} />
      </form>
    </FormCard>
  );
}

const ACTION_FIELDS = ["title", "ownerName", "ownerOrganisationCode", "dueOn", "decisionId"] as const;
type ActionField = (typeof ACTION_FIELDS)[number];

/** Nuova azione: what is to be done, by whom (a person and her organisation), by when, for which decision. */
export function AddActionForm({
  detail,
  organisations,
  onSaved,
}: {
  detail: BodyDetail;
  organisations: BodyList["organisations"];
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const { t: common } = useTranslation();
  const format = useFormat();
  const add = useAddAction(detail.body.id);
  const form = useGovernanceForm<ActionField, ActionInput>({
    id: "action-new",
    schema: ActionInput,
    fields: ACTION_FIELDS,
    defaults: { title: "", ownerName: "", ownerOrganisationCode: "", dueOn: "", decisionId: "" },
    inputOf: (v) => ({
      title: v.title,
      ownerName: v.ownerName,
      ownerOrganisationCode: v.ownerOrganisationCode,
      dueOn: v.dueOn,
      decisionId: orNull(v.decisionId),
    }),
    labelOf: (f) => t(`actionForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await add.mutateAsync(input);
      onSaved(
        t(saved.overdue ? "actionForm.doneOverdue" : "actionForm.done", {
          title: saved.title,
          date: format.date(saved.dueOn),
          count: saved.daysOverdue,
        }),
      );
    },
  });
  const decisions = detail.decisions.map((d) => ({
    value: d.id,
    label: t("actionForm.decisionOption", { number: d.number, date: format.date(d.date) }),
  }));
  return (
    // The card has its own id: the form's field `title` takes `action-new-title`.
    <FormCard id="action-new-card" level={3} title={t("actionForm.heading")} lead={t("actionForm.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby="action-new-card-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("title", "col-12", { required: true })}
          {form.text("ownerName", "col-12 col-md-6", { required: true })}
          {form.select(
            "ownerOrganisationCode",
            "col-12 col-md-6",
            organisations.map((o) => ({ value: o.code, label: o.name })),
            { required: true, empty: t("form.choose") },
          )}
          {form.text("dueOn", "col-12 col-md-6", { type: "date", required: true })}
          {form.select("decisionId", "col-12 col-md-6", decisions, { empty: t("actionForm.noDecision") })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("actionForm.save")} />
      </form>
    </FormCard>
  );
}

const UPDATE_FIELDS = ["status", "dueOn", "note"] as const;
type UpdateField = (typeof UPDATE_FIELDS)[number];

/** Aggiorna: an action's status, its due date and a note; its owner and title stay as they are. */
export function UpdateActionPanel({
  action,
  onSaved,
}: {
  action: ActionView;
  onSaved: (text: string) => void;
}) {
  const { t } = useGovernanceT();
  const id = `action-${action.id}-update`;
  return (
    <div className="py-2">
      <section className="card shadow-sm" aria-labelledby={`${id}-heading`}>
        <div className="card-body">
          <h3 id={`${id}-heading`} className="h5">
            {t("actionUpdate.title", { title: action.title })}
          </h3>
          {/* A saved change brings a new version: the form starts again from what was saved. */}
          <UpdateActionForm key={action.version} id={id} action={action} onSaved={onSaved} />
        </div>
      </section>
    </div>
  );
}

function UpdateActionForm(props: { id: string; action: ActionView; onSaved: (text: string) => void }) {
  const { id, action } = props;
  const { t } = useGovernanceT();
  const labels = useGovernanceLabels();
  const update = useUpdateAction(action.id);
  const form = useGovernanceForm<UpdateField, ActionUpdate>({
    id,
    schema: ActionUpdate,
    fields: UPDATE_FIELDS,
    defaults: { status: action.status, dueOn: action.dueOn, note: action.note },
    inputOf: (v) => ({
      status: orUndefined(v.status),
      dueOn: v.dueOn,
      note: v.note,
      version: action.version,
    }),
    labelOf: (f) => t(`actionUpdate.${f}`),
    save: async (input) => {
      const saved = await update.mutateAsync(input);
      props.onSaved(t("actionUpdate.done", { title: saved.title, status: labels.status(saved.status) }));
    },
  });
  return (
    <form noValidate onSubmit={form.submit} aria-labelledby={`${id}-heading`}>
      {form.problems}
      <div className="row">
        {form.select("status", "col-12 col-md-6 col-lg-3", labels.statusOptions, { required: true })}
        {form.text("dueOn", "col-12 col-md-6 col-lg-3", { type: "date", required: true })}
        {form.area("note", "col-12 col-lg-6", { rows: 2 })}
      </div>
      <SubmitButton submitting={form.isSubmitting} label={t("actionUpdate.save")} />
    </form>
  );
}
