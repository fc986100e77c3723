// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";

export const UNIT_CATEGORIES = ["calmierato", "calmierato_ridotto", "fragilita"] as const;
/** Tipologia di assegnazione: canone calmierato, canone calmierato ridotto, fragilità. */
export const UnitCategory = z.enum(UNIT_CATEGORIES, {
  error: "Unknown category: use calmierato, calmierato_ridotto or fragilita",
});
export type UnitCategory = z.infer<typeof UnitCategory>;

export const UNIT_ORIGINS = ["municipal", "confiscated", "hinterland", "partner", "private"] as const;
/** Provenienza: comunale (Milano), bene confiscato, comunale in hinterland, ente partner, privato. */
export const UnitOrigin = z.enum(UNIT_ORIGINS, {
  error: "Unknown origin: use municipal, confiscated, hinterland, partner or private",
});
export type UnitOrigin = z.infer<typeof UnitOrigin>;

export const UNIT_STATUSES = [
  "to_renovate",
  "renovating",
  "available",
  "offered",
  "let_pending",
  "let",
  "vacating",
  "unavailable",
] as const;
/** Stato dell'alloggio; changes only through the transitions in `unit-status.ts`. */
export const UnitStatus = z.enum(UNIT_STATUSES, { error: "Unknown status" });
export type UnitStatus = z.infer<typeof UnitStatus>;

export const ENERGY_CLASSES = ["A4", "A3", "A2", "A1", "B", "C", "D", "E", "F", "G"] as const;
/** Classe energetica (APE), A4 best to G worst. */
export const EnergyClass = z.enum(ENERGY_CLASSES, { error: "Unknown energy class: use A4–A1 or B–G" });
export type EnergyClass = z.infer<typeof EnergyClass>;

export const UNIT_CONDITIONS = ["good", "fair", "poor", "uninhabitable"] as const;
/** Stato di conservazione. */
export const UnitCondition = z.enum(UNIT_CONDITIONS, {
  error: "Unknown condition: use good, fair, poor or uninhabitable",
});
export type UnitCondition = z.infer<typeof UnitCondition>;

export const MILANO = "Milano";
export const isMilano = (town: string): boolean => town.trim().toLowerCase() === "milano";

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const Code = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .toUpperCase()
    .regex(CODE_PATTERN, { error: `${what}: 1–40 letters, digits or . _ / -` });
const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });

