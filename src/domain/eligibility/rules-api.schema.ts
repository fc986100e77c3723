// SPDX-License-Identifier: EUPL-1.2
import { z } from "zod";
import { EligibleEquity } from "../equity/equity.schema.ts";
import { UNIT_CATEGORIES } from "../units/unit.schema.ts";
import { RulesVersion } from "./rules.schema.ts";

/*
 * The request and response bodies of the allocation-rules API, shared by the server (which names them
 * in the OpenAPI document) and the web client.
 */

/** The rules document the admin edits: a `RulesVersion` without the number and reason the server sets. */
export const RulesDocument = RulesVersion.omit({ version: true, reason: true });
export type RulesDocument = z.infer<typeof RulesDocument>;

/** A new version of the allocation rules: the rules, and why they change (motivazione). */
export const AllocationRulesInput = z.object({
  rules: RulesDocument,
  reason: RulesVersion.shape.reason,
});
export type AllocationRulesInput = z.infer<typeof AllocationRulesInput>;

/** What the preview of a change takes: the proposed rules. */
export const AllocationRulesPreviewInput = z.object({ rules: RulesDocument });
export type AllocationRulesPreviewInput = z.infer<typeof AllocationRulesPreviewInput>;

/** A version of the allocation rules with who saved it, when and why. */
export const AllocationRules = z.object({
  /** 0: the starting rules (`DEFAULT_RULES`), in force while no version is stored. */
  version: z.number().int().min(0),
  stored: z.boolean(),
  reason: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  createdAt: z.string().nullable(),
  activeFrom: z.string().nullable(),
  rules: RulesDocument,
});
export type AllocationRules = z.infer<typeof AllocationRules>;

export const AllocationRulesList = z.object({ items: z.array(AllocationRules), total: z.number().int() });
export type AllocationRulesList = z.infer<typeof AllocationRulesList>;

export const PublishedRules = z.object({
  version: z.number().int().min(0),
  lang: z.enum(["it", "en"]),
  /** The priority criteria and their points, one sentence each. */
  criteria: z.array(z.string()),
  /** Who may be offered which home, one sentence each. */
  requirements: z.array(z.string()),
});
export type PublishedRules = z.infer<typeof PublishedRules>;

const Mix = z.record(z.enum(UNIT_CATEGORIES), z.object({ pairs: z.number().int(), share: z.number() }));

export const AllocationRulesPreview = z.object({
  /** The active version the proposal is compared with. */
  activeVersion: z.number().int().min(0),
  households: z.number().int(),
  units: z.number().int(),
  /** References of the households that become eligible for at least one unit. */
  added: z.array(z.string()),
  /** References of the households eligible today for some unit that would be for none. */
  removed: z.array(z.string()),
  eligibleHouseholds: z.object({ before: z.number().int(), after: z.number().int() }),
  mix: z.object({ before: Mix, after: Mix }),
  /**
   * The households eligible for at least one unit by sex, age band and citizenship of the head,
   * disability and household type, under the rules in force and the proposed ones; counts from 1 to 4
   * withheld (null).
   */
  equity: z.object({ before: EligibleEquity, after: EligibleEquity }),
});
export type AllocationRulesPreview = z.infer<typeof AllocationRulesPreview>;
