// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimDetailView } from "../../domain/expenses/expenses-api.schema.ts";
import { XLSX_TYPE } from "../shared/spreadsheet.ts";
import type { TestClient, TestContext } from "../testing/test-context.ts";
import { createTestContext } from "../testing/test-context.ts";
import { expenseAccounts, newDraft, ok, setBudget, submittedClaim } from "./expenses-fixtures.ts";

let ctx: TestContext;
let admin: TestClient;
let b1: TestClient;
let b2: TestClient;
let decided: ClaimDetailView;

beforeAll(async () => {
  ctx = await createTestContext();
  const accounts = await expenseAccounts(ctx);
  ({ admin, b1, b2 } = accounts);
  await setBudget(admin, accounts.partnerId("ETS-B1"), 200_000);
  await setBudget(admin, accounts.partnerId("ETS-B2"), 90_000, { line: "B.3" });
  const sent = await submittedClaim(b1, [123_456, 10_000]);
  const [first, second] = sent.lines as [ClaimDetailView["lines"][number], ClaimDetailView["lines"][number]];
  decided = await ok<ClaimDetailView>(
    await admin.post(`/expenses/claims/${sent.id}/review`, {
      version: sent.version,
      lines: [
        { lineId: first.id, approvedCents: 123_456 },
        { lineId: second.id, approvedCents: 2_500, rejectionReason: "Quota non pertinente" },
      ],
    }),
  );
  await newDraft(b1);
  await submittedClaim(b2, [4_000], { line: "B.3" });
});
afterAll(() => ctx.close());

async function workbookOf(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet | undefined, n: number) =>
  ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1);

describe("the XLSX export", () => {
  it("writes a claim: its heading, cost lines and documents, amounts as euro numbers", async () => {
    const res = await b1.get(`/expenses/claims/${decided.id}/export.xlsx`);
    expect(res.headers.get("content-disposition")).toContain(`rendiconto-${decided.reference}.xlsx`);
    const workbook = await workbookOf(res);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Rendiconto", "Voci di spesa", "Giustificativi"]);
    const heading = workbook.getWorksheet("Rendiconto");
    const facts = new Map(
      Array.from({ length: heading?.rowCount ?? 0 }, (_, i) => rowValues(heading, i + 1)).map(([k, v]) => [
        k,
        v,
      ]),
    );
    expect(facts.get("Riferimento")).toBe(decided.reference);
    expect(facts.get("Stato")).toBe("Approvato parzialmente");
    expect(facts.get("Fonte di finanziamento")).toBe("Fondo perduto");
    expect(facts.get("Importo rendicontato")).toBe(1_334.56);
    expect(facts.get("Importo approvato")).toBe(1_259.56);

    const lines = workbook.getWorksheet("Voci di spesa");
    expect(rowValues(lines, 1)).toEqual([
      "N.",
      "Descrizione",
      "Fornitore",
      "Data della spesa",
      "Importo",
      "Importo approvato",
      "Motivo del taglio",
      "Giustificativi",
    ]);
    const second = lines?.getRow(3);
    expect(second?.getCell(5).value).toBe(100);
    expect(second?.getCell(6).value).toBe(25);
    expect(second?.getCell(5).numFmt).toContain("€");
    expect(second?.getCell(7).value).toBe("Quota non pertinente");
    expect(second?.getCell(4).value).toEqual(new Date("2026-08-10T00:00:00Z"));

    const documents = workbook.getWorksheet("Giustificativi");
    expect(documents?.rowCount).toBe(5);
    expect(rowValues(documents, 2).slice(0, 2)).toEqual([1, "Fattura"]);
    expect(rowValues(documents, 3).slice(0, 2)).toEqual([1, "Quietanza di pagamento"]);
  });

  it("writes the register the caller sees, with the totals against budget", async () => {
    const all = await workbookOf(await admin.get("/expenses/register.xlsx"));
    expect(all.worksheets.map((s) => s.name)).toEqual(["Rendiconti", "Budget"]);
    const claims = all.getWorksheet("Rendiconti");
    expect(claims?.rowCount).toBe(4);
    expect(rowValues(claims, 1).slice(0, 4)).toEqual(["Riferimento", "Ente partner", "Linea", "Fonte"]);
    const states = Array.from({ length: 3 }, (_, i) => claims?.getRow(i + 2).getCell(8).value);
    expect(states.sort()).toEqual(["Approvato parzialmente", "Bozza", "Inviato"]);
    const budget = all.getWorksheet("Budget");
    expect(rowValues(budget, 1)).toEqual([
      "Ente partner",
      "Linea",
      "Fonte",
      "Budget",
      "Rendicontato",
      "In istruttoria",
      "Approvato",
      "Pagato",
      "Residuo",
    ]);
    expect(rowValues(budget, 2).slice(1)).toEqual([
      "B.2",
      "Fondo perduto",
      2_000,
      1_334.56,
      0,
      1_259.56,
      0,
      740.44,
    ]);

    const own = await workbookOf(await b2.get("/expenses/register.xlsx"));
    expect(own.getWorksheet("Rendiconti")?.rowCount).toBe(2);
    expect(own.getWorksheet("Budget")?.rowCount).toBe(2);
  });
});