/** The fields of a unit as written, without defaults (so a partial update stays partial). */
const UnitFieldsWritten = z.object({
  /** Unique unit code, e.g. `MI-3-0012`; it never changes once created. */
  code: Code("Code"),
  address: z
    .string({ error: "Address is required" })
    .trim()
    .min(3, { error: "Address is required (at least 3 characters)" })
    .max(200, { error: "Address: at most 200 characters" }),
  /** Town: Milano or a hinterland town. */
  town: z
    .string({ error: "Town is required" })
    .trim()
    .min(2, { error: "Town is required" })
    .max(80, { error: "Town: at most 80 characters" }),
  /** Municipio 1–9, only for units in Milano. */
  municipio: z
    .number({ error: "Municipio must be a whole number from 1 to 9" })
    .int({ error: "Municipio must be a whole number from 1 to 9" })
    .min(1, { error: "Municipio must be from 1 to 9" })
    .max(9, { error: "Municipio must be from 1 to 9" })
    .nullable(),
  /** Stabile (building) code; a new code creates the building at the unit's address. */
  buildingCode: Code("Building code").nullable(),
  floor: z
    .number({ error: "Floor must be a whole number" })
    .int({ error: "Floor must be a whole number" })
    .min(-3, { error: "Floor must be between -3 and 60" })
    .max(60, { error: "Floor must be between -3 and 60" }),
  lift: z.boolean({ error: "Lift must be yes or no" }),
  /** Billable surface in m², two decimals at most. */
  surfaceM2: z
    .number({ error: "Surface must be a number of m²" })
    .gt(0, { error: "Surface must be greater than 0 m²" })
    .max(1000, { error: "Surface must be at most 1000 m²" })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
      error: "Surface: at most two decimals",
    }),
  rooms: z
    .number({ error: "Rooms must be a whole number" })
    .int({ error: "Rooms must be a whole number" })
    .min(1, { error: "Rooms must be at least 1" })
    .max(20, { error: "Rooms must be at most 20" }),
  bedrooms: z
    .number({ error: "Bedrooms must be a whole number" })
    .int({ error: "Bedrooms must be a whole number" })
    .min(0, { error: "Bedrooms cannot be negative" })
    .max(15, { error: "Bedrooms must be at most 15" }),
  /** Accessible without steps from the street. */
  stepFree: z.boolean({ error: "Step-free must be yes or no" }),
  /** Adapted for a wheelchair user (implies step-free). */
  wheelchairAdapted: z.boolean({ error: "Wheelchair-adapted must be yes or no" }),
  energyClass: EnergyClass.nullable(),
  origin: UnitOrigin,
  category: UnitCategory,
  /** Code of the Area B partner (ente gestore) that manages the unit. */
  managingPartnerCode: Code("Managing partner").nullable(),
  /** Code of the partner holding the comodato d'uso gratuito. */
  comodatoPartnerCode: Code("Comodato partner").nullable(),
  comodatoStart: IsoDate.nullable(),
  comodatoEnd: IsoDate.nullable(),
  condition: UnitCondition,
  notes: z.string().max(2000, { error: "Notes: at most 2000 characters" }),
});
/** The editable fields of a unit (alloggio), shared by the API, the import and the form. */
export const UnitFields = UnitFieldsWritten.extend({
  municipio: UnitFieldsWritten.shape.municipio.default(null),
  buildingCode: UnitFieldsWritten.shape.buildingCode.default(null),
  lift: UnitFieldsWritten.shape.lift.default(false),
  stepFree: UnitFieldsWritten.shape.stepFree.default(false),
  wheelchairAdapted: UnitFieldsWritten.shape.wheelchairAdapted.default(false),
  energyClass: UnitFieldsWritten.shape.energyClass.default(null),
  managingPartnerCode: UnitFieldsWritten.shape.managingPartnerCode.default(null),
  comodatoPartnerCode: UnitFieldsWritten.shape.comodatoPartnerCode.default(null),
  comodatoStart: UnitFieldsWritten.shape.comodatoStart.default(null),
  comodatoEnd: UnitFieldsWritten.shape.comodatoEnd.default(null),
  notes: UnitFieldsWritten.shape.notes.default(""),
});
export type UnitFields = z.infer<typeof UnitFields>;

/** Cross-field rules of a unit; pure, so the create, update and import paths share them. */
export function unitRuleIssues(u: UnitFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const inMilano = isMilano(u.town);
  if (inMilano && u.municipio === null) {
    issues.push({ path: "municipio", message: "Municipio is required for units in Milano (1–9)" });
  }
  if (!inMilano && u.municipio !== null) {
    issues.push({ path: "municipio", message: "Municipio applies only to units in Milano" });
  }
  if (u.origin === "hinterland" && inMilano) {
    issues.push({ path: "town", message: "A hinterland unit must be in a town other than Milano" });
  }
  if (u.bedrooms > u.rooms) {
    issues.push({ path: "bedrooms", message: "Bedrooms cannot exceed rooms" });
  }
  if (u.wheelchairAdapted && !u.stepFree) {
    issues.push({ path: "stepFree", message: "A wheelchair-adapted unit must be step-free" });
  }
  if ((u.comodatoStart !== null || u.comodatoEnd !== null) && u.comodatoPartnerCode === null) {
    issues.push({ path: "comodatoPartnerCode", message: "Comodato dates need the comodato partner" });
  }
  if (u.comodatoStart !== null && u.comodatoEnd !== null && u.comodatoEnd < u.comodatoStart) {
    issues.push({ path: "comodatoEnd", message: "Comodato end must not be before its start" });
  }
  return issues;
}

function withRules<T extends UnitFields>(value: T, ctx: z.RefinementCtx) {
  for (const issue of unitRuleIssues(value)) {
    ctx.addIssue({ code: "custom", message: issue.message, path: [issue.path] });
  }
}

