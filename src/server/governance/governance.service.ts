// SPDX-License-Identifier: EUPL-1.2
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { hasPermission } from "../../domain/auth/roles.ts";
import type {
  ActionInput,
  ActionQuery,
  ActionStatus,
  ActionUpdate,
  BodyInput,
  DecisionInput,
  DecisionMode,
  GovernanceLevel,
  MeetingInput,
  MemberInput,
  MemberRole,
  MemberUpdate,
  MinutesInput,
} from "../../domain/governance/governance.ts";
import { COUNTED_ROLES } from "../../domain/governance/governance.ts";
import type {
  ActionList,
  ActionView,
  BodyDetail,
  BodyList,
  BodySummaryView,
  DecisionView,
  MeetingView,
  MemberView,
} from "../../domain/governance/governance-api.schema.ts";
import {
  actionStanding,
  activeOn,
  annualReviewOf,
  memberLimitBreach,
  memberLimitOf,
  reportsToLevels,
  voteProblem,
} from "../../domain/governance/governance-rules.ts";
import {
  DOCUMENT_MAX_BYTES,
  documentFileName,
  documentFileProblems,
} from "../../domain/households/document.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import {
  governanceActions,
  governanceAttachments,
  governanceAttendance,
  governanceBodies,
  governanceDecisions,
  governanceMeetings,
  governanceMembers,
  organisations,
  users,
} from "../db/schema.ts";
import { AppError, fieldError, uniqueViolationOf } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import { rowsOf } from "../security/catalogue.ts";
import { accountsOf, notify, organisationsSittingIn } from "../workspace/notifications.ts";

/*
 * The programme's governance: bodies, their members and referents, meetings, numbered decisions and
 * actions. Every staff account reads it all; the programme's governance roles record it; a partner
 * changes the actions its organisation owns. Row-level security holds the same line underneath. The
 * rules (the Cabina's six members, which body reports to which, overdue actions, the annual review)
 * are the domain's (governance-rules.ts); a broken one is an error naming its field.
 */

type Context = { db: Db; actor: Actor; today: string };

const notFound = (what: string, id: string) => new AppError("NOT_FOUND", `No ${what} "${id}"`);
const staleVersion = (what: string) =>
  fieldError("CONFLICT", "version", `The ${what} was changed meanwhile: reload it and try again`);

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

type BodyRow = typeof governanceBodies.$inferSelect;

async function bodyRow(db: Db, id: string, lock = false): Promise<BodyRow> {
  if (!isUuid(id)) throw notFound("governance body", id);
  const query = db.select().from(governanceBodies).where(eq(governanceBodies.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (row === undefined) throw notFound("governance body", id);
  return row;
}

async function organisationIdOf(db: Db, code: string, field: string): Promise<string> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (row === undefined) throw fieldError("UNPROCESSABLE", field, `No organisation with code ${code}`);
  return row.id;
}

const memberColumns = {
  id: governanceMembers.id,
  bodyId: governanceMembers.bodyId,
  personName: governanceMembers.personName,
  organisationCode: organisations.code,
  organisationName: organisations.name,
  role: governanceMembers.role,
  from: governanceMembers.fromOn,
  to: governanceMembers.toOn,
  version: governanceMembers.version,
};

async function memberRows(db: Db, where: SQL) {
  return db
    .select(memberColumns)
    .from(governanceMembers)
    .innerJoin(organisations, eq(organisations.id, governanceMembers.organisationId))
    .where(where)
    .orderBy(asc(governanceMembers.fromOn), asc(governanceMembers.personName));
}
type MemberRow = Awaited<ReturnType<typeof memberRows>>[number];

const memberView = (row: MemberRow, today: string): MemberView => {
  const { bodyId: _bodyId, ...rest } = row;
  return { ...rest, role: row.role as MemberRole, active: activeOn(row, today) };
};

const actionColumns = {
  id: governanceActions.id,
  bodyId: governanceActions.bodyId,
  bodyName: governanceBodies.name,
  decisionId: governanceActions.decisionId,
  decisionNumber: governanceDecisions.number,
  title: governanceActions.title,
  ownerName: governanceActions.ownerName,
  ownerOrganisationId: governanceActions.ownerOrganisationId,
  ownerOrganisationCode: organisations.code,
  dueOn: governanceActions.dueOn,
  status: governanceActions.status,
  note: governanceActions.note,
  version: governanceActions.version,
};

async function actionRows(db: Db, where: SQL | undefined) {
  return db
    .select(actionColumns)
    .from(governanceActions)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceActions.bodyId))
    .innerJoin(organisations, eq(organisations.id, governanceActions.ownerOrganisationId))
    .leftJoin(governanceDecisions, eq(governanceDecisions.id, governanceActions.decisionId))
    .where(where)
    .orderBy(asc(governanceActions.dueOn), asc(governanceActions.title));
}
type ActionRow = Awaited<ReturnType<typeof actionRows>>[number];

