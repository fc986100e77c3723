// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Permission } from "../../domain/auth/roles.ts";
import {
  BudgetInput,
  ClaimInput,
  ClaimQuery,
  ClaimUpdate,
  CostLineInput,
  CostLineUpdate,
  EXPENSE_DOCUMENT_CONTENT_TYPES,
  ExpenseDocumentFields,
  PaymentInput,
  ReviewInput,
  VersionInput,
} from "../../domain/expenses/expenses.ts";
import {
  BudgetOverview,
  BudgetPositionView,
  ClaimDetailView,
  ClaimList,
} from "../../domain/expenses/expenses-api.schema.ts";
import { fieldError } from "../errors.ts";
import { attachment } from "../households/documents.routes.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { XLSX_TYPE } from "../shared/spreadsheet.ts";
import { download } from "../tenancies/tenancies.routes.ts";
import { budgetOverview, setBudget } from "./expense-budgets.service.ts";
import { addDocument, getDocumentFile, removeDocument } from "./expense-documents.service.ts";
import {
  addLine,
  createClaim,
  getClaim,
  listClaims,
  recordPayment,
  removeLine,
  requestReimbursement,
  reviewClaim,
  submitClaim,
  updateClaim,
  updateLine,
} from "./expenses.service.ts";
import { claimWorkbook, registerWorkbook } from "./expenses-export.ts";

const tags = ["expenses"];
const idParam = (description: string) => z.string().min(1).max(100).openapi({ description });
const ClaimParam = z.object({ id: idParam("Claim id (uuid)") });
const LineParams = ClaimParam.extend({ lineId: idParam("Cost line id (uuid)") });
const DocumentParams = ClaimParam.extend({ documentId: idParam("Document id (uuid)") });
const ClaimDoc = ClaimDetailView.openapi("ExpenseClaim");
const claimAnswer = (description: string) => json(ClaimDoc, description);

/** The multipart upload of a document: its fields and its file. */
const DocumentUploadForm = ExpenseDocumentFields.extend({
  file: z.any().openapi({
    type: "string",
    format: "binary",
    description: `${EXPENSE_DOCUMENT_CONTENT_TYPES.join(", ")}; at most 10 MiB`,
  }),
}).openapi("ExpenseDocumentUpload");

const xlsxAnswer = {
  200: {
    description: "The workbook",
    content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
  },
};

type Method = "get" | "post" | "put" | "delete";
const route = <P extends string>(method: Method, path: P, summary: string) =>
  ({ method, path, tags, summary }) as const;
const secured = <T extends Parameters<typeof securedRoute>[1]>(
  permission: Permission,
  config: T,
  options?: { auditReads?: boolean },
) => createRoute(securedRoute(permission, config, options));

