// SPDX-License-Identifier: EUPL-1.2
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../shared/csv.ts";
import {
  chargeDescription,
  DEBT_POSITION_COLUMNS,
  DEFAULT_CATEGORIES,
  type DebtPositionCharge,
  type DebtPositionsInput,
  debtPositionsCsv,
  isValidItalianIban,
} from "./debt-positions.ts";
import { isValidNoticeNumber, noticeNumber } from "./notice.ts";

const BOM = "\uFEFF";

const CREDITOR = {
  fiscalCode: "01199250158",
  name: "Comune di Milano",
  segregationCode: "01",
  iban: "IT60X0542811101000000123456",
};

const rossiRent: DebtPositionCharge = {
  noticeNumber: noticeNumber("01", 42), // 301000000000004285
  tenancyReference: "LOC-2026-00042",
  kind: "rent",
  amountCents: 45_000,
  dueOn: "2026-11-10",
  debtor: { fiscalCode: "RSSMRA80A01F205X", name: "Mario Rossi Esempio" },
};

const input = (overrides: Partial<DebtPositionsInput> = {}): DebtPositionsInput => ({
  creditor: CREDITOR,
  period: "2026-11",
  charges: [rossiRent],
  ...overrides,
});

/** The file's rows as records keyed by column. */
const records = (file: string) => {
  const [header, ...rows] = parseCsv(file, ";");
  return rows.map((row) => Object.fromEntries((header ?? []).map((column, i) => [column, row[i]])));
};

