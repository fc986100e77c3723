// SPDX-License-Identifier: EUPL-1.2
import * as oidc from "openid-client";
import { fiscalCodeOfClaim } from "../../domain/auth/oidc-identity.ts";
import type { Database } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { SYSTEM_SCOPE } from "../http.ts";
import { logger } from "../logger.ts";
import { findUserByFiscalCode } from "./auth.repository.ts";
import { type Actor, type SessionPolicy, signInAuditor, startSession } from "./auth.service.ts";
import { deleteExpiredOidcLogins, insertOidcLogin, takeOidcLogin } from "./oidc.repository.ts";

/** The Comune's SPID/CIE gateway, an OpenID Connect provider, and our client there. */
export type OidcSettings = {
  /** Issuer identifier; its metadata is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Our callback as registered at the gateway (`…/api/v1/auth/oidc/callback`). */
  redirectUri: string;
  /** The claim that carries the holder's fiscal code (`fiscal_number`: `TINIT-<codice fiscale>`). */
  fiscalCodeClaim: string;
};

/** How long a started sign-in waits for the gateway's answer. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;
const OIDC_SCOPE = "openid profile";
// One answer for every refusal: which check failed goes to the audit trail, not to the caller.
const OIDC_REFUSED = "The SPID/CIE sign-in could not be completed";

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The gateway's metadata with our client, discovered once per process (and again after a failure). */
function configurationOf(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  const cached = configurations.get(key);
  if (cached) return cached;
  const issuer = new URL(settings.issuer);
  const discovered = oidc.discovery(
    issuer,
    settings.clientId,
    undefined,
    oidc.ClientSecretBasic(settings.clientSecret),
    // The configuration accepts plain http for a gateway on this machine only (`env.ts`).
    issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : {},
  );
  configurations.set(key, discovered);
  discovered.catch(() => configurations.delete(key));
  return discovered;
}

/** The fiscal code is not in the `profile` scope: ask for it by name, in the ID token and the userinfo. */
function claimsRequest(claim: string) {
  return JSON.stringify({
    id_token: { [claim]: { essential: true } },
    userinfo: { [claim]: { essential: true } },
  });
}

/**
 * Start a sign-in at the gateway: a fresh PKCE verifier (S256), `state` and `nonce`, kept for
 * `OIDC_LOGIN_TTL_MS` in `oidc_logins`. Returns where to send the browser and the `state`, which the
 * caller binds to the browser.
 */
export async function beginOidcLogin(options: {
  database: Database;
  settings: OidcSettings;
  returnTo: string;
  now: Date;
}): Promise<{ authorizationUrl: URL; state: string }> {
  const { database, settings, returnTo, now } = options;
  const configuration = await configurationOf(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await database.scoped(SYSTEM_SCOPE, async (db) => {
    await deleteExpiredOidcLogins(db, now);
    await insertOidcLogin(db, {
      state,
      codeVerifier,
      nonce,
      returnTo,
      expiresAt: new Date(now.getTime() + OIDC_LOGIN_TTL_MS),
    });
  });
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: OIDC_SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    claims: claimsRequest(settings.fiscalCodeClaim),
  });
  return { authorizationUrl, state };
}

/** A short, personal-data-free account of why openid-client refused an answer, for the audit trail. */
function describeOidcFailure(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  }
  if (error instanceof oidc.ClientError) {
    // The wrapped cause names the check that failed (`unexpected ID Token "nonce" claim value`).
    return `${error.code ?? "client error"}: ${error.cause instanceof Error ? error.cause.message : error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finish a sign-in with the gateway's answer (the query of our callback). The `state` must be one
 * this browser started (`browserState`), still pending and not expired; it is used up whatever
 * happens next. openid-client exchanges the code with the PKCE verifier and checks `state`, `nonce`,
 * issuer, audience and signature; the fiscal-code claim must then name an active account. Every
 * outcome is audited; every refusal is the same `UNAUTHENTICATED` error.
 */
export async function completeOidcLogin(options: {
  database: Database;
  settings: OidcSettings;
  query: URLSearchParams;
  browserState: string | undefined;
  address: string;
  now: Date;
  policy: SessionPolicy;
}): Promise<{ token: string; expiresAt: Date; actor: Actor; returnTo: string }> {
  const { database, settings, query, browserState, address, now, policy } = options;
  const audit = signInAuditor(database, now, address);
  const refuse = async (reason: string): Promise<never> => {
    logger.warn("SPID/CIE sign-in refused", { reason });
    await audit("denied", { method: "oidc", reason });
    throw new AppError("UNAUTHENTICATED", OIDC_REFUSED);
  };

  const state = query.get("state");
  if (!state) return refuse("no state in the answer");
  if (state !== browserState) return refuse("state not started by this browser");
  const login = await database.scoped(SYSTEM_SCOPE, (db) => takeOidcLogin(db, state));
  if (login === null) return refuse("unknown or already used state");
  if (login.expiresAt <= now) return refuse("sign-in started too long ago");

  const callbackUrl = new URL(settings.redirectUri);
  callbackUrl.search = query.toString();
  let claimValue: unknown;
  try {
    const configuration = await configurationOf(settings);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    claimValue = idToken?.[settings.fiscalCodeClaim];
    if (claimValue === undefined && idToken !== undefined) {
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claimValue = userInfo[settings.fiscalCodeClaim];
    }
  } catch (error) {
    return refuse(`answer refused: ${describeOidcFailure(error)}`);
  }

  const fiscalCode = fiscalCodeOfClaim(claimValue);
  if (fiscalCode === null) return refuse("no Italian fiscal code in the identity");
  const started = await database.scoped(SYSTEM_SCOPE, async (db) => {
    const user = await findUserByFiscalCode(db, fiscalCode);
    if (user === null || !user.active) return null;
    return startSession(db, { userId: user.id, now, policy });
  });
  if (started === null) return refuse("no active account has this fiscal code");
  await audit("success", { method: "oidc" }, started.actor);
  return { ...started, returnTo: login.returnTo };
}
