// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { PortalContractPage } from "./portal-contract-page.tsx";
import { PortalHomePage } from "./portal-home-page.tsx";
import { PortalInformationPage } from "./portal-information-page.tsx";
import {
  PORTAL_CONTRACT_PATH,
  PORTAL_INFORMATION_PATH,
  PORTAL_PATH,
  PORTAL_PAYMENTS_PATH,
} from "./portal-paths.ts";
import { PortalPaymentsPage } from "./portal-payments-page.tsx";

function RequiresPortal({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  if (useCan("portal:use")) return children;
  return (
    <>
      <PageTitle title={t("errors.forbiddenTitle")} />
      <p>{t("errors.forbidden")}</p>
    </>
  );
}

const PAGES: Record<string, () => ReactNode> = {
  [PORTAL_PATH]: () => <PortalHomePage />,
  [PORTAL_CONTRACT_PATH]: () => <PortalContractPage />,
  [PORTAL_PAYMENTS_PATH]: () => <PortalPaymentsPage />,
  [PORTAL_INFORMATION_PATH]: () => <PortalInformationPage />,
};

/**
 * The tenant's portal page for `pathname` (La mia casa, Contratto, Pagamenti, Informazioni), or null
 * when the path is not one of its. The tickets' pages under /portale/segnalazioni are the maintenance
 * area's.
 */
export function portalPage(pathname: string): ReactNode | null {
  const page = PAGES[pathname];
  return page ? <RequiresPortal>{page()}</RequiresPortal> : null;
}
