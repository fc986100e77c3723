// SPDX-License-Identifier: EUPL-1.2
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb, RecordPending } from "../components/record-page.tsx";
import { type Tab, Tabs } from "../components/tabs.tsx";
import { MoveInChecklist } from "../maintenance/move-in-checklist.tsx";
import { navigate, useLocation } from "../router.tsx";
import { ContractTab } from "./contract-tab.tsx";
import { LedgerTab } from "./ledger-tab.tsx";
import { RecertificationTab } from "./recertification-tab.tsx";
import { useTenancy } from "./tenancies-api.ts";
import { useTenanciesT } from "./tenancies-i18n.ts";
import {
  TENANCIES_PATH,
  TENANCY_TABS,
  type TenancyTab,
  tabOfSearch,
  tenancyHref,
} from "./tenancies-paths.ts";
import { TenancyStatusBadge } from "./tenancy-badges.tsx";
import { TenancyDocumentsTab } from "./tenancy-documents-tab.tsx";

/**
 * Scheda del contratto, in tabs: the contract (terms, signatories; for a draft its form and the
 * activation, for one in force its end), the rent account, the income recertifications, the
 * documents and the move-in checklist. `id` is the tenancy's id or its reference.
 */
export function TenancyDetailPage({ id }: { id: string }) {
  const { t } = useTenanciesT();
  const { search } = useLocation();
  const tab = tabOfSearch(search);
  const tenancy = useTenancy(id);
  const x = tenancy.data;
  const title = (
    <PageTitle
      title={x ? t("detail.title", { reference: x.reference }) : t("detail.loadingTitle")}
      lead={x ? `${x.unit.code} · ${x.unit.address}` : undefined}
    >
      {x ? <TenancyStatusBadge status={x.status} /> : null}
    </PageTitle>
  );
  if (!x) {
    return (
      <>
        <RecordBreadcrumb listHref={TENANCIES_PATH} listLabel={t("nav.tenancies")} current={null} />
        {title}
        <RecordPending query={tenancy} notFound={t("detail.notFound")} listHref={TENANCIES_PATH} />
      </>
    );
  }
  const open = (key: TenancyTab) => navigate(tenancyHref(id, key), { replace: true, keepScroll: true });
  const tabs: Tab<TenancyTab>[] = TENANCY_TABS.map((key) => ({ key, label: t(`tabs.${key}`) }));
  return (
    <>
      <RecordBreadcrumb listHref={TENANCIES_PATH} listLabel={t("nav.tenancies")} current={x.reference} />
      {title}
      <Tabs label={t("tabs.label")} idPrefix="tenancy" tabs={tabs} selected={tab} onSelect={open}>
        {tab === "contratto" ? <ContractTab tenancy={x} routeId={id} /> : null}
        {tab === "estratto-conto" ? <LedgerTab tenancy={x} /> : null}
        {tab === "ricertificazione" ? <RecertificationTab tenancy={x} routeId={id} /> : null}
        {tab === "documenti" ? <TenancyDocumentsTab tenancy={x} routeId={id} /> : null}
        {tab === "consegna" ? <MoveInChecklist tenancyId={x.id} /> : null}
      </Tabs>
    </>
  );
}
