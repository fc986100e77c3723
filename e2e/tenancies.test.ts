// SPDX-License-Identifier: EUPL-1.2
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiJson,
  dayFromToday,
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

type TenancySummary = { id: string; reference: string; status: string };
type Ledger = { balanceCents: number; ageing: { overdueCents: number }; warnings: unknown[] };

let browser: Browser;
let page: Page;
/** Two of ETS-B1's tenancies in force with nothing overdue: the statement pays the first, the queue the second. */
let paidByReference: TenancySummary;
let assignedByHand: TenancySummary;

/** The month after today's, as YYYY-MM: charges may be run up to it, and the demo has none for it yet. */
function nextMonth(): string {
  const [year, month] = dayFromToday(0).split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

/** Active tenancies of the manager's partner that owe nothing overdue (so the arrears journeys are left alone). */
async function tenanciesInGoodStanding(): Promise<TenancySummary[]> {
  const list = await apiJson<{ items: TenancySummary[] }>(page, "GET", "/tenancies?status=active&limit=40");
  const good: TenancySummary[] = [];
  for (const t of list.items) {
    const ledger = await apiJson<Ledger>(page, "GET", `/tenancies/${t.id}/ledger`);
    if (ledger.ageing.overdueCents === 0 && ledger.warnings.length === 0) good.push(t);
    if (good.length === 2) break;
  }
  if (good.length < 2)
    throw new Error("the journey needs two ETS-B1 tenancies in force with nothing overdue");
  return good;
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, baseUrl, AREA_B_MANAGER);
  [paidByReference, assignedByHand] = (await tenanciesInGoodStanding()) as [TenancySummary, TenancySummary];
});
afterAll(async () => {
  await browser?.close();
});

const nav = () => page.getByRole("navigation", { name: "Menu principale" });

/** A statement as an Italian bank exports it: semicolons, dd/mm/yyyy, decimal commas in quotes. */
function statementCsv(lines: string[][]): Buffer {
  const header = ["Data contabile", "Data valuta", "Dare", "Avere", "Ordinante", "Descrizione operazione"];
  const text = [header, ...lines].map((cells) => cells.map((c) => `"${c}"`).join(";")).join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}

const today = () => {
  const [y, m, d] = dayFromToday(0).split("-");
  return `${d}/${m}/${y}`;
};

async function importStatement(name: string, lines: string[][]) {
  await page.locator("#statement-file").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: statementCsv(lines),
  });
  await page.getByRole("button", { name: "Importa l'estratto conto" }).click();
}

