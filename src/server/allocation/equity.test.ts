// SPDX-License-Identifier: EUPL-1.2
import { and, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../domain/eligibility/rules.schema.ts";
import type { AllocationRulesPreview } from "../../domain/eligibility/rules-api.schema.ts";
import type { EquityReport } from "../../domain/equity/equity.schema.ts";
import type { HouseholdFields } from "../../domain/households/household.schema.ts";
import type { HouseholdStatus } from "../../domain/households/household-status.ts";
import { allocationOffers, householdEvents, householdMembers, households } from "../db/schema.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let officer: TestClient;
let admin: TestClient;
const seeded: string[] = [];

type Head = { sex: "F" | "M" | "X"; birthDate: string; citizenship: string };
type Seed = {
  status: HouseholdStatus;
  head?: Head;
  household?: Partial<HouseholdFields>;
  /** The outcome of one offer the household had. */
  offer?: "accepted" | "declined";
  /** A `waiting` entry in its history (a household since suspended, say). */
  waited?: boolean;
  withdrew?: "processing" | "special_categories";
};

/** `n` households of ETS-B1 (by default a mother of 42, Italian, size 2, calmierato) set as `seed` says. */
async function seedHouseholds(n: number, seed: Seed) {
  for (let i = 0; i < n; i += 1) {
    const { household } = await ctx.newHousehold(seed.household ?? {});
    seeded.push(household.id);
    await ctx.db
      .update(households)
      .set({
        status: seed.status,
        ...(seed.withdrew === "processing" ? { processingWithdrawnAt: ctx.clock.now } : {}),
        ...(seed.withdrew === "special_categories" ? { specialCategoriesWithdrawnAt: ctx.clock.now } : {}),
      })
      .where(eq(households.id, household.id));
    if (seed.head) {
      await ctx.db
        .update(householdMembers)
        .set(seed.head)
        .where(
          and(eq(householdMembers.householdId, household.id), eq(householdMembers.relationship, "head")),
        );
    }
    if (seed.waited) {
      await ctx.db.insert(householdEvents).values({
        householdId: household.id,
        at: ctx.clock.now,
        fromStatus: "assessed",
        toStatus: "waiting",
      });
    }
    if (seed.offer) {
      await ctx.db.insert(allocationOffers).values({
        // A unit is in at most one pending or accepted offer: one let unit per offer.
        unitId: (await ctx.newUnit({ status: "let", category: "calmierato" })).id,
        householdId: household.id,
        status: seed.offer,
        offeredAt: ctx.clock.now,
        dueOn: "2026-11-29",
        answeredAt: ctx.clock.now,
        ...(seed.offer === "declined" ? { declinedBy: "household", reasonable: true } : {}),
      });
    }
  }
}

const MOROCCAN_MAN: Head = { sex: "M", birthDate: "1950-02-01", citizenship: "MA" };
const ROMANIAN_WOMAN: Head = { sex: "F", birthDate: "2004-07-15", citizenship: "RO" };

// Twenty households in the report's population, and five that are not:
// - A: 6 Italian mothers waiting, eligible for the one available flat, not offered; one of them has a
//   physical disability on file but withdrew its special-category consent, so it is not read;
// - B: 5 Moroccan men of 76, an accepted offer each, housed;
// - C: 5 Romanian women of 22 needing step-free access, a declined offer each, waiting again;
// - D: 2 Italian mothers waiting whose ISEE is over every band: not eligible;
// - E: 1 suspended after waiting; G: 1 exited with no offer on record (housed, so eligible);
// - not in it: 3 only assessed, 1 suspended before waiting, 1 waiting that withdrew its consent to
//   processing (hidden by row-level security).
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.loginAs("comune_housing_officer");
  admin = await ctx.loginAs("comune_admin");
  await ctx.newUnit({ status: "available", category: "calmierato", surfaceM2: 45, rooms: 2, bedrooms: 1 });
  await ctx.newUnit({ status: "let", category: "calmierato", surfaceM2: 45, rooms: 2, bedrooms: 1 });

  await seedHouseholds(5, { status: "waiting" });
  await seedHouseholds(1, {
    status: "waiting",
    household: { needs: ["physical_disability"] },
    withdrew: "special_categories",
  });
  await seedHouseholds(5, {
    status: "housed",
    head: MOROCCAN_MAN,
    household: { targetGroup: "anziano_solo" },
    offer: "accepted",
  });
  await seedHouseholds(5, {
    status: "waiting",
    head: ROMANIAN_WOMAN,
    household: { accessibilityNeed: "step_free" },
    offer: "declined",
  });
  await seedHouseholds(2, { status: "waiting", household: { iseeCents: 9_000_000 } });
  await seedHouseholds(1, { status: "suspended", waited: true });
  await seedHouseholds(1, { status: "exited" });
  await seedHouseholds(3, { status: "assessed" });
  await seedHouseholds(1, { status: "suspended" });
  await seedHouseholds(1, { status: "waiting", withdrew: "processing" });
});
afterAll(() => ctx.close());

