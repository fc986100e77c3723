// SPDX-License-Identifier: EUPL-1.2
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { arrearsPolicyVersions, users } from "../db/schema.ts";

const versionColumns = {
  version: arrearsPolicyVersions.version,
  policy: arrearsPolicyVersions.policy,
  reason: arrearsPolicyVersions.reason,
  createdBy: arrearsPolicyVersions.createdBy,
  createdByName: users.name,
  createdAt: arrearsPolicyVersions.createdAt,
};

/** The latest stored version of the arrears policy, or null while none is stored. */
export async function findLatestPolicyRow(db: Db) {
  const [row] = await db
    .select(versionColumns)
    .from(arrearsPolicyVersions)
    .leftJoin(users, eq(users.id, arrearsPolicyVersions.createdBy))
    .orderBy(desc(arrearsPolicyVersions.version))
    .limit(1);
  return row ?? null;
}

export type PolicyRow = NonNullable<Awaited<ReturnType<typeof findLatestPolicyRow>>>;

/** Serialise the writers of versions until the transaction ends (the table is append-only for the app). */
export async function lockPolicyVersions(db: Db) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('arrears_policy_versions'))`);
}

/** Insert a version; false when its number was taken meanwhile. */
export async function insertPolicyRow(db: Db, values: typeof arrearsPolicyVersions.$inferInsert) {
  const rows = await db
    .insert(arrearsPolicyVersions)
    .values(values)
    .onConflictDoNothing({ target: arrearsPolicyVersions.version })
    .returning({ version: arrearsPolicyVersions.version });
  return rows.length === 1;
}
