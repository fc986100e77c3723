// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { ContractorInput } from "../../domain/works/contractor.ts";
import { CostLineInput, WorksInput } from "../../domain/works/works.ts";
import {
  AwardInput,
  CancelInput,
  CompleteInput,
  ContractorList,
  ContractorUpdate,
  ContractorView,
  PhaseUpdate,
  StandardsInput,
  WorksDetail,
  WorksList,
  WorksReport,
  WorksStatus,
} from "../../domain/works/works-api.schema.ts";
import { romeDate } from "../households/households.service.ts";
import {
  type AppDeps,
  type AppEnv,
  jsonBody as body,
  inActorScope,
  jsonResponse as json,
  securedRoute,
} from "../http.ts";
import { createContractor, getContractor, listContractors, updateContractor } from "./contractors.service.ts";
import {
  addCost,
  awardWorks,
  cancelWorks,
  completeWorks,
  createWorks,
  getWorks,
  listWorks,
  savePhase,
  saveStandards,
  type WorksMove,
  worksReport,
} from "./works.service.ts";

const ContractorDoc = ContractorView.openapi("Contractor");
const WorksDoc = WorksDetail.openapi("Works");
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ description: "Id (uuid) or reference", example: "LAV-2026-00001" }),
});
const WorksQuery = z.object({
  status: WorksStatus.optional(),
  partner: z.string().trim().min(1).max(50).optional().openapi({ description: "Managing partner's code" }),
});
const tags = ["works"];

const routes = {
  contractors: createRoute(
    securedRoute("works:read", {
      method: "get",
      path: "/contractors",
      tags,
      summary: "The contractor register, each with its white-list standing today and the days to its expiry",
      responses: { 200: json(ContractorList.openapi("ContractorList"), "The contractors") },
    }),
  ),
  createContractor: createRoute(
    securedRoute("contractors:write", {
      method: "post",
      path: "/contractors",
      tags,
      summary:
        "Register a contractor with its white-list registration; a partita IVA once (409 naming `vatNumber`)",
      request: { body: body(ContractorInput) },
      responses: { 201: json(ContractorDoc, "The contractor") },
    }),
  ),
  contractor: createRoute(
    securedRoute("works:read", {
      method: "get",
      path: "/contractors/{id}",
      tags,
      summary: "One contractor",
      request: { params: IdParam },
      responses: { 200: json(ContractorDoc, "The contractor") },
    }),
  ),
  updateContractor: createRoute(
    securedRoute("contractors:write", {
      method: "put",
      path: "/contractors/{id}",
      tags,
      summary:
        "Change a contractor's record (renewal, qualifications): its registering organisation or the Comune; send the version you read",
      request: { params: IdParam, body: body(ContractorUpdate) },
      responses: { 200: json(ContractorDoc, "The contractor") },
    }),
  ),
  list: createRoute(
    securedRoute("works:read", {
      method: "get",
      path: "/works",
      tags,
      summary: "Renovation works the caller sees (a partner: its own units'), with spend and slippage",
      request: { query: WorksQuery },
      responses: { 200: json(WorksList.openapi("WorksList"), "The works") },
    }),
  ),
  create: createRoute(
    securedRoute("works:write", {
      method: "post",
      path: "/works",
      tags,
      summary:
        "Plan works on one unit or a batch of one partner's units, with estimate ex VAT, VAT rate and phases",
      request: { body: body(WorksInput) },
      responses: { 201: json(WorksDoc, "The works") },
    }),
  ),
  report: createRoute(
    securedRoute("works:read", {
      method: "get",
      path: "/works/report",
      tags,
      summary: "Cost per m² and per unit, schedule slippage and spend by funding source",
      responses: { 200: json(WorksReport.openapi("WorksReport"), "The report") },
    }),
  ),
  get: createRoute(
    securedRoute("works:read", {
      method: "get",
      path: "/works/{id}",
      tags,
      summary: "One works with its units, contractor, phases, costs, checklist and figures",
      request: { params: IdParam },
      responses: { 200: json(WorksDoc, "The works") },
    }),
  ),
  award: createRoute(
    securedRoute("works:write", {
      method: "post",
      path: "/works/{id}/award",
      tags,
      summary:
        "Award the works to a contractor; refused (422 naming `contractorId`) when its white-list registration is not valid on `awardedOn`",
      request: { params: IdParam, body: body(AwardInput) },
      responses: { 200: json(WorksDoc, "The works") },
    }),
  ),
  phase: createRoute(
    securedRoute("works:write", {
      method: "put",
      path: "/works/{id}/phases",
      tags,
      summary:
        "Set a phase's dates or add the next one; a start is refused (422 naming `phase.actualStart`) when the contractor's registration is not valid that day",
      request: { params: IdParam, body: body(PhaseUpdate) },
      responses: { 200: json(WorksDoc, "The works") },
    }),
  ),
  cost: createRoute(
    securedRoute("works:write", {
      method: "post",
      path: "/works/{id}/costs",
      tags,
      summary: "Record a cost with its invoice, amounts ex VAT and VAT, and funding source",
      request: { params: IdParam, body: body(CostLineInput) },
      responses: { 201: json(WorksDoc, "The works") },
    }),
  ),
  standards: createRoute(
    securedRoute("works:write", {
      method: "put",
      path: "/works/{id}/standards",
      tags,
      summary: "Tick the items of the minimum-standards checklist met so far",
      request: { params: IdParam, body: body(StandardsInput) },
      responses: { 200: json(WorksDoc, "The works") },
    }),
  ),
  complete: createRoute(
    securedRoute("works:write", {
      method: "post",
      path: "/works/{id}/complete",
      tags,
      summary:
        "Complete the works once every phase ended and every standard is met; its units become available",
      request: { params: IdParam, body: body(CompleteInput) },
      responses: { 200: json(WorksDoc, "The works") },
    }),
  ),
  cancel: createRoute(
    securedRoute("works:write", {
      method: "post",
      path: "/works/{id}/cancel",
      tags,
      summary:
        "Cancel a works not completed, with a reason; its costs stay, its units under works go back to be renovated",
      request: { params: IdParam, body: body(CancelInput) },
      responses: { 200: json(WorksDoc, "The works") },
    }),
  ),
};

