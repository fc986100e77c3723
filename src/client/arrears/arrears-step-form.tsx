// SPDX-License-Identifier: EUPL-1.2
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type ArrearsCaseView, ArrearsStepInput } from "../../domain/arrears/arrears-api.schema.ts";
import { FUND_KINDS } from "../../domain/arrears/arrears-policy.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { messageAt } from "../components/form-errors.ts";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useTakeStep } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";

type StepValues = { stage: string; note: string; reason: string; fund: string; cause: string };
const STEP_FIELDS = ["stage", "fund", "cause", "reason", "note"] as const;
type StepField = (typeof STEP_FIELDS)[number];
const isStepField = (p: string): p is StepField => STEP_FIELDS.some((f) => f === p);
const optional = (text: string) => (text.trim() === "" ? undefined : text);

const stepResolver = schemaResolver<StepValues, ArrearsStepInput>(
  ArrearsStepInput,
  (v) => ({
    stage: v.stage,
    note: v.note,
    reason: optional(v.reason),
    fund: v.stage === "fund_referral" ? optional(v.fund) : undefined,
    cause: v.stage === "fund_referral" ? optional(v.cause) : undefined,
  }),
  (path) => (isStepField(path) ? path : "root"),
);

const fieldId = (name: StepField) => `step-${name}`;

/**
 * The stages of the case, whether each may be taken now and why not, as a table a reader can scan;
 * the plan has its own form below.
 */
export function StepOptions({ view }: { view: ArrearsCaseView }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  return (
    <div className="table-responsive">
      <table className="table table-sm caption-top">
        <caption>{t("arrears:case.optionsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("arrears:case.stage")}</th>
            <th scope="col">{t("arrears:case.possibleNow")}</th>
            <th scope="col">{t("arrears:case.whyNot")}</th>
          </tr>
        </thead>
        <tbody>
          {view.options.map((o) => (
            <tr key={o.stage}>
              <th scope="row">{labels.stage(o.stage)}</th>
              <td>{o.allowed ? t("common.yes") : t("common.no")}</td>
              <td>
                {o.blocks.length === 0 ? (
                  "—"
                ) : (
                  <ul className="mb-0 ps-3 small">
                    {o.blocks.map((b) => (
                      <li key={b.code}>{labels.block(b)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Registra un passo: one of the stages allowed now (legal action only for a manager, with a reason). */
export function StepForm({ view, onDone }: { view: ArrearsCaseView; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const message = useArrearsMessage();
  const canLegal = useCan("arrears:legal");
  const take = useTakeStep(view.id);
  const stages = view.options
    .filter((o) => o.allowed && o.stage !== "repayment_plan" && (o.stage !== "legal" || canLegal))
    .map((o) => o.stage);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<StepValues, unknown, ArrearsStepInput>({
    resolver: stepResolver,
    defaultValues: { stage: stages[0] ?? "", note: "", reason: "", fund: "", cause: "" },
  });
  const stage = watch("stage");
  const names: Record<StepField, string> = {
    stage: t("arrears:step.stage"),
    fund: t("arrears:step.fund"),
    cause: t("arrears:step.cause"),
    reason: t("arrears:step.reason"),
    note: t("arrears:step.note"),
  };
  const summary = useErrorSummary<StepField>({
    errors,
    setFocus,
    fieldOf: (path) => (isStepField(path) ? path : null),
    fieldId,
    labelOf: (name) => names[name],
    message,
  });
  if (stages.length === 0) return <p className="alert alert-info">{t("arrears:step.noneNow")}</p>;
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        await take.mutateAsync(input);
        reset({ stage: "", note: "", reason: "", fund: "", cause: "" });
        onDone(t("arrears:step.done", { stage: labels.stage(input.stage) }));
      } catch (e) {
        summary.refused(e, setError, { focusLater: true });
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(STEP_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  const unexpected = take.error && !isApiError(take.error) ? take.error : null;
  return (
    <form noValidate onSubmit={submit} aria-labelledby="step-form-title" className="card shadow-sm mt-3">
      <div className="card-body">
        <h3 id="step-form-title" className="h5">
          {t("arrears:step.title")}
        </h3>
        <p className="small">
          {t("arrears:step.intro")} {t("form.requiredNote")}
        </p>
        {unexpected ? <ErrorAlert error={unexpected} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="step-form-errors" items={summary.items()} />
        ) : null}
        <SelectField
          id={fieldId("stage")}
          label={names.stage}
          required
          options={stages.map((s) => ({ value: s, label: labels.stage(s) }))}
          error={summary.errorOf("stage")}
          registration={register("stage")}
        />
        {stage === "fund_referral" ? (
          <div className="row">
            <SelectField
              id={fieldId("fund")}
              label={names.fund}
              className="col-12 col-md-6"
              required
              empty={t("arrears:step.chooseFund")}
              options={FUND_KINDS.map((f) => ({ value: f, label: labels.referralKind(f) }))}
              error={summary.errorOf("fund")}
              registration={register("fund")}
            />
            <TextField
              id={fieldId("cause")}
              label={names.cause}
              className="col-12 col-md-6"
              hint={t("arrears:step.causeHint")}
              error={summary.errorOf("cause")}
              registration={register("cause")}
            />
          </div>
        ) : null}
        {stage === "legal" ? (
          <TextAreaField
            id={fieldId("reason")}
            label={names.reason}
            rows={2}
            required
            hint={t("arrears:step.reasonHint")}
            error={summary.errorOf("reason")}
            registration={register("reason")}
          />
        ) : null}
        <TextAreaField
          id={fieldId("note")}
          label={names.note}
          rows={2}
          error={summary.errorOf("note")}
          registration={register("note")}
        />
        <SubmitButton submitting={isSubmitting} label={t("arrears:step.submit")} />
      </div>
    </form>
  );
}
