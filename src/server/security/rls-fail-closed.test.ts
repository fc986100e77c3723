// SPDX-License-Identifier: EUPL-1.2
import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "../../domain/demo/demo-programme.ts";
import { DEFAULT_RULES } from "../../domain/eligibility/rules.schema.ts";
import { APP_ROLE, appRoleUrl, type Db, type DbScope, inOrder } from "../db/client.ts";
import {
  allocationOffers,
  allocationRuns,
  announcements,
  arrearsCases,
  arrearsPolicyVersions,
  arrearsSteps,
  bankImports,
  bankLines,
  buildings,
  chargeRuns,
  charges,
  commonSpaces,
  contractors,
  economicReferrals,
  expenseBudgets,
  expenseClaims,
  expenseDocuments,
  expenseLines,
  fundEntries,
  fundingApplications,
  fundingCalls,
  fundingPledges,
  fundingReceipts,
  governanceActions,
  governanceAttachments,
  governanceAttendance,
  governanceBodies,
  governanceDecisions,
  governanceMeetings,
  governanceMembers,
  guaranteeSchemes,
  guaranteeUptakes,
  indicatorTargets,
  ledgerPeriods,
  lenders,
  libraryDocuments,
  libraryVersions,
  loanGuarantees,
  loanOffers,
  loanPayments,
  maintenanceTickets,
  monitoringPeriodEvents,
  monitoringPeriods,
  monitoringSnapshots,
  moveInChecklists,
  notifications,
  ownerContacts,
  ownerOffers,
  payments,
  planScenarios,
  privateOwners,
  recertifications,
  repaymentInstalments,
  repaymentPlans,
  spaceBookings,
  tasks,
  tenancies,
  tenancyDocuments,
  tenantInformation,
  tenantNotices,
  ticketEvents,
  ticketPhotos,
  timelineItems,
  unitHolds,
  welfareActivities,
  welfareServices,
  works,
  worksCostLines,
  worksPhases,
  worksUnits,
  writeOffs,
} from "../db/schema.ts";
import { listOrganisations } from "../organisations/organisations.repository.ts";
import { acceptedHousehold } from "../support-plans/care-fixtures.ts";
import { createTestContext, type TestContext } from "../testing/test-context.ts";
import { testServerUrl, urlForDatabase } from "../testing/test-database.ts";
import {
  anyRowOf,
  asBareAppRole,
  copyRowInsert,
  outcomeOf,
  partnerTables,
  refusalOf,
  rowsOf,
} from "./catalogue.ts";

const AREA_B = DEMO_ORGANISATIONS.filter((o) => o.area === "B");
const PAIRS = AREA_B.flatMap((a) => AREA_B.filter((b) => b !== a).map((b) => [a.code, b.code] as const));
const REFUSED_BY_POLICY = /^42501 new row violates row-level security policy/;
// Refused by a policy, or by a missing grant: either way nothing is written.
const REFUSED = /^42501 (new row violates row-level security policy|permission denied)/;

let ctx: TestContext;
let tables: string[];
const orgId = new Map<string, string>();
/** Unit ids by managing partner code. */
const unitIds = new Map<string, string[]>();
const userIds = new Map<string, string>();
/**
 * A household referred to each partner (pending), with its members, status change and referral, and
 * its support plan with a review.
 */
