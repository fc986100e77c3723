// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { afterEach, describe, expect, it } from "vitest";
import { OpenDataIndex, OpenDataTable } from "../../domain/open-data/open-data-api.schema.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import {
  alike,
  exit,
  expectAttackFails,
  house,
  insertHouseholds,
  publishedSmallCounts,
} from "./open-data-fixtures.ts";

/*
 * The recovery attack on adversarial programmes, through the public API as a visitor with no cookie:
 * a single small cell among large ones, a whole row of small cells, a column with one small cell and
 * zeros. Each time the small counts are withheld, and no hidden count can be worked out.
 */

// Each case counts its programme again for every table it fetches, then runs the attack: slower than
// most integration tests on a busy machine.
const SLOW = 90_000;

let ctx: TestContext;
afterEach(() => ctx?.close());

async function publishedTables(): Promise<OpenDataTable[]> {
  const res = await ctx.anonymous.get("/open-data");
  expect(res.status).toBe(200);
  const index = OpenDataIndex.parse(await res.json());
  return Promise.all(
    index.tables.map(async (t) => {
      const table = await ctx.anonymous.get(t.json.replace("/api/v1", ""));
      expect(table.status).toBe(200);
      return OpenDataTable.parse(await table.json());
    }),
  );
}
const named = (tables: readonly OpenDataTable[], name: string) =>
  tables.find((t) => t.name === name) as OpenDataTable;
const row = (table: OpenDataTable, key: string) => table.rows.find((r) => r.key === key);

describe("the recovery attack on adversarial programmes fails", () => {
  it(
    "a single cell of 3 among large ones: three non-binary people aged 25–34 of a non-EU country",
    async () => {
      ctx = await createTestContext();
      await insertHouseholds(ctx.db, [
        ...alike(120, { sex: "F", age: 40 }, { targetGroup: "famiglia", category: "calmierato" }),
        ...alike(110, { sex: "M", age: 30 }, { targetGroup: "uomo_solo", category: "calmierato_ridotto" }),
        ...alike(60, { sex: "F", age: 70 }, { targetGroup: "anziano_solo", category: "fragilita" }),
        ...alike(
          3,
          { sex: "X", age: 30, citizenship: "MA" },
          { targetGroup: "persona_con_disabilita", category: "fragilita" },
        ),
      ]);
      const tables = await publishedTables();
      expect(publishedSmallCounts(tables)).toEqual([]);
      const sexAge = named(tables, "people-by-sex-and-age");
      expect(row(sexAge, "X")?.cells[2]).toBeNull();
      expect(row(sexAge, "X")?.total).toBeNull();
      expect(row(named(tables, "people-by-citizenship"), "non_eu")?.cells[0]).toBeNull();
      expect(named(tables, "people-by-citizenship").hiddenCells).toBeGreaterThanOrEqual(2);
      await expectAttackFails(tables, { minHidden: 6 });
    },
    SLOW,
  );

  it(
    "a whole row of small cells: two, three and one households housed in Municipio 4",
    async () => {
      ctx = await createTestContext();
      const layout: [number | null, string, number][] = [
        [4, "calmierato", 2],
        [4, "calmierato_ridotto", 3],
        [4, "fragilita", 1],
        [1, "calmierato", 20],
        [1, "calmierato_ridotto", 15],
        [1, "fragilita", 12],
        [2, "calmierato", 18],
        [2, "calmierato_ridotto", 14],
        [2, "fragilita", 11],
        [null, "calmierato", 30],
        [null, "calmierato_ridotto", 25],
        [null, "fragilita", 20],
      ];
      for (const [municipio, category, n] of layout) {
        const ids = await insertHouseholds(
          ctx.db,
          alike(n, { sex: "F", age: 35 }, { category, status: "housed" }),
        );
        for (const id of ids) await house(ctx.db, id, { municipio, category });
      }
      const tables = await publishedTables();
      expect(publishedSmallCounts(tables)).toEqual([]);
      const housed = named(tables, "households-housed-by-area-and-category");
      expect(row(housed, "municipio_4")).toMatchObject({ cells: [null, null, null], total: null });
      expect(housed.totals.total).toBe(171);
      for (let j = 0; j < 3; j++) {
        expect(housed.rows.filter((r) => r.cells[j] === null).length).toBeGreaterThanOrEqual(2);
      }
      await expectAttackFails(tables, { minHidden: 6 });
    },
    SLOW,
  );

  it(
    "a column with one small cell and zeros: four households in fragility, all in Municipio 1; small exits",
    async () => {
      ctx = await createTestContext();
      const layout: [number, string, number][] = [
        [1, "fragilita", 4],
        [1, "calmierato", 25],
        [2, "calmierato", 30],
        [3, "calmierato", 28],
        [1, "calmierato_ridotto", 22],
        [2, "calmierato_ridotto", 19],
        [3, "calmierato_ridotto", 26],
      ];
      for (const [municipio, category, n] of layout) {
        const ids = await insertHouseholds(
          ctx.db,
          alike(n, { sex: "M", age: 45 }, { category, status: "housed" }),
        );
        for (const id of ids) await house(ctx.db, id, { municipio, category });
      }
      const exits: [string, number, (string | null)[]][] = [
        ["market_rent", 12, ["same_home"]],
        ["public_housing", 11, ["same_home", "other_stable_home"]],
        ["family", 4, ["homeless"]],
        ["eviction", 1, []],
      ];
      for (const [destination, n, situations] of exits) {
        const ids = await insertHouseholds(ctx.db, alike(n, { sex: "F", age: 50 }, { status: "exited" }));
        for (const id of ids) await exit(ctx.db, id, destination, situations);
      }
      const tables = await publishedTables();
      expect(publishedSmallCounts(tables)).toEqual([]);
      const housed = named(tables, "households-housed-by-area-and-category");
      expect(row(housed, "municipio_1")?.cells[2]).toBeNull();
      expect(housed.totals.cells[2]).toBeNull();
      // The mix of let units follows the housed table: the fragility count is withheld there too.
      expect(row(named(tables, "category-mix-of-let-units"), "fragilita")?.cells.slice(0, 2)).toEqual([
        null,
        null,
      ]);
      const byDestination = named(tables, "exits-by-destination");
      expect(row(byDestination, "family")?.cells[0]).toBeNull();
      expect(row(byDestination, "eviction")?.cells[0]).toBeNull();
      expect(byDestination.totals.cells[0]).toBe(28);
      // 23 of 28 exits went to a home of their own: published, since both counts are.
      expect(byDestination.derived[0]?.value).toBeCloseTo(23 / 28, 10);
      await expectAttackFails(tables, { minHidden: 6 });
    },
    SLOW,
  );
});
