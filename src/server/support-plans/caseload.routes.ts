// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { Caseload } from "../../domain/support-plans/support-plan.schema.ts";
import { type AppDeps, type AppEnv, inActorScope, securedRoute } from "../http.ts";
import { getCaseload } from "./caseload.service.ts";

const CaseloadDoc = Caseload.openapi("Caseload");

const route = createRoute(
  securedRoute(
    "households:read",
    {
      method: "get",
      path: "/caseload",
      tags: ["support-plans"],
      summary:
        "The households on whose team the caller is (I miei nuclei): late reviews and actions, " +
        "latest intervention; most urgent first",
      responses: {
        200: {
          description: "The caller's caseload",
          content: { "application/json": { schema: CaseloadDoc } },
        },
      },
    },
    { auditReads: true },
  ),
);

export function caseloadRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) =>
    c.json(await inActorScope(deps, c, (db, actor) => getCaseload({ db, actor, now: deps.now() })), 200),
  );
}
