// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from "../../domain/households/document.schema.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { type Option, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { useSchemaForm } from "../components/use-schema-form.ts";
import { useWorkspaceMessage } from "./workspace-i18n.ts";

// The workspace forms: text fields and a file turned into a shared schema's input, an error summary
// above each form and each error beside its field, whether the schema found it in the browser or the
// API answered it (400 or 422 on a path, 409 for a title the folder has or a version come meanwhile).

// The message the API gives when no file comes, so its translation applies to both.
const FILE_REQUIRED = "Attach one file in the field `file`";

/** One file of an accepted type and size, checked before sending as the API checks it. */
export const UploadFile = z
  .custom<File>((f) => f instanceof File, { error: FILE_REQUIRED })
  .refine((f) => f.size <= DOCUMENT_MAX_BYTES, { error: "A file may be at most 10 MiB" })
  .refine((f) => DOCUMENT_CONTENT_TYPES.some((type) => type === f.type), {
    error: "Attach a PDF, PNG or JPEG file",
  });

/** The file a file input holds, as the form keeps it (a FileList), or undefined. */
export const chosenFile = (value: unknown): File | undefined =>
  (value as FileList | undefined)?.[0] ?? undefined;

/**
 * A form of the workspace: `fields` in the order of the form (each an id `${id}-${field}`), the text
 * turned into the schema's input by `inputOf`, a path of the schema or the API put on its field by
 * `fieldOf` (its own name unless told), `save` sending the parsed input.
 */
export function useWorkspaceForm<F extends string, O>(options: {
  id: string;
  schema: z.ZodType<O>;
  fields: readonly F[];
  defaults: Record<F, string>;
  inputOf: (values: Record<F, string>) => unknown;
  labelOf: (field: F) => string;
  save: (input: O) => Promise<unknown>;
  fieldOf?: (path: string) => F | null;
  resetAfterSave?: boolean;
}) {
  const message = useWorkspaceMessage();
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
    text: (name: F, className: string, extra: { required?: boolean; hint?: string } = {}) => (
      <TextField {...common(name, className)} registration={register(name)} {...extra} />
    ),
    select: (
      name: F,
      className: string,
      choices: readonly Option[],
      extra: { required?: boolean; empty?: string; hint?: string } = {},
    ) => (
      <SelectField {...common(name, className)} registration={register(name)} options={choices} {...extra} />
    ),
    area: (name: F, className: string, extra: { hint?: string; rows?: number; required?: boolean } = {}) => (
      <TextAreaField {...common(name, className)} registration={register(name)} {...extra} />
    ),
    /** A file input with its hint, and its error beside it. */
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
