// SPDX-License-Identifier: EUPL-1.2
import { hasPermission, scopeOfRole } from "../../domain/auth/roles.ts";
import {
  type PortalTicketCreate,
  type Ticket,
  type TicketCategory,
  type TicketCreate,
  type TicketDetail,
  type TicketList,
  type TicketListQuery,
  type TicketPhoto,
  type TicketStatus,
  type TicketTransition,
  type TicketUpdate,
  type TicketUrgency,
  titleFromDescription,
} from "../../domain/maintenance/ticket.schema.ts";
import { dueAtFor, isOverdue } from "../../domain/maintenance/ticket-deadline.ts";
import {
  PHOTO_TOO_LARGE,
  PHOTO_TOO_MANY,
  photoFileName,
  photoProblems,
  sniffPhotoType,
  TICKET_PHOTO_MAX_BYTES,
  TICKET_PHOTO_MAX_COUNT,
} from "../../domain/maintenance/ticket-photo.ts";
import {
  acceptsChanges,
  acceptsPhotos,
  allowedTransitions,
  transitionProblems,
} from "../../domain/maintenance/ticket-status.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import { AppError, fieldError, missingAsField } from "../errors.ts";
import { getUnit } from "../units/units.service.ts";
import {
  countTicketPhotos,
  countTicketRows,
  findActiveTenancyOfHousehold,
  findActiveTenancyOfUnit,
  findTenancyRow,
  findTicketPhotoContent,
  findTicketRow,
  insertTicketEvent,
  insertTicketPhoto,
  insertTicketRow,
  listTicketEvents,
  listTicketPhotos,
  listTicketRows,
  lockTicketPhotos,
  type TicketRow,
  type TicketScope,
  updateTicketRow,
} from "./tickets.repository.ts";

/*
 * Maintenance tickets, for staff (`/maintenance/tickets`) and for tenants on their portal
 * (`/portal/tickets`): the same use cases, each scoped by who calls. Each runs in the caller's one
 * request transaction (`inActorScope`): a refused step leaves nothing half-written.
 */

/** A file as uploaded: the name the client gave, and the bytes. */
export type UploadedPhoto = { name: string; bytes: Uint8Array };

/** The ticket a use case acted on, for the audit trail, and its answer. */
export type TicketResult<T> = { ticketId: string; result: T };

function scopeOf(actor: Actor): TicketScope {
  if (actor.role === "tenant") return { householdId: actor.householdId };
  return scopeOfRole(actor.role) === "programme" ? null : { organisationId: actor.organisationId };
}

function toTicket(row: TicketRow, now: Date): Ticket {
  const status = row.status as TicketStatus;
  return {
    id: row.id,
    reference: row.reference,
    unit: { id: row.unitId, code: row.unitCode, address: row.unitAddress, town: row.unitTown },
    tenancy: row.tenancyId === null ? null : { id: row.tenancyId, reference: row.tenancyReference ?? "" },
    category: row.category as TicketCategory,
    urgency: row.urgency as TicketUrgency,
    title: row.title,
    description: row.description,
    status,
    statusReason: row.statusReason,
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue({ status, dueAt: row.dueAt }, now),
    assignee: row.assignee,
    openedByTenant: row.openedByTenant,
    openedBy: row.openedByName,
    photoCount: row.photoCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

async function findTicketOrFail(db: Db, actor: Actor, idOrReference: string) {
  const row = await findTicketRow(db, idOrReference, scopeOf(actor));
  // Another partner's or household's ticket is as missing as one that does not exist.
  if (row === null) throw new AppError("NOT_FOUND", `No ticket "${idOrReference}"`);
  return row;
}

async function detailOf(db: Db, actor: Actor, row: TicketRow, now: Date): Promise<TicketDetail> {
  const [events, photos] = await inOrder([
    () => listTicketEvents(db, row.id),
    () => listTicketPhotos(db, row.id),
  ]);
  const status = row.status as TicketStatus;
  return {
    ...toTicket(row, now),
    history: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      fromStatus: e.fromStatus as TicketStatus | null,
      toStatus: e.toStatus as TicketStatus,
      note: e.note,
      actorName: e.actorName,
    })),
    photos: photos.map(toPhoto),
    // Only who manages tickets moves them; a tenant or an educator follows them.
    allowedTransitions: hasPermission(actor.role, "maintenance:manage") ? allowedTransitions(status) : [],
  };
}

const toPhoto = (p: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
}): TicketPhoto => ({ ...p, uploadedAt: p.uploadedAt.toISOString() });

async function reloadDetail(db: Db, actor: Actor, id: string, now: Date) {
  return detailOf(db, actor, await findTicketOrFail(db, actor, id), now);
}

