// SPDX-License-Identifier: EUPL-1.2
import { createHash, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, desc, eq, sql } from "drizzle-orm";
import { type Account, Provider } from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { auditEvents, oidcLogins, users } from "../db/schema.ts";
import { readEnv } from "../env.ts";
import { AppError } from "../errors.ts";
import { setLogLevel } from "../logger.ts";
import { createTestContext, TEST_PASSWORD, type TestContext } from "../testing/test-context.ts";
import { createUser } from "./auth.service.ts";
import type { OidcSettings } from "./oidc.service.ts";

// A real OpenID Connect provider (oidc-provider) on an ephemeral port stands in for the Comune's
// SPID/CIE gateway; its development interactions play the citizen who signs in and consents.

const REDIRECT_URI = "http://localhost/api/v1/auth/oidc/callback";
const CLIENT_ID = "casacomune-test";
const CLIENT_SECRET = "a-test-secret-of-the-casacomune-client";

/** Fictional identities at the gateway, by their login there. */
const IDENTITIES: Record<string, Record<string, string>> = {
  "known-holder": { fiscal_number: "TINIT-FNTMRA80A01F205X", name: "Mario Fantasia" },
  "unknown-holder": { fiscal_number: "TINIT-SCNNTN75C12L219K", name: "Antonia Sconosciuta" },
  "retired-holder": { fiscal_number: "TINIT-PNSLCU60B02F205Y", name: "Lucia Pensionata" },
  "foreign-holder": { fiscal_number: "TINES-12345678Z", name: "Juana Extranjera" },
};

/** Cookies by name, as a browser would keep them for one site (paths ignored: harmless here). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expires = attributes.find((a) => /^expires=/i.test(a))?.slice("expires=".length);
      const gone =
        value === "" ||
        attributes.some((a) => /^max-age=0$/i.test(a)) ||
        (expires !== undefined && new Date(expires).getTime() < Date.now());
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string) {
    return this.cookies.get(name);
  }

  set(name: string, value: string) {
    this.cookies.set(name, value);
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

let ctx: TestContext;
let gateway: Server;
let settings: OidcSettings;

async function startGateway(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    features: { claimsParameter: { enabled: true }, devInteractions: { enabled: true } },
    claims: { openid: ["sub"], profile: ["name"], fiscal_number: null },
    findAccount: (_ctx, id): Account | undefined => {
      const claims = IDENTITIES[id];
      return claims && { accountId: id, claims: () => ({ sub: id, ...claims }) };
    },
    jwks: { keys: [{ ...signingKey, kid: "test-signing-key", alg: "RS256", use: "sig" }] },
    cookies: { keys: ["a-test-cookie-signing-key"] },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });
  server.on("request", provider.callback());
  settings = {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    fiscalCodeClaim: "fiscal_number",
  };
  return server;
}

beforeAll(async () => {
  gateway = await startGateway();
  ctx = await createTestContext({ oidc: settings });
  // Every refusal below logs a warning by design; the audit trail is what the tests read.
  setLogLevel("error");
});
afterAll(async () => {
  setLogLevel("info");
  await ctx?.close();
  await new Promise((resolve) => gateway?.close(resolve));
});

/** One browser: its cookies for our site and for the gateway. */
type Browser = { app: CookieJar; gateway: CookieJar };
const newBrowser = (): Browser => ({ app: new CookieJar(), gateway: new CookieJar() });

async function atApp(browser: Browser, path: string) {
  const response = await ctx.app.request(path, { headers: { cookie: browser.app.header() } });
  browser.app.take(response);
  return response;
}

