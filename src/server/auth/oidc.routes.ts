// SPDX-License-Identifier: EUPL-1.2
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { OidcAvailability, ReturnPath } from "../../domain/auth/oidc-identity.ts";
import { AppError } from "../errors.ts";
import { type AppDeps, type AppEnv, clientAddress, errorResponses } from "../http.ts";
import { logger } from "../logger.ts";
import { sessionCookieName } from "./auth.routes.ts";
import { beginOidcLogin, completeOidcLogin, OIDC_LOGIN_TTL_MS, type OidcSettings } from "./oidc.service.ts";

/** Ties a sign-in under way to the browser that started it (against login cross-site request forgery). */
const stateCookieName = (secure: boolean) => (secure ? "__Host-cc_oidc" : "cc_oidc");
/** The web app shows its login page at any path to a visitor; `errore=spid` makes it explain the refusal. */
export const OIDC_REFUSED_PATH = "/?errore=spid";

const statusRoute = createRoute({
  method: "get",
  path: "/auth/oidc",
  tags: ["auth"],
  summary: "Whether sign-in with SPID/CIE is offered",
  "x-permission": "public",
  responses: {
    200: { description: "Offered or not", content: { "application/json": { schema: OidcAvailability } } },
  },
});

const startRoute = createRoute({
  method: "get",
  path: "/auth/oidc/start",
  tags: ["auth"],
  summary: "Sign in with SPID/CIE: redirects to the Comune's gateway",
  "x-permission": "public",
  request: {
    query: z.object({
      returnTo: ReturnPath.optional().openapi({ description: "Path of this site to land on", example: "/" }),
    }),
  },
  responses: {
    302: { description: "To the gateway's sign-in page (or to the login page when it cannot be reached)" },
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

const callbackRoute = createRoute({
  method: "get",
  path: "/auth/oidc/callback",
  tags: ["auth"],
  summary: "The gateway's answer: sets the session cookie and redirects",
  "x-permission": "public",
  request: {
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      iss: z.string().optional(),
      error: z.string().optional(),
    }),
  },
  responses: {
    302: {
      description: `Signed in: to the path the sign-in started from; refused: to \`${OIDC_REFUSED_PATH}\``,
    },
    404: errorResponses[404],
  },
});

function settingsOf(deps: AppDeps): OidcSettings {
  if (deps.oidc === null) throw new AppError("NOT_FOUND", "Sign-in with SPID/CIE is not configured");
  return deps.oidc;
}

/** Any failure of the sign-in lands on the login page with a message; the cause goes to the log. */
function toLoginPage(c: Context<AppEnv>, error: unknown) {
  if (!(error instanceof AppError)) logger.error("SPID/CIE sign-in failed", { error: String(error) });
  return c.redirect(OIDC_REFUSED_PATH, 302);
}

export function oidcRoutes(deps: AppDeps) {
  const { database, policy, secureCookies, now } = deps;
  const stateCookie = stateCookieName(secureCookies);
  return new OpenAPIHono<AppEnv>()
    .openapi(statusRoute, (c) => c.json({ enabled: deps.oidc !== null }, 200))
    .openapi(startRoute, async (c) => {
      const settings = settingsOf(deps);
      const returnTo = c.req.valid("query").returnTo ?? "/";
      c.header("cache-control", "no-store");
      try {
        const { authorizationUrl, state } = await beginOidcLogin({
          database,
          settings,
          returnTo,
          now: now(),
        });
        setCookie(c, stateCookie, state, {
          path: "/",
          httpOnly: true,
          secure: secureCookies,
          sameSite: "Lax",
          maxAge: OIDC_LOGIN_TTL_MS / 1000,
        });
        return c.redirect(authorizationUrl.href, 302);
      } catch (error) {
        return toLoginPage(c, error);
      }
    })
    .openapi(callbackRoute, async (c) => {
      const settings = settingsOf(deps);
      const browserState = getCookie(c, stateCookie);
      deleteCookie(c, stateCookie, { path: "/", secure: secureCookies });
      c.header("cache-control", "no-store");
      try {
        const { token, returnTo } = await completeOidcLogin({
          database,
          settings,
          query: new URL(c.req.url).searchParams,
          browserState,
          address: clientAddress(c, deps.trustProxy),
          now: now(),
          policy,
        });
        setCookie(c, sessionCookieName(secureCookies), token, {
          path: "/",
          httpOnly: true,
          secure: secureCookies,
          sameSite: "Lax",
          maxAge: policy.maxHours * 3600,
        });
        return c.redirect(returnTo, 302);
      } catch (error) {
        return toLoginPage(c, error);
      }
    });
}
