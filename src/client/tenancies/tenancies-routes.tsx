// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/auth/roles.ts";
import { useMe } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { matchPath } from "../router.tsx";
import { RentRollPage } from "./rent-roll-page.tsx";
import { StatementsPage } from "./statements-page.tsx";
import { RENT_ROLL_PATH, RENT_ROLL_PERMISSIONS, STATEMENTS_PATH, TENANCIES_PATH } from "./tenancies-paths.ts";
import { TenancyDetailPage } from "./tenancy-detail-page.tsx";
import { TenancyListPage } from "./tenancy-list-page.tsx";

/** Whoever has one of the permissions sees the page; the others are told they may not. */
function Requires({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (anyOf.some((p) => me?.permissions.includes(p))) return children;
  return (
    <>
      <PageTitle title={t("errors.forbiddenTitle")} />
      <p>{t("errors.forbidden")}</p>
    </>
  );
}

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
