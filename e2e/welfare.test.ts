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
  said,
  serverUrl,
  signedInPage,
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
/** The ETS-B1 Area B manager, who runs services and manages spaces (welfare:write). */
let page: Page;
/** The auditor, who reads welfare and writes nothing. */
let auditor: Page;
/** A building of the demo in a Municipio of Milano, where the service and the space are. */
let building = { code: "", municipio: 0 };

type Units = { items: { buildingCode: string | null; town: string; municipio: number | null }[] };
type Overview = {
  participation: {
    kind: string;
    place: string;
    activities: number;
    participants: number;
    residents: number;
  }[];
};

const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
const AUDITOR = "auditor@demo.casacomune.example";
// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const SERVICE = `Portierato sociale di prova ${RUN}`;
const ACTIVITY = `Merenda in cortile ${RUN}`;
const SPACE = `Sala comune ${RUN}`;
/** A week from today: the booking's day. */
const DAY = dayFromToday(7);

/** A day as the Italian interface writes it (`30 nov 2026`), and the English (`30 Nov 2026`). */
const dateIn = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

const nav = (p: Page) => p.getByRole("navigation", { name: "Menu principale" });
const main = (p: Page) => p.getByRole("main");

/** A service's or a space's card, by its name. */
const card = (p: Page, name: string) =>
  main(p).locator("article", { has: p.getByRole("heading", { level: 4, name, exact: true }) });

const rowOf = (p: Page, table: Locator, header: string) =>
  table.getByRole("row").filter({ has: p.getByRole("rowheader", { name: header, exact: true }) });

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  auditor = await signedInPage(browser, baseUrl, AUDITOR);
  const { items } = await apiJson<Units>(page, "GET", "/units?limit=100");
  const unit = items.find((u) => u.buildingCode !== null && u.town === "Milano" && u.municipio !== null);
  if (!unit?.buildingCode || unit.municipio === null) throw new Error("the demo has no building in Milano");
  building = { code: unit.buildingCode, municipio: unit.municipio };
});
afterAll(async () => {
  await browser?.close();
});

