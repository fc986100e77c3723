// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { isMilano, MILANO, UnitFields } from "../units/unit.schema.ts";

/*
 * Private owners (programme line A.4, seed 000 §4.1.4): the programme reaches out to owners and to
 * their associations and agents (ANACI, UPPI, tenants' unions, estate agencies) so that they let homes
 * to the most fragile households. Each contact is recorded with its outcome; a home an owner offers is
 * reviewed, then accepted (it enters the stock as a unit of origin "private"), declined or withdrawn.
 * Guarantee schemes offered to owners (a rent guarantee fund, damage cover) have their terms, the most
 * they cover and for how long; an uptake grants one on an accepted home. Money is in euro cents, dates
 * are `YYYY-MM-DD`. The shape of an input is checked here; the rules that tie inputs to what is stored
 * are in owners-rules.ts and break as errors naming the field.
 */

export const OWNER_KINDS = ["individual", "company", "association", "agency"] as const;
export const OwnerKind = z.enum(OWNER_KINDS, { error: `kind must be one of ${OWNER_KINDS.join(", ")}` });
export type OwnerKind = z.infer<typeof OwnerKind>;

export const CONTACT_CHANNELS = ["phone", "email", "meeting", "event", "letter"] as const;
export const ContactChannel = z.enum(CONTACT_CHANNELS, {
  error: `channel must be one of ${CONTACT_CHANNELS.join(", ")}`,
});
export type ContactChannel = z.infer<typeof ContactChannel>;

export const CONTACT_OUTCOMES = ["interested", "not_interested", "follow_up", "unit_offered"] as const;
export const ContactOutcome = z.enum(CONTACT_OUTCOMES, {
  error: `outcome must be one of ${CONTACT_OUTCOMES.join(", ")}`,
});
export type ContactOutcome = z.infer<typeof ContactOutcome>;

/** An offered home: offered, under review, then accepted (it enters the stock), declined or withdrawn. */
export const OFFER_STATUSES = ["offered", "under_review", "accepted", "declined", "withdrawn"] as const;
export const OfferStatus = z.enum(OFFER_STATUSES, {
  error: `status must be one of ${OFFER_STATUSES.join(", ")}`,
});
export type OfferStatus = z.infer<typeof OfferStatus>;

/** The statuses a decision sets; acceptance has its own request, which creates the unit. */
export const DECISION_STATUSES = ["under_review", "declined", "withdrawn"] as const;
/** The statuses whose decision needs a reason. */
export const REASONED_STATUSES: readonly OfferStatus[] = ["declined", "withdrawn"];

