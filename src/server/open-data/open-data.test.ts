// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods only once @hono/zod-openapi has
// extended zod.
import "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ConfiscatedUnitList,
  OpenDataIndex,
  OpenDataTable,
} from "../../domain/open-data/open-data-api.schema.ts";
import { parseCsv } from "../../domain/shared/csv.ts";
import { createApp } from "../app.ts";
import type { Database } from "../db/client.ts";
import { households, units } from "../db/schema.ts";
import { seedDemoProgramme } from "../demo/demo-seed.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { readOpenData, tallyOpenDataOn } from "./open-data.service.ts";
import { expectAttackFails, publishedSmallCounts } from "./open-data-fixtures.ts";

/*
 * The public open-data API on the demo programme, called with no cookie at all: the index, every
 * table in JSON and CSV (the same values withheld in both), the confiscated units without addresses
 * or households, and the recovery attack over every published table.
 */

let database: Database;
let app: ReturnType<typeof createApp>;
const get = (path: string) => app.request(`/api/v1${path}`);
let tables: OpenDataTable[] = [];

beforeAll(async () => {
  database = await openTestDatabase(inject("pgliteDump"));
  await seedDemoProgramme({ db: database.db, passwordCost: 2 ** 10 });
  app = createApp({
    database,
    policy: { idleMinutes: 30, maxHours: 12 },
    secureCookies: false,
    trustProxy: false,
    securityContact: "mailto:security@test.casacomune.example",
    oidc: null,
    now: () => new Date("2026-11-22T09:00:00Z"),
  });
  const index = OpenDataIndex.parse(await (await get("/open-data")).json());
  tables = await Promise.all(
    index.tables.map(async (t) => OpenDataTable.parse(await (await app.request(t.json)).json())),
  );
}, 120_000);
afterAll(() => database.close());

/** A published value as its CSV cell: `c` when withheld, a share as a percentage with a comma. */
const csvText = (value: number | null | undefined, measure: "count" | "share") => {
  if (value === null || value === undefined) return "c";
  return measure === "share" ? (value * 100).toFixed(1).replace(".", ",") : String(value);
};

