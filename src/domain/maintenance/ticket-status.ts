// SPDX-License-Identifier: EUPL-1.2
import type { FieldIssue } from "../shared/issue.ts";
import type { TicketStatus } from "./ticket.schema.ts";

/**
 * Allowed status changes of a ticket. The main path is open → in_progress → completed → closed; a
 * ticket can be deferred (rinviata) and resumed, declined (respinta) while not done, and a finished
 * ticket reopened: completed or closed → in_progress (the work was not right), declined → open.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ["in_progress", "deferred", "declined"],
  in_progress: ["deferred", "completed", "declined"],
  deferred: ["in_progress", "declined"],
  completed: ["closed", "in_progress"],
  closed: ["in_progress"],
  declined: ["open"],
};

/** Statuses a ticket is finished in: no deadline runs, and leaving them is reopening. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ["completed", "closed", "declined"];

/** Statuses the tenant and the staff wait on: the deadline runs. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ["open", "in_progress", "deferred"];

/** Statuses whose arrival always needs a reason: the tenant must be told why. */
const REASON_REQUIRED_TO: readonly TicketStatus[] = ["deferred", "declined"];

/** The shortest reason accepted where one is required. */
export const MIN_REASON_LENGTH = 3;

export const isFinished = (status: TicketStatus) => FINISHED_STATUSES.includes(status);

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** Leaving a finished status for an active one. */
export const isReopening = (from: TicketStatus, to: TicketStatus) =>
  canTransition(from, to) && isFinished(from) && !isFinished(to);

/** Whether the (allowed) move needs a reason: deferring, declining and reopening do. */
export function reasonRequired(from: TicketStatus, to: TicketStatus): boolean {
  return canTransition(from, to) && (REASON_REQUIRED_TO.includes(to) || isReopening(from, to));
}

export function allowedTransitions(from: TicketStatus): { to: TicketStatus; reasonRequired: boolean }[] {
  return TICKET_TRANSITIONS[from].map((to) => ({ to, reasonRequired: reasonRequired(from, to) }));
}

/** The problems of a status change: not an allowed move (on `to`), or a reason missing (on `reason`). */
export function transitionProblems(from: TicketStatus, to: TicketStatus, reason: string): FieldIssue[] {
  if (from === to) return [{ path: "to", message: "The ticket is already in this status" }];
  if (!canTransition(from, to)) return [{ path: "to", message: `A ticket cannot go from ${from} to ${to}` }];
  if (reasonRequired(from, to) && reason.trim().length < MIN_REASON_LENGTH)
    return [{ path: "reason", message: "Say why (at least 3 characters): the tenant will read it" }];
  return [];
}

/** Photos can be added until a ticket is closed or declined. */
export const acceptsPhotos = (status: TicketStatus) => status !== "closed" && status !== "declined";

/** Assignee, urgency and deadline can change until a ticket is closed or declined. */
export const acceptsChanges = acceptsPhotos;