describe("debtPositionsCsv", () => {
  it("writes one debt position per charge, with one payment option and one transfer", () => {
    expect(records(debtPositionsCsv(input()))).toEqual([
      {
        iupd: "CASACOMUNE-01000000000004285",
        type: "F",
        fiscalCode: "RSSMRA80A01F205X",
        fullName: "Mario Rossi Esempio",
        companyName: "Comune di Milano",
        "paymentOption.nav": "301000000000004285",
        "paymentOption.iuv": "01000000000004285",
        "paymentOption.amount": "45000",
        "paymentOption.description": "Canone novembre 2026 – LOC-2026-00042",
        "paymentOption.isPartialPayment": "false",
        "paymentOption.dueDate": "2026-11-10",
        "transfer.idTransfer": "1",
        "transfer.amount": "45000",
        "transfer.organizationFiscalCode": "01199250158",
        "transfer.iban": "IT60X0542811101000000123456",
        "transfer.remittanceInformation": "Canone novembre 2026 LOC-2026-00042",
        "transfer.category": DEFAULT_CATEGORIES.rent,
      },
    ]);
  });

  it("is UTF-8 with a BOM, semicolons, CRLF line ends and a header row", () => {
    const file = debtPositionsCsv(input());
    expect(file.startsWith(`${BOM}iupd;type;fiscalCode;fullName;`)).toBe(true);
    expect(file.endsWith("\r\n")).toBe(true);
    expect(file.split("\r\n")).toHaveLength(3);
    expect(file.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(file.split("\r\n")[0]).toBe(`${BOM}${DEBT_POSITION_COLUMNS.join(";")}`);
  });

  it("writes only the header when there are no charges", () => {
    expect(debtPositionsCsv(input({ charges: [] }))).toBe(`${BOM}${DEBT_POSITION_COLUMNS.join(";")}\r\n`);
  });

  it.each([
    ["a semicolon", "Rossi; Mario", '"Rossi; Mario"'],
    ["a quote", 'Mario "Mariolino" Rossi', '"Mario ""Mariolino"" Rossi"'],
    ["a line break", "Mario\nRossi", '"Mario\nRossi"'],
    ["nothing special", "Mario Rossi", "Mario Rossi"],
  ])("quotes a field with %s", (_case, name, written) => {
    const file = debtPositionsCsv(
      input({ charges: [{ ...rossiRent, debtor: { ...rossiRent.debtor, name } }] }),
    );
    expect(file).toContain(`;${written};Comune di Milano;`);
    expect(records(file)[0]?.fullName).toBe(name);
  });

  it.each([
    ["rent", "2026-11", "LOC-2026-00042", "Canone novembre 2026 – LOC-2026-00042"],
    ["service", "2026-11", "LOC-2026-00042", "Spese per servizi novembre 2026 – LOC-2026-00042"],
    ["rent", "2027-01", "LOC-2026-00007", "Canone gennaio 2027 – LOC-2026-00007"],
    ["service", "2026-12", "LOC-2026-00100", "Spese per servizi dicembre 2026 – LOC-2026-00100"],
  ] as const)("describes a %s charge of %s for %s in Italian", (kind, period, reference, description) => {
    expect(chargeDescription(kind, period, reference)).toBe(description);
  });

  it.each([
    ["a person", "RSSMRA80A01F205X", "F"],
    ["a person with omocodia", "RSSMRA80A01F2L5X", "F"],
    ["an organisation (a partner in comodato)", "97123450159", "G"],
  ])("marks the debtor type of %s", (_case, fiscalCode, type) => {
    const file = debtPositionsCsv(
      input({ charges: [{ ...rossiRent, debtor: { ...rossiRent.debtor, fiscalCode } }] }),
    );
    expect(records(file)[0]?.type).toBe(type);
  });

  it("takes the service charges' category and the categories given", () => {
    const service = { ...rossiRent, noticeNumber: noticeNumber("01", 43), kind: "service" as const };
    const categories = { rent: "9/0199001SP/", service: "9/0199002SP/" };
    expect(
      records(debtPositionsCsv(input({ charges: [rossiRent, service] }))).map((r) => r["transfer.category"]),
    ).toEqual([DEFAULT_CATEGORIES.rent, DEFAULT_CATEGORIES.service]);
    expect(
      records(debtPositionsCsv(input({ charges: [rossiRent, service], categories }))).map(
        (r) => r["transfer.category"],
      ),
    ).toEqual(["9/0199001SP/", "9/0199002SP/"]);
  });

  it("keeps the remittance information to the SEPA character set", () => {
    const charge = { ...rossiRent, tenancyReference: "LOC-2026-00042 «Via Città»" };
    expect(
      records(debtPositionsCsv(input({ charges: [charge] })))[0]?.["transfer.remittanceInformation"],
    ).toBe("Canone novembre 2026 LOC-2026-00042 Via Citta");
  });

  it.each<[string, Partial<DebtPositionsInput>, string]>([
    [
      "a notice number with wrong check digits",
      { charges: [{ ...rossiRent, noticeNumber: "301000000000004284" }] },
      'charges.0.noticeNumber "301000000000004284" is not a valid notice number',
    ],
    [
      "a notice number of another segregation code",
      { charges: [{ ...rossiRent, noticeNumber: noticeNumber("02", 42) }] },
      "charges.0.noticeNumber has segregation code 02, not the creditor's",
    ],
    [
      "the same notice number twice",
      { charges: [rossiRent, { ...rossiRent, kind: "service" }] },
      "charges.1.noticeNumber is already used by charges.0",
    ],
    [
      "a zero amount",
      { charges: [{ ...rossiRent, amountCents: 0 }] },
      "charges.0.amountCents 0 is not a positive whole number of cents",
    ],
    [
      "an amount in euros",
      { charges: [{ ...rossiRent, amountCents: 450.5 }] },
      "charges.0.amountCents 450.5 is not a positive whole number of cents",
    ],
    [
      "an impossible due date",
      { charges: [{ ...rossiRent, dueOn: "2026-11-31" }] },
      'charges.0.dueOn "2026-11-31" is not a date YYYY-MM-DD',
    ],
    [
      "a due date written the Italian way",
      { charges: [{ ...rossiRent, dueOn: "10/11/2026" }] },
      'charges.0.dueOn "10/11/2026" is not a date YYYY-MM-DD',
    ],
    [
      "a debtor without fiscal code",
      { charges: [{ ...rossiRent, debtor: { fiscalCode: "", name: "Mario Rossi" } }] },
      'charges.0.debtor.fiscalCode "" is neither 16 characters nor 11 digits',
    ],
    [
      "a debtor without name",
      { charges: [{ ...rossiRent, debtor: { ...rossiRent.debtor, name: " " } }] },
      "charges.0.debtor.name is empty",
    ],
    [
      "a charge without tenancy reference",
      { charges: [{ ...rossiRent, tenancyReference: "" }] },
      "charges.0.tenancyReference is empty",
    ],
    ["a period that is not a month", { period: "2026-13" }, 'period "2026-13" is not YYYY-MM'],
    [
      "a creditor IBAN with wrong check digits",
      { creditor: { ...CREDITOR, iban: "IT61X0542811101000000123456" } },
      'creditor.iban "IT61X0542811101000000123456" is not a valid Italian IBAN',
    ],
    [
      "a creditor fiscal code of a person",
      { creditor: { ...CREDITOR, fiscalCode: "RSSMRA80A01F205X" } },
      'creditor.fiscalCode "RSSMRA80A01F205X" is not 11 digits',
    ],
    [
      "a segregation code of one digit",
      { creditor: { ...CREDITOR, segregationCode: "1" } },
      'creditor.segregationCode "1" is not two digits',
    ],
    ["a creditor without name", { creditor: { ...CREDITOR, name: "" } }, "creditor.name is empty"],
    [
      "a category that is not a taxonomy code",
      { categories: { rent: "canone", service: DEFAULT_CATEGORIES.service } },
      'categories.rent "canone" is not a taxonomy code like 9/0101002IM/',
    ],
  ])("refuses %s", (_case, overrides, problem) => {
    expect(() => debtPositionsCsv(input(overrides))).toThrow(RangeError);
    expect(() => debtPositionsCsv(input(overrides))).toThrow(problem);
  });

  it("names every problem at once", () => {
    const bad = { ...rossiRent, amountCents: -1, dueOn: "" };
    expect(() => debtPositionsCsv(input({ period: "novembre", charges: [bad] }))).toThrow(
      'Cannot export the debt positions: period "novembre" is not YYYY-MM; charges.0.amountCents -1 is not a positive whole number of cents; charges.0.dueOn "" is not a date YYYY-MM-DD',
    );
  });

  it("writes every charge back as it came, whatever the charges", () => {
    const charge = fc.record({
      sequence: fc.nat(9_999_999_999_999),
      tenancyReference: fc.stringMatching(/^LOC-20\d\d-\d{5}$/),
      kind: fc.constantFrom("rent" as const, "service" as const),
      amountCents: fc.integer({ min: 1, max: 10_000_000 }),
      dueOn: fc.date({ min: new Date("2026-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((n) => n.trim() !== "" && n.trim() === n),
    });
    fc.assert(
      fc.property(fc.uniqueArray(charge, { selector: (c) => c.sequence, maxLength: 20 }), (drawn) => {
        const charges = drawn.map((c) => ({
          noticeNumber: noticeNumber("01", c.sequence),
          tenancyReference: c.tenancyReference,
          kind: c.kind,
          amountCents: c.amountCents,
          dueOn: c.dueOn.toISOString().slice(0, 10),
          debtor: { fiscalCode: "RSSMRA80A01F205X", name: c.name },
        }));
        const rows = records(debtPositionsCsv(input({ charges })));
        expect(rows).toHaveLength(charges.length);
        rows.forEach((row, i) => {
          const c = charges[i] as DebtPositionCharge;
          expect(row["paymentOption.nav"]).toBe(c.noticeNumber);
          expect(isValidNoticeNumber(row["paymentOption.nav"] ?? "")).toBe(true);
          expect(`3${row["paymentOption.iuv"]}`).toBe(c.noticeNumber);
          expect(row["paymentOption.amount"]).toBe(String(c.amountCents));
          expect(row["transfer.amount"]).toBe(row["paymentOption.amount"]);
          expect(row.fullName).toBe(c.debtor.name);
          expect(row["paymentOption.dueDate"]).toBe(c.dueOn);
          expect(row["transfer.remittanceInformation"]).toMatch(/^[A-Za-z0-9/?:().,'+ -]{1,140}$/);
          expect(row["paymentOption.description"]?.length).toBeLessThanOrEqual(140);
        });
        expect(new Set(rows.map((r) => r.iupd)).size).toBe(rows.length);
      }),
    );
  });
});

describe("isValidItalianIban", () => {
  it.each([
    ["IT60X0542811101000000123456", true],
    ["IT61X0542811101000000123456", false],
    ["IT60X0542811101000000123457", false],
    ["IT60 X054 2811 1010 0000 0123 456", false],
    ["DE89370400440532013000", false],
    ["", false],
  ])("%s → %s", (iban, valid) => {
    expect(isValidItalianIban(iban)).toBe(valid);
  });
});

describe("docs/pagopa-export.md", () => {
  const doc = readFileSync(new URL("../../../docs/pagopa-export.md", import.meta.url), "utf8");
  const documented = doc
    .split("\n")
    .map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1])
    .filter((column): column is string => column !== undefined);

  it("describes every column of the file, in the file's order, and no other", () => {
    expect(documented).toEqual([...DEBT_POSITION_COLUMNS]);
  });

  it("shows a header and a row exactly as the export writes them", () => {
    const example = /```csv\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(`${BOM}${example?.replaceAll("\n", "\r\n")}\r\n`).toBe(debtPositionsCsv(input()));
  });

  it("shows the worked notice number the code computes", () => {
    expect(doc).toContain(`the notice number is \`${noticeNumber("01", 42)}\``);
  });
});
