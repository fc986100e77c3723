// SPDX-License-Identifier: EUPL-1.2
import { useRef, useState } from "react";
import type { FieldErrors } from "react-hook-form";
import { isApiError } from "../api.ts";
import type { SummaryItem } from "./error-summary.tsx";
import { flattenErrors, messageAt } from "./form-errors.ts";

type SetServerError<F> = (name: F, error: { type: "server"; message: string }) => void;

/**
 * What a form with an error summary needs: each error on its field and in the summary with a link
 * to it, the errors that have no field (a rule on the whole record, the problem's detail) in the
 * summary alone, and the focus on the first field with an error or else on the summary.
 */
export function useErrorSummary<F extends string>(form: {
  errors: FieldErrors;
  setFocus: (name: F) => void;
  /** The form's field of an error's path; null when it has none. */
  fieldOf: (path: string) => F | null;
  fieldId: (name: F) => string;
  labelOf: (name: F) => string;
  /** A message in the interface language. */
  message: (text: string) => string;
}) {
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const ref = useRef<HTMLDivElement>(null);
  const errorOf = (name: F) => {
    const text = messageAt(form.errors, name);
    return text === undefined ? undefined : form.message(text);
  };
  // The summary is drawn once its errors are set, which may be a frame or two after they are: wait
  // for it (a few frames at most) rather than miss it.
  const focusSummary = (frames = 10) =>
    requestAnimationFrame(() => {
      if (ref.current) ref.current.focus();
      else if (frames > 0) focusSummary(frames - 1);
    });
  const focus = (first: F | null | undefined) => {
    if (first) form.setFocus(first);
    else focusSummary();
  };
  return {
    ref,
    errorOf,
    focus,
    clear: () => setOtherErrors([]),
    /** For the invalid handler: the focus on the form's first error. */
    invalid: (invalid: FieldErrors) => {
      setOtherErrors([]);
      const first = flattenErrors(invalid)[0];
      focus(first ? form.fieldOf(first.path) : null);
    },
    /**
     * For a refused request: field errors on their fields (`apiFieldOf` reads the API's paths), the
     * others, or the detail when no error came with it, in the summary.
     */
    refused: (
      error: unknown,
      setError: SetServerError<F>,
      options: { apiFieldOf?: (path: string) => F | null; focusLater?: boolean } = {},
    ) => {
      if (!isApiError(error)) return;
      const fieldOf = options.apiFieldOf ?? form.fieldOf;
      const loose: string[] = [];
      let first: F | null = null;
      for (const issue of error.errors) {
        const path = fieldOf(issue.path);
        if (path) {
          setError(path, { type: "server", message: issue.message });
          first ??= path;
        } else loose.push(issue.message);
      }
      setOtherErrors(loose.length > 0 || first !== null ? loose : [error.detail]);
      const field = first;
      // A field that only shows once it has an error is focused after the next render.
      if (field !== null && options.focusLater) requestAnimationFrame(() => form.setFocus(field));
      else focus(field);
    },
    /** The summary's lines: the form's errors, each linking to its field, then the others. */
    items: (): SummaryItem[] => [
      ...flattenErrors(form.errors).map((issue) => {
        const path = form.fieldOf(issue.path);
        return path
          ? {
              key: issue.path,
              href: `#${form.fieldId(path)}`,
              focus: () => form.setFocus(path),
              text: `${form.labelOf(path)}: ${errorOf(path) ?? ""}`,
            }
          : { key: issue.path, text: form.message(issue.message) };
      }),
      ...otherErrors.map((text) => ({ key: text, text: form.message(text) })),
    ],
  };
}
