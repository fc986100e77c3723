// SPDX-License-Identifier: EUPL-1.2
import { and, asc, eq } from "drizzle-orm";
import type { Role } from "../../domain/auth/roles.ts";
import {
  DEMO_FUND_ENTRIES,
  DEMO_SPACES,
  DEMO_WELFARE_SERVICES,
  type DemoPlace,
} from "../../domain/demo/demo-welfare.ts";
import type { Db } from "../db/client.ts";
import {
  buildings,
  commonSpaces,
  fundEntries,
  governanceBodies,
  spaceBookings,
  welfareActivities,
  welfareServices,
} from "../db/schema.ts";

/**
 * The demo programme's community welfare (services with their activities, spaces with their rules and
 * bookings) and the Municipio 3 network's community fund, after the stock and the governance bodies.
 */
export async function insertDemoWelfare(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
): Promise<void> {
  const firstBuildingIn = async (municipio: number) => {
    const [b] = await tx
      .select()
      .from(buildings)
      .where(eq(buildings.municipio, municipio))
      .orderBy(asc(buildings.code))
      .limit(1);
    if (b === undefined) throw new Error(`the demo stock has no building in Municipio ${municipio}`);
    return b;
  };
  const placeOf = async (place: DemoPlace) => {
    if (!("buildingIn" in place)) return { buildingCode: null, ...place };
    const b = await firstBuildingIn(place.buildingIn);
    return { buildingCode: b.code, town: b.town, municipio: b.municipio };
  };
  const organisationOf = (code: string) => partnerId(code) as string;

  for (const { place, by, activities, ...service } of DEMO_WELFARE_SERVICES) {
    const organisationId = organisationOf(by);
    const [row] = await tx
      .insert(welfareServices)
      .values({ ...service, ...(await placeOf(place)), organisationId })
      .returning({ id: welfareServices.id });
    await tx
      .insert(welfareActivities)
      .values(activities.map((a) => ({ ...a, serviceId: row?.id as string, organisationId })));
  }
  const booker = userOf.get("area_b_manager") ?? null;
  for (const { buildingIn, by, bookings, ...space } of DEMO_SPACES) {
    const organisationId = organisationOf(by);
    const [row] = await tx
      .insert(commonSpaces)
      .values({ ...space, buildingCode: (await firstBuildingIn(buildingIn)).code, organisationId })
      .returning({ id: commonSpaces.id });
    if (bookings.length > 0)
      await tx
        .insert(spaceBookings)
        .values(
          bookings.map((b) => ({ ...b, spaceId: row?.id as string, organisationId, createdBy: booker })),
        );
  }

  const [network] = await tx
    .select({ id: governanceBodies.id })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.level, "management"), eq(governanceBodies.municipio, 3)));
  if (network === undefined) throw new Error("the demo governance has no Municipio 3 network");
  await tx.insert(fundEntries).values(
    DEMO_FUND_ENTRIES.map(({ by, ...entry }) => ({
      ...entry,
      bodyId: network.id,
      status: entry.kind === "contribution" ? "recorded" : "proposed",
      organisationId: organisationOf(by),
      createdBy: null,
    })),
  );
}
