// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fiscalCodeCheckCharacter } from "../src/domain/households/fiscal-code.ts";
import {
  apiJson,
  dayFromToday,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  serverUrl,
  signedInPage,
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const DEMO_TENANT = "tenant@demo.casacomune.example";
const SOCIAL_WORKER = "comune.social.worker@demo.casacomune.example";
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
/** A real 1×1 PNG, so the browser draws it. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const nav = (p: Page) => p.getByRole("navigation", { name: "Menu principale" });

/** Rita Verbale, born 14 March 1990: a fictional person (birthplace X999 is no municipality). */
const HEAD_CODE = `VRBRTI90C54X999${fiscalCodeCheckCharacter("VRBRTI90C54X999")}`;

/**
 * A tenancy draft of this file's own, through the API (no demo household or unit is used up): a new
 * unit, a household referred, accepted and put on the waiting list, offered the unit, accepting it.
 */
async function tenancyDraft(): Promise<string> {
  const worker = await signedInPage(browser, baseUrl, SOCIAL_WORKER);
  const manager = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  try {
    const unit = await apiJson<{ id: string }>(page, "POST", "/units", {
      code: "E2E-MAN-0001",
      address: "Via Fittizia della Consegna 1",
      town: "Milano",
      municipio: 4,
      floor: 2,
      lift: true,
      surfaceM2: 55,
      rooms: 3,
      bedrooms: 2,
      origin: "municipal",
      category: "calmierato",
      managingPartnerCode: "ETS-B1",
      condition: "good",
      status: "available",
    });
    const created = await apiJson<{ referral: { id: string }; household: { id: string } }>(
      worker,
      "POST",
      "/referrals",
      {
        household: {
          targetGroup: "donna_sola",
          category: "calmierato",
          housingSituation: "shelter",
          members: [
            {
              givenName: "Rita",
              familyName: "Verbale",
              fiscalCode: HEAD_CODE,
              birthDate: "1990-03-14",
              sex: "F",
              citizenship: "IT",
              relationship: "head",
            },
          ],
        },
        partnerCode: "ETS-B1",
        report: { situation: "Donna sola in struttura.", reasons: "Lavoro stabile.", urgency: "ordinary" },
      },
    );
    const householdId = created.household.id;
    await apiJson(manager, "POST", `/referrals/${created.referral.id}/accept`, {});
    for (const to of ["assessed", "waiting"])
      await apiJson(manager, "POST", `/households/${householdId}/transitions`, { to });
    const offer = await apiJson<{ id: string }>(page, "POST", "/offers", {
      unitId: unit.id,
      householdId,
      reason: "Prova del verbale di consegna",
    });
    return (await apiJson<{ tenancyId: string }>(page, "POST", `/offers/${offer.id}/accept`, {})).tenancyId;
  } finally {
    await worker.context().close();
    await manager.context().close();
  }
}

/** The value beside a label in a list of facts (`<dt>`/`<dd>`). */
const fact = (scope: Locator, label: string) =>
  scope.locator(".facts-row", { has: scope.page().locator("dt", { hasText: label }) }).locator("dd");

describe("the maintenance journey of the Comune's administrator", () => {
  let reference = "";
  const title = "Perdita dal sifone della cucina";

  test("opens a ticket: the schema's messages beside each field, then the ticket with its photo", async () => {
    const [unit] = (await apiJson<{ items: { code: string }[] }>(page, "GET", "/units?status=let&limit=1"))
      .items;
    const unitCode = unit?.code ?? "";
    expect(unitCode).not.toBe("");
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Cruscotto dello stock abitativo" }).waitFor();
    await follow(page, nav(page).getByRole("link", { name: "Manutenzione" }), "Manutenzione");
    await expectAccessible(page);

    await follow(
      page,
      page.getByRole("main").getByRole("link", { name: "Nuova segnalazione" }),
      "Nuova segnalazione",
    );
    await expectAccessible(page);
    // Sent empty: each field says what it needs, the summary lists them, the focus goes to the first.
    await page.getByRole("button", { name: "Invia la segnalazione" }).press("Enter");
    const summary = page.locator("#ticket-form-errors");
    await summary.getByText("Categoria: Scegli una categoria dall'elenco").waitFor();
    const unitField = page.getByRole("textbox", { name: "Alloggio" });
    await expect.poll(() => isFocused(unitField)).toBe(true);
    expect(await page.locator("#ticket-unitId-error").textContent()).toBe("Indica l'alloggio");
    expect(await page.locator("#ticket-urgency-error").textContent()).toBe("Scegli l'urgenza");
    expect(await page.locator("#ticket-description-error").textContent()).toBe(
      "Descrivi il problema (almeno 10 caratteri)",
    );
    await expectAccessible(page);

    await unitField.fill(unitCode);
    await page
      .getByRole("combobox", { name: "Categoria" })
      .selectOption({ label: "Idraulica (acqua, scarichi)" });
    await tick(page.getByRole("group", { name: "Urgenza" }).getByRole("radio", { name: /^Urgente/ }));
    await page.getByRole("textbox", { name: "Titolo" }).fill(title);
    await page
      .getByRole("textbox", { name: "Descrizione" })
      .fill("Il sifone sotto il lavello perde acqua quando si apre il rubinetto (segnalazione di prova).");
    await page
      .getByLabel("Foto (facoltative)")
      .setInputFiles({ name: "lavello.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Invia la segnalazione" }).press("Enter");

    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const sent = page.getByText(/^Segnalazione MAN-\d{4}-\d{5} aperta\.$/);
    await sent.waitFor();
    reference = ((await sent.textContent()) ?? "").replace(/^Segnalazione (\S+) aperta\.$/, "$1");
    const facts = page.getByRole("region", { name: "Dati della segnalazione" });
    expect(await fact(facts, "Stato").textContent()).toBe("Aperta");
    expect(await fact(facts, "Urgenza").textContent()).toBe("Urgente");
    const photo = page.getByRole("img", { name: `Foto 1 di 1 della segnalazione ${reference}: ${title}` });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await expectAccessible(page);
  });

  test("moves it to in progress, is told a deferral needs a reason, completes it", async () => {
    const form = page.getByRole("region", { name: "Cambia stato" });
    await tick(form.getByRole("radio", { name: "In lavorazione" }));
    await form.getByRole("button", { name: "Cambia stato" }).press("Enter");
    const moved = page.getByText("Stato aggiornato: In lavorazione.");
    await moved.waitFor();
    await expect.poll(() => isFocused(moved)).toBe(true);
    const facts = page.getByRole("region", { name: "Dati della segnalazione" });
    expect(await fact(facts, "Stato").textContent()).toBe("In lavorazione");

    // A deferral without a reason: the reason's field says so, and has the focus.
    await tick(form.getByRole("radio", { name: "Rinviata (serve il motivo)" }));
    await form.getByRole("button", { name: "Cambia stato" }).press("Enter");
    const reason = form.getByRole("textbox", { name: "Motivo" });
    await page
      .locator("#ticket-reason-error")
      .getByText("Indica il motivo (almeno 3 caratteri): l'inquilino lo leggerà")
      .waitFor();
    await expect.poll(() => isFocused(reason)).toBe(true);
    await expectAccessible(page);

    await tick(form.getByRole("radio", { name: "Completata" }));
    await form.getByRole("button", { name: "Cambia stato" }).press("Enter");
    await page.getByText("Stato aggiornato: Completata.").waitFor();
    expect(await fact(facts, "Stato").textContent()).toBe("Completata");
    const history = page.getByRole("region", { name: "Storia della segnalazione" });
    expect(await history.locator("li strong").allTextContents()).toEqual([
      "Aperta",
      "Da «Aperta» a «In lavorazione»",
      "Da «In lavorazione» a «Completata»",
    ]);
    await expectAccessible(page);
  });

  test("finds it in the list, completed", async () => {
    await follow(
      page,
      page.getByRole("navigation", { name: "Percorso" }).getByRole("link", { name: "Manutenzione" }),
      "Manutenzione",
    );
    await page.getByRole("searchbox", { name: "Cerca" }).fill(reference);
    await page.getByRole("button", { name: "Applica i filtri" }).press("Enter");
    await page.waitForURL(/q=MAN-/);
    await page.getByTestId("ticket-count").filter({ hasText: "1 segnalazione" }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(reference) });
    await row.getByText("Completata").waitFor();
    await row.getByText(title).waitFor();
    await expectAccessible(page);
  });

  test("filters on the deadline, keeping the other filters", async () => {
    // Only the API's tests can put a ticket past its deadline (the demo has none): here the filter
    // joins the search, and the just-completed ticket is not overdue.
    await page.getByRole("combobox", { name: "Scadenza" }).selectOption({ label: "Solo in ritardo" });
    await page.getByRole("button", { name: "Applica i filtri" }).press("Enter");
    await page.waitForURL(/overdue=true/);
    await page.getByTestId("ticket-count").filter({ hasText: "0 segnalazioni" }).waitFor();
    await page.getByText("Nessuna segnalazione corrisponde ai filtri.").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe(reference);
    await expectAccessible(page);
  });
});

