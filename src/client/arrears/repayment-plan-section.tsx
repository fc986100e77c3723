// SPDX-License-Identifier: EUPL-1.2
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  type ArrearsCaseView,
  RepaymentPlanInput,
  type RepaymentPlanView,
} from "../../domain/arrears/arrears-api.schema.ts";
import { repaymentSchedule } from "../../domain/arrears/repayment-plan.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { useCreatePlan } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";

type PlanValues = { instalments: string; firstDueOn: string; totalEuro: string; note: string };
const PLAN_FIELDS = ["instalments", "firstDueOn", "totalEuro", "note"] as const;
type PlanField = (typeof PLAN_FIELDS)[number];
const isPlanField = (p: string): p is PlanField => PLAN_FIELDS.some((f) => f === p);
/** The API's `totalCents` is the form's amount in euro. */
const fieldOfPath = (path: string): PlanField | null =>
  path === "totalCents" ? "totalEuro" : isPlanField(path) ? path : null;

const number = (text: string) => {
  const value = parseLocaleNumber(text);
  return typeof value === "number" ? value : text;
};

function inputOf(v: PlanValues) {
  const euro = v.totalEuro.trim() === "" ? undefined : number(v.totalEuro.replace(/€/g, ""));
  return {
    instalments: v.instalments.trim() === "" ? undefined : number(v.instalments),
    firstDueOn: v.firstDueOn,
    totalCents: typeof euro === "number" ? Math.round(euro * 100) : euro,
    note: v.note,
  };
}

const planResolver = schemaResolver<PlanValues, RepaymentPlanInput>(
  RepaymentPlanInput,
  inputOf,
  (path) => fieldOfPath(path) ?? "root",
);

const fieldId = (name: PlanField) => `plan-${name}`;

