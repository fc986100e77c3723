// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useRef, useState } from "react";
import { type UseFormReturn, useController, useFieldArray, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DOCUMENT_CONTENT_TYPES, documentFileName } from "../../domain/households/document.schema.ts";
import { isApiError } from "../api.ts";
import { FieldSet, SelectField, TextField } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { Link } from "../router.tsx";
import { useUploadDocument } from "./household-care-api.ts";
import { useHouseholdCareLabels } from "./household-care-labels.ts";
import { householdHref } from "./household-href.ts";
import { useHouseholdMessage } from "./household-messages.ts";
import {
  type AttachmentOutput,
  emptyAttachment,
  fieldId,
  kindNeedsExpiry,
  type ReferralFormOutput,
  type ReferralFormPath,
  type ReferralFormValues,
} from "./referral-form-values.ts";

// Allegati: documents the social worker sends with the referral. They are checked with the form and
// uploaded one by one once the referral exists, each naming it; a failed upload never undoes the
// referral, it is said on the confirmation with the way to retry.

type ReferralForm = UseFormReturn<ReferralFormValues, unknown, ReferralFormOutput>;

/** What the file picker offers: the document types, by extension and by type. */
const ACCEPT = [".pdf", ".png", ".jpg", ".jpeg", ...DOCUMENT_CONTENT_TYPES].join(",");

/**
 * The file of one attachment. Held as a `File` through a controller, not a registered input: the
 * form library empties a registered file input whenever its field moves in the list (an attachment
 * above it removed), and the person would see their file gone.
 */
