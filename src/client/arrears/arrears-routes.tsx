// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { ArrearsCasePage } from "./arrears-case-page.tsx";
import { ArrearsListPage } from "./arrears-list-page.tsx";
import { ARREARS_PATH, ARREARS_POLICY_PATH, TASKS_PATH } from "./arrears-paths.ts";
import { ArrearsPolicyPage } from "./arrears-policy-page.tsx";
import { TasksPage } from "./tasks-page.tsx";

/** The arrears area's page for `pathname` (Morosità, its policy, Attività), or null when the path is not one of its. */
export function arrearsPage(pathname: string): ReactNode | null {
  if (pathname === ARREARS_PATH)
    return (
      <Requires anyOf={["tenancies:read"]}>
        <ArrearsListPage />
      </Requires>
    );
  if (pathname === TASKS_PATH)
    return (
      <Requires anyOf={["arrears:work"]}>
        <TasksPage />
      </Requires>
    );
  if (pathname === ARREARS_POLICY_PATH)
    return (
      <Requires anyOf={["tenancies:read"]}>
        <ArrearsPolicyPage />
      </Requires>
    );
  const arrearsCase = matchPath(`${ARREARS_PATH}/:id`, pathname);
  if (arrearsCase?.id)
    return (
      <Requires anyOf={["tenancies:read"]}>
        <ArrearsCasePage key={arrearsCase.id} id={arrearsCase.id} />
      </Requires>
    );
  return null;
}