export const SCHEME_KINDS = ["rent_guarantee_fund", "damage_cover"] as const;
export const SchemeKind = z.enum(SCHEME_KINDS, { error: `kind must be one of ${SCHEME_KINDS.join(", ")}` });
export type SchemeKind = z.infer<typeof SchemeKind>;

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });
const someText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field}: at most ${max} characters` });
const optionalText = (field: string, max: number) => someText(field, max).default("");
const cents = (field: string) =>
  z
    .number({ error: `${field} must be a whole number of cents` })
    .int({ error: `${field} must be a whole number of cents` })
    .max(1_000_000_000, { error: `${field}: at most 1,000,000,000 cents` });
const version = z
  .number({ error: "version must be the version you read" })
  .int({ error: "version must be the version you read" })
  .min(1, { error: "version must be the version you read" });

/** A town as stored: trimmed, and Milano spelt one way (the stored checks compare it exactly). */
const town = z
  .string({ error: "town is required" })
  .trim()
  .min(2, { error: "town is required" })
  .max(80, { error: "town: at most 80 characters" })
  .transform((t) => (isMilano(t) ? MILANO : t));
const someMunicipio = z
  .number({ error: "municipio must be a whole number from 1 to 9" })
  .int({ error: "municipio must be a whole number from 1 to 9" })
  .min(1, { error: "municipio must be a whole number from 1 to 9" })
  .max(9, { error: "municipio must be a whole number from 1 to 9" })
  .nullable();
const municipio = someMunicipio.default(null);

/** A Municipio (1–9) only in Milano; `required`: a home in Milano must say which (as a unit must). */
export function placeProblem(
  place: { town: string; municipio: number | null },
  required: boolean,
): string | null {
  const inMilano = isMilano(place.town);
  if (!inMilano && place.municipio !== null) return "municipio applies only in Milano";
  if (inMilano && required && place.municipio === null) return "municipio is required in Milano (1–9)";
  return null;
}

/** An owner's fields as written, without defaults, so a partial update stays partial. */
const OwnerFieldsWritten = z.object({
  kind: OwnerKind,
  /** The owner's or the association's name (an association: ANACI, UPPI, an agency). */
  name: text("name", 2, 200),
  /** How to reach them: a phone number, an e-mail address, an office. */
  contact: someText("contact", 300),
  town,
  municipio: someMunicipio,
  notes: someText("notes", 2000),
});

const placeChecked = (o: { town?: string; municipio?: number | null }, ctx: z.RefinementCtx) => {
  // A partial update names the place only when it changes both; the service checks the whole owner.
  if (o.town === undefined || o.municipio === undefined) return;
  const problem = placeProblem({ town: o.town, municipio: o.municipio }, false);
  if (problem !== null) ctx.addIssue({ code: "custom", path: ["municipio"], message: problem });
};

export const OwnerInput = OwnerFieldsWritten.extend({
  contact: OwnerFieldsWritten.shape.contact.default(""),
  municipio: OwnerFieldsWritten.shape.municipio.default(null),
  notes: OwnerFieldsWritten.shape.notes.default(""),
}).superRefine(placeChecked);
export type OwnerInput = z.infer<typeof OwnerInput>;

/** A change to an owner's details: the fields that change, and the version read (a stale one is a 409). */
export const OwnerUpdate = OwnerFieldsWritten.partial().extend({ version }).superRefine(placeChecked);
export type OwnerUpdate = z.infer<typeof OwnerUpdate>;

export const ContactInput = z.object({
  contactedOn: day("contactedOn"),
  channel: ContactChannel,
  outcome: ContactOutcome,
  note: optionalText("note", 2000),
});
export type ContactInput = z.infer<typeof ContactInput>;

/** A home an owner offers: where, how large, the monthly rent asked. The fields a unit will have. */
export const OfferInput = z
  .object({
    address: UnitFields.shape.address,
    town,
    municipio,
    surfaceM2: UnitFields.shape.surfaceM2,
    rooms: UnitFields.shape.rooms,
    /** The monthly rent the owner asks, in cents. */
    askedRentCents: cents("askedRentCents").min(0, { error: "askedRentCents cannot be negative" }),
    offeredOn: day("offeredOn"),
  })
  .superRefine((o, ctx) => {
    const problem = placeProblem(o, true);
    if (problem !== null) ctx.addIssue({ code: "custom", path: ["municipio"], message: problem });
  });
export type OfferInput = z.infer<typeof OfferInput>;

/** A decision on an offer short of acceptance: put under review, declined or withdrawn (with a reason). */
export const OfferDecision = z
  .object({
    status: z.enum(DECISION_STATUSES, { error: `status must be one of ${DECISION_STATUSES.join(", ")}` }),
    decidedOn: day("decidedOn"),
    reason: optionalText("reason", 2000),
    version,
  })
  .superRefine((d, ctx) => {
    if (REASONED_STATUSES.includes(d.status) && d.reason === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: `reason is required when ${d.status}` });
  });
export type OfferDecision = z.infer<typeof OfferDecision>;

const unit = UnitFields.shape;
/**
 * What an accepted home needs to enter the stock: the unit's code, category and managing partner, and
 * what the offer does not say; its address, town, Municipio, surface and rooms are the offer's.
 */
export const OfferAcceptance = z.object({
  code: unit.code,
  category: unit.category,
  /** The Area B partner (ente gestore) that will manage the unit. */
  managingPartnerCode: unit.managingPartnerCode.unwrap().unwrap(),
  buildingCode: unit.buildingCode,
  floor: unit.floor,
  lift: unit.lift,
  bedrooms: unit.bedrooms,
  stepFree: unit.stepFree,
  wheelchairAdapted: unit.wheelchairAdapted,
  energyClass: unit.energyClass,
  condition: unit.condition,
  decidedOn: day("decidedOn"),
  version,
});
export type OfferAcceptance = z.infer<typeof OfferAcceptance>;

export const SchemeInput = z.object({
  name: text("name", 3, 200),
  kind: SchemeKind,
  /** The terms offered to owners: what is covered, when it pays, what the owner commits to. */
  terms: text("terms", 10, 5000),
  /** The most it covers for one home, in cents, and for how many months. */
  maxCoverCents: cents("maxCoverCents").min(1, { error: "maxCoverCents must be more than 0" }),
  maxMonths: z
    .number({ error: "maxMonths must be a whole number of months" })
    .int({ error: "maxMonths must be a whole number of months" })
    .min(1, { error: "maxMonths must be more than 0" })
    .max(120, { error: "maxMonths: at most 120" }),
});
export type SchemeInput = z.infer<typeof SchemeInput>;

/** A guarantee granted on an accepted home: which scheme, its days (`to` inclusive), its cover. */
export const UptakeInput = z
  .object({
    schemeId: z.uuid({ error: "schemeId must be an id" }),
    from: day("from"),
    to: day("to"),
    coverCents: cents("coverCents").min(1, { error: "coverCents must be more than 0" }),
  })
  .superRefine((u, ctx) => {
    if (u.to < u.from) ctx.addIssue({ code: "custom", path: ["to"], message: "to cannot be before from" });
  });
export type UptakeInput = z.infer<typeof UptakeInput>;
