// SPDX-License-Identifier: EUPL-1.2
import { sql } from "drizzle-orm";
import type { Db } from "../src/server/db/client.ts";
import { rowsOf } from "../src/server/security/catalogue.ts";

/**
 * A synthetic programme `scale` times the demo's (488 units and ~300 households at scale 1), for the
 * monitoring bench: units with their status history, households with members, referral and path,
 * tenancies with their monthly charges and payments, arrears, exits with follow-ups, support plans
 * with reviews, renovation works with their units and costs, Area A co-financing. Plainly fictional
 * ("Via Fittizia", "Nome Sintetico") and deterministic: every choice is a seeded hash of the row's
 * number (`bench.h`), every id an md5 of a fixed text, so each run on any engine builds the same
 * rows. Written with set-based SQL only (generate_series, one INSERT … SELECT per table); the plan
 * tables `bench.u`, `bench.hh`, `bench.t` hold the choices the later tables follow.
 *
 * The timeline: the convention starts on 2026-01-01 (units imported that day, the first homes let
 * from 28 January), referrals from March 2025, and "today" is 2026-11-22 (day 325).
 */

/** Bump when the generator changes: a stored dataset with another version is rebuilt. */
export const DATASET_VERSION = 1;
export const DATASET_SEED = 20261122;
/** Units and households of the demo programme, the scale-1 sizes. */
export const DEMO_UNITS = 488;
export const DEMO_HOUSEHOLDS = 300;

/** The tables the bench counts, in the order it prints them. */
export const MAIN_TABLES = [
  "units",
  "unit_events",
  "households",
  "household_members",
  "referrals",
  "household_events",
  "tenancies",
  "charges",
  "payments",
  "arrears_cases",
  "household_exits",
  "household_follow_ups",
  "support_plans",
  "support_plan_reviews",
  "works",
  "works_units",
  "works_cost_lines",
  "funding_pledges",
  "funding_receipts",
] as const;

/** `scale`'s marker as stored by a complete generation, or null when none (or another) is stored. */
export async function storedScale(db: Db): Promise<{ scale: number; seed: number; version: number } | null> {
  const [exists] = await rowsOf<{ ok: boolean }>(
    db,
    sql`select to_regclass('bench.marker') is not null as ok`,
  );
  if (!exists?.ok) return null;
  const [row] = await rowsOf<{ scale: number; seed: number; version: number }>(
    db,
    sql`select scale, seed, version from bench.marker limit 1`,
  );
  return row ?? null;
}

const TODAY_DAY = 325;

