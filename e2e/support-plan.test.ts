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
/** The demo Area B manager and educator work for ETS-B1, which manages the calmierato category. */
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
const AREA_B_EDUCATOR = "area.b.educator@demo.casacomune.example";
const ADMIN = "comune.admin@demo.casacomune.example";

// A fictional person: birthplace X999 is no municipality, so the code belongs to nobody.
/** Marta Prova, born 20 April 1990 (day 20 + 40: a woman). */
const HEAD_CODE = `PRVMRT90D60X999${fiscalCodeCheckCharacter("PRVMRT90D60X999")}`;

/** The plan starts two months ago, so its first review can be a month ago and its second today. */
const START = dayFromToday(-60);
const FIRST_REVIEW = dayFromToday(-30);
const TODAY = dayFromToday(0);
const ACTION_DUE = dayFromToday(30);

let browser: Browser;
let reference = "";
let householdPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** Open one tab of the household record by keyboard: focus the tab list, arrows to the tab, Enter. */
async function openTab(page: Page, name: string) {
  const tabs = page.getByRole("tablist", { name: "Sezioni della scheda del nucleo" });
  await tabs.getByRole("tab", { selected: true }).focus();
  const target = tabs.getByRole("tab", { name, exact: true });
  for (let i = 0; i < 10 && !(await isFocused(target)); i += 1) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect.poll(() => target.getAttribute("aria-selected")).toBe("true");
}

