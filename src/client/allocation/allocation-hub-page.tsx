// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { Link } from "../router.tsx";
import { ALLOCATION_PAGES, ALLOCATION_PATH, mayOpen } from "./allocation-paths.ts";

/** Assegnazione: one card per page of the area the account may open, with what it is for. */
export function AllocationHubPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const pages = ALLOCATION_PAGES.filter((p) => mayOpen(p.permissions, me?.permissions ?? []));
  return (
    <>
      <PageTitle title={t("allocation.hub.title")} lead={t("allocation.hub.lead")} />
      <ul className="row g-4 list-unstyled hub-cards" aria-label={t("allocation.hub.listLabel")}>
        {pages.map((p) => (
          <li key={p.key} className="col-12 col-md-6 col-lg-4">
            <div className="card shadow-sm h-100 hub-card">
              <div className="card-body">
                <h2 className="h5 card-title">
                  <Link to={p.path}>{t(`allocation.hub.pages.${p.key}.title`)}</Link>
                </h2>
                <p className="mb-0">{t(`allocation.hub.pages.${p.key}.text`)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The way back from a page of the area to its hub. */
export function HubBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("detail.breadcrumb")} className="breadcrumb-container mb-2">
      <ol className="breadcrumb">
        <li className="breadcrumb-item">
          <Link to={ALLOCATION_PATH}>{t("allocation.hub.title")}</Link>
          <span className="separator">/</span>
        </li>
        <li className="breadcrumb-item active" aria-current="page">
          {current}
        </li>
      </ol>
    </nav>
  );
}
