// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoUnits } from "../demo/demo-programme.ts";
import { parseCsv, toCsv } from "../shared/csv.ts";
import type { UnitCreate } from "./unit.schema.ts";
import {
  importIssuesToFieldIssues,
  parseLocaleNumber,
  parseUnitRows,
  UNIT_FILE_COLUMNS,
  unitFileHeader,
  unitToRow,
} from "./unit-file.ts";

const IT_HEADER = [
  "codice",
  "indirizzo",
  "comune",
  "municipio",
  "piano",
  "superficie_m2",
  "locali",
  "camere",
  "provenienza",
  "categoria",
  "condizione",
];
const EN_HEADER = [
  "code",
  "address",
  "town",
  "municipio",
  "floor",
  "surfaceM2",
  "rooms",
  "bedrooms",
  "origin",
  "category",
  "condition",
];
const DEFAULT_CELLS: Record<string, string> = {
  code: "MI3-0001",
  address: "Via Fittizia dei Glicini 12",
  town: "Milano",
  municipio: "3",
  floor: "2",
  surfaceM2: "60",
  rooms: "3",
  bedrooms: "2",
  origin: "municipal",
  category: "calmierato",
  condition: "good",
};
/** Cells under IT_HEADER / EN_HEADER: a valid flat in Milano, Municipio 3; override by English key. */
const cells = (overrides: Record<string, string> = {}): string[] =>
  EN_HEADER.map((k) => overrides[k] ?? DEFAULT_CELLS[k] ?? "");

/** The unit a row of `cells()` stands for, with the import's defaults. */
const expectedUnit = (o: Partial<UnitCreate> = {}): UnitCreate => ({
  code: "MI3-0001",
  address: "Via Fittizia dei Glicini 12",
  town: "Milano",
  municipio: 3,
  buildingCode: null,
  floor: 2,
  lift: false,
  surfaceM2: 60,
  rooms: 3,
  bedrooms: 2,
  stepFree: false,
  wheelchairAdapted: false,
  energyClass: null,
  origin: "municipal",
  category: "calmierato",
  managingPartnerCode: null,
  comodatoPartnerCode: null,
  comodatoStart: null,
  comodatoEnd: null,
  condition: "good",
  notes: "",
  status: "to_renovate",
  ...o,
});

describe("UNIT_FILE_COLUMNS", () => {
  it.each([
    ["code", "codice", true],
    ["address", "indirizzo", true],
    ["town", "comune", true],
    ["municipio", "municipio", false],
    ["buildingCode", "stabile", false],
    ["floor", "piano", true],
    ["lift", "ascensore", false],
    ["surfaceM2", "superficie_m2", true],
    ["rooms", "locali", true],
    ["bedrooms", "camere", true],
    ["stepFree", "senza_barriere", false],
    ["wheelchairAdapted", "adattato_carrozzina", false],
    ["energyClass", "classe_energetica", false],
    ["origin", "provenienza", true],
    ["category", "categoria", true],
    ["managingPartnerCode", "ente_gestore", false],
    ["comodatoPartnerCode", "comodato_ente", false],
    ["comodatoStart", "comodato_inizio", false],
    ["comodatoEnd", "comodato_fine", false],
    ["condition", "condizione", true],
    ["status", "stato", false],
    ["notes", "note", false],
  ] as const)("%s is headed %s in Italian, required: %s", (key, it, required) => {
    expect(UNIT_FILE_COLUMNS.find((c) => c.key === key)).toMatchObject({ it, required });
  });

  it("exports the English keys in column order", () => {
    expect(unitFileHeader()).toEqual(UNIT_FILE_COLUMNS.map((c) => c.key));
    expect(unitFileHeader()).toHaveLength(22);
    expect(new Set(UNIT_FILE_COLUMNS.map((c) => c.it)).size).toBe(UNIT_FILE_COLUMNS.length);
  });
});