describe("from referral to signed plan", () => {
  test("the social worker refers a household with the referral form", async () => {
    const page = await signedInPage(browser, baseUrl, SOCIAL_WORKER);
    await page.goto("/invii/nuovo");
    await heading(page, "Nuovo invio").waitFor();
    await page.getByRole("combobox", { name: "Gruppo target", exact: true }).selectOption("donna_sola");
    await page
      .getByRole("combobox", { name: "Tipologia di assegnazione", exact: true })
      .selectOption("calmierato");
    await page
      .getByRole("combobox", { name: "Situazione abitativa attuale", exact: true })
      .selectOption("guest");
    const head = page.getByRole("group", { name: "Componente 1", exact: true });
    await head.getByRole("textbox", { name: "Nome", exact: true }).fill("Marta");
    await head.getByRole("textbox", { name: "Cognome", exact: true }).fill("Prova");
    await head.getByRole("textbox", { name: "Codice fiscale", exact: true }).fill(HEAD_CODE);
    await head.locator('input[type="date"]').fill("1990-04-20");
    await head.getByRole("combobox", { name: "Sesso", exact: true }).selectOption("F");
    await page.getByRole("combobox", { name: "Ente partner", exact: true }).selectOption("ETS-B1");
    await page
      .getByRole("textbox", { name: "Situazione del nucleo", exact: true })
      .fill("Donna sola ospite di un'amica, lavoro a tempo determinato.");
    await page
      .getByRole("textbox", { name: "Motivi dell'invio", exact: true })
      .fill("Serve un alloggio a canone calmierato e un accompagnamento all'autonomia abitativa.");
    await page.getByRole("button", { name: "Invia il nucleo" }).click();
    const created = page.getByRole("heading", { name: /^Invio registrato: nucleo NUC-\d{4}-\d{5}$/ });
    await created.waitFor();
    reference = (await created.textContent())?.replace("Invio registrato: nucleo ", "") ?? "";
    await expectAccessible(page);
    await page.context().close();
  });

  test("the manager of ETS-B1 accepts it in the referral inbox and opens the household", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await page.goto("/invii");
    await heading(page, "Invii").waitFor();
    const row = page.getByTestId("pending-referrals").getByRole("row").filter({ hasText: reference });
    await row.getByRole("button", { name: `Accetta ${reference}` }).click();
    await page.getByText(`Invio del nucleo ${reference} accettato.`).waitFor();
    // The lists dim while they read again: axe judges them once they are back.
    const all = page.getByRole("table", { name: "Tutti gli invii con il loro stato" });
    await expect.poll(() => all.getAttribute("aria-busy")).toBe("false");
    await expectAccessible(page);

    await page.goto(`/nuclei?q=${reference}`);
    await page.getByRole("link", { name: reference }).click();
    await heading(page, `Nucleo ${reference}`).waitFor();
    householdPath = new URL(page.url()).pathname;
    // The manager accepted the referral: she is on the household's team and reads its needs.
    expect(await page.getByText("Riservato all'équipe").count()).toBe(0);

    await openTab(page, "Progetto");
    await page.getByText("Il nucleo non ha ancora un progetto individualizzato.").waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  test("the manager creates the plan: team with the educator's account, a goal with an action, signatures", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await page.goto(`${householdPath}?sezione=progetto`);
    const create = page.getByRole("link", { name: "Crea il progetto" });
    await tabTo(page, create);
    await page.keyboard.press("Enter");
    await heading(page, `Progetto individualizzato del nucleo ${reference}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`${householdPath}/progetto`);
    await expectAccessible(page);

    await page.getByLabel("Data di avvio").fill(START);

    // Saved without an intensity: refused beside the field, which gets the focus.
    await page.getByRole("button", { name: "Crea il progetto" }).click();
    const intensity = page.getByRole("combobox", { name: "Intensità", exact: true });
    await page.locator("#plan-intensity-error").waitFor();
    expect(await page.locator("#plan-intensity-error").textContent()).toBe("Scegli una voce dall'elenco");
    expect(await intensity.getAttribute("aria-invalid")).toBe("true");
    expect(await isFocused(intensity)).toBe(true);
    await expectAccessible(page);
    await intensity.selectOption("medium");

    // The team: one member, the educator, picked from the accounts; name, organisation and role follow.
    const addMember = page.getByRole("button", { name: "Aggiungi un componente dell'équipe" });
    await tabTo(page, addMember);
    await page.keyboard.press("Enter");
    const member = page.getByRole("group", { name: "Componente dell'équipe 1", exact: true });
    const account = member.getByRole("combobox", { name: "Account sulla piattaforma" });
    await expect.poll(() => isFocused(account)).toBe(true);
    const educator = account.locator("option").filter({ hasText: /^Educatrice Demo · / });
    await account.selectOption((await educator.getAttribute("value")) ?? "");
    expect(await member.getByRole("textbox", { name: "Nome e cognome", exact: true }).inputValue()).toBe(
      "Educatrice Demo",
    );
    expect(await member.getByRole("combobox", { name: "Ruolo nell'équipe" }).inputValue()).toBe("educator");

    // One goal with one action (the editor starts with both).
    const goal = page.getByRole("group", { name: "Obiettivo 1", exact: true });
    await goal.getByRole("combobox", { name: "Ambito", exact: true }).selectOption("housing");
    await goal
      .getByRole("textbox", { name: "Obiettivo", exact: true })
      .fill("Mantenere l'alloggio pagando il canone con regolarità");
    const action = page.getByRole("group", { name: "Azione 1 dell'obiettivo 1", exact: true });
    await action
      .getByRole("textbox", { name: "Azione", exact: true })
      .fill("Attivare l'addebito diretto del canone");
    await action.getByRole("textbox", { name: "Chi se ne occupa", exact: true }).fill("Educatrice Demo");
    await action.getByLabel("Entro il").fill(ACTION_DUE);

    await page.getByLabel("Firma del nucleo (data)").fill(START);
    await page.getByLabel("Firma del servizio inviante (data)").fill(START);

    const save = page.getByRole("button", { name: "Crea il progetto" });
    await tabTo(page, save);
    await page.keyboard.press("Enter");
    const saved = page.getByText("Progetto salvato (versione 1).");
    await saved.waitFor();
    // The outcome takes the focus, and says the plan is signed.
    await expect.poll(() => isFocused(page.locator(".success-panel"))).toBe(true);
    expect(await page.locator(".success-panel").textContent()).toContain("Firmato");
    await expectAccessible(page);

    // The saved plan now takes reviews: the first, a month ago, with two domains assessed.
    const reviews = page.getByRole("region", { name: "Verifiche del progetto" });
    await reviews.getByLabel("Data della verifica").fill(FIRST_REVIEW);
    await tick(
      page
        .getByRole("group", { name: "Abitare", exact: true })
        .getByRole("radio", { name: "2 · autonomia scarsa" }),
    );
    await tick(
      page
        .getByRole("group", { name: "Lavoro", exact: true })
        .getByRole("radio", { name: "3 · autonomia parziale" }),
    );
    await page.getByLabel("Note della verifica").fill("Primo mese: canone pagato in ritardo una volta.");
    await page.getByRole("button", { name: "Registra la verifica" }).click();
    await page.getByText(/^Verifica del .+ registrata\.$/).waitFor();
    await page.getByRole("img", { name: /^Grafico a linee dell'autonomia per ambito, 1 verifica/ }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  test("the educator, now on the team, finds it in her caseload, is told to reload on a stale save, adds a review and sees the chart", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_EDUCATOR);
    await page.goto("/casi");
    await heading(page, "I miei nuclei").waitFor();
    const row = page.getByTestId("caseload").getByRole("row").filter({ hasText: reference });
    await row.waitFor();
    expect(await row.getByRole("cell").allTextContents()).toContain("Educatore o educatrice");
    await row.getByRole("link", { name: reference }).click();
    await heading(page, `Nucleo ${reference}`).waitFor();
    expect(await page.getByRole("tab", { name: "Progetto" }).getAttribute("aria-selected")).toBe("true");
    const planTitle = page.getByRole("heading", { level: 2, name: /^Progetto individualizzato/ });
    expect(await planTitle.textContent()).toContain("Firmato");
    await page.getByRole("link", { name: "Modifica il progetto e registra le verifiche" }).click();
    await heading(page, `Progetto individualizzato del nucleo ${reference}`).waitFor();

    // Someone else saves the plan meanwhile (version 1 → 2): this page's save is refused, with a way back.
    const plan = await apiJson<Record<string, unknown> & { version: number }>(
      page,
      "GET",
      `/households/${householdPath.split("/").pop()}/plan`,
    );
    const { startDate, intensity, reviewEveryMonths, team, goals, signatures, version } = plan;
    await apiJson(page, "PUT", `/households/${householdPath.split("/").pop()}/plan`, {
      startDate,
      intensity,
      reviewEveryMonths: reviewEveryMonths === 3 ? 2 : 3,
      team,
      goals,
      signatures,
      version,
    });
    await page.getByRole("combobox", { name: "Intensità", exact: true }).selectOption("high");
    await page.getByRole("button", { name: "Salva il progetto" }).click();
    const conflict = page
      .getByRole("alert")
      .filter({ hasText: "Qualcun altro ha modificato questo progetto" });
    await conflict.waitFor();
    await expect.poll(() => isFocused(conflict)).toBe(true);
    await expectAccessible(page);
    await conflict.getByRole("button", { name: "Ricarica il progetto" }).click();
    await expect
      .poll(() => page.getByRole("combobox", { name: "Intensità", exact: true }).inputValue())
      .toBe("medium");

    // The second review, today: the chart now has two points per domain, and the table the numbers.
    await page.getByLabel("Data della verifica").fill(TODAY);
    await tick(
      page
        .getByRole("group", { name: "Abitare", exact: true })
        .getByRole("radio", { name: "4 · autonomia buona" }),
    );
    await tick(
      page
        .getByRole("group", { name: "Lavoro", exact: true })
        .getByRole("radio", { name: "3 · autonomia parziale" }),
    );
    await page.getByRole("button", { name: "Registra la verifica" }).click();
    await page.getByText(/^Verifica del .+ registrata\.$/).waitFor();
    const chart = page.getByRole("img", { name: /^Grafico a linee dell'autonomia per ambito, 2 verifiche/ });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-label")).toContain("Abitare da 2 a 4");
    await page.getByText("Mostra i dati del grafico in una tabella").click();
    const table = page.getByRole("table", { name: /^Autonomia per ambito a ogni verifica/ });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(0).locator("td").allTextContents()).map((s) => s.trim())).toEqual(["2", "3"]);
    expect((await rows.nth(1).locator("td").allTextContents()).map((s) => s.trim())).toEqual(["4", "3"]);
    await expectAccessible(page);
    await page.context().close();
  });

  test("the record shows the plan signed with its chart, and the timeline names the plan and its reviews", async () => {
    const page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
    await page.goto(`${householdPath}?sezione=progetto`);
    await heading(page, `Nucleo ${reference}`).waitFor();
    const summary = page.getByTestId("plan-summary");
    await summary.waitFor();
    expect(
      await page.getByRole("heading", { level: 2, name: /^Progetto individualizzato/ }).textContent(),
    ).toContain("Firmato");
    expect(await summary.textContent()).toContain("Media");
    await page
      .getByRole("img", { name: /^Grafico a linee dell'autonomia per ambito, 2 verifiche/ })
      .waitFor();
    expect(await page.getByRole("heading", { name: "Verifiche (2)" }).count()).toBe(1);
    await expectAccessible(page);

    await openTab(page, "Cronologia");
    const items = page.getByRole("list", { name: "Cronologia" }).getByRole("listitem");
    await items.first().waitFor();
    const entries = await items.allTextContents();
    expect(entries.join("\n")).toContain("Avvio del progetto individualizzato");
    expect(entries.filter((e) => e.includes("Verifica del progetto individualizzato"))).toHaveLength(2);
    await expectAccessible(page);
    await page.context().close();
  });

  test("the Comune's administrator, outside the team, is told the plan's detail is reserved", async () => {
    const page = await signedInPage(browser, baseUrl, ADMIN);
    await page.goto(`${householdPath}?sezione=progetto`);
    await heading(page, `Nucleo ${reference}`).waitFor();
    await page
      .getByText("Obiettivi, verifiche e andamento dell'autonomia sono riservati all'équipe del nucleo")
      .waitFor();
    expect(
      await page.getByRole("heading", { level: 2, name: /^Progetto individualizzato/ }).textContent(),
    ).toContain("Firmato");
    expect(
      await page.getByRole("link", { name: "Modifica il progetto e registra le verifiche" }).count(),
    ).toBe(0);
    await expectAccessible(page);
    await openTab(page, "Anagrafica");
    await page.getByText("Riservato all'équipe", { exact: true }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});
