// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { AuditFields, AuditRecord } from "../../domain/audit/audit-chain.ts";
import type { Db } from "../db/client.ts";
import { auditEvents, auditHead, users } from "../db/schema.ts";

/** Lock the chain head for this transaction: writers take turns, so records chain in order. */
export async function lockHead(db: Db) {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1)).for("update");
  if (!head) throw new Error("the audit chain head is missing (migration 0002 creates it)");
  return head;
}

export async function readHead(db: Db) {
  const [head] = await db.select({ seq: auditHead.seq, hash: auditHead.hash }).from(auditHead);
  return head ?? null;
}

export async function insertAuditRecord(db: Db, record: AuditRecord) {
  await db.insert(auditEvents).values(record);
  await db.update(auditHead).set({ seq: record.seq, hash: record.hash }).where(eq(auditHead.id, 1));
}

/** Records in chain order from `afterSeq`, a page at a time (the verifier walks the whole trail). */
export async function auditRecordsAfter(db: Db, afterSeq: number, limit: number): Promise<AuditRecord[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.seq, afterSeq))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    outcome: r.outcome as AuditFields["outcome"],
    detail: r.detail as Record<string, unknown>,
  }));
}

/** Who did what to one record, newest first, with the accounts' names. */
export async function auditRecordsOf(db: Db, entity: string, entityId: string, limit: number) {
  return db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorId: auditEvents.actorId,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      organisationId: auditEvents.organisationId,
      address: auditEvents.address,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

export async function countAuditRecords(db: Db) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return row?.n ?? 0;
}

/**
 * The first record whose time has digits below the millisecond. The writer stores JavaScript dates,
 * which have none, and reads them back the same way, so such digits can only come from an edit that
 * the hash alone would miss.
 */
export async function firstSubMillisecondRecord(db: Db): Promise<number | null> {
  const [row] = await db
    .select({ seq: sql<number | null>`min(${auditEvents.seq})` })
    .from(auditEvents)
    .where(sql`${auditEvents.at} <> date_trunc('milliseconds', ${auditEvents.at})`);
  return row?.seq ?? null;
}
