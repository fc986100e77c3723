// SPDX-License-Identifier: EUPL-1.2
import "./arrears.css";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ArrearsCaseClose, type ArrearsCaseView } from "../../domain/arrears/arrears-api.schema.ts";
import { AGEING_BUCKETS } from "../../domain/ledger/account.ts";
import { FactsCard } from "../allocation/facts-list.tsx";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField } from "../components/form-field.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { householdHref } from "../households/household-href.ts";
import { Link, useLocation } from "../router.tsx";
import { useArrearsCase, useCloseCase } from "./arrears-api.ts";
import { useArrearsLabels, useArrearsMessage } from "./arrears-labels.ts";
import { ARREARS_PATH } from "./arrears-paths.ts";
import { StepForm, StepOptions } from "./arrears-step-form.tsx";
import { EconomicReferralsSection } from "./economic-referrals-section.tsx";
import { RepaymentPlanSection } from "./repayment-plan-section.tsx";

/**
 * The case opened from the list: the message of who got the task takes the focus once the layout has
 * put it on the new page's heading (its effect runs after this element mounts).
 */
const focusAfterPageChange = (element: HTMLElement | null) => {
  if (element) requestAnimationFrame(() => element.focus());
};

/** Where the tenancy's account stands, and what the case is about. */
function Position({ view }: { view: ArrearsCaseView }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  const canReadHouseholds = useCan("households:read");
  const p = view.tenancy;
  return (
    <div className="row g-4">
      <div className="col-12 col-lg-6">
        <FactsCard
          id="case-tenancy"
          title={t("arrears:case.tenancyTitle")}
          facts={[
            {
              key: "tenancy",
              label: t("arrears:fields.tenancy"),
              value: <span className="font-monospace">{p.reference}</span>,
            },
            {
              key: "household",
              label: t("arrears:fields.household"),
              value: canReadHouseholds ? (
                <Link to={householdHref(p.householdId)}>{p.householdReference}</Link>
              ) : (
                p.householdReference
              ),
            },
            {
              key: "unit",
              label: t("arrears:fields.unit"),
              value: `${p.unitCode} · ${labels.category(p.category)}`,
            },
            { key: "partner", label: t("arrears:fields.partner"), value: p.partnerCode ?? "—" },
            {
              key: "isee",
              label: t("arrears:fields.isee"),
              value:
                p.iseeCents === null
                  ? t("arrears:case.iseeUnknown")
                  : format.euro(p.iseeCents, { cents: true }),
            },
            {
              key: "stage",
              label: t("arrears:case.stage"),
              value:
                view.status === "open"
                  ? labels.stage(view.stage)
                  : t("arrears:case.closedOn", { date: format.date(view.closedOn ?? view.openedOn) }),
            },
            { key: "opened", label: t("arrears:case.openedOn"), value: format.date(view.openedOn) },
          ]}
        />
      </div>
      <div className="col-12 col-lg-6">
        <FactsCard
          id="case-balance"
          title={t("arrears:case.balanceTitle")}
          facts={[
            {
              key: "balance",
              label: t("arrears:fields.balance"),
              value: format.euro(p.balanceCents, { cents: true }),
            },
            {
              key: "overdue",
              label: t("arrears:fields.overdue"),
              value: format.euro(p.ageing.overdueCents, { cents: true }),
            },
            ...AGEING_BUCKETS.map((b) => ({
              key: b,
              label: labels.bucket(b),
              value: format.euro(p.ageing[b], { cents: true }),
            })),
            { key: "days", label: t("arrears:fields.daysOverdue"), value: format.number(p.daysOverdue) },
            {
              key: "warnings",
              label: t("arrears:fields.signals"),
              value:
                p.warnings.length === 0
                  ? t("arrears:list.noSignal")
                  : p.warnings.map((w) => labels.warning(w.kind)).join(", "),
            },
          ]}
        >
          {p.possiblePaymentInQueue ? (
            <div className="alert alert-warning mt-3 mb-0">{t("arrears:case.paymentInQueue")}</div>
          ) : null}
        </FactsCard>
      </div>
    </div>
  );
}

