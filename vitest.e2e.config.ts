// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from "vitest/config";

// Browser journeys: Debian's Chromium driven by playwright-core against the built app and the real
// server (started once by the global setup). Files run one after another: they share that server.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
