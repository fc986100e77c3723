// SPDX-License-Identifier: EUPL-1.2
import { ROLES, type Role } from "../auth/roles.ts";
import type { Organisation } from "../organisations/organisation.schema.ts";
import { seededRandom } from "../shared/random.ts";
import { apportion, CATEGORY_TARGET_SHARE } from "../units/stock-summary.ts";
import {
  ENERGY_CLASSES,
  MILANO,
  UNIT_CATEGORIES,
  type UnitCategory,
  type UnitCondition,
  type UnitCreate,
  type UnitOrigin,
  type UnitStatus,
} from "../units/unit.schema.ts";

/**
 * The demo programme: plainly fictional organisations, people and addresses ("Via Fittizia …"),
 * generated deterministically from a seed so every installation and test sees the same data.
 */
export const DEMO_SEED = 20261122;
export const DEMO_PASSWORD = "demo-casacomune";
export const DEMO_EMAIL_DOMAIN = "demo.casacomune.example";

export type DemoOrganisation = Omit<Organisation, "id">;
export type DemoUser = { email: string; name: string; role: Role; organisationCode: string };

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { code: "COMUNE-MI", name: "Comune di Milano (demo)", kind: "comune", area: null, categories: [] },
  {
    code: "ETS-A",
    name: "Consorzio Fittizio Abitare Insieme (demo)",
    kind: "partner",
    area: "A",
    categories: [],
  },
  {
    code: "ETS-B1",
    name: "Cooperativa Fittizia Casa Aperta (demo)",
    kind: "partner",
    area: "B",
    categories: ["calmierato", "calmierato_ridotto"],
  },
  {
    code: "ETS-B2",
    name: "Fondazione Fittizia Porte Amiche (demo)",
    kind: "partner",
    area: "B",
    categories: ["calmierato_ridotto", "fragilita"],
  },
  {
    code: "ETS-B3",
    name: "Associazione Fittizia Tetto Comune (demo)",
    kind: "partner",
    area: "B",
    categories: ["fragilita", "calmierato"],
  },
];

const ROLE_HOME: Record<Role, string> = {
  comune_admin: "COMUNE-MI",
  comune_social_worker: "COMUNE-MI",
  comune_housing_officer: "COMUNE-MI",
  comune_data_protection: "COMUNE-MI",
  area_a: "ETS-A",
  area_b_manager: "ETS-B1",
  area_b_educator: "ETS-B1",
  steering_board: "COMUNE-MI",
  auditor: "COMUNE-MI",
  tenant: "ETS-B1",
};

const ROLE_NAMES: Record<Role, string> = {
  comune_admin: "Amministratrice Demo",
  comune_social_worker: "Assistente Sociale Demo",
  comune_housing_officer: "Funzionario Casa Demo",
  comune_data_protection: "Responsabile Protezione Dati Demo",
  area_a: "Referente Area A Demo",
  area_b_manager: "Gestore Immobiliare Demo",
  area_b_educator: "Educatrice Demo",
  steering_board: "Membro Cabina di Regia Demo",
  auditor: "Revisore Demo",
  tenant: "Inquilino Demo",
};

/** One demo account per role, e.g. `comune.admin@demo.casacomune.example`. */
export const DEMO_USERS: readonly DemoUser[] = ROLES.map((role) => ({
  email: `${role.replaceAll("_", ".")}@${DEMO_EMAIL_DOMAIN}`,
  name: ROLE_NAMES[role],
  role,
  organisationCode: ROLE_HOME[role],
}));

const STREETS = [
  "Via Fittizia dei Glicini",
  "Via Fittizia delle Ortensie",
  "Viale Immaginario dei Platani",
  "Via Inventata del Ciliegio",
  "Piazza Fittizia della Meridiana",
  "Via Fittizia dei Mughetti",
  "Corso Immaginario del Navile",
  "Via Inventata delle Rondini",
  "Via Fittizia del Melograno",
  "Viale Inventato delle Betulle",
];

export const HINTERLAND_TOWNS = [
  "Sesto San Giovanni",
  "Cinisello Balsamo",
  "Rho",
  "Cologno Monzese",
  "Paderno Dugnano",
  "Rozzano",
  "San Donato Milanese",
  "Corsico",
  "Bollate",
  "Pioltello",
] as const;

/** Share of units per status at the start of the programme: most of the stock still needs works. */
const STATUS_MIX: readonly [UnitStatus, number][] = [
  ["to_renovate", 0.4],
  ["renovating", 0.12],
  ["available", 0.1],
  ["offered", 0.04],
  ["let", 0.28],
  ["vacating", 0.03],
  ["unavailable", 0.03],
];

