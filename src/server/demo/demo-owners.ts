// SPDX-License-Identifier: EUPL-1.2
import type { Role } from "../../domain/auth/roles.ts";
import { DEMO_GUARANTEE_SCHEMES, DEMO_OWNERS } from "../../domain/demo/demo-owners.ts";
import type { Db } from "../db/client.ts";
import { guaranteeSchemes, ownerContacts, ownerOffers, privateOwners } from "../db/schema.ts";

/**
 * The demo programme's private owners' line: owners and associations contacted, the homes offered
 * (none accepted: the demo's stock has no unit of origin private to link) and the guarantee schemes.
 */
export async function insertDemoOwners(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
): Promise<void> {
  const author = userOf.get("area_a") ?? null;
  await tx.insert(guaranteeSchemes).values([...DEMO_GUARANTEE_SCHEMES]);
  for (const owner of DEMO_OWNERS) {
    const { contacts, offers, ...fields } = owner;
    const [row] = await tx
      .insert(privateOwners)
      .values({ ...fields, createdBy: author })
      .returning({ id: privateOwners.id });
    const ownerId = row?.id as string;
    if (contacts.length > 0)
      await tx.insert(ownerContacts).values(
        contacts.map(({ by, ...c }) => ({
          ...c,
          ownerId,
          organisationId: partnerId(by) as string,
          createdBy: author,
        })),
      );
    if (offers.length > 0)
      await tx.insert(ownerOffers).values(
        offers.map((o) => ({
          ...o,
          ownerId,
          // A decided offer has moved once since it was recorded.
          version: o.decidedOn === null ? 1 : 2,
          createdBy: author,
        })),
      );
  }
}
