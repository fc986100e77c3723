// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  press,
  said,
  serverUrl,
  signedInPage,
  tabTo,
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
let page: Page;

/** The server's today (Rome), which the days it counts start from. */
let asOf = "";

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl);
  asOf = (await apiJson<{ asOf: string }>(page, "GET", "/funding/summary")).asOf;
});
afterAll(async () => {
  await browser?.close();
});

// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const FUNDER = `Fondazione Prova Abitare ${RUN}`;
const CALL = `Casa e comunità, bando di prova ${RUN}`;
const LENDER = `Banca Etica di Prova ${RUN}`;
const PURPOSE = `Ristrutturazione alloggi, prova ${RUN}`;
const ISSUER = `Confidi Garante di Prova ${RUN}`;
/** Euro as the Italian interface writes them (`1200,00 €`, `13.200,00 €`, with a no-break space). */
const euro = (cents: number) =>
  new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" }).format(cents / 100);
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The call's row (its title is the row's header), not the row of its forms below it. */
const callRow = () =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: CALL, exact: true }) });
/** A day `days` after the server's today, as YYYY-MM-DD. */
const day = (days: number) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nav = () => page.getByRole("navigation", { name: "Menu principale" });
const region = (name: string | RegExp) =>
  page.getByRole("region", { name, ...(typeof name === "string" ? { exact: true } : {}) });

const back = () =>
  follow(
    page,
    page
      .getByRole("navigation", { name: "Percorso" })
      .getByRole("link", { name: "Finanziamenti e raccolta fondi" }),
    "Finanziamenti e raccolta fondi",
  );

