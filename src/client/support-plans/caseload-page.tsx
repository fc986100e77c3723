// SPDX-License-Identifier: EUPL-1.2
import "./support-plans.css";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from "../../domain/households/household-status.ts";
import type { CaseloadEntry } from "../../domain/support-plans/support-plan.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Icon } from "../components/icon.tsx";
import { Loading } from "../components/loading.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { HouseholdStatusBadge, OverdueFlag } from "../households/household-badges.tsx";
import { householdHref } from "../households/household-href.ts";
import { Link } from "../router.tsx";
import { useSupportPlanLabels } from "./support-plan-labels.ts";
import { useCaseload, useDueFollowUps, useOverdueReviews } from "./support-plans-api.ts";

const isStatus = (s: string): s is HouseholdStatus => HOUSEHOLD_STATUSES.some((x) => x === s);

/** What is late comes first: the review most overdue, then the most overdue actions. */
export function byWhatIsLate(a: CaseloadEntry, b: CaseloadEntry): number {
  if (a.reviewDaysOverdue !== b.reviewDaysOverdue) return b.reviewDaysOverdue - a.reviewDaysOverdue;
  if (a.overdueActions !== b.overdueActions) return b.overdueActions - a.overdueActions;
  return a.householdReference.localeCompare(b.householdReference);
}

/** A count of late things in words, in a bordered box: it reads without colour. */
function LateCount({ text }: { text: string }) {
  return (
    <span className="late-count">
      <Icon name="warning-circle" size="xs" />
      {text}
    </span>
  );
}

