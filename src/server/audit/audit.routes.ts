// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { AuditAccessList, AuditRecordsQuery } from "../../domain/audit/audit-access.schema.ts";
import { type AppDeps, type AppEnv, actorOf, asActor, securedRoute } from "../http.ts";
import { listRecordAccesses } from "./audit.service.ts";

const recordsRoute = createRoute(
  securedRoute(
    "audit:read",
    {
      method: "get",
      path: "/audit/records",
      tags: ["audit"],
      summary: "Who accessed one record: the audit trail's entries about it, newest first (at most 200)",
      request: { query: AuditRecordsQuery },
      responses: {
        200: {
          description: "The accesses",
          content: { "application/json": { schema: AuditAccessList } },
        },
      },
    },
    // Consulting the register is itself an access worth keeping.
    { auditReads: true },
  ),
);

export function auditRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(recordsRoute, async (c) => {
    const query = c.req.valid("query");
    c.set("auditSubject", { entity: "audit", id: `${query.entity}/${query.id}` });
    const items = await asActor(deps, actorOf(c), (db) => listRecordAccesses({ db, query }));
    return c.json({ items }, 200);
  });
}
