// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory } from "../units/unit.schema.ts";
import { HouseholdFields, TargetGroup } from "./household.schema.ts";
import { HouseholdStatus } from "./household-status.ts";

/*
 * The request and response bodies of the household and referral API, shared by the server (which
 * names them in the OpenAPI document) and the web client. Dates are ISO strings at the edges:
 * `YYYY-MM-DD` for days, full ISO date-times for moments.
 */

export const REFERRAL_STATUSES = ["pending", "accepted", "returned"] as const;
/** Stato dell'invio: in attesa, accettato, restituito. */
export const ReferralStatus = z.enum(REFERRAL_STATUSES, {
  error: "Unknown referral status: use pending, accepted or returned",
});
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const URGENCIES = ["ordinary", "urgent"] as const;
/** Urgenza della relazione sociale. */
export const Urgency = z.enum(URGENCIES, { error: "Use ordinary or urgent" });
export type Urgency = z.infer<typeof Urgency>;

/** Days a partner has to answer a referral when the referring worker does not say. */
export const DEFAULT_REFERRAL_DUE_DAYS = 15;

const Text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(max, { error: `${what}: at most ${max} characters` });

const Version = z
  .number({ error: "Version is required (optimistic concurrency)" })
  .int({ error: "Version is required (optimistic concurrency)" })
  .min(1, { error: "Version is required (optimistic concurrency)" });

/** The structured social report (relazione sociale) that goes with a referral. */
export const SocialReport = z.object({
  situation: Text("Situation", 4000),
  reasons: Text("Reasons", 4000),
  servicesInvolved: z
    .string()
    .trim()
    .max(2000, { error: "Services involved: at most 2000 characters" })
    .default(""),
  urgency: Urgency,
});
export type SocialReport = z.infer<typeof SocialReport>;

const PartnerCode = z
  .string({ error: "Choose the partner" })
  .trim()
  .toUpperCase()
  .min(1, { error: "Choose the partner" })
  .max(40, { error: "Partner code: at most 40 characters" });

const DueDays = z
  .number({ error: "Days to answer: a whole number from 1 to 60" })
  .int({ error: "Days to answer: a whole number from 1 to 60" })
  .min(1, { error: "Days to answer: a whole number from 1 to 60" })
  .max(60, { error: "Days to answer: a whole number from 1 to 60" })
  .default(DEFAULT_REFERRAL_DUE_DAYS);

/** Refer a new household to an Area B partner (invio): the household, the partner and the report. */
export const ReferralCreate = z.object({
  household: HouseholdFields,
  partnerCode: PartnerCode,
  report: SocialReport,
  /** Days the partner has to accept or return the referral. */
  dueDays: DueDays,
});
export type ReferralCreate = z.infer<typeof ReferralCreate>;

/** Refer a household that a partner returned to another partner (or the same one again). */
export const HouseholdReferralCreate = ReferralCreate.omit({ household: true });
export type HouseholdReferralCreate = z.infer<typeof HouseholdReferralCreate>;

/** Return a referral: the partner says why it does not take the household. */
export const ReferralReturn = z.object({ reason: Text("Reason", 2000) });
export type ReferralReturn = z.infer<typeof ReferralReturn>;

/** An organisation as other records name it. */
export const OrganisationRef = z.object({ code: z.string(), name: z.string() });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

/** A referral as the API returns it. */
export const ReferralView = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdReference: z.string(),
  partner: OrganisationRef,
  /** ISO date-time. */
  referredAt: z.string(),
  /** ISO date-time: referredAt + the days to answer. */
  dueAt: z.string(),
  /** Pending and past its due time. */
  overdue: z.boolean(),
  status: ReferralStatus,
  urgency: Urgency,
  targetGroup: TargetGroup,
  category: UnitCategory,
  answeredAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type ReferralView = z.infer<typeof ReferralView>;

/**
 * One referral with its social report. `report` is special-category data: null for a caller who may
 * not read it (the household's readers, and the addressed partner's managers while it is pending).
 */
export const ReferralDetail = ReferralView.extend({ report: SocialReport.nullable() });
export type ReferralDetail = z.infer<typeof ReferralDetail>;

const trueOrFalse = z
  .enum(["true", "false"], { error: "Use true or false" })
  .transform((v) => v === "true")
  .optional();

const Limit = z.coerce
  .number({ error: "Limit must be from 1 to 500" })
  .int({ error: "Limit must be from 1 to 500" })
  .min(1, { error: "Limit must be from 1 to 500" })
  .max(500, { error: "Limit must be from 1 to 500" })
  .default(25);
const Offset = z.coerce
  .number({ error: "Offset must be 0 or more" })
  .int({ error: "Offset must be 0 or more" })
  .min(0, { error: "Offset must be 0 or more" })
  .default(0);

