// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { noticeNumber } from "../src/domain/pagopa/notice.ts";
import {
  apiJson,
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
const DEMO_TENANT = "tenant@demo.casacomune.example";
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
/** The demo seed's notice to ETS-B1's tenants and the start of its house rules. */
const DEMO_NOTICE = "Manutenzione della caldaia centralizzata";
const DEMO_RULES = "Regolamento della casa (esempio)";
/** A tiny but real PDF: the server checks that a file's content matches its type. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const SHARED_DOCUMENT = "Copia del contratto firmato (prova del portale)";
const TICKET = "Il rubinetto del bagno gocciola giorno e notte (prova del portale).";
/** The staff's menu entries: none may show to a tenant. */
const STAFF_MENUS = [
  "Cruscotto",
  "Alloggi",
  "Nuclei",
  "Invii",
  "Abbinamento",
  "Contratti",
  "Canoni",
  "Morosità",
  "Manutenzione",
];

let browser: Browser;
/** The demo tenant, on a phone. */
let phone: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  phone = await signedInPage(browser, baseUrl, DEMO_TENANT);
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
});
afterAll(async () => {
  await browser?.close();
});

const main = () => phone.getByRole("main");
const fitsTheScreen = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Every check a portal page must pass: no horizontal scroll at 375 px, no axe violation. */
async function expectPhoneReady() {
  expect(await fitsTheScreen()).toBe(true);
  await expectAccessible(phone);
}

/** The menu, behind its button on a phone: its entries' names, then closed again with Escape. */
async function menuEntries(open: string, name: string) {
  await phone.getByRole("button", { name: open }).click();
  const nav = phone.getByRole("navigation", { name });
  await nav.getByRole("link").first().waitFor();
  const entries = await nav.getByRole("link").allTextContents();
  await phone.keyboard.press("Escape");
  return entries;
}

