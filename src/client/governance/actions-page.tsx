// SPDX-License-Identifier: EUPL-1.2
import "./governance.css";
import type { ActionList } from "../../domain/governance/governance-api.schema.ts";
import { FilterActions, FilterSelect, searchOfForm } from "../components/filter-form.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { TableScroll, useDone } from "../funding/funding-form.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { ActionsTable } from "./actions-table.tsx";
import { useActions, useBodies, useOrganisationName } from "./governance-api.ts";
import { useGovernanceLabels, useGovernanceT } from "./governance-i18n.ts";
import {
  ACTIONS_PATH,
  type ActionFilters,
  actionFiltersFromSearch,
  actionsHref,
  GOVERNANCE_PATH,
  hasActionFilters,
} from "./governance-paths.ts";

/** Azioni: every body's actions, filtered by body, status, overdue and owner; the overdue ones per person. */
export function ActionsPage() {
  const { t } = useGovernanceT();
  const format = useFormat();
  const { search } = useLocation();
  const filters = actionFiltersFromSearch(search);
  const actions = useActions(filters);
  const list = actions.data;
  // Above the list: an action saved may leave it (a filter), and the list with it; its message stays.
  const done = useDone();
  return (
    <>
      <RecordBreadcrumb
        listHref={GOVERNANCE_PATH}
        listLabel={t("page.title")}
        current={t("actionsPage.title")}
      />
      <PageTitle
        title={t("actionsPage.title")}
        lead={list ? t("actionsPage.lead", { date: format.date(list.asOf) }) : undefined}
      />
      <ActionFiltersForm filters={filters} />
      {done.node}
      <ListStatus query={actions} count={list?.items.length} empty={<p>{t("actionsPage.empty")}</p>} />
      {list && list.items.length > 0 ? (
        <section className="mb-5" aria-labelledby="actions-list-title">
          <h2 id="actions-list-title" className="h3">
            {t("actionsPage.listTitle")}
          </h2>
          <ActionsTable
            actions={list.items}
            caption={t("actionsPage.caption", { count: list.items.length })}
            showBody
            say={done.say}
          />
        </section>
      ) : null}
      {list ? <OverdueByOwner list={list} /> : null}
    </>
  );
}

function ActionFiltersForm({ filters }: { filters: ActionFilters }) {
  const { t } = useGovernanceT();
  const labels = useGovernanceLabels();
  const bodies = useBodies();
  // The form is drawn again from the address after each change (its fields keep their defaults).
  const key = actionsHref(filters);
  return (
    <form
      key={key}
      className="row align-items-end mb-3"
      aria-label={t("filters.label")}
      onSubmit={(event) => navigate(actionsHref(actionFiltersFromSearch(searchOfForm(event))))}
    >
      <FilterSelect
        id="actions-body"
        name="bodyId"
        className="col-12 col-md-6 col-lg-3"
        label={t("filters.body")}
        value={filters.bodyId}
        options={(bodies.data?.bodies ?? []).map((b) => ({ value: b.id, label: b.name }))}
      />
      <FilterSelect
        id="actions-status"
        name="status"
        className="col-12 col-md-6 col-lg-3"
        label={t("filters.status")}
        value={filters.status}
        options={labels.statusOptions}
      />
      <div className="col-12 col-md-6 col-lg-3 form-group">
        <label htmlFor="actions-owner" className="active">
          {t("filters.owner")}
        </label>
        <input
          id="actions-owner"
          name="owner"
          type="search"
          className="form-control"
          defaultValue={filters.owner ?? ""}
          aria-describedby="actions-owner-hint"
        />
        <small id="actions-owner-hint" className="form-text">
          {t("filters.ownerHint")}
        </small>
      </div>
      <div className="col-12 col-md-6 col-lg-3 form-group">
        <div className="form-check">
          <input
            id="actions-overdue"
            name="overdue"
            type="checkbox"
            value="true"
            defaultChecked={filters.overdue === "true"}
          />
          <label htmlFor="actions-overdue">{t("filters.overdue")}</label>
        </div>
      </div>
      <FilterActions className="col-12 mb-3" resetHref={hasActionFilters(filters) ? ACTIONS_PATH : null} />
    </form>
  );
}

/** Azioni in ritardo per persona: whom to ask first, most overdue first. */
function OverdueByOwner({ list }: { list: ActionList }) {
  const { t } = useGovernanceT();
  const format = useFormat();
  const organisation = useOrganisationName();
  const caption = t("overdue.caption", { date: format.date(list.asOf) });
  return (
    <section className="mb-5" aria-labelledby="overdue-title">
      <h2 id="overdue-title" className="h3">
        {t("overdue.title")}
      </h2>
      <p>{t("overdue.lead")}</p>
      {list.overdueByOwner.length === 0 ? (
        <p>{t("overdue.none")}</p>
      ) : (
        <TableScroll label={caption} className="governance-scroll">
          <table className="table table-sm governance-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overdue.person")}</th>
                <th scope="col">{t("overdue.organisation")}</th>
                <th scope="col" className="text-end">
                  {t("overdue.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.overdueByOwner.map((row) => (
                <tr key={`${row.ownerOrganisationCode}-${row.ownerName}`}>
                  <th scope="row">
                    <Link to={actionsHref({ owner: row.ownerName, overdue: "true" })}>{row.ownerName}</Link>
                  </th>
                  <td>{organisation(row.ownerOrganisationCode)}</td>
                  <td className="text-end">{row.actions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
