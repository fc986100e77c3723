// SPDX-License-Identifier: EUPL-1.2
import { type FieldErrors, get } from "react-hook-form";
import type { FieldIssue } from "../../domain/shared/issue.ts";

/** The message of one field in the form's error tree, if any. */
export const messageAt = (errors: FieldErrors, path: string): string | undefined => {
  const found: unknown = get(errors, path);
  if (typeof found !== "object" || found === null || !("message" in found)) return undefined;
  return typeof found.message === "string" ? found.message : undefined;
};

/** Every message in the form's error tree, with the path of its field, in the order of the form. */
export function flattenErrors(errors: unknown, prefix = ""): FieldIssue[] {
  if (typeof errors !== "object" || errors === null) return [];
  const record = errors as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (typeof record.message === "string" && typeof record.type === "string" && prefix !== "") {
    issues.push({ path: prefix.replace(/\.root$/, ""), message: record.message });
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    issues.push(...flattenErrors(value, prefix === "" ? key : `${prefix}.${key}`));
  }
  return issues;
}
