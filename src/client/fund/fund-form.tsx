// SPDX-License-Identifier: EUPL-1.2
import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
import { useFundMessage } from "./fund-i18n.ts";

// The fund's forms: text fields turned into a shared schema's input, an error summary above each form
// and each error beside its field, whether the schema found it in the browser or the API answered it
// (400 or 422 on a path, 409 for an approval beyond the balance or an entry decided meanwhile).

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useFundForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useFundMessage());
}