describe("the rent roll of an Area B property manager", () => {
  test("the month's charges are run from the menu; running them again adds nothing", async () => {
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await follow(page, nav().getByRole("link", { name: "Canoni", exact: true }), "Canoni");
    await expectAccessible(page);

    const month = nextMonth();
    await page.locator("#charge-run-period").fill(month);
    await page.getByRole("button", { name: "Addebita il mese" }).click();
    const result = page.getByTestId("charge-run-result");
    await result.getByText(/nuovi? addebit/).waitFor();
    const first = (await result.locator("p").last().textContent()) ?? "";
    const created = Number(/(\d+) nuovi? addebit/.exec(first)?.[1]);
    expect(created).toBeGreaterThan(0);
    expect(first).toContain(`totale del mese: ${created}`);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Addebita il mese" }).click();
    await result.getByText("Nessun nuovo addebito").waitFor();
    expect(await result.locator("p").last().textContent()).toBe(
      `Nessun nuovo addebito: i ${created} addebiti del mese c'erano già.`,
    );
    // Both runs are listed, newest first, with what each added.
    const runs = page.getByRole("table", { name: "Addebiti mensili eseguiti, dal più recente" });
    await expect
      .poll(async () => (await runs.locator("tbody tr").first().locator("td").allTextContents()).slice(2))
      .toEqual(["0", String(created)]);
    // The pagoPA export of the month is a plain download link.
    await page.locator("#pagopa-period").fill(month);
    const download = page.getByRole("link", { name: /Scarica le posizioni di/ });
    expect(await download.getAttribute("href")).toBe(`/api/v1/ledger/pagopa?period=${month}`);
    // Closing a month is the Comune's: not offered to a partner.
    expect(await page.getByRole("button", { name: "Chiudi il mese" }).count()).toBe(0);
    await expectAccessible(page);
  });

  test("a statement with bad lines is refused whole, every problem listed by line", async () => {
    await follow(page, page.getByRole("link", { name: "Estratti conto bancari" }), "Estratti conto bancari");
    await expectAccessible(page);
    await importStatement("estratto-con-errori.csv", [
      [today(), today(), "", "50,00", "Pagatore Fittizio", `Canone ${paidByReference.reference}`],
      ["31/02/2026", "31/02/2026", "", "dieci", "Altro Pagatore", "Affitto"],
    ]);
    await page.getByText("Importazione non eseguita: nessun movimento è stato registrato").waitFor();
    const table = page.getByRole("table", { name: "Errori trovati nel file, riga per riga" });
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    // The header is line 1: the bad line is line 3, its date and its amount both named.
    expect(rows).toEqual([
      ["3", "Data contabile", "La data «31/02/2026» non esiste"],
      ["3", "Avere", "L'importo «dieci» non è un numero"],
    ]);
    await expectAccessible(page);
  });

  test("a clean statement: the line quoting a reference is matched, the other queued and assigned by hand", async () => {
    const marker = `E2E ${Date.now()}`;
    await importStatement("estratto-conto.csv", [
      [today(), today(), "", "12,34", "Pagatore Fittizio", `Canone ${paidByReference.reference}`],
      [today(), today(), "", "77,77", "Nessuno Conosciuto", `Bonifico senza riferimento ${marker}`],
      [today(), today(), "3,50", "", "", "Commissioni"],
    ]);
    const result = page.getByTestId("statement-result");
    await result.waitFor();
    expect((await result.locator("p").textContent())?.replace(/\s/g, " ")).toBe(
      "Movimenti: 2 (CSV). Abbinati ai contratti: 1 (12,34 €). Da abbinare: 1. Addebiti ignorati: 1.",
    );
    await expect.poll(() => isFocused(result)).toBe(true);
    await expectAccessible(page);

    // The same file again is refused beside the file field.
    await importStatement("estratto-conto.csv", [
      [today(), today(), "", "12,34", "Pagatore Fittizio", `Canone ${paidByReference.reference}`],
      [today(), today(), "", "77,77", "Nessuno Conosciuto", `Bonifico senza riferimento ${marker}`],
      [today(), today(), "3,50", "", "", "Commissioni"],
    ]);
    const fileError = page.locator("#statement-file-error");
    await fileError.waitFor();
    expect(await fileError.textContent()).toBe("Questo estratto conto è già stato importato");
    expect(await page.locator("#statement-file").getAttribute("aria-invalid")).toBe("true");

    // The unmatched line waits in the queue, with why.
    const queue = page.getByRole("table", { name: "Movimenti bancari che nessun contratto riconosce" });
    const row = queue.locator("tbody tr", { hasText: marker });
    await row.waitFor();
    expect(await row.textContent()).toContain(
      "l'ordinante «Nessuno Conosciuto» non firma alcun contratto aperto",
    );
    await tabTo(page, row.getByRole("button", { name: /Abbina o scarta il movimento/ }));
    await page.keyboard.press("Enter");
    const panelTitle = page.getByRole("heading", { name: /^Movimento del .* di 77,77/ });
    await panelTitle.waitFor();
    await expect.poll(() => isFocused(panelTitle)).toBe(true);

    // A reference nobody has is refused beside the field.
    const field = page.getByRole("combobox", { name: "Contratto (riferimento)" });
    await field.fill("LOC-1999-99999");
    await page.getByRole("button", { name: "Abbina al contratto" }).click();
    const fieldError = page.locator("#assign-tenancy-error");
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe("Nessun contratto «LOC-1999-99999»");
    await expect.poll(() => isFocused(field)).toBe(true);
    await expectAccessible(page);

    // Searching by reference suggests the tenancy; assigning books the payment and empties the line.
    await field.fill(assignedByHand.reference);
    await page.getByTestId("assign-suggestions").getByText(assignedByHand.reference).waitFor();
    await page.getByRole("button", { name: "Abbina al contratto" }).click();
    const notice = page.getByTestId("queue-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      `Movimento registrato come pagamento del contratto ${assignedByHand.reference}.`,
    );
    await expect.poll(() => queue.locator("tbody tr", { hasText: marker }).count()).toBe(0);
    await expectAccessible(page);

    // The tenancy's rent account shows the payment, with the running balance.
    await follow(
      page,
      notice.getByRole("link", { name: "Vai all'estratto conto del contratto" }),
      `Contratto ${assignedByHand.reference}`,
    );
    expect(await page.getByRole("tab", { name: "Estratto conto" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    const entries = page.getByRole("table", { name: "Movimenti del conto, con il saldo progressivo" });
    const payment = entries.locator("tbody tr", { hasText: marker });
    await payment.waitFor();
    expect(await payment.locator("th").textContent()).toBe(
      `Pagamento: Bonifico Bonifico senza riferimento ${marker}`,
    );
    expect((await payment.locator("td").nth(3).textContent())?.replace(/\s/g, " ")).toBe("77,77 €");
    await expectAccessible(page);
  });

  test("the tenancy matched by reference shows its payment; a payment by hand is booked once", async () => {
    await follow(page, nav().getByRole("link", { name: "Contratti", exact: true }), "Contratti");
    await expectAccessible(page);
    await page.getByRole("searchbox", { name: "Cerca" }).fill(paidByReference.reference);
    await page.getByRole("button", { name: "Applica i filtri" }).click();
    await page.getByTestId("tenancy-count").getByText("1 contratto").waitFor();
    await follow(
      page,
      page.getByRole("link", { name: paidByReference.reference }),
      `Contratto ${paidByReference.reference}`,
    );
    await expectAccessible(page);

    await page.getByRole("tab", { name: "Estratto conto" }).click();
    const entries = page.getByRole("table", { name: "Movimenti del conto, con il saldo progressivo" });
    await entries.locator("tbody tr", { hasText: `Canone ${paidByReference.reference}` }).waitFor();
    // Open charges carry their 18-digit pagoPA notice numbers.
    const notices = await page.getByTestId("open-charges").locator(".notice-number").allTextContents();
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n).toMatch(/^\d{18}$/);
    await expectAccessible(page);

    const before = await entries.locator("tbody tr").count();
    // The first answer is lost on the way back, after the server booked the payment.
    let lost = false;
    await page.route("**/api/v1/payments", async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByLabel("Importo (€)").fill("5");
    await page.getByLabel("Riferimento o causale").fill("Ricevuta E2E 1");
    await page.getByRole("button", { name: "Registra il pagamento" }).click();
    await page.locator("#payment-errors").getByText("Il server non risponde").waitFor();
    // Sending the same figures again is a retry of the same submission: the payment is not booked twice.
    await page.getByRole("button", { name: "Registra il pagamento" }).click();
    await page
      .getByText(/Il pagamento di 5,00\s€ del .* era già stato registrato: nessun doppione\./)
      .waitFor();
    await page.unroute("**/api/v1/payments");
    await expect.poll(() => entries.locator("tbody tr").count()).toBe(before + 1);
    const receipts = await entries.locator("tbody tr", { hasText: "Ricevuta E2E 1" }).count();
    expect(receipts).toBe(1);
    // The form is empty again: a slip of the amount is refused beside its field before sending.
    await page.getByLabel("Importo (€)").fill("5,001");
    await page.getByRole("button", { name: "Registra il pagamento" }).click();
    const amountError = page.locator("#payment-amountEuro-error");
    await amountError.waitFor();
    expect(await amountError.textContent()).toBe("Scrivi un importo in euro, con al massimo due decimali");
    await expectAccessible(page);

    for (const tab of ["Contratto", "Ricertificazione", "Documenti", "Consegna alloggio"]) {
      await page.getByRole("tab", { name: tab }).click();
      await page.getByRole("tabpanel").waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
    }
  });
});
