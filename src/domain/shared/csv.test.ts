// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvDelimiter, CsvSyntaxError, detectDelimiter, parseCsv, toCsv } from "./csv.ts";

const BOM = "\uFEFF";
const DELIMITERS: readonly CsvDelimiter[] = [";", ","];

describe("detectDelimiter", () => {
  it.each([
    {
      name: "semicolons (Italian Excel)",
      text: "codice;comune;superficie_m2\nMI1;Milano;62,5",
      expected: ";",
    },
    { name: "commas", text: "code,town,surfaceM2\nMI1;Milano;62.5", expected: "," },
    { name: "semicolons after a BOM", text: `${BOM}codice;comune`, expected: ";" },
    { name: "commas inside quotes ignored", text: '"Via Roma, 1, scala B";Milano', expected: ";" },
    { name: "semicolons inside quotes ignored", text: '"a;b;c",d,e', expected: "," },
    { name: "only the first line counts", text: "codice\na;b;c;d", expected: "," },
    { name: "only the first line counts, CRLF", text: "a,b\r\nc;d;e;f", expected: "," },
    { name: "a tie goes to the semicolon", text: "a;b,c", expected: ";" },
    { name: "a single column", text: "codice\nMI1", expected: "," },
    { name: "an empty file", text: "", expected: "," },
  ] as const)("$name → $expected", ({ text, expected }) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("parseCsv", () => {
  it.each([
    {
      name: "semicolons",
      input: "a;b;c\n1;2;3\n",
      rows: [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    },
    {
      name: "commas",
      input: "a,b,c\n1,2,3\n",
      rows: [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    },
    {
      name: "a BOM",
      input: `${BOM}codice;comune\nMI1;Milano`,
      rows: [
        ["codice", "comune"],
        ["MI1", "Milano"],
      ],
    },
    {
      name: "CRLF line ends",
      input: "a;b\r\nc;d\r\n",
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    },
    {
      name: "old Mac CR line ends",
      input: "a;b\rc;d\r",
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    },
    {
      name: "no final line end",
      input: "a;b\nc;d",
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    },
    {
      name: "a quoted field with the delimiter",
      input: 'code;address\nMI1;"Via Roma; 1"\n',
      rows: [
        ["code", "address"],
        ["MI1", "Via Roma; 1"],
      ],
    },
    {
      name: "a quoted field with a comma in a comma file",
      input: 'code,address,town\nMI1,"Via Roma, 1",Milano\n',
      rows: [
        ["code", "address", "town"],
        ["MI1", "Via Roma, 1", "Milano"],
      ],
    },
    {
      name: "a quoted field over two lines",
      input: 'a;"riga uno\nriga due";c\nd;e;f\n',
      rows: [
        ["a", "riga uno\nriga due", "c"],
        ["d", "e", "f"],
      ],
    },
    {
      name: "a quoted field with CRLF inside",
      input: 'a;"x\r\ny"\r\n',
      rows: [["a", "x\r\ny"]],
    },
    {
      name: "doubled quotes",
      input: 'a;"detto ""il Moro""";"""";""""""\n',
      rows: [["a", 'detto "il Moro"', '"', '""']],
    },
    { name: "an empty quoted field", input: '"";x\n', rows: [["", "x"]] },
    {
      name: "blank lines dropped",
      input: "a;b\n\n\r\n\nc;d\n\n",
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    },
    {
      name: "a line of empty cells kept",
      input: "a;b\n;\n",
      rows: [
        ["a", "b"],
        ["", ""],
      ],
    },
    { name: "a trailing delimiter", input: "a;b;\n", rows: [["a", "b", ""]] },
    { name: "spaces kept", input: " a ; b \n", rows: [[" a ", " b "]] },
    { name: "an empty file", input: "", rows: [] },
    { name: "only a BOM", input: BOM, rows: [] },
  ])("reads $name", ({ input, rows }) => {
    expect(parseCsv(input)).toEqual(rows);
  });

  it("uses the delimiter it is given over the one it would detect", () => {
    expect(parseCsv("a,b;c\n", ";")).toEqual([["a,b", "c"]]);
    expect(parseCsv("a;b,c\n", ",")).toEqual([["a;b", "c"]]);
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(parseCsv('pollice 5";x\nMI1;"a"b\n', ";")).toEqual([
      ['pollice 5"', "x"],
      ["MI1", "ab"],
    ]);
  });

  it.each([
    { input: 'a;"b\nc;d\n', line: 1 },
    { input: 'a;b\nc;"d', line: 2 },
    { input: 'a;"x\ny"\nb;"z\n', line: 3 },
    { input: '"', line: 1 },
  ])("refuses a quote left open on line $line", ({ input, line }) => {
    expect(() => parseCsv(input)).toThrow(CsvSyntaxError);
    expect(() => parseCsv(input)).toThrow(`A quoted field opened on line ${line} is never closed`);
  });
});

describe("toCsv", () => {
  it.each([
    {
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
      delimiter: ";",
      csv: "a;b\r\nc;d\r\n",
    },
    { rows: [["Via Roma, 1", "x"]], delimiter: ";", csv: "Via Roma, 1;x\r\n" },
    { rows: [["Via Roma, 1", "x"]], delimiter: ",", csv: '"Via Roma, 1",x\r\n' },
    { rows: [["a;b", "x"]], delimiter: ";", csv: '"a;b";x\r\n' },
    { rows: [['detto "il Moro"']], delimiter: ";", csv: '"detto ""il Moro"""\r\n' },
    { rows: [["riga\nnuova", "cr\r"]], delimiter: ";", csv: '"riga\nnuova";"cr\r"\r\n' },
    { rows: [["", ""]], delimiter: ";", csv: ";\r\n" },
    { rows: [], delimiter: ";", csv: "\r\n" },
  ] as const)("writes $rows with $delimiter", ({ rows, delimiter, csv }) => {
    expect(toCsv(rows, delimiter)).toBe(csv);
  });

  it("starts with a BOM only when asked", () => {
    expect(toCsv([["a"]], ";", true)).toBe(`${BOM}a\r\n`);
    expect(toCsv([["a"]], ";").startsWith(BOM)).toBe(false);
  });
});

describe("CSV round trip", () => {
  // Characters that stress the format, plus any code point.
  const cell = fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(";", ",", '"', "\r", "\n", " ", "a", "è", BOM) },
      { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 12,
  });
  const rowsArb = fc
    .array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 })
    // parseCsv drops blank lines, and a row of one empty cell is written as a blank line
    // (`endRow` skips `[""]`), so such a row cannot survive a round trip: leave it out.
    .filter((rows) => rows.every((r) => !(r.length === 1 && r[0] === "")))
    // A BOM opening the very first cell is the subject of its own test below.
    .filter((rows) => !(rows[0]?.[0] ?? "").startsWith(BOM));

  it("parseCsv(toCsv(rows)) gives the rows back, for either delimiter, with or without a BOM", () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(...DELIMITERS), fc.boolean(), (rows, delimiter, bom) => {
        expect(parseCsv(toCsv(rows, delimiter, bom), delimiter)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it("detects the delimiter it wrote when the first row is a header of plain names", () => {
    const name = fc.stringMatching(/^[a-z_]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 2, maxLength: 8 }),
        rowsArb,
        fc.constantFrom(...DELIMITERS),
        (header, body, delimiter) => {
          const rows = [header, ...body];
          const csv = toCsv(rows, delimiter, true);
          expect(detectDelimiter(csv)).toBe(delimiter);
          expect(parseCsv(csv)).toEqual(rows);
        },
      ),
    );
  });

  it("keeps a value that starts with a BOM, even without a file BOM", () => {
    const rows = [[`${BOM}MI1-0001`, "Milano"]];
    expect(parseCsv(toCsv(rows, ";", true), ";")).toEqual(rows);
    expect(parseCsv(toCsv(rows, ";", false), ";")).toEqual(rows);
  });
});
