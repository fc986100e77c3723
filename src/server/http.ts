// SPDX-License-Identifier: EUPL-1.2

import { type RouteConfig, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { hasPermission, type Permission, scopeOfRole } from "../domain/auth/roles.ts";
import type { Actor, SessionPolicy } from "./auth/auth.service.ts";
import type { OidcSettings } from "./auth/oidc.service.ts";
import type { Alongside, Database, Db, DbScope } from "./db/client.ts";
import { AppError, toProblem } from "./errors.ts";
import type { PagoPaSettings } from "./ledger/ledger.service.ts";
import type { Mailer } from "./workspace/notifications.ts";

export const API_BASE = "/api/v1";

/** What the routes need from the outside world. */
export type AppDeps = {
  database: Database;
  policy: SessionPolicy;
  secureCookies: boolean;
  /** Behind a reverse proxy: take the caller's address from `X-Forwarded-For`. */
  trustProxy: boolean;
  /** The `Contact:` of `/.well-known/security.txt` (a mailto: or https: URI). */
  securityContact: string;
  /** The Comune as pagoPA creditor (absent: the defaults of `DEFAULT_PAGOPA`). */
  pagopa?: PagoPaSettings;
  /** Sign-in through the Comune's SPID/CIE gateway (OpenID Connect); null when not configured. */
  oidc: OidcSettings | null;
  /** Sends notifications by e-mail; absent or null when no mail server is configured. */
  mailer?: Mailer | null;
  now: () => Date;
};

/** The record an audited request is about, when a handler knows it better than the URL does. */
export type AuditSubject = { entity: string; id: string };

export type AppEnv = {
  Variables: {
    actor: Actor | null;
    /** Set by `securedRoute`: the permission the matched route declared. */
    permission: Permission | "authenticated" | undefined;
    /** Set by `securedRoute` on routes whose reads are audited (special-category records). */
    auditReads: boolean | undefined;
    auditSubject: AuditSubject | undefined;
  };
};

/** The caller's network address: the socket's, or the first `X-Forwarded-For` hop behind a proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi("Problem");

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

export const errorResponses = {
  400: problemResponse("Invalid input; `errors` names each field"),
  401: problemResponse("Not signed in"),
  403: problemResponse("The role lacks the permission"),
  404: problemResponse("Not found"),
  409: problemResponse("Conflict with the current state"),
  413: problemResponse("The request body is larger than this route accepts"),
  422: problemResponse("The input breaks a rule"),
};

/** For throttled routes only. */
export const tooManyRequestsResponse = problemResponse(
  "Too many attempts; `Retry-After` says when to try again",
);

export function problemResponseOf(c: Context, error: AppError) {
  const problem = toProblem(error);
  return c.body(JSON.stringify(problem), problem.status as 400, {
    ...error.headers,
    "content-type": "application/problem+json",
  });
}

const NIL_ORGANISATION = "00000000-0000-0000-0000-000000000000";

/** The row-level scope of an actor: the Comune's roles see the programme, partners their own rows. */
export function scopeOfActor(actor: Actor): DbScope {
  // A tenant belongs to no organisation's view: only to their own household's tenancy.
  if (actor.role === "tenant") {
    return {
      organisationId: NIL_ORGANISATION,
      userId: actor.userId,
      sees: "tenant",
      householdId: actor.householdId,
    };
  }
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    sees: scopeOfRole(actor.role) === "programme" ? "all" : "organisation",
    seesWithdrawn: actor.role === "comune_data_protection",
  };
}

/**
 * The scope of the sign-in and audit machinery, which must find an account or a session before
 * anybody is known. Used only by `auth/` and `audit/`; the nil organisation id matches no row.
 */
export const SYSTEM_SCOPE: DbScope = {
  organisationId: NIL_ORGANISATION,
  userId: null,
  sees: "all",
};

/** Run `fn` in a request transaction, as the application role, scoped to `actor`. */
export function asActor<T>(deps: AppDeps, actor: Actor, fn: (db: Db) => Promise<T>): Promise<T> {
  return deps.database.scoped(scopeOfActor(actor), fn);
}

/** `Database.alongside` for a request's transaction `db`, opened for `actor`. */
export function alongsideFor(deps: AppDeps, actor: Actor, db: Db): Alongside {
  const scope = scopeOfActor(actor);
  return (tasks) => deps.database.alongside(db, scope, tasks);
}

/** `asActor` for the signed-in actor of a route's context, who is passed to `fn` too. */
export function inActorScope<T>(
  deps: AppDeps,
  c: Context<AppEnv>,
  fn: (db: Db, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(c);
  return asActor(deps, actor, (db) => fn(db, actor));
}

/** The signed-in actor; the `requires` middleware has already refused anonymous calls. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (actor === null) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return actor;
}

function requires(
  permission: Permission | "authenticated",
  options: SecuredRouteOptions,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("permission", permission);
    c.set("auditReads", options.auditReads ?? false);
    const actor = actorOf(c);
    if (permission !== "authenticated" && !hasPermission(actor.role, permission)) {
      throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not ${permission}`);
    }
    await next();
  };
}

/**
 * A route that needs a session and a permission. The permission is enforced by middleware and
 * written into the OpenAPI document as `x-permission`.
 */
export type SecuredRouteOptions = {
  /** Record every read in the audit trail too (special-category records: Garante's rule). */
  auditReads?: boolean;
};

export function securedRoute<R extends Omit<RouteConfig, "middleware">>(
  permission: Permission | "authenticated",
  route: R,
  options: SecuredRouteOptions = {},
) {
  return {
    ...route,
    security: [{ session: [] }],
    "x-permission": permission,
    ...(options.auditReads ? { "x-audit-reads": true } : {}),
    middleware: [requires(permission, options)],
    responses: { ...errorResponses, ...route.responses },
  };
}

/** An OpenAPI response whose body is JSON of `schema`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body of `schema`, for a route's `request.body`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

export const IdParam = z.object({
  id: z.string().min(1).openapi({ description: "Unit id (uuid) or unit code", example: "MI1-0001" }),
});

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard: a state-changing request that a browser marks as coming from
 * another site (Origin of another host, or Sec-Fetch-Site: cross-site) is refused. Browsers always
 * send one of the two on such requests; API clients outside a browser send neither and carry no
 * ambient cookie risk.
 */
export const sameOriginOnly: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header("origin");
    const host = c.req.header("x-forwarded-host") ?? c.req.header("host");
    const crossOrigin = origin !== undefined && origin !== "null" && new URL(origin).host !== host;
    if (crossOrigin || origin === "null" || c.req.header("sec-fetch-site") === "cross-site") {
      throw new AppError("FORBIDDEN", "Cross-site request refused");
    }
  }
  await next();
};