/** The first day of next month: a plan's usual first instalment. */
function firstOfNextMonth(today: string) {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** Nuovo piano di rientro: how many monthly instalments, from when, of which total (default: what is overdue). */
function PlanForm({ view, onDone }: { view: ArrearsCaseView; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useArrearsMessage();
  const create = useCreatePlan(view.id);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PlanValues, unknown, RepaymentPlanInput>({
    resolver: planResolver,
    defaultValues: { instalments: "6", firstDueOn: firstOfNextMonth(localToday()), totalEuro: "", note: "" },
  });
  const names: Record<PlanField, string> = {
    instalments: t("arrears:plan.instalments"),
    firstDueOn: t("arrears:plan.firstDueOn"),
    totalEuro: t("arrears:plan.total"),
    note: t("arrears:plan.note"),
  };
  const summary = useErrorSummary<PlanField>({
    errors,
    setFocus,
    fieldOf: fieldOfPath,
    fieldId,
    labelOf: (name) => names[name],
    message,
  });
  // What the plan would be, as the rules in force compute it, while the figures are typed.
  const parsed = RepaymentPlanInput.safeParse(inputOf(watch()));
  const preview = parsed.success
    ? repaymentSchedule(
        {
          totalCents: parsed.data.totalCents ?? view.tenancy.ageing.overdueCents,
          count: parsed.data.instalments,
          firstDueOn: parsed.data.firstDueOn,
        },
        { ...view.planRules },
      )
    : null;
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const plan = await create.mutateAsync(input);
        onDone(
          t("arrears:plan.done", {
            count: plan.instalments.length,
            total: format.euro(plan.totalCents, { cents: true }),
          }),
        );
      } catch (e) {
        summary.refused(e, setError, { apiFieldOf: fieldOfPath });
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(PLAN_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  const unexpected = create.error && !isApiError(create.error) ? create.error : null;
  const first = preview?.ok ? preview.instalments[0] : undefined;
  const last = preview?.ok ? preview.instalments.at(-1) : undefined;
  return (
    <form noValidate onSubmit={submit} aria-labelledby="plan-form-title" className="card shadow-sm mt-3">
      <div className="card-body">
        <h3 id="plan-form-title" className="h5">
          {t("arrears:plan.formTitle")}
        </h3>
        <p className="small">
          {t("arrears:plan.intro", {
            max: view.planRules.maxInstalments,
            min: format.euro(view.planRules.minInstalmentCents, { cents: true }),
            overdue: format.euro(view.tenancy.ageing.overdueCents, { cents: true }),
          })}{" "}
          {t("form.requiredNote")}
        </p>
        {unexpected ? <ErrorAlert error={unexpected} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="plan-form-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id={fieldId("instalments")}
            label={names.instalments}
            className="col-12 col-md-4"
            inputMode="numeric"
            required
            error={summary.errorOf("instalments")}
            registration={register("instalments")}
          />
          <TextField
            id={fieldId("firstDueOn")}
            label={names.firstDueOn}
            className="col-12 col-md-4"
            type="date"
            required
            error={summary.errorOf("firstDueOn")}
            registration={register("firstDueOn")}
          />
          <TextField
            id={fieldId("totalEuro")}
            label={names.totalEuro}
            className="col-12 col-md-4"
            inputMode="decimal"
            hint={t("arrears:plan.totalHint")}
            error={summary.errorOf("totalEuro")}
            registration={register("totalEuro")}
          />
        </div>
        <TextAreaField
          id={fieldId("note")}
          label={names.note}
          rows={2}
          error={summary.errorOf("note")}
          registration={register("note")}
        />
        <p className="small" aria-live="polite">
          {first && last && preview?.ok
            ? t("arrears:plan.preview", {
                count: preview.instalments.length,
                amount: format.euro(first.amountCents, { cents: true }),
                from: format.date(first.dueOn),
                to: format.date(last.dueOn),
              })
            : preview && !preview.ok
              ? message(preview.issues[0]?.message ?? "")
              : ""}
        </p>
        <SubmitButton submitting={isSubmitting} label={t("arrears:plan.submit")} />
      </div>
    </form>
  );
}

/** The plan with each instalment's status, and what was paid of it. */
function PlanTable({ plan }: { plan: RepaymentPlanView }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  return (
    <>
      <p>
        {t("arrears:plan.summary", {
          total: format.euro(plan.totalCents, { cents: true }),
          paid: format.euro(plan.paidCents, { cents: true }),
          remaining: format.euro(plan.remainingCents, { cents: true }),
          status: labels.planStatus(plan.status === "active" ? plan.tracking : plan.status),
        })}
      </p>
      {plan.status === "active" && plan.tracking === "broken" ? (
        <div className="alert alert-warning">{t("arrears:plan.broken")}</div>
      ) : null}
      <div className="table-responsive">
        <table className="table table-sm caption-top" data-testid="instalments">
          <caption>{t("arrears:plan.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("arrears:plan.seq")}</th>
              <th scope="col">{t("arrears:plan.dueOn")}</th>
              <th scope="col" className="text-end">
                {t("arrears:plan.amount")}
              </th>
              <th scope="col" className="text-end">
                {t("arrears:plan.paid")}
              </th>
              <th scope="col">{t("arrears:plan.status")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.instalments.map((i) => (
              <tr key={i.seq} className={i.status === "overdue" ? "is-overdue" : undefined}>
                <th scope="row">{i.seq}</th>
                <td className="text-nowrap">{format.date(i.dueOn)}</td>
                <td className="text-end text-nowrap">{format.euro(i.amountCents, { cents: true })}</td>
                <td className="text-end text-nowrap">{format.euro(i.paidCents, { cents: true })}</td>
                <td>
                  {labels.instalmentStatus(i.status)}
                  {i.status === "overdue" ? ` (${t("arrears:plan.daysLate", { count: i.daysOverdue })})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Piano di rientro: the plan and its instalments, and the form for a new one when the case allows it. */
export function RepaymentPlanSection({
  view,
  canWork,
  onDone,
}: {
  view: ArrearsCaseView;
  canWork: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const option = view.options.find((o) => o.stage === "repayment_plan");
  return (
    <section className="mt-5" aria-labelledby="plan-title">
      <h2 id="plan-title" className="h4">
        {t("arrears:plan.title")}
      </h2>
      {view.plan ? <PlanTable plan={view.plan} /> : <p>{t("arrears:plan.none")}</p>}
      {canWork && option?.allowed ? (
        <PlanForm key={view.plan?.id ?? "new"} view={view} onDone={onDone} />
      ) : null}
      {canWork && option && !option.allowed && view.status === "open" ? (
        <p className="small">
          {t("arrears:plan.notNow")} {option.blocks.map((b) => labels.block(b)).join("; ")}
        </p>
      ) : null}
    </section>
  );
}
