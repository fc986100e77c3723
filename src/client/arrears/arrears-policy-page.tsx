// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ArrearsPolicyView } from "../../domain/arrears/arrears-api.schema.ts";
import { ARREARS_STAGES } from "../../domain/arrears/arrears-policy.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { useArrearsPolicy } from "./arrears-api.ts";
import { useArrearsLabels } from "./arrears-labels.ts";
import { ARREARS_PATH } from "./arrears-paths.ts";
import { ArrearsPolicyForm } from "./arrears-policy-form.tsx";

/** Which version is in force: the starting one, or who saved this one, when and why. */
function VersionLine({ view }: { view: ArrearsPolicyView }) {
  const { t } = useTranslation("arrears");
  const format = useFormat();
  if (!view.stored) return <p data-testid="policy-version">{t("policy.versionZero")}</p>;
  return (
    <p data-testid="policy-version">
      {t("policy.version", {
        version: view.version,
        date: view.createdAt ? format.date(view.createdAt.slice(0, 10)) : "",
        name: view.createdBy?.name ?? "",
        reason: view.reason,
      })}
    </p>
  );
}

/** The policy in force, as everyone who follows arrears reads it. */
function PolicyInForce({ view }: { view: ArrearsPolicyView }) {
  const { t } = useTranslation("arrears");
  const labels = useArrearsLabels();
  const format = useFormat();
  const { stages, repaymentPlan, funds } = view.policy;
  const euro = (cents: number) => format.euro(cents, { cents: true });
  const taskOf = (stage: (typeof ARREARS_STAGES)[number]) => {
    const rule = stages[stage];
    return "taskDueDays" in rule ? t("policy.taskWithin", { count: rule.taskDueDays }) : "—";
  };
  return (
    <>
      <section aria-labelledby="policy-stages-title" className="mb-4">
        <h2 id="policy-stages-title" className="h4">
          {t("policy.stagesTitle")}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t("policy.stagesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("policy.columns.stage")}</th>
                <th scope="col" className="text-end">
                  {t("policy.columns.fromDays")}
                </th>
                <th scope="col">{t("policy.columns.task")}</th>
              </tr>
            </thead>
            <tbody>
              {ARREARS_STAGES.map((s) => (
                <tr key={s}>
                  <th scope="row">{labels.stage(s)}</th>
                  <td className="text-end">{stages[s].fromDaysOverdue}</td>
                  <td>{taskOf(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul>
          {stages.signal.onEarlyWarning ? <li>{t("policy.onEarlyWarning")}</li> : null}
          <li>
            {stages.legal.requiresStages.length === 0
              ? t("policy.legalRequiresNothing")
              : t("policy.legalRequires", {
                  stages: stages.legal.requiresStages.map((s) => labels.stage(s)).join(", "),
                })}
          </li>
        </ul>
      </section>
      <section aria-labelledby="policy-plan-title" className="mb-4">
        <h2 id="policy-plan-title" className="h4">
          {t("policy.planTitle")}
        </h2>
        <ul>
          <li>
            {t("policy.planInstalments", {
              count: repaymentPlan.maxInstalments,
              min: euro(repaymentPlan.minInstalmentCents),
            })}
          </li>
          <li>
            {t("policy.planBroken", {
              count: repaymentPlan.brokenAfterInstalments,
              days: repaymentPlan.brokenAfterDays,
            })}
          </li>
        </ul>
      </section>
      <section aria-labelledby="policy-funds-title" className="mb-5">
        <h2 id="policy-funds-title" className="h4">
          {t("policy.fundsTitle")}
        </h2>
        <ul>
          <li>
            {t(
              funds.involuntary_arrears_fund.requiresIncomeDropOrCause
                ? "policy.involuntaryRuleWithCause"
                : "policy.involuntaryRule",
              { max: euro(funds.involuntary_arrears_fund.maxIseeCents) },
            )}
          </li>
          <li>{t("policy.regionalRule", { max: euro(funds.regional_solidarity.maxIseeCents) })}</li>
        </ul>
      </section>
    </>
  );
}

/**
 * Politica di prevenzione della morosità: the stages in force, the limits of repayment plans and the
 * funds' rules, for everyone who follows arrears; the Comune edits it as a new version with a reason.
 */
export function ArrearsPolicyPage() {
  const { t } = useTranslation("arrears");
  const canEdit = useCan("arrears:policy");
  const policy = useArrearsPolicy();
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <RecordBreadcrumb listHref={ARREARS_PATH} listLabel={t("list.title")} current={t("policy.title")} />
      <PageTitle title={t("policy.title")} lead={t("policy.lead")} />
      <div aria-live="polite">
        {done ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done}
          </div>
        ) : null}
      </div>
      {policy.isPending ? (
        <Loading />
      ) : policy.isError ? (
        <ErrorAlert error={policy.error} />
      ) : (
        <>
          <VersionLine view={policy.data} />
          <PolicyInForce view={policy.data} />
          {canEdit ? (
            <ArrearsPolicyForm key={policy.data.version} current={policy.data} onDone={setDone} />
          ) : null}
        </>
      )}
    </>
  );
}