/** Open a menu entry on a phone: the menu's button, then the entry by keyboard. */
async function fromMenu(entry: string, heading: string | RegExp) {
  await phone.getByRole("button", { name: "Apri il menu" }).click();
  const link = phone.getByRole("navigation", { name: "Menu principale" }).getByRole("link", { name: entry });
  await link.focus();
  await link.press("Enter");
  await phone.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** The value beside a label in a list of facts (`<dt>`/`<dd>`). */
const fact = (scope: Locator, label: string) =>
  scope.locator(".facts-row", { has: scope.page().locator("dt", { hasText: label }) }).locator("dd");

describe("the demo tenant's portal on a phone", () => {
  test("lands on La mia casa from the start page: the balance, the shortcuts, the notice; no staff menu", async () => {
    const account = await apiJson<{ balanceCents: number }>(phone, "GET", "/portal/account");
    await phone.goto("/");
    await phone.waitForURL(/\/portale$/);
    await phone.getByRole("heading", { level: 1, name: "La mia casa" }).waitFor();
    await main().getByText("Ciao, Inquilino Demo.", { exact: false }).waitFor();

    const balance = phone.getByRole("region", { name: "La tua situazione" });
    await balance.getByText(account.balanceCents > 0 ? /^Da pagare: .+\s€$/ : "Sei in regola").waitFor();
    for (const shortcut of [
      "Segnala un guasto",
      "Pagamenti",
      "Contratto",
      "Le mie segnalazioni",
      "Informazioni e contatti",
    ])
      await main().getByRole("link", { name: shortcut, exact: true }).waitFor();
    await phone
      .getByRole("region", { name: "Ultimi avvisi" })
      .getByRole("heading", { name: DEMO_NOTICE })
      .waitFor();
    await expectPhoneReady();

    const entries = await menuEntries("Apri il menu", "Menu principale");
    expect(entries).toEqual(["La mia casa", "Pagamenti", "Contratto", "Segnalazioni", "Informazioni"]);
    for (const staff of STAFF_MENUS) expect(entries).not.toContain(staff);
  });

  test("opens Pagamenti: the balance, how to pay with pagoPA, the movements", async () => {
    await follow(phone, main().getByRole("link", { name: "Pagamenti", exact: true }), "Pagamenti");
    await phone.getByRole("region", { name: "La tua situazione" }).waitFor();
    await phone.getByRole("heading", { level: 2, name: "Come pagare con pagoPA" }).waitFor();
    await main()
      .getByText(/app IO/)
      .waitFor();

    const movements = phone.getByRole("table", { name: /^Movimenti del conto/ });
    await movements.waitFor();
    const rows = movements.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await movements
      .getByRole("rowheader", { name: /^Canone · / })
      .first()
      .waitFor();
    await movements
      .getByRole("rowheader", { name: /^Pagamento ricevuto/ })
      .first()
      .waitFor();
    // The table scrolls inside its own labelled region, reachable by keyboard, never the page.
    const region = phone.getByRole("region", { name: /^Movimenti del conto/ });
    await tabTo(phone, region);
    await expectPhoneReady();
  });

  test("sees each payment notice's code in groups of four and copies it (an account with notices, faked)", async () => {
    // The demo tenant pays on time, so the server has no notice to pay: the browser is given one.
    const overdue = noticeNumber("01", 4217);
    const next = noticeNumber("01", 4218);
    await phone.route("**/api/v1/portal/account", (route) =>
      route.fulfill({
        json: {
          balanceCents: 45000,
          notices: [
            {
              period: "2026-12",
              kind: "rent",
              dueOn: "2026-12-05",
              amountCents: 32600,
              outstandingCents: 32600,
              noticeNumber: next,
              overdue: false,
            },
            {
              period: "2026-11",
              kind: "service",
              dueOn: "2026-11-05",
              amountCents: 18000,
              outstandingCents: 12400,
              noticeNumber: overdue,
              overdue: true,
            },
          ],
          entries: [],
        },
      }),
    );
    try {
      await phone.reload();
      await phone.getByRole("heading", { level: 1, name: "Pagamenti" }).waitFor();
      const balance = phone.getByRole("region", { name: "La tua situazione" });
      await balance.getByText(/^Da pagare: 450,00\s€$/).waitFor();
      await balance.getByText(/^In ritardo: 124,00\s€ erano da pagare entro il 5 nov 2026\./).waitFor();

      const notices = phone.getByTestId("payment-notices").locator("li");
      expect(await notices.count()).toBe(2);
      // The oldest first: it is overdue, and says so in words.
      const first = notices.nth(0);
      await first.getByRole("heading", { name: "Spese per servizi · novembre 2026" }).waitFor();
      await first.getByText("Scaduto il 5 nov 2026: da pagare appena puoi").waitFor();
      await first.getByText(/^124,00\s€$/).waitFor();
      const grouped = overdue.replace(/(\d{4})(?=\d)/g, "$1 ");
      expect(grouped).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{2}$/);
      await first.getByText(grouped, { exact: true }).waitFor();
      await notices.nth(1).getByText("Da pagare entro il 5 dic 2026").waitFor();

      const copy = first.getByRole("button", {
        name: "Copia il codice dell'avviso Spese per servizi · novembre 2026",
      });
      await copy.focus();
      await copy.press("Enter");
      await first.getByRole("status").getByText("Codice copiato.").waitFor();
      expect(await phone.evaluate(() => navigator.clipboard.readText())).toBe(overdue);
      await main().getByText("Ancora nessun movimento.").waitFor();
      await expectPhoneReady();
    } finally {
      await phone.unroute("**/api/v1/portal/account");
    }
  });

  test("opens Contratto: the terms, the monthly amounts and the document the manager shared", async () => {
    // The manager shares a signed copy of the contract with the tenant (the demo has none shared yet).
    const tenancy = await apiJson<{ reference: string; rentCents: number }>(phone, "GET", "/portal/tenancy");
    const manager = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    try {
      const response = await manager.request.post(`/api/v1/tenancies/${tenancy.reference}/documents`, {
        multipart: {
          kind: "contract",
          title: SHARED_DOCUMENT,
          sharedWithTenant: "true",
          file: { name: "contratto-firmato.pdf", mimeType: "application/pdf", buffer: PDF },
        },
      });
      expect(response.status(), await response.text()).toBe(201);
    } finally {
      await manager.context().close();
    }

    await phone.goto("/portale");
    await phone.getByRole("heading", { level: 1, name: "La mia casa" }).waitFor();
    await follow(phone, main().getByRole("link", { name: "Contratto", exact: true }), "Il mio contratto");
    await main().getByText(`Contratto ${tenancy.reference} · In vigore`).waitFor();
    const terms = phone.getByRole("region", { name: "Le condizioni" });
    expect(await fact(terms, "Numero del contratto").textContent()).toBe(tenancy.reference);
    const money = phone.getByRole("region", { name: "Quanto paghi ogni mese" });
    expect(await money.locator("dt").first().textContent()).toMatch(/^(Canone mensile|Quota mensile)/);
    expect(await money.locator("dd").first().textContent()).toMatch(/^\d[\d.]*,\d{2}\s€$/);

    const documents = phone.getByRole("region", { name: "Documenti" });
    const link = documents.getByRole("link", { name: `Scarica «${SHARED_DOCUMENT}» (PDF)` });
    await link.waitFor();
    await documents.getByText(/^Contratto firmato · condiviso il /).waitFor();
    await expectPhoneReady();
    const [download] = await Promise.all([phone.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("contratto-firmato.pdf");
    expect((await download.failure()) ?? null).toBeNull();
  });

  test("opens Informazioni: the manager's contacts, the house rules, the notice", async () => {
    await fromMenu("Informazioni", "Informazioni e contatti");
    const contacts = phone.getByRole("region", { name: "L'ente gestore" });
    const tel = contacts.getByRole("link", { name: /^02 0000 0000/ });
    expect(await tel.getAttribute("href")).toBe("tel:0200000000");
    const mail = contacts.getByRole("link", { name: "sportello.ets-b1@demo.casacomune.example" });
    expect(await mail.getAttribute("href")).toBe("mailto:sportello.ets-b1@demo.casacomune.example");
    await fact(contacts, "Orari dello sportello")
      .getByText(/Lunedì e giovedì/)
      .waitFor();

    const rules = phone.getByRole("region", { name: "Regolamento della casa" });
    expect(await rules.getByTestId("house-rules").textContent()).toMatch(
      new RegExp(`^${DEMO_RULES.replace(/[()]/g, "\\$&")}`),
    );
    const notices = phone.getByRole("region", { name: "Avvisi" });
    await notices.getByRole("heading", { level: 3, name: DEMO_NOTICE }).waitFor();
    await notices.getByText("Pubblicato il 20 nov 2026").waitFor();
    await expectPhoneReady();
  });

  test("switches to English and reads the same pages in English", async () => {
    await phone.getByRole("button", { name: "English" }).click();
    await phone.getByRole("heading", { level: 1, name: "Information and contacts" }).waitFor();
    await phone.getByRole("heading", { level: 2, name: "House rules" }).waitFor();
    await phone.getByRole("region", { name: "Your housing manager" }).getByText("Office hours").waitFor();
    await expectPhoneReady();

    await phone
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "My home" })
      .click();
    await phone.getByRole("heading", { level: 1, name: "My home" }).waitFor();
    await phone
      .getByRole("region", { name: "Your account" })
      .getByText(/^(You are up to date|To pay: )/)
      .waitFor();
    await main().getByRole("link", { name: "Report a fault", exact: true }).waitFor();
    expect(await menuEntries("Open the menu", "Main menu")).toEqual([
      "My home",
      "Payments",
      "Contract",
      "My reports",
      "Information",
    ]);
    await expectPhoneReady();

    await main().getByRole("link", { name: "Payments", exact: true }).click();
    await phone.getByRole("heading", { level: 1, name: "Payments" }).waitFor();
    await phone
      .getByRole("table", { name: /^Movements of the account/ })
      .getByRole("rowheader", { name: /^Rent · / })
      .first()
      .waitFor();
    await phone.getByRole("heading", { level: 2, name: "How to pay with pagoPA" }).waitFor();
    await expectPhoneReady();

    await phone.getByRole("button", { name: "Italiano" }).click();
    await phone.getByRole("heading", { level: 1, name: "Pagamenti" }).waitFor();
  });

  test("reports a fault from the home shortcut and finds it in Segnalazioni", async () => {
    await phone.goto("/portale");
    await phone.getByRole("heading", { level: 1, name: "La mia casa" }).waitFor();
    await follow(
      phone,
      main().getByRole("link", { name: "Segnala un guasto", exact: true }),
      "Segnala un problema",
    );
    await expectPhoneReady();

    await phone
      .getByRole("combobox", { name: "Categoria" })
      .selectOption({ label: "Idraulica (acqua, scarichi)" });
    await tick(phone.getByRole("group", { name: "Urgenza" }).getByRole("radio", { name: /^Ordinaria/ }));
    await phone.getByRole("textbox", { name: "Cosa succede?" }).fill(TICKET);
    await phone.getByRole("button", { name: "Invia la segnalazione" }).press("Enter");
    await phone.getByText(/^Segnalazione MAN-\d{4}-\d{5} inviata\./).waitFor();
    await phone.getByRole("heading", { level: 1, name: TICKET }).waitFor();
    await expectPhoneReady();

    await fromMenu("Segnalazioni", "Le mie segnalazioni");
    await main().getByRole("link", { name: TICKET }).first().waitFor();
    await expectPhoneReady();
  });

  test("without a tenancy, each page says why in kind words and whom to ask (the API's 422 and 404, faked)", async () => {
    const problem = (status: number, detail: string) => ({
      status,
      contentType: "application/problem+json",
      body: JSON.stringify({ title: "Problem", status, detail, errors: [] }),
    });
    await phone.route("**/api/v1/portal/{tenancy,account,information}", (route) =>
      route.fulfill(problem(422, "Your account is not tied to a household: ask your manager")),
    );
    try {
      await phone.goto("/portale");
      await phone.getByRole("heading", { level: 1, name: "La mia casa" }).waitFor();
      const why = phone.getByRole("region", { name: "Il tuo account non è ancora collegato alla tua casa" });
      await why
        .getByText(/^Per sistemare, scrivi o telefona a Cooperativa Fittizia Casa Aperta \(demo\)/)
        .waitFor();
      await expectPhoneReady();
    } finally {
      await phone.unroute("**/api/v1/portal/{tenancy,account,information}");
    }
    await phone.route("**/api/v1/portal/tenancy", (route) =>
      route.fulfill(problem(404, "You have no tenancy in force")),
    );
    try {
      await phone.goto("/portale/contratto");
      await phone.getByRole("heading", { level: 1, name: "Il mio contratto" }).waitFor();
      await phone.getByRole("region", { name: "Non troviamo un contratto a tuo nome" }).waitFor();
      await expectPhoneReady();
    } finally {
      await phone.unroute("**/api/v1/portal/tenancy");
    }
  });
});

