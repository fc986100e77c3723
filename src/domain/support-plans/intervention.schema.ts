// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

/*
 * The interventions log of a support plan (diario degli interventi): what the team did with the
 * household, when, for how long, who. The note is special-category data.
 */

export const INTERVENTION_TYPES = [
  "home_visit",
  "interview",
  "phone_call",
  "accompaniment",
  "group_activity",
  "administrative_help",
  "team_meeting",
  "other",
] as const;
/** Visita domiciliare, colloquio, telefonata, accompagnamento, attività di gruppo, pratiche, riunione d'équipe, altro. */
export const InterventionType = z.enum(INTERVENTION_TYPES, {
  error: `Unknown type: use ${INTERVENTION_TYPES.join(", ")}`,
});
export type InterventionType = z.infer<typeof InterventionType>;

/** `POST /households/{id}/interventions`. */
export const InterventionInput = z.object({
  date: z.iso.date({ error: "Use a date as YYYY-MM-DD" }),
  /** Minutes, 1 to 720. */
  minutes: z
    .number({ error: "Duration: whole minutes from 1 to 720" })
    .int({ error: "Duration: whole minutes from 1 to 720" })
    .min(1, { error: "Duration: whole minutes from 1 to 720" })
    .max(720, { error: "Duration: whole minutes from 1 to 720" }),
  type: InterventionType,
  /** Who did it, when not the person recording it (a colleague, a volunteer). */
  staffName: z.string().trim().max(200, { error: "Staff: at most 200 characters" }).default(""),
  note: z.string().trim().max(4000, { error: "Note: at most 4000 characters" }).default(""),
});
export type InterventionInput = z.infer<typeof InterventionInput>;

export const InterventionRecord = InterventionInput.extend({
  id: z.uuid(),
  /** The note, or null when the caller is not on the household's team. */
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /** ISO date-time. */
  recordedAt: z.string(),
});
export type InterventionRecord = z.infer<typeof InterventionRecord>;

export const InterventionList = z.object({
  items: z.array(InterventionRecord),
  total: z.number().int(),
  /** Minutes over all the interventions listed. */
  totalMinutes: z.number().int(),
});
