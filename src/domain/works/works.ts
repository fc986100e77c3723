// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { TargetGroup } from "../households/household.schema.ts";

/*
 * Renovation works (ristrutturazioni, A.3 and B.2): a works on one unit or a batch, its scope,
 * estimate ex VAT and VAT rate, contractor, phases with planned and actual dates, and its cost lines
 * with their invoices and funding source. Money is integer cents; a VAT rate is in basis points
 * (1000 = 10 %, the rate for renovating homes).
 */

export const FUNDING_SOURCES = ["grant", "equity", "fundraising", "calls", "loan", "revolving_fund"] as const;
/** Fonte di finanziamento: fondo perduto, capitale dei partner, raccolta fondi, bandi, debito, fondo rotativo. */
export const FundingSource = z.enum(FUNDING_SOURCES, {
  error: `fundingSource must be one of ${FUNDING_SOURCES.join(", ")}`,
});
export type FundingSource = z.infer<typeof FundingSource>;

export const DEFAULT_VAT_RATE_BP = 1000;

const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });
const cents = (field: string) =>
  z
    .number({ error: `${field} must be an amount in cents` })
    .int({ error: `${field} must be a whole number of cents` })
    .min(0, { error: `${field} cannot be negative` })
    .max(100_000_000_000, { error: `${field} is too large` });

/** VAT on an amount ex VAT at a rate in basis points, rounded half up to the cent. */
export function vatOf(exVatCents: number, rateBp: number): number {
  return Math.floor((exVatCents * rateBp * 2 + 10_000) / 20_000);
}

export const Phase = z
  .object({
    name: z.string().trim().min(2, { error: "name is required" }).max(200),
    plannedStart: day("plannedStart"),
    plannedEnd: day("plannedEnd"),
    actualStart: day("actualStart").nullable().default(null),
    actualEnd: day("actualEnd").nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.plannedEnd < p.plannedStart)
      ctx.addIssue({
        code: "custom",
        path: ["plannedEnd"],
        message: "plannedEnd cannot come before plannedStart",
      });
    if (p.actualEnd !== null && p.actualStart === null)
      ctx.addIssue({
        code: "custom",
        path: ["actualStart"],
        message: "actualStart is needed before actualEnd",
      });
    if (p.actualEnd !== null && p.actualStart !== null && p.actualEnd < p.actualStart)
      ctx.addIssue({
        code: "custom",
        path: ["actualEnd"],
        message: "actualEnd cannot come before actualStart",
      });
  });
export type Phase = z.infer<typeof Phase>;

export const WorksInput = z.object({
  title: z.string().trim().min(3, { error: "title is required (at least 3 characters)" }).max(200),
  scope: z.string().trim().max(5000).default(""),
  /** The units the works is on (codes or ids): one, or a batch of the same partner's units. */
  units: z.array(z.string().trim().min(1)).min(1, { error: "units: name at least one unit" }).max(200),
  targetGroup: TargetGroup.nullable().default(null),
  estimateExVatCents: cents("estimateExVatCents"),
  vatRateBp: z
    .number({ error: "vatRateBp must be a rate in basis points (1000 = 10 %)" })
    .int({ error: "vatRateBp must be a whole number of basis points" })
    .min(0, { error: "vatRateBp cannot be negative" })
    .max(2200, { error: "vatRateBp: at most 2200 (22 %)" })
    .default(DEFAULT_VAT_RATE_BP),
  phases: z.array(Phase).max(30).default([]),
});
export type WorksInput = z.infer<typeof WorksInput>;

export const CostLineInput = z.object({
  description: z
    .string()
    .trim()
    .min(3, { error: "description is required (at least 3 characters)" })
    .max(500),
  supplier: z.string().trim().max(200).default(""),
  invoiceNumber: z.string().trim().min(1, { error: "invoiceNumber is required" }).max(50),
  invoiceDate: day("invoiceDate"),
  amountExVatCents: cents("amountExVatCents").refine((v) => v > 0, {
    error: "amountExVatCents must be greater than 0",
  }),
  vatCents: cents("vatCents"),
  fundingSource: FundingSource,
});
export type CostLineInput = z.infer<typeof CostLineInput>;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * How many days a phase runs late at its end: against its actual end when it has one, else against
 * today once the planned end has passed (a phase not finished is at least this late). Early is 0.
 */
export function phaseSlippageDays(phase: Phase, today: string): number {
  const end = phase.actualEnd ?? (today > phase.plannedEnd ? today : phase.plannedEnd);
  return Math.max(0, daysBetween(phase.plannedEnd, end));
}

/** How late a phase started (0 when on time or early); a phase not started counts against today. */
export function phaseStartDelayDays(phase: Phase, today: string): number {
  const start = phase.actualStart ?? (today > phase.plannedStart ? today : phase.plannedStart);
  return Math.max(0, daysBetween(phase.plannedStart, start));
}

/** The works' slippage: how late its last planned phase ends (0 without phases). */
export function worksSlippageDays(phases: readonly Phase[], today: string): number {
  const last = [...phases].sort((a, b) => (a.plannedEnd < b.plannedEnd ? -1 : 1)).at(-1);
  return last === undefined ? 0 : phaseSlippageDays(last, today);
}

export type CostLine = Pick<CostLineInput, "amountExVatCents" | "vatCents" | "fundingSource">;

export type CostSummary = {
  exVatCents: number;
  vatCents: number;
  totalCents: number;
  /** Cost ex VAT per m² of the units' surface, in cents, rounded half up; null without a surface. */
  perM2Cents: number | null;
  /** Cost ex VAT per unit, in cents, rounded half up. */
  perUnitCents: number | null;
  bySource: Record<FundingSource, number>;
  /** Spent ex VAT against the estimate: positive is over it. */
  overEstimateCents: number;
};

const divide = (amount: number, by: number) => (by > 0 ? Math.floor((amount * 2 + by) / (by * 2)) : null);

/**
 * The works' costs: totals, cost per m² and per unit (ex VAT, as the programme's co-financing rule
 * counts investment), spend by funding source (VAT included), and the difference from the estimate.
 */
export function costSummary(
  lines: readonly CostLine[],
  units: { count: number; surfaceM2: number },
  estimateExVatCents: number,
): CostSummary {
  const bySource = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
  let exVatCents = 0;
  let vatCents = 0;
  for (const line of lines) {
    exVatCents += line.amountExVatCents;
    vatCents += line.vatCents;
    bySource[line.fundingSource] += line.amountExVatCents + line.vatCents;
  }
  return {
    exVatCents,
    vatCents,
    totalCents: exVatCents + vatCents,
    perM2Cents: divide(exVatCents * 100, Math.round(units.surfaceM2 * 100)),
    perUnitCents: divide(exVatCents, units.count),
    bySource,
    overEstimateCents: exVatCents - estimateExVatCents,
  };
}
