// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { AMORTISATION_METHODS, RATE_CONVENTIONS } from "../finance/loan.ts";
import { daysBetween } from "../ledger/period.ts";

/*
 * Fundraising and calls (A.2): the calls for funding the partners scout (bandi), their applications
 * and outcomes, the pledges of each source (grant, partner equity, fundraising, calls won, the areas'
 * co-financing) and the money actually received; the lenders, their loan offers, the guarantees behind
 * them (fideiussioni) and the instalments actually paid. What is pledged and accepted feeds the financial
 * plan's sources (`planSourcesOf` in plan-sources.ts). Money is integer cents; dates are `YYYY-MM-DD`.
 */

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const cents = (field: string) =>
  z
    .number({ error: `${field} must be an amount in cents` })
    .int({ error: `${field} must be a whole number of cents` })
    .min(0, { error: `${field} cannot be negative` })
    .max(100_000_000_000, { error: `${field} is too large` });
const positiveCents = (field: string) => cents(field).min(1, { error: `${field} must be above 0` });
const text = (field: string, min: number, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(min, { error: min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters` })
    .max(max, { error: `${field}: at most ${max} characters` });
const note = (field: string) =>
  z
    .string()
    .trim()
    .max(2000, { error: `${field}: at most 2000 characters` });
export const version = z
  .number({ error: "version must be the version you read" })
  .int({ error: "version must be the version you read" })
  .min(1, { error: "version must be the version you read" });

export const AREAS = ["A", "B"] as const;
export const Area = z.enum(AREAS, { error: 'area must be "A" or "B"' });
export type Area = z.infer<typeof Area>;

/** How well a call fits the programme, as judged when scouting it. */
export const FITS = ["high", "medium", "low"] as const;
export const Fit = z.enum(FITS, { error: `fit must be one of ${FITS.join(", ")}` });
export type Fit = z.infer<typeof Fit>;

/** A call for funding (bando) found while scouting: who funds it, by when, how much, how well it fits. */
export const FundingCallInput = z.object({
  funder: text("funder", 2, 200),
  title: text("title", 3, 300),
  /** The area it would fund, or null when it could fund either. */
  area: Area.nullable().default(null),
  deadline: day("deadline"),
  /** The most the call grants one project; null when the call does not say. */
  maxAmountCents: positiveCents("maxAmountCents").nullable().default(null),
  fit: Fit,
  url: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "url must be a web address (https://…)" })])
    .default(""),
  notes: note("notes").default(""),
});
export type FundingCallInput = z.infer<typeof FundingCallInput>;

export const FundingCallUpdate = FundingCallInput.extend({ version });
export type FundingCallUpdate = z.infer<typeof FundingCallUpdate>;

/** A partner's application to a call (candidatura). */
export const ApplicationInput = z.object({
  requestedCents: positiveCents("requestedCents"),
  submittedOn: day("submittedOn"),
  notes: note("notes").default(""),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const APPLICATION_STATUSES = ["submitted", "awarded", "rejected", "withdrawn"] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** The outcome of an application; an award becomes a pledge of the source "calls". */
export const OutcomeInput = z
  .object({
    outcome: z.enum(["awarded", "rejected", "withdrawn"], {
      error: "outcome must be awarded, rejected or withdrawn",
    }),
    decidedOn: day("decidedOn"),
    /** What the funder granted: required for an award, at most what was asked for. */
    awardedCents: positiveCents("awardedCents").nullable().default(null),
    /** When the money is expected (for an award); the decision date when left out. */
    expectedOn: day("expectedOn").nullable().default(null),
    note: note("note").default(""),
    version,
  })
  .superRefine((o, ctx) => {
    if (o.outcome === "awarded" && o.awardedCents === null)
      ctx.addIssue({
        code: "custom",
        path: ["awardedCents"],
        message: "awardedCents is required for an award",
      });
    if (o.outcome !== "awarded" && o.awardedCents !== null)
      ctx.addIssue({
        code: "custom",
        path: ["awardedCents"],
        message: "awardedCents is only for an award",
      });
    if (o.expectedOn !== null && o.expectedOn < o.decidedOn)
      ctx.addIssue({
        code: "custom",
        path: ["expectedOn"],
        message: "expectedOn cannot come before decidedOn",
      });
  });
export type OutcomeInput = z.infer<typeof OutcomeInput>;

/**
 * Where pledged money comes from, as the plan's sources name them: grant (fondo perduto), partner
 * equity, fundraising, calls won, and the co-financing the convention asks of Area A and Area B.
 */
export const PLEDGE_SOURCES = [
  "grant",
  "equity",
  "fundraising",
  "calls",
  "co_financing_a",
  "co_financing_b",
] as const;
export const PledgeSource = z.enum(PLEDGE_SOURCES, {
  error: `source must be one of ${PLEDGE_SOURCES.join(", ")}`,
});
export type PledgeSource = z.infer<typeof PledgeSource>;

/** A pledge (impegno) of money from one source: who gives it, how much, when it is expected. */
export const PledgeInput = z
  .object({
    source: PledgeSource,
    /** The donor, funder or partner giving the money. */
    donor: text("donor", 2, 200),
    /** The area the money goes to; required for equity. */
    area: Area.nullable().default(null),
    amountCents: positiveCents("amountCents"),
    pledgedOn: day("pledgedOn"),
    expectedOn: day("expectedOn"),
    notes: note("notes").default(""),
  })
  .superRefine((p, ctx) => {
    if (p.expectedOn < p.pledgedOn)
      ctx.addIssue({
        code: "custom",
        path: ["expectedOn"],
        message: "expectedOn cannot come before pledgedOn",
      });
    if (p.source === "equity" && p.area === null)
      ctx.addIssue({ code: "custom", path: ["area"], message: "area is required for partner equity" });
  });
export type PledgeInput = z.infer<typeof PledgeInput>;

/** Money received against a pledge (incasso). */
export const ReceiptInput = z.object({
  amountCents: positiveCents("amountCents"),
  receivedOn: day("receivedOn"),
  reference: z.string().trim().max(200, { error: "reference: at most 200 characters" }).default(""),
});
export type ReceiptInput = z.infer<typeof ReceiptInput>;

export const LENDER_KINDS = ["bank", "ethical_finance", "foundation", "public_body", "other"] as const;
export const LenderKind = z.enum(LENDER_KINDS, { error: `kind must be one of ${LENDER_KINDS.join(", ")}` });

/** A lender (finanziatore): a bank, an ethical-finance institution, a foundation, a public body. */
export const LenderInput = z.object({
  name: text("name", 2, 200),
  kind: LenderKind,
  contact: z.string().trim().max(200, { error: "contact: at most 200 characters" }).default(""),
});
export type LenderInput = z.infer<typeof LenderInput>;

/** The longest loan the programme takes: the convention's 25 years. */
export const MAX_LOAN_YEARS = 25;

/** A loan offer (offerta di finanziamento) from a lender to a partner, on the plan's loan terms. */
export const LoanOfferInput = z
  .object({
    lenderId: z.uuid({ error: "lenderId must be a lender's id" }),
    purpose: text("purpose", 3, 300),
    principalCents: positiveCents("principalCents"),
    /** The annual rate as a decimal (0.045 is 4.5 %). */
    annualRate: z
      .number({ error: "annualRate must be a decimal rate (0.045 is 4.5 %)" })
      .min(0, { error: "annualRate cannot be negative" })
      .max(0.3, { error: "annualRate: at most 0.3 (30 %)" }),
    years: z
      .number({ error: "years must be a whole number" })
      .int({ error: "years must be a whole number" })
      .min(1, { error: "years: at least 1" })
      .max(MAX_LOAN_YEARS, {
        error: `years: a loan cannot outlast the convention (${MAX_LOAN_YEARS} years)`,
      }),
    method: z.enum(AMORTISATION_METHODS, { error: 'method must be "french" or "italian"' }),
    graceMonths: z
      .number({ error: "graceMonths must be a whole number" })
      .int({ error: "graceMonths must be a whole number" })
      .min(0, { error: "graceMonths cannot be negative" })
      .default(0),
    convention: z
      .enum(RATE_CONVENTIONS, { error: 'convention must be "nominal" or "effective"' })
      .default("nominal"),
    offeredOn: day("offeredOn"),
    /** The last day the offer can be accepted. */
    validUntil: day("validUntil"),
  })
  .superRefine((o, ctx) => {
    if (o.graceMonths >= o.years * 12)
      ctx.addIssue({
        code: "custom",
        path: ["graceMonths"],
        message: "graceMonths must be shorter than the loan",
      });
    if (o.validUntil < o.offeredOn)
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "validUntil cannot come before offeredOn",
      });
  });
export type LoanOfferInput = z.infer<typeof LoanOfferInput>;

export const LOAN_STATUSES = ["offered", "accepted", "declined"] as const;
export const LoanStatus = z.enum(LOAN_STATUSES);
export type LoanStatus = z.infer<typeof LoanStatus>;

/** Accepting (with the disbursement date) or declining an offer. */
export const LoanDecisionInput = z
  .object({
    decision: z.enum(["accepted", "declined"], { error: "decision must be accepted or declined" }),
    decidedOn: day("decidedOn"),
    /** When the money is (or will be) received; required when accepting. */
    disbursedOn: day("disbursedOn").nullable().default(null),
    version,
  })
  .superRefine((d, ctx) => {
    if (d.decision === "accepted" && d.disbursedOn === null)
      ctx.addIssue({ code: "custom", path: ["disbursedOn"], message: "disbursedOn is required to accept" });
    if (d.disbursedOn !== null && d.disbursedOn < d.decidedOn)
      ctx.addIssue({
        code: "custom",
        path: ["disbursedOn"],
        message: "disbursedOn cannot come before decidedOn",
      });
  });
export type LoanDecisionInput = z.infer<typeof LoanDecisionInput>;

export const GUARANTEE_KINDS = ["bank", "insurance", "confidi", "other"] as const;
export const GuaranteeKind = z.enum(GUARANTEE_KINDS, {
  error: `kind must be one of ${GUARANTEE_KINDS.join(", ")}`,
});

/** A guarantee (fideiussione) behind a loan: who issues it, for how much, until when. */
export const GuaranteeInput = z
  .object({
    issuer: text("issuer", 2, 200),
    kind: GuaranteeKind,
    amountCents: positiveCents("amountCents"),
    issuedOn: day("issuedOn"),
    expiresOn: day("expiresOn"),
    reference: z.string().trim().max(200, { error: "reference: at most 200 characters" }).default(""),
  })
  .superRefine((g, ctx) => {
    if (g.expiresOn <= g.issuedOn)
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiresOn must come after issuedOn" });
  });
export type GuaranteeInput = z.infer<typeof GuaranteeInput>;

/** A guarantee's renewal: its new expiry. */
export const GuaranteeRenewal = z.object({ expiresOn: day("expiresOn"), version });
export type GuaranteeRenewal = z.infer<typeof GuaranteeRenewal>;

/** An instalment actually paid on an accepted loan. */
export const LoanPaymentInput = z
  .object({
    paidOn: day("paidOn"),
    principalCents: cents("principalCents"),
    interestCents: cents("interestCents"),
    reference: z.string().trim().max(200, { error: "reference: at most 200 characters" }).default(""),
  })
  .superRefine((p, ctx) => {
    if (p.principalCents + p.interestCents === 0)
      ctx.addIssue({ code: "custom", path: ["principalCents"], message: "A payment must pay something" });
  });
export type LoanPaymentInput = z.infer<typeof LoanPaymentInput>;

/** A guarantee due to end within this many days is flagged; so is one already ended on a live loan. */
export const GUARANTEE_WARNING_DAYS = 60;
/** A call whose deadline is this close, with no application from the partner, is flagged. */
export const CALL_DEADLINE_WARNING_DAYS = 21;

export type GuaranteeStanding = "valid" | "expiring" | "expired";
/** A guarantee's standing today: expiring within the warning window, or already ended. */
export function guaranteeStanding(expiresOn: string, today: string): GuaranteeStanding {
  const days = daysBetween(today, expiresOn);
  if (days < 0) return "expired";
  return days <= GUARANTEE_WARNING_DAYS ? "expiring" : "valid";
}
