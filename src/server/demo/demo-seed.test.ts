// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROLES } from "../../domain/auth/roles.ts";
import { DEMO_CARE_COUNTS, demoCare } from "../../domain/demo/demo-care.ts";
import { DEMO_DATE, demoHouseholds } from "../../domain/demo/demo-households.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../../domain/demo/demo-programme.ts";
import { parseScenario } from "../../domain/finance/scenario.schema.ts";
import { followUpDueDates } from "../../domain/households/exit.ts";
import { fiscalCodeProblem } from "../../domain/households/fiscal-code.ts";
import { TARGET_GROUPS } from "../../domain/households/household.schema.ts";
import { HOUSEHOLD_STATUSES } from "../../domain/households/household-status.ts";
import { nextReviewDate } from "../../domain/support-plans/support-plan-review.ts";
import { createApp } from "../app.ts";
import type { Database, Db } from "../db/client.ts";
import {
  householdEvents,
  householdMembers,
  households,
  organisations,
  referrals,
  units,
} from "../db/schema.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { seedDemoProgramme } from "./demo-seed.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(inject("pgliteDump"));
});
afterAll(() => database.close());

describe("the demo programme seed", () => {
  it("loads 488 units with the programme's mix, once", async () => {
    expect(await seedDemoProgramme({ db: database.db, passwordCost: 2 ** 10 })).toBe(true);
    expect(await seedDemoProgramme({ db: database.db, passwordCost: 2 ** 10 })).toBe(false);

    const app = createApp({
      database,
      policy: { idleMinutes: 30, maxHours: 12 },
      secureCookies: false,
      trustProxy: false,
      securityContact: "mailto:security@test.casacomune.example",
      oidc: null,
      now: () => new Date(),
    });
    const admin = DEMO_USERS.find((u) => u.role === "comune_admin");
    const login = await app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin?.email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const summary = await (await app.request("/api/v1/units/summary", { headers: { cookie } })).json();
    expect(summary.total).toBe(488);
    expect(summary.byOrigin).toEqual({ municipal: 339, confiscated: 6, hinterland: 143 });
    expect(summary.byCategory).toEqual({ calmierato: 190, calmierato_ridotto: 127, fragilita: 171 });
    expect(Object.keys(summary.byMunicipio).sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(summary.byStatus.to_renovate / 488).toBeGreaterThan(0.25);
  });

  it("creates one demo account per role, each able to sign in", async () => {
    expect(DEMO_USERS).toHaveLength(ROLES.length);
    const app = createApp({
      database,
      policy: { idleMinutes: 30, maxHours: 12 },
      secureCookies: false,
      trustProxy: false,
      securityContact: "mailto:security@test.casacomune.example",
      oidc: null,
      now: () => new Date(),
    });
    for (const user of DEMO_USERS) {
      const res = await app.request("/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
      });
      expect(res.status, user.email).toBe(200);
      expect((await res.json()).role).toBe(user.role);
    }
  });
});

/** The rows of a raw query; both drivers answer with `{ rows }`. */
const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const countsOf = (rows: readonly { key: string | null; n: number }[]) =>
  Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));