describe("parseLocaleNumber", () => {
  it.each([
    ["62,5", 62.5],
    ["62.5", 62.5],
    ["62,35", 62.35],
    ["60", 60],
    [" 60 ", 60],
    ["-2", -2],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567,89", 1234567.89],
    ["1 234,5", 1234.5],
    ["0,01", 0.01],
  ])("%j → %d", (raw, expected) => {
    expect(parseLocaleNumber(raw)).toBe(expected);
  });

  it.each(["", "abc", "62,5 m²", "1e3", "12,5,3", "--1", "0x10", ","])(
    "%j is not a number and comes back as written",
    (raw) => {
      expect(parseLocaleNumber(raw)).toBe(raw);
    },
  );

  it("reads back any number written the Italian or the English way", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (hundredths) => {
        const n = hundredths / 100;
        expect(parseLocaleNumber(String(n))).toBe(n);
        expect(parseLocaleNumber(String(n).replace(".", ","))).toBe(n);
      }),
    );
  });
});

describe("parseUnitRows", () => {
  it("reads Italian headers, a decimal comma and sì/no", () => {
    const header = [...IT_HEADER, "ascensore", "senza_barriere", "adattato_carrozzina", "stato", "note"];
    const row = [...cells({ surfaceM2: "62,5" }), "sì", "Si", "no", "available", "  Portineria  "];
    expect(parseUnitRows([header, row])).toEqual({
      units: [
        {
          row: 2,
          unit: expectedUnit({
            surfaceM2: 62.5,
            lift: true,
            stepFree: true,
            status: "available",
            notes: "  Portineria  ",
          }),
        },
      ],
      issues: [],
    });
  });

  it("reads English keys and a decimal point", () => {
    const header = [...EN_HEADER, "lift", "stepFree", "energyClass", "managingPartnerCode"];
    const row = [...cells({ surfaceM2: "62.35", code: "mi3-0002" }), "yes", "false", "C", "ets-b1"];
    expect(parseUnitRows([header, row]).units).toEqual([
      {
        row: 2,
        unit: expectedUnit({
          code: "MI3-0002",
          surfaceM2: 62.35,
          lift: true,
          energyClass: "C",
          managingPartnerCode: "ETS-B1",
        }),
      },
    ]);
  });

  it("matches headers in any order and case, with spaces or dashes for underscores", () => {
    const header = [
      "Superficie M2",
      "CODICE",
      ...IT_HEADER.slice(1, 5),
      ...IT_HEADER.slice(6),
      "Senza-Barriere",
      "",
    ];
    const base = cells();
    const row = ["75,00", base[0] ?? "", ...base.slice(1, 5), ...base.slice(6), "x", "ignored"];
    expect(parseUnitRows([header, row])).toEqual({
      units: [{ row: 2, unit: expectedUnit({ surfaceM2: 75, stepFree: true }) }],
      issues: [],
    });
  });

  it.each([
    ["sì", true],
    ["SI", true],
    ["yes", true],
    ["true", true],
    ["1", true],
    ["x", true],
    ["vero", true],
    ["no", false],
    ["false", false],
    ["0", false],
    ["falso", false],
    ["", false],
  ])("reads lift %j as %s", (raw, lift) => {
    const { units, issues } = parseUnitRows([
      [...IT_HEADER, "ascensore"],
      [...cells(), raw],
    ]);
    expect(issues).toEqual([]);
    expect(units[0]?.unit.lift).toBe(lift);
  });

  it.each([
    {
      name: "an unknown column",
      header: [...IT_HEADER, "prezzo"],
      issues: [{ row: 1, column: "prezzo", message: 'Unknown column "prezzo"' }],
    },
    {
      name: "a missing required column",
      header: IT_HEADER.filter((h) => h !== "superficie_m2"),
      issues: [
        { row: 1, column: "surfaceM2", message: 'Required column "surfaceM2" (superficie_m2) is missing' },
      ],
    },
    {
      name: "two missing required columns",
      header: IT_HEADER.filter((h) => h !== "codice" && h !== "categoria"),
      issues: [
        { row: 1, column: "code", message: 'Required column "code" (codice) is missing' },
        { row: 1, column: "category", message: 'Required column "category" (categoria) is missing' },
      ],
    },
    {
      name: "a column in Italian and in English",
      header: [...IT_HEADER, "code"],
      issues: [{ row: 1, column: "code", message: "Column appears twice" }],
    },
  ])("refuses a header with $name, and reads no unit", ({ header, issues }) => {
    expect(parseUnitRows([header, cells()])).toEqual({ units: [], issues });
  });

  it("refuses an empty file and accepts a header with no units", () => {
    expect(parseUnitRows([])).toEqual({
      units: [],
      issues: [{ row: 1, column: "", message: "The file is empty" }],
    });
    expect(parseUnitRows([IT_HEADER])).toEqual({ units: [], issues: [] });
  });

  it("refuses a code used twice in the file, naming the first row", () => {
    const { units, issues } = parseUnitRows([
      IT_HEADER,
      cells({ code: "MI3-0001" }),
      cells({ code: "MI3-0002" }),
      cells({ code: " mi3-0001 " }),
      cells({ code: "MI3-0002" }),
    ]);
    expect(units.map((u) => [u.row, u.unit.code])).toEqual([
      [2, "MI3-0001"],
      [3, "MI3-0002"],
    ]);
    expect(issues).toEqual([
      { row: 4, column: "code", message: "Code already used on row 2" },
      { row: 5, column: "code", message: "Code already used on row 3" },
    ]);
  });

  it("lists every bad cell with its spreadsheet row (header = row 1)", () => {
    const header = [...IT_HEADER, "ascensore", "stato"];
    const { units, issues } = parseUnitRows([
      header,
      [...cells({ code: "MI3-0001" }), "no", ""],
      [...cells({ code: "MI3-0002", surfaceM2: "abc", category: "lusso" }), "", ""],
      [...cells({ code: "MI3-0003", floor: "1,5" }), "forse", ""],
      [...cells({ code: "MI3-0004", surfaceM2: "0" }), "", "venduto"],
      [...cells({ code: "MI3-0005", municipio: "" }), "", ""],
      [...cells({ code: "HL-0001", town: "Rho", origin: "hinterland", rooms: "2", bedrooms: "3" }), "", ""],
      [...cells({ code: "", address: "" }), "", ""],
      ["MI3-0008"],
    ]);
    expect(units.map((u) => u.row)).toEqual([2]);
    expect(issues).toEqual([
      { row: 3, column: "surfaceM2", message: "Surface must be a number of m²" },
      {
        row: 3,
        column: "category",
        message: "Unknown category: use calmierato, calmierato_ridotto or fragilita",
      },
      { row: 4, column: "floor", message: "Floor must be a whole number" },
      { row: 4, column: "lift", message: "Lift must be yes or no" },
      { row: 5, column: "surfaceM2", message: "Surface must be greater than 0 m²" },
      { row: 5, column: "status", message: "Unknown status" },
      { row: 6, column: "municipio", message: "Municipio is required for units in Milano (1–9)" },
      { row: 7, column: "municipio", message: "Municipio applies only to units in Milano" },
      { row: 7, column: "bedrooms", message: "Bedrooms cannot exceed rooms" },
      { row: 8, column: "code", message: "Code is required" },
      { row: 8, column: "address", message: "Address is required" },
      { row: 9, column: "address", message: "Address is required" },
      { row: 9, column: "town", message: "Town is required" },
      { row: 9, column: "floor", message: "Floor must be a whole number" },
      { row: 9, column: "surfaceM2", message: "Surface must be a number of m²" },
      { row: 9, column: "rooms", message: "Rooms must be a whole number" },
      { row: 9, column: "bedrooms", message: "Bedrooms must be a whole number" },
      {
        row: 9,
        column: "origin",
        message: "Unknown origin: use municipal, confiscated, hinterland, partner or private",
      },
      {
        row: 9,
        column: "category",
        message: "Unknown category: use calmierato, calmierato_ridotto or fragilita",
      },
      { row: 9, column: "condition", message: "Unknown condition: use good, fair, poor or uninhabitable" },
    ]);
  });

  it("turns import issues into field paths rows.<row>.<column>", () => {
    expect(
      importIssuesToFieldIssues([
        { row: 1, column: "surfaceM2", message: "Required column" },
        { row: 7, column: "municipio", message: "Municipio applies only to units in Milano" },
      ]),
    ).toEqual([
      { path: "rows.1.surfaceM2", message: "Required column" },
      { path: "rows.7.municipio", message: "Municipio applies only to units in Milano" },
    ]);
  });
});