const mayChangeAction = (actor: Actor, ownerOrganisationId: string) =>
  hasPermission(actor.role, "governance:write") ||
  (hasPermission(actor.role, "governance:act") && ownerOrganisationId === actor.organisationId);

function actionView(row: ActionRow, actor: Actor, today: string): ActionView {
  const { ownerOrganisationId, ...rest } = row;
  const status = row.status as ActionStatus;
  return {
    ...rest,
    status,
    ...actionStanding({ status, dueOn: row.dueOn }, today),
    editable: mayChangeAction(actor, ownerOrganisationId),
  };
}

async function meetingViews(db: Db, where: SQL): Promise<MeetingView[]> {
  const meetings = await db
    .select()
    .from(governanceMeetings)
    .where(where)
    .orderBy(desc(governanceMeetings.date), desc(governanceMeetings.createdAt));
  if (meetings.length === 0) return [];
  const ids = meetings.map((m) => m.id);
  const [attendance, attachments] = await inOrder([
    () => db.select().from(governanceAttendance).where(inArray(governanceAttendance.meetingId, ids)),
    () =>
      db
        .select({
          id: governanceAttachments.id,
          meetingId: governanceAttachments.meetingId,
          fileName: governanceAttachments.fileName,
          contentType: governanceAttachments.contentType,
          sizeBytes: governanceAttachments.sizeBytes,
          uploadedBy: sql<string>`coalesce(${users.name}, '')`,
          uploadedAt: governanceAttachments.uploadedAt,
        })
        .from(governanceAttachments)
        .leftJoin(users, eq(users.id, governanceAttachments.uploadedBy))
        .where(inArray(governanceAttachments.meetingId, ids))
        .orderBy(asc(governanceAttachments.uploadedAt)),
  ]);
  return meetings.map((m) => ({
    id: m.id,
    bodyId: m.bodyId,
    date: m.date,
    startsAt: m.startsAt,
    place: m.place,
    agenda: m.agenda,
    annualReview: m.annualReview,
    held: m.minutes !== null,
    minutes: m.minutes,
    attendeeIds: attendance.filter((a) => a.meetingId === m.id).map((a) => a.memberId),
    attachments: attachments
      .filter((a) => a.meetingId === m.id)
      .map(({ meetingId: _m, uploadedAt, ...a }) => ({ ...a, uploadedAt: uploadedAt.toISOString() })),
    version: m.version,
  }));
}

const decisionView = (row: typeof governanceDecisions.$inferSelect, date: string): DecisionView => ({
  id: row.id,
  bodyId: row.bodyId,
  meetingId: row.meetingId,
  number: row.number,
  date,
  text: row.text,
  mode: row.mode as DecisionMode,
  votesFor: row.votesFor,
  votesAgainst: row.votesAgainst,
  abstentions: row.abstentions,
});

/** Per body: members active today, open and overdue actions, next meeting, last annual review held. */
async function bodyFigures(db: Db, today: string) {
  const counted = sql.raw(COUNTED_ROLES.map((r) => `'${r}'`).join(", "));
  return rowsOf<Figures>(
    db,
    sql`
    select b.id,
      (select count(*)::int from governance_members m where m.body_id = b.id and m.role in (${counted})
        and m.from_on <= ${today}::date and (m.to_on is null or m.to_on >= ${today}::date)) as "activeMembers",
      (select count(*)::int from governance_actions a where a.body_id = b.id and a.status = 'open') as "openActions",
      (select count(*)::int from governance_actions a where a.body_id = b.id and a.status = 'open'
        and a.due_on < ${today}::date) as "overdueActions",
      (select min(g.date)::text from governance_meetings g where g.body_id = b.id and g.minutes is null
        and g.date >= ${today}::date) as "nextMeetingOn",
      (select max(g.date)::text from governance_meetings g where g.body_id = b.id and g.annual_review
        and g.minutes is not null) as "lastReviewOn"
    from governance_bodies b`,
  );
}
type Figures = {
  id: string;
  activeMembers: number;
  openActions: number;
  overdueActions: number;
  nextMeetingOn: string | null;
  lastReviewOn: string | null;
};