const householdIds = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  for (const o of await listOrganisations(ctx.db)) orgId.set(o.code, o.id);
  for (const partner of AREA_B) {
    const ids = [];
    for (const category of partner.categories) {
      ids.push((await ctx.newUnit({ managingPartnerCode: partner.code, category })).id);
    }
    unitIds.set(partner.code, ids);
    // A signed-in manager who changes one of the partner's units: a user, a session, an audit record.
    const manager = await ctx.loginAs("area_b_manager", partner.code);
    const res = await manager.patch(`/units/${ids[0]}`, { version: 1, notes: "seen by its manager" });
    if (res.status !== 200) throw new Error(`fixture change failed: ${res.status}`);
    const [user] = await rowsOf<{ id: string }>(
      ctx.db,
      sql`select id from users where email = ${manager.email}`,
    );
    userIds.set(partner.code, user?.id as string);
    // A household the manager took on, with a row in every table that follows a household: its
    // support plan and a review, an intervention, a consent, a document, then its exit and follow-ups.
    const householdId = (
      await acceptedHousehold(ctx, manager, { partnerCode: partner.code, referredOn: "2026-08-01" })
    ).id;
    householdIds.set(partner.code, householdId);
    const writes = [
      ["PUT", "plan", { version: 0, startDate: "2026-09-01", intensity: "low" }],
      ["POST", "plan/reviews", { date: "2026-11-01", autonomy: { housing: 2 } }],
      [
        "POST",
        "interventions",
        { date: "2026-11-02", minutes: 45, type: "home_visit", note: "Visita di prova" },
      ],
      ["POST", "consents", { purpose: "processing", givenOn: "2026-08-01" }],
      ["POST", "documents", { kind: "other", title: "Documento di prova" }],
      ...(["assessed", "waiting", "offered", "housed", "exiting"] as const).map(
        (to) => ["POST", "transitions", { to }] as const,
      ),
      ["POST", "exit", { date: "2026-11-22", planned: true, destination: "market_rent" }],
    ] as const;
    for (const [method, path, body] of writes) {
      const res = await manager.request(method, `/households/${householdId}/${path}`, body);
      if (res.status >= 300)
        throw new Error(`fixture ${method} ${path} failed: ${res.status} ${await res.text()}`);
    }
  }
  // A version of the allocation rules, saved by the Comune's admin (its author is an account).
  const { version: _version, reason: _reason, ...rules } = DEFAULT_RULES;
  const saved = await (await ctx.loginAs("comune_admin")).post("/allocation/rules", {
    rules,
    reason: "Prova",
  });
  if (saved.status !== 201) throw new Error(`fixture rules version failed: ${saved.status}`);
  // An allocation run and, for each partner, an offer of one of its units to its household: rows
  // written as the owner, the policies under test being the ones that read them.
  const [run] = await ctx.db
    .insert(allocationRuns)
    .values({
      rulesVersion: 1,
      seed: "prova",
      inputHash: "0".repeat(64),
      snapshot: {},
      status: "optimal",
      result: {},
    })
    .returning({ id: allocationRuns.id });
  // For each partner, an offer of one of its units to its household, accepted with its tenancy
  // draft, and a hold of another of its units for that household.
  for (const partner of AREA_B) {
    const unitId = unitIds.get(partner.code)?.[0] as string;
    const householdId = householdIds.get(partner.code) as string;
    const [offer] = await ctx.db
      .insert(allocationOffers)
      .values({
        runId: run?.id,
        unitId,
        householdId,
        offeredAt: new Date("2026-11-22T09:00:00Z"),
        dueOn: "2026-11-29",
        status: "accepted",
      })
      .returning({ id: allocationOffers.id });
    const [tenancy] = await ctx.db
      .insert(tenancies)
      .values({ unitId, householdId, offerId: offer?.id })
      .returning({ id: tenancies.id });
    await ctx.db.insert(unitHolds).values({
      unitId: unitIds.get(partner.code)?.[1] as string,
      householdId,
      expiresOn: "2026-12-31",
      reason: "Prova",
    });
    await tenancyRows(partner.code, unitId, householdId, tenancy?.id as string);
    await governanceRows(partner.code);
  }
  await ctx.db
    .insert(ledgerPeriods)
    .values({ period: "2026-10", closedAt: new Date(), closedBy: userIds.get(AREA_B[0]?.code as string) });
  await ctx.db
    .insert(arrearsPolicyVersions)
    .values({ version: 1, policy: {}, reason: "Prova", createdBy: userIds.get(AREA_B[0]?.code as string) });
  await ctx.db
    .insert(planScenarios)
    .values({ name: "Prova", version: 1, scenario: {}, createdBy: userIds.get(AREA_B[0]?.code as string) });
  tables = await partnerTables(ctx.db);
});
afterAll(() => ctx.close());

let cabinaId: string | undefined;

