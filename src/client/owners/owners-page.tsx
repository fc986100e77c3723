// SPDX-License-Identifier: EUPL-1.2
import "./owners.css";
import { useTranslation } from "react-i18next";
import { CONTACT_OUTCOMES, OFFER_STATUSES, OWNER_KINDS, OwnerInput } from "../../domain/owners/owners.ts";
import type { OwnerSummaryView, OwnersSummary } from "../../domain/owners/owners-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { FigureTable } from "../components/figure-table.tsx";
import { SubmitButton } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { FormCard, TableScroll, useDone } from "../funding/funding-form.tsx";
import { Link } from "../router.tsx";
import { OWNER_FIELDS, type OwnerField, OwnerFields, ownerInputOf } from "./owner-forms.tsx";
import { useCreateOwner, useOwners, useOwnersSummary } from "./owners-api.ts";
import { useOwnersForm } from "./owners-form.tsx";
import { useOwnersLabels, useOwnersT } from "./owners-i18n.ts";
import { ownerHref, SCHEMES_PATH } from "./owners-paths.ts";

/** Proprietari privati: the line's figures, the owners contacted, and a form to record a new one. */
export function OwnersPage() {
  const { t } = useOwnersT();
  const format = useFormat();
  const canWrite = useCan("owners:write");
  const summary = useOwnersSummary();
  return (
    <>
      <PageTitle
        title={t("page.title")}
        lead={summary.data ? t("page.lead", { date: format.date(summary.data.asOf) }) : t("page.leadPending")}
      >
        <Link to={SCHEMES_PATH} className="btn btn-outline-primary btn-sm">
          <Icon name="list" size="sm" className="me-1" />
          {t("page.schemesLink")}
        </Link>
      </PageTitle>
      <section className="mb-5" aria-labelledby="owners-figures">
        <h2 id="owners-figures" className="h3">
          {t("figures.title")}
        </h2>
        <ListStatus query={summary} count={undefined} empty={null} />
        {summary.data ? <Figures summary={summary.data} /> : null}
      </section>
      <OwnersList />
      {canWrite ? <NewOwnerForm /> : null}
    </>
  );
}

function Figures({ summary }: { summary: OwnersSummary }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  const entered = summary.unitsEntered;
  return (
    <>
      <p className="owners-figure-lead">{t("figures.entered", { count: entered })}</p>
      <div className="row">
        <div className="col-12 col-lg-4">
          <FigureTable
            caption={t("figures.byKind")}
            rowHeader={t("figures.kind")}
            columns={[t("figures.owners")]}
            rows={OWNER_KINDS.map((k) => ({
              key: k,
              label: labels.kind(k),
              cells: [summary.ownersByKind[k]],
            }))}
          />
        </div>
        <div className="col-12 col-lg-4">
          <FigureTable
            caption={t("figures.byOutcome")}
            rowHeader={t("figures.outcome")}
            columns={[t("figures.contacts")]}
            rows={CONTACT_OUTCOMES.map((o) => ({
              key: o,
              label: labels.outcome(o),
              cells: [summary.contactsByOutcome[o]],
            }))}
          />
        </div>
        <div className="col-12 col-lg-4">
          <FigureTable
            caption={t("figures.byStatus")}
            rowHeader={t("figures.status")}
            columns={[t("figures.homes")]}
            rows={OFFER_STATUSES.map((s) => ({
              key: s,
              label: labels.status(s),
              cells: [summary.offersByStatus[s]],
            }))}
          />
        </div>
      </div>
      <TableScroll label={t("figures.byScheme")} className="owners-scroll">
        <FigureTable
          caption={t("figures.byScheme")}
          rowHeader={t("figures.scheme")}
          columns={[
            { header: t("figures.schemeKind"), words: true },
            t("figures.uptakes"),
            t("figures.cover"),
          ]}
          rows={summary.uptakeByScheme.map((s) => ({
            key: s.schemeId,
            label: s.name,
            cells: [labels.schemeKind(s.kind), s.uptakes, format.euro(s.totalCoverCents)],
          }))}
          empty={t("figures.noSchemes")}
        />
      </TableScroll>
    </>
  );
}

function OwnersList() {
  const { t } = useOwnersT();
  const owners = useOwners();
  const list = owners.data?.owners;
  return (
    <section className="mb-5" aria-labelledby="owners-list">
      <h2 id="owners-list" className="h3">
        {t("list.title")}
      </h2>
      <ListStatus query={owners} count={list?.length} empty={<p>{t("list.empty")}</p>} />
      {list && list.length > 0 ? <OwnersTable owners={list} /> : null}
    </section>
  );
}

function OwnersTable({ owners }: { owners: readonly OwnerSummaryView[] }) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  return (
    <TableScroll label={t("list.caption")} className="owners-scroll">
      <table className="table table-sm owners-table">
        <caption>{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("list.name")}</th>
            <th scope="col">{t("list.kind")}</th>
            <th scope="col">{t("list.place")}</th>
            <th scope="col">{t("list.contact")}</th>
            <th scope="col" className="text-end">
              {t("list.contacts")}
            </th>
            <th scope="col">{t("list.lastContact")}</th>
            <th scope="col" className="text-end">
              {t("list.offers")}
            </th>
            <th scope="col" className="text-end">
              {t("list.entered")}
            </th>
          </tr>
        </thead>
        <tbody>
          {owners.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <Link to={ownerHref(o.id)}>{o.name}</Link>
              </th>
              <td>{labels.kind(o.kind)}</td>
              <td>{labels.place(o)}</td>
              <td className="owners-break">{o.contact === "" ? "—" : o.contact}</td>
              <td className="text-end">{o.contacts}</td>
              <td className="text-nowrap">
                {o.lastContactOn === null ? t("list.never") : format.date(o.lastContactOn)}
              </td>
              <td className="text-end">{o.offers}</td>
              <td className="text-end">{o.unitsEntered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Nuovo proprietario: an owner, an owners' association (ANACI, UPPI) or an agency contacted. */
function NewOwnerForm() {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const labels = useOwnersLabels();
  const create = useCreateOwner();
  const done = useDone();
  const form = useOwnersForm<OwnerField, OwnerInput>({
    id: "owner-new",
    schema: OwnerInput,
    fields: OWNER_FIELDS,
    defaults: { kind: "", name: "", contact: "", town: "Milano", municipio: "", notes: "" },
    inputOf: ownerInputOf,
    labelOf: (f) => t(`ownerForm.${f}`),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await create.mutateAsync(input);
      done.say(t("ownerForm.done", { name: saved.name, kind: labels.kind(saved.kind) }));
    },
  });
  return (
    <FormCard id="owner-new" title={t("ownerForm.title")} lead={t("ownerForm.lead")}>
      {done.node}
      <form noValidate onSubmit={form.submit} aria-labelledby="owner-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <OwnerFields form={form} />
        <SubmitButton submitting={form.isSubmitting} label={t("ownerForm.save")} />
      </form>
    </FormCard>
  );
}
