// SPDX-License-Identifier: EUPL-1.2
import "./works.css";
import type { ContractorView, WorksStatus } from "../../domain/works/works-api.schema.ts";
import { Icon } from "../components/icon.tsx";
import { useSlippageText, useWorksLabels, useWorksT } from "./works-i18n.ts";

/** A works' status as a badge; the colour repeats the words, never replaces them. */
export function WorksStatusBadge({ status }: { status: WorksStatus }) {
  const labels = useWorksLabels();
  return <span className={`badge works-badge works-status-${status}`}>{labels.status(status)}</span>;
}

/** A contractor's white-list standing in words and as a badge, with the expiry warning when close. */
export function StandingBadge({ contractor }: { contractor: ContractorView }) {
  const { t } = useWorksT();
  const labels = useWorksLabels();
  return (
    <span className="d-inline-flex flex-column gap-1">
      <span className={`badge works-badge standing-${contractor.standing}`}>
        {labels.standing(contractor.standing)}
      </span>
      {contractor.expiringSoon ? (
        <span className="works-warning">
          <Icon name="warning-circle" size="sm" />
          {t("contractors.expiringSoon", { count: contractor.daysToExpiry })}
        </span>
      ) : null}
    </span>
  );
}

/** A delay in days, in words; a late one is marked with an icon and bold text as well. */
export function Slippage({ days }: { days: number }) {
  const text = useSlippageText();
  if (days <= 0) return <span>{text(days)}</span>;
  return (
    <span className="works-warning">
      <Icon name="clock" size="sm" />
      {text(days)}
    </span>
  );
}

/** A figure that does not apply (the delay of a cancelled works): a dash, read out in words. */
export function NotApplicable() {
  const { t } = useWorksT();
  return (
    <span>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("common.notApplicable")}</span>
    </span>
  );
}
