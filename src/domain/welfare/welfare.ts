// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * Community welfare (line B.3, seed 004): shared services of a building or a neighbourhood (social
 * concierge, condominium library, shared nurse, home delivery, after-school, meeting room), their
 * activities with how many took part — counts only, never who —, and the self-management of common
 * spaces: each building's house rules for a space, bookings, and the non-residential spaces and their
 * use. Every record with a place carries its Municipio (Milano) or town.
 */

export const WELFARE_SERVICE_KINDS = [
  "social_concierge",
  "condominium_library",
  "shared_nurse",
  "home_delivery",
  "after_school",
  "meeting_room",
  "other",
] as const;
export const WelfareServiceKind = z.enum(WELFARE_SERVICE_KINDS, {
  error: `kind must be one of ${WELFARE_SERVICE_KINDS.join(", ")}`,
});
export type WelfareServiceKind = z.infer<typeof WelfareServiceKind>;

export const SPACE_KINDS = ["common", "non_residential"] as const;
export const SpaceKind = z.enum(SPACE_KINDS, { error: "kind must be common or non_residential" });
export type SpaceKind = z.infer<typeof SpaceKind>;

const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });
const optionalText = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${field}: at most ${max} characters` })
    .default("");
const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const count = (field: string) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int({ error: `${field} must be a whole number` })
    .min(0, { error: `${field} cannot be negative` })
    .max(100_000, { error: `${field}: at most 100000` });
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (field: string) =>
  z.string({ error: `${field} is required` }).regex(TIME, {
    error: `${field} must be a time (HH:MM)`,
  });
const municipio = z
  .number({ error: "municipio must be a whole number from 1 to 9" })
  .int({ error: "municipio must be a whole number from 1 to 9" })
  .min(1, { error: "municipio must be a whole number from 1 to 9" })
  .max(9, { error: "municipio must be a whole number from 1 to 9" })
  .nullable()
  .default(null);

/** A place: a Milan Municipio, or a town of the hinterland (no Municipio). */
const placed = <T extends { town: string; municipio: number | null }>(value: T, ctx: z.RefinementCtx) => {
  if (value.municipio !== null && value.town.toLowerCase() !== "milano")
    ctx.addIssue({ code: "custom", path: ["municipio"], message: "municipio is only for Milano" });
};

export const WelfareServiceInput = z
  .object({
    kind: WelfareServiceKind,
    name: text("name", 3, 200),
    description: optionalText("description", 2000),
    /** A building's service (its code); left out: a neighbourhood's, placed by town and Municipio. */
    buildingCode: z.string().trim().toUpperCase().max(40).nullable().default(null),
    town: text("town", 2, 100),
    municipio,
    /** The organisation running it (its code); left out: the caller's own. */
    organisationCode: z.string().trim().toUpperCase().max(40).nullable().default(null),
    startedOn: day("startedOn"),
    endedOn: day("endedOn").nullable().default(null),
  })
  .superRefine((v, ctx) => {
    placed(v, ctx);
    if (v.endedOn !== null && v.endedOn < v.startedOn)
      ctx.addIssue({ code: "custom", path: ["endedOn"], message: "endedOn cannot be before startedOn" });
  });
export type WelfareServiceInput = z.infer<typeof WelfareServiceInput>;

export const ActivityInput = z
  .object({
    title: text("title", 3, 200),
    heldOn: day("heldOn"),
    /** How many took part, and of them how many live in the programme's homes: counts only. */
    participants: count("participants"),
    residents: count("residents").default(0),
    note: optionalText("note", 1000),
  })
  .superRefine((v, ctx) => {
    if (Number.isInteger(v.participants) && v.participants >= 0 && v.residents > v.participants)
      ctx.addIssue({ code: "custom", path: ["residents"], message: "residents cannot exceed participants" });
  });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const SpaceInput = z
  .object({
    buildingCode: text("buildingCode", 1, 40).toUpperCase(),
    name: text("name", 2, 200),
    kind: SpaceKind,
    /** What it is used for (a non-residential space: the shop, workshop, association there). */
    use: optionalText("use", 500),
    capacity: count("capacity").nullable().default(null),
    bookable: z.boolean({ error: "bookable must be true or false" }).default(false),
    surfaceM2: z
      .number({ error: "surfaceM2 must be a number" })
      .positive({ error: "surfaceM2 must be more than 0" })
      .max(100_000, { error: "surfaceM2: at most 100000" })
      .nullable()
      .default(null),
    /** The house rules for the space, as the residents agreed them (regolamento). */
    rules: optionalText("rules", 10_000),
  })
  .superRefine((v, ctx) => {
    if (v.bookable && v.kind !== "common")
      ctx.addIssue({
        code: "custom",
        path: ["bookable"],
        message: "Only a common space is booked by the residents",
      });
  });
export type SpaceInput = z.infer<typeof SpaceInput>;

export const BookingInput = z
  .object({
    bookedFor: day("bookedFor"),
    fromTime: time("fromTime"),
    toTime: time("toTime"),
    /** What for (a residents' meeting, a party, a course): not who. */
    purpose: text("purpose", 3, 300),
  })
  .superRefine((v, ctx) => {
    // Compared only once both are times (zod runs this even when a field failed).
    if (TIME.test(v.fromTime) && TIME.test(v.toTime) && v.toTime <= v.fromTime)
      ctx.addIssue({ code: "custom", path: ["toTime"], message: "toTime must be after fromTime" });
  });
export type BookingInput = z.infer<typeof BookingInput>;

/** Two bookings of a space on the same day overlap when each starts before the other ends. */
export const overlaps = (a: { fromTime: string; toTime: string }, b: { fromTime: string; toTime: string }) =>
  a.fromTime < b.toTime && b.fromTime < a.toTime;
