// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import type { FieldIssue } from "../shared/issue.ts";

/*
 * The move-in checklist (verbale di consegna) of a tenancy: the meters read on the day, the keys
 * handed over, the installations explained to the household (the integrated-management model asks for
 * move-in support on the installations) and the inventory of what is in the flat. It can be saved
 * half-filled; it is completed (`completedOn`) only when every required item is there.
 */

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });

export const METERS = ["electricity", "gas", "water"] as const;
/** Contatore: luce (kWh), gas (m³), acqua (m³). */
export type Meter = (typeof METERS)[number];

/** A meter's reading on the day of the handover; a flat without that supply says `present: false`. */
export const MeterReading = z.object({
  present: z.boolean({ error: "present: true or false" }).default(true),
  /** The meter's number (matricola / POD / PDR), as printed on it. */
  serial: z.string().trim().max(60, { error: "Meter number: at most 60 characters" }).default(""),
  reading: z
    .number({ error: "Reading: a number" })
    .min(0, { error: "A reading cannot be negative" })
    .max(999_999_999, { error: "Reading: too large" })
    .nullable()
    .default(null),
  readOn: IsoDate.nullable().default(null),
});
export type MeterReading = z.infer<typeof MeterReading>;

export const INSTALLATIONS = [
  "boiler",
  "electricalPanel",
  "gasShutOff",
  "waterShutOff",
  "smokeDetector",
  "heatingControls",
] as const;
/** Impianti spiegati: caldaia, quadro elettrico, chiusura del gas, chiusura dell'acqua, rilevatore di fumo, termostato e valvole. */
export type Installation = (typeof INSTALLATIONS)[number];

/** Installations that a flat without gas does not have: not required then. */
const GAS_INSTALLATIONS: readonly Installation[] = ["gasShutOff"];

const Explained = z.boolean({ error: "true or false" }).default(false);

export const KeySet = z.object({
  /** Which keys: the front door, the building's door, the cellar, the letter box… */
  label: z
    .string({ error: "Say which keys" })
    .trim()
    .min(1, { error: "Say which keys" })
    .max(80, { error: "Keys: at most 80 characters" }),
  count: z
    .number({ error: "How many keys: a whole number" })
    .int({ error: "How many keys: a whole number" })
    .min(1, { error: "How many keys: at least 1" })
    .max(20, { error: "How many keys: at most 20" }),
});
export type KeySet = z.infer<typeof KeySet>;

export const ITEM_CONDITIONS = ["new", "good", "fair", "poor", "damaged"] as const;
/** Stato: nuovo, buono, discreto, scadente, danneggiato. */
export const ItemCondition = z.enum(ITEM_CONDITIONS, { error: "Choose the item's condition" });
export type ItemCondition = z.infer<typeof ItemCondition>;

export const InventoryItem = z.object({
  item: z
    .string({ error: "Name the item" })
    .trim()
    .min(1, { error: "Name the item" })
    .max(120, { error: "Item: at most 120 characters" }),
  quantity: z
    .number({ error: "Quantity: a whole number" })
    .int({ error: "Quantity: a whole number" })
    .min(1, { error: "Quantity: at least 1" })
    .max(99, { error: "Quantity: at most 99" })
    .default(1),
  condition: ItemCondition,
  notes: z.string().trim().max(300, { error: "Notes: at most 300 characters" }).default(""),
});
export type InventoryItem = z.infer<typeof InventoryItem>;

export const MoveInChecklist = z.object({
  meters: z
    .object({
      electricity: MeterReading.prefault({}),
      gas: MeterReading.prefault({}),
      water: MeterReading.prefault({}),
    })
    .prefault({}),
  keys: z.array(KeySet).max(20, { error: "At most 20 sets of keys" }).default([]),
  installations: z
    .object({
      boiler: Explained,
      electricalPanel: Explained,
      gasShutOff: Explained,
      waterShutOff: Explained,
      smokeDetector: Explained,
      heatingControls: Explained,
    })
    .prefault({}),
  inventory: z.array(InventoryItem).max(200, { error: "At most 200 items" }).default([]),
  notes: z.string().trim().max(2000, { error: "Notes: at most 2000 characters" }).default(""),
});
export type MoveInChecklist = z.infer<typeof MoveInChecklist>;

/** An empty checklist: what a tenancy has before anybody fills it in. */
export const emptyChecklist = (): MoveInChecklist => MoveInChecklist.parse({});

/** Save the checklist; with `completedOn`, the day it was completed (every required item must be there). */
export const MoveInInput = z.object({
  checklist: MoveInChecklist,
  completedOn: IsoDate.nullable().default(null),
});
export type MoveInInput = z.infer<typeof MoveInInput>;

export const MOVE_IN_INCOMPLETE = {
  reading: "Enter the reading",
  readOn: "Enter the day of the reading",
  keys: "Record at least one set of keys handed over",
  installation: "Tick it once it has been explained",
  inventory: "List at least one item of the inventory",
} as const;

/** What is still missing before the checklist can be completed, each on its field. */
export function moveInMissing(checklist: MoveInChecklist): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const meter of METERS) {
    const reading = checklist.meters[meter];
    if (!reading.present) continue;
    if (reading.reading === null)
      issues.push({ path: `checklist.meters.${meter}.reading`, message: MOVE_IN_INCOMPLETE.reading });
    if (reading.readOn === null)
      issues.push({ path: `checklist.meters.${meter}.readOn`, message: MOVE_IN_INCOMPLETE.readOn });
  }
  if (checklist.keys.length === 0) issues.push({ path: "checklist.keys", message: MOVE_IN_INCOMPLETE.keys });
  const noGas = !checklist.meters.gas.present;
  for (const installation of INSTALLATIONS) {
    if (noGas && GAS_INSTALLATIONS.includes(installation)) continue;
    if (!checklist.installations[installation])
      issues.push({
        path: `checklist.installations.${installation}`,
        message: MOVE_IN_INCOMPLETE.installation,
      });
  }
  if (checklist.inventory.length === 0)
    issues.push({ path: "checklist.inventory", message: MOVE_IN_INCOMPLETE.inventory });
  return issues;
}

/**
 * The rules of saving: a completed checklist has every required item, and is not completed on a day
 * still to come; a reading is not taken on a day still to come.
 */
export function moveInProblems(input: MoveInInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const meter of METERS) {
    const readOn = input.checklist.meters[meter].readOn;
    if (readOn !== null && readOn > today)
      issues.push({
        path: `checklist.meters.${meter}.readOn`,
        message: "A reading cannot be dated in the future",
      });
  }
  if (input.completedOn === null) return issues;
  if (input.completedOn > today)
    issues.push({ path: "completedOn", message: "The checklist cannot be completed on a day still to come" });
  return [...issues, ...moveInMissing(input.checklist)];
}

/** The checklist of a tenancy as the API returns it. */
export const MoveInRecord = z.object({
  tenancy: z.object({
    id: z.uuid(),
    reference: z.string(),
    status: z.string(),
    unit: z.object({ id: z.uuid(), code: z.string(), address: z.string() }),
  }),
  checklist: MoveInChecklist,
  completedOn: IsoDate.nullable(),
  /** Who saved it last, when the caller may see the account's name. */
  recordedBy: z.string().nullable(),
  /** ISO date-time of the last save; null when it was never saved. */
  updatedAt: z.string().nullable(),
  /** What is still missing before it can be completed. */
  missing: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type MoveInRecord = z.infer<typeof MoveInRecord>;
