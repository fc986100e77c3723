// SPDX-License-Identifier: EUPL-1.2
import type { TargetGroup } from "../households/household.schema.ts";

/*
 * Minimum structural and furnishing standards of a renovated unit (seed 000 §4.1.3, A.3): a base every
 * unit meets, and what each target group needs on top. The checklist of a works is this list for its
 * target group; the works cannot be completed until every item is ticked. Codes are stable; the
 * interface names them in Italian and English.
 */

export const BASE_STANDARDS = [
  /** Dichiarazione di conformità of the electrical installation (DM 37/2008). */
  "electrical_conformity",
  /** Dichiarazione di conformità of the gas installation, where there is gas. */
  "gas_conformity",
  "heating_and_hot_water_working",
  /** Attestato di prestazione energetica after the works. */
  "energy_certificate",
  "smoke_and_co_detectors",
  "windows_sealed",
  /** A fitted kitchen: hob, oven or microwave, fridge, sink. */
  "kitchen_fitted",
  "bed_per_occupant",
  "wardrobe_per_bedroom",
  "table_and_chairs",
] as const;

export const GROUP_STANDARDS: Record<TargetGroup, readonly string[]> = {
  neo_maggiorenni: ["study_desk", "internet_ready"],
  famiglia: ["child_safety", "washing_machine"],
  monoparentale: ["child_safety", "washing_machine"],
  anziano_solo: ["grab_bars", "non_slip_floors", "walk_in_shower", "emergency_call"],
  persona_con_disabilita: [
    "step_free_access",
    "accessible_bathroom",
    "doors_80cm",
    "reachable_controls",
    "walk_in_shower",
  ],
  donna_sola: ["security_door", "video_intercom"],
  uomo_solo: [],
};

export const ALL_STANDARDS: readonly string[] = [
  ...new Set([...BASE_STANDARDS, ...Object.values(GROUP_STANDARDS).flat()]),
];

/** The checklist of a works for a target group (the base alone when the group is not known yet). */
export function standardsFor(group: TargetGroup | null): string[] {
  return [...BASE_STANDARDS, ...(group === null ? [] : GROUP_STANDARDS[group])];
}

/** The items of the checklist not ticked yet, in the checklist's order. */
export function missingStandards(group: TargetGroup | null, ticked: readonly string[]): string[] {
  const done = new Set(ticked);
  return standardsFor(group).filter((item) => !done.has(item));
}
