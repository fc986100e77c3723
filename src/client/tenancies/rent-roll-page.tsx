// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ChargeRunInput, type ChargeRunResult } from "../../domain/ledger/ledger-api.schema.ts";
import { addMonths, Period } from "../../domain/ledger/period.ts";
import { isApiError } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextField } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { localToday } from "../households/referral-form-values.ts";
import { Link } from "../router.tsx";
import { pagoPaHref, useChargeRuns, useClosePeriod, useRunCharges } from "./tenancies-api.ts";
import { usePeriodText, useTenanciesT, useTenancyMessage } from "./tenancies-i18n.ts";
import { STATEMENTS_PATH } from "./tenancies-paths.ts";

const thisMonth = () => localToday().slice(0, 7);

type RunValues = { period: string };
type ChargeRun = z.output<typeof ChargeRunInput>;
const runResolver = schemaResolver<RunValues, ChargeRun>(
  ChargeRunInput,
  (v) => ({ period: v.period.trim() }),
  (path) => (path === "period" ? "period" : "root"),
);

/** Addebita il mese: the month's rent and service charges for every tenancy in scope; again, nothing new. */
function ChargeRunForm() {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  const message = useTenancyMessage();
  const format = useFormat();
  const periodText = usePeriodText();
  const run = useRunCharges();
  const [result, setResult] = useState<ChargeRunResult | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<RunValues, unknown, ChargeRun>({
    resolver: runResolver,
    defaultValues: { period: thisMonth() },
  });
  const summary = useErrorSummary<"period">({
    errors,
    setFocus,
    fieldOf: (p) => (p === "period" ? "period" : null),
    fieldId: () => "charge-run-period",
    labelOf: () => t("rentRoll.month"),
    message,
  });
  const submit = handleSubmit(
    async ({ period }) => {
      summary.clear();
      setResult(null);
      try {
        setResult(await run.mutateAsync(period));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(messageAt(invalid as FieldErrors, "period") !== undefined ? "period" : null);
    },
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="charge-run-title" className="card shadow-sm h-100">
      <div className="card-body">
        <h2 id="charge-run-title" className="h5">
          {t("rentRoll.runTitle")}
        </h2>
        <p className="small">{t("rentRoll.runIntro")}</p>
        {run.error && !isApiError(run.error) ? <ErrorAlert error={run.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="charge-run-errors" items={summary.items()} />
        ) : null}
        <TextField
          id="charge-run-period"
          label={t("rentRoll.month")}
          type="month"
          required
          hint={t("rentRoll.monthHint")}
          error={summary.errorOf("period")}
          registration={register("period")}
        />
        <SubmitButton
          submitting={isSubmitting}
          label={t("rentRoll.runSubmit")}
          busyLabel={t("rentRoll.running")}
        />
        <div aria-live="polite" className="mt-3">
          {result ? (
            <div
              className={`alert ${result.created > 0 ? "alert-success" : "alert-info"} mb-0`}
              data-testid="charge-run-result"
              tabIndex={-1}
              ref={focusOnMount}
            >
              <p className="fw-semibold mb-1">{periodText(result.period)}</p>
              <p className="mb-0">
                {result.created > 0
                  ? t("rentRoll.runCreated", {
                      count: result.created,
                      amount: format.euro(result.createdCents, { cents: true }),
                      unchanged: result.unchanged,
                      total: result.created + result.unchanged,
                    })
                  : t("rentRoll.runNothingNew", { count: result.unchanged })}
              </p>
            </div>
          ) : null}
        </div>
        <p className="small mt-3 mb-0">{common("form.requiredNote")}</p>
      </div>
    </form>
  );
}

/** Esporta per pagoPA: the month's charges as debt positions for the Comune's intermediary. */
function PagoPaExport() {
  const { t } = useTenanciesT();
  const periodText = usePeriodText();
  const [period, setPeriod] = useState(thisMonth());
  const valid = Period.safeParse(period).success;
  return (
    <section className="card shadow-sm h-100" aria-labelledby="pagopa-title">
      <div className="card-body">
        <h2 id="pagopa-title" className="h5">
          {t("rentRoll.pagoPaTitle")}
        </h2>
        <p className="small">{t("rentRoll.pagoPaIntro")}</p>
        <div className="form-group">
          <label htmlFor="pagopa-period" className="active">
            {t("rentRoll.month")}
          </label>
          <input
            id="pagopa-period"
            type="month"
            className="form-control"
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          />
        </div>
        {valid ? (
          <a className="btn btn-outline-primary" href={pagoPaHref(period)} download>
            <Icon name="download" size="sm" className="icon-primary me-1" />
            {t("rentRoll.pagoPaDownload", { month: periodText(period) })}
          </a>
        ) : (
          <p className="mb-0">{t("rentRoll.pagoPaChoose")}</p>
        )}
      </div>
    </section>
  );
}

/** Chiudi il mese (the Comune's): nothing more is booked in it, after a confirmation. */
function ClosePeriodForm() {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const periodText = usePeriodText();
  const close = useClosePeriod();
  const id = useId();
  const [period, setPeriod] = useState(addMonths(thisMonth(), -1));
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const inputId = `${id}-close-period`;
  const ask = () => {
    setDone(null);
    close.reset();
    if (!Period.safeParse(period).success) {
      setFieldError(message("Give the month as YYYY-MM"));
      document.getElementById(inputId)?.focus();
      return;
    }
    setFieldError(null);
    setConfirming(true);
  };
  const confirm = () =>
    close.mutate(period, {
      onSuccess: (closed) => {
        setConfirming(false);
        setDone(t("rentRoll.closed", { month: periodText(closed.period) }));
      },
      onError: (e) => {
        setConfirming(false);
        const issue = isApiError(e) ? (e.errors.find((i) => i.path === "period") ?? null) : null;
        setFieldError(issue ? message(issue.message) : null);
        if (issue) requestAnimationFrame(() => document.getElementById(inputId)?.focus());
      },
    });
  const unexpected =
    close.error && !(isApiError(close.error) && close.error.errors.some((i) => i.path === "period"));
  return (
    <section className="card shadow-sm mt-4" aria-labelledby="close-period-title">
      <div className="card-body">
        <h2 id="close-period-title" className="h5">
          {t("rentRoll.closeTitle")}
        </h2>
        <p className="small">{t("rentRoll.closeIntro")}</p>
        <div className="row align-items-end">
          <div className="col-12 col-md-6 form-group">
            <label htmlFor={inputId} className="active">
              {t("rentRoll.month")}
            </label>
            <input
              id={inputId}
              type="month"
              className={`form-control${fieldError ? " is-invalid" : ""}`}
              value={period}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${inputId}-error` : undefined}
              onChange={(e) => {
                setPeriod(e.target.value);
                setConfirming(false);
              }}
            />
            {fieldError ? (
              <div id={`${inputId}-error`} className="field-error">
                {fieldError}
              </div>
            ) : null}
          </div>
          <div className="col-12 col-md-6 form-group">
            <button type="button" className="btn btn-outline-danger" onClick={ask} disabled={close.isPending}>
              {t("rentRoll.closeSubmit")}
            </button>
          </div>
        </div>
        {confirming ? (
          <div className="alert alert-warning">
            <p id={`${id}-confirm`} tabIndex={-1} ref={focusOnMount}>
              {t("rentRoll.closeConfirm", { month: periodText(period) })}
            </p>
            <div className="d-flex flex-wrap gap-2">
              <button type="button" className="btn btn-danger" onClick={confirm} disabled={close.isPending}>
                {close.isPending ? t("common.sending") : t("rentRoll.closeConfirmButton")}
              </button>
              <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </button>
            </div>
          </div>
        ) : null}
        <div aria-live="polite">
          {done ? (
            <div className="alert alert-success mb-0" tabIndex={-1} ref={focusOnMount}>
              {done}
            </div>
          ) : null}
        </div>
        {unexpected ? <ErrorAlert error={close.error} /> : null}
      </div>
    </section>
  );
}

/** The runs so far (newest first) and the closed months. */
function RunsAndClosedMonths() {
  const { t } = useTenanciesT();
  const format = useFormat();
  const periodText = usePeriodText();
  const runs = useChargeRuns();
  const items = runs.data?.items;
  const closed = runs.data?.closedPeriods;
  return (
    <div className="row g-4 mt-1">
      <section className="col-12 col-xl-8" aria-labelledby="runs-title">
        <h2 id="runs-title" className="h4">
          {t("rentRoll.runsTitle")}
        </h2>
        <ListStatus query={runs} count={items?.length} empty={<p>{t("rentRoll.runsEmpty")}</p>} />
        {items && items.length > 0 ? (
          <div className="table-responsive">
            <table className="table table-sm" data-testid="charge-runs">
              <caption className="visually-hidden">{t("rentRoll.runsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rentRoll.columns.month")}</th>
                  <th scope="col">{t("rentRoll.columns.partner")}</th>
                  <th scope="col">{t("rentRoll.columns.runAt")}</th>
                  <th scope="col" className="text-end">
                    {t("rentRoll.columns.created")}
                  </th>
                  <th scope="col" className="text-end">
                    {t("rentRoll.columns.unchanged")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="text-nowrap">
                      {periodText(r.period)}
                    </th>
                    <td>{r.organisationCode}</td>
                    <td className="text-nowrap">{format.dateTime(r.runAt)}</td>
                    <td className="text-end">{format.number(r.created)}</td>
                    <td className="text-end">{format.number(r.unchanged)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="col-12 col-xl-4" aria-labelledby="closed-title">
        <h2 id="closed-title" className="h4">
          {t("rentRoll.closedTitle")}
        </h2>
        {closed && closed.length === 0 ? <p>{t("rentRoll.closedEmpty")}</p> : null}
        {closed && closed.length > 0 ? (
          <ul data-testid="closed-months">
            {closed.map((c) => (
              <li key={c.period}>
                {t("rentRoll.closedOn", {
                  month: periodText(c.period),
                  date: c.closedAt ? format.dateTime(c.closedAt) : "—",
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

/** Canoni: charge the month, export it for pagoPA, see the runs and the closed months, close one. */
export function RentRollPage() {
  const { t } = useTenanciesT();
  const canWrite = useCan("ledger:write");
  const canClose = useCan("ledger:close");
  return (
    <>
      <PageTitle title={t("rentRoll.title")} lead={t("rentRoll.lead")}>
        {canWrite ? (
          <Link to={STATEMENTS_PATH} className="btn btn-outline-primary">
            <Icon name="upload" size="sm" className="icon-primary me-1" />
            {t("statements.title")}
          </Link>
        ) : null}
      </PageTitle>
      {canWrite ? (
        <div className="row g-4">
          <div className="col-12 col-lg-6">
            <ChargeRunForm />
          </div>
          <div className="col-12 col-lg-6">
            <PagoPaExport />
          </div>
        </div>
      ) : null}
      {canClose ? <ClosePeriodForm /> : null}
      <RunsAndClosedMonths />
    </>
  );
}
