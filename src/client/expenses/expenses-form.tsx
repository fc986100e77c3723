// SPDX-License-Identifier: EUPL-1.2
import { useSchemaForm } from "../components/use-schema-form.ts";
import "./expenses.css";
import type { z } from "zod";
import type { ClaimStatus } from "../../domain/expenses/expenses.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { type Option, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { useExpenseLabels, useExpenseMessage } from "./expenses-i18n.ts";

// The area's forms: text fields turned into a shared schema's input, an error summary above each form
// and each error beside its field, whether the schema found it in the browser or the API answered it
// (422 on a path, 409 for a stale version or a document already claimed). The same shape as the
// funding register's forms, with this area's messages.

type TextExtra = Partial<Pick<Parameters<typeof TextField>[0], "type" | "inputMode" | "hint">>;

/**
 * A form of the area: `fields` in the order of the form (each an id `${id}-${field}`), the text turned
 * into the schema's input by `inputOf`, a path of the schema or the API put on its field by `fieldOf`
 * (its own name unless told), `save` sending the parsed input.
 */
export function useExpenseForm<F extends string, O>(options: {
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
  const message = useExpenseMessage();
  const { register, isSubmitting, summary, submit, failure, fieldId } = useSchemaForm({
    ...options,
    message,
  });
  const common = (name: F, className: string) => ({
    id: fieldId(name),
    className,
    label: options.labelOf(name),
    error: summary.errorOf(name),
    registration: register(name),
  });
  return {
    submit,
    isSubmitting,
    register,
    fieldId,
    errorOf: summary.errorOf,
    text: (name: F, className: string, extra: TextExtra & { required?: boolean } = {}) => (
      <TextField {...common(name, className)} {...extra} />
    ),
    select: (
      name: F,
      className: string,
      choices: readonly Option[],
      extra: { required?: boolean; empty?: string; hint?: string } = {},
    ) => <SelectField {...common(name, className)} options={choices} {...extra} />,
    area: (name: F, className: string, extra: { hint?: string; rows?: number; required?: boolean } = {}) => (
      <TextAreaField {...common(name, className)} {...extra} />
    ),
    /** What stops the form, above it: the summary of the refused fields, or a failure with no field. */
    problems: (
      <>
        {failure ? <ErrorAlert error={failure} /> : null}
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id={`${options.id}-errors`} />
      </>
    ),
  };
}

/** A claim's status (bozza, inviato, approvato, …) as a badge: the word says it, the colour repeats it. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const labels = useExpenseLabels();
  return <span className={`badge expense-badge claim-${status}`}>{labels.status(status)}</span>;
}