function bodySummary(body: BodyRow, names: Map<string, string>, f: Figures | undefined, today: string) {
  const level = body.level as GovernanceLevel;
  const view: BodySummaryView = {
    id: body.id,
    name: body.name,
    level,
    description: body.description,
    reportsToId: body.reportsToId,
    reportsToName: body.reportsToId === null ? null : (names.get(body.reportsToId) ?? null),
    area: body.area as "A" | "B" | null,
    municipio: body.municipio,
    establishedOn: body.establishedOn,
    activeMembers: f?.activeMembers ?? 0,
    memberLimit: memberLimitOf(level),
    openActions: f?.openActions ?? 0,
    overdueActions: f?.overdueActions ?? 0,
    nextMeetingOn: f?.nextMeetingOn ?? null,
    annualReview: level === "directive" ? annualReviewOf(body, f?.lastReviewOn ?? null, today) : null,
  };
  return view;
}

const LEVEL_ORDER: Record<GovernanceLevel, number> = { directive: 0, management: 1, project: 2 };

async function summaries(db: Db, today: string): Promise<BodySummaryView[]> {
  const [bodies, figures] = await inOrder([
    () => db.select().from(governanceBodies),
    () => bodyFigures(db, today),
  ]);
  const byId = new Map(figures.map((r) => [r.id, r]));
  const names = new Map(bodies.map((b) => [b.id, b.name]));
  return bodies
    .map((b) => bodySummary(b, names, byId.get(b.id), today))
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, "it"));
}

/** Every body, the Cabina first, with its figures today, and the organisations to choose from. */
export async function listBodies(options: Context): Promise<BodyList> {
  const { db, today } = options;
  const [bodies, choices] = await inOrder([
    () => summaries(db, today),
    () =>
      db
        .select({ code: organisations.code, name: organisations.name })
        .from(organisations)
        .orderBy(asc(organisations.code)),
  ]);
  return { asOf: today, bodies, organisations: choices };
}

/** A body with its members and referents, meetings (newest first), decisions and actions. */
export async function bodyDetail(options: Context & { id: string }): Promise<BodyDetail> {
  const { db, actor, today, id } = options;
  const body = await bodyRow(db, id);
  const [all, members, meetings, decisions, actions] = await inOrder([
    () => summaries(db, today),
    () => memberRows(db, eq(governanceMembers.bodyId, body.id)),
    () => meetingViews(db, eq(governanceMeetings.bodyId, body.id)),
    () =>
      db
        .select({ decision: governanceDecisions, date: governanceMeetings.date })
        .from(governanceDecisions)
        .innerJoin(governanceMeetings, eq(governanceMeetings.id, governanceDecisions.meetingId))
        .where(eq(governanceDecisions.bodyId, body.id))
        .orderBy(asc(governanceDecisions.number)),
    () => actionRows(db, eq(governanceActions.bodyId, body.id)),
  ]);
  const summary = all.find((b) => b.id === body.id);
  if (summary === undefined) throw notFound("governance body", id);
  return {
    asOf: today,
    body: summary,
    members: members.map((m) => memberView(m, today)),
    meetings,
    decisions: decisions.map((d) => decisionView(d.decision, d.date)),
    actions: actions.map((a) => actionView(a, actor, today)),
  };
}