/** A governance body per partner, with a member, a held meeting, an attachment, a decision and an action. */
async function governanceRows(code: string) {
  const organisationId = orgId.get(code) as string;
  if (cabinaId === undefined) {
    const [cabina] = await ctx.db
      .insert(governanceBodies)
      .values({ name: "Cabina di prova", level: "directive", establishedOn: "2026-01-01" })
      .returning({ id: governanceBodies.id });
    cabinaId = cabina?.id as string;
  }
  const [body] = await ctx.db
    .insert(governanceBodies)
    .values({
      name: `Coordinamento di prova ${code}`,
      level: "management",
      reportsToId: cabinaId,
      establishedOn: "2026-01-01",
    })
    .returning({ id: governanceBodies.id });
  const bodyId = body?.id as string;
  const [member] = await ctx.db
    .insert(governanceMembers)
    .values({ bodyId, personName: "Persona di prova", organisationId, role: "chair", fromOn: "2026-01-01" })
    .returning({ id: governanceMembers.id });
  const [meeting] = await ctx.db
    .insert(governanceMeetings)
    .values({ bodyId, date: "2026-03-01", agenda: ["Prova"], minutes: "Verbale di prova" })
    .returning({ id: governanceMeetings.id });
  const meetingId = meeting?.id as string;
  await ctx.db.insert(governanceAttendance).values({ meetingId, memberId: member?.id as string });
  await ctx.db.insert(governanceAttachments).values({
    meetingId,
    fileName: "v.pdf",
    contentType: "application/pdf",
    sizeBytes: 1,
    sha256: "0",
    content: Buffer.from("x"),
  });
  const [decision] = await ctx.db
    .insert(governanceDecisions)
    .values({ bodyId, meetingId, number: 1, text: "Decisione di prova", mode: "consensus" })
    .returning({ id: governanceDecisions.id });
  const userId = userIds.get(code) as string;
  await ctx.db.insert(announcements).values({ title: "Avviso di prova", body: `Per ${code}`, bodyId });
  const [document] = await ctx.db
    .insert(libraryDocuments)
    .values({ title: `Documento di prova ${code}`, folder: "other" })
    .returning({ id: libraryDocuments.id });
  await ctx.db.insert(libraryVersions).values({
    documentId: document?.id as string,
    version: 1,
    fileName: "d.pdf",
    contentType: "application/pdf",
    sizeBytes: 1,
    sha256: "0",
    content: Buffer.from("x"),
    uploadedBy: userId,
    organisationId,
  });
  await ctx.db
    .insert(notifications)
    .values({ userId, kind: "announcement", subjectKey: `prova:${code}`, title: "Prova", link: "/" });
  const [owner] = await ctx.db
    .insert(privateOwners)
    .values({
      kind: "individual",
      name: `Proprietario di prova ${code}`,
      town: "Milano",
      municipio: 3,
      createdBy: userId,
    })
    .returning({ id: privateOwners.id });
  const ownerId = owner?.id as string;
  await ctx.db
    .insert(ownerContacts)
    .values({ ownerId, contactedOn: "2026-05-01", channel: "phone", outcome: "interested", organisationId });
  const [offer] = await ctx.db
    .insert(ownerOffers)
    .values({
      ownerId,
      address: "Via di prova 1",
      town: "Milano",
      municipio: 3,
      surfaceM2: 50,
      rooms: 2,
      askedRentCents: 50_000,
      offeredOn: "2026-05-02",
    })
    .returning({ id: ownerOffers.id });
  const [scheme] = await ctx.db
    .insert(guaranteeSchemes)
    .values({
      name: `Fondo di prova ${code}`,
      kind: "rent_guarantee_fund",
      terms: "Prova",
      maxCoverCents: 100_000,
      maxMonths: 6,
    })
    .returning({ id: guaranteeSchemes.id });
  await ctx.db.insert(guaranteeUptakes).values({
    schemeId: scheme?.id as string,
    offerId: offer?.id as string,
    fromOn: "2026-06-01",
    toOn: "2026-12-31",
    coverCents: 10_000,
    createdBy: userId,
  });
  await ctx.db.insert(fundEntries).values({
    bodyId,
    kind: "contribution",
    amountCents: 10_000,
    entryOn: "2026-05-01",
    counterpart: "Donatore di prova",
    description: "Prova",
    status: "recorded",
    organisationId,
  });
  await ctx.db
    .insert(buildings)
    .values({ code: `B-PROVA-${code}`, address: "Via di prova 2", town: "Milano", municipio: 3 })
    .onConflictDoNothing();
  const [service] = await ctx.db
    .insert(welfareServices)
    .values({
      kind: "social_concierge",
      name: "Portierato di prova",
      buildingCode: `B-PROVA-${code}`,
      town: "Milano",
      municipio: 3,
      organisationId,
      startedOn: "2026-03-01",
    })
    .returning({ id: welfareServices.id });
  await ctx.db.insert(welfareActivities).values({
    serviceId: service?.id as string,
    title: "Attività di prova",
    heldOn: "2026-04-01",
    participants: 12,
    residents: 5,
    organisationId,
  });
  const [space] = await ctx.db
    .insert(commonSpaces)
    .values({
      buildingCode: `B-PROVA-${code}`,
      name: "Sala comune",
      kind: "common",
      bookable: true,
      organisationId,
    })
    .returning({ id: commonSpaces.id });
  await ctx.db.insert(spaceBookings).values({
    spaceId: space?.id as string,
    bookedFor: "2026-12-01",
    fromTime: "18:00",
    toTime: "20:00",
    purpose: "Riunione di condominio",
    organisationId,
  });
  await ctx.db.insert(governanceActions).values({
    bodyId,
    decisionId: decision?.id,
    title: "Azione di prova",
    ownerName: "Persona di prova",
    ownerOrganisationId: organisationId,
    dueOn: "2026-04-01",
  });
}

