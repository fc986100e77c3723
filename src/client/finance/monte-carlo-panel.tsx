// SPDX-License-Identifier: EUPL-1.2
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { MonteCarloResult } from "../../domain/finance/monte-carlo.ts";
import { type MonteCarloChunk, mergeMonteCarloChunks } from "../../domain/finance/monte-carlo-chunks.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { useFormat } from "../format.ts";
import { fetchMonteCarloChunk } from "./finance-api.ts";
import { useFinanceT } from "./finance-i18n.ts";

const HistogramChart = lazy(() => import("./plan-charts.tsx").then((m) => ({ default: m.HistogramChart })));

/** Runs of the analysis, and runs per request: each request is one step of the progress bar. */
const RUNS = 10_000;
const CHUNK = 1_000;
const SEED = 1;

type State =
  | { kind: "idle" }
  | { kind: "running"; done: number }
  | { kind: "done"; result: MonteCarloResult }
  | { kind: "failed"; error: unknown; done: number };

/**
 * The seeded Monte Carlo analysis of one version, run by the server in chunks the page asks for in turn:
 * the bar moves as each chunk comes back (real progress, not an animation), and the chunks are merged
 * here into the same figures one run would give.
 */
export function MonteCarloPanel({ name, version }: { name: string; version: number }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const chunks: MonteCarloChunk[] = [];
    setState({ kind: "running", done: 0 });
    try {
      for (let from = 0; from < RUNS; from += CHUNK) {
        const count = Math.min(CHUNK, RUNS - from);
        chunks.push(
          await fetchMonteCarloChunk(
            name,
            { runs: RUNS, seed: SEED, from, count, version },
            controller.signal,
          ),
        );
        setState({ kind: "running", done: from + count });
      }
      setState({ kind: "done", result: mergeMonteCarloChunks(chunks, { seed: SEED, runs: RUNS }) });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: "failed", error, done: chunks.reduce((n, c) => n + c.count, 0) });
    }
  };

  const done =
    state.kind === "running" || state.kind === "failed" ? state.done : state.kind === "done" ? RUNS : 0;
  const percent = Math.round((done / RUNS) * 100);
  const running = state.kind === "running";
  return (
    <section aria-labelledby="monte-carlo-title" className="mb-5">
      <h2 id="monte-carlo-title">{t("monteCarlo.title")}</h2>
      <p>{t("monteCarlo.lead", { runs: format.number(RUNS, 0), seed: SEED, version })}</p>
      <button type="button" className="btn btn-primary" onClick={run} disabled={running}>
        {running
          ? t("monteCarlo.running")
          : state.kind === "done"
            ? t("monteCarlo.runAgain")
            : t("monteCarlo.run")}
      </button>
      {state.kind === "idle" ? null : (
        <div className="monte-carlo-progress mt-3">
          <p id="monte-carlo-progress-label" className="mb-1">
            {t("monteCarlo.progressLabel")}
          </p>
          <div
            className="progress"
            role="progressbar"
            aria-labelledby="monte-carlo-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t("monteCarlo.progressText", {
              done: format.number(done, 0),
              runs: format.number(RUNS, 0),
              percent,
            })}
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {state.kind === "done" ? t("monteCarlo.finished") : ""}
      </p>
      {state.kind === "failed" ? <ErrorAlert error={state.error} onRetry={run} /> : null}
      {state.kind === "done" ? <MonteCarloFigures result={state.result} /> : null}
    </section>
  );
}

function MonteCarloFigures({ result }: { result: MonteCarloResult }) {
  const { t } = useFinanceT();
  const format = useFormat();
  const q = result.minDscr;
  return (
    <div className="mt-4" data-testid="monte-carlo-result">
      <dl className="plan-figures mb-4">
        <div>
          <dt>{t("monteCarlo.probabilityBelowOne")}</dt>
          <dd>{format.percent(result.probabilityMinDscrBelowOne, 1)}</dd>
        </div>
        <div>
          <dt>{t("monteCarlo.minDscrRange")}</dt>
          <dd>
            {q === null ? t("monteCarlo.noDebt") : `${format.number(q.p5, 2)} – ${format.number(q.p95, 2)}`}
          </dd>
        </div>
        <div>
          <dt>{t("monteCarlo.unitsMedian")}</dt>
          <dd>{format.number(result.unitsRecovered.quantiles.p50, 0)}</dd>
        </div>
        <div>
          <dt>{t("monteCarlo.probabilityShortfall")}</dt>
          <dd>{format.percent(result.probabilityShortfall, 1)}</dd>
        </div>
      </dl>
      <h3 className="h5">{t("monteCarlo.histogramTitle")}</h3>
      <Suspense fallback={<Loading />}>
        <HistogramChart result={result} />
      </Suspense>
    </div>
  );
}
