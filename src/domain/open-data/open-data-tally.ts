// SPDX-License-Identifier: EUPL-1.2
import { citizenshipGroupOf } from "../equity/equity-report.ts";
import {
  EXIT_DESTINATIONS,
  type ExitDestination,
  type FollowUpSituation,
  hasReturned,
} from "../households/exit.ts";
import { TARGET_GROUPS, type TargetGroup } from "../households/household.schema.ts";
import { UNIT_CATEGORIES, UNIT_ORIGINS, type UnitCategory, type UnitOrigin } from "../units/unit.schema.ts";
import {
  areaOf,
  FOLLOW_UP_OUTCOMES,
  type FollowUpOutcome,
  OPEN_DATA_AGE_BANDS,
  OPEN_DATA_AREAS,
  OPEN_DATA_CITIZENSHIPS,
  OPEN_DATA_SEXES,
  type OpenDataAgeBand,
  STOCK_STATUS_GROUPS,
  stockStatusGroupOf,
} from "./open-data-labels.ts";

/*
 * The exact counts behind the open data, before anything is withheld. Never published as they are:
 * `publishOpenData` withholds the small ones. Definitions (the page repeats them):
 * - Households reached: taken on by a partner — an accepted referral, or a path that went past the
 *   referral (assessed, waiting, offered, housed, exiting, exited). People reached: their members.
 * - Households housed: those with an active tenancy today, by the area and category of its unit.
 * - Exits: households that left the programme, by destination; returns: what their follow-up
 *   contacts found (back in housing need at any contact, or not).
 * Households whose consent to processing was withdrawn are not read at all (row-level security).
 */

/** What the tallies read of a household reached. */
export type ReachedHouseholdRow = { targetGroup: string; category: string; partnerCode: string | null };
/** What the tallies read of a member of a household reached: no name, no code. */
export type ReachedMemberRow = { sex: string; birthDate: string; citizenship: string };
/** The unit of an active tenancy. */
export type HousedRow = { municipio: number | null; category: string };
/** An exit and the situations its follow-up contacts found (null: not contacted yet). */
export type ExitRow = { destination: string; followUps: { months: number; situation: string | null }[] };
export type UnitStockRow = { origin: string; status: string; units: number };
export type RenovatedRow = { year: number; units: number };
export type PartnerRow = { code: string; name: string };

export type OpenDataTallies = {
  asOf: string;
  /** [sex][age band]. */
  peopleBySexAge: number[][];
  peopleByCitizenship: number[];
  /** [target group][category]. */
  householdsByTargetGroupCategory: number[][];
  /** Area B partners in code order, then households without a partner (when there are any). */
  householdsByPartner: { code: string | null; name: string; count: number }[];
  /** [area][category]. */
  housedByAreaCategory: number[][];
  exitsByDestination: number[];
  exitsByFollowUp: number[];
  /** [origin][status group]: units, not people. */
  unitsByOriginStatus: number[][];
  unitsRenovatedByYear: { year: number; count: number }[];
};

const indexOf = <T extends string>(list: readonly T[], value: string) => list.indexOf(value as T);
const grid = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => new Array<number>(columns).fill(0));

/** Whole years on `today`; a birth date after it counts as 0 (a record to correct, still a person). */
function ageBand(birthDate: string, today: string): OpenDataAgeBand {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const age = today.slice(5) < birthDate.slice(5) ? years - 1 : years;
  if (age >= 65) return "65_plus";
  if (age >= 50) return "50_64";
  if (age >= 35) return "35_49";
  if (age >= 25) return "25_34";
  if (age >= 18) return "18_24";
  return "under_18";
}

export function tallyPeople(members: readonly ReachedMemberRow[], today: string) {
  const bySexAge = grid(OPEN_DATA_SEXES.length, OPEN_DATA_AGE_BANDS.length);
  const byCitizenship = new Array<number>(OPEN_DATA_CITIZENSHIPS.length).fill(0);
  for (const m of members) {
    const sex = indexOf(OPEN_DATA_SEXES, m.sex);
    // The database admits F, M and X only; anything else would be counted nowhere, in no table.
    if (sex < 0) continue;
    const row = bySexAge[sex] as number[];
    const band = indexOf(OPEN_DATA_AGE_BANDS, ageBand(m.birthDate, today));
    row[band] = (row[band] as number) + 1;
    const group = indexOf(OPEN_DATA_CITIZENSHIPS, citizenshipGroupOf(m.citizenship));
    byCitizenship[group] = (byCitizenship[group] as number) + 1;
  }
  return { bySexAge, byCitizenship };
}