const MANAGERS: Record<UnitCategory, readonly string[]> = Object.fromEntries(
  UNIT_CATEGORIES.map((c) => [
    c,
    DEMO_ORGANISATIONS.filter((o) => o.categories.includes(c)).map((o) => o.code),
  ]),
) as Record<UnitCategory, string[]>;

function conditionFor(status: UnitStatus, roll: number): UnitCondition {
  if (status === "to_renovate") return roll < 0.55 ? "poor" : "uninhabitable";
  if (status === "unavailable") return "uninhabitable";
  if (status === "renovating") return "poor";
  return roll < 0.7 ? "good" : "fair";
}

type Place = { origin: UnitOrigin; town: string; municipio: number | null; prefix: string };

function places(): Place[] {
  const milano: Place[] = Array.from({ length: 339 }, (_, i) => {
    const municipio = (i % 9) + 1;
    return { origin: "municipal", town: MILANO, municipio, prefix: `MI${municipio}` };
  });
  const confiscated: Place[] = Array.from({ length: 6 }, (_, i) => ({
    origin: "confiscated",
    town: MILANO,
    municipio: ((i * 4) % 9) + 1,
    prefix: "BC",
  }));
  const hinterland: Place[] = Array.from({ length: 143 }, (_, i) => ({
    origin: "hinterland",
    town: HINTERLAND_TOWNS[i % HINTERLAND_TOWNS.length] as string,
    municipio: null,
    prefix: "HL",
  }));
  return [...milano, ...confiscated, ...hinterland];
}

/**
 * The 488 units of the programme's starting stock: 339 municipal flats in Milano over the nine
 * Municipi, 6 confiscated flats, 143 in hinterland towns; categories split 190/127/171 (39/26/35 %).
 */
export function demoUnits(seed = DEMO_SEED): UnitCreate[] {
  const random = seededRandom(seed);
  const all = places();
  const categoryCounts = apportion(all.length, CATEGORY_TARGET_SHARE, UNIT_CATEGORIES);
  const categories = random.shuffle(
    UNIT_CATEGORIES.flatMap((c) => Array<UnitCategory>(categoryCounts[c]).fill(c)),
  );
  const statusCounts = apportion(
    all.length,
    Object.fromEntries(STATUS_MIX) as Record<UnitStatus, number>,
    STATUS_MIX.map(([s]) => s),
  );
  const statuses = random.shuffle(STATUS_MIX.flatMap(([s]) => Array<UnitStatus>(statusCounts[s]).fill(s)));
  const perPrefix = new Map<string, number>();
  let building = 0;
  let buildingLeft = 0;
  let street = "";
  let number = 0;
  return all.map((place, i) => {
    if (buildingLeft === 0) {
      building++;
      buildingLeft = random.int(1, 8);
      street = random.pick(STREETS);
      number = random.int(1, 180);
    }
    buildingLeft--;
    const serial = (perPrefix.get(place.prefix) ?? 0) + 1;
    perPrefix.set(place.prefix, serial);
    const category = categories[i] as UnitCategory;
    const status = statuses[i] as UnitStatus;
    const rooms = random.pick([1, 2, 2, 3, 3, 3, 4, 4, 5]);
    const surfaceM2 = Math.round((22 + rooms * 15 + random.next() * 18) * 10) / 10;
    const floor = random.int(0, 7);
    const lift = floor > 2 ? random.next() < 0.8 : random.next() < 0.4;
    const stepFree = (floor === 0 || lift) && random.next() < 0.35;
    const wheelchairAdapted = stepFree && random.next() < 0.3;
    const manager = random.pick(MANAGERS[category]);
    const lent = place.origin !== "partner" && place.origin !== "private";
    return {
      code: `${place.prefix}-${String(serial).padStart(4, "0")}`,
      address: `${street} ${number}, interno ${serial}`,
      town: place.town,
      municipio: place.municipio,
      buildingCode: `ST-${String(building).padStart(4, "0")}`,
      floor,
      lift,
      surfaceM2,
      rooms,
      bedrooms: Math.max(0, rooms - 1),
      stepFree,
      wheelchairAdapted,
      energyClass:
        status === "to_renovate" ? random.pick(["E", "F", "G"] as const) : random.pick(ENERGY_CLASSES),
      origin: place.origin,
      category,
      managingPartnerCode: manager,
      comodatoPartnerCode: lent ? manager : null,
      comodatoStart: lent ? "2026-01-01" : null,
      comodatoEnd: lent ? "2035-12-31" : null,
      condition: conditionFor(status, random.next()),
      status,
      notes: "",
    };
  });
}
