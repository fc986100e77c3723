// SPDX-License-Identifier: EUPL-1.2
// The first module of an allocation run's worker thread: it registers tsx's loader in the new thread
// (flags such as `--import` do not reach a worker's module loader on Node 20), then loads the worker.
import { register } from "tsx/esm/api";

register();
await import("./run-worker.ts");
