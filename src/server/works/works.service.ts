// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { TargetGroup } from "../../domain/households/household.schema.ts";
import type { Unit } from "../../domain/units/unit.schema.ts";
import { registrationProblem } from "../../domain/works/contractor.ts";
import { missingStandards, standardsFor } from "../../domain/works/standards.ts";
import {
  type CostLineInput,
  costSummary,
  type Phase,
  phaseSlippageDays,
  phaseStartDelayDays,
  vatOf,
  type WorksInput,
  worksSlippageDays,
} from "../../domain/works/works.ts";
import type {
  AwardInput,
  CancelInput,
  CompleteInput,
  PhaseUpdate,
  StandardsInput,
  WorksDetail,
  WorksReport,
  WorksStatus,
  WorksSummary,
} from "../../domain/works/works-api.schema.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import {
  contractors,
  organisations,
  units,
  works,
  worksCostLines,
  worksPhases,
  worksUnits,
} from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";
import { getUnit, transitionUnit } from "../units/units.service.ts";
import { findContractor, registrationOf, toContractorView } from "./contractors.service.ts";

type WorksRow = typeof works.$inferSelect;

/** A change to one works, named by id or reference, with its input. */
export type MoveOptions<I> = { db: Db; actor: Actor; idOrReference: string; input: I; today: string };
/** A change to one works; answers the works as it now is. */
export type WorksMove<I> = (options: MoveOptions<I>) => Promise<WorksDetail>;

/** The units a works renovates, by code, with what its figures and moves need. */
const unitsOfWorks = (db: Db, worksId: string) =>
  db
    .select({ id: units.id, code: units.code, surfaceM2: units.surfaceM2, status: units.status })
    .from(worksUnits)
    .innerJoin(units, eq(units.id, worksUnits.unitId))
    .where(eq(worksUnits.worksId, worksId))
    .orderBy(asc(units.code));

async function findWorksOrFail(db: Db, idOrReference: string): Promise<WorksRow> {
  const [row] = await db
    .select()
    .from(works)
    .where(
      isUuid(idOrReference) ? eq(works.id, idOrReference) : eq(works.reference, idOrReference.toUpperCase()),
    );
  if (row === undefined) throw new AppError("NOT_FOUND", `No works "${idOrReference}"`);
  return row;
}

const phasesOf = (db: Db, worksIds: string[]) =>
  worksIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(worksPhases)
        .where(inArray(worksPhases.worksId, worksIds))
        .orderBy(asc(worksPhases.position));

const toPhase = (row: typeof worksPhases.$inferSelect): Phase => ({
  name: row.name,
  plannedStart: row.plannedStart,
  plannedEnd: row.plannedEnd,
  actualStart: row.actualStart,
  actualEnd: row.actualEnd,
});

/** The works the caller sees (a partner: its own units'), newest first, with their figures. */
export async function listWorks(options: {
  db: Db;
  today: string;
  query: { status?: WorksStatus | undefined; partner?: string | undefined };
}): Promise<{ items: WorksSummary[] }> {
  const { db, today, query } = options;
  const rows = await db
    .select({
      works,
      partnerCode: organisations.code,
      contractorName: contractors.name,
      spentExVatCents: sql<number>`coalesce((select sum(c.amount_ex_vat_cents) from works_cost_lines c where c.works_id = ${works.id}), 0)::bigint`,
      unitCodes: sql<
        string[]
      >`coalesce((select array_agg(u.code order by u.code) from works_units wu join units u on u.id = wu.unit_id where wu.works_id = ${works.id}), '{}')`,
    })
    .from(works)
    .innerJoin(organisations, eq(organisations.id, works.partnerId))
    .leftJoin(contractors, eq(contractors.id, works.contractorId))
    .where(
      and(
        query.status ? eq(works.status, query.status) : undefined,
        query.partner ? eq(organisations.code, query.partner) : undefined,
      ),
    )
    .orderBy(desc(works.createdAt))
    .limit(500);
  const phases = await phasesOf(
    db,
    rows.map((r) => r.works.id),
  );
  return {
    items: rows.map((r) => {
      const own = phases.filter((p) => p.worksId === r.works.id).map(toPhase);
      return {
        id: r.works.id,
        reference: r.works.reference,
        title: r.works.title,
        partnerCode: r.partnerCode,
        status: r.works.status as WorksStatus,
        unitCodes: r.unitCodes,
        estimateExVatCents: r.works.estimateExVatCents,
        spentExVatCents: Number(r.spentExVatCents),
        contractorName: r.contractorName,
        plannedEnd:
          own
            .map((p) => p.plannedEnd)
            .sort()
            .at(-1) ?? null,
        slippageDays: worksSlippageDays(own, today),
      };
    }),
  };
}