const routes = {
  budgets: secured("expenses:read", {
    ...route(
      "get",
      "/expenses/budgets",
      "Totals against budget per partner, line and source (budget, claimed, pending, approved, paid, remaining)",
    ),
    responses: { 200: json(BudgetOverview.openapi("ExpenseBudgetOverview"), "The totals") },
  }),
  setBudget: secured("expenses:review", {
    ...route(
      "put",
      "/expenses/budgets",
      "Set a partner's budget for a line and source (version null for a new one); never below what is claimed",
    ),
    request: { body: body(BudgetInput.openapi("ExpenseBudgetInput")) },
    responses: { 200: json(BudgetPositionView.openapi("ExpenseBudgetPosition"), "The budget's totals") },
  }),
  list: secured("expenses:read", {
    ...route("get", "/expenses/claims", "The claims the caller sees (a partner: its own), the latest first"),
    request: { query: ClaimQuery },
    responses: { 200: json(ClaimList.openapi("ExpenseClaimList"), "The claims") },
  }),
  create: secured("expenses:write", {
    ...route(
      "post",
      "/expenses/claims",
      "Open a draft claim for a line and source (programme roles: for partnerId)",
    ),
    request: { body: body(ClaimInput.openapi("ExpenseClaimInput")) },
    responses: { 201: claimAnswer("The draft") },
  }),
  get: secured("expenses:read", {
    ...route(
      "get",
      "/expenses/claims/{id}",
      "A claim with its lines, documents, budget and what stops its submission",
    ),
    request: { params: ClaimParam },
    responses: { 200: claimAnswer("The claim") },
  }),
  update: secured("expenses:write", {
    ...route(
      "put",
      "/expenses/claims/{id}",
      "Change a draft's line, source, period or title; send the version read",
    ),
    request: { params: ClaimParam, body: body(ClaimUpdate.openapi("ExpenseClaimUpdate")) },
    responses: { 200: claimAnswer("The draft") },
  }),
  addLine: secured("expenses:write", {
    ...route("post", "/expenses/claims/{id}/lines", "Add a cost line to a draft, dated within the project"),
    request: { params: ClaimParam, body: body(CostLineInput.openapi("ExpenseLineInput")) },
    responses: { 201: claimAnswer("The draft with the line") },
  }),
  updateLine: secured("expenses:write", {
    ...route(
      "put",
      "/expenses/claims/{id}/lines/{lineId}",
      "Change a draft's cost line; version is the claim's",
    ),
    request: { params: LineParams, body: body(CostLineUpdate.openapi("ExpenseLineUpdate")) },
    responses: { 200: claimAnswer("The draft") },
  }),
  removeLine: secured("expenses:write", {
    ...route(
      "delete",
      "/expenses/claims/{id}/lines/{lineId}",
      "Remove a draft's cost line and its documents",
    ),
    request: { params: LineParams },
    responses: { 200: claimAnswer("The draft") },
  }),
  addDocument: secured("expenses:write", {
    ...route(
      "post",
      "/expenses/claims/{id}/lines/{lineId}/documents",
      "Attach a document to a draft's cost line (multipart: kind, issuer, number, issuedOn, file). " +
        "A document already on a claim (same file, or same kind, issuer and number) is 409 naming the field",
    ),
    request: {
      params: LineParams,
      body: { content: { "multipart/form-data": { schema: DocumentUploadForm } }, required: true },
    },
    responses: { 201: claimAnswer("The draft with the document") },
  }),
  removeDocument: secured("expenses:write", {
    ...route("delete", "/expenses/claims/{id}/documents/{documentId}", "Remove a document from a draft"),
    request: { params: DocumentParams },
    responses: { 200: claimAnswer("The draft") },
  }),
  file: secured(
    "expenses:read",
    {
      ...route(
        "get",
        "/expenses/claims/{id}/documents/{documentId}/file",
        "Download a document's file (audited)",
      ),
      request: { params: DocumentParams },
      responses: {
        200: {
          description: "The file, as an attachment",
          content: Object.fromEntries(
            EXPENSE_DOCUMENT_CONTENT_TYPES.map((type) => [
              type,
              { schema: z.string().openapi({ type: "string", format: "binary" }) },
            ]),
          ),
        },
      },
    },
    { auditReads: true },
  ),
  submit: secured("expenses:write", {
    ...route(
      "post",
      "/expenses/claims/{id}/submit",
      "Submit a draft; refused (422, each problem on its path) for no line, a date outside the project, " +
        "missing documents, no budget or a budget exceeded",
    ),
    request: { params: ClaimParam, body: body(VersionInput.openapi("ExpenseVersionInput")) },
    responses: { 200: claimAnswer("The submitted claim") },
  }),
  review: secured("expenses:review", {
    ...route(
      "post",
      "/expenses/claims/{id}/review",
      "Review a submitted claim line by line: approved, partly approved or rejected (rejection releases its documents)",
    ),
    request: { params: ClaimParam, body: body(ReviewInput.openapi("ExpenseReviewInput")) },
    responses: { 200: claimAnswer("The decided claim") },
  }),
  reimbursement: secured("expenses:write", {
    ...route("post", "/expenses/claims/{id}/reimbursement", "Request the reimbursement of an approved claim"),
    request: { params: ClaimParam, body: body(VersionInput) },
    responses: { 200: claimAnswer("The claim") },
  }),
  payment: secured("expenses:review", {
    ...route("post", "/expenses/claims/{id}/payment", "Record the payment, at most the approved total"),
    request: { params: ClaimParam, body: body(PaymentInput.openapi("ExpensePaymentInput")) },
    responses: { 200: claimAnswer("The paid claim") },
  }),
  claimXlsx: secured("expenses:read", {
    ...route("get", "/expenses/claims/{id}/export.xlsx", "The claim as an XLSX workbook, Italian headings"),
    request: { params: ClaimParam },
    responses: xlsxAnswer,
  }),
  registerXlsx: secured("expenses:read", {
    ...route(
      "get",
      "/expenses/register.xlsx",
      "Every claim the caller sees and the totals against budget, as XLSX",
    ),
    responses: xlsxAnswer,
  }),
};

