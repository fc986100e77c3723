// SPDX-License-Identifier: EUPL-1.2
import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
import "./expenses.css";
import type { ClaimStatus } from "../../domain/expenses/expenses.ts";
import { useExpenseLabels, useExpenseMessage } from "./expenses-i18n.ts";

// The area's forms: text fields turned into a shared schema's input, an error summary above each form
// and each error beside its field, whether the schema found it in the browser or the API answered it
// (422 on a path, 409 for a stale version or a document already claimed). The same shape as the
// funding register's forms, with this area's messages.

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useExpenseForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useExpenseMessage());
}

/** A claim's status (bozza, inviato, approvato, …) as a badge: the word says it, the colour repeats it. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const labels = useExpenseLabels();
  return <span className={`badge expense-badge claim-${status}`}>{labels.status(status)}</span>;
}
