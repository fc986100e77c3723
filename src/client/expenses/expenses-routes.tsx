// SPDX-License-Identifier: EUPL-1.2
import type { ReactNode } from "react";
import { Requires } from "../components/requires.tsx";
import { matchPath } from "../router.tsx";
import { BudgetsPage } from "./budgets-page.tsx";
import { ClaimDetailPage } from "./claim-detail-page.tsx";
import { ClaimsPage } from "./claims-page.tsx";
// The namespace is loaded with the routes, so the menu entry (`expenses:nav.expenses`) has its label.
import "./expenses-i18n.ts";
import { BUDGETS_PATH, EXPENSES_PATH } from "./expenses-paths.ts";

/** The expense claims' page for `pathname` (Rendiconti: list, budgets, one claim), or null. */
export function expensesPage(pathname: string): ReactNode | null {
  const page =
    pathname === EXPENSES_PATH ? (
      <ClaimsPage />
    ) : pathname === BUDGETS_PATH ? (
      <BudgetsPage />
    ) : (
      detailOf(pathname)
    );
  return page === null ? null : <Requires anyOf={["expenses:read"]}>{page}</Requires>;
}

function detailOf(pathname: string) {
  const match = matchPath(`${EXPENSES_PATH}/:id`, pathname);
  return match?.id ? <ClaimDetailPage key={match.id} id={match.id} /> : null;
}
