// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type RentBasis, recertify } from "../../domain/tenancies/rent.ts";
import type { ContractType } from "../../domain/tenancies/tenancy.schema.ts";
import { RecertificationInput, type Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import { UNIT_CATEGORIES } from "../../domain/units/unit.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { centsOf, numberOf } from "./money.ts";
import { tenancyDocumentHref, useRecertify } from "./tenancies-api.ts";
import { useTenanciesT, useTenancyMessage } from "./tenancies-i18n.ts";

type Values = { effectiveOn: string; incomeEuro: string; iseeEuro: string; sharePercent: string };
const FIELDS = ["effectiveOn", "incomeEuro", "iseeEuro", "sharePercent"] as const;
type Field = (typeof FIELDS)[number];
const API_FIELDS: Record<string, Field> = { annualIncomeCents: "incomeEuro", iseeCents: "iseeEuro" };
const fieldOf = (path: string): Field | null => API_FIELDS[path] ?? FIELDS.find((f) => f === path) ?? null;

const inputOf = (v: Values) => ({
  effectiveOn: v.effectiveOn,
  annualIncomeCents: centsOf(v.incomeEuro),
  iseeCents: v.iseeEuro.trim() === "" ? null : centsOf(v.iseeEuro),
  sharePercent: numberOf(v.sharePercent),
});
const resolver = schemaResolver<Values, RecertificationInput>(
  RecertificationInput,
  inputOf,
  (path) => fieldOf(path) ?? "root",
);

const isCoPayment = (type: string | null) => type === "ospitalita" || type === "housing_first";

/** The letter generated with a recertification, among the tenancy's documents. */
const letterOf = (x: Tenancy, effectiveOn: string) =>
  x.documents.find(
    (d) =>
      d.kind === "recertification_letter" &&
      (d.fileName === `ricertificazione-${x.reference}-${effectiveOn}.pdf` || d.title.endsWith(effectiveOn)),
  );

function RecertificationForm({
  tenancy: x,
  routeId,
  onDone,
}: {
  tenancy: Tenancy;
  routeId: string;
  onDone: (text: string) => void;
}) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const message = useTenancyMessage();
  const format = useFormat();
  const save = useRecertify(routeId);
  const basis = x.rentBasis as (RentBasis & { sharePercent?: number }) | null;
  const coPayment = isCoPayment(x.contractType);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, RecertificationInput>({
    resolver,
    defaultValues: { effectiveOn: localToday(), incomeEuro: "", iseeEuro: "", sharePercent: "" },
  });
  const names: Record<Field, string> = {
    effectiveOn: t("recertification.effectiveOn"),
    incomeEuro: t("recertification.income"),
    iseeEuro: t("recertification.isee"),
    sharePercent: t("recertification.share"),
  };
  const summary = useErrorSummary<Field>({
    errors,
    setFocus,
    fieldOf,
    fieldId: (n) => `recertification-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  // The new rent as the rules compute it, while the income is typed (the API computes it again).
  const parsed = RecertificationInput.safeParse(inputOf(watch()));
  const category = UNIT_CATEGORIES.find((c) => c === x.unit.category);
  const preview =
    parsed.success && category && x.contractType
      ? recertify(
          { category, surfaceM2: x.unitSurfaceM2 },
          { contractType: x.contractType as ContractType, rentCents: x.rentCents, basis },
          { annualIncomeCents: parsed.data.annualIncomeCents, sharePercent: parsed.data.sharePercent },
        )
      : null;
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const after = await save.mutateAsync(input);
        const latest = after.recertifications.find((r) => r.effectiveOn === input.effectiveOn);
        reset({ effectiveOn: localToday(), incomeEuro: "", iseeEuro: "", sharePercent: "" });
        onDone(
          t("recertification.done", {
            date: format.date(input.effectiveOn),
            rent: format.euro(latest?.newRentCents ?? after.rentCents, { cents: true }),
            previous: format.euro(latest?.previousRentCents ?? x.rentCents, { cents: true }),
          }),
        );
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="recertification-form-title"
      className="card shadow-sm"
    >
      <div className="card-body">
        <h3 id="recertification-form-title" className="h5">
          {t("recertification.formTitle")}
        </h3>
        <p className="small">
          {coPayment ? t("recertification.introCoPayment") : t("recertification.introCapped")}{" "}
          {common("form.requiredNote")}
        </p>
        {save.error && !isApiError(save.error) ? <ErrorAlert error={save.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="recertification-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id="recertification-effectiveOn"
            label={names.effectiveOn}
            className="col-12 col-md-6 col-lg-3"
            type="date"
            required
            error={summary.errorOf("effectiveOn")}
            registration={register("effectiveOn")}
          />
          <TextField
            id="recertification-incomeEuro"
            label={names.incomeEuro}
            className="col-12 col-md-6 col-lg-3"
            inputMode="decimal"
            required
            error={summary.errorOf("incomeEuro")}
            registration={register("incomeEuro")}
          />
          <TextField
            id="recertification-iseeEuro"
            label={names.iseeEuro}
            className="col-12 col-md-6 col-lg-3"
            inputMode="decimal"
            error={summary.errorOf("iseeEuro")}
            registration={register("iseeEuro")}
          />
          {coPayment ? (
            <TextField
              id="recertification-sharePercent"
              label={names.sharePercent}
              className="col-12 col-md-6 col-lg-3"
              inputMode="decimal"
              hint={t("recertification.shareHint", {
                share: format.number(basis?.sharePercent ?? 10),
              })}
              error={summary.errorOf("sharePercent")}
              registration={register("sharePercent")}
            />
          ) : null}
        </div>
        <p className="small" aria-live="polite">
          {preview
            ? t("recertification.preview", {
                rent: format.euro(preview.newRentCents, { cents: true }),
                previous: format.euro(preview.previousRentCents, { cents: true }),
              })
            : ""}
        </p>
        <SubmitButton submitting={isSubmitting} label={t("recertification.submit")} />
      </div>
    </form>
  );
}

function History({ tenancy: x }: { tenancy: Tenancy }) {
  const { t } = useTenanciesT();
  const format = useFormat();
  const euro = (cents: number | null) => (cents === null ? "—" : format.euro(cents, { cents: true }));
  return (
    <section className="mt-5" aria-labelledby="recertification-history-title">
      <h3 id="recertification-history-title" className="h4">
        {t("recertification.historyTitle")}
      </h3>
      {x.recertifications.length === 0 ? (
        <p>{t("recertification.empty")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm" data-testid="recertifications">
            <caption className="visually-hidden">{t("recertification.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("recertification.effectiveOn")}</th>
                <th scope="col" className="text-end">
                  {t("recertification.income")}
                </th>
                <th scope="col" className="text-end">
                  {t("recertification.isee")}
                </th>
                <th scope="col" className="text-end">
                  {t("recertification.previousIncome")}
                </th>
                <th scope="col" className="text-end">
                  {t("recertification.previousRent")}
                </th>
                <th scope="col" className="text-end">
                  {t("recertification.newRent")}
                </th>
                <th scope="col" className="text-end">
                  {t("recertification.shareOfIncome")}
                </th>
                <th scope="col">{t("recertification.letter")}</th>
              </tr>
            </thead>
            <tbody>
              {x.recertifications.map((r) => {
                const share = r.basis.affordabilityShareOfIncome;
                const letter = letterOf(x, r.effectiveOn);
                return (
                  <tr key={r.id}>
                    <th scope="row" className="text-nowrap">
                      {format.date(r.effectiveOn)}
                    </th>
                    <td className="text-end text-nowrap">{euro(r.incomeCents)}</td>
                    <td className="text-end text-nowrap">{euro(r.iseeCents)}</td>
                    <td className="text-end text-nowrap">{euro(r.previousIncomeCents)}</td>
                    <td className="text-end text-nowrap">{euro(r.previousRentCents)}</td>
                    <td className="text-end text-nowrap">{euro(r.newRentCents)}</td>
                    <td className="text-end">{typeof share === "number" ? format.percent(share, 1) : "—"}</td>
                    <td>
                      {letter ? (
                        <a href={tenancyDocumentHref(x.id, letter.id)} download={letter.fileName}>
                          {t("recertification.letterLink", { date: format.date(r.effectiveOn) })}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Ricertificazione: the annual income recertification (the new rent and the letter) and its history. */
export function RecertificationTab({ tenancy: x, routeId }: { tenancy: Tenancy; routeId: string }) {
  const { t } = useTenanciesT();
  const canWrite = useCan("tenancies:write");
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="recertification-title">
      <h2 id="recertification-title" className="h4">
        {t("recertification.title")}
      </h2>
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {notice}
          </div>
        ) : null}
      </div>
      {x.status !== "active" ? <p>{t("recertification.onlyActive")}</p> : null}
      {canWrite && x.status === "active" ? (
        <RecertificationForm tenancy={x} routeId={routeId} onDone={setNotice} />
      ) : null}
      <History tenancy={x} />
    </section>
  );
}
