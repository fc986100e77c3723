// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Reason = z.string().trim().max(500, { error: "Reason: at most 500 characters" });
const RequiredReason = Reason.min(1, { error: "Reason: say why" });

export const OFFER_STATUSES = ["pending", "accepted", "declined", "expired", "withdrawn"] as const;
/** Where an offer (proposta di alloggio) stands; only a pending one can be answered or withdrawn. */
export const OfferStatus = z.enum(OFFER_STATUSES, { error: "Unknown offer status" });
export type OfferStatus = z.infer<typeof OfferStatus>;

export const DECLINED_BY = ["household", "provider"] as const;
/** Who a refusal is down to: the household, or the provider (the unit, the managing partner). */
export const DeclinedBy = z.enum(DECLINED_BY, { error: "declinedBy: household or provider" });
export type DeclinedBy = z.infer<typeof DeclinedBy>;

/**
 * An offer of a unit to a waiting household. From a run it names the run; a manual offer (no
 * `runId`) always says why. `dueOn` defaults to today + 7 days.
 */
export const OfferInput = z
  .object({
    unitId: z.string().trim().min(1, { error: "unitId: a unit id or code" }),
    householdId: z.string().trim().min(1, { error: "householdId: a household id or reference" }),
    dueOn: IsoDate.optional(),
    runId: z.uuid({ error: "runId: an allocation run id" }).optional(),
    reason: Reason.default(""),
  })
  .superRefine((input, ctx) => {
    if (input.runId === undefined && input.reason === "") {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "Reason: a manual offer (not from a run) says why",
      });
    }
  });
export type OfferInput = z.infer<typeof OfferInput>;

/** The date of the pre-assignment visit (visita pre-assegnazione). */
export const OfferVisit = z.object({ visitOn: IsoDate });
export type OfferVisit = z.infer<typeof OfferVisit>;

/** The managing partner confirms it can take the household into the unit. */
export const OfferConfirmation = z.object({ note: Reason.default("") });
export type OfferConfirmation = z.infer<typeof OfferConfirmation>;

/** A refusal with its structured reason. */
export const OfferDecline = z.object({
  reason: RequiredReason,
  declinedBy: DeclinedBy,
  /** A reasonable refusal keeps the household's place (up to the rule's count). */
  reasonable: z.boolean({ error: "reasonable: true or false" }),
});
export type OfferDecline = z.infer<typeof OfferDecline>;

/** The Comune takes an offer back: both unit and household return to where they stood. */
export const OfferWithdrawal = z.object({ reason: RequiredReason });
export type OfferWithdrawal = z.infer<typeof OfferWithdrawal>;

/** Step back from an acceptance (the tenancy draft is cancelled, the offer is pending again). */
export const OfferStepBack = z.object({ reason: RequiredReason });
export type OfferStepBack = z.infer<typeof OfferStepBack>;

/**
 * Reopen a declined, expired or withdrawn offer (an answer recorded by mistake, a deadline missed for
 * a reason outside the household's control): pending again until `dueOn` (default: today + the rule's
 * days); a refusal reopened no longer counts against the household.
 */
export const OfferReopen = z.object({ reason: RequiredReason, dueOn: IsoDate.optional() });
export type OfferReopen = z.infer<typeof OfferReopen>;

/** The answer to an offer, as the rules see it. */
export type OfferAnswer = { kind: "accept" } | ({ kind: "decline" } & OfferDecline);

const Limit = z.coerce
  .number({ error: "Limit must be from 1 to 500" })
  .int({ error: "Limit must be from 1 to 500" })
  .min(1, { error: "Limit must be from 1 to 500" })
  .max(500, { error: "Limit must be from 1 to 500" })
  .default(50);
const Offset = z.coerce
  .number({ error: "Offset must be 0 or more" })
  .int({ error: "Offset must be 0 or more" })
  .min(0, { error: "Offset must be 0 or more" })
  .default(0);

export const OfferListQuery = z.object({ status: OfferStatus.optional(), limit: Limit, offset: Offset });
export type OfferListQuery = z.infer<typeof OfferListQuery>;

/** An offer as the API returns it. */
export const Offer = z.object({
  id: z.uuid(),
  runId: z.uuid().nullable(),
  /** The unit's code and status are null when the caller's organisation does not manage the unit. */
  unit: z.object({ id: z.uuid(), code: z.string().nullable(), status: z.string().nullable() }),
  household: z.object({ id: z.uuid(), reference: z.string(), status: z.string() }),
  status: OfferStatus,
  offeredAt: z.string(),
  dueOn: IsoDate,
  reason: z.string(),
  visitOn: IsoDate.nullable(),
  partnerConfirmedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  declinedBy: DeclinedBy.nullable(),
  reasonable: z.boolean().nullable(),
  note: z.string(),
  /** Pending past its due date: the next expiry sweep closes it. */
  overdue: z.boolean(),
  /** The tenancy draft an accepted offer opened; null otherwise. */
  tenancyId: z.uuid().nullable(),
  version: z.number().int(),
});
export type Offer = z.infer<typeof Offer>;

export const OfferList = z.object({ items: z.array(Offer), total: z.number().int() });
export type OfferList = z.infer<typeof OfferList>;

/** What an expiry sweep closed: the pending offers past their due date, now expired. */
export const OfferExpiry = z.object({ expired: z.array(Offer) });
export type OfferExpiry = z.infer<typeof OfferExpiry>;
