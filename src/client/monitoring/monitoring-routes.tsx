// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { MonitoringDashboardPage } from "./dashboard-page.tsx";
import { IndicatorPage } from "./indicator-page.tsx";
// The namespace is loaded with the routes, so the menu entry (`monitoring:nav.monitoring`) has its label.
import "./monitoring-i18n.ts";
import { INDICATOR_PATTERN, MONITORING_PATH } from "./monitoring-paths.ts";

/** The monitoring pages for `pathname` (Monitoraggio: the dashboard, one indicator), or null. */
export function monitoringPage(pathname: string): ReactNode | null {
  const indicator = matchPath(INDICATOR_PATTERN, pathname);
  const page =
    pathname === MONITORING_PATH ? (
      <MonitoringDashboardPage />
    ) : indicator?.code ? (
      <IndicatorPage key={indicator.code} code={indicator.code} />
    ) : null;
  return page === null ? null : <Requires anyOf={["monitoring:read"]}>{page}</Requires>;
}
