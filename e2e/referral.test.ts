// SPDX-License-Identifier: EUPL-1.2
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fiscalCodeCheckCharacter } from "../src/domain/households/fiscal-code.ts";
import {
  apiJson,
  expectAccessible,
  launchBrowser,
  serverUrl,
  signedInPage,
  tabTo,
  tick,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const SOCIAL_WORKER = "comune.social.worker@demo.casacomune.example";
/** The demo Area B manager works for ETS-B1, which manages the calmierato category. */
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";

// Fictional people: birthplace X999 is no municipality, so these codes belong to nobody.
const withCheck = (first15: string) => first15 + fiscalCodeCheckCharacter(first15);
/** Giulia Esempio, born 12 March 1985 (day 12 + 40: a woman). */
const HEAD_CODE = withCheck("SMPGLI85C52X999");
/** Luca Esempio, born 7 June 2015. */
const CHILD_CODE = withCheck("SMPLCU15H07X999");
/** The head's code with a wrong check character: a typing error. */
const MISTYPED_CODE = HEAD_CODE.slice(0, 15) + (HEAD_CODE.endsWith("A") ? "B" : "A");

/** An ISEE of a month ago: never in the future, whatever the day the journey runs. */
const ISEE_DATE = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

/** A small PDF, made here: what the server checks is its first bytes. */
const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
});
const REPORT_FILE = "relazione-sociale-esempio.pdf";

let browser: Browser;
let reference = "";
let householdPath = "";
let referralId = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

async function fillMember(
  page: Page,
  n: number,
  member: { given: string; family: string; code: string; birth: string; sex: string; relationship: string },
) {
  const group = page.getByRole("group", { name: `Componente ${n}`, exact: true });
  await group.getByRole("textbox", { name: "Nome", exact: true }).fill(member.given);
  await group.getByRole("textbox", { name: "Cognome", exact: true }).fill(member.family);
  await group.locator('input[type="date"]').fill(member.birth);
  await group.getByRole("combobox", { name: "Sesso", exact: true }).selectOption(member.sex);
  await group
    .getByRole("combobox", { name: "Relazione con il capofamiglia", exact: true })
    .selectOption(member.relationship);
  await group.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(member.code);
}

