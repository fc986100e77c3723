// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../domain/shared/issue.ts";

export const API_BASE = "/api/v1";

/** The body of an `application/problem+json` answer, as far as the client needs it. */
export const Problem = z.object({
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().default(""),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
});
export type Problem = z.infer<typeof Problem>;

/**
 * A failed API call. `status` is the HTTP status (0 when the network failed or the answer was not
 * what the client expected); `errors` names the offending fields with their English messages.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldIssue[];

  constructor(status: number, detail: string, errors: FieldIssue[] = []) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
    this.errors = errors;
  }

  static fromProblem(status: number, body: unknown): ApiError {
    const parsed = Problem.safeParse(body);
    if (!parsed.success) return new ApiError(status, `HTTP ${status}`);
    return new ApiError(parsed.data.status ?? status, parsed.data.detail, parsed.data.errors);
  }
}

export const isApiError = (e: unknown, status?: number): e is ApiError =>
  e instanceof ApiError && (status === undefined || e.status === status);

type RequestOptions = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON, or a multipart form (a file upload) sent as it is. */
  body?: unknown;
  signal?: AbortSignal;
};

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Call the API and validate the answer with `schema`. Cookies go along (same origin); errors come
 * back as `ApiError`, never as a resolved value.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: "application/json" };
  const multipart = options.body instanceof FormData;
  // The browser writes the multipart boundary into the content type itself.
  if (options.body !== undefined && !multipart) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body:
        options.body === undefined || multipart
          ? (options.body as FormData | undefined)
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "The server could not be reached");
  }
  const body = await readJson(response);
  if (!response.ok) throw ApiError.fromProblem(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(0, "The server sent an unexpected answer");
  return parsed.data;
}

export const NoContent = z.undefined();

/** A query string from the entries that have a value, in a stable order. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
