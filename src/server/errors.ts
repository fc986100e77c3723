// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../domain/shared/issue.ts";

export type AppErrorCode =
  | "NOT_FOUND"
  | "INVALID"
  | "UNPROCESSABLE"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "TOO_MANY_REQUESTS"
  | "PAYLOAD_TOO_LARGE";

/** The HTTP status of each error code; the only place that knows it. */
export const HTTP_STATUS: Record<AppErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

const TITLES: Record<AppErrorCode, string> = {
  INVALID: "Invalid request",
  UNAUTHENTICATED: "Authentication required",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  UNPROCESSABLE: "The request breaks a rule",
  PAYLOAD_TOO_LARGE: "The request is too large",
  TOO_MANY_REQUESTS: "Too many requests",
};

/** An expected failure of a use case; leaves the API as `application/problem+json`. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly errors: FieldIssue[] = [],
    /** Response headers that go with the problem (`Retry-After`, rate-limit headers). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldIssue[];
};

export function toProblem(error: AppError): Problem {
  return {
    type: `https://casacomune.example/problems/${error.code.toLowerCase()}`,
    title: TITLES[error.code],
    status: HTTP_STATUS[error.code],
    detail: error.message,
    errors: error.errors,
  };
}

/** One field is wrong: a 400 (or another code) naming it. */
export const fieldError = (code: AppErrorCode, path: string, message: string) =>
  new AppError(code, message, [{ path, message }]);

/**
 * For `.catch`: a record that a field points to and that is missing (or hidden from the caller) is a
 * 422 naming that field; any other error passes through.
 */
export const missingAsField = (path: string, message: string) => (e: unknown) => {
  throw e instanceof AppError && e.code === "NOT_FOUND" ? fieldError("UNPROCESSABLE", path, message) : e;
};

/**
 * The constraint and message of a unique-key violation, raw from the driver or wrapped by drizzle (as
 * its `cause`); null for any other error.
 */
export function uniqueViolationOf(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === "23505") return `${String(constraint ?? "")} ${String(message ?? "")}`;
  return "cause" in e ? uniqueViolationOf((e as { cause: unknown }).cause) : null;
}
