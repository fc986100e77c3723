// SPDX-License-Identifier: EUPL-1.2
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPostgres, PGLITE_PARSERS, wrapPglite } from "../db/client.ts";

/** The PostgreSQL server of the PostgreSQL suite; unset means the suite runs on PGlite. */
export const testServerUrl = (): string | null => process.env.TEST_DATABASE_URL ?? null;

/**
 * The migrated template of one suite run; the run's id in the name keeps two runs on the same server
 * (two checkouts, two terminals) from dropping each other's template.
 */
export const templateDatabaseName = (runId: string) => `casacomune_test_template_${runId}`;

export function urlForDatabase(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Run one admin statement (create/drop database) on the server's default database. */
export async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the dump that the global setup
 * made, or a PostgreSQL database copied from the migrated template.
 */
export async function openTestDatabase(dumpPath: string): Promise<Database> {
  const serverUrl = testServerUrl();
  if (serverUrl === null) {
    const dump = new Blob([await readFile(dumpPath)]);
    const client = await PGlite.create({ loadDataDir: dump, parsers: PGLITE_PARSERS });
    return wrapPglite(client);
  }
  const name = `casacomune_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name} template ${inject("pgTemplate")}`);
  // A test database is thrown away after its file: its commits need not wait for the disk.
  await adminQuery(serverUrl, `alter database ${name} set synchronous_commit = off`);
  const database = await openPostgres(urlForDatabase(serverUrl, name), { max: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name}`);
    },
  };
}
