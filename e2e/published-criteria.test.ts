// SPDX-License-Identifier: EUPL-1.2
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, launchBrowser, serverUrl, signedInPage } from "./support/browser.ts";

const baseUrl = serverUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the allocation criteria are public to everyone signed in", () => {
  test("a tenant, who may do nothing else, follows the footer link and reads them in Italian and English", async () => {
    const page = await signedInPage(browser, baseUrl, "tenant@demo.casacomune.example");
    await page.goto("/");
    // A tenant's start page is their portal: wait for that redirect before following the footer link.
    await page.waitForURL(/\/portale$/);
    await page.getByRole("contentinfo").getByRole("link", { name: "Criteri di assegnazione" }).click();
    await page.getByRole("heading", { level: 1, name: "Criteri di assegnazione" }).waitFor();
    const priority = page.getByRole("region", { name: "Come si calcola la priorità" });
    await priority.getByText("Conoscenza da parte dei servizi sociali: 10 punti").waitFor();
    expect(await priority.getByRole("listitem").count()).toBeGreaterThan(5);
    const requirements = page.getByRole("region", { name: "Chi può ricevere quale alloggio" });
    expect(await requirements.getByRole("listitem").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Allocation criteria" }).waitFor();
    const english = page.getByRole("region", { name: "How priority is counted" });
    await english.getByRole("listitem").first().waitFor();
    expect(await english.getByText("punti").count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
