// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { hasPermission, scopeOfRole } from "../../domain/auth/roles.ts";
import {
  areaOfLine,
  linesOfArea,
  type TimelineItemInput,
  type TimelineItemUpdate,
  type TimelineKind,
  type TimelineLine,
  type TimelineQuery,
  type TimelineStatus,
} from "../../domain/timeline/timeline.ts";
import type { TimelineItemView, TimelineList } from "../../domain/timeline/timeline-api.schema.ts";
import {
  type Convention,
  itemProblems,
  plannedEndOf,
  standingOf,
  summarise,
} from "../../domain/timeline/timeline-rules.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { organisations, programmeSettings, timelineItems } from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";

/*
 * The programme's timeline (cronoprogramma). Every staff account reads every item; an item is changed
 * by its owner organisation, or by the programme (the Comune and Area A), which also chooses the owner
 * of what it records. Row-level security holds the same line underneath. Items are never deleted: they
 * are cancelled. The rules on dates and status are the domain's (timeline-rules.ts); a broken one is a
 * 422 naming its field.
 */

type Context = { db: Db; actor: Actor; today: string };
type Write<I> = Context & { input: I };

const notFound = (id: string) => new AppError("NOT_FOUND", `No timeline item "${id}"`);
const seesProgramme = (actor: Actor) => scopeOfRole(actor.role) === "programme";

/** The convention's first and last day, which every planned date must lie within. */
export async function conventionOf(db: Db): Promise<Convention> {
  const [row] = await db
    .select({ start: programmeSettings.conventionStart, end: programmeSettings.conventionEnd })
    .from(programmeSettings);
  if (row === undefined) throw new AppError("CONFLICT", "The programme's convention dates are not set");
  return row;
}

const selectItems = (db: Db) =>
  db
    .select({
      id: timelineItems.id,
      line: timelineItems.line,
      kind: timelineItems.kind,
      title: timelineItems.title,
      description: timelineItems.description,
      ownerOrganisationId: timelineItems.ownerOrganisationId,
      ownerCode: organisations.code,
      ownerOrganisation: organisations.name,
      ownerName: timelineItems.ownerName,
      plannedStart: timelineItems.plannedStart,
      plannedEnd: timelineItems.plannedEnd,
      actualStart: timelineItems.actualStart,
      actualEnd: timelineItems.actualEnd,
      status: timelineItems.status,
      position: timelineItems.position,
      version: timelineItems.version,
    })
    .from(timelineItems)
    .innerJoin(organisations, eq(organisations.id, timelineItems.ownerOrganisationId));
type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>["execute"]>>[number];

const mayChange = (actor: Actor, ownerOrganisationId: string) =>
  seesProgramme(actor) || ownerOrganisationId === actor.organisationId;

function itemView(row: ItemRow, actor: Actor, today: string): TimelineItemView {
  const { ownerOrganisationId, ...rest } = row;
  const line = row.line as TimelineLine;
  const status = row.status as TimelineStatus;
  return {
    ...rest,
    line,
    area: areaOfLine(line),
    kind: row.kind as TimelineKind,
    status,
    ...standingOf({ ...row, status }, today),
    editable: hasPermission(actor.role, "timeline:write") && mayChange(actor, ownerOrganisationId),
  };
}

async function itemViews(options: Context & { where?: SQL }) {
  const { db, actor, today, where } = options;
  const rows = await selectItems(db)
    .where(where)
    .orderBy(
      asc(timelineItems.line),
      asc(timelineItems.position),
      asc(timelineItems.plannedStart),
      asc(timelineItems.title),
    );
  return rows.map((row) => itemView(row, actor, today));
}

/** The filters the database applies: area and line, and status. */
function whereOf(query: TimelineQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.area !== undefined) conditions.push(inArray(timelineItems.line, linesOfArea(query.area)));
  if (query.line !== undefined) conditions.push(eq(timelineItems.line, query.line));
  return conditions.length === 0 ? undefined : and(...conditions);
}

const matches = (item: TimelineItemView, query: TimelineQuery) =>
  (query.status === undefined || item.status === query.status) &&
  (query.standing === undefined || item.standing === query.standing);

/**
 * The items of the area and line asked for, with the status and standing asked for, each with its
 * standing today; the tallies are of the area and line (all statuses and standings).
 */
export async function listTimeline(options: Context & { query: TimelineQuery }): Promise<TimelineList> {
  const { db, actor, today, query } = options;
  const [all, convention, owners] = await inOrder([
    () => itemViews({ db, actor, today, where: whereOf(query) }),
    () => conventionOf(db),
    () => ownerChoices(db, actor),
  ]);
  return {
    asOf: today,
    convention,
    items: all.filter((item) => matches(item, query)),
    summary: summarise(all),
    owners,
  };
}

