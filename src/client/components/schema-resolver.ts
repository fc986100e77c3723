// SPDX-License-Identifier: EUPL-1.2
import { toNestErrors } from "@hookform/resolvers";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A form resolver for a shared schema whose input is not the form's text as it is: `inputOf` turns
 * the values into the schema's input, `keyOf` puts each issue on its field (by default its own path;
 * `count` is how many fields already have one, for distinct keys under `root`).
 */
export function schemaResolver<V extends FieldValues, O>(
  schema: z.ZodType<O>,
  inputOf: (values: V) => unknown,
  keyOf: (path: string, count: number) => string = (path) => path,
): Resolver<V, unknown, O> {
  return async (values, _context, options) => {
    const parsed = schema.safeParse(inputOf(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      flat[keyOf(issue.path.join("."), Object.keys(flat).length)] ??= {
        type: "schema",
        message: issue.message,
      };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
