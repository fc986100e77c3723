// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { TenancyTerms } from "../../domain/tenancies/tenancy.schema.ts";
import {
  RecertificationInput,
  Tenancy,
  TenancyActivate,
  TenancyCreate,
  TenancyEnd,
  TenancyList,
  TenancyListQuery,
} from "../../domain/tenancies/tenancy-api.schema.ts";
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
import {
  activateTenancy,
  addTenancyDocument,
  createTenancy,
  endTenancy,
  getTenancy,
  getTenancyDocumentFile,
  listTenancies,
  recertifyTenancy,
  TENANCY_DOCUMENT_KINDS,
  updateTerms,
} from "./tenancies.service.ts";

const TenancyDoc = Tenancy.openapi("Tenancy");
const TenancyIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ description: "Tenancy id (uuid) or reference", example: "LOC-2026-00001" }),
});
const DocumentParams = TenancyIdParam.extend({
  documentId: z.string().min(1).max(100).openapi({ description: "Document id (uuid)" }),
});
const DocumentUpload = z
  .object({
    kind: z.enum(TENANCY_DOCUMENT_KINDS, {
      error: `kind must be one of ${TENANCY_DOCUMENT_KINDS.join(", ")}`,
    }),
    title: z.string({ error: "title is required" }).trim().min(2, { error: "title is required" }).max(200),
    sharedWithTenant: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    file: z
      .any()
      .openapi({ type: "string", format: "binary", description: "PDF, PNG or JPEG; at most 10 MiB" }),
  })
  .openapi("TenancyDocumentUpload");

const tag = ["tenancies"];
const routes = {
  list: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/tenancies",
      tags: tag,
      summary: "Tenancies in scope (a partner: those of its households), newest first",
      request: { query: TenancyListQuery },
      responses: { 200: json(TenancyList.openapi("TenancyList"), "The tenancies") },
    }),
  ),
  create: createRoute(
    securedRoute("tenancies:write", {
      method: "post",
      path: "/tenancies",
      tags: tag,
      summary:
        "Open a tenancy draft for a unit that is let or let-pending and a household (one open tenancy per unit)",
      request: { body: body(TenancyCreate) },
      responses: { 201: json(TenancyDoc, "The draft") },
    }),
  ),
  get: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/tenancies/{id}",
      tags: tag,
      summary: "A tenancy: terms, rent basis and cap, signatories, documents, recertifications",
      request: { params: TenancyIdParam },
      responses: { 200: json(TenancyDoc, "The tenancy") },
    }),
  ),
  terms: createRoute(
    securedRoute("tenancies:write", {
      method: "put",
      path: "/tenancies/{id}/terms",
      tags: tag,
      summary:
        "Set a draft's terms: contract type, dates, renewal and notice, deposit, rent (never above the cap; for fragilità a co-payment from income), service charges, signatories",
      request: { params: TenancyIdParam, body: body(TenancyTerms.openapi("TenancyTerms")) },
      responses: { 200: json(TenancyDoc, "The draft with its terms") },
    }),
  ),
  activate: createRoute(
    securedRoute("tenancies:write", {
      method: "post",
      path: "/tenancies/{id}/activate",
      tags: tag,
      summary: "Put a signed draft in force: the unit becomes let, an offered household housed",
      request: { params: TenancyIdParam, body: body(TenancyActivate) },
      responses: { 200: json(TenancyDoc, "The tenancy in force") },
    }),
  ),
  end: createRoute(
    securedRoute("tenancies:write", {
      method: "post",
      path: "/tenancies/{id}/end",
      tags: tag,
      summary: "End a tenancy in force on a day, with a reason; the unit starts being vacated",
      request: { params: TenancyIdParam, body: body(TenancyEnd) },
      responses: { 200: json(TenancyDoc, "The ended tenancy") },
    }),
  ),
  recertify: createRoute(
    securedRoute("tenancies:write", {
      method: "post",
      path: "/tenancies/{id}/recertifications",
      tags: tag,
      summary:
        "Record the annual income recertification: the new rent is computed and applied, and the letter to the household generated (PDF, among the documents)",
      request: { params: TenancyIdParam, body: body(RecertificationInput.openapi("RecertificationInput")) },
      responses: { 201: json(TenancyDoc, "The tenancy with its new rent") },
    }),
  ),
  addDocument: createRoute(
    securedRoute("tenancies:write", {
      method: "post",
      path: "/tenancies/{id}/documents",
      tags: tag,
      summary: "File a document of the tenancy (multipart: kind, title, sharedWithTenant, file)",
      request: {
        params: TenancyIdParam,
        body: { content: { "multipart/form-data": { schema: DocumentUpload } }, required: true },
      },
      responses: { 201: json(TenancyDoc, "The tenancy with the document") },
    }),
  ),
  document: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/tenancies/{id}/documents/{documentId}",
      tags: tag,
      summary: "Download a document of the tenancy",
      request: { params: DocumentParams },
      responses: {
        200: { description: "The file", content: { "application/octet-stream": { schema: z.any() } } },
      },
    }),
  ),
};

const subject = (c: Context<AppEnv>, id: string) => c.set("auditSubject", { entity: "tenancy", id });

/** Send a stored file as a download. */
export function download(
  c: Context<AppEnv>,
  file: { fileName: string; contentType: string; content: Buffer },
) {
  return c.body(new Uint8Array(file.content), 200, {
    "content-type": file.contentType,
    "content-disposition": attachment(file.fileName),
    "content-length": String(file.content.length),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  });
}

export function tenancyRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listTenancies({ db, query: c.req.valid("query") })), 200),
    )
    .openapi(routes.create, async (c) => {
      const input = c.req.valid("json");
      const tenancy = await inActorScope(deps, c, (db, actor) =>
        createTenancy({ db, actor, input, now: deps.now() }),
      );
      subject(c, tenancy.id);
      return c.json(tenancy, 201);
    })
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db) => getTenancy({ db, idOrReference: id })), 200);
    })
    .openapi(routes.terms, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const terms = c.req.valid("json");
      return c.json(await inActorScope(deps, c, (db) => updateTerms({ db, idOrReference: id, terms })), 200);
    })
    .openapi(routes.activate, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const { version } = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          activateTenancy({ db, actor, idOrReference: id, version, now: deps.now() }),
        ),
        200,
      );
    })
    .openapi(routes.end, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => endTenancy({ db, actor, idOrReference: id, input })),
        200,
      );
    })
    .openapi(routes.recertify, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          recertifyTenancy({ db, actor, idOrReference: id, input, now: deps.now() }),
        ),
        201,
      );
    })
    .openapi(routes.addDocument, async (c) => {
      const { id } = c.req.valid("param");
      subject(c, id);
      const { file, ...fields } = c.req.valid("form");
      if (!(file instanceof File)) throw fieldError("INVALID", "file", "Attach one file in the field `file`");
      const upload = {
        name: file.name,
        contentType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      };
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          addTenancyDocument({ db, actor, idOrReference: id, fields, file: upload, now: deps.now() }),
        ),
        201,
      );
    })
    .openapi(routes.document, async (c) => {
      const { id, documentId } = c.req.valid("param");
      const file = await inActorScope(deps, c, (db) =>
        getTenancyDocumentFile({ db, idOrReference: id, documentId }),
      );
      subject(c, file.tenancyId);
      return download(c, file);
    });
}
