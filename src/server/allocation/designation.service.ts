// SPDX-License-Identifier: EUPL-1.2
import { scopeOfRole } from "../../domain/auth/roles.ts";
import type { DemandRow } from "../../domain/designation/designation.schema.ts";
import type {
  AllocationMix,
  DesignationConfirmed,
  DesignationConfirmInput,
  DesignationProposal,
  DesignationProposalInput,
} from "../../domain/designation/designation-api.schema.ts";
import {
  assignmentIssues,
  categoryProfiles,
  proposeStockDesignation,
  type StockUnit,
  stockMix,
} from "../../domain/designation/designation-stock.ts";
import { canManageCategory, type Organisation } from "../../domain/organisations/organisation.schema.ts";
import { UNIT_CATEGORIES, type UnitCategory, type UnitStatus } from "../../domain/units/unit.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { insertUnitEventRows, updateUnitRow } from "../units/units.repository.ts";
import {
  countWaitingHouseholdsBySize,
  type DesignationScope,
  listStockUnitRows,
  type StockUnitRow,
} from "./designation.repository.ts";
import { activeRules } from "./rules.service.ts";

const scopeOf = (actor: Actor): DesignationScope =>
  scopeOfRole(actor.role) === "programme" ? null : { organisationId: actor.organisationId };

function stockUnitOf(row: StockUnitRow): StockUnit {
  const partner =
    row.partnerKind === null
      ? null
      : ({
          kind: row.partnerKind,
          area: row.partnerArea,
          categories: row.partnerCategories ?? [],
        } as Pick<Organisation, "kind" | "area" | "categories"> as Organisation);
  return {
    id: row.id,
    code: row.code,
    category: row.category as UnitCategory,
    status: row.status as UnitStatus,
    rooms: row.rooms,
    surfaceM2: row.surfaceM2,
    version: row.version,
    // The same rule as a unit's edit: an Area B partner manages units of its ambiti only.
    partnerCategories: partner === null ? null : UNIT_CATEGORIES.filter((c) => canManageCategory(partner, c)),
  };
}

async function loadStock(db: Db, scope: DesignationScope): Promise<StockUnit[]> {
  return (await listStockUnitRows(db, scope)).map(stockUnitOf);
}

async function loadDemand(db: Db, scope: DesignationScope): Promise<DemandRow[]> {
  const rows = await countWaitingHouseholdsBySize(db, scope);
  // Sizes as the rules read them: at least one person; the size table ends at 20.
  return rows.map((r) => ({
    category: r.category as UnitCategory,
    size: Math.min(20, Math.max(1, r.size)),
    households: r.households,
  }));
}

/**
 * Propose categories for the designable units (to be renovated or being renovated) so that the stock
 * meets the mix, fitting the households assessed or waiting, under the size standards of the rules in
 * force. Changes nothing.
 */
export async function proposeUnitDesignation(options: {
  db: Db;
  actor: Actor;
  input: DesignationProposalInput;
}): Promise<DesignationProposal> {
  const { db, actor, input } = options;
  const scope = scopeOf(actor);
  const active = await activeRules(db);
  const proposal = proposeStockDesignation({
    units: await loadStock(db, scope),
    demand: await loadDemand(db, scope),
    input,
    rules: active.rules,
  });
  return { rulesVersion: active.version, ...proposal };
}

/**
 * Give units the categories the Comune confirmed, in one transaction: each changed unit gets a new
 * version and a history entry with the reason. A locked, unknown or repeated unit, or a category its
 * partner does not manage, refuses the whole confirmation (422 naming each line); a unit changed
 * since the version sent, or while confirming, too (409). Lines that change nothing are left alone.
 */
export async function confirmUnitDesignation(options: {
  db: Db;
  actor: Actor;
  input: DesignationConfirmInput;
}): Promise<DesignationConfirmed> {
  const { db, actor, input } = options;
  const scope = scopeOf(actor);
  return db.transaction(async (tx) => {
    const byId = new Map((await loadStock(tx, scope)).map((u) => [u.id, u]));
    const issues = assignmentIssues(input.assignments, byId);
    if (issues.length > 0)
      throw new AppError("UNPROCESSABLE", "The designation breaks a rule; nothing was changed", issues);
    const stale = input.assignments.flatMap((a, i) => {
      const u = byId.get(a.unitId) as StockUnit;
      return a.version === undefined || a.version === u.version
        ? []
        : [
            {
              path: `assignments.${i}.version`,
              message: `Unit ${u.code} was changed by someone else (version ${u.version}, you sent ${a.version}); reload the proposal`,
            },
          ];
    });
    if (stale.length > 0)
      throw new AppError("CONFLICT", "Units changed since the proposal; nothing was changed", stale);
    const changes = input.assignments.flatMap((a, at) => {
      const u = byId.get(a.unitId) as StockUnit;
      return a.category === u.category ? [] : [{ unit: u, category: a.category, at }];
    });
    for (const { unit, category, at } of changes) {
      // The units area's optimistic write: only if nobody changed the unit since it was read.
      if (!(await updateUnitRow(tx, unit.id, unit.version, { category })))
        throw new AppError("CONFLICT", "A unit changed while confirming; nothing was changed", [
          {
            path: `assignments.${at}.unitId`,
            message: `Unit ${unit.code} was changed by someone else; retry`,
          },
        ]);
    }
    await insertUnitEventRows(
      tx,
      changes.map(({ unit, category }) => ({
        unitId: unit.id,
        actorId: actor.userId,
        kind: "updated" as const,
        fromStatus: null,
        toStatus: null,
        changes: { category: [unit.category, category] },
        note: input.reason,
      })),
    );
    return {
      changed: changes.length,
      unchanged: input.assignments.length - changes.length,
      mix: stockMix(await loadStock(tx, scope)),
    };
  });
}

/**
 * The mix dashboard: the category mix of the stock against 39/26/35 ± 3 points, and per category the
 * households assessed or waiting by size against the units by rooms. A partner sees its own units and
 * households only.
 */
export async function getAllocationMix(options: { db: Db; actor: Actor }): Promise<AllocationMix> {
  const { db, actor } = options;
  const scope = scopeOf(actor);
  const units = await loadStock(db, scope);
  return {
    scope: scope === null ? "programme" : "own_organisation",
    mix: stockMix(units),
    categories: categoryProfiles(await loadDemand(db, scope), units),
  };
}
