// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { BudgetInput } from "../../domain/expenses/expenses.ts";
import type { BudgetOverview } from "../../domain/expenses/expenses-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { FormCard, orUndefined, useDone } from "../funding/funding-form.tsx";
import { centsOf } from "../tenancies/money.ts";
import { BudgetTable } from "./budget-table.tsx";
import { useBudgets, useSetBudget } from "./expenses-api.ts";
import { useExpenseForm } from "./expenses-form.tsx";
import { useExpenseLabels, useExpensesT } from "./expenses-i18n.ts";
import { EXPENSES_PATH } from "./expenses-paths.ts";

/** Budget e totali: per partner, line and source, what is budgeted, claimed, approved, paid and left. */
export function BudgetsPage() {
  const { t } = useExpensesT();
  const canReview = useCan("expenses:review");
  const budgets = useBudgets();
  const items = budgets.data?.items;
  return (
    <>
      <RecordBreadcrumb listHref={EXPENSES_PATH} listLabel={t("list.title")} current={t("budgets.title")} />
      <PageTitle title={t("budgets.title")} lead={t("budgets.lead")} />
      <ListStatus query={budgets} count={items?.length} empty={<p>{t("budgets.empty")}</p>} />
      {items && items.length > 0 ? (
        <section aria-labelledby="budgets-table-title" className="mb-5">
          <h2 id="budgets-table-title" className="h3">
            {t("budgets.tableTitle")}
          </h2>
          <BudgetTable positions={items} caption={t("budgets.caption", { count: items.length })} />
        </section>
      ) : null}
      {canReview && budgets.data ? <BudgetForm overview={budgets.data} /> : null}
    </>
  );
}

const BUDGET_FIELDS = ["partnerId", "line", "fundingSource", "amount"] as const;
type BudgetField = (typeof BUDGET_FIELDS)[number];

/** Imposta un budget: new, or changed at the version shown (never below what is already claimed). */
function BudgetForm({ overview }: { overview: BudgetOverview }) {
  const { t } = useExpensesT();
  const { t: common } = useTranslation();
  const labels = useExpenseLabels();
  const format = useFormat();
  const save = useSetBudget();
  const done = useDone();
  const versionOf = (v: Record<BudgetField, string>) =>
    overview.items.find(
      (p) => p.partner.id === v.partnerId && p.line === v.line && p.fundingSource === v.fundingSource,
    )?.version ?? null;
  const form = useExpenseForm<BudgetField, BudgetInput>({
    id: "budget-set",
    schema: BudgetInput,
    fields: BUDGET_FIELDS,
    defaults: { partnerId: "", line: "", fundingSource: "", amount: "" },
    inputOf: (v) => ({
      partnerId: orUndefined(v.partnerId),
      line: orUndefined(v.line),
      fundingSource: orUndefined(v.fundingSource),
      amountCents: centsOf(v.amount),
      version: versionOf(v),
    }),
    labelOf: (f) => t(`budgetForm.${f}`),
    fieldOf: (path) => (path === "amountCents" ? "amount" : null),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await save.mutateAsync(input);
      done.say(
        t("budgetForm.done", {
          partner: saved.partner.name,
          line: saved.line,
          source: labels.source(saved.fundingSource),
          amount: format.euro(saved.budgetCents ?? 0, { cents: true }),
        }),
      );
    },
  });
  return (
    <FormCard id="budget-set" title={t("budgetForm.title")} lead={t("budgetForm.lead")}>
      {done.node}
      <form noValidate onSubmit={form.submit} aria-labelledby="budget-set-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <FieldSet legend={t("budgetForm.legend")}>
          <div className="row">
            {form.select(
              "partnerId",
              "col-12 col-md-6",
              overview.partners.map((p) => ({ value: p.id, label: p.name })),
              { required: true, empty: t("claimForm.choose") },
            )}
            {form.select("line", "col-12 col-md-6", labels.lineOptions, {
              required: true,
              empty: t("claimForm.choose"),
            })}
            {form.select("fundingSource", "col-12 col-md-6", labels.sourceOptions, {
              required: true,
              empty: t("claimForm.choose"),
            })}
            {form.text("amount", "col-12 col-md-6", { required: true, inputMode: "decimal" })}
          </div>
        </FieldSet>
        <SubmitButton submitting={form.isSubmitting} label={t("budgetForm.save")} />
      </form>
    </FormCard>
  );
}
