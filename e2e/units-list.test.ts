// SPDX-License-Identifier: EUPL-1.2
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { UNIT_FILE_COLUMNS } from "../src/domain/units/unit-file.ts";
import { apiTotal, expectAccessible, launchBrowser, serverUrl, signedInPage } from "./support/browser.ts";

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

const countText = () => page.getByTestId("result-count").textContent();
/** The cells of one column, once the table shows the answer to the latest request. */
async function columnTexts(index: number) {
  await page.locator('table.unit-table[aria-busy="false"]').waitFor();
  return page.locator(`table.unit-table tbody tr > :nth-child(${index})`).allTextContents();
}

describe("the unit list", () => {
  test("shows every unit, 25 a page", async () => {
    await page.goto("/alloggi");
    await page.getByRole("heading", { level: 1, name: "Alloggi", exact: true }).waitFor();
    const total = await apiTotal(page);
    await page
      .getByTestId("result-count")
      .filter({ hasText: `${total} alloggi` })
      .waitFor();
    expect(await page.locator("table.unit-table tbody tr").count()).toBe(25);
    await expectAccessible(page);
  });

  test("filters by category and municipio, keeping the filters in the address", async () => {
    const before = await countText();
    await page.getByLabel("Tipologia di assegnazione").selectOption("fragilita");
    await page.getByLabel("Municipio", { exact: true }).selectOption("3");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await page.waitForURL(/category=fragilita/);
    const url = new URL(page.url());
    expect(url.searchParams.get("category")).toBe("fragilita");
    expect(url.searchParams.get("municipio")).toBe("3");

    const expected = await apiTotal(page, "&category=fragilita&municipio=3");
    expect(expected).toBeGreaterThan(0);
    await page
      .getByTestId("result-count")
      .filter({ hasText: `${expected} alloggi` })
      .waitFor();
    expect(await countText()).not.toBe(before);
    const rows = await page.locator("table.unit-table tbody tr").count();
    expect(rows).toBe(Math.min(expected, 25));
    expect(new Set(await columnTexts(7))).toEqual(new Set(["Fragilità"]));
    expect(new Set(await columnTexts(4))).toEqual(new Set(["3"]));

    // A reload keeps the filters: the form reads them back from the address.
    await page.reload();
    await page
      .getByTestId("result-count")
      .filter({ hasText: `${expected} alloggi` })
      .waitFor();
    expect(await page.getByLabel("Tipologia di assegnazione").inputValue()).toBe("fragilita");
  });

  test("sorts by a column from the keyboard, announcing the order with aria-sort", async () => {
    const header = page.locator("th", { has: page.getByRole("button", { name: /^m²/ }) });
    expect(await header.getAttribute("aria-sort")).toBeNull();
    await page.getByRole("button", { name: /^m²/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=surfaceM2/);
    await page.locator('th[aria-sort="ascending"]', { hasText: "m²" }).waitFor();
    const surfaces = (await columnTexts(5)).map((s) => Number(s.replace(/\./g, "").replace(",", ".")));
    expect(surfaces).toEqual([...surfaces].sort((a, b) => a - b));

    await page.getByRole("button", { name: /^m²/ }).click();
    await page.locator('th[aria-sort="descending"]', { hasText: "m²" }).waitFor();
    await page.waitForURL(/sort=-surfaceM2/);
    const descending = (await columnTexts(5)).map((s) => Number(s.replace(/\./g, "").replace(",", ".")));
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="ascending"]').count()).toBe(0);
    await expectAccessible(page);
  });

  test("exports the filtered list as CSV with the same rows", async () => {
    const expected = await apiTotal(page, "&category=fragilita&municipio=3");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Esporta CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^alloggi-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
    const lines = text.split(/\r?\n/).filter((l) => l !== "");
    expect(lines[0]).toBe(UNIT_FILE_COLUMNS.map((c) => c.key).join(";"));
    expect(lines.length - 1).toBe(expected);
    const categoryIndex = UNIT_FILE_COLUMNS.findIndex((c) => c.key === "category");
    expect(new Set(lines.slice(1).map((l) => l.split(";")[categoryIndex]))).toEqual(new Set(["fragilita"]));
  });

  test("pages through the whole list", async () => {
    await page.getByRole("link", { name: "Azzera i filtri" }).click();
    await page.waitForURL((url) => !url.search.includes("category"));
    const total = await apiTotal(page);
    const pages = Math.ceil(total / 25);
    await page
      .getByTestId("result-count")
      .filter({ hasText: `pagina 1 di ${pages}` })
      .waitFor();
    await page.getByRole("link", { name: "Pagina 2", exact: true }).click();
    await page.waitForURL(/page=2/);
    await page
      .getByTestId("result-count")
      .filter({ hasText: `pagina 2 di ${pages}` })
      .waitFor();
    expect(await page.getByRole("link", { name: "Pagina 2", exact: true }).getAttribute("aria-current")).toBe(
      "page",
    );
    await page.getByRole("link", { name: "Pagina successiva" }).click();
    await page.waitForURL(/page=3/);
    // The page just left stays on screen, faded and busy, until the next one arrives: check that one.
    await page
      .getByTestId("result-count")
      .filter({ hasText: `pagina 3 di ${pages}` })
      .waitFor();
    await page.locator('table.unit-table[aria-busy="false"]').waitFor();
    await expectAccessible(page);
  });
});
