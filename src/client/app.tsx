// SPDX-License-Identifier: EUPL-1.2
import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../domain/auth/roles.ts";
import { allocationPage } from "./allocation/allocation-routes.tsx";
import { PUBLISHED_CRITERIA_PATH, PublishedCriteriaPage } from "./allocation/published-criteria-page.tsx";
import { arrearsPage } from "./arrears/arrears-routes.tsx";
import { ACCESS_REGISTER_PATH, AccessRegisterPage } from "./audit/access-register-page.tsx";
import { LoginPage } from "./auth/login-page.tsx";
import { useCan, useMe } from "./auth/session.ts";
import { ErrorAlert } from "./components/error-alert.tsx";
import { ErrorBoundary } from "./components/error-boundary.tsx";
import { Layout } from "./components/layout.tsx";
import { Loading } from "./components/loading.tsx";
import { PageTitle } from "./components/page-title.tsx";
import { expensesPage } from "./expenses/expenses-routes.tsx";
import { financePage } from "./finance/finance-routes.tsx";
import { fundPage } from "./fund/fund-routes.tsx";
import { fundingPage } from "./funding/funding-routes.tsx";
import { governancePage } from "./governance/governance-routes.tsx";
import { HouseholdDetailPage } from "./households/household-detail-page.tsx";
import { HouseholdListPage } from "./households/household-list-page.tsx";
import { ReferralFormPage } from "./households/referral-form-page.tsx";
import { ReferralInboxPage } from "./households/referral-inbox-page.tsx";
import { maintenancePage } from "./maintenance/maintenance-routes.tsx";
import { monitoringPage } from "./monitoring/monitoring-routes.tsx";
import { openDataPage } from "./open-data/open-data-routes.tsx";
import { ownersPage } from "./owners/owners-routes.tsx";
import { PORTAL_PATH } from "./portal/portal-paths.ts";
import { portalPage } from "./portal/portal-routes.tsx";
import { Link, matchPath, navigate, useLocation } from "./router.tsx";
import { CaseloadPage } from "./support-plans/caseload-page.tsx";
import { SupportPlanEditorPage } from "./support-plans/support-plan-editor-page.tsx";
import { tenanciesPage } from "./tenancies/tenancies-routes.tsx";
import { timelinePage } from "./timeline/timeline-routes.tsx";
import { ImportPage } from "./units/import-page.tsx";
import { UnitDetailPage } from "./units/unit-detail-page.tsx";
import { UnitFormPage } from "./units/unit-form-page.tsx";
import { UnitListPage } from "./units/unit-list-page.tsx";
import { welfarePage } from "./welfare/welfare-routes.tsx";
import { worksPage } from "./works/works-routes.tsx";
import { workspacePage } from "./workspace/workspace-routes.tsx";

// ECharts is the heaviest dependency: load it with the dashboard only.
const DashboardPage = lazy(() =>
  import("./units/dashboard-page.tsx").then((m) => ({ default: m.DashboardPage })),
);

function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("errors.forbiddenTitle")} />
      <p>{t("errors.forbidden")}</p>
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("errors.notFoundTitle")} />
      <p>{t("errors.notFoundPage")}</p>
      <Link to="/">{t("errors.home")}</Link>
    </>
  );
}

