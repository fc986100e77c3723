// SPDX-License-Identifier: EUPL-1.2
import type { ChangeEvent } from "react";
import type { z } from "zod";
import { DOCUMENT_CONTENT_TYPES } from "../../domain/households/document.schema.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { CheckboxField, type Option, SelectField, TextAreaField, TextField } from "./form-field.tsx";
import { useSchemaForm } from "./use-schema-form.ts";

// An area's forms (funding, expenses, governance, workspace): text fields turned into a shared
// schema's input, an error summary above each form and each error beside its field, whether the
// schema found it in the browser or the API answered it (400 or 422 on a path, 409 on a field). Each
// area gives its own messages' translation.

type TextExtra = Partial<
  Pick<Parameters<typeof TextField>[0], "type" | "inputMode" | "hint" | "autoComplete" | "min" | "max">
>;

export type AreaFormOptions<F extends string, O> = {
  id: string;
  schema: z.ZodType<O>;
  /** The fields in the order of the form (each an id `${id}-${field}`). */
  fields: readonly F[];
  defaults: Record<F, string>;
  /** The text of the fields turned into the schema's input. */
  inputOf: (values: Record<F, string>) => unknown;
  labelOf: (field: F) => string;
  /** Sends the parsed input. */
  save: (input: O) => Promise<unknown>;
  /** The field a path of the schema or the API is shown beside (its own name unless told). */
  fieldOf?: (path: string) => F | null;
  /** Start afresh after a save (a new record); the moves of one record are keyed by its version instead. */
  resetAfterSave?: boolean;
};

/** A form of an area, its messages translated by `message` (the area's `use…Message()`). */
export function useAreaForm<F extends string, O>(
  options: AreaFormOptions<F, O>,
  message: (text: string) => string,
) {
  const { register, isSubmitting, summary, submit, failure, fieldId } = useSchemaForm({
    ...options,
    message,
  });
  const common = (name: F, className: string) => ({
    id: fieldId(name),
    className,
    label: options.labelOf(name),
    error: summary.errorOf(name),
  });
  return {
    submit,
    isSubmitting,
    register,
    fieldId,
    errorOf: summary.errorOf,
    text: (name: F, className: string, extra: TextExtra & { required?: boolean } = {}) => (
      <TextField {...common(name, className)} registration={register(name)} {...extra} />
    ),
    select: (
      name: F,
      className: string,
      choices: readonly Option[],
      extra: {
        required?: boolean;
        empty?: string;
        hint?: string;
        onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
      } = {},
    ) => {
      const { onChange, ...rest } = extra;
      return (
        <SelectField
          {...common(name, className)}
          registration={register(name, onChange ? { onChange } : {})}
          options={choices}
          {...rest}
        />
      );
    },
    area: (name: F, className: string, extra: { hint?: string; rows?: number; required?: boolean } = {}) => (
      <TextAreaField {...common(name, className)} registration={register(name)} {...extra} />
    ),
    check: (name: F, className: string, extra: { hint?: string } = {}) => (
      <CheckboxField {...common(name, className)} registration={register(name)} {...extra} />
    ),
    /** A file input (a PDF, PNG or JPEG document) with its hint, and its error beside it. */
    file: (name: F, className: string, hint: string) => {
      const id = fieldId(name);
      const error = summary.errorOf(name);
      return (
        <div className={`form-group ${className}`}>
          <label htmlFor={id} className="active">
            {options.labelOf(name)}
            <span className="text-danger ms-1" aria-hidden="true">
              *
            </span>
          </label>
          <input
            id={id}
            type="file"
            accept={DOCUMENT_CONTENT_TYPES.join(",")}
            className={`form-control${error ? " is-invalid" : ""}`}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            {...register(name)}
          />
          <small id={`${id}-hint`} className="form-text">
            {hint}
          </small>
          {error ? (
            <div id={`${id}-error`} className="field-error">
              {error}
            </div>
          ) : null}
        </div>
      );
    },
    /** What stops the form, above it: the summary of the refused fields, or a failure with no field. */
    problems: (
      <>
        {failure ? <ErrorAlert error={failure} /> : null}
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id={`${options.id}-errors`} />
      </>
    ),
  };
}
