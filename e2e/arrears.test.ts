// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  expectAccessible,
  follow,
  isFocused,
  launchBrowser,
  serverUrl,
  signedInPage,
  tabTo,
} from "./support/browser.ts";

const baseUrl = serverUrl();
const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
const AREA_B_EDUCATOR = "area.b.educator@demo.casacomune.example";

type ArrearsEntry = {
  tenancyId: string;
  reference: string;
  householdId: string;
  householdReference: string;
  daysOverdue: number;
  openCase: { id: string } | null;
  possiblePaymentInQueue: boolean;
};
type Policy = { stages: Record<string, Record<string, unknown>> } & Record<string, unknown>;

let browser: Browser;
let manager: Page;
let educator: Page;
/** The tenancy the journey works on: ETS-B1's, in arrears, its household on the demo educator's team. */
let tenancy: ArrearsEntry;

/**
 * A tenancy of ETS-B1 in arrears with no case yet, whose household has the demo educator on its
 * support plan's team (the longest behind). When it is less than 30 days behind, the Comune's admin
 * saves a policy version (through the API) that allows the later stages from the first day, so the
 * journey can record a plan; the demo would need an educator's household 30 days behind otherwise.
 */
async function tenancyForTheJourney(admin: Page): Promise<ArrearsEntry> {
  const list = await apiJson<{ items: ArrearsEntry[] }>(manager, "GET", "/arrears?case=none");
  const caseload = await apiJson<{ items: { householdId: string }[] }>(educator, "GET", "/caseload");
  const followed = new Set(caseload.items.map((e) => e.householdId));
  const [chosen] = list.items
    .filter((e) => followed.has(e.householdId) && e.daysOverdue > 0 && !e.possiblePaymentInQueue)
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  if (chosen === undefined)
    throw new Error(
      "the journey needs from the demo an ETS-B1 tenancy in arrears whose household has the demo educator on its team",
    );
  if (chosen.daysOverdue < 30) {
    const { policy } = await apiJson<{ policy: Policy }>(admin, "GET", "/arrears/policy");
    const from = (stage: string) => ({ ...policy.stages[stage], fromDaysOverdue: 1 });
    await apiJson(admin, "POST", "/arrears/policy", {
      policy: {
        ...policy,
        stages: {
          ...policy.stages,
          reminder: from("reminder"),
          meeting: from("meeting"),
          repayment_plan: from("repayment_plan"),
          fund_referral: from("fund_referral"),
        },
      },
      reason: "Percorso di prova: piani di rientro dal primo giorno di ritardo",
    });
  }
  return chosen;
}

beforeAll(async () => {
  browser = await launchBrowser();
  manager = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  educator = await signedInPage(browser, baseUrl, AREA_B_EDUCATOR);
  tenancy = await tenancyForTheJourney(await signedInPage(browser, baseUrl));
});
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page) => page.getByRole("navigation", { name: "Menu principale" });

