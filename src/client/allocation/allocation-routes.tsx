// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/auth/roles.ts";
import { useMe } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { matchPath } from "../router.tsx";
import { AllocationHubPage } from "./allocation-hub-page.tsx";
import {
  ALLOCATION_PATH,
  EQUITY_PATH,
  HOLDS_PATH,
  HUB_READERS,
  MIX_PATH,
  MIX_READERS,
  OFFER_READERS,
  OFFERS_PATH,
  RULES_PATH,
  RUNS_PATH,
} from "./allocation-paths.ts";
import { EquityPage } from "./equity-page.tsx";
import { HoldsPage } from "./holds-page.tsx";
import { MixPage } from "./mix-page.tsx";
import { OfferDetailPage } from "./offer-detail-page.tsx";
import { OffersPage } from "./offers-page.tsx";
import { RulesPage } from "./rules-page.tsx";
import { RunDetailPage } from "./run-detail-page.tsx";
import { RunsPage } from "./runs-page.tsx";

/** The page when the account has any of `permissions`, else "not allowed". */
function RequiresAny({ permissions, children }: { permissions: readonly Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me && permissions.some((p) => me.permissions.includes(p))) return children;
  return (
    <>
      <PageTitle title={t("errors.forbiddenTitle")} />
      <p>{t("errors.forbidden")}</p>
    </>
  );
}

/** The allocation area's page for `pathname` (Assegnazione), or null when the path is not one of its. */
export function allocationPage(pathname: string): ReactNode | null {
  if (pathname === ALLOCATION_PATH)
    return (
      <RequiresAny permissions={HUB_READERS}>
        <AllocationHubPage />
      </RequiresAny>
    );
  if (pathname === HOLDS_PATH)
    return (
      <RequiresAny permissions={["allocation:run"]}>
        <HoldsPage />
      </RequiresAny>
    );
  if (pathname === EQUITY_PATH)
    return (
      <RequiresAny permissions={["allocation:run"]}>
        <EquityPage />
      </RequiresAny>
    );
  if (pathname === MIX_PATH)
    return (
      <RequiresAny permissions={MIX_READERS}>
        <MixPage />
      </RequiresAny>
    );
  if (pathname === RULES_PATH)
    return (
      <RequiresAny permissions={["allocation:rules"]}>
        <RulesPage />
      </RequiresAny>
    );
  if (pathname === RUNS_PATH)
    return (
      <RequiresAny permissions={["allocation:run"]}>
        <RunsPage />
      </RequiresAny>
    );
  if (pathname === OFFERS_PATH)
    return (
      <RequiresAny permissions={OFFER_READERS}>
        <OffersPage />
      </RequiresAny>
    );
  const run = matchPath(`${RUNS_PATH}/:id`, pathname);
  if (run?.id)
    return (
      <RequiresAny permissions={["allocation:run"]}>
        <RunDetailPage key={run.id} id={run.id} />
      </RequiresAny>
    );
  const offer = matchPath(`${OFFERS_PATH}/:id`, pathname);
  if (offer?.id)
    return (
      <RequiresAny permissions={OFFER_READERS}>
        <OfferDetailPage key={offer.id} id={offer.id} />
      </RequiresAny>
    );
  return null;
}
