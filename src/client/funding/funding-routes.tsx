// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { CallsPage } from "./calls-page.tsx";
// The namespace is loaded with the routes, so the menu entry (`funding:nav.funding`) has its label.
import "./funding-i18n.ts";
import { CALLS_PATH, FUNDING_PATH, LOANS_PATH, PLEDGES_PATH } from "./funding-paths.ts";
import { FundingSummaryPage } from "./funding-summary-page.tsx";
import { LoansPage } from "./loans-page.tsx";
import { PledgesPage } from "./pledges-page.tsx";

/** The funding register's page for `pathname` (Finanziamenti: summary, calls, pledges, loans), or null. */
export function fundingPage(pathname: string): ReactNode | null {
  const page =
    pathname === FUNDING_PATH ? (
      <FundingSummaryPage />
    ) : pathname === CALLS_PATH ? (
      <CallsPage />
    ) : pathname === PLEDGES_PATH ? (
      <PledgesPage />
    ) : pathname === LOANS_PATH ? (
      <LoansPage />
    ) : null;
  return page === null ? null : <Requires anyOf={["funding:read"]}>{page}</Requires>;
}
