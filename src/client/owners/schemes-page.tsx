// SPDX-License-Identifier: EUPL-1.2
import "./owners.css";
import { useTranslation } from "react-i18next";
import { SchemeInput } from "../../domain/owners/owners.ts";
import type { SchemeView } from "../../domain/owners/owners-api.schema.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SubmitButton } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { useFormat } from "../format.ts";
import { FormCard, orUndefined, TableScroll, useDone } from "../funding/funding-form.tsx";
import { centsOf, numberOf } from "../tenancies/money.ts";
import { useCreateScheme, useSchemes, useSetSchemeActive } from "./owners-api.ts";
import { useOwnersForm } from "./owners-form.tsx";
import { useOwnersLabels, useOwnersT } from "./owners-i18n.ts";
import { OWNERS_PATH } from "./owners-paths.ts";

/**
 * Garanzie per i proprietari: the schemes offered to owners with their terms, the most they cover and
 * for how long, their uptake and whether still offered; a new scheme, and a scheme withdrawn or
 * offered again.
 */
export function SchemesPage() {
  const { t } = useOwnersT();
  const canWrite = useCan("owners:write");
  const schemes = useSchemes();
  const done = useDone();
  const list = schemes.data?.schemes;
  return (
    <>
      <RecordBreadcrumb listHref={OWNERS_PATH} listLabel={t("page.title")} current={t("schemes.title")} />
      <PageTitle title={t("schemes.title")} lead={t("schemes.lead")} />
      <section className="mb-5" aria-labelledby="schemes-list">
        <h2 id="schemes-list" className="h3">
          {t("schemes.listTitle")}
        </h2>
        <ListStatus query={schemes} count={list?.length} empty={<p>{t("schemes.empty")}</p>} />
        {done.node}
        {list && list.length > 0 ? (
          <SchemesTable schemes={list} canWrite={canWrite} onSaved={done.say} />
        ) : null}
      </section>
      {canWrite ? <NewSchemeForm /> : null}
    </>
  );
}

function SchemesTable({
  schemes,
  canWrite,
  onSaved,
}: {
  schemes: readonly SchemeView[];
  canWrite: boolean;
  onSaved: (text: string) => void;
}) {
  const { t } = useOwnersT();
  const labels = useOwnersLabels();
  const format = useFormat();
  const setActive = useSetSchemeActive();
  const toggle = async (scheme: SchemeView) => {
    const saved = await setActive.mutateAsync({ id: scheme.id, active: !scheme.active });
    onSaved(t(saved.active ? "schemes.activated" : "schemes.deactivated", { name: saved.name }));
  };
  return (
    <>
      {setActive.error ? <ErrorAlert error={setActive.error} /> : null}
      <TableScroll label={t("schemes.caption")} className="owners-scroll">
        <table className="table table-sm owners-table">
          <caption>{t("schemes.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("schemes.name")}</th>
              <th scope="col">{t("schemes.kind")}</th>
              <th scope="col">{t("schemes.terms")}</th>
              <th scope="col" className="text-end">
                {t("schemes.maxCover")}
              </th>
              <th scope="col" className="text-end">
                {t("schemes.maxMonths")}
              </th>
              <th scope="col" className="text-end">
                {t("schemes.uptakes")}
              </th>
              <th scope="col" className="text-end">
                {t("schemes.totalCover")}
              </th>
              <th scope="col">{t("schemes.state")}</th>
              {canWrite ? <th scope="col">{t("schemes.change")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {schemes.map((s) => (
              <tr key={s.id} className={s.active ? undefined : "is-inactive"}>
                <th scope="row">{s.name}</th>
                <td>{labels.schemeKind(s.kind)}</td>
                <td className="owners-terms">{s.terms}</td>
                <td className="text-end text-nowrap">{format.euro(s.maxCoverCents, { cents: true })}</td>
                <td className="text-end">{s.maxMonths}</td>
                <td className="text-end">{s.uptakes ?? "—"}</td>
                <td className="text-end text-nowrap">
                  {s.totalCoverCents === null ? "—" : format.euro(s.totalCoverCents, { cents: true })}
                </td>
                <td>
                  <span className={`badge owners-badge ${s.active ? "is-active" : "is-inactive"}`}>
                    {s.active ? t("schemes.active") : t("schemes.inactive")}
                  </span>
                </td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-primary text-nowrap"
                      // The visible words first, then which scheme: the same button on every row.
                      aria-label={`${s.active ? t("schemes.deactivate") : t("schemes.activate")}: ${s.name}`}
                      disabled={setActive.isPending}
                      onClick={() => void toggle(s).catch(() => undefined)}
                    >
                      {s.active ? t("schemes.deactivate") : t("schemes.activate")}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

const SCHEME_FIELDS = ["name", "kind", "terms", "maxCover", "maxMonths"] as const;
type SchemeField = (typeof SCHEME_FIELDS)[number];

/** Offri un nuovo schema: its name and kind, its terms, the most it covers per home and for how long. */
function NewSchemeForm() {
  const { t } = useOwnersT();
  const { t: common } = useTranslation();
  const labels = useOwnersLabels();
  const create = useCreateScheme();
  const done = useDone();
  const form = useOwnersForm<SchemeField, SchemeInput>({
    id: "scheme-new",
    schema: SchemeInput,
    fields: SCHEME_FIELDS,
    defaults: { name: "", kind: "", terms: "", maxCover: "", maxMonths: "" },
    inputOf: (v) => ({
      name: v.name,
      kind: orUndefined(v.kind),
      terms: v.terms,
      maxCoverCents: centsOf(v.maxCover),
      maxMonths: numberOf(v.maxMonths),
    }),
    labelOf: (f) => t(`schemeForm.${f}`),
    fieldOf: (path) => (path === "maxCoverCents" ? "maxCover" : null),
    resetAfterSave: true,
    save: async (input) => {
      const saved = await create.mutateAsync(input);
      done.say(t("schemeForm.done", { name: saved.name }));
    },
  });
  return (
    <FormCard id="scheme-new" title={t("schemeForm.title")} lead={t("schemeForm.lead")}>
      {done.node}
      <form noValidate onSubmit={form.submit} aria-labelledby="scheme-new-title">
        <p className="small">{common("form.requiredNote")}</p>
        {form.problems}
        <div className="row">
          {form.text("name", "col-12 col-md-8", { required: true })}
          {form.select("kind", "col-12 col-md-4", labels.schemeKindOptions, {
            required: true,
            empty: t("form.choose"),
          })}
          {form.area("terms", "col-12", { required: true, rows: 4, hint: t("schemeForm.termsHint") })}
          {form.text("maxCover", "col-12 col-md-6", {
            required: true,
            inputMode: "decimal",
            hint: t("schemeForm.maxCoverHint"),
          })}
          {form.text("maxMonths", "col-12 col-md-6", {
            required: true,
            inputMode: "numeric",
            hint: t("schemeForm.maxMonthsHint"),
          })}
        </div>
        <SubmitButton submitting={form.isSubmitting} label={t("schemeForm.save")} />
      </form>
    </FormCard>
  );
}