describe("unitToRow", () => {
  const unit = expectedUnit({
    surfaceM2: 62.35,
    lift: true,
    stepFree: true,
    energyClass: "A4",
    managingPartnerCode: "ETS-B1",
    comodatoPartnerCode: "ETS-B1",
    comodatoStart: "2026-01-01",
    comodatoEnd: "2035-12-31",
    status: "let",
    notes: "Portineria",
  });
  const expected = (surface: string) => [
    "MI3-0001",
    "Via Fittizia dei Glicini 12",
    "Milano",
    "3",
    "",
    "2",
    "sì",
    surface,
    "3",
    "2",
    "sì",
    "no",
    "A4",
    "municipal",
    "calmierato",
    "ETS-B1",
    "ETS-B1",
    "2026-01-01",
    "2035-12-31",
    "good",
    "let",
    "Portineria",
  ];

  it.each([
    { decimalComma: true, surface: "62,35" },
    { decimalComma: false, surface: "62.35" },
  ])("writes a unit in column order (decimal comma: $decimalComma)", ({ decimalComma, surface }) => {
    expect(unitToRow(unit, decimalComma)).toEqual(expected(surface));
  });
});

describe("export then import", () => {
  const units = demoUnits();

  it.each([true, false])("gives back the 488 demo units unchanged (decimal comma: %s)", (decimalComma) => {
    const rows = [unitFileHeader(), ...units.map((u) => unitToRow(u, decimalComma))];
    const parsed = parseUnitRows(rows);
    expect(parsed.issues).toEqual([]);
    expect(parsed.units.map((u) => u.unit)).toEqual(units);
    expect(parsed.units.map((u) => u.row)).toEqual(units.map((_, i) => i + 2));
  });

  it.each([
    { delimiter: ";", decimalComma: true },
    { delimiter: ",", decimalComma: false },
  ] as const)("survives a CSV file with $delimiter", ({ delimiter, decimalComma }) => {
    const csv = toCsv([unitFileHeader(), ...units.map((u) => unitToRow(u, decimalComma))], delimiter, true);
    const parsed = parseUnitRows(parseCsv(csv));
    expect(parsed.issues).toEqual([]);
    expect(parsed.units.map((u) => u.unit)).toEqual(units);
  });

  it("keeps any surface, flags, status and notes (as written) of a unit", () => {
    const base = units[0];
    if (base === undefined) throw new Error("no demo unit");
    const variation = fc.record({
      surfaceM2: fc.integer({ min: 1, max: 100_000 }).map((h) => h / 100),
      lift: fc.boolean(),
      stepFree: fc.boolean(),
      status: fc.constantFrom(
        "to_renovate",
        "renovating",
        "available",
        "offered",
        "let",
        "vacating",
        "unavailable",
      ),
      // notes come back as written; a note of only spaces is an empty cell, which means no note
      notes: fc.string({ maxLength: 40 }).filter((s) => s === "" || s.trim() !== ""),
    });
    fc.assert(
      fc.property(variation, fc.boolean(), (v, decimalComma) => {
        const unit: UnitCreate = { ...base, ...v, wheelchairAdapted: false };
        const parsed = parseUnitRows([unitFileHeader(), unitToRow(unit, decimalComma)]);
        expect(parsed.issues).toEqual([]);
        expect(parsed.units[0]?.unit).toEqual(unit);
      }),
    );
  });
});
