// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { type Role, scopeOfRole } from "../../domain/auth/roles.ts";
import { StaffList, type StaffMember } from "../../domain/organisations/staff.schema.ts";
import { type AppDeps, type AppEnv, inActorScope, securedRoute } from "../http.ts";
import { listStaffRows } from "./staff.repository.ts";

const StaffQuery = z.object({
  /** Part of the name. */
  q: z.string().trim().max(100, { error: "Search: at most 100 characters" }).optional(),
});

const route = createRoute(
  securedRoute("households:write", {
    method: "get",
    path: "/staff",
    tags: ["organisations"],
    summary:
      "The active accounts the caller may name in a household's team (a partner: its own; the Comune: all), by name",
    request: { query: StaffQuery },
    responses: {
      200: {
        description: "The accounts",
        content: { "application/json": { schema: StaffList.openapi("StaffList") } },
      },
    },
  }),
);

export function staffRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
    const rows = await inActorScope(deps, c, (db, actor) =>
      listStaffRows(db, {
        // Row-level security narrows a partner to its own accounts too: this is the first wall.
        organisationId: scopeOfRole(actor.role) === "programme" ? null : actor.organisationId,
        q: c.req.valid("query").q,
      }),
    );
    const items: StaffMember[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role as Role,
      organisation: { code: r.organisationCode, name: r.organisationName },
    }));
    return c.json({ items }, 200);
  });
}
