// SPDX-License-Identifier: EUPL-1.2
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_TIMELINE } from "../../domain/demo/demo-timeline.ts";
import type { Db } from "../db/client.ts";
import { timelineItems } from "../db/schema.ts";

/** The demo programme's timeline records: every line's phases and milestones as they stand today. */
export async function insertDemoTimeline(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
): Promise<void> {
  const authorOf = (code: string) =>
    userOf.get(code === "ETS-A" ? "area_a" : code === "COMUNE-MI" ? "comune_admin" : "area_b_manager") ??
    null;
  await tx.insert(timelineItems).values(
    DEMO_TIMELINE.map(({ ownerCode, ...item }) => ({
      ...item,
      ownerOrganisationId: partnerId(ownerCode) as string,
      createdBy: authorOf(ownerCode),
    })),
  );
}