/** A row in every table that follows a tenancy, its household or its partner, written as the owner. */
async function tenancyRows(code: string, unitId: string, householdId: string, tenancyId: string) {
  const organisationId = orgId.get(code) as string;
  const [run] = await ctx.db
    .insert(chargeRuns)
    .values({ period: "2026-11", organisationId, runAt: new Date(), created: 1, unchanged: 0 })
    .returning({ id: chargeRuns.id });
  await ctx.db.insert(charges).values({
    tenancyId,
    period: "2026-11",
    kind: "rent",
    amountCents: 30_000,
    dueOn: "2026-11-05",
    daysCharged: 30,
    daysInMonth: 30,
    noticeNumber: `3${code.length}${randomUUID().replace(/\D/g, "").padEnd(16, "0").slice(0, 16)}`,
    runId: run?.id,
  });
  const [statement] = await ctx.db
    .insert(bankImports)
    .values({
      organisationId,
      fileName: "estratto.csv",
      format: "csv",
      sha256: randomUUID(),
      lines: 1,
      matched: 1,
      importedAt: new Date(),
    })
    .returning({ id: bankImports.id });
  const [line] = await ctx.db
    .insert(bankLines)
    .values({
      importId: statement?.id as string,
      organisationId,
      lineNo: 1,
      bookedOn: "2026-11-06",
      amountCents: 30_000,
      status: "matched",
      tenancyId,
    })
    .returning({ id: bankLines.id });
  await ctx.db.insert(payments).values({
    tenancyId,
    amountCents: 30_000,
    paidOn: "2026-11-06",
    method: "bank_transfer",
    bankLineId: line?.id,
  });
  await ctx.db
    .insert(writeOffs)
    .values({ tenancyId, amountCents: 100, writtenOn: "2026-11-07", reason: "Prova" });
  await ctx.db.insert(recertifications).values({
    tenancyId,
    effectiveOn: "2026-11-01",
    incomeCents: 1_000_000,
    previousRentCents: 30_000,
    newRentCents: 28_000,
    basis: {},
  });
  await ctx.db.insert(tenancyDocuments).values({
    tenancyId,
    kind: "contract",
    title: "Contratto",
    fileName: "c.pdf",
    contentType: "application/pdf",
    sizeBytes: 1,
    sha256: "0",
    content: Buffer.from("x"),
    uploadedAt: new Date(),
  });
  await ctx.db.insert(moveInChecklists).values({ tenancyId, checklist: {} });
  const [arrears] = await ctx.db
    .insert(arrearsCases)
    .values({ tenancyId, householdId, openedOn: "2026-11-20", stage: "signal" })
    .returning({ id: arrearsCases.id });
  const caseId = arrears?.id as string;
  await ctx.db
    .insert(arrearsSteps)
    .values({ caseId, householdId, stage: "signal", takenOn: "2026-11-20", balanceCents: 30_000 });
  await ctx.db.insert(tasks).values({
    householdId,
    kind: "arrears_signal",
    title: "Prova",
    dueOn: "2026-11-27",
    arrearsCaseId: caseId,
  });
  const [plan] = await ctx.db
    .insert(repaymentPlans)
    .values({ caseId, tenancyId, householdId, totalCents: 30_000, startOn: "2026-12-01" })
    .returning({ id: repaymentPlans.id });
  await ctx.db
    .insert(repaymentInstalments)
    .values({ planId: plan?.id as string, householdId, seq: 1, dueOn: "2026-12-01", amountCents: 30_000 });
  await ctx.db
    .insert(economicReferrals)
    .values({ householdId, tenancyId, caseId, kind: "microcredit", referredOn: "2026-11-20" });
  const [ticket] = await ctx.db
    .insert(maintenanceTickets)
    .values({
      unitId,
      tenancyId,
      category: "plumbing",
      urgency: "urgent",
      title: "Perdita",
      description: "Prova",
      dueAt: new Date(),
      openedByTenant: false,
    })
    .returning({ id: maintenanceTickets.id });
  await ctx.db
    .insert(ticketEvents)
    .values({ ticketId: ticket?.id as string, at: new Date(), toStatus: "open" });
  await ctx.db.insert(ticketPhotos).values({
    ticketId: ticket?.id as string,
    fileName: "p.png",
    contentType: "image/png",
    sizeBytes: 1,
    content: Buffer.from("x"),
    uploadedAt: new Date(),
  });
  await ctx.db
    .insert(tenantNotices)
    .values({ organisationId, title: "Avviso", body: "Prova", publishedOn: "2026-11-20" });
  await ctx.db.insert(tenantInformation).values({ organisationId, phone: "02 0000000" });
  const [contractor] = await ctx.db
    .insert(contractors)
    .values({
      name: `Impresa di prova ${code}`,
      vatNumber: randomUUID().replace(/\D/g, "").padEnd(11, "0").slice(0, 11),
      whiteListPrefecture: "Prefettura di Milano",
      whiteListRegisteredOn: "2026-01-01",
      whiteListExpiresOn: "2026-12-31",
      organisationId,
    })
    .returning({ id: contractors.id });
  const [job] = await ctx.db
    .insert(works)
    .values({
      partnerId: organisationId,
      title: "Lavori di prova",
      estimateExVatCents: 1_000_000,
      contractorId: contractor?.id,
      awardedOn: "2026-02-01",
      status: "awarded",
    })
    .returning({ id: works.id });
  const worksId = job?.id as string;
  await ctx.db.insert(worksUnits).values({ worksId, unitId });
  await ctx.db.insert(worksPhases).values({
    worksId,
    position: 1,
    name: "Demolizioni",
    plannedStart: "2026-03-01",
    plannedEnd: "2026-03-31",
  });
  await ctx.db.insert(worksCostLines).values({
    worksId,
    description: "Fattura di prova",
    invoiceNumber: "1",
    invoiceDate: "2026-03-31",
    amountExVatCents: 100_000,
    vatCents: 10_000,
    fundingSource: "grant",
  });
  const [call] = await ctx.db
    .insert(fundingCalls)
    .values({
      funder: "Fondazione di prova",
      title: "Bando di prova",
      deadline: "2026-12-31",
      fit: "high",
      organisationId,
    })
    .returning({ id: fundingCalls.id });
  const [application] = await ctx.db
    .insert(fundingApplications)
    .values({
      callId: call?.id as string,
      partnerId: organisationId,
      requestedCents: 100_000,
      submittedOn: "2026-06-01",
    })
    .returning({ id: fundingApplications.id });
  const [pledge] = await ctx.db
    .insert(fundingPledges)
    .values({
      partnerId: organisationId,
      source: "fundraising",
      donor: "Donatore di prova",
      amountCents: 50_000,
      pledgedOn: "2026-06-01",
      expectedOn: "2026-07-01",
      applicationId: application?.id,
    })
    .returning({ id: fundingPledges.id });
  await ctx.db
    .insert(fundingReceipts)
    .values({ pledgeId: pledge?.id as string, amountCents: 10_000, receivedOn: "2026-07-01" });
  const [lender] = await ctx.db
    .insert(lenders)
    .values({ name: `Banca di prova ${code}`, kind: "bank", organisationId })
    .returning({ id: lenders.id });
  const [loan] = await ctx.db
    .insert(loanOffers)
    .values({
      lenderId: lender?.id as string,
      partnerId: organisationId,
      purpose: "Prestito di prova",
      principalCents: 1_000_000,
      annualRate: 0.04,
      years: 10,
      method: "french",
      offeredOn: "2026-05-01",
      validUntil: "2026-06-30",
    })
    .returning({ id: loanOffers.id });
  const loanOfferId = loan?.id as string;
  await ctx.db.insert(loanGuarantees).values({
    loanOfferId,
    issuer: "Confidi di prova",
    kind: "confidi",
    amountCents: 500_000,
    issuedOn: "2026-05-01",
    expiresOn: "2027-05-01",
  });
  await ctx.db
    .insert(loanPayments)
    .values({ loanOfferId, paidOn: "2026-07-31", principalCents: 8_000, interestCents: 3_000 });
  await ctx.db
    .insert(expenseBudgets)
    .values({ partnerId: organisationId, line: "B.2", fundingSource: "grant", amountCents: 1_000_000 });
  const [claim] = await ctx.db
    .insert(expenseClaims)
    .values({
      partnerId: organisationId,
      line: "B.2",
      fundingSource: "grant",
      periodFrom: "2026-01-01",
      periodTo: "2026-06-30",
      title: "Rendiconto di prova",
    })
    .returning({ id: expenseClaims.id });
  const claimId = claim?.id as string;
  const [costLine] = await ctx.db
    .insert(expenseLines)
    .values({
      claimId,
      position: 1,
      description: "Spesa di prova",
      incurredOn: "2026-03-01",
      amountCents: 10_000,
    })
    .returning({ id: expenseLines.id });
  await ctx.db.insert(expenseDocuments).values({
    lineId: costLine?.id as string,
    claimId,
    kind: "invoice",
    issuer: `Fornitore di prova ${code}`,
    number: "1",
    issuedOn: "2026-03-01",
    fileName: "f.pdf",
    contentType: "application/pdf",
    sizeBytes: 1,
    sha256: randomUUID(),
    content: Buffer.from("x"),
  });
  const [period] = await ctx.db
    .insert(monitoringPeriods)
    .values({ granularity: "month", startsOn: "2026-01-01", endsOn: "2026-01-31" })
    .onConflictDoNothing()
    .returning({ id: monitoringPeriods.id });
  if (period) {
    await ctx.db.insert(monitoringSnapshots).values({
      periodId: period.id,
      revision: 1,
      partnerId: organisationId,
      values: {},
      valuesSha256: "0",
    });
    await ctx.db.insert(monitoringPeriodEvents).values({ periodId: period.id, action: "closed" });
  }
  await ctx.db
    .insert(indicatorTargets)
    .values({ indicatorCode: `probe_${code}`, kind: "final", value: 1, dueOn: "2030-12-31" });
  await ctx.db.insert(timelineItems).values({
    line: "B.2",
    kind: "phase",
    title: "Fase di prova",
    ownerOrganisationId: organisationId,
    plannedStart: "2026-01-01",
    plannedEnd: "2026-06-30",
  });
}

