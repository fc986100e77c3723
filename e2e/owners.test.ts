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
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
/** The Comune's administrator, who works the line. */
let page: Page;
/** The same administrator in another browser: the change made meanwhile. */
let other: Page;
/** The server's today (Rome): the forms' dates default to it. */
let asOf = "";
/** The owner this journey records, and works on. */
let ownerId = "";

type Summary = {
  asOf: string;
  ownersByKind: Record<string, number>;
  unitsEntered: number;
};
type Owner = { id: string; name: string; contact: string; notes: string; version: number };
type OwnerList = { owners: Owner[] };

const STEERING_BOARD = "steering.board@demo.casacomune.example";
// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const OWNER = `Lucia Prova ${RUN} (demo)`;
const ADDRESS = `Via Fittizia delle Ortensie ${RUN}, interno 4`;
const UNIT = `PR-${RUN}`;
const SCHEME = `Fondo prova ${RUN} (demo)`;
const RENT_FUND = "Fondo di garanzia affitti (demo)";

/** A day as the Italian interface writes it (`23 nov 2026`). */
const italianDate = (iso: string) =>
  new Intl.DateTimeFormat("it-IT", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

const nav = () => page.getByRole("navigation", { name: "Menu principale" });
const main = () => page.getByRole("main");

/** Open a disclosure (`<details>`) by its summary, from the keyboard. */
async function disclose(scope: Locator, summary: string) {
  const toggle = scope.locator("summary", { hasText: summary });
  await press(page, toggle);
  await expect.poll(() => toggle.evaluate((el) => (el.parentElement as HTMLDetailsElement).open)).toBe(true);
}

/** A table's row by the text of its row header. */
const rowOf = (table: Locator, header: string) =>
  table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: header, exact: true }) });

/** The offered home's card. */
const card = () => page.locator("article", { has: page.getByRole("heading", { level: 3, name: ADDRESS }) });

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl);
  other = await signedInPage(browser, baseUrl);
  asOf = (await apiJson<Summary>(page, "GET", "/owners/summary")).asOf;
});
afterAll(async () => {
  await browser?.close();
});

