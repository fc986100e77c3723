// SPDX-License-Identifier: EUPL-1.2
import "./allocation.css";
import { useTranslation } from "react-i18next";
import type { AllocationRunSummary } from "../../domain/allocation/run.schema.ts";
import type { OfferStatus } from "../../domain/offers/offer.schema.ts";
import { useAllocationLabels } from "./allocation-labels.ts";

// Badges whose colour repeats their words, never replaces them.

export function RunStatusBadge({ status }: { status: AllocationRunSummary["status"] }) {
  const labels = useAllocationLabels();
  return <span className={`badge status-badge run-status-${status}`}>{labels.runStatus(status)}</span>;
}

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const labels = useAllocationLabels();
  return <span className={`badge status-badge offer-status-${status}`}>{labels.offerStatus(status)}</span>;
}

/** A pending offer past its due date: the next expiry sweep closes it. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="badge status-badge offer-overdue ms-2">{t("allocation.offers.overdue")}</span>;
}
