// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  BankImportResult,
  BankLine,
  BankLineAssign,
  BankLineDismiss,
  BankLineList,
  BankLineQuery,
  ChargeRunInput,
  ChargeRunList,
  ChargeRunResult,
  PagoPaQuery,
  Payment,
  PaymentInput,
  WriteOffInput,
} from "../../domain/ledger/ledger-api.schema.ts";
import { Period } from "../../domain/ledger/period.ts";
import { TenancyLedger } from "../../domain/tenancies/tenancy-api.schema.ts";
import { fieldError } from "../errors.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { listChargeRuns, listClosedPeriods } from "./ledger.repository.ts";
import {
  assignBankLine,
  closePeriod,
  dismissBankLine,
  getTenancyLedger,
  importStatement,
  listBankLines,
  type PagoPaSettings,
  pagoPaExport,
  registerPayment,
  runCharges,
  writeOff,
} from "./ledger.service.ts";

/** The creditor when none is configured: the Comune with the sample IBAN (the demo's). */
export const DEFAULT_PAGOPA: PagoPaSettings = {
  fiscalCode: "01199250158",
  name: "Comune di Milano",
  segregationCode: "01",
  iban: "IT60X0542811101000000123456",
};

const TenancyIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ description: "Tenancy id (uuid) or reference", example: "LOC-2026-00001" }),
});
const LineIdParam = z.object({
  id: z.uuid({ error: "id must be a uuid" }).openapi({ description: "Statement line id" }),
});
const PeriodParam = z.object({ period: Period.openapi({ example: "2026-11" }) });
const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(8, { error: "Idempotency-Key needs at least 8 characters" })
    .max(200)
    .optional()
    .openapi({
      description: "A key unique to this payment: a retry with the same key and body gives the same answer",
    }),
});
const StatementUpload = z
  .object({
    file: z
      .any()
      .openapi({ type: "string", format: "binary", description: "CSV or camt.053 XML; at most 50 MiB" }),
  })
  .openapi("StatementUpload");

const tag = ["ledger"];
const routes = {
  runs: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/ledger/charge-runs",
      tags: tag,
      summary: "The latest charge runs in scope and the closed months",
      responses: { 200: json(ChargeRunList.openapi("ChargeRunList"), "Runs and closed months") },
    }),
  ),
  run: createRoute(
    securedRoute("ledger:write", {
      method: "post",
      path: "/ledger/charge-runs",
      tags: tag,
      summary:
        "Charge a month's rent and service charges to every tenancy in scope, prorated for partial months; running it again changes nothing",
      request: { body: body(ChargeRunInput) },
      responses: { 201: json(ChargeRunResult.openapi("ChargeRunResult"), "What the run added") },
    }),
  ),
  close: createRoute(
    securedRoute("ledger:close", {
      method: "post",
      path: "/ledger/periods/{period}/close",
      tags: tag,
      summary: "Close a month: no charge, payment or write-off is booked in it afterwards",
      request: { params: PeriodParam },
      responses: { 200: json(z.object({ period: z.string(), closedAt: z.string() }), "The closed month") },
    }),
  ),
  ledger: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/tenancies/{id}/ledger",
      tags: tag,
      summary:
        "A tenancy's rent account: entries with running balance, open charges, ageing and early warnings",
      request: { params: TenancyIdParam },
      responses: { 200: json(TenancyLedger.openapi("TenancyLedger"), "The account") },
    }),
  ),
  payment: createRoute(
    securedRoute("ledger:write", {
      method: "post",
      path: "/payments",
      tags: tag,
      summary:
        "Register a payment by hand. Send an Idempotency-Key: the same key and body give the same payment (200), the same key with another body is refused (422)",
      request: { headers: IdempotencyHeader, body: body(PaymentInput) },
      responses: {
        201: json(Payment.openapi("Payment"), "The payment"),
        200: json(Payment, "The payment registered before with this key and body"),
      },
    }),
  ),
  writeOff: createRoute(
    securedRoute("ledger:write", {
      method: "post",
      path: "/tenancies/{id}/write-offs",
      tags: tag,
      summary: "Write off part of a tenancy's balance, with a reason",
      request: { params: TenancyIdParam, body: body(WriteOffInput) },
      responses: { 201: json(TenancyLedger, "The account after the write-off") },
    }),
  ),
  import: createRoute(
    securedRoute("ledger:write", {
      method: "post",
      path: "/ledger/bank-imports",
      tags: tag,
      summary:
        "Import a bank statement (CSV as Italian banks write it, or ISO 20022 camt.053) and reconcile it by reference, amount and payer; all or nothing",
      request: { body: { content: { "multipart/form-data": { schema: StatementUpload } }, required: true } },
      responses: { 201: json(BankImportResult.openapi("BankImportResult"), "What was imported and matched") },
    }),
  ),
  lines: createRoute(
    securedRoute("ledger:write", {
      method: "get",
      path: "/ledger/bank-lines",
      tags: tag,
      summary: "Statement lines by status: by default the queue of unmatched lines",
      request: { query: BankLineQuery },
      responses: { 200: json(BankLineList.openapi("BankLineList"), "The lines") },
    }),
  ),
  assign: createRoute(
    securedRoute("ledger:write", {
      method: "post",
      path: "/ledger/bank-lines/{id}/assign",
      tags: tag,
      summary: "Assign a queued line to a tenancy: it is booked as its payment",
      request: { params: LineIdParam, body: body(BankLineAssign) },
      responses: { 200: json(BankLine.openapi("BankLine"), "The assigned line") },
    }),
  ),
  dismiss: createRoute(
    securedRoute("ledger:write", {
      method: "post",
      path: "/ledger/bank-lines/{id}/dismiss",
      tags: tag,
      summary: "Take a queued line out of the queue as no rent payment, with a reason",
      request: { params: LineIdParam, body: body(BankLineDismiss) },
      responses: { 200: json(BankLine, "The dismissed line") },
    }),
  ),
  pagopa: createRoute(
    securedRoute("ledger:write", {
      method: "get",
      path: "/ledger/pagopa",
      tags: tag,
      summary:
        "The month's charges as pagoPA debt positions, one per charge, for the Comune's intermediary (format: docs/pagopa-export.md)",
      request: { query: PagoPaQuery },
      responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } } },
    }),
  ),
};

