// SPDX-License-Identifier: EUPL-1.2

import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
import { useWelfareMessage } from "./welfare-i18n.ts";

// The welfare forms: text fields turned into a shared schema's input, an error summary above each
// form and each error beside its field, whether the schema found it in the browser or the API
// answered it (422 on a path, 409 for a booking over another's hours or a space's name the building
// already has).

/** A count as the schema takes it: empty as left out (the schema says it is needed, or takes 0). */
export const countOf = (text: string): number | undefined =>
  text.trim() === "" ? undefined : Number(text.trim());

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useWelfareForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useWelfareMessage());
}
