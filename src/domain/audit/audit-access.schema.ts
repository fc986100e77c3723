// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/**
 * The kinds of record the access register (registro degli accessi) is usually asked about, as the
 * audit trail names them: the first segment of the API path (`/units/{id}` → `units`).
 */
export const AUDITED_ENTITIES = ["units", "households", "referrals"] as const;

/** How many accesses the register returns at most, newest first. */
export const AUDIT_ACCESS_LIMIT = 200;

/** Which record's accesses to list: its kind and its id (a uuid, or the id the trail kept). */
export const AuditRecordsQuery = z.object({
  entity: z
    .string({ error: "Choose the kind of record" })
    .trim()
    .min(1, { error: "Choose the kind of record" })
    .max(64, { error: "The kind of record is at most 64 characters" }),
  id: z
    .string({ error: "Enter the record's identifier" })
    .trim()
    .min(1, { error: "Enter the record's identifier" })
    .max(200, { error: "The identifier is at most 200 characters" }),
});
export type AuditRecordsQuery = z.infer<typeof AuditRecordsQuery>;

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
/** Esito: riuscito, negato (401, 403, 404), non riuscito. */
export const AuditOutcome = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** One access to a record (accesso): who did what, when, from where, and how it ended. */
export const AuditAccess = z.object({
  /** Position in the audit chain. */
  seq: z.number().int(),
  /** ISO date-time. */
  at: z.string(),
  /** The API operation (`PATCH /units/{id}`) or the event (`auth.login`). */
  action: z.string(),
  outcome: AuditOutcome,
  /**
   * The account, when somebody was signed in; its name is null if the account is gone. The role is
   * the one it had then, kept as text (a role renamed since still shows).
   */
  actor: z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
  organisationId: z.string().nullable(),
  /** The caller's network address. */
  address: z.string().nullable(),
});
export type AuditAccess = z.infer<typeof AuditAccess>;

export const AuditAccessList = z.object({ items: z.array(AuditAccess) });
export type AuditAccessList = z.infer<typeof AuditAccessList>;
