// SPDX-License-Identifier: EUPL-1.2
import "./support-plans.css";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import {
  PLAN_DOMAINS,
  type PlanAction,
  type SupportPlan,
} from "../../domain/support-plans/support-plan.schema.ts";
import { daysBetween } from "../../domain/support-plans/support-plan-review.ts";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { OverdueFlag } from "../households/household-badges.tsx";
import { localToday } from "../households/referral-form-values.ts";
import { useSupportPlanLabels } from "./support-plan-labels.ts";

// ECharts is heavy: the chart loads when a plan with reviews is shown.
const AutonomyChart = lazy(() => import("./autonomy-chart.tsx").then((m) => ({ default: m.AutonomyChart })));

/** Signed by both the household and the referring service. */
export const isSigned = (plan: Pick<SupportPlan, "signatures">) =>
  plan.signatures.household !== null && plan.signatures.referringService !== null;

/** "Firmato" or "Da firmare": a badge whose words carry the meaning, the colour repeats it. */
export function PlanSignedBadge({ plan }: { plan: Pick<SupportPlan, "signatures"> }) {
  const { t } = useTranslation();
  return isSigned(plan) ? (
    <span className="badge plan-badge plan-signed">{t("plans.signed")}</span>
  ) : (
    <span className="badge plan-badge plan-unsigned">{t("plans.unsigned")}</span>
  );
}

/** An open action past its due date. */
export const isOverdueAction = (a: Pick<PlanAction, "status" | "dueDate">, today: string) =>
  a.status === "open" && a.dueDate < today;

