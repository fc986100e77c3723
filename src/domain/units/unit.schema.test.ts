// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  isMilano,
  UnitCreate,
  UnitFields,
  UnitListQuery,
  UnitRecord,
  UnitUpdate,
  unitRuleIssues,
} from "./unit.schema.ts";

/** A valid municipal flat in Milano, Municipio 3; override what the case is about. */
const newUnitInput = (overrides: Record<string, unknown> = {}) => ({
  code: "MI3-0001",
  address: "Via Fittizia dei Glicini 12",
  town: "Milano",
  municipio: 3,
  floor: 2,
  surfaceM2: 60,
  rooms: 3,
  bedrooms: 2,
  origin: "municipal",
  category: "calmierato",
  condition: "good",
  ...overrides,
});
const newUnit = (overrides: Record<string, unknown> = {}): UnitFields =>
  UnitFields.parse(newUnitInput(overrides));

const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

describe("isMilano", () => {
  it.each([
    ["Milano", true],
    [" milano ", true],
    ["MILANO", true],
    ["Rho", false],
    ["Milano Marittima", false],
    ["San Donato Milanese", false],
  ])("%j → %s", (town, expected) => {
    expect(isMilano(town)).toBe(expected);
  });
});

describe("unitRuleIssues", () => {
  it.each([
    { name: "a municipal flat in Milano with its municipio", patch: {}, issues: [] },
    {
      name: "Milano without municipio",
      patch: { municipio: null },
      issues: [{ path: "municipio", message: "Municipio is required for units in Milano (1–9)" }],
    },
    { name: "Milano written in lower case with spaces", patch: { town: " milano " }, issues: [] },
    {
      name: "a municipio outside Milano",
      patch: { town: "Rho", origin: "hinterland", municipio: 3 },
      issues: [{ path: "municipio", message: "Municipio applies only to units in Milano" }],
    },
    {
      name: "a hinterland unit outside Milano without municipio",
      patch: { town: "Rho", origin: "hinterland", municipio: null },
      issues: [],
    },
    {
      name: "a hinterland unit in Milano",
      patch: { origin: "hinterland" },
      issues: [{ path: "town", message: "A hinterland unit must be in a town other than Milano" }],
    },
    {
      name: "a confiscated flat in Milano",
      patch: { origin: "confiscated" },
      issues: [],
    },
    {
      name: "more bedrooms than rooms",
      patch: { rooms: 3, bedrooms: 4 },
      issues: [{ path: "bedrooms", message: "Bedrooms cannot exceed rooms" }],
    },
    { name: "as many bedrooms as rooms", patch: { rooms: 2, bedrooms: 2 }, issues: [] },
    {
      name: "wheelchair-adapted but not step-free",
      patch: { wheelchairAdapted: true, stepFree: false },
      issues: [{ path: "stepFree", message: "A wheelchair-adapted unit must be step-free" }],
    },
    {
      name: "wheelchair-adapted and step-free",
      patch: { wheelchairAdapted: true, stepFree: true },
      issues: [],
    },
    { name: "step-free only", patch: { stepFree: true }, issues: [] },
    {
      name: "comodato dates without the partner",
      patch: { comodatoStart: "2026-01-01" },
      issues: [{ path: "comodatoPartnerCode", message: "Comodato dates need the comodato partner" }],
    },
    {
      name: "comodato end without the partner",
      patch: { comodatoEnd: "2035-12-31" },
      issues: [{ path: "comodatoPartnerCode", message: "Comodato dates need the comodato partner" }],
    },
    {
      name: "comodato ending before it starts",
      patch: { comodatoPartnerCode: "ETS-B1", comodatoStart: "2026-01-01", comodatoEnd: "2025-12-31" },
      issues: [{ path: "comodatoEnd", message: "Comodato end must not be before its start" }],
    },
    {
      name: "comodato of one day",
      patch: { comodatoPartnerCode: "ETS-B1", comodatoStart: "2026-01-01", comodatoEnd: "2026-01-01" },
      issues: [],
    },
    {
      name: "comodato over ten years",
      patch: { comodatoPartnerCode: "ETS-B1", comodatoStart: "2026-01-01", comodatoEnd: "2035-12-31" },
      issues: [],
    },
    {
      name: "several problems at once, in rule order",
      patch: { origin: "hinterland", municipio: null, rooms: 1, bedrooms: 2, wheelchairAdapted: true },
      issues: [
        { path: "municipio", message: "Municipio is required for units in Milano (1–9)" },
        { path: "town", message: "A hinterland unit must be in a town other than Milano" },
        { path: "bedrooms", message: "Bedrooms cannot exceed rooms" },
        { path: "stepFree", message: "A wheelchair-adapted unit must be step-free" },
      ],
    },
  ])("$name", ({ patch, issues }) => {
    expect(unitRuleIssues(newUnit(patch))).toEqual(issues);
  });
});