describe("the private owners' line", () => {
  test("opens Proprietari privati from the menu: the line's figures and owners; records a new owner", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    await follow(page, nav().getByRole("link", { name: "Proprietari privati" }), "Proprietari privati");
    expect(await nav().getByRole("link", { name: "Proprietari privati" }).getAttribute("aria-current")).toBe(
      "page",
    );
    const summary = await apiJson<Summary>(page, "GET", "/owners/summary");
    const byKind = main().getByRole("table", { name: "Proprietari per tipo" });
    await rowOf(byKind, "Associazione di proprietari")
      .getByRole("cell", { name: String(summary.ownersByKind.association), exact: true })
      .waitFor();
    await main()
      .getByText(
        summary.unitsEntered === 0
          ? "Nessun alloggio offerto è ancora entrato nello stock."
          : new RegExp(`^${summary.unitsEntered} alloggi? offert[oi] (?:è entrato|sono entrati)`),
      )
      .waitFor();
    const owners = main().getByRole("table", { name: /^Proprietari, associazioni e agenzie contattati/ });
    const giulia = rowOf(owners, "Giulia Esempio (demo)");
    await giulia.getByRole("cell", { name: "Milano, Municipio 8", exact: true }).waitFor();
    await giulia.getByRole("cell", { name: italianDate("2026-09-25"), exact: true }).waitFor();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "Registra un proprietario" });
    // A Municipio outside Milano: refused beside its field, before anything is sent.
    await form.getByLabel("Tipo").selectOption({ label: "Persona fisica" });
    await form.getByLabel("Nome").fill(OWNER);
    await form.getByLabel("Comune").fill("Rho");
    await form.getByLabel("Municipio").selectOption({ label: "Municipio 5" });
    await press(page, form.getByRole("button", { name: "Registra il proprietario" }));
    const error = form.locator("#owner-new-municipio-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Il Municipio si indica solo a Milano");
    await expect.poll(() => isFocused(form.getByLabel("Municipio"))).toBe(true);
    await expectAccessible(page);

    await form.getByLabel("Comune").fill("Milano");
    await form.getByLabel("Recapito").fill("+39 02 0000 0999");
    await press(page, form.getByRole("button", { name: "Registra il proprietario" }));
    await said(page, `Registrato: ${OWNER} (Persona fisica).`);
    const row = rowOf(owners, OWNER);
    await row.getByRole("cell", { name: "Milano, Municipio 5", exact: true }).waitFor();
    await row.getByRole("cell", { name: "Mai", exact: true }).waitFor();
    const list = await apiJson<OwnerList>(page, "GET", "/owners");
    ownerId = list.owners.find((o) => o.name === OWNER)?.id ?? "";
    expect(ownerId).not.toBe("");
    await follow(page, row.getByRole("link", { name: OWNER }), OWNER);
    expect(page.url()).toBe(`${baseUrl}/proprietari/${ownerId}`);
    await expectAccessible(page);
  });

  test("records a contact, an offered home, puts it under review and accepts it into the stock", async () => {
    const contact = page.getByRole("form", { name: "Registra un contatto" });
    expect(await contact.getByLabel("Data del contatto").inputValue()).toBe(asOf);
    await contact.getByLabel("Canale").selectOption({ label: "Telefono" });
    await contact.getByLabel("Esito").selectOption({ label: "Ha offerto un alloggio" });
    await contact.getByLabel("Nota").fill("Offre il bilocale ereditato dalla zia.");
    await press(page, contact.getByRole("button", { name: "Registra il contatto" }));
    await said(page, `Contatto del ${italianDate(asOf)} registrato: Ha offerto un alloggio.`);
    const contacts = main().getByRole("table", { name: `Contatti con ${OWNER}, dal più recente` });
    const first = rowOf(contacts, italianDate(asOf));
    await first.getByRole("cell", { name: "Telefono", exact: true }).waitFor();
    await first.getByRole("cell", { name: "Offre il bilocale ereditato dalla zia." }).waitFor();
    await first.getByRole("cell", { name: "COMUNE-MI", exact: true }).waitFor();

    // The rent typed the Italian way; a word instead of an amount is refused beside the field.
    const offer = page.getByRole("form", { name: "Registra un alloggio offerto" });
    await offer.getByLabel("Indirizzo").fill(ADDRESS);
    await offer.getByLabel("Municipio").selectOption({ label: "Municipio 5" });
    await offer.getByLabel("Superficie (m²)").fill("62,5");
    await offer.getByLabel("Locali").fill("3");
    await offer.getByLabel("Canone mensile richiesto (€)").fill("quattrocento");
    await press(page, offer.getByRole("button", { name: "Registra l'alloggio" }));
    const rentError = offer.locator("#offer-new-askedRent-error");
    await rentError.waitFor();
    expect(await rentError.textContent()).toBe("Indica un importo in euro, al massimo con due decimali");
    await expect.poll(() => isFocused(offer.getByLabel("Canone mensile richiesto (€)"))).toBe(true);
    await offer.getByLabel("Canone mensile richiesto (€)").fill("450,50");
    await press(page, offer.getByRole("button", { name: "Registra l'alloggio" }));
    await said(page, `Alloggio offerto registrato: ${ADDRESS}.`);
    await card().getByText("Offerto", { exact: true }).waitFor();
    await card()
      .getByText(/^450,50\s€ al mese$/)
      .waitFor();
    // 62.5 m² at 75 €/m² a year is 390.62 € a month: the rent asked is 59.88 € above it.
    const caps = card().getByRole("table", { name: /^Canone richiesto \(450,50\s€ al mese\)/ });
    const calmierato = rowOf(caps, "Canone calmierato (≤ 75 €/m²/anno)");
    await calmierato.getByRole("cell", { name: /^390,62\s€$/ }).waitFor();
    await calmierato.getByRole("cell", { name: /^59,88\s€ oltre il tetto$/ }).waitFor();
    await card().getByText("Per accettarlo, mettilo prima in valutazione.").waitFor();
    await expectAccessible(page);

    await disclose(card(), "Registra una decisione");
    const decision = card().getByRole("form", { name: `Decisione su ${ADDRESS}` });
    await decision
      .getByRole("combobox", { name: "Decisione", exact: true })
      .selectOption({ label: "In valutazione" });
    await press(page, decision.getByRole("button", { name: "Registra la decisione" }));
    await said(page, `${ADDRESS}: In valutazione.`);
    await card().getByText("In valutazione", { exact: true }).waitFor();
    await card().getByText("Può passare a: Accettato, Rifiutato, Ritirato.").waitFor();

    await disclose(card(), "Accetta e inserisci nello stock");
    const accept = card().getByRole("form", { name: `Accetta ${ADDRESS} e inseriscilo nello stock` });
    await expectAccessible(page);
    // Nothing filled in: each missing field says so beside itself, the first takes the focus.
    await press(page, accept.getByRole("button", { name: "Accetta l'alloggio" }));
    const codeField = accept.getByRole("textbox", { name: "Codice dell'alloggio" });
    await expect.poll(() => isFocused(codeField)).toBe(true);
    expect(await codeField.getAttribute("aria-invalid")).toBe("true");
    await accept.getByText("Ci sono").first().waitFor();
    expect(await accept.locator('[id$="-accept-category-error"]').textContent()).toBe(
      "Scegli la tipologia di assegnazione",
    );
    expect(await accept.locator('[id$="-accept-managingPartnerCode-error"]').textContent()).toBe(
      "L'ente gestore è obbligatorio",
    );
    await codeField.fill(UNIT);
    await accept.getByLabel("Tipologia di assegnazione").selectOption({ value: "calmierato" });
    await accept.getByLabel("Ente gestore").selectOption({ value: "ETS-B1" });
    await accept.getByLabel("Piano").fill("2");
    await accept.getByLabel("Camere da letto").fill("2");
    await accept.getByLabel("Stato di conservazione").selectOption({ label: "Buono" });
    await press(page, accept.getByRole("button", { name: "Accetta l'alloggio" }));
    await said(page, `${ADDRESS} è entrato nello stock come alloggio ${UNIT}.`);
    await card().getByText("Accettato", { exact: true }).waitFor();
    await card().getByText("La decisione è definitiva: non ci sono altri passaggi.").waitFor();
    // Once in the stock, the rent is weighed against its own category's cap only.
    expect(await caps.locator("tbody tr").count()).toBe(1);
    await card().getByText("Nessuna garanzia concessa.").waitFor();
    await expectAccessible(page);

    // A guarantee on the home now in the stock.
    await disclose(card(), "Aggiungi una garanzia");
    const uptake = card().getByRole("form", { name: `Aggiungi una garanzia su ${ADDRESS}` });
    const { schemes } = await apiJson<{ schemes: { id: string; name: string }[] }>(
      page,
      "GET",
      "/guarantee-schemes",
    );
    const fund = schemes.find((s) => s.name === RENT_FUND);
    if (!fund) throw new Error("the demo has no rent guarantee fund");
    await uptake.getByLabel("Schema di garanzia").selectOption({ value: fund.id });
    const to = new Date(`${asOf}T00:00:00Z`);
    to.setUTCMonth(to.getUTCMonth() + 6);
    to.setUTCDate(to.getUTCDate() - 1);
    await uptake.getByLabel("Al (compreso)").fill(to.toISOString().slice(0, 10));
    await uptake.getByLabel("Copertura (€)").fill("2.700,00");
    await press(page, uptake.getByRole("button", { name: "Concedi la garanzia" }));
    await said(page, `Garanzia «${RENT_FUND}» concessa su ${ADDRESS}.`);
    const guarantees = card().getByRole("table", { name: `Garanzie concesse su ${ADDRESS}` });
    const granted = rowOf(guarantees, RENT_FUND);
    await granted.getByRole("cell", { name: "6", exact: true }).waitFor();
    await granted.getByRole("cell", { name: /^2\.?700,00\s€$/ }).waitFor();

    // The unit it became, by its code.
    await follow(
      page,
      card().getByRole("link", { name: `Scheda dell'alloggio ${UNIT}` }),
      `Alloggio ${UNIT}`,
    );
    await main().getByText(ADDRESS).first().waitFor();
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: OWNER }).waitFor();
  });

  test("edits the owner; a change made meanwhile by someone else refuses the stale edit with the message", async () => {
    await disclose(main(), "Modifica i dati del proprietario");
    const edit = () => page.getByRole("form", { name: "Modifica i dati del proprietario" });
    expect(await edit().getByLabel("Nome").inputValue()).toBe(OWNER);
    await edit().getByLabel("Recapito").fill("lucia.prova@demo.example");
    await edit().getByLabel("Tipo").selectOption({ label: "Società" });
    await press(page, edit().getByRole("button", { name: "Salva le modifiche" }));
    await said(page, `Dati di ${OWNER} salvati.`);
    await page.getByText("Società · Milano, Municipio 5").waitFor();
    await main().getByRole("definition").filter({ hasText: "lucia.prova@demo.example" }).waitFor();
    await expectAccessible(page);

    // Someone else changes the owner while this page still holds the version it read.
    const read = (await apiJson<{ owner: Owner }>(page, "GET", `/owners/${ownerId}`)).owner;
    const meanwhile = await other.request.fetch(`/api/v1/owners/${ownerId}`, {
      method: "PATCH",
      data: { notes: "Preferisce essere chiamata di mattina.", version: read.version },
    });
    expect(meanwhile.status(), await meanwhile.text()).toBe(200);

    await edit().getByLabel("Recapito").fill("+39 02 0000 0998");
    await press(page, edit().getByRole("button", { name: "Salva le modifiche" }));
    const summary = edit().locator("#owner-edit-errors");
    await summary.waitFor();
    await summary
      .getByText("Qualcun altro ha modificato questi dati nel frattempo: ricarica la pagina e riprova")
      .waitFor();
    await expect.poll(() => isFocused(summary)).toBe(true);
    await expectAccessible(page);
    const after = (await apiJson<{ owner: Owner }>(page, "GET", `/owners/${ownerId}`)).owner;
    expect(after).toMatchObject({
      contact: "lucia.prova@demo.example",
      notes: "Preferisce essere chiamata di mattina.",
      version: read.version + 1,
    });

    // Reloaded, the page shows the other change, and the edit starts from it.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: OWNER }).waitFor();
    await main()
      .getByRole("definition")
      .filter({ hasText: "Preferisce essere chiamata di mattina." })
      .waitFor();
    await disclose(main(), "Modifica i dati del proprietario");
    expect(await edit().getByLabel("Note").inputValue()).toBe("Preferisce essere chiamata di mattina.");
    expect(await edit().getByLabel("Recapito").inputValue()).toBe("lucia.prova@demo.example");
  });

  test("offers a new guarantee scheme, then withdraws it: the owner's home can no longer be granted it", async () => {
    await follow(page, nav().getByRole("link", { name: "Proprietari privati" }), "Proprietari privati");
    await follow(page, main().getByRole("link", { name: "Schemi di garanzia" }), "Schemi di garanzia");
    const schemes = main().getByRole("table", { name: /^Schemi di garanzia con condizioni/ });
    const fund = rowOf(schemes, RENT_FUND);
    await fund.getByRole("cell", { name: /^6\.?000,00\s€$/ }).waitFor();
    await fund.getByRole("cell", { name: "12", exact: true }).waitFor();
    await fund.getByRole("cell", { name: "Offerto", exact: true }).waitFor();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "Offri un nuovo schema di garanzia" });
    await form.getByLabel("Nome").fill(SCHEME);
    await form.getByLabel("Tipo").selectOption({ label: "Fondo di garanzia affitti" });
    await form
      .getByLabel("Condizioni")
      .fill(
        "Copre i canoni non pagati fino a sei mesi, dopo il sollecito del gestore (condizioni di prova).",
      );
    await form.getByLabel("Copertura massima per alloggio (€)").fill("4500,50");
    await form.getByLabel("Mesi al massimo").fill("6");
    await press(page, form.getByRole("button", { name: "Offri lo schema" }));
    await said(page, `Schema «${SCHEME}» offerto ai proprietari.`);
    const mine = rowOf(schemes, SCHEME);
    await mine.getByRole("cell", { name: /^4\.?500,50\s€$/ }).waitFor();
    await mine.getByRole("cell", { name: "Offerto", exact: true }).waitFor();

    await press(page, mine.getByRole("button", { name: `Non offrire più: ${SCHEME}` }));
    await said(page, `Lo schema «${SCHEME}» non è più offerto: non accetta nuove garanzie.`);
    await mine.getByRole("cell", { name: "Non più offerto", exact: true }).waitFor();
    await mine.getByRole("button", { name: `Offri di nuovo: ${SCHEME}` }).waitFor();
    await expectAccessible(page);

    // The owner's accepted home: the scheme withdrawn is not among the ones it may be granted.
    await page.goto(`/proprietari/${ownerId}`);
    await page.getByRole("heading", { level: 1, name: OWNER }).waitFor();
    await disclose(card(), "Aggiungi una garanzia");
    const choices = await card().getByLabel("Schema di garanzia").locator("option").allTextContents();
    expect(choices.some((c) => c.startsWith("Copertura danni all'alloggio (demo)"))).toBe(true);
    expect(choices.some((c) => c.startsWith(SCHEME))).toBe(false);
  });

  test("the same pages in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: OWNER }).waitFor();
    await main().getByRole("heading", { level: 2, name: "Offered homes" }).waitFor();
    await card().getByText("Accepted", { exact: true }).waitFor();
    await card()
      .getByText(/^59,88\s€ above the cap$|^€59\.88 above the cap$/)
      .waitFor();
    await card()
      .getByRole("link", { name: `The record of unit ${UNIT}` })
      .waitFor();
    expect(
      await page
        .getByRole("navigation", { name: "Main menu" })
        .getByRole("link", { name: "Private owners" })
        .getAttribute("aria-current"),
    ).toBe("page");
    await expectAccessible(page);

    await follow(
      page,
      page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Private owners" }),
      "Private owners",
    );
    await main().getByRole("table", { name: "Owners by kind" }).waitFor();
    await rowOf(main().getByRole("table", { name: /^Owners, associations and agencies/ }), OWNER)
      .getByRole("cell", { name: "Company", exact: true })
      .waitFor();
    await expectAccessible(page);

    await follow(page, main().getByRole("link", { name: "Guarantee schemes" }), "Guarantee schemes");
    const schemes = main().getByRole("table", { name: /^Guarantee schemes with terms/ });
    await rowOf(schemes, SCHEME).getByRole("cell", { name: "No longer offered", exact: true }).waitFor();
    await rowOf(schemes, SCHEME)
      .getByRole("button", { name: `Offer again: ${SCHEME}` })
      .waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Italiano" }).click();
    await page.getByRole("heading", { level: 1, name: "Schemi di garanzia" }).waitFor();
  });

  test("the steering board reads the line without its forms and buttons", async () => {
    const board = await signedInPage(browser, baseUrl, STEERING_BOARD);
    await board.goto("/proprietari");
    await board.getByRole("heading", { level: 1, name: "Proprietari privati" }).waitFor();
    await board.getByRole("link", { name: OWNER }).waitFor();
    expect(await board.locator("main form").count()).toBe(0);
    await board.goto(`/proprietari/${ownerId}`);
    await board.getByRole("heading", { level: 1, name: OWNER }).waitFor();
    await board.getByRole("heading", { level: 3, name: ADDRESS }).waitFor();
    expect(await board.locator("main form, main details").count()).toBe(0);
    await board.goto("/proprietari/garanzie");
    await board.getByRole("heading", { level: 1, name: "Schemi di garanzia" }).waitFor();
    await board.getByRole("rowheader", { name: SCHEME }).waitFor();
    expect(await board.getByRole("main").getByRole("button").count()).toBe(0);
    await expectAccessible(board);
    await board.context().close();
  });
});
