// SPDX-License-Identifier: EUPL-1.2
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  press,
  serverUrl,
  signedInPage,
  tabTo,
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

const region = (name: string | RegExp) =>
  page.getByRole("region", { name, ...(typeof name === "string" ? { exact: true } : {}) });
const STANDINGS = ["Raggiunto", "Non raggiunto", "Senza obiettivo", "Non calcolabile"];

describe("the monitoring dashboard, an indicator's detail and the reports", () => {
  test("opens Monitoraggio: the state of the figures, the chart with its table, the indicators by group", async () => {
    await page.goto("/monitoraggio");
    await page.getByRole("heading", { level: 1, name: "Monitoraggio" }).waitFor();
    await page.getByRole("heading", { level: 2, name: /^Dati (in tempo reale|congelati)$/ }).waitFor();
    await page.getByText("Ambito: l'intero programma.").waitFor();
    for (const group of [
      "Persone raggiunte e inserimento abitativo",
      "Alloggi e ristrutturazioni",
      "Canoni e morosità",
      "Accompagnamento e autonomia",
      "Mix dello stock e cofinanziamento",
    ])
      await region(group).waitFor();
    const cards = page.locator("article.monitoring-card");
    expect(await cards.count()).toBe(24);
    // Each card says how it stands; one that cannot be computed never reads as 0 %.
    for (const card of await cards.all()) {
      const badge = (await card.locator(".monitoring-badge").textContent()) ?? "";
      expect(STANDINGS).toContain(badge);
      if (badge === "Non calcolabile")
        expect(await card.locator(".monitoring-value").textContent()).toBe("Non calcolabile");
    }
    const chart = region("Valori rispetto agli obiettivi");
    await chart
      .getByRole("img", { name: /^Grafico a barre del valore in percentuale dell'obiettivo/ })
      .waitFor();
    await press(page, chart.getByText("Mostra i dati del grafico"));
    const table = chart.getByRole("table", { name: "Valori rispetto agli obiettivi" });
    await table.waitFor();
    await table.getByRole("rowheader", { name: "Persone raggiunte", exact: true }).waitFor();
    await expectAccessible(page);
  });

  test("reaches the period's controls, the reports and the indicators by keyboard", async () => {
    await page.locator("#page-title").focus();
    for (const control of [
      page.getByRole("combobox", { name: "Tipo di periodo" }),
      page.getByRole("combobox", { name: "Periodo", exact: true }),
      page.getByRole("button", { name: "Mostra il periodo" }),
      page.getByRole("link", { name: /^Scarica il rapporto di .+ \(PDF\)$/ }),
      page.getByRole("link", { name: /^Scarica il rapporto di .+ \(XLSX\)$/ }),
      page.getByRole("combobox", { name: "Rapporto di un ente partner" }),
      page.getByRole("link", { name: "Persone raggiunte", exact: true }),
    ])
      await tabTo(page, control);
  });

  test("shows another period chosen by keyboard, kept in the address", async () => {
    await page.getByRole("combobox", { name: "Tipo di periodo" }).selectOption({ label: "Anno" });
    await page.getByRole("combobox", { name: "Periodo", exact: true }).selectOption({ label: "Anno 2026" });
    await press(page, page.getByRole("button", { name: "Mostra il periodo" }));
    await page.waitForURL(/\/monitoraggio\?periodo=2026$/);
    await page.getByText(/^Anno 2026: /).waitFor();
    await expectAccessible(page);
  });

  test("closes an ended month after a confirmation, and reopens it only with a reason", async () => {
    const month = "2026-10";
    const state = await apiJson<{ status: string }>(page, "GET", `/monitoring/periods/${month}`);
    await page.goto(`/monitoraggio?periodo=${month}`);
    await page.getByRole("heading", { level: 1, name: "Monitoraggio" }).waitFor();
    const reopen = async () => {
      await press(page, page.getByRole("button", { name: "Riapri il periodo" }));
      const reason = page.getByLabel("Motivo della riapertura");
      await press(page, page.getByRole("button", { name: "Riapri il periodo" }));
      const error = page.locator("#reopen-reason-error");
      await error.waitFor();
      expect(await error.textContent()).toBe("Il motivo deve avere almeno 10 caratteri");
      expect(await reason.getAttribute("aria-invalid")).toBe("true");
      await expect.poll(() => isFocused(reason)).toBe(true);
      await expectAccessible(page);
      await reason.fill("Verifica del percorso di chiusura (prova del browser)");
      await press(page, page.getByRole("button", { name: "Riapri il periodo" }));
      await page.getByText("Ottobre 2026 è riaperto: i valori sono di nuovo in tempo reale.").waitFor();
      await page.getByRole("heading", { level: 2, name: "Dati in tempo reale" }).waitFor();
    };
    const close = async () => {
      await press(page, page.getByRole("button", { name: "Chiudi il periodo" }));
      await page.getByText(/^Chiudere ottobre 2026\?/).waitFor();
      await expectAccessible(page);
      await press(page, page.getByRole("button", { name: "Sì, chiudi il periodo" }));
      await page.getByText("Ottobre 2026 è chiuso: i valori sono congelati.").waitFor();
      await page.getByRole("heading", { level: 2, name: "Dati congelati" }).waitFor();
      await page.getByText("Versione dei dati:").waitFor();
      expect(await page.locator("code.monitoring-sha").textContent()).toMatch(/^[0-9a-f]{12}$/);
    };
    // The demo may have closed the month already: either way the journey leaves it as it found it.
    if (state.status === "open") {
      await close();
      await reopen();
    } else {
      await reopen();
      await close();
    }
    await expectAccessible(page);
  });

  test("opens an indicator, switches its disaggregation and drills down to the records behind a cell", async () => {
    await page.goto("/monitoraggio");
    await follow(
      page,
      page.getByRole("link", { name: "Persone raggiunte", exact: true }),
      "Persone raggiunte",
    );
    await region("Come si calcola").getByText("Numeratore").waitFor();
    await region("Andamento")
      .getByRole("img", { name: /^Grafico a linea di Persone raggiunte/ })
      .waitFor();
    await press(page, page.getByRole("button", { name: "Ultimi 12 mesi" }));
    await expect
      .poll(() => page.getByRole("button", { name: "Ultimi 12 mesi" }).getAttribute("aria-pressed"))
      .toBe("true");
    const breakdown = region("Disaggregazioni");
    const by = breakdown.getByRole("combobox", { name: "Disaggrega per" });
    // Only the indicator's own disaggregations are offered.
    expect(await by.locator("option").allTextContents()).not.toContain("Destinazione all'uscita");
    await tabTo(page, by);
    await by.selectOption({ label: "Fascia d'età" });
    await press(page, breakdown.getByRole("button", { name: "Mostra" }));
    await page.waitForURL(/disaggregazione=age_band/);
    await breakdown.getByRole("table", { name: /^Persone raggiunte per fascia d'età/ }).waitFor();
    await by.selectOption({ label: "Sesso" });
    await press(page, breakdown.getByRole("button", { name: "Mostra" }));
    const table = breakdown.getByRole("table", { name: /^Persone raggiunte per sesso/ });
    await table.waitFor();
    await table.getByRole("rowheader", { name: "Totale" }).waitFor();
    const cell = (await table.getByRole("rowheader").allTextContents()).find((c) =>
      ["Donne", "Uomini", "Non binario"].includes(c),
    );
    expect(cell).toBeDefined();
    await expectAccessible(page);

    const see = table.getByRole("button", { name: `Vedi i record: ${cell}` });
    await tabTo(page, see);
    await page.keyboard.press("Enter");
    const heading = page.getByRole("heading", { level: 3, name: `Record di «Persone raggiunte»: ${cell}` });
    await heading.waitFor();
    await expect.poll(() => isFocused(heading)).toBe(true);
    const records = region(`Record di «Persone raggiunte»: ${cell}`);
    const first = records.getByRole("link").first();
    await first.waitFor();
    expect(await first.getAttribute("href")).toMatch(/^\/nuclei\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await tabTo(page, first);
  });

  test("names a target without a date beside its field, then saves the targets", async () => {
    const editor = region("Modifica gli obiettivi");
    const rows = await editor.getByRole("group").count();
    await press(page, editor.getByRole("button", { name: "Aggiungi un obiettivo" }));
    const added = editor.getByRole("group", { name: `Obiettivo ${rows + 1}` });
    await added.getByLabel("Valore").fill("300");
    await press(page, editor.getByRole("button", { name: "Salva gli obiettivi" }));
    const due = added.getByLabel("Data di scadenza");
    await expect.poll(() => due.getAttribute("aria-invalid")).toBe("true");
    expect(await added.locator(".field-error").textContent()).toBe("Indica una data valida");
    await expect.poll(() => isFocused(due)).toBe(true);
    await editor
      .getByRole("link", { name: `Obiettivo ${rows + 1}, Data di scadenza: Indica una data valida` })
      .waitFor();
    await expectAccessible(page);
    await press(page, added.getByRole("button", { name: `Rimuovi l'obiettivo ${rows + 1}` }));
    await press(page, editor.getByRole("button", { name: "Salva gli obiettivi" }));
    const saved = editor.getByText("Obiettivi salvati.");
    await saved.waitFor();
    await expect.poll(() => isFocused(saved)).toBe(true);
    await page.getByText("Gli obiettivi fissati dal Comune.").waitFor();
  });

  test("downloads the period's report as PDF and XLSX, and one partner's", async () => {
    await page.goto("/monitoraggio");
    await page.getByRole("heading", { level: 1, name: "Monitoraggio" }).waitFor();
    const { period } = await apiJson<{ period: { key: string } }>(page, "GET", "/monitoring/dashboard");

    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      press(page, page.getByRole("link", { name: /^Scarica il rapporto di .+ \(PDF\)$/ })),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe(`monitoraggio-${period.key}.pdf`);
    const pdf = await PDFDocument.load(await readFile(await pdfDownload.path()));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe(`Rapporto di monitoraggio ${period.key} – Intero programma`);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      press(page, page.getByRole("link", { name: /^Scarica il rapporto di .+ \(XLSX\)$/ })),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe(`monitoraggio-${period.key}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsxDownload.path())) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Indicatori");
    expect(sheet?.rowCount).toBe(25);
    expect(sheet?.getCell("A2").value).toBe("people_reached");
    expect(typeof sheet?.getCell("D2").value).toBe("number");

    const partner = page.getByRole("combobox", { name: "Rapporto di un ente partner" });
    await partner.selectOption({ index: 1 });
    const name = (await partner.locator("option:checked").textContent()) ?? "";
    const link = page.getByRole("link", { name: `Scarica il rapporto di ${name} (XLSX)` });
    await tabTo(page, link);
    const [partnerDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Enter"),
    ]);
    expect(partnerDownload.suggestedFilename()).toMatch(
      new RegExp(`^monitoraggio-${period.key}-ETS-[A-Z0-9]+\\.xlsx$`),
    );
    const partnerBook = new ExcelJS.Workbook();
    await partnerBook.xlsx.load((await readFile(await partnerDownload.path())) as unknown as ExcelJS.Buffer);
    expect(partnerBook.getWorksheet("Copertina")?.getColumn(2).values).toContain(`Ente partner: ${name}`);
    await expectAccessible(page);
  });
});
