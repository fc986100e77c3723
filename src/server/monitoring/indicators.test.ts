// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE } from "../../domain/monitoring/catalogue.ts";
import { type Period, parsePeriodKey } from "../../domain/monitoring/periods.ts";
import { type Db, type DbScope, inOrder } from "../db/client.ts";
import { rowsOf } from "../security/catalogue.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { HEADLINE_GROUPS, INDICATOR_SQL } from "./indicator-sql.ts";
import { computeHeadlines, computeIndicator, recordsBehind } from "./indicators.service.ts";
import { insertIndicatorFixture } from "./monitoring-fixtures.ts";

let ctx: TestContext;
let fixture: Awaited<ReturnType<typeof insertIndicatorFixture>>;
const Q2 = parsePeriodKey("2026-Q2") as Period;

const scopeOf = async (code: string, sees: DbScope["sees"]): Promise<DbScope> => ({
  organisationId: (
    await rowsOf<{ id: string }>(ctx.db, sql`select id from organisations where code = ${code}`)
  )[0]?.id as string,
  userId: null,
  sees,
});
const asProgramme = async <T>(fn: (db: Db) => Promise<T>) =>
  ctx.database.scoped(await scopeOf("COMUNE-MI", "all"), fn);

beforeAll(async () => {
  ctx = await createTestContext();
  fixture = await insertIndicatorFixture(ctx.db);
});
afterAll(() => ctx.close());