const getReport = async (client: TestClient = officer) => {
  const response = await client.get("/allocation/equity");
  expect(response.status).toBe(200);
  return (await response.json()) as EquityReport;
};
type Row = EquityReport["total"];
const counts = ({
  eligible,
  offered,
  accepted,
  housed,
}: Pick<Row, "eligible" | "offered" | "accepted" | "housed">) => ({
  eligible,
  offered,
  accepted,
  housed,
});
const groupOf = (report: EquityReport, dimension: keyof EquityReport["dimensions"], group: string) => {
  const row = report.dimensions[dimension].find((r) => r.group === group);
  if (!row) throw new Error(`no group ${dimension}.${group}`);
  return row;
};

describe("the allocation equity report", () => {
  it("counts the population at each stage, overall, under the rules in force", async () => {
    const report = await getReport();
    expect(report).toMatchObject({
      asOf: "2026-11-22",
      rulesVersion: 0,
      units: 1,
      smallCountMax: 4,
      households: 20,
    });
    expect(report.total).toEqual({
      group: "all",
      eligible: 18,
      offered: 10,
      accepted: 5,
      housed: 6,
      suppressed: false,
      rates: { offeredOfEligible: 10 / 18, acceptedOfOffered: 5 / 10, housedOfEligible: 6 / 18 },
    });
  });

  it("gives exact counts per group of every dimension", async () => {
    const report = await getReport();
    expect(counts(groupOf(report, "ageBand", "35_49"))).toEqual({
      eligible: 8,
      offered: 0,
      accepted: 0,
      housed: null,
    });
    // Housed by age: 1 of 35–49 (withheld) and the 5 of 65 and over, withheld with it.
    expect(counts(groupOf(report, "ageBand", "65_plus"))).toEqual({
      eligible: 5,
      offered: 5,
      accepted: 5,
      housed: null,
    });
    expect(counts(groupOf(report, "ageBand", "18_24"))).toEqual({
      eligible: 5,
      offered: 5,
      accepted: 0,
      housed: 0,
    });
    expect(counts(groupOf(report, "citizenship", "italian"))).toMatchObject({ eligible: 8, offered: 0 });
    expect(counts(groupOf(report, "citizenship", "other_eu"))).toMatchObject({ eligible: 5, offered: 5 });
    expect(counts(groupOf(report, "citizenship", "non_eu"))).toMatchObject({ eligible: 5, accepted: 5 });
    // Step-free access counts; a physical disability whose consent was withdrawn is not read.
    expect(counts(groupOf(report, "disability", "with_disability"))).toMatchObject({
      eligible: 5,
      offered: 5,
    });
    expect(counts(groupOf(report, "disability", "without_disability"))).toMatchObject({
      eligible: 13,
      offered: 5,
      accepted: 5,
    });
    expect(counts(groupOf(report, "householdType", "monoparentale"))).toMatchObject({
      eligible: 13,
      offered: 5,
      accepted: 0,
    });
    expect(counts(groupOf(report, "householdType", "anziano_solo"))).toEqual({
      eligible: 5,
      offered: 5,
      accepted: 5,
      housed: null,
    });
    expect(groupOf(report, "gender", "X")).toMatchObject({ eligible: 0, offered: 0, suppressed: false });
    expect(groupOf(report, "householdType", "neo_maggiorenni")).toMatchObject({ eligible: 0 });
  });

  it("withholds counts from 1 to 4, a second cell that would give one away, and the rates over them", async () => {
    const report = await getReport();
    // Housed women: 1 (the exited mother): withheld; the 5 housed men could give it away from the 6.
    expect(groupOf(report, "gender", "F")).toEqual({
      group: "F",
      eligible: 13,
      offered: 5,
      accepted: 0,
      housed: null,
      suppressed: true,
      rates: { offeredOfEligible: 5 / 13, acceptedOfOffered: 0, housedOfEligible: null },
    });
    expect(groupOf(report, "gender", "M")).toMatchObject({ eligible: 5, accepted: 5, housed: null });
    expect(groupOf(report, "gender", "M").rates.housedOfEligible).toBeNull();
    expect(groupOf(report, "ageBand", "35_49")).toMatchObject({ housed: null, suppressed: true });
    // Nothing withheld carries a count from 1 to 4.
    const shown = Object.values(report.dimensions).flatMap((rows) =>
      rows.flatMap((r) => [r.eligible, r.offered, r.accepted, r.housed]),
    );
    expect(shown.filter((n) => n !== null && n >= 1 && n <= 4)).toEqual([]);
  });

  it("agrees with the households' statuses and offers in the database", async () => {
    const report = await getReport();
    const population = or(
      inArray(households.status, ["waiting", "offered", "housed", "exiting", "exited"]),
      sql`exists (select 1 from household_events e
        where e.household_id = ${households.id} and e.to_status = 'waiting')`,
    );
    const [row] = await ctx.db
      .select({
        households: count(),
        housed: sql<number>`(count(*) filter (where ${households.status} in ('housed', 'exiting', 'exited')))::int`,
        offered: sql<number>`(count(*) filter (where exists
          (select 1 from allocation_offers o where o.household_id = households.id)))::int`,
      })
      .from(households)
      .where(and(population, isNull(households.processingWithdrawnAt)));
    expect(row).toEqual({ households: 20, housed: 6, offered: 10 });
    // The report reads through the request's row-level security: the household that withdrew its
    // consent to processing is in the table, not in the report.
    const [all] = await ctx.db.select({ n: count() }).from(households).where(population);
    expect(all?.n).toBe(21);
    expect(report).toMatchObject({ households: row?.households });
    expect(report.total).toMatchObject({ housed: row?.housed, offered: row?.offered });
    // Each dimension splits the same households.
    for (const rows of Object.values(report.dimensions)) {
      const eligible = rows.map((r) => r.eligible);
      if (!eligible.includes(null)) expect(eligible.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(18);
    }
  });

  it("judges eligibility under the rules in force: stricter rules leave the mothers waiting out", async () => {
    const { version: _v, reason: _r, ...rules } = DEFAULT_RULES;
    const stricter = {
      ...rules,
      categories: {
        ...rules.categories,
        calmierato: { ...rules.categories.calmierato, isee: { minCents: 0, maxCents: 100_000 } },
      },
    };
    // The preview shows the change in the equity view before it is saved.
    const previewed = await admin.post("/allocation/rules/preview", { rules: stricter });
    expect(previewed.status).toBe(200);
    const preview = (await previewed.json()) as AllocationRulesPreview;
    // Assessed or waiting and eligible today: the 6 mothers of A and the 3 assessed ones (not the
    // step-free women of C: the flat is not recorded as step-free).
    expect(preview.equity.before.total).toEqual({ group: "all", eligible: 9, suppressed: false });
    expect(preview.equity.after.total).toEqual({ group: "all", eligible: 0, suppressed: false });
    expect(preview.equity.before.dimensions.citizenship.find((r) => r.group === "italian")?.eligible).toBe(9);
    expect(preview.equity.before.dimensions.disability.find((r) => r.group === "with_disability")).toEqual({
      group: "with_disability",
      eligible: 0,
      suppressed: false,
    });
    expect(preview.eligibleHouseholds).toEqual({ before: 9, after: 0 });

    const saved = await admin.post("/allocation/rules", { rules: stricter, reason: "Prova di equità" });
    expect(saved.status).toBe(201);
    const report = await getReport();
    expect(report.rulesVersion).toBe(1);
    // Only those with an offer or housed stay eligible: B, C and G.
    expect(report.total).toMatchObject({ eligible: 11, offered: 10, housed: 6 });
    expect(groupOf(report, "ageBand", "35_49")).toMatchObject({ eligible: null, suppressed: true });
  });

  it("is the Comune's: a partner's manager, an educator and a social worker get 403, anonymous 401", async () => {
    for (const [role, org] of [
      ["area_b_manager", "ETS-B1"],
      ["area_b_educator", "ETS-B1"],
      ["comune_social_worker", undefined],
    ] as const) {
      const client = await ctx.loginAs(role, org);
      expect((await client.get("/allocation/equity")).status).toBe(403);
    }
    expect((await ctx.anonymous.get("/allocation/equity")).status).toBe(401);
    const report = await getReport(admin);
    expect(report.households).toBe(20);
  });

  it("carries counts only: no reference, id, name or birth date of any household", async () => {
    const body = await (await officer.get("/allocation/equity")).text();
    const stored = await ctx.db
      .select({ id: households.id, reference: households.reference })
      .from(households)
      .where(inArray(households.id, seeded));
    for (const h of stored) {
      expect(body).not.toContain(h.id);
      expect(body).not.toContain(h.reference);
    }
    expect(body).not.toContain("Fittizi");
    expect(body).not.toContain("1950-02-01");
  });
});
