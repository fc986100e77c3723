// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { planEditorHref } from "../households/household-href.ts";
import { Link } from "../router.tsx";
import {
  PlanGoals,
  PlanProgress,
  PlanRestrictedNotice,
  PlanSignedBadge,
  PlanSummary,
  PlanTeam,
} from "./plan-view.tsx";
import { useSupportPlan } from "./support-plans-api.ts";

/** Progetto: the plan at a glance, its team, goals, autonomy over time and reviews. */
export function PlanTab({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan("households:write");
  const plan = useSupportPlan(household.id);
  const editor = planEditorHref(household.id);
  if (plan.isPending) return <Loading />;
  if (plan.error) return <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />;
  const p = plan.data;
  if (p === null) {
    return (
      <section aria-labelledby="plan-title">
        <h2 id="plan-title" className="h4">
          {t("plans.title")}
        </h2>
        <p>{t("plans.none")}</p>
        {canWrite && (household.onTeam || household.specialCategories === "full") ? (
          <Link to={editor} className="btn btn-primary">
            {t("plans.create")}
          </Link>
        ) : null}
      </section>
    );
  }
  return (
    <section aria-labelledby="plan-title">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-3 mb-3">
        <h2 id="plan-title" className="h4 mb-0">
          {t("plans.title")} <PlanSignedBadge plan={p} />
        </h2>
        {canWrite && !p.restricted ? (
          <Link to={editor} className="btn btn-primary">
            {t("plans.edit")}
          </Link>
        ) : null}
      </div>
      <PlanSummary plan={p} />
      <PlanTeam plan={p} />
      {p.restricted ? <PlanRestrictedNotice /> : null}
      <PlanGoals plan={p} />
      <PlanProgress plan={p} />
    </section>
  );
}
