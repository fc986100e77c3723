// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The programme's governance (seed 000 §5, seed 003 §4), on three levels: the directive level, the
 * Cabina di Regia Integrata, the one decision-making body, of at most six members (componenti
 * effettivi) drawn from the Comune's and the partners' referents; the management level (per area or
 * Municipio coordination), reporting to it; the project level (thematic tables and groups it opens).
 * Each body has its referents (administrative and technical), who do not count among its members.
 * Bodies meet (agenda, attendance, minutes, attachments), take decisions numbered per body, and give
 * actions with an owner and a due date. The Cabina reviews the governance model once a year. Dates
 * are `YYYY-MM-DD`. The shape of an input is checked here; the rules that tie inputs to what is
 * stored are in governance-rules.ts and break as errors naming the field.
 */

export const GOVERNANCE_LEVELS = ["directive", "management", "project"] as const;
export const GovernanceLevel = z.enum(GOVERNANCE_LEVELS, {
  error: `level must be one of ${GOVERNANCE_LEVELS.join(", ")}`,
});
export type GovernanceLevel = z.infer<typeof GovernanceLevel>;

/** The members of a directive body (Cabina di Regia Integrata), at most, on any day. */
export const DIRECTIVE_MAX_MEMBERS = 6;

/**
 * A person's place in a body: its chair (presidente/coordinatore) and members (componenti effettivi)
 * are the body's members; its referents (administrative: amministrativi; technical: tecnici) are not.
 */
export const MEMBER_ROLES = ["chair", "member", "administrative_referent", "technical_referent"] as const;
export const MemberRole = z.enum(MEMBER_ROLES, { error: `role must be one of ${MEMBER_ROLES.join(", ")}` });
export type MemberRole = z.infer<typeof MemberRole>;
/** The roles that count among a body's members (and so against the Cabina's limit). */
export const COUNTED_ROLES: readonly MemberRole[] = ["chair", "member"];

export const DECISION_MODES = ["vote", "consensus"] as const;
export const DecisionMode = z.enum(DECISION_MODES, { error: "mode must be vote or consensus" });
export type DecisionMode = z.infer<typeof DecisionMode>;

export const ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export const ActionStatus = z.enum(ACTION_STATUSES, {
  error: `status must be one of ${ACTION_STATUSES.join(", ")}`,
});
export type ActionStatus = z.infer<typeof ActionStatus>;

/** The governance model is reviewed this many months after the last review (or the body's start). */
export const ANNUAL_REVIEW_MONTHS = 12;

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
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
const organisationCode = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .toUpperCase()
    .min(1, { error: `${field} is required` })
    .max(40, { error: `${field}: at most 40 characters` });
const uuid = (field: string) => z.uuid({ error: `${field} must be an id` });
const whole = (field: string, max: number) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int({ error: `${field} must be a whole number` })
    .min(0, { error: `${field} cannot be negative` })
    .max(max, { error: `${field}: at most ${max}` });

export const BodyInput = z.object({
  name: text("name", 3, 200),
  level: GovernanceLevel,
  description: optionalText("description", 2000),
  /** The body it reports to: none for the directive body; the Cabina or a management body otherwise. */
  reportsToId: uuid("reportsToId").nullable().default(null),
  /** Its area of work, for a management or project body of one area. */
  area: z.enum(["A", "B"], { error: 'area must be "A" or "B"' }).nullable().default(null),
  /** Its Municipio, for a body of one Milan Municipio (a Municipio network's coordination). */
  municipio: z
    .number({ error: "municipio must be a whole number from 1 to 9" })
    .int({ error: "municipio must be a whole number from 1 to 9" })
    .min(1, { error: "municipio must be a whole number from 1 to 9" })
    .max(9, { error: "municipio must be a whole number from 1 to 9" })
    .nullable()
    .default(null),
  /** The day it was set up (the first annual review falls due a year later). */
  establishedOn: day("establishedOn"),
});
export type BodyInput = z.infer<typeof BodyInput>;

export const MemberInput = z.object({
  personName: text("personName", 2, 200),
  /** The organisation the person represents (its code). */
  organisationCode: organisationCode("organisationCode"),
  role: MemberRole,
  from: day("from"),
  /** The last day of the membership; left out while it lasts. */
  to: day("to").nullable().default(null),
});
export type MemberInput = z.infer<typeof MemberInput>;

/** The end of a membership (or a correction of its dates and role). */
export const MemberUpdate = MemberInput.extend({
  version: whole("version", 1_000_000).min(1, { error: "version must be the version you read" }),
});
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const MeetingInput = z.object({
  date: day("date"),
  /** Its start, `HH:MM`, Milan time. */
  startsAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "startsAt must be a time (HH:MM)" })
    .nullable()
    .default(null),
  place: optionalText("place", 200),
  agenda: z
    .array(text("agenda item", 2, 500), { error: "agenda must be a list of items" })
    .min(1, { error: "agenda needs at least one item" })
    .max(30, { error: "agenda: at most 30 items" }),
  /** The meeting reviews the governance model (the annual review). */
  annualReview: z.boolean({ error: "annualReview must be true or false" }).default(false),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

/** What the meeting was: who attended (membership ids) and its minutes (verbale). */
export const MinutesInput = z.object({
  attendeeIds: z
    .array(uuid("attendeeIds"), { error: "attendeeIds must be a list of membership ids" })
    .max(200, { error: "attendeeIds: at most 200" }),
  minutes: text("minutes", 10, 50_000),
  version: whole("version", 1_000_000).min(1, { error: "version must be the version you read" }),
});
export type MinutesInput = z.infer<typeof MinutesInput>;

export const DecisionInput = z
  .object({
    /** The meeting that took it; its date is the meeting's. */
    meetingId: uuid("meetingId"),
    text: text("text", 5, 10_000),
    mode: DecisionMode,
    /** With a vote: how the members present voted. */
    votesFor: whole("votesFor", 200).nullable().default(null),
    votesAgainst: whole("votesAgainst", 200).nullable().default(null),
    abstentions: whole("abstentions", 200).nullable().default(null),
  })
  .superRefine((d, ctx) => {
    for (const field of ["votesFor", "votesAgainst", "abstentions"] as const) {
      if (d.mode === "vote" && d[field] === null)
        ctx.addIssue({ code: "custom", path: [field], message: `${field} is required with a vote` });
      if (d.mode === "consensus" && d[field] !== null)
        ctx.addIssue({ code: "custom", path: [field], message: `${field} is only for a vote` });
    }
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const ActionInput = z.object({
  title: text("title", 3, 300),
  /** The person responsible, and the organisation she acts for (its code). */
  ownerName: text("ownerName", 2, 200),
  ownerOrganisationCode: organisationCode("ownerOrganisationCode"),
  dueOn: day("dueOn"),
  /** The decision it carries out, if any (of the same body). */
  decisionId: uuid("decisionId").nullable().default(null),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const ActionUpdate = z.object({
  status: ActionStatus,
  dueOn: day("dueOn"),
  note: optionalText("note", 2000),
  version: whole("version", 1_000_000).min(1, { error: "version must be the version you read" }),
});
export type ActionUpdate = z.infer<typeof ActionUpdate>;

export const ActionQuery = z.object({
  bodyId: uuid("bodyId").optional(),
  status: ActionStatus.optional(),
  overdue: z
    .enum(["true", "false"], { error: "overdue must be true or false" })
    .transform((v) => v === "true")
    .optional(),
  owner: z.string().trim().max(200, { error: "owner: at most 200 characters" }).optional(),
});
export type ActionQuery = z.infer<typeof ActionQuery>;
