// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { Organisation } from "../organisations/organisation.schema.ts";
import { type UnitFields, UnitFields as UnitFieldsSchema } from "./unit.schema.ts";
import { diffUnitFields, resolveUnitPartners } from "./unit-changes.ts";

const org = (code: string, area: "A" | "B" | null, categories: Organisation["categories"]): Organisation => ({
  id: `id-${code}`,
  code,
  name: code,
  kind: area === null ? "comune" : "partner",
  area,
  categories,
});
const ORGS = new Map(
  [
    org("COMUNE-MI", null, []),
    org("ETS-A", "A", []),
    org("ETS-B1", "B", ["calmierato", "calmierato_ridotto"]),
    org("ETS-B3", "B", ["fragilita"]),
  ].map((o) => [o.code, o]),
);

const unit = (overrides: Partial<UnitFields> = {}): UnitFields =>
  UnitFieldsSchema.parse({
    code: "MI1-0001",
    address: "Via Fittizia 1",
    town: "Milano",
    municipio: 1,
    floor: 0,
    surfaceM2: 50,
    rooms: 2,
    bedrooms: 1,
    origin: "municipal",
    category: "calmierato",
    managingPartnerCode: "ETS-B1",
    comodatoPartnerCode: "ETS-B1",
    condition: "good",
    ...overrides,
  });

describe("resolveUnitPartners", () => {
  it.each([
    ["a partner of the category", {}, null, []],
    ["no managing partner yet", { managingPartnerCode: null }, null, []],
    [
      "an unknown partner",
      { managingPartnerCode: "ETS-Z" },
      null,
      ['managingPartnerCode: Unknown partner "ETS-Z"'],
    ],
    [
      "a partner of another category",
      { category: "fragilita" },
      null,
      ["managingPartnerCode: Partner ETS-B1 does not manage the category fragilita"],
    ],
    [
      "an Area A partner",
      { managingPartnerCode: "ETS-A" },
      null,
      ["managingPartnerCode: Partner ETS-A does not manage the category calmierato"],
    ],
    ["its own organisation, for a scoped caller", {}, "id-ETS-B1", []],
    [
      "another organisation, for a scoped caller",
      { category: "fragilita", managingPartnerCode: "ETS-B3" },
      "id-ETS-B1",
      ["managingPartnerCode: You can only manage units of your own organisation"],
    ],
    [
      "the Comune as comodato partner",
      { comodatoPartnerCode: "COMUNE-MI" },
      null,
      ['comodatoPartnerCode: Unknown partner "COMUNE-MI"'],
    ],
  ] as const)("%s", (_, overrides, own, expected) => {
    const result = resolveUnitPartners(unit(overrides), ORGS, own);
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(expected);
  });

  it("returns the partners' ids when they resolve", () => {
    expect(resolveUnitPartners(unit(), ORGS, null)).toEqual({
      managingPartnerId: "id-ETS-B1",
      comodatoPartnerId: "id-ETS-B1",
      issues: [],
    });
  });
});

describe("diffUnitFields", () => {
  it.each([
    ["nothing", {}, {}],
    ["the surface", { surfaceM2: 52.5 }, { surfaceM2: [50, 52.5] }],
    ["a cleared field", { comodatoPartnerCode: null }, { comodatoPartnerCode: ["ETS-B1", null] }],
    ["two fields", { rooms: 3, notes: "Nuova" }, { rooms: [2, 3], notes: ["", "Nuova"] }],
  ] as const)("records %s", (_, change, expected) => {
    expect(diffUnitFields(unit(), unit(change))).toEqual(expected);
  });
});
