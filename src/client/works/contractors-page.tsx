// SPDX-License-Identifier: EUPL-1.2
import "./works.css";
import { useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { ContractorInput } from "../../domain/works/contractor.ts";
import type { ContractorView } from "../../domain/works/works-api.schema.ts";
import { useCan, useMe } from "../auth/session.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { FieldSet, SubmitButton, TextField } from "../components/form-field.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { RecordBreadcrumb } from "../components/record-page.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { useContractors, useSaveContractor } from "./works-api.ts";
import { StandingBadge } from "./works-badges.tsx";
import { useWorksMessage, useWorksT } from "./works-i18n.ts";
import { WORKS_PATH } from "./works-paths.ts";

type Values = {
  name: string;
  vatNumber: string;
  email: string;
  phone: string;
  prefecture: string;
  registeredOn: string;
  expiresOn: string;
  renewalRequestedOn: string;
  qualifications: string;
};
type Field = keyof Values;
const FIELDS: readonly Field[] = [
  "name",
  "vatNumber",
  "email",
  "phone",
  "prefecture",
  "registeredOn",
  "expiresOn",
  "renewalRequestedOn",
  "qualifications",
];
const EMPTY: Values = {
  name: "",
  vatNumber: "",
  email: "",
  phone: "",
  prefecture: "",
  registeredOn: "",
  expiresOn: "",
  renewalRequestedOn: "",
  qualifications: "",
};

const valuesOf = (c: ContractorView): Values => ({
  name: c.name,
  vatNumber: c.vatNumber,
  email: c.email,
  phone: c.phone,
  prefecture: c.whiteList.prefecture,
  registeredOn: c.whiteList.registeredOn,
  expiresOn: c.whiteList.expiresOn,
  renewalRequestedOn: c.whiteList.renewalRequestedOn ?? "",
  qualifications: c.qualifications.join(", "),
});

const inputOf = (v: Values) => ({
  name: v.name,
  vatNumber: v.vatNumber.replace(/\s/g, ""),
  email: v.email.trim(),
  phone: v.phone,
  whiteList: {
    prefecture: v.prefecture,
    registeredOn: v.registeredOn,
    expiresOn: v.expiresOn,
    renewalRequestedOn: v.renewalRequestedOn === "" ? null : v.renewalRequestedOn,
  },
  qualifications: v.qualifications
    .split(",")
    .map((q) => q.trim())
    .filter((q) => q !== ""),
});

/** The form's field of a path of the schema or the API (`whiteList.expiresOn`, `qualifications.1`). */
function fieldOf(path: string): Field | null {
  const own = path.replace(/^whiteList\./, "").replace(/^qualifications\.\d+$/, "qualifications");
  return FIELDS.find((f) => f === own) ?? null;
}

const fieldId = (name: Field) => `contractor-${name}`;

/** Registro delle imprese: the contractors with their white-list standing, and the form to keep them. */
export function ContractorsPage() {
  const { t } = useWorksT();
  const format = useFormat();
  const canWrite = useCan("contractors:write");
  const { data: me } = useMe();
  const list = useContractors();
  const [editing, setEditing] = useState<ContractorView | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const items = list.data?.items;
  // The registering organisation changes its own; the Comune any (row-level security decides in the end).
  const mayEdit = (c: ContractorView) =>
    canWrite && (c.organisationCode === me?.organisation.code || (me?.role.startsWith("comune_") ?? false));
  return (
    <>
      <RecordBreadcrumb listHref={WORKS_PATH} listLabel={t("list.title")} current={t("contractors.title")} />
      <PageTitle title={t("contractors.title")} lead={t("contractors.lead")} />
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
      <ListStatus query={list} count={items?.length} empty={<p>{t("contractors.empty")}</p>} />
      {items && items.length > 0 ? (
        <div className="table-responsive mb-5">
          <table className="table works-table">
            <caption>{t("contractors.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("contractors.name")}</th>
                <th scope="col">{t("contractors.vatNumber")}</th>
                <th scope="col">{t("contractors.prefecture")}</th>
                <th scope="col">{t("contractors.registeredOn")}</th>
                <th scope="col">{t("contractors.expiresOn")}</th>
                <th scope="col">{t("contractors.standing")}</th>
                <th scope="col">{t("contractors.qualifications")}</th>
                {canWrite ? <th scope="col">{t("contractors.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.vatNumber}</td>
                  <td>{c.whiteList.prefecture}</td>
                  <td className="text-nowrap">{format.date(c.whiteList.registeredOn)}</td>
                  <td className="text-nowrap">{format.date(c.whiteList.expiresOn)}</td>
                  <td>
                    <StandingBadge contractor={c} />
                  </td>
                  <td>{c.qualifications.join(", ") || "—"}</td>
                  {canWrite ? (
                    <td>
                      {mayEdit(c) ? (
                        <button
                          type="button"
                          className="btn btn-sm btn-outline-primary"
                          onClick={() => {
                            setEditing(c);
                            requestAnimationFrame(() => document.getElementById(fieldId("name"))?.focus());
                          }}
                        >
                          {t("contractors.edit", { name: c.name })}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canWrite ? (
        <ContractorForm
          key={editing ? `${editing.id}-${editing.version}` : "new"}
          editing={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone((d) => ({
              text: t(created ? "contractors.saved" : "contractors.updated", { name: saved.name }),
              n: (d?.n ?? 0) + 1,
            }));
          }}
        />
      ) : null}
    </>
  );
}

function ContractorForm({
  editing,
  onCancel,
  onSaved,
}: {
  editing: ContractorView | null;
  onCancel: () => void;
  onSaved: (saved: ContractorView, created: boolean) => void;
}) {
  const { t } = useWorksT();
  const message = useWorksMessage();
  const save = useSaveContractor();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, ContractorInput>({
    resolver: schemaResolver<Values, ContractorInput>(
      ContractorInput,
      inputOf,
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: editing ? valuesOf(editing) : EMPTY,
  });
  const labelOf = (name: Field) => t(`contractors.${name === "name" ? "name" : name}`);
  const summary = useErrorSummary<Field>({ errors, setFocus, fieldOf, fieldId, labelOf, message });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const saved = await save.mutateAsync({
          id: editing?.id ?? null,
          body: editing ? { ...input, version: editing.version } : input,
        });
        onSaved(saved, editing === null);
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  const field = (name: Field, className: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={fieldId(name)}
      className={className}
      label={labelOf(name)}
      error={summary.errorOf(name)}
      registration={register(name)}
      {...extra}
    />
  );
  const title = editing ? t("contractors.editTitle", { name: editing.name }) : t("contractors.register");
  return (
    <section aria-labelledby="contractor-form-title">
      <h2 id="contractor-form-title" className="h3">
        {title}
      </h2>
      <form noValidate onSubmit={submit}>
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id="contractor-form-errors" />
        <FieldSet legend={t("contractors.name")}>
          <div className="row">
            {field("name", "col-12 col-md-6", { required: true })}
            {field("vatNumber", "col-12 col-md-6", { required: true, inputMode: "numeric" })}
            {field("email", "col-12 col-md-6", { type: "email", autoComplete: "off" })}
            {field("phone", "col-12 col-md-6", { type: "tel" })}
          </div>
        </FieldSet>
        <FieldSet legend={t("contractors.standing")}>
          <div className="row">
            {field("prefecture", "col-12 col-md-6", {
              required: true,
              hint: t("contractors.prefectureHint"),
            })}
            {field("registeredOn", "col-12 col-md-3", { required: true, type: "date" })}
            {field("expiresOn", "col-12 col-md-3", { required: true, type: "date" })}
            {field("renewalRequestedOn", "col-12 col-md-6", {
              type: "date",
              hint: t("contractors.renewalHint"),
            })}
            {field("qualifications", "col-12 col-md-6", { hint: t("contractors.qualificationsHint") })}
          </div>
        </FieldSet>
        <div className="d-flex gap-2">
          <SubmitButton
            submitting={isSubmitting}
            label={editing ? t("contractors.update") : t("contractors.save")}
          />
          {editing ? (
            <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
              {t("contractors.cancelEdit")}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
