// SPDX-License-Identifier: EUPL-1.2
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Tenancy } from "../../domain/tenancies/tenancy-api.schema.ts";
import type { UnitCreate } from "../../domain/units/unit.schema.ts";
import { units } from "../db/schema.ts";
import { householdOnPath } from "../support-plans/care-fixtures.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";

/** Terms of a capped lease on a 60 m² calmierato unit (cap 375.00 a month). */
export const LEASE_TERMS = {
  contractType: "calmierato",
  startOn: "2026-09-01",
  endOn: "2030-08-31",
  renewalMonths: 48,
  noticeMonths: 6,
  depositCents: 75_000,
  rentCents: 35_000,
  serviceChargeCents: 5_000,
  signatories: [{ name: "Giulia Esempio Prova", role: "holder" }],
} as const;

/**
 * A tenancy draft of a household the manager's partner took on (moved to offered) on a new unit it
 * manages, marked let-pending as after an accepted offer.
 */
export async function draftTenancy(
  ctx: TestContext,
  manager: TestClient,
  options: { partnerCode?: string; unit?: Partial<UnitCreate> } = {},
): Promise<Tenancy> {
  const partnerCode = options.partnerCode ?? "ETS-B1";
  const household = await householdOnPath(ctx, manager, { partnerCode, until: "offered" });
  const unit = await ctx.newUnit({ surfaceM2: 60, managingPartnerCode: partnerCode, ...options.unit });
  await ctx.db.update(units).set({ status: "let_pending" }).where(eq(units.id, unit.id));
  const res = await manager.post("/tenancies", { unitId: unit.id, householdId: household.id });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Tenancy;
}

/** A tenancy in force with `terms` (default: the capped lease above). */
export async function activeTenancy(
  ctx: TestContext,
  manager: TestClient,
  options: { partnerCode?: string; unit?: Partial<UnitCreate>; terms?: Record<string, unknown> } = {},
): Promise<Tenancy> {
  const draft = await draftTenancy(ctx, manager, options);
  const withTerms = await manager.request("PUT", `/tenancies/${draft.id}/terms`, {
    version: draft.version,
    ...LEASE_TERMS,
    ...options.terms,
  });
  expect(withTerms.status, await withTerms.clone().text()).toBe(200);
  const { version } = (await withTerms.json()) as Tenancy;
  const active = await manager.post(`/tenancies/${draft.id}/activate`, { version });
  expect(active.status, await active.clone().text()).toBe(200);
  return (await active.json()) as Tenancy;
}
