// SPDX-License-Identifier: EUPL-1.2
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, serverUrl, signedInPage } from "./support/browser.ts";

const baseUrl = serverUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("what a role may do decides what the pages offer", () => {
  test("an auditor reads units but is offered no create, edit, import or status change", async () => {
    const page = await signedInPage(browser, baseUrl, "auditor@demo.casacomune.example");
    await page.goto("/alloggi");
    await page.getByRole("heading", { level: 1, name: "Alloggi", exact: true }).waitFor();
    await page.locator("table.unit-table tbody tr").first().waitFor();
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Cruscotto",
      "Alloggi",
      "Contratti",
      "Morosità",
      "Manutenzione",
      "Lavori",
      "Piano economico",
      "Finanziamenti",
      "Monitoraggio",
      "Rendiconti",
      "Cronoprogramma",
      "Governance",
      "Spazio partner",
      "Welfare di comunità",
      "Reti e fondo di comunità",
      "Proprietari privati",
    ]);
    expect(await page.getByRole("link", { name: "Nuovo alloggio" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Importa" }).count()).toBe(0);

    await page.locator("table.unit-table tbody tr th a").first().click();
    await page.getByRole("heading", { name: "Storico delle modifiche" }).waitFor();
    expect(await page.getByRole("link", { name: "Modifica" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Cambia stato" }).count()).toBe(0);

    await page.goto("/alloggi/nuovo");
    await page.getByRole("heading", { level: 1, name: "Accesso non consentito" }).waitFor();
    await page.context().close();
  });

  test("a steering-board member sees the dashboard and not the unit list", async () => {
    const page = await signedInPage(browser, baseUrl, "steering.board@demo.casacomune.example");
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Cruscotto",
      "Lavori",
      "Piano economico",
      "Finanziamenti",
      "Monitoraggio",
      "Rendiconti",
      "Cronoprogramma",
      "Governance",
      "Spazio partner",
      "Welfare di comunità",
      "Reti e fondo di comunità",
      "Proprietari privati",
    ]);
    await page.goto("/alloggi");
    await page.getByRole("heading", { level: 1, name: "Accesso non consentito" }).waitFor();

    // The board downloads one partner's report too: it picks the partner from the programme's list.
    await page.goto("/monitoraggio");
    await page
      .getByLabel("Rapporto di un ente partner")
      .selectOption({ label: "Cooperativa Fittizia Casa Aperta (demo)" });
    const report = page.getByRole("link", {
      name: /Scarica il rapporto di Cooperativa Fittizia Casa Aperta \(demo\) \(PDF\)/,
    });
    expect(await report.getAttribute("href")).toMatch(/\/monitoring\/reports\/.+\.pdf\?partner=/);
    await page.context().close();
  });
});
