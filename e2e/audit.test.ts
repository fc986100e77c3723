// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Locator, Page } from "playwright-core";
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

/** Press Tab until `target` has the focus: proves it is reachable by keyboard, in page order. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reached with ${maxPresses} presses of Tab`);
}

async function firstUnit(page: Page): Promise<{ id: string; code: string }> {
  const response = await page.request.get("/api/v1/units?limit=1&sort=-code");
  const body = (await response.json()) as { items: { id: string; code: string }[] };
  const unit = body.items[0];
  if (!unit) throw new Error("the demo programme has no unit");
  return unit;
}

describe("who accessed a record", () => {
  test("the administrator changes a unit, opens who accessed it from its page and finds the change", async () => {
    const page = await signedInPage(browser, baseUrl);
    const me = (await (await page.request.get("/api/v1/auth/me")).json()) as { name: string };
    const unit = await firstUnit(page);

    // Only the notes change: the journeys after this one count units by status and category.
    await page.goto(`/alloggi/${unit.id}/modifica`);
    await page.getByRole("heading", { level: 1, name: `Modifica l'alloggio ${unit.code}` }).waitFor();
    await page
      .getByRole("textbox", { name: "Note", exact: true })
      .fill("Verifica del registro degli accessi");
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await page.getByRole("heading", { level: 1, name: `Alloggio ${unit.code}`, exact: true }).waitFor();

    // From the unit's page to the register, by keyboard.
    const link = page.getByRole("link", { name: "Chi ha consultato questa scheda" });
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Registro degli accessi" }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/registro-accessi");
    expect(Object.fromEntries(url.searchParams)).toEqual({ entita: "units", id: unit.id });
    expect(await page.getByLabel("Identificativo della scheda", { exact: true }).inputValue()).toBe(unit.id);

    const table = page.getByRole("table", { name: "Accessi alla scheda, dal più recente" });
    const change = table.getByRole("row").filter({ hasText: "PATCH /units/{id}" }).first();
    await change.waitFor();
    const cells = await change.getByRole("cell").allTextContents();
    expect(cells[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/);
    expect(cells.slice(1)).toEqual([
      me.name,
      "Amministrazione del Comune",
      "ModificaPATCH /units/{id}",
      "Riuscito",
    ]);
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Data e ora",
      "Chi",
      "Ruolo",
      "Azione",
      "Esito",
    ]);
    await page.getByText(/^\d+ access[oi] registrat[oi], dal più recente\.$/).waitFor();
    await expectAccessible(page);

    // The form works by keyboard too: an empty identifier is refused beside the field.
    const id = page.getByLabel("Identificativo della scheda", { exact: true });
    await tabTo(page, id);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    await page.getByText("Inserisci l'identificativo della scheda").waitFor();
    expect(await id.getAttribute("aria-invalid")).toBe("true");
    expect(await id.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);

    await page.keyboard.type(unit.id);
    await tabTo(page, page.getByRole("button", { name: "Cerca gli accessi" }));
    await page.keyboard.press("Enter");
    await change.waitFor();
    expect(await id.getAttribute("aria-invalid")).toBeNull();
    await page.context().close();
  });

  test("a role without audit:read is offered no link and cannot open the register", async () => {
    const page = await signedInPage(browser, baseUrl, "comune.social.worker@demo.casacomune.example");
    const unit = await firstUnit(page);
    await page.goto(`/alloggi/${unit.id}`);
    await page.getByRole("heading", { level: 1, name: `Alloggio ${unit.code}`, exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Chi ha consultato questa scheda" }).count()).toBe(0);
    await page.goto(`/registro-accessi?entita=units&id=${unit.id}`);
    await page.getByRole("heading", { level: 1, name: "Accesso non consentito" }).waitFor();
    await page.context().close();
  });
});
