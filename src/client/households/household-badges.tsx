// SPDX-License-Identifier: EUPL-1.2
import "./households.css";
import { useTranslation } from "react-i18next";
import type { ReferralStatus } from "../../domain/households/household-api.schema.ts";
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import { Icon } from "../components/icon.tsx";
import { useHouseholdLabels } from "./household-labels.ts";

/** The status of a household as a coloured badge; the colour repeats the words, never replaces them. */
export function HouseholdStatusBadge({ status }: { status: HouseholdStatus }) {
  const labels = useHouseholdLabels();
  return <span className={`badge status-badge household-status-${status}`}>{labels.status(status)}</span>;
}

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const labels = useHouseholdLabels();
  return (
    <span className={`badge status-badge referral-status-${status}`}>{labels.referralStatus(status)}</span>
  );
}

/** "In ritardo": an icon, a word and a border, so it reads without colour. */
export function OverdueFlag({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <span className="overdue-flag">
      <Icon name="clock" size="xs" />
      {label ?? t("referrals.overdue")}
    </span>
  );
}
