// SPDX-License-Identifier: EUPL-1.2
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_CLAIM_AWAITING_REVIEW } from "../src/domain/demo/demo-expenses.ts";
import {
  dayFromToday,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  press,
  said,
  serverUrl,
  signedInPage,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";

let browser: Browser;
let reviewer: Page;
let partner: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  reviewer = await signedInPage(browser, baseUrl);
  partner = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
});
afterAll(async () => {
  await browser?.close();
});

// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const TITLE = `Arredi di prova ${RUN}`;
const INVOICE = `FT-PROVA-${RUN}`;
/** A small PDF of its own content, as a browser uploads it. */
const pdf = (name: string, text: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${text} ${RUN}\n%%EOF\n`),
});

const region = (page: Page, name: string | RegExp) =>
  page.getByRole("region", { name, ...(typeof name === "string" ? { exact: true } : {}) });

describe("expense claims: the Comune reviews a claim, a partner drafts and submits one", () => {
  test("the reviewer finds the claim awaiting review among the submitted ones", async () => {
    await reviewer.goto("/rendiconti");
    await reviewer.getByRole("heading", { level: 1, name: "Rendiconti" }).waitFor();
    await reviewer.getByRole("table", { name: /^Budget, rendicontato, in istruttoria/ }).waitFor();
    await expectAccessible(reviewer);
    const filter = reviewer.getByRole("form", { name: "Filtra i rendiconti" });
    await filter.getByRole("combobox", { name: "Stato" }).selectOption({ label: "Inviato" });
    await press(reviewer, filter.getByRole("button", { name: "Applica i filtri" }));
    await reviewer.waitForURL(/status=submitted/);
    const row = reviewer.getByRole("row").filter({ hasText: DEMO_CLAIM_AWAITING_REVIEW });
    await row.getByText("Inviato", { exact: true }).waitFor();
    await expectAccessible(reviewer);
    await follow(reviewer, row.getByRole("link", { name: /^REN-\d{4}-\d{5}$/ }), /^Rendiconto REN-/);
    await reviewer.getByText(DEMO_CLAIM_AWAITING_REVIEW).first().waitFor();
    await expectAccessible(reviewer);
  });

  test("approves one line in full and cuts another: a cut needs its reason, then the claim reads approvato parzialmente", async () => {
    const review = region(reviewer, "Istruttoria");
    const cut = review.getByLabel("Importo approvato in euro, voce 2");
    expect(await cut.inputValue()).toBe("1320,00");
    expect(await review.getByLabel("Importo approvato in euro, voce 1").inputValue()).toBe("4860,00");
    await cut.fill("1.000,00");
    await press(reviewer, review.getByRole("button", { name: "Registra l'esito" }));
    const reason = review.getByLabel("Motivo del taglio, voce 2");
    const error = review.locator("#claim-review-reason1-error");
    await error.waitFor();
    expect(await error.textContent()).toBe(
      "Indica il motivo: l'importo approvato è inferiore a quello della voce",
    );
    await expect.poll(() => isFocused(reason)).toBe(true);
    await expectAccessible(reviewer);

    await reason.fill("Tariffa oltre il massimo previsto (prova)");
    await press(reviewer, review.getByRole("button", { name: "Registra l'esito" }));
    await said(reviewer, "Esito registrato: rendiconto approvato parzialmente.");
    await reviewer.locator(".badge", { hasText: "Approvato parzialmente" }).waitFor();
    const lines = reviewer.getByRole("table", { name: /voci di spesa con i giustificativi$/ });
    await lines.getByText("Motivo: Tariffa oltre il massimo previsto (prova)").waitFor();
    expect(await region(reviewer, "Istruttoria").count()).toBe(0);
    await expectAccessible(reviewer);
  });

  test("downloads the claim as XLSX, with its Italian headings and the cut", async () => {
    const link = reviewer.getByRole("link", { name: "Scarica il rendiconto (XLSX)" });
    const [download] = await Promise.all([reviewer.waitForEvent("download"), press(reviewer, link)]);
    expect(download.suggestedFilename()).toMatch(/^rendiconto-REN-\d{4}-\d{5}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Rendiconto", "Voci di spesa", "Giustificativi"]);
    const facts = workbook.getWorksheet("Rendiconto");
    const status = Array.from(
      { length: facts?.rowCount ?? 0 },
      (_, i) => facts?.getRow(i + 1).values as unknown[],
    ).find((r) => r[1] === "Stato");
    expect(status?.[2]).toBe("Approvato parzialmente");
    const cutRow = workbook.getWorksheet("Voci di spesa")?.getRow(3);
    expect([cutRow?.getCell(5).value, cutRow?.getCell(6).value]).toEqual([1320, 1000]);
  });

  test("the partner opens a draft and adds a cost line: one dated before the project is refused beside its date", async () => {
    await partner.goto("/rendiconti");
    await partner.getByRole("heading", { level: 1, name: "Rendiconti" }).waitFor();
    await expectAccessible(partner);
    const form = region(partner, "Nuovo rendiconto");
    await form
      .getByLabel("Linea di attività")
      .selectOption({ label: "B.2 Ristrutturazione, arredo e gestione" });
    await form.getByLabel("Fonte di finanziamento").selectOption({ label: "Fondo perduto" });
    await form.getByLabel("Periodo dal").fill(dayFromToday(-40));
    await form.getByLabel("Periodo al").fill(dayFromToday(0));
    await form.getByLabel("Titolo").fill(TITLE);
    await press(partner, form.getByRole("button", { name: "Crea la bozza" }));
    await partner.getByRole("heading", { level: 1, name: /^Rendiconto REN-/ }).waitFor();
    await partner.getByText("Bozza", { exact: true }).first().waitFor();
    await expectAccessible(partner);

    const line = region(partner, "Aggiungi una voce di spesa");
    await line.getByLabel("Descrizione").fill("Armadi e letti per un alloggio (prova)");
    await line.getByLabel("Fornitore").fill("Arredi di Prova srl");
    await line.getByLabel("Data della spesa").fill("2025-12-15");
    await line.getByLabel("Importo in euro").fill("1.250,00");
    await press(partner, line.getByRole("button", { name: "Aggiungi la voce" }));
    const dateError = line.locator("#line-new-incurredOn-error");
    await dateError.waitFor();
    expect(await dateError.textContent()).toMatch(
      /^La data .+ è fuori dal progetto \(convenzione dal .+ al .+\)$/,
    );
    await expect.poll(() => isFocused(line.getByLabel("Data della spesa"))).toBe(true);
    await expectAccessible(partner);

    await line.getByLabel("Data della spesa").fill(dayFromToday(-10));
    await press(partner, line.getByRole("button", { name: "Aggiungi la voce" }));
    await said(partner, "Voce «Armadi e letti per un alloggio (prova)» aggiunta.");
    const submit = region(partner, "Invia il rendiconto");
    await submit.getByText("La voce 1 non ha una fattura o un timesheet").waitFor();
    await submit.getByText("La voce 1 non ha una quietanza di pagamento").waitFor();
    await expectAccessible(partner);
  });

  test("uploads the invoice and the proof of payment; a document already on another claim is refused", async () => {
    const open = async () => {
      const button = partner.getByRole("button", { name: "Aggiungi un giustificativo alla voce 1" });
      if ((await button.getAttribute("aria-expanded")) !== "true") await press(partner, button);
      return region(partner, /^Giustificativo della voce 1: /);
    };
    let document = await open();
    await expectAccessible(partner);
    // The demo's paid claim already holds this invoice of the same supplier.
    await document.getByLabel("Tipo di giustificativo").selectOption({ label: "Fattura" });
    await document.getByLabel("Emittente").fill("Arredi Fittizi srl (demo)");
    await document.getByLabel("Numero").fill("FT-2026-041");
    await document.getByLabel("File").setInputFiles(pdf("fattura.pdf", "fattura"));
    await press(partner, document.getByRole("button", { name: "Carica il giustificativo" }));
    const numberError = document.locator("[id$='-document-number-error']");
    await numberError.waitFor();
    expect(await numberError.textContent()).toBe("Questo giustificativo è già su un altro rendiconto");
    await expectAccessible(partner);

    await document.getByLabel("Emittente").fill("Arredi di Prova srl");
    await document.getByLabel("Numero").fill(INVOICE);
    await press(partner, document.getByRole("button", { name: "Carica il giustificativo" }));
    await said(partner, `Fattura ${INVOICE} caricato sulla voce 1.`);

    document = await open();
    await document.getByLabel("Tipo di giustificativo").selectOption({ label: "Quietanza di pagamento" });
    await document.getByLabel("Emittente").fill("Banca di Prova");
    await document.getByLabel("Numero").fill(`BON-${RUN}`);
    await document.getByLabel("File").setInputFiles(pdf("quietanza.pdf", "quietanza"));
    await press(partner, document.getByRole("button", { name: "Carica il giustificativo" }));
    await said(partner, `Quietanza di pagamento BON-${RUN} caricato sulla voce 1.`);
    await partner.getByRole("link", { name: `Fattura ${INVOICE}` }).waitFor();
    await region(partner, "Invia il rendiconto").getByText("Il rendiconto è pronto per l'invio.").waitFor();
    await expectAccessible(partner);
  });

  test("submits the claim: it reads Inviato and can no longer be edited", async () => {
    await press(
      partner,
      region(partner, "Invia il rendiconto").getByRole("button", { name: "Invia il rendiconto" }),
    );
    await said(partner, "Rendiconto inviato al Comune.");
    await partner.getByText("Inviato", { exact: true }).first().waitFor();
    expect(await region(partner, "Aggiungi una voce di spesa").count()).toBe(0);
    await expectAccessible(partner);
  });

  test("the budgets page totals what each partner claimed against its budget", async () => {
    await reviewer.goto("/rendiconti/budget");
    await reviewer.getByRole("heading", { level: 1, name: "Budget e totali" }).waitFor();
    const table = reviewer.getByRole("table", { name: /^\d+ budget$/ });
    await table
      .getByRole("rowheader", { name: /Cooperativa Fittizia Casa Aperta \(demo\) B\.2 · Fondo perduto/ })
      .waitFor();
    await region(reviewer, "Imposta un budget").waitFor();
    await expectAccessible(reviewer);
  });
});
