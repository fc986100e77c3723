// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  DOCUMENT_CONTENT_TYPES,
  DocumentFields,
  DocumentList,
  DocumentRecord,
} from "../../domain/households/document.schema.ts";
import { fieldError } from "../errors.ts";
import { type AppDeps, type AppEnv, inActorScope, jsonResponse as json, securedRoute } from "../http.ts";
import { addDocument, getDocumentFile, listDocuments, type UploadedFile } from "./documents.service.ts";
import { HouseholdIdParam } from "./referrals.routes.ts";

const DocumentRecordDoc = DocumentRecord.openapi("DocumentRecord");
const DocumentListDoc = DocumentList.openapi("DocumentList");
const DocumentFieldsDoc = DocumentFields.openapi("DocumentFields");

// A form sends every field as text, an empty one for a field left blank: that counts as left out.
const withoutBlanks = (form: unknown) =>
  typeof form === "object" && form !== null
    ? Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ""))
    : form;
/** The multipart upload: the document's fields and, optionally, its file. */
const DocumentUploadForm = z
  .preprocess(
    withoutBlanks,
    DocumentFields.extend({
      file: z
        .any()
        .optional()
        .openapi({
          type: "string",
          format: "binary",
          description: `${DOCUMENT_CONTENT_TYPES.join(", ")}; at most 10 MiB`,
        }),
    }),
  )
  .openapi("DocumentUploadForm");

const DocumentParams = HouseholdIdParam.extend({
  documentId: z.string().min(1).max(100).openapi({ description: "Document id (uuid)" }),
});

const routes = {
  list: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/documents",
        tags: ["households"],
        summary:
          "A household's documents with their validity; `restricted` marks special-category files the caller may not download",
        request: { params: HouseholdIdParam },
        responses: { 200: json(DocumentListDoc, "The documents") },
      },
      { auditReads: true },
    ),
  ),
  add: createRoute(
    securedRoute("households:write", {
      method: "post",
      path: "/households/{id}/documents",
      tags: ["households"],
      summary:
        "Record a document: multipart with an optional `file` (PDF, PNG or JPEG, checked by content; " +
        "over 10 MiB 413 naming `file`), or JSON without a file. A rule broken is 422 naming the field",
      request: {
        params: HouseholdIdParam,
        // Not `required`: the validator of each media type then runs only for requests of that type.
        body: {
          content: {
            "multipart/form-data": { schema: DocumentUploadForm },
            "application/json": { schema: DocumentFieldsDoc },
          },
        },
      },
      responses: { 201: json(DocumentRecordDoc, "The document") },
    }),
  ),
  file: createRoute(
    securedRoute(
      "households:read",
      {
        method: "get",
        path: "/households/{id}/documents/{documentId}/file",
        tags: ["households"],
        summary: "Download a document's file (403 for a special-category file the caller may not read)",
        request: { params: DocumentParams },
        responses: {
          200: {
            description: "The file, as an attachment",
            content: Object.fromEntries(
              DOCUMENT_CONTENT_TYPES.map((type) => [
                type,
                { schema: z.string().openapi({ type: "string", format: "binary" }) },
              ]),
            ),
          },
        },
      },
      { auditReads: true },
    ),
  ),
};

/** Documents are filed in the audit trail under their household. */
const audited = <T>(c: Context<AppEnv>, answer: { householdId: string; result: T }) => {
  c.set("auditSubject", { entity: "households", id: answer.householdId });
  return answer.result;
};

/** The fields and file of a multipart upload; a file is one `File`, not text. */
async function uploadOf(form: z.infer<typeof DocumentUploadForm>) {
  const { file, ...fields } = form;
  if (file === undefined) return { fields, file: null };
  if (!(file instanceof File)) throw fieldError("INVALID", "file", "Attach one file in the field `file`");
  const uploaded: UploadedFile = {
    name: file.name,
    contentType: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
  return { fields, file: uploaded };
}

const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;
const JSON_TYPE = /^application\/([a-z.-]+\+)?json\b/i;

/** `Content-Disposition` of a download: an ASCII name for every client, the exact one for those that read it. */
export function attachment(name: string) {
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._ -]/g, "_") || "document";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function documentRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.list, async (c) => {
      const answer = await inActorScope(deps, c, (db, actor) =>
        listDocuments({ db, actor, idOrReference: c.req.valid("param").id, now: deps.now() }),
      );
      return c.json(audited(c, answer), 200);
    })
    .openapi(routes.add, async (c) => {
      // The route's media-type gate has refused other types; a request without a body has none.
      const type = c.req.header("content-type") ?? "";
      const upload = JSON_TYPE.test(type)
        ? { fields: c.req.valid("json"), file: null }
        : FORM_TYPE.test(type)
          ? await uploadOf(c.req.valid("form"))
          : null;
      if (upload === null)
        throw fieldError("INVALID", "kind", "Send the document as multipart/form-data or JSON");
      const { fields, file } = upload;
      const answer = await inActorScope(deps, c, (db, actor) =>
        addDocument({ db, actor, idOrReference: c.req.valid("param").id, fields, file, now: deps.now() }),
      );
      return c.json(audited(c, answer), 201);
    })
    .openapi(routes.file, async (c) => {
      const { id, documentId } = c.req.valid("param");
      const answer = await inActorScope(deps, c, (db, actor) =>
        getDocumentFile({ db, actor, idOrReference: id, documentId }),
      );
      const file = audited(c, answer);
      return c.body(new Uint8Array(file.content), 200, {
        "content-type": file.contentType,
        "content-disposition": attachment(file.name),
        "content-length": String(file.content.length),
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      });
    });
}
