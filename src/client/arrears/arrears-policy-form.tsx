// SPDX-License-Identifier: EUPL-1.2
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ArrearsPolicyInput, type ArrearsPolicyView } from "../../domain/arrears/arrears-api.schema.ts";
import type { ArrearsPolicy, ArrearsStage } from "../../domain/arrears/arrears-policy.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import {
  CheckboxField,
  FieldSet,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { centsOf, euroInput, numberOf } from "../tenancies/money.ts";
import { useSaveArrearsPolicy } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";

/** The stages legal action may require before it. */
const PRIOR_STAGES = ["reminder", "meeting", "repayment_plan", "fund_referral"] as const;

/** Each field of the form and the path of the policy it sets (under `policy.`). */
const PATHS = {
  signalFrom: "stages.signal.fromDaysOverdue",
  signalTask: "stages.signal.taskDueDays",
  signalOnWarning: "stages.signal.onEarlyWarning",
  reminderFrom: "stages.reminder.fromDaysOverdue",
  meetingFrom: "stages.meeting.fromDaysOverdue",
  meetingTask: "stages.meeting.taskDueDays",
  planFrom: "stages.repayment_plan.fromDaysOverdue",
  fundFrom: "stages.fund_referral.fromDaysOverdue",
  legalFrom: "stages.legal.fromDaysOverdue",
  legalRequires: "stages.legal.requiresStages",
  maxInstalments: "repaymentPlan.maxInstalments",
  minInstalment: "repaymentPlan.minInstalmentCents",
  brokenAfterInstalments: "repaymentPlan.brokenAfterInstalments",
  brokenAfterDays: "repaymentPlan.brokenAfterDays",
  involuntaryMaxIsee: "funds.involuntary_arrears_fund.maxIseeCents",
  involuntaryRequiresDrop: "funds.involuntary_arrears_fund.requiresIncomeDropOrCause",
  regionalMaxIsee: "funds.regional_solidarity.maxIseeCents",
  reason: "reason",
} as const;
type Field = keyof typeof PATHS;
const FIELDS = Object.keys(PATHS) as Field[];

type Values = Record<
  Exclude<Field, "signalOnWarning" | "involuntaryRequiresDrop" | "legalRequires">,
  string
> & {
  signalOnWarning: boolean;
  involuntaryRequiresDrop: boolean;
  legalRequires: string[];
};

/** The form's field of its own name or of a path of the schema or the API (`policy.stages.legal.fromDaysOverdue`). */
const fieldOf = (path: string): Field | null => {
  const own = path.replace(/^policy\./, "").replace(/\.\d+$/, "");
  return FIELDS.find((f) => f === path || PATHS[f] === own) ?? null;
};

function valuesOf(policy: ArrearsPolicy, language: string): Values {
  const { stages, repaymentPlan, funds } = policy;
  return {
    signalFrom: String(stages.signal.fromDaysOverdue),
    signalTask: String(stages.signal.taskDueDays),
    signalOnWarning: stages.signal.onEarlyWarning,
    reminderFrom: String(stages.reminder.fromDaysOverdue),
    meetingFrom: String(stages.meeting.fromDaysOverdue),
    meetingTask: String(stages.meeting.taskDueDays),
    planFrom: String(stages.repayment_plan.fromDaysOverdue),
    fundFrom: String(stages.fund_referral.fromDaysOverdue),
    legalFrom: String(stages.legal.fromDaysOverdue),
    legalRequires: [...stages.legal.requiresStages],
    maxInstalments: String(repaymentPlan.maxInstalments),
    minInstalment: euroInput(repaymentPlan.minInstalmentCents, language),
    brokenAfterInstalments: String(repaymentPlan.brokenAfterInstalments),
    brokenAfterDays: String(repaymentPlan.brokenAfterDays),
    involuntaryMaxIsee: euroInput(funds.involuntary_arrears_fund.maxIseeCents, language),
    involuntaryRequiresDrop: funds.involuntary_arrears_fund.requiresIncomeDropOrCause,
    regionalMaxIsee: euroInput(funds.regional_solidarity.maxIseeCents, language),
    reason: "",
  };
}

