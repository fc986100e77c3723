// SPDX-License-Identifier: EUPL-1.2
import type { ActionView, BodySummaryView } from "../../domain/governance/governance-api.schema.ts";
import { Icon } from "../components/icon.tsx";
import { useFormat } from "../format.ts";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";

// What the pages say of a body and an action: in words first; the colour and the icon only repeat them.

/** "5 di 6 componenti", or "4 componenti" for a body with no limit. */
export function useMembersText() {
  const { t } = useGovernanceT();
  return (body: Pick<BodySummaryView, "activeMembers" | "memberLimit">) =>
    body.memberLimit === null
      ? t("members.count", { count: body.activeMembers })
      : t("members.ofLimit", { count: body.activeMembers, limit: body.memberLimit });
}

/** The directive body's annual review of the governance model: when it falls due, and whether late. */
export function AnnualReviewStanding({ review }: { review: NonNullable<BodySummaryView["annualReview"]> }) {
  const { t } = useGovernanceT();
  const format = useFormat();
  const due = format.date(review.dueOn);
  return (
    <span className="governance-review">
      {review.overdue ? (
        <span className="badge governance-badge is-overdue me-1">
          <Icon name="error" size="xs" className="icon-white me-1" />
          {t("review.overdue")}
        </span>
      ) : null}
      {review.overdue
        ? t("review.overdueSince", { date: due, count: -review.daysToDue })
        : review.daysToDue === 0
          ? t("review.dueToday", { date: due })
          : t("review.dueIn", { date: due, count: review.daysToDue })}
      <span className="d-block small">
        {review.lastOn === null
          ? t("review.neverHeld")
          : t("review.lastOn", { date: format.date(review.lastOn) })}
      </span>
    </span>
  );
}

/** An action's status in words, and for an overdue one "In ritardo" with its days, not by colour alone. */
export function ActionStatusBadge({
  action,
}: {
  action: Pick<ActionView, "status" | "overdue" | "daysOverdue">;
}) {
  const { t } = useGovernanceT();
  const labels = useGovernanceLabels();
  return (
    <>
      <span className={`badge governance-badge status-${action.status}`}>{labels.status(action.status)}</span>
      {action.overdue ? (
        <span className="d-block mt-1">
          <span className="badge governance-badge is-overdue">
            <Icon name="error" size="xs" className="icon-white me-1" />
            {t("actions.overdue")}
          </span>
          <span className="d-block small">{t("actions.daysOverdue", { count: action.daysOverdue })}</span>
        </span>
      ) : null}
    </>
  );
}
