// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { ContractorsPage } from "./contractors-page.tsx";
import { WorksDetailPage } from "./works-detail-page.tsx";
import { WorksFormPage } from "./works-form-page.tsx";
import { WorksListPage } from "./works-list-page.tsx";
import { CONTRACTORS_PATH, NEW_WORKS_PATH, WORKS_PATH } from "./works-paths.ts";

/** The renovation works' page for `pathname` (Lavori: list, new, contractor register, detail), or null. */
export function worksPage(pathname: string): ReactNode | null {
  if (pathname === WORKS_PATH)
    return (
      <Requires anyOf={["works:read"]}>
        <WorksListPage />
      </Requires>
    );
  if (pathname === NEW_WORKS_PATH)
    return (
      <Requires anyOf={["works:write"]}>
        <WorksFormPage />
      </Requires>
    );
  if (pathname === CONTRACTORS_PATH)
    return (
      <Requires anyOf={["works:read"]}>
        <ContractorsPage />
      </Requires>
    );
  const detail = matchPath(`${WORKS_PATH}/:id`, pathname);
  if (detail?.id)
    return (
      <Requires anyOf={["works:read"]}>
        <WorksDetailPage key={detail.id} id={detail.id} />
      </Requires>
    );
  return null;
}