export async function listTickets(options: {
  db: Db;
  actor: Actor;
  query: TicketListQuery;
  now: Date;
}): Promise<TicketList> {
  const { db, actor, query, now } = options;
  const scope = scopeOf(actor);
  const [rows, total] = await inOrder([
    () => listTicketRows(db, query, scope, now),
    () => countTicketRows(db, query, scope, now),
  ]);
  return { items: rows.map((row) => toTicket(row, now)), total };
}

export async function getTicket(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  now: Date;
}): Promise<TicketResult<TicketDetail>> {
  const { db, actor, idOrReference, now } = options;
  const row = await findTicketOrFail(db, actor, idOrReference);
  return { ticketId: row.id, result: await detailOf(db, actor, row, now) };
}

/** Insert a ticket, open, due by its urgency's deadline, with the first line of its history. */
async function insertOpenTicket(
  db: Db,
  actor: Actor,
  values: {
    unitId: string;
    tenancyId: string | null;
    category: TicketCategory;
    urgency: TicketUrgency;
    title: string;
    description: string;
    assignee: string;
  },
  now: Date,
) {
  const id = await insertTicketRow(db, {
    ...values,
    status: "open",
    dueAt: dueAtFor(values.urgency, now),
    openedBy: actor.userId,
    openedByTenant: actor.role === "tenant",
    createdAt: now,
    updatedAt: now,
  });
  await insertTicketEvent(db, {
    ticketId: id,
    at: now,
    actorId: actor.userId,
    fromStatus: null,
    toStatus: "open",
  });
  return id;
}

/**
 * Staff open a ticket on a unit they see. The tenancy, when given, must be the unit's; when not, the
 * unit's active tenancy (if any) is the ticket's, so its tenant follows it on the portal.
 */
export async function openTicket(options: {
  db: Db;
  actor: Actor;
  input: TicketCreate;
  now: Date;
}): Promise<TicketResult<TicketDetail>> {
  const { db, actor, input, now } = options;
  const unit = await getUnit({ db, actor, idOrCode: input.unitId }).catch(
    missingAsField("unitId", `No unit "${input.unitId}"`),
  );
  let tenancyId: string | null = null;
  if (input.tenancyId !== undefined) {
    const tenancy = await findTenancyRow(db, input.tenancyId);
    if (tenancy === null) throw fieldError("UNPROCESSABLE", "tenancyId", `No tenancy "${input.tenancyId}"`);
    if (tenancy.unitId !== unit.id)
      throw fieldError("UNPROCESSABLE", "tenancyId", "The tenancy is not of this unit");
    if (tenancy.status === "cancelled")
      throw fieldError("UNPROCESSABLE", "tenancyId", "The tenancy was cancelled");
    tenancyId = tenancy.id;
  } else {
    tenancyId = (await findActiveTenancyOfUnit(db, unit.id))?.id ?? null;
  }
  const id = await insertOpenTicket(
    db,
    actor,
    {
      unitId: unit.id,
      tenancyId,
      category: input.category,
      urgency: input.urgency,
      title: input.title,
      description: input.description,
      assignee: input.assignee,
    },
    now,
  );
  return { ticketId: id, result: await reloadDetail(db, actor, id, now) };
}

export const NO_ACTIVE_TENANCY =
  "You have no active tenancy: a ticket is about the home you rent. Call your housing manager";

/** A tenant reports a problem in the home of their active tenancy. */
export async function openPortalTicket(options: {
  db: Db;
  actor: Actor;
  input: PortalTicketCreate;
  now: Date;
}): Promise<TicketResult<TicketDetail>> {
  const { db, actor, input, now } = options;
  const tenancy =
    actor.householdId === null ? null : await findActiveTenancyOfHousehold(db, actor.householdId);
  if (tenancy === null) throw fieldError("UNPROCESSABLE", "tenancyId", NO_ACTIVE_TENANCY);
  const id = await insertOpenTicket(
    db,
    actor,
    {
      unitId: tenancy.unitId,
      tenancyId: tenancy.id,
      category: input.category,
      urgency: input.urgency,
      title: input.title ?? titleFromDescription(input.description),
      description: input.description,
      assignee: "",
    },
    now,
  );
  return { ticketId: id, result: await reloadDetail(db, actor, id, now) };
}

const staleVersion = (current: number, sent: number) =>
  fieldError(
    "CONFLICT",
    "version",
    `The ticket was changed by someone else (version ${current}, you sent ${sent}); reload it and retry`,
  );

/**
 * A manager changes the assignee, the urgency (the deadline follows it, counted from the opening) or
 * the deadline itself, on the version they read.
 */