const audited = <T extends { id: string }>(c: Context<AppEnv>, claim: T) => {
  c.set("auditSubject", { entity: "expense_claim", id: claim.id });
  return claim;
};

const xlsx = (c: Context<AppEnv>, bytes: Uint8Array, name: string) =>
  c.body(bytes as unknown as ArrayBuffer, 200, {
    "content-type": XLSX_TYPE,
    "content-disposition": attachment(name),
    "cache-control": "no-store",
  });

/** Expense claims (rendicontazione): budgets, claims, cost lines, documents, review and export. */
export function expenseRoutes(deps: AppDeps) {
  const now = () => deps.now();
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.budgets, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => budgetOverview({ db, actor })), 200),
    )
    .openapi(routes.setBudget, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) => setBudget({ db, actor, input }));
      c.set("auditSubject", { entity: "expense_budget", id: saved.budgetId ?? "" });
      return c.json(saved, 200);
    })
    .openapi(routes.list, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listClaims({ db, query: c.req.valid("query") })), 200),
    )
    .openapi(routes.create, async (c) => {
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) => createClaim({ db, actor, input, now: now() }));
      return c.json(audited(c, claim), 201);
    })
    .openapi(routes.get, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) => getClaim({ db, actor, id: c.req.valid("param").id })),
        200,
      ),
    )
    .openapi(routes.update, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) =>
        updateClaim({ db, actor, id, input, now: now() }),
      );
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.addLine, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) => addLine({ db, actor, id, input, now: now() }));
      return c.json(audited(c, claim), 201);
    })
    .openapi(routes.updateLine, async (c) => {
      const { id, lineId } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) =>
        updateLine({ db, actor, id, lineId, input, now: now() }),
      );
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.removeLine, async (c) => {
      const { id, lineId } = c.req.valid("param");
      const claim = await inActorScope(deps, c, (db, actor) => removeLine({ db, actor, id, lineId }));
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.addDocument, async (c) => {
      const { id, lineId } = c.req.valid("param");
      const { file, ...fields } = c.req.valid("form");
      if (!(file instanceof File)) throw fieldError("INVALID", "file", "Attach one file in the field `file`");
      const upload = {
        name: file.name,
        contentType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      };
      const claim = await inActorScope(deps, c, (db, actor) =>
        addDocument({ db, actor, id, lineId, fields, file: upload, now: now() }),
      );
      return c.json(audited(c, claim), 201);
    })
    .openapi(routes.removeDocument, async (c) => {
      const { id, documentId } = c.req.valid("param");
      const claim = await inActorScope(deps, c, (db) => removeDocument({ db, id, documentId }));
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.file, async (c) => {
      const { id, documentId } = c.req.valid("param");
      const file = await inActorScope(deps, c, (db) => getDocumentFile({ db, id, documentId }));
      c.set("auditSubject", { entity: "expense_claim", id: file.claimId });
      return download(c, file);
    })
    .openapi(routes.submit, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) =>
        submitClaim({ db, actor, id, input, now: now() }),
      );
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.review, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) =>
        reviewClaim({ db, actor, id, input, now: now() }),
      );
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.reimbursement, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) =>
        requestReimbursement({ db, actor, id, input, now: now() }),
      );
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.payment, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const claim = await inActorScope(deps, c, (db, actor) =>
        recordPayment({ db, actor, id, input, now: now() }),
      );
      return c.json(audited(c, claim), 200);
    })
    .openapi(routes.claimXlsx, async (c) => {
      const { id } = c.req.valid("param");
      const { claim, bytes } = await inActorScope(deps, c, (db) => claimWorkbook(db, id));
      return xlsx(c, bytes, `rendiconto-${claim.reference}.xlsx`);
    })
    .openapi(routes.registerXlsx, async (c) => {
      const bytes = await inActorScope(deps, c, (db) => registerWorkbook(db));
      return xlsx(c, bytes, "registro-rendiconti.xlsx");
    });
}