/** The actions matching the query, and every overdue action counted per person responsible. */
export async function listActions(options: Context & { query: ActionQuery }): Promise<ActionList> {
  const { db, actor, today, query } = options;
  if (query.bodyId !== undefined) await bodyRow(db, query.bodyId);
  const conditions: SQL[] = [];
  if (query.bodyId !== undefined) conditions.push(eq(governanceActions.bodyId, query.bodyId));
  if (query.status !== undefined) conditions.push(eq(governanceActions.status, query.status));
  if (query.overdue === true)
    conditions.push(
      sql`${governanceActions.status} = 'open' and ${governanceActions.dueOn} < ${today}::date`,
    );
  if (query.overdue === false)
    conditions.push(
      sql`not (${governanceActions.status} = 'open' and ${governanceActions.dueOn} < ${today}::date)`,
    );
  if (query.owner !== undefined && query.owner !== "")
    conditions.push(sql`lower(${governanceActions.ownerName}) = lower(${query.owner})`);
  const [items, overdue] = await inOrder([
    () => actionRows(db, conditions.length === 0 ? undefined : and(...conditions)),
    () =>
      db
        .select({
          ownerName: governanceActions.ownerName,
          ownerOrganisationCode: organisations.code,
          actions: sql<number>`count(*)::int`,
          oldestDueOn: sql<string>`min(${governanceActions.dueOn})::text`,
        })
        .from(governanceActions)
        .innerJoin(organisations, eq(organisations.id, governanceActions.ownerOrganisationId))
        .where(sql`${governanceActions.status} = 'open' and ${governanceActions.dueOn} < ${today}::date`)
        .groupBy(governanceActions.ownerName, organisations.code),
  ]);
  return {
    asOf: today,
    items: items.map((row) => actionView(row, actor, today)),
    overdueByOwner: overdue
      .sort(
        (a, b) =>
          a.oldestDueOn.localeCompare(b.oldestDueOn) ||
          b.actions - a.actions ||
          a.ownerName.localeCompare(b.ownerName, "it"),
      )
      .map(({ oldestDueOn: _oldest, ...o }) => o),
  };
}

// ── Bodies and members ───────────────────────────────────────────────────────────────────────────

export async function createBody(options: Context & { input: BodyInput }): Promise<BodySummaryView> {
  const { db, actor, today, input } = options;
  const allowed = reportsToLevels(input.level);
  if (input.reportsToId === null && allowed.length > 0)
    throw fieldError(
      "UNPROCESSABLE",
      "reportsToId",
      `A ${input.level} body reports to a body of the level above`,
    );
  if (input.reportsToId !== null) {
    if (allowed.length === 0)
      throw fieldError(
        "UNPROCESSABLE",
        "reportsToId",
        "The directive body (Cabina di Regia) reports to no body",
      );
    const parent = await bodyRow(db, input.reportsToId).catch(() => {
      throw fieldError("UNPROCESSABLE", "reportsToId", `No governance body "${input.reportsToId}"`);
    });
    if (!allowed.includes(parent.level as GovernanceLevel))
      throw fieldError(
        "UNPROCESSABLE",
        "reportsToId",
        `A ${input.level} body reports to a ${allowed.join(" or ")} body, not to a ${parent.level} one`,
      );
  }
  if (input.municipio !== null && input.level === "directive")
    throw fieldError("UNPROCESSABLE", "municipio", "The Cabina di Regia is the whole programme's");
  const [row] = await db
    .insert(governanceBodies)
    .values({
      name: input.name,
      level: input.level,
      description: input.description,
      reportsToId: input.reportsToId,
      area: input.area,
      municipio: input.municipio,
      establishedOn: input.establishedOn,
      createdBy: actor.userId,
    })
    .returning({ id: governanceBodies.id })
    .catch((e: unknown) => {
      const unique = uniqueViolationOf(e);
      if (unique?.includes("governance_bodies_directive_key"))
        throw fieldError(
          "CONFLICT",
          "level",
          "The programme already has its directive body (Cabina di Regia)",
        );
      if (unique?.includes("governance_bodies_name_key"))
        throw fieldError("CONFLICT", "name", `A body named "${input.name}" already exists`);
      throw e;
    });
  const all = await summaries(db, today);
  const created = all.find((b) => b.id === row?.id);
  if (created === undefined) throw new Error("the body just created is not visible");
  return created;
}