describe("UnitCreate", () => {
  it("trims and upper-cases codes, fills defaults and starts the unit to_renovate", () => {
    const unit = UnitCreate.parse(newUnitInput({ code: "  mi3-0001 ", managingPartnerCode: "ets-b1" }));
    expect(unit).toEqual({
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
      managingPartnerCode: "ETS-B1",
      comodatoPartnerCode: null,
      comodatoStart: null,
      comodatoEnd: null,
      condition: "good",
      notes: "",
      status: "to_renovate",
    });
  });

  it.each([
    { patch: { surfaceM2: 0 }, path: "surfaceM2", message: "Surface must be greater than 0 m²" },
    { patch: { surfaceM2: -5 }, path: "surfaceM2", message: "Surface must be greater than 0 m²" },
    { patch: { surfaceM2: 1000.01 }, path: "surfaceM2", message: "Surface must be at most 1000 m²" },
    { patch: { surfaceM2: 62.355 }, path: "surfaceM2", message: "Surface: at most two decimals" },
    { patch: { surfaceM2: "60" }, path: "surfaceM2", message: "Surface must be a number of m²" },
    {
      patch: { category: "lusso" },
      path: "category",
      message: "Unknown category: use calmierato, calmierato_ridotto or fragilita",
    },
    {
      patch: { origin: "estero" },
      path: "origin",
      message: "Unknown origin: use municipal, confiscated, hinterland, partner or private",
    },
    { patch: { municipio: 12 }, path: "municipio", message: "Municipio must be from 1 to 9" },
    { patch: { municipio: 0 }, path: "municipio", message: "Municipio must be from 1 to 9" },
    { patch: { municipio: 2.5 }, path: "municipio", message: "Municipio must be a whole number from 1 to 9" },
    { patch: { code: undefined }, path: "code", message: "Code is required" },
    { patch: { code: "" }, path: "code", message: "Code: 1–40 letters, digits or . _ / -" },
    { patch: { code: "MI 3" }, path: "code", message: "Code: 1–40 letters, digits or . _ / -" },
    { patch: { code: "A".repeat(41) }, path: "code", message: "Code: 1–40 letters, digits or . _ / -" },
    { patch: { address: "ab" }, path: "address", message: "Address is required (at least 3 characters)" },
    { patch: { floor: 61 }, path: "floor", message: "Floor must be between -3 and 60" },
    { patch: { floor: 1.5 }, path: "floor", message: "Floor must be a whole number" },
    { patch: { rooms: 0, bedrooms: 0 }, path: "rooms", message: "Rooms must be at least 1" },
    { patch: { bedrooms: -1 }, path: "bedrooms", message: "Bedrooms cannot be negative" },
    { patch: { lift: "sì" }, path: "lift", message: "Lift must be yes or no" },
    { patch: { energyClass: "H" }, path: "energyClass", message: "Unknown energy class: use A4–A1 or B–G" },
    {
      patch: { condition: "new" },
      path: "condition",
      message: "Unknown condition: use good, fair, poor or uninhabitable",
    },
    {
      patch: { comodatoPartnerCode: "ETS-B1", comodatoStart: "2026-13-01" },
      path: "comodatoStart",
      message: "Use a date as YYYY-MM-DD",
    },
    { patch: { status: "sold" }, path: "status", message: "Unknown status" },
  ])("refuses $patch on $path: $message", ({ patch, path, message }) => {
    expect(issuesOf(UnitCreate.safeParse(newUnitInput(patch)))).toEqual([{ path, message }]);
  });

  it("reports the cross-field rules under their field paths", () => {
    expect(issuesOf(UnitCreate.safeParse(newUnitInput({ municipio: null, rooms: 1, bedrooms: 3 })))).toEqual([
      { path: "municipio", message: "Municipio is required for units in Milano (1–9)" },
      { path: "bedrooms", message: "Bedrooms cannot exceed rooms" },
    ]);
    expect(issuesOf(UnitRecord.safeParse(newUnitInput({ town: "Rho", origin: "hinterland" })))).toEqual([
      { path: "municipio", message: "Municipio applies only to units in Milano" },
    ]);
  });
});