/** Filters and page of the referral list (query string). */
export const ReferralListQuery = z.object({
  status: ReferralStatus.optional(),
  /** true: only pending referrals past their due time; false: all the others. */
  overdue: trueOrFalse,
  limit: Limit,
  offset: Offset,
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;

export const ReferralList = z.object({ items: z.array(ReferralView), total: z.number().int() });
export type ReferralList = z.infer<typeof ReferralList>;

/** A household in a list. */
export const HouseholdSummary = z.object({
  id: z.uuid(),
  /** `NUC-YYYY-NNNNN`. */
  reference: z.string(),
  status: HouseholdStatus,
  targetGroup: TargetGroup,
  category: UnitCategory,
  /** Given and family name of the head of the household. */
  headName: z.string(),
  /** How many members. */
  members: z.number().int(),
  partner: OrganisationRef.nullable(),
  /** ISO date-time of the last status change. */
  statusSince: z.string(),
  /** A referral of the household is pending past its due time. */
  overdueReferral: z.boolean(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

/** Filters and page of the household list (query string). */
export const HouseholdListQuery = z.object({
  status: HouseholdStatus.optional(),
  targetGroup: TargetGroup.optional(),
  /** Part of the reference or of a member's name, or a whole fiscal code. */
  q: z.string().trim().max(100, { error: "Search: at most 100 characters" }).optional(),
  limit: Limit,
  offset: Offset,
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuery>;

export const HouseholdList = z.object({ items: z.array(HouseholdSummary), total: z.number().int() });
export type HouseholdList = z.infer<typeof HouseholdList>;

/** Durations computed from the status history, never typed (days). */
export const HouseholdDurations = z.object({
  /** Days spent in each status reached so far, the current stay up to now. */
  daysIn: z.partialRecord(HouseholdStatus, z.number().int()),
  /** Days from the referral to the first day housed; null until housed. */
  referralToHousingDays: z.number().int().nullable(),
});
export type HouseholdDurations = z.infer<typeof HouseholdDurations>;

/**
 * A household as the API returns it: its fields, where it stands, who has it, and what it may do next.
 * `needs` (health and origin: special categories) is null for a caller outside the household's team.
 */
export const HouseholdDetail = HouseholdFields.extend({
  needs: HouseholdFields.shape.needs.unwrap().nullable(),
  /** Whether the caller reads the special-category data: team, Comune social workers, data protection. */
  specialCategories: z.enum(["full", "restricted"]),
  /** The caller is on the household's team (named in its plan, or accepted its referral). */
  onTeam: z.boolean(),
  /** Purposes whose consent the household withdrew (seen only by the data-protection role for `processing`). */
  consentWithdrawn: z.array(z.enum(["processing", "special_categories", "follow_up_contact"])),
  id: z.uuid(),
  reference: z.string(),
  status: HouseholdStatus,
  /** The status a suspended household resumes at; null unless suspended. */
  suspendedFrom: HouseholdStatus.nullable(),
  /** The Area B partner managing the household (or asked to); null once a referral is returned. */
  partner: OrganisationRef.nullable(),
  referringOrganisation: OrganisationRef,
  version: z.number().int(),
  allowedTransitions: z.array(HouseholdStatus),
  durations: HouseholdDurations,
  /** ISO date-time. */
  createdAt: z.string(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

const fields = HouseholdFields.shape;
/**
 * A change to a household: any of its fields, with the version the client last read. Members, when
 * sent, replace the whole list. No defaults here: a field left out stays as it is.
 */
export const HouseholdUpdate = z.object({
  version: Version,
  targetGroup: fields.targetGroup.optional(),
  category: fields.category.optional(),
  needs: fields.needs.unwrap().optional(),
  accessibilityNeed: fields.accessibilityNeed.unwrap().optional(),
  priority: fields.priority.unwrap().optional(),
  housingSituation: fields.housingSituation.optional(),
  phone: fields.phone.unwrap().optional(),
  email: fields.email.unwrap().optional(),
  incomeCents: fields.incomeCents.unwrap().optional(),
  iseeCents: fields.iseeCents.unwrap().optional(),
  iseeDate: fields.iseeDate.unwrap().optional(),
  members: fields.members.optional(),
});
export type HouseholdUpdate = z.infer<typeof HouseholdUpdate>;

/** Move a household along its path. */
export const HouseholdTransition = z.object({
  to: HouseholdStatus,
  note: z.string().trim().max(500, { error: "Note: at most 500 characters" }).default(""),
});
export type HouseholdTransition = z.infer<typeof HouseholdTransition>;

export const TIMELINE_KINDS = [
  "status",
  "referral",
  "plan",
  "review",
  "intervention",
  "exit",
  "follow_up",
  "document",
  "consent",
] as const;
/**
 * One entry of a household's timeline (cronologia): a status change (`from`/`to` are household
 * statuses); a referral event (`to` is the referral's status: pending when sent, then accepted or
 * returned; the note names the partner or gives the reason); the support plan's start, its reviews
 * and interventions (`to` is the intervention type); the exit (`to` is the destination) and its
 * follow-ups (`to` is the situation found); a document (`to` is its kind); a consent given or
 * withdrawn (`to` is `given` or `withdrawn`, `from` the purpose). Notes that are special-category
 * data are empty for a caller outside the household's team.
 */
export const TimelineEntry = z.object({
  /** ISO date-time. */
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  from: z.string().nullable(),
  to: z.string(),
  /** Who did it; null when the account is not visible to the caller (another organisation's) or gone. */
  actor: z.object({ name: z.string(), role: z.string() }).nullable(),
  note: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Timeline = z.object({ items: z.array(TimelineEntry) });
export type Timeline = z.infer<typeof Timeline>;

/** A warning that does not stop the request (e.g. a person already known to the programme). */
export const Warning = z.object({ path: z.string(), message: z.string() });

/** What a new referral created. */
export const ReferralCreated = z.object({
  referral: ReferralView,
  household: HouseholdDetail,
  warnings: z.array(Warning),
});
export type ReferralCreated = z.infer<typeof ReferralCreated>;

/** The warning given for a member whose fiscal code is already on the programme's records. */
export const KNOWN_PERSON_WARNING = "This person is already known to the programme";