function AttachmentFile({
  form,
  index,
  error,
}: {
  form: ReferralForm;
  index: number;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const path = `attachments.${index}.file` as const;
  const titlePath = `attachments.${index}.title` as const;
  const { field } = useController({ control: form.control, name: path });
  const id = fieldId(path);
  const described = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const choose = (file: File | null) => {
    // The title follows the file's name until the person writes another.
    const previous = form.getValues(path);
    const title = form.getValues(titlePath).trim();
    const retitle =
      file !== null && (title === "" || (previous !== null && title === documentFileName(previous.name)));
    if (retitle) form.setValue(titlePath, documentFileName(file.name));
    field.onChange(file);
    // Type and size are said at once, beside the field, not only when the form is sent.
    void form.trigger(retitle ? [path, titlePath] : path);
  };
  return (
    <div className="form-group col-12 col-md-6">
      <label htmlFor={id} className="active">
        {t("documents.fields.file")}
        <span className="text-danger ms-1" aria-hidden="true">
          *
        </span>
      </label>
      <input
        id={id}
        ref={field.ref}
        name={field.name}
        type="file"
        className={`form-control${error ? " is-invalid" : ""}`}
        accept={ACCEPT}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onBlur={field.onBlur}
        onChange={(event) => choose(event.target.files?.[0] ?? null)}
      />
      <small id={`${id}-hint`} className="form-text">
        {t("referrals.form.hints.attachmentFile")}
      </small>
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** The Allegati section of the referral form: add, describe and remove attachments. */
export function AttachmentsFieldset({
  form,
  errorOf,
}: {
  form: ReferralForm;
  errorOf: (path: ReferralFormPath) => string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const attachments = useFieldArray({ control: form.control, name: "attachments" });
  const watched = useWatch({ control: form.control, name: "attachments" }) ?? [];
  const field = (path: ReferralFormPath, label: string) => ({
    id: fieldId(path),
    label,
    error: errorOf(path),
  });

  const add = () => {
    attachments.append(emptyAttachment(), { shouldFocus: false });
    const index = attachments.fields.length;
    requestAnimationFrame(() => form.setFocus(`attachments.${index}.kind`));
  };
  const remove = (index: number) => {
    attachments.remove(index);
    // The focus would be lost with the removed fieldset: take it to the add button.
    requestAnimationFrame(() => document.getElementById("add-attachment")?.focus());
  };

  return (
    <FieldSet legend={t("referrals.form.sections.attachments")}>
      <p className="small" id="attachments-hint">
        {t("referrals.form.hints.attachments")}
      </p>
      {attachments.fields.map((attachment, index) => {
        const base = `attachments.${index}` as const;
        const kind = watched[index]?.kind ?? attachment.kind;
        return (
          <fieldset key={attachment.id} className="member-fieldset">
            <legend>{t("referrals.form.attachmentN", { n: index + 1 })}</legend>
            <div className="row">
              <SelectField
                {...field(`${base}.kind`, t("documents.fields.kind"))}
                className="col-12 col-md-6"
                required
                options={labels.documentKindOptions}
                registration={form.register(`${base}.kind`)}
              />
              <AttachmentFile form={form} index={index} error={errorOf(`${base}.file`)} />
              <TextField
                {...field(`${base}.title`, t("documents.fields.title"))}
                className="col-12 col-md-6"
                required
                autoComplete="off"
                hint={t("referrals.form.hints.attachmentTitle")}
                registration={form.register(`${base}.title`)}
              />
              {kindNeedsExpiry(kind) ? (
                <TextField
                  {...field(`${base}.expiresOn`, t("documents.fields.expiresOn"))}
                  className="col-12 col-md-6"
                  type="date"
                  required
                  hint={t("referrals.form.hints.attachmentExpiry")}
                  registration={form.register(`${base}.expiresOn`)}
                />
              ) : null}
              <div className="col-12 d-flex align-items-start">
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(index)}>
                  <Icon name="delete" size="sm" className="icon-danger me-1" />
                  {t("referrals.form.removeAttachment", { n: index + 1 })}
                </button>
              </div>
            </div>
          </fieldset>
        );
      })}
      <button
        id="add-attachment"
        type="button"
        className="btn btn-outline-primary mb-4"
        aria-describedby="attachments-hint"
        onClick={add}
      >
        <Icon name="plus" size="sm" className="icon-primary me-1" />
        {t("referrals.form.addAttachment")}
      </button>
    </FieldSet>
  );
}

type Upload = { status: "waiting" | "uploading" | "attached" } | { status: "failed"; error: unknown };

/** The multipart form of one attachment, naming its referral. */
function formOf({ fields, file }: AttachmentOutput, referralId: string): FormData {
  const form = new FormData();
  form.set("kind", fields.kind);
  form.set("title", fields.title);
  form.set("number", fields.number);
  form.set("issuedOn", fields.issuedOn ?? "");
  form.set("expiresOn", fields.expiresOn ?? "");
  form.set("referralId", referralId);
  form.set("file", file, file.name);
  return form;
}

/**
 * On the confirmation of a referral: its attachments uploaded in order, each with where it stands;
 * those that failed named with the reason, and the household's Documenti tab to retry.
 */
export function AttachmentUploads({
  householdId,
  referralId,
  attachments,
}: {
  householdId: string;
  referralId: string;
  attachments: readonly AttachmentOutput[];
}) {
  const { t } = useTranslation();
  const labels = useHouseholdCareLabels();
  const message = useHouseholdMessage();
  const upload = useUploadDocument(householdId);
  const send = upload.mutateAsync;
  const [uploads, setUploads] = useState<Upload[]>(() => attachments.map(() => ({ status: "waiting" })));
  // Once per confirmation: React may run an effect twice in development, an upload must not.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const mark = (index: number, next: Upload) =>
      setUploads((current) => current.map((u, i) => (i === index ? next : u)));
    void (async () => {
      for (const [index, attachment] of attachments.entries()) {
        mark(index, { status: "uploading" });
        try {
          await send(formOf(attachment, referralId));
          mark(index, { status: "attached" });
        } catch (error) {
          mark(index, { status: "failed", error });
        }
      }
    })();
  }, [attachments, referralId, send]);

  /** Why an upload failed, in words: the fields the server named, or what went wrong. */
  const reasonOf = (error: unknown): string => {
    if (isApiError(error) && error.errors.length > 0)
      return error.errors
        .map((issue) => {
          const label = t(`documents.fields.${issue.path}`, { defaultValue: "" });
          return label === "" ? message(issue.message) : `${label}: ${message(issue.message)}`;
        })
        .join("; ");
    if (isApiError(error, 0)) return t("errors.network");
    if (isApiError(error, 403)) return t("errors.forbidden");
    if (isApiError(error) && error.detail !== "") return message(error.detail);
    return t("errors.generic");
  };

  const done = uploads.filter((u) => u.status === "attached" || u.status === "failed").length;
  const failed = attachments.flatMap((a, index) => {
    const u = uploads[index];
    return u?.status === "failed" ? [{ title: a.fields.title, reason: reasonOf(u.error) }] : [];
  });
  const attached = uploads.filter((u) => u.status === "attached").length;
  return (
    <div className="mb-3">
      <h3 id="attachments-outcome-title" className="h6">
        {t("referrals.form.attachments.title")}
      </h3>
      <ul aria-labelledby="attachments-outcome-title">
        {attachments.map((a, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed: two files may share a title.
          <li key={index}>
            {t("referrals.form.attachments.item", {
              title: a.fields.title,
              kind: labels.documentKind(a.fields.kind),
              status: t(`referrals.form.attachments.status.${uploads[index]?.status ?? "waiting"}`),
            })}
          </li>
        ))}
      </ul>
      <p role="status" className="mb-2">
        {done < attachments.length
          ? t("referrals.form.attachments.progress", { done, total: attachments.length })
          : failed.length === 0
            ? t("referrals.form.attachments.allAttached", { count: attached })
            : ""}
      </p>
      {done === attachments.length && failed.length > 0 ? (
        <div className="alert alert-danger" role="alert">
          <h4 className="h6">{t("referrals.form.attachments.failed", { count: failed.length })}</h4>
          <ul>
            {failed.map((f, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed: two files may share a title.
              <li key={index}>{t("referrals.form.attachments.failedItem", f)}</li>
            ))}
          </ul>
          <p className="mb-0">
            {t("referrals.form.attachments.retry")}{" "}
            <Link to={householdHref(householdId, "documenti")}>
              {t("referrals.form.attachments.retryLink")}
            </Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