function CaseloadTable({ items }: { items: CaseloadEntry[] }) {
  const { t } = useTranslation();
  const labels = useSupportPlanLabels();
  const format = useFormat();
  return (
    <div className="table-responsive">
      <table className="table caseload-table" data-testid="caseload">
        <caption className="visually-hidden">{t("caseload.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("households.fields.reference")}</th>
            <th scope="col">{t("households.fields.headName")}</th>
            <th scope="col">{t("households.fields.status")}</th>
            <th scope="col">{t("caseload.columns.teamRole")}</th>
            <th scope="col">{t("caseload.columns.nextReview")}</th>
            <th scope="col">{t("caseload.columns.openActions")}</th>
            <th scope="col">{t("caseload.columns.lastIntervention")}</th>
          </tr>
        </thead>
        <tbody>
          {[...items].sort(byWhatIsLate).map((e) => {
            const late = e.reviewDaysOverdue > 0 || e.overdueActions > 0;
            return (
              <tr key={e.householdId} className={late ? "is-overdue" : undefined}>
                <th scope="row" className="text-nowrap">
                  <Link to={householdHref(e.householdId, "progetto")}>{e.householdReference}</Link>
                </th>
                <td>{e.headName}</td>
                <td>{isStatus(e.status) ? <HouseholdStatusBadge status={e.status} /> : e.status}</td>
                <td>{e.teamRole ? labels.teamRole(e.teamRole) : t("caseload.acceptedReferral")}</td>
                <td className="text-nowrap">
                  {e.nextReviewDate ? format.date(e.nextReviewDate) : t("caseload.noPlan")}
                  {e.reviewDaysOverdue > 0 ? (
                    <div className="mt-1">
                      <LateCount text={t("caseload.reviewLate", { count: e.reviewDaysOverdue })} />
                    </div>
                  ) : null}
                </td>
                <td>
                  {format.number(e.openActions)}
                  {e.overdueActions > 0 ? (
                    <div className="mt-1">
                      <LateCount text={t("caseload.actionsLate", { count: e.overdueActions })} />
                    </div>
                  ) : null}
                </td>
                <td className="text-nowrap">
                  {e.lastInterventionDate
                    ? format.date(e.lastInterventionDate)
                    : t("caseload.noIntervention")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A list of the caseload page in its section: the heading, what it holds, and the table once loaded
 * (or why not, or that there is nothing to do).
 */
function CaseSection({
  id,
  keys,
  query,
  count,
  children,
}: {
  id: string;
  /** Under `caseload.<keys>`: title, intro, empty, caption. */
  keys: "overdueReviews" | "followUps";
  query: { error: Error | null; isPending: boolean; refetch: () => unknown };
  count: number | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="mt-5" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h4">
        {t(`caseload.${keys}.title`)}
      </h2>
      <p className="small text-secondary">{t(`caseload.${keys}.intro`)}</p>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.isPending ? <Loading /> : null}
      {count === 0 ? <p>{t(`caseload.${keys}.empty`)}</p> : null}
      {count !== undefined && count > 0 ? (
        <div className="table-responsive">
          <table className="table" data-testid={id}>
            <caption className="visually-hidden">{t(`caseload.${keys}.caption`)}</caption>
            {children}
          </table>
        </div>
      ) : null}
    </section>
  );
}

function OverdueReviews() {
  const { t } = useTranslation();
  const format = useFormat();
  const reviews = useOverdueReviews();
  const items = reviews.data?.items ?? [];
  return (
    <CaseSection
      id="overdue-reviews"
      keys="overdueReviews"
      query={reviews}
      count={reviews.data?.items.length}
    >
      <thead>
        <tr>
          <th scope="col">{t("households.fields.reference")}</th>
          <th scope="col">{t("caseload.columns.nextReview")}</th>
          <th scope="col">{t("caseload.overdueReviews.late")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.planId} className="is-overdue">
            <th scope="row" className="text-nowrap">
              <Link to={householdHref(r.householdId, "progetto")}>{r.householdReference}</Link>
            </th>
            <td className="text-nowrap">{format.date(r.nextReviewDate)}</td>
            <td>
              <LateCount text={t("caseload.reviewLate", { count: r.daysOverdue })} />
            </td>
          </tr>
        ))}
      </tbody>
    </CaseSection>
  );
}

function DueFollowUps() {
  const { t } = useTranslation();
  const format = useFormat();
  const due = useDueFollowUps();
  const items = due.data?.items ?? [];
  return (
    <CaseSection id="follow-ups-due" keys="followUps" query={due} count={due.data?.items.length}>
      <thead>
        <tr>
          <th scope="col">{t("households.fields.reference")}</th>
          <th scope="col">{t("exit.followUps.when")}</th>
          <th scope="col">{t("exit.followUps.dueDate")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <tr key={`${f.householdId}-${f.months}`} className={f.overdue ? "is-overdue" : undefined}>
            <th scope="row" className="text-nowrap">
              <Link to={householdHref(f.householdId, "uscita")}>{f.householdReference}</Link>
            </th>
            <td>{t("exit.followUps.atMonths", { months: f.months })}</td>
            <td className="text-nowrap">
              {format.date(f.dueDate)}
              {f.overdue ? (
                <div className="mt-1">
                  <OverdueFlag />
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </CaseSection>
  );
}

/** I miei nuclei: the households whose team I am on, what is late, and the follow-ups to make. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const caseload = useCaseload();
  const items = caseload.data?.items;
  const lateReviews = items?.filter((e) => e.reviewDaysOverdue > 0).length ?? 0;
  const lateActions = items?.filter((e) => e.overdueActions > 0).length ?? 0;
  return (
    <>
      <PageTitle title={t("caseload.title")} lead={t("caseload.lead")}>
        {/* Every role with a caseload works on arrears: its tasks (first signals, meetings) are a page away. */}
        <Link to="/attivita" className="btn btn-outline-primary">
          {t("arrears:tasks.title")}
        </Link>
      </PageTitle>
      <section aria-labelledby="caseload-title">
        <h2 id="caseload-title" className="h4">
          {t("caseload.listTitle")}
        </h2>
        {caseload.error ? <ErrorAlert error={caseload.error} onRetry={() => caseload.refetch()} /> : null}
        {caseload.isPending ? <Loading /> : null}
        {items ? (
          <p>
            {t("caseload.count", { count: items.length })}{" "}
            {lateReviews > 0 ? t("caseload.lateReviewsCount", { count: lateReviews }) : ""}{" "}
            {lateActions > 0 ? t("caseload.lateActionsCount", { count: lateActions }) : ""}
          </p>
        ) : null}
        {items && items.length === 0 ? <p>{t("caseload.empty")}</p> : null}
        {items && items.length > 0 ? <CaseloadTable items={items} /> : null}
      </section>
      <OverdueReviews />
      <DueFollowUps />
    </>
  );
}
