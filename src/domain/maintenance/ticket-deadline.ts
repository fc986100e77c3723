// SPDX-License-Identifier: EUPL-1.2

import type { TicketStatus, TicketUrgency } from "./ticket.schema.ts";
import { isFinished } from "./ticket-status.ts";

/**
 * How long a ticket may wait from when it is opened, by urgency, in hours: an emergency (no water, no
 * power, a gas smell, a leak) 24 hours, an urgent problem 3 days, a routine one 30 days.
 */
export const TICKET_DEADLINE_HOURS: Record<TicketUrgency, number> = {
  emergency: 24,
  urgent: 3 * 24,
  routine: 30 * 24,
};

const HOUR_MS = 3_600_000;

/** The deadline of a ticket of `urgency` opened at `openedAt`. */
export function dueAtFor(urgency: TicketUrgency, openedAt: Date): Date {
  return new Date(openedAt.getTime() + TICKET_DEADLINE_HOURS[urgency] * HOUR_MS);
}

/** Past its deadline at `now` (the deadline itself is still in time) and not finished. */
export function isOverdue(ticket: { status: TicketStatus; dueAt: Date }, now: Date): boolean {
  return !isFinished(ticket.status) && ticket.dueAt.getTime() < now.getTime();
}
