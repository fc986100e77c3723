// SPDX-License-Identifier: EUPL-1.2
// First: the domain schemas loaded below get their OpenAPI methods (which the routes call) only when
// @hono/zod-openapi has extended zod before they are made.
import "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import type { Role } from "../../domain/auth/roles.ts";
import { type DemoAccount, type DemoCare, demoCare } from "../../domain/demo/demo-care.ts";
import { DEMO_CALLS, DEMO_LENDERS, DEMO_LOANS, DEMO_PLEDGES } from "../../domain/demo/demo-funding.ts";
import { type DemoHousehold, demoHouseholds } from "../../domain/demo/demo-households.ts";
import { DEMO_PLAN_NAME, DEMO_PLAN_REASON, demoPlanScenario } from "../../domain/demo/demo-plan.ts";
import {
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoUnits,
} from "../../domain/demo/demo-programme.ts";
import { type DemoTenancy, demoTenancies } from "../../domain/demo/demo-tenancies.ts";
import { DEMO_CONTRACTORS, demoWorks } from "../../domain/demo/demo-works.ts";
import type { ReceiptInput } from "../../domain/funding/funding.ts";
import { noticeNumber } from "../../domain/pagopa/notice.ts";
import { createUser } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import {
  charges,
  contractors,
  fundingApplications,
  fundingCalls,
  fundingPledges,
  fundingReceipts,
  householdConsents,
  householdDocuments,
  householdEvents,
  householdExits,
  householdFollowUps,
  householdMembers,
  households,
  lenders,
  loanGuarantees,
  loanOffers,
  loanPayments,
  payments,
  planScenarios,
  referrals,
  supportInterventions,
  supportPlanReviews,
  supportPlans,
  tenancies,
  tenantInformation,
  tenantNotices,
  units as unitsTable,
  users,
  works,
  worksCostLines,
  worksPhases,
  worksUnits,
} from "../db/schema.ts";
import { insertOrganisations, listOrganisations } from "../organisations/organisations.repository.ts";
import { rowsOf } from "../security/catalogue.ts";
import { uuid7Batch } from "../shared/uuid7.ts";
import { ensureBuildings, insertUnitRows } from "../units/units.repository.ts";
import { insertDemoExpenses } from "./demo-expenses.ts";
import { insertDemoGovernance } from "./demo-governance.ts";
import { insertDemoMonitoring } from "./demo-monitoring.ts";
import { insertDemoOwners } from "./demo-owners.ts";
import { insertDemoTimeline } from "./demo-timeline.ts";
import { insertDemoWelfare } from "./demo-welfare.ts";
import { insertDemoWorkspace } from "./demo-workspace.ts";

/**
 * Load the fictional demo programme into an empty database: five organisations, one account per
 * role (password `demo-casacomune`), the 488 units of the starting stock and about 300 households
 * along their path, with members, status history and referral, and their care records: support
 * plans with reviews and interventions, exits with follow-ups, consents and documents (records
 * without files). Returns false when the database already holds organisations.
 */
