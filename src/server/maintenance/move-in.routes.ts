// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { MoveInInput, MoveInRecord } from "../../domain/maintenance/move-in.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { getMoveIn, saveMoveIn } from "./move-in.service.ts";

const MoveInRecordDoc = MoveInRecord.openapi("MoveInChecklistRecord");
const TenancyIdParam = z.object({
  id: z.string().min(1).max(100).openapi({ description: "Tenancy id (uuid)" }),
});

const routes = {
  get: createRoute(
    securedRoute("tenancies:read", {
      method: "get",
      path: "/tenancies/{id}/move-in",
      tags: ["tenancies"],
      summary: "The move-in checklist of a tenancy (empty until filled in), with what it still misses",
      request: { params: TenancyIdParam },
      responses: { 200: json(MoveInRecordDoc, "The checklist") },
    }),
  ),
  save: createRoute(
    securedRoute("tenancies:write", {
      method: "put",
      path: "/tenancies/{id}/move-in",
      tags: ["tenancies"],
      summary:
        "Save the move-in checklist (meters, keys, installations explained, inventory); with `completedOn` only when every required item is there (422 naming each one missing)",
      request: { params: TenancyIdParam, body: body(MoveInInput.openapi("MoveInChecklistInput")) },
      responses: { 200: json(MoveInRecordDoc, "The saved checklist") },
    }),
  ),
};

export function moveInRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db, actor) => getMoveIn({ db, actor, tenancyId: id })), 200);
    })
    .openapi(routes.save, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const record = await inActorScope(deps, c, (db, actor) =>
        saveMoveIn({ db, actor, tenancyId: id, input, now: deps.now() }),
      );
      c.set("auditSubject", { entity: "tenancies", id: record.tenancy.id });
      return c.json(record, 200);
    });
}