async function atGateway(browser: Browser, url: string, form?: Record<string, string>) {
  const response = await fetch(url, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: {
      cookie: browser.gateway.header(),
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  browser.gateway.take(response);
  return response;
}

const locationOf = (response: Response, base: string) =>
  new URL(response.headers.get("location") ?? "", base);

/**
 * Start at our site and walk the gateway as the citizen `login` would: sign in, consent (or cancel),
 * following each redirect by hand. Returns the authorization request and the gateway's answer, the
 * URL of our callback, not yet visited.
 */
async function signInAtGateway(
  browser: Browser,
  login: string,
  options: { returnTo?: string; cancel?: boolean } = {},
): Promise<{ authorization: URL; callback: URL }> {
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : "";
  const start = await atApp(browser, `/api/v1/auth/oidc/start${query}`);
  expect(start.status).toBe(302);
  const authorization = locationOf(start, settings.issuer);
  expect(authorization.origin).toBe(settings.issuer);

  let next = authorization;
  for (let step = 0; step < 10; step += 1) {
    if (next.href.startsWith(REDIRECT_URI)) return { authorization, callback: next };
    let response = await atGateway(browser, next.href);
    if (next.pathname.startsWith("/interaction/")) {
      const prompt = /name="prompt" value="(\w+)"/.exec(await response.text())?.[1];
      response = options.cancel
        ? await atGateway(browser, `${next.href}/abort`)
        : await atGateway(
            browser,
            next.href,
            prompt === "login" ? { prompt, login } : { prompt: String(prompt) },
          );
    }
    expect([302, 303], `${next.href}: ${response.status}`).toContain(response.status);
    next = locationOf(response, settings.issuer);
  }
  throw new Error("the gateway did not answer within 10 redirects");
}

const sessionCookie = (browser: Browser) => browser.app.get("cc_session");

async function loginRecords() {
  return ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.login"), sql`${auditEvents.detail}->>'method' = 'oidc'`))
    .orderBy(desc(auditEvents.seq));
}

async function lastRefusalReason() {
  const [last] = await loginRecords();
  expect(last?.outcome).toBe("denied");
  return String((last?.detail as { reason?: string } | undefined)?.reason);
}

async function expectRefused(browser: Browser, response: Response) {
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/?errore=spid");
  expect(await response.text()).not.toMatch(/at .+\.ts|Error/);
  expect(sessionCookie(browser)).toBeUndefined();
}

describe("sign-in with SPID/CIE through an OpenID Connect gateway", () => {
  let holderEmail: string;
  beforeAll(async () => {
    holderEmail = await ctx.newUser({ role: "comune_housing_officer", fiscalCode: "fntmra80a01f205x" });
    const retired = await ctx.newUser({ role: "auditor", fiscalCode: "PNSLCU60B02F205Y" });
    await ctx.db.update(users).set({ active: false }).where(eq(users.email, retired));
  });

  it("tells the login page that the sign-in is offered", async () => {
    const res = await ctx.anonymous.get("/auth/oidc");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ enabled: true });
  });

  it("signs a known identity in with PKCE, state and nonce, and lands on the return path", async () => {
    const browser = newBrowser();
    const { authorization, callback } = await signInAtGateway(browser, "known-holder", {
      returnTo: "/alloggi?status=available",
    });

    const params = authorization.searchParams;
    expect(params.get("response_type")).toBe("code");
    expect(params.get("client_id")).toBe(CLIENT_ID);
    expect(params.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(params.get("scope")).toBe("openid profile");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(JSON.parse(params.get("claims") ?? "{}")).toMatchObject({
      id_token: { fiscal_number: { essential: true } },
    });
    const state = params.get("state") ?? "";
    expect(state.length).toBeGreaterThanOrEqual(32);
    expect((params.get("nonce") ?? "").length).toBeGreaterThanOrEqual(32);
    expect(browser.app.get("cc_oidc")).toBe(state);
    const [pending] = await ctx.db.select().from(oidcLogins).where(eq(oidcLogins.state, state));
    expect(pending?.nonce).toBe(params.get("nonce"));
    expect(pending?.returnTo).toBe("/alloggi?status=available");
    expect(pending?.expiresAt).toEqual(new Date(ctx.clock.now.getTime() + 10 * 60_000));
    const challenge = createHash("sha256")
      .update(pending?.codeVerifier ?? "")
      .digest("base64url");
    expect(params.get("code_challenge")).toBe(challenge);

    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("code")).toBeTruthy();
    const res = await atApp(browser, `${callback.pathname}${callback.search}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/alloggi?status=available");
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("cc_session=")) ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(browser.app.get("cc_oidc")).toBeUndefined();

    const me = await atApp(browser, "/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: holderEmail, role: "comune_housing_officer" });

    expect(await ctx.db.select().from(oidcLogins).where(eq(oidcLogins.state, state))).toEqual([]);
    const [record] = await loginRecords();
    expect(record).toMatchObject({
      outcome: "success",
      entity: "account",
      actorRole: "comune_housing_officer",
      detail: { method: "oidc" },
    });
    expect(record?.actorId).toBe(record?.entityId);
  });

  it("refuses an identity that no account carries, and one whose account is disabled", async () => {
    for (const [login, reason] of [
      ["unknown-holder", "no active account has this fiscal code"],
      ["retired-holder", "no active account has this fiscal code"],
      ["foreign-holder", "no Italian fiscal code in the identity"],
    ] as const) {
      const browser = newBrowser();
      const { callback } = await signInAtGateway(browser, login);
      await expectRefused(browser, await atApp(browser, `${callback.pathname}${callback.search}`));
      expect((await atApp(browser, "/api/v1/auth/me")).status).toBe(401);
      expect(await lastRefusalReason()).toBe(reason);
      const [record] = await loginRecords();
      expect(record).toMatchObject({ actorId: null, detail: { method: "oidc" } });
    }
  });

  it("refuses a replayed answer: each state is used once", async () => {
    const browser = newBrowser();
    const { callback } = await signInAtGateway(browser, "known-holder");
    const state = browser.app.get("cc_oidc") ?? "";
    expect((await atApp(browser, `${callback.pathname}${callback.search}`)).status).toBe(302);
    expect(sessionCookie(browser)).toBeDefined();

    const replay = newBrowser();
    replay.app.set("cc_oidc", state);
    await expectRefused(replay, await atApp(replay, `${callback.pathname}${callback.search}`));
    expect(await lastRefusalReason()).toBe("unknown or already used state");
  });

  it("refuses a tampered state, and an answer to a sign-in another browser started", async () => {
    const browser = newBrowser();
    const { callback } = await signInAtGateway(browser, "known-holder");
    const tampered = new URL(callback);
    tampered.searchParams.set("state", "a-state-nobody-issued-aaaaaaaaaaaaaaaaaaa");
    await expectRefused(browser, await atApp(browser, `${tampered.pathname}${tampered.search}`));
    expect(await lastRefusalReason()).toBe("state not started by this browser");

    // Login cross-site request forgery: somebody else's answer pushed into this browser.
    const victim = newBrowser();
    await expectRefused(victim, await atApp(victim, `${callback.pathname}${callback.search}`));
    expect(await lastRefusalReason()).toBe("state not started by this browser");

    // Both the cookie and the answer made up: no such sign-in under way.
    const forger = newBrowser();
    forger.app.set("cc_oidc", "a-state-nobody-issued-aaaaaaaaaaaaaaaaaaa");
    await expectRefused(forger, await atApp(forger, `${tampered.pathname}${tampered.search}`));
    expect(await lastRefusalReason()).toBe("unknown or already used state");
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const browser = newBrowser();
    const { callback } = await signInAtGateway(browser, "known-holder");
    const state = callback.searchParams.get("state") ?? "";
    await ctx.db
      .update(oidcLogins)
      .set({ nonce: "another-nonce-than-the-one-sent" })
      .where(eq(oidcLogins.state, state));
    await expectRefused(browser, await atApp(browser, `${callback.pathname}${callback.search}`));
    expect(await lastRefusalReason()).toMatch(/nonce/);
  });

  it("refuses a tampered code and a code exchanged without the right PKCE verifier", async () => {
    const browser = newBrowser();
    const { callback } = await signInAtGateway(browser, "known-holder");
    const tampered = new URL(callback);
    tampered.searchParams.set("code", `${callback.searchParams.get("code")}x`);
    await expectRefused(browser, await atApp(browser, `${tampered.pathname}${tampered.search}`));
    expect(await lastRefusalReason()).toMatch(/^answer refused: invalid_grant/);

    const other = newBrowser();
    const second = await signInAtGateway(other, "known-holder");
    await ctx.db
      .update(oidcLogins)
      .set({ codeVerifier: "a-verifier-that-does-not-match-the-challenge-sent-aaaaaaaa" })
      .where(eq(oidcLogins.state, second.callback.searchParams.get("state") ?? ""));
    await expectRefused(other, await atApp(other, `${second.callback.pathname}${second.callback.search}`));
    expect(await lastRefusalReason()).toMatch(/^answer refused: invalid_grant/);
  });

  it("refuses a sign-in answered after ten minutes, and one the citizen cancelled", async () => {
    const browser = newBrowser();
    const { callback } = await signInAtGateway(browser, "known-holder");
    const start = ctx.clock.now;
    ctx.clock.now = new Date(start.getTime() + 10 * 60_000 + 1);
    try {
      await expectRefused(browser, await atApp(browser, `${callback.pathname}${callback.search}`));
    } finally {
      ctx.clock.now = start;
    }
    expect(await lastRefusalReason()).toBe("sign-in started too long ago");

    const cancelled = newBrowser();
    const answer = await signInAtGateway(cancelled, "known-holder", { cancel: true });
    expect(answer.callback.searchParams.get("error")).toBe("access_denied");
    await expectRefused(
      cancelled,
      await atApp(cancelled, `${answer.callback.pathname}${answer.callback.search}`),
    );
    expect(await lastRefusalReason()).toMatch(/^answer refused: access_denied/);
  });

  it("accepts only a path of this site to return to", async () => {
    for (const returnTo of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await ctx.anonymous.get(`/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
      expect(res.status, returnTo).toBe(400);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(["returnTo"]);
    }
  });
});