/** One works with its units, phases, costs, checklist and figures. */
export async function getWorks(options: {
  db: Db;
  idOrReference: string;
  today: string;
}): Promise<WorksDetail> {
  const { db, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  const [partner] = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, row.partnerId));
  const unitRows = await unitsOfWorks(db, row.id);
  const phaseRows = await phasesOf(db, [row.id]);
  const costRows = await db
    .select()
    .from(worksCostLines)
    .where(eq(worksCostLines.worksId, row.id))
    .orderBy(asc(worksCostLines.invoiceDate), asc(worksCostLines.createdAt));
  const contractor = row.contractorId === null ? null : await findContractor(db, row.contractorId);
  const phases = phaseRows.map(toPhase);
  const surfaceM2 = unitRows.reduce((sum, u) => sum + Number(u.surfaceM2), 0);
  const figures = costSummary(
    costRows.map((c) => ({
      amountExVatCents: c.amountExVatCents,
      vatCents: c.vatCents,
      fundingSource: c.fundingSource as CostLineInput["fundingSource"],
    })),
    { count: unitRows.length, surfaceM2 },
    row.estimateExVatCents,
  );
  const group = row.targetGroup as TargetGroup | null;
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    scope: row.scope,
    partnerCode: partner?.code ?? "",
    status: row.status as WorksStatus,
    targetGroup: row.targetGroup,
    unitCodes: unitRows.map((u) => u.code),
    estimateExVatCents: row.estimateExVatCents,
    vatRateBp: row.vatRateBp,
    estimateVatCents: vatOf(row.estimateExVatCents, row.vatRateBp),
    spentExVatCents: figures.exVatCents,
    contractorName: contractor?.name ?? null,
    contractor: contractor === null ? null : toContractorView(contractor, today),
    awardedOn: row.awardedOn,
    completedOn: row.completedOn,
    cancelledOn: row.cancelledOn,
    cancelReason: row.cancelReason,
    plannedEnd:
      phases
        .map((p) => p.plannedEnd)
        .sort()
        .at(-1) ?? null,
    slippageDays: worksSlippageDays(phases, today),
    units: unitRows.map((u) => ({
      ...u,
      surfaceM2: Number(u.surfaceM2),
      status: u.status as WorksDetail["units"][number]["status"],
    })),
    phases: phaseRows.map((p) => ({
      ...toPhase(p),
      position: p.position,
      slippageDays: phaseSlippageDays(toPhase(p), today),
      startDelayDays: phaseStartDelayDays(toPhase(p), today),
    })),
    costs: costRows.map((c) => ({
      id: c.id,
      description: c.description,
      supplier: c.supplier,
      invoiceNumber: c.invoiceNumber,
      invoiceDate: c.invoiceDate,
      amountExVatCents: c.amountExVatCents,
      vatCents: c.vatCents,
      fundingSource: c.fundingSource as CostLineInput["fundingSource"],
    })),
    figures,
    standards: {
      items: standardsFor(group),
      ticked: row.standardsTicked,
      missing: missingStandards(group, row.standardsTicked),
    },
    version: row.version,
  };
}

