// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseAmountCents,
  parseBookingDate,
  parseStatement,
  STATEMENT_CSV_HEADERS,
  type StatementLine,
  type StatementParse,
} from "./statement.ts";

const BOM = "\uFEFF";
const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const csv = (text: string) => parseStatement("estratto.csv", bytes(text));

const linesOf = (parse: StatementParse): StatementLine[] => {
  if (!parse.ok) throw new Error(`Expected a parse, got ${JSON.stringify(parse.errors)}`);
  return parse.lines;
};
const errorsOf = (parse: StatementParse) => {
  if (parse.ok) throw new Error("Expected errors, got a parse");
  return parse.errors;
};

describe("parseAmountCents", () => {
  it.each([
    ["450,00", 45_000],
    ["450.00", 45_000],
    ["450", 45_000],
    ["450,5", 45_050],
    ["0,01", 1],
    ["1.234,56", 123_456],
    ["1,234.56", 123_456],
    ["12.345.678,90", 1_234_567_890],
    ["12,345,678.90", 1_234_567_890],
    ["1.234", 123_400],
    ["1,234", 123_400],
    ["1.234.567", 123_456_700],
    ["-85,40", -8_540],
    ["+85,40", 8_540],
    ["85,40-", -8_540],
    ["€ 1.234,56", 123_456],
    ["1.234,56 EUR", 123_456],
    ["1 234,56", 123_456],
    ["1\u00a0234,56", 123_456],
    [",50", 50],
    ["0", 0],
  ])("%s → %i cents", (raw, cents) => {
    expect(parseAmountCents(raw)).toEqual({ value: cents });
  });

  it.each([
    ["12,3x", 'Amount "12,3x" is not a number'],
    ["abc", 'Amount "abc" is not a number'],
    ["", 'Amount "" is not a number'],
    ["-", 'Amount "-" is not a number'],
    ["12,", 'Amount "12," is not a number'],
    ["1.23.4", 'Amount "1.23.4" is not a number'],
    ["1.234,5.6", 'Amount "1.234,5.6" is not a number'],
    ["12,3456", 'Amount "12,3456" has more than two decimals'],
    ["1,2345", 'Amount "1,2345" has more than two decimals'],
    ["12345678901234", 'Amount "12345678901234" is too large'],
  ])("%s is refused: %s", (raw, error) => {
    expect(parseAmountCents(raw)).toEqual({ error });
  });
});

describe("parseBookingDate", () => {
  it.each([
    ["03/11/2026", "2026-11-03"],
    ["3/1/2026", "2026-01-03"],
    ["03.11.2026", "2026-11-03"],
    ["03-11-2026", "2026-11-03"],
    ["03/11/26", "2026-11-03"],
    ["2026-11-03", "2026-11-03"],
    ["2026/11/03", "2026-11-03"],
    ["2026-11-03T09:14:00+01:00", "2026-11-03"],
    ["03/11/2026 09:14", "2026-11-03"],
    ["29/02/2028", "2028-02-29"],
    ["29/02/2000", "2000-02-29"],
    [" 31/12/2026 ", "2026-12-31"],
  ])("%s → %s", (raw, date) => {
    expect(parseBookingDate(raw)).toEqual({ value: date });
  });

  it.each([
    ["31/02/2026", 'Date "31/02/2026" does not exist'],
    ["29/02/2026", 'Date "29/02/2026" does not exist'],
    ["29/02/2100", 'Date "29/02/2100" does not exist'],
    ["00/11/2026", 'Date "00/11/2026" does not exist'],
    ["03/13/2026", 'Date "03/13/2026" does not exist'],
    ["2026-04-31", 'Date "2026-04-31" does not exist'],
    ["3 novembre 2026", 'Date "3 novembre 2026" is not a date (dd/mm/yyyy or yyyy-mm-dd)'],
    ["20261103", 'Date "20261103" is not a date (dd/mm/yyyy or yyyy-mm-dd)'],
    ["11/2026", 'Date "11/2026" is not a date (dd/mm/yyyy or yyyy-mm-dd)'],
  ])("%s is refused: %s", (raw, error) => {
    expect(parseBookingDate(raw)).toEqual({ error });
  });
});

