// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { TARGET_GROUPS } from "../households/household.schema.ts";
import {
  AGE_BANDS,
  CITIZENSHIP_GROUPS,
  DISABILITY_GROUPS,
  GENDER_GROUPS,
  SMALL_COUNT_MAX,
} from "./equity-report.ts";

/*
 * The response bodies of the equity report and of the equity part of a rules preview, shared by the
 * server (which names them in the OpenAPI document) and the web client. Definitions: `equity-report.ts`.
 */

/** A count of households; null when withheld (from 1 to 4, or withheld with such a count). */
const Count = z.number().int().min(0).nullable();
/** A share from 0 to 1; null when a count it is made of is withheld or its base is 0. */
const Rate = z.number().min(0).max(1).nullable();

const groupsOf = <T extends z.ZodRawShape>(shape: T) => {
  const row = <G extends readonly [string, ...string[]]>(groups: G) =>
    z.array(z.object({ group: z.enum(groups), ...shape, suppressed: z.boolean() }));
  return z.object({
    gender: row(GENDER_GROUPS),
    ageBand: row(AGE_BANDS),
    citizenship: row(CITIZENSHIP_GROUPS),
    disability: row(DISABILITY_GROUPS),
    householdType: row(TARGET_GROUPS),
  });
};

const StageCounts = { eligible: Count, offered: Count, accepted: Count, housed: Count };
const Rates = z.object({
  offeredOfEligible: Rate,
  acceptedOfOffered: Rate,
  housedOfEligible: Rate,
});

/** The allocation equity report: stages and rates per group of each dimension, counts only. */
export const EquityReport = z.object({
  /** The day the report is computed for (ages are on this day), `YYYY-MM-DD`. */
  asOf: z.iso.date(),
  /** The rules version eligibility was judged under (0: the starting rules). */
  rulesVersion: z.number().int().min(0),
  /** Units of the stock eligibility was judged against: available or offered. */
  units: z.number().int().min(0),
  /** Counts from 1 to this are withheld. */
  smallCountMax: z.literal(SMALL_COUNT_MAX),
  /** Households in the population; null when withheld. */
  households: Count,
  total: z.object({ group: z.literal("all"), ...StageCounts, suppressed: z.boolean(), rates: Rates }),
  dimensions: groupsOf({ ...StageCounts, rates: Rates }),
});
export type EquityReport = z.infer<typeof EquityReport>;

/** Eligible households per group of each dimension, small counts withheld (one side of a rules preview). */
export const EligibleEquity = z.object({
  total: z.object({ group: z.literal("all"), eligible: Count, suppressed: z.boolean() }),
  dimensions: groupsOf({ eligible: Count }),
});
export type EligibleEquity = z.infer<typeof EligibleEquity>;
