// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory } from "../units/unit.schema.ts";
import {
  CONTACT_OUTCOMES,
  ContactChannel,
  ContactOutcome,
  OFFER_STATUSES,
  OfferStatus,
  OWNER_KINDS,
  OwnerKind,
  SchemeKind,
} from "./owners.ts";

/*
 * What the private owners' API answers: owners with their contacts and offered homes, each home with
 * its unit once accepted, its rent against the caps and its guarantees; the guarantee schemes with their
 * uptake; the line's figures.
 */

const day = z.iso.date();
const count = z.number().int();

export const ContactView = z.object({
  id: z.uuid(),
  contactedOn: day,
  channel: ContactChannel,
  outcome: ContactOutcome,
  note: z.string(),
  /** The organisation that made the contact. */
  organisationCode: z.string(),
});
export type ContactView = z.infer<typeof ContactView>;

export const UptakeView = z.object({
  id: z.uuid(),
  schemeId: z.uuid(),
  schemeName: z.string(),
  schemeKind: SchemeKind,
  from: day,
  to: day,
  /** Calendar months it runs (a part of a month counts as one). */
  months: count,
  coverCents: count,
});
export type UptakeView = z.infer<typeof UptakeView>;

export const RentAgainstCapView = z.object({
  category: UnitCategory,
  maxMonthlyRentCents: count.nullable(),
  /** The rent asked less the cap: above it when positive; null when the category has no cap. */
  overCapCents: count.nullable(),
});

export const OfferView = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  address: z.string(),
  town: z.string(),
  municipio: count.nullable(),
  surfaceM2: z.number(),
  rooms: count,
  askedRentCents: count,
  offeredOn: day,
  status: OfferStatus,
  decidedOn: day.nullable(),
  reason: z.string(),
  /** The unit it became in the stock, once accepted. */
  unitCode: z.string().nullable(),
  /**
   * The rent asked against the monthly cap: of the unit's category once accepted, else of each
   * category (a figure to weigh, not a refusal).
   */
  rentAgainstCap: z.array(RentAgainstCapView),
  uptakes: z.array(UptakeView),
  /** The statuses it may move to. */
  nextStatuses: z.array(OfferStatus),
  version: count,
});
export type OfferView = z.infer<typeof OfferView>;

export const OwnerSummaryView = z.object({
  id: z.uuid(),
  kind: OwnerKind,
  name: z.string(),
  contact: z.string(),
  town: z.string(),
  municipio: count.nullable(),
  notes: z.string(),
  contacts: count,
  lastContactOn: day.nullable(),
  offers: count,
  /** Offered homes accepted into the stock. */
  unitsEntered: count,
  version: count,
});
export type OwnerSummaryView = z.infer<typeof OwnerSummaryView>;

export const OwnerList = z.object({ asOf: day, owners: z.array(OwnerSummaryView) });
export type OwnerList = z.infer<typeof OwnerList>;

export const OwnerDetail = z.object({
  asOf: day,
  owner: OwnerSummaryView,
  /** Newest first. */
  contacts: z.array(ContactView),
  offers: z.array(OfferView),
});
export type OwnerDetail = z.infer<typeof OwnerDetail>;

export const SchemeView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: SchemeKind,
  terms: z.string(),
  maxCoverCents: count,
  maxMonths: count,
  active: z.boolean(),
  /** Guarantees granted, and their cover in all; null for a caller who does not see owners' homes. */
  uptakes: count.nullable(),
  totalCoverCents: count.nullable(),
});
export type SchemeView = z.infer<typeof SchemeView>;

export const SchemeList = z.object({ schemes: z.array(SchemeView) });
export type SchemeList = z.infer<typeof SchemeList>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<T[number], typeof count>);

export const OwnersSummary = z.object({
  asOf: day,
  ownersByKind: countsOf(OWNER_KINDS),
  contactsByOutcome: countsOf(CONTACT_OUTCOMES),
  offersByStatus: countsOf(OFFER_STATUSES),
  /** Homes accepted into the stock (units of origin private that came from an offer). */
  unitsEntered: count,
  uptakeByScheme: z.array(
    z.object({
      schemeId: z.uuid(),
      name: z.string(),
      kind: SchemeKind,
      uptakes: count,
      totalCoverCents: count,
    }),
  ),
});
export type OwnersSummary = z.infer<typeof OwnersSummary>;
