// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AllocationRun,
  AllocationRunExplainQuery,
  AllocationRunExplanation,
  AllocationRunInput,
  AllocationRunList,
  AllocationRunListQuery,
  AllocationRunProgress,
  AllocationRunReplay,
} from "../../domain/allocation/run.schema.ts";
import type { Db } from "../db/client.ts";
import {
  type AppDeps,
  type AppEnv,
  actorOf,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import {
  createAllocationRun,
  explainAllocationRun,
  getAllocationRun,
  getAllocationRunProgress,
  listAllocationRuns,
  replayAllocationRun,
} from "./runs.service.ts";

const AllocationRunDoc = AllocationRun.openapi("AllocationRun");
const AllocationRunInputDoc = AllocationRunInput.openapi("AllocationRunInput");
const AllocationRunListDoc = AllocationRunList.openapi("AllocationRunList");
const AllocationRunReplayDoc = AllocationRunReplay.openapi("AllocationRunReplay");
const AllocationRunExplanationDoc = AllocationRunExplanation.openapi("AllocationRunExplanation");
const RunIdParam = z.object({ id: z.string().min(1).openapi({ description: "Run id (uuid)" }) });

const routes = {
  create: createRoute(
    securedRoute("allocation:run", {
      method: "post",
      path: "/allocation/runs",
      tags: ["allocation"],
      summary:
        "Run the joint assignment over the waiting households and the available units, and store it with its snapshot (infeasible bounds: stored, named)",
      request: {
        body: { content: { "application/json": { schema: AllocationRunInputDoc } }, required: false },
      },
      responses: { 201: json(AllocationRunDoc, "The run") },
    }),
  ),
  list: createRoute(
    securedRoute("allocation:run", {
      method: "get",
      path: "/allocation/runs",
      tags: ["allocation"],
      summary: "The allocation runs, newest first",
      request: { query: AllocationRunListQuery },
      responses: { 200: json(AllocationRunListDoc, "A page of runs") },
    }),
  ),
  get: createRoute(
    securedRoute("allocation:run", {
      method: "get",
      path: "/allocation/runs/{id}",
      tags: ["allocation"],
      summary: "One run with its offers",
      request: { params: RunIdParam },
      responses: { 200: json(AllocationRunDoc, "The run") },
    }),
  ),
  replay: createRoute(
    securedRoute("allocation:run", {
      method: "post",
      path: "/allocation/runs/{id}/replay",
      tags: ["allocation"],
      summary: "Re-solve a run from its snapshot alone: same input hash, offers and objective?",
      request: { params: RunIdParam },
      responses: { 200: json(AllocationRunReplayDoc, "The replay") },
    }),
  ),
  progress: createRoute(
    securedRoute("allocation:run", {
      method: "get",
      path: "/allocation/runs/progress/{progressId}",
      tags: ["allocation"],
      summary:
        "How far a run started with this progressId has got (phase and share done); forgotten a minute after it ends",
      request: { params: z.object({ progressId: z.uuid({ error: "progressId: a uuid" }) }) },
      responses: { 200: json(AllocationRunProgress.openapi("AllocationRunProgress"), "The progress") },
    }),
  ),
  explain: createRoute(
    securedRoute("allocation:run", {
      method: "get",
      path: "/allocation/runs/{id}/explain",
      tags: ["allocation"],
      summary:
        "Why a household × unit pair was or was not an offer of the run: each rule, the priority, the rank, the reason",
      request: { params: RunIdParam, query: AllocationRunExplainQuery },
      responses: { 200: json(AllocationRunExplanationDoc, "The explanation") },
    }),
  ),
};

// Typed as a plain app: the routes' schema types added to the rest made app.ts too complex to check.
export function allocationRunRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.create, async (c) => {
      // The body is optional: without one, the default bounds and no seed.
      const input = c.req.valid("json") ?? {};
      const run = await createAllocationRun({
        inScope: (fn) => inActorScope(deps, c, (db) => fn(db)),
        actor: actorOf(c),
        input,
        now: deps.now(),
      });
      c.set("auditSubject", { entity: "allocation_run", id: run.id });
      return c.json(run, 201);
    })
    .openapi(routes.list, async (c) =>
      c.json(
        await inActorScope(deps, c, (db) => listAllocationRuns({ db, query: c.req.valid("query") })),
        200,
      ),
    )
    .openapi(routes.get, async (c) =>
      c.json(await inActorScope(deps, c, (db) => getAllocationRun({ db, id: c.req.valid("param").id })), 200),
    )
    .openapi(routes.replay, async (c) => {
      const { id } = c.req.valid("param");
      c.set("auditSubject", { entity: "allocation_run", id });
      const inScope = <T>(fn: (db: Db) => Promise<T>) => inActorScope(deps, c, (db) => fn(db));
      return c.json(await replayAllocationRun({ inScope, id }), 200);
    })
    .openapi(routes.progress, (c) => c.json(getAllocationRunProgress(c.req.valid("param").progressId), 200))
    .openapi(routes.explain, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(
        await inActorScope(deps, c, (db) => explainAllocationRun({ db, id, query: c.req.valid("query") })),
        200,
      );
    });
}
