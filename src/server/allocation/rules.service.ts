// SPDX-License-Identifier: EUPL-1.2
import type { EligibilityHousehold, EligibilityUnit } from "../../domain/eligibility/eligibility.ts";
import type { Lang } from "../../domain/eligibility/format.ts";
import {
  DEFAULT_OFFER_RULES,
  DEFAULT_RULES,
  type RulesVersion,
} from "../../domain/eligibility/rules.schema.ts";
import type {
  AllocationRules,
  AllocationRulesInput,
  AllocationRulesList,
  AllocationRulesPreview,
  AllocationRulesPreviewInput,
  PublishedRules,
  RulesDocument,
} from "../../domain/eligibility/rules-api.schema.ts";
import { previewRulesChange } from "../../domain/eligibility/rules-preview.ts";
import { publishedCriteria, publishedRequirements } from "../../domain/eligibility/rules-text.ts";
import { equityProfileOf } from "../../domain/equity/equity-report.ts";
import { ACCESSIBILITY_NEEDS } from "../../domain/households/household.schema.ts";
import type { UnitCategory } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
import { listEquityProfileRows } from "./equity.repository.ts";
import {
  findLatestRulesVersionRow,
  insertRulesVersionRow,
  listOfferableUnitRows,
  listRulesVersionRows,
  listWaitingHouseholdRows,
  lockRulesVersions,
  type RulesVersionRow,
} from "./rules.repository.ts";

const documentOf = ({ version: _v, reason: _r, ...rules }: RulesVersion): RulesDocument => rules;

/** A stored version as it reads today: one saved before the offer rules were data gets those then in force. */
const storedRules = (row: RulesVersionRow): RulesVersion => {
  const rules = row.rules as RulesVersion;
  return { ...rules, offers: rules.offers ?? DEFAULT_OFFER_RULES };
};

function viewOf(row: RulesVersionRow): AllocationRules {
  return {
    version: row.version,
    stored: true,
    reason: row.reason,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    activeFrom: row.activeFrom.toISOString(),
    rules: documentOf(storedRules(row)),
  };
}

const DEFAULT_VIEW: AllocationRules = {
  version: 0,
  stored: false,
  reason: DEFAULT_RULES.reason,
  createdBy: null,
  createdAt: null,
  activeFrom: null,
  rules: documentOf(DEFAULT_RULES),
};

/** The rules in force and their number: the latest stored version, or the starting rules as 0. */
export async function activeRules(
  db: Db,
): Promise<{ version: number; rules: RulesVersion; row: RulesVersionRow | null }> {
  const row = await findLatestRulesVersionRow(db);
  return row === null
    ? { version: 0, rules: DEFAULT_RULES, row }
    : { version: row.version, rules: storedRules(row), row };
}

export async function getActiveRules(options: { db: Db }): Promise<AllocationRules> {
  const { row } = await activeRules(options.db);
  return row === null ? DEFAULT_VIEW : viewOf(row);
}

export async function listRulesVersions(options: { db: Db }): Promise<AllocationRulesList> {
  const items = (await listRulesVersionRows(options.db)).map(viewOf);
  return { items, total: items.length };
}

/**
 * Save the rules as the next version, in force from now. Writers take turns (a transaction lock), so
 * two saves never get the same number; the unique version is the last guard.
 */
export async function saveRulesVersion(options: {
  db: Db;
  actor: Actor;
  input: AllocationRulesInput;
  now: Date;
}): Promise<AllocationRules> {
  const { db, actor, input, now } = options;
  return db.transaction(async (tx) => {
    await lockRulesVersions(tx);
    const version = ((await findLatestRulesVersionRow(tx))?.version ?? 0) + 1;
    const rules: RulesVersion = { version, reason: input.reason, ...input.rules };
    const row = await insertRulesVersionRow(tx, {
      version,
      rules,
      reason: input.reason,
      createdBy: actor.userId,
      createdByName: actor.name,
      at: now,
    });
    if (row === null) {
      throw fieldError("CONFLICT", "version", "Another version was saved at the same moment; retry");
    }
    return viewOf(row);
  });
}

/** The criteria and requirements of the rules in force, in plain words. */
export async function getPublishedRules(options: { db: Db; lang: Lang }): Promise<PublishedRules> {
  const { db, lang } = options;
  const { version, rules } = await activeRules(db);
  return {
    version,
    lang,
    criteria: publishedCriteria(rules, lang),
    requirements: publishedRequirements(rules, lang),
  };
}

export type HouseholdRow = Awaited<ReturnType<typeof listWaitingHouseholdRows>>[number];
export type UnitRow = Awaited<ReturnType<typeof listOfferableUnitRows>>[number];

const accessibilityOf = (value: string): EligibilityHousehold["accessibilityNeed"] =>
  (ACCESSIBILITY_NEEDS as readonly string[]).includes(value)
    ? (value as EligibilityHousehold["accessibilityNeed"])
    : "none";

/** A household row as the rules read it; the Comune referring it means the social services did. */
export function eligibilityHousehold(row: HouseholdRow): EligibilityHousehold {
  return {
    id: row.id,
    category: row.category as UnitCategory,
    referralType: row.referringKind === "comune" ? "social_services" : "partner",
    targetGroup: row.targetGroup as EligibilityHousehold["targetGroup"],
    size: Math.max(1, row.size),
    needs: row.needs as EligibilityHousehold["needs"],
    accessibilityNeed: accessibilityOf(row.accessibilityNeed),
    priority: row.priority as EligibilityHousehold["priority"],
    incomeCents: row.incomeCents,
    iseeCents: row.iseeCents,
    managingPartnerCode: row.managingPartnerCode,
    // Eligibility never reads the seed (only the priority's tie-breaker does).
    tieBreakerSeed: row.id,
  };
}

export const eligibilityUnit = ({ code: _code, ...row }: UnitRow): EligibilityUnit => ({
  ...row,
  category: row.category as UnitCategory,
});

/** The households a preview is about. */
const PREVIEW_STATUSES = ["assessed", "waiting"] as const;

/**
 * What the proposed rules would change against the rules in force, over the households assessed or
 * waiting and the units available or being vacated: who gains or loses eligibility, the mix, and the
 * eligible households by equity dimension (small counts withheld).
 */
export async function previewRules(options: {
  db: Db;
  input: AllocationRulesPreviewInput;
  now: Date;
}): Promise<AllocationRulesPreview> {
  const { db, input, now } = options;
  const active = await activeRules(db);
  const householdRows = await listWaitingHouseholdRows(db, PREVIEW_STATUSES);
  const unitRows = await listOfferableUnitRows(db);
  // The equity view reads needs in aggregate only, and none of a household that withdrew that consent.
  const profileRows = await listEquityProfileRows(db, PREVIEW_STATUSES);
  const preview = previewRulesChange({
    before: active.rules,
    after: { version: active.version + 1, reason: "Preview", ...input.rules },
    households: householdRows.map(eligibilityHousehold),
    units: unitRows.map(eligibilityUnit),
    today: romeDate(now),
    profiles: Object.fromEntries(profileRows.map((row) => [row.id, equityProfileOf(row)])),
  });
  const references = new Map(householdRows.map((h) => [h.id, h.reference]));
  const referencesOf = (ids: string[]) => ids.map((id) => references.get(id) ?? id);
  return {
    activeVersion: active.version,
    households: householdRows.length,
    units: unitRows.length,
    added: referencesOf(preview.added),
    removed: referencesOf(preview.removed),
    eligibleHouseholds: preview.eligibleHouseholds,
    mix: preview.mix,
    equity: preview.equity,
  };
}
