// SPDX-License-Identifier: EUPL-1.2
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { NoticeInput } from "../../domain/portal/portal.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { usePublishNotice } from "./portal-api.ts";
import { usePortalT } from "./portal-i18n.ts";

const AUDIENCES = ["all", "building", "unit"] as const;
type Audience = (typeof AUDIENCES)[number];
const FIELDS = ["title", "body", "publishedOn", "audience", "target"] as const;
type Field = (typeof FIELDS)[number];
type Values = { title: string; body: string; publishedOn: string; audience: Audience; target: string };

/** The API names the building or the unit by its own field; the form has one field for either. */
const fieldOf = (path: string): Field | null =>
  path === "buildingCode" || path === "unitCode" || path === "unitId"
    ? "target"
    : (FIELDS.find((f) => f === path) ?? null);

const defaults = (): Values => ({
  title: "",
  body: "",
  publishedOn: localToday(),
  audience: "all",
  target: "",
});

/** Nuovo avviso: a notice to all the organisation's tenants, to one building's or to one unit's. */
export function NoticeForm({ onDone }: { onDone: (text: string) => void }) {
  const { t } = usePortalT();
  const { t: common } = useTranslation();
  const message = useMessage();
  const format = useFormat();
  const publish = usePublishNotice();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, NoticeInput>({
    resolver: schemaResolver<Values, NoticeInput>(
      NoticeInput,
      (v) => ({
        title: v.title,
        body: v.body,
        publishedOn: v.publishedOn,
        buildingCode: v.audience === "building" ? v.target : null,
        unitCode: v.audience === "unit" ? v.target : null,
      }),
      (path) => fieldOf(path) ?? "root",
    ),
    defaultValues: defaults(),
  });
  const audience = watch("audience");
  const names: Record<Field, string> = {
    title: t("manage.notice.title"),
    body: t("manage.notice.body"),
    publishedOn: t("manage.notice.publishedOn"),
    audience: t("manage.notice.audience"),
    target: audience === "unit" ? t("manage.notice.unitCode") : t("manage.notice.buildingCode"),
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus,
    fieldOf,
    fieldId: (n) => `notice-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const notice = await publish.mutateAsync(input);
        reset(defaults());
        onDone(t("manage.notice.done", { title: notice.title, date: format.date(notice.publishedOn) }));
      } catch (e) {
        summary.refused(e, setError, { focusLater: true });
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="notice-title">
      <h2 id="notice-title" className="h4">
        {t("manage.notice.heading")}
      </h2>
      <p>
        {t("manage.notice.intro")} {common("form.requiredNote")}
      </p>
      {publish.error && !isApiError(publish.error) ? <ErrorAlert error={publish.error} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary summaryRef={summary.ref} id="notice-errors" items={summary.items()} />
      ) : null}
      <div className="row">
        <TextField
          id="notice-title-field"
          label={names.title}
          className="col-12 col-md-8"
          required
          error={summary.errorOf("title")}
          registration={register("title")}
        />
        <TextField
          id="notice-publishedOn"
          label={names.publishedOn}
          hint={t("manage.notice.publishedOnHint")}
          className="col-12 col-md-4"
          type="date"
          required
          error={summary.errorOf("publishedOn")}
          registration={register("publishedOn")}
        />
        <TextAreaField
          id="notice-body"
          label={names.body}
          className="col-12"
          rows={5}
          required
          error={summary.errorOf("body")}
          registration={register("body")}
        />
        <SelectField
          id="notice-audience"
          label={names.audience}
          className="col-12 col-md-6"
          required
          options={AUDIENCES.map((a) => ({ value: a, label: t(`manage.audience.${a}`) }))}
          error={summary.errorOf("audience")}
          registration={register("audience")}
        />
        {audience === "all" ? null : (
          <TextField
            id="notice-target"
            label={names.target}
            className="col-12 col-md-6"
            required
            error={summary.errorOf("target")}
            registration={register("target")}
          />
        )}
      </div>
      <SubmitButton
        submitting={isSubmitting}
        label={t("manage.notice.submit")}
        busyLabel={common("form.saving")}
      />
    </form>
  );
}
