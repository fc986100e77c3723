// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { LoginInput, Me } from "../../domain/auth/roles.ts";
import {
  type AppDeps,
  type AppEnv,
  actorOf,
  clientAddress,
  errorResponses,
  securedRoute,
  tooManyRequestsResponse,
} from "../http.ts";
import { describeActor, login, logout } from "./auth.service.ts";

export const sessionCookieName = (secure: boolean) => (secure ? "__Host-cc_session" : "cc_session");

const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["auth"],
  summary: "Sign in with e-mail and password; sets the session cookie",
  "x-permission": "public",
  request: { body: { content: { "application/json": { schema: LoginInput } }, required: true } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: Me } } },
    400: errorResponses[400],
    401: errorResponses[401],
    429: tooManyRequestsResponse,
  },
});

const meRoute = createRoute(
  securedRoute("authenticated", {
    method: "get",
    path: "/auth/me",
    tags: ["auth"],
    summary: "The signed-in account",
    responses: { 200: { description: "The account", content: { "application/json": { schema: Me } } } },
  }),
);

const logoutRoute = createRoute(
  securedRoute("authenticated", {
    method: "post",
    path: "/auth/logout",
    tags: ["auth"],
    summary: "End the session",
    responses: { 204: { description: "Signed out" } },
  }),
);

export function authRoutes(deps: AppDeps) {
  const { database, policy, secureCookies, now } = deps;
  const cookie = sessionCookieName(secureCookies);
  return new OpenAPIHono<AppEnv>()
    .openapi(loginRoute, async (c) => {
      const { email, password } = c.req.valid("json");
      const { token, actor, headers } = await login({
        database,
        email,
        password,
        address: clientAddress(c, deps.trustProxy),
        now: now(),
        policy,
      });
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      setCookie(c, cookie, token, {
        path: "/",
        httpOnly: true,
        secure: secureCookies,
        sameSite: "Lax",
        maxAge: policy.maxHours * 3600,
      });
      return c.json(describeActor(actor), 200);
    })
    .openapi(meRoute, (c) => c.json(describeActor(actorOf(c)), 200))
    .openapi(logoutRoute, async (c) => {
      const token = getCookie(c, cookie);
      if (token) await logout({ database, token });
      deleteCookie(c, cookie, { path: "/", secure: secureCookies });
      return c.body(null, 204);
    });
}
