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
 */
export type IndicatorSql = (p: PeriodBounds, dims: boolean) => SQL;

const day = (at: SQL) => sql`(${at} at time zone 'Europe/Rome')::date`;
const endOf = (p: PeriodBounds) => sql`${p.to}::date`;
const startOf = (p: PeriodBounds) => sql`${p.from}::date`;
/** The day after the period, for half-open comparisons with timestamps. */
const after = (p: PeriodBounds) => sql`(${p.to}::date + 1)`;

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

function unitDims(dims: boolean, u = "u"): SQL {
  if (!dims) return sql``;
  return sql.raw(`, ${u}.category::text as category, ${u}.managing_partner_id::text as partner,
    case when ${u}.municipio is not null then 'municipio_' || ${u}.municipio else ${u}.town end as place`);
}

/** Households taken on by a partner (a referral accepted) by the end of the period. */
const reachedBy = (p: PeriodBounds) =>
  sql`exists (select 1 from referrals r where r.household_id = h.id and r.status = 'accepted'
        and r.answered_at < ${after(p)})`;

/** Households with a tenancy started by the end of the period. */
const housedBy = (p: PeriodBounds) =>
  sql`exists (select 1 from tenancies t where t.household_id = h.id and t.status in ('active', 'ended')
        and t.start_on <= ${endOf(p)})`;

const householdRows = (
  p: PeriodBounds,
  dims: boolean,
  where: SQL,
  values = sql`1 as num, 0 as den, null::numeric as obs`,
) => {
  const d = householdDims(p, dims, "reference");
  return sql`select ${values}, h.id as rid, h.reference as rlabel ${d.columns}
    from households h ${d.joins} where ${where}`;
};

/** The status intervals of every unit, as dates, from its history: [d, next_d). */
const unitIntervals = sql`select unit_id, ${day(sql`at`)} as d, to_status,
    lead(${day(sql`at`)}) over (partition by unit_id order by at, id) as next_d
  from unit_events where to_status is not null`;

/** Days of `statuses` of each unit inside the period, from its status intervals. */
const daysIn = (p: PeriodBounds, statuses: string) =>
  sql.raw(`coalesce(sum(greatest(0, least(coalesce(i.next_d, '${p.to}'::date + 1), '${p.to}'::date + 1)
    - greatest(i.d, '${p.from}'::date))) filter (where i.to_status in (${statuses})), 0)`);

const OPEN = "'available', 'offered', 'let_pending', 'let', 'vacating'";
const LET = "'let', 'vacating'";
const VOID = "'available', 'offered', 'let_pending'";

const unitDays = (p: PeriodBounds, dims: boolean, columns: SQL) =>
  sql`select ${columns}, u.id as rid, u.code as rlabel ${unitDims(dims)}
    from (select i.unit_id, ${daysIn(p, OPEN)} as open_days, ${daysIn(p, LET)} as let_days, ${daysIn(p, VOID)} as void_days
          from (${unitIntervals}) i
          where i.d <= ${endOf(p)} and coalesce(i.next_d, ${after(p)}) > ${startOf(p)}
          group by i.unit_id) s
    join units u on u.id = s.unit_id`;

/** Rent cap in cents per m² per year of a unit's category; fragility takes the reduced cap. */
const CAP_CENTS = sql.raw(`case u.category when 'calmierato' then 7500 else 5500 end`);

/** The first and last review of each household by the end of the period, with their mean scores. */
const reviewSpan = (p: PeriodBounds) => sql`select household_id,
    (array_agg(score order by date, created_at))[1] as first_score,
    (array_agg(score order by date desc, created_at desc))[1] as last_score,
    count(*) as reviews
  from (select household_id, date, created_at,
          (select avg(value::numeric) from jsonb_each_text(autonomy)) as score
        from support_plan_reviews where date <= ${endOf(p)}) r
  where score is not null
  group by household_id having count(*) >= 2`;

