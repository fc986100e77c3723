// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AllocationRules,
  AllocationRulesInput,
  AllocationRulesList,
  AllocationRulesPreview,
  AllocationRulesPreviewInput,
  PublishedRules,
} from "../../domain/eligibility/rules-api.schema.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  getActiveRules,
  getPublishedRules,
  listRulesVersions,
  previewRules,
  saveRulesVersion,
} from "./rules.service.ts";

const AllocationRulesDoc = AllocationRules.openapi("AllocationRules");
const AllocationRulesListDoc = AllocationRulesList.openapi("AllocationRulesList");
const AllocationRulesInputDoc = AllocationRulesInput.openapi("AllocationRulesInput");
const AllocationRulesPreviewInputDoc = AllocationRulesPreviewInput.openapi("AllocationRulesPreviewInput");
const AllocationRulesPreviewDoc = AllocationRulesPreview.openapi("AllocationRulesPreview");
const PublishedRulesDoc = PublishedRules.openapi("PublishedRules");

const LangQuery = z.object({
  lang: z
    .enum(["it", "en"], { error: "lang: use it or en" })
    .default("it")
    .openapi({ description: "Language of the text: Italian (default) or English" }),
});

const routes = {
  active: createRoute(
    securedRoute("authenticated", {
      method: "get",
      path: "/allocation/rules",
      tags: ["allocation"],
      summary:
        "The allocation rules in force, with who saved them, when and why (version 0: the starting rules)",
      responses: { 200: json(AllocationRulesDoc, "The active version") },
    }),
  ),
  versions: createRoute(
    securedRoute("authenticated", {
      method: "get",
      path: "/allocation/rules/versions",
      tags: ["allocation"],
      summary: "Every stored version of the allocation rules, newest first",
      responses: { 200: json(AllocationRulesListDoc, "The versions") },
    }),
  ),
  save: createRoute(
    securedRoute("allocation:rules", {
      method: "post",
      path: "/allocation/rules",
      tags: ["allocation"],
      summary: "Save the rules as the next version, in force from now (400 naming each invalid field)",
      request: { body: body(AllocationRulesInputDoc) },
      responses: { 201: json(AllocationRulesDoc, "The new version") },
    }),
  ),
  published: createRoute(
    securedRoute("authenticated", {
      method: "get",
      path: "/allocation/rules/published",
      tags: ["allocation"],
      summary: "The priority criteria and the requirements in force, in plain words",
      request: { query: LangQuery },
      responses: { 200: json(PublishedRulesDoc, "The published criteria") },
    }),
  ),
  preview: createRoute(
    securedRoute("allocation:rules", {
      method: "post",
      path: "/allocation/rules/preview",
      tags: ["allocation"],
      summary:
        "What proposed rules would change against those in force: households gaining or losing eligibility, and the category mix",
      request: { body: body(AllocationRulesPreviewInputDoc) },
      responses: { 200: json(AllocationRulesPreviewDoc, "The preview") },
    }),
  ),
};

export function allocationRulesRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.active, async (c) =>
      c.json(await inActorScope(deps, c, (db) => getActiveRules({ db })), 200),
    )
    .openapi(routes.versions, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listRulesVersions({ db })), 200),
    )
    .openapi(routes.save, async (c) => {
      const saved = await inActorScope(deps, c, (db, actor) =>
        saveRulesVersion({ db, actor, input: c.req.valid("json"), now: deps.now() }),
      );
      c.set("auditSubject", { entity: "allocation_rules", id: String(saved.version) });
      return c.json(saved, 201);
    })
    .openapi(routes.published, async (c) =>
      c.json(
        await inActorScope(deps, c, (db) => getPublishedRules({ db, lang: c.req.valid("query").lang })),
        200,
      ),
    )
    .openapi(routes.preview, async (c) => {
      // A preview changes nothing; its audit record names the rules it was about.
      c.set("auditSubject", { entity: "allocation_rules", id: "preview" });
      return c.json(
        await inActorScope(deps, c, (db) =>
          previewRules({ db, input: c.req.valid("json"), now: deps.now() }),
        ),
        200,
      );
    });
}
