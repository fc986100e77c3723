// SPDX-License-Identifier: EUPL-1.2

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Transaction } from "@electric-sql/pglite";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { APP_ROLE, type Db } from "./client.ts";

/** A value as COPY's text format writes it: `\N` for null, booleans as `t`/`f`, text escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c)
    : text;
}

/** Rows in COPY's text format: one line each, tab-separated, in chunks of at most `rowsPerChunk` rows. */
function* copyChunks(rows: readonly (readonly unknown[])[], rowsPerChunk = 5000) {
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    let chunk = "";
    for (const row of rows.slice(start, start + rowsPerChunk)) chunk += `${row.map(copyText).join("\t")}\n`;
    yield chunk;
  }
}

/** The driver's connection under a drizzle transaction: a pg client, or PGlite's transaction. */
function connectionOf(db: Db): { pg: pg.Client } | { pglite: Transaction } {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Client) return { pg: client };
  if (client !== null && typeof client === "object" && "query" in client && "rollback" in client)
    return { pglite: client as Transaction };
  throw new Error("bulk copy needs a transaction of the pg driver or of PGlite");
}

/**
 * Fill `columns` of the temporary `table` (created in this transaction) with `rows` through COPY, the
 * fastest way into PostgreSQL: 100,000 units in 0.2 s on PostgreSQL and 1 s on PGlite, against
 * 2.4 s and 4 s as one JSON or array parameter read back with `json_to_recordset` or `unnest`.
 * A table under row-level security cannot be copied into: copy into a temporary table, then insert
 * from it, where the policies apply.
 */
export async function copyRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
) {
  if (rows.length === 0) return;
  const statement = `copy ${table} (${columns.join(", ")}) from`;
  const connection = connectionOf(db);
  if ("pg" in connection) {
    const stream = connection.pg.query(copyStreams.from(`${statement} stdin`));
    await pipeline(Readable.from(copyChunks(rows)), stream);
    return;
  }
  // PGlite reads COPY's input from a blob as from a server file, which only a superuser may read. Its
  // one session is the superuser; a request's transaction sets the application role (`enterScope`).
  // There the copy into the temporary table runs as the session, then the role is set again (a
  // failed copy aborts the transaction, whose end restores the role).
  const tx = connection.pglite;
  const { rows: who } = await tx.query<{ role: string }>("select current_user as role");
  const asApp = who[0]?.role === APP_ROLE;
  if (asApp) await tx.query("set local role none");
  await tx.query(`${statement} '/dev/blob'`, [], { blob: new Blob([...copyChunks(rows)]) });
  if (asApp) await tx.query(`set local role ${APP_ROLE}`);
}
