// SPDX-License-Identifier: EUPL-1.2
import type { FormEvent } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { TenancyCreate, type TenancySummary } from "../../domain/tenancies/tenancy-api.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextField } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { householdHref } from "../households/household-href.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useCreateTenancy, useTenancyPage } from "./tenancies-api.ts";
import { useTenanciesT, useTenancyLabels, useTenancyMessage } from "./tenancies-i18n.ts";
import {
  hasTenancyFilters,
  type TenancyFilters,
  tenancyFiltersOf,
  tenancyHref,
  tenancyListHref,
} from "./tenancies-paths.ts";
import { TenancyStatusBadge } from "./tenancy-badges.tsx";

function Filters({ filters }: { filters: TenancyFilters }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const next = tenancyFiltersOf(searchOfForm(event));
    navigate(tenancyListHref({ ...next, limit: filters.limit, page: 1 }));
  };
  return (
    <form
      className="filter-form card shadow-sm p-3 p-lg-4 mb-4"
      onSubmit={submit}
      aria-labelledby="tenancy-filters-title"
    >
      <h2 id="tenancy-filters-title" className="h5 mb-4">
        {t("list.filters")}
      </h2>
      <div className="row g-3">
        <div className="col-12 col-lg-6 form-group">
          <label htmlFor="tenancy-filter-q" className="active">
            {t("list.q")}
          </label>
          <input
            id="tenancy-filter-q"
            name="q"
            type="search"
            className="form-control"
            defaultValue={filters.q ?? ""}
            aria-describedby="tenancy-filter-q-hint"
          />
          <small id="tenancy-filter-q-hint" className="form-text">
            {t("list.qHint")}
          </small>
        </div>
        <FilterSelect
          id="tenancy-filter-status"
          name="stato"
          className="col-12 col-md-6 col-lg-3"
          label={t("fields.status")}
          value={filters.status}
          options={labels.statusOptions}
        />
      </div>
      <FilterActions
        className="mt-2"
        resetHref={hasTenancyFilters(filters) ? tenancyListHref({ limit: filters.limit, page: 1 }) : null}
      />
    </form>
  );
}

function TenancyRow({ tenancy: x }: { tenancy: TenancySummary }) {
  const { t } = useTenanciesT();
  const labels = useTenancyLabels();
  const format = useFormat();
  const canReadHouseholds = useCan("households:read");
  return (
    <tr>
      <th scope="row" className="text-nowrap">
        <Link to={tenancyHref(x.id)}>{x.reference}</Link>
      </th>
      <td>
        <TenancyStatusBadge status={x.status} />
      </td>
      <td>{x.contractType ? labels.contractType(x.contractType) : "—"}</td>
      <td>
        <span className="text-nowrap">{x.unit.code}</span>
        <span className="d-block small">{x.unit.address}</span>
      </td>
      <td className="text-nowrap">
        {canReadHouseholds && x.household.id ? (
          <Link to={householdHref(x.household.id)}>{x.household.reference}</Link>
        ) : (
          x.household.reference || "—"
        )}
      </td>
      <td className="text-nowrap">
        {x.startOn ? format.date(x.startOn) : "—"}
        {x.endOn ? (
          <span className="d-block small">{t("list.until", { date: format.date(x.endOn) })}</span>
        ) : null}
      </td>
      <td className="text-end text-nowrap">{format.euro(x.rentCents, { cents: true })}</td>
      <td className="text-end text-nowrap">{format.euro(x.serviceChargeCents, { cents: true })}</td>
      <td>{x.partnerCode ?? "—"}</td>
    </tr>
  );
}

type DraftValues = { unitId: string; householdId: string };
const DRAFT_FIELDS = ["unitId", "householdId"] as const;
type DraftField = (typeof DRAFT_FIELDS)[number];
const draftFieldOf = (path: string): DraftField | null => DRAFT_FIELDS.find((f) => f === path) ?? null;
const draftResolver = schemaResolver<DraftValues, TenancyCreate>(
  TenancyCreate,
  (v) => ({ unitId: v.unitId.trim(), householdId: v.householdId.trim() }),
  (path) => draftFieldOf(path) ?? "root",
);