export async function seedDemoProgramme(options: { db: Db; passwordCost?: number }): Promise<boolean> {
  const { db, passwordCost } = options;
  if ((await listOrganisations(db)).length > 0) return false;
  await db.transaction(async (tx) => {
    await insertOrganisations(tx, [...DEMO_ORGANISATIONS]);
    const ids = new Map((await listOrganisations(tx)).map((o) => [o.code, o.id]));
    const partnerId = (code: string | null) => (code === null ? null : (ids.get(code) ?? null));
    const units = demoUnits();
    await ensureBuildings(tx, units);
    await insertUnitRows(
      tx,
      units.map(({ managingPartnerCode, comodatoPartnerCode, ...u }) => ({
        ...u,
        managingPartnerId: partnerId(managingPartnerCode),
        comodatoPartnerId: partnerId(comodatoPartnerCode),
      })),
      { actorId: null, kind: "imported", note: "Programma dimostrativo (dati fittizi)" },
    );
    // One after the other on the transaction's connection (each password hashed in turn, once).
    const userIds: string[] = [];
    for (const u of DEMO_USERS)
      userIds.push(await createUser({ db: tx, ...u, password: DEMO_PASSWORD, cost: passwordCost }));
    const userOf = new Map(DEMO_USERS.map((u, i) => [u.role, userIds[i] as string]));
    const userAt = (role: Role, code: string | null) =>
      DEMO_USERS.some((u) => u.role === role && u.organisationCode === code)
        ? (userOf.get(role) ?? null)
        : null;
    const demo = demoHouseholds();
    const stored = await insertDemoHouseholds(tx, demo, partnerId, userAt);
    await insertDemoCare(tx, demoCare(demo), stored, userAt);
    await insertDemoTenancies(
      tx,
      demoTenancies(demo, units),
      stored,
      userAt,
      partnerId,
      userOf.get("tenant") ?? null,
    );
    // The financial plan's base scenario, version 1, saved by the demo's Area A lead partner.
    await tx.insert(planScenarios).values({
      name: DEMO_PLAN_NAME,
      version: 1,
      scenario: demoPlanScenario(),
      reason: DEMO_PLAN_REASON,
      createdBy: userOf.get("area_a") ?? null,
    });
    await insertDemoWorks(tx, units, partnerId, userOf);
    await insertDemoFunding(tx, partnerId, userOf);
    await insertDemoMonitoring(tx, partnerId, userOf);
    await insertDemoExpenses(tx, partnerId, userOf);
    await insertDemoTimeline(tx, partnerId, userOf);
    await insertDemoGovernance(tx, partnerId, userOf);
    await insertDemoOwners(tx, partnerId, userOf);
    await insertDemoWelfare(tx, partnerId, userOf);
    await insertDemoWorkspace(tx, partnerId, userOf);
  });
  return true;
}

/**
 * The demo's contractor register (kept by Area A) and its works, with their units, phases and costs,
 * written as they stand today: the units are already in the status their works implies.
 */
async function insertDemoWorks(
  tx: Db,
  units: ReturnType<typeof demoUnits>,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
) {
  const areaA = partnerId("ETS-A") as string;
  const contractorIds = [];
  for (const c of DEMO_CONTRACTORS) {
    const [row] = await tx
      .insert(contractors)
      .values({
        name: c.name,
        vatNumber: c.vatNumber,
        email: c.email,
        phone: c.phone,
        qualifications: c.qualifications,
        whiteListPrefecture: c.whiteList.prefecture,
        whiteListRegisteredOn: c.whiteList.registeredOn,
        whiteListExpiresOn: c.whiteList.expiresOn,
        whiteListRenewalRequestedOn: c.whiteList.renewalRequestedOn,
        organisationId: areaA,
        createdBy: userOf.get("area_a") ?? null,
      })
      .returning({ id: contractors.id });
    contractorIds.push(row?.id as string);
  }
  const unitIds = new Map(
    (await tx.select({ id: unitsTable.id, code: unitsTable.code }).from(unitsTable)).map((u) => [
      u.code,
      u.id,
    ]),
  );
  for (const w of demoWorks(units)) {
    const [row] = await tx
      .insert(works)
      .values({
        partnerId: partnerId(w.partnerCode) as string,
        title: w.title,
        scope: w.scope,
        targetGroup: w.targetGroup,
        estimateExVatCents: w.estimateExVatCents,
        contractorId: w.award === null ? null : contractorIds[w.award.contractor],
        awardedOn: w.award?.on ?? null,
        status: w.status,
        completedOn: w.completedOn,
        standardsTicked: w.standardsTicked,
        createdBy: userOf.get("area_b_manager") ?? null,
      })
      .returning({ id: works.id });
    const worksId = row?.id as string;
    await tx
      .insert(worksUnits)
      .values(w.unitCodes.map((code) => ({ worksId, unitId: unitIds.get(code) as string })));
    await tx.insert(worksPhases).values(w.phases.map((p, i) => ({ worksId, position: i + 1, ...p })));
    if (w.costs.length > 0)
      await tx
        .insert(worksCostLines)
        .values(w.costs.map((c) => ({ worksId, ...c, createdBy: userOf.get("area_b_manager") ?? null })));
  }
}

/**
 * The demo's funding register: calls and applications (an award with its pledge), pledges and their
 * receipts, lenders, loans with their guarantees and payments, as they stand today.
 */
