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
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/server/**/*.test.ts"],
          environment: "node",
          globalSetup: ["src/server/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