function Requires({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <Forbidden />;
}

/** The start page: the dashboard for whoever may see the stock, else the unit list; a tenant's portal. */
function Home() {
  const canSeeStock = useCan("stock:read");
  const canList = useCan("units:read");
  const isTenant = useCan("portal:use");
  useEffect(() => {
    if (!canSeeStock && canList) navigate("/alloggi", { replace: true });
    else if (!canSeeStock && isTenant) navigate(PORTAL_PATH, { replace: true });
  }, [canSeeStock, canList, isTenant]);
  if (canSeeStock) return <DashboardPage />;
  return canList || isTenant ? null : <Forbidden />;
}

function Page({ pathname }: { pathname: string }) {
  if (pathname === "/") return <Home />;
  if (pathname === "/alloggi")
    return (
      <Requires permission="units:read">
        <UnitListPage />
      </Requires>
    );
  if (pathname === "/alloggi/nuovo")
    return (
      <Requires permission="units:write">
        <UnitFormPage />
      </Requires>
    );
  if (pathname === "/alloggi/importa")
    return (
      <Requires permission="units:import">
        <ImportPage />
      </Requires>
    );
  if (pathname === "/nuclei")
    return (
      <Requires permission="households:read">
        <HouseholdListPage />
      </Requires>
    );
  if (pathname === PUBLISHED_CRITERIA_PATH) return <PublishedCriteriaPage />;
  const allocation = allocationPage(pathname);
  if (allocation) return allocation;
  const arrears = arrearsPage(pathname);
  if (arrears) return arrears;
  const maintenance = maintenancePage(pathname);
  if (maintenance) return maintenance;
  const works = worksPage(pathname);
  if (works) return works;
  const finance = financePage(pathname);
  if (finance) return finance;
  const funding = fundingPage(pathname);
  if (funding) return funding;
  const monitoring = monitoringPage(pathname);
  if (monitoring) return monitoring;
  const expenses = expensesPage(pathname);
  if (expenses) return expenses;
  const timeline = timelinePage(pathname);
  if (timeline) return timeline;
  const governance = governancePage(pathname);
  if (governance) return governance;
  const workspace = workspacePage(pathname);
  if (workspace) return workspace;
  const welfare = welfarePage(pathname);
  if (welfare) return welfare;
  const fund = fundPage(pathname);
  if (fund) return fund;
  const owners = ownersPage(pathname);
  if (owners) return owners;
  const portal = portalPage(pathname);
  if (portal) return portal;
  const tenancies = tenanciesPage(pathname);
  if (tenancies) return tenancies;
  if (pathname === "/casi")
    return (
      <Requires permission="households:write">
        <CaseloadPage />
      </Requires>
    );
  if (pathname === "/invii")
    return (
      <Requires permission="households:read">
        <ReferralInboxPage />
      </Requires>
    );
  if (pathname === "/invii/nuovo")
    return (
      <Requires permission="referrals:create">
        <ReferralFormPage />
      </Requires>
    );
  if (pathname === ACCESS_REGISTER_PATH)
    return (
      <Requires permission="audit:read">
        <AccessRegisterPage />
      </Requires>
    );
  const edit = matchPath("/alloggi/:id/modifica", pathname);
  if (edit?.id)
    return (
      <Requires permission="units:write">
        <UnitFormPage key={edit.id} id={edit.id} />
      </Requires>
    );
  const plan = matchPath("/nuclei/:id/progetto", pathname);
  if (plan?.id)
    return (
      <Requires permission="households:write">
        <SupportPlanEditorPage key={plan.id} id={plan.id} />
      </Requires>
    );
  const household = matchPath("/nuclei/:id", pathname);
  if (household?.id)
    return (
      <Requires permission="households:read">
        <HouseholdDetailPage key={household.id} id={household.id} />
      </Requires>
    );
  const detail = matchPath("/alloggi/:id", pathname);
  if (detail?.id)
    return (
      <Requires permission="units:read">
        <UnitDetailPage key={detail.id} id={detail.id} />
      </Requires>
    );
  return <NotFound />;
}

export function App() {
  const me = useMe();
  const { pathname } = useLocation();
  // The open-data pages are public: shown whether or not someone is signed in.
  const publicPage = openDataPage(pathname);
  let content: ReactNode;
  if (publicPage) content = publicPage;
  else if (me.isPending) content = <Loading />;
  else if (me.error) content = <ErrorAlert error={me.error} onRetry={() => me.refetch()} />;
  else if (me.data === null) content = <LoginPage />;
  else content = <Page pathname={pathname} />;
  return (
    <Layout>
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
