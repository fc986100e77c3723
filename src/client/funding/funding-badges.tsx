// SPDX-License-Identifier: EUPL-1.2
import "./funding.css";
import type { ApplicationStatus, Fit, LoanStatus } from "../../domain/funding/funding.ts";
import type { GuaranteeView } from "../../domain/funding/funding-api.schema.ts";
import { Icon } from "../components/icon.tsx";
import { useDaysText, useFundingLabels } from "./funding-i18n.ts";

/** How well a call fits the programme (pertinenza alta/media/bassa) as a badge. */
export function FitBadge({ fit }: { fit: Fit }) {
  const labels = useFundingLabels();
  return <span className={`badge funding-badge fit-${fit}`}>{labels.fit(fit)}</span>;
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const labels = useFundingLabels();
  return (
    <span className={`badge funding-badge application-${status}`}>{labels.applicationStatus(status)}</span>
  );
}

/** A loan's status; an offer left open after its last valid day is "scaduta". */
export function LoanStatusBadge({ status, lapsed }: { status: LoanStatus; lapsed: boolean }) {
  const labels = useFundingLabels();
  const kind = lapsed && status === "offered" ? "lapsed" : status;
  return <span className={`badge funding-badge loan-${kind}`}>{labels.loanStatus(status, lapsed)}</span>;
}

/** A guarantee's standing: valid, or expiring/expired with the days, in words and colour. */
export function StandingBadge({
  guarantee,
}: {
  guarantee: Pick<GuaranteeView, "standing" | "daysToExpiry">;
}) {
  const labels = useFundingLabels();
  const { standing, daysToExpiry } = guarantee;
  return (
    <span className={`badge funding-badge standing-${standing}`}>
      {standing === "valid" ? null : <Icon name="warning-circle" size="xs" className="icon-white me-1" />}
      {labels.standing(standing, daysToExpiry)}
    </span>
  );
}

/**
 * Days to a date in words beside it; `warn` marks it (red once past, amber when close) with an icon,
 * and `note` says why.
 */
export function DaysLeft({ days, warn, note }: { days: number; warn?: boolean; note?: string }) {
  const text = useDaysText();
  if (!warn) return <span className="small">{text(days)}</span>;
  return (
    <span className={`funding-warning small ${days < 0 ? "is-danger" : "is-amber"}`}>
      <Icon name={days < 0 ? "error" : "clock"} size="xs" />
      {text(days)}
      {note ? `: ${note}` : null}
    </span>
  );
}
