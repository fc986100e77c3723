// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Locator, Page } from "playwright-core";
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
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
let page: Page;
/** The server's today (Rome), which the standings count from and the meeting is held on. */
let asOf = "";

type Bodies = { asOf: string; bodies: { id: string; name: string; level: string; activeMembers: number }[] };

// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const CABINA = "Cabina di Regia Integrata";
const OWNER = `Referente Prova ${RUN} (demo)`;
const ACTION = `Aggiornare il calendario degli incontri ${RUN}`;
const PAST_DUE = "2026-01-15";
const FILE = `ordine-del-giorno-${RUN}.pdf`;
const TABLE = `Tavolo di prova ${RUN}`;
/** The Cabina's six members in the demo, who attend the meeting. */
const SIX = [
  "Anna Esempio (demo)",
  "Marco Prova (demo)",
  "Lucia Fittizia (demo)",
  "Paolo Modello (demo)",
  "Sara Campione (demo)",
  "Elena Bozza (demo)",
];
const REFERENT = "Giorgio Schema (demo)";

/** A day as the Italian interface writes it (`23 nov 2026`). */
const italianDate = (iso: string) =>
  new Intl.DateTimeFormat("it-IT", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const nav = () => page.getByRole("navigation", { name: "Menu principale" });
const main = () => page.getByRole("main");

/** A meeting's card, by its day. */
const meetingCard = (date: string) =>
  page.locator("article", {
    has: page.getByRole("heading", { level: 3, name: new RegExp(`^Riunione del ${italianDate(date)} `) }),
  });

const rowOf = (table: Locator, header: string) =>
  table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: header, exact: true }) });

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl);
  asOf = (await apiJson<Bodies>(page, "GET", "/governance/bodies")).asOf;
});
afterAll(async () => {
  await browser?.close();
});

