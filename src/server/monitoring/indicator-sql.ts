// SPDX-License-Identifier: EUPL-1.2
import { type SQL, sql } from "drizzle-orm";
import { OTHER_EU_COUNTRIES } from "../../domain/monitoring/catalogue.ts";
import type { PeriodBounds } from "../../domain/monitoring/periods.ts";

/**
 * The numerator and denominator queries of the monitoring catalogue, one per indicator code. Each
 * returns one row per counted observation with the same columns:
 *   - `num`, `den`: what the row adds to the numerator and the denominator;
 *   - `obs`: the observed value for medians and means (null otherwise);
 *   - `rid`, `rlabel`: the record behind the row (household, unit, tenancy or works), for drill-down;
 *   - when `dims` is asked, the disaggregation columns the catalogue allows for the indicator
 *     (`sex`, `age_band`, `target_group`, `category`, `partner`, `place`, `citizenship`,
 *     `destination`), as text.
 * They run under the reader's row-level security: a partner counts only its own records. Dates are
 * the Comune's (Europe/Rome).
 *
 * Written for the whole programme in one statement (bench/indicators.bench.ts): each query reads a
 * large table once and aggregates it before joining (a per-row lookup would also run the table's
 * row-level policy once a row), and a correlated value is computed once, not once a use.
 */
export type IndicatorSql = (p: PeriodBounds, dims: boolean) => SQL;

const day = (at: SQL) => sql`(${at} at time zone 'Europe/Rome')::date`;
const endOf = (p: PeriodBounds) => sql`${p.to}::date`;
const startOf = (p: PeriodBounds) => sql`${p.from}::date`;
/** The day after the period, for half-open comparisons with timestamps. */
const after = (p: PeriodBounds) => sql`(${p.to}::date + 1)`;
/**
 * The first instant after the period in Milan: `at < untilEnd(p)` holds exactly when `day(at)` is in or
 * before the period, and compares timestamps, so it can use an index and runs before row-level policies.
 */
const untilEnd = (p: PeriodBounds) => sql`timezone('Europe/Rome', (${p.to}::date + 1)::timestamp)`;

const EU = sql.raw(OTHER_EU_COUNTRIES.map((c) => `'${c}'`).join(", "));

const ageBand = (birth: SQL, on: SQL) => sql`case
    when ${birth} is null then null
    when date_part('year', age(${on}, ${birth})) < 18 then '0-17'
    when date_part('year', age(${on}, ${birth})) < 25 then '18-24'
    when date_part('year', age(${on}, ${birth})) < 35 then '25-34'
    when date_part('year', age(${on}, ${birth})) < 50 then '35-49'
    when date_part('year', age(${on}, ${birth})) < 65 then '50-64'
    else '65+' end`;
const citizenshipGroup = (c: SQL) =>
  sql`case when ${c} is null then null when ${c} = 'IT' then 'italian' when ${c} in (${EU}) then 'other_eu' else 'non_eu' end`;
const placeOf = (u: string) =>
  sql.raw(
    `case when ${u}.id is null then null when ${u}.municipio is not null then 'municipio_' || ${u}.municipio else ${u}.town end`,
  );

/**
 * The disaggregation columns of a household `h` (aliased so): sex, age and citizenship of a person
 * (`m`, or the household's reference person), and the place of the unit of its latest tenancy.
 */
