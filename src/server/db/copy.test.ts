// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestDatabase } from "../testing/test-database.ts";
import { APP_ROLE, type Database, type Db } from "./client.ts";
import { copyRows } from "./copy.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(inject("pgliteDump"));
});
afterAll(() => database.close());

const COLUMNS = ["n", "label", "flag", "day"];
// Text as a spreadsheet can hold it: COPY's separators and escape inside values, accents, empties.
const ROWS = [
  [1, "Via dei Tigli\t4", true, "2026-01-31"],
  [2, "prima riga\nseconda riga\r\n", false, null],
  [3, "C:\\cartella\\N", null, "2026-02-01"],
  [4, "", true, null],
  [5, "Città, àèìòù — «virgolette»", false, "2026-12-31"],
  [6, "\\N", null, null],
];

async function copiedBack(db: Db) {
  await db.execute(sql`create temp table copied (n int, label text, flag boolean, day date) on commit drop`);
  await copyRows(db, "copied", COLUMNS, ROWS);
  const result = await db.execute(
    sql`select n, label, flag, day::text as day, current_user as role from copied`,
  );
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

describe("copying rows into a temporary table", () => {
  it("keeps every value as it was, in a request's transaction, and the request's role after", async () => {
    const scope = {
      organisationId: "00000000-0000-0000-0000-000000000000",
      userId: null,
      sees: "all" as const,
    };
    const rows = await database.scoped(scope, copiedBack);
    expect(rows.map(({ role: _, ...r }) => Object.values(r))).toEqual(ROWS);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set([APP_ROLE]));
  });

  it("works as the owner too, whose role it leaves alone", async () => {
    const rows = await database.db.transaction((tx) => copiedBack(tx));
    expect(rows).toHaveLength(ROWS.length);
    expect(rows[0]?.role).not.toBe(APP_ROLE);
  });

  it("refuses a value the column cannot hold, and the transaction with it", async () => {
    const scope = {
      organisationId: "00000000-0000-0000-0000-000000000000",
      userId: null,
      sees: "all" as const,
    };
    await expect(
      database.scoped(scope, async (db) => {
        await db.execute(sql`create temp table copied (n int) on commit drop`);
        await copyRows(db, "copied", ["n"], [[1], ["due"]]);
      }),
    ).rejects.toThrow(/integer/);
  });
});