export async function updateTicket(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  patch: TicketUpdate;
  now: Date;
}): Promise<TicketResult<TicketDetail>> {
  const { db, actor, idOrReference, patch, now } = options;
  const row = await findTicketOrFail(db, actor, idOrReference);
  if (row.version !== patch.version) throw staleVersion(row.version, patch.version);
  if (!acceptsChanges(row.status as TicketStatus))
    throw fieldError("CONFLICT", "status", `The ticket is ${row.status}: reopen it before changing it`);
  const urgency = patch.urgency ?? (row.urgency as TicketUrgency);
  let dueAt = row.dueAt;
  if (patch.dueAt !== undefined) {
    dueAt = new Date(patch.dueAt);
    if (dueAt.getTime() <= now.getTime())
      throw fieldError("UNPROCESSABLE", "dueAt", "The deadline must be in the future");
  } else if (urgency !== row.urgency) {
    dueAt = dueAtFor(urgency, row.createdAt);
  }
  const assignee = patch.assignee ?? row.assignee;
  const unchanged =
    assignee === row.assignee && urgency === row.urgency && dueAt.getTime() === row.dueAt.getTime();
  if (
    !unchanged &&
    !(await updateTicketRow(db, row.id, row.version, { assignee, urgency, dueAt, updatedAt: now }))
  )
    throw fieldError("CONFLICT", "version", "The ticket was changed by someone else; reload it and retry");
  return { ticketId: row.id, result: await reloadDetail(db, actor, row.id, now) };
}

/** Move a ticket to another status, if the move is allowed, with its reason where one is required. */
export async function transitionTicket(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  input: TicketTransition;
  now: Date;
}): Promise<TicketResult<TicketDetail>> {
  const { db, actor, idOrReference, input, now } = options;
  const row = await findTicketOrFail(db, actor, idOrReference);
  if (input.version !== undefined && input.version !== row.version)
    throw staleVersion(row.version, input.version);
  const from = row.status as TicketStatus;
  const [problem] = transitionProblems(from, input.to, input.reason);
  if (problem !== undefined)
    throw fieldError(problem.path === "to" ? "CONFLICT" : "UNPROCESSABLE", problem.path, problem.message);
  if (
    !(await updateTicketRow(db, row.id, row.version, {
      status: input.to,
      statusReason: input.reason,
      updatedAt: now,
    }))
  )
    throw fieldError("CONFLICT", "version", "The ticket was changed by someone else; reload it and retry");
  await insertTicketEvent(db, {
    ticketId: row.id,
    at: now,
    actorId: actor.userId,
    fromStatus: from,
    toStatus: input.to,
    note: input.reason,
  });
  return { ticketId: row.id, result: await reloadDetail(db, actor, row.id, now) };
}

/**
 * Add a photo to a ticket: a JPEG, PNG or WebP image (by its content) of at most 5 MB, at most 6 per
 * ticket, until the ticket is closed or declined. The type kept is the one the content shows.
 */
export async function addTicketPhoto(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  file: UploadedPhoto;
  now: Date;
}): Promise<TicketResult<TicketPhoto>> {
  const { db, actor, idOrReference, file, now } = options;
  const row = await findTicketOrFail(db, actor, idOrReference);
  if (file.bytes.length > TICKET_PHOTO_MAX_BYTES)
    throw fieldError("PAYLOAD_TOO_LARGE", "file", PHOTO_TOO_LARGE);
  const issues = photoProblems(file.bytes);
  if (issues.length > 0) throw new AppError("UNPROCESSABLE", "The photo cannot be added", issues);
  if (!acceptsPhotos(row.status as TicketStatus))
    throw fieldError("CONFLICT", "file", `The ticket is ${row.status}: no more photos can be added`);
  await lockTicketPhotos(db, row.id);
  if ((await countTicketPhotos(db, row.id)) >= TICKET_PHOTO_MAX_COUNT)
    throw fieldError("UNPROCESSABLE", "file", PHOTO_TOO_MANY);
  const photo = await insertTicketPhoto(db, {
    ticketId: row.id,
    fileName: photoFileName(file.name),
    // Checked above: one of the three image types.
    contentType: sniffPhotoType(file.bytes) ?? "image/jpeg",
    sizeBytes: file.bytes.length,
    content: Buffer.from(file.bytes),
    uploadedBy: actor.userId,
    uploadedAt: now,
  });
  return { ticketId: row.id, result: toPhoto(photo) };
}

/** The image of one of a ticket's photos. */
export async function getTicketPhoto(options: {
  db: Db;
  actor: Actor;
  idOrReference: string;
  photoId: string;
}): Promise<TicketResult<{ fileName: string; contentType: string; content: Buffer }>> {
  const { db, actor, idOrReference, photoId } = options;
  const row = await findTicketOrFail(db, actor, idOrReference);
  const photo = await findTicketPhotoContent(db, row.id, photoId);
  if (photo === null) throw new AppError("NOT_FOUND", `No photo "${photoId}" of this ticket`);
  return { ticketId: row.id, result: photo };
}