async function insertDemoFunding(
  tx: Db,
  partnerId: (code: string | null) => string | null,
  userOf: Map<Role, string>,
) {
  const authorAt = (code: string) =>
    userOf.get(code === "ETS-A" ? "area_a" : code === "COMUNE-MI" ? "comune_admin" : "area_b_manager") ??
    null;
  const receiptsOf = async (pledgeId: string, code: string, receipts: readonly ReceiptInput[]) => {
    if (receipts.length > 0)
      await tx
        .insert(fundingReceipts)
        .values(receipts.map((r) => ({ pledgeId, ...r, recordedBy: authorAt(code) })));
  };
  for (const { organisationCode, applications, ...call } of DEMO_CALLS) {
    const [row] = await tx
      .insert(fundingCalls)
      .values({
        ...call,
        organisationId: partnerId(organisationCode) as string,
        createdBy: authorAt(organisationCode),
      })
      .returning({ id: fundingCalls.id });
    for (const a of applications) {
      const { outcome } = a;
      const [application] = await tx
        .insert(fundingApplications)
        .values({
          callId: row?.id as string,
          partnerId: partnerId(a.partnerCode) as string,
          requestedCents: a.requestedCents,
          submittedOn: a.submittedOn,
          notes: a.notes,
          status: outcome.outcome,
          decidedOn: outcome.decidedOn,
          awardedCents: outcome.awardedCents,
          createdBy: authorAt(a.partnerCode),
        })
        .returning({ id: fundingApplications.id });
      if (outcome.awardedCents === null) continue;
      const [pledge] = await tx
        .insert(fundingPledges)
        .values({
          partnerId: partnerId(a.partnerCode) as string,
          source: "calls",
          donor: call.funder,
          area: call.area,
          amountCents: outcome.awardedCents,
          pledgedOn: outcome.decidedOn,
          expectedOn: outcome.expectedOn,
          applicationId: application?.id,
          createdBy: authorAt(a.partnerCode),
        })
        .returning({ id: fundingPledges.id });
      await receiptsOf(pledge?.id as string, a.partnerCode, a.receipts);
    }
  }
  for (const { partnerCode, receipts, ...p } of DEMO_PLEDGES) {
    const [pledge] = await tx
      .insert(fundingPledges)
      .values({ ...p, partnerId: partnerId(partnerCode) as string, createdBy: authorAt(partnerCode) })
      .returning({ id: fundingPledges.id });
    await receiptsOf(pledge?.id as string, partnerCode, receipts);
  }
  const lenderIds = [];
  for (const l of DEMO_LENDERS) {
    const [row] = await tx
      .insert(lenders)
      .values({ ...l, organisationId: partnerId("ETS-A") as string, createdBy: authorAt("ETS-A") })
      .returning({ id: lenders.id });
    lenderIds.push(row?.id as string);
  }
  for (const { lender, partnerCode, decision, guarantees, payments, ...terms } of DEMO_LOANS) {
    const [row] = await tx
      .insert(loanOffers)
      .values({
        ...terms,
        lenderId: lenderIds[lender] as string,
        partnerId: partnerId(partnerCode) as string,
        status: decision === null ? "offered" : "accepted",
        decidedOn: decision?.decidedOn ?? null,
        disbursedOn: decision?.disbursedOn ?? null,
        createdBy: authorAt(partnerCode),
      })
      .returning({ id: loanOffers.id });
    const loanOfferId = row?.id as string;
    if (guarantees.length > 0)
      await tx
        .insert(loanGuarantees)
        .values(guarantees.map((g) => ({ ...g, loanOfferId, createdBy: authorAt(partnerCode) })));
    if (payments.length > 0)
      await tx
        .insert(loanPayments)
        .values(payments.map((p) => ({ ...p, loanOfferId, recordedBy: authorAt(partnerCode) })));
  }
}

// Rows per VALUES statement: 20 columns × 1,000 stays well under PostgreSQL's 65,535 parameters.
const CHUNK = 1000;
async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * The demo households, their members, status events and referrals. The referring social worker and,
 * at the partner that has demo accounts, its manager and educator sign what they did; elsewhere the
 * records have no author, as imported ones.
 */
