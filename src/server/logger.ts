// SPDX-License-Identifier: EUPL-1.2

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

let threshold: number = LEVELS.info;

export function setLogLevel(level: LogLevel) {
  threshold = LEVELS[level];
}

function write(level: Exclude<LogLevel, "silent">, message: string, data?: Record<string, unknown>) {
  if (LEVELS[level] < threshold) return;
  const line = data ? `${message} ${JSON.stringify(data)}` : message;
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`[${level}] ${line}\n`);
}

/** Plain-line logger; personal data never goes into a log line. */
export const logger = {
  debug: (message: string, data?: Record<string, unknown>) => write("debug", message, data),
  info: (message: string, data?: Record<string, unknown>) => write("info", message, data),
  warn: (message: string, data?: Record<string, unknown>) => write("warn", message, data),
  error: (message: string, data?: Record<string, unknown>) => write("error", message, data),
};
