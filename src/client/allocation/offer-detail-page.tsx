// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Offer } from "../../domain/offers/offer.schema.ts";
import { UNIT_STATUSES } from "../../domain/units/unit.schema.ts";
import { useCan } from "../auth/session.ts";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { Link } from "../router.tsx";
import { useUnitLabels } from "../units/unit-labels.ts";
import { useOffer } from "./allocation-api.ts";
import { useAllocationLabels } from "./allocation-labels.ts";
import { OFFERS_PATH, runHref } from "./allocation-paths.ts";
import { OfferStatusBadge, OverdueBadge } from "./badges.tsx";
import { type Fact, FactsCard } from "./facts-list.tsx";
import { OfferActions } from "./offer-actions.tsx";

function OfferFacts({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useAllocationLabels();
  const unitLabels = useUnitLabels();
  const message = useMessage();
  const canReadUnits = useCan("units:read");
  const canReadHouseholds = useCan("households:read");
  const canSeeRuns = useCan("allocation:run");
  const unitCode = offer.unit.code ?? t("allocation.offer.unitNotManaged");
  const facts: Fact[] = [
    {
      key: "status",
      label: t("allocation.fields.status"),
      value: (
        <>
          <OfferStatusBadge status={offer.status} />
          {offer.overdue ? <OverdueBadge /> : null}
        </>
      ),
    },
    {
      key: "unit",
      label: t("allocation.fields.unit"),
      value:
        canReadUnits && offer.unit.code ? <Link to={`/alloggi/${offer.unit.id}`}>{unitCode}</Link> : unitCode,
    },
    {
      key: "household",
      label: t("allocation.fields.household"),
      value: canReadHouseholds ? (
        <Link to={`/nuclei/${offer.household.id}`}>{offer.household.reference}</Link>
      ) : (
        offer.household.reference
      ),
    },
    {
      key: "offeredAt",
      label: t("allocation.offers.columns.offeredAt"),
      value: format.dateTime(offer.offeredAt),
    },
    { key: "dueOn", label: t("allocation.fields.dueOn"), value: format.date(offer.dueOn) },
    {
      key: "run",
      label: t("allocation.offer.run"),
      value:
        offer.runId === null ? (
          t("allocation.offer.manual")
        ) : canSeeRuns ? (
          <Link to={runHref(offer.runId)}>{t("allocation.offer.openRun")}</Link>
        ) : (
          t("allocation.offer.fromRun")
        ),
    },
    ...(offer.reason
      ? [{ key: "reason", label: t("allocation.offer.fields.reason"), value: offer.reason }]
      : []),
    {
      key: "visitOn",
      label: t("allocation.offer.fields.visitOn"),
      value: offer.visitOn ? format.date(offer.visitOn) : t("allocation.offer.notYet"),
    },
    {
      key: "confirmed",
      label: t("allocation.offer.fields.partnerConfirmedAt"),
      value: offer.partnerConfirmedAt
        ? format.dateTime(offer.partnerConfirmedAt)
        : t("allocation.offer.notYet"),
    },
    {
      key: "answeredAt",
      label: t("allocation.offer.fields.answeredAt"),
      value: offer.answeredAt ? format.dateTime(offer.answeredAt) : t("allocation.offer.notYet"),
    },
  ];
  if (offer.status === "declined") {
    facts.push(
      {
        key: "declineReason",
        label: t("allocation.offer.fields.declineReason"),
        value: offer.declineReason ?? "—",
      },
      {
        key: "declinedBy",
        label: t("allocation.offer.fields.declinedBy"),
        value: offer.declinedBy ? labels.declinedBy(offer.declinedBy) : "—",
      },
      {
        key: "reasonable",
        label: t("allocation.offer.fields.reasonable"),
        value: offer.reasonable === null ? "—" : offer.reasonable ? t("common.yes") : t("common.no"),
      },
    );
  }
  const unitStatus = UNIT_STATUSES.find((s) => s === offer.unit.status);
  if (unitStatus)
    facts.push({
      key: "unitStatus",
      label: t("allocation.offer.fields.unitStatus"),
      value: unitLabels.status(unitStatus),
    });
  if (offer.tenancyId)
    facts.push({
      key: "tenancy",
      label: t("allocation.offer.fields.tenancy"),
      value: <code>{offer.tenancyId}</code>,
    });
  if (offer.note)
    facts.push({ key: "note", label: t("allocation.offer.fields.note"), value: message(offer.note) });
  return (
    <FactsCard id="offer-facts-title" title={t("allocation.offer.factsTitle")} facts={facts}>
      {offer.status === "accepted" && (unitStatus === "let_pending" || offer.tenancyId) ? (
        <p className="mt-3 mb-0">
          {unitStatus === "let_pending"
            ? t("allocation.offer.acceptedUnit", { status: unitLabels.status(unitStatus) })
            : null}
          {unitStatus === "let_pending" && offer.tenancyId ? " " : null}
          {offer.tenancyId ? t("allocation.offer.tenancyOpened", { id: offer.tenancyId }) : null}
        </p>
      ) : null}
      {offer.overdue ? <p className="mt-3 mb-0">{t("allocation.offer.overdueNote")}</p> : null}
    </FactsCard>
  );
}

/** Una proposta di alloggio: the unit, the household, where the answer stands, and what may be done. */
export function OfferDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const offer = useOffer(id);
  const [done, setDone] = useState<{ kind: string; n: number } | null>(null);
  const name = offer.data
    ? t("allocation.offer.name", {
        unit: offer.data.unit.code ?? t("allocation.offer.unitNotManaged"),
        household: offer.data.household.reference,
      })
    : null;
  return (
    <>
      <RecordBreadcrumb listHref={OFFERS_PATH} listLabel={t("allocation.offers.title")} current={name} />
      <PageTitle title={name ? t("allocation.offer.title", { name }) : t("allocation.offer.loadingTitle")} />
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {t(`allocation.offer.done.${done.kind}`)}
          </div>
        ) : null}
      </div>
      {offer.data ? (
        <>
          <OfferFacts offer={offer.data} />
          <OfferActions
            // After an answer the forms start again from the offer as it now is.
            key={offer.data.version}
            offer={offer.data}
            onDone={(kind) => setDone((d) => ({ kind, n: (d?.n ?? 0) + 1 }))}
          />
        </>
      ) : (
        <RecordPending query={offer} notFound={t("allocation.offer.notFound")} listHref={OFFERS_PATH} />
      )}
    </>
  );
}
