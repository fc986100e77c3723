// SPDX-License-Identifier: EUPL-1.2
import { useRef, useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  ECONOMIC_REFERRAL_KINDS,
  EconomicReferralInput,
  EconomicReferralUpdate,
  type EconomicReferralView,
} from "../../domain/arrears/arrears-api.schema.ts";
import { OUTCOME_MOVES } from "../../domain/arrears/economic-referral.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { messageAt } from "../components/form-errors.ts";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { useCreateReferral, useUpdateReferral } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";

type ReferralValues = { kind: string; note: string; cause: string };
const REFERRAL_FIELDS = ["kind", "cause", "note"] as const;
type ReferralField = (typeof REFERRAL_FIELDS)[number];
const isReferralField = (p: string): p is ReferralField => REFERRAL_FIELDS.some((f) => f === p);

const referralResolver = schemaResolver<ReferralValues, EconomicReferralInput>(
  EconomicReferralInput,
  (v) => ({ kind: v.kind, note: v.note, cause: v.cause.trim() === "" ? undefined : v.cause }),
  (path) => (isReferralField(path) ? path : "root"),
);

/** Nuovo invio: financial education, microcredit, or a fund when its rules fit. */
function ReferralForm({ householdId, onDone }: { householdId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const message = useArrearsMessage();
  const create = useCreateReferral(householdId);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ReferralValues, unknown, EconomicReferralInput>({
    resolver: referralResolver,
    defaultValues: { kind: "financial_education", note: "", cause: "" },
  });
  const names: Record<ReferralField, string> = {
    kind: t("arrears:referrals.kind"),
    cause: t("arrears:step.cause"),
    note: t("arrears:referrals.note"),
  };
  const summary = useErrorSummary<ReferralField>({
    errors,
    setFocus,
    fieldOf: (p) => (isReferralField(p) ? p : null),
    fieldId: (n) => `referral-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const referral = await create.mutateAsync(input);
        reset({ kind: "financial_education", note: "", cause: "" });
        onDone(t("arrears:referrals.created", { kind: labels.referralKind(referral.kind) }));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(REFERRAL_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="referral-form-title" className="card shadow-sm mt-3">
      <div className="card-body">
        <h3 id="referral-form-title" className="h5">
          {t("arrears:referrals.formTitle")}
        </h3>
        <p className="small">{t("arrears:referrals.intro")}</p>
        {create.error && !isApiError(create.error) ? <ErrorAlert error={create.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="referral-form-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <SelectField
            id="referral-kind"
            label={names.kind}
            className="col-12 col-md-6"
            required
            options={ECONOMIC_REFERRAL_KINDS.map((k) => ({ value: k, label: labels.referralKind(k) }))}
            error={summary.errorOf("kind")}
            registration={register("kind")}
          />
          <TextField
            id="referral-cause"
            label={names.cause}
            className="col-12 col-md-6"
            hint={t("arrears:step.causeHint")}
            error={summary.errorOf("cause")}
            registration={register("cause")}
          />
        </div>
        <TextAreaField
          id="referral-note"
          label={names.note}
          rows={2}
          error={summary.errorOf("note")}
          registration={register("note")}
        />
        <SubmitButton submitting={isSubmitting} label={t("arrears:referrals.submit")} />
      </div>
    </form>
  );
}

type OutcomeValues = { outcome: string; outcomeOn: string; amountEuro: string; note: string };
const OUTCOME_FIELDS = ["outcome", "outcomeOn", "amountEuro", "note"] as const;
type OutcomeField = (typeof OUTCOME_FIELDS)[number];
const outcomeFieldOf = (p: string): OutcomeField | null =>
  p === "amountCents" ? "amountEuro" : OUTCOME_FIELDS.some((f) => f === p) ? (p as OutcomeField) : null;

const outcomeResolver = schemaResolver<OutcomeValues, EconomicReferralUpdate>(
  EconomicReferralUpdate,
  (v) => {
    const euro = v.amountEuro.trim() === "" ? null : parseLocaleNumber(v.amountEuro.replace(/€/g, ""));
    return {
      outcome: v.outcome,
      outcomeOn: v.outcomeOn,
      amountCents: typeof euro === "number" ? Math.round(euro * 100) : euro,
      note: v.note,
    };
  },
  (path) => outcomeFieldOf(path) ?? "root",
);

/** Esito: what came of a referral, when, and the amount granted. */
function OutcomeForm({
  referral,
  onDone,
  onCancel,
}: {
  referral: EconomicReferralView;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const message = useArrearsMessage();
  const update = useUpdateReferral();
  const moves = OUTCOME_MOVES[referral.outcome];
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<OutcomeValues, unknown, EconomicReferralUpdate>({
    resolver: outcomeResolver,
    defaultValues: { outcome: moves[0] ?? "", outcomeOn: localToday(), amountEuro: "", note: referral.note },
  });
  const names: Record<OutcomeField, string> = {
    outcome: t("arrears:referrals.outcome"),
    outcomeOn: t("arrears:referrals.outcomeOn"),
    amountEuro: t("arrears:referrals.amount"),
    note: t("arrears:referrals.note"),
  };
  const summary = useErrorSummary<OutcomeField>({
    errors,
    setFocus,
    fieldOf: outcomeFieldOf,
    fieldId: (n) => `outcome-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const updated = await update.mutateAsync({ id: referral.id, input });
        onDone(
          t("arrears:referrals.updated", {
            kind: labels.referralKind(updated.kind),
            outcome: labels.outcome(updated.outcome),
          }),
        );
      } catch (e) {
        summary.refused(e, setError, { apiFieldOf: outcomeFieldOf });
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(OUTCOME_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="outcome-form-title"
      className="card shadow-sm mt-3"
      id="referral-outcome"
    >
      <div className="card-body">
        <h3 id="outcome-form-title" className="h5">
          {t("arrears:referrals.outcomeTitle", { kind: labels.referralKind(referral.kind) })}
        </h3>
        {update.error && !isApiError(update.error) ? <ErrorAlert error={update.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="outcome-form-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <SelectField
            id="outcome-outcome"
            label={names.outcome}
            className="col-12 col-md-4"
            required
            options={moves.map((o) => ({ value: o, label: labels.outcome(o) }))}
            error={summary.errorOf("outcome")}
            registration={register("outcome")}
          />
          <TextField
            id="outcome-outcomeOn"
            label={names.outcomeOn}
            className="col-12 col-md-4"
            type="date"
            required
            error={summary.errorOf("outcomeOn")}
            registration={register("outcomeOn")}
          />
          <TextField
            id="outcome-amountEuro"
            label={names.amountEuro}
            className="col-12 col-md-4"
            inputMode="decimal"
            hint={t("arrears:referrals.amountHint")}
            error={summary.errorOf("amountEuro")}
            registration={register("amountEuro")}
          />
        </div>
        <TextAreaField
          id="outcome-note"
          label={names.note}
          rows={2}
          error={summary.errorOf("note")}
          registration={register("note")}
        />
        <div className="d-flex flex-wrap gap-2">
          <SubmitButton submitting={isSubmitting} label={t("arrears:referrals.saveOutcome")} />
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
            {t("form.cancel")}
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * Partecipazione economica: the household's referrals to financial education, microcredit and the
 * funds, with their outcome; new ones and outcomes for whoever works on arrears.
 */
export function EconomicReferralsSection({
  householdId,
  referrals,
  canWork,
  onDone,
}: {
  householdId: string;
  referrals: readonly EconomicReferralView[];
  canWork: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  const [editing, setEditing] = useState<EconomicReferralView | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  return (
    <section className="mt-5" aria-labelledby="referrals-title">
      <h2 id="referrals-title" className="h4">
        {t("arrears:referrals.title")}
      </h2>
      {referrals.length === 0 ? (
        <p>{t("arrears:referrals.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("arrears:referrals.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("arrears:referrals.kind")}</th>
                <th scope="col">{t("arrears:referrals.referredOn")}</th>
                <th scope="col">{t("arrears:referrals.outcome")}</th>
                <th scope="col" className="text-end">
                  {t("arrears:referrals.amount")}
                </th>
                <th scope="col">{t("arrears:referrals.note")}</th>
                {canWork ? <th scope="col">{t("arrears:referrals.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{labels.referralKind(r.kind)}</th>
                  <td className="text-nowrap">{format.date(r.referredOn)}</td>
                  <td>
                    {labels.outcome(r.outcome)}
                    {r.outcomeOn ? <div className="small">{format.date(r.outcomeOn)}</div> : null}
                  </td>
                  <td className="text-end text-nowrap">
                    {r.amountCents === null ? "—" : format.euro(r.amountCents, { cents: true })}
                  </td>
                  <td className="notes">{r.note}</td>
                  {canWork ? (
                    <td>
                      {OUTCOME_MOVES[r.outcome].length > 0 ? (
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          aria-expanded={editing?.id === r.id}
                          aria-controls={editing?.id === r.id ? "referral-outcome" : undefined}
                          aria-label={t("arrears:referrals.outcomeOf", { kind: labels.referralKind(r.kind) })}
                          onClick={(e) => {
                            opener.current = e.currentTarget;
                            setEditing(r);
                          }}
                        >
                          {t("arrears:referrals.recordOutcome")}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <OutcomeForm
          key={editing.id}
          referral={editing}
          onCancel={() => {
            setEditing(null);
            opener.current?.focus();
          }}
          onDone={(text) => {
            setEditing(null);
            onDone(text);
          }}
        />
      ) : null}
      {canWork ? <ReferralForm householdId={householdId} onDone={onDone} /> : null}
    </section>
  );
}
