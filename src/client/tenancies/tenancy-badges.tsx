// SPDX-License-Identifier: EUPL-1.2
import "./tenancies.css";
import { useTenancyLabels } from "./tenancies-i18n.ts";

/** The status of a tenancy as a coloured badge; the colour repeats the words, never replaces them. */
export function TenancyStatusBadge({ status }: { status: string }) {
  const labels = useTenancyLabels();
  return <span className={`badge status-badge tenancy-status-${status}`}>{labels.status(status)}</span>;
}
