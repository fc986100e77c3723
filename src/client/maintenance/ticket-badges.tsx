// SPDX-License-Identifier: EUPL-1.2
import "./maintenance.css";
import type { TicketStatus, TicketUrgency } from "../../domain/maintenance/ticket.schema.ts";
import { Icon } from "../components/icon.tsx";
import { useFormat } from "../format.ts";
import { useMaintenanceLabels, useMaintenanceT } from "./maintenance-i18n.ts";

/** A ticket's status as a badge; the colour repeats the words, never replaces them. */
export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const labels = useMaintenanceLabels();
  return <span className={`badge ticket-badge ticket-status-${status}`}>{labels.status(status)}</span>;
}

export function UrgencyBadge({ urgency }: { urgency: TicketUrgency }) {
  const labels = useMaintenanceLabels();
  return <span className={`badge ticket-badge ticket-urgency-${urgency}`}>{labels.urgency(urgency)}</span>;
}

/** The deadline, and "overdue" in words (with an icon) when it has passed. */
export function Deadline({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useMaintenanceT();
  const format = useFormat();
  return (
    <span>
      {format.dateTime(dueAt)}
      {overdue ? (
        <>
          {" "}
          <span className="overdue-mark">
            <Icon name="warning-circle" size="sm" />
            {t("overdue")}
          </span>
        </>
      ) : null}
    </span>
  );
}
