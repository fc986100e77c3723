// SPDX-License-Identifier: EUPL-1.2
import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegister,
  useForm,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  DECLINED_BY,
  type Offer,
  OfferConfirmation,
  OfferDecline,
  OfferReopen,
  OfferStepBack,
  OfferVisit,
  OfferWithdrawal,
} from "../../domain/offers/offer.schema.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { type OfferAction, useOfferAction } from "./allocation-api.ts";
import { useAllocationLabels } from "./allocation-labels.ts";

type Kind = OfferAction["kind"];

type FormTools<V extends FieldValues> = {
  register: UseFormRegister<V>;
  errorOf: (name: Path<V>) => string | undefined;
  fieldId: (name: string) => string;
};

/**
 * One answer to an offer as a small form: the shared schema checks it, the server's field errors land
 * on its fields, the others in its summary.
 */
function ActionForm<V extends FieldValues, O>(props: {
  offerId: string;
  kind: Exclude<Kind, "accept">;
  title: string;
  intro?: string;
  submitLabel: string;
  resolver: Resolver<V, unknown, O>;
  defaultValues: DefaultValues<V>;
  fields: readonly Path<V>[];
  labels: Record<string, string>;
  toAction: (output: O) => OfferAction;
  onDone: (kind: Kind) => void;
  children: (tools: FormTools<V>) => ReactNode;
}) {
  const message = useMessage();
  const action = useOfferAction(props.offerId);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<V, unknown, O>({ resolver: props.resolver, defaultValues: props.defaultValues });
  const fieldId = (name: string) => `offer-${props.kind}-${name}`;
  // Every error of these forms is on a field: the schemas have no rule on the whole answer.
  const summary = useErrorSummary<Path<V>>({
    errors,
    setFocus,
    fieldOf: (path) => props.fields.find((f) => f === path) ?? null,
    fieldId,
    labelOf: (name) => props.labels[name] ?? name,
    message,
  });
  const submit = handleSubmit(
    async (output) => {
      summary.clear();
      try {
        await action.mutateAsync(props.toAction(output));
        props.onDone(props.kind);
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      const first = props.fields.find((f) => messageAt(invalid as FieldErrors, f) !== undefined);
      if (first) setFocus(first);
    },
  );
  const titleId = fieldId("title");
  return (
    <section className="card shadow-sm mb-3" aria-labelledby={titleId}>
      <div className="card-body">
        <h3 id={titleId} className="h5">
          {props.title}
        </h3>
        {props.intro ? <p className="small">{props.intro}</p> : null}
        {action.error && !isApiError(action.error) ? <ErrorAlert error={action.error} /> : null}
        <form noValidate onSubmit={submit}>
          {submitCount > 0 ? (
            <ErrorSummary summaryRef={summary.ref} id={fieldId("errors")} items={summary.items()} />
          ) : null}
          {props.children({ register, errorOf: summary.errorOf, fieldId })}
          <SubmitButton submitting={isSubmitting} label={props.submitLabel} />
        </form>
      </div>
    </section>
  );
}

/** A group of radio buttons for one field, with its legend and error. */
function RadioGroup<V extends FieldValues>(props: {
  tools: FormTools<V>;
  name: Path<V>;
  legend: string;
  options: readonly { value: string; label: string }[];
}) {
  const { tools, name } = props;
  const error = tools.errorOf(name);
  const errorId = `${tools.fieldId(name)}-error`;
  return (
    <fieldset
      className="check-group"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>
        {props.legend}
        <span className="text-danger ms-1" aria-hidden="true">
          *
        </span>
      </legend>
      {props.options.map((o, i) => {
        // The first radio carries the field's id, so the summary's link reaches the group.
        const id = i === 0 ? tools.fieldId(name) : `${tools.fieldId(name)}-${o.value}`;
        return (
          <div className="form-check form-check-inline" key={o.value}>
            <input id={id} type="radio" value={o.value} {...tools.register(name)} />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
      {error ? (
        <div id={errorId} className="field-error">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

type DeclineValues = { reason: string; declinedBy: string; reasonable: string };
const DECLINE_FIELDS = ["reason", "declinedBy", "reasonable"] as const;

/** The radios hold text; the schema wants the enum and a boolean. Unchosen is missing. */
const declineResolver = schemaResolver<DeclineValues, OfferDecline>(OfferDecline, (values) => ({
  reason: values.reason,
  declinedBy: values.declinedBy === "" ? undefined : values.declinedBy,
  reasonable: values.reasonable === "" ? undefined : values.reasonable === "true",
}));

function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type ReopenValues = { reason: string; dueOn: string };

/** An empty due date is left to the rules (today + their days). */
const reopenResolver = schemaResolver<ReopenValues, OfferReopen>(OfferReopen, (values) => ({
  reason: values.reason,
  dueOn: values.dueOn.trim() === "" ? undefined : values.dueOn,
}));

/** The required reason of an answer, first in its form. */
function ReasonField<V extends { reason: string }>({ tools, label }: { tools: FormTools<V>; label: string }) {
  const name = "reason" as Path<V>;
  return (
    <TextAreaField
      id={tools.fieldId(name)}
      label={label}
      rows={2}
      required
      error={tools.errorOf(name)}
      registration={tools.register(name)}
    />
  );
}

/** An answer that is only a required reason and its button: the step back and the withdrawal. */
function ReasonActionForm(props: {
  offerId: string;
  kind: "step-back" | "withdraw";
  reasonLabel: string;
  onDone: (kind: Kind) => void;
}) {
  const { t } = useTranslation();
  const { kind, reasonLabel } = props;
  const texts = kind === "withdraw" ? "withdraw" : "stepBack";
  return (
    <ActionForm<OfferWithdrawal, OfferWithdrawal>
      offerId={props.offerId}
      kind={kind}
      title={t(`allocation.offer.${texts}.title`)}
      intro={t(`allocation.offer.${texts}.intro`)}
      submitLabel={t(`allocation.offer.${texts}.submit`)}
      resolver={zodResolver(kind === "withdraw" ? OfferWithdrawal : OfferStepBack)}
      defaultValues={{ reason: "" }}
      fields={["reason"]}
      labels={{ reason: reasonLabel }}
      toAction={(input) => (kind === "withdraw" ? { kind, input } : { kind, input })}
      onDone={props.onDone}
    >
      {(tools) => <ReasonField tools={tools} label={reasonLabel} />}
    </ActionForm>
  );
}

function AcceptAction({ offerId, onDone }: { offerId: string; onDone: (kind: Kind) => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const action = useOfferAction(offerId);
  const failure = action.error;
  return (
    <section className="card shadow-sm mb-3" aria-labelledby="offer-accept-title">
      <div className="card-body">
        <h3 id="offer-accept-title" className="h5">
          {t("allocation.offer.accept.title")}
        </h3>
        <p className="small">{t("allocation.offer.accept.intro")}</p>
        {failure && isApiError(failure) ? (
          <div className="alert alert-danger" role="alert">
            {message(failure.errors[0]?.message ?? failure.detail)}
          </div>
        ) : null}
        {failure && !isApiError(failure) ? <ErrorAlert error={failure} /> : null}
        <button
          type="button"
          className="btn btn-primary"
          disabled={action.isPending}
          onClick={() => action.mutate({ kind: "accept" }, { onSuccess: () => onDone("accept") })}
        >
          {action.isPending ? t("form.saving") : t("allocation.offer.accept.submit")}
        </button>
      </div>
    </section>
  );
}

/**
 * What may be done with an offer: while pending, the visit, the partner's confirmation and the
 * household's answer (offers:answer); for the Comune (allocation:run), while pending or accepted the
 * withdrawal, once accepted a step back, and once declined, expired or withdrawn the reopening.
 */
export function OfferActions({ offer, onDone }: { offer: Offer; onDone: (kind: Kind) => void }) {
  const { t } = useTranslation();
  const labels = useAllocationLabels();
  const canAnswer = useCan("offers:answer");
  const canWithdraw = useCan("allocation:run");
  const pending = offer.status === "pending";
  const answer = pending && canAnswer;
  const withdraw = (pending || offer.status === "accepted") && canWithdraw;
  const stepBack = offer.status === "accepted" && canWithdraw;
  const reopen =
    (offer.status === "declined" || offer.status === "expired" || offer.status === "withdrawn") &&
    canWithdraw;
  if (!answer && !withdraw && !reopen) return null;
  const reasonLabel = t("allocation.offer.fields.withdrawReason");
  const stepBackLabel = t("allocation.offer.fields.stepBackReason");
  const reopenLabel = t("allocation.offer.fields.reopenReason");
  return (
    <section className="mt-4" aria-labelledby="offer-actions-title">
      <h2 id="offer-actions-title" className="h4">
        {t("allocation.offer.actionsTitle")}
      </h2>
      {answer ? (
        <>
          <ActionForm<OfferVisit, OfferVisit>
            offerId={offer.id}
            kind="visit"
            title={t("allocation.offer.visit.title")}
            submitLabel={t("allocation.offer.visit.submit")}
            resolver={zodResolver(OfferVisit)}
            defaultValues={{ visitOn: offer.visitOn ?? localToday() }}
            fields={["visitOn"]}
            labels={{ visitOn: t("allocation.offer.fields.visitOn") }}
            toAction={(input) => ({ kind: "visit", input })}
            onDone={onDone}
          >
            {(tools) => (
              <TextField
                id={tools.fieldId("visitOn")}
                label={t("allocation.offer.fields.visitOn")}
                type="date"
                required
                error={tools.errorOf("visitOn")}
                registration={tools.register("visitOn")}
              />
            )}
          </ActionForm>
          <ActionForm<z.input<typeof OfferConfirmation>, OfferConfirmation>
            offerId={offer.id}
            kind="confirm"
            title={t("allocation.offer.confirm.title")}
            intro={t("allocation.offer.confirm.intro")}
            submitLabel={t("allocation.offer.confirm.submit")}
            resolver={zodResolver(OfferConfirmation)}
            defaultValues={{ note: "" }}
            fields={["note"]}
            labels={{ note: t("allocation.offer.fields.note") }}
            toAction={(input) => ({ kind: "confirm", input })}
            onDone={onDone}
          >
            {(tools) => (
              <TextAreaField
                id={tools.fieldId("note")}
                label={t("allocation.offer.fields.note")}
                rows={2}
                error={tools.errorOf("note")}
                registration={tools.register("note")}
              />
            )}
          </ActionForm>
          <AcceptAction offerId={offer.id} onDone={onDone} />
          <ActionForm<DeclineValues, OfferDecline>
            offerId={offer.id}
            kind="decline"
            title={t("allocation.offer.decline.title")}
            intro={t("allocation.offer.decline.intro")}
            submitLabel={t("allocation.offer.decline.submit")}
            resolver={declineResolver}
            defaultValues={{ reason: "", declinedBy: "", reasonable: "" }}
            fields={DECLINE_FIELDS}
            labels={{
              reason: t("allocation.offer.fields.declineReason"),
              declinedBy: t("allocation.offer.fields.declinedBy"),
              reasonable: t("allocation.offer.fields.reasonable"),
            }}
            toAction={(input) => ({ kind: "decline", input })}
            onDone={onDone}
          >
            {(tools) => (
              <>
                <ReasonField tools={tools} label={t("allocation.offer.fields.declineReason")} />
                <RadioGroup
                  tools={tools}
                  name="declinedBy"
                  legend={t("allocation.offer.fields.declinedBy")}
                  options={DECLINED_BY.map((d) => ({ value: d, label: labels.declinedBy(d) }))}
                />
                <RadioGroup
                  tools={tools}
                  name="reasonable"
                  legend={t("allocation.offer.fields.reasonable")}
                  options={[
                    { value: "true", label: t("allocation.offer.decline.reasonableYes") },
                    { value: "false", label: t("allocation.offer.decline.reasonableNo") },
                  ]}
                />
              </>
            )}
          </ActionForm>
        </>
      ) : null}
      {stepBack ? (
        <ReasonActionForm offerId={offer.id} kind="step-back" reasonLabel={stepBackLabel} onDone={onDone} />
      ) : null}
      {reopen ? (
        <ActionForm<ReopenValues, OfferReopen>
          offerId={offer.id}
          kind="reopen"
          title={t("allocation.offer.reopen.title")}
          intro={t("allocation.offer.reopen.intro")}
          submitLabel={t("allocation.offer.reopen.submit")}
          resolver={reopenResolver}
          defaultValues={{ reason: "", dueOn: "" }}
          fields={["reason", "dueOn"]}
          labels={{ reason: reopenLabel, dueOn: t("allocation.offer.fields.newDueOn") }}
          toAction={(input) => ({ kind: "reopen", input })}
          onDone={onDone}
        >
          {(tools) => (
            <>
              <ReasonField tools={tools} label={reopenLabel} />
              <TextField
                id={tools.fieldId("dueOn")}
                label={t("allocation.offer.fields.newDueOn")}
                type="date"
                hint={t("allocation.offer.reopen.dueOnHint")}
                error={tools.errorOf("dueOn")}
                registration={tools.register("dueOn")}
              />
            </>
          )}
        </ActionForm>
      ) : null}
      {withdraw ? (
        <ReasonActionForm offerId={offer.id} kind="withdraw" reasonLabel={reasonLabel} onDone={onDone} />
      ) : null}
    </section>
  );
}
