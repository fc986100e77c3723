// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
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

const HEADER =
  "codice;indirizzo;comune;municipio;piano;superficie_m2;locali;camere;provenienza;categoria;condizione";
const row = (code: string, surface: string) =>
  `${code};Via dell'Importazione 3;Milano;5;2;${surface};3;2;municipal;calmierato_ridotto;good`;

async function upload(name: string, lines: string[]) {
  await page.locator("#import-file").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8"),
  });
  await page.getByRole("button", { name: "Importa", exact: true }).click();
}

describe("importing units from a spreadsheet", () => {
  test("without a file, the form says so beside the field", async () => {
    await page.goto("/alloggi/importa");
    await page.getByRole("heading", { level: 1, name: "Importa alloggi" }).waitFor();
    await page.getByRole("button", { name: "Importa", exact: true }).click();
    const input = page.getByLabel("File CSV o XLSX");
    await page.locator("#import-file-error").waitFor();
    expect(await page.locator("#import-file-error").textContent()).toBe("Scegli un file CSV o XLSX.");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await input.getAttribute("aria-describedby")).toContain("import-file-error");
    await expectAccessible(page);
  });

  test("one bad row: nothing is written and the preview names the row and the column", async () => {
    const before = await apiTotal(page);
    await upload("alloggi-con-errore.csv", [
      HEADER,
      row("IMP-E2E-1", "55,5"),
      row("IMP-E2E-2", "0"),
      row("IMP-E2E-3", "71"),
    ]);

    await page.getByText("Importazione non eseguita: nessun alloggio è stato scritto").waitFor();
    const table = page.locator("table.import-errors");
    const cells = await table.locator("tbody tr").first().locator("td").allTextContents();
    // Header is row 1, so the second data row is row 3.
    expect(cells).toEqual([
      "3",
      "Superficie (m²) (superficie_m2)",
      "La superficie deve essere maggiore di 0 m²",
    ]);
    expect(await table.locator("tbody tr").count()).toBe(1);
    expect(await page.getByText("Il file contiene 1 errore (in 1 riga).").count()).toBe(1);

    // The upload finished and the server's phases are listed; the check is where it stopped.
    expect(await page.locator("progress#upload-progress").getAttribute("value")).toBe("100");
    expect(await page.getByLabel(/Invio del file: 100/).count()).toBe(1);
    await page.getByText("Lettura del file — 3 righe").waitFor();
    await page.getByText("Controllo di tutte le righe — errori trovati").waitFor();

    expect(await apiTotal(page)).toBe(before);
    expect(await apiTotal(page, "&q=IMP-E2E")).toBe(0);
    await expectAccessible(page);
  });

  test("a clean file is written, with the phases announced", async () => {
    const before = await apiTotal(page);
    await upload("alloggi.csv", [
      HEADER,
      row("IMP-E2E-1", "55,5"),
      row("IMP-E2E-2", "64"),
      row("IMP-E2E-3", "71"),
    ]);
    await page.getByText("Importazione completata").waitFor();
    expect(await page.getByText("Righe: 3. Alloggi creati: 3, aggiornati: 0, invariati: 0.").count()).toBe(1);
    await page.getByText("Scrittura degli alloggi — 3 righe").waitFor();
    expect(await page.locator("table.import-errors").count()).toBe(0);
    expect(await apiTotal(page)).toBe(before + 3);
    expect(await apiTotal(page, "&q=IMP-E2E")).toBe(3);
  });

  test("the template has the columns of the file, in Italian", async () => {
    const href = await page.getByRole("link", { name: "Scarica il modello CSV" }).getAttribute("href");
    expect(href?.startsWith("data:text/csv")).toBe(true);
    const text = decodeURIComponent(href?.split(",").slice(1).join(",") ?? "");
    expect(
      text
        .replace(/^\uFEFF/, "")
        .trim()
        .split(";")
        .slice(0, 3),
    ).toEqual(["codice", "indirizzo", "comune"]);
  });
});
