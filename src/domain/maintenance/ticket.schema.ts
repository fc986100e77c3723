// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * Maintenance tickets (segnalazioni di manutenzione): a problem in a unit reported by its tenant or by
 * staff, with its category, urgency and the deadline the urgency sets, an assignee, and a status that
 * moves through the transitions of `ticket-status.ts`.
 */

export const TICKET_CATEGORIES = [
  "plumbing",
  "electrical",
  "heating",
  "appliances",
  "doors_windows",
  "damp_mould",
  "lift_common_areas",
  "pests",
  "other",
] as const;
/** Idraulico, elettrico, riscaldamento, elettrodomestici, porte e finestre, umidità e muffa, ascensore e parti comuni, infestanti, altro. */
export const TicketCategory = z.enum(TICKET_CATEGORIES, { error: "Choose a category from the list" });
export type TicketCategory = z.infer<typeof TicketCategory>;

export const TICKET_URGENCIES = ["emergency", "urgent", "routine"] as const;
/** Emergenza (24 ore), urgente (3 giorni), ordinaria (30 giorni): see `ticket-deadline.ts`. */
export const TicketUrgency = z.enum(TICKET_URGENCIES, { error: "Choose an urgency from the list" });
export type TicketUrgency = z.infer<typeof TicketUrgency>;

export const TICKET_STATUSES = [
  "open",
  "in_progress",
  "deferred",
  "completed",
  "closed",
  "declined",
] as const;
/** Aperta, in lavorazione, rinviata, completata, chiusa, respinta. */
export const TicketStatus = z.enum(TICKET_STATUSES, { error: "Unknown ticket status" });
export type TicketStatus = z.infer<typeof TicketStatus>;

const Title = z
  .string({ error: "Give the ticket a short title" })
  .trim()
  .min(3, { error: "Give the ticket a short title (at least 3 characters)" })
  .max(120, { error: "Title: at most 120 characters" });
const Description = z
  .string({ error: "Describe the problem" })
  .trim()
  .min(10, { error: "Describe the problem (at least 10 characters)" })
  .max(4000, { error: "Description: at most 4000 characters" });
const Assignee = z
  .string({ error: "Assignee: a name" })
  .trim()
  .max(200, { error: "Assignee: at most 200 characters" });
const DateTime = z.iso.datetime({ offset: true, error: "Use a date and time (ISO 8601)" });

/** What staff fill in to open a ticket: the unit is required, the tenancy optional. */
export const TicketCreate = z.object({
  /** A unit id (uuid) or code. */
  unitId: z.string({ error: "Choose the unit" }).trim().min(1, { error: "Choose the unit" }).max(100),
  /** The tenancy it concerns; by default the unit's active tenancy, if any. */
  tenancyId: z.uuid({ error: "tenancyId: a tenancy id" }).optional(),
  category: TicketCategory,
  urgency: TicketUrgency,
  title: Title,
  description: Description,
  assignee: Assignee.default(""),
});
export type TicketCreate = z.infer<typeof TicketCreate>;

/** Fields a tenant does not choose: their ticket is always about the home of their active tenancy. */
const NOT_CHOSEN_BY_TENANT = ["unitId", "tenancyId"] as const;

/**
 * What a tenant fills in on the portal: the unit is always the one of their active tenancy, so it is
 * not a field (a request that names one is refused, naming it). The title is optional: by default the
 * first words of the description.
 */
export const PortalTicketCreate = z
  .looseObject({
    category: TicketCategory,
    urgency: TicketUrgency,
    title: Title.optional(),
    description: Description,
  })
  .superRefine((input, ctx) => {
    for (const key of NOT_CHOSEN_BY_TENANT) {
      if (key in input)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "A tenant's ticket is always about the home they rent: leave this field out",
        });
    }
  })
  .transform(({ category, urgency, title, description }) => ({ category, urgency, title, description }));
export type PortalTicketCreate = z.infer<typeof PortalTicketCreate>;

/** The title a ticket gets when the tenant gives none: the description's first line, shortened. */
export function titleFromDescription(description: string): string {
  const line = description.trim().split(/\r?\n/)[0]?.trim() ?? "";
  if (line.length <= 80) return line;
  const cut = line.slice(0, 79);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A manager's change: the assignee (a person or a contractor; empty to clear), the urgency (which sets
 * the deadline again, from when the ticket was opened) or the deadline itself. `version` is the one
 * read: a stale one is refused (409).
 */
