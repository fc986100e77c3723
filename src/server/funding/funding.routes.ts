// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  ApplicationInput,
  FundingCallInput,
  FundingCallUpdate,
  GuaranteeInput,
  GuaranteeRenewal,
  LenderInput,
  LoanDecisionInput,
  LoanOfferInput,
  LoanPaymentInput,
  OutcomeInput,
  PledgeInput,
  ReceiptInput,
} from "../../domain/funding/funding.ts";
import {
  FundingCallList,
  FundingCallView,
  FundingSummary,
  LenderList,
  LenderView,
  LoanList,
  LoanView,
  PlanSourcesView,
  PledgeList,
  PledgeView,
} from "../../domain/funding/funding-api.schema.ts";
import { Period } from "../../domain/ledger/period.ts";
import type { Actor } from "../auth/auth.service.ts";
import type { Db } from "../db/client.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  addGuarantee,
  addLoanPayment,
  addReceipt,
  applyToCall,
  createCall,
  createLender,
  createLoanOffer,
  createPledge,
  decideApplication,
  decideLoan,
  fundingSummary,
  listCalls,
  listLenders,
  listLoans,
  listPledges,
  planSources,
  renewGuarantee,
  updateCall,
} from "./funding.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const SourcesQuery = z.object({
  startMonth: Period.openapi({ description: "The scenario's first month, YYYY-MM", example: "2026-01" }),
  conventionYears: z.coerce
    .number({ error: "conventionYears must be a whole number" })
    .int({ error: "conventionYears must be a whole number" })
    .min(1, { error: "conventionYears: at least 1" })
    .max(50, { error: "conventionYears: at most 50" })
    .default(25),
});
const tags = ["funding"];
const CallDoc = FundingCallView.openapi("FundingCall");
const PledgeDoc = PledgeView.openapi("Pledge");
const LoanDoc = LoanView.openapi("Loan");

type Method = "get" | "post" | "put";
/** A route of the funding register: reads need funding:read, every change funding:write. */
function route<P extends string>(method: Method, path: P, summary: string) {
  return { method, path, tags, summary } as const;
}
const read = <T extends Parameters<typeof securedRoute>[1]>(config: T) =>
  createRoute(securedRoute("funding:read", config));
const write = <T extends Parameters<typeof securedRoute>[1]>(config: T) =>
  createRoute(securedRoute("funding:write", config));

const routes = {
  summary: read({
    ...route(
      "get",
      "/funding/summary",
      "Pledged, received and outstanding by source, the debt share, and the warnings of the day",
    ),
    responses: { 200: json(FundingSummary.openapi("FundingSummary"), "The summary") },
  }),
  calls: read({
    ...route(
      "get",
      "/funding/calls",
      "The calls for funding, open ones first, with the applications the caller may see",
    ),
    responses: { 200: json(FundingCallList.openapi("FundingCallList"), "The calls") },
  }),
  createCall: write({
    ...route("post", "/funding/calls", "Record a call for funding found while scouting"),
    request: { body: body(FundingCallInput.openapi("FundingCallInput")) },
    responses: { 201: json(CallDoc, "The call") },
  }),
  updateCall: write({
    ...route(
      "put",
      "/funding/calls/{id}",
      "Change a call (the organisation that recorded it, or the Comune); send the version you read",
    ),
    request: { params: IdParam, body: body(FundingCallUpdate.openapi("FundingCallUpdate")) },
    responses: { 200: json(CallDoc, "The call") },
  }),
  apply: write({
    ...route(
      "post",
      "/funding/calls/{id}/applications",
      "The caller's organisation applies to a call, once, by its deadline",
    ),
    request: { params: IdParam, body: body(ApplicationInput.openapi("ApplicationInput")) },
    responses: { 201: json(CallDoc, "The call with the application") },
  }),
  outcome: write({
    ...route(
      "post",
      "/funding/applications/{id}/outcome",
      "Record an application's outcome; an award becomes a pledge of the source calls",
    ),
    request: { params: IdParam, body: body(OutcomeInput.openapi("OutcomeInput")) },
    responses: { 200: json(CallDoc, "The call with the outcome") },
  }),
  pledges: read({
    ...route("get", "/funding/pledges", "Pledges by source with what was received and what is outstanding"),
    responses: { 200: json(PledgeList.openapi("PledgeList"), "The pledges") },
  }),
  createPledge: write({
    ...route("post", "/funding/pledges", "Record a pledge to the caller's organisation"),
    request: { body: body(PledgeInput.openapi("PledgeInput")) },
    responses: { 201: json(PledgeDoc, "The pledge") },
  }),
  receipt: write({
    ...route(
      "post",
      "/funding/pledges/{id}/receipts",
      "Record money received against a pledge, at most what is outstanding",
    ),
    request: { params: IdParam, body: body(ReceiptInput.openapi("ReceiptInput")) },
    responses: { 201: json(PledgeDoc, "The pledge with the receipt") },
  }),
  lenders: read({
    ...route("get", "/funding/lenders", "The lenders' register"),
    responses: { 200: json(LenderList.openapi("LenderList"), "The lenders") },
  }),
  createLender: write({
    ...route("post", "/funding/lenders", "Register a lender"),
    request: { body: body(LenderInput.openapi("LenderInput")) },
    responses: { 201: json(LenderView.openapi("Lender"), "The lender") },
  }),
  loans: read({
    ...route(
      "get",
      "/funding/loans",
      "Loan offers and loans with their guarantees, payments and principal outstanding",
    ),
    responses: { 200: json(LoanList.openapi("LoanList"), "The loans") },
  }),
  createLoan: write({
    ...route("post", "/funding/loans", "Record a loan offer from a lender to the caller's organisation"),
    request: { body: body(LoanOfferInput.openapi("LoanOfferInput")) },
    responses: { 201: json(LoanDoc, "The offer") },
  }),
  decision: write({
    ...route(
      "post",
      "/funding/loans/{id}/decision",
      "Accept an offer by its last valid day, with the disbursement date, or decline it",
    ),
    request: { params: IdParam, body: body(LoanDecisionInput.openapi("LoanDecisionInput")) },
    responses: { 200: json(LoanDoc, "The loan") },
  }),
  guarantee: write({
    ...route(
      "post",
      "/funding/loans/{id}/guarantees",
      "Record a guarantee (fideiussione) behind an offer or a loan",
    ),
    request: { params: IdParam, body: body(GuaranteeInput.openapi("GuaranteeInput")) },
    responses: { 201: json(LoanDoc, "The loan with the guarantee") },
  }),
  renewal: write({
    ...route("post", "/funding/guarantees/{id}/renewal", "Renew a guarantee: a later expiry"),
    request: { params: IdParam, body: body(GuaranteeRenewal.openapi("GuaranteeRenewal")) },
    responses: { 200: json(LoanDoc, "The loan with the renewed guarantee") },
  }),
  payment: write({
    ...route("post", "/funding/loans/{id}/payments", "Record an instalment paid on an accepted loan"),
    request: { params: IdParam, body: body(LoanPaymentInput.openapi("LoanPaymentInput")) },
    responses: { 201: json(LoanDoc, "The loan with the payment") },
  }),
  planSources: read({
    ...route(
      "get",
      "/funding/plan-sources",
      "The plan's sources from the register, shaped as a scenario's funding, loans and co-financing",
    ),
    request: { query: SourcesQuery },
    responses: { 200: json(PlanSourcesView.openapi("PlanSources"), "The sources") },
  }),
};

