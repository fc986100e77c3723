// SPDX-License-Identifier: EUPL-1.2
import { isApiError } from "../api.ts";

/**
 * Put the field errors of a refused request on the form's own fields (those `isField` knows), as
 * server errors, and move the focus to the first of them. True when at least one was placed; the
 * others (a 403, a rule on the whole record) are for the caller to show.
 */
export function showServerErrors<F extends string>(
  error: unknown,
  isField: (path: string) => path is F,
  setError: (name: F, error: { type: "server"; message: string }) => void,
  setFocus: (name: F) => void,
): boolean {
  if (!isApiError(error)) return false;
  let first: F | null = null;
  for (const issue of error.errors) {
    if (!isField(issue.path)) continue;
    setError(issue.path, { type: "server", message: issue.message });
    first ??= issue.path;
  }
  if (first !== null) setFocus(first);
  return first !== null;
}
