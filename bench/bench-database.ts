// SPDX-License-Identifier: EUPL-1.2
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import pg from "pg";
import { DEMO_ORGANISATIONS } from "../src/domain/demo/demo-programme.ts";
import { type Actor, createUser } from "../src/server/auth/auth.service.ts";
import {
  type Database,
  type DatabaseKind,
  type Db,
  openPglite,
  openPostgres,
  PGLITE_PARSERS,
  wrapPglite,
} from "../src/server/db/client.ts";
import { readEnv } from "../src/server/env.ts";
import { scopeOfActor } from "../src/server/http.ts";
import {
  findOrganisationByCode,
  insertOrganisations,
} from "../src/server/organisations/organisations.repository.ts";

/** Run `fn` as a request would: a transaction as the application role, scoped to `actor`. */
export function asActorIn<T>(bench: BenchDatabase, actor: Actor, fn: (db: Db) => Promise<T>): Promise<T> {
  return bench.database.scoped(scopeOfActor(actor), fn);
}

/** A migrated database holding the demo organisations, and the accounts the bench acts as. */
export type BenchDatabase = {
  kind: DatabaseKind;
  database: Database;
  /** The connection URL of the bench database; null for PGlite. */
  url: string | null;
  /** A Comune administrator: sees and imports the whole programme. */
  admin: Actor;
  /** An Area B manager of ETS-B1: sees only the units its organisation manages. */
  partnerManager: Actor;
  /** Empty the unit tables, keeping organisations and accounts. */
  clearUnits(): Promise<void>;
  close(): Promise<void>;
};

export type BenchOptions = {
  /** Add the indexes proposed by the bench report on top of the migrations (a what-if run). */
  proposedIndexes: boolean;
};

/**
 * A what-if the bench can measure (`--proposed-indexes`), not in `migrations/`: a trigram index on the
 * stored search column, so `q` (a `like '%…%'` on `search_text`) can use an index instead of a scan.
 * It makes searches faster and bulk imports slower; the figures decide.
 */
export const PROPOSED_INDEXES = [
  "create extension if not exists pg_trgm",
  "create index units_search_trgm_idx on units using gin (search_text gin_trgm_ops)",
] as const;

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test";
// Fast hashing: the bench measures units, not logins.
const PASSWORD_COST = 2 ** 10;

async function actorFor(
  database: Database,
  account: { email: string; name: string; role: Actor["role"]; organisationCode: string },
): Promise<Actor> {
  const userId = await createUser({
    db: database.db,
    ...account,
    password: "bench-password-not-secret",
    cost: PASSWORD_COST,
  });
  const organisation = await findOrganisationByCode(database.db, account.organisationCode);
  if (organisation === null) throw new Error(`No organisation ${account.organisationCode}`);
  return {
    userId,
    email: account.email,
    name: account.name,
    role: account.role,
    organisationId: organisation.id,
    organisationCode: organisation.code,
    organisationName: organisation.name,
    householdId: null,
  };
}

async function prepare(options: {
  kind: DatabaseKind;
  database: Database;
  url: string | null;
  bench: BenchOptions;
  dropDatabase: () => Promise<void>;
}): Promise<BenchDatabase> {
  const { kind, database, url, bench, dropDatabase } = options;
  // Idempotent: an interrupted run and the normal path may both close.
  let closing: Promise<void> | null = null;
  await database.migrate();
  if (bench.proposedIndexes) {
    for (const statement of PROPOSED_INDEXES) await database.db.execute(sql.raw(statement));
  }
  await insertOrganisations(database.db, [...DEMO_ORGANISATIONS]);
  const admin = await actorFor(database, {
    email: "amministratrice.bench@demo.casacomune.example",
    name: "Amministratrice Bench",
    role: "comune_admin",
    organisationCode: "COMUNE-MI",
  });
  const partnerManager = await actorFor(database, {
    email: "gestore.bench@demo.casacomune.example",
    name: "Gestore Bench",
    role: "area_b_manager",
    organisationCode: "ETS-B1",
  });
  return {
    kind,
    database,
    url,
    admin,
    partnerManager,
    clearUnits: async () => {
      await database.db.execute(sql`truncate unit_events, units, buildings cascade`);
    },
    close: () => {
      closing ??= database.close().then(dropDatabase);
      return closing;
    },
  };
}

/** A fresh in-memory PGlite, opened as the app opens it (plus pg_trgm for the what-if run). */
export async function openBenchPglite(bench: BenchOptions): Promise<BenchDatabase> {
  const database = bench.proposedIndexes
    ? wrapPglite(await PGlite.create({ parsers: PGLITE_PARSERS, extensions: { pg_trgm } }))
    : await openPglite(null);
  return prepare({ kind: "pglite", database, url: null, bench, dropDatabase: async () => {} });
}

/**
 * A fresh PostgreSQL database next to the one in DATABASE_URL (or the local `test` database),
 * dropped again by `close()`.
 */
export async function openBenchPostgres(bench: BenchOptions): Promise<BenchDatabase> {
  const adminUrl = readEnv().databaseUrl ?? DEFAULT_ADMIN_URL;
  const name = `casacomune_bench_${process.pid}`;
  const benchUrl = new URL(adminUrl);
  benchUrl.pathname = `/${name}`;
  const runAdmin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const dropDatabase = () => runAdmin(`drop database if exists ${name} with (force)`);
  await dropDatabase();
  await runAdmin(`create database ${name}`);
  const database = await openPostgres(benchUrl.toString()).catch(async (e: unknown) => {
    await dropDatabase();
    throw e;
  });
  try {
    return await prepare({ kind: "postgresql", database, url: benchUrl.toString(), bench, dropDatabase });
  } catch (e) {
    await database.close();
    await dropDatabase();
    throw e;
  }
}

/** Update the planner statistics, as autovacuum soon does on PostgreSQL after a large import. */
export async function analyse(bench: BenchDatabase) {
  await bench.database.db.execute(sql`analyze`);
}