/** The statements, in order. `s`: the scale factor (a whole number ≥ 1). */
function statements(s: number): { label: string; text: string }[] {
  const units = DEMO_UNITS * s;
  const households = DEMO_HOUSEHOLDS * s;
  // Day n of the convention as a date, and as a time of that day in Milan.
  const dateOf = (day: string) => `(date '2026-01-01' + (${day}))`;
  const atOf = (day: string, time = "10:00") =>
    `((${dateOf(day)} + time '${time}') at time zone 'Europe/Rome')`;
  const partnerOf = (category: string, first: string) => `case ${category}
      when 'calmierato' then case when ${first} then o.b1 else o.b3 end
      when 'calmierato_ridotto' then case when ${first} then o.b1 else o.b2 end
      else case when ${first} then o.b2 else o.b3 end end`;
  const categoryOf = (r: string) =>
    `case when ${r} < 0.39 then 'calmierato' when ${r} < 0.65 then 'calmierato_ridotto' else 'fragilita' end`;
  const orgs = `(select max(id::text) filter (where code = 'COMUNE-MI')::uuid as comune,
      max(id::text) filter (where code = 'ETS-A')::uuid as a,
      max(id::text) filter (where code = 'ETS-B1')::uuid as b1,
      max(id::text) filter (where code = 'ETS-B2')::uuid as b2,
      max(id::text) filter (where code = 'ETS-B3')::uuid as b3 from organisations) o`;
  const chain = `(array['to_renovate', 'renovating', 'available', 'offered', 'let_pending', 'let'])`;
  return [
    {
      label: "helpers",
      text: `drop schema if exists bench cascade;
create schema bench;
create function bench.h(n bigint, salt int) returns float8 language sql immutable parallel safe as
  $$ select (hashint8extended(n, ${DATASET_SEED}::bigint * 1000 + salt) & 9007199254740991)::float8 / 9007199254740992.0 $$;
create table bench.marker (scale int not null, seed int not null, version int not null, built_at timestamptz not null default now())`,
    },
    {
      label: "unit plan",
      // s: where the unit starts on the chain (-1: unavailable); k: how many steps it moves on,
      // every gap days; a tenth of the let units are vacated and let again (v: the day).
      text: `create table bench.u as
select n, md5('bench-unit-' || n)::uuid as id, category, first_manager, milano, rooms, s, gap, k,
  case when s = 5 and bench.h(n, 7) < 0.10 then 60 + floor(bench.h(n, 9) * 200)::int end as v
from (select n, ${categoryOf("bench.h(n, 1)")} as category, bench.h(n, 2) < 0.5 as first_manager,
        bench.h(n, 3) < 0.70 as milano, 1 + floor(bench.h(n, 8) * 5)::int as rooms,
        case when bench.h(n, 4) < 0.40 then 0 when bench.h(n, 4) < 0.52 then 1 when bench.h(n, 4) < 0.64 then 2
             when bench.h(n, 4) < 0.67 then 3 when bench.h(n, 4) < 0.97 then 5 else -1 end as s,
        25 + floor(bench.h(n, 6) * 70)::int as gap
      from generate_series(1, ${units}) n) x
  cross join lateral (select case when s between 0 and 4
    then least(floor(bench.h(n, 5) * (6 - s))::int, 320 / gap) else 0 end as k) steps;
alter table bench.u add column final text;
update bench.u set final = case
  when s < 0 then 'unavailable'
  when v is null then ${chain}[s + k + 1]
  when v + 70 <= 320 then 'let' when v + 30 <= 320 then 'available' else 'vacating' end;
alter table bench.u add column partner_id uuid;
update bench.u u set partner_id = ${partnerOf("u.category", "u.first_manager")} from ${orgs}`,
    },
    {
      label: "units",
      text: `insert into units (id, code, address, town, municipio, floor, lift, surface_m2, rooms, bedrooms, step_free,
  wheelchair_adapted, energy_class, origin, category, managing_partner_id, comodato_partner_id, comodato_start,
  comodato_end, condition, status)
select u.id, 'BU-' || lpad(u.n::text, 6, '0'),
  (array['Via Fittizia dei Glicini', 'Via Fittizia delle Ortensie', 'Viale Immaginario dei Platani',
    'Via Inventata del Ciliegio', 'Via Fittizia del Melograno'])[1 + u.n % 5] || ' ' || (1 + u.n % 180)
    || ', interno ' || (1 + u.n % 40),
  case when u.milano then 'Milano' else (array['Sesto San Giovanni', 'Cinisello Balsamo', 'Rho', 'Cologno Monzese',
    'Paderno Dugnano', 'Rozzano', 'San Donato Milanese', 'Corsico', 'Bollate', 'Pioltello'])[1 + u.n % 10] end,
  case when u.milano then 1 + u.n % 9 end,
  u.n % 8, u.n % 8 > 2, round((22 + u.rooms * 15 + bench.h(u.n, 10) * 18)::numeric, 1), u.rooms, u.rooms - 1,
  u.n % 5 = 0, u.n % 25 = 0,
  (array['A', 'B', 'C', 'D', 'E', 'F', 'G'])[1 + u.n % 7],
  case when u.n % 100 = 0 then 'confiscated' when u.milano then 'municipal' else 'hinterland' end,
  u.category, u.partner_id, u.partner_id, date '2026-01-01', date '2035-12-31',
  case u.final when 'to_renovate' then 'poor' when 'renovating' then 'poor' when 'unavailable' then 'uninhabitable'
    else 'good' end,
  u.final
from bench.u u order by u.n`,
    },
    {
      label: "unit events",
      text: `insert into unit_events (unit_id, at, kind, from_status, to_status, note)
select u.id, ${atOf("j * u.gap", "09:00")}, case when j = 0 then 'imported' else 'status' end,
  case when j > 0 then ${chain}[u.s + j] end,
  case when u.s < 0 then 'unavailable' else ${chain}[u.s + j + 1] end, 'Storia sintetica (benchmark)'
from bench.u u cross join lateral generate_series(0, u.k) j
union all
select u.id, ${atOf("u.v + c.offset_days")}, 'status', c.from_status, c.to_status, 'Storia sintetica (benchmark)'
from bench.u u cross join (values (0, 'let', 'vacating'), (30, 'vacating', 'available'), (70, 'available', 'let'))
  c(offset_days, from_status, to_status)
where u.v is not null and u.v + c.offset_days <= 320`,
    },
    {
      label: "household plan",
      // last: the furthest step on the path (0 referred … 6 exited); extra: a later suspension or
      // withdrawal; c1…c6: days from the referral to each step. Housed households are housed from
      // day 27 on (the first homes of the convention).
      text: `create table bench.hh as
select x.*, md5('bench-household-' || x.n)::uuid as id,
  case when x.returned then null else ${partnerOf("x.category", "x.first_manager")} end as partner_id,
  ${partnerOf("x.category", "x.first_manager")} as referred_to
from (select n, kind, ${categoryOf("bench.h(n, 11)")} as category, bench.h(n, 12) < 0.5 as first_manager,
        kind = 'returned' as returned,
        case kind when 'pending' then 0 when 'returned' then 0 when 'assessed' then 1 when 'withdrawn' then 1
          when 'waiting' then 2 when 'suspended' then 2 when 'offered' then 3 when 'housed' then 4
          when 'exiting' then 5 else 6 end as last
      from (select n, case when r < 0.07 then 'pending' when r < 0.09 then 'returned' when r < 0.16 then 'assessed'
              when r < 0.31 then 'waiting' when r < 0.37 then 'offered' when r < 0.80 then 'housed'
              when r < 0.84 then 'exiting' when r < 0.92 then 'exited' when r < 0.96 then 'suspended'
              else 'withdrawn' end as kind
            from (select n, bench.h(n, 13) as r from generate_series(1, ${households}) n) r) k) x
  ${`cross join ${orgs}`};
alter table bench.hh add column c int[], add column d0 int;
update bench.hh set c = array[0, a1, a1 + a2, a1 + a2 + a3, a1 + a2 + a3 + a4, a1 + a2 + a3 + a4 + a5,
    a1 + a2 + a3 + a4 + a5 + a6]
  from (select n as m, 3 + floor(bench.h(n, 31) * 15)::int as a1, 5 + floor(bench.h(n, 32) * 20)::int as a2,
          20 + floor(bench.h(n, 33) * 130)::int as a3, 7 + floor(bench.h(n, 34) * 21)::int as a4,
          60 + floor(bench.h(n, 35) * 100)::int as a5, 20 + floor(bench.h(n, 36) * 40)::int as a6
        from bench.hh) a where a.m = bench.hh.n;
update bench.hh set d0 = least(lo + floor(bench.h(n, 37) * greatest(0, hi - lo + 1))::int, hi)
  from (select n as m, case when last >= 4 then 27 - c[5] else -287 end as lo,
          ${TODAY_DAY - 2} - c[last + 1] - case when kind in ('suspended', 'withdrawn') then 70 else 0 end as hi
        from bench.hh) b where b.m = bench.hh.n`,
    },
    {
      label: "households",
      text: `insert into households (id, reference, managing_partner_id, referring_organisation_id, target_group, category,
  needs, priority, housing_situation, status, processing_withdrawn_at)
select h.id, 'BNC-' || lpad(h.n::text, 6, '0'), h.partner_id, o.comune,
  (array['neo_maggiorenni', 'famiglia', 'monoparentale', 'anziano_solo', 'persona_con_disabilita', 'donna_sola',
    'uomo_solo'])[1 + floor(bench.h(h.n, 14) * 7)::int],
  h.category, '{}', '{}'::jsonb,
  (array['homeless', 'shelter', 'guest', 'eviction', 'overcrowded', 'unfit_dwelling', 'other'])[1 + floor(bench.h(h.n, 15) * 7)::int],
  case h.kind when 'pending' then 'referred' when 'returned' then 'referred' else h.kind end,
  case when bench.h(h.n, 16) < 0.003 then ${atOf("h.d0 + 30")} end
from bench.hh h cross join ${orgs} order by h.n`,
    },
    {
      label: "members",
      text: `insert into household_members (household_id, position, given_name, family_name, fiscal_code, birth_date, sex,
  citizenship, relationship)
select h.id, p, 'Nome Sintetico', 'Fittizio', 'BNCFTZ' || lpad((h.n * 10 + p)::text, 10, '0'),
  case when p = 1 then date '1950-01-01' + floor(bench.h(h.n, 17) * 20000)::int
       when p = 2 and bench.h(h.n, 18) < 0.5 then date '1960-01-01' + floor(bench.h(h.n, 19) * 15000)::int
       else date '2007-01-01' + floor(bench.h(h.n * 10 + p, 20) * 6900)::int end,
  case when bench.h(h.n * 10 + p, 21) < 0.01 then 'X' when bench.h(h.n * 10 + p, 21) < 0.53 then 'F' else 'M' end,
  case when r < 0.60 then 'IT' when r < 0.68 then 'RO' when r < 0.70 then 'BG' when r < 0.76 then 'EG'
    when r < 0.81 then 'PH' when r < 0.86 then 'MA' when r < 0.89 then 'PE' when r < 0.92 then 'AL'
    when r < 0.95 then 'UA' when r < 0.97 then 'SN' else 'CN' end,
  case when p = 1 then 'head' when p = 2 and bench.h(h.n, 18) < 0.5 then 'partner' else 'child' end
from (select h.*, bench.h(h.n, 22) as r, bench.h(h.n, 23) as m from bench.hh h) h
  cross join lateral generate_series(1, case when h.m < 0.30 then 1 when h.m < 0.55 then 2 when h.m < 0.75 then 3
    when h.m < 0.90 then 4 else 5 end) p`,
    },
    {
      label: "referrals",
      text: `insert into referrals (id, household_id, partner_id, referred_at, due_at, report, status, answered_at, return_reason)
select md5('bench-referral-' || h.n)::uuid, h.id, h.referred_to, ${atOf("h.d0", "09:30")},
  ${atOf("h.d0 + 15", "09:30")}, '{}'::jsonb,
  case h.kind when 'pending' then 'pending' when 'returned' then 'returned' else 'accepted' end,
  case when h.kind <> 'pending' then ${atOf("h.d0 + least(greatest(h.c[2], 1), 2 + floor(bench.h(h.n, 24) * 12)::int)", "16:00")} end,
  case when h.kind = 'returned' then 'Posti esauriti (sintetico)' end
from bench.hh h order by h.n`,
    },
    {
      label: "household events",
      text: `insert into household_events (household_id, at, from_status, to_status, note)
select h.id, ${atOf("h.d0 + h.c[j + 1]", "11:00")},
  case when j > 0 then p.path[j] end, p.path[j + 1], 'Percorso sintetico (benchmark)'
from bench.hh h cross join (select array['referred', 'assessed', 'waiting', 'offered', 'housed', 'exiting', 'exited'] as path) p
  cross join lateral generate_series(0, h.last) j
union all
select h.id, ${atOf(`h.d0 + h.c[h.last + 1] + 10 + floor(bench.h(h.n, 25) * 60)::int`, "11:00")},
  p.path[h.last + 1], h.kind, 'Percorso sintetico (benchmark)'
from bench.hh h cross join (select array['referred', 'assessed', 'waiting', 'offered', 'housed', 'exiting', 'exited'] as path) p
where h.kind in ('suspended', 'withdrawn')`,
    },
    {
      label: "tenancy plan",
      // Housed and exiting households take a let unit of their partner, exited ones (an ended
      // tenancy) a unit of their partner that is no longer let; matched by rank within the partner.
      text: `create table bench.t as
select row_number() over (order by h.n) as n, md5('bench-tenancy-' || h.n)::uuid as id, h.n as hn, h.id as household_id,
  u.id as unit_id, u.category, u.surface, h.d0 + h.c[5] as start_day,
  case when h.last = 6 then h.d0 + h.c[7] end as end_day
from (select h.*, row_number() over (partition by h.partner_id, h.last = 6 order by h.n) as r
      from bench.hh h where h.last >= 4 and h.partner_id is not null) h
join (select u.id, u.category, u.partner_id, (22 + u.rooms * 15) as surface,
        row_number() over (partition by u.partner_id, u.final not in ('let', 'vacating') order by u.n) as r,
        u.final not in ('let', 'vacating') as free
      from bench.u u where u.final in ('let', 'vacating', 'available', 'offered', 'let_pending')) u
  on u.partner_id = h.partner_id and u.free = (h.last = 6) and u.r = h.r;
alter table bench.t add column rent bigint, add column service bigint, add column payer float8;
update bench.t set rent = case category when 'calmierato' then surface * 7500 / 12 when 'calmierato_ridotto'
    then surface * 5500 / 12 else 10000 + floor(bench.h(n, 40) * 200)::int * 100 end,
  service = case when bench.h(n, 41) < 0.7 then 3000 + floor(bench.h(n, 42) * 50)::int * 100 else 0 end,
  payer = bench.h(n, 43)`,
    },
    {
      label: "tenancies",
      text: `insert into tenancies (id, unit_id, household_id, status, reference, contract_type, start_on, end_on,
  renewal_months, notice_months, deposit_cents, rent_cents, service_charge_cents, signatories, activated_at,
  ended_on, end_reason)
select t.id, t.unit_id, t.household_id, case when t.end_day is null then 'active' else 'ended' end,
  'LOC-B-' || lpad(t.n::text, 6, '0'),
  case t.category when 'fragilita' then 'ospitalita' else t.category end,
  ${dateOf("t.start_day")}, ${dateOf("t.start_day")} + interval '4 years' - interval '1 day', 48, 6, 2 * t.rent,
  t.rent, t.service, '[]'::jsonb, ${atOf("t.start_day", "12:00")}, ${dateOf("t.end_day")},
  case when t.end_day is not null then 'Uscita dal percorso (sintetico)' end
from bench.t t order by t.n`,
    },
    {
      label: "charges",
      // Each month from the start to November 2026 (or the end): the rent, and the service charges
      // where there are any, pro rata in the first and last month, due on the 5th.
      text: `insert into charges (tenancy_id, period, kind, amount_cents, due_on, days_charged, days_in_month, notice_number)
select x.id, to_char(x.m, 'YYYY-MM'), k.kind,
  greatest(1, round(case k.kind when 'rent' then x.rent else x.service end * x.days::numeric / x.dim))::bigint,
  greatest(x.m + 4, x.start_on), x.days, x.dim,
  '3' || lpad((x.n * 64 + x.i * 2 + k.i)::text, 17, '0')
from (select t.id, t.n, t.rent, t.service, ${dateOf("t.start_day")} as start_on, m::date as m,
        (extract(year from age(m, date_trunc('month', ${dateOf("t.start_day")}))) * 12
          + extract(month from age(m, date_trunc('month', ${dateOf("t.start_day")}))))::int as i,
        extract(day from m + interval '1 month' - interval '1 day')::int as dim,
        (least(coalesce(${dateOf("t.end_day")}, date '2026-12-31'), (m + interval '1 month' - interval '1 day')::date)
          - greatest(${dateOf("t.start_day")}, m::date) + 1) as days
      from bench.t t cross join lateral generate_series(date_trunc('month', ${dateOf("t.start_day")}),
        least(coalesce(${dateOf("t.end_day")}, date '2026-11-01'), date '2026-11-01'), interval '1 month') m) x
  cross join (values ('rent', 0), ('service', 1)) k(kind, i)
where x.days > 0 and (k.kind = 'rent' or x.service > 0)`,
    },
    {
      label: "payments",
      // Four in five tenancies pay each month within a week, most others late, a few half and not always.
      text: `insert into payments (tenancy_id, amount_cents, paid_on, method, reference, payer)
select y.tenancy_id, y.amount, y.paid_on, case when y.r < 0.5 then 'pagopa' else 'bank_transfer' end,
  'Canone ' || y.period, 'Pagatore sintetico'
from (select c.tenancy_id, c.period, t.payer, bench.h(t.n * 100 + min(c.days_charged), 44) as r,
        case when t.payer < 0.95 then sum(c.amount_cents) else greatest(1, sum(c.amount_cents) / 2) end as amount,
        min(c.due_on) + case when t.payer < 0.80 then floor(bench.h(t.n * 1000 + extract(month from min(c.due_on))::int, 45) * 8)::int
          else 15 + floor(bench.h(t.n * 1000 + extract(month from min(c.due_on))::int, 46) * 40)::int end as paid_on
      from charges c join bench.t t on t.id = c.tenancy_id
      group by c.tenancy_id, c.period, t.n, t.payer) y
where y.paid_on <= date '2026-11-21' and (y.payer < 0.95 or y.r < 0.6)`,
    },
    {
      label: "arrears",
      text: `insert into arrears_cases (tenancy_id, household_id, opened_on, stage, status, closed_on, close_reason)
select t.id, t.household_id, z.opened_on,
  (array['signal', 'reminder', 'meeting', 'repayment_plan', 'fund_referral', 'legal'])[1 + floor(bench.h(t.n, 47) * 4)::int],
  case when z.closed_on is null then 'open' else 'closed' end, z.closed_on,
  case when z.closed_on is not null then 'Debito saldato (sintetico)' end
from bench.t t
  cross join lateral (select ${dateOf("t.start_day + 60 + floor(bench.h(t.n, 48) * 60)::int")} as opened_on) o
  cross join lateral (select case when t.payer < 0.95 and o.opened_on + 30 + floor(bench.h(t.n, 49) * 60)::int <= date '2026-11-21'
    then o.opened_on + 30 + floor(bench.h(t.n, 49) * 60)::int end as closed_on, o.opened_on) z
where t.payer >= 0.80 and z.opened_on <= coalesce(${dateOf("t.end_day")}, date '2026-11-21')`,
    },
    {
      label: "exits",
      text: `insert into household_exits (id, household_id, date, planned, destination, note)
select md5('bench-exit-' || h.n)::uuid, h.id, ${dateOf("h.d0 + h.c[7]")}, x.destination not in ('abandonment', 'eviction', 'death'),
  x.destination, 'Uscita sintetica'
from bench.hh h cross join lateral (select case when r < 0.40 then 'market_rent' when r < 0.65 then 'public_housing'
    when r < 0.75 then 'family' when r < 0.80 then 'other_service' when r < 0.90 then 'abandonment'
    when r < 0.98 then 'eviction' else 'death' end as destination from (select bench.h(h.n, 50) as r) r) x
where h.last = 6 order by h.n`,
    },
    {
      label: "follow-ups",
      text: `insert into household_follow_ups (exit_id, household_id, months, due_date, contacted_on, situation)
select e.id, e.household_id, m.months, f.due, f.contacted, case when f.contacted is not null then
    case when r < 0.50 then 'same_home' when r < 0.65 then 'other_stable_home' when r < 0.77 then 'with_family'
      when r < 0.85 then 'shelter_or_service' when r < 0.90 then 'homeless' else 'unreachable' end end
from household_exits e join bench.hh h on h.id = e.household_id
  cross join (values (6), (12), (24)) m(months)
  cross join lateral (select (e.date + make_interval(months => m.months))::date as due) d
  cross join lateral (select d.due,
      case when bench.h(h.n * 100 + m.months, 51) < 0.9 and d.due + floor(bench.h(h.n * 100 + m.months, 52) * 20)::int <= date '2026-11-22'
        then d.due + floor(bench.h(h.n * 100 + m.months, 52) * 20)::int end as contacted,
      bench.h(h.n * 100 + m.months, 53) as r) f
where e.destination <> 'death'`,
    },
    {
      label: "support plans",
      text: `insert into support_plans (id, household_id, status, start_date, intensity, review_every_months, team, goals,
  signatures, next_review_date)
select md5('bench-plan-' || h.n)::uuid, h.id, case when h.last = 6 then 'closed' else 'active' end,
  ${dateOf("h.d0 + h.c[3] + 7")}, (array['low', 'medium', 'high'])[1 + floor(bench.h(h.n, 54) * 3)::int], e.every,
  '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, ${dateOf("h.d0 + h.c[3] + 7")} + make_interval(months => e.every)
from bench.hh h cross join lateral (select case when r < 0.1 then 1 when r < 0.3 then 2 when r < 0.8 then 3 else 6 end as every
    from (select bench.h(h.n, 55) as r) r) e
where h.last >= 2 and h.kind <> 'withdrawn' and ${dateOf("h.d0 + h.c[3] + 7")} <= date '2026-11-22' order by h.n`,
    },
    {
      label: "plan reviews",
      // Every review_every_months, some a few days early or up to 25 late, one in twelve missed;
      // autonomy (1–5) in four domains, rising on most paths.
      text: `insert into support_plan_reviews (plan_id, household_id, date, autonomy, notes, created_at)
select p.id, p.household_id, r.on_date,
  jsonb_build_object('housing', least(5, greatest(1, 2 + floor(i * bench.h(h.n, 56) * 0.7 + bench.h(h.n * 100 + i, 57) * 1.6 - 0.5)::int)),
    'work', least(5, greatest(1, 1 + floor(i * bench.h(h.n, 58) * 0.6 + bench.h(h.n * 100 + i, 59) * 2)::int)),
    'money_management', least(5, greatest(1, 2 + floor(i * (bench.h(h.n, 60) - 0.3) * 0.5 + bench.h(h.n * 100 + i, 61) * 1.5)::int)),
    'health', least(5, greatest(1, 3 + floor(bench.h(h.n * 100 + i, 62) * 2 - 0.5)::int))),
  'Verifica sintetica', (r.on_date + time '17:00') at time zone 'Europe/Rome'
from support_plans p join bench.hh h on h.id = p.household_id
  cross join lateral generate_series(1, 24) i
  cross join lateral (select (p.start_date + make_interval(months => i * p.review_every_months))::date
    - 10 + floor(bench.h(h.n * 100 + i, 63) * 35)::int as on_date) r
where r.on_date <= least(date '2026-11-22', coalesce(${dateOf("case when h.last = 6 then h.d0 + h.c[7] end")}, date '2026-11-22'))
  and bench.h(h.n * 100 + i, 64) >= 0.08`,
    },
    {
      label: "works",
      // Groups of up to four units of a partner: completed when they were renovated (an event
      // renovating → available), in progress while they are still renovating.
      text: `create table bench.w as
select md5('bench-works-' || partner_id || '-' || done || '-' || g)::uuid as id,
  row_number() over (order by partner_id, done desc, g) as n, partner_id, done, g,
  array_agg(unit_id) as unit_ids, sum(surface) as surface, max(done_on) as completed_on
from (select u.partner_id, e.unit_id is not null as done, e.done_on, u.id as unit_id,
        round((22 + u.rooms * 15)::numeric, 1) as surface,
        (row_number() over (partition by u.partner_id, e.unit_id is not null order by u.n) - 1) / 4 as g
      from bench.u u
      left join (select unit_id, max((at at time zone 'Europe/Rome')::date) as done_on from unit_events
                 where from_status = 'renovating' and to_status = 'available' group by unit_id) e on e.unit_id = u.id
      where e.unit_id is not null or u.final = 'renovating') x
group by partner_id, done, g;
insert into works (id, reference, partner_id, title, estimate_ex_vat_cents, status, completed_on)
select w.id, 'LAV-B-' || lpad(w.n::text, 6, '0'), w.partner_id, 'Ristrutturazione sintetica ' || w.n,
  (w.surface * 45000)::bigint, case when w.done then 'completed' else 'in_progress' end, w.completed_on
from bench.w w order by w.n;
insert into works_units (works_id, unit_id) select w.id, unnest(w.unit_ids) from bench.w w;
insert into works_cost_lines (works_id, description, supplier, invoice_number, invoice_date, amount_ex_vat_cents,
  vat_cents, funding_source)
select w.id, 'Lavori sintetici, fattura ' || i, 'Impresa Fittizia', 'FT-' || w.n || '-' || i,
  coalesce(w.completed_on, date '2026-11-15') - (3 - i) * 25,
  (w.surface * (30000 + floor(bench.h(w.n * 10 + i, 65) * 30000)) / 3)::bigint,
  (w.surface * (30000 + floor(bench.h(w.n * 10 + i, 65) * 30000)) / 30)::bigint,
  (array['grant', 'equity', 'fundraising', 'calls', 'loan', 'revolving_fund'])[1 + (w.n + i) % 6]
from bench.w w cross join generate_series(1, 3) i`,
    },
    {
      label: "co-financing",
      text: `insert into funding_pledges (id, partner_id, source, donor, area, amount_cents, pledged_on, expected_on, notes)
select md5('bench-pledge-' || n)::uuid, o.a, case when n % 3 = 0 then 'grant' else 'co_financing_a' end,
  'Donatore Fittizio ' || n, 'A', 500000 + (n % 20) * 100000, date '2026-01-15' + n % 120, date '2026-12-31', 'Sintetico'
from generate_series(1, ${2 * s}) n cross join ${orgs};
insert into funding_receipts (pledge_id, amount_cents, received_on, reference)
select md5('bench-pledge-' || n)::uuid, 100000 + (n % 7) * 10000, date '2026-02-01' + n % 100 + (i - 1) * 60, 'Incasso sintetico'
from generate_series(1, ${2 * s}) n cross join generate_series(1, 3) i
where date '2026-02-01' + n % 100 + (i - 1) * 60 <= date '2026-11-22'`,
    },
    {
      label: "marker",
      text: `insert into bench.marker (scale, seed, version) values (${s}, ${DATASET_SEED}, ${DATASET_VERSION})`,
    },
  ];
}

/**
 * Build the dataset into a migrated database holding the demo organisations (as the owner: row-level
 * security does not apply). Reports each step's time through `progress`.
 */
export async function generateIndicatorDataset(
  db: Db,
  scale: number,
  progress: (label: string, ms: number) => void = () => {},
) {
  if (!Number.isInteger(scale) || scale < 1) throw new Error("scale: a whole number ≥ 1");
  for (const step of statements(scale)) {
    const start = performance.now();
    for (const text of step.text.split(/;\n/)) await db.execute(sql.raw(text));
    progress(step.label, performance.now() - start);
  }
}

/** Row counts of the main tables. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const parts = MAIN_TABLES.map((t) => `select '${t}' as t, count(*)::int as n from ${t}`).join(
    " union all ",
  );
  const rows = await rowsOf<{ t: string; n: number }>(db, sql.raw(parts));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}
