// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Organisation } from "../../domain/organisations/organisation.schema.ts";
import { type AppDeps, type AppEnv, actorOf, asActor, securedRoute } from "../http.ts";
import { listOrganisations } from "./organisations.repository.ts";

// The programme's organisations are public knowledge; whoever reads the stock (the steering board too,
// to pick a partner's report) may list them.
const listRoute = createRoute(
  securedRoute("stock:read", {
    method: "get",
    path: "/organisations",
    tags: ["organisations"],
    summary: "The Comune and its partners, with the categories each Area B partner manages",
    responses: {
      200: {
        description: "Organisations",
        content: { "application/json": { schema: z.object({ items: z.array(Organisation) }) } },
      },
    },
  }),
);

export function organisationRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) =>
    c.json({ items: await asActor(deps, actorOf(c), (db) => listOrganisations(db)) }, 200),
  );
}
