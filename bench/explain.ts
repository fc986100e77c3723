// SPDX-License-Identifier: EUPL-1.2
import type { Logger } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { UnitListQuery } from "../src/domain/units/unit.schema.ts";
import type { Db } from "../src/server/db/client.ts";
import * as schema from "../src/server/db/schema.ts";
import { listUnits } from "../src/server/units/units.service.ts";
import type { BenchDatabase } from "./bench-database.ts";
import type { ListCase } from "./units-list.bench.ts";

type Statement = { query: string; params: unknown[] };

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of the statements `listUnits` sends for each case, on PostgreSQL:
 * the statements are captured from a logging drizzle instance, so they are exactly the service's.
 */
export async function explainListCases(bench: BenchDatabase, cases: readonly ListCase[]): Promise<string> {
  if (bench.url === null) return "EXPLAIN needs PostgreSQL";
  const pool = new pg.Pool({ connectionString: bench.url, max: 1 });
  const captured: Statement[] = [];
  const logger: Logger = { logQuery: (query, params) => captured.push({ query, params }) };
  const db = drizzle(pool, { schema, logger }) as unknown as Db;
  const out: string[] = [];
  try {
    for (const listCase of cases) {
      captured.length = 0;
      const actor = listCase.asPartner ? bench.partnerManager : bench.admin;
      await listUnits({ db, actor, query: UnitListQuery.parse(listCase.query) });
      for (const [i, statement] of captured.entries()) {
        const plan = await pool.query<{ "QUERY PLAN": string }>(
          `explain (analyze, buffers) ${statement.query}`,
          statement.params,
        );
        out.push(
          `── ${listCase.name} · ${i === 0 ? "page" : "count"}`,
          statement.query,
          `params: ${JSON.stringify(statement.params)}`,
          ...plan.rows.map((r) => r["QUERY PLAN"]),
          "",
        );
      }
    }
  } finally {
    await pool.end();
  }
  return out.join("\n");
}
