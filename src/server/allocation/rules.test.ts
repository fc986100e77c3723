// SPDX-License-Identifier: EUPL-1.2
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../../domain/eligibility/rules.schema.ts";
import type {
  AllocationRules,
  AllocationRulesList,
  AllocationRulesPreview,
} from "../../domain/eligibility/rules-api.schema.ts";
import { allocationRulesVersions, auditEvents, households } from "../db/schema.ts";
import { asBareAppRole, refusalOf } from "../security/catalogue.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

type Problem = { status: number; errors: { path: string; message: string }[] };

let ctx: TestContext;
let admin: TestClient;
let manager: TestClient;
let tenant: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_admin");
  manager = await ctx.loginAs("area_b_manager", "ETS-B1");
  tenant = await ctx.loginAs("tenant");
});
afterAll(() => ctx.close());

const { version: _version, reason: _reason, ...RULES } = DEFAULT_RULES;
const withShare = (share: number) => ({
  ...RULES,
  affordability: { ...RULES.affordability, maxRentShareOfIncome: share },
});

// Runs first: the suite's later saves change the active version.
describe("the allocation rules before any version is stored", () => {
  it("are the starting rules as version 0, not stored", async () => {
    const response = await manager.get("/allocation/rules");
    expect(response.status).toBe(200);
    const rules = (await response.json()) as AllocationRules;
    expect(rules).toMatchObject({ version: 0, stored: false, createdBy: null, reason: DEFAULT_RULES.reason });
    expect(rules.rules).toEqual(RULES);
    expect(await (await manager.get("/allocation/rules/versions")).json()).toEqual({ items: [], total: 0 });
  });

  it("need a session", async () => {
    expect((await ctx.anonymous.get("/allocation/rules")).status).toBe(401);
    expect((await ctx.anonymous.get("/allocation/rules/published")).status).toBe(401);
  });
});

describe("saving a version", () => {
  it("numbers the admin's versions 1, 2 and keeps who, when and why", async () => {
    const first = await admin.post("/allocation/rules", {
      rules: RULES,
      reason: "Regole iniziali confermate",
    });
    expect(first.status).toBe(201);
    const v1 = (await first.json()) as AllocationRules;
    expect(v1).toMatchObject({ version: 1, stored: true, reason: "Regole iniziali confermate" });
    expect(v1.createdBy?.name).toMatch(/comune_admin/);
    expect(v1.activeFrom).toBe(ctx.clock.now.toISOString());

    const second = await admin.post("/allocation/rules", {
      rules: withShare(0.35),
      reason: "Quota del reddito portata al 35 %",
    });
    expect(second.status).toBe(201);
    expect(((await second.json()) as AllocationRules).version).toBe(2);

    const active = (await (await tenant.get("/allocation/rules")).json()) as AllocationRules;
    expect(active.version).toBe(2);
    expect(active.rules.affordability.maxRentShareOfIncome).toBe(0.35);

    const list = (await (await manager.get("/allocation/rules/versions")).json()) as AllocationRulesList;
    expect(list.items.map((v) => [v.version, v.reason, v.createdBy?.name])).toEqual([
      [2, "Quota del reddito portata al 35 %", v1.createdBy?.name],
      [1, "Regole iniziali confermate", v1.createdBy?.name],
    ]);
    // The stored document is a whole rules version, with its number and reason.
    const [row] = await ctx.db
      .select()
      .from(allocationRulesVersions)
      .where(eq(allocationRulesVersions.version, 2));
    expect(row?.rules).toMatchObject({ version: 2, reason: "Quota del reddito portata al 35 %" });
  });

  it("is audited, naming the version saved", async () => {
    const response = await admin.post("/allocation/rules", { rules: RULES, reason: "Ritorno al 30 %" });
    const saved = (await response.json()) as AllocationRules;
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entity, "allocation_rules"));
    expect(events.map((e) => [e.action, e.entityId, e.outcome])).toContainEqual([
      "POST /allocation/rules",
      String(saved.version),
      "success",
    ]);
  });

  it("is refused to a partner's manager (403) and to a tenant", async () => {
    const before = (await (await admin.get("/allocation/rules")).json()) as AllocationRules;
    for (const client of [manager, tenant]) {
      const response = await client.post("/allocation/rules", { rules: RULES, reason: "Tentativo" });
      expect(response.status).toBe(403);
    }
    expect(((await (await admin.get("/allocation/rules")).json()) as AllocationRules).version).toBe(
      before.version,
    );
  });

  it("names the invalid field inside the rules (400)", async () => {
    const response = await admin.post("/allocation/rules", { rules: withShare(1.5), reason: "Troppo" });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      {
        path: "rules.affordability.maxRentShareOfIncome",
        message: "affordability.maxRentShareOfIncome must be at most 1 (100 %)",
      },
    ]);
  });

  it("names a cross-field problem at its field", async () => {
    const rows = RULES.sizeStandards.rows.map((r, i) => (i === 1 ? { ...r, maxRooms: 0 } : r));
    const response = await admin.post("/allocation/rules", {
      rules: { ...RULES, sizeStandards: { ...RULES.sizeStandards, rows } },
      reason: "Righe errate",
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as Problem).errors.map((e) => e.path);
    expect(paths).toContain("rules.sizeStandards.rows.1.maxRooms");
  });

  it("requires a reason (400 naming reason)", async () => {
    for (const body of [{ rules: RULES }, { rules: RULES, reason: "  " }]) {
      const response = await admin.post("/allocation/rules", body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors.map((e) => e.path)).toEqual(["reason"]);
    }
  });

  it("gives 10 concurrent saves 10 consecutive numbers, none twice", async () => {
    const before = ((await (await admin.get("/allocation/rules")).json()) as AllocationRules).version;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.post("/allocation/rules", { rules: RULES, reason: `Salvataggio concorrente ${i}` }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const versions = await Promise.all(
      responses.map(async (r) => ((await r.json()) as AllocationRules).version),
    );
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => before + i + 1));
  });
});

