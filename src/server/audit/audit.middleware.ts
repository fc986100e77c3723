// SPDX-License-Identifier: EUPL-1.2
import type { Context, MiddlewareHandler } from "hono";
import type { AuditFields } from "../../domain/audit/audit-chain.ts";
import { AppError, HTTP_STATUS } from "../errors.ts";
import { API_BASE, type AppDeps, type AppEnv, clientAddress, SYSTEM_SCOPE, scopeOfActor } from "../http.ts";
import { logger } from "../logger.ts";
import { recordAudit } from "./audit.service.ts";

const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/**
 * Routes that write their own audit record: sign-in (with the throttling detail) and the streamed
 * import, whose outcome is known only when its stream ends, after the middleware has returned.
 */
const SELF_AUDITED = new Set(["/auth/login", "/units/import"]);

function outcomeOf(status: number): AuditFields["outcome"] {
  if (status < 400) return "success";
  return status === 401 || status === 403 || status === 404 ? "denied" : "failure";
}

/**
 * After each API request, append to the audit trail: every change (successful or not), every read of
 * a route declared with `auditReads`, and every refusal of a protected route (401, 403). The record
 * names the route's operation (`PATCH /units/{id}`), the record it is about, the caller and the outcome.
 */
export function auditRequests(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } catch (e) {
      status = e instanceof AppError ? HTTP_STATUS[e.code] : 500;
      throw e;
    } finally {
      const permission = c.get("permission");
      const operation = operationOf(c);
      const refused = permission !== undefined && (status === 401 || status === 403);
      const audited =
        !SELF_AUDITED.has(operation) &&
        permission !== undefined &&
        (CHANGES.has(c.req.method) || c.get("auditReads") === true || refused);
      if (audited) await auditRequest(c, deps, status);
    }
  };
}

const operationOf = (c: Context<AppEnv>) => c.req.routePath.slice(API_BASE.length).replace(/:(\w+)/g, "{$1}");

/** Append the record of this request with its final status; a failed write is logged, never hidden. */
export async function auditRequest(c: Context<AppEnv>, deps: AppDeps, status: number) {
  const operation = operationOf(c);
  const actor = c.get("actor");
  const subject = c.get("auditSubject");
  const fields: AuditFields = {
    at: deps.now(),
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    organisationId: actor?.organisationId ?? null,
    action: `${c.req.method} ${operation}`,
    entity: subject?.entity ?? operation.split("/")[1] ?? null,
    entityId: subject?.id ?? c.req.param("id") ?? null,
    address: clientAddress(c, deps.trustProxy),
    outcome: outcomeOf(status),
    detail: { status },
  };
  // A tenant's scope belongs to no organisation: its records are appended by the audit machinery.
  const scope = actor && actor.role !== "tenant" ? scopeOfActor(actor) : SYSTEM_SCOPE;
  await recordAudit(deps.database, scope, fields).catch((e) =>
    logger.error("audit record not written", { action: fields.action, error: String(e) }),
  );
}