const returnsWithin =
  (months: 6 | 12 | 24): IndicatorSql =>
  (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select (f.situation in ('homeless', 'shelter_or_service'))::int as num, 1 as den, null::numeric as obs,
      h.id as rid, h.reference as rlabel ${d.columns}
    from household_follow_ups f join households h on h.id = f.household_id ${d.joins}
    where f.months = ${months} and f.contacted_on between ${startOf(p)} and ${endOf(p)}
      and f.situation is not null and f.situation <> 'unreachable'`;
  };

const mixOf =
  (category: string): IndicatorSql =>
  (p, dims) =>
    sql`select (u.category = ${category})::int as num, 1 as den, null::numeric as obs, u.id as rid, u.code as rlabel
      ${dims ? sql.raw(", u.managing_partner_id::text as partner, case when u.municipio is not null then 'municipio_' || u.municipio else u.town end as place") : sql``}
    from units u
    where exists (select 1 from unit_events e where e.unit_id = u.id and e.at < ${after(p)})`;

export const INDICATOR_SQL: Record<string, IndicatorSql> = {
  people_reached: (p, dims) => {
    const d = householdDims(p, dims, "member");
    return sql`select 1 as num, 0 as den, null::numeric as obs, h.id as rid, h.reference as rlabel ${d.columns}
      from households h join household_members m on m.household_id = h.id ${d.joins}
      where ${reachedBy(p)}`;
  },
  households_reached: (p, dims) => householdRows(p, dims, reachedBy(p)),
  households_housed: (p, dims) => householdRows(p, dims, housedBy(p)),
  time_to_housing_days: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select 1 as num, 1 as den, (fh.start_on - fh.referred_on)::numeric as obs,
        h.id as rid, h.reference as rlabel ${d.columns}
      from households h
      join lateral (select min(t.start_on) as start_on,
            (select ${day(sql`min(r.referred_at)`)} from referrals r where r.household_id = h.id) as referred_on
          from tenancies t where t.household_id = h.id and t.status in ('active', 'ended')) fh on true
      ${d.joins}
      where fh.start_on between ${startOf(p)} and ${endOf(p)} and fh.referred_on is not null`;
  },
  waiting_time_days: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select 1 as num, 1 as den,
        (least(coalesce(w.left_on, ${after(p)}), ${after(p)}) - w.entered_on)::numeric as obs,
        h.id as rid, h.reference as rlabel ${d.columns}
      from (select e.household_id, ${day(sql`e.at`)} as entered_on,
              (select ${day(sql`min(x.at)`)} from household_events x
                where x.household_id = e.household_id and x.from_status = 'waiting' and x.at >= e.at) as left_on
            from household_events e
            where e.to_status = 'waiting'
              and e.at = (select min(y.at) from household_events y where y.household_id = e.household_id and y.to_status = 'waiting')
           ) w
      join households h on h.id = w.household_id ${d.joins}
      where w.entered_on <= ${endOf(p)} and (w.left_on is null or w.left_on >= ${startOf(p)})`;
  },
  occupancy_rate: (p, dims) =>
    unitDays(p, dims, sql`s.let_days as num, s.open_days as den, null::numeric as obs`),
  vacancy_days: (p, dims) => unitDays(p, dims, sql`s.void_days as num, 0 as den, null::numeric as obs`),
  vacancy_rent_lost: (p, dims) =>
    unitDays(
      p,
      dims,
      sql`round(s.void_days * u.surface_m2 * ${CAP_CENTS} / 365.0) as num, 0 as den, null::numeric as obs`,
    ),
  units_renovated: (p, dims) =>
    sql`select 1 as num, 0 as den, null::numeric as obs, u.id as rid, u.code as rlabel ${unitDims(dims)}
      from units u
      where exists (select 1 from unit_events e where e.unit_id = u.id and e.from_status = 'renovating'
        and e.to_status = 'available' and e.at < ${after(p)})`,
  renovation_cost_per_m2: (p, dims) =>
    sql`select coalesce((select sum(c.amount_ex_vat_cents) from works_cost_lines c where c.works_id = w.id), 0) as num,
        coalesce((select sum(u.surface_m2) from works_units wu join units u on u.id = wu.unit_id where wu.works_id = w.id), 0) as den,
        null::numeric as obs, w.id as rid, w.reference as rlabel
        ${dims ? sql`, w.partner_id::text as partner` : sql``}
      from works w where w.status = 'completed' and w.completed_on <= ${endOf(p)}`,
  collection_rate: (p, dims) =>
    sql`select x.num, x.den, null::numeric as obs, t.id as rid, t.reference as rlabel ${unitDims(dims)}
      from (select tenancy_id, 0 as num, amount_cents as den from charges
              where due_on between ${startOf(p)} and ${endOf(p)}
            union all
            select tenancy_id, amount_cents as num, 0 as den from payments
              where paid_on between ${startOf(p)} and ${endOf(p)}) x
      join tenancies t on t.id = x.tenancy_id join units u on u.id = t.unit_id`,
  arrears_rate: (p, dims) =>
    sql`select (exists (select 1 from arrears_cases a where a.tenancy_id = t.id and a.opened_on <= ${endOf(p)}
          and (a.closed_on is null or a.closed_on > ${endOf(p)})))::int as num, 1 as den, null::numeric as obs,
        t.id as rid, t.reference as rlabel ${unitDims(dims)}
      from tenancies t join units u on u.id = t.unit_id
      where t.status in ('active', 'ended') and t.start_on <= ${endOf(p)}
        and (t.ended_on is null or t.ended_on > ${endOf(p)})`,
  tenancies_sustained_12m: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select (t.ended_on is null or t.ended_on >= (t.start_on + interval '12 months')::date)::int as num,
        1 as den, null::numeric as obs, t.id as rid, t.reference as rlabel ${d.columns}
      from tenancies t join households h on h.id = t.household_id ${d.joins}
      where t.status in ('active', 'ended')
        and (t.start_on + interval '12 months')::date between ${startOf(p)} and ${endOf(p)}`;
  },
  exits_to_autonomy: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select (x.destination in ('market_rent', 'public_housing'))::int as num, 1 as den, null::numeric as obs,
        h.id as rid, h.reference as rlabel ${d.columns} ${dims ? sql`, x.destination::text as destination` : sql``}
      from household_exits x join households h on h.id = x.household_id ${d.joins}
      where x.date between ${startOf(p)} and ${endOf(p)}`;
  },
  returns_6m: returnsWithin(6),
  returns_12m: returnsWithin(12),
  returns_24m: returnsWithin(24),
  plan_reviews_on_time: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select x.num, 1 as den, null::numeric as obs, h.id as rid, h.reference as rlabel ${d.columns}
      from (select r.household_id,
              (r.date <= (coalesce((select max(q.date) from support_plan_reviews q
                                     where q.plan_id = r.plan_id and (q.date, q.created_at) < (r.date, r.created_at)),
                                   sp.start_date)
                          + make_interval(months => sp.review_every_months) + interval '15 days')::date)::int as num
            from support_plan_reviews r join support_plans sp on sp.id = r.plan_id
            where r.date between ${startOf(p)} and ${endOf(p)}
            union all
            select sp.household_id, 0 as num
            from support_plans sp
            where sp.status = 'active' and sp.start_date <= ${endOf(p)}
              and (coalesce((select max(q.date) from support_plan_reviews q where q.plan_id = sp.id and q.date <= ${endOf(p)}),
                            sp.start_date)
                   + make_interval(months => sp.review_every_months) + interval '15 days')::date < ${endOf(p)}) x
      join households h on h.id = x.household_id ${d.joins}`;
  },
  autonomy_progress: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select 1 as num, 1 as den, (s.last_score - s.first_score) as obs, h.id as rid, h.reference as rlabel ${d.columns}
      from (${reviewSpan(p)}) s join households h on h.id = s.household_id ${d.joins}`;
  },
  households_improved: (p, dims) => {
    const d = householdDims(p, dims, "reference");
    return sql`select 1 as num, 0 as den, null::numeric as obs, h.id as rid, h.reference as rlabel ${d.columns}
      from (${reviewSpan(p)}) s join households h on h.id = s.household_id ${d.joins}
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
