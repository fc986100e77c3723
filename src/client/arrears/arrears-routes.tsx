// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Permission } from "../../domain/auth/roles.ts";
import { useCan } from "../auth/session.ts";
import { PageTitle } from "../components/page-title.tsx";
import { matchPath } from "../router.tsx";
import { ArrearsCasePage } from "./arrears-case-page.tsx";
import { ArrearsListPage } from "./arrears-list-page.tsx";
import { ARREARS_PATH, TASKS_PATH } from "./arrears-paths.ts";
import { TasksPage } from "./tasks-page.tsx";

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

/** The arrears area's page for `pathname` (Morosità, Attività), or null when the path is not one of its. */
export function arrearsPage(pathname: string): ReactNode | null {
  if (pathname === ARREARS_PATH)
    return (
      <Requires permission="tenancies:read">
        <ArrearsListPage />
      </Requires>
    );
  if (pathname === TASKS_PATH)
    return (
      <Requires permission="arrears:work">
        <TasksPage />
      </Requires>
    );
  const arrearsCase = matchPath(`${ARREARS_PATH}/:id`, pathname);
  if (arrearsCase?.id)
    return (
      <Requires permission="tenancies:read">
        <ArrearsCasePage key={arrearsCase.id} id={arrearsCase.id} />
      </Requires>
    );
  return null;
}
