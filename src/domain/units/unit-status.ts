// SPDX-License-Identifier: EUPL-1.2
import type { UnitStatus } from "./unit.schema.ts";

/**
 * Allowed status changes of a unit. The main path is
 * to_renovate → renovating → available → offered → let_pending → let → vacating → available;
 * let_pending is an accepted offer waiting for its contract. An offer can be withdrawn or declined
 * (offered or let_pending → available), an acceptance stepped back (let_pending → offered), a vacated
 * unit can need works again, and a unit
 * can be taken out of use (unavailable) whenever nobody lives in it or holds an offer for it.
 */
export const UNIT_TRANSITIONS: Record<UnitStatus, readonly UnitStatus[]> = {
  to_renovate: ["renovating", "unavailable"],
  renovating: ["available", "to_renovate", "unavailable"],
  available: ["offered", "to_renovate", "unavailable"],
  offered: ["let_pending", "available"],
  let_pending: ["let", "offered", "available"],
  let: ["vacating"],
  vacating: ["available", "to_renovate", "let"],
  unavailable: ["to_renovate", "available"],
};

export function allowedTransitions(from: UnitStatus): readonly UnitStatus[] {
  return UNIT_TRANSITIONS[from];
}

export function canTransition(from: UnitStatus, to: UnitStatus): boolean {
  return UNIT_TRANSITIONS[from].includes(to);
}