/** The items as the list gives them, for the exports. */
export async function timelineForExport(options: Context & { query: TimelineQuery }) {
  const { query } = options;
  const all = await itemViews({ ...options, where: whereOf(query) });
  return all.filter((item) => matches(item, query));
}

/** The organisations the caller may make responsible: every one for the programme, else its own. */
async function ownerChoices(db: Db, actor: Actor) {
  const rows = await db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(seesProgramme(actor) ? undefined : eq(organisations.id, actor.organisationId))
    .orderBy(asc(organisations.code));
  return rows;
}

/** The owner organisation an input names (the caller's own when it names none), checked. */
async function ownerOf(db: Db, actor: Actor, ownerCode: string | null): Promise<string> {
  if (ownerCode === null || ownerCode === actor.organisationCode) return actor.organisationId;
  if (!seesProgramme(actor))
    throw fieldError(
      "FORBIDDEN",
      "ownerCode",
      `A partner records only its own items: ownerCode must be ${actor.organisationCode}`,
    );
  const [owner] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, ownerCode));
  if (owner === undefined) throw fieldError("UNPROCESSABLE", "ownerCode", `No organisation "${ownerCode}"`);
  return owner.id;
}

/** The input's columns once its rules hold: a 422 naming each field that breaks one. */
async function checkedValues(options: Context & { input: TimelineItemInput; ownerOrganisationId: string }) {
  const { db, today, input } = options;
  const problems = itemProblems(input, { today, convention: await conventionOf(db) });
  if (problems.length > 0)
    throw new AppError(
      "UNPROCESSABLE",
      problems.length === 1 ? (problems[0]?.message ?? "") : "The item breaks the timeline's rules",
      problems,
    );
  return {
    line: input.line,
    kind: input.kind,
    title: input.title,
    description: input.description,
    ownerOrganisationId: options.ownerOrganisationId,
    ownerName: input.ownerName,
    plannedStart: input.plannedStart,
    plannedEnd: plannedEndOf(input) as string,
    actualStart: input.actualStart,
    actualEnd: input.actualEnd,
    status: input.status,
    position: input.position,
  };
}

async function getItem(options: Context & { id: string }) {
  const { db, actor, today, id } = options;
  if (!isUuid(id)) throw notFound(id);
  const [row] = await selectItems(db).where(eq(timelineItems.id, id));
  if (row === undefined) throw notFound(id);
  return itemView(row, actor, today);
}

/** A phase or milestone, owned by the caller's organisation or (programme scope) the one it names. */
export async function createTimelineItem(options: Write<TimelineItemInput>): Promise<TimelineItemView> {
  const { db, actor, input } = options;
  const ownerOrganisationId = await ownerOf(db, actor, input.ownerCode);
  const values = await checkedValues({ ...options, ownerOrganisationId });
  const [row] = await db
    .insert(timelineItems)
    .values({ ...values, createdBy: actor.userId })
    .returning({ id: timelineItems.id });
  return getItem({ ...options, id: row?.id as string });
}

/**
 * Change an item (its status and actual dates, or its plan): the owner organisation or the programme,
 * sending the version it read. Another partner's item is a 403; a stale version a 409.
 */
export async function updateTimelineItem(
  options: Write<TimelineItemUpdate> & { id: string },
): Promise<TimelineItemView> {
  const { db, actor, id, input } = options;
  if (!isUuid(id)) throw notFound(id);
  const [current] = await db
    .select({ ownerOrganisationId: timelineItems.ownerOrganisationId, version: timelineItems.version })
    .from(timelineItems)
    .where(eq(timelineItems.id, id));
  if (current === undefined) throw notFound(id);
  if (!mayChange(actor, current.ownerOrganisationId))
    throw new AppError("FORBIDDEN", "Only the item's owner organisation, or the programme, changes it");
  const stale = () =>
    fieldError(
      "CONFLICT",
      "version",
      `The item was changed by someone else (version ${current.version}, you sent ${input.version}); reload it and retry`,
    );
  if (current.version !== input.version) throw stale();
  // No owner named: the item keeps its owner. Only the programme may hand it to another one.
  const ownerOrganisationId =
    input.ownerCode === null ? current.ownerOrganisationId : await ownerOf(db, actor, input.ownerCode);
  const values = await checkedValues({ ...options, ownerOrganisationId });
  const changed = await db
    .update(timelineItems)
    .set({ ...values, updatedAt: new Date(), version: sql`${timelineItems.version} + 1` })
    .where(and(eq(timelineItems.id, id), eq(timelineItems.version, input.version)))
    .returning({ id: timelineItems.id });
  if (changed.length === 0) throw stale();
  return getItem(options);
}