describe("the open data, without login", () => {
  it("answers the index to a visitor with no cookie, with every table's addresses, the rule and the licence", async () => {
    const res = await get("/open-data");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    const index = OpenDataIndex.parse(await res.json());
    expect(index.asOf).toBe("2026-11-22");
    expect(index.licence.name).toBe("CC BY 4.0");
    expect(index.marker).toBe("c");
    expect(index.tables.map((t) => t.name)).toEqual([
      "people-by-sex-and-age",
      "people-by-citizenship",
      "households-by-target-group-and-category",
      "households-by-partner",
      "households-housed-by-area-and-category",
      "category-mix-of-let-units",
      "exits-by-destination",
      "exits-by-follow-up",
      "units-by-origin-and-status",
      "units-renovated-by-year",
    ]);
    expect(index.tables.find((t) => t.name === "units-by-origin-and-status")?.smallCellRule).toBe(false);
    expect(index.confiscatedUnits.csv).toBe("/api/v1/open-data/confiscated-units.csv");
  });

  it("declares every open-data operation public in the OpenAPI document", async () => {
    const doc = (await (await get("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { "x-permission"?: string; security?: unknown[] }>>;
    };
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/open-data"))
      .flatMap(([, item]) => Object.values(item));
    expect(operations).toHaveLength(4);
    for (const op of operations) {
      expect(op["x-permission"]).toBe("public");
      expect(op.security).toEqual([]);
    }
  });

  it("publishes the demo's tables with no count from 1 to 9, each as it was counted", async () => {
    expect(publishedSmallCounts(tables)).toEqual([]);
    const exact = await tallyOpenDataOn({ database, today: "2026-11-22" });
    const sexAge = tables.find((t) => t.name === "people-by-sex-and-age") as OpenDataTable;
    sexAge.rows.forEach((r, i) => {
      r.cells.forEach((v, j) => {
        if (v !== null) expect(v).toBe(exact.peopleBySexAge[i]?.[j]);
      });
    });
    const stock = tables.find((t) => t.name === "units-by-origin-and-status") as OpenDataTable;
    expect(stock.totals.total).toBe(488);
    expect(stock.hiddenCells).toBe(0);
    // Every people table counts the same people, every household table of a population the same households.
    const total = (name: string) => {
      const t = tables.find((x) => x.name === name) as OpenDataTable;
      return t.rowTotals ? t.totals.total : t.totals.cells[0];
    };
    expect(total("people-by-citizenship")).toBe(total("people-by-sex-and-age"));
    expect(total("households-by-partner")).toBe(total("households-by-target-group-and-category"));
    expect(total("exits-by-follow-up")).toBe(total("exits-by-destination"));
    expect(total("exits-by-destination")).toBe(22);
  });

  it("withholds something in the demo, and the recovery attack on every published table fails", async () => {
    expect(tables.reduce((sum, t) => sum + t.hiddenCells, 0)).toBeGreaterThan(0);
    await expectAttackFails(tables, { minHidden: 4 });
  }, 90_000);

  it("derives the units-let mix from the housed table's published category totals", () => {
    const housed = tables.find((t) => t.name === "households-housed-by-area-and-category") as OpenDataTable;
    const mix = tables.find((t) => t.name === "category-mix-of-let-units") as OpenDataTable;
    expect(mix.rows.map((r) => r.cells[0])).toEqual(housed.totals.cells);
    expect(mix.totals.cells[0]).toBe(housed.totals.total);
    expect(mix.rows.map((r) => r.cells[2])).toEqual([0.39, 0.26, 0.35]);
    for (const r of mix.rows) {
      const [count, share] = r.cells;
      if (count == null || housed.totals.total == null) expect(share).toBeNull();
      else expect(share).toBeCloseTo(count / housed.totals.total, 10);
    }
  });

  it("serves every table as CSV with the same values withheld as its JSON, a footnote and the licence", async () => {
    for (const table of tables) {
      const res = await get(`/open-data/tables/${table.name}.csv`);
      expect(res.status, table.name).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="${table.name}-2026-11-22.csv"`,
      );
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(text, ";");
      expect(rows[0]).toEqual([
        table.rowHeader.it,
        ...table.columns.map((c) => (c.measure === "share" ? `${c.label.it} (%)` : c.label.it)),
        ...(table.rowTotals ? ["Totale"] : []),
      ]);
      [...table.rows, table.totals].forEach((row, i) => {
        expect(rows[i + 1], `${table.name} ${row.key}`).toEqual([
          row.label.it,
          ...row.cells.map((v, j) => csvText(v, table.columns[j]?.measure ?? "count")),
          ...(table.rowTotals ? [csvText(row.total, "count")] : []),
        ]);
      });
      const footer = rows.slice(table.rows.length + 2).map((r) => r.join(";"));
      if (table.smallCellRule) expect(footer.some((l) => l.startsWith("c = dato non pubblicato"))).toBe(true);
      expect(footer.at(-1)).toContain("Licenza CC BY 4.0");
    }
  });

  it("answers an unknown table with a 404 problem, and a malformed name with a 400 naming it", async () => {
    const missing = await get("/open-data/tables/no-such-table");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect((await get("/open-data/tables/no-such-table.csv")).status).toBe(404);
    const bad = await get("/open-data/tables/Exits%20by%20destination");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe("name");
  });

  it("lists the confiscated units in use with what art. 48 asks, never an address or a household", async () => {
    const res = await get("/open-data/confiscated-units");
    expect(res.status).toBe(200);
    const body = await res.json();
    const list = ConfiscatedUnitList.parse(body);
    const stored = await database.db.select().from(units).where(eq(units.origin, "confiscated"));
    const inUse = stored.filter((u) => u.status !== "unavailable");
    expect(list.units.map((u) => u.code)).toEqual(inUse.map((u) => u.code).sort());
    expect(list.units.length).toBeGreaterThan(0);
    for (const u of body.units as Record<string, unknown>[]) {
      expect(Object.keys(u).sort()).toEqual(
        [
          "category",
          "code",
          "comodatoEnd",
          "comodatoOrganisation",
          "comodatoStart",
          "destination",
          "managingOrganisation",
          "municipio",
          "rooms",
          "surfaceM2",
          "town",
        ].sort(),
      );
    }
    const csv = await get("/open-data/confiscated-units.csv");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    for (const u of stored) expect(text).not.toContain(u.address);
    for (const u of stored) expect(JSON.stringify(body)).not.toContain(u.address);
    expect(JSON.stringify(body)).not.toMatch(/NUC-|LOC-/);
    const rows = parseCsv(text, ";");
    expect(rows[0]?.[0]).toBe("Codice alloggio");
    expect(rows.slice(1, list.units.length + 1).map((r) => r[0])).toEqual(list.units.map((u) => u.code));
  });

  it("reads as nobody, across the programme, in a read-only transaction", async () => {
    const settings = (await readOpenData(database, (db) =>
      db.execute(
        sql`select current_setting('transaction_read_only') as "readOnly", current_setting('app.user') as "user", current_setting('app.scope') as "scope", current_setting('app.withdrawn') as "withdrawn"`,
      ),
    )) as unknown as { rows: Record<string, string>[] };
    expect(settings.rows[0]).toEqual({ readOnly: "on", user: "", scope: "all", withdrawn: "hidden" });
    const write = readOpenData(database, (db) =>
      db.update(units).set({ notes: "changed" }).where(eq(units.origin, "confiscated")),
    );
    const error = await write.then(
      () => null,
      (e: Error) => e,
    );
    expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(
      /read-only transaction/,
    );
  });

  it("counts no household whose consent to processing was withdrawn", async () => {
    const before = await tallyOpenDataOn({ database, today: "2026-11-22" });
    const [one] = await database.db
      .select({ id: households.id })
      .from(households)
      .where(eq(households.status, "waiting"))
      .limit(1);
    await database.db
      .update(households)
      .set({ processingWithdrawnAt: new Date("2026-11-20T10:00:00Z") })
      .where(eq(households.id, one?.id as string));
    const after = await tallyOpenDataOn({ database, today: "2026-11-22" });
    const sum = (cells: number[][]) => cells.flat().reduce((s, c) => s + c, 0);
    expect(sum(after.householdsByTargetGroupCategory)).toBe(sum(before.householdsByTargetGroupCategory) - 1);
    expect(sum(after.peopleBySexAge)).toBeLessThan(sum(before.peopleBySexAge));
  });
});