async function insertDemoHouseholds(
  db: Db,
  demo: readonly DemoHousehold[],
  partnerId: (code: string | null) => string | null,
  userAt: (role: Role, organisationCode: string | null) => string | null,
): Promise<Map<string, StoredHousehold>> {
  const ids = uuid7Batch(demo.length);
  const referralIds = uuid7Batch(demo.length);
  const socialWorker = userAt("comune_social_worker", "COMUNE-MI");
  const householdRows = demo.map((h, i) => ({
    id: ids[i] as string,
    reference: h.reference,
    managingPartnerId: partnerId(h.managingPartnerCode),
    referringOrganisationId: partnerId(h.referringOrganisationCode) as string,
    targetGroup: h.targetGroup,
    category: h.category,
    needs: h.needs,
    accessibilityNeed: h.accessibilityNeed,
    priority: h.priority,
    housingSituation: h.housingSituation,
    phone: h.phone,
    email: h.email,
    incomeCents: h.incomeCents,
    iseeCents: h.iseeCents,
    iseeDate: h.iseeDate,
    status: h.status,
    suspendedFrom: h.suspendedFrom,
    createdAt: h.referral.referredAt,
    updatedAt: h.events[h.events.length - 1]?.at ?? h.referral.referredAt,
  }));
  await insertChunked(householdRows, (chunk) => db.insert(households).values(chunk));
  // Members and events are the many rows: one statement each over arrays (unnest) is several times
  // faster on PGlite than a VALUES list with a parameter per cell.
  const memberRows = demo.flatMap((h, i) =>
    h.members.map((m, position) => ({ householdId: ids[i] as string, position, ...m })),
  );
  const members = (pick: (m: (typeof memberRows)[number]) => string | number) =>
    sql.param(memberRows.map(pick));
  await db.execute(sql`
    insert into ${householdMembers}
      (household_id, position, given_name, family_name, fiscal_code, birth_date, sex, citizenship, relationship)
    select * from unnest(
      ${members((m) => m.householdId)}::uuid[], ${members((m) => m.position)}::smallint[],
      ${members((m) => m.givenName)}::text[], ${members((m) => m.familyName)}::text[],
      ${members((m) => m.fiscalCode)}::text[], ${members((m) => m.birthDate)}::date[],
      ${members((m) => m.sex)}::text[], ${members((m) => m.citizenship)}::text[],
      ${members((m) => m.relationship)}::text[])`);
  const eventRows = demo.flatMap((h, i) =>
    h.events.map((e) => ({
      householdId: ids[i] as string,
      at: e.at.toISOString(),
      actorId: e.by === "social_services" ? socialWorker : userAt("area_b_educator", h.managingPartnerCode),
      fromStatus: e.from,
      toStatus: e.to,
      note: e.note,
    })),
  );
  const events = (pick: (e: (typeof eventRows)[number]) => string | null) => sql.param(eventRows.map(pick));
  await db.execute(sql`
    insert into ${householdEvents} (household_id, at, actor_id, from_status, to_status, note)
    select * from unnest(
      ${events((e) => e.householdId)}::uuid[], ${events((e) => e.at)}::timestamptz[],
      ${events((e) => e.actorId)}::uuid[], ${events((e) => e.fromStatus)}::text[],
      ${events((e) => e.toStatus)}::text[], ${events((e) => e.note)}::text[])`);
  const referralRows = demo.map((h, i) => ({
    id: referralIds[i] as string,
    householdId: ids[i] as string,
    partnerId: partnerId(h.referral.partnerCode) as string,
    referredBy: socialWorker,
    referredAt: h.referral.referredAt,
    dueAt: h.referral.dueAt,
    report: h.referral.report,
    status: h.referral.status,
    answeredAt: h.referral.answeredAt,
    answeredBy: h.referral.answeredBy === "manager" ? userAt("area_b_manager", h.referral.partnerCode) : null,
    returnReason: h.referral.returnReason,
  }));
  await insertChunked(referralRows, (chunk) => db.insert(referrals).values(chunk));
  return new Map(
    demo.map((h, i) => [
      h.reference,
      { id: ids[i] as string, referralId: referralIds[i] as string, partnerCode: h.managingPartnerCode },
    ]),
  );
}

type StoredHousehold = { id: string; referralId: string; partnerCode: string | null };

/** One column of an unnest insert: the values of `rows` as one array parameter. */
const column = <T>(rows: readonly T[], pick: (row: T) => string | number | null) => sql.param(rows.map(pick));

