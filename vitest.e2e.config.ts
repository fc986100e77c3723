// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from "vitest/config";
import { E2E_WORKERS } from "./e2e/support/workers.ts";

// Browser journeys: Debian's Chromium driven by playwright-core against the built app and the real
// server. The global setup starts one server per worker, each with its own demo database; a worker's
// files run one after another against its server.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["e2e/global-setup.ts"],
    maxWorkers: E2E_WORKERS,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
