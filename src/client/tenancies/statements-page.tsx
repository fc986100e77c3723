// SPDX-License-Identifier: EUPL-1.2
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  type BankImportResult,
  type BankLine,
  BankLineAssign,
  BankLineDismiss,
} from "../../domain/ledger/ledger-api.schema.ts";
import { type ApiError, isApiError } from "../api.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { messageAt } from "../components/form-errors.ts";
import { SubmitButton, TextAreaField, TextField } from "../components/form-field.tsx";
import { Icon } from "../components/icon.tsx";
import { ListStatus } from "../components/list-status.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Pagination, ResultsHeader } from "../components/pagination.tsx";
import { schemaResolver } from "../components/schema-resolver.ts";
import { useErrorSummary } from "../components/use-error-summary.ts";
import { useFormat } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import {
  useAssignLine,
  useBankLines,
  useDismissLine,
  useImportStatement,
  useTenancySuggestions,
} from "./tenancies-api.ts";
import { useTenanciesT, useTenancyMessage } from "./tenancies-i18n.ts";
import { queueHref, queuePageOf, RENT_ROLL_PATH, tenancyHref } from "./tenancies-paths.ts";

const ACCEPTED = /\.(csv|txt|xml)$/i;
/** How many problems of a refused statement the preview lists; the rest are counted. */
const PREVIEW_LIMIT = 200;

type ImportState =
  | { step: "idle" }
  | { step: "done"; result: BankImportResult; fileName: string }
  | { step: "problem"; error: ApiError }
  | { step: "failed"; error: unknown };

type IssueRow = { line: number | null; field: string; message: string };

/** The problem's paths (`line 4.date`, `header`, `xml line 3`) as rows of the preview. */
function issueRows(error: ApiError): IssueRow[] {
  return error.errors.map(({ path, message }) => {
    const match = /^(?:xml )?line (\d+)(?:\.(.+))?$/.exec(path);
    if (match === null) return { line: null, field: path, message };
    return { line: Number(match[1]), field: match[2] ?? "", message };
  });
}

/** A problem whose paths name lines of the file (or its header): shown as a table, not beside the field. */
const namesLines = (error: ApiError) =>
  error.errors.some((e) => /^(?:xml )?line \d+|^header$|^xml$/.test(e.path));

