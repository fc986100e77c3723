// SPDX-License-Identifier: EUPL-1.2
import type { ChangeEvent } from "react";
import type { z } from "zod";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import {
  CheckboxField,
  type Option,
  SelectField,
  TextAreaField,
  TextField,
} from "../components/form-field.tsx";
import { useSchemaForm } from "../components/use-schema-form.ts";
import { useGovernanceMessage } from "./governance-i18n.ts";

// The governance forms: text fields turned into a shared schema's input, an error summary above each
// form and each error beside its field, whether the schema found it in the browser or the API
// answered it (400 or 422 on a path, 409 for the Cabina's seventh member or a stale version).

type TextExtra = Partial<
  Pick<Parameters<typeof TextField>[0], "type" | "inputMode" | "hint" | "autoComplete" | "min" | "max">
>;

/** A checkbox's value as the form keeps it: "true" when ticked. */
export const ticked = (value: unknown) => value === true || value === "true";

/**
 * A form of the area: `fields` in the order of the form (each an id `${id}-${field}`), the text turned
 * into the schema's input by `inputOf`, a path of the schema or the API put on its field by `fieldOf`
 * (its own name unless told), `save` sending the parsed input.
 */
export function useGovernanceForm<F extends string, O>(options: {
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
  const message = useGovernanceMessage();
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
    /** What stops the form, above it: the summary of the refused fields, or a failure with no field. */
    problems: (
      <>
        {failure ? <ErrorAlert error={failure} /> : null}
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id={`${options.id}-errors`} />
      </>
    ),
  };
}
