// SPDX-License-Identifier: EUPL-1.2
import type { DefaultValues, FieldPath } from "react-hook-form";
import type { z } from "zod";
import type { UnitCreate } from "../../domain/units/unit.schema.ts";
import { UNIT_FIELD_NAMES, unitFieldsOf } from "../../domain/units/unit-changes.ts";
import { parseLocaleNumber } from "../../domain/units/unit-file.ts";
import type { UnitDetail } from "./units-api.ts";

export type FormValues = z.input<typeof UnitCreate>;
export type FormName = FieldPath<FormValues>;

export const FIELD_NAMES: readonly FormName[] = [...UNIT_FIELD_NAMES, "status"];
export const isFieldName = (path: string): path is FormName => FIELD_NAMES.some((n) => n === path);

// What the inputs hold is text; the schema wants numbers and nulls. Numbers are read the Italian or
// the English way (62,5 or 62.5); anything unreadable stays text, so the schema names the problem.
export const asNumber = (v: unknown) =>
  typeof v !== "string" ? v : v.trim() === "" ? undefined : parseLocaleNumber(v);
export const asNumberOrNull = (v: unknown) =>
  typeof v !== "string" ? v : v.trim() === "" ? null : parseLocaleNumber(v);
export const asTextOrNull = (v: unknown) => (typeof v !== "string" ? v : v.trim() === "" ? null : v);

export const EMPTY: DefaultValues<FormValues> = {
  code: "",
  address: "",
  town: "Milano",
  municipio: null,
  buildingCode: null,
  lift: false,
  stepFree: false,
  wheelchairAdapted: false,
  energyClass: null,
  origin: "municipal",
  category: "calmierato",
  managingPartnerCode: null,
  comodatoPartnerCode: null,
  comodatoStart: null,
  comodatoEnd: null,
  condition: "fair",
  notes: "",
  status: "to_renovate",
};

export function valuesOf(unit: UnitDetail): FormValues {
  return { ...unitFieldsOf(unit), status: unit.status };
}