describe("the move-in checklist", () => {
  test("names what is missing, then is completed", async () => {
    const tenancyId = await tenancyDraft();
    await page.goto(`/manutenzione/consegna/${tenancyId}`);
    await page.getByRole("heading", { level: 1, name: "Consegna dell'alloggio" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Verbale di consegna" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Completa il verbale" }).press("Enter");
    await page.locator("#move-in-errors").getByText("Luce: Lettura: Inserisci la lettura").waitFor();
    const electricity = page.locator("#move-in-meters-electricity-reading");
    await expect.poll(() => isFocused(electricity)).toBe(true);
    await expectAccessible(page);

    const today = dayFromToday(0);
    for (const meter of ["electricity", "gas", "water"]) {
      await page.locator(`#move-in-meters-${meter}-reading`).fill("123,5");
      await page.locator(`#move-in-meters-${meter}-readOn`).fill(today);
    }
    await page.getByRole("button", { name: "Aggiungi un mazzo di chiavi" }).press("Enter");
    await page.getByRole("combobox", { name: "Quali chiavi (1)" }).fill("Porta di casa");
    for (const name of [
      "Caldaia",
      "Quadro elettrico e salvavita",
      "Chiusura del gas",
      "Chiusura dell'acqua",
      "Rilevatore di fumo",
      "Termostato e valvole dei termosifoni",
    ])
      await tick(page.getByRole("checkbox", { name }));
    await page.getByRole("button", { name: "Aggiungi un oggetto" }).press("Enter");
    await page.getByRole("textbox", { name: "Oggetto (1)" }).fill("Frigorifero");
    await page.locator("#move-in-inventory-0-condition").selectOption({ label: "Buono" });
    await page.getByRole("button", { name: "Completa il verbale" }).press("Enter");
    const done = page.getByText(/^Verbale completato il /).first();
    await done.waitFor();
    await page.getByText(/^Verbale completato il .+\(Amministratrice Demo\)\.$/).waitFor();
    await expectAccessible(page);
  });
});

