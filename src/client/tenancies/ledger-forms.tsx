// SPDX-License-Identifier: EUPL-1.2
import { useRef } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { PaymentInput, WriteOffInput } from "../../domain/ledger/ledger-api.schema.ts";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import { isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { messageAt } from "../components/form-errors.ts";
import { SelectField, SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { centsOf, euroInput, newIdempotencyKey } from "./money.ts";
import { useRegisterPayment, useWriteOff } from "./tenancies-api.ts";
import { useTenanciesT, useTenancyLabels, useTenancyMessage } from "./tenancies-i18n.ts";

type PaymentValues = { amountEuro: string; paidOn: string; method: string; reference: string; payer: string };
const PAYMENT_FIELDS = ["amountEuro", "paidOn", "method", "reference", "payer"] as const;
type PaymentField = (typeof PAYMENT_FIELDS)[number];
const paymentFieldOf = (path: string): PaymentField | null =>
  path === "amountCents" ? "amountEuro" : (PAYMENT_FIELDS.find((f) => f === path) ?? null);

const paymentDefaults = (): PaymentValues => ({
  amountEuro: "",
  paidOn: localToday(),
  method: "bank_transfer",
  reference: "",
  payer: "",
});

/**
 * Registra un pagamento: one payment by hand. Each submission carries an Idempotency-Key; a retry of
 * the same submission (same figures, after a failure) sends the same key, so the payment is never
 * booked twice; changed figures are a new submission with a new key.
 */
export function PaymentForm({ tenancy, onDone }: { tenancy: Tenancy; onDone: (text: string) => void }) {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const labels = useTenancyLabels();
  const message = useTenancyMessage();
  const format = useFormat();
  const pay = useRegisterPayment();
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PaymentValues, unknown, PaymentInput>({
    resolver: schemaResolver<PaymentValues, PaymentInput>(
      PaymentInput,
      (v) => ({
        tenancyId: tenancy.id,
        amountCents: centsOf(v.amountEuro),
        paidOn: v.paidOn,
        method: v.method,
        reference: v.reference,
        payer: v.payer,
      }),
      (path) => paymentFieldOf(path) ?? "root",
    ),
    defaultValues: paymentDefaults(),
  });
  const names: Record<PaymentField, string> = {
    amountEuro: t("payment.amount"),
    paidOn: t("payment.paidOn"),
    method: t("payment.method"),
    reference: t("payment.reference"),
    payer: t("payment.payer"),
  };
  const summary = useErrorSummary<PaymentField>({
    errors,
    setFocus,
    fieldOf: paymentFieldOf,
    fieldId: (n) => `payment-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      const body = JSON.stringify(input);
      if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
      try {
        const { payment, replayed } = await pay.mutateAsync({ input, key: attempt.current.key });
        attempt.current = null;
        reset(paymentDefaults());
        const amount = format.euro(payment.amountCents, { cents: true });
        const date = format.date(payment.paidOn);
        onDone(replayed ? t("payment.replayed", { amount, date }) : t("payment.done", { amount, date }));
      } catch (e) {
        // The key stays: sending the same figures again is a retry of this submission.
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(PAYMENT_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="payment-title" className="card shadow-sm h-100">
      <div className="card-body">
        <h3 id="payment-title" className="h5">
          {t("payment.title")}
        </h3>
        <p className="small">
          {t("payment.intro")} {common("form.requiredNote")}
        </p>
        {pay.error && !isApiError(pay.error) ? <ErrorAlert error={pay.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="payment-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id="payment-amountEuro"
            label={names.amountEuro}
            className="col-12 col-md-6"
            inputMode="decimal"
            required
            error={summary.errorOf("amountEuro")}
            registration={register("amountEuro")}
          />
          <TextField
            id="payment-paidOn"
            label={names.paidOn}
            className="col-12 col-md-6"
            type="date"
            required
            error={summary.errorOf("paidOn")}
            registration={register("paidOn")}
          />
          <SelectField
            id="payment-method"
            label={names.method}
            className="col-12 col-md-6"
            required
            options={labels.methodOptions}
            error={summary.errorOf("method")}
            registration={register("method")}
          />
          <TextField
            id="payment-payer"
            label={names.payer}
            className="col-12 col-md-6"
            autoComplete="off"
            error={summary.errorOf("payer")}
            registration={register("payer")}
          />
          <TextField
            id="payment-reference"
            label={names.reference}
            className="col-12"
            autoComplete="off"
            hint={t("payment.referenceHint")}
            error={summary.errorOf("reference")}
            registration={register("reference")}
          />
        </div>
        <SubmitButton submitting={isSubmitting} label={t("payment.submit")} />
      </div>
    </form>
  );
}

type WriteOffValues = { amountEuro: string; writtenOn: string; reason: string };
const WRITE_OFF_FIELDS = ["amountEuro", "writtenOn", "reason"] as const;
type WriteOffField = (typeof WRITE_OFF_FIELDS)[number];
const writeOffFieldOf = (path: string): WriteOffField | null =>
  path === "amountCents" ? "amountEuro" : (WRITE_OFF_FIELDS.find((f) => f === path) ?? null);

/** Stralcio: write off part of what the tenancy owes, with the reason (never more than it owes). */
export function WriteOffForm({
  tenancy,
  balanceCents,
  onDone,
}: {
  tenancy: Tenancy;
  balanceCents: number;
  onDone: (text: string) => void;
}) {
  const { t } = useTenanciesT();
  const { t: common, i18n } = useTranslation();
  const message = useTenancyMessage();
  const format = useFormat();
  const writeOff = useWriteOff(tenancy.id);
  const defaults = (): WriteOffValues => ({ amountEuro: "", writtenOn: localToday(), reason: "" });
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<WriteOffValues, unknown, WriteOffInput>({
    resolver: schemaResolver<WriteOffValues, WriteOffInput>(
      WriteOffInput,
      (v) => ({ amountCents: centsOf(v.amountEuro), writtenOn: v.writtenOn, reason: v.reason }),
      (path) => writeOffFieldOf(path) ?? "root",
    ),
    defaultValues: defaults(),
  });
  const names: Record<WriteOffField, string> = {
    amountEuro: t("writeOff.amount"),
    writtenOn: t("writeOff.writtenOn"),
    reason: t("writeOff.reason"),
  };
  const summary = useErrorSummary<WriteOffField>({
    errors,
    setFocus,
    fieldOf: writeOffFieldOf,
    fieldId: (n) => `write-off-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        await writeOff.mutateAsync(input);
        reset(defaults());
        onDone(t("writeOff.done", { amount: format.euro(input.amountCents, { cents: true }) }));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(WRITE_OFF_FIELDS.find((f) => messageAt(invalid as FieldErrors, f) !== undefined));
    },
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="write-off-title" className="card shadow-sm h-100">
      <div className="card-body">
        <h3 id="write-off-title" className="h5">
          {t("writeOff.title")}
        </h3>
        <p className="small">
          {t("writeOff.intro", { balance: format.euro(balanceCents, { cents: true }) })}{" "}
          {common("form.requiredNote")}
        </p>
        {writeOff.error && !isApiError(writeOff.error) ? <ErrorAlert error={writeOff.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="write-off-errors" items={summary.items()} />
        ) : null}
        <div className="row">
          <TextField
            id="write-off-amountEuro"
            label={names.amountEuro}
            className="col-12 col-md-6"
            inputMode="decimal"
            required
            hint={t("writeOff.amountHint", { balance: euroInput(balanceCents, i18n.language) })}
            error={summary.errorOf("amountEuro")}
            registration={register("amountEuro")}
          />
          <TextField
            id="write-off-writtenOn"
            label={names.writtenOn}
            className="col-12 col-md-6"
            type="date"
            required
            error={summary.errorOf("writtenOn")}
            registration={register("writtenOn")}
          />
        </div>
        <TextAreaField
          id="write-off-reason"
          label={names.reason}
          rows={2}
          required
          error={summary.errorOf("reason")}
          registration={register("reason")}
        />
        <SubmitButton submitting={isSubmitting} label={t("writeOff.submit")} />
      </div>
    </form>
  );
}