function householdDims(
  p: PeriodBounds,
  dims: boolean,
  person: "member" | "reference",
): { columns: SQL; joins: SQL } {
  if (!dims) return { columns: sql``, joins: sql`` };
  const m = person === "member" ? "m" : "ref";
  const joins = sql.join(
    [
      person === "reference"
        ? sql`left join lateral (select sex, birth_date, citizenship from household_members
              where household_id = h.id order by position limit 1) ref on true`
        : sql``,
      sql`left join lateral (select un.id, un.municipio, un.town from tenancies tt join units un on un.id = tt.unit_id
            where tt.household_id = h.id and tt.status in ('active', 'ended') and tt.start_on <= ${endOf(p)}
            order by tt.start_on desc limit 1) hu on true`,
    ],
    sql` `,
  );
  const columns = sql`, ${sql.raw(m)}.sex::text as sex,
    ${ageBand(sql.raw(`${m}.birth_date`), endOf(p))} as age_band,
    h.target_group::text as target_group, h.category::text as category,
    h.managing_partner_id::text as partner, ${placeOf("hu")} as place,
    ${citizenshipGroup(sql.raw(`${m}.citizenship`))} as citizenship`;
  return { columns, joins };
}

/**
 * The household whose id is `id` as a row's record: `rid`, `rlabel` and, when `dims` are asked, the
 * household joined as `h` with its disaggregation columns. Without them the household is not joined:
 * a record that follows a household (referral, event, tenancy, plan, exit…) is visible only with its
 * household, so the join would drop nothing; its reference is looked up only if a caller reads it.
 */
function householdRecord(
  p: PeriodBounds,
  dims: boolean,
  id: SQL,
  person: "member" | "reference" = "reference",
): { columns: SQL; joins: SQL } {
  if (!dims)
    return {
      columns: sql`${id} as rid, (select hr.reference from households hr where hr.id = ${id}) as rlabel`,
      joins: sql``,
    };
  const d = householdDims(p, dims, person);
  return {
    columns: sql`h.id as rid, h.reference as rlabel ${d.columns}`,
    joins: sql`join households h on h.id = ${id} ${d.joins}`,
  };
}

/** A unit's id as a row's record, for rows that need nothing else of the unit (as `householdRecord`). */
const unitRecord = (id: SQL) =>
  sql`${id} as rid, (select ur.code from units ur where ur.id = ${id}) as rlabel`;

/** A tenancy's id as a row's record (as `householdRecord`: a charge or payment is visible with it). */
const tenancyRecord = (id: SQL) =>
  sql`${id} as rid, (select tr.reference from tenancies tr where tr.id = ${id}) as rlabel`;

function unitDims(dims: boolean, u = "u"): SQL {
  if (!dims) return sql``;
  return sql.raw(`, ${u}.category::text as category, ${u}.managing_partner_id::text as partner,
    case when ${u}.municipio is not null then 'municipio_' || ${u}.municipio else ${u}.town end as place`);
}

/** The households taken on by a partner (a referral accepted) by the end of the period, once each. */
const reachedBy = (p: PeriodBounds) =>
  sql`(select r.household_id from referrals r where r.status = 'accepted' and r.answered_at < ${untilEnd(p)}
        group by r.household_id)`;

/** The households with a tenancy started by the end of the period, once each. */
const housedBy = (p: PeriodBounds) =>
  sql`(select t.household_id from tenancies t where t.status in ('active', 'ended') and t.start_on <= ${endOf(p)}
        group by t.household_id)`;

/** One row per household of `households` (a query of distinct `household_id`). */
const householdRows = (p: PeriodBounds, dims: boolean, households: SQL) => {
  const r = householdRecord(p, dims, sql`x.household_id`);
  return sql`select 1 as num, 0 as den, null::numeric as obs, ${r.columns} from ${households} x ${r.joins}`;
};

const OPEN = "'available', 'offered', 'let_pending', 'let', 'vacating'";
const LET = "'let', 'vacating'";
const VOID = "'available', 'offered', 'let_pending'";

/** Days of `statuses` of each unit inside the period (`i.days`: an interval's days inside it). */
const daysIn = (statuses: string) =>
  sql.raw(`coalesce(sum(i.days) filter (where i.to_status in (${statuses})), 0)`);

/**
 * Per unit with a status interval in the period, `sums` (from `daysIn`) and `columns` of them (as
 * `s`) and of the unit (as `u`, joined when `dims` are asked or `needsUnit`: a unit's history is
 * visible only with the unit). The intervals are the units' status spans (`unit_status_spans`, kept
 * from their history), each clipped to the period.
 */
