// SPDX-License-Identifier: EUPL-1.2
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../domain/shared/csv.ts";
import type { Unit, UnitCreate } from "../../domain/units/unit.schema.ts";
import { unitFileHeader, unitToRow } from "../../domain/units/unit-file.ts";
import { createTestContext, type TestClient, type TestContext } from "../testing/test-context.ts";

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.loginAs("comune_housing_officer");
});
afterAll(() => ctx.close());

const csvFile = (text: string, name = "alloggi.csv") => new File([text], name, { type: "text/csv" });
const total = async (query = "") =>
  (await (await admin.get(`/units?limit=1${query}`)).json()).total as number;
const allUnits = async (query = "") =>
  ((await (await admin.get(`/units?limit=500${query}`)).json()) as { items: Unit[] }).items;
const importFile = (file: File) => admin.upload("/units/import", file);
const csvOf = (units: UnitCreate[], delimiter: ";" | ",") =>
  toCsv(
    [unitFileHeader(), ...units.map((u) => unitToRow(u, delimiter === ";"))],
    delimiter,
    delimiter === ";",
  );

describe("importing units", () => {
  it("creates units from an Italian CSV (; separator, decimal comma, BOM, Italian headers)", async () => {
    const text =
      "\uFEFFcodice;indirizzo;comune;municipio;piano;ascensore;superficie_m2;locali;camere;provenienza;categoria;ente_gestore;condizione\r\n" +
      "IMP-0001;Via Fittizia dei Tigli 1;Milano;4;2;sì;62,35;3;2;municipal;calmierato;ETS-B1;good\r\n" +
      "IMP-0002;Via Fittizia dei Tigli 1;Rho;;0;no;41,5;2;1;hinterland;fragilita;ETS-B2;fair\r\n";
    const res = await importFile(csvFile(text));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const unit = (await (await admin.get("/units/IMP-0001")).json()) as Unit;
    expect(unit).toMatchObject({ surfaceM2: 62.35, lift: true, municipio: 4, status: "to_renovate" });
    const history = (await (await admin.get("/units/IMP-0001/history")).json()).items;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(["imported"]);
  });

  it("reads a comma-separated CSV with English headers and decimal points", async () => {
    const units = [ctx.unitInput({ code: "IMP-C-1", surfaceM2: 55.5 }), ctx.unitInput({ code: "IMP-C-2" })];
    const res = await importFile(csvFile(csvOf(units, ",")));
    expect(await res.json()).toMatchObject({ created: 2 });
    expect(((await (await admin.get("/units/IMP-C-1")).json()) as Unit).surfaceM2).toBe(55.5);
  });

  it("writes nothing when one row is bad, and lists every bad row and column", async () => {
    const before = await total();
    const good = ctx.unitInput({ code: "IMP-BAD-1" });
    const rows = [
      unitFileHeader(),
      unitToRow(good, true),
      unitToRow({ ...ctx.unitInput({ code: "IMP-BAD-2" }), surfaceM2: 0 }, true),
      unitToRow(
        { ...ctx.unitInput({ code: "IMP-BAD-3" }), municipio: 12, category: "lusso" as "fragilita" },
        true,
      ),
      unitToRow({ ...ctx.unitInput({ code: "IMP-BAD-4" }), managingPartnerCode: "ETS-ZZ" }, true),
    ];
    const res = await importFile(csvFile(toCsv(rows, ";", true)));
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.detail).toBe("3 row(s) have errors; nothing was imported");
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      "rows.3.surfaceM2",
      "rows.4.municipio",
      "rows.4.category",
      "rows.5.managingPartnerCode",
    ]);
    expect(await total()).toBe(before);
    expect((await admin.get("/units/IMP-BAD-1")).status).toBe(404);
  });

  it("numbers rows as the spreadsheet shows them, blank lines included", async () => {
    const good = unitToRow(ctx.unitInput({ code: "IMP-BL-1" }), true);
    const bad = unitToRow({ ...ctx.unitInput({ code: "IMP-BL-2" }), rooms: 0 }, true);
    const text = toCsv([unitFileHeader(), good, [], [], bad], ";", true);
    const res = await importFile(csvFile(text));
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain("rows.5.rooms");
  });

  it("refuses a code repeated in the file and an unknown column", async () => {
    const unit = ctx.unitInput({ code: "IMP-DUP" });
    const dup = await importFile(csvFile(csvOf([unit, unit], ";")));
    expect(dup.status).toBe(422);
    expect((await dup.json()).errors).toEqual([
      { path: "rows.3.code", message: "Code already used on row 2" },
    ]);
    const unknown = await importFile(csvFile("code;colour\r\nX;red\r\n"));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors.map((e: { path: string }) => e.path)).toContain("rows.1.colour");
  });

  it("updates existing codes, counts unchanged rows, and checks status moves", async () => {
    const existing = await ctx.newUnit({ code: "IMP-UPD-1", status: "let", surfaceM2: 50 });
    const same = await ctx.newUnit({ code: "IMP-UPD-2" });
    const changed = { ...ctx.unitInput(), ...existing, surfaceM2: 51, status: "vacating" as const };
    const res = await importFile(csvFile(csvOf([changed, same as unknown as UnitCreate], ";")));
    expect(await res.json()).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    const after = (await (await admin.get("/units/IMP-UPD-1")).json()) as Unit;
    expect(after).toMatchObject({ surfaceM2: 51, status: "vacating", version: 2 });

    const illegal = await importFile(csvFile(csvOf([{ ...changed, status: "offered" as const }], ";")));
    expect(illegal.status).toBe(422);
    expect((await illegal.json()).errors).toEqual([
      { path: "rows.2.status", message: "A unit cannot go from vacating to offered" },
    ]);
  });

  it("streams progress lines and the result when asked for NDJSON", async () => {
    const units = [ctx.unitInput({ code: "IMP-ND-1" }), ctx.unitInput({ code: "IMP-ND-2" })];
    const res = await admin.upload("/units/import", csvFile(csvOf(units, ";")), {
      accept: "application/x-ndjson",
    });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.progress?.phase ?? Object.keys(l)[0])).toEqual([
      "read",
      "validated",
      "written",
      "result",
    ]);
    expect(lines.at(-1).result).toMatchObject({ created: 2 });
  });

  it("streams the problem when the NDJSON import fails", async () => {
    const bad = { ...ctx.unitInput({ code: "IMP-ND-BAD" }), surfaceM2: -1 };
    const res = await admin.upload("/units/import", csvFile(csvOf([bad], ";")), {
      accept: "application/x-ndjson",
    });
    const last = JSON.parse((await res.text()).trim().split("\n").at(-1) as string);
    expect(last.problem.errors).toEqual([
      { path: "rows.2.surfaceM2", message: "Surface must be greater than 0 m²" },
    ]);
    expect((await admin.get("/units/IMP-ND-BAD")).status).toBe(404);
  });

  it("names the file field when the upload is missing or unreadable", async () => {
    const missing = await admin.request("POST", "/units/import", new FormData());
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors[0].path).toBe("file");
    const binary = await importFile(new File([new Uint8Array([0xff, 0xfe, 0x00, 0xc3])], "x.csv"));
    expect(binary.status).toBe(400);
    expect((await binary.json()).errors[0].path).toBe("file");
  });

  it("never half-writes: any batch with a bad row leaves the stock as it was", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.nat(), async (size, badIndex) => {
        const before = await total();
        const units = Array.from({ length: size }, () => ctx.unitInput());
        const bad = badIndex % size;
        units[bad] = { ...(units[bad] as UnitCreate), rooms: 0 };
        const res = await importFile(csvFile(csvOf(units, ";")));
        expect(res.status).toBe(422);
        expect(await total()).toBe(before);
      }),
      { numRuns: 10 },
    );
  });
});

