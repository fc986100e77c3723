// SPDX-License-Identifier: EUPL-1.2
import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
import { useOwnersMessage } from "./owners-i18n.ts";

// The owners' forms: text fields turned into a shared schema's input (amounts typed in euro sent as
// cents), an error summary above each form and each error beside its field, whether the schema found
// it in the browser or the API answered it (400 or 422 on a path, 409 for a stale version, a taken
// unit code or scheme name).

/** A checkbox's value as the form keeps it: true when ticked. */
export const ticked = (value: unknown) => value === true || value === "true";

/** A Municipio chosen in a select: empty as null, else its number. */
export const municipioOf = (text: string): number | null => (text === "" ? null : Number(text));

/** The fields a form of the area draws, whatever schema it sends: for pieces shared by two forms. */
export type OwnersFormFields<F extends string> = Pick<
  ReturnType<typeof useAreaForm<F, unknown>>,
  "text" | "select" | "area"
>;

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useOwnersForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useOwnersMessage());
}