/**
 * The care records, after the households (the consents' trigger sets the households' withdrawal
 * flags as they go in). The demo accounts a team names get their ids; the referring social worker
 * records consents and documents, the partner's educator (where it has a demo account) the exits
 * and follow-ups, as with the status changes.
 */
async function insertDemoCare(
  db: Db,
  care: DemoCare,
  stored: ReadonlyMap<string, StoredHousehold>,
  userAt: (role: Role, organisationCode: string | null) => string | null,
) {
  const household = (reference: string) => stored.get(reference) as StoredHousehold;
  const socialWorker = userAt("comune_social_worker", "COMUNE-MI");
  const accountOf = (account: DemoAccount | null, reference: string) =>
    account === null
      ? null
      : userAt(account, account === "comune_social_worker" ? "COMUNE-MI" : household(reference).partnerCode);
  const partnerActor = (reference: string) => userAt("area_b_educator", household(reference).partnerCode);

  // Ids made together (uuid7) append to the primary-key index: several times faster than random ones.
  // JSON columns travel as text and are cast in the select.
  const planIds = uuid7Batch(care.plans.length);
  const planRows = care.plans.map((p, i) => ({
    ...p,
    id: planIds[i] as string,
    householdId: household(p.householdReference).id,
    team: JSON.stringify(
      p.team.map(({ account, ...m }) => ({ ...m, userId: accountOf(account, p.householdReference) })),
    ),
  }));
  const pl = (pick: (row: (typeof planRows)[number]) => string | number | null) => column(planRows, pick);
  await db.execute(sql`
    insert into ${supportPlans} (id, household_id, status, start_date, intensity, review_every_months, team,
      goals, signatures, next_review_date, created_at, updated_at)
    select id, household_id, status, start_date, intensity, review_every_months, team::jsonb, goals::jsonb,
      signatures::jsonb, next_review_date, created_at, updated_at
    from unnest(
      ${pl((p) => p.id)}::uuid[], ${pl((p) => p.householdId)}::uuid[], ${pl((p) => p.status)}::text[],
      ${pl((p) => p.startDate)}::date[], ${pl((p) => p.intensity)}::text[],
      ${pl((p) => p.reviewEveryMonths)}::smallint[], ${pl((p) => p.team)}::text[],
      ${pl((p) => JSON.stringify(p.goals))}::text[], ${pl((p) => JSON.stringify(p.signatures))}::text[],
      ${pl((p) => p.nextReviewDate)}::date[], ${pl((p) => p.createdAt.toISOString())}::timestamptz[],
      ${pl((p) => p.updatedAt.toISOString())}::timestamptz[])
      as t(id, household_id, status, start_date, intensity, review_every_months, team, goals, signatures,
        next_review_date, created_at, updated_at)`);
  const reviewRows = care.plans.flatMap((p, i) =>
    p.reviews.map((r) => ({ ...r, planId: planIds[i] as string, plan: p })),
  );
  const rv = (pick: (row: (typeof reviewRows)[number]) => string | number | null) => column(reviewRows, pick);
  await db.execute(sql`
    insert into ${supportPlanReviews} (id, plan_id, household_id, date, notes, autonomy, actor_id, created_at)
    select id, plan_id, household_id, date, notes, autonomy::jsonb, actor_id, created_at
    from unnest(
      ${sql.param(uuid7Batch(reviewRows.length))}::uuid[], ${rv((r) => r.planId)}::uuid[],
      ${rv((r) => household(r.plan.householdReference).id)}::uuid[], ${rv((r) => r.date)}::date[],
      ${rv((r) => r.notes)}::text[], ${rv((r) => JSON.stringify(r.autonomy))}::text[],
      ${rv((r) => accountOf(r.by, r.plan.householdReference))}::uuid[],
      ${rv((r) => `${r.date}T16:00:00Z`)}::timestamptz[])
      as t(id, plan_id, household_id, date, notes, autonomy, actor_id, created_at)`);

  const interventionRows = care.plans.flatMap((p) =>
    p.interventions.map((v) => ({ ...v, householdId: household(p.householdReference).id, plan: p })),
  );
  const interventionIds = uuid7Batch(interventionRows.length);
  const iv = (pick: (row: (typeof interventionRows)[number]) => string | number | null) =>
    column(interventionRows, pick);
  await db.execute(sql`
    insert into ${supportInterventions}
      (id, household_id, date, minutes, type, staff_name, note, actor_id, created_at)
    select * from unnest(
      ${sql.param(interventionIds)}::uuid[], ${iv((v) => v.householdId)}::uuid[],
      ${iv((v) => v.date)}::date[], ${iv((v) => v.minutes)}::smallint[],
      ${iv((v) => v.type)}::text[], ${iv((v) => v.staffName)}::text[], ${iv((v) => v.note)}::text[],
      ${iv((v) => accountOf(v.by, v.plan.householdReference))}::uuid[],
      ${iv((v) => `${v.date}T17:00:00Z`)}::timestamptz[])`);

  const exitIds = uuid7Batch(care.exits.length);
  const exitRows = care.exits.map((e, i) => ({
    id: exitIds[i] as string,
    householdId: household(e.householdReference).id,
    date: e.date,
    planned: e.planned,
    destination: e.destination,
    note: e.note,
    actorId: partnerActor(e.householdReference),
    createdAt: e.createdAt,
  }));
  if (exitRows.length > 0) await db.insert(householdExits).values(exitRows);
  const followUpRows = care.exits.flatMap((e, i) =>
    e.followUps.map((f) => ({
      exitId: exitIds[i] as string,
      householdId: household(e.householdReference).id,
      months: f.months,
      dueDate: f.dueDate,
      contactedOn: f.contactedOn,
      situation: f.situation,
      note: f.note,
      actorId: f.recordedAt === null ? null : partnerActor(e.householdReference),
      recordedAt: f.recordedAt,
    })),
  );
  if (followUpRows.length > 0) await db.insert(householdFollowUps).values(followUpRows);

  const consentRows = care.consents.map((c) => ({ ...c, householdId: household(c.householdReference).id }));
  const cs = (pick: (row: (typeof consentRows)[number]) => string | number | null) =>
    column(consentRows, pick);
  await db.execute(sql`
    insert into ${householdConsents}
      (id, household_id, purpose, given_on, recorded_by, recorded_at, withdrawn_on, withdrawn_by, withdrawn_at,
        note)
    select * from unnest(
      ${sql.param(uuid7Batch(consentRows.length))}::uuid[], ${cs((c) => c.householdId)}::uuid[],
      ${cs((c) => c.purpose)}::text[], ${cs((c) => c.givenOn)}::date[],
      ${cs(() => socialWorker)}::uuid[], ${cs((c) => c.recordedAt.toISOString())}::timestamptz[],
      ${cs((c) => c.withdrawnOn)}::date[],
      ${cs((c) => (c.withdrawnOn === null ? null : socialWorker))}::uuid[],
      ${cs((c) => c.withdrawnAt?.toISOString() ?? null)}::timestamptz[], ${cs((c) => c.note)}::text[])`);

  const documentRows = care.documents.map((d) => ({ ...d, stored: household(d.householdReference) }));
  const ds = (pick: (row: (typeof documentRows)[number]) => string | number | null) =>
    column(documentRows, pick);
  await db.execute(sql`
    insert into ${householdDocuments}
      (id, household_id, referral_id, kind, title, number, issued_on, expires_on, uploaded_by, uploaded_at)
    select * from unnest(
      ${sql.param(uuid7Batch(documentRows.length))}::uuid[], ${ds((d) => d.stored.id)}::uuid[],
      ${ds((d) => (d.ofReferral ? d.stored.referralId : null))}::uuid[],
      ${ds((d) => d.kind)}::text[], ${ds((d) => d.title)}::text[], ${ds((d) => d.number)}::text[],
      ${ds((d) => d.issuedOn)}::date[], ${ds((d) => d.expiresOn)}::date[], ${ds(() => socialWorker)}::uuid[],
      ${ds((d) => d.uploadedAt.toISOString())}::timestamptz[])`);
}