describe("the tenant's portal on a phone", () => {
  let phone: Page;
  beforeAll(async () => {
    phone = await signedInPage(browser, baseUrl, DEMO_TENANT);
    await phone.setViewportSize({ width: 375, height: 812 });
  });

  const fitsTheScreen = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  /** The list's count, once it has come: "N segnalazioni" (or "N reports"). */
  const listCount = async () => {
    const status = phone
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /\d+ (segnalazion|report)/ });
    await status.waitFor();
    return Number(/\d+/.exec((await status.textContent()) ?? "")?.[0]);
  };

  test("lists their reports, in Italian and in English, at 375 pixels", async () => {
    await phone.goto("/portale/segnalazioni");
    await phone.getByRole("heading", { level: 1, name: "Le mie segnalazioni" }).waitFor();
    if ((await listCount()) === 0) await phone.getByText("Non hai ancora inviato segnalazioni.").waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await expectAccessible(phone);
    // The menu, behind its button on a phone, has the tenant's entry.
    await phone.getByRole("button", { name: "Apri il menu" }).click();
    await nav(phone).getByRole("link", { name: "Segnalazioni" }).waitFor();
    await phone.keyboard.press("Escape");

    await phone.getByRole("button", { name: "English" }).click();
    await phone.getByRole("heading", { level: 1, name: "My reports" }).waitFor();
    await phone.getByRole("link", { name: "Report a problem" }).waitFor();
    await expectAccessible(phone);
    await phone.getByRole("button", { name: "Italiano" }).click();
    await phone.getByRole("heading", { level: 1, name: "Le mie segnalazioni" }).waitFor();
  });

  test("reports a problem by keyboard and follows it, or, without an active tenancy, is told why", async () => {
    const before = await listCount();
    await phone.getByRole("link", { name: "Segnala un problema" }).press("Enter");
    await phone.getByRole("heading", { level: 1, name: "Segnala un problema" }).waitFor();
    expect(await fitsTheScreen()).toBe(true);
    await expectAccessible(phone);

    await phone.getByRole("button", { name: "Invia la segnalazione" }).press("Enter");
    await phone.locator("#ticket-category-error").getByText("Scegli una categoria dall'elenco").waitFor();
    await expectAccessible(phone);

    await phone
      .getByRole("combobox", { name: "Categoria" })
      .selectOption({ label: "Riscaldamento e caldaia" });
    await tick(phone.getByRole("group", { name: "Urgenza" }).getByRole("radio", { name: /^Emergenza/ }));
    await phone
      .getByRole("textbox", { name: "Cosa succede?" })
      .fill("Il termosifone della camera è freddo da ieri.");
    await phone
      .getByLabel("Foto (facoltative)")
      .setInputFiles({ name: "termosifone.png", mimeType: "image/png", buffer: PNG });
    await phone.getByRole("button", { name: "Invia la segnalazione" }).press("Enter");

    // The demo tenant's account may have no active tenancy (an older demo): the API's 422, in words.
    const sent = phone.getByText(/^Segnalazione MAN-\d{4}-\d{5} inviata\./);
    const refused = phone
      .locator("#ticket-form-errors")
      .getByText(/^Non risulta un contratto attivo a tuo nome/);
    await sent.or(refused).waitFor();
    if (await refused.isVisible()) {
      expect(await fitsTheScreen()).toBe(true);
      await expectAccessible(phone);
      return;
    }
    // Sent: the ticket's page, its photo, its status and history; then it is in the list.
    await phone
      .getByRole("heading", { level: 1, name: "Il termosifone della camera è freddo da ieri." })
      .waitFor();
    const facts = phone.getByRole("region", { name: "Dati della segnalazione" });
    expect(await fact(facts, "Stato").textContent()).toBe("Aperta");
    const photo = phone.getByRole("img", { name: /^Foto 1 di 1 della segnalazione MAN-/ });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await phone.getByRole("region", { name: "Storia della segnalazione" }).getByText("Aperta").waitFor();
    expect(await phone.getByRole("region", { name: "Cambia stato" }).count()).toBe(0);
    expect(await fitsTheScreen()).toBe(true);
    await expectAccessible(phone);
    await phone
      .getByRole("navigation", { name: "Percorso" })
      .getByRole("link", { name: "Le mie segnalazioni" })
      .press("Enter");
    await phone.getByRole("heading", { level: 1, name: "Le mie segnalazioni" }).waitFor();
    await expect.poll(listCount).toBe(before + 1);
    await phone
      .getByRole("link", { name: "Il termosifone della camera è freddo da ieri." })
      .first()
      .waitFor();
    await expectAccessible(phone);
  });
});
