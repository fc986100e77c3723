// SPDX-License-Identifier: EUPL-1.2
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  expectAccessible,
  isFocused,
  launchBrowser,
  newContext,
  serverUrl,
  tabTo,
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // A visitor: no sign-in, no cookie.
  page = await (await newContext(browser, baseUrl)).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Every table and the confiscated list have loaded (no "loading" line left). */
async function settled() {
  await page.getByRole("table", { name: /^Beni confiscati in uso/ }).waitFor();
  await expect.poll(() => page.getByRole("status").count(), { timeout: 20_000 }).toBe(0);
}

describe("the open data, for a visitor who does not sign in", () => {
  test("reads every table with its caption, the withheld marker explained, and the licence", async () => {
    await page.goto("/dati-aperti");
    await page.getByRole("heading", { level: 1, name: "Dati aperti" }).waitFor();
    expect(await page.getByRole("heading", { name: "Accedi a CasaComune" }).count()).toBe(0);
    await settled();
    const about = page.getByRole("region", { name: "Come leggere i dati" });
    await about.getByText(/^c = dato non pubblicato/).waitFor();
    await about
      .getByText("I nuclei che hanno revocato il consenso al trattamento dei dati non sono conteggiati.")
      .waitFor();
    expect(await about.getByRole("link", { name: "CC BY 4.0" }).getAttribute("href")).toContain(
      "creativecommons.org/licenses/by/4.0",
    );

    const sexAge = page.getByRole("table", { name: /^Persone raggiunte per sesso ed età, dati al/ });
    expect(await sexAge.getByRole("columnheader", { name: "0–17 anni" }).count()).toBe(1);
    expect(await sexAge.getByRole("rowheader", { name: "Non binarie (X)" }).count()).toBe(1);
    // The demo's households housed are few per municipio: some counts are withheld, read as such.
    const housed = page.getByRole("table", { name: /^Nuclei alloggiati per zona e ambito/ });
    expect(await housed.getByRole("cell", { name: "non pubblicato", exact: true }).count()).toBeGreaterThan(
      0,
    );
    expect(await page.getByRole("table").count()).toBe(11);

    const confiscated = page.getByRole("table", { name: /^Beni confiscati in uso/ });
    expect(await confiscated.getByRole("row").count()).toBeGreaterThan(1);
    await page.getByText(/Non sono pubblicati l'indirizzo né alcun dato del nucleo/).waitFor();
    await expectAccessible(page);
  });

  test("downloads a table as CSV: BOM, `;`, the marker and its footnote, the licence", async () => {
    const link = page.getByRole("link", { name: "Scarica CSV della tabella «Uscite per destinazione»" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^exits-by-destination-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await download.path(), "utf-8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[0]).toBe("\uFEFFDestinazione;Nuclei");
    expect(text).toContain("c = dato non pubblicato");
    expect(text).toContain("Licenza CC BY 4.0");
  });

  test("reaches the contents and every download by keyboard", async () => {
    await page.goto("/dati-aperti");
    await settled();
    const contents = page.getByRole("navigation", { name: "Tabelle pubblicate" });
    const toExits = contents.getByRole("link", { name: "Uscite per destinazione" });
    await tabTo(page, toExits);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe("#tabella-exits-by-destination");
    const csv = page.getByRole("link", { name: "Scarica CSV dell'elenco dei beni confiscati" });
    await tabTo(page, csv);
    expect(await isFocused(csv)).toBe(true);
  });

  test("reads the page in English, still accessible", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Open data" }).waitFor();
    await page.getByRole("table", { name: /^People reached by sex and age, data as of/ }).waitFor();
    await page
      .getByRole("region", { name: "About the data" })
      .getByText(/^c = withheld/)
      .waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Italiano" }).click();
  });
});
