// SPDX-License-Identifier: EUPL-1.2
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { amortisationSchedule, type LoanTerms } from "../../domain/finance/loan.ts";
import {
  type ApplicationInput,
  type Area,
  CALL_DEADLINE_WARNING_DAYS,
  type Fit,
  type FundingCallInput,
  type FundingCallUpdate,
  GUARANTEE_WARNING_DAYS,
  type GuaranteeInput,
  type GuaranteeRenewal,
  guaranteeStanding,
  type LenderInput,
  type LoanDecisionInput,
  type LoanOfferInput,
  type LoanPaymentInput,
  type OutcomeInput,
  PLEDGE_SOURCES,
  type PledgeInput,
  type PledgeSource,
  type ReceiptInput,
} from "../../domain/funding/funding.ts";
import type {
  ApplicationView,
  FundingCallList,
  FundingCallView,
  FundingSummary,
  FundingWarning,
  GuaranteeView,
  LenderList,
  LenderView,
  LoanList,
  LoanView,
  PlanSourcesView,
  PledgeList,
  PledgeView,
  SourceTotals,
} from "../../domain/funding/funding-api.schema.ts";
import { planSourcesOf } from "../../domain/funding/plan-sources.ts";
import { daysBetween } from "../../domain/ledger/period.ts";
import type { Actor } from "../auth/auth.service.ts";
import { type Db, inOrder } from "../db/client.ts";
import {
  fundingApplications,
  fundingCalls,
  fundingPledges,
  fundingReceipts,
  lenders,
  loanGuarantees,
  loanOffers,
  loanPayments,
  organisations,
  users,
} from "../db/schema.ts";
import { AppError, fieldError } from "../errors.ts";
import { isUuid } from "../households/households.repository.ts";

/*
 * The funding register (A.2). Calls and lenders are shared registers every partner reads; applications,
 * pledges, receipts, loans, guarantees and payments are a partner's own and row-level security gives
 * each partner only its rows (the Comune and Area A read them all). Every write runs in the caller's
 * transaction; money is checked against what is stored inside it, under a row lock where two writers
 * could race (receipts against a pledge, payments against a loan).
 */

type Context = { db: Db; today: string };
type Write<I> = Context & { actor: Actor; input: I };
type Move<I> = Write<I> & { id: string };

const notFound = (what: string, id: string) => new AppError("NOT_FOUND", `No ${what} "${id}"`);

