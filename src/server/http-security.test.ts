// SPDX-License-Identifier: EUPL-1.2
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createApp } from "./app.ts";
import type { AppDeps } from "./http.ts";
import { setLogLevel } from "./logger.ts";
import { BODY_LIMITS } from "./security.ts";
import { createTestContext, TEST_PASSWORD, type TestContext } from "./testing/test-context.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const deps = (overrides: Partial<AppDeps> = {}): AppDeps => ({
  database: ctx.database,
  policy: { idleMinutes: 30, maxHours: 12 },
  secureCookies: false,
  trustProxy: false,
  securityContact: "mailto:security@test.casacomune.example",
  oidc: null,
  now: () => ctx.clock.now,
  ...overrides,
});

function expectSecurityHeaders(res: Response, label: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, label).toContain("base-uri 'none'");
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("default-src 'self'");
  expect(csp, label).not.toContain("unsafe-inline");
  expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), label).toBe("no-referrer");
  expect(res.headers.get("x-frame-options"), label).toBe("DENY");
}

describe("every response carries the security headers", () => {
  it("on success, on client errors, on refusals and on the docs page", async () => {
    const admin = await ctx.loginAs("comune_admin");
    const responses: [string, Response][] = [
      ["health", await ctx.anonymous.get("/health")],
      ["401", await ctx.anonymous.get("/units")],
      ["404 api", await ctx.anonymous.get("/no-such-route")],
      ["400", await admin.get("/units?municipio=12")],
      ["403 cross-site", await admin.request("POST", "/units", {}, { origin: "https://elsewhere.example" })],
      ["docs", await ctx.app.request("/api/docs")],
      ["security.txt", await ctx.app.request("/.well-known/security.txt")],
    ];
    for (const [label, res] of responses) expectSecurityHeaders(res, label);
    expect(responses.map(([, r]) => r.status)).toEqual([200, 401, 404, 400, 403, 200, 200]);
  });

  it("sends HSTS only when served over HTTPS", async () => {
    const plain = await ctx.anonymous.get("/health");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const https = createApp(deps({ secureCookies: true }));
    const res = await https.request("/api/v1/health");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });

  it("answers an unexpected failure with a bare 500 problem: no stack, no SQL", async () => {
    setLogLevel("silent");
    onTestFinished(() => setLogLevel("info"));
    const broken = createApp(
      deps({
        database: {
          ...ctx.database,
          scoped: () =>
            Promise.reject(new Error('relation "secret_table" does not exist at select * from x')),
        },
      }),
    );
    const res = await broken.request("/api/v1/health");
    expect(res.status).toBe(500);
    expectSecurityHeaders(res, "500");
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ status: 500, detail: "Something went wrong" });
    expect(body).not.toMatch(/secret_table|select|at .*\.ts/);
  });
});

describe("the session cookie", () => {
  it("is __Host- prefixed, Secure, HttpOnly, SameSite, for the whole site and no domain, behind HTTPS", async () => {
    const https = createApp(deps({ secureCookies: true }));
    const email = await ctx.newUser({ role: "auditor" });
    const res = await https.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-cc_session=[\w-]{40,};/);
    for (const attribute of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//]) {
      expect(cookie).toMatch(attribute);
    }
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe("request size limits", () => {
  it("refuses a JSON body over 1 MiB with 413 problem+json, by its declared length", async () => {
    const admin = await ctx.loginAs("comune_admin");
    const big = JSON.stringify({ notes: "x".repeat(BODY_LIMITS.defaultBytes + 10) });
    const res = await ctx.app.request("/api/v1/units", {
      method: "POST",
      body: big,
      headers: {
        cookie: admin.cookie,
        "content-type": "application/json",
        "content-length": String(big.length),
      },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("lets an import file be larger than other bodies", async () => {
    const admin = await ctx.loginAs("comune_admin");
    // 2 MiB of comment-free CSV that is all header: too large for a JSON route, fine for the import.
    const csv = `codice;indirizzo\n${"X;Y\n".repeat((2 * 1024 * 1024) / 4)}`;
    const res = await admin.upload("/units/import", new File([csv], "alloggi.csv", { type: "text/csv" }));
    expect(res.status).not.toBe(413);
  });
});

describe("/.well-known/security.txt", () => {
  it("follows RFC 9116: a contact and an expiry within a year", async () => {
    const res = await ctx.app.request("/.well-known/security.txt");
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain("Contact: mailto:security@test.casacomune.example");
    const expires = new Date(/Expires: (\S+)/.exec(text)?.[1] ?? "");
    const days = (expires.getTime() - ctx.clock.now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(366);
  });
});

describe("the web app's files", () => {
  it("keeps a file named by its content's hash for a year, and checks everything else on every visit", async () => {
    const clientDir = await mkdtemp(path.join(tmpdir(), "casacomune-client-"));
    onTestFinished(() => rm(clientDir, { recursive: true, force: true }));
    await mkdir(path.join(clientDir, "assets"));
    await writeFile(path.join(clientDir, "index.html"), "<!doctype html><title>CasaComune</title>");
    await writeFile(path.join(clientDir, "assets", "index-D7uy3Ks3.js"), "export {};");
    await writeFile(path.join(clientDir, "assets", "logo.svg"), "<svg/>");
    const app = createApp(deps(), { clientDir });

    const hashed = await app.request("/assets/index-D7uy3Ks3.js");
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const page of ["/", "/alloggi", "/assets/logo.svg"]) {
      const res = await app.request(page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get("cache-control"), page).toBe("no-cache");
    }
    expect(await (await app.request("/alloggi")).text()).toContain("<title>CasaComune</title>");
  });
});
