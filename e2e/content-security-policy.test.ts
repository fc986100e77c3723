// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newContext, serverUrl, signedInPage } from "./support/browser.ts";

const baseUrl = serverUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every Content-Security-Policy violation the page reports, as Chromium logs it. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe("the strict Content-Security-Policy", () => {
  test("blocks nothing the app itself needs, on every page", async () => {
    const page = await signedInPage(browser, baseUrl);
    const violations = watchViolations(page);
    const visits: [string, string][] = [
      ["/", "Cruscotto dello stock abitativo"],
      ["/alloggi", "Alloggi"],
      ["/alloggi/nuovo", "Nuovo alloggio"],
      ["/alloggi/importa", "Importa alloggi"],
    ];
    for (const [path, heading] of visits) {
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    }
    // The detail page of the first unit in the list.
    await page.goto("/alloggi");
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("heading", { level: 2, name: "Storico delle modifiche" }).waitFor();
    await page.goto("/api/docs");
    await page.getByRole("heading", { level: 1, name: /CasaComune API/ }).waitFor();
    // The docs page's style sheet is allowed by its hash: the operations are styled.
    const methodBackground = await page
      .locator(".method")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(methodBackground).toBe("rgb(0, 85, 163)");
    expect(violations).toEqual([]);
  });

  test("holds on the sign-in page too", async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    const violations = watchViolations(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Accedi" }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
