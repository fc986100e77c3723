// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Period, parsePeriodKey } from "../../domain/monitoring/periods.ts";
import type { Database } from "../db/client.ts";
import { computeHeadlines } from "../monitoring/indicators.service.ts";
import { rowsOf } from "../security/catalogue.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { DEMO_STOCK_SINCE } from "./demo-monitoring.ts";
import { seedDemoProgramme } from "./demo-seed.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(inject("pgliteDump"));
  await seedDemoProgramme({ db: database.db, passwordCost: 2 ** 10 });
});
afterAll(() => database.close());

describe("the demo programme's history, as monitoring reads it", () => {
  it("starts every unit on the convention's first day and ends its history in the unit's status", async () => {
    const units = await rowsOf<{ first: string; last: string | null; status: string }>(
      database.db,
      sql`select (select min((e.at at time zone 'Europe/Rome')::date)::text from unit_events e where e.unit_id = u.id) as "first",
          (select e.to_status from unit_events e where e.unit_id = u.id and e.to_status is not null
            order by e.at desc, e.id desc limit 1) as "last",
          u.status
        from units u`,
    );
    expect(units).toHaveLength(488);
    expect(units.filter((u) => u.first !== DEMO_STOCK_SINCE)).toEqual([]);
    expect(units.filter((u) => u.last !== u.status)).toEqual([]);
  });

  it("gives the third quarter of 2026 a figure for every indicator of the stock, rent and reach", async () => {
    const [comune] = await rowsOf<{ id: string }>(
      database.db,
      sql`select id from organisations where code = 'COMUNE-MI'`,
    );
    const values = await database.scoped(
      { organisationId: comune?.id as string, userId: null, sees: "all" },
      (db) => computeHeadlines(db, parsePeriodKey("2026-Q3") as Period),
    );
    const value = (code: string) => values.find((v) => v.code === code)?.value ?? null;
    for (const code of [
      "people_reached",
      "households_housed",
      "occupancy_rate",
      "collection_rate",
      "mix_fragilita",
    ])
      expect(value(code), code).toBeGreaterThan(0);
    expect(value("occupancy_rate")).toBeLessThanOrEqual(100);
    expect(value("mix_calmierato")).toBeCloseTo((190 / 488) * 100, 1);
  });
});
