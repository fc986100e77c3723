// SPDX-License-Identifier: EUPL-1.2
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { UNIT_FILE_COLUMNS } from "../../domain/units/unit-file.ts";
import type { Problem } from "../api.ts";
import { useCan } from "../auth/session.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Icon } from "../components/icon.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { useFormat } from "../format.ts";
import { useMessage } from "../i18n/translate-message.ts";
import { Link } from "../router.tsx";
import { type ImportPhase, type ImportResult, issueRows, uploadUnitFile } from "./import-upload.ts";
import { useUnitLabels } from "./unit-labels.ts";
import { unitKeys } from "./units-api.ts";

/** How many bad cells the preview lists; the rest are counted. */
const PREVIEW_LIMIT = 200;
const ACCEPTED = /\.(csv|xlsx)$/i;

type ImportState =
  | { step: "idle" }
  | { step: "uploading"; loaded: number; total: number }
  | { step: "processing" }
  | { step: "done"; result: ImportResult }
  | { step: "problem"; problem: Problem }
  | { step: "failed"; error: unknown };

/** A CSV with just the header row, for filling in: Italian column names in Italian, keys in English. */
function templateHref(language: string) {
  const header = UNIT_FILE_COLUMNS.map((c) => (language === "it" ? c.it : c.key)).join(";");
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\r\n`)}`;
}

