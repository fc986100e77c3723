// SPDX-License-Identifier: EUPL-1.2
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // PGlite runs in-process: two files at a time fit the 2-core machines.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/domain/**/*.test.ts", "src/client/**/*.test.ts"],
          environment: "node",
          isolate: false,
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/server/**/*.test.ts"],
          environment: "node",
          // Files share a worker's loaded modules (each still opens its own database): loading the
          // server's modules again for each of its 52 files took a third of the time. No test
          // replaces a module, and state a module keeps must not leak between files (as between
          // requests of a long-running server).
          isolate: false,
          globalSetup: ["src/server/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
