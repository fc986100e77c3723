// SPDX-License-Identifier: EUPL-1.2
import { useState } from "react";
import { type FieldErrors, useForm } from "react-hook-form";
import type { z } from "zod";
import { type ApiError, isApiError } from "../api.ts";
import { schemaResolver } from "./schema-resolver.ts";
import { useErrorSummary } from "./use-error-summary.ts";

/**
 * The core of a small form of text fields turned into a shared schema's input: `fields` in the
 * order of the form (each an id `${id}-${field}`), the text turned into the input by `inputOf`, a
 * path of the schema or the API put on its field by `fieldOf` (its own name unless told), `save`
 * sending the parsed input. Errors go to the summary above the form and beside their fields,
 * whether the schema found them in the browser or the API answered them; `refused` says which API
 * answers are about the fields (a 403 is not, unless told), the rest show as the form's failure.
 */
export function useSchemaForm<F extends string, O>(options: {
  id: string;
  schema: z.ZodType<O>;
  fields: readonly F[];
  defaults: Record<F, string>;
  inputOf: (values: Record<F, string>) => unknown;
  labelOf: (field: F) => string;
  save: (input: O) => Promise<unknown>;
  message: (text: string) => string;
  fieldOf?: (path: string) => F | null;
  resetAfterSave?: boolean;
  refused?: (e: ApiError) => boolean;
}) {
  const fieldOf = (path: string): F | null =>
    options.fieldOf?.(path) ?? options.fields.find((f) => f === path) ?? null;
  const fieldId = (name: F) => `${options.id}-${name}`;
  const [failure, setFailure] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Record<string, string>, unknown, O>({
    resolver: schemaResolver<Record<string, string>, O>(
      options.schema,
      (v) => options.inputOf(v as Record<F, string>),
      (path, count) => fieldOf(path) ?? `root${count}`,
    ),
    defaultValues: options.defaults,
  });
  const summary = useErrorSummary<F>({
    errors,
    setFocus,
    fieldOf,
    fieldId,
    labelOf: options.labelOf,
    message: options.message,
  });
  const refused = options.refused ?? ((e: ApiError) => e.status !== 403);
  const submit = handleSubmit(
    async (input) => {
      summary.clear();
      setFailure(null);
      try {
        await options.save(input);
        if (options.resetAfterSave) reset(options.defaults);
      } catch (e) {
        if (isApiError(e) && e.status !== 0 && refused(e)) summary.refused(e, setError);
        else setFailure(e);
      }
    },
    (invalid) => {
      setFailure(null);
      summary.invalid(invalid as FieldErrors);
    },
  );
  return { register, errors, isSubmitting, summary, submit, failure, fieldId };
}