describe("UnitUpdate", () => {
  it("needs the version the client read", () => {
    expect(issuesOf(UnitUpdate.safeParse({ floor: 3 }))).toEqual([
      { path: "version", message: "Version is required (optimistic concurrency)" },
    ]);
    expect(issuesOf(UnitUpdate.safeParse({ version: 0 }))).toEqual([
      { path: "version", message: "Version is required (optimistic concurrency)" },
    ]);
  });

  it("still checks each field it is given", () => {
    expect(issuesOf(UnitUpdate.safeParse({ version: 1, surfaceM2: 0 }))).toEqual([
      { path: "surfaceM2", message: "Surface must be greater than 0 m²" },
    ]);
    expect(issuesOf(UnitUpdate.safeParse({ version: 1, category: "lusso" }))).toEqual([
      { path: "category", message: "Unknown category: use calmierato, calmierato_ridotto or fragilita" },
    ]);
  });

  it("cannot change the code", () => {
    const patch = UnitUpdate.parse({ version: 2, code: "OTHER-1", surfaceM2: 61.5 });
    expect(patch).not.toHaveProperty("code");
    expect(patch.surfaceM2).toBe(61.5);
  });

  // A PATCH carries only the fields the client changed. Defaults must not fill in the others, or the
  // service (`{ ...before, ...changes }`) resets lift, notes, municipio, partners… of the stored unit.
  it("keeps only the fields the client sent", () => {
    expect(UnitUpdate.parse({ version: 4, floor: 3 })).toEqual({ version: 4, floor: 3 });
  });

  it("merged over a stored unit, changes only the fields it names", () => {
    const stored = newUnit({
      lift: true,
      stepFree: true,
      notes: "Portineria al piano terra",
      managingPartnerCode: "ETS-B1",
    });
    const { version: _version, ...changes } = UnitUpdate.parse({ version: 4, floor: 3 });
    const merged = UnitRecord.safeParse({ ...stored, ...changes });
    expect(issuesOf(merged)).toEqual([]);
    expect(merged.data).toEqual({ ...stored, floor: 3 });
  });
});

describe("UnitListQuery", () => {
  it("defaults to the first 25 units by code", () => {
    expect(UnitListQuery.parse({})).toEqual({ sort: "code", limit: 25, offset: 0 });
  });

  it("reads numbers and booleans from the query string", () => {
    expect(
      UnitListQuery.parse({
        municipio: "3",
        accessible: "true",
        limit: "100",
        offset: "50",
        sort: "-surfaceM2",
        q: "  glicini ",
      }),
    ).toEqual({ municipio: 3, accessible: true, limit: 100, offset: 50, sort: "-surfaceM2", q: "glicini" });
    expect(UnitListQuery.parse({ accessible: "false" }).accessible).toBe(false);
  });

  it.each([
    { query: { municipio: "12" }, path: "municipio", message: "Municipio must be from 1 to 9" },
    { query: { municipio: "due" }, path: "municipio", message: "Municipio must be from 1 to 9" },
    { query: { accessible: "yes" }, path: "accessible", message: "Use true or false" },
    {
      query: { sort: "price" },
      path: "sort",
      message:
        "Sort by one of code, town, municipio, surfaceM2, rooms, category, status, origin, updatedAt, with - for descending",
    },
    { query: { limit: "0" }, path: "limit", message: "Limit must be from 1 to 500" },
    { query: { limit: "501" }, path: "limit", message: "Limit must be from 1 to 500" },
    { query: { offset: "-1" }, path: "offset", message: "Offset must be 0 or more" },
    { query: { status: "sold" }, path: "status", message: "Unknown status" },
    {
      query: { category: "lusso" },
      path: "category",
      message: "Unknown category: use calmierato, calmierato_ridotto or fragilita",
    },
  ])("refuses $query", ({ query, path, message }) => {
    expect(issuesOf(UnitListQuery.safeParse(query))).toEqual([{ path, message }]);
  });
});

describe("one pass lists every problem", () => {
  it("reports the cross-field rules even when another field has the wrong type", () => {
    const result = UnitCreate.safeParse({
      code: "MI1-9999",
      address: "Via Fittizia 1",
      town: "Milano",
      floor: 1,
      surfaceM2: "abc",
      rooms: 2,
      bedrooms: 3,
      origin: "municipal",
      category: "calmierato",
      condition: "good",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["bedrooms", "municipio", "surfaceM2"]);
  });

  it("skips a rule whose own fields are invalid, instead of reporting nonsense", () => {
    const result = UnitCreate.safeParse({
      code: "MI1-9998",
      address: "Via Fittizia 1",
      town: "Milano",
      municipio: 12,
      floor: 1,
      surfaceM2: 50,
      rooms: 2,
      bedrooms: 1,
      origin: "municipal",
      category: "calmierato",
      condition: "good",
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["municipio", "Municipio must be from 1 to 9"],
    ]);
  });
});
