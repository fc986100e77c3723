// SPDX-License-Identifier: EUPL-1.2
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { planScenarios, users } from "../db/schema.ts";

// Row-level security gives the scenarios to every staff account; the permission decides who reads them.

const columns = {
  name: planScenarios.name,
  version: planScenarios.version,
  scenario: planScenarios.scenario,
  reason: planScenarios.reason,
  createdBy: planScenarios.createdBy,
  createdByName: users.name,
  createdAt: planScenarios.createdAt,
};

/** The latest version of every scenario, by name. */
export async function listLatestScenarioRows(db: Db) {
  return db
    .selectDistinctOn([planScenarios.name], columns)
    .from(planScenarios)
    .leftJoin(users, eq(users.id, planScenarios.createdBy))
    .orderBy(planScenarios.name, desc(planScenarios.version));
}

/** One version of a scenario (the latest when `version` is null), or null. */
export async function findScenarioRow(db: Db, name: string, version: number | null) {
  const [row] = await db
    .select(columns)
    .from(planScenarios)
    .leftJoin(users, eq(users.id, planScenarios.createdBy))
    .where(
      version === null
        ? eq(planScenarios.name, name)
        : and(eq(planScenarios.name, name), eq(planScenarios.version, version)),
    )
    .orderBy(desc(planScenarios.version))
    .limit(1);
  return row ?? null;
}

export type ScenarioRow = NonNullable<Awaited<ReturnType<typeof findScenarioRow>>>;

/** Every version of a scenario without its document: who, when, why; newest first. */
export async function listVersionRows(db: Db, name: string) {
  return db
    .select({
      version: planScenarios.version,
      reason: planScenarios.reason,
      createdBy: planScenarios.createdBy,
      createdByName: users.name,
      createdAt: planScenarios.createdAt,
    })
    .from(planScenarios)
    .leftJoin(users, eq(users.id, planScenarios.createdBy))
    .where(eq(planScenarios.name, name))
    .orderBy(desc(planScenarios.version));
}

/** Serialise the writers of a scenario's versions until the transaction ends (rows are append-only). */
export async function lockScenarioVersions(db: Db, name: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan_scenarios:${name}`}))`);
}

/** Insert a version; false when its number was taken meanwhile. */
export async function insertScenarioRow(db: Db, values: typeof planScenarios.$inferInsert) {
  const rows = await db
    .insert(planScenarios)
    .values(values)
    .onConflictDoNothing({ target: [planScenarios.name, planScenarios.version] })
    .returning({ version: planScenarios.version });
  return rows.length === 1;
}
