// SPDX-License-Identifier: EUPL-1.2
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { TenantInformationInput } from "../../domain/portal/portal.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { useSaveTenantInformation } from "./portal-api.ts";
import { usePortalT } from "./portal-i18n.ts";

const FIELDS = ["phone", "email", "officeHours", "address", "houseRules"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const fieldOf = (path: string): Field | null => FIELDS.find((f) => f === path) ?? null;

/** The office's contacts and hours and the house rules, as the organisation's tenants read them. */
export function TenantInformationForm({
  saved,
  onDone,
}: {
  saved: TenantInformationInput;
  onDone: (text: string) => void;
}) {
  const { t } = usePortalT();
  const { t: common } = useTranslation();
  const message = useMessage();
  const save = useSaveTenantInformation();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, TenantInformationInput>({
    resolver: schemaResolver<Values, TenantInformationInput>(TenantInformationInput, (v) => v),
    defaultValues: saved,
  });
  const names: Record<Field, string> = {
    phone: t("manage.information.phone"),
    email: t("manage.information.email"),
    officeHours: t("manage.information.officeHours"),
    address: t("manage.information.address"),
    houseRules: t("manage.information.houseRules"),
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus,
    fieldOf,
    fieldId: (n) => `information-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        reset(await save.mutateAsync(input));
        onDone(t("manage.information.done"));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  return (
    <form noValidate onSubmit={submit} aria-label={t("manage.information.title")}>
      {save.error && !isApiError(save.error) ? <ErrorAlert error={save.error} /> : null}
      {submitCount > 0 ? (
        <ErrorSummary summaryRef={summary.ref} id="information-errors" items={summary.items()} />
      ) : null}
      <div className="row">
        <TextField
          id="information-phone"
          label={names.phone}
          className="col-12 col-md-6"
          type="tel"
          autoComplete="off"
          error={summary.errorOf("phone")}
          registration={register("phone")}
        />
        <TextField
          id="information-email"
          label={names.email}
          className="col-12 col-md-6"
          type="email"
          inputMode="email"
          autoComplete="off"
          error={summary.errorOf("email")}
          registration={register("email")}
        />
        <TextField
          id="information-officeHours"
          label={names.officeHours}
          hint={t("manage.information.officeHoursHint")}
          className="col-12 col-md-6"
          error={summary.errorOf("officeHours")}
          registration={register("officeHours")}
        />
        <TextField
          id="information-address"
          label={names.address}
          className="col-12 col-md-6"
          error={summary.errorOf("address")}
          registration={register("address")}
        />
        <TextAreaField
          id="information-houseRules"
          label={names.houseRules}
          hint={t("manage.information.houseRulesHint")}
          className="col-12"
          rows={8}
          error={summary.errorOf("houseRules")}
          registration={register("houseRules")}
        />
      </div>
      <SubmitButton
        submitting={isSubmitting}
        label={t("manage.information.save")}
        busyLabel={common("form.saving")}
      />
    </form>
  );
}
