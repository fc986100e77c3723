// SPDX-License-Identifier: EUPL-1.2
import { type AnyColumn, and, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { type Db, inOrder } from "../db/client.ts";
import {
  fundingPledges,
  fundingReceipts,
  loanOffers,
  loanPayments,
  payments,
  planScenarios,
  units,
  users,
  worksCostLines,
} from "../db/schema.ts";

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

const monthKey = (column: AnyColumn) => sql<string>`to_char(${column}, 'YYYY-MM')`;
const centsSum = (expression: SQL) => sql<number>`coalesce(sum(${expression}), 0)::bigint`.mapWith(Number);

/**
 * What the records say happened between two days, by month: rent collected (payments), works invoices
 * VAT included, loan instalments paid; and the financing and stock as the registers hold them.
 * Row-level security decides whose records count: the whole programme, or the caller's organisation's.
 */
export async function actualFigures(db: Db, from: string, to: string) {
  const between = (column: AnyColumn) => and(gte(column, from), lte(column, to));
  const [rent, works, loans, sources, receipts, accepted, worksExVat, stock] = await inOrder([
    () =>
      db
        .select({ month: monthKey(payments.paidOn), cents: centsSum(sql`${payments.amountCents}`) })
        .from(payments)
        .where(between(payments.paidOn))
        .groupBy(monthKey(payments.paidOn)),
    () =>
      db
        .select({
          month: monthKey(worksCostLines.invoiceDate),
          cents: centsSum(sql`${worksCostLines.amountExVatCents} + ${worksCostLines.vatCents}`),
        })
        .from(worksCostLines)
        .where(between(worksCostLines.invoiceDate))
        .groupBy(monthKey(worksCostLines.invoiceDate)),
    () =>
      db
        .select({
          month: monthKey(loanPayments.paidOn),
          cents: centsSum(sql`${loanPayments.principalCents} + ${loanPayments.interestCents}`),
        })
        .from(loanPayments)
        .where(between(loanPayments.paidOn))
        .groupBy(monthKey(loanPayments.paidOn)),
    () =>
      db
        .select({ source: fundingPledges.source, cents: centsSum(sql`${fundingPledges.amountCents}`) })
        .from(fundingPledges)
        .groupBy(fundingPledges.source),
    () =>
      db
        .select({
          source: fundingPledges.source,
          month: monthKey(fundingReceipts.receivedOn),
          cents: centsSum(sql`${fundingReceipts.amountCents}`),
        })
        .from(fundingReceipts)
        .innerJoin(fundingPledges, eq(fundingPledges.id, fundingReceipts.pledgeId))
        .where(
          and(
            inArray(fundingPledges.source, ["co_financing_a", "co_financing_b"]),
            lte(fundingReceipts.receivedOn, to),
          ),
        )
        .groupBy(fundingPledges.source, monthKey(fundingReceipts.receivedOn)),
    () =>
      db
        .select({ cents: centsSum(sql`${loanOffers.principalCents}`) })
        .from(loanOffers)
        .where(eq(loanOffers.status, "accepted")),
    () =>
      db
        .select({ cents: centsSum(sql`${worksCostLines.amountExVatCents}`) })
        .from(worksCostLines)
        .where(lte(worksCostLines.invoiceDate, to)),
    () => db.select({ n: sql<number>`count(*)::int` }).from(units),
  ]);
  return { rent, works, loans, sources, receipts, accepted, worksExVat, stock };
}

/** Units by category and status, with their total surface: what the registry says of the stock. */
export async function registryUnitRows(db: Db) {
  return db
    .select({
      category: units.category,
      status: units.status,
      n: sql<number>`count(*)::int`,
      surfaceM2: sql<number>`coalesce(sum(${units.surfaceM2}), 0)::float8`,
    })
    .from(units)
    .groupBy(units.category, units.status);
}
