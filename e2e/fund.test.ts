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
} from "./support/browser.ts";

const baseUrl = serverUrl();

let browser: Browser;
/** The Comune's administrator: records and proposes, and approves or rejects with a decision. */
let admin: Page;
/** The ETS-B1 Area B manager: records a contribution and proposes an expense, but does not decide. */
let manager: Page;

type Bodies = {
  asOf: string;
  bodies: { id: string; name: string; level: string; municipio: number | null }[];
  organisations: { code: string; name: string }[];
};
type Ledger = {
  bodyId: string;
  balanceCents: number;
  proposedCents: number;
  entries: { id: string; counterpart: string; status: string; decisionNumber: number | null }[];
};

const AREA_B_MANAGER = "area.b.manager@demo.casacomune.example";
const NETWORK = "Rete territoriale Municipio 3";
const TITLE = "Reti territoriali e fondo di comunità";
// Names of this run's own records: the server and its demo data are shared with the other journeys.
const RUN = String(Date.now() % 1_000_000);
const DONOR = `Parrocchia di San Luca ${RUN} (demo)`;
const AFTER_SCHOOL = `Doposcuola del quartiere ${RUN} (demo)`;
const TRIP = `Gita al parco ${RUN} (demo)`;
const DECISION = `Approvazione delle spese del doposcuola ${RUN}`;

/** Cents as the Italian or English interface writes euros (`1.500,00 €`, `€1,500.00`). */
const euro = (cents: number, locale = "it-IT") =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);

let network = { id: "", name: "" };
let decision = { id: "", number: 0 };
/** The fund's balance when this journey starts, and the ETS-B1 partner's name. */
let startCents = 0;
let partnerName = "";

const main = (p: Page) => p.getByRole("main");
const nav = (p: Page) => p.getByRole("navigation", { name: "Menu principale" });
const fundOf = (p: Page) => apiJson<Ledger>(p, "GET", `/networks/${network.id}/fund`);

/** The fund's available balance as the network's page shows it. */
const shownBalance = (p: Page) => p.locator("dl.fund-totals dd.is-balance").textContent({ timeout: 5_000 });

const ledgerTable = (p: Page) =>
  p.getByRole("table", { name: `Movimenti del fondo di comunità di ${NETWORK}, dal più vecchio` });
const ledgerRow = (p: Page, counterpart: string) =>
  ledgerTable(p)
    .getByRole("row")
    .filter({ has: p.getByRole("rowheader", { name: counterpart, exact: true }) });

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInPage(browser, baseUrl);
  manager = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  const bodies = await apiJson<Bodies>(admin, "GET", "/governance/bodies");
  const found = bodies.bodies.find(
    (b) => b.name === NETWORK && b.level === "management" && b.municipio === 3,
  );
  if (!found) throw new Error(`the demo has no ${NETWORK}`);
  network = found;
  partnerName = bodies.organisations.find((o) => o.code === "ETS-B1")?.name ?? "";
  // The network's coordination meets today and takes the decision that approves the expense.
  const meeting = await apiJson<{ id: string; version: number }>(
    admin,
    "POST",
    `/governance/bodies/${network.id}/meetings`,
    { date: bodies.asOf, agenda: ["Fondo di comunità"] },
  );
  await apiJson(admin, "PUT", `/governance/meetings/${meeting.id}/minutes`, {
    attendeeIds: [],
    minutes: "Il coordinamento della rete esamina le spese proposte al fondo di comunità.",
    version: meeting.version,
  });
  decision = await apiJson<{ id: string; number: number }>(
    admin,
    "POST",
    `/governance/bodies/${network.id}/decisions`,
    { meetingId: meeting.id, text: DECISION, mode: "consensus" },
  );
  startCents = (await fundOf(admin)).balanceCents;
});
afterAll(async () => {
  await browser?.close();
});

