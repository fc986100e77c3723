// SPDX-License-Identifier: EUPL-1.2

import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
import { useGovernanceMessage } from "./governance-i18n.ts";

// The governance forms: text fields turned into a shared schema's input, an error summary above each
// form and each error beside its field, whether the schema found it in the browser or the API
// answered it (400 or 422 on a path, 409 for the Cabina's seventh member or a stale version).

/** A checkbox's value as the form keeps it: "true" when ticked. */
export const ticked = (value: unknown) => value === true || value === "true";

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useGovernanceForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useGovernanceMessage());
}
