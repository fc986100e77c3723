// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiTotal,
  axeViolations,
  DEMO_ADMIN,
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newContext,
  serverUrl,
} from "./support/browser.ts";

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

describe("signing in and out", () => {
  test("the login page is accessible, starts with a skip link and explains empty fields", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Accedi a CasaComune" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("it");
    await expectAccessible(page);

    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Vai al contenuto principale");
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main");

    await page.getByRole("button", { name: "Accedi" }).click();
    const email = page.getByLabel("Indirizzo e-mail");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await email.getAttribute("aria-describedby")).toContain("login-email-error");
    expect(await page.locator("#login-email-error").textContent()).toBe(
      "Inserisci un indirizzo e-mail valido",
    );
    expect(await page.locator("#login-password-error").textContent()).toBe("La password è obbligatoria");
    await expectAccessible(page);
  });

  test("the accessibility check finds violations when there are some", async () => {
    // Every journey asserts 0 violations: that proves something only if the check can find them.
    const probe = await (await newContext(browser, baseUrl)).newPage();
    await probe.goto("/");
    await probe.getByRole("heading", { level: 1, name: "Accedi a CasaComune" }).waitFor();
    expect(await axeViolations(probe)).toEqual([]);
    await probe.evaluate(() => {
      const main = document.querySelector("main") ?? document.body;
      const faint = document.createElement("p");
      faint.textContent = "Testo quasi invisibile";
      faint.style.color = "#f4f4f4";
      faint.style.background = "#ffffff";
      const unnamed = document.createElement("button");
      const image = document.createElement("img");
      image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      main.append(faint, unnamed, image);
    });
    const found = (await axeViolations(probe)).map((v) => v.id).sort();
    expect(found).toEqual(["button-name", "color-contrast", "image-alt"]);
    await probe.context().close();
  });

  test("a wrong password gets one generic message", async () => {
    await page.getByLabel("Indirizzo e-mail").fill(DEMO_ADMIN);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Accedi" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "E-mail o password non corretti." });
    await alert.waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Accedi a CasaComune");
  });

  test("the right password opens the dashboard with the stock figures and charts", async () => {
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    expect(await page.getByText("Amministratrice Demo").count()).toBeGreaterThan(0);

    const total = await apiTotal(page);
    const figure = page.locator(".key-figure").filter({ hasText: "Alloggi nel programma" });
    expect(await figure.locator(".key-figure-value").textContent()).toBe(total.toLocaleString("it-IT"));
    expect(await page.locator(".key-figure").filter({ hasText: "Monte canoni" }).textContent()).toMatch(/€/);

    // Every chart is an image with a text alternative carrying its numbers, plus a data table.
    const charts = page.locator('figure[role="img"]');
    await charts.first().locator("canvas").waitFor();
    expect(await charts.count()).toBe(5);
    const mix = await page.locator('figure[role="img"][aria-label*="Tipologie"]').getAttribute("aria-label");
    expect(mix).toMatch(/Calmierato \d+ alloggi, \d+(,\d)?\s?% contro un obiettivo del 39\s?%/);
    expect(await page.locator("details.chart-data").count()).toBe(5);
    await page.getByRole("progressbar", { name: "Alloggi rispetto al tetto" }).waitFor();
    expect(await page.getByRole("progressbar").getAttribute("aria-valuemax")).toBe("732");

    await page.locator("details.chart-data summary").first().click();
    await expectAccessible(page);
  });

  test("signing out returns to the login page", async () => {
    await page.getByRole("button", { name: "Esci" }).click();
    await page.getByRole("heading", { level: 1, name: "Accedi a CasaComune" }).waitFor();
    const me = await page.request.get("/api/v1/auth/me");
    expect(me.status()).toBe(401);
  });
});