const inputOf = (v: Values) => ({
  policy: {
    stages: {
      signal: {
        fromDaysOverdue: numberOf(v.signalFrom),
        taskDueDays: numberOf(v.signalTask),
        onEarlyWarning: v.signalOnWarning,
      },
      reminder: { fromDaysOverdue: numberOf(v.reminderFrom) },
      meeting: { fromDaysOverdue: numberOf(v.meetingFrom), taskDueDays: numberOf(v.meetingTask) },
      repayment_plan: { fromDaysOverdue: numberOf(v.planFrom) },
      fund_referral: { fromDaysOverdue: numberOf(v.fundFrom) },
      legal: { fromDaysOverdue: numberOf(v.legalFrom), requiresStages: v.legalRequires },
    },
    repaymentPlan: {
      maxInstalments: numberOf(v.maxInstalments),
      minInstalmentCents: centsOf(v.minInstalment),
      brokenAfterInstalments: numberOf(v.brokenAfterInstalments),
      brokenAfterDays: numberOf(v.brokenAfterDays),
    },
    funds: {
      involuntary_arrears_fund: {
        maxIseeCents: centsOf(v.involuntaryMaxIsee),
        requiresIncomeDropOrCause: v.involuntaryRequiresDrop,
      },
      regional_solidarity: { maxIseeCents: centsOf(v.regionalMaxIsee) },
    },
  },
  reason: v.reason,
});

