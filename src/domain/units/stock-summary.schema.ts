// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitCategory } from "./unit.schema.ts";

const Counts = z.record(z.string(), z.number().int());

/** The stock at a glance: counts, mix against target, growth, and rent roll at the caps. */
export const StockSummary = z.object({
  total: z.number().int(),
  byStatus: Counts,
  byCategory: Counts,
  byOrigin: Counts,
  byTown: Counts,
  byMunicipio: Counts,
  accessible: z.number().int(),
  surfaceM2: z.number(),
  categoryMix: z.array(
    z.object({
      category: UnitCategory,
      count: z.number().int(),
      share: z.number(),
      targetShare: z.number(),
      targetCount: z.number().int(),
      deviationPoints: z.number(),
      deviationUnits: z.number().int(),
    }),
  ),
  growth: z.object({
    baseline: z.number().int(),
    current: z.number().int(),
    growth: z.number().int(),
    growthShare: z.number(),
    ceiling: z.number().int(),
    headroom: z.number().int(),
    exceeded: z.boolean(),
  }),
  /** Potential annual rent roll if every capped unit were let at its cap, in cents, per category. */
  potentialAnnualRentCents: z.object({
    total: z.number().int(),
    calmierato: z.number().int(),
    calmierato_ridotto: z.number().int(),
  }),
});
export type StockSummary = z.infer<typeof StockSummary>;
