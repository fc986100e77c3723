// SPDX-License-Identifier: EUPL-1.2
import { type RouteConfig, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { hasPermission, type Permission } from "../domain/auth/roles.ts";
import type { Actor, SessionPolicy } from "./auth/auth.service.ts";
import type { Database } from "./db/client.ts";
import { AppError, toProblem } from "./errors.ts";

/** What the routes need from the outside world. */
export type AppDeps = {
  database: Database;
  policy: SessionPolicy;
  secureCookies: boolean;
  now: () => Date;
};

export type AppEnv = { Variables: { actor: Actor | null } };

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
  422: problemResponse("The input breaks a rule"),
};

export function problemResponseOf(c: Context, error: AppError) {
  const problem = toProblem(error);
  return c.body(JSON.stringify(problem), problem.status as 400, {
    "content-type": "application/problem+json",
  });
}

/** The signed-in actor; the `requires` middleware has already refused anonymous calls. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (actor === null) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return actor;
}

function requires(permission: Permission | "authenticated"): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
export function securedRoute<R extends Omit<RouteConfig, "middleware">>(
  permission: Permission | "authenticated",
  route: R,
) {
  return {
    ...route,
    security: [{ session: [] }],
    "x-permission": permission,
    middleware: [requires(permission)],
    responses: { ...errorResponses, ...route.responses },
  };
}

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