/** Modifica la politica: the Comune saves the policy as its next version, with a reason. */
export function ArrearsPolicyForm({
  current,
  onDone,
}: {
  current: ArrearsPolicyView;
  onDone: (text: string) => void;
}) {
  const { t, i18n } = useTranslation("arrears");
  const { t: common } = useTranslation();
  const labels = useArrearsLabels();
  const message = useArrearsMessage();
  const save = useSaveArrearsPolicy();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, ArrearsPolicyInput>({
    resolver: schemaResolver<Values, ArrearsPolicyInput>(
      ArrearsPolicyInput,
      inputOf,
      (path) => fieldOf(path) ?? "root",
    ),
    defaultValues: valuesOf(current.policy, i18n.language),
  });
  const stage = (s: ArrearsStage) => labels.stage(s);
  const from = t("policy.fields.fromDays");
  const task = t("policy.fields.taskDueDays");
  const names: Record<Field, string> = {
    signalFrom: `${stage("signal")}: ${from}`,
    signalTask: `${stage("signal")}: ${task}`,
    signalOnWarning: `${stage("signal")}: ${t("policy.fields.onEarlyWarning")}`,
    reminderFrom: `${stage("reminder")}: ${from}`,
    meetingFrom: `${stage("meeting")}: ${from}`,
    meetingTask: `${stage("meeting")}: ${task}`,
    planFrom: `${stage("repayment_plan")}: ${from}`,
    fundFrom: `${stage("fund_referral")}: ${from}`,
    legalFrom: `${stage("legal")}: ${from}`,
    legalRequires: `${stage("legal")}: ${t("policy.fields.requiresStages")}`,
    maxInstalments: t("policy.fields.maxInstalments"),
    minInstalment: t("policy.fields.minInstalment"),
    brokenAfterInstalments: t("policy.fields.brokenAfterInstalments"),
    brokenAfterDays: t("policy.fields.brokenAfterDays"),
    involuntaryMaxIsee: `${t("policy.funds.involuntary")}: ${t("policy.fields.maxIsee")}`,
    involuntaryRequiresDrop: `${t("policy.funds.involuntary")}: ${t("policy.fields.requiresDrop")}`,
    regionalMaxIsee: `${t("policy.funds.regional")}: ${t("policy.fields.maxIsee")}`,
    reason: t("policy.fields.reason"),
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus,
    fieldOf,
    fieldId: (n) => `policy-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const saved = await save.mutateAsync(input);
        reset(valuesOf(saved.policy, i18n.language));
        onDone(t("policy.done", { version: saved.version }));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  const days = (field: Field, label: string, className = "col-12 col-md-6") => (
    <TextField
      id={`policy-${field}`}
      label={label}
      className={className}
      inputMode="numeric"
      required
      error={summary.errorOf(field)}
      registration={register(field as Exclude<Field, "signalOnWarning" | "involuntaryRequiresDrop">)}
    />
  );
  const euro = (field: Field, label: string) => (
    <TextField
      id={`policy-${field}`}
      label={label}
      hint={t("policy.fields.euroHint")}
      className="col-12 col-md-6"
      inputMode="decimal"
      required
      error={summary.errorOf(field)}
      registration={register(field as Exclude<Field, "signalOnWarning" | "involuntaryRequiresDrop">)}
    />
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="policy-edit-title">
      <h2 id="policy-edit-title" className="h4">
        {t("policy.editTitle")}
      </h2>
      <p>
        {t("policy.editIntro")} {common("form.requiredNote")}
      </p>
      {save.error && !isApiError(save.error) ? <ErrorAlert error={save.error} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary summaryRef={summary.ref} id="policy-errors" items={summary.items()} />
      ) : null}
      <FieldSet legend={stage("signal")}>
        <div className="row">
          {days("signalFrom", from)}
          {days("signalTask", task)}
          <CheckboxField
            id="policy-signalOnWarning"
            label={t("policy.fields.onEarlyWarning")}
            className="col-12 mb-3"
            registration={register("signalOnWarning")}
          />
        </div>
      </FieldSet>
      <FieldSet legend={stage("reminder")}>
        <div className="row">{days("reminderFrom", from)}</div>
      </FieldSet>
      <FieldSet legend={stage("meeting")}>
        <div className="row">
          {days("meetingFrom", from)}
          {days("meetingTask", task)}
        </div>
      </FieldSet>
      <FieldSet legend={stage("repayment_plan")}>
        <div className="row">
          {days("planFrom", from)}
          {days("maxInstalments", t("policy.fields.maxInstalments"))}
          {euro("minInstalment", t("policy.fields.minInstalment"))}
          {days("brokenAfterInstalments", t("policy.fields.brokenAfterInstalments"))}
          {days("brokenAfterDays", t("policy.fields.brokenAfterDays"))}
        </div>
      </FieldSet>
      <FieldSet legend={stage("fund_referral")}>
        <div className="row">
          {days("fundFrom", from)}
          {euro("involuntaryMaxIsee", `${t("policy.funds.involuntary")}: ${t("policy.fields.maxIsee")}`)}
          <CheckboxField
            id="policy-involuntaryRequiresDrop"
            label={`${t("policy.funds.involuntary")}: ${t("policy.fields.requiresDrop")}`}
            className="col-12 mb-3"
            registration={register("involuntaryRequiresDrop")}
          />
          {euro("regionalMaxIsee", `${t("policy.funds.regional")}: ${t("policy.fields.maxIsee")}`)}
        </div>
      </FieldSet>
      <FieldSet legend={stage("legal")}>
        <div className="row">
          {days("legalFrom", from)}
          <fieldset className="col-12 mb-3" id="policy-legalRequires" tabIndex={-1}>
            <legend className="h6">{t("policy.fields.requiresStages")}</legend>
            {PRIOR_STAGES.map((s) => (
              <div className="form-check" key={s}>
                <input
                  id={`policy-legalRequires-${s}`}
                  type="checkbox"
                  value={s}
                  {...register("legalRequires")}
                />
                <label htmlFor={`policy-legalRequires-${s}`}>{stage(s)}</label>
              </div>
            ))}
            {summary.errorOf("legalRequires") ? (
              <div className="invalid-feedback d-block">{summary.errorOf("legalRequires")}</div>
            ) : null}
          </fieldset>
        </div>
      </FieldSet>
      <TextAreaField
        id="policy-reason"
        label={names.reason}
        hint={t("policy.fields.reasonHint")}
        required
        error={summary.errorOf("reason")}
        registration={register("reason")}
      />
      <SubmitButton submitting={isSubmitting} label={t("policy.save")} busyLabel={common("form.saving")} />
    </form>
  );
}
