// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { UnitStatus } from "../units/unit.schema.ts";
import { ContractorInput, WhiteListRegistration } from "./contractor.ts";
import { FUNDING_SOURCES, Phase } from "./works.ts";

/*
 * What the works API answers and takes beyond the records' own inputs (contractor.ts, works.ts):
 * contractors with their white-list standing today, works with their units, phases, costs, checklist
 * and figures, and the moves of a works (award, phases, costs, standards, completion).
 */

export const WORKS_STATUSES = ["planned", "awarded", "in_progress", "completed", "cancelled"] as const;
/** Stato dei lavori: programmati, affidati, in corso, conclusi, annullati. */
export const WorksStatus = z.enum(WORKS_STATUSES, {
  error: `status must be one of ${WORKS_STATUSES.join(", ")}`,
});
export type WorksStatus = z.infer<typeof WorksStatus>;

const version = z
  .number({ error: "version must be the version you read" })
  .int({ error: "version must be the version you read" })
  .min(1, { error: "version must be the version you read" });
const day = (field: string) => z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` });

export const RegistrationStanding = z.enum(["valid", "renewal_pending", "not_yet", "expired"]);

export const ContractorView = ContractorInput.extend({
  id: z.uuid(),
  whiteList: WhiteListRegistration,
  /** The registration's standing today, and the days to its term's end (negative once past). */
  standing: RegistrationStanding,
  daysToExpiry: z.number().int(),
  /** Within 30 days of its term's end with no renewal asked for. */
  expiringSoon: z.boolean(),
  organisationCode: z.string(),
  version: z.number().int(),
});
export type ContractorView = z.infer<typeof ContractorView>;

export const ContractorList = z.object({ items: z.array(ContractorView) });
export type ContractorList = z.infer<typeof ContractorList>;

export const ContractorUpdate = ContractorInput.extend({ version });
export type ContractorUpdate = z.infer<typeof ContractorUpdate>;

export const AwardInput = z.object({
  contractorId: z.uuid({ error: "contractorId must be a contractor's id" }),
  awardedOn: day("awardedOn"),
  version,
});
export type AwardInput = z.infer<typeof AwardInput>;

/** A phase's new planned or actual dates; the phase is named by its position (1 for the first). */
export const PhaseUpdate = z.object({
  position: z.number().int().min(1, { error: "position must be the phase's position (from 1)" }),
  phase: Phase,
  version,
});
export type PhaseUpdate = z.infer<typeof PhaseUpdate>;

export const StandardsInput = z.object({
  ticked: z.array(z.string().trim().min(1)).max(60),
  version,
});
export type StandardsInput = z.infer<typeof StandardsInput>;

export const CompleteInput = z.object({ completedOn: day("completedOn"), version });
export type CompleteInput = z.infer<typeof CompleteInput>;

export const CancelInput = z.object({
  reason: z.string().trim().min(3, { error: "reason is required (at least 3 characters)" }).max(1000),
  version,
});
export type CancelInput = z.infer<typeof CancelInput>;

const BySource = z.object(
  Object.fromEntries(FUNDING_SOURCES.map((s) => [s, z.number().int()])) as Record<
    (typeof FUNDING_SOURCES)[number],
    z.ZodNumber
  >,
);

export const CostFigures = z.object({
  exVatCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  perM2Cents: z.number().int().nullable(),
  perUnitCents: z.number().int().nullable(),
  bySource: BySource,
  overEstimateCents: z.number().int(),
});

export const WorksSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  partnerCode: z.string(),
  status: WorksStatus,
  unitCodes: z.array(z.string()),
  estimateExVatCents: z.number().int(),
  spentExVatCents: z.number().int(),
  contractorName: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  slippageDays: z.number().int(),
});
export type WorksSummary = z.infer<typeof WorksSummary>;

export const WorksList = z.object({ items: z.array(WorksSummary) });
export type WorksList = z.infer<typeof WorksList>;

export const WorksDetail = WorksSummary.extend({
  scope: z.string(),
  targetGroup: z.string().nullable(),
  vatRateBp: z.number().int(),
  estimateVatCents: z.number().int(),
  awardedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** A cancelled works: the day and the reason. */
  cancelledOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  contractor: ContractorView.nullable(),
  units: z.array(z.object({ id: z.uuid(), code: z.string(), surfaceM2: z.number(), status: UnitStatus })),
  phases: z.array(
    Phase.extend({
      position: z.number().int(),
      slippageDays: z.number().int(),
      startDelayDays: z.number().int(),
    }),
  ),
  costs: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      supplier: z.string(),
      invoiceNumber: z.string(),
      invoiceDate: z.string(),
      amountExVatCents: z.number().int(),
      vatCents: z.number().int(),
      fundingSource: z.enum(FUNDING_SOURCES),
    }),
  ),
  figures: CostFigures,
  standards: z.object({
    items: z.array(z.string()),
    ticked: z.array(z.string()),
    missing: z.array(z.string()),
  }),
  version: z.number().int(),
});
export type WorksDetail = z.infer<typeof WorksDetail>;

/** Costs per m² and per unit, slippage and spend by source: per works and for all the caller sees. */
export const WorksReport = z.object({
  works: z.array(
    z.object({
      reference: z.string(),
      partnerCode: z.string(),
      status: WorksStatus,
      units: z.number().int(),
      surfaceM2: z.number(),
      exVatCents: z.number().int(),
      perM2Cents: z.number().int().nullable(),
      perUnitCents: z.number().int().nullable(),
      slippageDays: z.number().int(),
    }),
  ),
  totals: CostFigures.omit({ overEstimateCents: true }).extend({
    units: z.number().int(),
    surfaceM2: z.number(),
  }),
});
export type WorksReport = z.infer<typeof WorksReport>;
