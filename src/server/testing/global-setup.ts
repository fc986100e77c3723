// SPDX-License-Identifier: EUPL-1.2

import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/client.ts";
import { adminQuery, templateDatabaseName, testServerUrl, urlForDatabase } from "./test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    /** The PostgreSQL suite's migrated template database ("" on PGlite). */
    pgTemplate: string;
  }
}

/** Migrate once; every test file then starts from a copy of this database. */
export default async function setup(project: TestProject) {
  const serverUrl = testServerUrl();
  if (serverUrl !== null) {
    const templateName = templateDatabaseName(randomBytes(4).toString("hex"));
    await adminQuery(serverUrl, `create database ${templateName}`);
    const template = await openPostgres(urlForDatabase(serverUrl, templateName), { max: 1 });
    await template.migrate();
    await template.close();
    project.provide("pgliteDump", "");
    project.provide("pgTemplate", templateName);
    return async () => adminQuery(serverUrl, `drop database if exists ${templateName}`);
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
  project.provide("pgTemplate", "");
  return async () => rm(dir, { recursive: true, force: true });
}