function StepsHistory({ view }: { view: ArrearsCaseView }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  return (
    <div className="table-responsive">
      <table className="table table-sm caption-top">
        <caption>{t("arrears:case.stepsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("arrears:case.date")}</th>
            <th scope="col">{t("arrears:case.stage")}</th>
            <th scope="col">{t("arrears:case.by")}</th>
            <th scope="col" className="text-end">
              {t("arrears:fields.balance")}
            </th>
            <th scope="col">{t("arrears:step.note")}</th>
          </tr>
        </thead>
        <tbody>
          {view.steps.map((s) => (
            <tr key={s.id}>
              <td className="text-nowrap">{format.date(s.takenOn)}</td>
              <th scope="row">{labels.stage(s.stage)}</th>
              <td>{s.actor?.name || "—"}</td>
              <td className="text-end text-nowrap">{format.euro(s.balanceCents, { cents: true })}</td>
              <td className="notes">{s.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CaseTasks({ view }: { view: ArrearsCaseView }) {
  const { t } = useTranslation();
  const labels = useArrearsLabels();
  const format = useFormat();
  return (
    <section className="mt-5" aria-labelledby="case-tasks-title">
      <h2 id="case-tasks-title" className="h4">
        {t("arrears:case.tasksTitle")}
      </h2>
      <p className="small">{t("arrears:case.tasksIntro")}</p>
      <div className="table-responsive">
        <table className="table table-sm" data-testid="case-tasks">
          <caption className="visually-hidden">{t("arrears:case.tasksCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("arrears:tasks.kind")}</th>
              <th scope="col">{t("arrears:tasks.assignee")}</th>
              <th scope="col">{t("arrears:tasks.dueOn")}</th>
              <th scope="col">{t("arrears:tasks.status")}</th>
              <th scope="col">{t("arrears:tasks.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {view.tasks.map((task) => (
              <tr key={task.id} className={task.overdue ? "is-overdue" : undefined}>
                <th scope="row">{labels.taskKind(task.kind)}</th>
                <td>{task.assignee?.name || t("arrears:tasks.unassigned")}</td>
                <td className="text-nowrap">{format.date(task.dueOn)}</td>
                <td>{labels.taskStatus(task.status)}</td>
                <td className="notes">{task.outcome || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Chiudi la pratica: with the reason; its open tasks are cancelled. */
function CloseForm({ view, onDone }: { view: ArrearsCaseView; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const message = useArrearsMessage();
  const close = useCloseCase(view.id);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ArrearsCaseClose, unknown, ArrearsCaseClose>({
    resolver: zodResolver(ArrearsCaseClose),
    defaultValues: { reason: "" },
  });
  const text = messageAt(errors, "reason");
  const submit = handleSubmit(
    async (input) => {
      try {
        await close.mutateAsync(input.reason);
        onDone(t("arrears:close.done"));
      } catch (e) {
        const issue = isApiError(e) ? (e.errors[0]?.message ?? e.detail) : null;
        if (issue) {
          setError("reason", { type: "server", message: issue });
          setFocus("reason");
        }
      }
    },
    () => setFocus("reason"),
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="close-form-title" className="card shadow-sm mt-5">
      <div className="card-body">
        <h2 id="close-form-title" className="h4">
          {t("arrears:close.title")}
        </h2>
        <p className="small">{t("arrears:close.intro")}</p>
        {close.error && !isApiError(close.error) ? <ErrorAlert error={close.error} /> : null}
        <TextAreaField
          id="close-reason"
          label={t("arrears:close.reason")}
          rows={2}
          required
          error={text === undefined ? undefined : message(text)}
          registration={register("reason")}
        />
        <SubmitButton submitting={isSubmitting} label={t("arrears:close.submit")} />
      </div>
    </form>
  );
}

/**
 * Una pratica di morosità: the tenancy's position, the steps taken and the stages that may come next
 * (with why not), the educator's tasks, the repayment plan and its instalments, the referrals.
 */
export function ArrearsCasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useArrearsLabels();
  const { search } = useLocation();
  const arrearsCase = useArrearsCase(id);
  const canWork = useCan("arrears:work");
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const announce = (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  const view = arrearsCase.data;
  const signal = view?.tasks.find((task) => task.kind === "arrears_signal");
  const justOpened = search.get("aperta") === "1" && done === null && signal !== undefined;
  return (
    <>
      <RecordBreadcrumb
        listHref={ARREARS_PATH}
        listLabel={t("arrears:list.title")}
        current={view?.tenancy.reference ?? null}
      />
      <PageTitle
        title={
          view
            ? t("arrears:case.title", { reference: view.tenancy.reference })
            : t("arrears:case.loadingTitle")
        }
        lead={
          view
            ? view.status === "open"
              ? t("arrears:case.leadOpen", { stage: labels.stage(view.stage) })
              : t("arrears:case.leadClosed", { reason: view.closeReason ?? "" })
            : undefined
        }
      />
      <div aria-live="polite">
        {justOpened && signal ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusAfterPageChange}>
            {t("arrears:case.opened", {
              name: signal.assignee?.name || t("arrears:tasks.unassigned"),
              date: format.date(signal.dueOn),
            })}
          </div>
        ) : null}
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
      {view ? (
        <>
          <Position view={view} />
          <section className="mt-5" aria-labelledby="steps-title">
            <h2 id="steps-title" className="h4">
              {t("arrears:case.stepsTitle")}
            </h2>
            <StepsHistory view={view} />
            {view.status === "open" ? (
              <>
                <StepOptions view={view} />
                {canWork ? <StepForm key={view.steps.length} view={view} onDone={announce} /> : null}
              </>
            ) : null}
          </section>
          <CaseTasks view={view} />
          <RepaymentPlanSection view={view} canWork={canWork} onDone={announce} />
          <EconomicReferralsSection
            householdId={view.tenancy.householdId}
            referrals={view.referrals}
            canWork={canWork}
            onDone={announce}
          />
          {canWork && view.status === "open" ? <CloseForm view={view} onDone={announce} /> : null}
        </>
      ) : (
        <RecordPending query={arrearsCase} notFound={t("arrears:case.notFound")} listHref={ARREARS_PATH} />
      )}
    </>
  );
}
