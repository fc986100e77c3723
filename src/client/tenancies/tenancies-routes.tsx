// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { RentRollPage } from "./rent-roll-page.tsx";
import { StatementsPage } from "./statements-page.tsx";
import { RENT_ROLL_PATH, RENT_ROLL_PERMISSIONS, STATEMENTS_PATH, TENANCIES_PATH } from "./tenancies-paths.ts";
import { TenancyDetailPage } from "./tenancy-detail-page.tsx";
import { TenancyListPage } from "./tenancy-list-page.tsx";

/** The tenancies area's page for `pathname` (Contratti, Canoni, Estratti conto), or null when not one of its. */
export function tenanciesPage(pathname: string): ReactNode | null {
  if (pathname === TENANCIES_PATH)
    return (
      <Requires anyOf={["tenancies:read"]}>
        <TenancyListPage />
      </Requires>
    );
  if (pathname === RENT_ROLL_PATH)
    return (
      <Requires anyOf={RENT_ROLL_PERMISSIONS}>
        <RentRollPage />
      </Requires>
    );
  if (pathname === STATEMENTS_PATH)
    return (
      <Requires anyOf={["ledger:write"]}>
        <StatementsPage />
      </Requires>
    );
  const tenancy = matchPath(`${TENANCIES_PATH}/:id`, pathname);
  if (tenancy?.id)
    return (
      <Requires anyOf={["tenancies:read"]}>
        <TenancyDetailPage key={tenancy.id} id={tenancy.id} />
      </Requires>
    );
  return null;
}
