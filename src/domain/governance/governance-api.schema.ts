// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { ActionStatus, DecisionMode, GovernanceLevel, MemberRole } from "./governance.ts";

/*
 * What the governance API answers: the bodies with their members and referents, the annual review
 * standing, meetings with attendance and minutes, numbered decisions, and actions with their standing.
 */

const day = z.iso.date();

export const MemberView = z.object({
  id: z.uuid(),
  personName: z.string(),
  organisationCode: z.string(),
  organisationName: z.string(),
  role: MemberRole,
  from: day,
  to: day.nullable(),
  /** Whether the membership covers today. */
  active: z.boolean(),
  version: z.number().int(),
});
export type MemberView = z.infer<typeof MemberView>;

export const AnnualReviewView = z.object({
  lastOn: day.nullable(),
  dueOn: day,
  overdue: z.boolean(),
  daysToDue: z.number().int(),
});

export const BodySummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  level: GovernanceLevel,
  description: z.string(),
  reportsToId: z.uuid().nullable(),
  reportsToName: z.string().nullable(),
  area: z.enum(["A", "B"]).nullable(),
  municipio: z.number().int().nullable(),
  establishedOn: day,
  /** Members (chair and members) active today, and the most allowed (the Cabina's six; else null). */
  activeMembers: z.number().int(),
  memberLimit: z.number().int().nullable(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  /** The next meeting planned (today or later), if any. */
  nextMeetingOn: day.nullable(),
  /** The annual review of the governance model: the directive body's. */
  annualReview: AnnualReviewView.nullable(),
});
export type BodySummaryView = z.infer<typeof BodySummaryView>;

export const MeetingView = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  date: day,
  startsAt: z.string().nullable(),
  place: z.string(),
  agenda: z.array(z.string()),
  annualReview: z.boolean(),
  /** Held: its minutes are recorded. */
  held: z.boolean(),
  minutes: z.string().nullable(),
  attendeeIds: z.array(z.uuid()),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  version: z.number().int(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const DecisionView = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  meetingId: z.uuid(),
  /** Numbered per body, from 1, in the order recorded. */
  number: z.number().int(),
  date: day,
  text: z.string(),
  mode: DecisionMode,
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  abstentions: z.number().int().nullable(),
});
export type DecisionView = z.infer<typeof DecisionView>;

export const ActionView = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  decisionId: z.uuid().nullable(),
  decisionNumber: z.number().int().nullable(),
  title: z.string(),
  ownerName: z.string(),
  ownerOrganisationCode: z.string(),
  dueOn: day,
  status: ActionStatus,
  note: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  /** Whether the caller may change it: the programme's governance roles, or the owner organisation. */
  editable: z.boolean(),
  version: z.number().int(),
});
export type ActionView = z.infer<typeof ActionView>;

export const BodyList = z.object({
  asOf: day,
  bodies: z.array(BodySummaryView),
  /** The organisations members and owners may come from. */
  organisations: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type BodyList = z.infer<typeof BodyList>;

export const BodyDetail = z.object({
  asOf: day,
  body: BodySummaryView,
  members: z.array(MemberView),
  meetings: z.array(MeetingView),
  decisions: z.array(DecisionView),
  actions: z.array(ActionView),
});
export type BodyDetail = z.infer<typeof BodyDetail>;

export const ActionList = z.object({
  asOf: day,
  items: z.array(ActionView),
  /** The overdue actions per person responsible, most overdue first. */
  overdueByOwner: z.array(
    z.object({ ownerName: z.string(), ownerOrganisationCode: z.string(), actions: z.number().int() }),
  ),
});
export type ActionList = z.infer<typeof ActionList>;
