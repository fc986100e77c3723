// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rowsOf } from "../security/catalogue.ts";

/**
 * A small, hand-built programme whose every indicator for the second quarter of 2026 (Q2: 1 April
 * to 30 June, 91 days) is worked out by hand in `indicators.test.ts`. Fictional throughout. All of
 * it belongs to the partner ETS-B1 except what is said otherwise.
 *
 * Units (status history):
 *   U1 calmierato 50 m² Municipio 3: renovating from 1/1, available 1/3, let 1/4 (works W1).
 *   U2 calmierato ridotto 40 m² Sesto San Giovanni: available from 1/1, let 16/6.
 *   U3 fragilità 60 m² Municipio 5: to renovate from 1/1 (never open to letting).
 *   U4 calmierato 55 m² Municipio 3: let from 1/1.
 * Households (first member is the reference person):
 *   H1 F 1990 IT, M 2015 IT, X 1985 RO — referred 10/1, accepted 1/2; waiting 1/2–20/3; tenancy on U1
 *      from 1/4; charges 1000 € due 5/4, 5/5, 5/6, paid 1000 € on 5/4 and 500 € on 20/5; arrears case
 *      open from 10/6; support plan from 1/2 every 3 months, reviews 20/4 (2,2) and 25/6 (3,4).
 *   H2 M 1950 MA — referred 1/5, accepted 10/5; waiting 10/5–10/6; tenancy on U2 from 16/6; plan
 *      from 15/1 every month, never reviewed.
 *   H3 F 2000 IT, F 2020 IT — referral pending; waiting from 1/6; exit 20/6 (abandonment).
 *   H4 F 1980 IT — tenancy on U3 1/5/2025–1/3/2026 (ended); exit 15/5 (market rent).
 *   H5 M 1970 IT — tenancy on U4 from 1/6/2025.
 *   H6 F 1960 IT — exit 1/10/2025 (family); 6-month check on 10/4: homeless.
 *   H7 M 1975 IT — exit 15/10/2025 (family); 6-month check on 1/5: same home; another on 2/5: unreachable.
 * Works W1 on U1, completed 28/2: 20,000 € + 10,000 € ex VAT. Area A co-financing received: 500 € on 1/5.
 */
