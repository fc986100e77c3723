// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fiscalCodeCheckCharacter } from "../src/domain/households/fiscal-code.ts";
import {
  apiJson,
  dayFromToday,
  expectAccessible,
  isFocused,
  launchBrowser,
  serverUrl,
  signedInPage,
  tabTo,
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const SOCIAL_WORKER = "comune.social.worker@demo.casacomune.example";
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";

/** Paolo Collaudo, born 5 September 1978: a fictional person (birthplace X999 is no municipality). */
const HEAD_CODE = `CLLPLA78P05X999${fiscalCodeCheckCharacter("CLLPLA78P05X999")}`;
/** The smallest file the server takes for a PDF: its content starts as a PDF does. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let browser: Browser;
let householdId = "";
let reference = "";

beforeAll(async () => {
  browser = await launchBrowser();
  // The household comes through the API: this file is about its record's tabs, not the referral.
  const worker = await signedInPage(browser, baseUrl, SOCIAL_WORKER);
  const created = await apiJson<{ referral: { id: string }; household: { id: string; reference: string } }>(
    worker,
    "POST",
    "/referrals",
    {
      household: {
        targetGroup: "uomo_solo",
        category: "calmierato",
        housingSituation: "shelter",
        members: [
          {
            givenName: "Paolo",
            familyName: "Collaudo",
            fiscalCode: HEAD_CODE,
            birthDate: "1978-09-05",
            sex: "M",
            citizenship: "IT",
            relationship: "head",
          },
        ],
      },
      partnerCode: "ETS-B1",
      report: {
        situation: "Uomo solo in dormitorio.",
        reasons: "Autonomia lavorativa raggiunta.",
        urgency: "ordinary",
      },
    },
  );
  householdId = created.household.id;
  reference = created.household.reference;
  await worker.context().close();
  const manager = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  await apiJson(manager, "POST", `/referrals/${created.referral.id}/accept`, {});
  await manager.context().close();
});
afterAll(async () => {
  await browser?.close();
});

async function openRecord(page: Page, tab: string) {
  await page.goto(`/nuclei/${householdId}?sezione=${tab}`);
  await page.getByRole("heading", { level: 1, name: `Nucleo ${reference}` }).waitFor();
}

describe("the household record's care tabs", () => {
  test("interventions: logged with the form, listed with the total time", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await openRecord(page, "interventi");
    await page.getByText("0 interventi, 0 ore in tutto.").waitFor();
    await expectAccessible(page);

    // Without a type or a duration: refused beside the fields, the first gets the focus.
    await page.getByRole("button", { name: "Registra l'intervento" }).click();
    await page.locator("#intervention-type-error").waitFor();
    expect(await isFocused(page.getByRole("combobox", { name: "Tipo di intervento" }))).toBe(true);
    expect(await page.locator("#intervention-minutes-error").textContent()).toBe(
      "Indica la durata in minuti",
    );
    await expectAccessible(page);

    await page.getByRole("combobox", { name: "Tipo di intervento" }).selectOption("home_visit");
    await page.getByRole("spinbutton", { name: "Durata (minuti)" }).fill("90");
    await page
      .getByRole("textbox", { name: "Nota" })
      .fill("Sopralluogo nel dormitorio, colloquio con l'operatore.");
    await page.getByRole("button", { name: "Registra l'intervento" }).click();
    await page.getByText("Intervento registrato.").waitFor();
    await page.getByText("1 intervento, 1,5 ore in tutto.").waitFor();
    const row = page
      .getByRole("table", { name: "Interventi con il nucleo, dal più recente" })
      .locator("tbody tr");
    expect(await row.first().textContent()).toContain("Visita domiciliare");
    await expectAccessible(page);
    await page.context().close();
  });

  test("documents: a rule broken is shown beside the field; an uploaded file shows its validity and downloads", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await openRecord(page, "documenti");
    await page.getByText("Nessun documento registrato.").waitFor();
    await expectAccessible(page);

    await page.getByRole("combobox", { name: "Tipo di documento" }).selectOption("identity_document");
    await page.getByRole("textbox", { name: "Titolo" }).fill("Carta d'identità");
    await page.getByRole("textbox", { name: "Numero del documento" }).fill("CA00000AA");
    await page
      .locator("#document-file")
      .setInputFiles({ name: "carta.pdf", mimeType: "application/pdf", buffer: PDF });
    // An identity document has an expiry: without it, the form says so beside "Scade il".
    await page.getByRole("button", { name: "Carica il documento" }).click();
    const expiry = page.getByLabel("Scade il");
    await page.locator("#document-expiresOn-error").waitFor();
    expect(await page.locator("#document-expiresOn-error").textContent()).toBe(
      "Questo tipo di documento ha una scadenza: indicala",
    );
    expect(await isFocused(expiry)).toBe(true);
    await expectAccessible(page);

    await expiry.fill(dayFromToday(20));
    await page.getByRole("button", { name: "Carica il documento" }).click();
    await page.getByText("Documento «Carta d'identità» registrato.").waitFor();
    const row = page
      .getByRole("table", { name: "Documenti del nucleo con la loro validità" })
      .locator("tbody tr");
    await row.first().waitFor();
    // Expiring within 30 days: a badge that says it in words.
    expect(await row.first().locator(".validity-badge").textContent()).toBe("In scadenza");
    await page.getByText("1 scade nei prossimi 30 giorni.").waitFor();
    const download = page.getByRole("link", { name: /^Scarica «Carta d'identità»/ });
    const response = await page.request.get((await download.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect(
      Buffer.from(await response.body())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await expectAccessible(page);
    await page.context().close();
  });

  test("exit: recorded with the form while the household is exiting; its follow-ups are recorded one by one", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await openRecord(page, "uscita");
    await page.getByText(/^Il nucleo non è in uscita\./).waitFor();
    await expectAccessible(page);

    // Along the path to "exiting" (the steps of allocation are not this test's).
    for (const to of ["assessed", "waiting", "offered", "housed", "exiting"])
      await apiJson(page, "POST", `/households/${householdId}/transitions`, { to });
    await page.reload();
    await page.getByRole("heading", { level: 3, name: "Registra l'uscita" }).waitFor();
    // The record's status moves no longer offer "exited": the exit form is the way.
    expect(await page.getByRole("button", { name: "Passa a «Uscito»" }).count()).toBe(0);

    await page.getByRole("button", { name: "Registra l'uscita" }).click();
    await page.locator("#exit-destination-error").waitFor();
    expect(await page.locator("#exit-planned-error").textContent()).toBe("Scegli una voce dall'elenco");
    await expectAccessible(page);
    await page.getByRole("combobox", { name: "Destinazione" }).selectOption("market_rent");
    await tick(page.getByRole("radio", { name: "Sì, programmata" }));
    await page.getByRole("button", { name: "Registra l'uscita" }).click();
    const recorded = page.getByRole("heading", { level: 2, name: "Uscita registrata" });
    await recorded.waitFor();
    await expect.poll(() => isFocused(recorded)).toBe(true);
    const followUps = page.getByRole("table", { name: "Contatti a 6, 12 e 24 mesi dall'uscita" });
    expect(await followUps.locator("tbody tr").count()).toBe(3);
    await expectAccessible(page);

    const record = page.getByRole("button", { name: "Registra il contatto a 6 mesi" });
    await tabTo(page, record);
    await page.keyboard.press("Enter");
    const contacted = page.getByLabel("Contattato il");
    await expect.poll(() => isFocused(contacted)).toBe(true);
    await page.getByRole("combobox", { name: "Situazione abitativa" }).selectOption("same_home");
    await page.getByRole("button", { name: "Salva il contatto" }).click();
    await page.getByText("Contatto a 6 mesi registrato.").waitFor();
    expect(await followUps.locator("tbody tr").first().textContent()).toContain("Nella stessa casa");
    await expectAccessible(page);
    await page.context().close();
  });

  test("consents: given, then withdrawn after a confirmation that says what it changes", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await openRecord(page, "consensi");
    await page.getByRole("heading", { level: 2, name: "Consensi" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("combobox", { name: "Finalità" }).selectOption("follow_up_contact");
    await page.getByRole("button", { name: "Registra il consenso" }).click();
    await page.getByText("Consenso «Contatti dopo l'uscita» registrato.").waitFor();
    const table = page.getByRole("table", { name: "Consensi del nucleo" });
    const row = table.locator("tbody tr").filter({ hasText: "Contatti dopo l'uscita" });
    expect(await row.textContent()).toContain("In vigore");

    const withdraw = row.getByRole("button", { name: "Revoca il consenso «Contatti dopo l'uscita»" });
    await withdraw.click();
    expect(await withdraw.getAttribute("aria-expanded")).toBe("true");
    await page.getByText("Dopo la revoca il nucleo non potrà più essere contattato").waitFor();
    await expect.poll(() => isFocused(page.getByLabel("Data della revoca"))).toBe(true);
    await expectAccessible(page);
    // Cancel gives the focus back to the button; confirming withdraws.
    await page.getByRole("button", { name: "Annulla" }).click();
    await expect.poll(() => isFocused(withdraw)).toBe(true);
    await withdraw.click();
    await page.getByRole("button", { name: "Conferma la revoca" }).click();
    await page.getByText("Consenso «Contatti dopo l'uscita» revocato.").waitFor();
    await expect.poll(() => row.textContent()).toContain("Revocato");
    await expectAccessible(page);

    // Without that consent, the exit tab says no contact is recorded.
    await openRecord(page, "uscita");
    await page.getByText("Il nucleo ha revocato il consenso ai contatti dopo l'uscita").waitFor();
    expect(await page.getByRole("button", { name: /^Registra il contatto/ }).count()).toBe(0);
    await page.context().close();
  });
});