/**
 * The demo's tenancies in force with three months of charges and payments, the partners' contacts and
 * house rules for their tenants, a notice, and the demo tenant's account tied to one of ETS-B1's
 * households that pays on time.
 */
async function insertDemoTenancies(
  db: Db,
  demo: readonly DemoTenancy[],
  stored: ReadonlyMap<string, StoredHousehold>,
  userAt: (role: Role, organisationCode: string | null) => string | null,
  partnerId: (code: string | null) => string | null,
  tenantUserId: string | null,
) {
  const unitIds = new Map(
    (await db.select({ id: unitsTable.id, code: unitsTable.code }).from(unitsTable)).map((u) => [
      u.code,
      u.id,
    ]),
  );
  const ids = uuid7Batch(demo.length);
  const rows = demo.map((t, i) => ({
    id: ids[i] as string,
    unitId: unitIds.get(t.unitCode) as string,
    householdId: stored.get(t.householdReference)?.id as string,
    status: "active",
    contractType: t.contractType,
    startOn: t.startOn,
    endOn: t.endOn,
    renewalMonths: t.endOn === null ? 0 : 48,
    noticeMonths: t.endOn === null ? 1 : 6,
    depositCents: t.depositCents,
    rentCents: t.rentCents,
    serviceChargeCents: t.serviceChargeCents,
    rentBasis: t.rentBasis,
    signatories: t.signatories,
    activatedAt: new Date(`${t.startOn}T10:00:00Z`),
    createdAt: new Date(`${t.startOn}T09:00:00Z`),
  }));
  await insertChunked(rows, (chunk) => db.insert(tenancies).values(chunk));
  const chargeRows = demo.flatMap((t, i) => t.charges.map((c) => ({ ...c, tenancyId: ids[i] as string })));
  const sequences = await rowsOf<{ n: string | number }>(
    db,
    sql`select nextval('notice_number_seq') as n from generate_series(1, ${chargeRows.length})`,
  );
  await insertChunked(
    chargeRows.map((c, i) => ({ ...c, noticeNumber: noticeNumber("01", Number(sequences[i]?.n)) })),
    (chunk) => db.insert(charges).values(chunk),
  );
  const manager = (code: string | null) => userAt("area_b_manager", code);
  const paymentRows = demo.flatMap((t, i) =>
    t.payments.map((p) => ({
      tenancyId: ids[i] as string,
      amountCents: p.amountCents,
      paidOn: p.paidOn,
      method: "bank_transfer",
      reference: `Canone ${p.paidOn.slice(0, 7)}`,
      payer: t.signatories[0]?.name ?? "",
      recordedBy: manager(stored.get(t.householdReference)?.partnerCode ?? null),
      createdAt: new Date(`${p.paidOn}T12:00:00Z`),
    })),
  );
  await insertChunked(paymentRows, (chunk) => db.insert(payments).values(chunk));
  for (const code of ["ETS-B1", "ETS-B2", "ETS-B3"]) {
    const organisationId = partnerId(code);
    if (organisationId === null) continue;
    await db.insert(tenantInformation).values({
      organisationId,
      phone: "02 0000 0000 (numero fittizio)",
      email: `sportello.${code.toLowerCase()}@demo.casacomune.example`,
      officeHours: "Lunedì e giovedì 9:00–13:00, mercoledì 14:00–17:00",
      address: "Via Fittizia dei Gelsi 1, Milano (sportello di quartiere)",
      houseRules:
        "Regolamento della casa (esempio): rispettare il riposo dalle 22:00 alle 7:00; differenziare i rifiuti; tenere liberi scale e pianerottoli; prenotare la sala comune dallo sportello; segnalare subito guasti e perdite.",
    });
    await db.insert(tenantNotices).values({
      organisationId,
      title: "Manutenzione della caldaia centralizzata",
      body: "Martedì 1 dicembre dalle 9 alle 13 l'acqua calda sarà sospesa per la manutenzione annuale della caldaia. Ci scusiamo per il disagio.",
      publishedOn: "2026-11-20",
      createdBy: manager(code),
    });
  }
  // The demo tenant lives in one of ETS-B1's units and pays on time.
  const home = demo.find(
    (t) => t.habit === "on_time" && stored.get(t.householdReference)?.partnerCode === "ETS-B1",
  );
  if (home !== undefined && tenantUserId !== null)
    await db
      .update(users)
      .set({ householdId: stored.get(home.householdReference)?.id as string })
      .where(eq(users.id, tenantUserId));
}
