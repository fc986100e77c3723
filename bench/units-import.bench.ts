// SPDX-License-Identifier: EUPL-1.2
import { performance } from "node:perf_hooks";
import { readSpreadsheet } from "../src/server/shared/spreadsheet.ts";
import {
  type ImportResult,
  importUnits,
  refreshStatisticsAfterImport,
} from "../src/server/units/units.service.ts";
import { asActorIn, type BenchDatabase } from "./bench-database.ts";

/** One import, from the file bytes to committed rows, split at the service's progress phases. */
export type ImportFigures = {
  /** Bytes to rows: UTF-8 decoding and CSV parsing, or unzipping and reading the XLSX sheet. */
  parseMs: number;
  /** Rows to validated units: cell conversion, the zod schema, partner rules, lookup of existing codes. */
  validateMs: number;
  /** The transaction: buildings, unit inserts or updates, and their history events. */
  writeMs: number;
  totalMs: number;
  result: ImportResult;
};

/** Import a CSV or XLSX file as the import route does: `readSpreadsheet`, then `importUnits`. */
export async function importFile(bench: BenchDatabase, bytes: Uint8Array): Promise<ImportFigures> {
  const start = performance.now();
  const rows = await readSpreadsheet(bytes);
  const parsed = performance.now();
  let validated = parsed;
  const actor = bench.admin;
  const result = await asActorIn(bench, actor, (db) =>
    importUnits({
      db,
      actor,
      rows,
      onProgress: (p) => {
        if (p.phase === "validated") validated = performance.now();
      },
    }),
  );
  // The route refreshes the planner's statistics after a large import, as the owner: so does the bench.
  await refreshStatisticsAfterImport(bench.database.db, result);
  const written = performance.now();
  return {
    parseMs: parsed - start,
    validateMs: validated - parsed,
    writeMs: written - validated,
    totalMs: written - start,
    result,
  };
}

/** One line per import: total and phases, and what it did. */
export function describeImport(label: string, f: ImportFigures): string {
  const r = f.result;
  return (
    `${label}: ${Math.round(f.totalMs)} ms ` +
    `(parse ${Math.round(f.parseMs)}, validate ${Math.round(f.validateMs)}, write ${Math.round(f.writeMs)}) ` +
    `→ ${r.rows} rows: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`
  );
}