const unitDays = (p: PeriodBounds, dims: boolean, sums: SQL, columns: SQL, needsUnit = false) =>
  sql`select ${columns}, ${dims || needsUnit ? sql`u.id as rid, u.code as rlabel ${unitDims(dims)}` : unitRecord(sql`s.unit_id`)}
    from (select i.unit_id, ${sums}
          from (${spanDays(p)}) i
          group by i.unit_id) s
    ${dims || needsUnit ? sql`join units u on u.id = s.unit_id` : sql``}`;

/** Each status span overlapping the period with its days inside it (`days`). */
const spanDays = (p: PeriodBounds) => sql`select unit_id, status as to_status,
    least(coalesce(until_on, ${after(p)}), ${after(p)}) - greatest(from_on, ${startOf(p)}) as days
  from unit_status_spans
  where from_on <= ${endOf(p)} and coalesce(until_on, ${after(p)}) > ${startOf(p)}`;

/** Rent cap in cents per m² per year of a unit's category; fragility takes the reduced cap. */
const CAP_CENTS = sql.raw(`case u.category when 'calmierato' then 7500 else 5500 end`);

/**
 * The first and last review of each household by the end of the period, with their mean scores (two
 * reviews recorded at the same moment are taken in the order of their ids).
 */
const reviewSpan = (p: PeriodBounds) => sql`select household_id, scores[1] as first_score,
    scores[cardinality(scores)] as last_score, reviews
  from (select r.household_id, array_agg(s.score order by r.date, r.created_at, r.id) as scores, count(*) as reviews
        from support_plan_reviews r
          cross join lateral (select avg(value::numeric) as score from jsonb_each_text(r.autonomy)) s
        where r.date <= ${endOf(p)} and s.score is not null
        group by r.household_id having count(*) >= 2) r`;

const returnsWithin =
  (months: 6 | 12 | 24): IndicatorSql =>
  (p, dims) => {
    const r = householdRecord(p, dims, sql`f.household_id`);
    return sql`select (f.situation in ('homeless', 'shelter_or_service'))::int as num, 1 as den, null::numeric as obs,
      ${r.columns}
    from household_follow_ups f ${r.joins}
    where f.months = ${months} and f.contacted_on between ${startOf(p)} and ${endOf(p)}
      and f.situation is not null and f.situation <> 'unreachable'`;
  };

/** The units in the programme by the end of the period (with a history by then), once each. */
const unitsBy = (p: PeriodBounds) =>
  sql`(select unit_id from unit_events where at < ${untilEnd(p)} group by unit_id)`;

const mixOf =
  (category: string): IndicatorSql =>
  (p, dims) =>
    sql`select (u.category = ${category})::int as num, 1 as den, null::numeric as obs, u.id as rid, u.code as rlabel
      ${dims ? sql.raw(", u.managing_partner_id::text as partner, case when u.municipio is not null then 'municipio_' || u.municipio else u.town end as place") : sql``}
    from ${unitsBy(p)} e
    join units u on u.id = e.unit_id`;

