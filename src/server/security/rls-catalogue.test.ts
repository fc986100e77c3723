// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, type Db } from "../db/client.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { partnerTables, rowsOf, tableSecurity } from "./catalogue.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** The partner tables that lack forced row-level security or any policy, with what each lacks. */
async function unprotectedPartnerTables(db: Db) {
  const partner = new Set(await partnerTables(db));
  return (await tableSecurity(db))
    .filter((t) => partner.has(t.table))
    .filter((t) => !t.rowSecurity || !t.forced || t.policies === 0)
    .map((t) => ({
      table: t.table,
      lacks: [
        ...(t.rowSecurity ? [] : ["ENABLE ROW LEVEL SECURITY"]),
        ...(t.forced ? [] : ["FORCE ROW LEVEL SECURITY"]),
        ...(t.policies > 0 ? [] : ["a policy"]),
      ],
    }));
}

class RolledBack extends Error {}

describe("row-level security in the catalogue", () => {
  it("forces row-level security, with a policy, on every table that holds an organisation's rows", async () => {
    const tables = await partnerTables(ctx.db);
    const forced = (await tableSecurity(ctx.db)).filter((t) => t.rowSecurity && t.forced);
    console.log(`row-level security: ${forced.length} tables forced / ${tables.length} partner tables`);
    expect(await unprotectedPartnerTables(ctx.db)).toEqual([]);
  });

  it("finds today's partner tables (a new one must be added here knowingly)", async () => {
    expect(await partnerTables(ctx.db)).toEqual([
      "allocation_offers",
      "allocation_rules_versions",
      "allocation_runs",
      "announcements",
      "arrears_cases",
      "arrears_policy_versions",
      "arrears_steps",
      "audit_events",
      "bank_imports",
      "bank_lines",
      "charge_runs",
      "charges",
      "common_spaces",
      "contractors",
      "economic_referrals",
      "expense_budgets",
      "expense_claims",
      "expense_documents",
      "expense_lines",
      "fund_entries",
      "funding_applications",
      "funding_calls",
      "funding_pledges",
      "funding_receipts",
      "governance_actions",
      "governance_attachments",
      "governance_attendance",
      "governance_bodies",
      "governance_decisions",
      "governance_meetings",
      "governance_members",
      "guarantee_uptakes",
      "household_consents",
      "household_documents",
      "household_events",
      "household_exits",
      "household_follow_ups",
      "household_members",
      "households",
      "indicator_targets",
      "ledger_periods",
      "lenders",
      "library_documents",
      "library_versions",
      "loan_guarantees",
      "loan_offers",
      "loan_payments",
      "maintenance_tickets",
      "monitoring_period_events",
      "monitoring_snapshots",
      "move_in_checklists",
      "notifications",
      "owner_contacts",
      "owner_offers",
      "payments",
      "plan_scenarios",
      "private_owners",
      "recertifications",
      "referrals",
      "repayment_instalments",
      "repayment_plans",
      "sessions",
      "space_bookings",
      "support_interventions",
      "support_plan_reviews",
      "support_plans",
      "tasks",
      "tenancies",
      "tenancy_documents",
      "tenant_information",
      "tenant_notices",
      "ticket_events",
      "ticket_photos",
      "timeline_items",
      "unit_events",
      "unit_holds",
      "unit_status_spans",
      "units",
      "users",
      "welfare_activities",
      "welfare_services",
      "works",
      "works_cost_lines",
      "works_phases",
      "works_units",
      "write_offs",
    ]);
  });

  it("catches a table added later that references a partner table through a chain of keys", async () => {
    // Two tables in a transaction that is rolled back: one under units, one under the first.
    const offenders = await ctx.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`create table probe_visits (id int primary key, unit_id uuid references units(id))`,
        );
        await tx.execute(
          sql`create table probe_notes (id int primary key, visit_id int references probe_visits(id))`,
        );
        const found = await unprotectedPartnerTables(tx);
        throw new RolledBack(JSON.stringify(found));
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
        return JSON.parse(e.message) as unknown;
      });
    const lacksAll = ["ENABLE ROW LEVEL SECURITY", "FORCE ROW LEVEL SECURITY", "a policy"];
    expect(offenders).toEqual([
      { table: "probe_notes", lacks: lacksAll },
      { table: "probe_visits", lacks: lacksAll },
    ]);
    expect(await partnerTables(ctx.db)).not.toContain("probe_visits");
  });
});

describe(`the application role ${APP_ROLE}`, () => {
  it("is an ordinary role: no superuser, no BYPASSRLS, no role creation, no inherited bypass", async () => {
    const [role] = await rowsOf<Record<string, boolean>>(
      ctx.db,
      sql`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = ${APP_ROLE}`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const bypassing = await rowsOf<{ rolname: string }>(
      ctx.db,
      sql`select r.rolname from pg_roles r
          where (r.rolsuper or r.rolbypassrls or r.rolname in ('pg_read_all_data', 'pg_write_all_data'))
            and r.rolname <> ${APP_ROLE} and pg_has_role(${APP_ROLE}, r.oid, 'MEMBER')`,
    );
    expect(bypassing).toEqual([]);
  });

  it("owns no relation, function, type or the schema itself in public", async () => {
    const owned = await rowsOf<{ kind: string; name: string }>(
      ctx.db,
      sql`with app as (select oid from pg_roles where rolname = ${APP_ROLE}),
               pub as (select oid, nspowner from pg_namespace where nspname = 'public')
          select 'relation' as "kind", c.relname as "name" from pg_class c, app, pub
            where c.relnamespace = pub.oid and c.relowner = app.oid
          union all
          select 'function', p.proname from pg_proc p, app, pub
            where p.pronamespace = pub.oid and p.proowner = app.oid
          union all
          select 'type', t.typname from pg_type t, app, pub
            where t.typnamespace = pub.oid and t.typowner = app.oid
          union all
          select 'schema', 'public' from app, pub where pub.nspowner = app.oid`,
    );
    expect(owned).toEqual([]);
  });

  it("may TRUNCATE no table", async () => {
    const truncatable = await rowsOf<{ name: string }>(
      ctx.db,
      sql`select n.nspname || '.' || c.relname as "name"
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
            and has_table_privilege(${APP_ROLE}, c.oid, 'TRUNCATE')`,
    );
    expect(truncatable).toEqual([]);
  });

  it("may only SELECT and INSERT on audit_events (append and read, never change)", async () => {
    const privileges = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];
    const held = await rowsOf<{ privilege: string }>(
      ctx.db,
      sql`select p as "privilege" from unnest(${sql.param(privileges)}::text[]) p
          where has_table_privilege(${APP_ROLE}, 'public.audit_events', p)`,
    );
    expect(held.map((h) => h.privilege)).toEqual(["SELECT", "INSERT"]);
    // Nor through a column grant.
    const [columns] = await rowsOf<{ update: boolean; references: boolean }>(
      ctx.db,
      sql`select has_any_column_privilege(${APP_ROLE}, 'public.audit_events', 'UPDATE') as "update",
                 has_any_column_privilege(${APP_ROLE}, 'public.audit_events', 'REFERENCES') as "references"`,
    );
    expect(columns).toEqual({ update: false, references: false });
  });
});