export function tallyHouseholds(rows: readonly ReachedHouseholdRow[], partners: readonly PartnerRow[]) {
  const byGroupCategory = grid(TARGET_GROUPS.length, UNIT_CATEGORIES.length);
  const byPartner = new Map<string | null, number>();
  for (const h of rows) {
    const group = indexOf<TargetGroup>(TARGET_GROUPS, h.targetGroup);
    const category = indexOf<UnitCategory>(UNIT_CATEGORIES, h.category);
    // Both are checked on every write; a household outside them is left out of every table alike.
    if (group < 0 || category < 0) continue;
    const row = byGroupCategory[group] as number[];
    row[category] = (row[category] as number) + 1;
    const known = partners.some((p) => p.code === h.partnerCode) ? h.partnerCode : null;
    byPartner.set(known, (byPartner.get(known) ?? 0) + 1);
  }
  const byPartnerRows = [...partners]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => ({ code: p.code as string | null, name: p.name, count: byPartner.get(p.code) ?? 0 }));
  const none = byPartner.get(null) ?? 0;
  if (none > 0) byPartnerRows.push({ code: null, name: "", count: none });
  return { byGroupCategory, byPartner: byPartnerRows };
}

export function tallyHoused(rows: readonly HousedRow[]) {
  const byAreaCategory = grid(OPEN_DATA_AREAS.length, UNIT_CATEGORIES.length);
  for (const h of rows) {
    const category = indexOf<UnitCategory>(UNIT_CATEGORIES, h.category);
    if (category < 0) continue;
    const row = byAreaCategory[OPEN_DATA_AREAS.indexOf(areaOf(h.municipio))] as number[];
    row[category] = (row[category] as number) + 1;
  }
  return byAreaCategory;
}

const outcomeOf = (exit: ExitRow): FollowUpOutcome => {
  const returned = hasReturned(
    exit.followUps.map((f) => ({ months: f.months, situation: f.situation as FollowUpSituation | null })),
  );
  if (returned === null) return "not_yet_known";
  return returned ? "returned" : "kept_home";
};

export function tallyExits(rows: readonly ExitRow[]) {
  const byDestination = new Array<number>(EXIT_DESTINATIONS.length).fill(0);
  const byFollowUp = new Array<number>(FOLLOW_UP_OUTCOMES.length).fill(0);
  for (const e of rows) {
    const destination = indexOf<ExitDestination>(EXIT_DESTINATIONS, e.destination);
    if (destination < 0) continue;
    byDestination[destination] = (byDestination[destination] as number) + 1;
    const outcome = FOLLOW_UP_OUTCOMES.indexOf(outcomeOf(e));
    byFollowUp[outcome] = (byFollowUp[outcome] as number) + 1;
  }
  return { byDestination, byFollowUp };
}

export function tallyStock(rows: readonly UnitStockRow[]) {
  const byOriginStatus = grid(UNIT_ORIGINS.length, STOCK_STATUS_GROUPS.length);
  for (const r of rows) {
    const origin = indexOf<UnitOrigin>(UNIT_ORIGINS, r.origin);
    if (origin < 0) continue;
    const row = byOriginStatus[origin] as number[];
    const group = STOCK_STATUS_GROUPS.indexOf(stockStatusGroupOf(r.status));
    row[group] = (row[group] as number) + r.units;
  }
  return byOriginStatus;
}

/** Units renovated per year, every year from the first (or this one) to this one. */
export function tallyRenovated(rows: readonly RenovatedRow[], today: string) {
  const thisYear = Number(today.slice(0, 4));
  const first = Math.min(thisYear, ...rows.map((r) => r.year));
  return Array.from({ length: thisYear - first + 1 }, (_, i) => {
    const year = first + i;
    return { year, count: rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.units, 0) };
  });
}

/** Every exact count of the open data on `asOf`. */
export function tallyOpenData(input: {
  asOf: string;
  households: readonly ReachedHouseholdRow[];
  members: readonly ReachedMemberRow[];
  partners: readonly PartnerRow[];
  housed: readonly HousedRow[];
  exits: readonly ExitRow[];
  stock: readonly UnitStockRow[];
  renovated: readonly RenovatedRow[];
}): OpenDataTallies {
  const people = tallyPeople(input.members, input.asOf);
  const households = tallyHouseholds(input.households, input.partners);
  const exits = tallyExits(input.exits);
  return {
    asOf: input.asOf,
    peopleBySexAge: people.bySexAge,
    peopleByCitizenship: people.byCitizenship,
    householdsByTargetGroupCategory: households.byGroupCategory,
    householdsByPartner: households.byPartner,
    housedByAreaCategory: tallyHoused(input.housed),
    exitsByDestination: exits.byDestination,
    exitsByFollowUp: exits.byFollowUp,
    unitsByOriginStatus: tallyStock(input.stock),
    unitsRenovatedByYear: tallyRenovated(input.renovated, input.asOf),
  };
}
