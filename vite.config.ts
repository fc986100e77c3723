// SPDX-License-Identifier: EUPL-1.2
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app: index.html at the repository root, built into dist/client, which the API server serves.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/client",
    emptyOutDir: true,
    // ECharts alone is ~600 kB before gzip; it is loaded only with the dashboard.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite` during development, with the API (`npm run dev`) on its default port.
    proxy: { "/api": "http://localhost:3000" },
  },
});
