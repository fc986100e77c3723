// SPDX-License-Identifier: EUPL-1.2
import { useMemo, useState } from "react";
import { type FieldErrors, type FieldPath, type Resolver, useFieldArray, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { CONTRACTS_FOR_CATEGORY, checkRent, coPaymentCents } from "../../domain/tenancies/rent.ts";
import { type ContractType, TenancyTerms } from "../../domain/tenancies/tenancy.schema.ts";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import { maxMonthlyRentCents } from "../../domain/units/rent-cap.ts";
import { UNIT_CATEGORIES, type UnitCategory } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { flattenErrors } from "../components/form-errors.ts";
import { FieldSet, SelectField, SubmitButton, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { centsOf, euroInput, numberOf } from "./money.ts";
import { useSaveTerms } from "./tenancies-api.ts";
import { useTenanciesT, useTenancyLabels, useTenancyMessage } from "./tenancies-i18n.ts";

type SignatoryValues = { name: string; role: string; fiscalCode: string; signedOn: string };
export type TermsValues = {
  contractType: string;
  startOn: string;
  endOn: string;
  renewalMonths: string;
  noticeMonths: string;
  depositEuro: string;
  rentEuro: string;
  serviceChargeEuro: string;
  coPaymentIncomeEuro: string;
  coPaymentShare: string;
  signatories: SignatoryValues[];
};

const TOP_FIELDS = [
  "contractType",
  "startOn",
  "endOn",
  "renewalMonths",
  "noticeMonths",
  "depositEuro",
  "rentEuro",
  "serviceChargeEuro",
  "coPaymentIncomeEuro",
  "coPaymentShare",
] as const;
type TopField = (typeof TOP_FIELDS)[number];
const SIGNATORY_FIELDS = ["name", "role", "fiscalCode", "signedOn"] as const;
type SignatoryField = (typeof SIGNATORY_FIELDS)[number];
/** A field of the form: one of its own, a signatory's (`signatories.0.name`), or the list as a whole. */
type TermsField = TopField | `signatories.${number}.${SignatoryField}` | "signatoryList";

/** The API's (and the schema's) paths are in cents and nested: each on the field that shows it. */
const API_PATHS: Record<string, TermsField> = {
  depositCents: "depositEuro",
  rentCents: "rentEuro",
  serviceChargeCents: "serviceChargeEuro",
  coPayment: "coPaymentIncomeEuro",
  "coPayment.annualIncomeCents": "coPaymentIncomeEuro",
  "coPayment.sharePercent": "coPaymentShare",
  signatories: "signatoryList",
};

export function termsFieldOf(path: string): TermsField | null {
  const mapped = API_PATHS[path];
  if (mapped) return mapped;
  if (TOP_FIELDS.some((f) => f === path)) return path as TopField;
  const signatory = /^signatories\.(\d+)\.(\w+)$/.exec(path);
  if (signatory && SIGNATORY_FIELDS.some((f) => f === signatory[2]))
    return `signatories.${Number(signatory[1])}.${signatory[2] as SignatoryField}`;
  return null;
}

const termsFieldId = (name: TermsField) =>
  name === "signatoryList" ? "terms-add-signatory" : `terms-${name.replaceAll(".", "-")}`;

const isCoPayment = (type: string) => type === "ospitalita" || type === "housing_first";
const orNull = (text: string) => (text.trim() === "" ? null : text.trim());
const orUndefined = (text: string) => (text.trim() === "" ? undefined : text.trim());

/** What the form holds as the input of the shared TenancyTerms schema. */
function termsInputOf(values: TermsValues, version: number) {
  const type = values.contractType;
  return {
    version,
    contractType: type === "" ? undefined : type,
    startOn: values.startOn,
    endOn: orNull(values.endOn),
    renewalMonths: numberOf(values.renewalMonths),
    noticeMonths: numberOf(values.noticeMonths),
    depositCents: centsOf(values.depositEuro),
    rentCents: centsOf(values.rentEuro),
    serviceChargeCents: centsOf(values.serviceChargeEuro),
    coPayment: isCoPayment(type)
      ? {
          annualIncomeCents: centsOf(values.coPaymentIncomeEuro),
          sharePercent: numberOf(values.coPaymentShare),
        }
      : null,
    signatories: values.signatories.map((s) => ({
      name: s.name,
      role: s.role === "" ? undefined : s.role,
      fiscalCode: orUndefined(s.fiscalCode),
      signedOn: orUndefined(s.signedOn),
    })),
  };
}

const emptySignatory = (): SignatoryValues => ({ name: "", role: "holder", fiscalCode: "", signedOn: "" });

function termsValuesOf(x: Tenancy, language: string): TermsValues {
  const basis = x.rentBasis as { rule?: string; annualIncomeCents?: number; sharePercent?: number } | null;
  const coPayment = basis?.rule === "co_payment" ? basis : null;
  const filled = x.contractType !== null;
  const allowed = CONTRACTS_FOR_CATEGORY[x.unit.category as UnitCategory] ?? [];
  return {
    contractType: x.contractType ?? allowed[0] ?? "",
    startOn: x.startOn ?? "",
    endOn: x.endOn ?? "",
    renewalMonths: String(x.renewalMonths),
    noticeMonths: String(x.noticeMonths),
    depositEuro: filled ? euroInput(x.depositCents, language) : "",
    rentEuro: filled ? euroInput(x.rentCents, language) : "",
    serviceChargeEuro: filled ? euroInput(x.serviceChargeCents, language) : "",
    coPaymentIncomeEuro:
      coPayment?.annualIncomeCents === undefined ? "" : euroInput(coPayment.annualIncomeCents, language),
    coPaymentShare: coPayment?.sharePercent === undefined ? "" : String(coPayment.sharePercent),
    signatories:
      x.signatories.length === 0
        ? [emptySignatory()]
        : x.signatories.map((s) => ({
            name: s.name,
            role: s.role,
            fiscalCode: s.fiscalCode ?? "",
            signedOn: s.signedOn ?? "",
          })),
  };
}

/** The shared schema, then the rent rules of the unit (the same the API applies), before sending. */
function termsResolver(
  version: number,
  unit: { category: UnitCategory; surfaceM2: number },
): Resolver<TermsValues, unknown, TenancyTerms> {
  const keyOf = (path: string) => termsFieldOf(path) ?? "root";
  const schema = schemaResolver<TermsValues, TenancyTerms>(
    TenancyTerms,
    (v) => termsInputOf(v, version),
    keyOf,
  );
  return async (values, context, options) => {
    const result = await schema(values, context, options);
    if (Object.keys(result.errors).length > 0) return result;
    const terms = result.values as TenancyTerms;
    const rent = checkRent(unit, terms);
    if (rent.ok) return result;
    const field = keyOf(rent.path);
    return {
      values: {},
      errors: { [field]: { type: "rule", message: rent.message } } as FieldErrors<TermsValues>,
    };
  };
}

/** Hints beside the rent: the unit's cap, or how the co-payment is computed, or none for a free loan. */
function useRentHint(unit: { category: UnitCategory; surfaceM2: number }, values: TermsValues) {
  const { t } = useTenanciesT();
  const format = useFormat();
  const type = values.contractType;
  if (type === "calmierato" || type === "calmierato_ridotto") {
    const cap = maxMonthlyRentCents(type, unit.surfaceM2) ?? 0;
    return t("terms.capHint", {
      cap: format.euro(cap, { cents: true }),
      surface: format.number(unit.surfaceM2),
      rate: type === "calmierato" ? 75 : 55,
    });
  }
  if (type === "comodato") return t("terms.freeLoanHint");
  if (!isCoPayment(type)) return undefined;
  const ceiling = maxMonthlyRentCents("calmierato_ridotto", unit.surfaceM2) ?? 0;
  const income = centsOf(values.coPaymentIncomeEuro);
  const share = numberOf(values.coPaymentShare);
  if (typeof income !== "number" || typeof share !== "number" || share < 0 || share > 30)
    return t("terms.coPaymentHintEmpty", { ceiling: format.euro(ceiling, { cents: true }) });
  return t("terms.coPaymentHint", {
    max: format.euro(Math.min(coPaymentCents({ annualIncomeCents: income, sharePercent: share }), ceiling), {
      cents: true,
    }),
    share: format.number(share),
    ceiling: format.euro(ceiling, { cents: true }),
  });
}

/**
 * Condizioni del contratto: the form of a draft's terms on the shared TenancyTerms schema, with the
 * rent's cap (or the co-payment it may not exceed) beside the rent and the signatories editable.
 */
export function TermsForm({
  tenancy: x,
  routeId,
  onSaved,
  onConflict,
}: {
  tenancy: Tenancy;
  routeId: string;
  onSaved: () => void;
  onConflict: () => void;
}) {
  const { t } = useTenanciesT();
  const { t: common, i18n } = useTranslation();
  const labels = useTenancyLabels();
  const message = useTenancyMessage();
  const save = useSaveTerms(routeId);
  const category = UNIT_CATEGORIES.find((c) => c === x.unit.category) ?? "calmierato";
  const surfaceM2 = x.unitSurfaceM2;
  const unit = { category, surfaceM2 };
  const resolver = useMemo(
    () => termsResolver(x.version, { category, surfaceM2 }),
    [x.version, category, surfaceM2],
  );
  const [defaults] = useState(() => termsValuesOf(x, i18n.language));
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TermsValues, unknown, TenancyTerms>({ resolver, defaultValues: defaults });
  const signatories = useFieldArray({ control, name: "signatories" });
  const values = watch();
  const rentHint = useRentHint(unit, values);

  const signatoryLabel: Record<SignatoryField, string> = {
    name: t("terms.signatory.name"),
    role: t("terms.signatory.role"),
    fiscalCode: t("terms.signatory.fiscalCode"),
    signedOn: t("terms.signatory.signedOn"),
  };
  const topLabel: Record<TopField, string> = {
    contractType: t("fields.contractType"),
    startOn: t("fields.startOn"),
    endOn: t("fields.endOn"),
    renewalMonths: t("fields.renewalMonths"),
    noticeMonths: t("fields.noticeMonths"),
    depositEuro: t("terms.depositEuro"),
    rentEuro: t("terms.rentEuro"),
    serviceChargeEuro: t("terms.serviceChargeEuro"),
    coPaymentIncomeEuro: t("terms.coPaymentIncome"),
    coPaymentShare: t("terms.coPaymentShare"),
  };
  const labelOf = (name: TermsField) => {
    if (name === "signatoryList") return t("terms.signatories");
    const signatory = /^signatories\.(\d+)\.(\w+)$/.exec(name);
    if (signatory)
      return t("terms.signatory.labelOf", {
        n: Number(signatory[1]) + 1,
        field: signatoryLabel[signatory[2] as SignatoryField],
      });
    return topLabel[name as TopField];
  };
  const summary = useErrorSummary<TermsField>({
    errors,
    setFocus: (name) =>
      name === "signatoryList" ? document.getElementById(termsFieldId(name))?.focus() : setFocus(name),
    fieldOf: termsFieldOf,
    fieldId: termsFieldId,
    labelOf,
    message,
  });

  const submit = handleSubmit(
    async (terms) => {
      summary.clear();
      try {
        await save.mutateAsync(terms);
        onSaved();
      } catch (e) {
        if (isApiError(e, 409) && e.errors.some((i) => i.path === "version" || i.path === "status")) {
          onConflict();
          return;
        }
        summary.refused(e, (name, error) => setError(name as FieldPath<TermsValues>, error));
      }
    },
    (invalid) => {
      summary.clear();
      const first = flattenErrors(invalid)[0];
      summary.focus(first ? termsFieldOf(first.path) : null);
    },
  );

  const field = (name: TopField) => ({
    id: termsFieldId(name),
    label: topLabel[name],
    error: summary.errorOf(name),
  });
  const allowed: readonly ContractType[] = CONTRACTS_FOR_CATEGORY[category];
  const coPayment = isCoPayment(values.contractType);
  const listError = summary.errorOf("signatoryList");
  return (
    <form noValidate onSubmit={submit} aria-labelledby="terms-form-title" className="card shadow-sm mt-4">
      <div className="card-body">
        <h3 id="terms-form-title" className="h5">
          {t("terms.formTitle")}
        </h3>
        <p className="small">
          {t("terms.intro")} {common("form.requiredNote")}
        </p>
        {save.error && !isApiError(save.error) ? <ErrorAlert error={save.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="terms-errors" items={summary.items()} />
        ) : null}
        <FieldSet legend={t("terms.sections.contract")}>
          <div className="row">
            <SelectField
              {...field("contractType")}
              className="col-12 col-md-6"
              required
              hint={t("terms.contractTypeHint", { category: common(`enums.categoryShort.${category}`) })}
              options={labels.contractTypeOptions(allowed)}
              registration={register("contractType")}
            />
            <TextField
              {...field("startOn")}
              className="col-12 col-md-3"
              type="date"
              required
              registration={register("startOn")}
            />
            <TextField
              {...field("endOn")}
              className="col-12 col-md-3"
              type="date"
              hint={coPayment ? t("terms.endOnOpenHint") : t("terms.endOnHint")}
              required={!coPayment}
              registration={register("endOn")}
            />
            <TextField
              {...field("renewalMonths")}
              className="col-6 col-md-3"
              inputMode="numeric"
              hint={t("terms.monthsHint")}
              registration={register("renewalMonths")}
            />
            <TextField
              {...field("noticeMonths")}
              className="col-6 col-md-3"
              inputMode="numeric"
              hint={t("terms.monthsHint")}
              registration={register("noticeMonths")}
            />
          </div>
        </FieldSet>
        <FieldSet legend={t("terms.sections.money")}>
          <div className="row">
            {coPayment ? (
              <>
                <TextField
                  {...field("coPaymentIncomeEuro")}
                  className="col-12 col-md-6"
                  inputMode="decimal"
                  required
                  hint={t("terms.coPaymentIncomeHint")}
                  registration={register("coPaymentIncomeEuro")}
                />
                <TextField
                  {...field("coPaymentShare")}
                  className="col-12 col-md-6"
                  inputMode="decimal"
                  required
                  hint={t("terms.coPaymentShareHint")}
                  registration={register("coPaymentShare")}
                />
              </>
            ) : null}
            <TextField
              {...field("rentEuro")}
              className="col-12 col-md-4"
              inputMode="decimal"
              required
              hint={rentHint}
              registration={register("rentEuro")}
            />
            <TextField
              {...field("serviceChargeEuro")}
              className="col-12 col-md-4"
              inputMode="decimal"
              required
              hint={t("terms.serviceChargeHint")}
              registration={register("serviceChargeEuro")}
            />
            <TextField
              {...field("depositEuro")}
              className="col-12 col-md-4"
              inputMode="decimal"
              required
              registration={register("depositEuro")}
            />
          </div>
        </FieldSet>
        <fieldset className="form-section mb-4">
          <legend className="h5">{t("terms.signatories")}</legend>
          {signatories.fields.map((item, index) => {
            const name = (f: SignatoryField) => `signatories.${index}.${f}` as const;
            const sField = (f: SignatoryField) => ({
              id: termsFieldId(name(f)),
              label: signatoryLabel[f],
              error: summary.errorOf(name(f)),
            });
            return (
              <fieldset key={item.id} className="signatory-row">
                <legend className="h6">{t("terms.signatory.legend", { n: index + 1 })}</legend>
                <div className="row">
                  <TextField
                    {...sField("name")}
                    className="col-12 col-md-6"
                    required
                    autoComplete="off"
                    registration={register(name("name"))}
                  />
                  <SelectField
                    {...sField("role")}
                    className="col-12 col-md-6"
                    required
                    options={labels.roleOptions}
                    registration={register(name("role"))}
                  />
                  <TextField
                    {...sField("fiscalCode")}
                    className="col-12 col-md-6"
                    autoComplete="off"
                    registration={register(name("fiscalCode"))}
                  />
                  <TextField
                    {...sField("signedOn")}
                    className="col-12 col-md-4"
                    type="date"
                    registration={register(name("signedOn"))}
                  />
                  {signatories.fields.length > 1 ? (
                    <div className="col-12 col-md-2 d-flex align-items-center">
                      <button
                        type="button"
                        className="btn btn-outline-danger btn-sm"
                        onClick={() => signatories.remove(index)}
                      >
                        {t("terms.signatory.remove", { n: index + 1 })}
                      </button>
                    </div>
                  ) : null}
                </div>
              </fieldset>
            );
          })}
          <button
            id={termsFieldId("signatoryList")}
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={signatories.fields.length >= 10}
            aria-describedby={listError ? "terms-signatoryList-error" : undefined}
            onClick={() => signatories.append(emptySignatory())}
          >
            {t("terms.signatory.add")}
          </button>
          {listError ? (
            <div id="terms-signatoryList-error" className="field-error">
              {listError}
            </div>
          ) : null}
        </fieldset>
        <SubmitButton submitting={isSubmitting} label={t("terms.submit")} />
      </div>
    </form>
  );
}
