// SPDX-License-Identifier: EUPL-1.2
import type { BudgetPositionView } from "../../domain/expenses/expenses-api.schema.ts";
import { useFormat } from "../format.ts";
import { TableScroll } from "../funding/funding-form.tsx";
import { useExpenseLabels, useExpensesT } from "./expenses-i18n.ts";

/**
 * Totals against budget, one row per partner, line and source: budget, claimed, awaiting review,
 * approved, paid and what remains (in words where no budget is set or it is exceeded).
 */
export function BudgetTable({
  positions,
  caption,
  showPartner = true,
}: {
  positions: readonly BudgetPositionView[];
  caption: string;
  showPartner?: boolean;
}) {
  const { t } = useExpensesT();
  const labels = useExpenseLabels();
  const format = useFormat();
  const money = (cents: number) => format.euro(cents, { cents: true });
  return (
    <TableScroll label={caption}>
      <table className="table expense-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("budgets.key")}</th>
            <th scope="col" className="text-end">
              {t("budgets.budget")}
            </th>
            <th scope="col" className="text-end">
              {t("budgets.claimed")}
            </th>
            <th scope="col" className="text-end">
              {t("budgets.pending")}
            </th>
            <th scope="col" className="text-end">
              {t("budgets.approved")}
            </th>
            <th scope="col" className="text-end">
              {t("budgets.paid")}
            </th>
            <th scope="col" className="text-end">
              {t("budgets.remaining")}
            </th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={`${p.partner.id}-${p.line}-${p.fundingSource}`}>
              <th scope="row">
                {showPartner ? <div>{p.partner.name}</div> : null}
                <div className={showPartner ? "small fw-normal" : undefined}>
                  {t("budgets.lineSource", { line: p.line, source: labels.source(p.fundingSource) })}
                </div>
              </th>
              <td className="text-end text-nowrap">
                {p.budgetCents === null ? t("budgets.none") : money(p.budgetCents)}
              </td>
              <td className="text-end text-nowrap">{money(p.claimedCents)}</td>
              <td className="text-end text-nowrap">{money(p.pendingCents)}</td>
              <td className="text-end text-nowrap">{money(p.approvedCents)}</td>
              <td className="text-end text-nowrap">{money(p.paidCents)}</td>
              <td className="text-end text-nowrap">
                {p.remainingCents === null ? (
                  "—"
                ) : p.remainingCents < 0 ? (
                  <span className="expense-over">
                    {t("budgets.over", { amount: money(-p.remainingCents) })}
                  </span>
                ) : (
                  money(p.remainingCents)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
