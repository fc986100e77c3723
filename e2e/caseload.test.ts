// SPDX-License-Identifier: EUPL-1.2
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  expectAccessible,
  launchBrowser,
  serverUrl,
  signedInPage,
  tabTo,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const AREA_B_EDUCATOR = "area.b.educator@demo.casacomune.example";

type CaseloadEntry = {
  householdId: string;
  householdReference: string;
  reviewDaysOverdue: number;
  overdueActions: number;
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the educator's caseload", () => {
  test("lists the demo educator's households, says in words what is late, and its links open the records", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_EDUCATOR);
    const caseload = await apiJson<{ items: CaseloadEntry[]; total: number }>(page, "GET", "/caseload");
    // The demo programme names the educator in the teams of ETS-B1's plans.
    expect(caseload.items.length).toBeGreaterThanOrEqual(20);

    // From the start page to the caseload, by keyboard through the main navigation.
    await page.goto("/alloggi");
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    const link = nav.getByRole("link", { name: "I miei nuclei" });
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "I miei nuclei" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/casi");
    expect(await link.getAttribute("aria-current")).toBe("page");

    const table = page.getByTestId("caseload");
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(caseload.items.length);
    await page.getByText(`Segui ${caseload.items.length} nuclei.`).waitFor();

    // Late reviews and actions come first, and say so in words, not by colour alone.
    const late = caseload.items.filter((e) => e.reviewDaysOverdue > 0 || e.overdueActions > 0);
    const flagged = table.locator("tbody tr.is-overdue");
    expect(await flagged.count()).toBe(late.length);
    for (const text of await flagged.allTextContents()) expect(text).toMatch(/in ritardo/);
    if (late.length > 0) expect(await rows.first().getAttribute("class")).toContain("is-overdue");
    const mostLate = [...caseload.items].sort((a, b) => b.reviewDaysOverdue - a.reviewDaysOverdue)[0];
    if (mostLate && mostLate.reviewDaysOverdue > 0) {
      const row = rows.filter({ hasText: mostLate.householdReference });
      expect(await row.textContent()).toContain(
        `Verifica in ritardo di ${mostLate.reviewDaysOverdue} giorn${mostLate.reviewDaysOverdue === 1 ? "o" : "i"}`,
      );
    }
    await page.getByRole("heading", { level: 2, name: "Verifiche in ritardo" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Contatti dopo l'uscita da fare" }).waitFor();
    await expectAccessible(page);

    // The first household's link, by keyboard: its record opens on the plan, which the team reads.
    const first = rows.first().getByRole("link");
    const reference = (await first.textContent()) ?? "";
    await tabTo(page, first);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: `Nucleo ${reference}` }).waitFor();
    expect(await page.getByRole("tab", { name: "Progetto" }).getAttribute("aria-selected")).toBe("true");
    await page.getByTestId("plan-summary").waitFor();
    expect(await page.getByText("sono riservati all'équipe del nucleo").count()).toBe(0);
    await expectAccessible(page);

    // Back to the list, and the last household's link works too.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "I miei nuclei" }).waitFor();
    const last = page.getByTestId("caseload").locator("tbody tr").last().getByRole("link");
    const lastReference = (await last.textContent()) ?? "";
    await last.click();
    await page.getByRole("heading", { level: 1, name: `Nucleo ${lastReference}` }).waitFor();
    await page.context().close();
  });
});
