// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import { useState } from "react";
import { type FieldErrors, type Resolver, type ResolverResult, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_MAX_BYTES,
  DocumentFields,
  type DocumentKind,
  type DocumentRecord,
  type DocumentValidity,
  documentProblems,
} from "../../domain/households/document.schema.ts";
import type { HouseholdDetail } from "../../domain/households/household-api.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { SelectField, TextField } from "../components/form-field.tsx";
import { Loading } from "../components/loading.tsx";
import { showServerErrors } from "../components/server-errors.ts";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { documentFileHref, useDocuments, useUploadDocument } from "./household-care-api.ts";
import { useHouseholdCareLabels } from "./household-care-labels.ts";
import { localToday } from "./referral-form-values.ts";

const FIELDS = ["kind", "title", "number", "issuedOn", "expiresOn", "file"] as const;
type FieldName = (typeof FIELDS)[number];
const isField = (path: string): path is FieldName => FIELDS.some((f) => f === path);

type Values = {
  kind: DocumentKind | "";
  title: string;
  number: string;
  issuedOn: string;
  expiresOn: string;
  file: FileList | null;
};
type Output = { fields: DocumentFields; file: File | null };

const EMPTY: Values = { kind: "", title: "", number: "", issuedOn: "", expiresOn: "", file: null };
const orNull = (v: string) => (v === "" ? null : v);

// Messages of the file's checks in the browser, as the `messages` namespace knows them.
const FILE_TOO_LARGE = "A file may be at most 10 MiB";
const FILE_WRONG_TYPE = "The file must be a PDF, PNG or JPEG";

/** The shared schema and the document rules, plus the file's size and type, before sending. */
const documentResolver: Resolver<Values, unknown, Output> = async (
  values,
  _context,
  options,
): Promise<ResolverResult<Values, Output>> => {
  const flat: FieldErrors = {};
  const parsed = DocumentFields.safeParse({
    kind: values.kind === "" ? undefined : values.kind,
    title: values.title,
    number: values.number,
    issuedOn: orNull(values.issuedOn),
    expiresOn: orNull(values.expiresOn),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      flat[path] ??= { type: issue.code, message: issue.message };
    }
  } else {
    for (const issue of documentProblems(parsed.data, localToday())) {
      flat[issue.path] ??= { type: "rule", message: issue.message };
    }
  }
  const file = values.file?.[0] ?? null;
  if (file !== null && file.size > DOCUMENT_MAX_BYTES) flat.file = { type: "size", message: FILE_TOO_LARGE };
  else if (file !== null && !DOCUMENT_CONTENT_TYPES.some((type) => type === file.type))
    flat.file = { type: "type", message: FILE_WRONG_TYPE };
  if (Object.keys(flat).length > 0 || !parsed.success)
    return { values: {}, errors: toNestErrors(flat, options) };
  return { values: { fields: parsed.data, file }, errors: {} };
};

export function ValidityBadge({ validity }: { validity: DocumentValidity }) {
  const labels = useHouseholdCareLabels();
  return <span className={`badge validity-badge validity-${validity}`}>{labels.validity(validity)}</span>;
}

function UploadForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const message = useMessage();
  const upload = useUploadDocument(householdId);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({ resolver: documentResolver, defaultValues: EMPTY });

  const errorOf = (name: FieldName) => {
    const text = errors[name]?.message;
    if (typeof text !== "string") return undefined;
    if (name === "kind" && getValues("kind") === "") return t("referrals.form.choose");
    return message(text);
  };
  const field = (name: FieldName, label: string) => ({ id: `document-${name}`, label, error: errorOf(name) });

  const submit = handleSubmit(
    async ({ fields, file }) => {
      setDone(null);
      const form = new FormData();
      form.set("kind", fields.kind);
      form.set("title", fields.title);
      form.set("number", fields.number);
      form.set("issuedOn", fields.issuedOn ?? "");
      form.set("expiresOn", fields.expiresOn ?? "");
      if (file !== null) form.set("file", file, file.name);
      try {
        await upload.mutateAsync(form);
        reset(EMPTY);
        setDone(fields.title);
      } catch (e) {
        showServerErrors(e, isField, setError, setFocus);
      }
    },
    (invalid) => {
      const first = FIELDS.find((f) => invalid[f]);
      if (first) setFocus(first);
    },
  );
  const failure = upload.error;
  const loose = isApiError(failure) && !failure.errors.some((i) => isField(i.path)) ? failure : null;
  const fileError = errorOf("file");
  const fileDescribed = ["document-file-hint", fileError ? "document-file-error" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="document-form-title">
      <div className="card-body">
        <h3 id="document-form-title" className="h5">
          {t("documents.add")}
        </h3>
        <form noValidate onSubmit={submit} encType="multipart/form-data">
          <div aria-live="polite">
            {done ? (
              <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
                {t("documents.saved", { title: done })}
              </div>
            ) : null}
          </div>
          {loose ? <ErrorAlert error={loose} /> : null}
          {failure && !isApiError(failure) ? <ErrorAlert error={failure} /> : null}
          <div className="row">
            <SelectField
              {...field("kind", t("documents.fields.kind"))}
              className="col-12 col-md-6"
              required
              empty={t("referrals.form.chooseOption")}
              options={labels.documentKindOptions}
              registration={register("kind")}
            />
            <TextField
              {...field("title", t("documents.fields.title"))}
              className="col-12 col-md-6"
              required
              registration={register("title")}
            />
            <TextField
              {...field("number", t("documents.fields.number"))}
              className="col-12 col-md-4"
              registration={register("number")}
            />
            <TextField
              {...field("issuedOn", t("documents.fields.issuedOn"))}
              className="col-12 col-md-4"
              type="date"
              registration={register("issuedOn")}
            />
            <TextField
              {...field("expiresOn", t("documents.fields.expiresOn"))}
              className="col-12 col-md-4"
              type="date"
              hint={t("documents.expiresHint")}
              registration={register("expiresOn")}
            />
            <div className="form-group col-12">
              <label htmlFor="document-file" className="active">
                {t("documents.fields.file")}
              </label>
              <input
                id="document-file"
                type="file"
                className={`form-control${fileError ? " is-invalid" : ""}`}
                accept={DOCUMENT_CONTENT_TYPES.join(",")}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileDescribed}
                {...register("file")}
              />
              <small id="document-file-hint" className="form-text">
                {t("documents.fileHint")}
              </small>
              {fileError ? (
                <div id="document-file-error" className="field-error">
                  {fileError}
                </div>
              ) : null}
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
            {isSubmitting ? t("form.saving") : t("documents.submit")}
          </button>
        </form>
      </div>
    </section>
  );
}

