// SPDX-License-Identifier: EUPL-1.2

import { z } from "zod";
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from "../../domain/households/document.schema.ts";
import { type AreaFormOptions, useAreaForm } from "../components/area-form.tsx";
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

/** A form of the area (`useAreaForm`), with this area's messages. */
export function useWorkspaceForm<F extends string, O>(options: AreaFormOptions<F, O>) {
  return useAreaForm(options, useWorkspaceMessage());
}
