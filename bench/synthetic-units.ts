// SPDX-License-Identifier: EUPL-1.2
import { DEMO_ORGANISATIONS, HINTERLAND_TOWNS } from "../src/domain/demo/demo-programme.ts";
import { canManageCategory } from "../src/domain/organisations/organisation.schema.ts";
import { seededRandom } from "../src/domain/shared/random.ts";
import {
  ENERGY_CLASSES,
  MILANO,
  UNIT_CATEGORIES,
  UNIT_CONDITIONS,
  type UnitCategory,
  UnitCreate,
  type UnitOrigin,
  type UnitStatus,
} from "../src/domain/units/unit.schema.ts";
import { UNIT_FILE_COLUMNS, unitFileHeader, unitToRow } from "../src/domain/units/unit-file.ts";
import { writeCsv, writeXlsx } from "../src/server/shared/spreadsheet.ts";

/** The seed of every synthetic stock: the same seed gives the same units, rows and files. */
export const BENCH_SEED = 20260415;

const STREETS = [
  "Via Fittizia dei Glicini",
  "Via Fittizia delle Ortensie",
  "Viale Immaginario dei Platani",
  "Via Inventata del Ciliegio",
  "Piazza Fittizia della Meridiana",
  "Via Fittizia dell'Università Immaginaria",
  "Corso Immaginario del Navile",
  "Via Inventata delle Rondini",
  "Via Fittizia del Melograno",
  "Viale Inventato delle Betulle",
  "Largo Fittizio dei Tigli",
  "Via Immaginaria della Filanda",
];

// Some notes carry a `;`, quotes or a line break, so the CSV writer must quote them.
const NOTES = [
  "",
  "",
  "",
  "",
  "",
  "Cantina; posto bici",
  'Ex "portineria" al piano terra',
  "Infissi da sostituire",
  "Caldaia autonoma\nrevisionata",
];

// Weights of the statuses in a programme a few years in: more let, fewer still to renovate.
const STATUS_WEIGHTS: readonly [UnitStatus, number][] = [
  ["to_renovate", 25],
  ["renovating", 10],
  ["available", 12],
  ["offered", 5],
  ["let", 40],
  ["vacating", 4],
  ["unavailable", 4],
];

type Place = { origin: UnitOrigin; town: string; municipio: number | null; prefix: string };

/** The Area B partners able to manage each category, by code (from the demo organisations). */
const MANAGERS: Record<UnitCategory, string[]> = Object.fromEntries(
  UNIT_CATEGORIES.map((category) => [
    category,
    DEMO_ORGANISATIONS.filter((o) => canManageCategory({ ...o, id: "" }, category)).map((o) => o.code),
  ]),
) as Record<UnitCategory, string[]>;

function weighted<T>(roll: number, weights: readonly [T, number][]): T {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let left = roll * total;
  for (const [value, w] of weights) {
    left -= w;
    if (left < 0) return value;
  }
  return (weights.at(-1) as [T, number])[0];
}

/**
 * `count` fictional units that pass `UnitCreate` and the partner rules: 70 % municipal flats in
 * Milano over the nine Municipi, 2 % confiscated, 20 % in hinterland towns, 8 % partner or private.
 */
export function syntheticUnits(count: number, seed = BENCH_SEED): UnitCreate[] {
  const random = seededRandom(seed);
  const serials = new Map<string, number>();
  const units: UnitCreate[] = [];
  let building = 0;
  let buildingLeft = 0;
  let place: Place = { origin: "municipal", town: MILANO, municipio: 1, prefix: "MI1" };
  let address = "";
  let floors = 1;
  for (let i = 0; i < count; i++) {
    if (buildingLeft === 0) {
      building++;
      buildingLeft = random.int(1, 12);
      place = randomPlace(random.next(), random.pick(HINTERLAND_TOWNS), random.int(1, 9));
      address = `${random.pick(STREETS)} ${random.int(1, 240)}`;
      floors = random.int(1, 9);
    }
    buildingLeft--;
    const serial = (serials.get(place.prefix) ?? 0) + 1;
    serials.set(place.prefix, serial);
    const category = random.pick(UNIT_CATEGORIES);
    const manager = random.pick(MANAGERS[category]);
    const status = weighted(random.next(), STATUS_WEIGHTS);
    const rooms = random.pick([1, 2, 2, 3, 3, 3, 4, 4, 5, 6]);
    const floor = random.int(0, floors - 1);
    const lift = floors > 3 && random.next() < 0.85;
    const stepFree = (floor === 0 || lift) && random.next() < 0.4;
    const lent = place.origin !== "partner" && place.origin !== "private";
    units.push({
      code: `${place.prefix}-${String(serial).padStart(6, "0")}`,
      address: `${address}, interno ${serial}`,
      town: place.town,
      municipio: place.municipio,
      buildingCode: `ST-${String(building).padStart(6, "0")}`,
      floor,
      lift,
      surfaceM2: Math.round((20 + rooms * 14 + random.next() * 25) * 100) / 100,
      rooms,
      bedrooms: random.int(0, rooms - 1),
      stepFree,
      wheelchairAdapted: stepFree && random.next() < 0.3,
      energyClass: random.next() < 0.1 ? null : random.pick(ENERGY_CLASSES),
      origin: place.origin,
      category,
      managingPartnerCode: manager,
      comodatoPartnerCode: lent ? manager : null,
      comodatoStart: lent ? `202${random.int(4, 7)}-0${random.int(1, 9)}-01` : null,
      comodatoEnd: lent ? `20${random.int(32, 40)}-12-31` : null,
      condition: status === "unavailable" ? "uninhabitable" : random.pick(UNIT_CONDITIONS),
      status,
      notes: random.pick(NOTES),
    });
  }
  return units;
}

function randomPlace(roll: number, hinterlandTown: string, municipio: number): Place {
  if (roll < 0.7) return { origin: "municipal", town: MILANO, municipio, prefix: `MI${municipio}` };
  if (roll < 0.72) return { origin: "confiscated", town: MILANO, municipio, prefix: "BC" };
  if (roll < 0.92) return { origin: "hinterland", town: hinterlandTown, municipio: null, prefix: "HL" };
  if (roll < 0.96) return { origin: "partner", town: MILANO, municipio, prefix: "PT" };
  return { origin: "private", town: hinterlandTown, municipio: null, prefix: "PR" };
}

/** Throw if a generated unit would be refused by the schema: the bench must import cleanly. */
export function assertValidUnits(units: readonly UnitCreate[]) {
  for (const unit of units) {
    const parsed = UnitCreate.safeParse(unit);
    if (!parsed.success) {
      throw new Error(`Synthetic unit ${unit.code} is invalid: ${JSON.stringify(parsed.error.issues)}`);
    }
  }
}

/** The units as an Italian CSV file: `;` separator, decimal comma, UTF-8 BOM, CRLF. */
export function unitsCsvBytes(units: readonly UnitCreate[]): Uint8Array {
  const rows = [unitFileHeader(), ...units.map((u) => unitToRow(u, true))];
  return new TextEncoder().encode(writeCsv(rows));
}

const NUMERIC_COLUMNS = new Set(
  UNIT_FILE_COLUMNS.flatMap((c, i) => (c.kind === "int" || c.kind === "decimal" ? [i] : [])),
);

/** The units as the XLSX workbook the export writes (numbers as numbers). */
export function unitsXlsxBytes(units: readonly UnitCreate[]): Promise<Uint8Array> {
  const rows = [unitFileHeader(), ...units.map((u) => unitToRow(u, false))];
  return writeXlsx("Alloggi", rows, NUMERIC_COLUMNS);
}
