// SPDX-License-Identifier: EUPL-1.2
import { asc, eq } from "drizzle-orm";
import type { Organisation } from "../../domain/organisations/organisation.schema.ts";
import type { Db } from "../db/client.ts";
import { organisations } from "../db/schema.ts";

const columns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  kind: organisations.kind,
  area: organisations.area,
  categories: organisations.categories,
};

const toOrganisation = (
  row: { kind: string; area: string | null; categories: string[] } & Record<string, unknown>,
) => row as unknown as Organisation;

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.select(columns).from(organisations).orderBy(asc(organisations.code));
  return rows.map(toOrganisation);
}

export async function findOrganisationByCode(db: Db, code: string): Promise<Organisation | null> {
  const [row] = await db
    .select(columns)
    .from(organisations)
    .where(eq(organisations.code, code.toUpperCase()));
  return row ? toOrganisation(row) : null;
}

export async function insertOrganisations(db: Db, rows: Omit<Organisation, "id">[]) {
  if (rows.length === 0) return;
  await db.insert(organisations).values(rows.map((r) => ({ ...r, categories: [...r.categories] })));
}