describe("referring a household and taking it on", () => {
  test("the social worker refers a household with attachments; a mistyped fiscal code and a text file are refused beside their fields", async () => {
    const page = await signedInPage(browser, baseUrl, SOCIAL_WORKER);
    await page.goto("/invii");
    await page.getByRole("heading", { level: 1, name: "Invii", exact: true }).waitFor();
    const nav = page.getByRole("navigation", { name: "Menu principale" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Cruscotto",
      "Alloggi",
      "I miei nuclei",
      "Nuclei",
      "Invii",
      "Contratti",
      "Morosità",
      "Attività",
      "Monitoraggio",
      "Cronoprogramma",
      "Governance",
      "Spazio partner",
      "Welfare di comunità",
      "Reti e fondo di comunità",
    ]);

    // From the inbox to the form, by keyboard.
    await tabTo(page, page.getByRole("link", { name: "Nuovo invio" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Nuovo invio" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("combobox", { name: "Gruppo target", exact: true }).selectOption("monoparentale");
    await page
      .getByRole("combobox", { name: "Tipologia di assegnazione", exact: true })
      .selectOption("calmierato");
    await page
      .getByRole("combobox", { name: "Situazione abitativa attuale", exact: true })
      .selectOption("eviction");
    await tick(page.getByRole("checkbox", { name: "Fragilità economica" }));
    await tick(page.getByRole("checkbox", { name: "Conosciuto dai servizi sociali" }));
    await page.getByRole("textbox", { name: "Valore ISEE (€)", exact: true }).fill("8.450,50");
    await page.locator("#referral-household-iseeDate").fill(ISEE_DATE);

    await fillMember(page, 1, {
      given: "Giulia",
      family: "Esempio",
      code: MISTYPED_CODE,
      birth: "1985-03-12",
      sex: "F",
      relationship: "head",
    });
    // A second member, added and removed by keyboard, then added again.
    const add = page.getByRole("button", { name: "Aggiungi un componente" });
    await tabTo(page, add);
    await page.keyboard.press("Enter");
    await page.getByRole("group", { name: "Componente 2", exact: true }).waitFor();
    expect(await focusedId(page)).toBe("referral-household-members-1-givenName");
    await page.getByRole("button", { name: "Rimuovi il componente 2" }).click();
    expect(await page.getByRole("group", { name: "Componente 2", exact: true }).count()).toBe(0);
    await add.click();
    await fillMember(page, 2, {
      given: "Luca",
      family: "Esempio",
      code: CHILD_CODE,
      birth: "2015-06-07",
      sex: "M",
      relationship: "child",
    });

    // Only Area B partners managing the chosen category are offered.
    const partner = page.getByRole("combobox", { name: "Ente partner", exact: true });
    const offered = await partner
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""));
    expect(offered.sort()).toEqual(["ETS-B1", "ETS-B3"]);
    await partner.selectOption("ETS-B1");
    await page
      .getByRole("textbox", { name: "Situazione del nucleo", exact: true })
      .fill("Madre sola con un figlio, sotto sfratto per morosità incolpevole.");
    await page
      .getByRole("textbox", { name: "Motivi dell'invio", exact: true })
      .fill("Lavoro stabile part-time, serve un canone sostenibile e un accompagnamento.");
    await tick(page.getByRole("radio", { name: "Urgente" }));

    const submit = page.getByRole("button", { name: "Invia il nucleo" });
    await tabTo(page, submit);
    await page.keyboard.press("Enter");

    const code = page.locator("#referral-household-members-0-fiscalCode");
    const error = page.locator("#referral-household-members-0-fiscalCode-error");
    await error.waitFor();
    expect(await error.textContent()).toBe(
      "Il carattere di controllo del codice fiscale non corrisponde: verifica che non ci siano errori di battitura",
    );
    expect(await code.getAttribute("aria-invalid")).toBe("true");
    expect((await code.getAttribute("aria-describedby"))?.split(" ")).toContain(
      "referral-household-members-0-fiscalCode-error",
    );
    expect(await focusedId(page)).toBe("referral-household-members-0-fiscalCode");
    expect(await page.locator(".error-summary").textContent()).toContain("C'è 1 errore da correggere");
    await expectAccessible(page);
    expect(new URL(page.url()).pathname).toBe("/invii/nuovo");

    await code.fill(HEAD_CODE);

    // Attachments, added by keyboard: the social report, then a record of the meeting.
    const addAttachment = page.getByRole("button", { name: "Aggiungi un allegato" });
    await tabTo(page, addAttachment);
    await page.keyboard.press("Enter");
    const report = page.getByRole("group", { name: "Allegato 1", exact: true });
    await report.waitFor();
    expect(await focusedId(page)).toBe("referral-attachments-0-kind");
    const reportKind = report.getByRole("combobox", { name: "Tipo di documento", exact: true });
    expect(await reportKind.inputValue()).toBe("social_report");
    // A social report has no expiry: no date to give.
    expect(await report.locator('input[type="date"]').count()).toBe(0);
    await report.locator('input[type="file"]').setInputFiles(pdf(REPORT_FILE));
    // The title is the file's name unless the worker writes another.
    expect(await report.getByRole("textbox", { name: "Titolo", exact: true }).inputValue()).toBe(REPORT_FILE);

    await addAttachment.click();
    const minutes = page.getByRole("group", { name: "Allegato 2", exact: true });
    const minutesKind = minutes.getByRole("combobox", { name: "Tipo di documento", exact: true });
    // An identity document has an expiry: the date appears with the kind, and goes with it.
    await minutesKind.selectOption("identity_document");
    await minutes.locator("#referral-attachments-1-expiresOn").waitFor();
    await minutesKind.selectOption("other");
    expect(await minutes.locator('input[type="date"]').count()).toBe(0);
    await minutes.locator('input[type="file"]').setInputFiles(pdf("verbale-incontro.pdf"));
    await minutes.getByRole("textbox", { name: "Titolo", exact: true }).fill("Verbale dell'incontro");

    // A text file is refused in the browser, beside its field, before anything is sent.
    await addAttachment.click();
    const note = page.getByRole("group", { name: "Allegato 3", exact: true });
    const noteFile = note.locator('input[type="file"]');
    expect(await noteFile.getAttribute("accept")).toBe(
      ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg",
    );
    await noteFile.setInputFiles({
      name: "appunti.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("appunti"),
    });
    const noteError = page.locator("#referral-attachments-2-file-error");
    await noteError.waitFor();
    expect(await noteError.textContent()).toBe("Allega un file PDF, PNG o JPEG");
    expect(await noteFile.getAttribute("aria-invalid")).toBe("true");
    expect((await noteFile.getAttribute("aria-describedby"))?.split(" ")).toContain(
      "referral-attachments-2-file-error",
    );
    await submit.click();
    await expect.poll(() => focusedId(page)).toBe("referral-attachments-2-file");
    expect(await page.locator(".error-summary").textContent()).toContain(
      "Allegato 3 · File: Allega un file PDF, PNG o JPEG",
    );
    await expectAccessible(page);
    expect(new URL(page.url()).pathname).toBe("/invii/nuovo");
    const removeNote = page.getByRole("button", { name: "Rimuovi l'allegato 3" });
    await removeNote.focus();
    await page.keyboard.press("Enter");
    expect(await note.count()).toBe(0);
    expect(await focusedId(page)).toBe("add-attachment");

    // The meeting's record fails on the server (answered here): the referral stays, the failure is said.
    const documentsApi = "**/api/v1/households/*/documents";
    await page.route(documentsApi, async (route) => {
      if (!route.request().postDataBuffer()?.includes("verbale-incontro.pdf")) return route.continue();
      return route.fulfill({
        status: 422,
        contentType: "application/problem+json",
        body: JSON.stringify({
          title: "Unprocessable",
          status: 422,
          detail: "The document breaks a rule",
          errors: [{ path: "file", message: "The file's content does not match its type (application/pdf)" }],
        }),
      });
    });
    const answer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/api/v1/referrals" && r.request().method() === "POST",
    );
    await submit.click();
    referralId = ((await (await answer).json()) as { referral: { id: string } }).referral.id;
    const created = page.getByRole("heading", { name: /^Invio registrato: nucleo NUC-\d{4}-\d{5}$/ });
    await created.waitFor();
    reference = (await created.textContent())?.replace("Invio registrato: nucleo ", "") ?? "";
    expect(await created.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText(/Il nucleo è stato inviato a .+, che dovrà rispondere entro il/).waitFor();

    const uploaded = page.getByRole("list", { name: "Allegati all'invio" });
    await expect
      .poll(() => uploaded.getByRole("listitem").allTextContents())
      .toEqual([
        `«${REPORT_FILE}» (Relazione sociale): allegato`,
        "«Verbale dell'incontro» (Altro): non caricato",
      ]);
    const failed = page.getByRole("alert").filter({ hasText: "1 allegato non è stato caricato" });
    await failed.waitFor();
    expect(await failed.getByRole("listitem").allTextContents()).toEqual([
      "«Verbale dell'incontro»: File: Il contenuto del file non corrisponde al suo tipo (application/pdf)",
    ]);
    const retry = failed.getByRole("link", { name: "vai ai documenti del nucleo" });
    expect(await retry.getAttribute("href")).toMatch(/^\/nuclei\/[0-9a-f-]{36}\?sezione=documenti$/);
    await page.unroute(documentsApi);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Apri la scheda del nucleo" }).click();
    await page.getByRole("heading", { level: 1, name: `Nucleo ${reference}` }).waitFor();
    householdPath = new URL(page.url()).pathname;
    expect(householdPath).toMatch(/^\/nuclei\/[0-9a-f-]{36}$/);
    const facts = page.locator(".facts");
    await facts.getByText("8450,50 €").or(facts.getByText("8.450,50 €")).waitFor();
    expect(await page.locator(".household-status-referred").first().textContent()).toBe("Inviato");

    // Before a partner accepts, the path cannot move on: the refusal shows beside the choices.
    await page.getByRole("button", { name: "Passa a «Valutato»" }).click();
    const refused = page.locator("#transition-to-error");
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      "Nessun ente partner ha ancora accettato l'invio di questo nucleo",
    );
    await expectAccessible(page);

    // The social report is among the household's documents, linked to the referral, and the social
    // worker downloads it; the failed one is not there.
    await page.getByRole("tab", { name: "Documenti" }).click();
    expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(
      `${householdPath}?sezione=documenti`,
    );
    const documents = page.getByRole("table", { name: "Documenti del nucleo con la loro validità" });
    const attached = documents.getByRole("row").filter({ hasText: REPORT_FILE });
    await attached.waitFor();
    expect(await attached.getByRole("cell").first().textContent()).toBe("Relazione sociale");
    expect(await attached.getByRole("rowheader").textContent()).toContain(
      "Allegato all'invio dei servizi sociali",
    );
    expect(await documents.getByRole("row").filter({ hasText: "Verbale dell'incontro" }).count()).toBe(0);
    const householdId = householdPath.split("/").pop() ?? "";
    const listed = await apiJson<{ items: { title: string; kind: string; referralId: string | null }[] }>(
      page,
      "GET",
      `/households/${householdId}/documents`,
    );
    expect(listed.items.filter((d) => d.referralId === referralId)).toMatchObject([
      { title: REPORT_FILE, kind: "social_report" },
    ]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      attached.getByRole("link", { name: `Scarica «${REPORT_FILE}»` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(REPORT_FILE);
    expect((await readFile(await download.path())).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    await expectAccessible(page);

    // The Comune follows the referral in its inbox, with its partner and state.
    await page.goto("/invii");
    const row = page.getByTestId("pending-referrals").getByRole("row").filter({ hasText: reference });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toContain("In attesa");
    expect(await row.getByRole("button").count()).toBe(0);
    await page.context().close();
  });

  test("the partner's manager accepts it in the inbox, by keyboard", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await page.goto("/invii");
    await page.getByRole("heading", { level: 1, name: "Invii", exact: true }).waitFor();
    const pending = page.getByTestId("pending-referrals");
    const row = pending.getByRole("row").filter({ hasText: reference });
    await row.waitFor();

    // Overdue referrals come first and say so in words, not by colour alone.
    const first = pending.locator("tbody tr").first();
    expect(await first.getAttribute("class")).toContain("is-overdue");
    expect(await first.textContent()).toContain("In ritardo");
    expect(await row.textContent()).not.toContain("In ritardo");
    await expectAccessible(page);

    // A return needs a reason: the empty form is refused beside the field.
    await row.getByRole("button", { name: `Restituisci ${reference}` }).click();
    const reason = page.getByRole("textbox", { name: "Motivo della restituzione" });
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole("button", { name: "Conferma la restituzione" }).click();
    await page.getByText("Indica il motivo della restituzione").waitFor();
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Annulla" }).click();
    expect(await reason.count()).toBe(0);

    const accept = row.getByRole("button", { name: `Accetta ${reference}` });
    await tabTo(page, accept);
    await page.keyboard.press("Enter");
    await page.getByText(`Invio del nucleo ${reference} accettato.`).waitFor();
    await expect.poll(() => pending.getByRole("row").filter({ hasText: reference }).count()).toBe(0);

    // All referrals, filtered to the accepted ones: the list is soonest due first, so the new one is last.
    await page.getByRole("combobox", { name: "Stato dell'invio" }).selectOption("accepted");
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await page.waitForURL(/\/invii\?status=accepted$/);
    // Until the filtered page arrives the list keeps showing the previous one (and its count).
    const answered = page.getByRole("table", { name: "Tutti gli invii con il loro stato" });
    await expect.poll(() => answered.getAttribute("aria-busy")).toBe("false");
    const count = page.getByText(/^\d+ invi[oi] · pagina 1 di \d+$/);
    await count.waitFor();
    const pages = Number((await count.textContent())?.split(" di ")[1]);
    if (pages > 1) await page.getByRole("link", { name: `Pagina ${pages}`, exact: true }).click();
    const accepted = answered.getByRole("row").filter({ hasText: reference });
    await accepted.waitFor();
    expect(await accepted.getByRole("cell").first().textContent()).toBe("Accettato");
    await page.context().close();
  });

  test("the manager finds the household in the caseload, moves it to assessed and sees it on the timeline", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await page.goto(`/nuclei?q=${reference}`);
    await page.getByRole("heading", { level: 1, name: "Nuclei", exact: true }).waitFor();
    const row = page.locator("table.household-table tbody tr").filter({ hasText: reference });
    await row.waitFor();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      "Giulia Esempio",
      "2",
      "Famiglia monoparentale",
      "Calmierato",
      "Inviato",
    ]);
    await expectAccessible(page);

    await tabTo(page, row.getByRole("link", { name: reference }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: `Nucleo ${reference}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(householdPath);
    // The manager has no audit:read: no link to the access register.
    expect(await page.getByRole("link", { name: "Chi ha consultato questa scheda" }).count()).toBe(0);

    await page
      .getByRole("textbox", { name: "Nota sul cambio di stato (facoltativa)" })
      .fill("Colloquio di valutazione svolto");
    const move = page.getByRole("button", { name: "Passa a «Valutato»" });
    await tabTo(page, move);
    await page.keyboard.press("Enter");
    await page.getByText("Stato aggiornato: Valutato.").waitFor();
    expect(await page.getByRole("row", { name: /Valutato \(in corso\)/ }).count()).toBe(1);

    // The timeline is a tab of the record, opened by keyboard: arrows move along the tabs, Enter opens.
    await page.getByRole("tab", { name: "Anagrafica" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "Cronologia" }).getAttribute("aria-selected")).toBe("true");
    expect(new URL(page.url()).search).toBe("?sezione=cronologia");
    const timeline = page.getByRole("list", { name: "Cronologia" });
    const last = timeline.getByRole("listitem").last();
    await expect.poll(() => last.textContent()).toContain("Stato: Inviato → Valutato");
    expect(await last.textContent()).toContain("Nota: Colloquio di valutazione svolto");
    expect(await last.textContent()).toContain("(Responsabile di ente di Area B)");
    const entries = await timeline.getByRole("listitem").allTextContents();
    expect(entries.some((e) => e.includes("Invio all'ente partner"))).toBe(true);
    expect(entries.some((e) => e.includes("Invio accettato"))).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  test("the administrator is offered the access register of the household", async () => {
    const page = await signedInPage(browser, baseUrl);
    await page.goto(householdPath);
    await page.getByRole("heading", { level: 1, name: `Nucleo ${reference}` }).waitFor();
    const link = page.getByRole("link", { name: "Chi ha consultato questa scheda" });
    const href = new URL((await link.getAttribute("href")) ?? "", baseUrl);
    expect(href.pathname).toBe("/registro-accessi");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      entita: "households",
      id: householdPath.split("/").pop(),
    });
    await page.context().close();
  });
});
