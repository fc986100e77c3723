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
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
/** The Comune's administrator, who publishes. */
let admin: Page;
/** The ETS-B1 Area B manager, who is notified and uploads. */
let page: Page;

type Notifications = { items: { id: string; kind: string; title: string; read: boolean }[]; unread: number };
type Library = { items: { id: string; title: string; currentVersion: number }[] };

const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const ANNOUNCEMENT = `Chiusura estiva degli uffici ${RUN}`;
const NOTICE = `Avviso: ${ANNOUNCEMENT}`;
const SECOND = `Assemblea dei partner ${RUN}`;
const SECOND_NOTICE = `Avviso: ${SECOND}`;
const REGULATION = "Regolamento della Cabina di Regia";
const FILE = `regolamento-cabina-${RUN}.pdf`;
const PDF = Buffer.from("%PDF-1.4\n% regolamento di prova\n%%EOF\n");

const nav = (p: Page) => p.getByRole("navigation", { name: "Menu principale" });
const main = (p: Page) => p.getByRole("main");
/** The header's link to the notifications, whose name says how many are unread. */
const bell = (p: Page) => p.getByRole("banner").getByRole("link", { name: /^Notifiche, / });

/** How many unread notifications the header says, from its link's accessible name. */
async function unreadInHeader(p: Page): Promise<number> {
  const name = (await bell(p).getAttribute("aria-label")) ?? "";
  if (/nessuna non letta/.test(name)) return 0;
  return Number(name.match(/(\d+) non lett[ae]/)?.[1] ?? Number.NaN);
}

const regulation = (p: Page) =>
  p.locator("article", { has: p.getByRole("heading", { level: 4, name: REGULATION, exact: true }) });

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInPage(browser, baseUrl);
  page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  // The background sweep adds the overdue actions' notifications a few seconds after the server
  // starts: wait for it, so the counts below move only with this journey.
  const deadline = Date.now() + 30_000;
  const swept = async () =>
    (await apiJson<Notifications>(page, "GET", "/workspace/notifications")).items.some(
      (n) => n.kind === "action_overdue",
    );
  while (!(await swept())) {
    if (Date.now() > deadline) throw new Error("no overdue action was notified to the ETS-B1 manager");
    await new Promise((r) => setTimeout(r, 500));
  }
});
afterAll(async () => {
  await browser?.close();
});

