// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { ClaimInput } from "../../domain/expenses/expenses.ts";
import type { ClaimSummaryView, PartnerRef } from "../../domain/expenses/expenses-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { FieldSet, SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { FormCard, orUndefined, TableScroll } from "../funding/funding-form.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { BudgetTable } from "./budget-table.tsx";
import { REGISTER_XLSX_HREF, useBudgets, useClaims, useCreateClaim } from "./expenses-api.ts";
import { ClaimStatusBadge, useExpenseForm } from "./expenses-form.tsx";
import { useExpenseLabels, useExpensesT } from "./expenses-i18n.ts";
import { BUDGETS_PATH, claimHref, EXPENSES_PATH, filtersFromSearch } from "./expenses-paths.ts";

/** Rendiconti: the claims the account sees, filtered, with the totals against budget and a new draft. */
export function ClaimsPage() {
  const { t } = useExpensesT();
  const labels = useExpenseLabels();
  const canWrite = useCan("expenses:write");
  const { search } = useLocation();
  const filters = filtersFromSearch(search);
  const claims = useClaims(filters);
  const budgets = useBudgets();
  const partners = budgets.data?.partners ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const positions = budgets.data?.items.filter(
    (p) =>
      (filters.line === undefined || p.line === filters.line) &&
      (filters.fundingSource === undefined || p.fundingSource === filters.fundingSource) &&
      (filters.partnerId === undefined || p.partner.id === filters.partnerId),
  );
  return (
    <>
      <PageTitle title={t("list.title")} lead={t("list.lead")} />
      <p className="d-flex flex-wrap gap-2">
        <Link to={BUDGETS_PATH} className="btn btn-outline-primary">
          {t("list.budgetsLink")}
        </Link>
        <a href={REGISTER_XLSX_HREF} download className="btn btn-outline-primary">
          {t("list.registerXlsx")}
        </a>
      </p>
      <form
        className="row align-items-end mb-3"
        aria-label={t("list.filter")}
        onSubmit={(event) => {
          const params = searchOfForm(event);
          navigate(`${EXPENSES_PATH}${params.size > 0 ? `?${params}` : ""}`);
        }}
      >
        <FilterSelect
          key={`status-${filters.status ?? ""}`}
          id="claims-status"
          name="status"
          className="col-12 col-md-3"
          label={t("list.status")}
          value={filters.status}
          options={labels.statusOptions}
        />
        <FilterSelect
          key={`line-${filters.line ?? ""}`}
          id="claims-line"
          name="line"
          className="col-12 col-md-3"
          label={t("list.line")}
          value={filters.line}
          options={labels.lineOptions}
        />
        <FilterSelect
          key={`source-${filters.fundingSource ?? ""}`}
          id="claims-source"
          name="fundingSource"
          className="col-12 col-md-3"
          label={t("list.source")}
          value={filters.fundingSource}
          options={labels.sourceOptions}
        />
        {partners.length > 1 ? (
          <FilterSelect
            key={`partner-${filters.partnerId ?? ""}`}
            id="claims-partner"
            name="partnerId"
            className="col-12 col-md-3"
            label={t("list.partner")}
            value={filters.partnerId}
            options={partners.map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : null}
        <FilterActions className="col-12 mb-3" resetHref={filtered ? EXPENSES_PATH : null} />
      </form>
      <section aria-labelledby="claims-title" className="mb-5">
        <h2 id="claims-title" className="h3">
          {t("list.claims")}
        </h2>
        <ListStatus query={claims} count={claims.data?.items.length} empty={<p>{t("list.empty")}</p>} />
        {claims.data && claims.data.items.length > 0 ? <ClaimTable claims={claims.data.items} /> : null}
      </section>
      <section aria-labelledby="claims-budget-title" className="mb-5">
        <h2 id="claims-budget-title" className="h3">
          {t("list.totals")}
        </h2>
        <ListStatus query={budgets} count={positions?.length} empty={<p>{t("budgets.empty")}</p>} />
        {positions && positions.length > 0 ? (
          <BudgetTable positions={positions} caption={t("list.totalsCaption")} />
        ) : null}
      </section>
      {canWrite && budgets.data ? <NewClaimForm partners={budgets.data.partners} /> : null}
    </>
  );
}

function ClaimTable({ claims }: { claims: readonly ClaimSummaryView[] }) {
  const { t } = useExpensesT();
  const labels = useExpenseLabels();
  const format = useFormat();
  const money = (cents: number | null) => (cents === null ? "—" : format.euro(cents, { cents: true }));
  const caption = t("list.caption", { count: claims.length });
  return (
    <TableScroll label={caption}>
      <table className="table expense-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("list.reference")}</th>
            <th scope="col">{t("list.partner")}</th>
            <th scope="col">{t("list.lineSource")}</th>
            <th scope="col">{t("list.period")}</th>
            <th scope="col">{t("list.status")}</th>
            <th scope="col" className="text-end">
              {t("list.total")}
            </th>
            <th scope="col" className="text-end">
              {t("list.approved")}
            </th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={claimHref(c.id)}>{c.reference}</Link>
                <div className="small fw-normal">{c.title}</div>
              </th>
              <td>{c.partner.name}</td>
              <td>
                {c.line}
                <div className="small">{labels.source(c.fundingSource)}</div>
              </td>
              <td className="text-nowrap">
                {t("list.periodRange", { from: format.date(c.periodFrom), to: format.date(c.periodTo) })}
              </td>
              <td>
                <ClaimStatusBadge status={c.status} />
              </td>
              <td className="text-end text-nowrap">{money(c.totalCents)}</td>
              <td className="text-end text-nowrap">{money(c.approvedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const CLAIM_FIELDS = ["partnerId", "line", "fundingSource", "periodFrom", "periodTo", "title"] as const;
type ClaimField = (typeof CLAIM_FIELDS)[number];

/** Nuovo rendiconto: a draft for a line and a source over a period; the programme's roles name the partner. */
function NewClaimForm({ partners }: { partners: readonly PartnerRef[] }) {
  const { t } = useExpensesT();
  const { t: common } = useTranslation();
  const labels = useExpenseLabels();
  const create = useCreateClaim();
  const choosePartner = partners.length > 1;
  const form = useExpenseForm<ClaimField, ClaimInput>({
    id: "claim-new",
    schema: ClaimInput,
    fields: CLAIM_FIELDS,
    defaults: { partnerId: "", line: "", fundingSource: "", periodFrom: "", periodTo: "", title: "" },
    inputOf: (v) => ({
      partnerId: choosePartner ? orUndefined(v.partnerId) : null,
      line: orUndefined(v.line),
      fundingSource: orUndefined(v.fundingSource),
      periodFrom: v.periodFrom,
      periodTo: v.periodTo,
      title: v.title,
    }),
    labelOf: (f) => t(`claimForm.${f}`),
    save: async (input) => {
      const saved = await create.mutateAsync(input);
      navigate(claimHref(saved.id));
    },
  });
  return (
    <FormCard id="claim-new-card" title={t("claimForm.heading")} lead={t("claimForm.lead")}>
      <form noValidate onSubmit={form.submit} aria-labelledby="claim-new-card-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <FieldSet legend={t("claimForm.legend")}>
          <div className="row">
            {choosePartner
              ? form.select(
                  "partnerId",
                  "col-12 col-md-6",
                  partners.map((p) => ({ value: p.id, label: p.name })),
                  { required: true, empty: t("claimForm.choose") },
                )
              : null}
            {form.select("line", "col-12 col-md-6", labels.lineOptions, {
              required: true,
              empty: t("claimForm.choose"),
            })}
            {form.select("fundingSource", "col-12 col-md-6", labels.sourceOptions, {
              required: true,
              empty: t("claimForm.choose"),
            })}
            {form.text("periodFrom", "col-12 col-md-3", { required: true, type: "date" })}
            {form.text("periodTo", "col-12 col-md-3", { required: true, type: "date" })}
            {form.text("title", "col-12", { required: true, hint: t("claimForm.titleHint") })}
          </div>
        </FieldSet>
        <SubmitButton submitting={form.isSubmitting} label={t("claimForm.save")} />
      </form>
    </FormCard>
  );
}
