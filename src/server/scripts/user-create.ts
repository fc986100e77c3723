// SPDX-License-Identifier: EUPL-1.2
import path from "node:path";
import { parseArgs } from "node:util";
import { ROLES } from "../../domain/auth/roles.ts";
import { createUser } from "../auth/auth.service.ts";
import { openPglite, openPostgres } from "../db/client.ts";
import { readEnv } from "../env.ts";
import { AppError } from "../errors.ts";

const usage = `Usage: npm run user:create -- --email E --name "N" --role R --organisation CODE [--fiscal-code CF]
The password is read from the environment variable NEW_USER_PASSWORD (at least 12 characters).
--fiscal-code: the holder's codice fiscale (16 characters), to sign in with SPID/CIE as well.
Roles: ${ROLES.join(", ")}`;

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "comune_admin" },
    organisation: { type: "string", default: "COMUNE-MI" },
    "fiscal-code": { type: "string" },
  },
});
const password = process.env.NEW_USER_PASSWORD;
if (!values.email || !values.name || !password) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

const env = readEnv();
const database = env.databaseUrl
  ? await openPostgres(env.databaseUrl)
  : await openPglite(path.join(env.dataDir, "pglite"));
try {
  await database.migrate();
  await createUser({
    db: database.db,
    email: values.email,
    name: values.name,
    role: values.role,
    organisationCode: values.organisation,
    password,
    fiscalCode: values["fiscal-code"],
  });
  process.stdout.write(`Account ${values.email} (${values.role}) created.\n`);
} catch (e) {
  if (!(e instanceof AppError)) throw e;
  process.stderr.write(`${e.errors.map((i) => `${i.path}: ${i.message}`).join("\n") || e.message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