/** The rules a membership breaks against its body and the body's other memberships. */
async function checkMembership(db: Db, body: BodyRow, candidate: MemberInput & { id?: string }) {
  if (candidate.from < body.establishedOn)
    throw fieldError(
      "UNPROCESSABLE",
      "from",
      `The body was set up on ${body.establishedOn}: a membership starts then or later`,
    );
  if (candidate.to !== null && candidate.to < candidate.from)
    throw fieldError("UNPROCESSABLE", "to", "to cannot be before from");
  const stored = await memberRows(db, eq(governanceMembers.bodyId, body.id));
  const breach = memberLimitBreach(
    body.level as GovernanceLevel,
    stored.map((m) => ({ id: m.id, role: m.role as MemberRole, from: m.from, to: m.to })),
    candidate,
  );
  if (breach !== null)
    throw fieldError(
      "CONFLICT",
      "from",
      `On ${breach.day} ${body.name} would have ${breach.members} members: at most ${breach.limit} (referents do not count)`,
    );
}

export async function addMember(
  options: Context & { bodyId: string; input: MemberInput },
): Promise<MemberView> {
  const { db, today, bodyId, input } = options;
  // The body's row is locked, so two memberships added at once are counted one after the other.
  const body = await bodyRow(db, bodyId, true);
  const organisationId = await organisationIdOf(db, input.organisationCode, "organisationCode");
  await checkMembership(db, body, input);
  const [row] = await db
    .insert(governanceMembers)
    .values({
      bodyId: body.id,
      personName: input.personName,
      organisationId,
      role: input.role,
      fromOn: input.from,
      toOn: input.to,
    })
    .returning({ id: governanceMembers.id });
  const [saved] = await memberRows(db, eq(governanceMembers.id, row?.id as string));
  return memberView(saved as MemberRow, today);
}

export async function updateMember(
  options: Context & { id: string; input: MemberUpdate },
): Promise<MemberView> {
  const { db, today, id, input } = options;
  if (!isUuid(id)) throw notFound("membership", id);
  const [stored] = await db.select().from(governanceMembers).where(eq(governanceMembers.id, id));
  if (stored === undefined) throw notFound("membership", id);
  const body = await bodyRow(db, stored.bodyId, true);
  const organisationId = await organisationIdOf(db, input.organisationCode, "organisationCode");
  await checkMembership(db, body, { ...input, id });
  const updated = await db
    .update(governanceMembers)
    .set({
      personName: input.personName,
      organisationId,
      role: input.role,
      fromOn: input.from,
      toOn: input.to,
      version: sql`${governanceMembers.version} + 1`,
    })
    .where(and(eq(governanceMembers.id, id), eq(governanceMembers.version, input.version)))
    .returning({ id: governanceMembers.id });
  if (updated.length === 0) throw staleVersion("membership");
  const [saved] = await memberRows(db, eq(governanceMembers.id, id));
  return memberView(saved as MemberRow, today);
}

// ── Meetings, decisions, actions ─────────────────────────────────────────────────────────────────

async function meetingRow(db: Db, id: string) {
  if (!isUuid(id)) throw notFound("meeting", id);
  const [row] = await db.select().from(governanceMeetings).where(eq(governanceMeetings.id, id));
  if (row === undefined) throw notFound("meeting", id);
  return row;
}

async function meetingView(db: Db, id: string): Promise<MeetingView> {
  const [view] = await meetingViews(db, eq(governanceMeetings.id, id));
  if (view === undefined) throw notFound("meeting", id);
  return view;
}

export async function planMeeting(
  options: Context & { bodyId: string; input: MeetingInput },
): Promise<MeetingView> {
  const { db, actor, bodyId, input } = options;
  const body = await bodyRow(db, bodyId);
  if (input.date < body.establishedOn)
    throw fieldError(
      "UNPROCESSABLE",
      "date",
      `The body was set up on ${body.establishedOn}: it meets then or later`,
    );
  if (input.annualReview && body.level !== "directive")
    throw fieldError(
      "UNPROCESSABLE",
      "annualReview",
      "The annual review of the governance model is the Cabina di Regia's",
    );
  const [row] = await db
    .insert(governanceMeetings)
    .values({
      bodyId: body.id,
      date: input.date,
      startsAt: input.startsAt,
      place: input.place,
      agenda: input.agenda,
      annualReview: input.annualReview,
      createdBy: actor.userId,
    })
    .returning({ id: governanceMeetings.id });
  return meetingView(db, row?.id as string);
}

