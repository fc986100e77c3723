// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import type {
  BilingualText,
  ConfiscatedUnitList,
  OpenDataIndex,
  OpenDataTable,
} from "../../domain/open-data/open-data-api.schema.ts";
import { OPEN_DATA_LICENCE } from "../../domain/open-data/open-data-csv.ts";
import { CATEGORY_LABELS } from "../../domain/open-data/open-data-labels.ts";
import {
  CONSENT_NOTE,
  publishOpenData,
  SUPPRESSION_MARKER,
  SUPPRESSION_NOTE,
} from "../../domain/open-data/open-data-tables.ts";
import { type OpenDataTallies, tallyOpenData } from "../../domain/open-data/open-data-tally.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import type { Database, Db, DbScope } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import {
  listAreaBPartnerRows,
  listConfiscatedUnitRows,
  listExitRows,
  listHousedRows,
  listReachedHouseholdRows,
  listReachedMemberRows,
  listRenovatedRows,
  listStockRows,
} from "./open-data.repository.ts";

/**
 * The scope the open data is read in, with nobody signed in: the whole programme (`sees: "all"`, as
 * the Comune's roles), no user, and the organisation id that matches no row. Households whose consent
 * to processing was withdrawn stay hidden (`seesWithdrawn` false), so they are counted nowhere.
 * `readOpenData` also makes the transaction read-only. Only aggregates leave it: the service publishes
 * counts through small-cell suppression, and of the confiscated units only what art. 48 asks.
 */
export const OPEN_DATA_SCOPE: DbScope = {
  organisationId: "00000000-0000-0000-0000-000000000000",
  userId: null,
  sees: "all",
  seesWithdrawn: false,
};

/** Run `fn` in the open-data scope, in a read-only transaction. */
export function readOpenData<T>(database: Database, fn: (db: Db) => Promise<T>): Promise<T> {
  return database.scoped(OPEN_DATA_SCOPE, async (db) => {
    await db.execute(sql`set transaction read only`);
    return fn(db);
  });
}

/** The exact counts on today's date: never published as they are (tests compare them with the tables). */
export async function tallyOpenDataOn(options: {
  database: Database;
  today: string;
}): Promise<OpenDataTallies> {
  const { database, today } = options;
  return readOpenData(database, async (db) => {
    const [households, members, partners, housed, exits, stock, renovated] = [
      await listReachedHouseholdRows(db),
      await listReachedMemberRows(db),
      await listAreaBPartnerRows(db),
      await listHousedRows(db),
      await listExitRows(db),
      await listStockRows(db),
      await listRenovatedRows(db),
    ];
    return tallyOpenData({ asOf: today, households, members, partners, housed, exits, stock, renovated });
  });
}

/** Every published table as of `now` (Milan's date). */
export async function listOpenDataTables(options: {
  database: Database;
  now: Date;
}): Promise<OpenDataTable[]> {
  return publishOpenData(await tallyOpenDataOn({ database: options.database, today: romeDate(options.now) }));
}

/** One published table by name. */
export async function getOpenDataTable(options: { database: Database; now: Date; name: string }) {
  const table = (await listOpenDataTables(options)).find((t) => t.name === options.name);
  if (table === undefined) throw new AppError("NOT_FOUND", `No open-data table named ${options.name}`);
  return table;
}

const text = (it: string, en: string): BilingualText => ({ it, en });
const CONFISCATED_TITLE = text("Beni confiscati in uso", "Confiscated properties in use");

/** Where the open data lives in the API. */
export const OPEN_DATA_PATH = "/open-data";
export const tablePath = (name: string) => `${OPEN_DATA_PATH}/tables/${name}`;
export const CONFISCATED_PATH = `${OPEN_DATA_PATH}/confiscated-units`;

/** The index: every table with its addresses, the rule of small counts, the licence. */
export async function openDataIndex(options: {
  database: Database;
  now: Date;
  apiBase: string;
}): Promise<OpenDataIndex> {
  const tables = await listOpenDataTables(options);
  return {
    asOf: romeDate(options.now),
    publisher: text(
      "Comune di Milano e enti del Terzo settore del programma CasaComune",
      "Comune di Milano and the Third-Sector partners of the CasaComune programme",
    ),
    licence: { ...OPEN_DATA_LICENCE },
    suppression: SUPPRESSION_NOTE,
    marker: SUPPRESSION_MARKER,
    consent: CONSENT_NOTE,
    tables: tables.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      subject: t.subject,
      smallCellRule: t.smallCellRule,
      hiddenCells: t.hiddenCells,
      json: `${options.apiBase}${tablePath(t.name)}`,
      csv: `${options.apiBase}${tablePath(t.name)}.csv`,
    })),
    confiscatedUnits: {
      title: CONFISCATED_TITLE,
      json: `${options.apiBase}${CONFISCATED_PATH}`,
      csv: `${options.apiBase}${CONFISCATED_PATH}.csv`,
    },
  };
}

const DESTINATION_OF: Record<UnitCategory, BilingualText> = {
  calmierato: text(
    `Housing sociale a ${CATEGORY_LABELS.calmierato.it.toLowerCase()}`,
    `Social housing at ${CATEGORY_LABELS.calmierato.en.toLowerCase()}`,
  ),
  calmierato_ridotto: text(
    `Housing sociale a ${CATEGORY_LABELS.calmierato_ridotto.it.toLowerCase()}`,
    `Social housing at ${CATEGORY_LABELS.calmierato_ridotto.en.toLowerCase()}`,
  ),
  fragilita: text(
    "Housing sociale per persone in condizione di fragilità, con accompagnamento socio-educativo",
    "Social housing for people in social fragility, with social-educational support",
  ),
};

/**
 * The confiscated units in use (D.Lgs. 159/2011 art. 48: the list of confiscated properties the
 * Comune holds, with their destination and who manages them). No street address and nothing about
 * the household living there: with so few units, either would point at a person.
 */
export async function listConfiscatedUnits(options: {
  database: Database;
  now: Date;
}): Promise<ConfiscatedUnitList> {
  const rows = await readOpenData(options.database, listConfiscatedUnitRows);
  return {
    asOf: romeDate(options.now),
    title: CONFISCATED_TITLE,
    legalBasis: text(
      "Elenco dei beni confiscati alla criminalità organizzata trasferiti al Comune e destinati al programma (D.Lgs. 159/2011, art. 48): identificativo, consistenza, destinazione e ente concessionario.",
      "List of the properties confiscated from organised crime, transferred to the Comune and destined to the programme (Legislative Decree 159/2011, art. 48): identifier, size, destination and the organisation they are granted to.",
    ),
    privacy: text(
      "Non sono pubblicati l'indirizzo né alcun dato del nucleo che vi abita: con così pochi alloggi, permetterebbero di riconoscere le persone.",
      "Neither the street address nor anything about the household living there is published: with so few units, either would let someone recognise the people.",
    ),
    units: rows.map((u) => {
      const category = u.category as UnitCategory;
      return { ...u, category, destination: DESTINATION_OF[category] };
    }),
  };
}
