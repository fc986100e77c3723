// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory } from "../units/unit.schema.ts";

export const ORGANISATION_KINDS = ["comune", "partner"] as const;
/** The Comune, or an ente partner (ETS) working in Area A or Area B. */
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const Organisation = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  /** Area of work for partners: A (coordination, finance) or B (units and support). */
  area: z.enum(["A", "B"]).nullable(),
  /** Ambiti (categories) an Area B partner manages. */
  categories: z.array(UnitCategory),
});
export type Organisation = z.infer<typeof Organisation>;

/** Can this organisation manage a unit of this category? Only Area B partners of that ambito can. */
export function canManageCategory(org: Organisation, category: UnitCategory): boolean {
  return org.kind === "partner" && org.area === "B" && org.categories.includes(category);
}
