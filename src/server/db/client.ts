// SPDX-License-Identifier: EUPL-1.2
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** A drizzle database or transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgresql";

/**
 * Whose request a transaction serves, for the row-level security policies (`migrations/0002`):
 * `sees: "all"` for the Comune's roles and the sign-in machinery, `"organisation"` for a partner's
 * roles, which then see only their organisation's rows.
 */
export type DbScope = {
  organisationId: string;
  userId: string | null;
  sees: "all" | "organisation" | "tenant";
  /** A tenant's household (with `sees: "tenant"`): the only tenancy, ledger and tickets it reads. */
  householdId?: string | null;
  /** Also sees households whose consent to processing was withdrawn: the data-protection role only. */
  seesWithdrawn?: boolean;
};

/** The role requests run as: owns nothing, cannot bypass row-level security. */
export const APP_ROLE = "casacomune_app";

export type Database = {
  /** The owner's connection: migrations, seeding, command-line scripts and test fixtures only. */
  db: Db;
  kind: DatabaseKind;
  /**
   * Run `fn` in one transaction as the application role with `scope` set for the row-level
   * policies. Every request's database work goes through here.
   */
  scoped<T>(scope: DbScope, fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Run the read-only `tasks` of a request whose transaction is `db` (opened by `scoped(scope)`),
   * and return their results in order. On PostgreSQL they run at once on other connections, each
   * a read-only transaction of the application role with `scope` that sees exactly `db`'s snapshot
   * (exported and imported), at most `parallelReads` at a time: a long read, such as the dashboard,
   * uses the server's cores. On PGlite, one engine, they run one after the other in `db`.
   */
  alongside<T>(db: Db, scope: DbScope, tasks: readonly ((db: Db) => Promise<T>)[]): Promise<T[]>;
  /** The embedded engine, when the database is PGlite (for dumps in tests and benchmarks). */
  pglite: PGlite | null;
  /** Apply the committed SQL migrations in `migrations/`. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../../migrations", import.meta.url));

// PostgreSQL returns bigint and numeric as strings by default; counts and surfaces fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Set `scope` for the row-level policies until the transaction of `tx` ends. */
async function enterScope(tx: Db, scope: DbScope) {
  // A no-op on PostgreSQL, where the pool already connects as the role; on PGlite (one superuser
  // session) it is what makes the policies apply, until the transaction ends.
  await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
  await tx.execute(
    sql`select set_config('app.org', ${scope.organisationId}, true), set_config('app.user', ${scope.userId ?? ""}, true), set_config('app.scope', ${scope.sees}, true), set_config('app.withdrawn', ${scope.seesWithdrawn ? "visible" : "hidden"}, true), set_config('app.household', ${scope.householdId ?? ""}, true)`,
  );
}

function scopedRunner(appDb: Db) {
  return <T>(scope: DbScope, fn: (db: Db) => Promise<T>): Promise<T> =>
    appDb.transaction(async (tx) => {
      await enterScope(tx, scope);
      return fn(tx);
    });
}

/**
 * Runs independent read-only statements of a request, as `Database.alongside` does (at once on
 * PostgreSQL, in the request's snapshot), bound to the request's transaction and scope.
 */
export type Alongside = <T>(tasks: readonly ((db: Db) => Promise<T>)[]) => Promise<T[]>;

/**
 * Reads of one transaction one after the other, their results in order. A connection runs one
 * statement at a time: `Promise.all` on it only queued them in the driver (which pg 9 will refuse).
 */
export async function inOrder<const T extends readonly (() => Promise<unknown>)[]>(
  reads: T,
): Promise<{ -readonly [K in keyof T]: T[K] extends () => Promise<infer R> ? R : never }> {
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as { -readonly [K in keyof T]: T[K] extends () => Promise<infer R> ? R : never };
}

/** Two reads of different types `alongside`, their results in order. */
export async function alongsidePair<A, B>(
  alongside: Alongside,
  first: (db: Db) => Promise<A>,
  second: (db: Db) => Promise<B>,
): Promise<[A, B]> {
  const [a, b] = await alongside<A | B>([first, second]);
  return [a as A, b as B];
}

/** `tasks` one after the other in `db` (PGlite's one engine, or one transaction's connection). */
export function inTurn<T>(db: Db, tasks: readonly ((db: Db) => Promise<T>)[]): Promise<T[]> {
  return inOrder(tasks.map((task) => () => task(db)));
}

/** A snapshot's identifier as `pg_export_snapshot()` returns it (it cannot be a query parameter). */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/;

/** `Database.alongside` on PostgreSQL, over `readPool` (the application role's, kept small). */
function alongsideRunner(readPool: pg.Pool) {
  return async <T>(db: Db, scope: DbScope, tasks: readonly ((db: Db) => Promise<T>)[]): Promise<T[]> => {
    if (tasks.length <= 1) return inTurn(db, tasks);
    const exported = await db.execute(sql`select pg_export_snapshot() as snapshot`);
    const snapshot = String((exported as unknown as { rows: { snapshot: string }[] }).rows[0]?.snapshot);
    if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`unexpected snapshot identifier ${snapshot}`);
    const results = new Array<T>(tasks.length);
    let next = 0;
    const worker = async () => {
      const client = await readPool.connect();
      try {
        await client.query("begin isolation level repeatable read read only");
        await client.query(`set transaction snapshot '${snapshot}'`);
        const tx = drizzlePg(client, { schema }) as unknown as Db;
        await enterScope(tx, scope);
        for (let i = next++; i < tasks.length; i = next++)
          results[i] = await (tasks[i] as (db: Db) => Promise<T>)(tx);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: Math.min(readPool.options.max, tasks.length) }, worker));
    return results;
  };
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    scoped: scopedRunner(db),
    alongside: (db, _scope, tasks) => inTurn(db, tasks),
    pglite: client,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

/** Open PGlite under `dataDir` (created if missing), or in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? undefined, { parsers: PGLITE_PARSERS });
  return wrapPglite(client);
}

/** PGlite parses like the pg driver above, so both return the same JavaScript values. */
export const PGLITE_PARSERS = {
  20: (v: string) => Number(v),
  1700: (v: string) => Number(v),
};

/**
 * The application role's connection URL when none is configured: the owner's URL with the role's
 * name and no password (enough where the server trusts local connections; elsewhere set
 * `DATABASE_APP_URL` with the password the database administrator gave the role).
 */
export function appRoleUrl(ownerUrl: string) {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = "";
  return url.toString();
}

/**
 * PostgreSQL: three pools, the owner's (`url`, for migrations and scripts; kept small), the
 * application role's (`appUrl`), which serves requests, and the role's `parallelReads` connections
 * for the reads a request runs `alongside` (default 2, a small server's cores).
 */
export async function openPostgres(
  url: string,
  options: { max?: number; appUrl?: string | null; parallelReads?: number } = {},
): Promise<Database> {
  const { max = 10, appUrl = null, parallelReads = 2 } = options;
  const pool = new pg.Pool({ connectionString: url, max: Math.min(max, 4) });
  await pool.query("select 1");
  // Connects lazily: the role exists once the migrations have run.
  const appPool = new pg.Pool({ connectionString: appUrl ?? appRoleUrl(url), max });
  const readPool = new pg.Pool({ connectionString: appUrl ?? appRoleUrl(url), max: parallelReads });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgresql",
    scoped: scopedRunner(drizzlePg(appPool, { schema }) as unknown as Db),
    alongside: alongsideRunner(readPool),
    pglite: null,
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await readPool.end();
      await appPool.end();
      await pool.end();
    },
  };
}