function ColumnGuide() {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  return (
    <details className="mt-3">
      <summary>{t("import.columns.summary")}</summary>
      <div className="table-responsive mt-2">
        <table className="table table-sm">
          <caption className="visually-hidden">{t("import.columns.summary")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.columns.name")}</th>
              <th scope="col">{t("import.columns.key")}</th>
              <th scope="col">{t("import.columns.meaning")}</th>
              <th scope="col">{t("import.columns.required")}</th>
            </tr>
          </thead>
          <tbody>
            {UNIT_FILE_COLUMNS.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  <code>{c.it}</code>
                </th>
                <td>
                  <code>{c.key}</code>
                </td>
                <td>{labels.field(c.key)}</td>
                <td>{c.required ? t("common.yes") : t("common.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

type Phases = Partial<Record<ImportPhase, number>>;

function PhaseList({ state, phases }: { state: ImportState; phases: Phases }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uploaded = state.step !== "uploading";
  const order: ImportPhase[] = ["read", "validated", "written"];
  return (
    <ol className="import-phases list-unstyled mb-0">
      <li className={uploaded ? "done" : "current"}>
        <Icon name={uploaded ? "check-circle" : "clock"} size="sm" className="me-2" />
        {t("import.phases.upload")}
      </li>
      {order.map((phase) => {
        const rows = phases[phase];
        // The check is the phase that fails: the server stops before "validated" when a row is bad.
        const failed = state.step === "problem" && rows === undefined && phase === "validated";
        const status = rows !== undefined ? "done" : failed ? "failed" : "pending";
        return (
          <li key={phase} className={status}>
            <Icon
              name={status === "done" ? "check-circle" : status === "failed" ? "close-circle" : "clock"}
              size="sm"
              className="me-2"
            />
            {t(`import.phases.${phase}`)}
            {rows !== undefined ? ` — ${t("import.rows", { count: rows, n: format.number(rows) })}` : ""}
            {failed ? ` — ${t("import.phases.failed")}` : ""}
          </li>
        );
      })}
    </ol>
  );
}

function ProblemPreview({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const labels = useUnitLabels();
  const message = useMessage();
  const format = useFormat();
  const rows = issueRows(problem);
  const shown = rows.slice(0, PREVIEW_LIMIT);
  const rest = rows.length - shown.length;
  const badRows = new Set(rows.map((r) => r.row)).size;
  const columnName = (column: string) => {
    const fileColumn = UNIT_FILE_COLUMNS.find((c) => c.key === column);
    return fileColumn ? `${labels.field(column)} (${fileColumn.it})` : column || "—";
  };
  return (
    <section aria-labelledby="import-problem-title" className="mt-4">
      <div className="alert alert-danger" role="alert">
        <h2 id="import-problem-title" className="h5">
          {t("import.problem.title")}
        </h2>
        <p className="mb-0">
          {rows.length > 0
            ? t("import.problem.summary", {
                count: rows.length,
                n: format.number(rows.length),
                rows: format.number(badRows),
              })
            : message(problem.detail)}
        </p>
      </div>
      {shown.length > 0 ? (
        <div className="table-responsive">
          <table className="table table-sm import-errors">
            <caption>{t("import.problem.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("import.problem.row")}</th>
                <th scope="col">{t("import.problem.column")}</th>
                <th scope="col">{t("import.problem.message")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list; one row may repeat.
                <tr key={i}>
                  <td>{r.row ?? "—"}</td>
                  <td>{columnName(r.column)}</td>
                  <td>{message(r.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rest > 0 ? <p>{t("import.problem.more", { count: rest, n: format.number(rest) })}</p> : null}
    </section>
  );
}

/** Import units from a spreadsheet: all rows or none, with the server's checks shown row by row. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const canImport = useCan("units:import");
  const [state, setState] = useState<ImportState>({ step: "idle" });
  const [phases, setPhases] = useState<Phases>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const busy = state.step === "uploading" || state.step === "processing";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!file) {
      setFileError(t("import.errors.noFile"));
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    if (!ACCEPTED.test(file.name)) {
      setFileError(t("import.errors.type"));
      if (input instanceof HTMLInputElement) input.focus();
      return;
    }
    setFileError(null);
    abort.current = new AbortController();
    setState({ step: "uploading", loaded: 0, total: file.size });
    setPhases({});
    setAnnouncement(t("import.announce.uploading"));
    try {
      const outcome = await uploadUnitFile(
        file,
        {
          onUpload: (loaded, total) =>
            setState((s) => (s.step === "uploading" ? { step: "uploading", loaded, total } : s)),
          onPhase: (phase, rows) => {
            setState({ step: "processing" });
            setPhases((p) => ({ ...p, [phase]: rows }));
            setAnnouncement(t(`import.announce.${phase}`, { count: rows, n: format.number(rows) }));
          },
        },
        abort.current.signal,
      );
      if (outcome.kind === "result") {
        setState({ step: "done", result: outcome.result });
        setAnnouncement("");
        await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      } else {
        setState({ step: "problem", problem: outcome.problem });
        setAnnouncement("");
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === "AbortError") return;
      setState({ step: "failed", error: e });
      setAnnouncement("");
    }
  };

  const percent =
    state.step === "uploading" && state.total > 0 ? Math.round((state.loaded / state.total) * 100) : 100;

  return (
    <>
      <PageTitle title={t("import.title")} lead={t("import.intro")} />
      {!canImport ? (
        <div className="alert alert-warning" role="alert">
          {t("errors.forbidden")}
        </div>
      ) : (
        <>
          <div className="row g-4">
            <div className="col-12 col-lg-7">
              <form
                noValidate
                onSubmit={submit}
                className="card shadow-sm p-4"
                aria-labelledby="import-form-title"
              >
                <h2 id="import-form-title" className="h5">
                  {t("import.form.title")}
                </h2>
                <div className="mb-3 mt-2">
                  <label htmlFor="import-file" className="form-label fw-semibold">
                    {t("import.form.file")}
                  </label>
                  <input
                    id="import-file"
                    name="file"
                    type="file"
                    className={`form-control file-input${fileError ? " is-invalid" : ""}`}
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby={`import-file-hint${fileError ? " import-file-error" : ""}`}
                    aria-invalid={fileError ? true : undefined}
                    disabled={busy}
                  />
                  <small id="import-file-hint" className="form-text d-block">
                    {t("import.form.hint")}
                  </small>
                  {fileError ? (
                    <div id="import-file-error" className="field-error">
                      {fileError}
                    </div>
                  ) : null}
                </div>
                <div>
                  <button type="submit" className="btn btn-primary" disabled={busy}>
                    <Icon name="upload" size="sm" className="icon-white me-1" />
                    {busy ? t("import.form.busy") : t("import.form.submit")}
                  </button>
                </div>
              </form>
            </div>
            <div className="col-12 col-lg-5">
              <section className="card shadow-sm p-4 h-100" aria-labelledby="template-title">
                <h2 id="template-title" className="h5">
                  {t("import.template.title")}
                </h2>
                <p>{t("import.template.text")}</p>
                <ul className="list-unstyled mb-0">
                  <li>
                    <a href={templateHref(i18n.language)} download={t("import.template.fileName")}>
                      <Icon name="file-csv" size="sm" className="icon-primary me-1" />
                      {t("import.template.csv")}
                    </a>
                  </li>
                  <li className="mt-2">
                    <a href="/api/v1/units/export?format=xlsx" download>
                      <Icon name="file-xlsx" size="sm" className="icon-primary me-1" />
                      {t("import.template.export")}
                    </a>
                  </li>
                </ul>
                <ColumnGuide />
              </section>
            </div>
          </div>

          <div className="visually-hidden" aria-live="polite" aria-atomic="true">
            {announcement}
          </div>

          {state.step !== "idle" ? (
            <section className="card shadow-sm p-4 mt-4" aria-labelledby="import-progress-title">
              <h2 id="import-progress-title" className="h5">
                {t("import.progress.title")}
              </h2>
              <label htmlFor="upload-progress" className="form-label">
                {t("import.progress.upload", { percent })}
              </label>
              <progress id="upload-progress" className="upload-progress" max={100} value={percent}>
                {percent}%
              </progress>
              <PhaseList state={state} phases={phases} />
            </section>
          ) : null}

          {state.step === "done" ? (
            <div className="alert alert-success mt-4" role="status">
              <h2 className="h5">{t("import.done.title")}</h2>
              <p className="mb-2">
                {t("import.done.summary", {
                  rows: format.number(state.result.rows),
                  created: format.number(state.result.created),
                  updated: format.number(state.result.updated),
                  unchanged: format.number(state.result.unchanged),
                })}
              </p>
              <Link to="/alloggi">{t("import.done.toList")}</Link>
            </div>
          ) : null}
          {state.step === "problem" ? <ProblemPreview problem={state.problem} /> : null}
          {state.step === "failed" ? <ErrorAlert error={state.error} /> : null}
        </>
      )}
    </>
  );
}