describe("the portal is the tenant's only", () => {
  test("staff get no portal menu, and the portal's pages refuse them", async () => {
    const admin = await signedInPage(browser, baseUrl);
    try {
      await admin.goto("/portale/pagamenti");
      await admin.getByRole("heading", { level: 1, name: "Accesso non consentito" }).waitFor();
      const entries = await admin
        .getByRole("navigation", { name: "Menu principale" })
        .getByRole("link")
        .allTextContents();
      for (const portal of ["La mia casa", "Pagamenti", "Informazioni"])
        expect(entries).not.toContain(portal);
    } finally {
      await admin.context().close();
    }
  });
});

describe("the manager's notices reach the tenant", () => {
  const NOTICE = "Chiusura dello sportello per inventario (prova del portale)";

  test("checks the contacts, refuses a notice to an unknown unit, publishes one to all; the tenant reads it", async () => {
    const manager = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    try {
      await manager.goto("/");
      const link = manager
        .getByRole("navigation", { name: "Menu principale" })
        .getByRole("link", { name: "Comunicazioni" });
      await tabTo(manager, link);
      await manager.keyboard.press("Enter");
      await manager.getByRole("heading", { level: 1, name: "Comunicazioni agli inquilini" }).waitFor();
      const information = manager.getByRole("form", { name: "Contatti e regolamento della casa" });
      expect(await information.getByRole("textbox", { name: "E-mail dello sportello" }).inputValue()).toBe(
        "sportello.ets-b1@demo.casacomune.example",
      );
      expect(await information.getByRole("textbox", { name: "Regolamento della casa" }).inputValue()).toMatch(
        new RegExp(`^${DEMO_RULES.replace(/[()]/g, "\\$&")}`),
      );
      await information.getByRole("button", { name: "Salva le informazioni" }).press("Enter");
      await manager.getByText("Informazioni salvate: gli inquilini le vedono già nel portale.").waitFor();
      await expectAccessible(manager);

      const form = manager.getByRole("form", { name: "Nuovo avviso" });
      await form.getByRole("button", { name: "Pubblica l'avviso" }).press("Enter");
      const summary = form.locator(".error-summary");
      await summary.getByRole("link", { name: "Titolo: Scrivi il titolo (almeno 3 caratteri)" }).waitFor();
      await expect.poll(() => isFocused(form.getByRole("textbox", { name: /^Titolo/ }))).toBe(true);

      await form.getByRole("textbox", { name: /^Titolo/ }).fill(NOTICE);
      await form
        .getByRole("textbox", { name: /^Testo dell'avviso/ })
        .fill("Lo sportello resta chiuso venerdì.");
      await form
        .getByRole("combobox", { name: /^Destinatari/ })
        .selectOption({ label: "Gli inquilini di un alloggio" });
      await form.getByRole("textbox", { name: /^Codice dell'alloggio/ }).fill("NESSUNO-000");
      await form.getByRole("button", { name: "Pubblica l'avviso" }).press("Enter");
      await form.getByText("Nessun alloggio «NESSUNO-000»").first().waitFor();
      await expectAccessible(manager);

      await form
        .getByRole("combobox", { name: /^Destinatari/ })
        .selectOption({ label: "Tutti gli inquilini" });
      await form.getByRole("button", { name: "Pubblica l'avviso" }).press("Enter");
      await manager
        .getByText(new RegExp(`^Avviso «${NOTICE.replace(/[()]/g, "\\$&")}» pubblicato`))
        .waitFor();
      const published = manager.getByRole("table", { name: /avvis[oi], dal più recente$/ });
      await published
        .getByRole("row", { name: new RegExp(NOTICE.replace(/[()]/g, "\\$&")) })
        .getByText("Tutti gli inquilini")
        .waitFor();
      await expectAccessible(manager);
    } finally {
      await manager.context().close();
    }

    await phone.goto("/portale/informazioni");
    await phone
      .getByRole("region", { name: "Avvisi" })
      .getByRole("heading", { level: 3, name: NOTICE })
      .waitFor();
    await expectPhoneReady();
  });
});
