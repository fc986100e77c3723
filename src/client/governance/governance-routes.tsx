// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { ActionsPage } from "./actions-page.tsx";
import { BodyPage } from "./body-page.tsx";
// The namespace is loaded with the routes, so the menu entry (`governance:nav.governance`) has its label.
import "./governance-i18n.ts";
import { GovernancePage } from "./governance-page.tsx";
import { ACTIONS_PATH, BODY_PATTERN, GOVERNANCE_PATH } from "./governance-paths.ts";

/** The governance pages for `pathname` (the bodies, one body, the actions), or null. */
export function governancePage(pathname: string): ReactNode | null {
  const page =
    pathname === GOVERNANCE_PATH ? (
      <GovernancePage />
    ) : pathname === ACTIONS_PATH ? (
      <ActionsPage />
    ) : (
      bodyOf(pathname)
    );
  return page === null ? null : <Requires anyOf={["governance:read"]}>{page}</Requires>;
}

function bodyOf(pathname: string) {
  const match = matchPath(BODY_PATTERN, pathname);
  return match?.id ? <BodyPage key={match.id} id={match.id} /> : null;
}
