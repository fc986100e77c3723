// SPDX-License-Identifier: EUPL-1.2
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { formatChainHead, parseChainHead } from "../../domain/audit/audit-chain.ts";
import { verifyAuditTrail } from "../audit/audit.service.ts";
import { type Database, openPglite, openPostgres } from "../db/client.ts";
import { readEnv } from "../env.ts";

const usage = `Usage: npm run audit:verify [-- --expect-head <seq>:<hash>]
Verifies the whole audit trail as the database owner and prints its head, to keep outside the
database. --expect-head: a head printed earlier, which the trail must still hold unchanged.
With PGlite (no DATABASE_URL), stop the server first: one process at a time opens its files.
Exit code: 0 the trail holds, 1 it is broken, 2 wrong usage or the trail could not be read.`;

export type Output = { out: (line: string) => void; err: (line: string) => void };

/** The command: verify the trail in one snapshot, print the outcome; returns the exit code. */
export async function auditVerifyMain(database: Database, args: string[], output: Output): Promise<number> {
  let expectHead: string | undefined;
  try {
    expectHead = parseArgs({ args, options: { "expect-head": { type: "string" } } }).values["expect-head"];
  } catch (e) {
    output.err(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const anchor = expectHead === undefined ? null : parseChainHead(expectHead);
  if (expectHead !== undefined && anchor === null) {
    output.err(`--expect-head must be <seq>:<hash> as this command prints it, not "${expectHead}"\n${usage}`);
    return 2;
  }
  // One snapshot: records written meanwhile by a running server must not look like a break.
  const result = await database.db.transaction((tx) => verifyAuditTrail(tx, { anchor }), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
  output.out(`Audit trail: ${result.records} records.`);
  output.out(result.head ? `Head: seq ${result.head.seq}, hash ${result.head.hash}` : "Head: missing");
  if (result.broken !== null || result.head === null) {
    const broken = result.broken ?? { seq: 0, reason: "the chain head is missing" };
    output.err(`BROKEN at record ${broken.seq}: ${broken.reason}`);
    return 1;
  }
  output.out(
    anchor === null
      ? "The chain holds."
      : `The chain holds and still contains record ${anchor.seq} as anchored.`,
  );
  output.out(`Anchor to keep outside the database: ${formatChainHead(result.head)}`);
  return 0;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isEntryPoint) {
  const env = readEnv();
  const database = env.databaseUrl
    ? await openPostgres(env.databaseUrl)
    : await openPglite(path.join(env.dataDir, "pglite"));
  try {
    process.exitCode = await auditVerifyMain(database, process.argv.slice(2), {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (e) {
    // drizzle wraps the driver's error: its message says what went wrong (a missing table…).
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    process.stderr.write(`The audit trail could not be read: ${cause}\n`);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}