describe("an installation without the gateway", () => {
  it("says the sign-in is not offered and answers its routes with 404", async () => {
    const app = createApp({
      database: ctx.database,
      policy: { idleMinutes: 30, maxHours: 12 },
      secureCookies: false,
      trustProxy: false,
      securityContact: "mailto:security@test.casacomune.example",
      oidc: null,
      now: () => ctx.clock.now,
    });
    expect(await (await app.request("/api/v1/auth/oidc")).json()).toEqual({ enabled: false });
    for (const path of ["/api/v1/auth/oidc/start", "/api/v1/auth/oidc/callback?code=x&state=y"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("the gateway's configuration", () => {
  const complete = {
    OIDC_ISSUER: "https://spid.comune.example/oidc",
    OIDC_CLIENT_ID: "casacomune",
    OIDC_CLIENT_SECRET: "s3cret",
    OIDC_REDIRECT_URI: "https://casacomune.example/api/v1/auth/oidc/callback",
  };

  it("is off when none is set, and complete with the default claim when all are", () => {
    expect(readEnv({}).oidc).toBeNull();
    expect(readEnv(complete).oidc).toEqual({
      issuer: complete.OIDC_ISSUER,
      clientId: "casacomune",
      clientSecret: "s3cret",
      redirectUri: complete.OIDC_REDIRECT_URI,
      fiscalCodeClaim: "fiscal_number",
    });
    expect(readEnv({ ...complete, OIDC_FISCAL_CODE_CLAIM: "cf" }).oidc?.fiscalCodeClaim).toBe("cf");
  });

  it.each([
    { change: { OIDC_CLIENT_SECRET: undefined }, field: "OIDC_CLIENT_SECRET" },
    { change: { OIDC_ISSUER: undefined, OIDC_REDIRECT_URI: undefined }, field: "OIDC_REDIRECT_URI" },
    { change: { OIDC_ISSUER: "not a url" }, field: "OIDC_ISSUER" },
    { change: { OIDC_ISSUER: "http://spid.comune.example" }, field: "OIDC_ISSUER" },
    { change: { OIDC_REDIRECT_URI: "ftp://casacomune.example/cb" }, field: "OIDC_REDIRECT_URI" },
  ])("names $field when it is wrong or missing", ({ change, field }) => {
    expect(() => readEnv({ ...complete, ...change })).toThrow(new RegExp(`^\\s+${field}: `, "m"));
  });

  it("accepts plain http for a gateway on this machine", () => {
    expect(readEnv({ ...complete, OIDC_ISSUER: "http://127.0.0.1:9000" }).oidc?.issuer).toBe(
      "http://127.0.0.1:9000",
    );
  });
});

describe("accounts with a fiscal code", () => {
  const account = (email: string, fiscalCode: string) => ({
    db: ctx.db,
    email,
    name: "Prova Codice Fiscale",
    role: "auditor",
    organisationCode: "COMUNE-MI",
    password: TEST_PASSWORD,
    fiscalCode,
    cost: 2 ** 10,
  });
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => (e instanceof AppError ? { code: e.code, paths: e.errors.map((i) => i.path) } : e),
    );

  it("stores the code upper case, refuses a malformed one and a second account with the same", async () => {
    await createUser(account("cf.one@test.casacomune.example", " dmoprv90c41f205k "));
    const [row] = await ctx.db
      .select({ fiscalCode: users.fiscalCode })
      .from(users)
      .where(eq(users.email, "cf.one@test.casacomune.example"));
    expect(row?.fiscalCode).toBe("DMOPRV90C41F205K");

    expect(await failureOf(createUser(account("cf.two@test.casacomune.example", "DMOPRV90C41F205")))).toEqual(
      {
        code: "INVALID",
        paths: ["fiscalCode"],
      },
    );
    expect(
      await failureOf(createUser(account("cf.three@test.casacomune.example", "DMOPRV90C41F205K"))),
    ).toEqual({ code: "CONFLICT", paths: ["fiscalCode"] });
  });
});
