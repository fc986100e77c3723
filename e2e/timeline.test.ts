// SPDX-License-Identifier: EUPL-1.2
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  expectAccessible,
  isFocused,
  launchBrowser,
  press,
  said,
  serverUrl,
  signedInPage,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const AREA_A = "area.a@demo.casacomune.example";

let browser: Browser;
let page: Page;
/** The server's today (Rome), which the standings count from. */
let asOf = "";

type Item = { id: string; title: string; standing: string; version: number };
type Timeline = { asOf: string; items: Item[] };

// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const MILESTONE = `Collaudo del lotto di prova ${RUN}`;
const PHASE = `Sopralluoghi di prova ${RUN}`;

/** A day `days` after the server's today, as YYYY-MM-DD. */
const day = (days: number) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const itemRow = (title: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title, exact: true }) });
const table = () => page.getByRole("table", { name: /^Fasi e traguardi \(\d+\)/ });
const gantt = () => page.getByRole("img", { name: /^Diagramma di Gantt di \d+ fasi e traguardi/ });

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl, AREA_A);
  asOf = (await apiJson<Timeline>(page, "GET", "/timeline")).asOf;
  // A phase of this run, planned to have ended already and not started: late now.
  await apiJson(page, "POST", "/timeline", {
    line: "A.3",
    kind: "phase",
    title: PHASE,
    ownerCode: "ETS-A",
    ownerName: "Ufficio tecnico di prova",
    plannedStart: "2026-02-01",
    plannedEnd: day(-5),
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("the timeline (cronoprogramma), as the Area A partner", () => {
  test("opens the Gantt chart with its table, the late items marked in words", async () => {
    await page.goto("/cronoprogramma");
    await page.getByRole("heading", { level: 1, name: "Cronoprogramma" }).waitFor();
    const chart = gantt();
    await chart.waitFor();
    expect(await chart.getAttribute("aria-label")).toMatch(/\d+ in ritardo, \d+ a rischio, \d+ completati/);
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0);
    const rows = table().locator("tbody tr:not([hidden])");
    const lines = await rows.locator("td:first-child").allTextContents();
    for (const line of ["A.1", "A.2", "A.3", "A.4", "B.1", "B.2", "B.3"])
      expect(lines.some((l) => l.startsWith(line))).toBe(true);
    await page.getByRole("table", { name: /^Fasi e traguardi per andamento/ }).waitFor();
    const late = itemRow(PHASE);
    await late.getByText("In ritardo", { exact: true }).waitFor();
    await late.getByText(/^\d+ giorni oltre la fine pianificata$/).waitFor();
    expect(await late.getAttribute("class")).toContain("is-late");
    await expectAccessible(page);
  });

  test("filters one line: only its items, in the table and in the chart", async () => {
    const filters = page.getByRole("form", { name: "Filtra il cronoprogramma" });
    await filters.getByLabel("Linea di attività").selectOption({ label: "A.3 Ristrutturazione" });
    await press(page, filters.getByRole("button", { name: "Applica i filtri" }));
    await page.waitForURL(/line=A\.3/);
    const rows = table().locator("tbody tr:not([hidden])");
    await expect
      .poll(async () => new Set(await rows.locator("td:first-child > span").allTextContents()))
      .toEqual(new Set(["A.3"]));
    const count = await rows.count();
    expect(await gantt().getAttribute("aria-label")).toContain(`di ${count} fasi e traguardi`);
    await expectAccessible(page);
  });

  test("adds a milestone: a missing date is named beside its field, then the milestone is listed", async () => {
    const form = page.getByRole("form", { name: "Aggiungi una fase o un traguardo" });
    await form.getByLabel("Linea di attività").selectOption({ label: "A.3 Ristrutturazione" });
    await form.getByLabel("Tipo").selectOption({ label: "Traguardo" });
    await form.getByLabel("Titolo").fill(MILESTONE);
    await form
      .getByLabel("Ente responsabile")
      .selectOption({ label: "Consorzio Fittizio Abitare Insieme (demo)" });
    await press(page, form.getByRole("button", { name: "Aggiungi al cronoprogramma" }));
    const error = form.locator("#timeline-new-plannedStart-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Indica una data valida");
    await expect.poll(() => isFocused(form.getByLabel("Inizio pianificato"))).toBe(true);
    await expectAccessible(page);

    await form.getByLabel("Inizio pianificato").fill(day(40));
    await press(page, form.getByRole("button", { name: "Aggiungi al cronoprogramma" }));
    await said(page, `«${MILESTONE}» aggiunto al cronoprogramma: In tempo.`);
    const row = itemRow(MILESTONE);
    await row.getByText("Traguardo").waitFor();
    await row.getByText("In tempo", { exact: true }).waitFor();
    await expectAccessible(page);
  });

  test("marks a late phase done with its actual dates: a future end is refused, then it reads done late", async () => {
    const row = itemRow(PHASE);
    await press(page, row.getByRole("button", { name: `Aggiorna «${PHASE}»` }));
    const panel = page.getByRole("form", { name: `Aggiorna «${PHASE}»` });
    await panel.getByLabel("Stato").selectOption({ label: "Completato" });
    await panel.getByLabel("Inizio effettivo").fill("2026-02-10");
    await panel.getByLabel("Fine effettiva").fill(day(1));
    await press(page, panel.getByRole("button", { name: "Salva l'aggiornamento" }));
    const error = panel.locator('[id$="-actualEnd-error"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^La data non può essere futura \(oggi è il .+\)$/);
    await expectAccessible(page);

    await panel.getByLabel("Fine effettiva").fill(day(-1));
    await press(page, panel.getByRole("button", { name: "Salva l'aggiornamento" }));
    await said(page, `«${PHASE}» aggiornato: Completato in ritardo.`);
    await row.getByText("Completato in ritardo", { exact: true }).waitFor();
    await row.getByText("4 giorni di ritardo").waitFor();
    const saved = (await apiJson<Timeline>(page, "GET", "/timeline?line=A.3")).items.find(
      (i) => i.title === PHASE,
    );
    expect(saved).toMatchObject({ standing: "done_late", version: 2 });
    await expectAccessible(page);
  });

  test("shows only the late items when asked, each saying so", async () => {
    await page.goto("/cronoprogramma?standing=late");
    await gantt().waitFor();
    const badges = table().locator("tbody tr:not([hidden]) .timeline-badge");
    const texts = await badges.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set(["In ritardo"]));
    await expectAccessible(page);
  });

  test("downloads the filtered timeline as XLSX and CSV, with Italian headings", async () => {
    await page.goto("/cronoprogramma?line=A.3");
    await gantt().waitFor();
    const shown = await table().locator("tbody tr:not([hidden])").count();
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Esporta Excel (XLSX)" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^cronoprogramma-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsx.path())) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Cronoprogramma");
    expect(sheet?.getRow(1).getCell(4).value).toBe("Titolo");
    expect((sheet?.rowCount ?? 0) - 1).toBe(shown);
    const titles = (sheet?.getColumn(4).values ?? []).slice(2);
    expect(titles).toContain(MILESTONE);

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Esporta CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^cronoprogramma-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await csv.path(), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text
      .slice(1)
      .split(/\r?\n/)
      .filter((l) => l !== "");
    expect(lines[0]?.split(";").slice(0, 4)).toEqual(["Area", "Linea", "Tipo", "Titolo"]);
    expect(lines.length - 1).toBe(shown);
    expect(lines.find((l) => l.includes(PHASE))).toContain("Completato in ritardo");
  });
});
