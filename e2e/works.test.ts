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
  press,
  serverUrl,
  signedInPage,
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
});
afterAll(async () => {
  await browser?.close();
});

/** A partita IVA from its first ten digits and the check digit they call for. */
function partitaIva(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(first10[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return `${first10}${(10 - (sum % 10)) % 10}`;
}

const EXPIRED = { name: "Edilizia Scaduta (prova)", vat: partitaIva("1357924680") };
const VALID = { name: "Costruzioni in Regola (prova)", vat: partitaIva("0864213579") };
const TODAY = dayFromToday(0);
/** Euro as the Italian interface writes them (`1200,00 €`, `13.200,00 €`, with a no-break space). */
const euro = (cents: number) =>
  new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" }).format(cents / 100);

/** The value beside a label in a list of facts (`<dt>`/`<dd>`). */
const fact = (scope: Locator, label: string) =>
  scope.locator(".facts-row", { has: scope.page().locator("dt", { hasText: label }) }).locator("dd");

async function registerContractor(c: { name: string; vat: string }, registeredOn: string, expiresOn: string) {
  await page.locator("#contractor-name").fill(c.name);
  await page.getByLabel("Partita IVA").fill(c.vat);
  await page.getByLabel("Prefettura").fill("Prefettura di Milano");
  await page.getByLabel("Iscritta il").fill(registeredOn);
  await page.getByLabel("Scadenza").fill(expiresOn);
  await page.getByLabel("Qualificazioni SOA").fill("OG1 II, OS28");
  await press(page, page.getByRole("button", { name: "Registra l'impresa" }));
  const saved = page.getByText(`Impresa ${c.name} registrata.`);
  await saved.waitFor();
  await expect.poll(() => isFocused(saved)).toBe(true);
}

describe("renovation works, from the contractor register to the unit available again", () => {
  let unitCode = "";

  test("opens Lavori from the menu by keyboard", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    const labels = await nav.getByRole("link").allTextContents();
    expect(labels.indexOf("Lavori")).toBe(labels.indexOf("Manutenzione") + 1);
    await follow(page, nav.getByRole("link", { name: "Lavori" }), "Lavori di ristrutturazione");
    await page.getByRole("heading", { level: 2, name: "Costi e fonti di finanziamento" }).waitFor();
    await page.getByRole("link", { name: "Nuovi lavori" }).waitFor();
    await expectAccessible(page);
  });

  test("registers a contractor whose registration expired and one valid, in the register", async () => {
    await follow(
      page,
      page.getByRole("main").getByRole("link", { name: "Registro delle imprese" }),
      "Registro delle imprese",
    );
    await expectAccessible(page);

    // A partita IVA with a wrong check digit and dates out of order: each field says so, in Italian.
    await page.locator("#contractor-name").fill(EXPIRED.name);
    await page.getByLabel("Partita IVA").fill("12345678901");
    await page.getByLabel("Prefettura").fill("Prefettura di Milano");
    await page.getByLabel("Iscritta il").fill(dayFromToday(-10));
    await page.getByLabel("Scadenza").fill(dayFromToday(-20));
    await press(page, page.getByRole("button", { name: "Registra l'impresa" }));
    expect(await page.locator("#contractor-vatNumber-error").textContent()).toBe(
      "Indica una partita IVA di 11 cifre con la cifra di controllo corretta",
    );
    expect(await page.locator("#contractor-expiresOn-error").textContent()).toBe(
      "La scadenza deve seguire la data d'iscrizione",
    );
    await expect.poll(() => isFocused(page.getByLabel("Partita IVA"))).toBe(true);
    await expectAccessible(page);

    await registerContractor(EXPIRED, dayFromToday(-400), dayFromToday(-35));
    await registerContractor(VALID, dayFromToday(-100), dayFromToday(265));
    const expiredRow = page.getByRole("row", { name: new RegExp(EXPIRED.name.replace(/[()]/g, "\\$&")) });
    await expiredRow.getByText("Iscrizione scaduta").waitFor();
    const validRow = page.getByRole("row", { name: new RegExp(VALID.name.replace(/[()]/g, "\\$&")) });
    await validRow.getByText("Iscrizione valida").waitFor();
    expect(await validRow.getByText("OG1 II, OS28").count()).toBe(1);
    await expectAccessible(page);
  });

  test("plans works on a unit to renovate: an unknown unit is refused beside its field", async () => {
    const units = await apiJson<{ items: { code: string; status: string }[] }>(
      page,
      "GET",
      "/units?status=to_renovate&sort=-code&limit=1",
    );
    unitCode = units.items[0]?.code ?? "";
    expect(unitCode).not.toBe("");

    await follow(
      page,
      page
        .getByRole("navigation", { name: "Percorso" })
        .getByRole("link", { name: "Lavori di ristrutturazione" }),
      "Lavori di ristrutturazione",
    );
    await follow(page, page.getByRole("main").getByRole("link", { name: "Nuovi lavori" }), "Nuovi lavori");
    await expectAccessible(page);
    expect(await page.getByLabel("Aliquota IVA in %").inputValue()).toBe("10");

    await page.getByLabel("Titolo").fill("Ristrutturazione di un alloggio (prova)");
    await page.getByLabel("Codici degli alloggi").fill("NON-ESISTE-999");
    await page.getByLabel("Destinatari").selectOption({ label: "Uomo solo" });
    await page.getByLabel("Stima in euro, IVA esclusa").fill("45.000,00");
    await page.getByLabel("Nome della fase 1").fill("Impianti (prova)");
    await page.getByLabel("Inizio previsto della fase 1").fill(dayFromToday(-20));
    await page.getByLabel("Fine prevista della fase 1").fill(dayFromToday(-5));
    await press(page, page.getByRole("button", { name: "Programma i lavori" }));
    const unitsError = page.locator("#works-units-error");
    await unitsError.waitFor();
    expect(await unitsError.textContent()).toBe(
      "L'alloggio «NON-ESISTE-999» non esiste o non è visibile al tuo ente",
    );
    await expect.poll(() => isFocused(page.getByLabel("Codici degli alloggi"))).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Codici degli alloggi").fill(unitCode);
    await press(page, page.getByRole("button", { name: "Programma i lavori" }));
    await page.getByRole("heading", { level: 1, name: /^Lavori LAV-\d{4}-\d{5}$/ }).waitFor();
    const facts = page.getByRole("region", { name: "Dati principali", exact: true });
    expect(await fact(facts, "Stato").textContent()).toBe("Programmati");
    await page
      .getByRole("region", { name: "Alloggi", exact: true })
      .getByRole("link", { name: unitCode })
      .waitFor();
    await expectAccessible(page);
  });

  test("is refused the award to the expired contractor beside the field, then awards to the valid one", async () => {
    const award = page.getByRole("region", { name: "Affidamento", exact: true });
    const select = award.getByRole("combobox", { name: "Impresa" });
    await select.selectOption({ label: `${EXPIRED.name} – Iscrizione scaduta` });
    await press(page, award.getByRole("button", { name: "Affida i lavori" }));
    const error = page.locator("#award-contractorId-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^L'iscrizione di Edilizia Scaduta \(prova\) nella white list è scaduta il \d{1,2} \S+ \d{4}$/,
    );
    await expect.poll(() => isFocused(select)).toBe(true);
    await expectAccessible(page);

    await select.selectOption({ label: `${VALID.name} – Iscrizione valida` });
    await press(page, award.getByRole("button", { name: "Affida i lavori" }));
    await page.getByText(`Lavori affidati a ${VALID.name}.`).waitFor();
    expect(
      await fact(page.getByRole("region", { name: "Dati principali", exact: true }), "Stato").textContent(),
    ).toBe("Affidati");
    await page.getByRole("region", { name: "Impresa", exact: true }).getByText("Iscrizione valida").waitFor();
    await expectAccessible(page);
  });

  test("starts and ends the phase; the schedule shows the delay in words", async () => {
    await page.getByLabel("Inizio effettivo della fase 1").fill(TODAY);
    await press(page, page.getByRole("button", { name: "Salva le date della fase 1" }));
    await page.getByText("Date della fase 1 salvate.").waitFor();
    expect(
      await fact(page.getByRole("region", { name: "Dati principali", exact: true }), "Stato").textContent(),
    ).toBe("In corso");
    await page
      .getByRole("region", { name: "Alloggi", exact: true })
      .getByText("In ristrutturazione")
      .waitFor();

    await page.getByLabel("Fine effettiva della fase 1").fill(TODAY);
    await press(page, page.getByRole("button", { name: "Salva le date della fase 1" }));
    await page.getByText("Date della fase 1 salvate.").waitFor();
    const schedule = page.getByRole("region", { name: "Cronoprogramma", exact: true });
    const chart = schedule.getByRole("img", {
      name: /^Diagramma a barre orizzontali del cronoprogramma, 1 fase/,
    });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-label")).toContain(
      "In ritardo: Impianti (prova), 5 giorni di ritardo.",
    );
    const row = schedule.getByRole("table", { name: "Fasi: date previste ed effettive" }).getByRole("row", {
      name: /Impianti \(prova\)/,
    });
    await row.getByText("5 giorni di ritardo").waitFor();
    await expectAccessible(page);
  });

  test("adds a cost with VAT at the works' rate, and sees the totals", async () => {
    const cost = page.getByRole("region", { name: "Registra un costo", exact: true });
    await cost.getByLabel("Descrizione").fill("Impianto elettrico (prova)");
    await cost.getByLabel("Fornitore").fill("Elettrica Fittizia (prova)");
    await cost.getByLabel("Numero della fattura").fill("FT-PROVA-1");
    await cost.getByLabel("Data della fattura").fill(TODAY);
    await cost.getByLabel("Fonte di finanziamento").selectOption({ label: "Fondo perduto" });
    await cost.getByLabel("Imponibile in euro").fill("12.000,00");
    await press(page, cost.getByRole("button", { name: "Registra il costo" }));
    await page.getByText("Costo registrato.").waitFor();
    const costs = page.getByRole("table", { name: "Costi registrati" });
    const line = costs.getByRole("row", { name: /Impianto elettrico \(prova\)/ });
    await line.waitFor();
    expect(await line.locator("td").allTextContents()).toEqual([
      "Elettrica Fittizia (prova)",
      expect.stringMatching(/^n\. FT-PROVA-1 del /),
      "Fondo perduto",
      euro(1_200_000),
      euro(120_000),
    ]);
    const figures = page.getByRole("region", { name: "Costi", exact: true });
    expect(await fact(figures, "Totale (IVA inclusa)").textContent()).toBe(euro(1_320_000));
    expect(await fact(figures, "Rispetto alla stima").textContent()).toBe(
      `Sotto la stima di ${euro(3_300_000)}`,
    );
    await expectAccessible(page);
  });

  test("cannot complete with standards missing, ticks the checklist, completes: the unit is available", async () => {
    const complete = page.getByRole("region", { name: "Conclusione dei lavori", exact: true });
    await press(page, complete.getByRole("button", { name: "Concludi i lavori" }));
    const refused = complete.getByRole("alert");
    await refused.getByText("Standard ancora da soddisfare:").waitFor();
    await refused.getByText("Dichiarazione di conformità dell'impianto elettrico").waitFor();
    expect(await refused.locator("li").count()).toBe(10);
    await expectAccessible(page);

    const checklist = page.getByRole("region", {
      name: "Lista di controllo degli standard minimi",
      exact: true,
    });
    const boxes = checklist.getByRole("checkbox");
    expect(await boxes.count()).toBe(10);
    for (let i = 0; i < 10; i++) await tick(boxes.nth(i));
    await press(page, checklist.getByRole("button", { name: "Salva la lista di controllo" }));
    await page.getByText("Lista di controllo salvata.").waitFor();
    await page
      .getByRole("region", { name: "Standard minimi", exact: true })
      .getByText("10 di 10 soddisfatti.")
      .waitFor();

    await press(
      page,
      page
        .getByRole("region", { name: "Conclusione dei lavori", exact: true })
        .getByRole("button", { name: "Concludi i lavori" }),
    );
    await page.getByText("Lavori conclusi: gli alloggi sono disponibili.").waitFor();
    expect(
      await fact(page.getByRole("region", { name: "Dati principali", exact: true }), "Stato").textContent(),
    ).toBe("Conclusi");
    await page.getByRole("region", { name: "Alloggi", exact: true }).getByText("Disponibile").waitFor();
    const unit = await apiJson<{ status: string }>(page, "GET", `/units/${encodeURIComponent(unitCode)}`);
    expect(unit.status).toBe("available");
    await expectAccessible(page);
  });

  test("finds the works in the list, completed, filters it out, and its spend in the report", async () => {
    await follow(
      page,
      page
        .getByRole("navigation", { name: "Percorso" })
        .getByRole("link", { name: "Lavori di ristrutturazione" }),
      "Lavori di ristrutturazione",
    );
    const list = page.getByRole("table", { name: /^Lavori di ristrutturazione/ });
    const row = list.getByRole("row", { name: /Ristrutturazione di un alloggio \(prova\)/ });
    await row.getByText("Conclusi").waitFor();
    await row.getByText(VALID.name).waitFor();
    await row.getByText("5 giorni di ritardo").waitFor();
    const reference = (await row.getByRole("link").textContent()) ?? "";
    expect(reference).toMatch(/^LAV-\d{4}-\d{5}$/);
    await expectAccessible(page);

    await page.getByRole("combobox", { name: "Stato dei lavori" }).selectOption({ label: "In corso" });
    await press(page, page.getByRole("button", { name: "Applica i filtri" }));
    await page.waitForURL(/status=in_progress/);
    // Filtered out of the list; the report below still counts every works, and links this one.
    await expect
      .poll(async () => (await list.count()) === 0 || (await list.getByText(reference).count()) === 0)
      .toBe(true);
    await page
      .getByRole("table", { name: "Costi per lavoro" })
      .getByRole("link", { name: reference })
      .waitFor();

    const report = await apiJson<{ totals: { bySource: { grant: number } } }>(page, "GET", "/works/report");
    expect(report.totals.bySource.grant).toBeGreaterThanOrEqual(1_320_000);
    const grant = euro(report.totals.bySource.grant);
    const bySource = page.getByRole("table", { name: "Spesa per fonte di finanziamento" });
    const grantRow = bySource.getByRole("row", { name: /Fondo perduto/ });
    expect(await grantRow.locator("td").first().textContent()).toBe(grant);
    await page
      .getByRole("img", { name: /^Grafico a barre della spesa per fonte di finanziamento/ })
      .waitFor();
    await expectAccessible(page);
  });

  test("edits its own contractor: a renewal asked for in time keeps the registration valid", async () => {
    await follow(
      page,
      page.getByRole("main").getByRole("link", { name: "Registro delle imprese" }),
      "Registro delle imprese",
    );
    await press(page, page.getByRole("button", { name: `Modifica ${EXPIRED.name}` }));
    const title = page.getByRole("heading", { level: 2, name: `Modifica l'impresa ${EXPIRED.name}` });
    await title.waitFor();
    await expect.poll(() => isFocused(page.locator("#contractor-name"))).toBe(true);
    expect(await page.getByLabel("Partita IVA").inputValue()).toBe(EXPIRED.vat);
    await page.getByLabel("Rinnovo chiesto il").fill(dayFromToday(-40));
    await press(page, page.getByRole("button", { name: "Salva le modifiche" }));
    await page.getByText(`Impresa ${EXPIRED.name} aggiornata.`).waitFor();
    const row = page.getByRole("row", { name: new RegExp(EXPIRED.name.replace(/[()]/g, "\\$&")) });
    await row.getByText("Rinnovo in corso").waitFor();
    await page.getByRole("heading", { level: 2, name: "Registra un'impresa" }).waitFor();
    await expectAccessible(page);
  });
});