describe("the partners' workspace", () => {
  test("the Comune's administrator opens Spazio partner from the menu and publishes to every partner", async () => {
    await admin.goto("/");
    await admin.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    const labels = await nav(admin).getByRole("link").allTextContents();
    expect(labels.indexOf("Spazio partner")).toBe(labels.indexOf("Governance") + 1);
    await follow(admin, nav(admin).getByRole("link", { name: "Spazio partner" }), "Spazio partner");
    expect(await nav(admin).getByRole("link", { name: "Spazio partner" }).getAttribute("aria-current")).toBe(
      "page",
    );
    const announcements = main(admin).getByRole("article");
    const calendar = announcements.filter({
      has: admin.getByRole("heading", { name: "Calendario degli incontri 2027" }),
    });
    await calendar.getByText("Destinatari: Tutti i partner").waitFor();
    const review = announcements.filter({
      has: admin.getByRole("heading", { name: "Revisione annuale del modello di governance" }),
    });
    await review.getByText("Destinatari: Cabina di Regia Integrata").waitFor();
    for (const folder of ["Convenzione", "Governance", "Modelli"])
      await main(admin).getByRole("heading", { level: 3, name: folder, exact: true }).waitFor();
    await expectAccessible(admin);

    const form = admin.getByRole("form", { name: "Pubblica un avviso" });
    await press(admin, form.getByRole("button", { name: "Pubblica l'avviso" }));
    const error = form.locator("#announcement-title-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Almeno 3 caratteri");
    await expect.poll(() => isFocused(form.getByLabel("Titolo"))).toBe(true);
    await expectAccessible(admin);

    await form.getByLabel("Titolo").fill(ANNOUNCEMENT);
    await form
      .getByRole("textbox", { name: "Testo" })
      .fill("Gli uffici del programma restano chiusi dal 10 al 21 agosto; le urgenze al numero di turno.");
    expect(
      await form.getByRole("combobox", { name: "Destinatari" }).locator("option:checked").textContent(),
    ).toBe("Tutti i partner");
    await press(admin, form.getByRole("button", { name: "Pubblica l'avviso" }));
    await said(admin, new RegExp(`^Avviso «${ANNOUNCEMENT}» pubblicato: \\d+ persone avvisate\\.$`));
    // Newest first.
    const first = main(admin).getByRole("list").first().getByRole("article").first();
    await first.getByRole("heading", { name: ANNOUNCEMENT }).waitFor();
    await first.getByText("Pubblicato da Amministratrice Demo il ").waitFor();
    await first.getByText("Destinatari: Tutti i partner").waitFor();
    await expectAccessible(admin);
  });

  test("the ETS-B1 manager sees the unread count, follows a notification, which reads it, and marks another read", async () => {
    await apiJson(admin, "POST", "/workspace/announcements", {
      title: SECOND,
      body: "L'assemblea dei partner si terrà in Municipio 3.",
    });
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const api = await apiJson<Notifications>(page, "GET", "/workspace/notifications");
    expect(api.items.some((n) => n.title === NOTICE && !n.read)).toBe(true);
    await expect.poll(() => unreadInHeader(page)).toBe(api.unread);
    const before = api.unread;
    expect(await bell(page).getAttribute("aria-current")).toBeNull();
    await expectAccessible(page);

    await follow(page, bell(page), "Notifiche");
    expect(await bell(page).getAttribute("aria-current")).toBe("page");
    await page.getByText(`Hai ${before} notifiche non lette.`).waitFor();
    const item = main(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: NOTICE }) });
    await item.getByText("Non letta", { exact: true }).waitFor();
    await item
      .getByText(/^Avviso/)
      .last()
      .waitFor();
    await expectAccessible(page);

    // Following it opens what it is about, and reads it.
    await follow(page, item.getByRole("link", { name: NOTICE }), "Spazio partner");
    await main(page).getByRole("heading", { level: 3, name: ANNOUNCEMENT }).waitFor();
    await expect.poll(() => unreadInHeader(page)).toBe(before - 1);
    // Back by the header's link (Enter on it: the page is long to Tab through).
    await press(page, bell(page));
    await page.getByRole("heading", { level: 1, name: "Notifiche" }).waitFor();
    await expect.poll(() => item.getByText("Non letta", { exact: true }).count()).toBe(0);
    await expect.poll(() => item.textContent()).toMatch(/letta$/);
    expect(await item.getByRole("button").count()).toBe(0);

    // Another one marked read with its button.
    const second = main(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: SECOND_NOTICE }) });
    await press(page, second.getByRole("button", { name: `Segna come letta: ${SECOND_NOTICE}` }));
    await said(page, `Notifica segnata come letta: ${SECOND_NOTICE}`);
    await expect.poll(() => unreadInHeader(page)).toBe(before - 2);
    await expect.poll(() => second.getByText("Non letta", { exact: true }).count()).toBe(0);
    expect(await second.getByRole("button").count()).toBe(0);
    await expectAccessible(page);

    // Only the unread: the one just read leaves the list.
    const filter = page.getByRole("form", { name: "Filtra le notifiche" });
    await tick(filter.getByRole("checkbox", { name: "Solo le non lette" }));
    await press(page, filter.getByRole("button", { name: "Applica il filtro" }));
    await page.waitForURL(/\/notifiche\?unread=true$/);
    await expect.poll(() => main(page).getByRole("link", { name: NOTICE }).count()).toBe(0);
    await expect.poll(() => main(page).getByText("Non letta", { exact: true }).count()).toBe(before - 2);
    await expectAccessible(page);

    // Every one read: the header says none.
    await press(page, main(page).getByRole("button", { name: "Segna tutte come lette" }));
    await said(page, "Tutte le notifiche sono segnate come lette.");
    await expect.poll(() => unreadInHeader(page)).toBe(0);
    await main(page).getByText("Non hai notifiche non lette.").first().waitFor();
    await expectAccessible(page);
  });

  test("uploads a new version of the Cabina's regulation: listed with ETS-B1 in the history, and downloadable", async () => {
    const { items } = await apiJson<Library>(page, "GET", "/workspace/library");
    const doc = items.find((d) => d.title === REGULATION);
    if (!doc) throw new Error("the demo has no regulation of the Cabina");
    const next = doc.currentVersion + 1;
    await follow(page, nav(page).getByRole("link", { name: "Spazio partner" }), "Spazio partner");
    const card = regulation(page);
    await card.getByText(`Versione corrente: ${doc.currentVersion}`).waitFor();

    await press(page, card.locator("summary", { hasText: "Carica una nuova versione" }));
    const form = card.getByRole("form", { name: `Nuova versione di «${REGULATION}»` });
    await form
      .getByLabel("Nuovo file")
      .setInputFiles({ name: FILE, mimeType: "application/pdf", buffer: PDF });
    await form.getByLabel("Nota sulla versione").fill("Aggiornati i tempi di convocazione.");
    await expectAccessible(page);
    await press(page, form.getByRole("button", { name: "Carica la versione" }));
    await said(page, `«${REGULATION}»: caricata la versione ${next}.`);
    await card.getByText(`Versione corrente: ${next}`).waitFor();

    await press(page, card.locator("summary", { hasText: `Storico delle versioni (${next})` }));
    const history = card.getByRole("table", { name: `Versioni di «${REGULATION}», dalla più recente` });
    const row = history
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: `Versione ${next}`, exact: true }) });
    await row.getByRole("cell", { name: "ETS-B1", exact: true }).waitFor();
    await row.getByRole("cell", { name: "Gestore Immobiliare Demo", exact: true }).waitFor();
    await row.getByRole("cell", { name: "Aggiornati i tempi di convocazione." }).waitFor();
    expect(await history.locator("tbody tr").count()).toBe(next);
    const link = row.getByRole("link", { name: `${FILE} (scarica la versione ${next})` });
    const response = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page);
  });

  test("a version uploaded by someone else meanwhile: the stale upload is refused beside its file", async () => {
    const { items } = await apiJson<Library>(page, "GET", "/workspace/library");
    const doc = items.find((d) => d.title === REGULATION);
    if (!doc) throw new Error("the demo has no regulation of the Cabina");
    const card = regulation(page);
    await card.getByText(`Versione corrente: ${doc.currentVersion}`).waitFor();
    // Another partner's upload, while this page still shows the version it read.
    const other = await admin.request.post(`/api/v1/workspace/library/${doc.id}/versions`, {
      multipart: {
        basedOn: String(doc.currentVersion),
        note: "Versione del Comune",
        file: { name: `regolamento-comune-${RUN}.pdf`, mimeType: "application/pdf", buffer: PDF },
      },
    });
    expect(other.status(), await other.text()).toBe(201);

    const form = card.getByRole("form", { name: `Nuova versione di «${REGULATION}»` });
    const file = form.getByLabel("Nuovo file");
    await file.setInputFiles({ name: `tardiva-${FILE}`, mimeType: "application/pdf", buffer: PDF });
    await press(page, form.getByRole("button", { name: "Carica la versione" }));
    const error = form.locator(`#version-${doc.id}-file-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe(
      `Nel frattempo è stata caricata la versione ${doc.currentVersion + 1}: leggila prima di caricare la tua`,
    );
    await expect.poll(() => isFocused(file)).toBe(true);
    expect(await file.getAttribute("aria-invalid")).toBe("true");
    // The page reads the library again: the newer version is there to read.
    await card.getByText(`Versione corrente: ${doc.currentVersion + 1}`).waitFor();
    await expectAccessible(page);
  });

  test("the same page in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Partner workspace" }).waitFor();
    await main(page).getByRole("heading", { level: 2, name: "Document library" }).waitFor();
    await main(page).getByRole("heading", { level: 3, name: "Convention", exact: true }).waitFor();
    const first = main(page).getByRole("list").first().getByRole("article").first();
    await first.getByText("For: All partners").waitFor();
    await page
      .getByRole("banner")
      .getByRole("link", { name: /^Notifications, (\d+ unread|none unread)$/ })
      .waitFor();
    expect(
      await page
        .getByRole("navigation", { name: "Main menu" })
        .getByRole("link", { name: "Partner workspace" })
        .getAttribute("aria-current"),
    ).toBe("page");
    await expectAccessible(page);
    // The notifications say themselves in English too.
    await page
      .getByRole("banner")
      .getByRole("link", { name: /^Notifications, / })
      .click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await main(page)
      .getByRole("link", { name: `Announcement: ${ANNOUNCEMENT}` })
      .waitFor();
    await main(page)
      .getByRole("link", { name: /^Overdue action: .+ \(due \d{1,2} [A-Z][a-z]{2} \d{4}\)$/ })
      .first()
      .waitFor();
    expect(await main(page).getByRole("link", { name: NOTICE }).count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Italiano" }).click();
    await page.getByRole("heading", { level: 1, name: "Notifiche" }).waitFor();
    await main(page).getByRole("link", { name: NOTICE }).waitFor();
  });
});
