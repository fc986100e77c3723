// SPDX-License-Identifier: EUPL-1.2
import type { TimelineEntry } from "../../domain/households/household-api.schema.ts";
import type { SpecialCategoryAccess } from "../../domain/households/special-category.ts";
import { type Db, inOrder } from "../db/client.ts";
import { listHouseholdExitRows, listRecordedFollowUpRows } from "./exits.repository.ts";
import { listHouseholdInterventionRows } from "./interventions.repository.ts";
import { listHouseholdPlanRows, listHouseholdReviewRows } from "./support-plans.repository.ts";

// Plans, reviews, interventions, exits and follow-ups are dated by the day: their entries stand at
// that day's start (UTC, which is the same day in Milan).
const dayStart = (date: string) => `${date}T00:00:00.000Z`;

const who = (name: string | null, role: string | null) =>
  name === null || role === null ? null : { name, role };

/**
 * A household's care entries for its timeline, oldest first: its plans' starts, the reviews, the
 * interventions, the exit and the follow-ups recorded. The reviews' and interventions' notes are
 * special-category data: empty unless `access` is full. Who did it shows where the caller sees the
 * account.
 */
export async function careTimelineEntries(
  db: Db,
  householdId: string,
  access: SpecialCategoryAccess,
): Promise<TimelineEntry[]> {
  const [plans, reviews, interventions, exits, followUps] = await inOrder([
    () => listHouseholdPlanRows(db, householdId),
    () => listHouseholdReviewRows(db, householdId),
    () => listHouseholdInterventionRows(db, householdId),
    () => listHouseholdExitRows(db, householdId),
    () => listRecordedFollowUpRows(db, householdId),
  ]);
  const full = access === "full";
  const entries: TimelineEntry[] = [
    ...plans.map((p) => ({
      at: dayStart(p.startDate),
      kind: "plan" as const,
      from: null,
      to: p.status,
      actor: null,
      note: "",
    })),
    ...reviews.map((r) => ({
      at: dayStart(r.date),
      kind: "review" as const,
      from: null,
      to: "reviewed",
      actor: who(r.actorName, r.actorRole),
      note: full ? r.notes : "",
    })),
    ...interventions.map((i) => ({
      at: dayStart(i.date),
      kind: "intervention" as const,
      from: null,
      to: i.type,
      actor: who(i.recordedBy, i.recordedByRole),
      note: full ? i.note : "",
    })),
    ...exits.map((e) => ({
      at: dayStart(e.date),
      kind: "exit" as const,
      from: e.planned ? "planned" : "unplanned",
      to: e.destination,
      actor: who(e.actorName, e.actorRole),
      note: e.note,
    })),
    ...followUps.map((f) => ({
      at: dayStart(f.contactedOn as string),
      kind: "follow_up" as const,
      from: `${f.months} months`,
      to: f.situation ?? "",
      actor: who(f.actorName, f.actorRole),
      note: f.note,
    })),
  ];
  // A stable sort keeps the order above on the same day: a plan before its review, an exit before
  // its follow-ups.
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