describe("arrears prevention: from the list to a repayment plan", () => {
  test("the manager reads the arrears list, with its buckets, warnings and rates as tables", async () => {
    await manager.goto("/alloggi");
    await manager.getByRole("heading", { level: 1 }).waitFor();
    await follow(manager, nav(manager).getByRole("link", { name: "Morosità" }), "Morosità");
    const table = manager.getByRole("table", { name: /Contratti con importi scaduti o segnali di allerta/ });
    await table.waitFor();
    for (const bucket of ["0–30 giorni", "31–60 giorni", "61–90 giorni", "Oltre 90 giorni"])
      await table.getByRole("columnheader", { name: bucket }).waitFor();
    await table.getByRole("rowheader", { name: new RegExp(tenancy.reference) }).waitFor();
    await manager
      .getByRole("table", { name: "Per ente gestore" })
      .getByRole("rowheader", { name: "ETS-B1" })
      .waitFor();
    await manager
      .getByRole("table", { name: "Per tipologia" })
      .getByRole("rowheader", { name: "Totale" })
      .waitFor();
    await expectAccessible(manager);

    // A filter by the household's reference keeps its tenancy alone.
    await manager
      .getByRole("searchbox", { name: "Contratto, alloggio o nucleo" })
      .fill(tenancy.householdReference);
    await manager.getByRole("button", { name: "Applica i filtri" }).press("Enter");
    await expect.poll(() => new URL(manager.url()).searchParams.get("q")).toBe(tenancy.householdReference);
    await manager.getByText(/^1 contratto, /).waitFor();
    await table.getByRole("rowheader", { name: new RegExp(tenancy.reference) }).waitFor();
  });

  test("opening a case gives the household's educator a task, never a letter", async () => {
    const open = manager.getByRole("button", { name: `Apri la pratica del contratto ${tenancy.reference}` });
    await tabTo(manager, open);
    await manager.keyboard.press("Enter");
    const h1 = manager.getByRole("heading", { level: 1, name: `Pratica di morosità ${tenancy.reference}` });
    await h1.waitFor();
    const opened = manager.getByText(
      /^Pratica aperta\. L'attività di contatto è stata assegnata a Educatrice Demo/,
    );
    await opened.waitFor();
    await expect.poll(() => isFocused(opened)).toBe(true);
    const tasks = manager.getByTestId("case-tasks");
    expect(await tasks.locator("tbody tr").first().textContent()).toContain("Educatrice Demo");
    const steps = manager.getByRole("table", { name: "Passi registrati, dal primo" });
    expect(await steps.getByRole("rowheader").allTextContents()).toEqual(["Segnalazione all'educatore"]);
    // What may come next, and why not, in words.
    const options = manager.getByRole("table", { name: "Fasi possibili ora" });
    await options.getByRole("rowheader", { name: "Azione legale" }).waitFor();
    await expectAccessible(manager);
  });

  test("the educator finds the task among hers, from the menu", async () => {
    await educator.goto("/casi");
    await educator.getByRole("heading", { level: 1, name: "I miei nuclei" }).waitFor();
    await follow(educator, nav(educator).getByRole("link", { name: "Attività" }), "Le mie attività");
    const row = educator.getByTestId("my-tasks").locator("tbody tr", { hasText: tenancy.householdReference });
    await row.waitFor();
    expect(await row.textContent()).toContain("Contattare il nucleo (segnalazione di morosità)");
    await row.getByRole("link", { name: `Pratica ${tenancy.reference}` }).waitFor();
    await expectAccessible(educator);

    // Done, with what came of the call.
    await tabTo(educator, row.getByRole("button", { name: /^Segna come svolta/ }));
    await educator.keyboard.press("Enter");
    const outcome = educator.getByRole("textbox", { name: "Esito" });
    await expect.poll(() => isFocused(outcome)).toBe(true);
    await outcome.fill("Telefonata: reddito ridotto per cassa integrazione, incontro fissato.");
    await educator.getByRole("button", { name: "Segna come svolta", exact: true }).press("Enter");
    const done = educator.getByText(/^Attività svolta: Contattare il nucleo/);
    await done.waitFor();
    await expect.poll(() => isFocused(done)).toBe(true);
    await expectAccessible(educator);
  });

  test("the manager records a repayment plan and reads its instalments", async () => {
    await manager.reload();
    await manager
      .getByRole("heading", { level: 1, name: `Pratica di morosità ${tenancy.reference}` })
      .waitFor();
    const form = manager.getByRole("form", { name: "Nuovo piano di rientro" });
    // A field error is named on its field before anything is sent.
    const count = form.getByRole("textbox", { name: "Numero di rate" });
    await count.fill("0");
    await form.getByRole("button", { name: "Registra il piano" }).press("Enter");
    await expect.poll(() => isFocused(count)).toBe(true);
    expect(await manager.locator("#plan-instalments-error").textContent()).toBe("Almeno una rata");

    await count.fill("6");
    await form.getByText(/^6 rate da /).waitFor();
    await form.getByRole("button", { name: "Registra il piano" }).press("Enter");
    const done = manager.getByText(/^Piano di rientro registrato: 6 rate/);
    await done.waitFor();
    await expect.poll(() => isFocused(done)).toBe(true);
    const instalments = manager.getByTestId("instalments");
    await expect.poll(() => instalments.locator("tbody tr").count()).toBe(6);
    expect(await instalments.locator("tbody tr td:last-child").allTextContents()).toEqual(
      Array(6).fill("Da pagare"),
    );
    const steps = manager.getByRole("table", { name: "Passi registrati, dal primo" });
    await steps.getByRole("rowheader", { name: "Piano di rientro" }).waitFor();
    await expectAccessible(manager);
  });
});