/** Renovation works and the contractor register. */
export function worksRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  /** One move of a works (award, phase, cost, checklist, completion), audited against the works. */
  const move = async <I>(c: Context<AppEnv>, id: string, input: I, apply: WorksMove<I>) => {
    const saved = await inActorScope(deps, c, (db, actor) =>
      apply({ db, actor, idOrReference: id, input, today: today() }),
    );
    c.set("auditSubject", { entity: "works", id: saved.id });
    return saved;
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.contractors, async (c) =>
      c.json(await inActorScope(deps, c, (db) => listContractors({ db, today: today() })), 200),
    )
    .openapi(routes.createContractor, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createContractor({ db, actor, input, today: today() }),
      );
      c.set("auditSubject", { entity: "contractor", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.contractor, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await inActorScope(deps, c, (db) => getContractor({ db, id, today: today() })), 200);
    })
    .openapi(routes.updateContractor, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      c.set("auditSubject", { entity: "contractor", id });
      return c.json(
        await inActorScope(deps, c, (db, actor) =>
          updateContractor({ db, actor, id, input, today: today() }),
        ),
        200,
      );
    })
    .openapi(routes.list, async (c) => {
      const query = c.req.valid("query");
      return c.json(await inActorScope(deps, c, (db) => listWorks({ db, query, today: today() })), 200);
    })
    .openapi(routes.create, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createWorks({ db, actor, input, today: today() }),
      );
      c.set("auditSubject", { entity: "works", id: saved.id });
      return c.json(saved, 201);
    })
    .openapi(routes.report, async (c) =>
      c.json(await inActorScope(deps, c, (db) => worksReport({ db, today: today() })), 200),
    )
    .openapi(routes.get, async (c) => {
      const { id } = c.req.valid("param");
      const found = await inActorScope(deps, c, (db) => getWorks({ db, idOrReference: id, today: today() }));
      c.set("auditSubject", { entity: "works", id: found.id });
      return c.json(found, 200);
    })
    .openapi(routes.award, async (c) =>
      c.json(await move(c, c.req.valid("param").id, c.req.valid("json"), awardWorks), 200),
    )
    .openapi(routes.phase, async (c) =>
      c.json(await move(c, c.req.valid("param").id, c.req.valid("json"), savePhase), 200),
    )
    .openapi(routes.cost, async (c) =>
      c.json(await move(c, c.req.valid("param").id, c.req.valid("json"), addCost), 201),
    )
    .openapi(routes.standards, async (c) =>
      c.json(await move(c, c.req.valid("param").id, c.req.valid("json"), saveStandards), 200),
    )
    .openapi(routes.complete, async (c) =>
      c.json(await move(c, c.req.valid("param").id, c.req.valid("json"), completeWorks), 200),
    )
    .openapi(routes.cancel, async (c) =>
      c.json(await move(c, c.req.valid("param").id, c.req.valid("json"), cancelWorks), 200),
    );
}