/** A stale version is a 409 naming `version`; one that matched but changed nothing was hidden: 403. */
function staleOrForbidden(what: string, current: number, sent: number): never {
  if (current === sent)
    throw new AppError(
      "FORBIDDEN",
      `Only the organisation that recorded the ${what}, or the Comune, changes it`,
    );
  throw fieldError(
    "CONFLICT",
    "version",
    `The ${what} was changed by someone else (version ${current}, you sent ${sent}); reload it and retry`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Calls for funding and applications

const applicationColumns = {
  id: fundingApplications.id,
  callId: fundingApplications.callId,
  partnerId: fundingApplications.partnerId,
  partnerCode: organisations.code,
  partnerName: organisations.name,
  requestedCents: fundingApplications.requestedCents,
  submittedOn: fundingApplications.submittedOn,
  status: fundingApplications.status,
  decidedOn: fundingApplications.decidedOn,
  awardedCents: fundingApplications.awardedCents,
  note: fundingApplications.outcomeNote,
  pledgeId: fundingPledges.id,
  version: fundingApplications.version,
};

async function applicationRows(db: Db, callIds: readonly string[]) {
  if (callIds.length === 0) return [];
  return db
    .select(applicationColumns)
    .from(fundingApplications)
    .innerJoin(organisations, eq(organisations.id, fundingApplications.partnerId))
    .leftJoin(fundingPledges, eq(fundingPledges.applicationId, fundingApplications.id))
    .where(inArray(fundingApplications.callId, [...callIds]))
    .orderBy(asc(fundingApplications.submittedOn), asc(organisations.code));
}
type ApplicationRow = Awaited<ReturnType<typeof applicationRows>>[number];

const applicationView = ({ partnerId: _, ...row }: ApplicationRow): ApplicationView => ({
  ...row,
  status: row.status as ApplicationView["status"],
});

const selectCalls = (db: Db) =>
  db
    .select({
      id: fundingCalls.id,
      funder: fundingCalls.funder,
      title: fundingCalls.title,
      area: fundingCalls.area,
      deadline: fundingCalls.deadline,
      maxAmountCents: fundingCalls.maxAmountCents,
      fit: fundingCalls.fit,
      url: fundingCalls.url,
      notes: fundingCalls.notes,
      organisationCode: organisations.code,
      version: fundingCalls.version,
    })
    .from(fundingCalls)
    .innerJoin(organisations, eq(organisations.id, fundingCalls.organisationId));
type CallRow = Awaited<ReturnType<ReturnType<typeof selectCalls>["execute"]>>[number];

function callView(
  row: CallRow,
  applications: ApplicationRow[],
  actor: Actor,
  today: string,
): FundingCallView {
  const daysToDeadline = daysBetween(today, row.deadline);
  const ownApplied = applications.some((a) => a.partnerId === actor.organisationId);
  return {
    ...row,
    area: row.area as Area | null,
    fit: row.fit as Fit,
    daysToDeadline,
    deadlineSoon: daysToDeadline >= 0 && daysToDeadline <= CALL_DEADLINE_WARNING_DAYS && !ownApplied,
    applications: applications.map(applicationView),
  };
}

async function callViews(db: Db, rows: CallRow[], actor: Actor, today: string) {
  const applications = await applicationRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    callView(
      row,
      applications.filter((a) => a.callId === row.id),
      actor,
      today,
    ),
  );
}

/** Every call, the open ones first by deadline, each with the applications the caller may see. */
export async function listCalls(options: Context & { actor: Actor }): Promise<FundingCallList> {
  const { db, actor, today } = options;
  const rows = await selectCalls(db).orderBy(
    sql`${fundingCalls.deadline} < ${today}`,
    asc(fundingCalls.deadline),
    asc(fundingCalls.title),
  );
  return { items: await callViews(db, rows, actor, today) };
}

async function getCall(options: Context & { actor: Actor; id: string }) {
  const { db, actor, id, today } = options;
  if (!isUuid(id)) throw notFound("call for funding", id);
  const rows = await selectCalls(db).where(eq(fundingCalls.id, id));
  const [view] = await callViews(db, rows, actor, today);
  if (view === undefined) throw notFound("call for funding", id);
  return view;
}

const callValues = (input: FundingCallInput) => ({
  funder: input.funder,
  title: input.title,
  area: input.area,
  deadline: input.deadline,
  maxAmountCents: input.maxAmountCents,
  fit: input.fit,
  url: input.url,
  notes: input.notes,
});

export async function createCall(options: Write<FundingCallInput>) {
  const { db, actor, input } = options;
  const [row] = await db
    .insert(fundingCalls)
    .values({ ...callValues(input), organisationId: actor.organisationId, createdBy: actor.userId })
    .returning({ id: fundingCalls.id });
  return getCall({ ...options, id: row?.id as string });
}

/** Change a call (new deadline, notes): the organisation that recorded it, or the Comune. */
export async function updateCall(options: Move<FundingCallUpdate>) {
  const { db, id, input } = options;
  const current = await getCall(options);
  const changed = await db
    .update(fundingCalls)
    .set({ ...callValues(input), updatedAt: new Date(), version: sql`${fundingCalls.version} + 1` })
    .where(and(eq(fundingCalls.id, id), eq(fundingCalls.version, input.version)))
    .returning({ id: fundingCalls.id });
  if (changed.length === 0) staleOrForbidden("call", current.version, input.version);
  return getCall(options);
}

/** The caller's organisation applies to a call, once, by the deadline. */
export async function applyToCall(options: Move<ApplicationInput>) {
  const { db, actor, input } = options;
  const call = await getCall(options);
  if (input.submittedOn > call.deadline)
    throw fieldError(
      "UNPROCESSABLE",
      "submittedOn",
      `submittedOn is after the call's deadline (${call.deadline})`,
    );
  if (call.maxAmountCents !== null && input.requestedCents > call.maxAmountCents)
    throw fieldError(
      "UNPROCESSABLE",
      "requestedCents",
      `requestedCents is above the most the call grants (${call.maxAmountCents} cents)`,
    );
  const inserted = await db
    .insert(fundingApplications)
    .values({
      callId: call.id,
      partnerId: actor.organisationId,
      requestedCents: input.requestedCents,
      submittedOn: input.submittedOn,
      notes: input.notes,
      createdBy: actor.userId,
    })
    .onConflictDoNothing({ target: [fundingApplications.callId, fundingApplications.partnerId] })
    .returning({ id: fundingApplications.id });
  if (inserted.length === 0)
    throw new AppError("CONFLICT", `${actor.organisationCode} has already applied to this call`);
  return getCall(options);
}

/**
 * Record an application's outcome. An award becomes a pledge of the source "calls" from the funder,
 * expected on `expectedOn` (the decision date when left out), and the call's area goes with it.
 */
export async function decideApplication(options: Move<OutcomeInput>) {
  const { db, actor, id, input } = options;
  if (!isUuid(id)) throw notFound("application", id);
  const [application] = await db
    .select({
      id: fundingApplications.id,
      callId: fundingApplications.callId,
      partnerId: fundingApplications.partnerId,
      status: fundingApplications.status,
      requestedCents: fundingApplications.requestedCents,
      submittedOn: fundingApplications.submittedOn,
      version: fundingApplications.version,
      funder: fundingCalls.funder,
      area: fundingCalls.area,
    })
    .from(fundingApplications)
    .innerJoin(fundingCalls, eq(fundingCalls.id, fundingApplications.callId))
    .where(eq(fundingApplications.id, id))
    .for("update", { of: fundingApplications });
  if (application === undefined) throw notFound("application", id);
  if (application.version !== input.version)
    staleOrForbidden("application", application.version, input.version);
  if (application.status !== "submitted")
    throw new AppError("CONFLICT", `The application's outcome is already recorded (${application.status})`);
  if (input.decidedOn < application.submittedOn)
    throw fieldError(
      "UNPROCESSABLE",
      "decidedOn",
      `decidedOn cannot come before the application was submitted (${application.submittedOn})`,
    );
  if (input.awardedCents !== null && input.awardedCents > application.requestedCents)
    throw fieldError(
      "UNPROCESSABLE",
      "awardedCents",
      `awardedCents is above what was requested (${application.requestedCents} cents)`,
    );
  await db
    .update(fundingApplications)
    .set({
      status: input.outcome,
      decidedOn: input.decidedOn,
      awardedCents: input.awardedCents,
      outcomeNote: input.note,
      updatedAt: new Date(),
      version: sql`${fundingApplications.version} + 1`,
    })
    .where(eq(fundingApplications.id, application.id));
  if (input.outcome === "awarded" && input.awardedCents !== null)
    await db.insert(fundingPledges).values({
      partnerId: application.partnerId,
      source: "calls",
      donor: application.funder,
      area: application.area,
      amountCents: input.awardedCents,
      pledgedOn: input.decidedOn,
      expectedOn: input.expectedOn ?? input.decidedOn,
      applicationId: application.id,
      createdBy: actor.userId,
    });
  return getCall({ ...options, id: application.callId });
}

// ---------------------------------------------------------------------------------------------------
// Pledges and receipts

/** Pledges with their receipts, and the partner's name (for the plan's equity tranches). */
async function pledgeRecords(
  db: Db,
  where?: ReturnType<typeof eq>,
): Promise<(PledgeView & { partnerName: string })[]> {
  const pledges = await db
    .select({
      id: fundingPledges.id,
      partnerCode: organisations.code,
      partnerName: organisations.name,
      source: fundingPledges.source,
      donor: fundingPledges.donor,
      area: fundingPledges.area,
      amountCents: fundingPledges.amountCents,
      pledgedOn: fundingPledges.pledgedOn,
      expectedOn: fundingPledges.expectedOn,
      notes: fundingPledges.notes,
      applicationId: fundingPledges.applicationId,
    })
    .from(fundingPledges)
    .innerJoin(organisations, eq(organisations.id, fundingPledges.partnerId))
    .where(where)
    .orderBy(asc(fundingPledges.source), asc(fundingPledges.expectedOn), asc(fundingPledges.donor));
  const receipts =
    pledges.length === 0
      ? []
      : await db
          .select({
            id: fundingReceipts.id,
            pledgeId: fundingReceipts.pledgeId,
            amountCents: fundingReceipts.amountCents,
            receivedOn: fundingReceipts.receivedOn,
            reference: fundingReceipts.reference,
            recordedById: fundingReceipts.recordedBy,
            recordedByName: users.name,
          })
          .from(fundingReceipts)
          .leftJoin(users, eq(users.id, fundingReceipts.recordedBy))
          .where(
            inArray(
              fundingReceipts.pledgeId,
              pledges.map((p) => p.id),
            ),
          )
          .orderBy(asc(fundingReceipts.receivedOn), asc(fundingReceipts.createdAt));
  return pledges.map((p) => {
    const own = receipts.filter((r) => r.pledgeId === p.id);
    const receivedCents = own.reduce((sum, r) => sum + r.amountCents, 0);
    return {
      ...p,
      source: p.source as PledgeSource,
      area: p.area as Area | null,
      receivedCents,
      outstandingCents: p.amountCents - receivedCents,
      receipts: own.map((r) => ({
        id: r.id,
        amountCents: r.amountCents,
        receivedOn: r.receivedOn,
        reference: r.reference,
        recordedBy: r.recordedById === null ? null : { id: r.recordedById, name: r.recordedByName ?? "" },
      })),
    };
  });
}

async function pledgeViews(db: Db, where?: ReturnType<typeof eq>): Promise<PledgeView[]> {
  return (await pledgeRecords(db, where)).map(({ partnerName: _, ...view }) => view);
}

export async function listPledges(options: { db: Db }): Promise<PledgeList> {
  return { items: await pledgeViews(options.db) };
}

async function getPledge(db: Db, id: string) {
  if (!isUuid(id)) throw notFound("pledge", id);
  const [view] = await pledgeViews(db, eq(fundingPledges.id, id));
  if (view === undefined) throw notFound("pledge", id);
  return view;
}

/** A pledge to the caller's organisation. Calls won become pledges when their outcome is recorded. */
export async function createPledge(options: Write<PledgeInput>) {
  const { db, actor, input } = options;
  const [row] = await db
    .insert(fundingPledges)
    .values({
      partnerId: actor.organisationId,
      source: input.source,
      donor: input.donor,
      area: input.area,
      amountCents: input.amountCents,
      pledgedOn: input.pledgedOn,
      expectedOn: input.expectedOn,
      notes: input.notes,
      createdBy: actor.userId,
    })
    .returning({ id: fundingPledges.id });
  return getPledge(db, row?.id as string);
}

/** Money received against a pledge: never more than is still outstanding, never before the pledge. */
export async function addReceipt(options: Move<ReceiptInput>) {
  const { db, actor, id, input } = options;
  if (!isUuid(id)) throw notFound("pledge", id);
  // Pledges are append-only (no UPDATE grant, so no row lock): one pledge's receipts queue on a lock of their own.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`funding_pledges:${id}`}))`);
  const [pledge] = await db
    .select({
      id: fundingPledges.id,
      amountCents: fundingPledges.amountCents,
      pledgedOn: fundingPledges.pledgedOn,
    })
    .from(fundingPledges)
    .where(eq(fundingPledges.id, id));
  if (pledge === undefined) throw notFound("pledge", id);
  if (input.receivedOn < pledge.pledgedOn)
    throw fieldError(
      "UNPROCESSABLE",
      "receivedOn",
      `receivedOn cannot come before the pledge (${pledge.pledgedOn})`,
    );
  const [received] = await db
    .select({ cents: sql<number>`coalesce(sum(${fundingReceipts.amountCents}), 0)::bigint`.mapWith(Number) })
    .from(fundingReceipts)
    .where(eq(fundingReceipts.pledgeId, pledge.id));
  const outstanding = pledge.amountCents - (received?.cents ?? 0);
  if (input.amountCents > outstanding)
    throw fieldError(
      "UNPROCESSABLE",
      "amountCents",
      `amountCents is above what is still outstanding on the pledge (${outstanding} cents)`,
    );
  await db.insert(fundingReceipts).values({
    pledgeId: pledge.id,
    amountCents: input.amountCents,
    receivedOn: input.receivedOn,
    reference: input.reference,
    recordedBy: actor.userId,
  });
  return getPledge(db, pledge.id);
}

// ---------------------------------------------------------------------------------------------------
// Lenders, loans, guarantees and payments

const selectLenders = (db: Db) =>
  db
    .select({
      id: lenders.id,
      name: lenders.name,
      kind: lenders.kind,
      contact: lenders.contact,
      organisationCode: organisations.code,
    })
    .from(lenders)
    .innerJoin(organisations, eq(organisations.id, lenders.organisationId));

const lenderView = (row: Awaited<ReturnType<ReturnType<typeof selectLenders>["execute"]>>[number]) =>
  ({ ...row, kind: row.kind as LenderView["kind"] }) satisfies LenderView;

export async function listLenders(options: { db: Db }): Promise<LenderList> {
  return { items: (await selectLenders(options.db).orderBy(asc(lenders.name))).map(lenderView) };
}

export async function createLender(options: Write<LenderInput>): Promise<LenderView> {
  const { db, actor, input } = options;
  const [taken] = await db
    .select({ id: lenders.id })
    .from(lenders)
    .where(sql`lower(${lenders.name}) = lower(${input.name})`);
  if (taken !== undefined)
    throw fieldError("CONFLICT", "name", `A lender named "${input.name}" is already registered`);
  const [row] = await db
    .insert(lenders)
    .values({ ...input, organisationId: actor.organisationId, createdBy: actor.userId })
    .returning({ id: lenders.id });
  const [view] = await selectLenders(db).where(eq(lenders.id, row?.id as string));
  return lenderView(view as NonNullable<typeof view>);
}

/** The schedule's first full instalment (after any grace), in cents. */
export function instalmentOf(loan: LoanTerms): number {
  const schedule = amortisationSchedule(loan);
  return (schedule.find((row) => !row.grace) ?? schedule[0])?.instalmentCents ?? 0;
}

const selectLoans = (db: Db) =>
  db
    .select({
      id: loanOffers.id,
      lenderId: lenders.id,
      lenderName: lenders.name,
      partnerCode: organisations.code,
      purpose: loanOffers.purpose,
      principalCents: loanOffers.principalCents,
      annualRate: loanOffers.annualRate,
      years: loanOffers.years,
      method: loanOffers.method,
      graceMonths: loanOffers.graceMonths,
      convention: loanOffers.convention,
      offeredOn: loanOffers.offeredOn,
      validUntil: loanOffers.validUntil,
      status: loanOffers.status,
      decidedOn: loanOffers.decidedOn,
      disbursedOn: loanOffers.disbursedOn,
      version: loanOffers.version,
    })
    .from(loanOffers)
    .innerJoin(lenders, eq(lenders.id, loanOffers.lenderId))
    .innerJoin(organisations, eq(organisations.id, loanOffers.partnerId));

async function loanViews(db: Db, today: string, where?: ReturnType<typeof eq>): Promise<LoanView[]> {
  const rows = await selectLoans(db).where(where).orderBy(desc(loanOffers.offeredOn), asc(lenders.name));
  const ids = rows.map((r) => r.id);
  const [guarantees, payments] =
    ids.length === 0
      ? [[], []]
      : await inOrder([
          () =>
            db
              .select()
              .from(loanGuarantees)
              .where(inArray(loanGuarantees.loanOfferId, ids))
              .orderBy(asc(loanGuarantees.expiresOn)),
          () =>
            db
              .select()
              .from(loanPayments)
              .where(inArray(loanPayments.loanOfferId, ids))
              .orderBy(asc(loanPayments.paidOn), asc(loanPayments.createdAt)),
        ]);
  return rows.map(({ lenderId, lenderName, ...row }) => {
    const method = row.method as LoanView["method"];
    const convention = row.convention as LoanView["convention"];
    const ownGuarantees: GuaranteeView[] = guarantees
      .filter((g) => g.loanOfferId === row.id)
      .map((g) => ({
        id: g.id,
        issuer: g.issuer,
        kind: g.kind as GuaranteeView["kind"],
        amountCents: g.amountCents,
        issuedOn: g.issuedOn,
        expiresOn: g.expiresOn,
        reference: g.reference,
        daysToExpiry: daysBetween(today, g.expiresOn),
        standing: guaranteeStanding(g.expiresOn, today),
        version: g.version,
      }));
    const ownPayments = payments
      .filter((p) => p.loanOfferId === row.id)
      .map((p) => ({
        id: p.id,
        paidOn: p.paidOn,
        principalCents: p.principalCents,
        interestCents: p.interestCents,
        reference: p.reference,
      }));
    const principalPaidCents = ownPayments.reduce((sum, p) => sum + p.principalCents, 0);
    const status = row.status as LoanView["status"];
    return {
      ...row,
      lender: { id: lenderId, name: lenderName },
      method,
      convention,
      status,
      lapsed: status === "offered" && row.validUntil < today,
      instalmentCents: instalmentOf({ ...row, method, convention }),
      guarantees: ownGuarantees,
      guaranteedCents: ownGuarantees
        .filter((g) => g.issuedOn <= today && g.standing !== "expired")
        .reduce((sum, g) => sum + g.amountCents, 0),
      payments: ownPayments,
      principalPaidCents,
      interestPaidCents: ownPayments.reduce((sum, p) => sum + p.interestCents, 0),
      outstandingCents: status === "accepted" ? row.principalCents - principalPaidCents : 0,
    };
  });
}

export async function listLoans(options: Context): Promise<LoanList> {
  return { items: await loanViews(options.db, options.today) };
}

async function getLoan(db: Db, id: string, today: string) {
  if (!isUuid(id)) throw notFound("loan", id);
  const [view] = await loanViews(db, today, eq(loanOffers.id, id));
  if (view === undefined) throw notFound("loan", id);
  return view;
}

/** An offer from a registered lender to the caller's organisation. */
export async function createLoanOffer(options: Write<LoanOfferInput>) {
  const { db, actor, input, today } = options;
  const [lender] = await db.select({ id: lenders.id }).from(lenders).where(eq(lenders.id, input.lenderId));
  if (lender === undefined) throw fieldError("UNPROCESSABLE", "lenderId", `No lender "${input.lenderId}"`);
  const { lenderId, ...terms } = input;
  const [row] = await db
    .insert(loanOffers)
    .values({ ...terms, lenderId: lender.id, partnerId: actor.organisationId, createdBy: actor.userId })
    .returning({ id: loanOffers.id });
  return getLoan(db, row?.id as string, today);
}

/** The loan row under a lock, for a move that checks its state and what was paid. */
async function lockedLoan(db: Db, id: string) {
  if (!isUuid(id)) throw notFound("loan", id);
  const [loan] = await db.select().from(loanOffers).where(eq(loanOffers.id, id)).for("update");
  if (loan === undefined) throw notFound("loan", id);
  return loan;
}

/** Accept an offer (by its last valid day, with the disbursement date) or decline it. */
export async function decideLoan(options: Move<LoanDecisionInput>) {
  const { db, id, input, today } = options;
  const loan = await lockedLoan(db, id);
  if (loan.version !== input.version) staleOrForbidden("loan offer", loan.version, input.version);
  if (loan.status !== "offered") throw new AppError("CONFLICT", `The offer is already ${loan.status}`);
  if (input.decidedOn < loan.offeredOn)
    throw fieldError(
      "UNPROCESSABLE",
      "decidedOn",
      `decidedOn cannot come before the offer (${loan.offeredOn})`,
    );
  if (input.decision === "accepted" && input.decidedOn > loan.validUntil)
    throw fieldError(
      "UNPROCESSABLE",
      "decidedOn",
      `The offer was valid until ${loan.validUntil}; it cannot be accepted on ${input.decidedOn}`,
    );
  await db
    .update(loanOffers)
    .set({
      status: input.decision,
      decidedOn: input.decidedOn,
      disbursedOn: input.decision === "accepted" ? input.disbursedOn : null,
      updatedAt: new Date(),
      version: sql`${loanOffers.version} + 1`,
    })
    .where(eq(loanOffers.id, loan.id));
  return getLoan(db, loan.id, today);
}

/** A guarantee behind an offer or an accepted loan (not a declined one). */
export async function addGuarantee(options: Move<GuaranteeInput>) {
  const { db, actor, id, input, today } = options;
  const loan = await lockedLoan(db, id);
  if (loan.status === "declined")
    throw new AppError("CONFLICT", "The offer was declined: it needs no guarantee");
  await db.insert(loanGuarantees).values({ ...input, loanOfferId: loan.id, createdBy: actor.userId });
  return getLoan(db, loan.id, today);
}

/** A guarantee renewed: its new expiry, later than the one it replaces. */
export async function renewGuarantee(options: Move<GuaranteeRenewal>) {
  const { db, id, input, today } = options;
  if (!isUuid(id)) throw notFound("guarantee", id);
  const [guarantee] = await db.select().from(loanGuarantees).where(eq(loanGuarantees.id, id)).for("update");
  if (guarantee === undefined) throw notFound("guarantee", id);
  if (guarantee.version !== input.version) staleOrForbidden("guarantee", guarantee.version, input.version);
  if (input.expiresOn <= guarantee.expiresOn)
    throw fieldError(
      "UNPROCESSABLE",
      "expiresOn",
      `A renewal must end after the current expiry (${guarantee.expiresOn})`,
    );
  await db
    .update(loanGuarantees)
    .set({ expiresOn: input.expiresOn, updatedAt: new Date(), version: sql`${loanGuarantees.version} + 1` })
    .where(eq(loanGuarantees.id, guarantee.id));
  return getLoan(db, guarantee.loanOfferId, today);
}

/** An instalment paid on an accepted loan, on or after its disbursement, never repaying more than is owed. */
export async function addLoanPayment(options: Move<LoanPaymentInput>) {
  const { db, actor, id, input, today } = options;
  const loan = await lockedLoan(db, id);
  if (loan.status !== "accepted" || loan.disbursedOn === null)
    throw new AppError("CONFLICT", "Payments are recorded on an accepted loan only");
  if (input.paidOn < loan.disbursedOn)
    throw fieldError(
      "UNPROCESSABLE",
      "paidOn",
      `paidOn cannot come before the disbursement (${loan.disbursedOn})`,
    );
  const [paid] = await db
    .select({ cents: sql<number>`coalesce(sum(${loanPayments.principalCents}), 0)::bigint`.mapWith(Number) })
    .from(loanPayments)
    .where(eq(loanPayments.loanOfferId, loan.id));
  const owed = loan.principalCents - (paid?.cents ?? 0);
  if (input.principalCents > owed)
    throw fieldError(
      "UNPROCESSABLE",
      "principalCents",
      `principalCents is above the principal still owed (${owed} cents)`,
    );
  await db.insert(loanPayments).values({ ...input, loanOfferId: loan.id, recordedBy: actor.userId });
  return getLoan(db, loan.id, today);
}

// ---------------------------------------------------------------------------------------------------
// Summary, warnings and the plan's sources

/** Totals by source (pledged, received, outstanding), the debt share, and the warnings of the day. */
export async function fundingSummary(options: Context & { actor: Actor }): Promise<FundingSummary> {
  const { db, today } = options;
  const [pledges, loans, calls] = await inOrder([
    () => pledgeViews(db),
    () => loanViews(db, today),
    () => listCalls(options),
  ]);
  const bySource: SourceTotals[] = PLEDGE_SOURCES.map((source) => {
    const own = pledges.filter((p) => p.source === source);
    const pledgedCents = own.reduce((sum, p) => sum + p.amountCents, 0);
    const receivedCents = own.reduce((sum, p) => sum + p.receivedCents, 0);
    return { source, pledgedCents, receivedCents, outstandingCents: pledgedCents - receivedCents };
  });
  const accepted = loans.filter((l) => l.status === "accepted");
  const loansPledged = accepted.reduce((sum, l) => sum + l.principalCents, 0);
  const loansReceived = accepted
    .filter((l) => l.disbursedOn !== null && l.disbursedOn <= today)
    .reduce((sum, l) => sum + l.principalCents, 0);
  bySource.push({
    source: "loans",
    pledgedCents: loansPledged,
    receivedCents: loansReceived,
    outstandingCents: loansPledged - loansReceived,
  });
  // The 40 % cap measures debt against total financing: grant, equity, fundraising, calls and loans.
  const financing = bySource
    .filter((s) => s.source !== "co_financing_a" && s.source !== "co_financing_b")
    .reduce((sum, s) => sum + s.pledgedCents, 0);
  const warnings: FundingWarning[] = [];
  for (const loan of loans) {
    if (loan.status === "declined") continue;
    for (const g of loan.guarantees)
      if (g.standing !== "valid")
        warnings.push({
          kind: g.standing === "expired" ? "guarantee_expired" : "guarantee_expiring",
          subjectId: g.id,
          label: `${g.issuer} — ${loan.lender.name}`,
          on: g.expiresOn,
          days: g.daysToExpiry,
        });
    if (
      loan.status === "offered" &&
      !loan.lapsed &&
      daysBetween(today, loan.validUntil) <= GUARANTEE_WARNING_DAYS
    )
      warnings.push({
        kind: "offer_lapsing",
        subjectId: loan.id,
        label: `${loan.lender.name} — ${loan.purpose}`,
        on: loan.validUntil,
        days: daysBetween(today, loan.validUntil),
      });
  }
  for (const call of calls.items)
    if (call.deadlineSoon)
      warnings.push({
        kind: "call_deadline",
        subjectId: call.id,
        label: `${call.funder} — ${call.title}`,
        on: call.deadline,
        days: call.daysToDeadline,
      });
  for (const pledge of pledges)
    if (pledge.outstandingCents > 0 && pledge.expectedOn < today)
      warnings.push({
        kind: "pledge_overdue",
        subjectId: pledge.id,
        label: pledge.donor,
        on: pledge.expectedOn,
        days: daysBetween(today, pledge.expectedOn),
      });
  warnings.sort((a, b) => a.days - b.days);
  return {
    asOf: today,
    bySource,
    totalFinancingCents: financing,
    debtShare: financing === 0 ? null : loansPledged / financing,
    warnings,
  };
}

/** The plan's sources from the register, for a scenario starting in `startMonth`. */
export async function planSources(
  options: Context & { startMonth: string; conventionYears: number },
): Promise<PlanSourcesView> {
  const { db, today } = options;
  const [pledges, loans] = await inOrder([
    () => pledgeRecords(db),
    () => loanViews(db, today, eq(loanOffers.status, "accepted")),
  ]);
  return planSourcesOf({
    pledges,
    loans: loans.map((l) => ({
      ...l,
      lenderName: l.lender.name,
      disbursedOn: l.disbursedOn as string,
    })),
    startMonth: options.startMonth,
    conventionYears: options.conventionYears,
    today,
  });
}
