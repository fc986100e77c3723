// SPDX-License-Identifier: EUPL-1.2
import "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE } from "../../domain/monitoring/catalogue.ts";
import { rowsOf } from "../security/catalogue.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";
import { insertIndicatorFixture } from "./monitoring-fixtures.ts";
import { REPORT_GROUPS } from "./report-data.ts";

let ctx: TestContext;
let admin: TestClient;
let orgs: Record<string, string>;

type Indicator = {
  code: string;
  value: number | null;
  numerator: number;
  denominator: number;
  standing: string;
  target: { value: number; dueOn: string } | null;
};
type Dashboard = {
  source: string;
  period: { revision: number; valuesSha256: string | null };
  indicators: Indicator[];
};

const STANDING = { met: "raggiunto", not_met: "non raggiunto", no_target: "nessun obiettivo" } as const;

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The sheet "Indicatori" as objects keyed by its Italian headers, one per indicator. */
function indicatorRows(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet("Indicatori");
  if (!sheet) throw new Error("no sheet Indicatori");
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

/** The cover page's text operators, decoded: the standard fonts write text as hex strings. */
async function coverHasText(pdf: PDFDocument, text: string) {
  const contents = pdf.getPages()[0]?.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  const hex = Buffer.from(text, "latin1").toString("hex").toUpperCase();
  return streams.some((ref) => {
    const stream = ref instanceof PDFRawStream ? ref : pdf.context.lookup(ref as never);
    if (!(stream instanceof PDFRawStream)) return false;
    const decoded = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1").toUpperCase();
    return decoded.includes(`<${hex}>`);
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  await insertIndicatorFixture(ctx.db);
  admin = await ctx.loginAs("comune_admin");
  const rows = await rowsOf<{ code: string; id: string }>(ctx.db, sql`select code, id from organisations`);
  orgs = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(() => ctx.close());

describe("the report groups", () => {
  it("hold every indicator of the catalogue exactly once", () => {
    const codes = REPORT_GROUPS.flatMap((g) => g.codes);
    expect([...codes].sort()).toEqual(CATALOGUE.map((d) => d.code).sort());
  });
});

describe("the XLSX report", () => {
  it("holds, as numbers, exactly the dashboard's figures, targets and standings", async () => {
    const board = (await (await admin.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    const response = await admin.get("/monitoring/reports/2026-Q2.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="monitoraggio-2026-Q2.xlsx"',
    );
    const workbook = await workbookOf(response);
    const rows = indicatorRows(workbook);
    expect(rows.map((r) => r.Codice)).toEqual(board.indicators.map((i) => i.code));
    for (const i of board.indicators) {
      const row = rows.find((r) => r.Codice === i.code) as Record<string, unknown>;
      expect(
        [row.Valore, row.Numeratore, row.Denominatore, row.Obiettivo, row["Scadenza dell'obiettivo"]],
        i.code,
      ).toEqual([
        i.value,
        i.numerator,
        i.denominator,
        i.target?.value ?? null,
        i.target ? new Date(`${i.target.dueOn}T00:00:00Z`) : null,
      ]);
      if (i.standing !== "not_computable")
        expect(row.Esito, i.code).toBe(STANDING[i.standing as keyof typeof STANDING]);
    }
    // The hand-built programme's figures, worked out in indicators.test.ts.
    const valueIn = (code: string) => rows.find((r) => r.Codice === code)?.Valore;
    expect([valueIn("people_reached"), valueIn("occupancy_rate"), valueIn("collection_rate")]).toEqual([
      4, 72.16, 50,
    ]);
    const returns = rows.find((r) => r.Codice === "returns_12m");
    expect([returns?.Valore, returns?.Esito, returns?.["Non calcolabile perché"]]).toEqual([
      null,
      "non calcolabile",
      "denominatore zero",
    ]);
    const cover = workbook.getWorksheet("Copertina");
    expect(cover?.getCell("A2").value).toBe("Rapporto di monitoraggio");
    expect(cover?.getColumn(2).values).toContain("Intero programma");
  });

  it("gives each disaggregated indicator its sheet, with the indicator page's cells", async () => {
    const workbook = await workbookOf(await admin.get("/monitoring/reports/2026-Q2.xlsx"));
    const disaggregated = CATALOGUE.filter((d) => d.dimensions.length > 0).map((d) => d.code);
    for (const code of disaggregated) expect(workbook.getWorksheet(code), code).toBeDefined();
    expect(workbook.getWorksheet("co_financing_a_met")).toBeUndefined();
    const detail = await (
      await admin.get("/monitoring/indicators/people_reached?period=2026-Q2&dimensions=sex,age_band")
    ).json();
    const sheet = workbook.getWorksheet("people_reached") as ExcelJS.Worksheet;
    const cells: [string, string, unknown][] = [];
    sheet.eachRow((row, n) => {
      if (n > 3)
        cells.push([String(row.getCell(1).value), String(row.getCell(2).value), row.getCell(4).value]);
    });
    const sexes = cells.filter(([d]) => d === "Sesso").map(([, key, value]) => [key, value]);
    expect(sexes).toEqual(detail.breakdowns.sex.map((c: { key: string; value: number }) => [c.key, c.value]));
    expect(sexes).toEqual([
      ["F", 1],
      ["M", 2],
      ["X", 1],
    ]);
    const ages = cells.filter(([d]) => d === "Fascia d'età").map(([, key, value]) => [key, value]);
    expect(ages).toEqual(
      detail.breakdowns.age_band.map((c: { key: string; value: number }) => [c.key, c.value]),
    );
    expect(cells[0]).toEqual(["Totale", "", 4]);
  });
});

describe("the PDF report", () => {
  it("parses, has a cover, the summary, the charts and the disaggregations, and names its period", async () => {
    const response = await admin.get("/monitoring/reports/2026-Q2.pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="monitoraggio-2026-Q2.pdf"',
    );
    const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
    expect(pdf.getTitle()).toBe("Rapporto di monitoraggio 2026-Q2 – Intero programma");
    expect(pdf.getSubject()).toMatch(/2° trimestre 2026: dati in tempo reale$/);
    expect(await coverHasText(pdf, "Rapporto di monitoraggio")).toBe(true);
    expect(await coverHasText(pdf, "2° trimestre 2026")).toBe(true);
    expect(await coverHasText(pdf, "Ambito: Intero programma")).toBe(true);
    expect(await coverHasText(pdf, "3° trimestre 2026")).toBe(false);
  });

  it("names a closed period's data version, and keeps its frozen figures", async () => {
    expect((await admin.post("/monitoring/periods/2026-Q2/close")).status).toBe(200);
    const board = (await (await admin.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    expect(board.source).toBe("snapshot");
    const sha = board.period.valuesSha256 as string;
    const pdf = await PDFDocument.load(
      new Uint8Array(await (await admin.get("/monitoring/reports/2026-Q2.pdf")).arrayBuffer()),
    );
    expect(pdf.getSubject()).toContain(`dati congelati, revisione 1, SHA-256 ${sha}`);
    expect(await coverHasText(pdf, sha)).toBe(true);
    const workbook = await workbookOf(await admin.get("/monitoring/reports/2026-Q2.xlsx"));
    expect(workbook.getWorksheet("Copertina")?.getColumn(2).values).toContain(sha);
    const rows = indicatorRows(workbook);
    expect(rows.map((r) => [r.Codice, r.Valore])).toEqual(board.indicators.map((i) => [i.code, i.value]));
  });
});

describe("whose report", () => {
  it("gives a partner its own figures, named in the file", async () => {
    const b1 = await ctx.loginAs("area_b_manager", "ETS-B1");
    const own = (await (await b1.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    const response = await b1.get("/monitoring/reports/2026-Q2.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="monitoraggio-2026-Q2-ETS-B1.xlsx"',
    );
    const rows = indicatorRows(await workbookOf(response));
    expect(rows.map((r) => [r.Codice, r.Valore])).toEqual(own.indicators.map((i) => [i.code, i.value]));
    expect((await b1.get(`/monitoring/reports/2026-Q2.pdf?partner=${orgs["ETS-B1"]}`)).status).toBe(200);
  });

  it("refuses a partner another partner's report", async () => {
    const b2 = await ctx.loginAs("area_b_manager", "ETS-B2");
    for (const file of ["2026-Q2.pdf", "2026-Q2.xlsx"]) {
      const response = await b2.get(`/monitoring/reports/${file}?partner=${orgs["ETS-B1"]}`);
      expect(response.status).toBe(403);
    }
  });

  it("gives a reader of the whole programme one partner's report, as that partner sees it", async () => {
    const b1 = await ctx.loginAs("area_b_manager", "ETS-B1");
    const partnerBoard = (await (await b1.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    const programme = (await (await admin.get("/monitoring/dashboard?period=2026-Q2")).json()) as Dashboard;
    const response = await admin.get(`/monitoring/reports/2026-Q2.xlsx?partner=${orgs["ETS-B1"]}`);
    expect(response.status).toBe(200);
    const workbook = await workbookOf(response);
    expect(workbook.getWorksheet("Copertina")?.getColumn(2).values).toContain(
      "Ente partner: Cooperativa Fittizia Casa Aperta (demo)",
    );
    const rows = indicatorRows(workbook);
    expect(rows.map((r) => [r.Codice, r.Valore])).toEqual(
      partnerBoard.indicators.map((i) => [i.code, i.value]),
    );
    // ETS-B1 holds the whole hand-built programme but Area A's co-financing; Q2 is closed by now, so
    // the partner's own snapshot answers.
    expect(partnerBoard.source).toBe("snapshot");
    expect(rows.find((r) => r.Codice === "co_financing_a_met")?.Valore).not.toBe(
      programme.indicators.find((i) => i.code === "co_financing_a_met")?.value,
    );
    const other = indicatorRows(
      await workbookOf(await admin.get(`/monitoring/reports/2026-Q2.xlsx?partner=${orgs["ETS-B2"]}`)),
    );
    expect(other.find((r) => r.Codice === "people_reached")?.Valore).toBe(0);
    const board = await ctx.loginAs("steering_board");
    expect((await board.get(`/monitoring/reports/2026-Q2.pdf?partner=${orgs["ETS-B2"]}`)).status).toBe(200);
    // The board picks the partner from the programme's organisations, which it may list.
    const listed = (await (await board.get("/organisations")).json()) as { items: { id: string }[] };
    expect(listed.items.map((o) => o.id)).toEqual(expect.arrayContaining([orgs["ETS-B1"], orgs["ETS-B2"]]));
    const dataProtection = await ctx.loginAs("comune_data_protection");
    expect((await dataProtection.get("/organisations")).status).toBe(403);
  });

  it("names what is wrong with the request", async () => {
    const notUuid = await admin.get("/monitoring/reports/2026-Q2.pdf?partner=ETS-B1");
    expect(notUuid.status).toBe(400);
    expect((await notUuid.json()).errors[0].path).toBe("partner");
    const unknown = await admin.get(
      "/monitoring/reports/2026-Q2.pdf?partner=00000000-0000-4000-8000-000000000000",
    );
    expect(unknown.status).toBe(404);
    const period = await admin.get("/monitoring/reports/2026-13.pdf");
    expect(period.status).toBe(422);
    expect((await period.json()).errors[0].path).toBe("file");
    expect((await admin.get("/monitoring/reports/2026-Q2.docx")).status).toBe(404);
    const dpo = await ctx.loginAs("comune_data_protection");
    expect((await dpo.get("/monitoring/reports/2026-Q2.pdf")).status).toBe(403);
    expect((await ctx.anonymous.get("/monitoring/reports/2026-Q2.pdf")).status).toBe(401);
  });
});
