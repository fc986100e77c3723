// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  dayFromToday,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  serverUrl,
  signedInPage,
  tabTo,
  tick,
} from "./support/browser.ts";

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

/** The hub from the main menu, then one of its pages. */
async function openFromHub(link: string, heading = link) {
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
  const nav = page.getByRole("navigation", { name: "Menu principale" });
  await follow(page, nav.getByRole("link", { name: "Assegnazione" }), "Assegnazione");
  await follow(page, page.getByRole("main").getByRole("link", { name: link, exact: true }), heading);
}

/** The value beside a label in a list of facts (`<dt>`/`<dd>`). */
const fact = (scope: Locator, label: string) =>
  scope.locator(".facts-row", { has: page.locator("dt", { hasText: label }) }).locator("dd");

describe("the allocation hub and its newer pages", () => {
  test("one menu entry opens the hub, which lists every page the administrator may open", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    await follow(page, nav.getByRole("link", { name: "Assegnazione" }), "Assegnazione");
    expect(await nav.getByRole("link", { name: "Assegnazione" }).getAttribute("aria-current")).toBe("page");
    const pages = page.getByRole("list", { name: "Pagine dell'assegnazione" });
    expect(await pages.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Regole di assegnazione",
      "Esecuzioni",
      "Proposte di alloggio",
      "Alloggi riservati",
      "Equità dell'assegnazione",
      "Tipologie e designazione",
    ]);
    await expectAccessible(page);
  });

  test("equity: one table per dimension, small counts withheld, and the same in English", async () => {
    await openFromHub("Equità dell'assegnazione");
    const tables: [string, number][] = [
      ["Per sesso della persona di riferimento", 4],
      ["Per età della persona di riferimento", 7],
      ["Per cittadinanza della persona di riferimento", 4],
      ["Per disabilità", 2],
      ["Per tipo di nucleo", 7],
    ];
    for (const [name, groups] of tables) {
      const table = page.getByRole("table", { name, exact: true });
      await table.waitFor();
      expect(await table.locator("tbody tr").count()).toBe(groups);
      expect(await table.getByRole("columnheader").allTextContents()).toEqual([
        "Gruppo",
        "Idonei",
        "Con proposta",
        "Hanno accettato",
        "In alloggio",
        "Con proposta su idonei",
        "Hanno accettato su con proposta",
        "In alloggio su idonei",
      ]);
    }
    await page.getByRole("heading", { name: "Come leggere il rapporto" }).waitFor();
    await page
      .getByRole("note")
      .getByText(/i numeri da 1 a 4 non sono mostrati/)
      .waitFor();
    // Every cell is a number, a withheld count or a dash: nothing else leaks through.
    const cells = await page.locator(".equity-table td").allTextContents();
    for (const cell of cells) expect(cell).toMatch(/^(\d[\d.]*|\d+(,\d+)?\s?%|da 1 a 4|nascosto|—)$/);
    await page
      .getByRole("img", { name: /^Grafico a barre, Proposte e alloggi rispetto agli idonei/ })
      .waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Allocation equity" }).waitFor();
    const byType = page.getByRole("table", { name: "By household type", exact: true });
    expect(await byType.getByRole("columnheader").first().textContent()).toBe("Group");
    await page
      .getByRole("note")
      .getByText(/counts from 1 to 4 are not shown/)
      .waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Italiano" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Equità dell'assegnazione" }).waitFor();
  });

  test("mix: the mix against its bounds; a designation proposed, one category changed, confirmed with a reason", async () => {
    await openFromHub("Tipologie e designazione");
    const current = page.getByRole("table", {
      name: "Alloggi per tipologia rispetto all'obiettivo e ai limiti",
    });
    await current.waitFor();
    expect(await current.locator("tbody tr").count()).toBe(3);
    await page.getByRole("table", { name: "Calmierato: nuclei in attesa per numero di persone" }).waitFor();
    await page.getByRole("table", { name: "Fragilità: alloggi per numero di locali" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Proponi designazione" }).press("Enter");
    const proposal = page.getByRole("heading", { name: "Proposta di designazione" });
    await proposal.waitFor();
    await expect.poll(() => isFocused(proposal)).toBe(true);
    await page.getByText(/^La proposta cambia la tipologia di \d+ allogg/).waitFor();
    const beforeAfter = page.getByRole("table", {
      name: "Alloggi per tipologia prima e dopo la designazione proposta",
    });
    expect(await beforeAfter.locator("tbody tr").count()).toBe(3);
    await expectAccessible(page);

    // The first unit the proposal changes keeps its category instead.
    const units = page.getByRole("table", {
      name: "Alloggi: tipologia attuale, tipologia proposta ed esito",
    });
    const row = units.locator("tbody tr").first();
    const code = (await row.getByRole("rowheader").textContent()) ?? "";
    const before = (await row.getByRole("cell").nth(1).textContent()) ?? "";
    const select = row.getByRole("combobox", { name: `Tipologia proposta per ${code}` });
    expect(await select.locator("option:checked").textContent()).not.toBe(before);
    await select.selectOption({ label: before });

    // No reason: the summary says so and the focus goes to the field.
    await page.getByRole("button", { name: "Conferma", exact: true }).press("Enter");
    const reason = page.getByRole("textbox", { name: "Motivazione" });
    await page
      .locator("#designation-errors")
      .getByText(/^Motivazione: /)
      .waitFor();
    await expect.poll(() => isFocused(reason)).toBe(true);
    await reason.fill(`Designazione degli alloggi da ristrutturare; ${code} resta com'è`);
    await page.getByRole("button", { name: "Conferma", exact: true }).press("Enter");
    const confirmed = page.getByText(/^Designazione confermata: alloggi che hanno cambiato tipologia \d+/);
    await confirmed.waitFor();
    await expect.poll(() => isFocused(confirmed)).toBe(true);
    const mix = page.getByRole("table", { name: "Nuova composizione per tipologia" });
    expect(await mix.locator("tbody tr").count()).toBe(3);
    await expectAccessible(page);

    // The unit kept the category it had.
    const CATEGORY: Record<string, string> = {
      Calmierato: "calmierato",
      "Calmierato ridotto": "calmierato_ridotto",
      Fragilità: "fragilita",
    };
    const found = await apiJson<{ items: { code: string; category: string }[] }>(
      page,
      "GET",
      `/units?q=${encodeURIComponent(code)}&limit=5`,
    );
    expect(found.items.find((u) => u.code === code)?.category).toBe(CATEGORY[before]);
  });

  test("holds: a unit kept out of the runs, then released with a reason", async () => {
    await openFromHub("Alloggi riservati");
    await expectAccessible(page);
    const form = page.getByRole("form", { name: "Nuova riserva" });
    const unitField = form.getByRole("textbox", { name: "Alloggio (codice)" });
    await unitField.fill("XX-9999");
    await form.getByRole("textbox", { name: "Motivo" }).fill("Alloggio per un'emergenza abitativa");
    await form.getByRole("button", { name: "Riserva l'alloggio" }).press("Enter");
    // The server's refusal lands beside the field it is about.
    await page.locator("#hold-unitId-error").getByText("Nessun alloggio «XX-9999»").waitFor();
    await expect.poll(() => isFocused(unitField)).toBe(true);

    const available = await apiJson<{ items: { code: string }[] }>(
      page,
      "GET",
      "/units?status=available&limit=1",
    );
    const code = available.items[0]?.code ?? "";
    await unitField.fill(code);
    await form.getByLabel("Riservato fino al").fill(dayFromToday(14));
    await form.getByRole("button", { name: "Riserva l'alloggio" }).press("Enter");
    const created = page.getByText(`Alloggio ${code} tenuto fuori dalle esecuzioni fino al`);
    await created.waitFor();
    await expect.poll(() => isFocused(created)).toBe(true);
    const holds = page.getByRole("table", { name: "Riserve sugli alloggi, dalla prima in scadenza" });
    const row = holds.getByRole("row", { name: new RegExp(code) });
    expect(await row.getByRole("cell").nth(0).textContent()).toBe("Nessuno (fuori dalle esecuzioni)");
    await expectAccessible(page);

    await tabTo(page, row.getByRole("button", { name: `Rilascia la riserva di ${code}` }));
    await page.keyboard.press("Enter");
    const releaseReason = page.getByRole("textbox", { name: "Motivo del rilascio" });
    await expect.poll(() => isFocused(releaseReason)).toBe(true);
    await releaseReason.fill("L'emergenza è stata risolta");
    await page.getByRole("button", { name: "Rilascia la riserva", exact: true }).press("Enter");
    const released = page.getByText(`Riserva dell'alloggio ${code} rilasciata.`);
    await released.waitFor();
    await expect.poll(() => holds.getByRole("row", { name: new RegExp(code) }).count()).toBe(0);

    await page.getByRole("link", { name: "Tutte, anche scadute o rilasciate" }).press("Enter");
    await page.waitForURL(/tutte=1/);
    const all = holds.getByRole("row", { name: new RegExp(code) });
    await all.getByText(/^Rilasciata il /).waitFor();
    await all.getByText("L'emergenza è stata risolta").waitFor();
    await expectAccessible(page);
  });

  test("run: its progress shown while it is computed, then its page", async () => {
    await openFromHub("Esecuzioni", "Esecuzioni dell'assegnazione");
    // The real answer, held back until the page has been read, as from a larger programme: meanwhile
    // the page keeps asking how far the run has got, and the server (which has finished) says so.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/api/v1/allocation/runs", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    try {
      const calmierato = page.getByRole("group", { name: "Calmierato", exact: true });
      await calmierato.getByRole("textbox", { name: "Minimo" }).fill("0");
      await page.getByRole("button", { name: "Avvia l'esecuzione" }).press("Enter");
      const bar = page.getByRole("progressbar", { name: /^Avanzamento: / });
      await bar.waitFor();
      await expect.poll(() => bar.getAttribute("aria-valuenow"), { timeout: 30_000 }).toBe("100");
      expect(await page.locator("#run-progress-announcement").textContent()).toBe("Avanzamento: completata");
      await expectAccessible(page);
    } finally {
      release();
    }
    await page.getByRole("heading", { level: 1, name: /^Esecuzione del / }).waitFor();
    await page.unroute("**/api/v1/allocation/runs");
    await page.getByRole("region", { name: "Esito e prova" }).waitFor();
  });

  test("offer: accepted, stepped back with a reason, declined, reopened, and withdrawn", async () => {
    // The run of the previous step is open: offer its first match.
    const row = page
      .getByRole("table", { name: /Abbinamenti dell'esecuzione/ })
      .locator("tbody tr")
      .first();
    const unit = (await row.locator("th").textContent()) ?? "";
    const household = (await row.locator("td").first().textContent()) ?? "";
    await page.getByRole("button", { name: `Proponi ${unit} a ${household}` }).press("Enter");
    await page.getByRole("heading", { level: 1, name: `Proposta: ${unit} a ${household}` }).waitFor();
    const facts = page.getByRole("region", { name: "La proposta" });

    await page.getByRole("button", { name: "Registra l'accettazione" }).press("Enter");
    await page.getByText("Accettazione registrata.").waitFor();
    expect(await fact(facts, "Situazione dell'alloggio").textContent()).toBe("In attesa di contratto");
    const tenancy = (await fact(facts, "Bozza di contratto").textContent()) ?? "";
    expect(tenancy).toMatch(/^[0-9a-f-]{36}$/);
    await facts
      .getByText(
        `L'alloggio ora è «In attesa di contratto». È stata aperta la bozza di contratto ${tenancy}.`,
      )
      .waitFor();
    await expectAccessible(page);

    const stepBack = page.getByRole("region", { name: "Passo indietro" });
    await stepBack.getByRole("button", { name: "Fai un passo indietro" }).press("Enter");
    await stepBack.getByText("C'è 1 errore da correggere").waitFor();
    await stepBack
      .getByRole("textbox", { name: "Motivo del passo indietro" })
      .fill("Il contratto non si può firmare: manca un documento");
    await stepBack.getByRole("button", { name: "Fai un passo indietro" }).press("Enter");
    const steppedBack = page.getByText(
      "Passo indietro registrato: la proposta è di nuovo in attesa di risposta.",
    );
    await steppedBack.waitFor();
    await expect.poll(() => isFocused(steppedBack)).toBe(true);
    expect(await fact(facts, "Stato").textContent()).toBe("In attesa di risposta");
    expect(await facts.locator("dt", { hasText: "Bozza di contratto" }).count()).toBe(0);

    const refusal = page.getByRole("region", { name: "Rifiuto", exact: true });
    await refusal.getByRole("textbox", { name: "Motivo del rifiuto" }).fill("Registrato per errore");
    await tick(
      refusal.getByRole("group", { name: "Chi ha rifiutato" }).getByRole("radio", { name: "Il nucleo" }),
    );
    await tick(
      refusal.getByRole("group", { name: "Rifiuto giustificato" }).getByRole("radio", { name: "No" }),
    );
    await refusal.getByRole("button", { name: "Registra il rifiuto" }).press("Enter");
    await page.getByText("Rifiuto registrato.").waitFor();
    expect(await fact(facts, "Stato").textContent()).toBe("Rifiutata");

    const reopen = page.getByRole("region", { name: "Riapertura" });
    await reopen
      .getByRole("textbox", { name: "Motivo della riapertura" })
      .fill("Il rifiuto era stato registrato per errore");
    await reopen.getByLabel("Nuova scadenza della risposta").fill(dayFromToday(10));
    await expectAccessible(page);
    await reopen.getByRole("button", { name: "Riapri" }).press("Enter");
    await page.getByText("Proposta riaperta: è di nuovo in attesa di risposta.").waitFor();
    expect(await fact(facts, "Stato").textContent()).toBe("In attesa di risposta");

    // Leave unit and household as they were for the other journeys.
    const withdraw = page.getByRole("region", { name: "Ritiro della proposta" });
    await withdraw.getByRole("textbox", { name: "Motivo del ritiro" }).fill("Fine della prova");
    await withdraw.getByRole("button", { name: "Ritira la proposta" }).press("Enter");
    await page.getByText("Proposta ritirata.").waitFor();
    expect(await fact(facts, "Stato").textContent()).toBe("Ritirata");
  });

  test("offers: the overdue ones closed from the list", async () => {
    await openFromHub("Proposte di alloggio");
    await page.getByRole("button", { name: "Chiudi le proposte scadute" }).press("Enter");
    const done = page.getByText(
      /^(Nessuna proposta scaduta da chiudere\.|Chius[ae] \d+ propost[ae] scadut[ae]\.)$/,
    );
    await done.waitFor();
    await expect.poll(() => isFocused(done)).toBe(true);
    await expectAccessible(page);
  });
});
