// SPDX-License-Identifier: EUPL-1.2
import { PageTitle } from "../components/page-title.tsx";
import { useMaintenanceT } from "./maintenance-i18n.ts";
import { MoveInChecklist } from "./move-in-checklist.tsx";

/**
 * Consegna dell'alloggio: a page of its own for the move-in checklist of one tenancy, reached by its
 * address (`/manutenzione/consegna/<tenancy id>`), until the tenancy's page shows the checklist.
 */
export function MoveInPage({ tenancyId }: { tenancyId: string }) {
  const { t } = useMaintenanceT();
  return (
    <>
      <PageTitle title={t("moveIn.pageTitle")} />
      <MoveInChecklist tenancyId={tenancyId} />
    </>
  );
}
