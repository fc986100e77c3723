// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { useState } from "react";
import { type FieldErrors, type Resolver, type ResolverResult, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from "../../domain/households/document.schema.ts";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { CheckboxField, SelectField, SubmitButton, TextField } from "../components/form-field.tsx";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { tenancyDocumentHref, useUploadTenancyDocument } from "./tenancies-api.ts";
import { DOCUMENT_KINDS, useTenanciesT, useTenancyLabels, useTenancyMessage } from "./tenancies-i18n.ts";

type Values = { kind: string; title: string; sharedWithTenant: boolean; file: FileList | null };
type Output = { kind: string; title: string; sharedWithTenant: boolean; file: File };
const FIELDS = ["kind", "title", "sharedWithTenant", "file"] as const;
type Field = (typeof FIELDS)[number];
const fieldOf = (path: string): Field | null => FIELDS.find((f) => f === path) ?? null;
const EMPTY: Values = { kind: "", title: "", sharedWithTenant: true, file: null };

// The API's messages for the same checks, so the `messages` translations apply to both.
const KIND_REQUIRED = `kind must be one of ${DOCUMENT_KINDS.join(", ")}`;
const TITLE_REQUIRED = "title is required";
const FILE_REQUIRED = "Attach one file in the field `file`";
const FILE_TOO_LARGE = "A file may be at most 10 MiB";
const FILE_WRONG_TYPE = "The file must be a PDF, PNG or JPEG";

/** The checks of the API's upload (kind, title, one file of an accepted type and size), before sending. */
const resolver: Resolver<Values, unknown, Output> = async (
  values,
  _context,
  options,
): Promise<ResolverResult<Values, Output>> => {
  const flat: FieldErrors = {};
  if (!DOCUMENT_KINDS.some((k) => k === values.kind)) flat.kind = { type: "rule", message: KIND_REQUIRED };
  const title = values.title.trim();
  if (title.length < 2 || title.length > 200) flat.title = { type: "rule", message: TITLE_REQUIRED };
  const file = values.file?.[0] ?? null;
  if (file === null) flat.file = { type: "rule", message: FILE_REQUIRED };
  else if (file.size > DOCUMENT_MAX_BYTES) flat.file = { type: "rule", message: FILE_TOO_LARGE };
  else if (!DOCUMENT_CONTENT_TYPES.some((type) => type === file.type))
    flat.file = { type: "rule", message: FILE_WRONG_TYPE };
  if (Object.keys(flat).length > 0 || file === null)
    return { values: {}, errors: toNestErrors(flat, options) };
  return {
    values: { kind: values.kind, title, sharedWithTenant: values.sharedWithTenant, file },
    errors: {},
  };
};

function UploadForm({ routeId, onDone }: { routeId: string; onDone: (text: string) => void }) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const labels = useTenancyLabels();
  const message = useTenancyMessage();
  const upload = useUploadTenancyDocument(routeId);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, Output>({ resolver, defaultValues: EMPTY });
  const names: Record<Field, string> = {
    kind: t("documents.kind"),
    title: t("documents.titleField"),
    sharedWithTenant: t("documents.shared"),
    file: t("documents.file"),
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus,
    fieldOf,
    fieldId: (n) => `tenancy-document-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      const form = new FormData();
      form.set("kind", input.kind);
      form.set("title", input.title);
      form.set("sharedWithTenant", String(input.sharedWithTenant));
      form.set("file", input.file, input.file.name);
      try {
        await upload.mutateAsync(form);
        reset(EMPTY);
        onDone(t("documents.saved", { title: input.title }));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  const fileError = summary.errorOf("file");
  return (
    <form
      noValidate
      onSubmit={submit}
      encType="multipart/form-data"
      aria-labelledby="tenancy-document-form-title"
      className="card shadow-sm mt-4"
    >
      <div className="card-body">
        <h3 id="tenancy-document-form-title" className="h5">
          {t("documents.add")}
        </h3>
        <p className="small">{common("form.requiredNote")}</p>
        {upload.error && !isApiError(upload.error) ? <ErrorAlert error={upload.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="tenancy-document-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <SelectField
            id="tenancy-document-kind"
            label={names.kind}
            className="col-12 col-md-6"
            required
            empty={t("documents.chooseKind")}
            options={labels.documentKindOptions}
            error={summary.errorOf("kind")}
            registration={register("kind")}
          />
          <TextField
            id="tenancy-document-title"
            label={names.title}
            className="col-12 col-md-6"
            required
            error={summary.errorOf("title")}
            registration={register("title")}
          />
          <div className="form-group col-12">
            <label htmlFor="tenancy-document-file" className="active">
              {names.file}
              <span className="text-danger ms-1" aria-hidden="true">
                *
              </span>
            </label>
            <input
              id="tenancy-document-file"
              type="file"
              className={`form-control${fileError ? " is-invalid" : ""}`}
              accept={DOCUMENT_CONTENT_TYPES.join(",")}
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`tenancy-document-file-hint${fileError ? " tenancy-document-file-error" : ""}`}
              {...register("file")}
            />
            <small id="tenancy-document-file-hint" className="form-text">
              {t("documents.fileHint")}
            </small>
            {fileError ? (
              <div id="tenancy-document-file-error" className="field-error">
                {fileError}
              </div>
            ) : null}
          </div>
          <CheckboxField
            id="tenancy-document-sharedWithTenant"
            label={names.sharedWithTenant}
            className="col-12 mb-3"
            hint={t("documents.sharedHint")}
            error={summary.errorOf("sharedWithTenant")}
            registration={register("sharedWithTenant")}
          />
        </div>
        <SubmitButton submitting={isSubmitting} label={t("documents.submit")} />
      </div>
    </form>
  );
}

/** Documenti: the tenancy's documents (the recertification letters among them) and an upload form. */
export function TenancyDocumentsTab({ tenancy: x, routeId }: { tenancy: Tenancy; routeId: string }) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const labels = useTenancyLabels();
  const format = useFormat();
  const canWrite = useCan("tenancies:write");
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="tenancy-documents-title">
      <h2 id="tenancy-documents-title" className="h4">
        {t("documents.title")}
      </h2>
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {notice}
          </div>
        ) : null}
      </div>
      {x.documents.length === 0 ? (
        <p>{t("documents.empty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table" data-testid="tenancy-documents">
            <caption className="visually-hidden">{t("documents.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("documents.titleField")}</th>
                <th scope="col">{t("documents.kind")}</th>
                <th scope="col">{t("documents.file")}</th>
                <th scope="col">{t("documents.shared")}</th>
                <th scope="col">{t("documents.uploadedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {x.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.title}</th>
                  <td>{labels.documentKind(d.kind)}</td>
                  <td>
                    <a href={tenancyDocumentHref(x.id, d.id)} download={d.fileName}>
                      {t("documents.download", { title: d.title })}
                    </a>{" "}
                    <span className="small">
                      (
                      {t("documents.fileSize", {
                        type: d.contentType.split("/")[1]?.toUpperCase() ?? "",
                        size: format.number(Math.max(1, Math.round(d.sizeBytes / 1024)), 0),
                      })}
                      )
                    </span>
                  </td>
                  <td>{d.sharedWithTenant ? common("common.yes") : common("common.no")}</td>
                  <td className="text-nowrap">{format.dateTime(d.uploadedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite ? <UploadForm routeId={routeId} onDone={setNotice} /> : null}
    </section>
  );
}
