// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { organisations, users } from "../db/schema.ts";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * The active accounts of `organisationId` (null: of every organisation) whose name contains `q`,
 * by name: what a team picker offers. Never the e-mail, the fiscal code or the password hash.
 */
export async function listStaffRows(db: Db, filter: { organisationId: string | null; q?: string }) {
  const q = filter.q?.trim();
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      organisationCode: organisations.code,
      organisationName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.active, true),
        filter.organisationId === null ? undefined : eq(users.organisationId, filter.organisationId),
        q ? sql`${users.name} ilike ${`%${escapeLike(q)}%`}` : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}