describe("parseStatement: CSV as Italian banks and spreadsheets write it", () => {
  const IT_HEADER = "Data contabile;Importo;Ordinante;Causale;CRO";
  const ROSSI = {
    lineNo: 2,
    bookedOn: "2026-11-03",
    amountCents: 45_000,
    payer: "Mario Rossi Esempio",
    remittance: "Canone novembre LOC-2026-00042",
    bankReference: "0306912345678901",
  };

  it.each([
    {
      name: "semicolons, decimal comma, dd/mm/yyyy",
      text: `${IT_HEADER}\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\n`,
      line: ROSSI,
    },
    {
      name: "a BOM and CRLF line ends",
      text: `${BOM}${IT_HEADER}\r\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\r\n`,
      line: ROSSI,
    },
    {
      name: "no final line end",
      text: `${IT_HEADER}\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901`,
      line: ROSSI,
    },
    {
      name: "commas, decimal point, yyyy-mm-dd, English headers",
      text: "Booking date,Amount,Payer,Description,Reference\n2026-11-03,450.00,Mario Rossi Esempio,Canone novembre LOC-2026-00042,0306912345678901\n",
      line: ROSSI,
    },
    {
      name: "commas with a quoted decimal comma",
      text: 'data,importo,ordinante,causale,cro\n03/11/2026,"450,00",Mario Rossi Esempio,Canone novembre LOC-2026-00042,0306912345678901\n',
      line: ROSSI,
    },
    {
      name: "a quoted separator inside the remittance",
      text: `${IT_HEADER}\n03/11/2026;450,00;Mario Rossi Esempio;"Canone; novembre";0306912345678901\n`,
      line: { ...ROSSI, remittance: "Canone; novembre" },
    },
    {
      name: "doubled quotes inside a quoted field",
      text: `${IT_HEADER}\n03/11/2026;450,00;Mario Rossi Esempio;"Canone ""LOC-2026-00042""";0306912345678901\n`,
      line: { ...ROSSI, remittance: 'Canone "LOC-2026-00042"' },
    },
    {
      name: "thousands dot and decimal comma",
      text: `${IT_HEADER}\n03/11/2026;1.234,56;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\n`,
      line: { ...ROSSI, amountCents: 123_456 },
    },
    {
      name: "headers in capitals, with accents and symbols",
      text: "DATA OPERAZIONE;Importo (€);Nome ordinante;Descrizione Operazione;Id operazione\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\n",
      line: ROSSI,
    },
    {
      name: "headers with underscores",
      text: "data_contabile;importo;ordinante;causale;riferimento\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\n",
      line: ROSSI,
    },
    {
      name: "no bank reference column (it is optional)",
      text: "Data;Importo;Ordinante;Causale\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042\n",
      line: { ...ROSSI, bankReference: "" },
    },
    {
      name: "two remittance columns, joined in column order",
      text: "Data;Importo;Ordinante;Causale;Descrizione\n03/11/2026;450,00;Mario Rossi Esempio;Canone novembre;LOC-2026-00042\n",
      line: { ...ROSSI, bankReference: "" },
    },
    {
      name: "credit and debit columns (dare/avere)",
      text: "Data contabile;Dare;Avere;Ordinante;Causale;CRO\n03/11/2026;;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\n",
      line: ROSSI,
    },
    {
      name: "a booking and a value date: the booking one is taken",
      text: "Data valuta;Data contabile;Importo;Ordinante;Causale;CRO\n01/11/2026;03/11/2026;450,00;Mario Rossi Esempio;Canone novembre LOC-2026-00042;0306912345678901\n",
      line: ROSSI,
    },
    {
      name: "spaces around values",
      text: `${IT_HEADER}\n 03/11/2026 ; 450,00 ; Mario Rossi Esempio ; Canone novembre LOC-2026-00042 ; 0306912345678901 \n`,
      line: ROSSI,
    },
  ])("reads $name", ({ text, line }) => {
    const parse = csv(text);
    expect(parse).toMatchObject({ ok: true, format: "csv", debitsSkipped: 0 });
    expect(linesOf(parse)).toEqual([line]);
  });

  it.each([
    {
      name: "a negative signed amount",
      text: `${IT_HEADER}\n03/11/2026;-85,40;;Commissioni;\n04/11/2026;450,00;Mario Rossi Esempio;Canone;\n`,
    },
    {
      name: "a trailing minus",
      text: `${IT_HEADER}\n03/11/2026;85,40-;;Commissioni;\n04/11/2026;450,00;Mario Rossi Esempio;Canone;\n`,
    },
    {
      name: "an amount in the debit column",
      text: "Data;Uscite;Entrate;Controparte;Descrizione\n03/11/2026;85,40;;;Commissioni\n04/11/2026;;450,00;Mario Rossi Esempio;Canone\n",
    },
    {
      name: "a negative amount in the debit column",
      text: "Data;Addebiti;Accrediti;Debitore;Descrizione\n03/11/2026;-85,40;;;Commissioni\n04/11/2026;;450,00;Mario Rossi Esempio;Canone\n",
    },
  ])("skips and counts a debit: $name", ({ text }) => {
    const parse = csv(text);
    expect(parse).toMatchObject({ ok: true, debitsSkipped: 1 });
    expect(linesOf(parse).map((l) => [l.lineNo, l.amountCents])).toEqual([[3, 45_000]]);
  });

  it("numbers lines as the file does: blank lines and lines inside quoted fields count", () => {
    const text = [
      IT_HEADER,
      "03/11/2026;450,00;Mario Rossi Esempio;Canone;A1",
      "",
      '04/11/2026;380,00;Lucia Bianchi Esempio;"Canone',
      'seconda riga";A2',
      "05/11/2026;120,50;Giulia Verdi Esempio;Spese;A3",
    ].join("\r\n");
    expect(linesOf(csv(text)).map((l) => [l.lineNo, l.bankReference, l.remittance])).toEqual([
      [2, "A1", "Canone"],
      [4, "A2", "Canone\r\nseconda riga"],
      [6, "A3", "Spese"],
    ]);
  });

  it("skips lines about the account above the header", () => {
    const text = [
      "Estratto conto;IT60X0542811101000000123456",
      "Periodo;01/11/2026 - 30/11/2026",
      "",
      IT_HEADER,
      "03/11/2026;450,00;Mario Rossi Esempio;Canone;A1",
    ].join("\n");
    expect(linesOf(csv(text)).map((l) => [l.lineNo, l.amountCents])).toEqual([[5, 45_000]]);
  });

  it("reads a Windows-1252 file too", () => {
    const text = `${IT_HEADER}\n03/11/2026;450,00;Niccolò Esempio;Canone;A1\n`;
    const latin1 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    expect(linesOf(parseStatement("estratto.csv", latin1))[0]?.payer).toBe("Niccolò Esempio");
  });

  it("reads the sample export of an Italian bank", () => {
    const parse = parseStatement("estratto-conto.csv", fixture("estratto-conto.csv"));
    expect(parse).toEqual({
      ok: true,
      format: "csv",
      debitsSkipped: 1,
      lines: [
        {
          lineNo: 2,
          bookedOn: "2026-11-03",
          amountCents: 45_000,
          payer: "Mario Rossi Esempio",
          remittance: "BONIFICO A VOSTRO FAVORE; canone novembre 2026 Rif. LOC-2026-00042",
          bankReference: "0306912345678901",
        },
        {
          lineNo: 3,
          bookedOn: "2026-11-04",
          amountCents: 123_456,
          payer: "Cooperativa Sociale Esempio",
          remittance: 'Canoni ottobre e novembre "LOC 2026 00043"',
          bankReference: "0306912345678902",
        },
        {
          lineNo: 5,
          bookedOn: "2026-11-06",
          amountCents: 38_000,
          payer: "BIANCHI LUCIA ESEMPIO",
          remittance: "Affitto novembre",
          bankReference: "0306912345678903",
        },
        {
          lineNo: 6,
          bookedOn: "2026-11-09",
          amountCents: 12_050,
          payer: "Giulia Verdi Esempio",
          remittance: "Pagamento avviso 3010 0000 0000 0042 85",
          bankReference: "0306912345678904",
        },
      ],
    });
  });

  it("reads 50,000 lines", () => {
    const rows = ["Data;Importo;Ordinante;Causale;CRO"];
    for (let i = 0; i < 50_000; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      rows.push(
        `${day}/11/2026;${i % 7 === 0 ? "-" : ""}1.${String(i % 1000).padStart(3, "0")},50;Nome ${i};"Rif; LOC-2026-${i}";C${i}`,
      );
    }
    const parse = csv(rows.join("\r\n"));
    expect(parse).toMatchObject({ ok: true, debitsSkipped: 7143 });
    const lines = linesOf(parse);
    expect(lines).toHaveLength(50_000 - 7143);
    expect(lines[0]).toEqual({
      lineNo: 3,
      bookedOn: "2026-11-02",
      amountCents: 100_150,
      payer: "Nome 1",
      remittance: "Rif; LOC-2026-1",
      bankReference: "C1",
    });
    expect(lines.at(-1)?.lineNo).toBe(50_001);
  });
});