describe("a stored version", () => {
  it("cannot be changed or removed, by the application or the owner", async () => {
    const change = sql`update allocation_rules_versions set reason = 'riscritta' where version = 1`;
    const remove = sql`delete from allocation_rules_versions where version = 1`;
    expect(await refusalOf(asBareAppRole(ctx.db, (tx) => tx.execute(change)))).toMatch(/^42501 /);
    expect(await refusalOf(asBareAppRole(ctx.db, (tx) => tx.execute(remove)))).toMatch(/^42501 /);
    expect(await refusalOf(ctx.db.execute(change))).toMatch(/^42501 .*append-only: UPDATE refused/);
    expect(await refusalOf(ctx.db.execute(remove))).toMatch(/^42501 .*append-only: DELETE refused/);
  });

  it("is not added by a partner's scope even through the database", async () => {
    const partnerActor = await ctx.actor("area_b_manager", "ETS-B1");
    const attempt = ctx.database.scoped(
      { organisationId: partnerActor.organisationId, userId: partnerActor.userId, sees: "organisation" },
      (db) =>
        db.insert(allocationRulesVersions).values({
          version: 999,
          rules: DEFAULT_RULES,
          reason: "Di nascosto",
          createdBy: partnerActor.userId,
          createdByName: partnerActor.name,
          activeFrom: ctx.clock.now,
        }),
    );
    expect(await refusalOf(attempt)).toMatch(/^42501 .*row-level security/);
  });
});

describe("the published criteria", () => {
  it("are in plain Italian by default, for every signed-in role", async () => {
    const response = await tenant.get("/allocation/rules/published");
    expect(response.status).toBe(200);
    const published = (await response.json()) as { lang: string; criteria: string[]; requirements: string[] };
    expect(published.lang).toBe("it");
    expect(published.criteria).toContain("Conoscenza da parte dei servizi sociali: 10 punti");
    expect(published.criteria[0]).toMatch(/^Ogni nucleo parte da 1 punto/);
    expect(published.requirements.length).toBeGreaterThan(0);
  });

  it("are in English on request; another language is a 400 naming lang", async () => {
    const english = (await (await manager.get("/allocation/rules/published?lang=en")).json()) as {
      criteria: string[];
    };
    expect(english.criteria).toContain("Known to the social services: 10 points");
    const response = await manager.get("/allocation/rules/published?lang=fr");
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors.map((e) => e.path)).toEqual(["lang"]);
  });
});

describe("previewing a change", () => {
  it("names the waiting households that would gain or lose eligibility, and the mix", async () => {
    // The active rules are the defaults now (the last saves were of RULES).
    const referral = await ctx.newHousehold({ size: 2, incomeCents: 4_000_000, iseeCents: 1_500_000 });
    const reference = referral.household.reference;
    await ctx.db.update(households).set({ status: "waiting" }).where(eq(households.reference, reference));
    await ctx.newUnit({ category: "calmierato", surfaceM2: 45, rooms: 2, bedrooms: 1 });

    const stricter = {
      ...RULES,
      categories: {
        ...RULES.categories,
        calmierato: { ...RULES.categories.calmierato, isee: { minCents: 0, maxCents: 1_000_000 } },
      },
    };
    const response = await admin.post("/allocation/rules/preview", { rules: stricter });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as AllocationRulesPreview;
    expect(preview.removed).toEqual([reference]);
    expect(preview.added).toEqual([]);
    expect(preview.eligibleHouseholds).toEqual({ before: 1, after: 0 });
    expect(preview.mix.before.calmierato.pairs).toBe(1);
    expect(preview.mix.after.calmierato.pairs).toBe(0);

    const back = (await (
      await admin.post("/allocation/rules/preview", { rules: RULES })
    ).json()) as AllocationRulesPreview;
    expect(back.removed).toEqual([]);
    expect(back.eligibleHouseholds).toEqual({ before: 1, after: 1 });
  });

  it("is the admin's only (403) and validates the rules (400 naming the field)", async () => {
    expect((await manager.post("/allocation/rules/preview", { rules: RULES })).status).toBe(403);
    const response = await admin.post("/allocation/rules/preview", { rules: withShare(0) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors.map((e) => e.path)).toEqual([
      "rules.affordability.maxRentShareOfIncome",
    ]);
  });
});
