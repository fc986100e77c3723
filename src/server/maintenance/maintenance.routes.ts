// SPDX-License-Identifier: EUPL-1.2
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../http.ts";
import { moveInRoutes } from "./move-in.routes.ts";
import { portalTicketRoutes } from "./portal-tickets.routes.ts";
import { ticketRoutes } from "./tickets.routes.ts";

/** The maintenance area: staff tickets, the tenant's portal tickets and the move-in checklist. */
export function maintenanceRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .route("/", ticketRoutes(deps))
    .route("/", portalTicketRoutes(deps))
    .route("/", moveInRoutes(deps));
}
