// SPDX-License-Identifier: EUPL-1.2
import { findUserByEmail } from "./auth/auth.repository.ts";
import { createUser } from "./auth/auth.service.ts";
import type { Database } from "./db/client.ts";
import { seedDemoProgramme } from "./demo/demo-seed.ts";
import { logger } from "./logger.ts";
import { findOrganisationByCode, insertOrganisations } from "./organisations/organisations.repository.ts";

export const COMUNE_CODE = "COMUNE-MI";

/** Bring a database up to date: migrations, the demo programme if asked, the first administrator. */
export async function prepareDatabase(
  database: Database,
  options: { demoSeed: boolean; admin: { email: string; password: string } | null },
) {
  await database.migrate();
  if (options.demoSeed && (await seedDemoProgramme({ db: database.db }))) {
    logger.info(
      "demo programme seeded: 488 units, 299 households with 238 support plans, 5 organisations, one account per role",
    );
  }
  if (options.admin && (await findUserByEmail(database.db, options.admin.email)) === null) {
    if ((await findOrganisationByCode(database.db, COMUNE_CODE)) === null) {
      await insertOrganisations(database.db, [
        { code: COMUNE_CODE, name: "Comune di Milano", kind: "comune", area: null, categories: [] },
      ]);
    }
    await createUser({
      db: database.db,
      email: options.admin.email,
      name: "Amministratore",
      role: "comune_admin",
      organisationCode: COMUNE_CODE,
      password: options.admin.password,
    });
    logger.info("administrator created from ADMIN_EMAIL", { email: options.admin.email });
  }
}
