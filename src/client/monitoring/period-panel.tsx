// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { ReopenInput } from "../../domain/monitoring/monitoring-api.schema.ts";
import { isApiError } from "../api.ts";
import { useCan, useMe } from "../auth/session.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { TextAreaField } from "../components/form-field.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { type Dashboard, useClosePeriod, useReopenPeriod } from "./monitoring-api.ts";
import { useMonitoringLabels, useMonitoringMessage, useMonitoringT } from "./monitoring-i18n.ts";

/** A failure with no field of its own, in the monitoring namespace's words. */
export function MonitoringAlert({ error }: { error: unknown }) {
  const { t } = useMonitoringT();
  const message = useMonitoringMessage();
  const text =
    isApiError(error) && error.status === 0
      ? t("errors.network")
      : isApiError(error) && error.detail !== ""
        ? message(error.detail)
        : t("errors.generic");
  return (
    <div className="alert alert-danger" role="alert">
      {text}
    </div>
  );
}

/**
 * Whose figures, how fresh: live (computed now, the period open) or frozen (read from the snapshot
 * taken when the period was closed, with who closed it and the data version). Below, for the
 * Comune, closing an ended period (after a confirmation) and reopening a closed one (with a reason).
 */
export function PeriodPanel({ board }: { board: Dashboard }) {
  const { t } = useMonitoringT();
  const format = useFormat();
  const labels = useMonitoringLabels();
  const { data: me } = useMe();
  const p = board.period;
  const frozen = board.source === "snapshot";
  const id = useId();
  return (
    <section
      className={`alert ${frozen ? "alert-success" : "alert-info"} monitoring-state mb-4`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="h5">
        {frozen ? t("state.frozenTitle") : t("state.liveTitle")}
      </h2>
      <p className="mb-2">
        {frozen
          ? t("state.frozen", {
              period: labels.periodAtStart(p.key),
              at: p.closedAt ? format.dateTime(p.closedAt) : "—",
              by: p.closedBy ?? t("state.someone"),
              revision: p.revision,
            })
          : t("state.live", { period: labels.periodAtStart(p.key), at: format.dateTime(board.computedAt) })}
      </p>
      {frozen && p.valuesSha256 ? (
        <p className="mb-2">
          {t("state.dataVersion")}{" "}
          <code title={p.valuesSha256} className="monitoring-sha">
            {p.valuesSha256.slice(0, 12)}
          </code>{" "}
          <span className="visually-hidden">{t("state.fullSha", { sha: p.valuesSha256 })}</span>
        </p>
      ) : null}
      <p className="mb-0">
        {board.scope === "organisation"
          ? t("state.scopeOrganisation", { name: me?.organisation.name ?? "" })
          : t("state.scopeProgramme")}
      </p>
      <PeriodActions board={board} />
      <PeriodHistory board={board} />
    </section>
  );
}

function PeriodHistory({ board }: { board: Dashboard }) {
  const { t } = useMonitoringT();
  const format = useFormat();
  const events = board.period.events;
  if (events.length === 0) return null;
  return (
    <details className="mt-3">
      <summary>{t("history.summary", { count: events.length })}</summary>
      <ol className="mt-2 mb-0">
        {events.map((e) => (
          <li key={`${e.action}-${e.at}`}>
            {t(`history.${e.action}`, { at: format.dateTime(e.at), by: e.actor ?? t("state.someone") })}
            {e.reason ? ` — ${e.reason}` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

function PeriodActions({ board }: { board: Dashboard }) {
  const { t } = useMonitoringT();
  const format = useFormat();
  const labels = useMonitoringLabels();
  const canManage = useCan("monitoring:manage");
  const [step, setStep] = useState<"idle" | "confirm" | "reopen">("idle");
  const [done, setDone] = useState<string | null>(null);
  const close = useClosePeriod();
  const p = board.period;
  if (!canManage) return null;
  const name = labels.period(p.key);
  return (
    <div className="mt-3">
      <div aria-live="polite">
        {done ? (
          <p className="fw-semibold mb-2" tabIndex={-1} ref={focusOnMount}>
            {done}
          </p>
        ) : null}
      </div>
      {close.error ? <MonitoringAlert error={close.error} /> : null}
      {p.status === "open" && !p.ended ? (
        <p className="mb-0">{t("actions.notEnded", { date: format.date(p.to) })}</p>
      ) : null}
      {p.status === "open" && p.ended && step === "idle" ? (
        <button type="button" className="btn btn-primary" onClick={() => setStep("confirm")}>
          {t("actions.close")}
        </button>
      ) : null}
      {step === "confirm" ? (
        <div className="monitoring-confirm">
          <p tabIndex={-1} ref={focusOnMount}>
            {t("actions.confirm", { period: name })}
          </p>
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-primary"
              disabled={close.isPending}
              onClick={() =>
                close.mutate(p.key, {
                  onSuccess: () => {
                    setStep("idle");
                    setDone(t("actions.closed", { period: labels.periodAtStart(p.key) }));
                  },
                })
              }
            >
              {close.isPending ? t("actions.closing") : t("actions.confirmClose")}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setStep("idle")}>
              {t("actions.cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {p.status === "closed" && step === "idle" ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => setStep("reopen")}>
          {t("actions.reopen")}
        </button>
      ) : null}
      {step === "reopen" ? (
        <ReopenForm
          periodKey={p.key}
          onCancel={() => setStep("idle")}
          onDone={() => {
            setStep("idle");
            setDone(t("actions.reopened", { period: labels.periodAtStart(p.key) }));
          }}
        />
      ) : null}
    </div>
  );
}

type ReopenValues = { reason: string };

/** Reopening needs a reason (at least 10 characters), named beside its field when missing. */
function ReopenForm(props: { periodKey: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useMonitoringT();
  const message = useMonitoringMessage();
  const reopen = useReopenPeriod();
  const [failure, setFailure] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ReopenValues, unknown, { reason: string }>({
    resolver: schemaResolver<ReopenValues, { reason: string }>(ReopenInput, (v) => v),
    defaultValues: { reason: "" },
  });
  const summary = useErrorSummary<"reason">({
    errors,
    setFocus,
    fieldOf: (path) => (path === "reason" ? "reason" : null),
    fieldId: () => "reopen-reason",
    labelOf: () => t("actions.reason"),
    message,
  });
  const submit = handleSubmit(
    async ({ reason }) => {
      summary.clear();
      setFailure(null);
      try {
        await reopen.mutateAsync({ key: props.periodKey, reason });
        props.onDone();
      } catch (e) {
        if (isApiError(e) && e.errors.length > 0) summary.refused(e, setError);
        else setFailure(e);
      }
    },
    (invalid) => summary.invalid(invalid as FieldErrors),
  );
  return (
    <form noValidate onSubmit={submit} aria-label={t("actions.reopenForm")} className="monitoring-reopen">
      {failure ? <MonitoringAlert error={failure} /> : null}
      <ErrorSummary items={summary.items()} summaryRef={summary.ref} id="reopen-errors" />
      <TextAreaField
        id="reopen-reason"
        label={t("actions.reason")}
        hint={t("actions.reasonHint")}
        required
        error={summary.errorOf("reason")}
        registration={register("reason")}
      />
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t("actions.reopening") : t("actions.confirmReopen")}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={props.onCancel}>
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}
