// SPDX-License-Identifier: EUPL-1.2

/** A problem with one field of an input; `path` uses dots (`surfaceM2`, `rows.5.category`). */
export type FieldIssue = { path: string; message: string };
