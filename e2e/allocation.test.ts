// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  serverUrl,
  signedInPage,
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

const nav = () => page.getByRole("navigation", { name: "Menu principale" });

/** "Assegnazione" in the main menu, then one of the hub's pages, by keyboard. */
async function openFromMenu(link: string, heading: string) {
  await follow(page, nav().getByRole("link", { name: "Assegnazione" }), "Assegnazione");
  await follow(page, page.getByRole("main").getByRole("link", { name: link, exact: true }), heading);
}

/** The value beside a label in a list of facts (`<dt>`/`<dd>`). */
const fact = (scope: Locator, label: string) =>
  scope.locator(".facts-row", { has: page.locator("dt", { hasText: label }) }).locator("dd");

/** The first match of the run's table: its unit code and household reference. */
async function firstMatch() {
  const row = page
    .getByRole("table", { name: /Abbinamenti dell'esecuzione/ })
    .locator("tbody tr")
    .first();
  const unit = (await row.locator("th").textContent()) ?? "";
  const household = (await row.locator("td").first().textContent()) ?? "";
  return { unit, household };
}

describe("the allocation journey of the Comune's administrator", () => {
  test("rules: a weight changed, its preview read as tables, a field error on its field, the version saved", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    await expectAccessible(page);
    await openFromMenu("Regole di assegnazione", "Regole di assegnazione");
    const active = page.getByRole("region", { name: "Versione in vigore" });
    expect(await fact(active, "Versione").textContent()).toBe("0 (regole di partenza)");
    await expectAccessible(page);

    // A figure the schema refuses is named beside its field and in the summary, before anything is sent.
    const base = page.getByRole("textbox", { name: "Punti di base" });
    await base.fill("0");
    await page.getByRole("button", { name: "Anteprima" }).press("Enter");
    const summary = page.locator("#rules-form-errors");
    await summary.getByText("Punti di base: Deve essere maggiore di 0").waitFor();
    await expect.poll(() => isFocused(base)).toBe(true);
    expect(await page.locator("#rules-priority-basePoints-error").textContent()).toBe(
      "Deve essere maggiore di 0",
    );
    await base.fill("1");

    // A weight and an ISEE ceiling changed: the preview says who would lose eligibility and the mix.
    await page.getByRole("textbox", { name: "Può pagare o compartecipare ai costi dell'abitare" }).fill("7");
    const reduced = page.getByRole("group", { name: /Canone calmierato ridotto/ });
    await reduced.getByRole("textbox", { name: "ISEE massimo (€)" }).fill("10000");
    await page.getByRole("button", { name: "Anteprima" }).press("Enter");
    const previewTitle = page.getByRole("heading", { name: "Anteprima della modifica" });
    await previewTitle.waitFor();
    await expect.poll(() => isFocused(previewTitle)).toBe(true);
    const eligible = page.getByRole("table", { name: "Nuclei idonei prima e dopo la modifica" });
    const eligibleRow = eligible.getByRole("row", { name: /Nuclei idonei per almeno un alloggio/ });
    const [before, after] = (await eligibleRow.getByRole("cell").allTextContents()).map(Number);
    expect(after).toBeLessThan(before ?? 0);
    await page.getByRole("heading", { name: /Non sarebber?o? più idone/ }).waitFor();
    const mix = page.getByRole("table", { name: /Coppie nucleo–alloggio idonee per tipologia/ });
    expect(await mix.locator("tbody tr").count()).toBe(3);
    const groups = page.getByRole("table", { name: "Nuclei idonei per tipo di nucleo" });
    expect(await groups.locator("tbody tr").count()).toBe(7);
    await expectAccessible(page);

    // The ceiling back as it was; the weight saved as version 1, with its reason.
    await reduced.getByRole("textbox", { name: "ISEE massimo (€)" }).fill("20000");
    await page.getByRole("button", { name: "Salva nuova versione" }).press("Enter");
    const reason = page.getByRole("textbox", { name: "Motivazione" });
    await page.locator("#rules-reason-error").waitFor();
    await expect.poll(() => isFocused(reason)).toBe(true);
    await reason.fill("Più peso a chi può compartecipare ai costi dell'abitare");
    await page.getByRole("button", { name: "Salva nuova versione" }).press("Enter");
    const saved = page.getByText("Versione 1 salvata: è in vigore da adesso.");
    await saved.waitFor();
    await expect.poll(() => isFocused(saved)).toBe(true);
    expect(await fact(active, "Versione").textContent()).toBe("1");
    const history = page.getByRole("table", { name: "Versioni salvate delle regole, dalla più recente" });
    await history
      .getByRole("cell", { name: "Più peso a chi può compartecipare ai costi dell'abitare" })
      .waitFor();
    expect(
      await page
        .getByRole("textbox", { name: "Può pagare o compartecipare ai costi dell'abitare" })
        .inputValue(),
    ).toBe("7");
    await expectAccessible(page);
  });

  test("runs: a run with its proof, an explanation of a match, an identical replay", async () => {
    await openFromMenu("Esecuzioni", "Esecuzioni dell'assegnazione");
    await expectAccessible(page);
    // No minimum for the calmierato units: the demo stock cannot meet the default mix.
    const calmierato = page.getByRole("group", { name: "Calmierato", exact: true });
    await calmierato.getByRole("textbox", { name: "Minimo" }).fill("0");
    await page.getByRole("button", { name: "Avvia l'esecuzione" }).press("Enter");
    const h1 = page.getByRole("heading", { level: 1, name: /^Esecuzione del / });
    await h1.waitFor();
    await expect.poll(() => isFocused(h1)).toBe(true);
    const outcome = page.getByRole("region", { name: "Esito e prova" });
    expect(await fact(outcome, "Stato").textContent()).toBe("Ottimale");
    expect(await fact(outcome, "Scarto").textContent()).toBe("0");
    expect(await fact(outcome, "Certificato di ottimalità valido").textContent()).toBe("Sì");
    await outcome
      .getByText("Uno scarto pari a 0 dimostra quindi che non esiste un'assegnazione migliore")
      .waitFor();
    const counts = page.getByRole("table", { name: "Per tipologia" });
    expect(await counts.locator("tbody tr").count()).toBe(3);
    await expectAccessible(page);

    // "Spiega" on a match: every rule passed, the score's parts, the rank; the focus on the answer.
    const match = await firstMatch();
    await page
      .getByRole("button", { name: `Spiega l'abbinamento di ${match.unit} a ${match.household}` })
      .press("Enter");
    const answer = page.getByRole("heading", { name: `${match.household} e ${match.unit}` });
    await answer.waitFor();
    await expect.poll(() => isFocused(answer)).toBe(true);
    await page.getByText("Abbinati in questa esecuzione.").waitFor();
    const checks = page.getByRole("table", { name: "Requisiti" });
    expect(await checks.locator("tbody tr").count()).toBe(9);
    expect(await checks.getByText("Non rispettato").count()).toBe(0);
    const score = page.getByRole("table", { name: "Composizione del punteggio di priorità" });
    await score.getByRole("rowheader", { name: "Punti di base" }).waitFor();
    await expectAccessible(page);

    // Any pair can be typed in: this household with a unit that went to another.
    const units = page.getByRole("table", { name: /Abbinamenti dell'esecuzione/ }).locator("tbody tr th");
    const otherUnit = (await units.nth(1).textContent()) ?? "";
    await page.getByRole("textbox", { name: "Alloggio (codice)" }).fill(otherUnit);
    await page.getByRole("textbox", { name: "Alloggio (codice)" }).press("Enter");
    await page.getByRole("heading", { name: `${match.household} e ${otherUnit}` }).waitFor();
    await page.getByText(/^Non abbinati: /).waitFor();

    await page.getByRole("button", { name: "Riproduci" }).press("Enter");
    await page
      .getByText(/^Riproduzione identica: stessi dati, stessi abbinamenti, stesso valore\./)
      .waitFor();
    await expectAccessible(page);
  });

  test("offers: one declined by the household for a reasonable reason, the next accepted", async () => {
    const runUrl = page.url();
    const match = await firstMatch();
    const offerButton = page.getByRole("button", { name: `Proponi ${match.unit} a ${match.household}` });
    await offerButton.press("Enter");
    const title = `Proposta: ${match.unit} a ${match.household}`;
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const facts = page.getByRole("region", { name: "La proposta" });
    expect(await fact(facts, "Stato").textContent()).toBe("In attesa di risposta");
    await facts.getByRole("link", { name: match.household }).waitFor();
    await expectAccessible(page);

    // The refusal asks who refused and whether it was reasonable; then it is recorded with its reason.
    const refusal = page.getByRole("region", { name: "Rifiuto", exact: true });
    await refusal.getByRole("button", { name: "Registra il rifiuto" }).press("Enter");
    await refusal.getByText("Ci sono 3 errori da correggere").waitFor();
    await refusal
      .getByRole("textbox", { name: "Motivo del rifiuto" })
      .fill("L'alloggio è troppo lontano dal lavoro");
    await tick(
      refusal.getByRole("group", { name: "Chi ha rifiutato" }).getByRole("radio", { name: "Il nucleo" }),
    );
    await tick(
      refusal.getByRole("group", { name: "Rifiuto giustificato" }).getByRole("radio", { name: "Sì" }),
    );
    await refusal.getByRole("button", { name: "Registra il rifiuto" }).press("Enter");
    const declined = page.getByText("Rifiuto registrato.");
    await declined.waitFor();
    await expect.poll(() => isFocused(declined)).toBe(true);
    expect(await fact(facts, "Stato").textContent()).toBe("Rifiutata");
    expect(await fact(facts, "Chi ha rifiutato").textContent()).toBe("Il nucleo");
    expect(await fact(facts, "Rifiuto giustificato").textContent()).toBe("Sì");
    expect(await fact(facts, "Nota").textContent()).toBe("Il nucleo mantiene il suo posto");
    expect(await page.getByRole("region", { name: "Rifiuto", exact: true }).count()).toBe(0);
    await expectAccessible(page);

    // The same pair offered again from the run: the visit recorded, then the household accepts.
    await facts.getByRole("link", { name: "Apri l'esecuzione" }).press("Enter");
    await page.waitForURL(runUrl);
    await offerButton.press("Enter");
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("region", { name: "Visita pre-assegnazione" }).getByRole("button").press("Enter");
    await page.getByText("Visita registrata.").waitFor();
    await page.getByRole("button", { name: "Registra l'accettazione" }).press("Enter");
    await page.getByText("Accettazione registrata.").waitFor();
    const again = page.getByRole("region", { name: "La proposta" });
    expect(await fact(again, "Stato").textContent()).toBe("Accettata");
    expect(await fact(again, "Data della visita pre-assegnazione").textContent()).not.toBe("Non ancora");
    // Accepted: no more answers, only the Comune's withdrawal.
    expect(await page.getByRole("button", { name: "Registra l'accettazione" }).count()).toBe(0);
    await page.getByRole("region", { name: "Ritiro della proposta" }).waitFor();
    await expectAccessible(page);
  });

  test("the offer list filters by status, and reads in English", async () => {
    await openFromMenu("Proposte di alloggio", "Proposte di alloggio");
    const table = page.getByRole("table", { name: "Proposte di alloggio, dalla più recente" });
    await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    await page.getByRole("combobox", { name: "Stato" }).selectOption("accepted");
    await page.getByRole("button", { name: "Applica i filtri" }).press("Enter");
    await page.waitForURL(/status=accepted/);
    // Other journeys on the same server accept offers too: every row shown is an accepted one.
    await expect
      .poll(async () => [
        ...new Set(
          await table
            .locator("tbody tr")
            .evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[2]?.textContent)),
        ),
      ])
      .toEqual(["Accettata"]);
    await expectAccessible(page);

    await page.getByRole("button", { name: "English" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Housing offers" }).waitFor();
    const english = page.getByRole("table", { name: "Housing offers, newest first" });
    expect(await english.locator("tbody tr td").nth(2).textContent()).toBe("Accepted");
    const menu = page.getByRole("navigation", { name: "Main menu" });
    expect(await menu.getByRole("link", { name: "Allocation" }).getAttribute("aria-current")).toBe("page");
    await expectAccessible(page);
    // Leave the shared browser profile as the other journeys expect it.
    await page.getByRole("button", { name: "Italiano" }).press("Enter");
    await page.getByRole("heading", { level: 1, name: "Proposte di alloggio" }).waitFor();
  });
});
