// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/auth/roles.ts";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { matchPath } from "../router.tsx";
import {
  MAINTENANCE_PATH,
  MOVE_IN_PATH,
  NEW_TICKET_PATH,
  PORTAL_NEW_TICKET_PATH,
  PORTAL_TICKETS_PATH,
} from "./maintenance-paths.ts";
import { MoveInPage } from "./move-in-page.tsx";
import { PortalTicketListPage } from "./portal-ticket-list-page.tsx";
import { TicketDetailPage } from "./ticket-detail-page.tsx";
import { TicketFormPage } from "./ticket-form-page.tsx";
import { TicketListPage } from "./ticket-list-page.tsx";

function Requires({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  if (useCan(permission)) return children;
  return (
    <>
      <PageTitle title={t("errors.forbiddenTitle")} />
      <p>{t("errors.forbidden")}</p>
    </>
  );
}

/**
 * The maintenance area's page for `pathname` (Manutenzione for staff, Segnalazioni on the tenant's
 * portal), or null when the path is not one of its.
 */
export function maintenancePage(pathname: string): ReactNode | null {
  if (pathname === MAINTENANCE_PATH)
    return (
      <Requires permission="maintenance:read">
        <TicketListPage />
      </Requires>
    );
  if (pathname === NEW_TICKET_PATH)
    return (
      <Requires permission="maintenance:open">
        <TicketFormPage mode="staff" />
      </Requires>
    );
  if (pathname === PORTAL_TICKETS_PATH)
    return (
      <Requires permission="portal:use">
        <PortalTicketListPage />
      </Requires>
    );
  if (pathname === PORTAL_NEW_TICKET_PATH)
    return (
      <Requires permission="portal:use">
        <TicketFormPage mode="portal" />
      </Requires>
    );
  const moveIn = matchPath(`${MOVE_IN_PATH}/:id`, pathname);
  if (moveIn?.id)
    return (
      <Requires permission="tenancies:read">
        <MoveInPage key={moveIn.id} tenancyId={moveIn.id} />
      </Requires>
    );
  const staff = matchPath(`${MAINTENANCE_PATH}/:id`, pathname);
  if (staff?.id)
    return (
      <Requires permission="maintenance:read">
        <TicketDetailPage key={staff.id} mode="staff" id={staff.id} />
      </Requires>
    );
  const portal = matchPath(`${PORTAL_TICKETS_PATH}/:id`, pathname);
  if (portal?.id)
    return (
      <Requires permission="portal:use">
        <TicketDetailPage key={portal.id} mode="portal" id={portal.id} />
      </Requires>
    );
  return null;
}