/** Bump the works' version if it is still `version`; a stale one gets 409 naming `version`. */
async function touch(db: Db, row: WorksRow, version: number, set: Partial<typeof works.$inferInsert> = {}) {
  const changed = await db
    .update(works)
    .set({ ...set, updatedAt: new Date(), version: sql`${works.version} + 1` })
    .where(and(eq(works.id, row.id), eq(works.version, version)))
    .returning({ id: works.id });
  if (changed.length === 0)
    throw fieldError(
      "CONFLICT",
      "version",
      `The works was changed by someone else (version ${row.version}, you sent ${version}); reload it and retry`,
    );
}

const refuseUnless = (row: WorksRow, statuses: readonly WorksStatus[], what: string) => {
  if (!statuses.includes(row.status as WorksStatus))
    throw fieldError("CONFLICT", "status", `The works is ${row.status}: ${what}`);
};

/**
 * Plan works on one unit or a batch of one partner's units (named by code or id, each visible to the
 * caller), with its estimate, VAT rate and phases. The works belongs to the units' managing partner.
 */
export async function createWorks(options: { db: Db; actor: Actor; input: WorksInput; today: string }) {
  const { db, actor, input, today } = options;
  const found: Unit[] = [];
  for (const [i, idOrCode] of input.units.entries()) {
    const unit = await getUnit({ db, actor, idOrCode }).catch(() => null);
    if (unit === null) throw fieldError("UNPROCESSABLE", `units.${i}`, `No unit "${idOrCode}"`);
    if (found.some((u) => u.id === unit.id))
      throw fieldError("UNPROCESSABLE", `units.${i}`, `Unit ${unit.code} is listed twice`);
    found.push(unit);
  }
  const partners = new Set(found.map((u) => u.managingPartnerCode));
  const [partnerCode] = partners;
  if (partners.size > 1 || partnerCode === null || partnerCode === undefined)
    throw fieldError("UNPROCESSABLE", "units", "The units of one works must be managed by one partner");
  const [partner] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, partnerCode));
  const [row] = await db
    .insert(works)
    .values({
      partnerId: partner?.id as string,
      title: input.title,
      scope: input.scope,
      targetGroup: input.targetGroup,
      estimateExVatCents: input.estimateExVatCents,
      vatRateBp: input.vatRateBp,
      createdBy: actor.userId,
    })
    .returning({ id: works.id });
  const worksId = row?.id as string;
  await db.insert(worksUnits).values(found.map((u) => ({ worksId, unitId: u.id })));
  if (input.phases.length > 0) {
    for (const [i, phase] of input.phases.entries())
      if (phase.actualStart !== null)
        throw fieldError(
          "UNPROCESSABLE",
          `phases.${i}.actualStart`,
          "A phase starts only once the works is awarded",
        );
    await db.insert(worksPhases).values(input.phases.map((p, i) => ({ worksId, position: i + 1, ...p })));
  }
  return getWorks({ db, idOrReference: worksId, today });
}

async function validContractorOn(db: Db, contractorId: string, on: string, path: string) {
  const contractor = await findContractor(db, contractorId);
  if (contractor === null)
    throw fieldError("UNPROCESSABLE", "contractorId", `No contractor "${contractorId}"`);
  const problem = registrationProblem(contractor.name, registrationOf(contractor), on);
  if (problem !== null) throw fieldError("UNPROCESSABLE", path, problem);
  return contractor;
}