type Use<I, R> = (options: { db: Db; actor: Actor; today: string; id: string; input: I }) => Promise<R>;

/** Fundraising and calls, lenders, loans and guarantees (A.2). */
export function fundingRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  /** A change, audited against the record it answers with (`entity`, the answer's id). */
  const change = async <I, R extends { id: string }>(
    c: Context<AppEnv>,
    entity: string,
    id: string,
    input: I,
    apply: Use<I, R>,
  ) => {
    const saved = await inActorScope(deps, c, (db, actor) => apply({ db, actor, today: today(), id, input }));
    c.set("auditSubject", { entity, id: saved.id });
    return saved;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.summary, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => fundingSummary({ db, actor, today: today() })), 200),
    )
    .openapi(routes.calls, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => listCalls({ db, actor, today: today() })), 200),
    )
    .openapi(routes.createCall, async (c) =>
      c.json(await change(c, "funding_call", "", c.req.valid("json"), createCall), 201),
    )
    .openapi(routes.updateCall, async (c) =>
      c.json(await change(c, "funding_call", c.req.valid("param").id, c.req.valid("json"), updateCall), 200),
    )
    .openapi(routes.apply, async (c) =>
      c.json(await change(c, "funding_call", c.req.valid("param").id, c.req.valid("json"), applyToCall), 201),
    )
    .openapi(routes.outcome, async (c) =>
      c.json(
        await change(c, "funding_call", c.req.valid("param").id, c.req.valid("json"), decideApplication),
        200,
      ),
    )
    .openapi(routes.pledges, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listPledges({ db })), 200),
    )
    .openapi(routes.createPledge, async (c) =>
      c.json(await change(c, "funding_pledge", "", c.req.valid("json"), createPledge), 201),
    )
    .openapi(routes.receipt, async (c) =>
      c.json(
        await change(c, "funding_pledge", c.req.valid("param").id, c.req.valid("json"), addReceipt),
        201,
      ),
    )
    .openapi(routes.lenders, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listLenders({ db })), 200),
    )
    .openapi(routes.createLender, async (c) =>
      c.json(await change(c, "lender", "", c.req.valid("json"), createLender), 201),
    )
    .openapi(routes.loans, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listLoans({ db, today: today() })), 200),
    )
    .openapi(routes.createLoan, async (c) =>
      c.json(await change(c, "loan", "", c.req.valid("json"), createLoanOffer), 201),
    )
    .openapi(routes.decision, async (c) =>
      c.json(await change(c, "loan", c.req.valid("param").id, c.req.valid("json"), decideLoan), 200),
    )
    .openapi(routes.guarantee, async (c) =>
      c.json(await change(c, "loan", c.req.valid("param").id, c.req.valid("json"), addGuarantee), 201),
    )
    .openapi(routes.renewal, async (c) =>
      c.json(await change(c, "loan", c.req.valid("param").id, c.req.valid("json"), renewGuarantee), 200),
    )
    .openapi(routes.payment, async (c) =>
      c.json(await change(c, "loan", c.req.valid("param").id, c.req.valid("json"), addLoanPayment), 201),
    )
    .openapi(routes.planSources, async (c) => {
      const query = c.req.valid("query");
      return c.json(await inActorScope(deps, c, (db) => planSources({ db, today: today(), ...query })), 200);
    });
}
