// SPDX-License-Identifier: EUPL-1.2

import {
  AUDIT_ACCESS_LIMIT,
  type AuditAccess,
  type AuditOutcome,
  type AuditRecordsQuery,
} from "../../domain/audit/audit-access.schema.ts";
import {
  type AuditFields,
  type ChainBreak,
  type ChainHead,
  chainHash,
  verifyChain,
} from "../../domain/audit/audit-chain.ts";
import type { Database, Db, DbScope } from "../db/client.ts";
import {
  auditRecordsAfter,
  auditRecordsOf,
  firstSubMillisecondRecord,
  insertAuditRecord,
  lockHead,
  readHead,
} from "./audit.repository.ts";

/**
 * Append one record to the audit trail, in the caller's transaction: lock the chain head, hash the
 * record onto it, insert it and move the head. Concurrent writers wait for the head's row lock, so
 * the chain stays a single line whatever the concurrency.
 */
export async function appendAudit(db: Db, fields: AuditFields): Promise<number> {
  const head = await lockHead(db);
  const seq = head.seq + 1;
  await insertAuditRecord(db, {
    ...fields,
    seq,
    prevHash: head.hash,
    hash: chainHash(head.hash, seq, fields),
  });
  return seq;
}

/** Append one record in a transaction of its own, in `scope` (the actor's, or the system's). */
export function recordAudit(database: Database, scope: DbScope, fields: AuditFields): Promise<number> {
  return database.scoped(scope, (db) => appendAudit(db, fields));
}

export type VerifyResult = {
  records: number;
  head: ChainHead | null;
  broken: ChainBreak | null;
};

/**
 * Walk the whole trail in chain order and check every link; as the owner, past every policy. Run it
 * in one snapshot (a repeatable-read transaction) on a live system, or a record written between
 * reading the head and reading the records looks like a break. `anchor`: a head noted earlier, which
 * the trail must still hold unchanged.
 */
export async function verifyAuditTrail(
  ownerDb: Db,
  options: { anchor?: ChainHead | null; pageSize?: number } = {},
): Promise<VerifyResult> {
  const { anchor = null, pageSize = 5000 } = options;
  const head = await readHead(ownerDb);
  const records = [];
  for (let after = 0; ; ) {
    const page = await auditRecordsAfter(ownerDb, after, pageSize);
    if (page.length === 0) break;
    records.push(...page);
    after = page[page.length - 1]?.seq ?? after;
  }
  const broken = verifyChain(records, head, { anchor });
  const subMillisecond = await firstSubMillisecondRecord(ownerDb);
  if (subMillisecond !== null && (broken === null || subMillisecond < broken.seq)) {
    return {
      records: records.length,
      head,
      broken: { seq: subMillisecond, reason: "its time was changed below the millisecond" },
    };
  }
  return { records: records.length, head, broken };
}

/** Who accessed one record (registro degli accessi): newest first, at most `AUDIT_ACCESS_LIMIT`. */
export async function listRecordAccesses(options: {
  db: Db;
  query: AuditRecordsQuery;
}): Promise<AuditAccess[]> {
  const { db, query } = options;
  const rows = await auditRecordsOf(db, query.entity, query.id, AUDIT_ACCESS_LIMIT);
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at.toISOString(),
    action: r.action,
    outcome: r.outcome as AuditOutcome,
    actor: r.actorId === null ? null : { id: r.actorId, name: r.actorName, role: r.actorRole },
    organisationId: r.organisationId,
    address: r.address,
  }));
}