const count = async (db: Db, from: SQL) =>
  (await rowsOf<{ n: number }>(db, sql`select count(*)::int as "n" from ${from}`))[0]?.n ?? -1;

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super("rolled back");
  }
}

/** Run `fn` in a transaction of `run` and roll it back, whatever it did; returns what `fn` returned. */
async function rolledBack<T>(
  run: (fn: (db: Db) => Promise<never>) => Promise<unknown>,
  fn: (db: Db) => Promise<T>,
) {
  try {
    await run(async (db) => {
      throw new RolledBack(await fn(db));
    });
  } catch (e) {
    if (e instanceof RolledBack) return e.result as T;
    throw e;
  }
  throw new Error("unreachable");
}

const partnerScope = (code: string): DbScope => ({
  organisationId: orgId.get(code) as string,
  userId: userIds.get(code) ?? null,
  sees: "organisation",
});
const inScope = (scope: DbScope) => (fn: (db: Db) => Promise<unknown>) => ctx.database.scoped(scope, fn);
const uuids = (ids: readonly string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

describe("the application role with no scope set", () => {
  it("releases no household through the release function", async () => {
    for (const id of householdIds.values()) {
      const [row] = await rolledBack(
        (fn) => asBareAppRole(ctx.db, fn),
        (tx) =>
          rowsOf<{ released: boolean }>(
            tx,
            sql`select app_release_household(${id}::uuid, now()) as "released"`,
          ),
      );
      expect(row?.released).toBe(false);
    }
  });

  it("sees no row of any partner table", async () => {
    for (const table of tables) {
      expect(await count(ctx.db, sql`${sql.identifier(table)}`), `${table} as the owner`).toBeGreaterThan(0);
      expect(await asBareAppRole(ctx.db, (tx) => count(tx, sql`${sql.identifier(table)}`)), table).toBe(0);
    }
  });

  it("may insert into no partner table", async () => {
    for (const table of tables) {
      const insert = await copyRowInsert(ctx.db, table, await anyRowOf(ctx.db, table));
      const refusal = await refusalOf(asBareAppRole(ctx.db, (tx) => tx.execute(insert)));
      expect(refusal, table).toMatch(REFUSED);
    }
  });

  it("changes and removes no row of any partner table", async () => {
    for (const table of tables) {
      const [first] = await rowsOf<{ name: string }>(
        ctx.db,
        sql`select attname as "name" from pg_attribute
            where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped
            order by attnum limit 1`,
      );
      const column = sql.identifier(first?.name as string);
      const t = sql.identifier(table);
      for (const statement of [
        sql`update ${t} set ${column} = ${column} returning 1`,
        sql`delete from ${t} returning 1`,
      ]) {
        const outcome = await outcomeOf(
          rolledBack(
            (fn) => asBareAppRole(ctx.db, fn),
            async (tx) => `${(await rowsOf(tx, statement)).length} rows`,
          ),
        );
        expect(outcome === "0 rows" || REFUSED.test(outcome), `${table}: ${outcome}`).toBe(true);
      }
    }
  });
});

describe.each(PAIRS)("partner %s's scope against %s", (own, other) => {
  const theirUnits = () => unitIds.get(other) as string[];

  it("sees its own units and none of the other's units, their history, accounts or audit records", async () => {
    const seen = await ctx.database.scoped(partnerScope(own), async (db) => ({
      own: await count(db, sql`units where managing_partner_id = ${orgId.get(own)}`),
      units: await count(db, sql`units where managing_partner_id = ${orgId.get(other)}`),
      unitsById: await count(db, sql`units where id in ${uuids(theirUnits())}`),
      events: await count(db, sql`unit_events where unit_id in ${uuids(theirUnits())}`),
      spans: await count(db, sql`unit_status_spans where unit_id in ${uuids(theirUnits())}`),
      users: await count(db, sql`users where organisation_id = ${orgId.get(other)}`),
      sessions: await count(db, sql`sessions where user_id in ${uuids([userIds.get(other) as string])}`),
      audit: await count(db, sql`audit_events where organisation_id = ${orgId.get(other)}`),
    }));
    expect(seen).toEqual({
      own: 2,
      units: 0,
      unitsById: 0,
      events: 0,
      spans: 0,
      users: 0,
      sessions: 0,
      audit: 0,
    });
    // The owner sees what the partner must not: the zeros above are not for want of rows.
    expect(await count(ctx.db, sql`unit_events where unit_id in ${uuids(theirUnits())}`)).toBeGreaterThan(0);
    expect(
      await count(ctx.db, sql`unit_status_spans where unit_id in ${uuids(theirUnits())}`),
    ).toBeGreaterThan(0);
    expect(
      await count(ctx.db, sql`audit_events where organisation_id = ${orgId.get(other)}`),
    ).toBeGreaterThan(0);
  });

  it("updates and deletes none of the other's units or their history", async () => {
    const affected = await rolledBack(inScope(partnerScope(own)), async (db) => ({
      updatedUnits: (
        await rowsOf(db, sql`update units set notes = 'x' where id in ${uuids(theirUnits())} returning 1`)
      ).length,
      deletedUnits: (await rowsOf(db, sql`delete from units where id in ${uuids(theirUnits())} returning 1`))
        .length,
      updatedEvents: (
        await rowsOf(
          db,
          sql`update unit_events set note = 'x' where unit_id in ${uuids(theirUnits())} returning 1`,
        )
      ).length,
      deletedEvents: (
        await rowsOf(db, sql`delete from unit_events where unit_id in ${uuids(theirUnits())} returning 1`)
      ).length,
      deletedSpans: (
        await rowsOf(
          db,
          sql`delete from unit_status_spans where unit_id in ${uuids(theirUnits())} returning 1`,
        )
      ).length,
    }));
    expect(affected).toEqual({
      updatedUnits: 0,
      deletedUnits: 0,
      updatedEvents: 0,
      deletedEvents: 0,
      deletedSpans: 0,
    });
  });

  it("is refused by the policy when it inserts a unit managed by the other, or an event of the other's unit", async () => {
    const ownUnit = await anyRowOf(ctx.db, "units", sql`managing_partner_id = ${orgId.get(own)}`);
    const theirs = await copyRowInsert(ctx.db, "units", ownUnit, {
      id: randomUUID(),
      code: `PROBE-${randomUUID().slice(0, 8)}`.toUpperCase(),
      managing_partner_id: orgId.get(other),
    });
    expect(await refusalOf(inScope(partnerScope(own))((db) => db.execute(theirs)))).toMatch(
      REFUSED_BY_POLICY,
    );
    const event = await anyRowOf(ctx.db, "unit_events", sql`unit_id = ${theirUnits()[0]}`);
    const theirEvent = await copyRowInsert(ctx.db, "unit_events", event, { id: 10_000_000 });
    expect(await refusalOf(inScope(partnerScope(own))((db) => db.execute(theirEvent)))).toMatch(
      REFUSED_BY_POLICY,
    );
    const span = await anyRowOf(ctx.db, "unit_status_spans", sql`unit_id = ${theirUnits()[0]}`);
    const theirSpan = await copyRowInsert(ctx.db, "unit_status_spans", span, { status: "let" });
    expect(await refusalOf(inScope(partnerScope(own))((db) => db.execute(theirSpan)))).toMatch(
      REFUSED_BY_POLICY,
    );
  });

  it("is refused by the policy when it hands its own unit to the other", async () => {
    const refusal = await refusalOf(
      inScope(partnerScope(own))((db) =>
        db.execute(
          sql`update units set managing_partner_id = ${orgId.get(other)} where managing_partner_id = ${orgId.get(own)}`,
        ),
      ),
    );
    expect(refusal).toMatch(REFUSED_BY_POLICY);
  });
});

describe.each(PAIRS)("partner %s's scope against %s's households", (own, other) => {
  const theirs = () => householdIds.get(other) as string;
  const mine = () => householdIds.get(own) as string;

  it("sees its own household and none of the other's, their members, status history or referrals", async () => {
    const seen = await ctx.database.scoped(partnerScope(own), async (db) => ({
      own: await count(db, sql`households where id = ${mine()}`),
      households: await count(db, sql`households where managing_partner_id = ${orgId.get(other)}`),
      byId: await count(db, sql`households where id = ${theirs()}`),
      members: await count(db, sql`household_members where household_id = ${theirs()}`),
      events: await count(db, sql`household_events where household_id = ${theirs()}`),
      referrals: await count(
        db,
        sql`referrals where household_id = ${theirs()} or partner_id = ${orgId.get(other)}`,
      ),
    }));
    expect(seen).toEqual({ own: 1, households: 0, byId: 0, members: 0, events: 0, referrals: 0 });
    for (const table of ["household_members", "household_events", "referrals"]) {
      expect(
        await count(ctx.db, sql`${sql.identifier(table)} where household_id = ${theirs()}`),
        table,
      ).toBeGreaterThan(0);
    }
  });

  it("updates and deletes none of the other's households or what hangs from them", async () => {
    const affected = await rolledBack(inScope(partnerScope(own)), async (db) => {
      const n = async (statement: SQL) => (await rowsOf(db, statement)).length;
      return {
        updated: await n(sql`update households set phone = 'x' where id = ${theirs()} returning 1`),
        deleted: await n(sql`delete from households where id = ${theirs()} returning 1`),
        members: await n(
          sql`update household_members set given_name = 'x' where household_id = ${theirs()} returning 1`,
        ),
        membersDeleted: await n(
          sql`delete from household_members where household_id = ${theirs()} returning 1`,
        ),
        events: await n(
          sql`update household_events set note = 'x' where household_id = ${theirs()} returning 1`,
        ),
        referrals: await n(
          sql`update referrals set status = 'accepted' where household_id = ${theirs()} returning 1`,
        ),
        referralsDeleted: await n(sql`delete from referrals where household_id = ${theirs()} returning 1`),
      };
    });
    expect(affected).toEqual({
      updated: 0,
      deleted: 0,
      members: 0,
      membersDeleted: 0,
      events: 0,
      referrals: 0,
      referralsDeleted: 0,
    });
  });

  it("is refused by the policy when it adds a member, a status change or a referral to the other's household", async () => {
    const copies = [
      copyRowInsert(
        ctx.db,
        "household_members",
        await anyRowOf(ctx.db, "household_members", sql`household_id = ${theirs()}`),
        {
          id: randomUUID(),
          position: 99,
        },
      ),
      copyRowInsert(
        ctx.db,
        "household_events",
        await anyRowOf(ctx.db, "household_events", sql`household_id = ${theirs()}`),
        {
          id: 10_000_000,
        },
      ),
      copyRowInsert(
        ctx.db,
        "referrals",
        await anyRowOf(ctx.db, "referrals", sql`household_id = ${theirs()}`),
        {
          id: randomUUID(),
          partner_id: orgId.get(own),
        },
      ),
    ];
    for (const insert of await Promise.all(copies)) {
      expect(await refusalOf(rolledBack(inScope(partnerScope(own)), (db) => db.execute(insert)))).toMatch(
        REFUSED_BY_POLICY,
      );
    }
  });

  it("is refused by the policy when it hands its own household to the other", async () => {
    const refusal = await refusalOf(
      rolledBack(inScope(partnerScope(own)), (db) =>
        db.execute(sql`update households set managing_partner_id = ${orgId.get(other)} where id = ${mine()}`),
      ),
    );
    expect(refusal).toMatch(REFUSED_BY_POLICY);
  });

  it("cannot release the other's household, nor its own while its referral is pending", async () => {
    const release = (id: string) =>
      rolledBack(inScope(partnerScope(own)), async (db) => {
        const [row] = await rowsOf<{ released: boolean }>(
          db,
          sql`select app_release_household(${id}::uuid, now()) as "released"`,
        );
        return row?.released;
      });
    expect(await release(theirs())).toBe(false);
    expect(await release(mine())).toBe(false);
  });
});

describe("the audit trail under a partner's scope", () => {
  // A partner's transaction may append records of its own organisation only, so it cannot write
  // into another organisation's trail what that organisation would then read as its own.
  it("is refused by the policy when it appends a record naming another organisation", async () => {
    const record = await anyRowOf(ctx.db, "audit_events", sql`organisation_id = ${orgId.get("ETS-B1")}`);
    const forged = await copyRowInsert(ctx.db, "audit_events", record, {
      seq: 10_000_000,
      organisation_id: orgId.get("ETS-B2"),
    });
    const refusal = await refusalOf(rolledBack(inScope(partnerScope("ETS-B1")), (db) => db.execute(forged)));
    expect(refusal).toMatch(REFUSED_BY_POLICY);
  });
});

describe("the Comune's scope", () => {
  it("sees every unit and every unit's history", async () => {
    const comune: DbScope = { organisationId: orgId.get("COMUNE-MI") as string, userId: null, sees: "all" };
    const seen = await ctx.database.scoped(comune, async (db) => ({
      units: await count(db, sql`units`),
      events: await count(db, sql`unit_events`),
    }));
    expect(seen).toEqual({
      units: await count(ctx.db, sql`units`),
      events: await count(ctx.db, sql`unit_events`),
    });
    expect(seen.units).toBe(AREA_B.reduce((n, p) => n + p.categories.length, 0));
  });

  it("sees no record of a household whose consent to processing was withdrawn, in any table that follows a household, while data protection sees them all", async () => {
    const followers = (
      await rowsOf<{ table: string }>(
        ctx.db,
        sql`select distinct tablename as "table" from pg_policies
          where schemaname = 'public' and qual like '%FROM households h%' order by 1`,
      )
    ).map((r) => r.table);
    expect(followers.length).toBeGreaterThanOrEqual(17);
    const [withdrawn, kept] = [householdIds.get("ETS-B1") as string, householdIds.get("ETS-B2") as string];
    const comune: DbScope = { organisationId: orgId.get("COMUNE-MI") as string, userId: null, sees: "all" };
    /** Rows of the household in each table, by table. */
    const counts = async (db: Db, householdId: string) => {
      const n = await inOrder(
        followers.map(
          (table) => () => count(db, sql`${sql.identifier(table)} where household_id = ${householdId}`),
        ),
      );
      return Object.fromEntries(followers.map((table, i) => [table, n[i]]));
    };
    const stored = await counts(ctx.db, withdrawn);
    // The fixture wrote at least one row in every such table for the household.
    expect(Object.entries(stored).filter(([, n]) => !n)).toEqual([]);
    const storedKept = await counts(ctx.db, kept);
    expect(await ctx.database.scoped(comune, (db) => counts(db, withdrawn))).toEqual(stored);

    await ctx.db.execute(sql`update households set processing_withdrawn_at = now() where id = ${withdrawn}`);
    try {
      const hidden = Object.fromEntries(followers.map((table) => [table, 0]));
      expect(await ctx.database.scoped(comune, (db) => counts(db, withdrawn))).toEqual(hidden);
      expect(await ctx.database.scoped(partnerScope("ETS-B1"), (db) => counts(db, withdrawn))).toEqual(
        hidden,
      );
      // The other households' records stay in view.
      expect(await ctx.database.scoped(comune, (db) => counts(db, kept))).toEqual(storedKept);
      const dataProtection: DbScope = { ...comune, seesWithdrawn: true };
      expect(await ctx.database.scoped(dataProtection, (db) => counts(db, withdrawn))).toEqual(stored);
      // The function that lists them for the policies restores the reader's setting when it returns.
      const after = await ctx.database.scoped(comune, (db) =>
        rowsOf<{ ids: string[]; setting: string }>(
          db,
          sql`select app_withdrawn_households()::text[] as "ids", current_setting('app.withdrawn') as "setting"`,
        ),
      );
      expect(after).toEqual([{ ids: [withdrawn], setting: "hidden" }]);
    } finally {
      await ctx.db.execute(sql`update households set processing_withdrawn_at = null where id = ${withdrawn}`);
    }
  });
});

describe.runIf(testServerUrl() !== null)("on PostgreSQL, the request pool", () => {
  it(`connects as ${APP_ROLE}`, async () => {
    const who = await ctx.database.scoped(partnerScope("ETS-B1"), (db) =>
      rowsOf<{ current: string; session: string }>(
        db,
        sql`select current_user as "current", session_user as "session"`,
      ),
    );
    expect(who).toEqual([{ current: APP_ROLE, session: APP_ROLE }]);
  });

  it(`shows no partner row on a plain ${APP_ROLE} connection with no scope set`, async () => {
    const [database] = await rowsOf<{ name: string }>(ctx.db, sql`select current_database() as "name"`);
    const client = new pg.Client({
      connectionString: appRoleUrl(urlForDatabase(testServerUrl() as string, database?.name as string)),
    });
    await client.connect();
    try {
      expect((await client.query("select session_user as who")).rows).toEqual([{ who: APP_ROLE }]);
      for (const table of tables) {
        const { rows } = await client.query(`select count(*)::int as n from "${table}"`);
        expect(rows, table).toEqual([{ n: 0 }]);
      }
    } finally {
      await client.end();
    }
  });
});
