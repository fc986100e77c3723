// SPDX-License-Identifier: EUPL-1.2
import { Worker } from "node:worker_threads";
import type { AllocationRunProgress, RunPhase } from "../../domain/allocation/run.schema.ts";
import type { buildRunSnapshot, RunOutcome, RunSnapshot } from "../../domain/allocation/run-snapshot.ts";

/*
 * Allocation runs are solved in a worker thread, so scoring millions of pairs and solving never stall
 * the requests of everybody else. While a run works, its progress is kept here under the id the
 * caller chose, for the page to poll; it is forgotten a minute after the run ends.
 */

/** What a worker is asked: build the snapshot from the rows and solve it, or solve a stored one. */
export type RunTask =
  | { kind: "build"; input: Parameters<typeof buildRunSnapshot>[0] }
  | { kind: "replay"; snapshot: RunSnapshot };

export type WorkerMessage =
  | { kind: "progress"; phase: RunPhase; fraction: number }
  | { kind: "done"; snapshot: RunSnapshot | null; outcome: RunOutcome }
  | { kind: "failed"; message: string };

const FORGET_AFTER_MS = 60_000;
const progress = new Map<string, AllocationRunProgress>();

/** The progress of a run started with `progressId`, or null when unknown (or long finished). */
export const runProgress = (progressId: string): AllocationRunProgress | null =>
  progress.get(progressId) ?? null;

/** Record a phase of the run `progressId` (none: nothing recorded). */
export function reportProgress(progressId: string | undefined, phase: RunPhase, fraction: number) {
  if (progressId === undefined) return;
  const started = progress.get(progressId)?.startedAt ?? new Date().toISOString();
  progress.set(progressId, { phase, fraction: Math.max(0, Math.min(1, fraction)), startedAt: started });
  if (phase === "done" || phase === "failed") {
    setTimeout(() => progress.delete(progressId), FORGET_AFTER_MS).unref();
  }
}

/** The worker thread's first module (plain JavaScript: it registers the TypeScript loader). */
const WORKER = new URL("./run-worker-bootstrap.mjs", import.meta.url);

/** Run `task` in a new worker thread; its progress goes to `progressId`. */
export function solveInWorker(
  task: RunTask,
  progressId?: string,
): Promise<{ snapshot: RunSnapshot | null; outcome: RunOutcome }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: task });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "progress") reportProgress(progressId, message.phase, message.fraction);
      else if (message.kind === "done")
        settle(() => resolve({ snapshot: message.snapshot, outcome: message.outcome }));
      else settle(() => reject(new Error(`allocation run failed in its worker: ${message.message}`)));
    });
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`allocation run worker stopped (exit code ${code}) before its result`))),
    );
  });
}
