// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { parseCsv } from "../shared/csv.ts";
import type { OpenDataTable } from "./open-data-api.schema.ts";
import { confiscatedCsvRows, tableCsv } from "./open-data-csv.ts";
import { grandTotalOf, publishOpenData, shareOf } from "./open-data-tables.ts";
import { type OpenDataTallies, tallyOpenData } from "./open-data-tally.ts";

const grid = (rows: number, columns: number, value: number) =>
  Array.from({ length: rows }, () => new Array<number>(columns).fill(value));

/** A programme large everywhere, with `change` applied. */
function tallies(change: Partial<OpenDataTallies> = {}): OpenDataTallies {
  return {
    asOf: "2026-11-22",
    peopleBySexAge: [new Array(6).fill(30), new Array(6).fill(30), new Array(6).fill(0)],
    peopleByCitizenship: [200, 60, 100, 0],
    householdsByTargetGroupCategory: grid(7, 3, 20),
    householdsByPartner: [
      { code: "ETS-B1", name: "Cooperativa Uno", count: 200 },
      { code: "ETS-B2", name: "=Cooperativa Due", count: 220 },
    ],
    housedByAreaCategory: grid(10, 3, 12),
    exitsByDestination: [12, 11, 20, 0, 10, 0, 0],
    exitsByFollowUp: [30, 10, 13],
    unitsByOriginStatus: grid(5, 3, 3),
    unitsRenovatedByYear: [{ year: 2026, count: 4 }],
    ...change,
  };
}
const named = (tables: readonly OpenDataTable[], name: string) =>
  tables.find((t) => t.name === name) as OpenDataTable;