function FileCell({ householdId, document: d }: { householdId: string; document: DocumentRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (d.file === null) return <>{t("documents.noFile")}</>;
  if (d.restricted) return <span className="restricted-value">{t("documents.fileRestricted")}</span>;
  const type = d.file.contentType.split("/")[1]?.toUpperCase() ?? "";
  const size = format.number(Math.max(1, Math.round(d.file.sizeBytes / 1024)), 0);
  return (
    <a href={documentFileHref(householdId, d.id)} download={d.file.name}>
      {t("documents.download", { title: d.title })}{" "}
      <span className="small">({t("documents.fileSize", { type, size })})</span>
    </a>
  );
}

/** Documenti: the household's documents with their validity, the files, and an upload form. */
export function DocumentsTab({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const format = useFormat();
  const canWrite = useCan("households:write");
  const documents = useDocuments(household.id);
  const items = documents.data?.items;
  const expired = items?.filter((d) => d.validity === "expired").length ?? 0;
  const expiring = items?.filter((d) => d.validity === "expiring").length ?? 0;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title" className="h4">
        {t("documents.title")}
      </h2>
      {documents.error ? <ErrorAlert error={documents.error} onRetry={() => documents.refetch()} /> : null}
      {documents.isPending ? <Loading /> : null}
      {items && items.length === 0 ? <p>{t("documents.empty")}</p> : null}
      {items && items.length > 0 ? (
        <>
          {expired + expiring > 0 ? (
            <p>
              {[
                expired > 0 ? t("documents.expiredCount", { count: expired }) : "",
                expiring > 0 ? t("documents.expiringCount", { count: expiring }) : "",
              ]
                .filter(Boolean)
                .join(" ")}
            </p>
          ) : null}
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{t("documents.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("documents.fields.title")}</th>
                  <th scope="col">{t("documents.fields.kind")}</th>
                  <th scope="col">{t("documents.fields.number")}</th>
                  <th scope="col">{t("documents.fields.issuedOn")}</th>
                  <th scope="col">{t("documents.fields.expiresOn")}</th>
                  <th scope="col">{t("documents.fields.file")}</th>
                  <th scope="col">{t("documents.uploadedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id} className={d.validity === "expired" ? "is-overdue" : undefined}>
                    <th scope="row">
                      {d.title}
                      {d.referralId !== null && (
                        <span className="d-block small fw-normal">{t("documents.referralAttachment")}</span>
                      )}
                    </th>
                    <td>{labels.documentKind(d.kind)}</td>
                    <td>{d.number || "—"}</td>
                    <td className="text-nowrap">{d.issuedOn ? format.date(d.issuedOn) : "—"}</td>
                    <td className="text-nowrap">
                      {d.expiresOn ? format.date(d.expiresOn) : "—"}
                      <div className="mt-1">
                        <ValidityBadge validity={d.validity} />
                      </div>
                    </td>
                    <td>
                      <FileCell householdId={household.id} document={d} />
                    </td>
                    <td>
                      {d.uploadedBy ?? "—"}
                      <div className="small">{format.dateTime(d.uploadedAt)}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {canWrite ? <UploadForm householdId={household.id} /> : null}
    </section>
  );
}
