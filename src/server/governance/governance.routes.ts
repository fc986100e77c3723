// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  ActionInput,
  ActionQuery,
  ActionUpdate,
  BodyInput,
  DecisionInput,
  MeetingInput,
  MemberInput,
  MemberUpdate,
  MinutesInput,
} from "../../domain/governance/governance.ts";
import {
  ActionList,
  ActionView,
  BodyDetail,
  BodyList,
  BodySummaryView,
  DecisionView,
  MeetingView,
  MemberView,
} from "../../domain/governance/governance-api.schema.ts";
import { DOCUMENT_CONTENT_TYPES } from "../../domain/households/document.schema.ts";
import { fieldError } from "../errors.ts";
import { romeDate } from "../households/households.service.ts";
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
  addAction,
  addAttachment,
  addMember,
  attachmentFile,
  bodyDetail,
  createBody,
  listActions,
  listBodies,
  planMeeting,
  recordDecision,
  recordMinutes,
  updateAction,
  updateMember,
} from "./governance.service.ts";

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ description: "Id (uuid)" }) });
const tags = ["governance"];
const Meeting = MeetingView.openapi("GovernanceMeeting");

const AttachmentForm = z
  .object({
    file: z.any().openapi({
      type: "string",
      format: "binary",
      description: `${DOCUMENT_CONTENT_TYPES.join(", ")}; at most 10 MiB`,
    }),
  })
  .openapi("GovernanceAttachmentUpload");

const routes = {
  bodies: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/governance/bodies",
      tags,
      summary:
        "The governance bodies (Cabina di Regia first), each with its members today, open and overdue actions, next meeting and, for the Cabina, the annual review",
      responses: { 200: json(BodyList.openapi("GovernanceBodyList"), "The bodies") },
    }),
  ),
  createBody: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/governance/bodies",
      tags,
      summary:
        "Set up a body: the one directive body, or a management or project body reporting to one above",
      request: { body: body(BodyInput.openapi("GovernanceBodyInput")) },
      responses: { 201: json(BodySummaryView.openapi("GovernanceBody"), "The body") },
    }),
  ),
  body: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/governance/bodies/{id}",
      tags,
      summary: "A body with its members and referents, meetings, numbered decisions and actions",
      request: { params: IdParam },
      responses: { 200: json(BodyDetail.openapi("GovernanceBodyDetail"), "The body") },
    }),
  ),
  addMember: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/governance/bodies/{id}/members",
      tags,
      summary: "Add a member, chair or referent; the Cabina di Regia refuses a seventh active member (409)",
      request: { params: IdParam, body: body(MemberInput.openapi("GovernanceMemberInput")) },
      responses: { 201: json(MemberView.openapi("GovernanceMember"), "The membership") },
    }),
  ),
  updateMember: createRoute(
    securedRoute("governance:write", {
      method: "put",
      path: "/governance/members/{id}",
      tags,
      summary: "Change a membership (end it with `to`); send the version you read",
      request: { params: IdParam, body: body(MemberUpdate.openapi("GovernanceMemberUpdate")) },
      responses: { 200: json(MemberView, "The membership") },
    }),
  ),
  planMeeting: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/governance/bodies/{id}/meetings",
      tags,
      summary: "Plan a meeting with its agenda (the Cabina's annual review of the model is one)",
      request: { params: IdParam, body: body(MeetingInput.openapi("GovernanceMeetingInput")) },
      responses: { 201: json(Meeting, "The meeting") },
    }),
  ),
  minutes: createRoute(
    securedRoute("governance:write", {
      method: "put",
      path: "/governance/meetings/{id}/minutes",
      tags,
      summary:
        "Record who attended a meeting and its minutes (the meeting is then held); send the version you read",
      request: { params: IdParam, body: body(MinutesInput.openapi("GovernanceMinutesInput")) },
      responses: { 200: json(Meeting, "The meeting") },
    }),
  ),
  attach: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/governance/meetings/{id}/attachments",
      tags,
      summary: "Attach a file to a meeting (multipart, field `file`: PDF, PNG or JPEG)",
      request: {
        params: IdParam,
        body: { content: { "multipart/form-data": { schema: AttachmentForm } }, required: true },
      },
      responses: { 201: json(Meeting, "The meeting") },
    }),
  ),
  attachment: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/governance/attachments/{id}",
      tags,
      summary: "A meeting's attached file",
      request: { params: IdParam },
      responses: {
        200: { description: "The file", content: { "application/octet-stream": { schema: z.any() } } },
      },
    }),
  ),
  decide: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/governance/bodies/{id}/decisions",
      tags,
      summary:
        "Record a decision taken at a held meeting of the body, by vote or consensus; it takes the body's next number",
      request: { params: IdParam, body: body(DecisionInput.openapi("GovernanceDecisionInput")) },
      responses: { 201: json(DecisionView.openapi("GovernanceDecision"), "The decision") },
    }),
  ),
  addAction: createRoute(
    securedRoute("governance:write", {
      method: "post",
      path: "/governance/bodies/{id}/actions",
      tags,
      summary: "Give an action: the person responsible, her organisation, the due day",
      request: { params: IdParam, body: body(ActionInput.openapi("GovernanceActionInput")) },
      responses: { 201: json(ActionView.openapi("GovernanceAction"), "The action") },
    }),
  ),
  updateAction: createRoute(
    securedRoute("governance:read", {
      method: "put",
      path: "/governance/actions/{id}",
      tags,
      summary:
        "Change an action's status, due day or note: the programme's governance roles, or a manager of the owner organisation",
      request: { params: IdParam, body: body(ActionUpdate.openapi("GovernanceActionUpdate")) },
      responses: { 200: json(ActionView, "The action") },
    }),
  ),
  actions: createRoute(
    securedRoute("governance:read", {
      method: "get",
      path: "/governance/actions",
      tags,
      summary:
        "Actions by body, status, owner or overdue, and the overdue ones counted per person responsible",
      request: { query: ActionQuery.openapi("GovernanceActionQuery") },
      responses: { 200: json(ActionList.openapi("GovernanceActionList"), "The actions") },
    }),
  ),
};

