// SPDX-License-Identifier: EUPL-1.2
import { type SQL, sql } from "drizzle-orm";
import { APP_ROLE, type Db } from "../db/client.ts";

/** The rows of a raw query; both drivers answer with `{ rows }`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Tables derived by a trigger from another's rows, without a foreign key to it (a key checked per
 * derived row would double the trigger's cost): they hold what their source holds.
 */
const DERIVED_TABLES: readonly { from: string; to: string }[] = [{ from: "unit_status_spans", to: "units" }];

/**
 * The tables of schema public that hold an organisation's rows: every table with a foreign key to
 * `organisations`, then, to a fixed point, every table with a foreign key to one of those (or derived
 * from one, `DERIVED_TABLES`). Read from the catalogue, so a table added later with a key is
 * included without anyone listing it.
 */
export async function partnerTables(db: Db): Promise<string[]> {
  const keys = await rowsOf<{ from: string; to: string }>(
    db,
    sql`select src.relname as "from", dst.relname as "to"
        from pg_constraint c
        join pg_class src on src.oid = c.conrelid
        join pg_class dst on dst.oid = c.confrelid
        join pg_namespace n on n.oid = src.relnamespace
        where c.contype = 'f' and n.nspname = 'public' and dst.relnamespace = n.oid`,
  );
  const edges = [...keys, ...DERIVED_TABLES];
  const reached = new Set(["organisations"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { from, to } of edges) {
      if (reached.has(to) && !reached.has(from)) {
        reached.add(from);
        grew = true;
      }
    }
  }
  reached.delete("organisations");
  return [...reached].sort();
}

export type TableSecurity = { table: string; rowSecurity: boolean; forced: boolean; policies: number };

/** Row-level security of every ordinary or partitioned table of schema public. */
export async function tableSecurity(db: Db): Promise<TableSecurity[]> {
  return rowsOf<TableSecurity>(
    db,
    sql`select c.relname as "table", c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forced",
          (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname)
            as "policies"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by c.relname`,
  );
}

/**
 * Run `fn` in a transaction as the application role with no request scope set: what a request would
 * get if it forgot to say who is asking. The transaction is the caller's own (`db` is the owner's).
 */
export function asBareAppRole<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    return fn(tx);
  });
}

/** The SQLSTATE and message of a database error, under drizzle's wrapping (`cause`). */
export function databaseErrorOf(e: unknown): { code: string; message: string } | null {
  for (let error = e; typeof error === "object" && error !== null; ) {
    const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return { code, message: String(message) };
    error = cause;
  }
  return null;
}

/**
 * What a database attempt came to: what it resolved with, or the SQLSTATE and message of the error
 * that refused it.
 */
export async function outcomeOf(attempt: Promise<string>): Promise<string> {
  try {
    return await attempt;
  } catch (e) {
    const error = databaseErrorOf(e);
    if (error === null) throw e;
    return `${error.code} ${error.message}`;
  }
}

/** How the database answered a statement expected to be refused: the refusal, or `accepted`. */
export const refusalOf = (attempt: Promise<unknown>) => outcomeOf(attempt.then(() => "accepted"));

/**
 * An INSERT of a copy of `row` (as read by the owner with `to_jsonb`) into `table`, with `changes`
 * applied; generated and always-identity columns are left to their defaults.
 */
export async function copyRowInsert(
  ownerDb: Db,
  table: string,
  row: Record<string, unknown>,
  changes: Record<string, unknown> = {},
): Promise<SQL> {
  const columns = await rowsOf<{ name: string }>(
    ownerDb,
    sql`select attname as "name" from pg_attribute
        where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped
          and attgenerated = '' and attidentity <> 'a'
        order by attnum`,
  );
  const list = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const record = JSON.stringify({ ...row, ...changes });
  return sql`insert into ${sql.identifier(table)} (${list})
    select ${list} from jsonb_populate_record(null::${sql.identifier(table)}, ${record}::jsonb)`;
}

/** One row of `table` as the owner reads it, keyed by column name. */
export async function anyRowOf(ownerDb: Db, table: string, where: SQL = sql`true`) {
  const [row] = await rowsOf<{ row: Record<string, unknown> }>(
    ownerDb,
    sql`select to_jsonb(t) as "row" from ${sql.identifier(table)} t where ${where} limit 1`,
  );
  if (row === undefined) throw new Error(`no row in ${table} to copy`);
  return row.row;
}