describe("the arrears policy, as data", () => {
  test("the manager reads the policy in force; the Comune saves a new version, stages kept in order", async () => {
    await manager.goto("/morosita");
    await follow(
      manager,
      manager.getByRole("link", { name: "Politica di prevenzione" }),
      "Politica di prevenzione della morosità",
    );
    const stages = manager.getByRole("table", { name: /^Fasi di una pratica/ });
    await stages.locator("tbody th").first().waitFor();
    expect(await stages.locator("tbody th").allTextContents()).toEqual([
      "Segnalazione all'educatore",
      "Sollecito",
      "Incontro",
      "Piano di rientro",
      "Invio a un fondo",
      "Azione legale",
    ]);
    expect(await manager.getByRole("form", { name: "Modifica la politica" }).count()).toBe(0);
    await expectAccessible(manager);

    const admin = await signedInPage(browser, baseUrl);
    try {
      const before = await apiJson<{ version: number; policy: Policy }>(admin, "GET", "/arrears/policy");
      await admin.goto("/morosita/politica");
      const form = admin.getByRole("form", { name: "Modifica la politica" });
      await form.waitFor();
      const reminder = form
        .getByRole("group", { name: "Sollecito" })
        .getByRole("textbox", { name: /^Dai giorni di ritardo/ });
      const signalDays = String(before.policy.stages.signal?.fromDaysOverdue);
      expect(
        await form
          .getByRole("group", { name: "Segnalazione all'educatore" })
          .getByRole("textbox", { name: /^Dai giorni di ritardo/ })
          .inputValue(),
      ).toBe(signalDays);
      const kept = await reminder.inputValue();
      await reminder.fill("0");
      await form.getByRole("button", { name: "Salva la nuova versione" }).press("Enter");
      const summary = form.locator(".error-summary");
      await summary
        .getByRole("link", {
          name: /^Sollecito: Dai giorni di ritardo: Non può essere prima della fase «Segnalazione all'educatore»/,
        })
        .waitFor();
      await summary.getByRole("link", { name: /^Motivo della modifica: .*almeno 3 caratteri/ }).waitFor();
      await expect.poll(() => isFocused(reminder)).toBe(true);
      await expectAccessible(admin);

      await reminder.fill(kept);
      await form
        .getByRole("textbox", { name: /^Motivo della modifica/ })
        .fill("Conferma della politica in vigore (prova)");
      await form.getByRole("button", { name: "Salva la nuova versione" }).press("Enter");
      await admin.getByText(`Versione ${before.version + 1} salvata: è in vigore da ora.`).waitFor();
      await admin
        .getByTestId("policy-version")
        .getByText(/Conferma della politica in vigore \(prova\)/)
        .waitFor();
      const after = await apiJson<{ version: number; policy: Policy }>(admin, "GET", "/arrears/policy");
      expect(after.version).toBe(before.version + 1);
      expect(after.policy).toEqual(before.policy);
      await expectAccessible(admin);
    } finally {
      await admin.context().close();
    }
  });
});
