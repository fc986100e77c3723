// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import {
  DIMENSIONS,
  DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_UNITS,
  RECORD_KINDS,
  TARGET_KINDS,
} from "./catalogue.ts";
import { GRANULARITIES } from "./periods.ts";

/*
 * What the monitoring API reads and answers: the catalogue with its targets, the dashboard of a
 * period (live, or frozen when the period is closed), one indicator with its disaggregations, the
 * records behind a number, and the reporting periods with their closes and reopens.
 */

const day = z.iso.date();
const text = z.object({ it: z.string(), en: z.string() });

export const TargetKind = z.enum(TARGET_KINDS, { error: "kind must be baseline, intermediate or final" });
export const Dimension = z.enum(DIMENSIONS, { error: `dimension must be one of ${DIMENSIONS.join(", ")}` });

/** A target as the Comune sets it: a value with its date; a target without a date is refused. */
export const TargetInput = z.object({
  kind: TargetKind,
  value: z.number({ error: "value must be a number" }).finite({ error: "value must be a number" }),
  dueOn: z.iso.date({ error: "dueOn must be a date (YYYY-MM-DD)" }),
  note: z.string().trim().max(500, { error: "note: at most 500 characters" }).default(""),
});
export type TargetInput = z.infer<typeof TargetInput>;

/** An indicator's whole set of targets: at most one baseline and one final, the final last. */
export const TargetsInput = z
  .object({
    targets: z
      .array(TargetInput, { error: "targets must be a list" })
      .min(1, { error: "targets: give at least one target" })
      .max(20, { error: "targets: at most 20" }),
  })
  .superRefine(({ targets }, ctx) => {
    for (const kind of ["baseline", "final"] as const) {
      const indexes = targets.flatMap((t, i) => (t.kind === kind ? [i] : []));
      for (const i of indexes.slice(1))
        ctx.addIssue({ code: "custom", path: ["targets", i, "kind"], message: `Only one ${kind} target` });
    }
    const final = targets.find((t) => t.kind === "final");
    targets.forEach((t, i) => {
      if (final && t.kind !== "final" && t.dueOn > final.dueOn)
        ctx.addIssue({
          code: "custom",
          path: ["targets", i, "dueOn"],
          message: `A ${t.kind} target cannot be due after the final one (${final.dueOn})`,
        });
      if (targets.findIndex((o) => o.kind === t.kind && o.dueOn === t.dueOn) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["targets", i, "dueOn"],
          message: "Two targets of a kind on one date",
        });
    });
  });
export type TargetsInput = z.infer<typeof TargetsInput>;

export const ReopenInput = z.object({
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(10, { error: "reason needs at least 10 characters" })
    .max(1000, { error: "reason: at most 1000 characters" }),
});

export const TargetView = z.object({
  kind: TargetKind,
  value: z.number(),
  dueOn: day,
  note: z.string(),
});

export const IndicatorDefinitionView = z.object({
  code: z.string(),
  name: text,
  definition: text,
  numerator: text,
  denominator: text,
  kind: z.enum(INDICATOR_KINDS),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(DIRECTIONS),
  cumulative: z.boolean(),
  dimensions: z.array(Dimension),
  records: z.enum(RECORD_KINDS),
  targets: z.array(TargetView),
  /** Whether the targets are the catalogue's defaults (none set by the Comune yet). */
  defaultTargets: z.boolean(),
  version: z.number().int(),
});
export const CatalogueView = z.object({ indicators: z.array(IndicatorDefinitionView) });

const valueFields = {
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  notComputable: z.enum(["zero_denominator", "no_observations"]).nullable(),
};

export const CellView = z.object({
  key: z.string().nullable(),
  /** The key in words (an organisation's name, "Municipio 3"); the interface translates the rest. */
  label: z.string().nullable(),
  ...valueFields,
});

export const IndicatorValueView = z.object({
  code: z.string(),
  ...valueFields,
  target: TargetView.nullable(),
  standing: z.enum(["met", "not_met", "no_target", "not_computable"]),
  breakdowns: z.partialRecord(Dimension, z.array(CellView)),
});

export const PeriodStateView = z.object({
  key: z.string(),
  granularity: z.enum(GRANULARITIES),
  from: day,
  to: day,
  status: z.enum(["open", "closed"]),
  /** The snapshot revision in force when closed (1 for the first close); 0 if never closed. */
  revision: z.number().int(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** The data version behind the frozen values: SHA-256 of the values, and the audit trail's head. */
  valuesSha256: z.string().nullable(),
  auditHead: z.string().nullable(),
  ended: z.boolean(),
  events: z.array(
    z.object({
      action: z.enum(["closed", "reopened"]),
      reason: z.string(),
      at: z.string(),
      actor: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
});

export const DashboardView = z.object({
  period: PeriodStateView,
  /** Frozen: read from the period's snapshot; live: computed now from the operational data. */
  source: z.enum(["snapshot", "live"]),
  /** Whose figures: the whole programme, or the reader's own organisation. */
  scope: z.enum(["programme", "organisation"]),
  computedAt: z.string(),
  indicators: z.array(IndicatorValueView),
});

export const SeriesView = z.object({
  code: z.string(),
  points: z.array(
    z.object({ key: z.string(), from: day, to: day, source: z.enum(["snapshot", "live"]), ...valueFields }),
  ),
  targets: z.array(TargetView),
});

export const RecordsView = z.object({
  code: z.string(),
  records: z.enum(RECORD_KINDS),
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      numerator: z.number(),
      denominator: z.number(),
      observation: z.number().nullable(),
    }),
  ),
});

export const PeriodListView = z.object({ periods: z.array(PeriodStateView) });