describe("the funding register, from a call won to a guarantee about to expire", () => {
  test("opens Finanziamenti from the menu by keyboard: totals by source and the warnings of the day", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    const labels = await nav().getByRole("link").allTextContents();
    expect(labels.indexOf("Finanziamenti")).toBe(labels.indexOf("Piano economico") + 1);
    await follow(page, nav().getByRole("link", { name: "Finanziamenti" }), "Finanziamenti e raccolta fondi");
    const totals = page.getByRole("table", { name: /^Impegnato, incassato e da incassare per fonte/ });
    for (const source of [
      "Fondo perduto",
      "Capitale dei partner",
      "Raccolta fondi",
      "Bandi",
      "Cofinanziamento Area A",
      "Cofinanziamento Area B",
      "Prestiti",
    ])
      await totals.getByRole("rowheader", { name: source, exact: true }).waitFor();
    await page.getByText("Quota di debito").waitFor();
    await page.getByRole("heading", { level: 2, name: "Avvisi del giorno" }).waitFor();
    await expectAccessible(page);
  });

  test("adds a call: a missing fit and deadline are named beside their fields, then it is listed", async () => {
    await follow(
      page,
      page
        .getByRole("navigation", { name: "Registri dei finanziamenti" })
        .getByRole("link", { name: "Bandi" }),
      "Bandi",
    );
    await expectAccessible(page);
    const form = region("Aggiungi un bando");
    await form.getByLabel("Ente finanziatore").fill(FUNDER);
    await form.getByLabel("Titolo").fill(CALL);
    await press(page, form.getByRole("button", { name: "Aggiungi il bando" }));
    const deadlineError = form.locator("#call-new-deadline-error");
    await deadlineError.waitFor();
    expect(await deadlineError.textContent()).toBe("Indica una data valida");
    expect(await form.locator("#call-new-fit-error").textContent()).toBe("Scegli un valore dall'elenco");
    await form.getByRole("link", { name: "Scadenza: Indica una data valida" }).waitFor();
    await expect.poll(() => isFocused(form.getByLabel("Scadenza"))).toBe(true);
    await expectAccessible(page);

    await form.getByLabel("Area").selectOption({ label: "Area B" });
    await form.getByLabel("Scadenza").fill(day(30));
    await form.getByLabel("Pertinenza").selectOption({ label: "Alta" });
    await form.getByLabel("Importo massimo in euro").fill("50.000,00");
    await press(page, form.getByRole("button", { name: "Aggiungi il bando" }));
    await said(page, `Bando «${CALL}» aggiunto.`);
    const row = callRow();
    await row.getByText("Alta").waitFor();
    await row.getByText("tra 30 giorni").waitFor();
    expect(await row.getByText(euro(5_000_000)).count()).toBe(1);
    await expectAccessible(page);
  });

  test("applies to the call and records an award: the application reads Finanziata", async () => {
    const row = callRow();
    const manage = row.getByRole("button", { name: `Candidature ed esiti del bando «${CALL}»` });
    await press(page, manage);
    expect(await manage.getAttribute("aria-expanded")).toBe("true");
    const apply = region(`Candidatura al bando «${CALL}»`);
    await apply.getByLabel("Importo richiesto in euro").fill("20.000,00");
    await press(page, apply.getByRole("button", { name: "Presenta la candidatura" }));
    await said(page, `Candidatura al bando «${CALL}» registrata.`);
    await row.getByText("Presentata").waitFor();
    await expectAccessible(page);

    const outcome = region(/^Esito della candidatura di /);
    await outcome.getByRole("combobox", { name: "Esito", exact: true }).selectOption({ label: "Finanziata" });
    await outcome.getByLabel("Importo concesso in euro").fill("15.000,00");
    await outcome.getByLabel("Data prevista dell'incasso").fill(day(10));
    await outcome.getByLabel("Nota").fill("Concesso in parte (prova)");
    await press(page, outcome.getByRole("button", { name: "Registra l'esito" }));
    await said(page, new RegExp(`finanziata con ${literal(euro(1_500_000))}`));
    await row.getByText("Finanziata").waitFor();
    await row.getByText(`Concessi ${euro(1_500_000)}`).waitFor();
    await expectAccessible(page);
  });

  test("finds the award as a pledge of the calls; a receipt above what is outstanding is refused beside the amount", async () => {
    await back();
    await follow(
      page,
      page
        .getByRole("navigation", { name: "Registri dei finanziamenti" })
        .getByRole("link", { name: "Impegni e incassi" }),
      "Impegni e incassi",
    );
    await page
      .getByRole("form", { name: "Filtra gli impegni" })
      .getByRole("combobox", { name: "Fonte" })
      .selectOption({ label: "Bandi" });
    await press(page, page.getByRole("button", { name: "Applica i filtri" }));
    await page.waitForURL(/source=calls/);
    const calls = region("Bandi");
    expect(await page.getByRole("region", { name: "Fondo perduto", exact: true }).count()).toBe(0);
    const row = calls
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: FUNDER, exact: true }) });
    // The filtered list arrives after the address changes: wait for the row before reading it.
    await row.waitFor();
    expect(await row.locator("td.text-end").allTextContents()).toEqual([
      euro(1_500_000),
      euro(0),
      euro(1_500_000),
    ]);
    await expectAccessible(page);

    await press(page, row.getByRole("button", { name: `Registra un incasso di ${FUNDER}` }));
    const receipt = region(`Incasso dell'impegno di ${FUNDER}`);
    const amount = receipt.getByLabel("Importo incassato in euro");
    expect(await amount.inputValue()).toBe("15000,00");
    await amount.fill("20.000,00");
    await press(page, receipt.getByRole("button", { name: "Registra l'incasso" }));
    const error = receipt.locator(".field-error");
    await error.waitFor();
    expect(await error.textContent()).toBe(`L'importo supera quanto resta da incassare (${euro(1_500_000)})`);
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    await receipt
      .getByRole("link", {
        name: `Importo incassato in euro: L'importo supera quanto resta da incassare (${euro(1_500_000)})`,
      })
      .waitFor();
    await expect.poll(() => isFocused(amount)).toBe(true);
    await expectAccessible(page);

    await amount.fill("5.000,00");
    await press(page, receipt.getByRole("button", { name: "Registra l'incasso" }));
    await said(page, `Incasso di ${euro(500_000)} da ${FUNDER} registrato.`);
    await expect
      .poll(() => row.locator("td.text-end").allTextContents())
      .toEqual([euro(1_500_000), euro(500_000), euro(1_000_000)]);
    await row.getByText(`: ${euro(500_000)}`).waitFor();
    await expectAccessible(page);
  });

  test("adds a lender and a loan offer, accepts it, and adds a guarantee expiring within 60 days", async () => {
    await back();
    await follow(
      page,
      page
        .getByRole("navigation", { name: "Registri dei finanziamenti" })
        .getByRole("link", { name: "Finanziatori e prestiti" }),
      "Finanziatori e prestiti",
    );
    await expectAccessible(page);

    const lenderForm = region("Aggiungi un finanziatore");
    await lenderForm.getByLabel("Nome del finanziatore").fill(LENDER);
    await lenderForm.getByLabel("Tipo di finanziatore").selectOption({ label: "Finanza etica" });
    await press(page, lenderForm.getByRole("button", { name: "Aggiungi il finanziatore" }));
    await said(page, `Finanziatore ${LENDER} aggiunto.`);
    await page
      .getByRole("table", { name: /^Finanziatori/ })
      .getByRole("row", { name: new RegExp(literal(LENDER)) })
      .waitFor();

    const offer = region("Nuova offerta di prestito");
    await offer.getByLabel("Finanziatore").selectOption({ label: `${LENDER} (Finanza etica)` });
    await offer.getByLabel("Finalità").fill(PURPOSE);
    await offer.getByLabel("Capitale in euro").fill("300.000,00");
    await offer.getByLabel("Tasso annuo in %").fill("45");
    await offer.getByLabel("Durata in anni").fill("20");
    await offer.getByLabel("Valida fino al").fill(day(20));
    await press(page, offer.getByRole("button", { name: "Registra l'offerta" }));
    // 45 % is no rate a lender offers: refused beside the field, in percent.
    expect(await offer.locator("#loan-new-rate-error").textContent()).toBe("Il tasso è al massimo del 30 %");
    await expect.poll(() => isFocused(offer.getByLabel("Tasso annuo in %"))).toBe(true);
    await offer.getByLabel("Tasso annuo in %").fill("3,5");
    await press(page, offer.getByRole("button", { name: "Registra l'offerta" }));
    await said(page, `Offerta di ${LENDER} registrata.`);
    const loan = region(`${LENDER}: ${PURPOSE}`);
    await loan.getByText("Offerta", { exact: true }).waitFor();
    await loan.getByText("3,5%").waitFor();
    await expectAccessible(page);

    await press(page, loan.getByText("Accetta o rifiuta l'offerta"));
    await loan.getByRole("combobox", { name: "Decisione", exact: true }).selectOption({ label: "Accetta" });
    await loan.getByLabel("Data di erogazione").fill(day(0));
    await press(page, loan.getByRole("button", { name: "Registra la decisione" }));
    await said(page, "Offerta accettata.");
    await loan.getByText("Accettata", { exact: true }).waitFor();
    await loan.getByText("Capitale residuo").waitFor();
    await expectAccessible(page);

    await press(page, loan.getByText("Aggiungi una fideiussione"));
    await loan.getByLabel("Emittente").fill(ISSUER);
    await loan.getByRole("combobox", { name: "Tipo", exact: true }).selectOption({ label: "Confidi" });
    await loan.getByLabel("Importo in euro").fill("150.000,00");
    await loan.locator("[id$='-guarantee-expiresOn']").fill(day(45));
    await press(page, loan.getByRole("button", { name: "Aggiungi la fideiussione" }));
    await said(page, `Fideiussione di ${ISSUER} aggiunta.`);
    const guarantee = loan
      .getByRole("table", { name: `Fideiussioni: ${LENDER}, ${PURPOSE}` })
      .getByRole("row", { name: new RegExp(literal(ISSUER)) });
    await guarantee.getByText("In scadenza tra 45 giorni").waitFor();
    await expectAccessible(page);
  });

  test("sees the guarantee among the warnings of the day and follows it to the loan", async () => {
    await back();
    const warnings = region("Avvisi del giorno");
    // The server names a guarantee by its issuer and its loan's lender.
    const name = new RegExp(`^${literal(ISSUER)} — ${literal(LENDER)}: scade il .+ \\(tra 45 giorni\\)$`);
    const link = warnings.getByRole("link", { name });
    await link.waitFor();
    const item = warnings.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
    await item.getByText("Fideiussione in scadenza").waitFor();
    await expectAccessible(page);
    // The link names the guarantee: once the page is there, the focus moves from its title to the row.
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Finanziatori e prestiti" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(literal(ISSUER)) });
    await expect.poll(() => isFocused(row)).toBe(true);
  });

  test("fits a phone's screen, with the menu entry behind its button", async () => {
    const phone = await signedInPage(browser, baseUrl);
    try {
      await phone.setViewportSize({ width: 375, height: 812 });
      await phone.goto("/finanziamenti/impegni");
      await phone.getByRole("heading", { level: 1, name: "Impegni e incassi" }).waitFor();
      await phone.getByRole("region", { name: "Bandi", exact: true }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
        true,
      );
      await expectAccessible(phone);
      await phone.getByRole("button", { name: "Apri il menu" }).click();
      await phone
        .getByRole("navigation", { name: "Menu principale" })
        .getByRole("link", { name: "Finanziamenti" })
        .waitFor();
    } finally {
      await phone.context().close();
    }
  });
});
