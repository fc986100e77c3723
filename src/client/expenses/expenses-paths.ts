// SPDX-License-Identifier: EUPL-1.2
import {
  AREA_LINES,
  type AreaLine,
  CLAIM_STATUSES,
  type ClaimStatus,
  EXPENSE_SOURCES,
  type ExpenseSource,
} from "../../domain/expenses/expenses.ts";

/** Rendiconti: the claims with their filters and the totals against budget. */
export const EXPENSES_PATH = "/rendiconti";
/** Budget e totali: the totals against budget per partner, line and source; the Comune sets budgets. */
export const BUDGETS_PATH = "/rendiconti/budget";

export const claimHref = (id: string) => `${EXPENSES_PATH}/${encodeURIComponent(id)}`;

/** The list's filters as kept in the address (`/rendiconti?status=submitted&line=B.3`). */
export type ClaimFilters = {
  status?: ClaimStatus;
  line?: AreaLine;
  fundingSource?: ExpenseSource;
  partnerId?: string;
};

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((v) => v === value);

export function filtersFromSearch(search: URLSearchParams): ClaimFilters {
  const partnerId = search.get("partnerId");
  return {
    status: pick(CLAIM_STATUSES, search.get("status")),
    line: pick(AREA_LINES, search.get("line")),
    fundingSource: pick(EXPENSE_SOURCES, search.get("fundingSource")),
    partnerId: partnerId && /^[0-9a-f-]{36}$/i.test(partnerId) ? partnerId : undefined,
  };
}
