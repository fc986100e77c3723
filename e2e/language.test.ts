// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, launchBrowser, serverUrl, signedInPage } from "./support/browser.ts";

const baseUrl = serverUrl();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const lang = () => page.evaluate(() => document.documentElement.lang);

describe("switching language", () => {
  test("Italian first, English on request, remembered across reloads", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    expect(await lang()).toBe("it");
    expect(await page.getByRole("button", { name: "Italiano" }).getAttribute("aria-pressed")).toBe("true");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Housing stock dashboard" }).waitFor();
    expect(await lang()).toBe("en");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(
      await page.getByRole("navigation", { name: "Main menu" }).getByRole("link").allTextContents(),
    ).toEqual([
      "Dashboard",
      "Units",
      "New unit",
      "Import",
      "My households",
      "Households",
      "Referrals",
      "Allocation",
      "Tenancies",
      "Rent roll",
      "Arrears",
      "Tasks",
      "Maintenance",
      "Works",
      "Financial plan",
      "Funding",
      "Monitoring",
      "Expense claims",
      "Timeline",
      "Governance",
      "Partner workspace",
      "Community welfare",
      "Networks and community fund",
      "Private owners",
      "Notices",
    ]);
    await expectAccessible(page);

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Housing stock dashboard" }).waitFor();
    expect(await lang()).toBe("en");
    expect(await page.title()).toBe("Housing stock dashboard · CasaComune");
  });

  test("enum labels and the shared schema's messages follow the language", async () => {
    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Units" }).click();
    await page.getByRole("heading", { level: 1, name: "Units", exact: true }).waitFor();
    const categories = await page.getByLabel("Allocation category").locator("option").allTextContents();
    expect(categories).toContain("Reduced capped rent (≤ €55/m²/year)");

    await page.goto("/alloggi/nuovo");
    await page.getByRole("heading", { level: 1, name: "New unit" }).waitFor();
    await page.getByRole("textbox", { name: "Surface (m²)", exact: true }).fill("0");
    await page.getByRole("button", { name: "Create the unit" }).click();
    const message = page.locator("#unit-surfaceM2-error");
    await message.waitFor();
    expect(await message.textContent()).toBe("Surface must be greater than 0 m²");

    // Back to Italian: the same message is shown translated, without submitting again.
    await page.getByRole("button", { name: "Italiano" }).click();
    await page.getByRole("heading", { level: 1, name: "Nuovo alloggio" }).waitFor();
    expect(await lang()).toBe("it");
    expect(await message.textContent()).toBe("La superficie deve essere maggiore di 0 m²");
    const categories2 = await page
      .getByRole("combobox", { name: "Tipologia di assegnazione" })
      .locator("option");
    expect(await categories2.allTextContents()).toContain("Canone calmierato ridotto (≤ 55 €/m²/anno)");
    await expectAccessible(page);
  });
});
