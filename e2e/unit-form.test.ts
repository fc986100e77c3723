// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiTotal, expectAccessible, launchBrowser, serverUrl, signedInPage } from "./support/browser.ts";

const baseUrl = serverUrl();
const CODE = "E2E-0001";
let browser: Browser;
let page: Page;
let unitUrl = "";

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

async function fillUnit(surface: string) {
  await page.getByRole("textbox", { name: "Codice", exact: true }).fill(CODE);
  await page.getByRole("textbox", { name: "Indirizzo", exact: true }).fill("Via delle Prove 7, interno 2");
  await page.getByRole("combobox", { name: "Comune", exact: true }).fill("Milano");
  await page.getByRole("combobox", { name: "Municipio", exact: true }).selectOption("4");
  await page.getByRole("textbox", { name: "Superficie (m²)", exact: true }).fill(surface);
  await page.getByRole("spinbutton", { name: "Locali", exact: true }).fill("3");
  await page.getByRole("spinbutton", { name: "Camere da letto", exact: true }).fill("2");
  await page.getByRole("spinbutton", { name: "Piano", exact: true }).fill("1");
  await page
    .getByRole("combobox", { name: "Tipologia di assegnazione", exact: true })
    .selectOption("calmierato");
}

describe("creating and editing a unit", () => {
  test("a surface of 0 is refused beside the field and nothing is created", async () => {
    const before = await apiTotal(page);
    await page.goto("/alloggi/nuovo");
    await page.getByRole("heading", { level: 1, name: "Nuovo alloggio" }).waitFor();
    await fillUnit("0");
    await page.getByRole("button", { name: "Crea l'alloggio" }).click();

    const surface = page.getByRole("textbox", { name: "Superficie (m²)", exact: true });
    await page.locator("#unit-surfaceM2-error").waitFor();
    expect(await page.locator("#unit-surfaceM2-error").textContent()).toBe(
      "La superficie deve essere maggiore di 0 m²",
    );
    expect(await surface.getAttribute("aria-invalid")).toBe("true");
    expect((await surface.getAttribute("aria-describedby"))?.split(" ")).toContain("unit-surfaceM2-error");
    // The focus goes to the field to fix, and the summary lists it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("unit-surfaceM2");
    expect(await page.locator(".error-summary").textContent()).toContain("C'è 1 errore da correggere");
    await expectAccessible(page);

    expect(new URL(page.url()).pathname).toBe("/alloggi/nuovo");
    expect(await apiTotal(page)).toBe(before);
    expect(await apiTotal(page, `&q=${CODE}`)).toBe(0);
  });

  test("a decimal surface written the Italian way creates the unit and opens its page", async () => {
    const before = await apiTotal(page);
    await page.getByRole("textbox", { name: "Superficie (m²)", exact: true }).fill("62,5");
    await page.getByRole("button", { name: "Crea l'alloggio" }).click();
    await page.getByRole("heading", { level: 1, name: `Alloggio ${CODE}`, exact: true }).waitFor();
    unitUrl = page.url();
    expect(unitUrl).toMatch(/\/alloggi\/[0-9a-f-]{36}$/);
    expect(await apiTotal(page)).toBe(before + 1);

    const facts = page.locator(".facts");
    expect(await facts.getByText("62,5 m²").count()).toBe(1);
    // 62.5 m² × 75 €/m²/year = 4,687.50 € a year; 390.62 € a month (rounded down).
    expect(await page.getByText("4687,50 €").or(page.getByText("4.687,50 €")).count()).toBe(1);
    expect(await page.getByText("390,62 €").count()).toBe(1);
    await page.getByRole("heading", { name: "Storico delle modifiche" }).waitFor();
    await page.getByRole("cell", { name: "Creazione" }).waitFor();
    await expectAccessible(page);
  });

  test("a status change goes through the allowed transitions and into the history", async () => {
    await page.getByLabel("Nota sul cambio di stato (facoltativa)", { exact: true }).fill("Lavori affidati");
    await page.getByRole("button", { name: "Passa a «In ristrutturazione»" }).click();
    await page.getByText("Stato aggiornato: In ristrutturazione.").waitFor();
    await page.getByRole("cell", { name: "Cambio di stato" }).waitFor();
    expect(await page.getByText("Stato: Da ristrutturare → In ristrutturazione").count()).toBe(1);
    expect(await page.getByText("Nota: Lavori affidati").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Passa a «Disponibile»" }).count()).toBe(1);
  });

  test("the same code again is refused by the server, shown beside the code field", async () => {
    await page.goto("/alloggi/nuovo");
    await fillUnit("48");
    await page.getByRole("button", { name: "Crea l'alloggio" }).click();
    await page.locator("#unit-code-error").waitFor();
    expect(await page.locator("#unit-code-error").textContent()).toBe(
      `Esiste già un alloggio con il codice ${CODE}`,
    );
    expect(
      await page.getByRole("textbox", { name: "Codice", exact: true }).getAttribute("aria-invalid"),
    ).toBe("true");
  });

  test("an edit over someone else's change says so and reloads the unit", async () => {
    await page.goto(`${unitUrl}/modifica`);
    await page.getByRole("heading", { level: 1, name: `Modifica l'alloggio ${CODE}` }).waitFor();
    expect(await page.getByRole("textbox", { name: "Superficie (m²)", exact: true }).inputValue()).toBe(
      "62.5",
    );

    // Someone else changes the unit in the meantime.
    const id = unitUrl.split("/").pop() ?? "";
    const current = await (await page.request.get(`/api/v1/units/${id}`)).json();
    const other = await page.request.patch(`/api/v1/units/${id}`, {
      data: { notes: "Cambiato da un collega", version: current.version },
    });
    expect(other.ok()).toBe(true);

    await page.getByRole("textbox", { name: "Indirizzo", exact: true }).fill("Via delle Prove 9");
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await page.getByText("Qualcun altro ha modificato questo alloggio").waitFor();
    await page.getByRole("button", { name: "Ricarica l'alloggio" }).click();
    const notes = page.getByRole("textbox", { name: "Note", exact: true });
    await expect.poll(() => notes.inputValue()).toBe("Cambiato da un collega");
    // The reload keeps nothing of the stale edit.
    expect(await page.getByRole("textbox", { name: "Indirizzo", exact: true }).inputValue()).toBe(
      "Via delle Prove 7, interno 2",
    );

    await page.getByRole("textbox", { name: "Indirizzo", exact: true }).fill("Via delle Prove 9");
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await page.getByRole("heading", { level: 1, name: `Alloggio ${CODE}`, exact: true }).waitFor();
    expect(await page.locator(".facts").getByText("Via delle Prove 9").count()).toBe(1);
    await page.getByText("Indirizzo: Via delle Prove 7, interno 2 → Via delle Prove 9").waitFor();
  });
});