describe("publishing the tables", () => {
  it("publishes a programme of large counts whole, unit tables whole whatever they count", () => {
    const tables = publishOpenData(tallies());
    expect(tables.map((t) => t.hiddenCells)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const stock = named(tables, "units-by-origin-and-status");
    expect(stock.smallCellRule).toBe(false);
    expect(stock.rows[0]?.cells).toEqual([3, 3, 3]);
    expect(named(tables, "units-renovated-by-year").totals.cells).toEqual([4]);
    expect(named(tables, "exits-by-destination").derived[0]?.value).toBeCloseTo(23 / 53, 10);
    expect(named(tables, "exits-by-follow-up").derived[0]?.value).toBeCloseTo(10 / 40, 10);
  });

  it("withholds a population's grand total in all its tables when one of them must", () => {
    // Six people: the total is small, so both people tables withhold it.
    const tables = publishOpenData(
      tallies({
        peopleBySexAge: [
          [0, 0, 3, 0, 0, 0],
          [0, 0, 0, 3, 0, 0],
          [0, 0, 0, 0, 0, 0],
        ],
        peopleByCitizenship: [6, 0, 0, 0],
      }),
    );
    expect(grandTotalOf(named(tables, "people-by-sex-and-age"))).toBeNull();
    expect(grandTotalOf(named(tables, "people-by-citizenship"))).toBeNull();
    expect(named(tables, "people-by-citizenship").rows[0]?.cells).toEqual([null]);
    // The households, counted apart, keep theirs.
    expect(grandTotalOf(named(tables, "households-by-partner"))).toBe(420);
  });

  it("takes the let units' mix from the housed table, withheld where it is withheld", () => {
    const housed = grid(10, 3, 12);
    housed.forEach((r) => {
      r[2] = 0;
    });
    (housed[0] as number[])[2] = 4;
    const tables = publishOpenData(tallies({ housedByAreaCategory: housed }));
    const mix = named(tables, "category-mix-of-let-units");
    expect(mix.rows.map((r) => r.cells[0])).toEqual(
      named(tables, "households-housed-by-area-and-category").totals.cells,
    );
    expect(mix.rows[2]?.cells).toEqual([null, null, 0.35]);
    const total = grandTotalOf(mix);
    expect(total).toBe(244);
    for (const r of mix.rows) {
      const [count, share] = r.cells;
      expect(share).toBe(count == null ? null : count / 244);
    }
  });

  it.each([
    { part: 3, whole: 9, share: null, why: "a base under 10" },
    { part: 3, whole: 10, share: 0.3, why: "a base of 10" },
    { part: null, whole: 40, share: null, why: "a withheld part" },
    { part: 12, whole: null, share: null, why: "a withheld base" },
  ])("shares: $why", ({ part, whole, share }) => {
    expect(shareOf(part, whole)).toBe(share);
  });

  it("does not publish a share of exits over fewer than 10", () => {
    const tables = publishOpenData(
      tallies({ exitsByDestination: [0, 0, 0, 0, 0, 0, 0], exitsByFollowUp: [0, 0, 0] }),
    );
    expect(named(tables, "exits-by-destination").derived[0]?.value).toBeNull();
  });
});

describe("the CSV files", () => {
  it("write the Italian headers, `c` where JSON has null, a footnote, the licence, and no formula", () => {
    const tables = publishOpenData(tallies({ peopleByCitizenship: [200, 3, 100, 0] }));
    const rows = parseCsv(tableCsv(named(tables, "people-by-citizenship")), ";");
    expect(rows.slice(0, 6)).toEqual([
      ["Cittadinanza", "Persone"],
      ["Italiana", "200"],
      // The 3 takes the smallest other count with it.
      ["Altro Paese dell'Unione europea", "c"],
      ["Paese non UE", "c"],
      ["Non indicata", "0"],
      ["Totale", "303"],
    ]);
    expect(rows.some((r) => r[0]?.startsWith("c = dato non pubblicato"))).toBe(true);
    expect(rows.at(-1)?.[0]).toContain("Licenza CC BY 4.0");
    const partners = parseCsv(tableCsv(named(tables, "households-by-partner")), ";");
    expect(partners[2]).toEqual(["'=Cooperativa Due", "220"]);
    const mix = parseCsv(tableCsv(named(tables, "category-mix-of-let-units")), ";");
    expect(mix[0]).toEqual(["Ambito", "Alloggi locati", "Quota (%)", "Quota indicativa (%)"]);
    expect(mix[1]).toEqual(["Canone calmierato", "120", "33,3", "39,0"]);
  });

  it("list the confiscated units with a decimal comma and no address column", () => {
    const rows = confiscatedCsvRows({
      asOf: "2026-11-22",
      title: { it: "Beni confiscati in uso", en: "Confiscated properties in use" },
      legalBasis: { it: "Base giuridica", en: "Legal basis" },
      privacy: { it: "Riservatezza", en: "Privacy" },
      units: [
        {
          code: "MI-CONF-01",
          town: "Milano",
          municipio: 4,
          surfaceM2: 62.5,
          rooms: 3,
          category: "fragilita",
          destination: { it: "Housing sociale", en: "Social housing" },
          managingOrganisation: "Cooperativa Uno",
          comodatoOrganisation: null,
          comodatoStart: "2026-01-01",
          comodatoEnd: null,
        },
      ],
    });
    expect(rows[0]).not.toContain("Indirizzo");
    expect(rows[1]).toEqual([
      "MI-CONF-01",
      "Milano",
      "4",
      "62,50",
      "3",
      "Housing sociale",
      "Cooperativa Uno",
      "",
      "2026-01-01",
      "",
    ]);
  });
});

describe("the exact counts", () => {
  it("count each member once by sex, age band and citizenship group; households once per table", () => {
    const t = tallyOpenData({
      asOf: "2026-11-22",
      households: [
        { targetGroup: "famiglia", category: "calmierato", partnerCode: "ETS-B1" },
        { targetGroup: "donna_sola", category: "fragilita", partnerCode: null },
      ],
      members: [
        { sex: "F", birthDate: "1991-11-23", citizenship: "IT" },
        { sex: "X", birthDate: "2010-01-01", citizenship: "FR" },
        { sex: "M", birthDate: "1950-05-05", citizenship: "MA" },
      ],
      partners: [{ code: "ETS-B1", name: "Cooperativa Uno" }],
      housed: [
        { municipio: 3, category: "calmierato" },
        { municipio: null, category: "fragilita" },
      ],
      exits: [
        { destination: "market_rent", followUps: [{ months: 6, situation: "same_home" }] },
        { destination: "eviction", followUps: [{ months: 6, situation: "homeless" }] },
        { destination: "family", followUps: [{ months: 6, situation: null }] },
      ],
      stock: [
        { origin: "confiscated", status: "let", units: 4 },
        { origin: "confiscated", status: "renovating", units: 2 },
      ],
      renovated: [{ year: 2025, units: 3 }],
    });
    // Born on 1991-11-23: 35 the next day, still 34 on the 22nd.
    expect(t.peopleBySexAge).toEqual([
      [0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0],
    ]);
    expect(t.peopleByCitizenship).toEqual([1, 1, 1, 0]);
    expect(t.householdsByPartner).toEqual([
      { code: "ETS-B1", name: "Cooperativa Uno", count: 1 },
      { code: null, name: "", count: 1 },
    ]);
    expect(t.housedByAreaCategory[2]).toEqual([1, 0, 0]);
    expect(t.housedByAreaCategory[9]).toEqual([0, 0, 1]);
    expect(t.exitsByFollowUp).toEqual([1, 1, 1]);
    expect(t.unitsByOriginStatus[1]).toEqual([2, 4, 0]);
    expect(t.unitsRenovatedByYear).toEqual([
      { year: 2025, count: 3 },
      { year: 2026, count: 0 },
    ]);
  });
});
