// SPDX-License-Identifier: EUPL-1.2
import { parentPort, workerData } from "node:worker_threads";
import { buildRunSnapshot, type RunSnapshot, replayRun } from "../../domain/allocation/run-snapshot.ts";
import type { RunTask, WorkerMessage } from "./run-solver.ts";

/*
 * The worker thread of an allocation run: scores every pair and solves, off the request thread, telling
 * the parent how far it got. Everything it reads comes in `workerData`; it touches no database.
 */

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function perform(task: RunTask) {
  let snapshot: RunSnapshot;
  if (task.kind === "build") {
    post({ kind: "progress", phase: "scoring", fraction: 0 });
    snapshot = buildRunSnapshot(task.input);
  } else {
    snapshot = task.snapshot;
  }
  post({ kind: "progress", phase: "solving", fraction: 0 });
  const outcome = await replayRun(snapshot, {
    onProgress: (fraction) => post({ kind: "progress", phase: "solving", fraction }),
  });
  post({ kind: "done", snapshot: task.kind === "build" ? snapshot : null, outcome });
}

perform(workerData as RunTask).catch((e: unknown) =>
  post({ kind: "failed", message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