describe("works changed after planning: a phase added, then the works cancelled", () => {
  type Works = { id: string; reference: string; version: number; phases: unknown[] };
  let works: Works;
  let unitCode = "";

  test("sets up awarded works with one phase, through the API", async () => {
    const units = await apiJson<{ items: { code: string }[] }>(
      page,
      "GET",
      "/units?status=to_renovate&sort=-code&limit=1",
    );
    unitCode = units.items[0]?.code ?? "";
    expect(unitCode).not.toBe("");
    const planned = await apiJson<Works>(page, "POST", "/works", {
      title: "Lavori da annullare (prova)",
      units: [unitCode],
      estimateExVatCents: 2_000_000,
      phases: [
        { name: "Demolizioni (prova)", plannedStart: dayFromToday(-10), plannedEnd: dayFromToday(10) },
      ],
    });
    const contractors = await apiJson<{ items: { id: string; name: string; standing: string }[] }>(
      page,
      "GET",
      "/contractors",
    );
    const valid =
      contractors.items.find((c) => c.name === VALID.name && c.standing === "valid") ??
      contractors.items.find((c) => c.standing === "valid");
    expect(valid).toBeDefined();
    works = await apiJson<Works>(page, "POST", `/works/${planned.id}/award`, {
      contractorId: valid?.id,
      awardedOn: dayFromToday(-5),
      version: planned.version,
    });
    expect(works.phases).toHaveLength(1);
  });

  test("adds a phase: missing and out-of-order dates beside their fields, then the phase in the schedule", async () => {
    await page.goto(`/lavori/${encodeURIComponent(works.reference)}`);
    await page.getByRole("heading", { level: 1, name: `Lavori ${works.reference}` }).waitFor();
    const add = page.getByRole("region", { name: "Aggiungi una fase", exact: true });
    await add.getByText("Sarà la fase 2 del cronoprogramma.", { exact: false }).waitFor();
    await expectAccessible(page);

    await press(page, add.getByRole("button", { name: "Aggiungi la fase 2" }));
    const nameError = page.locator("#add-phase-name-error");
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe("Indica il nome");
    expect(await page.locator("#add-phase-plannedStart-error").textContent()).toBe("Indica una data valida");
    expect(await page.locator("#add-phase-plannedEnd-error").textContent()).toBe("Indica una data valida");
    const summary = add.locator("#add-phase-errors");
    await summary.getByText("Ci sono 3 errori da correggere").waitFor();
    await summary.getByRole("link", { name: "Nome della fase 2: Indica il nome" }).waitFor();
    await expect.poll(() => isFocused(add.getByLabel("Nome della fase 2"))).toBe(true);
    await expectAccessible(page);

    await add.getByLabel("Nome della fase 2").fill("Tinteggiatura (prova)");
    await add.getByLabel("Inizio previsto della fase 2").fill(dayFromToday(11));
    await add.getByLabel("Fine prevista della fase 2").fill(dayFromToday(5));
    await press(page, add.getByRole("button", { name: "Aggiungi la fase 2" }));
    const endError = page.locator("#add-phase-plannedEnd-error");
    await expect
      .poll(() => endError.textContent())
      .toBe("La fine prevista non può precedere l'inizio previsto");
    expect(await page.locator("#add-phase-name-error").count()).toBe(0);
    await expect.poll(() => isFocused(add.getByLabel("Fine prevista della fase 2"))).toBe(true);

    await add.getByLabel("Fine prevista della fase 2").fill(dayFromToday(20));
    await press(page, add.getByRole("button", { name: "Aggiungi la fase 2" }));
    const done = page.getByText("Fase 2 (Tinteggiatura (prova)) aggiunta al cronoprogramma.");
    await done.waitFor();
    await expect.poll(() => isFocused(done)).toBe(true);
    const schedule = page.getByRole("region", { name: "Cronoprogramma", exact: true });
    await schedule
      .getByRole("table", { name: "Fasi: date previste ed effettive" })
      .getByRole("rowheader", { name: "2. Tinteggiatura (prova)" })
      .waitFor();
    // The next phase to add is the third; the new phase has its own dates form.
    await page.getByRole("button", { name: "Aggiungi la fase 3" }).waitFor();
    await page.getByLabel("Inizio effettivo della fase 2").waitFor();
    await expectAccessible(page);
  });

  test("starts the first phase: the unit goes under works", async () => {
    await page.getByLabel("Inizio effettivo della fase 1").fill(TODAY);
    await press(page, page.getByRole("button", { name: "Salva le date della fase 1" }));
    await page.getByText("Date della fase 1 salvate.").waitFor();
    expect(
      await fact(page.getByRole("region", { name: "Dati principali", exact: true }), "Stato").textContent(),
    ).toBe("In corso");
    await page
      .getByRole("region", { name: "Alloggi", exact: true })
      .getByText("In ristrutturazione")
      .waitFor();
  });

  test("cancels the works: a reason is required, then the notice, no more actions, the unit to renovate", async () => {
    const cancel = page.getByRole("region", { name: "Annulla i lavori", exact: true });
    const confirm = cancel.getByRole("button", { name: "Conferma l'annullamento dei lavori" });
    await press(page, confirm);
    const error = page.locator("#cancel-reason-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Indica il motivo (almeno 3 caratteri)");
    await cancel
      .locator("#cancel-errors")
      .getByRole("link", { name: "Motivo dell'annullamento: Indica il motivo (almeno 3 caratteri)" })
      .waitFor();
    const reason = cancel.getByLabel("Motivo dell'annullamento");
    await expect.poll(() => isFocused(reason)).toBe(true);
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    await reason.fill("Il Comune ha ritirato l'alloggio dal programma (prova)");
    await press(page, confirm);
    const done = page.getByText(
      "Lavori annullati: gli alloggi in ristrutturazione tornano da ristrutturare.",
    );
    await done.waitFor();
    await expect.poll(() => isFocused(done)).toBe(true);

    const notice = page.getByRole("region", { name: "Lavori annullati", exact: true });
    await notice.getByText(/^Questi lavori sono stati annullati il \d{1,2} \S+ \d{4}\.$/).waitFor();
    await notice.getByText("Il Comune ha ritirato l'alloggio dal programma (prova)").waitFor();
    const facts = page.getByRole("region", { name: "Dati principali", exact: true });
    expect(await fact(facts, "Stato").textContent()).toBe("Annullati");
    await page.getByRole("region", { name: "Alloggi", exact: true }).getByText("Da ristrutturare").waitFor();
    // Nothing more is done on it: no forms, none of the moves' buttons.
    const main = page.getByRole("main");
    expect(await main.locator("form").count()).toBe(0);
    expect(
      await main.getByRole("button", { name: /^(Conferma|Aggiungi|Salva|Registra|Affida|Concludi)/ }).count(),
    ).toBe(0);
    const unit = await apiJson<{ status: string }>(page, "GET", `/units/${encodeURIComponent(unitCode)}`);
    expect(unit.status).toBe("to_renovate");
    await expectAccessible(page);
  });

  test("finds it in the list among the cancelled works, its delay not applicable", async () => {
    await follow(
      page,
      page
        .getByRole("navigation", { name: "Percorso" })
        .getByRole("link", { name: "Lavori di ristrutturazione" }),
      "Lavori di ristrutturazione",
    );
    await page.getByRole("combobox", { name: "Stato dei lavori" }).selectOption({ label: "Annullati" });
    await press(page, page.getByRole("button", { name: "Applica i filtri" }));
    await page.waitForURL(/status=cancelled/);
    const row = page
      .getByRole("table", { name: /^Lavori di ristrutturazione/ })
      .getByRole("row", { name: new RegExp(works.reference) });
    await row.getByText("Annullati").waitFor();
    await row.getByText("non applicabile").waitFor();
    expect(await row.getByText(/giorn[oi] di ritardo/).count()).toBe(0);
    await expectAccessible(page);
  });
});