function ProblemPreview({ error }: { error: ApiError }) {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const format = useFormat();
  const rows = issueRows(error);
  const shown = rows.slice(0, PREVIEW_LIMIT);
  const rest = rows.length - shown.length;
  const lines = new Set(rows.filter((r) => r.line !== null).map((r) => r.line)).size;
  const fieldName = (field: string) =>
    field === "" ? "—" : t(`statements.fields.${field}`, { defaultValue: field });
  return (
    <section aria-labelledby="statement-problem-title" className="mt-4">
      <div className="alert alert-danger" role="alert">
        <h3 id="statement-problem-title" className="h5">
          {t("statements.problemTitle")}
        </h3>
        <p className="mb-0">
          {t("statements.problemSummary", { count: rows.length, n: format.number(rows.length), lines })}
        </p>
      </div>
      <div className="table-responsive">
        <table className="table table-sm statement-errors">
          <caption>{t("statements.problemCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("statements.line")}</th>
              <th scope="col">{t("statements.field")}</th>
              <th scope="col">{t("statements.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems are a fixed list; one line may repeat.
              <tr key={i}>
                <td>{r.line ?? "—"}</td>
                <td>{fieldName(r.field)}</td>
                <td>{message(r.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest > 0 ? <p>{t("statements.problemMore", { count: rest, n: format.number(rest) })}</p> : null}
    </section>
  );
}

/** Importa un estratto conto: all lines or none; the matched ones are booked, the others queued. */
function ImportForm() {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const format = useFormat();
  const importStatement = useImportStatement();
  const [state, setState] = useState<ImportState>({ step: "idle" });
  const [fileError, setFileError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    const refuse = (text: string) => {
      setFileError(text);
      setState({ step: "idle" });
      input.current?.focus();
    };
    if (!file) return refuse(t("statements.noFile"));
    if (!ACCEPTED.test(file.name)) return refuse(t("statements.wrongType"));
    setFileError(null);
    setState({ step: "idle" });
    try {
      const result = await importStatement.mutateAsync(file);
      setState({ step: "done", result, fileName: file.name });
      if (input.current) input.current.value = "";
    } catch (e) {
      if (isApiError(e) && namesLines(e)) setState({ step: "problem", error: e });
      else if (isApiError(e) && e.errors.some((i) => i.path === "file"))
        refuse(
          e.errors
            .filter((i) => i.path === "file")
            .map((i) => message(i.message))
            .join(" "),
        );
      else setState({ step: "failed", error: e });
    }
  };
  const busy = importStatement.isPending;
  return (
    <section aria-labelledby="statement-import-title" className="card shadow-sm">
      <div className="card-body">
        <h2 id="statement-import-title" className="h5">
          {t("statements.importTitle")}
        </h2>
        <p className="small">{t("statements.importIntro")}</p>
        <form noValidate onSubmit={submit}>
          <div className="mb-3">
            <label htmlFor="statement-file" className="form-label fw-semibold">
              {t("statements.file")}
            </label>
            <input
              ref={input}
              id="statement-file"
              name="file"
              type="file"
              className={`form-control file-input${fileError ? " is-invalid" : ""}`}
              accept=".csv,.txt,.xml,text/csv,application/xml,text/xml"
              aria-describedby={`statement-file-hint${fileError ? " statement-file-error" : ""}`}
              aria-invalid={fileError ? true : undefined}
              disabled={busy}
            />
            <small id="statement-file-hint" className="form-text d-block">
              {t("statements.fileHint")}
            </small>
            {fileError ? (
              <div id="statement-file-error" className="field-error">
                {fileError}
              </div>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            <Icon name="upload" size="sm" className="icon-white me-1" />
            {busy ? t("statements.importing") : t("statements.importSubmit")}
          </button>
        </form>
        <div aria-live="polite">
          {state.step === "done" ? (
            <div
              className="alert alert-success mt-4 mb-0"
              data-testid="statement-result"
              tabIndex={-1}
              ref={focusOnMount}
            >
              <h3 className="h5">{t("statements.doneTitle", { file: state.fileName })}</h3>
              <p className="mb-0">
                {t("statements.doneSummary", {
                  lines: state.result.lines,
                  format: state.result.format === "csv" ? "CSV" : "camt.053",
                  matched: state.result.matched,
                  amount: format.euro(state.result.matchedCents, { cents: true }),
                  unmatched: state.result.unmatched,
                  skipped: state.result.debitsSkipped,
                })}
              </p>
            </div>
          ) : null}
        </div>
        {state.step === "problem" ? <ProblemPreview error={state.error} /> : null}
        {state.step === "failed" ? <ErrorAlert error={state.error} /> : null}
      </div>
    </section>
  );
}

type AssignValues = { tenancy: string; note: string };
type AssignField = keyof AssignValues;
const assignFieldOf = (path: string): AssignField | null =>
  path === "tenancyId" ? "tenancy" : path === "note" ? "note" : null;
const assignResolver = schemaResolver<AssignValues, z.output<typeof BankLineAssign>>(
  BankLineAssign,
  (v) => ({ tenancyId: v.tenancy.trim(), note: v.note }),
  (path) => assignFieldOf(path) ?? "root",
);

/** Abbina: book the line as a payment of the tenancy named by its reference (with suggestions). */
function AssignForm({ line, onDone }: { line: BankLine; onDone: (text: string, tenancyId: string) => void }) {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const assign = useAssignLine();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<AssignValues, unknown, z.output<typeof BankLineAssign>>({
    resolver: assignResolver,
    defaultValues: { tenancy: "", note: "" },
  });
  const typed = watch("tenancy");
  const suggestions = useTenancySuggestions(typed);
  const names: Record<AssignField, string> = { tenancy: t("queue.tenancy"), note: t("queue.note") };
  const summary = useErrorSummary<AssignField>({
    errors,
    setFocus,
    fieldOf: assignFieldOf,
    fieldId: (n) => `assign-${n}`,
    labelOf: (n) => names[n],
    message,
  });
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      try {
        const assigned = await assign.mutateAsync({ id: line.id, ...input });
        onDone(
          t("queue.assigned", { reference: assigned.tenancyReference ?? input.tenancyId }),
          assigned.tenancyId ?? input.tenancyId,
        );
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    (invalid) => {
      summary.clear();
      summary.focus(
        (["tenancy", "note"] as const).find((f) => messageAt(invalid as FieldErrors, f) !== undefined),
      );
    },
  );
  // Below three characters nothing is searched: earlier suggestions would mislead.
  const items = typed.trim().length >= 3 ? (suggestions.data?.items ?? []) : [];
  return (
    <form noValidate onSubmit={submit} aria-labelledby="assign-title" className="card shadow-sm h-100">
      <div className="card-body">
        <h3 id="assign-title" className="h5">
          {t("queue.assignTitle")}
        </h3>
        {assign.error && !isApiError(assign.error) ? <ErrorAlert error={assign.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="assign-errors" items={summary.items()} />
        ) : null}
        <TextField
          id="assign-tenancy"
          label={names.tenancy}
          type="search"
          required
          autoComplete="off"
          list="assign-tenancy-suggestions"
          hint={t("queue.tenancyHint")}
          error={summary.errorOf("tenancy")}
          registration={register("tenancy")}
        />
        <datalist id="assign-tenancy-suggestions">
          {items.map((x) => (
            <option key={x.id} value={x.reference}>
              {`${x.reference} · ${x.unit.code} · ${x.household.reference}`}
            </option>
          ))}
        </datalist>
        <p className="small" aria-live="polite" data-testid="assign-suggestions">
          {items.length > 0
            ? t("queue.suggestions", { count: items.length, list: items.map((x) => x.reference).join(", ") })
            : ""}
        </p>
        <TextField
          id="assign-note"
          label={names.note}
          autoComplete="off"
          error={summary.errorOf("note")}
          registration={register("note")}
        />
        <SubmitButton submitting={isSubmitting} label={t("queue.assignSubmit")} />
      </div>
    </form>
  );
}

type DismissValues = { reason: string };
const dismissResolver = schemaResolver<DismissValues, z.output<typeof BankLineDismiss>>(
  BankLineDismiss,
  (v) => ({ reason: v.reason }),
  (path) => (path === "reason" ? "reason" : "root"),
);

/** Scarta: the line is no rent payment (a refund, a transfer by mistake…), with the reason. */
function DismissForm({ line, onDone }: { line: BankLine; onDone: (text: string) => void }) {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const dismiss = useDismissLine();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<DismissValues, unknown, z.output<typeof BankLineDismiss>>({
    resolver: dismissResolver,
    defaultValues: { reason: "" },
  });
  const summary = useErrorSummary<"reason">({
    errors,
    setFocus,
    fieldOf: (p) => (p === "reason" ? "reason" : null),
    fieldId: () => "dismiss-reason",
    labelOf: () => t("queue.reason"),
    message,
  });
  const submit = handleSubmit(
    async ({ reason }) => {
      summary.clear();
      try {
        await dismiss.mutateAsync({ id: line.id, reason });
        onDone(t("queue.dismissed"));
      } catch (e) {
        summary.refused(e, setError);
      }
    },
    () => {
      summary.clear();
      summary.focus("reason");
    },
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="dismiss-title" className="card shadow-sm h-100">
      <div className="card-body">
        <h3 id="dismiss-title" className="h5">
          {t("queue.dismissTitle")}
        </h3>
        {dismiss.error && !isApiError(dismiss.error) ? <ErrorAlert error={dismiss.error} /> : null}
        {submitCount > 0 ? (
          <ErrorSummary summaryRef={summary.ref} id="dismiss-errors" items={summary.items()} />
        ) : null}
        <TextAreaField
          id="dismiss-reason"
          label={t("queue.reason")}
          rows={2}
          required
          hint={t("queue.reasonHint")}
          error={summary.errorOf("reason")}
          registration={register("reason")}
        />
        <SubmitButton submitting={isSubmitting} label={t("queue.dismissSubmit")} />
      </div>
    </form>
  );
}

/** The chosen line: what it is, then assigning it to a tenancy or taking it out of the queue. */
function LinePanel({
  line,
  onClose,
  onDone,
}: {
  line: BankLine;
  onClose: () => void;
  onDone: (text: string, tenancyId: string | null) => void;
}) {
  const { t } = useTenanciesT();
  const format = useFormat();
  return (
    <section className="card shadow-sm mt-3 mb-4 queue-line-selected" aria-labelledby="line-panel-title">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
          <h3 id="line-panel-title" className="h5" tabIndex={-1} ref={focusOnMount}>
            {t("queue.panelTitle", {
              date: format.date(line.bookedOn),
              amount: format.euro(line.amountCents, { cents: true }),
            })}
          </h3>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onClose}>
            {t("queue.close")}
          </button>
        </div>
        <p className="mb-3">
          {t("queue.panelLead", { payer: line.payer || "—", remittance: line.remittance || "—" })}
        </p>
        <div className="row g-4">
          <div className="col-12 col-lg-6">
            <AssignForm line={line} onDone={onDone} />
          </div>
          <div className="col-12 col-lg-6">
            <DismissForm line={line} onDone={(text) => onDone(text, null)} />
          </div>
        </div>
      </div>
    </section>
  );
}

/** Movimenti da abbinare: the statement lines no tenancy was found for, to assign or dismiss by hand. */
function Queue() {
  const { t } = useTenanciesT();
  const message = useTenancyMessage();
  const format = useFormat();
  const { search } = useLocation();
  const list = queuePageOf(search);
  const lines = useBankLines(list);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; tenancyId: string | null } | null>(null);
  const total = lines.data?.total ?? 0;
  const last = Math.max(1, Math.ceil(total / list.limit));
  const line = lines.data?.items.find((l) => l.id === selected) ?? null;
  const close = () => {
    const id = selected;
    setSelected(null);
    if (id) requestAnimationFrame(() => document.getElementById(`line-${id}-open`)?.focus());
  };
  return (
    <section className="mt-5" aria-labelledby="queue-title">
      <ResultsHeader
        titleId="queue-title"
        title={t("queue.title")}
        count={
          lines.data ? t("queue.count", { count: total, page: Math.min(list.page, last), pages: last }) : ""
        }
        countTestId="queue-count"
        pageSizeId="queue-page-size"
        limit={list.limit}
        href={(limit) => queueHref({ limit, page: 1 })}
      />
      <div aria-live="polite">
        {notice ? (
          <div className="alert alert-success" tabIndex={-1} ref={focusOnMount} data-testid="queue-notice">
            {notice.text}{" "}
            {notice.tenancyId ? (
              <Link to={tenancyHref(notice.tenancyId, "estratto-conto")}>{t("queue.toLedger")}</Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <ListStatus
        query={lines}
        count={lines.data?.items.length}
        empty={<div className="alert alert-info">{t("queue.empty")}</div>}
      />
      {lines.data && lines.data.items.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm queue-table" aria-busy={lines.isFetching} data-testid="queue">
            <caption className="visually-hidden">{t("queue.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("queue.columns.bookedOn")}</th>
                <th scope="col" className="text-end">
                  {t("queue.columns.amount")}
                </th>
                <th scope="col">{t("queue.columns.payer")}</th>
                <th scope="col">{t("queue.columns.remittance")}</th>
                <th scope="col">{t("queue.columns.source")}</th>
                <th scope="col">{t("queue.columns.why")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("queue.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.data.items.map((l) => (
                <tr key={l.id} className={l.id === selected ? "queue-line-selected" : undefined}>
                  <th scope="row" className="text-nowrap">
                    {format.date(l.bookedOn)}
                  </th>
                  <td className="text-end text-nowrap">{format.euro(l.amountCents, { cents: true })}</td>
                  <td>{l.payer || "—"}</td>
                  <td>{l.remittance || "—"}</td>
                  <td className="small">
                    {t("queue.source", { file: l.fileName, line: l.lineNo })}
                    {l.bankReference ? <span className="d-block">{l.bankReference}</span> : null}
                  </td>
                  <td className="small">{l.note ? message(l.note) : "—"}</td>
                  <td>
                    <button
                      id={`line-${l.id}-open`}
                      type="button"
                      className="btn btn-outline-primary btn-sm text-nowrap"
                      aria-expanded={l.id === selected}
                      aria-label={t("queue.openLabel", {
                        date: format.date(l.bookedOn),
                        amount: format.euro(l.amountCents, { cents: true }),
                        payer: l.payer || "—",
                      })}
                      onClick={() => {
                        setNotice(null);
                        setSelected(l.id === selected ? null : l.id);
                      }}
                    >
                      {t("queue.open")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {line ? (
        <LinePanel
          key={line.id}
          line={line}
          onClose={close}
          onDone={(text, tenancyId) => {
            setSelected(null);
            setNotice({ text, tenancyId });
          }}
        />
      ) : null}
      {lines.data ? (
        <Pagination
          page={list.page}
          limit={list.limit}
          total={total}
          href={(page) => queueHref({ ...list, page })}
          label={t("queue.pagination")}
        />
      ) : null}
    </section>
  );
}

/** Estratti conto: import the bank's statement, then work the queue of lines nobody matched. */
export function StatementsPage() {
  const { t } = useTenanciesT();
  const { t: common } = useTranslation();
  return (
    <>
      <nav aria-label={common("detail.breadcrumb")} className="breadcrumb-container mb-2">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to={RENT_ROLL_PATH}>{t("rentRoll.title")}</Link>
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {t("statements.title")}
          </li>
        </ol>
      </nav>
      <PageTitle title={t("statements.title")} lead={t("statements.lead")} />
      <ImportForm />
      <Queue />
    </>
  );
}