const RULE_FIELDS: ReadonlySet<string> = new Set([
  "town",
  "municipio",
  "origin",
  "rooms",
  "bedrooms",
  "stepFree",
  "wheelchairAdapted",
  "comodatoPartnerCode",
  "comodatoStart",
  "comodatoEnd",
]);
/** Run the cross-field rules whenever the fields they read are valid, so one pass lists every problem. */
const rulesWhen = {
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    payload.issues.every(
      (i) => i.path !== undefined && i.path.length > 0 && !RULE_FIELDS.has(String(i.path[0])),
    ),
};

/** A new unit; its first status defaults to `to_renovate`. */
export const UnitCreate = UnitFields.extend({ status: UnitStatus.default("to_renovate") }).superRefine(
  withRules,
  rulesWhen,
);
export type UnitCreate = z.infer<typeof UnitCreate>;

/** A complete unit as validated before storing (create, merged update, import row). */
export const UnitRecord = UnitFields.superRefine(withRules, rulesWhen);

/** A change to a unit: any field but the code and status, with the version the client last read. */
export const UnitUpdate = UnitFieldsWritten.omit({ code: true })
  .partial()
  .extend({
    version: z
      .number({ error: "Version is required (optimistic concurrency)" })
      .int({ error: "Version is required (optimistic concurrency)" })
      .min(1, { error: "Version is required (optimistic concurrency)" }),
  });
export type UnitUpdate = z.infer<typeof UnitUpdate>;

export const UnitTransition = z.object({
  to: UnitStatus,
  note: z.string().max(500, { error: "Note: at most 500 characters" }).default(""),
});
export type UnitTransition = z.infer<typeof UnitTransition>;

/** A unit as the API returns it. */
export const Unit = UnitFields.extend({
  id: z.uuid(),
  status: UnitStatus,
  managingPartnerName: z.string().nullable(),
  /** Annual rent cap in cents (null for fragilità, where the plan sets a co-payment). */
  maxAnnualRentCents: z.number().int().nullable(),
  maxMonthlyRentCents: z.number().int().nullable(),
  accessible: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const UNIT_SORT_FIELDS = [
  "code",
  "town",
  "municipio",
  "surfaceM2",
  "rooms",
  "category",
  "status",
  "origin",
  "updatedAt",
] as const;

const boolParam = z
  .enum(["true", "false"], { error: "Use true or false" })
  .transform((v) => v === "true")
  .optional();

/** Filters, sort and page of the unit list (query string). */
export const UnitListQuery = z.object({
  status: UnitStatus.optional(),
  category: UnitCategory.optional(),
  origin: UnitOrigin.optional(),
  town: z.string().trim().max(80).optional(),
  municipio: z.coerce
    .number({ error: "Municipio must be from 1 to 9" })
    .int({ error: "Municipio must be from 1 to 9" })
    .min(1, { error: "Municipio must be from 1 to 9" })
    .max(9, { error: "Municipio must be from 1 to 9" })
    .optional(),
  partner: z.string().trim().max(40).optional(),
  accessible: boolParam,
  q: z.string().trim().max(100).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${UNIT_SORT_FIELDS.join("|")})$`), {
      error: `Sort by one of ${UNIT_SORT_FIELDS.join(", ")}, with - for descending`,
    })
    .default("code"),
  limit: z.coerce
    .number({ error: "Limit must be from 1 to 500" })
    .int({ error: "Limit must be from 1 to 500" })
    .min(1, { error: "Limit must be from 1 to 500" })
    .max(500, { error: "Limit must be from 1 to 500" })
    .default(25),
  offset: z.coerce
    .number({ error: "Offset must be 0 or more" })
    .int({ error: "Offset must be 0 or more" })
    .min(0, { error: "Offset must be 0 or more" })
    .default(0),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitEventKind = z.enum(["created", "updated", "status", "imported"]);
/** One entry of a unit's history: who changed what, when. */
export const UnitEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: UnitEventKind,
  actorName: z.string().nullable(),
  fromStatus: UnitStatus.nullable(),
  toStatus: UnitStatus.nullable(),
  /** Changed fields: name → [before, after]. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  note: z.string(),
});
export type UnitEvent = z.infer<typeof UnitEvent>;
