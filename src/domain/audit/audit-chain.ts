// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";

/** What happened, as the audit trail keeps it. */
export type AuditFields = {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  /** What was done: a route's operation (`PATCH /units/{id}`) or an event (`auth.login`). */
  action: string;
  entity: string | null;
  entityId: string | null;
  /** The caller's network address. */
  address: string | null;
  outcome: "success" | "denied" | "failure";
  detail: Record<string, unknown>;
};

export type AuditRecord = AuditFields & { seq: number; prevHash: string; hash: string };

/** The hash before the first record. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted, so a value hashes the same however a database returns it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 over the previous hash and every field of the record, in a fixed order. */
export function chainHash(prevHash: string, seq: number, fields: AuditFields): string {
  const body = canonicalJson([
    seq,
    fields.at.toISOString(),
    fields.actorId,
    fields.actorRole,
    fields.organisationId,
    fields.action,
    fields.entity,
    fields.entityId,
    fields.address,
    fields.outcome,
    fields.detail,
  ]);
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

export type ChainBreak = { seq: number; reason: string };

/**
 * Check records read in `seq` order: each follows the previous one without a gap, links to its hash,
 * and hashes to what it says. `head` is the chain head kept beside the records, which catches records
 * removed from the end. Returns the first break, or null when the chain holds.
 */
export function verifyChain(
  records: Iterable<AuditRecord>,
  head: { seq: number; hash: string } | null,
): ChainBreak | null {
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  for (const r of records) {
    if (r.seq !== prevSeq + 1) {
      return { seq: prevSeq + 1, reason: `record ${prevSeq + 1} is missing (next found: ${r.seq})` };
    }
    if (r.prevHash !== prevHash) return { seq: r.seq, reason: "does not link to the previous record" };
    if (chainHash(r.prevHash, r.seq, r) !== r.hash) {
      return { seq: r.seq, reason: "its content does not match its hash" };
    }
    prevSeq = r.seq;
    prevHash = r.hash;
  }
  if (head !== null && (head.seq !== prevSeq || head.hash !== prevHash)) {
    return {
      seq: Math.min(prevSeq + 1, head.seq),
      reason: `the chain ends at record ${prevSeq} but its head says ${head.seq}`,
    };
  }
  return null;
}