describe("the programme's governance, as the Comune's administrator", () => {
  test("opens Governance from the menu by keyboard: the bodies by level, the Cabina with 6 of 6 members", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    const labels = await nav().getByRole("link").allTextContents();
    expect(labels.indexOf("Governance")).toBe(labels.indexOf("Cronoprogramma") + 1);
    await follow(page, nav().getByRole("link", { name: "Governance" }), "Governance del programma");
    expect(await nav().getByRole("link", { name: "Governance" }).getAttribute("aria-current")).toBe("page");
    for (const level of ["Livello direttivo", "Livello gestionale", "Livello progettuale"])
      await page.getByRole("heading", { level: 2, name: level }).waitFor();

    const directive = page.getByRole("table", { name: /^Organi del livello direttivo/ });
    const cabina = rowOf(directive, CABINA);
    await cabina.getByText("6 di 6 componenti", { exact: true }).waitFor();
    // The annual review of the model: when it falls due, in words.
    await cabina.getByText(/^(entro il|scade oggi|scaduta il) /).waitFor();
    const management = page.getByRole("table", { name: /^Organi del livello gestionale/ });
    expect(await management.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.getByRole("heading", { level: 2, name: "Aggiungi un organo" }).waitFor();
    await expectAccessible(page);
  });

  test("opens the Cabina: a seventh member is refused, the reason beside the day it would start", async () => {
    await follow(page, main().getByRole("link", { name: CABINA, exact: true }), CABINA);
    const members = page.getByRole("table", { name: /^Componenti e referenti di Cabina di Regia Integrata/ });
    for (const name of [...SIX, REFERENT]) await rowOf(members, name).getByText("In carica").waitFor();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "Aggiungi un componente o un referente" });
    await form.getByLabel("Nome e cognome").fill(`Settima Persona ${RUN} (demo)`);
    await form.getByLabel("Ente rappresentato").selectOption({ label: "Comune di Milano (demo)" });
    await form.getByLabel("Ruolo").selectOption({ label: "Componente effettivo" });
    expect(await form.getByLabel("In carica dal").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel("In carica dal").fill(asOf);
    await press(page, form.getByRole("button", { name: "Aggiungi all'organo" }));
    const error = form.locator("#member-new-from-error");
    await error.waitFor();
    expect(await error.textContent()).toBe(
      `Il ${italianDate(asOf)} Cabina di Regia Integrata avrebbe 7 componenti in carica: al massimo 6 (i referenti non contano)`,
    );
    await expect.poll(() => isFocused(form.getByLabel("In carica dal"))).toBe(true);
    expect(await form.getByLabel("In carica dal").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    const detail = await apiJson<{ members: unknown[] }>(
      page,
      "GET",
      `/governance/bodies/${await cabinaId()}`,
    );
    expect(detail.members.length).toBe(SIX.length + 3);
  });

  test("plans a meeting for today, then records who attended and its minutes", async () => {
    const form = page.getByRole("form", { name: "Pianifica una riunione" });
    await form.getByLabel("Data").fill(asOf);
    await form.getByLabel("Ora di inizio").fill("17:30");
    await form.getByLabel("Luogo").fill("Sala di prova (demo)");
    await form
      .getByRole("textbox", { name: "Ordine del giorno" })
      .fill("Calendario degli incontri del 2027\nStato delle azioni in ritardo");
    await press(page, form.getByRole("button", { name: "Pianifica la riunione" }));
    await said(page, `Riunione del ${italianDate(asOf)} pianificata con 2 punti all'ordine del giorno.`);
    const card = meetingCard(asOf);
    await card.getByText("Pianificata", { exact: true }).waitFor();
    await card.getByRole("listitem").filter({ hasText: "Stato delle azioni in ritardo" }).waitFor();
    await expectAccessible(page);

    const minutes = card.getByRole("form", {
      name: `Presenze e verbale della riunione del ${italianDate(asOf)}`,
    });
    const boxes = minutes.getByRole("checkbox");
    expect(await boxes.count()).toBe(SIX.length + 3);
    for (const name of [...SIX, REFERENT])
      await tick(minutes.getByRole("checkbox", { name: new RegExp(`^${literal(name)} – `) }));
    await minutes
      .getByRole("textbox", { name: "Verbale" })
      .fill("Concordato il calendario del 2027; esaminate le azioni in ritardo con i responsabili.");
    await press(page, minutes.getByRole("button", { name: "Registra presenze e verbale" }));
    await said(page, `Verbale della riunione del ${italianDate(asOf)} registrato, con 7 presenti.`);
    await card.getByText("Tenuta", { exact: true }).waitFor();
    await card.getByRole("heading", { level: 4, name: "Presenti (7)" }).waitFor();
    expect(await card.getByRole("form", { name: /^Presenze e verbale/ }).count()).toBe(0);
    await expectAccessible(page);
  });

  test("attaches a PDF to the meeting and offers it for download", async () => {
    const card = meetingCard(asOf);
    const upload = card.getByRole("form", {
      name: `Allega un documento alla riunione del ${italianDate(asOf)}`,
    });
    await upload.getByLabel("Documento da allegare").setInputFiles({
      name: FILE,
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% ordine del giorno di prova\n%%EOF\n"),
    });
    await press(page, upload.getByRole("button", { name: "Allega il documento" }));
    await said(page, `«${FILE}» allegato alla riunione del ${italianDate(asOf)}.`);
    const link = card.getByRole("link", { name: `${FILE} (scarica)` });
    await link.waitFor();
    const response = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page);
  });

  test("records a decision by vote: more votes than voting members present are refused beside the count", async () => {
    const form = page.getByRole("form", { name: "Registra una decisione" });
    await form.getByLabel("Riunione").selectOption({ label: `Riunione del ${italianDate(asOf)}` });
    await form.getByLabel("Modalità").selectOption({ label: "Votazione" });
    await form
      .getByLabel("Testo della decisione")
      .fill(`Approvazione del calendario degli incontri del 2027 (${RUN}).`);
    await form.getByLabel("Favorevoli").fill("5");
    await form.getByLabel("Contrari").fill("1");
    await form.getByLabel("Astenuti").fill("1");
    await press(page, form.getByRole("button", { name: "Registra la decisione" }));
    const error = form.locator("#decision-new-votesFor-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Sono contati 7 voti, ma i presenti con diritto di voto erano 6");
    await expect.poll(() => isFocused(form.getByLabel("Favorevoli"))).toBe(true);
    await expectAccessible(page);

    await form.getByLabel("Astenuti").fill("0");
    await press(page, form.getByRole("button", { name: "Registra la decisione" }));
    const text = await said(page, new RegExp(`^Decisione n\\. \\d+ del ${italianDate(asOf)} registrata\\.$`));
    const number = text.match(/n\. (\d+)/)?.[1] ?? "";
    const decisions = page.getByRole("table", { name: /^Decisioni di Cabina di Regia Integrata/ });
    const row = rowOf(decisions, `n. ${number}`);
    await row.getByText("Favorevoli 5, contrari 1, astenuti 0").waitFor();
    await row.getByText(italianDate(asOf)).waitFor();
    await expectAccessible(page);
  });

  test("adds an action due in the past: it is listed as overdue on the body's page, in words", async () => {
    const form = page.getByRole("form", { name: "Aggiungi un'azione" });
    await form.getByRole("textbox", { name: "Azione", exact: true }).fill(ACTION);
    await form.getByLabel("Responsabile (persona)").fill(OWNER);
    await form
      .getByLabel("Ente del responsabile")
      .selectOption({ label: "Consorzio Fittizio Abitare Insieme (demo)" });
    await form.getByLabel("Scadenza").fill(PAST_DUE);
    const decisions = await form.getByLabel("Decisione attuata").locator("option").allTextContents();
    const ours = decisions.filter((d) => d.endsWith(italianDate(asOf))).at(-1) ?? "";
    await form.getByLabel("Decisione attuata").selectOption({ label: ours });
    await press(page, form.getByRole("button", { name: "Aggiungi l'azione" }));
    const days = daysBetween(PAST_DUE, asOf);
    await said(
      page,
      `Azione «${ACTION}» aggiunta: è già in ritardo di ${days} giorni (scadenza 15 gen 2026).`,
    );

    const actions = page.getByRole("table", { name: /^Azioni assegnate da Cabina di Regia Integrata/ });
    const row = rowOf(actions, ACTION);
    await row.getByText("In ritardo", { exact: true }).waitFor();
    await row.getByText(`scaduta da ${days} giorni`).waitFor();
    await row.getByText(OWNER).waitFor();
    await row.getByText("15 gen 2026").waitFor();
    expect(await row.getAttribute("class")).toContain("is-overdue");
    await expectAccessible(page);
  });

  test("the actions list: the person's overdue action in the table per person, then by the filters", async () => {
    await follow(
      page,
      main().getByRole("link", { name: "Le azioni di questo organo nell'elenco di tutte le azioni" }),
      "Azioni",
    );
    expect(new URL(page.url()).searchParams.get("bodyId")).toBe(await cabinaId());
    const reset = page.getByRole("link", { name: "Azzera i filtri" });
    await press(page, reset);
    await page.waitForURL((url) => url.search === "");
    const perPerson = page.getByRole("table", { name: /^Azioni in ritardo al .+ per responsabile/ });
    const owner = rowOf(perPerson, OWNER);
    await owner.getByRole("cell", { name: "Consorzio Fittizio Abitare Insieme (demo)" }).waitFor();
    expect(await owner.getByRole("cell").last().textContent()).toBe("1");
    await expectAccessible(page);

    const filters = page.getByRole("form", { name: "Filtra le azioni" });
    await filters.getByLabel("Responsabile").fill(OWNER);
    await tick(filters.getByRole("checkbox", { name: "Solo le azioni in ritardo" }));
    await press(page, filters.getByRole("button", { name: "Applica i filtri" }));
    await page.waitForURL(/overdue=true/);
    const list = page.getByRole("table", { name: /^\d+ azion[ei], con organo/ });
    await expect.poll(() => list.getByRole("rowheader").allTextContents()).toEqual([ACTION]);
    const row = rowOf(list, ACTION);
    await row.getByRole("link", { name: CABINA }).waitFor();
    await row.getByText("In ritardo", { exact: true }).waitFor();
    await expectAccessible(page);

    // Done: it leaves the overdue actions, and its owner the table per person.
    await press(page, row.getByRole("button", { name: `Aggiorna «${ACTION}»` }));
    const update = page.getByRole("form", { name: `Aggiorna «${ACTION}»` });
    await update.getByLabel("Stato").selectOption({ label: "Completata" });
    await update.getByLabel("Nota").fill("Calendario inviato a tutti i partner.");
    await press(page, update.getByRole("button", { name: "Salva l'aggiornamento" }));
    await said(page, `«${ACTION}» aggiornata: Completata.`);
    await page.getByText("Nessuna azione corrisponde ai filtri.").waitFor();
    await expect.poll(() => rowOf(perPerson, OWNER).count()).toBe(0);
    await expectAccessible(page);
  });

  test("adds a project body reporting to the Cabina: a missing level is named beside its field", async () => {
    await page.goto("/governance");
    await page.getByRole("heading", { level: 1, name: "Governance del programma" }).waitFor();
    const form = page.getByRole("form", { name: "Aggiungi un organo" });
    await form.getByRole("textbox", { name: "Nome", exact: true }).fill(TABLE);
    await press(page, form.getByRole("button", { name: "Aggiungi l'organo" }));
    const error = form.locator("#body-new-level-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Scegli un valore dall'elenco");
    await expect
      .poll(() => isFocused(form.getByRole("combobox", { name: "Livello", exact: true })))
      .toBe(true);
    await expectAccessible(page);

    await form
      .getByRole("combobox", { name: "Livello", exact: true })
      .selectOption({ label: "Livello progettuale" });
    await form.getByLabel("Riferisce a").selectOption({ label: `${CABINA} (Livello direttivo)` });
    await form.getByLabel("Area di lavoro").selectOption({ label: "Area B" });
    await press(page, form.getByRole("button", { name: "Aggiungi l'organo" }));
    await said(page, `«${TABLE}» aggiunto al livello progettuale.`);
    const project = page.getByRole("table", { name: /^Organi del livello progettuale/ });
    const row = rowOf(project, TABLE);
    await row.getByRole("cell", { name: CABINA, exact: true }).waitFor();
    await row.getByText("0 componenti in carica").waitFor();
    await expectAccessible(page);
  });

  test("the same pages in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Programme governance" }).waitFor();
    const directive = page.getByRole("table", { name: /^Bodies of the directive level/ });
    await rowOf(directive, CABINA).getByText("6 of 6 members", { exact: true }).waitFor();
    await expectAccessible(page);
    await follow(page, main().getByRole("link", { name: CABINA, exact: true }), CABINA);
    await page.getByRole("heading", { level: 2, name: "Members and referents" }).waitFor();
    const actions = page.getByRole("table", { name: /^Actions given by Cabina di Regia Integrata/ });
    const done = rowOf(actions, ACTION);
    await done.getByText("Done", { exact: true }).waitFor();
    await done.getByText("Note: Calendario inviato a tutti i partner.").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Italiano" }).click();
    await page.getByRole("heading", { level: 2, name: "Componenti e referenti" }).waitFor();
  });
});

/** The Cabina's id, from the API. */
async function cabinaId() {
  const { bodies } = await apiJson<Bodies>(page, "GET", "/governance/bodies");
  const found = bodies.find((b) => b.name === CABINA);
  if (!found) throw new Error("the demo has no Cabina di Regia");
  return found.id;
}

/** `text` as a literal inside a regular expression. */
function literal(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