const audited = (c: Context<AppEnv>, entity: string, id: string) => c.set("auditSubject", { entity, id });

/** The programme's governance: bodies, members, meetings, decisions and actions. */
export function governanceRoutes(deps: AppDeps): OpenAPIHono<AppEnv> {
  const today = () => romeDate(deps.now());
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.bodies, async (c) =>
      c.json(await inActorScope(deps, c, (db, actor) => listBodies({ db, actor, today: today() })), 200),
    )
    .openapi(routes.createBody, async (c) => {
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        createBody({ db, actor, today: today(), input }),
      );
      audited(c, "governance_body", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.body, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(
        await inActorScope(deps, c, (db, actor) => bodyDetail({ db, actor, today: today(), id })),
        200,
      );
    })
    .openapi(routes.addMember, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        addMember({ db, actor, today: today(), bodyId: id, input }),
      );
      audited(c, "governance_member", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.updateMember, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        updateMember({ db, actor, today: today(), id, input }),
      );
      audited(c, "governance_member", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.planMeeting, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        planMeeting({ db, actor, today: today(), bodyId: id, input }),
      );
      audited(c, "governance_meeting", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.minutes, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        recordMinutes({ db, actor, today: today(), id, input }),
      );
      audited(c, "governance_meeting", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.attach, async (c) => {
      const { id } = c.req.valid("param");
      const { file } = c.req.valid("form");
      if (!(file instanceof File)) throw fieldError("INVALID", "file", "Attach one file in the field `file`");
      const upload = {
        name: file.name,
        contentType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      };
      const saved = await inActorScope(deps, c, (db, actor) =>
        addAttachment({ db, actor, today: today(), meetingId: id, file: upload }),
      );
      audited(c, "governance_meeting", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.attachment, async (c) => {
      const { id } = c.req.valid("param");
      const file = await inActorScope(deps, c, (db) => attachmentFile({ db, id }));
      audited(c, "governance_meeting", file.meetingId);
      return download(c, file);
    })
    .openapi(routes.decide, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        recordDecision({
          db,
          actor,
          today: today(),
          bodyId: id,
          input,
          email: (deps.mailer ?? null) !== null,
        }),
      );
      audited(c, "governance_decision", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.addAction, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        addAction({ db, actor, today: today(), bodyId: id, input }),
      );
      audited(c, "governance_action", saved.id);
      return c.json(saved, 201);
    })
    .openapi(routes.updateAction, async (c) => {
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const saved = await inActorScope(deps, c, (db, actor) =>
        updateAction({ db, actor, today: today(), id, input }),
      );
      audited(c, "governance_action", saved.id);
      return c.json(saved, 200);
    })
    .openapi(routes.actions, async (c) => {
      const query = c.req.valid("query");
      return c.json(
        await inActorScope(deps, c, (db, actor) => listActions({ db, actor, today: today(), query })),
        200,
      );
    });
}