const STATEMENT_MAX_BYTES = 50 * 1024 * 1024;
const tenancySubject = (c: Context<AppEnv>, id: string) => c.set("auditSubject", { entity: "tenancy", id });

export function ledgerRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const pagopa = deps.pagopa ?? DEFAULT_PAGOPA;
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.runs, async (c) => {
      const answer = await inActorScope(deps, c, async (db) => ({
        items: (await listChargeRuns(db)).map((r) => ({ ...r, runAt: r.runAt.toISOString() })),
        closedPeriods: (await listClosedPeriods(db)).map((p) => ({
          period: p.period,
          closedAt: p.closedAt?.toISOString() ?? "",
        })),
      }));
      return c.json(answer, 200);
    })
    .openapi(routes.run, async (c) => {
      const { period } = c.req.valid("json");
      const result = await inActorScope(deps, c, (db, actor) =>
        runCharges({ db, actor, period, now: deps.now(), pagopa }),
      );
      c.set("auditSubject", { entity: "charge_run", id: result.id });
      return c.json(result, 201);
    })
    .openapi(routes.close, async (c) => {
      const { period } = c.req.valid("param");
      return c.json(
        await inActorScope(deps, c, (db, actor) => closePeriod({ db, actor, period, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.ledger, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(
        await inActorScope(deps, c, (db) => getTenancyLedger({ db, idOrReference: id, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.payment, async (c) => {
      const input = c.req.valid("json");
      const idempotencyKey = c.req.valid("header")["idempotency-key"] ?? null;
      const { payment, replayed } = await inActorScope(deps, c, (db, actor) =>
        registerPayment({ db, actor, input, idempotencyKey, now: deps.now() }),
      );
      tenancySubject(c, payment.tenancyId);
      return c.json(payment, replayed ? 200 : 201);
    })
    .openapi(routes.writeOff, async (c) => {
      const { id } = c.req.valid("param");
      tenancySubject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          writeOff({ db, actor, idOrReference: id, input, now: deps.now() }),
        ),
        201,
      );
    })
    .openapi(routes.import, async (c) => {
      const { file } = c.req.valid("form");
      if (!(file instanceof File))
        throw fieldError("INVALID", "file", "Attach the statement in the field `file`");
      if (file.size > STATEMENT_MAX_BYTES)
        throw fieldError("PAYLOAD_TOO_LARGE", "file", "A statement may be at most 50 MiB");
      const upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      const result = await inActorScope(deps, c, (db, actor) =>
        importStatement({ db, actor, file: upload, now: deps.now() }),
      );
      c.set("auditSubject", { entity: "bank_import", id: result.id });
      return c.json(result, 201);
    })
    .openapi(routes.lines, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listBankLines({ db, query: c.req.valid("query") })), 200),
    )
    .openapi(routes.assign, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => assignBankLine({ db, actor, id, input, now: deps.now() })),
        200,
      );
    })
    .openapi(routes.dismiss, async (c) => {
      const { id } = c.req.valid("param");
      const { reason } = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          dismissBankLine({ db, actor, id, reason, now: deps.now() }),
        ),
        200,
      );
    })
    .openapi(routes.pagopa, async (c) => {
      const { period } = c.req.valid("query");
      const csv = await inActorScope(deps, c, (db) => pagoPaExport({ db, period, pagopa }));
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="posizioni-debitorie-${period}.csv"`,
      });
    });
}
