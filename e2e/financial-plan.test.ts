// SPDX-License-Identifier: EUPL-1.2
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  serverUrl,
  signedInPage,
  tabTo,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const SCENARIO_TITLE = "Scenario base (cifre fittizie, dimostrative)";

let browser: Browser;
let admin: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page) => page.getByRole("navigation", { name: "Menu principale" });

describe("the financial plan: results, risk, export and a new version", () => {
  test("the plan opens from the menu by keyboard and lists the demo's base scenario", async () => {
    await admin.goto("/");
    await admin.getByRole("heading", { level: 1 }).waitFor();
    await follow(
      admin,
      nav(admin).getByRole("link", { name: "Piano economico" }),
      "Piano economico finanziario",
    );
    const link = admin.getByRole("link", { name: SCENARIO_TITLE });
    await link.waitFor();
    await expectAccessible(admin);
    await follow(admin, link, SCENARIO_TITLE);
    await admin.getByText(/^Versione 1, salvata il .* Scenario di partenza \(dimostrativo\)$/).waitFor();
  });

  test("shows the programme checks with their numbers and every chart with its data table", async () => {
    // The checks on the plan; those on actual figures come with the plan against actual, below.
    const checks = admin.locator('[data-checks-on="plan"] [data-check]');
    await checks.first().waitFor();
    expect(await checks.count()).toBe(5);
    // In words, not colour alone: each check says whether it is met, with the figures behind it.
    expect(await checks.locator(".check-verdict").allTextContents()).toEqual(Array(5).fill("Rispettato"));
    const grant = admin.locator('[data-checks-on="plan"] [data-check="grant"]');
    expect(await grant.getByRole("heading").textContent()).toBe("Fondo perduto ≤ 3.000.000 €");
    const figures = (await grant.locator("dd").allTextContents()).map((t) => t.replace(/\s/g, " "));
    expect(figures).toEqual(["3.000.000,00 €", "3.000.000,00 €"]);
    await admin
      .getByRole("region", { name: "Controlli del programma", exact: true })
      .getByRole("table", { name: "Cofinanziamento Area B anno per anno" })
      .waitFor();

    // The revenue against the PEF's estimate, with the difference.
    const revenue = admin.getByRole("table", { name: "Ricavi del piano e stima" });
    expect(await revenue.getByRole("row", { name: /Stima dei ricavi/ }).textContent()).toMatch(
      /2\.191\.000,00\s€/,
    );
    await revenue.getByRole("rowheader", { name: "Differenza (piano − stima)" }).waitFor();

    for (const [title, rows] of [
      ["Flussi di cassa per anno", 25],
      ["Saldo del fondo rotativo", 25],
      ["Unità recuperate", 25],
      ["DSCR per anno", 25],
    ] as const) {
      const heading = admin.getByRole("heading", { level: 3, name: title });
      const chart = heading.locator("xpath=..");
      await chart.getByRole("img").waitFor();
      await chart.getByText("Mostra i dati del grafico").click();
      const table = chart.getByRole("table", { name: title });
      await table.waitFor();
      expect(await table.locator("tbody tr").count()).toBe(rows);
    }
    const comparison = admin.getByRole("table", { name: "Cifre principali di ogni variante" });
    expect(await comparison.getByRole("rowheader").allTextContents()).toEqual([
      "Base",
      "Morosità elevata",
      "Sfitto elevato",
      "Costi in crescita, canoni bloccati",
      "Lavori più costosi",
    ]);
    await admin.getByRole("img", { name: /^Grafico a tornado della sensibilità del DSCR minimo/ }).waitFor();
    await expectAccessible(admin);
  });

  test("sets the plan against actual figures month by month, with the checks on actual figures", async () => {
    const section = admin.getByRole("region", { name: "Piano e consuntivo" });
    await section.getByRole("heading", { level: 2, name: "Piano e consuntivo" }).waitFor();
    await section.getByText(/^Il piano della versione \d+ confrontato con quanto è avvenuto/).waitFor();
    // The Comune's administrator sees the whole programme: no note about the scope.
    expect(await section.getByTestId("actuals-scope").count()).toBe(0);
    const table = section.getByRole("table", { name: "Piano e consuntivo mese per mese" });
    await table.waitFor();
    // The demo's plan starts in January 2026, so some months have passed; how many depends on the day.
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(
      expect.arrayContaining(["Canoni incassati", "Spesa per ristrutturazioni", "Servizio del debito"]),
    );
    await table.locator("tfoot").getByRole("rowheader", { name: "Totale" }).waitFor();
    await section.getByRole("img", { name: /^Canoni incassati per mese in \d+ mesi/ }).waitFor();
    await section.getByText("Mostra i dati del grafico").click();
    await section.getByRole("table", { name: "Canoni incassati: piano e consuntivo" }).waitFor();
    await section
      .getByRole("heading", { level: 3, name: "Controlli del programma sui dati di consuntivo" })
      .waitFor();
    expect(await section.locator("[data-check]").count()).toBe(5);
    await expectAccessible(admin);
  });

  test("runs the Monte Carlo analysis with a progress bar that moves chunk by chunk to 100", async () => {
    const bar = admin.getByRole("progressbar", { name: "Avanzamento dell'analisi" });
    expect(await bar.count()).toBe(0);
    // Record every value the bar takes, to prove it moves with the chunks and is no animation.
    await admin.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const value = document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
        if (value != null && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const run = admin.getByRole("button", { name: "Avvia l'analisi" });
    await tabTo(admin, run);
    await admin.keyboard.press("Enter");
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute("aria-valuenow"), { timeout: 30_000 }).toBe("100");
    const seen = await admin.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.at(-1)).toBe("100");
    expect(seen.filter((v) => v !== "0" && v !== "100").length).toBeGreaterThanOrEqual(3);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
    expect(await bar.getAttribute("aria-valuetext")).toBe("10.000 simulazioni su 10.000, 100 %");

    const result = admin.getByTestId("monte-carlo-result");
    await result.getByText("Probabilità che il DSCR minimo sia sotto 1").waitFor();
    expect(await result.locator("dd").first().textContent()).toMatch(/^\d+(,\d)?\s?%$/);
    await result
      .getByRole("img", { name: /^Istogramma delle unità recuperate in 10\.000 simulazioni/ })
      .waitFor();
    await result.getByText("Mostra i dati del grafico").click();
    const histogram = result.getByRole("table", { name: "Simulazioni per numero di unità recuperate" });
    await histogram.waitFor();
    const runs = (await histogram.locator("tbody td:first-of-type").allTextContents()).map((t) =>
      Number(t.replace(/\./g, "")),
    );
    expect(runs.reduce((a, b) => a + b, 0)).toBe(10_000);
    await expectAccessible(admin);
  });

  test("downloads every result table as an XLSX workbook", async () => {
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("link", { name: "Scarica i risultati (XLSX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("piano-base-v1.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
    const names = workbook.worksheets.map((s) => s.name);
    for (const sheet of [
      "Riepilogo",
      "Mesi",
      "Anni",
      "Controlli",
      "Scenari a confronto",
      "Sensibilità",
      "Monte Carlo",
    ])
      expect(names).toContain(sheet);
    expect(workbook.getWorksheet("Mesi")?.rowCount).toBe(301);
  });

  test("the Comune's admin saves a new version: an invalid field first, named beside it, then valid", async () => {
    await follow(
      admin,
      admin.getByRole("link", { name: "Modifica lo scenario" }),
      "Nuova versione dello scenario",
    );
    await expectAccessible(admin);
    const years = admin.locator("#plan-loans_0_years");
    await years.fill("40");
    await admin.locator("#plan-reason").fill("Mutuo più lungo e morosità rivista");
    await admin.getByRole("button", { name: "Salva la nuova versione" }).press("Enter");
    const error = admin.locator("#plan-loans_0_years-error");
    await error.waitFor();
    expect(await error.textContent()).toBe(
      "Un finanziamento di 40 anni è più lungo della convenzione (25 anni)",
    );
    expect(await years.getAttribute("aria-invalid")).toBe("true");
    expect(await years.getAttribute("aria-describedby")).toContain("plan-loans_0_years-error");
    await expect.poll(() => isFocused(years)).toBe(true);
    await admin
      .locator(".error-summary")
      .getByText(/^Prestito 1 – Durata \(anni\):/)
      .waitFor();
    await expectAccessible(admin);
    // Nothing was saved.
    expect((await apiJson<{ version: number }>(admin, "GET", "/plan/scenarios/base")).version).toBe(1);

    await years.fill("20");
    await admin.locator("#plan-arrearsRate").fill("10");
    await admin.getByRole("button", { name: "Salva la nuova versione" }).press("Enter");
    await admin.getByRole("heading", { level: 1, name: SCENARIO_TITLE }).waitFor();
    await admin.getByRole("status").filter({ hasText: "Versione 2 salvata." }).waitFor();
    await admin.getByText(/^Versione 2, salvata il .*: Mutuo più lungo e morosità rivista$/).waitFor();
    const saved = await apiJson<{ version: number; scenario: { arrearsRate: number } }>(
      admin,
      "GET",
      "/plan/scenarios/base",
    );
    expect(saved).toMatchObject({ version: 2, scenario: { arrearsRate: 0.1 } });
    const versions = admin.getByRole("table", { name: "Versioni dello scenario" });
    expect(await versions.getByRole("rowheader").allTextContents()).toEqual(["2", "1"]);
    await admin.locator("[data-check]").first().waitFor();
    await expectAccessible(admin);
  });

  test("a loan is added, refused beside its fields, mended and removed; a tranche is added and saved", async () => {
    const before = await apiJson<{ version: number }>(admin, "GET", "/plan/scenarios/base");
    await follow(
      admin,
      admin.getByRole("link", { name: "Modifica lo scenario" }),
      "Nuova versione dello scenario",
    );
    const addLoan = admin.getByRole("button", { name: "Aggiungi un prestito" });
    await tabTo(admin, addLoan);
    await admin.keyboard.press("Enter");
    // The new row's first field takes the focus.
    const label = admin.locator("#plan-loans_1_label");
    await expect.poll(() => isFocused(label)).toBe(true);
    await admin.getByRole("group", { name: "Prestito 2" }).waitFor();
    await label.fill("Prestito ponte (prova)");
    await admin.locator("#plan-loans_1_principalCents").fill("1000000");
    await admin.locator("#plan-loans_1_annualRate").fill("3,5");
    const years = admin.locator("#plan-loans_1_years");
    await years.fill("30");
    await admin.locator("#plan-loans_1_disbursedMonth").fill("2027-01");
    await admin.locator("#plan-reason").fill("Nuova tranche di raccolta fondi");
    await admin.getByRole("button", { name: "Salva la nuova versione" }).press("Enter");

    // Two rules broken: the loan outlives the convention, and the debt goes above 40 % of the financing.
    const yearsError = admin.locator("#plan-loans_1_years-error");
    await yearsError.waitFor();
    expect(await yearsError.textContent()).toBe(
      "Un finanziamento di 30 anni è più lungo della convenzione (25 anni)",
    );
    expect(await years.getAttribute("aria-invalid")).toBe("true");
    expect(await years.getAttribute("aria-describedby")).toContain("plan-loans_1_years-error");
    const debtError = admin.locator("#plan-loans_0_principalCents-error");
    expect(await debtError.textContent()).toMatch(
      /^Il debito di 3\.500\.000,00\s€ supera il 40 % del finanziamento totale \(8\.000\.000,00\s€/,
    );
    const summary = admin.locator(".error-summary");
    await summary.getByText(/^Prestito 2 – Durata \(anni\): Un finanziamento di 30 anni/).waitFor();
    await summary.getByText(/^Prestito 1 – Capitale: Il debito di/).waitFor();
    await expectAccessible(admin);
    expect((await apiJson<{ version: number }>(admin, "GET", "/plan/scenarios/base")).version).toBe(
      before.version,
    );

    // Mended, the term's error goes; the debt's stays while the loan is there.
    await years.fill("10");
    await expect.poll(() => yearsError.count()).toBe(0);
    expect(await debtError.count()).toBe(1);
    const remove = admin.getByRole("button", { name: "Rimuovi il prestito 2" });
    await tabTo(admin, remove);
    await admin.keyboard.press("Enter");
    await expect.poll(() => label.count()).toBe(0);
    await expect.poll(() => isFocused(addLoan)).toBe(true);
    await expect.poll(() => debtError.count()).toBe(0);
    expect(await admin.getByRole("button", { name: /^Rimuovi il prestito/ }).count()).toBe(1);

    const addTranche = admin.getByRole("button", { name: "Aggiungi una tranche di raccolta fondi" });
    await addTranche.focus();
    await admin.keyboard.press("Enter");
    const trancheLabel = admin.locator("#plan-funding_fundraising_1_label");
    await expect.poll(() => isFocused(trancheLabel)).toBe(true);
    await trancheLabel.fill("Campagna di prova");
    await admin.locator("#plan-funding_fundraising_1_amountCents").fill("10.000,00");
    await admin.locator("#plan-funding_fundraising_1_month").fill("2029-01");
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Salva la nuova versione" }).press("Enter");

    const version = before.version + 1;
    await admin.getByRole("heading", { level: 1, name: SCENARIO_TITLE }).waitFor();
    await admin
      .getByRole("status")
      .filter({ hasText: `Versione ${version} salvata.` })
      .waitFor();
    const saved = await apiJson<{
      version: number;
      scenario: { loans: unknown[]; funding: { fundraising: unknown[] } };
    }>(admin, "GET", "/plan/scenarios/base");
    expect(saved.version).toBe(version);
    expect(saved.scenario.loans).toHaveLength(1);
    expect(saved.scenario.funding.fundraising.at(-1)).toEqual({
      label: "Campagna di prova",
      amountCents: 1_000_000,
      month: "2029-01",
    });
    await admin.locator("[data-check]").first().waitFor();
    await expectAccessible(admin);
  });

  test("the editor takes the sources from the funding register, to be reviewed before saving", async () => {
    const before = await apiJson<{ version: number }>(admin, "GET", "/plan/scenarios/base");
    await follow(
      admin,
      admin.getByRole("link", { name: "Modifica lo scenario" }),
      "Nuova versione dello scenario",
    );
    const take = admin.getByRole("button", { name: "Prendi le fonti dal registro dei finanziamenti" });
    await tabTo(admin, take);
    await admin.keyboard.press("Enter");
    await admin
      .getByRole("status")
      .filter({ hasText: /^Dal registro dei finanziamenti, aggiornato al .*: \d+ tranche, \d+ prest/ })
      .waitFor();
    const sources = await apiJson<{ loans: unknown[]; funding: { grant: unknown[] } }>(
      admin,
      "GET",
      "/funding/plan-sources?startMonth=2026-01&conventionYears=25",
    );
    expect(await admin.getByRole("button", { name: /^Rimuovi il prestito \d+$/ }).count()).toBe(
      sources.loans.length,
    );
    expect(
      await admin.getByRole("button", { name: /^Rimuovi la tranche \d+ di fondo perduto$/ }).count(),
    ).toBe(sources.funding.grant.length);
    await expectAccessible(admin);
    // The units from the housing registry, as the programme's count today.
    const registry = await apiJson<{ pipeline: { units: number } }>(admin, "GET", "/plan/registry-units");
    await admin.getByRole("button", { name: "Prendi le unità dall'anagrafe degli alloggi" }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: /^Dall'anagrafe degli alloggi al .*: \d+ alloggi in gestione/ })
      .waitFor();
    expect(await admin.locator("#plan-pipeline_units").inputValue()).toBe(String(registry.pipeline.units));
    await expectAccessible(admin);
    // Nothing is saved until a new version is.
    await admin.getByRole("link", { name: "Annulla" }).click();
    await admin.getByRole("heading", { level: 1, name: SCENARIO_TITLE }).waitFor();
    expect((await apiJson<{ version: number }>(admin, "GET", "/plan/scenarios/base")).version).toBe(
      before.version,
    );
  });
});
