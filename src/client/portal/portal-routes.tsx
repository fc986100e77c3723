// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { NoticesPage } from "./notices-page.tsx";
import { PortalContractPage } from "./portal-contract-page.tsx";
import { PortalHomePage } from "./portal-home-page.tsx";
import { PortalInformationPage } from "./portal-information-page.tsx";
import {
  NOTICES_PATH,
  PORTAL_CONTRACT_PATH,
  PORTAL_INFORMATION_PATH,
  PORTAL_PATH,
  PORTAL_PAYMENTS_PATH,
} from "./portal-paths.ts";
import { PortalPaymentsPage } from "./portal-payments-page.tsx";

const PAGES: Record<string, () => ReactNode> = {
  [PORTAL_PATH]: () => <PortalHomePage />,
  [PORTAL_CONTRACT_PATH]: () => <PortalContractPage />,
  [PORTAL_PAYMENTS_PATH]: () => <PortalPaymentsPage />,
  [PORTAL_INFORMATION_PATH]: () => <PortalInformationPage />,
};

/**
 * The tenant's portal page for `pathname` (La mia casa, Contratto, Pagamenti, Informazioni), or the
 * manager's side of it (Comunicazioni: the notices and information tenants read); null when the path
 * is not one of these. The tickets' pages under /portale/segnalazioni are the maintenance area's.
 */
export function portalPage(pathname: string): ReactNode | null {
  if (pathname === NOTICES_PATH)
    return (
      <Requires anyOf={["notices:write"]}>
        <NoticesPage />
      </Requires>
    );
  const page = PAGES[pathname];
  return page ? <Requires anyOf={["portal:use"]}>{page()}</Requires> : null;
}