describe("parseStatement: CSV errors, all or nothing", () => {
  const HEADER = "Data;Importo;Ordinante;Causale";

  it.each([
    {
      name: "an unreadable date",
      row: "3 nov 2026;450,00;Mario Rossi Esempio;Canone",
      error: { path: "line 2.date", message: 'Date "3 nov 2026" is not a date (dd/mm/yyyy or yyyy-mm-dd)' },
    },
    {
      name: "an impossible date",
      row: "31/02/2026;450,00;Mario Rossi Esempio;Canone",
      error: { path: "line 2.date", message: 'Date "31/02/2026" does not exist' },
    },
    {
      name: "no date",
      row: ";450,00;Mario Rossi Esempio;Canone",
      error: { path: "line 2.date", message: "No booking date" },
    },
    {
      name: "an amount that is not a number",
      row: "03/11/2026;12,3x;Mario Rossi Esempio;Canone",
      error: { path: "line 2.amount", message: 'Amount "12,3x" is not a number' },
    },
    {
      name: "a zero amount",
      row: "03/11/2026;0,00;Mario Rossi Esempio;Canone",
      error: { path: "line 2.amount", message: "Amount is zero" },
    },
    {
      name: "no amount",
      row: "03/11/2026;;Mario Rossi Esempio;Canone",
      error: { path: "line 2.amount", message: "No amount" },
    },
    {
      name: "more fields than the header",
      row: "03/11/2026;450,00;Mario Rossi Esempio;Canone;extra",
      error: {
        path: "line 2",
        message: "5 fields where the header has 4 (is a decimal comma left unquoted?)",
      },
    },
    {
      name: "a quote never closed",
      row: '03/11/2026;450,00;Mario Rossi Esempio;"Canone',
      error: { path: "line 2", message: "A quoted field is never closed" },
    },
  ])("$name", ({ row, error }) => {
    expect(csv(`${HEADER}\n${row}\n`)).toEqual({ ok: false, format: "csv", errors: [error] });
  });

  it("an unquoted decimal comma in a comma-separated file", () => {
    expect(errorsOf(csv("data,importo,ordinante,causale\n03/11/2026,450,00,Mario Rossi,Canone\n"))).toEqual([
      { path: "line 2", message: "5 fields where the header has 4 (is a decimal comma left unquoted?)" },
    ]);
  });

  it.each([
    {
      name: "both credit and debit filled in",
      row: "03/11/2026;10,00;450,00;Mario Rossi Esempio;Canone",
      error: { path: "line 2.credit", message: "Both the credit and the debit column are filled in" },
    },
    {
      name: "neither",
      row: "03/11/2026;;;Mario Rossi Esempio;Canone",
      error: { path: "line 2.credit", message: "No amount in the credit or the debit column" },
    },
    {
      name: "a negative credit",
      row: "03/11/2026;;-450,00;Mario Rossi Esempio;Canone",
      error: { path: "line 2.credit", message: 'Credit "-450,00" is negative' },
    },
    {
      name: "a zero credit",
      row: "03/11/2026;;0;Mario Rossi Esempio;Canone",
      error: { path: "line 2.credit", message: "Amount is zero" },
    },
    {
      name: "a bad debit",
      row: "03/11/2026;dieci;;Mario Rossi Esempio;Canone",
      error: { path: "line 2.debit", message: 'Amount "dieci" is not a number' },
    },
    {
      name: "a zero debit",
      row: "03/11/2026;0,00;;Mario Rossi Esempio;Canone",
      error: { path: "line 2.debit", message: "Amount is zero" },
    },
  ])("credit and debit columns: $name", ({ row, error }) => {
    expect(errorsOf(csv(`Data;Dare;Avere;Ordinante;Causale\n${row}\n`))).toEqual([error]);
  });

  it.each([
    {
      name: "no date column",
      header: "Valuta;Importo;Ordinante;Causale",
      messages: [
        "No booking date column (data contabile, booking date, data operazione, data registrazione, data, date)",
      ],
    },
    {
      name: "no amount column",
      header: "Data;Saldo;Ordinante;Causale",
      messages: [
        "No amount column: one signed (importo, importo eur, importo euro, amount, amount eur) or a credit one (avere, entrate, accrediti, credit, accredito)",
      ],
    },
    {
      name: "a debit column only",
      header: "Data;Dare;Ordinante;Causale",
      messages: [
        "No amount column: one signed (importo, importo eur, importo euro, amount, amount eur) or a credit one (avere, entrate, accrediti, credit, accredito)",
      ],
    },
    {
      name: "no payer column",
      header: "Data;Importo;Causale",
      messages: ["No payer column (ordinante, nome ordinante, debitore, payer, controparte)"],
    },
    {
      name: "no remittance column",
      header: "Data;Importo;Ordinante",
      messages: [
        "No remittance column (causale, descrizione, descrizione operazione, description, remittance)",
      ],
    },
    {
      name: "nothing known",
      header: "a;b;c",
      messages: [
        "No booking date column (data contabile, booking date, data operazione, data registrazione, data, date)",
        "No amount column: one signed (importo, importo eur, importo euro, amount, amount eur) or a credit one (avere, entrate, accrediti, credit, accredito)",
        "No payer column (ordinante, nome ordinante, debitore, payer, controparte)",
        "No remittance column (causale, descrizione, descrizione operazione, description, remittance)",
      ],
    },
  ])("a header with $name", ({ header, messages }) => {
    expect(errorsOf(csv(`${header}\n03/11/2026;450,00;Mario Rossi;Canone\n`))).toEqual(
      messages.map((message) => ({ path: "header", message })),
    );
  });

  it("lists every error of every line, and no line", () => {
    const text = [
      HEADER,
      "03/11/2026;450,00;Mario Rossi Esempio;Canone",
      "32/11/2026;12,3x;Lucia Bianchi Esempio;Canone",
      "04/11/2026;-10,00;;Commissioni",
      "05/11/2026;0;Giulia Verdi Esempio;Canone",
    ].join("\n");
    expect(csv(text)).toEqual({
      ok: false,
      format: "csv",
      errors: [
        { path: "line 3.date", message: 'Date "32/11/2026" does not exist' },
        { path: "line 3.amount", message: 'Amount "12,3x" is not a number' },
        { path: "line 5.amount", message: "Amount is zero" },
      ],
    });
  });

  it.each([
    ["an empty file", ""],
    ["only blank lines", "\r\n\r\n  \n"],
  ])("%s is one error", (_name, text) => {
    expect(parseStatement("estratto.csv", bytes(text))).toEqual({
      ok: false,
      format: null,
      errors: [{ path: "file", message: "The file is empty" }],
    });
  });

  it("only separators is one error", () => {
    expect(csv(";;;\n;;;\n")).toEqual({
      ok: false,
      format: "csv",
      errors: [{ path: "file", message: "The file has no rows" }],
    });
  });

  it("a header and no rows is an empty statement", () => {
    expect(csv(`${HEADER}\n`)).toEqual({ ok: true, format: "csv", lines: [], debitsSkipped: 0 });
  });

  it("knows the Italian and English names of every column", () => {
    expect(STATEMENT_CSV_HEADERS.date).toEqual(
      expect.arrayContaining(["data", "data contabile", "data operazione", "booking date", "date"]),
    );
    expect(STATEMENT_CSV_HEADERS.amount).toEqual(expect.arrayContaining(["importo", "amount"]));
    expect(STATEMENT_CSV_HEADERS.credit).toEqual(
      expect.arrayContaining(["avere", "entrate", "accrediti", "credit"]),
    );
    expect(STATEMENT_CSV_HEADERS.debit).toEqual(
      expect.arrayContaining(["dare", "uscite", "addebiti", "debit"]),
    );
    expect(STATEMENT_CSV_HEADERS.payer).toEqual(
      expect.arrayContaining(["ordinante", "nome ordinante", "debitore", "payer", "controparte"]),
    );
    expect(STATEMENT_CSV_HEADERS.remittance).toEqual(
      expect.arrayContaining([
        "causale",
        "descrizione",
        "descrizione operazione",
        "description",
        "remittance",
      ]),
    );
    expect(STATEMENT_CSV_HEADERS.reference).toEqual(
      expect.arrayContaining(["riferimento", "id operazione", "cro", "trn", "reference"]),
    );
  });
});