const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => {
    const k = key(item);
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

/** What the seed stored of the households, in reference order, without generated ids. */
const storedHouseholds = (db: Db) =>
  rowsOf<Record<string, unknown>>(
    db,
    sql`
    select h.reference, o.code as partner, h.target_group, h.category, h.needs, h.priority, h.income_cents,
      h.isee_cents, h.isee_date::text, h.status, h.suspended_from, h.email,
      (select string_agg(m.fiscal_code || ' ' || m.birth_date || ' ' || m.given_name || ' ' || m.family_name,
        ',' order by m.position) from household_members m where m.household_id = h.id) as members,
      (select string_agg(coalesce(e.from_status, '-') || '>' || e.to_status || '@'
        || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') || ' ' || e.note, ',' order by e.at)
        from household_events e where e.household_id = h.id) as events,
      (select string_agg(p.code || ' ' || r.status || ' ' || to_char(r.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI')
        || ' ' || coalesce(r.return_reason, '') || ' ' || r.report::text, ',')
        from referrals r join organisations p on p.id = r.partner_id where r.household_id = h.id) as referral
    from households h left join organisations o on o.id = h.managing_partner_id
    order by h.reference`,
  );

/** The care records the seed stored, per household, without generated ids. */
const storedCare = (db: Db) =>
  rowsOf<Record<string, unknown>>(
    db,
    sql`
    select h.reference,
      (select string_agg(p.status || ' ' || p.start_date || ' ' || p.next_review_date || ' ' || p.intensity
        || ' ' || jsonb_path_query_array(p.team, '$[*].name')::text || ' ' || p.goals::text, ',')
        from support_plans p where p.household_id = h.id) as plan,
      (select string_agg(r.date || ' ' || r.autonomy::text, ',' order by r.date)
        from support_plan_reviews r where r.household_id = h.id) as reviews,
      (select count(*) || ' ' || coalesce(sum(i.minutes), 0) from support_interventions i where i.household_id = h.id)
        as interventions,
      (select string_agg(e.date || ' ' || e.destination || ' ' || e.planned, ',') from household_exits e
        where e.household_id = h.id) as exit,
      (select string_agg(f.months || ' ' || coalesce(f.contacted_on::text, '-') || ' ' || coalesce(f.situation, '-'),
        ',' order by f.months) from household_follow_ups f where f.household_id = h.id) as follow_ups,
      (select string_agg(c.purpose || ' ' || c.given_on || ' ' || coalesce(c.withdrawn_on::text, '-'), ','
        order by c.purpose) from household_consents c where c.household_id = h.id) as consents,
      (select string_agg(d.kind || ' ' || d.number || ' ' || coalesce(d.expires_on::text, '-'), ',' order by d.kind)
        from household_documents d where d.household_id = h.id) as documents
    from households h order by h.reference`,
  );

describe("the demo households", () => {
  const demo = demoHouseholds();

  it("are all stored, with their members, status history and referral", async () => {
    const [{ n: householdCount } = { n: 0 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(households);
    expect(householdCount).toBe(demo.length);
    // The figure the start-up log and the README give.
    expect(householdCount).toBe(299);
    const [{ n: memberCount } = { n: 0 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(householdMembers);
    expect(memberCount).toBe(demo.reduce((sum, h) => sum + h.members.length, 0));
    const [{ n: eventCount } = { n: 0 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(householdEvents);
    expect(eventCount).toBe(demo.reduce((sum, h) => sum + h.events.length, 0));
    const perReferral = await database.db
      .select({ key: referrals.status, n: sql<number>`count(*)::int` })
      .from(referrals)
      .groupBy(referrals.status);
    expect(countsOf(perReferral)).toEqual(countBy(demo, (h) => h.referral.status));
    const [noReferral] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from households h where (select count(*) from referrals r where r.household_id = h.id) <> 1`,
    );
    expect(Number(noReferral?.n)).toBe(0);
  });

  it("have the counts per stage and per target group of the demo programme", async () => {
    const perStatus = countsOf(
      await database.db
        .select({ key: households.status, n: sql<number>`count(*)::int` })
        .from(households)
        .groupBy(households.status),
    );
    expect(perStatus).toEqual(countBy(demo, (h) => h.status));
    expect(Object.keys(perStatus).sort()).toEqual([...HOUSEHOLD_STATUSES].sort());
    expect(perStatus).toMatchObject({ referred: 32, assessed: 20, waiting: 45, exiting: 16, exited: 22 });
    const perGroup = countsOf(
      await database.db
        .select({ key: households.targetGroup, n: sql<number>`count(*)::int` })
        .from(households)
        .groupBy(households.targetGroup),
    );
    expect(perGroup).toEqual(countBy(demo, (h) => h.targetGroup));
    expect(Object.keys(perGroup).sort()).toEqual([...TARGET_GROUPS].sort());
  });

  it("store only fiscal codes valid by their check character, born in X999", async () => {
    const codes = await database.db.select({ code: householdMembers.fiscalCode }).from(householdMembers);
    expect(codes.length).toBeGreaterThan(400);
    for (const { code } of codes) {
      expect(fiscalCodeProblem(code), code).toBeNull();
      expect(code.slice(11, 15)).toBe("X999");
    }
  });

  it("never outnumber, housed or exiting, a partner's let units of their category", async () => {
    const rows = await rowsOf<{ code: string; category: string; housed: number; let_units: number }>(
      database.db,
      sql`
      with housed as (
        select managing_partner_id as partner, category, count(*)::int as n
        from households where status in ('housed', 'exiting') group by 1, 2),
      let_units as (
        select managing_partner_id as partner, category, count(*)::int as n
        from units where status = 'let' group by 1, 2)
      select o.code, h.category, h.n as housed, coalesce(l.n, 0) as let_units
      from housed h join organisations o on o.id = h.partner
      left join let_units l on l.partner = h.partner and l.category = h.category
      order by 1, 2`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows)
      expect(Number(r.housed), `${r.code} ${r.category}`).toBeLessThanOrEqual(Number(r.let_units));
    const [{ n: unmanaged } = { n: 0 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(households)
      .where(sql`${households.status} in ('housed', 'exiting') and ${households.managingPartnerId} is null`);
    expect(unmanaged).toBe(0);
  });

  it("are managed by an Area B partner of their category, or by nobody once returned", async () => {
    const rows = await database.db
      .select({
        category: households.category,
        partnerArea: organisations.area,
        partnerCategories: organisations.categories,
        referral: referrals.status,
        referralPartner: referrals.partnerId,
        manager: households.managingPartnerId,
      })
      .from(households)
      .innerJoin(referrals, eq(referrals.householdId, households.id))
      .leftJoin(organisations, eq(organisations.id, households.managingPartnerId));
    for (const r of rows) {
      if (r.referral === "returned") {
        expect(r.manager).toBeNull();
        continue;
      }
      expect(r.manager).toBe(r.referralPartner);
      expect(r.partnerArea).toBe("B");
      expect(r.partnerCategories).toContain(r.category);
    }
  });

  it("date every event in 2025–2026, up to the demo date, the referral first", async () => {
    const [range] = await database.db
      .select({
        first: sql<string>`to_char(min(${householdEvents.at}) at time zone 'UTC', 'YYYY-MM-DD')`,
        last: sql<string>`to_char(max(${householdEvents.at}) at time zone 'UTC', 'YYYY-MM-DD')`,
      })
      .from(householdEvents);
    expect(range?.first.startsWith("2025-")).toBe(true);
    expect((range?.last ?? "") <= DEMO_DATE).toBe(true);
    const [late] = await rowsOf<{ n: number }>(
      database.db,
      sql`
      select count(*)::int as n from referrals r
      join household_events e on e.household_id = r.household_id and e.from_status is null
      where e.at <> r.referred_at`,
    );
    expect(Number(late?.n)).toBe(0);
  });

  it("are the same data for the same seed, in any new database", async () => {
    const other = await openTestDatabase(inject("pgliteDump"));
    try {
      expect(await seedDemoProgramme({ db: other.db, passwordCost: 2 ** 10 })).toBe(true);
      const [mine, theirs] = [await storedHouseholds(database.db), await storedHouseholds(other.db)];
      expect(mine).toHaveLength(demo.length);
      expect(theirs).toEqual(mine);
      expect(mine.map((h) => h.reference)).toEqual(demo.map((h) => h.reference).sort());
      expect(await storedCare(other.db)).toEqual(await storedCare(database.db));
      const units1 = await database.db
        .select({ code: units.code, status: units.status })
        .from(units)
        .orderBy(asc(units.code));
      const units2 = await other.db
        .select({ code: units.code, status: units.status })
        .from(units)
        .orderBy(asc(units.code));
      expect(units2).toEqual(units1);
    } finally {
      await other.close();
    }
  });
});

describe("the demo care records", () => {
  const care = demoCare();
  const count = async (query: SQL) => Number((await rowsOf<{ n: number }>(database.db, query))[0]?.n);

  it("are all stored: plans, reviews, interventions, exits, follow-ups, consents, documents", async () => {
    const sum = <T>(items: readonly T[], n: (item: T) => number) => items.reduce((a, i) => a + n(i), 0);
    expect(await count(sql`select count(*)::int as n from support_plans`)).toBe(care.plans.length);
    expect(await count(sql`select count(*)::int as n from support_plan_reviews`)).toBe(
      sum(care.plans, (p) => p.reviews.length),
    );
    expect(await count(sql`select count(*)::int as n from support_interventions`)).toBe(
      sum(care.plans, (p) => p.interventions.length),
    );
    expect(await count(sql`select count(*)::int as n from household_exits`)).toBe(care.exits.length);
    expect(await count(sql`select count(*)::int as n from household_follow_ups`)).toBe(care.exits.length * 3);
    expect(await count(sql`select count(*)::int as n from household_consents`)).toBe(care.consents.length);
    expect(await count(sql`select count(*)::int as n from household_documents`)).toBe(care.documents.length);
    expect(
      await count(sql`select count(*)::int as n from household_documents where content is not null`),
    ).toBe(0);
  });

  it("date reviews from each plan's start and keep next_review_date = nextReviewDate()", async () => {
    const plans = await rowsOf<{
      start: string;
      every: number;
      next: string;
      last: string | null;
      early: number;
    }>(
      database.db,
      sql`
      select p.start_date::text as start, p.review_every_months as every, p.next_review_date::text as next,
        (select max(r.date)::text from support_plan_reviews r where r.plan_id = p.id) as last,
        (select count(*)::int from support_plan_reviews r
          where r.plan_id = p.id and r.date < p.start_date) as early
      from support_plans p`,
    );
    expect(plans).toHaveLength(care.plans.length);
    for (const p of plans) {
      expect(Number(p.early)).toBe(0);
      expect(p.next).toBe(
        nextReviewDate({ startDate: p.start, reviewEveryMonths: Number(p.every), lastReviewDate: p.last }),
      );
    }
    const overdue = await count(
      sql`select count(*)::int as n from support_plans
        where status = 'active' and next_review_date < ${DEMO_DATE}`,
    );
    expect(overdue).toBeGreaterThan(0);
  });

  it("give every exited household an exit, follow-ups due by followUpDueDates() and a closed plan", async () => {
    const rows = await rowsOf<{
      reference: string;
      exit: string | null;
      dues: string | null;
      plans: string | null;
    }>(
      database.db,
      sql`
      select h.reference, e.date::text as exit,
        (select string_agg(f.months || ':' || f.due_date, ',' order by f.months) from household_follow_ups f
          where f.exit_id = e.id) as dues,
        (select string_agg(p.status, ',') from support_plans p where p.household_id = h.id) as plans
      from households h left join household_exits e on e.household_id = h.id
      where h.status = 'exited'`,
    );
    expect(rows).toHaveLength(care.exits.length);
    for (const r of rows) {
      expect(r.exit, r.reference).not.toBeNull();
      expect(r.dues).toBe(
        followUpDueDates(r.exit as string)
          .map((f) => `${f.months}:${f.dueDate}`)
          .join(","),
      );
      expect(r.plans, r.reference).toBe("closed");
    }
    expect(await count(sql`select count(*)::int as n from support_plans where status = 'closed'`)).toBe(
      rows.length,
    );
    const exitedElsewhere = await count(
      sql`select count(*)::int as n from household_exits e
        join households h on h.id = e.household_id where h.status <> 'exited'`,
    );
    expect(exitedElsewhere).toBe(0);
  });

  it("name the demo educator on about twenty active ETS-B1 teams, the manager not on every one", async () => {
    const userId = async (role: string) =>
      (await rowsOf<{ id: string }>(database.db, sql`select id from users where role = ${role}`))[0]
        ?.id as string;
    const educator = await userId("area_b_educator");
    const teams = await rowsOf<{ partner: string; status: string }>(
      database.db,
      sql`
      select o.code as partner, p.status from support_plans p
      join households h on h.id = p.household_id join organisations o on o.id = h.managing_partner_id
      where p.team @> ${JSON.stringify([{ role: "educator", userId: educator }])}::jsonb`,
    );
    expect(teams.filter((t) => t.status === "active")).toHaveLength(20);
    expect(teams.filter((t) => t.status === "active")).toHaveLength(DEMO_CARE_COUNTS.educatorActivePlans);
    expect(new Set(teams.map((t) => t.partner))).toEqual(new Set(["ETS-B1"]));
    const socialWorker = await userId("comune_social_worker");
    expect(
      await count(
        sql`select count(*)::int as n from support_plans
          where team @> ${JSON.stringify([{ userId: socialWorker }])}::jsonb`,
      ),
    ).toBe(DEMO_CARE_COUNTS.socialWorkerPlans);
    // The manager is on a team for having accepted the referral: a colleague without an account took some.
    const manager = await userId("area_b_manager");
    const acceptedAtB1 = await rowsOf<{ by: string | null }>(
      database.db,
      sql`
      select r.answered_by as by from referrals r join organisations o on o.id = r.partner_id
      where o.code = 'ETS-B1' and r.status = 'accepted'`,
    );
    expect(acceptedAtB1.filter((r) => r.by === manager).length).toBeGreaterThan(0);
    expect(acceptedAtB1.filter((r) => r.by === null).length).toBeGreaterThan(0);
  });

  it("flag withdrawals through the consents' trigger: 1 processing, 2 special categories", async () => {
    expect(
      await count(sql`select count(*)::int as n from households where processing_withdrawn_at is not null`),
    ).toBe(DEMO_CARE_COUNTS.processingWithdrawn);
    expect(
      await count(
        sql`select count(*)::int as n from households where special_categories_withdrawn_at is not null`,
      ),
    ).toBe(DEMO_CARE_COUNTS.specialCategoriesWithdrawn);
    expect(DEMO_CARE_COUNTS).toMatchObject({ processingWithdrawn: 1, specialCategoriesWithdrawn: 2 });
    const given = await count(sql`
      select count(*)::int as n from households h where
        (select count(*) from household_consents c where c.household_id = h.id
          and c.purpose in ('processing', 'special_categories')) <> 2`);
    expect(given).toBe(0);
  });

  it("attach each referral's social report to it, and keep the documents' expiries", async () => {
    const unattached = await count(sql`
      select count(*)::int as n from referrals r where not exists (select 1 from household_documents d
        where d.referral_id = r.id and d.household_id = r.household_id and d.kind = 'social_report')`);
    expect(unattached).toBe(0);
    const expiring = await count(sql`
      select count(*)::int as n from household_documents where kind = 'identity_document'
        and expires_on between ${DEMO_DATE}::date and ${DEMO_DATE}::date + 30`);
    expect(expiring).toBe(DEMO_CARE_COUNTS.identityExpiringSoon);
    const expiredIdentity = await count(sql`
      select count(*)::int as n from household_documents
        where kind = 'identity_document' and expires_on < ${DEMO_DATE}`);
    expect(expiredIdentity).toBe(0);
    const wrongIsee = await count(sql`
      select count(*)::int as n from household_documents where kind = 'isee'
        and expires_on <> make_date(extract(year from issued_on)::int + 1, 1, 15)`);
    expect(wrongIsee).toBe(0);
  });
});

describe("the demo tenancies", () => {
  it("store one tenancy in force per household living in its unit, with three months of ledger", async () => {
    const [row] = await rowsOf<{ tenancies: number; living: number; months: string }>(
      database.db,
      sql`select (select count(*)::int from tenancies where status = 'active') as "tenancies",
                 (select count(*)::int from households where status in ('housed', 'exiting')) as "living",
                 (select string_agg(distinct period, ',' order by period) from charges) as "months"`,
    );
    expect(row?.tenancies).toBeGreaterThan(0);
    expect(row?.tenancies).toBeLessThanOrEqual(row?.living ?? 0);
    expect(row?.months).toBe("2026-09,2026-10,2026-11");
  });

  it("tie the demo tenant's account to a household whose tenancy is in force", async () => {
    const [row] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as "n" from users u join tenancies t on t.household_id = u.household_id
          where u.role = 'tenant' and t.status = 'active'`,
    );
    expect(row?.n).toBe(1);
  });
});

describe("the demo's financial plan", () => {
  it("saves the base scenario as version 1 with its reason, by the Area A account, readable by the engine", async () => {
    const [row] = await rowsOf<{
      name: string;
      version: number;
      reason: string;
      role: string;
      scenario: unknown;
    }>(
      database.db,
      sql`select p.name, p.version, p.reason, u.role, p.scenario from plan_scenarios p
          left join users u on u.id = p.created_by`,
    );
    expect(row).toMatchObject({
      name: "base",
      version: 1,
      reason: "Scenario di partenza (dimostrativo)",
      role: "area_a",
    });
    const parsed = parseScenario(row?.scenario);
    expect(parsed.ok && parsed.scenario.name).toMatch(/fittizie/);
  });
});

describe("the demo's renovation works", () => {
  it("registers three contractors with Area A and three works on units in the status their works implies", async () => {
    const contractorRows = await rowsOf<{ name: string; org: string }>(
      database.db,
      sql`select c.name, o.code as "org" from contractors c join organisations o on o.id = c.organisation_id order by c.name`,
    );
    expect(contractorRows).toHaveLength(3);
    expect(contractorRows.every((c) => c.org === "ETS-A" && c.name.endsWith("(demo)"))).toBe(true);
    const worksRows = await rowsOf<{ status: string; unit_status: string; partner: string; costs: number }>(
      database.db,
      sql`select w.status, u.status as "unit_status", o.code as "partner",
            (select count(*)::int from works_cost_lines c where c.works_id = w.id) as "costs"
          from works w join works_units wu on wu.works_id = w.id join units u on u.id = wu.unit_id
          join organisations o on o.id = w.partner_id order by w.status`,
    );
    expect(worksRows.map((w) => [w.status, w.unit_status])).toEqual([
      ["completed", "available"],
      ["in_progress", "renovating"],
      ["in_progress", "renovating"],
      ["planned", "to_renovate"],
    ]);
    expect(worksRows.find((w) => w.status === "planned")?.costs).toBe(0);
  });
});

describe("the demo governance and workspace", () => {
  it("set up the Cabina with six members within its limit, decisions numbered from 1, and overdue actions", async () => {
    const rows = async <T>(query: SQL) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const bodies = await rows<{ name: string; level: string; members: number; decisions: string }>(sql`
      select b.name, b.level,
        (select count(*)::int from governance_members m where m.body_id = b.id and m.role in ('chair', 'member')
          and m.to_on is null) as members,
        (select string_agg(d.number::text, ',' order by d.number) from governance_decisions d where d.body_id = b.id) as decisions
      from governance_bodies b order by b.level, b.name`);
    expect(bodies.find((b) => b.level === "directive")).toMatchObject({
      name: "Cabina di Regia Integrata",
      members: 6,
      decisions: "1,2,3,4,5",
    });
    expect(bodies.map((b) => b.level).sort()).toEqual([
      "directive",
      "management",
      "management",
      "management",
      "project",
    ]);
    const [overdue] = await rows<{ n: number }>(
      sql`select count(*)::int as n from governance_actions where status = 'open' and due_on < ${DEMO_DATE}::date`,
    );
    expect(overdue?.n).toBe(3);
    const library = await rows<{ title: string; versions: number; current: number }>(sql`
      select d.title, count(v.*)::int as versions, d.current_version as current
      from library_documents d join library_versions v on v.document_id = d.id group by d.id order by d.title`);
    expect(library.map((d) => [d.versions, d.current])).toEqual([
      [1, 1],
      [1, 1],
      [2, 2],
    ]);
    const [pdf] = await rows<{ head: string }>(
      sql`select encode(substring(content from 1 for 5), 'escape') as head from library_versions limit 1`,
    );
    expect(pdf?.head).toBe("%PDF-");
  });

  it("run shared services in their buildings' places, with counts only, and a Municipio 3 fund in credit", async () => {
    const rows = async <T>(query: SQL) =>
      ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const services = await rows<{ place_ok: boolean; activities: number; counts_ok: boolean }>(sql`
      select (s.building_code is null or (b.town = s.town and b.municipio is not distinct from s.municipio)) as place_ok,
        (select count(*)::int from welfare_activities a where a.service_id = s.id) as activities,
        (select bool_and(a.residents <= a.participants) from welfare_activities a where a.service_id = s.id) as counts_ok
      from welfare_services s left join buildings b on b.code = s.building_code`);
    expect(services).toHaveLength(5);
    expect(services.every((s) => s.place_ok && s.counts_ok && s.activities > 0)).toBe(true);
    const [spaces] = await rows<{ bookable: number; bookings: number }>(sql`
      select count(*) filter (where bookable)::int as bookable,
        (select count(*)::int from space_bookings where booked_for > ${DEMO_DATE}::date) as bookings
      from common_spaces`);
    expect(spaces).toEqual({ bookable: 1, bookings: 2 });
    const [fund] = await rows<{ municipio: number; balance: number; proposed: number }>(sql`
      select b.municipio,
        sum(f.amount_cents) filter (where f.kind = 'contribution')::int
          - coalesce(sum(f.amount_cents) filter (where f.status = 'approved'), 0)::int as balance,
        count(*) filter (where f.status = 'proposed')::int as proposed
      from fund_entries f join governance_bodies b on b.id = f.body_id group by b.municipio`);
    expect(fund).toEqual({ municipio: 3, balance: 330_000, proposed: 1 });
  });
});
