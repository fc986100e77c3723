// SPDX-License-Identifier: EUPL-1.2
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoUnits,
} from "../../domain/demo/demo-programme.ts";
import { createUser } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { insertOrganisations, listOrganisations } from "../organisations/organisations.repository.ts";
import { ensureBuildings, insertUnitRows } from "../units/units.repository.ts";

/**
 * Load the fictional demo programme into an empty database: five organisations, one account per
 * role (password `demo-casacomune`) and the 488 units of the starting stock. Returns false when the
 * database already holds organisations.
 */
export async function seedDemoProgramme(options: { db: Db; passwordCost?: number }): Promise<boolean> {
  const { db, passwordCost } = options;
  if ((await listOrganisations(db)).length > 0) return false;
  await db.transaction(async (tx) => {
    await insertOrganisations(tx, [...DEMO_ORGANISATIONS]);
    const ids = new Map((await listOrganisations(tx)).map((o) => [o.code, o.id]));
    const partnerId = (code: string | null) => (code === null ? null : (ids.get(code) ?? null));
    const units = demoUnits();
    await ensureBuildings(tx, units);
    await insertUnitRows(
      tx,
      units.map(({ managingPartnerCode, comodatoPartnerCode, ...u }) => ({
        ...u,
        managingPartnerId: partnerId(managingPartnerCode),
        comodatoPartnerId: partnerId(comodatoPartnerCode),
      })),
      { actorId: null, kind: "imported", note: "Programma dimostrativo (dati fittizi)" },
    );
    await Promise.all(
      DEMO_USERS.map((u) => createUser({ db: tx, ...u, password: DEMO_PASSWORD, cost: passwordCost })),
    );
  });
  return true;
}