describe("the Municipio networks' community fund", () => {
  test("a partner opens the networks from the menu: the Municipio 3 network with its balance", async () => {
    await manager.goto("/");
    await manager.getByRole("heading", { level: 1 }).first().waitFor();
    const labels = await nav(manager).getByRole("link").allTextContents();
    expect(labels).toContain("Reti e fondo di comunità");
    await follow(manager, nav(manager).getByRole("link", { name: "Reti e fondo di comunità" }), TITLE);
    expect(
      await nav(manager).getByRole("link", { name: "Reti e fondo di comunità" }).getAttribute("aria-current"),
    ).toBe("page");
    const table = main(manager).getByRole("table", {
      name: "Reti territoriali dei Municipi, con i totali e il saldo del fondo di comunità",
    });
    const row = table.getByRole("row").filter({ has: manager.getByRole("rowheader", { name: NETWORK }) });
    await row.getByRole("cell", { name: "Municipio 3", exact: true }).waitFor();
    await expect.poll(() => row.locator("td").last().textContent()).toBe(euro(startCents));
    // Only the networks: the area coordinations and the Cabina have no fund.
    expect(await table.getByRole("rowheader", { name: "Coordinamento Area B" }).count()).toBe(0);
    expect(await table.getByRole("rowheader", { name: "Cabina di Regia Integrata" }).count()).toBe(0);
    await expectAccessible(manager);

    await follow(manager, row.getByRole("link", { name: NETWORK }), NETWORK);
    await main(manager).getByText("Rete territoriale del Municipio 3:", { exact: false }).waitFor();
    await expect.poll(() => shownBalance(manager)).toBe(euro(startCents));
    // A partner records and proposes, but does not decide.
    await main(manager).getByRole("heading", { level: 2, name: "Contributi e spese" }).waitFor();
    expect(await main(manager).getByRole("heading", { level: 2, name: "Spese da decidere" }).count()).toBe(0);
    await expectAccessible(manager);
  });

  test("records a contribution, refused first beside its fields, and proposes an expense", async () => {
    const form = manager.getByRole("form", { name: "Registra un contributo" });
    await press(manager, form.getByRole("button", { name: "Registra il contributo" }));
    const amountError = form.locator("#contribution-new-amount-error");
    await amountError.waitFor();
    expect(await amountError.textContent()).toBe("Indica un importo in euro, con al massimo due decimali");
    expect(await form.locator("#contribution-new-counterpart-error").textContent()).toBe(
      "Almeno 2 caratteri",
    );
    await expect.poll(() => isFocused(form.getByLabel("Importo"))).toBe(true);
    expect(await form.getByLabel("Importo").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(manager);

    await form.getByLabel("Importo").fill("1500,00");
    await form.getByLabel("Chi lo versa").fill(DONOR);
    await form.getByLabel("Descrizione").fill("Colletta di Natale per il fondo di comunità");
    await press(manager, form.getByRole("button", { name: "Registra il contributo" }));
    const afterContribution = startCents + 150_000;
    await said(
      manager,
      `Contributo di ${euro(150_000)} da ${DONOR} registrato: il saldo del fondo è ora ${euro(afterContribution)}.`,
    );
    await expect.poll(() => shownBalance(manager)).toBe(euro(afterContribution));
    const contribution = ledgerRow(manager, DONOR);
    await contribution.getByRole("cell", { name: "Contributo", exact: true }).waitFor();
    await contribution.getByRole("cell", { name: euro(150_000), exact: true }).waitFor();
    await contribution.getByRole("cell", { name: partnerName, exact: true }).waitFor();
    await contribution.getByText("Registrato", { exact: true }).waitFor();

    const expense = manager.getByRole("form", { name: "Proponi una spesa" });
    await expense.getByLabel("Importo").fill("1200,50");
    await expense.getByLabel("Chi riceve il pagamento").fill(AFTER_SCHOOL);
    await expense.getByLabel("Descrizione").fill("Materiali e merenda per il doposcuola");
    await press(manager, expense.getByRole("button", { name: "Proponi la spesa" }));
    await said(
      manager,
      `Spesa di ${euro(120_050)} per ${AFTER_SCHOOL} proposta: il coordinamento della rete la approverà o la respingerà.`,
    );
    await ledgerRow(manager, AFTER_SCHOOL).getByText("Proposta, da decidere", { exact: true }).waitFor();
    // A proposed expense does not touch the balance.
    expect(await shownBalance(manager)).toBe(euro(afterContribution));
    const fund = await fundOf(manager);
    expect(fund.balanceCents).toBe(afterContribution);
    expect(fund.entries.find((e) => e.counterpart === AFTER_SCHOOL)?.status).toBe("proposed");
    await expectAccessible(manager);
  });

  test("the administrator approves the expense with the coordination's decision: the balance goes down", async () => {
    await admin.goto(`/reti/${network.id}`);
    await admin.getByRole("heading", { level: 1, name: NETWORK }).waitFor();
    const before = startCents + 150_000;
    await expect.poll(() => shownBalance(admin)).toBe(euro(before));
    await admin.getByRole("heading", { level: 2, name: "Spese da decidere" }).waitFor();
    await admin.getByRole("heading", { level: 3, name: `${AFTER_SCHOOL}: ${euro(120_050)}` }).waitFor();
    await expectAccessible(admin);

    const form = admin.getByRole("form", { name: `Esito della spesa per ${AFTER_SCHOOL}` });
    const entryId = (await fundOf(admin)).entries.find((e) => e.counterpart === AFTER_SCHOOL)?.id ?? "";
    // Approving without a decision: said beside the decision, before anything is sent.
    await form.getByLabel("Esito").selectOption("approved");
    await press(admin, form.getByRole("button", { name: "Registra l'esito" }));
    const decisionError = form.locator(`#spesa-${entryId}-decisionId-error`);
    await decisionError.waitFor();
    expect(await decisionError.textContent()).toBe(
      "Per approvare la spesa scegli una decisione del coordinamento",
    );
    await expect.poll(() => isFocused(form.getByLabel("Decisione del coordinamento"))).toBe(true);
    await expectAccessible(admin);

    const choice = form.getByLabel("Decisione del coordinamento");
    expect(await choice.locator(`option[value="${decision.id}"]`).textContent()).toMatch(
      new RegExp(`^n\\. ${decision.number} del .+: ${DECISION}$`),
    );
    await choice.selectOption(decision.id);
    await press(admin, form.getByRole("button", { name: "Registra l'esito" }));
    const after = before - 120_050;
    await said(
      admin,
      `Spesa di ${euro(120_050)} per ${AFTER_SCHOOL} approvata con la decisione n. ${decision.number}: il saldo del fondo è ora ${euro(after)}.`,
    );
    await expect.poll(() => shownBalance(admin)).toBe(euro(after));
    const row = ledgerRow(admin, AFTER_SCHOOL);
    await row.getByText("Approvata", { exact: true }).waitFor();
    const link = row.getByRole("link", { name: `Decisione n. ${decision.number} (pagina di ${NETWORK})` });
    expect(await link.getAttribute("href")).toBe(`/governance/organi/${network.id}`);
    // Decided: no longer among the expenses to decide.
    expect(await admin.getByRole("form", { name: `Esito della spesa per ${AFTER_SCHOOL}` }).count()).toBe(0);
    expect((await fundOf(admin)).balanceCents).toBe(after);
    await expectAccessible(admin);
  });

  test("an expense beyond the balance is refused beside its outcome, then rejected", async () => {
    const balance = startCents + 150_000 - 120_050;
    const tooMuch = balance + 10_000;
    const expense = admin.getByRole("form", { name: "Proponi una spesa" });
    await expense.getByLabel("Importo").fill((tooMuch / 100).toFixed(2).replace(".", ","));
    await expense.getByLabel("Chi riceve il pagamento").fill(TRIP);
    await expense.getByLabel("Descrizione").fill("Pullman per la gita di fine anno");
    await press(admin, expense.getByRole("button", { name: "Proponi la spesa" }));
    await said(admin, `Spesa di ${euro(tooMuch)} per ${TRIP} proposta`);
    const entryId = (await fundOf(admin)).entries.find((e) => e.counterpart === TRIP)?.id ?? "";

    const form = admin.getByRole("form", { name: `Esito della spesa per ${TRIP}` });
    const outcome = form.getByLabel("Esito");
    await outcome.selectOption("approved");
    await form.getByLabel("Decisione del coordinamento").selectOption(decision.id);
    await press(admin, form.getByRole("button", { name: "Registra l'esito" }));
    const error = form.locator(`#spesa-${entryId}-outcome-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe(
      `Il fondo ha un saldo di ${euro(balance)}: non basta per una spesa di ${euro(tooMuch)}`,
    );
    await expect.poll(() => isFocused(outcome)).toBe(true);
    expect(await outcome.getAttribute("aria-invalid")).toBe("true");
    await form.getByText(`Esito: Il fondo ha un saldo di ${euro(balance)}`).waitFor();
    expect(await shownBalance(admin)).toBe(euro(balance));
    await expectAccessible(admin);

    await outcome.selectOption("rejected");
    await press(admin, form.getByRole("button", { name: "Registra l'esito" }));
    await said(admin, `Spesa di ${euro(tooMuch)} per ${TRIP} respinta.`);
    await ledgerRow(admin, TRIP).getByText("Respinta", { exact: true }).waitFor();
    // Decided: its card leaves the expenses awaiting a decision.
    await expect.poll(() => form.count()).toBe(0);
    const fund = await fundOf(admin);
    expect(fund.balanceCents).toBe(balance);
    expect(fund.entries.find((e) => e.id === entryId)?.status).toBe("rejected");
    await expectAccessible(admin);
  });

  test("back on the list, the network's new balance; both pages in English", async () => {
    const balance = startCents + 150_000 - 120_050;
    await follow(
      admin,
      admin.getByRole("navigation", { name: "Percorso" }).getByRole("link", { name: TITLE }),
      TITLE,
    );
    const row = main(admin)
      .getByRole("row")
      .filter({ has: admin.getByRole("rowheader", { name: NETWORK }) });
    await expect.poll(() => row.locator("td").last().textContent()).toBe(euro(balance));

    await admin.getByRole("button", { name: "English" }).click();
    await admin.getByRole("heading", { level: 1, name: "Municipio networks and community fund" }).waitFor();
    const table = main(admin).getByRole("table", {
      name: "Municipio networks, with the totals and the balance of their community fund",
    });
    await table.getByRole("columnheader", { name: "Available balance" }).waitFor();
    await expect
      .poll(() =>
        table
          .getByRole("row")
          .filter({ has: admin.getByRole("rowheader", { name: NETWORK }) })
          .locator("td")
          .last()
          .textContent(),
      )
      .toBe(euro(balance, "en-GB"));
    expect(
      await admin
        .getByRole("navigation", { name: "Main menu" })
        .getByRole("link", { name: "Networks and community fund" })
        .getAttribute("aria-current"),
    ).toBe("page");
    await expectAccessible(admin);

    await follow(admin, table.getByRole("link", { name: NETWORK }), NETWORK);
    for (const heading of [
      "Fund balance",
      "Fund entries",
      "Expenses to decide",
      "Contributions and expenses",
    ])
      await main(admin).getByRole("heading", { level: 2, name: heading }).waitFor();
    const ledger = admin.getByRole("table", {
      name: `Entries of the community fund of ${NETWORK}, oldest first`,
    });
    const approved = ledger
      .getByRole("row")
      .filter({ has: admin.getByRole("rowheader", { name: AFTER_SCHOOL, exact: true }) });
    await approved.getByText("Approved", { exact: true }).waitFor();
    await approved
      .getByRole("link", { name: `Decision no. ${decision.number} (page of ${NETWORK})` })
      .waitFor();
    await approved.getByRole("cell", { name: "Expense", exact: true }).waitFor();
    // The demo's own proposal still awaits its decision, in English.
    await main(admin).getByRole("button", { name: "Record the outcome" }).first().waitFor();
    await admin.getByRole("form", { name: "Record a contribution" }).getByLabel("Paid by").waitFor();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Italiano" }).click();
    await admin.getByRole("heading", { level: 2, name: "Saldo del fondo" }).waitFor();
  });
});
