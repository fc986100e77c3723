// SPDX-License-Identifier: EUPL-1.2
import { expect } from "vitest";
import type { OpenDataTable } from "../../domain/open-data/open-data-api.schema.ts";
import { attackOpenData } from "../../domain/open-data/recovery-attack.ts";
import { isSmallCount } from "../../domain/open-data/suppression.ts";
import type { Db } from "../db/client.ts";
import {
  householdExits,
  householdFollowUps,
  householdMembers,
  households,
  tenancies,
  units,
} from "../db/schema.ts";
import { listOrganisations } from "../organisations/organisations.repository.ts";

/*
 * Fixtures of the open-data tests: households reached, housed and exited in the numbers an adversarial
 * case needs, written straight into the database (hundreds at a time). Fictional people only: no
 * names, fiscal codes of the test birthplace X999.
 */

/** The tests' "today": ages count from it. */
export const TODAY = "2026-11-22";

export type Person = { sex: "F" | "M" | "X"; age: number; citizenship?: string };
export type HouseholdSpec = {
  members: readonly Person[];
  targetGroup?: string;
  category?: string;
  status?: string;
  partnerCode?: string;
};

let serial = 0;

/** Insert households taken on by a partner (status waiting unless told), with their members; their ids. */
export async function insertHouseholds(db: Db, specs: readonly HouseholdSpec[]): Promise<string[]> {
  const orgs = new Map((await listOrganisations(db)).map((o) => [o.code, o.id]));
  const rows = specs.map((s) => {
    serial += 1;
    return {
      reference: `NUC-TEST-${String(serial).padStart(6, "0")}`,
      managingPartnerId: orgs.get(s.partnerCode ?? "ETS-B1") ?? null,
      referringOrganisationId: orgs.get("COMUNE-MI") as string,
      targetGroup: s.targetGroup ?? "famiglia",
      category: s.category ?? "calmierato",
      priority: {},
      housingSituation: "eviction",
      status: s.status ?? "waiting",
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db
      .insert(households)
      .values(rows.slice(i, i + 200))
      .returning({ id: households.id });
    ids.push(...inserted.map((r) => r.id));
  }
  const members = specs.flatMap((s, h) =>
    s.members.map((m, position) => ({
      householdId: ids[h] as string,
      position,
      givenName: "Persona",
      familyName: "Fittizia",
      fiscalCode: `TSTFTZ${String(serial * 10 + position).padStart(5, "0")}X999`,
      birthDate: `${Number(TODAY.slice(0, 4)) - m.age}-01-01`,
      sex: m.sex,
      citizenship: m.citizenship ?? "IT",
      relationship: position === 0 ? "head" : "child",
    })),
  );
  for (let i = 0; i < members.length; i += 500)
    await db.insert(householdMembers).values(members.slice(i, i + 500));
  return ids;
}

/** `n` households of one adult each, alike. */
export const alike = (
  n: number,
  person: Person,
  rest: Omit<HouseholdSpec, "members"> = {},
): HouseholdSpec[] => Array.from({ length: n }, () => ({ members: [person], ...rest }));

/** A let unit in `municipio` (or a hinterland town when null) and an active tenancy for the household. */
export async function house(
  db: Db,
  householdId: string,
  where: { municipio: number | null; category: string },
) {
  serial += 1;
  const [unit] = await db
    .insert(units)
    .values({
      code: `OD-${String(serial).padStart(6, "0")}`,
      address: `Via Fittizia dei Dati Aperti ${serial}`,
      town: where.municipio === null ? "Sesto San Giovanni" : "Milano",
      municipio: where.municipio,
      floor: 1,
      lift: true,
      surfaceM2: 55,
      rooms: 3,
      bedrooms: 2,
      stepFree: false,
      wheelchairAdapted: false,
      origin: where.municipio === null ? "hinterland" : "municipal",
      category: where.category,
      condition: "good",
      status: "let",
    })
    .returning({ id: units.id });
  await db.insert(tenancies).values({
    unitId: unit?.id as string,
    householdId,
    status: "active",
    contractType: where.category === "fragilita" ? "ospitalita" : where.category,
    startOn: "2026-02-01",
  });
}

/** The household left on 2026-03-01 for `destination`; `situations` found at 6, 12, 24 months. */
export async function exit(
  db: Db,
  householdId: string,
  destination: string,
  situations: (string | null)[] = [],
) {
  const [row] = await db
    .insert(householdExits)
    .values({ householdId, date: "2026-03-01", planned: true, destination })
    .returning({ id: householdExits.id });
  const due = [
    [6, "2026-09-01"],
    [12, "2027-03-01"],
    [24, "2028-03-01"],
  ] as const;
  await db.insert(householdFollowUps).values(
    due.map(([months, dueDate], i) => ({
      exitId: row?.id as string,
      householdId,
      months,
      dueDate,
      situation: situations[i] ?? null,
      contactedOn: situations[i] ? TODAY : null,
    })),
  );
}

/** Every published value of the tables under the small-cell rule: never 1 to 9. */
export function publishedSmallCounts(tables: readonly OpenDataTable[]): string[] {
  return tables
    .filter((t) => t.smallCellRule)
    .flatMap((t) =>
      [...t.rows, t.totals].flatMap((r) => {
        const counts = [...r.cells.filter((_, j) => t.columns[j]?.measure === "count"), r.total ?? null];
        return counts
          .filter((v): v is number => v !== null && isSmallCount(v))
          .map((v) => `${t.name} ${r.key}: ${v}`);
      }),
    );
}

/** The recovery attack over every published table: nothing disclosed, and something hidden to attack. */
export async function expectAttackFails(
  tables: readonly OpenDataTable[],
  options: { minHidden?: number } = {},
) {
  const { attacked, disclosed } = await attackOpenData(tables);
  expect(disclosed).toEqual([]);
  expect(attacked).toBeGreaterThanOrEqual(options.minHidden ?? 1);
}