/** Apri una bozza: a tenancy for a unit let (or whose offer was accepted) and its household. */
function NewDraftForm() {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const message = useTenancyMessage();
  const create = useCreateTenancy();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<DraftValues, unknown, TenancyCreate>({
    resolver: draftResolver,
    defaultValues: { unitId: "", householdId: "" },
  });
  const names: Record<DraftField, string> = { unitId: t("create.unit"), householdId: t("create.household") };
  const summary = useErrorSummary<DraftField>({
    errors,
    setFocus,
    fieldOf: draftFieldOf,
    fieldId: (n) => `draft-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const created = await create.mutateAsync(input);
        navigate(tenancyHref(created.id));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(DRAFT_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <details className="card shadow-sm mb-4">
      <summary className="card-body h5 mb-0">{t("create.title")}</summary>
      <form noValidate onSubmit={submit} className="card-body pt-0" aria-label={t("create.title")}>
        <p className="small">
          {t("create.intro")} {common("form.requiredNote")}
        </p>
        {create.error && !isApiError(create.error) ? <ErrorAlert error={create.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="draft-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id="draft-unitId"
            label={names.unitId}
            className="col-12 col-md-6"
            required
            autoComplete="off"
            hint={t("create.unitHint")}
            error={summary.errorOf("unitId")}
            registration={register("unitId")}
          />
          <TextField
            id="draft-householdId"
            label={names.householdId}
            className="col-12 col-md-6"
            required
            autoComplete="off"
            hint={t("create.householdHint")}
            error={summary.errorOf("householdId")}
            registration={register("householdId")}
          />
        </div>
        <SubmitButton submitting={isSubmitting} label={t("create.submit")} />
      </form>
    </details>
  );
}

/** Contratti: the tenancies in scope, filtered by status and text, each linking to its page. */
export function TenancyListPage() {
  const { t } = useTenanciesT();
  const { search, href } = useLocation();
  const filters = tenancyFiltersOf(search);
  const page = useTenancyPage(filters);
  const canWrite = useCan("tenancies:write");
  const total = page.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / filters.limit));
  const columns = [
    { key: "reference", label: t("fields.reference"), end: false },
    { key: "status", label: t("fields.status"), end: false },
    { key: "type", label: t("fields.contractType"), end: false },
    { key: "unit", label: t("fields.unit"), end: false },
    { key: "household", label: t("fields.household"), end: false },
    { key: "start", label: t("fields.startOn"), end: false },
    { key: "rent", label: t("fields.rent"), end: true },
    { key: "service", label: t("fields.serviceCharge"), end: true },
    { key: "partner", label: t("fields.partner"), end: false },
  ];
  return (
    <>
      <PageTitle title={t("list.title")} lead={t("list.lead")} />
      {canWrite ? <NewDraftForm /> : null}
      <Filters key={href} filters={filters} />
      <section aria-labelledby="tenancy-results-title">
        <ResultsHeader
          titleId="tenancy-results-title"
          title={t("list.results")}
          count={
            page.data
              ? t("list.count", { count: total, page: Math.min(filters.page, last), pages: last })
              : ""
          }
          countTestId="tenancy-count"
          pageSizeId="tenancy-page-size"
          limit={filters.limit}
          href={(limit) => tenancyListHref({ ...filters, limit, page: 1 })}
        />
        <ListStatus
          query={page}
          count={page.data?.items.length}
          empty={<div className="alert alert-info">{t("list.empty")}</div>}
        />
        {page.data && page.data.items.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-hover tenancy-table" aria-busy={page.isFetching}>
              <caption className="visually-hidden">{t("list.caption")}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={c.end ? "text-end" : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.data.items.map((x) => (
                  <TenancyRow key={x.id} tenancy={x} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {page.data ? (
          <Pagination
            page={filters.page}
            limit={filters.limit}
            total={total}
            href={(p) => tenancyListHref({ ...filters, page: p })}
          />
        ) : null}
      </section>
    </>
  );
}