/** Record (or correct) who attended a meeting and its minutes: the meeting is then held. */
export async function recordMinutes(
  options: Context & { id: string; input: MinutesInput },
): Promise<MeetingView> {
  const { db, today, id, input } = options;
  const meeting = await meetingRow(db, id);
  if (meeting.date > today)
    throw fieldError("CONFLICT", "minutes", `The meeting is on ${meeting.date}: its minutes come after it`);
  const members = await memberRows(db, eq(governanceMembers.bodyId, meeting.bodyId));
  const unknown = [...new Set(input.attendeeIds)].filter(
    (a) => !members.some((m) => m.id === a && activeOn(m, meeting.date)),
  );
  if (unknown.length > 0)
    throw fieldError(
      "UNPROCESSABLE",
      "attendeeIds",
      `${unknown.length} attendee(s) were not members or referents of the body on ${meeting.date}`,
    );
  const updated = await db
    .update(governanceMeetings)
    .set({ minutes: input.minutes, version: sql`${governanceMeetings.version} + 1` })
    .where(and(eq(governanceMeetings.id, id), eq(governanceMeetings.version, input.version)))
    .returning({ id: governanceMeetings.id });
  if (updated.length === 0) throw staleVersion("meeting");
  await db.delete(governanceAttendance).where(eq(governanceAttendance.meetingId, id));
  const attendees = [...new Set(input.attendeeIds)];
  if (attendees.length > 0)
    await db.insert(governanceAttendance).values(attendees.map((memberId) => ({ meetingId: id, memberId })));
  return meetingView(db, id);
}

export type UploadedFile = { name: string; contentType: string; bytes: Uint8Array };

export async function addAttachment(
  options: Context & { meetingId: string; file: UploadedFile },
): Promise<MeetingView> {
  const { db, actor, meetingId, file } = options;
  const meeting = await meetingRow(db, meetingId);
  if (file.bytes.length > DOCUMENT_MAX_BYTES)
    throw fieldError("PAYLOAD_TOO_LARGE", "file", "A file may be at most 10 MiB");
  const problems = documentFileProblems(file);
  if (problems.length > 0) throw new AppError("UNPROCESSABLE", "The file breaks a rule", problems);
  await db.insert(governanceAttachments).values({
    meetingId: meeting.id,
    fileName: documentFileName(file.name),
    contentType: file.contentType.split(";")[0]?.trim().toLowerCase() ?? "",
    sizeBytes: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    content: Buffer.from(file.bytes),
    uploadedBy: actor.userId,
  });
  return meetingView(db, meeting.id);
}

export async function attachmentFile(options: { db: Db; id: string }) {
  const { db, id } = options;
  if (!isUuid(id)) throw notFound("attachment", id);
  const [row] = await db
    .select({
      meetingId: governanceAttachments.meetingId,
      fileName: governanceAttachments.fileName,
      contentType: governanceAttachments.contentType,
      content: governanceAttachments.content,
    })
    .from(governanceAttachments)
    .where(eq(governanceAttachments.id, id));
  if (row === undefined) throw notFound("attachment", id);
  return row;
}

