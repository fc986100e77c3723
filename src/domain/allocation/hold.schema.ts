// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";

const IsoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD" });
const Reason = z
  .string({ error: "reason: say why" })
  .trim()
  .min(3, { error: "reason: say why (at least 3 characters)" })
  .max(500, { error: "reason: at most 500 characters" });

/**
 * A hold (riserva) on a unit up to and including `expiresOn`: for one household, which alone may still
 * be offered it by a run, or for nobody (no `householdId`), which keeps it out of every run.
 */
export const HoldInput = z.object({
  unitId: z
    .string({ error: "unitId: a unit id or code" })
    .trim()
    .min(1, { error: "unitId: a unit id or code" }),
  householdId: z
    .string({ error: "householdId: a household id or reference" })
    .trim()
    .min(1, { error: "householdId: a household id or reference" })
    .optional(),
  expiresOn: IsoDate,
  reason: Reason,
});
export type HoldInput = z.infer<typeof HoldInput>;

/** Release a hold before it expires, saying why. */
export const HoldRelease = z.object({ reason: Reason });
export type HoldRelease = z.infer<typeof HoldRelease>;

export const HoldListQuery = z.object({
  /** `true` (default): only holds in force today; `false`: every hold, released and expired too. */
  active: z
    .enum(["true", "false"], { error: "active: true or false" })
    .default("true")
    .transform((v) => v === "true"),
});
export type HoldListQuery = z.infer<typeof HoldListQuery>;

export const Hold = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), code: z.string() }),
  household: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  expiresOn: IsoDate,
  reason: z.string(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
  releaseReason: z.string().nullable(),
  /** Not released and not expired today. */
  active: z.boolean(),
});
export type Hold = z.infer<typeof Hold>;

export const HoldList = z.object({ items: z.array(Hold) });
export type HoldList = z.infer<typeof HoldList>;
