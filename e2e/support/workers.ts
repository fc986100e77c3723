// SPDX-License-Identifier: EUPL-1.2
import { availableParallelism } from "node:os";

/**
 * How many journey files run at once, each worker against a server of its own (E2E_WORKERS to
 * override): one per core, at most two. Most of a journey's time is Chromium drawing pages and
 * running axe, so a worker per core is as far as it goes (decision 0025).
 */
export const E2E_WORKERS = Math.max(
  1,
  Number.parseInt(process.env.E2E_WORKERS ?? "", 10) || Math.min(2, availableParallelism()),
);
