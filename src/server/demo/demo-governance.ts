// SPDX-License-Identifier: EUPL-1.2
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_GOVERNANCE } from "../../domain/demo/demo-governance.ts";
import type { Db } from "../db/client.ts";
import {
  governanceActions,
  governanceAttendance,
  governanceBodies,
  governanceDecisions,
  governanceMeetings,
  governanceMembers,
} from "../db/schema.ts";

/** The demo programme's governance: bodies, members, meetings, decisions and actions as they stand. */
export async function insertDemoGovernance(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
): Promise<void> {
  const author = userOf.get("comune_admin") ?? null;
  const bodyIds = new Map<string, string>();
  for (const body of DEMO_GOVERNANCE) {
    const [row] = await tx
      .insert(governanceBodies)
      .values({
        name: body.name,
        level: body.level,
        description: body.description,
        reportsToId: body.reportsTo === null ? null : (bodyIds.get(body.reportsTo) as string),
        area: body.area,
        municipio: body.municipio,
        establishedOn: body.establishedOn,
        createdBy: author,
      })
      .returning({ id: governanceBodies.id });
    const bodyId = row?.id as string;
    bodyIds.set(body.key, bodyId);
    const members = await tx
      .insert(governanceMembers)
      .values(
        body.members.map((m) => ({
          bodyId,
          personName: m.personName,
          organisationId: partnerId(m.organisationCode) as string,
          role: m.role,
          fromOn: m.from,
          toOn: m.to ?? null,
        })),
      )
      .returning({ id: governanceMembers.id, personName: governanceMembers.personName });
    const decisionIds: string[] = [];
    for (const meeting of body.meetings) {
      const [stored] = await tx
        .insert(governanceMeetings)
        .values({
          bodyId,
          date: meeting.date,
          startsAt: meeting.startsAt,
          place: meeting.place,
          agenda: meeting.agenda,
          annualReview: meeting.annualReview ?? false,
          minutes: meeting.held?.minutes ?? null,
          createdBy: author,
        })
        .returning({ id: governanceMeetings.id });
      const meetingId = stored?.id as string;
      const attendees = members.filter((m) => meeting.held?.attendees.includes(m.personName));
      if (attendees.length > 0)
        await tx.insert(governanceAttendance).values(attendees.map((m) => ({ meetingId, memberId: m.id })));
      for (const decision of meeting.decisions ?? []) {
        const [d] = await tx
          .insert(governanceDecisions)
          .values({
            bodyId,
            meetingId,
            number: decisionIds.length + 1,
            text: decision.text,
            mode: decision.vote ? "vote" : "consensus",
            votesFor: decision.vote?.[0] ?? null,
            votesAgainst: decision.vote?.[1] ?? null,
            abstentions: decision.vote?.[2] ?? null,
            createdBy: author,
          })
          .returning({ id: governanceDecisions.id });
        decisionIds.push(d?.id as string);
      }
    }
    if (body.actions.length > 0)
      await tx.insert(governanceActions).values(
        body.actions.map((a) => ({
          bodyId,
          decisionId: a.decision === undefined ? null : (decisionIds[a.decision - 1] ?? null),
          title: a.title,
          ownerName: a.ownerName,
          ownerOrganisationId: partnerId(a.ownerOrganisationCode) as string,
          dueOn: a.dueOn,
          status: a.status,
          createdBy: author,
        })),
      );
  }
}