export function PlanSummary({ plan }: { plan: SupportPlan }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const format = useFormat();
  const today = localToday();
  const late = plan.status === "active" && plan.nextReviewDate < today;
  const signature = (date: string | null) => (date === null ? t("plans.notSigned") : format.date(date));
  const rows = [
    { key: "status", label: t("plans.fields.status"), value: t(`plans.enums.status.${plan.status}`) },
    { key: "startDate", label: t("plans.fields.startDate"), value: format.date(plan.startDate) },
    { key: "intensity", label: t("plans.fields.intensity"), value: labels.intensity(plan.intensity) },
    {
      key: "reviewEveryMonths",
      label: t("plans.fields.reviewEveryMonths"),
      value: t("plans.everyMonths", { count: plan.reviewEveryMonths }),
    },
    {
      key: "lastReviewDate",
      label: t("plans.fields.lastReviewDate"),
      value: plan.lastReviewDate ? format.date(plan.lastReviewDate) : t("plans.noReviewYet"),
    },
    {
      key: "nextReviewDate",
      label: t("plans.fields.nextReviewDate"),
      value: (
        <>
          {format.date(plan.nextReviewDate)}{" "}
          {late ? (
            <OverdueFlag label={t("plans.reviewLate", { count: daysBetween(plan.nextReviewDate, today) })} />
          ) : null}
        </>
      ),
    },
    {
      key: "signatureHousehold",
      label: t("plans.fields.signatureHousehold"),
      value: signature(plan.signatures.household),
    },
    {
      key: "signatureReferringService",
      label: t("plans.fields.signatureReferringService"),
      value: signature(plan.signatures.referringService),
    },
  ];
  return (
    <dl className="facts mb-0" data-testid="plan-summary">
      {rows.map((r) => (
        <div key={r.key} className="facts-row">
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PlanTeam({ plan, headingLevel = 3 }: { plan: SupportPlan; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="mt-4" aria-labelledby="plan-team-title">
      <Heading id="plan-team-title" className="h5">
        {t("plans.team.title")}
      </Heading>
      {plan.team.length === 0 ? (
        <p>{t("plans.team.empty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption className="visually-hidden">{t("plans.team.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("plans.team.name")}</th>
                <th scope="col">{t("plans.team.role")}</th>
                <th scope="col">{t("plans.team.organisation")}</th>
                <th scope="col">{t("plans.team.account")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.team.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: team members have no id; the list is the plan's.
                <tr key={i}>
                  <th scope="row">{m.name}</th>
                  <td>{labels.teamRole(m.role)}</td>
                  <td>{m.organisation ?? "—"}</td>
                  <td>{m.userId ? t("plans.team.hasAccount") : t("plans.team.noAccount")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function PlanGoals({ plan, headingLevel = 3 }: { plan: SupportPlan; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const format = useFormat();
  const today = localToday();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  if (plan.goals === null) return null;
  return (
    <section className="mt-4" aria-labelledby="plan-goals-title">
      <Heading id="plan-goals-title" className="h5">
        {t("plans.goals.title")}
      </Heading>
      {plan.goals.length === 0 ? <p>{t("plans.goals.empty")}</p> : null}
      {plan.goals.map((goal, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: goals have no id; their order is the plan's.
        <article key={g} className="plan-goal" aria-labelledby={`plan-goal-${g}`}>
          <Sub id={`plan-goal-${g}`} className="h6">
            <span className="plan-domain">{labels.domain(goal.domain)}</span> · {goal.description}
          </Sub>
          {goal.actions.length === 0 ? (
            <p className="small">{t("plans.goals.noActions")}</p>
          ) : (
            <div className="table-responsive">
              <table className="table table-sm mb-2">
                <caption className="visually-hidden">
                  {t("plans.goals.actionsCaption", { goal: goal.description })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("plans.actions.description")}</th>
                    <th scope="col">{t("plans.actions.owner")}</th>
                    <th scope="col">{t("plans.actions.dueDate")}</th>
                    <th scope="col">{t("plans.actions.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {goal.actions.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; their order is the goal's.
                    <tr key={i} className={isOverdueAction(a, today) ? "is-overdue" : undefined}>
                      <th scope="row">{a.description}</th>
                      <td>{a.owner}</td>
                      <td className="text-nowrap">{format.date(a.dueDate)}</td>
                      <td>
                        {labels.actionStatus(a.status)}
                        {isOverdueAction(a, today) ? (
                          <div className="mt-1">
                            <OverdueFlag />
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

/** The autonomy chart and the reviews, newest first. */
export function PlanProgress({ plan, headingLevel = 3 }: { plan: SupportPlan; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const format = useFormat();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (plan.reviews === null || plan.progress === null) return null;
  const reviews = [...plan.reviews].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <section className="mt-4" aria-labelledby="plan-progress-title">
        <Heading id="plan-progress-title" className="h5">
          {t("plans.chart.title")}
        </Heading>
        <Suspense fallback={<Loading />}>
          <AutonomyChart progress={plan.progress} />
        </Suspense>
      </section>
      <section className="mt-4" aria-labelledby="plan-reviews-title">
        <Heading id="plan-reviews-title" className="h5">
          {t("plans.reviews.title", { count: reviews.length })}
        </Heading>
        {reviews.length === 0 ? <p>{t("plans.reviews.empty")}</p> : null}
        {reviews.length > 0 ? (
          <ul className="list-unstyled plan-reviews">
            {reviews.map((r) => (
              <li key={r.id} className="plan-review">
                <p className="mb-1 fw-semibold">
                  <time dateTime={r.date}>{format.date(r.date)}</time>
                </p>
                <p className="mb-1 small">
                  {PLAN_DOMAINS.filter((d) => r.autonomy[d] !== undefined)
                    .map((d) => `${labels.domain(d)}: ${r.autonomy[d]}`)
                    .join(" · ") || t("plans.reviews.noScores")}
                </p>
                {r.notes ? <p className="mb-0 notes">{r.notes}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

/** Goals, reviews and progress are the team's only: said instead of showing nothing. */
export function PlanRestrictedNotice() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info mt-4" role="note">
      {t("plans.restricted")}
    </div>
  );
}