/** Record a decision taken at a held meeting of the body; it takes the body's next number. */
export async function recordDecision(
  options: Context & { bodyId: string; input: DecisionInput; email?: boolean },
): Promise<DecisionView> {
  const { db, actor, bodyId, input } = options;
  // Locked: two decisions recorded at once take consecutive numbers.
  const body = await bodyRow(db, bodyId, true);
  const meeting = await meetingRow(db, input.meetingId).catch(() => {
    throw fieldError("UNPROCESSABLE", "meetingId", `No meeting "${input.meetingId}"`);
  });
  if (meeting.bodyId !== body.id)
    throw fieldError("UNPROCESSABLE", "meetingId", `The meeting is not one of ${body.name}'s`);
  if (meeting.minutes === null)
    throw fieldError("CONFLICT", "meetingId", "Record the meeting's attendance and minutes first");
  if (input.mode === "vote") {
    const present = await db
      .select({ role: governanceMembers.role })
      .from(governanceAttendance)
      .innerJoin(governanceMembers, eq(governanceMembers.id, governanceAttendance.memberId))
      .where(eq(governanceAttendance.meetingId, meeting.id));
    const voting = present.filter((p) => COUNTED_ROLES.includes(p.role as MemberRole)).length;
    const problem = voteProblem(
      {
        votesFor: input.votesFor ?? 0,
        votesAgainst: input.votesAgainst ?? 0,
        abstentions: input.abstentions ?? 0,
      },
      voting,
    );
    if (problem !== null) throw fieldError("UNPROCESSABLE", "votesFor", problem);
  }
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${governanceDecisions.number}), 0)::int + 1` })
    .from(governanceDecisions)
    .where(eq(governanceDecisions.bodyId, body.id));
  const [row] = await db
    .insert(governanceDecisions)
    .values({
      bodyId: body.id,
      meetingId: meeting.id,
      number: next?.n ?? 1,
      text: input.text,
      mode: input.mode,
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      abstentions: input.abstentions,
      createdBy: actor.userId,
    })
    .returning();
  const decision = row as typeof governanceDecisions.$inferSelect;
  // The staff of the organisations sitting in the body hear of it (in the app, and by e-mail).
  const organisationIds = await organisationsSittingIn(db, body.id, meeting.date);
  await notify(
    db,
    (await accountsOf(db, organisationIds, "governance:read")).filter((u) => u !== actor.userId),
    {
      kind: "decision",
      subjectKey: `decision:${decision.id}`,
      params: { body: body.name, number: decision.number, date: meeting.date },
      link: `/governance/organi/${body.id}`,
    },
    options.email ?? false,
  );
  return decisionView(decision, meeting.date);
}

async function actionViewOf(options: Context & { id: string }): Promise<ActionView> {
  const [row] = await actionRows(options.db, eq(governanceActions.id, options.id));
  if (row === undefined) throw notFound("action", options.id);
  return actionView(row, options.actor, options.today);
}

export async function addAction(
  options: Context & { bodyId: string; input: ActionInput },
): Promise<ActionView> {
  const { db, actor, bodyId, input } = options;
  const body = await bodyRow(db, bodyId);
  const ownerOrganisationId = await organisationIdOf(
    db,
    input.ownerOrganisationCode,
    "ownerOrganisationCode",
  );
  if (input.decisionId !== null) {
    const [decision] = isUuid(input.decisionId)
      ? await db
          .select({ bodyId: governanceDecisions.bodyId })
          .from(governanceDecisions)
          .where(eq(governanceDecisions.id, input.decisionId))
      : [];
    if (decision?.bodyId !== body.id)
      throw fieldError("UNPROCESSABLE", "decisionId", `No decision "${input.decisionId}" of ${body.name}`);
  }
  const [row] = await db
    .insert(governanceActions)
    .values({
      bodyId: body.id,
      decisionId: input.decisionId,
      title: input.title,
      ownerName: input.ownerName,
      ownerOrganisationId,
      dueOn: input.dueOn,
      createdBy: actor.userId,
    })
    .returning({ id: governanceActions.id });
  return actionViewOf({ ...options, id: row?.id as string });
}

/** Change an action's status, due day or note: the programme's governance roles, or its owner organisation. */
export async function updateAction(
  options: Context & { id: string; input: ActionUpdate },
): Promise<ActionView> {
  const { db, actor, id, input } = options;
  if (!isUuid(id)) throw notFound("action", id);
  const [stored] = await db
    .select({ ownerOrganisationId: governanceActions.ownerOrganisationId })
    .from(governanceActions)
    .where(eq(governanceActions.id, id));
  if (stored === undefined) throw notFound("action", id);
  if (!mayChangeAction(actor, stored.ownerOrganisationId))
    throw new AppError(
      "FORBIDDEN",
      "Only the programme's governance roles or the owner organisation change this action",
    );
  const updated = await db
    .update(governanceActions)
    .set({
      status: input.status,
      dueOn: input.dueOn,
      note: input.note,
      updatedAt: sql`now()`,
      version: sql`${governanceActions.version} + 1`,
    })
    .where(and(eq(governanceActions.id, id), eq(governanceActions.version, input.version)))
    .returning({ id: governanceActions.id });
  if (updated.length === 0) throw staleVersion("action");
  return actionViewOf(options);
}