describe("the catalogue", () => {
  it("has one query per indicator and no query without an indicator", () => {
    expect(Object.keys(INDICATOR_SQL).sort()).toEqual(CATALOGUE.map((d) => d.code).sort());
  });

  it("names every indicator in Italian and English, and dates every target", () => {
    for (const d of CATALOGUE) {
      expect(d.name.it.length * d.name.en.length * d.definition.it.length, d.code).toBeGreaterThan(0);
      for (const target of d.targets) expect(target.dueOn, d.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("every indicator on the hand-built programme, second quarter of 2026", () => {
  // Worked out by hand from the fixture's description (monitoring-fixtures.ts).
  const expected: Record<string, number | null> = {
    people_reached: 4,
    households_reached: 2,
    households_housed: 4,
    time_to_housing_days: 63.5, // 81 and 46 days
    waiting_time_days: 30.5, // 31 and 30 days
    occupancy_rate: 72.16, // 197 let of 273 open unit-days
    vacancy_days: 76,
    vacancy_rent_lost: 458.08, // 76 days × 40 m² × 55 €/m²/year ÷ 365
    units_renovated: 1,
    renovation_cost_per_m2: 600, // 30,000 € over 50 m²
    collection_rate: 50, // 1,500 € of 3,000 €
    arrears_rate: 33.33, // 1 of 3 tenancies active on 30 June
    tenancies_sustained_12m: 50,
    exits_to_autonomy: 50,
    returns_6m: 50,
    returns_12m: null, // the only 12-month check found nobody
    returns_24m: null,
    plan_reviews_on_time: 66.67, // two reviews on time, one plan overdue
    autonomy_progress: 1.5, // from 2 to 3.5
    households_improved: 1,
    mix_calmierato: 50,
    mix_calmierato_ridotto: 25,
    mix_fragilita: 25,
    co_financing_a_met: 83.33, // 500 € of 2 % of 30,000 €
  };

  it("computes each headline value as worked out by hand, in one statement", async () => {
    const values = await asProgramme((db) => computeHeadlines(db, Q2));
    expect(Object.fromEntries(values.map((v) => [v.code, v.value]))).toEqual(expected);
  });

  it("shows a ratio with a denominator of zero as not computable, never as 0 %", async () => {
    const [returns] = await asProgramme((db) => computeHeadlines(db, Q2, ["returns_12m"]));
    expect(returns).toMatchObject({ value: null, notComputable: "zero_denominator", denominator: 0 });
    const [empty] = await asProgramme((db) =>
      computeHeadlines(db, parsePeriodKey("2025-01") as Period, ["time_to_housing_days"]),
    );
    expect(empty).toMatchObject({ value: null, notComputable: "no_observations" });
  });

  it("disaggregates people by sex (with X), age band on the period's last day and citizenship group", async () => {
    const people = await asProgramme((db) =>
      computeIndicator(db, "people_reached", Q2, ["sex", "age_band", "citizenship"]),
    );
    const cells = (d: "sex" | "age_band" | "citizenship") =>
      Object.fromEntries((people.breakdowns[d] ?? []).map((c) => [c.key, c.value]));
    expect(people.value).toBe(4);
    expect(cells("sex")).toEqual({ F: 1, M: 2, X: 1 });
    expect(cells("age_band")).toEqual({ "0-17": 1, "35-49": 2, "65+": 1 });
    expect(cells("citizenship")).toEqual({ italian: 2, other_eu: 1, non_eu: 1 });
  });

  it("disaggregates exits by destination and units by place, each cell with its own ratio", async () => {
    const exits = await asProgramme((db) => computeIndicator(db, "exits_to_autonomy", Q2, ["destination"]));
    expect(exits.breakdowns.destination?.map((c) => [c.key, c.numerator, c.denominator, c.value])).toEqual([
      ["abandonment", 0, 1, 0],
      ["market_rent", 1, 1, 100],
    ]);
    const occupancy = await asProgramme((db) => computeIndicator(db, "occupancy_rate", Q2, ["place"]));
    expect(occupancy.breakdowns.place?.map((c) => [c.key, c.value])).toEqual([
      ["municipio_3", 100],
      ["municipio_5", null],
      ["Sesto San Giovanni", 16.48],
    ]);
  });

  it("refuses a disaggregation the indicator does not have, naming the field", async () => {
    await expect(
      asProgramme((db) => computeIndicator(db, "co_financing_a_met", Q2, ["sex"])),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", errors: [{ path: "dimension" }] });
  });

  it("lists the records behind a number, with what each added", async () => {
    const people = await asProgramme((db) =>
      recordsBehind(db, { code: "people_reached", period: Q2, limit: 10 }),
    );
    expect(people.total).toBe(2);
    expect(people.records.map((r) => [r.id, r.label, r.numerator])).toEqual([
      [fixture.households.h1, "IND-H1", 3],
      [fixture.households.h2, "IND-H2", 1],
    ]);
    const men = await asProgramme((db) =>
      recordsBehind(db, { code: "people_reached", period: Q2, dimension: "sex", key: "M", limit: 10 }),
    );
    expect(men.records.map((r) => [r.label, r.numerator])).toEqual([
      ["IND-H1", 1],
      ["IND-H2", 1],
    ]);
  });

  it("reads a group's headlines in one pass with the values of each indicator's own query", async () => {
    const grouped = HEADLINE_GROUPS.flatMap((g) => g.codes);
    expect(grouped.length).toBeGreaterThan(0);
    for (const [scope, period] of [
      [await scopeOf("COMUNE-MI", "all"), Q2],
      [await scopeOf("COMUNE-MI", "all"), parsePeriodKey("2026") as Period],
      [await scopeOf("ETS-B1", "organisation"), Q2],
    ] as const) {
      const together = await ctx.database.scoped(scope, (db) => computeHeadlines(db, period, grouped));
      const alone = await ctx.database.scoped(scope, (db) =>
        inOrder(grouped.map((code) => () => computeIndicator(db, code, period, []))),
      );
      const fields = (v: { code: string; numerator: number; denominator: number; value: number | null }) => [
        v.code,
        v.numerator,
        v.denominator,
        v.value,
      ];
      expect(together.map(fields), `${scope.sees} ${period.key}`).toEqual(alone.map(fields));
      expect(together.some((v) => v.numerator > 0)).toBe(true);
    }
  });

  it("counts for a partner only its own records (row-level security)", async () => {
    const own = await ctx.database.scoped(await scopeOf("ETS-B1", "organisation"), (db) =>
      computeHeadlines(db, Q2, ["people_reached", "occupancy_rate"]),
    );
    const other = await ctx.database.scoped(await scopeOf("ETS-B2", "organisation"), (db) =>
      computeHeadlines(db, Q2, ["people_reached", "occupancy_rate"]),
    );
    expect(own.map((v) => v.value)).toEqual([4, 72.16]);
    expect(other.map((v) => [v.value, v.notComputable])).toEqual([
      [0, null],
      [null, "zero_denominator"],
    ]);
  });
});

describe("the dashboard's reads alongside the request (Database.alongside)", () => {
  const unitCount = async (db: Db) =>
    (await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from units`))[0]?.n as number;

  it("returns each read's result in order, each under the request's scope", async () => {
    const seen: Record<string, { own: number; alongside: number[] }> = {};
    for (const [code, sees] of [
      ["ETS-B2", "organisation"],
      ["COMUNE-MI", "all"],
    ] as const) {
      const scope = await scopeOf(code, sees);
      seen[code] = await ctx.database.scoped(scope, async (db) => ({
        own: await unitCount(db),
        alongside: await ctx.database.alongside(db, scope, [
          unitCount,
          async (tx: Db) => 1000 + (await unitCount(tx)),
          unitCount,
        ]),
      }));
    }
    // The fixture's units are all ETS-B1's: its neighbour sees none of them alongside either.
    expect(seen).toEqual({
      "ETS-B2": { own: 0, alongside: [0, 1000, 0] },
      "COMUNE-MI": { own: 4, alongside: [4, 1004, 4] },
    });
  });

  it("computes the dashboard's headlines alongside with the values of the one statement", async () => {
    const scope = await scopeOf("COMUNE-MI", "all");
    const { single, parallel } = await ctx.database.scoped(scope, async (db) => ({
      single: await computeHeadlines(db, Q2),
      parallel: await computeHeadlines(db, Q2, undefined, (tasks) =>
        ctx.database.alongside(db, scope, tasks),
      ),
    }));
    expect(parallel).toEqual(single);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "reads at once, in the request's snapshot: a change committed meanwhile is not seen (PostgreSQL)",
    async () => {
      const [unit] = await rowsOf<{ id: string; notes: string }>(
        ctx.db,
        sql`select id, notes from units limit 1`,
      );
      const noteOf = async (db: Db) =>
        (await rowsOf<{ notes: string }>(db, sql`select notes from units where id = ${unit?.id}`))[0]?.notes;
      let changed!: () => void;
      const committed = new Promise<void>((resolve) => {
        changed = resolve;
      });
      const scope = await scopeOf("COMUNE-MI", "all");
      try {
        const seen = await ctx.database.scoped(scope, (db) =>
          ctx.database.alongside(db, scope, [
            async (tx: Db) => {
              const before = await noteOf(tx);
              await ctx.db.execute(sql`update units set notes = 'changed meanwhile' where id = ${unit?.id}`);
              changed();
              return before;
            },
            async (tx: Db) => {
              await committed;
              return noteOf(tx);
            },
          ]),
        );
        expect(seen).toEqual([unit?.notes, unit?.notes]);
        expect(await noteOf(ctx.db)).toBe("changed meanwhile");
      } finally {
        await ctx.db.execute(sql`update units set notes = ${unit?.notes ?? ""} where id = ${unit?.id}`);
      }
    },
  );
});

describe("the units' status spans (unit_status_spans)", () => {
  /** The spans as worked out from the units' history directly, in Milan's calendar. */
  const fromHistory = (db: Db) =>
    rowsOf(
      db,
      sql`select unit_id, to_status as status, d::text as from_on,
            (lead(d) over (partition by unit_id order by at, id))::text as until_on
          from (select unit_id, at, id, to_status, (at at time zone 'Europe/Rome')::date as d
                from unit_events where to_status is not null) e
          order by 1, 3, 2, 4`,
    );
  const stored = (db: Db) =>
    rowsOf(
      db,
      sql`select unit_id, status, from_on::text, until_on::text from unit_status_spans order by 1, 3, 2, 4`,
    );

  it("follow each unit's history, also after an event dated before its latest, late at night in Milan", async () => {
    expect((await stored(ctx.db)).length).toBeGreaterThan(0);
    expect(await stored(ctx.db)).toEqual(await fromHistory(ctx.db));
    // 23:30 in Milan on 31 May is 1 June in no calendar but UTC's 21:30: the span starts on 31 May.
    await ctx.database.scoped(await scopeOf("ETS-B1", "organisation"), (db) =>
      db.execute(sql`insert into unit_events (unit_id, at, kind, from_status, to_status)
        values (${fixture.units.u1}, '2026-05-31T21:30:00Z', 'status', 'let', 'unavailable')`),
    );
    const after = await stored(ctx.db);
    expect(after).toEqual(await fromHistory(ctx.db));
    expect(after).toContainEqual(
      expect.objectContaining({ unit_id: fixture.units.u1, from_on: "2026-05-31" }),
    );
    // Events deleted (as they are with their unit) take their spans with them.
    await ctx.db.execute(sql`delete from unit_events where unit_id = ${fixture.units.u1} and kind = 'status'
      and at = '2026-05-31T21:30:00Z'`);
    expect(await stored(ctx.db)).toEqual(await fromHistory(ctx.db));
    expect(await stored(ctx.db)).not.toContainEqual(
      expect.objectContaining({ unit_id: fixture.units.u1, from_on: "2026-05-31" }),
    );
  });
});
