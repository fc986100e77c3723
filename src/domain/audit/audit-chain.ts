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

/**
 * JSON with object keys sorted, so a value hashes the same however a database returns it. Values
 * with a `toJSON` (dates) are written as JSON writes them, which is also how jsonb stores them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
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

/** A record's position and hash: the chain head, or an anchor of it kept outside the database. */
export type ChainHead = { seq: number; hash: string };

/** An anchor as the verifier prints it and takes it back: `<seq>:<hash>`. */
export function formatChainHead(head: ChainHead): string {
  return `${head.seq}:${head.hash}`;
}

/** `<seq>:<hash>` (seq ≥ 1, hash 64 lowercase hex digits) as an anchor; null when malformed. */
export function parseChainHead(text: string): ChainHead | null {
  const match = /^([1-9][0-9]{0,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? { seq, hash: match[2] } : null;
}

/**
 * Check records read in `seq` order: each follows the previous one without a gap, links to its hash,
 * and hashes to what it says. `head` is the chain head kept beside the records (null when it is
 * missing, itself a break), which catches records removed from or added at the end. `anchor` is a
 * head noted earlier and kept outside the database: the chain must still hold that record unchanged,
 * which catches the tail cut off together with a rewritten head. Returns the first break, or null
 * when the chain holds.
 */
export function verifyChain(
  records: Iterable<AuditRecord>,
  head: ChainHead | null,
  options: { anchor?: ChainHead | null } = {},
): ChainBreak | null {
  const anchor = options.anchor ?? null;
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
    if (anchor !== null && r.seq === anchor.seq && r.hash !== anchor.hash) {
      return { seq: r.seq, reason: "it is not the record of the anchor kept outside the database" };
    }
    prevSeq = r.seq;
    prevHash = r.hash;
  }
  if (head === null) return { seq: prevSeq + 1, reason: "the chain head is missing" };
  if (head.seq > prevSeq) {
    return {
      seq: prevSeq + 1,
      reason: `record ${prevSeq + 1} is missing: the chain ends at record ${prevSeq} but its head says ${head.seq}`,
    };
  }
  if (head.seq < prevSeq) {
    return {
      seq: head.seq + 1,
      reason: `the chain goes on past its head (${head.seq}) to record ${prevSeq}: records added outside the writer`,
    };
  }
  if (head.hash !== prevHash)
    return { seq: prevSeq, reason: "the last record is not the one its head names" };
  if (anchor !== null && anchor.seq > prevSeq) {
    return {
      seq: prevSeq + 1,
      reason: `the chain ends at record ${prevSeq}, before the anchor kept outside the database (${anchor.seq})`,
    };
  }
  return null;
}