export async function insertIndicatorFixture(db: Db) {
  const org = async (code: string) =>
    (await rowsOf<{ id: string }>(db, sql`select id from organisations where code = ${code}`))[0]
      ?.id as string;
  const b1 = await org("ETS-B1");
  const a = await org("ETS-A");
  const comune = await org("COMUNE-MI");

  const unit = async (code: string, category: string, m2: number, town: string, municipio: number | null) =>
    (
      await rowsOf<{ id: string }>(
        db,
        sql`insert into units (code, address, town, municipio, floor, lift, surface_m2, rooms, bedrooms, step_free,
              wheelchair_adapted, origin, category, managing_partner_id, condition, status)
            values (${code}, 'Via Fittizia 1', ${town}, ${municipio}, 1, true, ${m2}, 3, 2, false, false,
              'municipal', ${category}, ${b1}, 'good', 'available') returning id`,
      )
    )[0]?.id as string;
  const u1 = await unit("IND-U1", "calmierato", 50, "Milano", 3);
  const u2 = await unit("IND-U2", "calmierato_ridotto", 40, "Sesto San Giovanni", null);
  const u3 = await unit("IND-U3", "fragilita", 60, "Milano", 5);
  const u4 = await unit("IND-U4", "calmierato", 55, "Milano", 3);
  const event = (unitId: string, at: string, from: string | null, to: string) =>
    db.execute(sql`insert into unit_events (unit_id, at, kind, from_status, to_status)
      values (${unitId}, ${`${at}T10:00:00+01:00`}::timestamptz, 'status', ${from}, ${to})`);
  await event(u1, "2026-01-01", null, "renovating");
  await event(u1, "2026-03-01", "renovating", "available");
  await event(u1, "2026-04-01", "available", "let");
  await event(u2, "2026-01-01", null, "available");
  await event(u2, "2026-06-16", "available", "let");
  await event(u3, "2026-01-01", null, "to_renovate");
  await event(u4, "2026-01-01", null, "let");

  let n = 0;
  const household = async (
    status: string,
    members: [sex: string, birth: string, citizenship: string][],
    targetGroup = "famiglia",
  ) => {
    n += 1;
    const [row] = await rowsOf<{ id: string }>(
      db,
      sql`insert into households (reference, managing_partner_id, referring_organisation_id, target_group, category,
            priority, housing_situation, status)
          values (${`IND-H${n}`}, ${b1}, ${comune}, ${targetGroup}, 'calmierato', '{}'::jsonb, 'eviction', ${status})
          returning id`,
    );
    const id = row?.id as string;
    for (const [i, [sex, birth, citizenship]] of members.entries())
      await db.execute(sql`insert into household_members (household_id, position, given_name, family_name, fiscal_code,
          birth_date, sex, citizenship, relationship)
        values (${id}, ${i + 1}, 'Prova', 'Fittizia', ${`XXXXXX00X00X999${n}${i}`}, ${birth}, ${sex}, ${citizenship},
          ${i === 0 ? "head" : "other"})`);
    return id;
  };
  const h1 = await household(
    "housed",
    [
      ["F", "1990-05-01", "IT"],
      ["M", "2015-05-01", "IT"],
      ["X", "1985-05-01", "RO"],
    ],
    "monoparentale",
  );
  const h2 = await household("housed", [["M", "1950-05-01", "MA"]], "anziano_solo");
  const h3 = await household("waiting", [
    ["F", "2000-05-01", "IT"],
    ["F", "2020-05-01", "IT"],
  ]);
  const h4 = await household("exited", [["F", "1980-05-01", "IT"]]);
  const h5 = await household("housed", [["M", "1970-05-01", "IT"]]);
  const h6 = await household("exited", [["F", "1960-05-01", "IT"]]);
  const h7 = await household("exited", [["M", "1975-05-01", "IT"]]);

  const referral = (householdId: string, referredOn: string, status: string, answeredOn: string | null) =>
    db.execute(sql`insert into referrals (household_id, partner_id, referred_at, due_at, report, status, answered_at)
      values (${householdId}, ${b1}, ${`${referredOn}T10:00:00+01:00`}::timestamptz,
        ${`${referredOn}T10:00:00+01:00`}::timestamptz + interval '15 days', '{}'::jsonb, ${status},
        ${answeredOn === null ? null : `${answeredOn}T10:00:00+02:00`}::timestamptz)`);
  await referral(h1, "2026-01-10", "accepted", "2026-02-01");
  await referral(h2, "2026-05-01", "accepted", "2026-05-10");
  await referral(h3, "2026-06-01", "pending", null);

  const statusChange = (householdId: string, on: string, from: string | null, to: string) =>
    db.execute(sql`insert into household_events (household_id, at, from_status, to_status)
      values (${householdId}, ${`${on}T10:00:00+02:00`}::timestamptz, ${from}, ${to})`);
  await statusChange(h1, "2026-02-01", "assessed", "waiting");
  await statusChange(h1, "2026-03-20", "waiting", "offered");
  await statusChange(h2, "2026-05-10", "assessed", "waiting");
  await statusChange(h2, "2026-06-10", "waiting", "offered");
  await statusChange(h3, "2026-06-01", "assessed", "waiting");

  const tenancy = async (
    householdId: string,
    unitId: string,
    start: string,
    status: string,
    ended: string | null,
  ) =>
    (
      await rowsOf<{ id: string }>(
        db,
        sql`insert into tenancies (unit_id, household_id, status, contract_type, start_on, ended_on, rent_cents)
          values (${unitId}, ${householdId}, ${status}, 'calmierato', ${start}, ${ended}, 100000) returning id`,
      )
    )[0]?.id as string;
  const t1 = await tenancy(h1, u1, "2026-04-01", "active", null);
  await tenancy(h2, u2, "2026-06-16", "active", null);
  await tenancy(h4, u3, "2025-05-01", "ended", "2026-03-01");
  await tenancy(h5, u4, "2025-06-01", "active", null);

  for (const [i, due] of ["2026-04-05", "2026-05-05", "2026-06-05"].entries())
    await db.execute(sql`insert into charges (tenancy_id, period, kind, amount_cents, due_on, days_charged, days_in_month,
        notice_number)
      values (${t1}, ${due.slice(0, 7)}, 'rent', 100000, ${due}, 30, 30, ${`30200000000000000${i}`})`);
  for (const [paid, amount] of [
    ["2026-04-05", 100000],
    ["2026-05-20", 50000],
  ] as const)
    await db.execute(sql`insert into payments (tenancy_id, amount_cents, paid_on, method)
      values (${t1}, ${amount}, ${paid}, 'bank_transfer')`);
  await db.execute(sql`insert into arrears_cases (tenancy_id, household_id, opened_on, stage)
    values (${t1}, ${h1}, '2026-06-10', 'signal')`);

  const exit = async (householdId: string, on: string, destination: string) =>
    (
      await rowsOf<{ id: string }>(
        db,
        sql`insert into household_exits (household_id, date, planned, destination)
          values (${householdId}, ${on}, true, ${destination}) returning id`,
      )
    )[0]?.id as string;
  await exit(h3, "2026-06-20", "abandonment");
  await exit(h4, "2026-05-15", "market_rent");
  const x6 = await exit(h6, "2025-10-01", "family");
  const x7 = await exit(h7, "2025-10-15", "family");
  const followUp = (
    exitId: string,
    householdId: string,
    months: number,
    due: string,
    on: string,
    situation: string,
  ) =>
    db.execute(sql`insert into household_follow_ups (exit_id, household_id, months, due_date, contacted_on, situation)
      values (${exitId}, ${householdId}, ${months}, ${due}, ${on}, ${situation})`);
  await followUp(x6, h6, 6, "2026-04-01", "2026-04-10", "homeless");
  await followUp(x7, h7, 6, "2026-04-15", "2026-05-01", "same_home");
  await followUp(x7, h7, 12, "2026-10-15", "2026-05-02", "unreachable");

  const plan = async (householdId: string, start: string, every: number) =>
    (
      await rowsOf<{ id: string }>(
        db,
        sql`insert into support_plans (household_id, start_date, intensity, review_every_months, team, goals, signatures,
            next_review_date)
          values (${householdId}, ${start}, 'medium', ${every}, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, ${start})
          returning id`,
      )
    )[0]?.id as string;
  const p1 = await plan(h1, "2026-02-01", 3);
  await plan(h2, "2026-01-15", 1);
  for (const [on, housing, work] of [
    ["2026-04-20", 2, 2],
    ["2026-06-25", 3, 4],
  ] as const)
    await db.execute(sql`insert into support_plan_reviews (plan_id, household_id, date, autonomy)
      values (${p1}, ${h1}, ${on}, ${JSON.stringify({ housing, work })}::jsonb)`);

  const [works] = await rowsOf<{ id: string }>(
    db,
    sql`insert into works (partner_id, title, estimate_ex_vat_cents, status, completed_on)
      values (${b1}, 'Ristrutturazione di prova', 3000000, 'completed', '2026-02-28') returning id`,
  );
  await db.execute(sql`insert into works_units (works_id, unit_id) values (${works?.id}, ${u1})`);
  for (const [i, amount] of [2_000_000, 1_000_000].entries())
    await db.execute(sql`insert into works_cost_lines (works_id, description, invoice_number, invoice_date,
        amount_ex_vat_cents, vat_cents, funding_source)
      values (${works?.id}, 'Fattura di prova', ${`F-${i}`}, '2026-02-20', ${amount}, ${amount / 10}, 'grant')`);
  const [pledge] = await rowsOf<{ id: string }>(
    db,
    sql`insert into funding_pledges (partner_id, source, donor, amount_cents, pledged_on, expected_on)
      values (${a}, 'co_financing_a', 'Capofila Area A (prova)', 100000, '2026-01-15', '2026-06-30') returning id`,
  );
  await db.execute(sql`insert into funding_receipts (pledge_id, amount_cents, received_on)
    values (${pledge?.id}, 50000, '2026-05-01')`);
  return { b1, units: { u1, u2, u3, u4 }, households: { h1, h2, h3, h4, h5, h6, h7 } };
}