/** Award the works to a contractor whose white-list registration is valid on the award's day. */
export async function awardWorks(options: MoveOptions<AwardInput>): Promise<WorksDetail> {
  const { db, input, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  refuseUnless(row, ["planned", "awarded"], "only works not started yet are awarded");
  if (input.awardedOn > today)
    throw fieldError("UNPROCESSABLE", "awardedOn", "awardedOn cannot be in the future");
  await validContractorOn(db, input.contractorId, input.awardedOn, "contractorId");
  await touch(db, row, input.version, {
    contractorId: input.contractorId,
    awardedOn: input.awardedOn,
    status: "awarded",
  });
  return getWorks({ db, idOrReference: row.id, today });
}

/**
 * Set a phase's dates (or add the next phase). A phase starts only on an awarded works and only on a
 * day the contractor's registration is valid; the first start moves the works in progress and its
 * units to renovating.
 */
export async function savePhase(options: MoveOptions<PhaseUpdate>): Promise<WorksDetail> {
  const { db, actor, input, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  refuseUnless(row, ["planned", "awarded", "in_progress"], "its phases no longer change");
  const existing = await phasesOf(db, [row.id]);
  const current = existing.find((p) => p.position === input.position);
  if (current === undefined && input.position !== existing.length + 1)
    throw fieldError(
      "UNPROCESSABLE",
      "position",
      `No phase ${input.position}: the next new phase is ${existing.length + 1}`,
    );
  const { phase } = input;
  for (const [field, value] of [
    ["actualStart", phase.actualStart],
    ["actualEnd", phase.actualEnd],
  ] as const)
    if (value !== null && value > today)
      throw fieldError("UNPROCESSABLE", `phase.${field}`, `${field} cannot be in the future`);
  const starts = phase.actualStart !== null && phase.actualStart !== (current?.actualStart ?? null);
  if (starts) {
    if (row.contractorId === null || row.awardedOn === null)
      throw fieldError("UNPROCESSABLE", "phase.actualStart", "A phase starts only once the works is awarded");
    if ((phase.actualStart as string) < row.awardedOn)
      throw fieldError(
        "UNPROCESSABLE",
        "phase.actualStart",
        `A phase cannot start before the award (${row.awardedOn})`,
      );
    await validContractorOn(db, row.contractorId, phase.actualStart as string, "phase.actualStart");
  }
  if (current === undefined)
    await db.insert(worksPhases).values({ worksId: row.id, position: input.position, ...phase });
  else await db.update(worksPhases).set(phase).where(eq(worksPhases.id, current.id));
  const begins = starts && row.status !== "in_progress";
  await touch(db, row, input.version, begins ? { status: "in_progress" } : {});
  if (begins) {
    const unitRows = await unitsOfWorks(db, row.id);
    for (const unit of unitRows.filter((u) => u.status === "to_renovate"))
      await transitionUnit({
        db,
        actor,
        idOrCode: unit.id,
        input: { to: "renovating", note: `Lavori ${row.reference}` },
      });
  }
  return getWorks({ db, idOrReference: row.id, today });
}

/** Record a cost of the works with its invoice and funding source. */
export async function addCost(options: MoveOptions<CostLineInput>): Promise<WorksDetail> {
  const { db, actor, input, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  refuseUnless(row, ["planned", "awarded", "in_progress", "completed"], "no cost is recorded on it");
  if (input.invoiceDate > today)
    throw fieldError("UNPROCESSABLE", "invoiceDate", "invoiceDate cannot be in the future");
  await db.insert(worksCostLines).values({ worksId: row.id, ...input, createdBy: actor.userId });
  await touch(db, row, row.version);
  return getWorks({ db, idOrReference: row.id, today });
}

/** Tick the standards checklist: only items of the works' target group's checklist. */
export async function saveStandards(options: MoveOptions<StandardsInput>): Promise<WorksDetail> {
  const { db, input, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  refuseUnless(row, ["planned", "awarded", "in_progress"], "its checklist no longer changes");
  const items = standardsFor(row.targetGroup as TargetGroup | null);
  for (const [i, item] of input.ticked.entries())
    if (!items.includes(item))
      throw fieldError("UNPROCESSABLE", `ticked.${i}`, `"${item}" is not on this works' checklist`);
  await touch(db, row, input.version, { standardsTicked: [...new Set(input.ticked)] });
  return getWorks({ db, idOrReference: row.id, today });
}

/**
 * Complete the works: every phase ended, every standard of the checklist met. Its units become
 * available for allocation.
 */
export async function completeWorks(options: MoveOptions<CompleteInput>): Promise<WorksDetail> {
  const { db, actor, input, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  refuseUnless(row, ["in_progress"], "only works in progress are completed");
  if (input.completedOn > today)
    throw fieldError("UNPROCESSABLE", "completedOn", "completedOn cannot be in the future");
  const phases = await phasesOf(db, [row.id]);
  const open = phases.find((p) => p.actualEnd === null);
  if (open !== undefined)
    throw fieldError("UNPROCESSABLE", "phases", `Phase ${open.position} (${open.name}) has not ended`);
  const lastEnd = phases
    .map((p) => p.actualEnd as string)
    .sort()
    .at(-1);
  if (lastEnd !== undefined && input.completedOn < lastEnd)
    throw fieldError(
      "UNPROCESSABLE",
      "completedOn",
      `completedOn cannot come before the last phase ended (${lastEnd})`,
    );
  const missing = missingStandards(row.targetGroup as TargetGroup | null, row.standardsTicked);
  if (missing.length > 0)
    throw fieldError("UNPROCESSABLE", "standards", `Standards not met yet: ${missing.join(", ")}`);
  await touch(db, row, input.version, { status: "completed", completedOn: input.completedOn });
  const unitRows = await unitsOfWorks(db, row.id);
  const note = `Lavori ${row.reference} conclusi il ${input.completedOn}`;
  for (const unit of unitRows) {
    if (unit.status === "to_renovate")
      await transitionUnit({ db, actor, idOrCode: unit.id, input: { to: "renovating", note } });
    if (unit.status === "to_renovate" || unit.status === "renovating")
      await transitionUnit({ db, actor, idOrCode: unit.id, input: { to: "available", note } });
  }
  return getWorks({ db, idOrReference: row.id, today });
}

/**
 * Cancel a works not completed, with a reason: its costs stay (money spent), its units under works go
 * back to be renovated, and the units' history says why.
 */
export async function cancelWorks(options: MoveOptions<CancelInput>): Promise<WorksDetail> {
  const { db, actor, input, today } = options;
  const row = await findWorksOrFail(db, options.idOrReference);
  refuseUnless(row, ["planned", "awarded", "in_progress"], "only works not completed are cancelled");
  await touch(db, row, input.version, {
    status: "cancelled",
    cancelledOn: today,
    cancelReason: input.reason,
  });
  const note = `Lavori ${row.reference} annullati il ${today}: ${input.reason}`;
  for (const unit of await unitsOfWorks(db, row.id))
    if (unit.status === "renovating")
      await transitionUnit({ db, actor, idOrCode: unit.id, input: { to: "to_renovate", note } });
  return getWorks({ db, idOrReference: row.id, today });
}

/** Cost per m² and per unit, slippage and spend by source, per works and in total. */
export async function worksReport(options: { db: Db; today: string }): Promise<WorksReport> {
  const { db, today } = options;
  const list = await listWorks({ db, today, query: {} });
  const details = [];
  for (const item of list.items.filter((w) => w.status !== "cancelled"))
    details.push(await getWorks({ db, idOrReference: item.id, today }));
  const all = details.flatMap((d) => d.costs);
  const unitsCount = details.reduce((n, d) => n + d.units.length, 0);
  const surfaceM2 = details.reduce((n, d) => n + d.units.reduce((m, u) => m + u.surfaceM2, 0), 0);
  const { overEstimateCents: _over, ...totals } = costSummary(all, { count: unitsCount, surfaceM2 }, 0);
  return {
    works: details.map((d) => ({
      reference: d.reference,
      partnerCode: d.partnerCode,
      status: d.status,
      units: d.units.length,
      surfaceM2: d.units.reduce((m, u) => m + u.surfaceM2, 0),
      exVatCents: d.figures.exVatCents,
      perM2Cents: d.figures.perM2Cents,
      perUnitCents: d.figures.perUnitCents,
      slippageDays: d.slippageDays,
    })),
    totals: { ...totals, units: unitsCount, surfaceM2 },
  };
}
