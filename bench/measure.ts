// SPDX-License-Identifier: EUPL-1.2
import { performance } from "node:perf_hooks";

/** Milliseconds since `start` (a `performance.now()` reading). */
export const since = (start: number) => performance.now() - start;

/** Run `task` and return its result with the milliseconds it took. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await task();
  return { value, ms: since(start) };
}

export type Percentiles = { p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles of a set of durations in ms. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? 0 };
}

/** `ms` with a precision that suits its size: 0.42 ms, 12.3 ms, 1 234 ms. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `a / b` as `×1.85`, or a dash when either side is missing. */
export function formatRatio(a: number | null, b: number | null): string {
  if (a === null || b === null || b === 0) return "–";
  return `×${(a / b).toFixed(2)}`;
}

/** A plain text table, columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = /^[-–×\d.,\s]+(ms|s|%)?$|^×/;
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric.test(c) && i > 0 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