export const TicketUpdate = z
  .object({
    version: z.number({ error: "version: the version you read" }).int().min(1),
    assignee: Assignee.optional(),
    urgency: TicketUrgency.optional(),
    dueAt: DateTime.optional(),
  })
  .refine((u) => u.assignee !== undefined || u.urgency !== undefined || u.dueAt !== undefined, {
    error: "Change the assignee, the urgency or the deadline",
    path: ["assignee"],
  });
export type TicketUpdate = z.infer<typeof TicketUpdate>;

/** A status change, with its reason (required for some: see `ticket-status.ts`). */
export const TicketTransition = z.object({
  to: TicketStatus,
  reason: z.string().trim().max(500, { error: "Reason: at most 500 characters" }).default(""),
  /** The version read; when sent, a stale one is refused (409). */
  version: z.number().int().min(1).optional(),
});
export type TicketTransition = z.infer<typeof TicketTransition>;

export const TICKET_SORT_FIELDS = [
  "dueAt",
  "createdAt",
  "updatedAt",
  "reference",
  "urgency",
  "status",
] as const;

const Limit = z.coerce
  .number({ error: "Limit must be from 1 to 500" })
  .int({ error: "Limit must be from 1 to 500" })
  .min(1, { error: "Limit must be from 1 to 500" })
  .max(500, { error: "Limit must be from 1 to 500" });
const Offset = z.coerce
  .number({ error: "Offset must be 0 or more" })
  .int({ error: "Offset must be 0 or more" })
  .min(0, { error: "Offset must be 0 or more" });

/** Filters, sort and page of the ticket list (query string). */
export const TicketListQuery = z.object({
  status: TicketStatus.optional(),
  /** `active`: open, in progress or deferred; `finished`: completed, closed or declined. */
  state: z.enum(["active", "finished"], { error: "state: active or finished" }).optional(),
  urgency: TicketUrgency.optional(),
  category: TicketCategory.optional(),
  overdue: z
    .enum(["true", "false"], { error: "overdue: true or false" })
    .transform((v) => v === "true")
    .optional(),
  /** A unit id (uuid) or code. */
  unit: z.string().trim().max(100).optional(),
  /** Words in the reference, title, description, assignee or unit code. */
  q: z.string().trim().max(100, { error: "Search: at most 100 characters" }).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${TICKET_SORT_FIELDS.join("|")})$`), {
      error: `Sort by one of ${TICKET_SORT_FIELDS.join(", ")}, with - for descending`,
    })
    .default("dueAt"),
  limit: Limit.default(25),
  offset: Offset.default(0),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

/** A ticket as the API returns it. */
export const Ticket = z.object({
  id: z.uuid(),
  /** Human reference, e.g. `MAN-2026-00042`. */
  reference: z.string(),
  unit: z.object({ id: z.uuid(), code: z.string(), address: z.string(), town: z.string() }),
  tenancy: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  category: TicketCategory,
  urgency: TicketUrgency,
  title: z.string(),
  description: z.string(),
  status: TicketStatus,
  /** The reason of the last status change, when it had one. */
  statusReason: z.string(),
  /** ISO date-time by which the ticket should be dealt with. */
  dueAt: z.string(),
  /** Past its deadline and not finished yet. */
  overdue: z.boolean(),
  assignee: z.string(),
  openedByTenant: z.boolean(),
  /** Who opened it, when the caller may see the account's name. */
  openedBy: z.string().nullable(),
  photoCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketList = z.object({ items: z.array(Ticket), total: z.number().int() });
export type TicketList = z.infer<typeof TicketList>;

/** One status change of a ticket. */
export const TicketEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  fromStatus: TicketStatus.nullable(),
  toStatus: TicketStatus,
  note: z.string(),
  /** Who made it, when the caller may see the account's name. */
  actorName: z.string().nullable(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/** A photo of a ticket (the image itself is fetched apart). */
export const TicketPhoto = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type TicketPhoto = z.infer<typeof TicketPhoto>;

/** A status the ticket may move to now, and whether that move needs a reason. */
export const AllowedTransition = z.object({ to: TicketStatus, reasonRequired: z.boolean() });
export type AllowedTransition = z.infer<typeof AllowedTransition>;

/** A ticket with its history (oldest first), its photos and the moves the caller may make. */
export const TicketDetail = Ticket.extend({
  history: z.array(TicketEvent),
  photos: z.array(TicketPhoto),
  allowedTransitions: z.array(AllowedTransition),
});
export type TicketDetail = z.infer<typeof TicketDetail>;
