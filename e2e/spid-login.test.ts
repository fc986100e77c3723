// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, launchBrowser, newContext, serverUrl } from "./support/browser.ts";

// The journeys' server runs without a SPID/CIE gateway: the login page must not offer it, and must
// still explain a refusal that the gateway's callback reports (the end-to-end sign-in itself is
// tested against a real OpenID Connect provider in src/server/auth/oidc.test.ts).

const baseUrl = serverUrl();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, baseUrl)).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in with SPID/CIE", () => {
  test("without a gateway, the login page offers no SPID/CIE button", async () => {
    const availability = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/auth/oidc");
    await page.goto("/");
    expect(await (await availability).json()).toEqual({ enabled: false });
    await page.getByRole("heading", { level: 1, name: "Accedi a CasaComune" }).waitFor();
    expect(await page.getByRole("link", { name: "Entra con SPID / CIE" }).count()).toBe(0);
    expect((await page.request.get("/api/v1/auth/oidc/start")).status()).toBe(404);
  });

  test("a refused SPID/CIE sign-in is explained once, accessibly", async () => {
    await page.goto("/?errore=spid");
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "Non è stato possibile accedere con SPID o CIE." });
    await alert.waitFor();
    // The marker leaves the address bar: a reload does not repeat the message.
    await page.waitForURL((url) => url.search === "");
    await expectAccessible(page);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Accedi a CasaComune" }).waitFor();
    expect(await alert.count()).toBe(0);
  });
});
