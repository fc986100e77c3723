// SPDX-License-Identifier: EUPL-1.2

import { useState } from "react";
import type { z } from "zod";
import type { TimelineItemInput } from "../../domain/timeline/timeline.ts";
import { type Convention, itemProblems } from "../../domain/timeline/timeline-rules.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { ErrorSummary } from "../components/error-summary.tsx";
import { focusOnMount } from "../components/focus-on-mount.ts";
import { type Option, SelectField, TextAreaField, TextField } from "../components/form-field.tsx";
import { useSchemaForm } from "../components/use-schema-form.ts";
import { useTimelineMessage } from "./timeline-i18n.ts";

// The timeline's two forms (a new item; an item's status and actual dates) check in the browser what
// the API checks: the schema's shape and then the domain's rules for the day, each error beside its
// field; what only the API knows (a stale version, another's item) comes back the same way.

/** Empty text as null, for the schemas' optional dates and choices. */
export const orNull = (text: string): string | null => (text.trim() === "" ? null : text);
/** Empty text as undefined, so the schema names a missing choice with its own message. */
export const orUndefined = (text: string): string | undefined => (text === "" ? undefined : text);

/** `schema` followed by the timeline's rules on `today` within `convention`, as the API applies them. */
export function withRules<T extends TimelineItemInput>(
  schema: z.ZodType<T>,
  context: { today: string; convention: Convention },
): z.ZodType<T> {
  return schema.superRefine((item, ctx) => {
    for (const issue of itemProblems(item, context))
      ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
}

/**
 * A form of the timeline: `fields` in the form's order (each an id `${id}-${field}`), the text turned
 * into the schema's input by `inputOf`, a path put on its field by `fieldOf` (its own name unless told),
 * `save` sending the parsed input.
 */
export function useTimelineForm<F extends string, O>(options: {
  id: string;
  schema: z.ZodType<O>;
  fields: readonly F[];
  defaults: Record<F, string>;
  inputOf: (values: Record<F, string>) => unknown;
  labelOf: (field: F) => string;
  save: (input: O) => Promise<unknown>;
  resetAfterSave?: boolean;
}) {
  const message = useTimelineMessage();
  const { register, isSubmitting, summary, submit, failure, fieldId } = useSchemaForm({
    ...options,
    message,
    // A 403 naming a field (another organisation as owner) is shown beside it.
    refused: (e) => e.status !== 403 || e.errors.length > 0,
  });
  const common = (name: F) => ({
    id: fieldId(name),
    label: options.labelOf(name),
    error: summary.errorOf(name),
    registration: register(name),
  });
  return {
    submit,
    isSubmitting,
    text: (name: F, className: string, extra: { type?: "date"; required?: boolean; hint?: string } = {}) => (
      <TextField className={className} {...common(name)} {...extra} />
    ),
    select: (
      name: F,
      className: string,
      choices: readonly Option[],
      extra: { required?: boolean; empty?: string; hint?: string } = {},
    ) => <SelectField className={className} options={choices} {...common(name)} {...extra} />,
    area: (name: F, className: string) => <TextAreaField className={className} rows={2} {...common(name)} />,
    /** What stops the form, above it: the summary of the refused fields, or a failure with no field. */
    problems: (
      <>
        {failure ? <ErrorAlert error={failure} /> : null}
        <ErrorSummary items={summary.items()} summaryRef={summary.ref} id={`${options.id}-errors`} />
      </>
    ),
  };
}

/** What a saved form says, in a live region where the form is, focused so keyboard users hear it. */
export function useDone() {
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  return {
    say: (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 })),
    node: (
      <div aria-live="polite">
        {done ? (
          <div key={done.n} className="alert alert-success" tabIndex={-1} ref={focusOnMount}>
            {done.text}
          </div>
        ) : null}
      </div>
    ),
  };
}