export const INDICATOR_SQL: Record<string, IndicatorSql> = {
  people_reached: (p, dims) => {
    // The headline needs only how many members each household has: one row per household.
    if (!dims)
      return sql`select m.members as num, 0 as den, null::numeric as obs, ${householdRecord(p, false, sql`x.household_id`).columns}
        from ${reachedBy(p)} x
        join (select household_id, count(*) as members from household_members group by household_id) m
          on m.household_id = x.household_id`;
    const d = householdDims(p, dims, "member");
    return sql`select 1 as num, 0 as den, null::numeric as obs, h.id as rid, h.reference as rlabel ${d.columns}
      from ${reachedBy(p)} x join households h on h.id = x.household_id
      join household_members m on m.household_id = h.id ${d.joins}`;
  },
  households_reached: (p, dims) => householdRows(p, dims, reachedBy(p)),
  households_housed: (p, dims) => householdRows(p, dims, housedBy(p)),
  time_to_housing_days: (p, dims) => {
    const r = householdRecord(p, dims, sql`fh.household_id`);
    return sql`select 1 as num, 1 as den, (fh.start_on - fr.referred_on)::numeric as obs, ${r.columns}
      from (select t.household_id, min(t.start_on) as start_on from tenancies t
            where t.status in ('active', 'ended') group by t.household_id) fh
      join (select r.household_id, ${day(sql`min(r.referred_at)`)} as referred_on from referrals r
            group by r.household_id) fr on fr.household_id = fh.household_id
      ${r.joins}
      where fh.start_on between ${startOf(p)} and ${endOf(p)}`;
  },
  waiting_time_days: (p, dims) => {
    const r = householdRecord(p, dims, sql`w.household_id`);
    // Once per household, from its first entry on the list to the first time it left it (which a
    // household's history, kept by its status machine, never has before its first entry).
    return sql`select 1 as num, 1 as den,
        (least(coalesce(w.left_on, ${after(p)}), ${after(p)}) - w.entered_on)::numeric as obs, ${r.columns}
      from (select household_id, ${day(sql`min(at) filter (where to_status = 'waiting')`)} as entered_on,
              ${day(sql`min(at) filter (where from_status = 'waiting')`)} as left_on
            from household_events where to_status = 'waiting' or from_status = 'waiting'
            group by household_id
            having min(at) filter (where to_status = 'waiting') < ${untilEnd(p)}) w
      ${r.joins}
      where w.left_on is null or w.left_on >= ${startOf(p)}`;
  },
  occupancy_rate: (p, dims) =>
    unitDays(
      p,
      dims,
      sql`${daysIn(LET)} as let_days, ${daysIn(OPEN)} as open_days`,
      sql`s.let_days as num, s.open_days as den, null::numeric as obs`,
    ),
  vacancy_days: (p, dims) =>
    unitDays(
      p,
      dims,
      sql`${daysIn(VOID)} as void_days`,
      sql`s.void_days as num, 0 as den, null::numeric as obs`,
    ),
  vacancy_rent_lost: (p, dims) =>
    unitDays(
      p,
      dims,
      sql`${daysIn(VOID)} as void_days`,
      sql`round(s.void_days * u.surface_m2 * ${CAP_CENTS} / 365.0) as num, 0 as den, null::numeric as obs`,
      true,
    ),
  units_renovated: (p, dims) =>
    sql`select 1 as num, 0 as den, null::numeric as obs,
        ${dims ? sql`u.id as rid, u.code as rlabel ${unitDims(dims)}` : unitRecord(sql`e.unit_id`)}
      from (select unit_id from unit_events where from_status = 'renovating' and to_status = 'available'
              and at < ${untilEnd(p)} group by unit_id) e
      ${dims ? sql`join units u on u.id = e.unit_id` : sql``}`,
  renovation_cost_per_m2: (p, dims) =>
    sql`select coalesce(c.amount, 0) as num, coalesce(s.surface, 0) as den,
        null::numeric as obs, w.id as rid, w.reference as rlabel
        ${dims ? sql`, w.partner_id::text as partner` : sql``}
      from works w
      left join (select works_id, sum(amount_ex_vat_cents) as amount from works_cost_lines group by works_id) c
        on c.works_id = w.id
      left join (select wu.works_id, sum(u.surface_m2) as surface from works_units wu join units u on u.id = wu.unit_id
                 group by wu.works_id) s on s.works_id = w.id
      where w.status = 'completed' and w.completed_on <= ${endOf(p)}`,
  collection_rate: (p, dims) =>
    sql`select x.num, x.den, null::numeric as obs,
        ${dims ? sql`t.id as rid, t.reference as rlabel ${unitDims(dims)}` : tenancyRecord(sql`x.tenancy_id`)}
      from (select tenancy_id, 0 as num, amount_cents as den from charges
              where due_on between ${startOf(p)} and ${endOf(p)}
            union all
            select tenancy_id, amount_cents as num, 0 as den from payments
              where paid_on between ${startOf(p)} and ${endOf(p)}) x
      ${dims ? sql`join tenancies t on t.id = x.tenancy_id join units u on u.id = t.unit_id` : sql``}`,
  arrears_rate: (p, dims) =>
    sql`select (a.tenancy_id is not null)::int as num, 1 as den, null::numeric as obs,
        t.id as rid, t.reference as rlabel ${unitDims(dims)}
      from tenancies t join units u on u.id = t.unit_id
      left join (select tenancy_id from arrears_cases where opened_on <= ${endOf(p)}
                   and (closed_on is null or closed_on > ${endOf(p)}) group by tenancy_id) a on a.tenancy_id = t.id
      where t.status in ('active', 'ended') and t.start_on <= ${endOf(p)}
        and (t.ended_on is null or t.ended_on > ${endOf(p)})`,
  tenancies_sustained_12m: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select (t.ended_on is null or t.ended_on >= (t.start_on + interval '12 months')::date)::int as num,
        1 as den, null::numeric as obs, t.id as rid, t.reference as rlabel ${d.columns}
      from tenancies t ${dims ? sql`join households h on h.id = t.household_id ${d.joins}` : sql``}
      where t.status in ('active', 'ended')
        and (t.start_on + interval '12 months')::date between ${startOf(p)} and ${endOf(p)}`;
  },
  exits_to_autonomy: (p, dims) => {
    const r = householdRecord(p, dims, sql`x.household_id`);
    return sql`select (x.destination in ('market_rent', 'public_housing'))::int as num, 1 as den, null::numeric as obs,
        ${r.columns} ${dims ? sql`, x.destination::text as destination` : sql``}
      from household_exits x ${r.joins}
      where x.date between ${startOf(p)} and ${endOf(p)}`;
  },
  returns_6m: returnsWithin(6),
  returns_12m: returnsWithin(12),
  returns_24m: returnsWithin(24),
  plan_reviews_on_time: (p, dims) => {
    const r = householdRecord(p, dims, sql`x.household_id`);
    const due = (from: SQL) =>
      sql`(${from} + make_interval(months => sp.review_every_months) + interval '15 days')::date`;
    // Each table is read once (materialised: the policies' checks make a per-row lookup costly). A
    // review's previous one: the latest strictly before it (by date, then time recorded).
    return sql`select x.num, 1 as den, null::numeric as obs, ${r.columns}
      from (with sp as materialized (
              select id, household_id, status, start_date, review_every_months from support_plans),
            rv as materialized (
              select plan_id, household_id, date,
                max(date) over (partition by plan_id order by date, created_at
                                groups between unbounded preceding and 1 preceding) as previous
              from support_plan_reviews where date <= ${endOf(p)})
            select rv.household_id, (rv.date <= ${due(sql`coalesce(rv.previous, sp.start_date)`)})::int as num
            from rv join sp on sp.id = rv.plan_id
            where rv.date >= ${startOf(p)}
            union all
            select sp.household_id, 0 as num
            from sp left join (select plan_id, max(date) as latest from rv group by plan_id) q on q.plan_id = sp.id
            where sp.status = 'active' and sp.start_date <= ${endOf(p)}
              and ${due(sql`coalesce(q.latest, sp.start_date)`)} < ${endOf(p)}) x
      ${r.joins}`;
  },
  autonomy_progress: (p, dims) => {
    const r = householdRecord(p, dims, sql`s.household_id`);
    return sql`select 1 as num, 1 as den, (s.last_score - s.first_score) as obs, ${r.columns}
      from (${reviewSpan(p)}) s ${r.joins}`;
  },
  households_improved: (p, dims) => {
    const r = householdRecord(p, dims, sql`s.household_id`);
    return sql`select 1 as num, 0 as den, null::numeric as obs, ${r.columns}
      from (${reviewSpan(p)}) s ${r.joins}
      where s.last_score > s.first_score`;
  },
  mix_calmierato: mixOf("calmierato"),
  mix_calmierato_ridotto: mixOf("calmierato_ridotto"),
  mix_fragilita: mixOf("fragilita"),
  co_financing_a_met: (p) =>
    sql`select r.amount_cents as num, 0 as den, null::numeric as obs, fp.id as rid, fp.donor as rlabel
      from funding_receipts r join funding_pledges fp on fp.id = r.pledge_id
      where fp.source = 'co_financing_a' and r.received_on <= ${endOf(p)}
      union all
      select 0 as num, c.amount_ex_vat_cents * 0.02 as den, null::numeric as obs, w.id as rid, w.reference as rlabel
      from works_cost_lines c join works w on w.id = c.works_id
      where c.invoice_date <= ${endOf(p)}`,
};

/**
 * Indicators whose headlines the dashboard computes together, in one pass over the base they share
 * (the units' days, the units in the programme, each household's first and last review). Each query
 * returns one row per code with `numerator`, `denominator` and `statistic` as `computeHeadlines`
 * aggregates them from the indicator's own query; a test holds each group to its indicators' queries.
 */
export const HEADLINE_GROUPS: readonly { codes: readonly string[]; query: (p: PeriodBounds) => SQL }[] = [
  {
    codes: ["occupancy_rate", "vacancy_days", "vacancy_rent_lost"],
    query: (p) => sql`select v.code, v.numerator::float8, v.denominator::float8, null::float8 as statistic
      from (select coalesce(sum(s.let_days), 0) as let_days, coalesce(sum(s.open_days), 0) as open_days,
              coalesce(sum(s.void_days), 0) as void_days,
              coalesce(sum(round(s.void_days * u.surface_m2 * ${CAP_CENTS} / 365.0)), 0) as rent_lost
            from (select i.unit_id, ${daysIn(LET)} as let_days, ${daysIn(OPEN)} as open_days,
                    ${daysIn(VOID)} as void_days
                  from (${spanDays(p)}) i group by i.unit_id) s
            join units u on u.id = s.unit_id) t
      cross join lateral (values ('occupancy_rate', t.let_days, t.open_days), ('vacancy_days', t.void_days, 0),
        ('vacancy_rent_lost', t.rent_lost, 0)) v(code, numerator, denominator)`,
  },
  {
    codes: ["mix_calmierato", "mix_calmierato_ridotto", "mix_fragilita"],
    query: (
      p,
    ) => sql`select v.code, v.numerator::float8, t.units::float8 as denominator, null::float8 as statistic
      from (select count(*) as units, count(*) filter (where u.category = 'calmierato') as calmierato,
              count(*) filter (where u.category = 'calmierato_ridotto') as calmierato_ridotto,
              count(*) filter (where u.category = 'fragilita') as fragilita
            from ${unitsBy(p)} e join units u on u.id = e.unit_id) t
      cross join lateral (values ('mix_calmierato', t.calmierato), ('mix_calmierato_ridotto', t.calmierato_ridotto),
        ('mix_fragilita', t.fragilita)) v(code, numerator)`,
  },
  {
    codes: ["autonomy_progress", "households_improved"],
    query: (p) => sql`select v.code, v.numerator::float8, v.denominator::float8, v.statistic::float8
      from (select count(*) as households, avg(s.last_score - s.first_score) as progress,
              count(*) filter (where s.last_score > s.first_score) as improved
            from (${reviewSpan(p)}) s) t
      cross join lateral (values ('autonomy_progress', t.households, t.households, t.progress),
        ('households_improved', t.improved, 0, null)) v(code, numerator, denominator, statistic)`,
  },
];
