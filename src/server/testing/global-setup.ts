// SPDX-License-Identifier: EUPL-1.2
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/client.ts";
import { adminQuery, TEMPLATE_DATABASE, testServerUrl, urlForDatabase } from "./test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

/** Migrate once; every test file then starts from a copy of this database. */
export default async function setup(project: TestProject) {
  const serverUrl = testServerUrl();
  if (serverUrl !== null) {
    await adminQuery(serverUrl, `drop database if exists ${TEMPLATE_DATABASE}`);
    await adminQuery(serverUrl, `create database ${TEMPLATE_DATABASE}`);
    const template = await openPostgres(urlForDatabase(serverUrl, TEMPLATE_DATABASE), { max: 1 });
    await template.migrate();
    await template.close();
    project.provide("pgliteDump", "");
    return async () => adminQuery(serverUrl, `drop database if exists ${TEMPLATE_DATABASE}`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "casacomune-test-"));
  const database = await openPglite(null);
  await database.migrate();
  if (database.pglite === null) throw new Error("an in-memory database must be PGlite");
  const dump = await database.pglite.dumpDataDir("none");
  const dumpPath = path.join(dir, "migrated.tar");
  await writeFile(dumpPath, new Uint8Array(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteDump", dumpPath);
  return async () => rm(dir, { recursive: true, force: true });
}
