// SPDX-License-Identifier: EUPL-1.2
import { type AuditFields, type ChainBreak, chainHash, verifyChain } from "../../domain/audit/audit-chain.ts";
import type { Database, Db, DbScope } from "../db/client.ts";
import { auditRecordsAfter, insertAuditRecord, lockHead, readHead } from "./audit.repository.ts";

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
  head: { seq: number; hash: string } | null;
  broken: ChainBreak | null;
};

/** Walk the whole trail in chain order and check every link; as the owner, past every policy. */
export async function verifyAuditTrail(ownerDb: Db, pageSize = 5000): Promise<VerifyResult> {
  const head = await readHead(ownerDb);
  const records = [];
  for (let after = 0; ; ) {
    const page = await auditRecordsAfter(ownerDb, after, pageSize);
    if (page.length === 0) break;
    records.push(...page);
    after = page[page.length - 1]?.seq ?? after;
  }
  return { records: records.length, head, broken: verifyChain(records, head) };
}