describe("exporting units", () => {
  it("exports the filtered list as CSV that imports back with no change", async () => {
    await ctx.newUnit({
      code: "EXP-1",
      municipio: 8,
      surfaceM2: 33.3,
      notes: ' Nota con ; e "virgolette"\n ',
    });
    await ctx.newUnit({ code: "EXP-2", municipio: 8 });
    const res = await admin.get("/units/export?format=csv&municipio=8");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="alloggi-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFcode;address;")).toBe(true);
    expect(text).toContain("33,3");
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(1 + (await total("&municipio=8")));

    const before = await allUnits("&municipio=8");
    const again = await importFile(csvFile(text));
    expect(await again.json()).toMatchObject({ created: 0, updated: 0 });
    expect(await allUnits("&municipio=8")).toEqual(before);
  });

  it("exports XLSX that imports back with no change", async () => {
    await ctx.newUnit({ code: "EXP-X-1", municipio: 9, surfaceM2: 47.25, lift: false });
    const res = await admin.get("/units/export?format=xlsx&municipio=9");
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("code");
    expect(sheet?.rowCount).toBe(1 + (await total("&municipio=9")));

    const before = await allUnits("&municipio=9");
    const again = await importFile(new File([bytes], "alloggi.xlsx"));
    expect(await again.json()).toMatchObject({ created: 0, updated: 0 });
    expect(await allUnits("&municipio=9")).toEqual(before);
  });

  it("refuses an unknown format naming the parameter", async () => {
    const res = await admin.get("/units/export?format=pdf");
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe("format");
  });
});
