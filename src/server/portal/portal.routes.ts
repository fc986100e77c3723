// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  Notice,
  NoticeInput,
  NoticeList,
  PortalAccount,
  PortalInformation,
  PortalTenancy,
  TenantInformationInput,
} from "../../domain/portal/portal.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { download } from "../tenancies/tenancies.routes.ts";
import {
  getTenantInformation,
  listNotices,
  portalAccount,
  portalDocument,
  portalInformation,
  portalTenancy,
  publishNotice,
  saveTenantInformation,
} from "./portal.service.ts";

const DocumentParam = z.object({
  documentId: z.string().min(1).max(100).openapi({ description: "Document id (uuid)" }),
});
const tag = ["portal"];
const routes = {
  tenancy: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/tenancy",
      tags: tag,
      summary: "The tenant's own contract, its terms and the documents shared with them",
      responses: { 200: json(PortalTenancy.openapi("PortalTenancy"), "The tenancy") },
    }),
  ),
  account: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/account",
      tags: tag,
      summary: "The tenant's balance, payments and the payment notices (pagoPA) still to pay",
      responses: { 200: json(PortalAccount.openapi("PortalAccount"), "The account") },
    }),
  ),
  document: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/documents/{documentId}",
      tags: tag,
      summary: "Download a document of the tenant's contract",
      request: { params: DocumentParam },
      responses: {
        200: { description: "The file", content: { "application/octet-stream": { schema: z.any() } } },
      },
    }),
  ),
  information: createRoute(
    securedRoute("portal:use", {
      method: "get",
      path: "/portal/information",
      tags: tag,
      summary: "The manager's contacts, office hours, house rules and notices",
      responses: { 200: json(PortalInformation.openapi("PortalInformation"), "The information") },
    }),
  ),
  notices: createRoute(
    securedRoute("notices:write", {
      method: "get",
      path: "/notices",
      tags: tag,
      summary: "Notices to tenants published by the organisation (the Comune: all)",
      responses: { 200: json(NoticeList.openapi("NoticeList"), "The notices") },
    }),
  ),
  publish: createRoute(
    securedRoute("notices:write", {
      method: "post",
      path: "/notices",
      tags: tag,
      summary: "Publish a notice to the organisation's tenants: all, one building's, or one unit's",
      request: { body: body(NoticeInput) },
      responses: { 201: json(Notice.openapi("Notice"), "The notice") },
    }),
  ),
  information_read: createRoute(
    securedRoute("notices:write", {
      method: "get",
      path: "/tenant-information",
      tags: tag,
      summary: "The contacts, office hours and house rules the organisation's tenants read now",
      responses: { 200: json(TenantInformationInput.openapi("TenantInformation"), "The information") },
    }),
  ),
  information_save: createRoute(
    securedRoute("notices:write", {
      method: "put",
      path: "/tenant-information",
      tags: tag,
      summary: "Set the contacts, office hours and house rules the organisation's tenants read",
      request: { body: body(TenantInformationInput) },
      responses: { 200: json(TenantInformationInput, "Saved") },
    }),
  ),
};

export function portalRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.tenancy, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => portalTenancy({ db, actor })), 200),
    )
    .openapi(routes.account, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => portalAccount({ db, actor, now: deps.now() })), 200),
    )
    .openapi(routes.document, async (c) => {
      const { documentId } = c.req.valid("param");
      const file = await inActorScope(deps, c, (db, actor) => portalDocument({ db, actor, documentId }));
      c.set("auditSubject", { entity: "tenancy", id: file.tenancyId });
      return download(c, file);
    })
    .openapi(routes.information, async (c) =>
      c.json(
        await inActorScope(deps, c, (db, actor) => portalInformation({ db, actor, now: deps.now() })),
        200,
      ),
    )
    .openapi(routes.notices, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listNotices({ db })), 200),
    )
    .openapi(routes.publish, async (c) => {
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) => publishNotice({ db, actor, input, now: deps.now() })),
        201,
      );
    })
    .openapi(routes.information_read, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => getTenantInformation({ db, actor })), 200),
    )
    .openapi(routes.information_save, async (c) => {
      const input = c.req.valid("json");
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          saveTenantInformation({ db, actor, input, now: deps.now() }),
        ),
        200,
      );
    });
}