describe("community welfare, as a partner's manager", () => {
  test("opens Welfare di comunità from the menu by keyboard: participation, services and spaces", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    const labels = await nav(page).getByRole("link").allTextContents();
    expect(labels.indexOf("Welfare di comunità")).toBe(labels.indexOf("Spazio partner") + 1);
    await follow(page, nav(page).getByRole("link", { name: "Welfare di comunità" }), "Welfare di comunità");
    expect(await page.title()).toMatch(/^Welfare di comunità · /);
    expect(
      await nav(page).getByRole("link", { name: "Welfare di comunità" }).getAttribute("aria-current"),
    ).toBe("page");
    for (const heading of ["Partecipazione", "Servizi condivisi", "Spazi comuni e non residenziali"])
      await main(page).getByRole("heading", { level: 2, name: heading }).waitFor();
    const contents = page.getByRole("navigation", { name: "In questa pagina" });
    expect(await contents.getByRole("link").allTextContents()).toEqual([
      "Partecipazione",
      "Servizi condivisi",
      "Spazi comuni e non residenziali",
    ]);
    await main(page).getByRole("heading", { level: 3, name: "Avvia un servizio condiviso" }).waitFor();
    await main(page).getByRole("heading", { level: 3, name: "Aggiungi uno spazio" }).waitFor();
    await expectAccessible(page);
  });

  test("starts a building's service: a Municipio that is not the building's is refused beside the town", async () => {
    const form = page.getByRole("form", { name: "Avvia un servizio condiviso" });
    // Nothing filled: the browser says what is missing, beside each field, before anything is sent.
    await press(page, form.getByRole("button", { name: "Avvia il servizio" }));
    expect(await form.locator("#service-new-kind-error").textContent()).toBe("Scegli un valore dall'elenco");
    expect(await form.locator("#service-new-name-error").textContent()).toBe("Almeno 3 caratteri");
    await expect.poll(() => isFocused(form.getByLabel("Tipo di servizio"))).toBe(true);
    await form.locator(".error-summary").getByText("Ci sono 2 errori da correggere").waitFor();
    await expectAccessible(page);

    const wrong = (building.municipio % 9) + 1;
    await form.getByLabel("Tipo di servizio").selectOption({ label: "Portierato sociale" });
    await form.getByLabel("Nome").fill(SERVICE);
    await form.getByLabel("Codice dello stabile").fill(building.code);
    expect(await form.getByLabel("Comune").inputValue()).toBe("Milano");
    await form.getByLabel("Municipio").selectOption({ label: `Municipio ${wrong}` });
    await form
      .getByRole("textbox", { name: "Descrizione" })
      .fill("Un punto di ascolto nell'androne, due pomeriggi a settimana.");
    await press(page, form.getByRole("button", { name: "Avvia il servizio" }));
    const town = form.locator("#service-new-town-error");
    await town.waitFor();
    expect(await town.textContent()).toBe(
      `Lo stabile ${building.code} è a Milano, Municipio ${building.municipio}: indica questi`,
    );
    await expect.poll(() => isFocused(form.getByLabel("Comune"))).toBe(true);
    expect(await form.getByLabel("Comune").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    await form.getByLabel("Municipio").selectOption({ label: `Municipio ${building.municipio}` });
    await press(page, form.getByRole("button", { name: "Avvia il servizio" }));
    await said(page, `Servizio «${SERVICE}» avviato (Milano · Municipio ${building.municipio}).`);
    const service = card(page, SERVICE);
    await service.getByText(`Stabile ${building.code}, Milano · Municipio ${building.municipio}`).waitFor();
    await service.getByText("Cooperativa Fittizia Casa Aperta (demo)", { exact: true }).waitFor();
    await service.getByText("Nessuna attività registrata.").waitFor();
    // In its Municipio's group of services.
    const group = main(page).getByRole("region", {
      name: new RegExp(`^Milano · Municipio ${building.municipio} \\(\\d+ serviz[io]\\)$`),
    });
    await group.getByRole("heading", { level: 4, name: SERVICE, exact: true }).waitFor();
    await expectAccessible(page);
  });

  test("records an activity with how many took part: never more residents than participants", async () => {
    const service = card(page, SERVICE);
    await press(page, service.locator("summary", { hasText: "Registra un'attività" }));
    const form = service.getByRole("form", { name: `Registra un'attività di «${SERVICE}»` });
    await form.getByLabel("Attività").fill(ACTIVITY);
    await form.getByLabel("Partecipanti").fill("24");
    await form.getByLabel("Di cui residenti").fill("30");
    await press(page, form.getByRole("button", { name: "Registra l'attività" }));
    const residents = form.locator(`[id$="-residents-error"]`);
    await residents.waitFor();
    expect(await residents.textContent()).toBe("I residenti non possono essere più dei partecipanti");
    await expect.poll(() => isFocused(form.getByLabel("Di cui residenti"))).toBe(true);
    await expectAccessible(page);

    await form.getByLabel("Di cui residenti").fill("15");
    await form.getByLabel("Nota").fill("Con la biblioteca di quartiere.");
    const heldOn = await form.getByLabel("Data").inputValue();
    await press(page, form.getByRole("button", { name: "Registra l'attività" }));
    await said(
      page,
      `«${ACTIVITY}» del ${dateIn("it-IT", heldOn)} registrata per «${SERVICE}»: 24 partecipanti.`,
    );
    const table = service.getByRole("table", { name: `Attività di «${SERVICE}», dalla prima` });
    const row = rowOf(page, table, ACTIVITY);
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      dateIn("it-IT", heldOn),
      "24",
      "15",
      "Con la biblioteca di quartiere.",
    ]);
    const total = rowOf(page, table, "Totale: 1 attività");
    expect(await total.getByRole("cell").allTextContents()).toEqual(["", "24", "15", ""]);

    // The participation table shows the API's counts for social concierges in that Municipio.
    const { participation } = await apiJson<Overview>(page, "GET", "/welfare");
    const counts = participation.find(
      (p) => p.kind === "social_concierge" && p.place === `municipio_${building.municipio}`,
    );
    if (!counts) throw new Error("no participation row for the service");
    expect(counts.participants).toBeGreaterThanOrEqual(24);
    const summary = page.getByRole("table", { name: /^Partecipazione per tipo di servizio e luogo/ });
    const line = summary
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Portierato sociale", exact: true }) })
      .filter({
        has: page.getByRole("cell", { name: `Milano · Municipio ${building.municipio}`, exact: true }),
      });
    await expect
      .poll(() => line.getByRole("cell").allTextContents())
      .toEqual([
        `Milano · Municipio ${building.municipio}`,
        String(counts.activities),
        String(counts.participants),
        String(counts.residents),
        expect.stringMatching(/^\d+(,\d)?\s?%$/),
      ]);
    await expectAccessible(page);
  });

  test("adds a bookable common room with its rules, books it, and an overlapping booking is refused beside its start", async () => {
    const form = page.getByRole("form", { name: "Aggiungi uno spazio" });
    await form.getByLabel("Codice dello stabile").fill(building.code);
    await form.getByLabel("Nome").fill(SPACE);
    await form.getByLabel("Tipo di spazio").selectOption({ label: "Spazio comune" });
    await form.getByLabel("Capienza (persone)").fill("30");
    await tick(form.getByRole("checkbox", { name: "Si prenota per i residenti" }));
    await form
      .getByRole("textbox", { name: "Regolamento" })
      .fill("Prenotazione almeno 2 giorni prima; pulizia a cura di chi la usa; silenzio dopo le 22.");
    await press(page, form.getByRole("button", { name: "Aggiungi lo spazio" }));
    await said(page, `Spazio «${SPACE}» aggiunto allo stabile ${building.code}.`);
    const space = card(page, SPACE);
    await space.getByText("30 persone").waitFor();
    await space.getByText("Nessuna prenotazione da oggi in poi.").waitFor();
    await press(page, space.locator("summary", { hasText: "Regolamento" }));
    await space.getByText("silenzio dopo le 22.").waitFor();

    await press(page, space.locator("summary", { hasText: "Prenota lo spazio" }));
    const booking = space.getByRole("form", { name: `Prenota «${SPACE}»` });
    await booking.getByLabel("Giorno").fill(DAY);
    await booking.getByRole("textbox", { name: "Dalle ore", exact: true }).fill("18:00");
    await booking.getByRole("textbox", { name: "Alle ore", exact: true }).fill("20:00");
    await booking.getByLabel("Per che cosa").fill("Assemblea dei residenti");
    await expectAccessible(page);
    await press(page, booking.getByRole("button", { name: "Prenota", exact: true }));
    const day = dateIn("it-IT", DAY);
    await said(page, `Prenotazione registrata: «${SPACE}», ${day}, dalle 18:00 alle 20:00.`);
    const table = space.getByRole("table", { name: `Prenotazioni di «${SPACE}» da oggi` });
    const first = rowOf(page, table, day);
    await first.getByRole("cell", { name: "18:00–20:00", exact: true }).waitFor();
    await first.getByRole("cell", { name: "Prenotata", exact: true }).waitFor();

    // Half an hour over the first: refused by the API (409), beside the start time.
    await booking.getByLabel("Giorno").fill(DAY);
    await booking.getByRole("textbox", { name: "Dalle ore", exact: true }).fill("19:30");
    await booking.getByRole("textbox", { name: "Alle ore", exact: true }).fill("21:00");
    await booking.getByLabel("Per che cosa").fill("Corso di cucina");
    await press(page, booking.getByRole("button", { name: "Prenota", exact: true }));
    const error = booking.locator(`[id$="-fromTime-error"]`);
    await error.waitFor();
    expect(await error.textContent()).toBe(
      `Quel giorno «${SPACE}» ha già una prenotazione dalle 18:00 alle 20:00`,
    );
    const from = booking.getByRole("textbox", { name: "Dalle ore", exact: true });
    await expect.poll(() => isFocused(from)).toBe(true);
    expect(await from.getAttribute("aria-invalid")).toBe("true");
    await booking.locator(".error-summary").getByText("C'è 1 errore da correggere").waitFor();
    expect(await table.locator("tbody tr").count()).toBe(1);
    await expectAccessible(page);
  });

  test("cancels the booking after a confirmation: it stays listed as cancelled, and its hours are free again", async () => {
    const space = card(page, SPACE);
    const table = space.getByRole("table", { name: `Prenotazioni di «${SPACE}» da oggi` });
    const day = dateIn("it-IT", DAY);
    const what = `${SPACE}, ${day}, 18:00–20:00`;
    await press(page, table.getByRole("button", { name: `Annulla la prenotazione: ${what}`, exact: true }));
    await table.getByText(`Annullare la prenotazione (${what})? Non si può ripristinare.`).waitFor();
    await expectAccessible(page);
    await press(page, table.getByRole("button", { name: "Sì, annulla la prenotazione" }));
    await said(page, `Prenotazione annullata: ${what}.`);
    await rowOf(page, table, day).getByRole("cell", { name: "Annullata", exact: true }).waitFor();

    const booking = space.getByRole("form", { name: `Prenota «${SPACE}»` });
    await press(page, booking.getByRole("button", { name: "Prenota", exact: true }));
    await said(page, `Prenotazione registrata: «${SPACE}», ${day}, dalle 19:30 alle 21:00.`);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    await expectAccessible(page);
  });

  test("the same page in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Community welfare" }).waitFor();
    for (const heading of ["Participation", "Shared services", "Common and non-residential spaces"])
      await main(page).getByRole("heading", { level: 2, name: heading }).waitFor();
    expect(
      await page
        .getByRole("navigation", { name: "Main menu" })
        .getByRole("link", { name: "Community welfare" })
        .getAttribute("aria-current"),
    ).toBe("page");
    const service = card(page, SERVICE);
    await service.getByText("Social concierge", { exact: true }).waitFor();
    await service.getByRole("table", { name: `Activities of “${SERVICE}”, the first first` }).waitFor();
    const space = card(page, SPACE);
    const table = space.getByRole("table", { name: `Bookings of “${SPACE}” from today` });
    const day = dateIn("en-GB", DAY);
    await rowOf(page, table, day).getByRole("cell", { name: "Cancelled", exact: true }).waitFor();
    await rowOf(page, table, day).getByRole("cell", { name: "Booked", exact: true }).waitFor();
    await space.getByText("30 people").waitFor();
    await page
      .getByRole("table", { name: "Participation by kind of service and place (counts only)" })
      .waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Italiano" }).click();
    await page.getByRole("heading", { level: 1, name: "Welfare di comunità" }).waitFor();
  });
});

describe("community welfare, as the auditor", () => {
  test("reads the services and spaces with their counts and bookings, and is offered no form", async () => {
    await auditor.goto("/welfare");
    await auditor.getByRole("heading", { level: 1, name: "Welfare di comunità" }).waitFor();
    const service = card(auditor, SERVICE);
    await rowOf(auditor, service.getByRole("table"), ACTIVITY).waitFor();
    const space = card(auditor, SPACE);
    expect(await space.getByRole("table").locator("tbody tr").count()).toBe(2);
    expect(await main(auditor).getByRole("form").count()).toBe(0);
    expect(
      await main(auditor)
        .locator("summary", { hasText: /Registra un'attività|Prenota lo spazio/ })
        .count(),
    ).toBe(0);
    expect(await space.getByRole("button").count()).toBe(0);
    await expectAccessible(auditor);
  });
});