describe("parseStatement: ISO 20022 camt.053", () => {
  it("reads a camt.053.001.02 statement: a credit, a debit skipped, a batch of two", () => {
    expect(parseStatement("estratto.xml", fixture("camt053-001-02.xml"))).toEqual({
      ok: true,
      format: "camt053",
      debitsSkipped: 1,
      lines: [
        {
          lineNo: 1,
          bookedOn: "2026-11-03",
          amountCents: 45_000,
          payer: "Mario Rossi Esempio",
          remittance: "Canone novembre 2026 Rif. LOC-2026-00042",
          bankReference: "0306912345678901",
        },
        {
          lineNo: 3,
          bookedOn: "2026-11-04",
          amountCents: 78_456,
          payer: "Cooperativa Sociale Esempio",
          remittance: "Canoni ottobre e novembre LOC 2026 00043",
          bankReference: "0306912345678902/1",
        },
        {
          lineNo: 4,
          bookedOn: "2026-11-04",
          amountCents: 45_000,
          payer: "Cooperativa Sociale Esempio",
          remittance: "301000000000004285",
          bankReference: "0306912345678902/2",
        },
      ],
    });
  });

  it("reads a camt.053.001.08 statement: Dbtr/Pty/Nm, BookgDt/DtTm, TxDtls/Amt, EndToEndId", () => {
    expect(parseStatement("estratto.xml", fixture("camt053-001-08.xml"))).toEqual({
      ok: true,
      format: "camt053",
      debitsSkipped: 1,
      lines: [
        {
          lineNo: 1,
          bookedOn: "2026-12-01",
          amountCents: 38_000,
          payer: "Bianchi Lucia Esempio",
          remittance: "Affitto dicembre",
          bankReference: "E2E-BIANCHI-1201",
        },
      ],
    });
  });

  /** A camt.053 document around the given entries. */
  const camt = (entries: string, version = "02", prefix = "") => {
    const p = prefix === "" ? "" : `${prefix}:`;
    const xmlns = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<${p}Document ${xmlns}="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">
<${p}BkToCstmrStmt><${p}Stmt>${entries.replaceAll("<", `<${p}`).replaceAll(`<${p}/`, `</${p}`)}</${p}Stmt></${p}BkToCstmrStmt>
</${p}Document>`;
  };
  const entry = ({
    amount = '<Amt Ccy="EUR">450.00</Amt>',
    direction = "CRDT",
    booked = "<BookgDt><Dt>2026-11-03</Dt></BookgDt>",
    refs = "<AcctSvcrRef>REF-1</AcctSvcrRef>",
    details = "<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Mario Rossi Esempio</Nm></Dbtr></RltdPties><RmtInf><Ustrd>LOC-2026-00042</Ustrd></RmtInf></TxDtls></NtryDtls>",
  } = {}) => `<Ntry>${amount}<CdtDbtInd>${direction}</CdtDbtInd>${booked}${refs}${details}</Ntry>`;
  const camtParse = (xml: string, name = "estratto.xml") => parseStatement(name, bytes(xml));

  it.each(["02", "04", "06", "08"])("reads namespace version camt.053.001.%s", (version) => {
    expect(linesOf(camtParse(camt(entry(), version)))).toHaveLength(1);
  });

  it("reads prefixed element names", () => {
    expect(linesOf(camtParse(camt(entry(), "02", "ns2")))).toEqual([
      {
        lineNo: 1,
        bookedOn: "2026-11-03",
        amountCents: 45_000,
        payer: "Mario Rossi Esempio",
        remittance: "LOC-2026-00042",
        bankReference: "REF-1",
      },
    ]);
  });

  it("tells camt.053 by its content, whatever the file name", () => {
    expect(camtParse(camt(entry()), "download.txt")).toMatchObject({ ok: true, format: "camt053" });
  });

  it.each([
    {
      name: "an entry without details takes the entry's amount, and no payer",
      xml: camt(entry({ details: "" })),
      line: { amountCents: 45_000, payer: "", remittance: "", bankReference: "REF-1" },
    },
    {
      name: "NtryRef when there is no AcctSvcrRef",
      xml: camt(entry({ refs: "<NtryRef>N-9</NtryRef>" })),
      line: { bankReference: "N-9" },
    },
    {
      name: "a booking date-time",
      xml: camt(entry({ booked: "<BookgDt><DtTm>2026-11-03T23:59:00+01:00</DtTm></BookgDt>" })),
      line: { bookedOn: "2026-11-03" },
    },
    {
      name: "an ultimate debtor when there is no debtor name",
      xml: camt(
        entry({
          details:
            "<NtryDtls><TxDtls><RltdPties><UltmtDbtr><Nm>Lucia Bianchi Esempio</Nm></UltmtDbtr></RltdPties></TxDtls></NtryDtls>",
        }),
      ),
      line: { payer: "Lucia Bianchi Esempio" },
    },
    {
      name: "unstructured and structured remittance together",
      xml: camt(
        entry({
          details:
            "<NtryDtls><TxDtls><RmtInf><Ustrd>Canone</Ustrd><Ustrd>novembre</Ustrd><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>",
        }),
      ),
      line: { remittance: "Canone novembre RF18539007547034" },
    },
    {
      name: "an amount with trailing zeros beyond the cents",
      xml: camt(entry({ amount: '<Amt Ccy="EUR">450.500</Amt>' })),
      line: { amountCents: 45_050 },
    },
    {
      name: "XML entities in names",
      xml: camt(
        entry({
          details:
            "<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>D&apos;Angelo &amp; Figli Esempio</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>",
        }),
      ),
      line: { payer: "D'Angelo & Figli Esempio" },
    },
  ])("$name", ({ xml, line }) => {
    expect(linesOf(camtParse(xml))[0]).toMatchObject(line);
  });

  it.each([
    {
      name: "another currency",
      xml: camt(entry() + entry({ amount: '<Amt Ccy="USD">10.00</Amt>' })),
      errors: [{ path: "line 2.amount", message: 'Currency "USD" is not EUR' }],
    },
    {
      name: "another currency inside a batch",
      xml: camt(
        entry({
          details:
            '<NtryDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">400.00</Amt></TxAmt></AmtDtls></TxDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="CHF">50.00</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls>',
        }),
      ),
      errors: [{ path: "line 2.amount", message: 'Currency "CHF" is not EUR' }],
    },
    {
      name: "a batch transaction without its amount",
      xml: camt(entry({ details: "<NtryDtls><TxDtls></TxDtls><TxDtls></TxDtls></NtryDtls>" })),
      errors: [
        { path: "line 1.amount", message: "No amount" },
        { path: "line 2.amount", message: "No amount" },
      ],
    },
    {
      name: "an amount without currency",
      xml: camt(entry({ amount: "<Amt>450.00</Amt>" })),
      errors: [{ path: "line 1.amount", message: 'Amount "450.00" has no currency (Ccy)' }],
    },
    {
      name: "an amount that is not a number",
      xml: camt(entry({ amount: '<Amt Ccy="EUR">450,00</Amt>' })),
      errors: [{ path: "line 1.amount", message: 'Amount "450,00" is not a number' }],
    },
    {
      name: "a zero amount",
      xml: camt(entry({ amount: '<Amt Ccy="EUR">0.00</Amt>' })),
      errors: [{ path: "line 1.amount", message: "Amount is zero" }],
    },
    {
      name: "no booking date",
      xml: camt(entry({ booked: "" })),
      errors: [{ path: "line 1.date", message: "No booking date (BookgDt)" }],
    },
    {
      name: "an impossible booking date",
      xml: camt(entry({ booked: "<BookgDt><Dt>2026-02-30</Dt></BookgDt>" })),
      errors: [{ path: "line 1.date", message: 'Date "2026-02-30" does not exist' }],
    },
    {
      name: "an unknown credit/debit indicator",
      xml: camt(entry({ direction: "CRED" })),
      errors: [
        { path: "line 1.creditDebit", message: 'Credit/debit indicator "CRED" is neither CRDT nor DBIT' },
      ],
    },
    {
      name: "XML that is not a statement",
      xml: '<?xml version="1.0"?><Document><CstmrCdtTrfInitn/></Document>',
      errors: [{ path: "xml", message: "Not a camt.053 statement: no BkToCstmrStmt element" }],
    },
  ])("refuses $name", ({ xml, errors }) => {
    expect(camtParse(xml)).toEqual({ ok: false, format: "camt053", errors });
  });

  it("refuses malformed XML, naming the line", () => {
    const parse = camtParse(
      `<?xml version="1.0"?>\n<Document>\n<BkToCstmrStmt>\n<Stmt></Stmtt>\n</BkToCstmrStmt></Document>`,
    );
    expect(errorsOf(parse)).toEqual([
      { path: "xml line 4", message: expect.stringMatching(/^Malformed XML: /) },
    ]);
  });

  it("a statement without entries is an empty statement", () => {
    expect(camtParse(camt(""))).toEqual({ ok: true, format: "camt053", lines: [], debitsSkipped: 0 });
  });

  it("numbers lines across statements, debits included", () => {
    const two = camt(entry()).replace(
      "</Stmt>",
      `</Stmt><Stmt>${entry({ direction: "DBIT" })}${entry()}</Stmt>`,
    );
    const parse = camtParse(two);
    expect(parse).toMatchObject({ ok: true, debitsSkipped: 1 });
    expect(linesOf(parse).map((l) => l.lineNo)).toEqual([1, 3]);
  });
});
