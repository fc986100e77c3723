// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { noticeNumber } from "../pagopa/notice.ts";
import { type Evidence, type OpenTenancy, payerKey, reconcile, referenceKey } from "./reconcile.ts";
import type { StatementLine } from "./statement.ts";

const ROSSI_RENT = noticeNumber("01", 42); // 301000000000004285
const ROSSI_SERVICE = noticeNumber("01", 1042);
const BIANCHI_RENT = noticeNumber("01", 43);

/**
 * T42 Rossi: rent 450.00 and service charges 65.50 open (515.50 together), balance 500.00 after a
 * credit of 15.50. T43 Bianchi: two signatories, rent 380.00 open. T44 and T45 share a signatory,
 * Giulia Verdi. T46 Ferri has an accented name.
 */
const TENANCIES: readonly OpenTenancy[] = [
  {
    tenancyId: "T42",
    reference: "LOC-2026-00042",
    noticeNumbers: [ROSSI_RENT, ROSSI_SERVICE],
    payerNames: ["Mario Rossi Esempio"],
    openAmountsCents: [45_000, 6_550],
    balanceCents: 50_000,
  },
  {
    tenancyId: "T43",
    reference: "LOC-2026-00043",
    noticeNumbers: [BIANCHI_RENT],
    payerNames: ["Lucia Bianchi Esempio", "Paolo Bianchi Esempio"],
    openAmountsCents: [38_000],
    balanceCents: 38_000,
  },
  {
    tenancyId: "T44",
    reference: "LOC-2026-00044",
    noticeNumbers: [],
    payerNames: ["Giulia Verdi Esempio"],
    openAmountsCents: [30_000, 30_000],
    balanceCents: 60_000,
  },
  {
    tenancyId: "T45",
    reference: "LOC-2026-00045",
    noticeNumbers: [],
    payerNames: ["Giulia Verdi Esempio", "Anna Neri Esempio"],
    openAmountsCents: [12_000],
    balanceCents: 12_000,
  },
  {
    tenancyId: "T46",
    reference: "LOC-2026-00046",
    noticeNumbers: [],
    payerNames: ["Niccolò D'Alì Esempio"],
    openAmountsCents: [25_000],
    balanceCents: 25_000,
  },
];

const line = (overrides: Partial<StatementLine> = {}): StatementLine => ({
  lineNo: 7,
  bookedOn: "2026-11-03",
  amountCents: 12_345,
  payer: "",
  remittance: "",
  bankReference: "CRO-1",
  ...overrides,
});

const matchOne = (overrides: Partial<StatementLine>, tenancies: readonly OpenTenancy[] = TENANCIES) =>
  reconcile([line(overrides)], tenancies)[0];

describe("referenceKey and payerKey", () => {
  it.each([
    ["LOC-2026-00042", "LOC202600042"],
    ["loc 2026 00042", "LOC202600042"],
    ["LOC-2026/00042", "LOC202600042"],
    ["Rif. LOC202600042", "RIFLOC202600042"],
  ])("reference %s → %s", (reference, key) => {
    expect(referenceKey(reference)).toBe(key);
  });

  it.each([
    ["Mario Rossi", "MARIO ROSSI"],
    ["Rossi Mario", "MARIO ROSSI"],
    ["  ROSSI,   mario. ", "MARIO ROSSI"],
    ["Niccolò D'Alì", "ALI D NICCOLO"],
    ["NICCOLO' D'ALI'", "ALI D NICCOLO"],
    ["", ""],
  ])("payer %s → %s", (name, key) => {
    expect(payerKey(name)).toBe(key);
  });
});

describe("reconcile: matched lines", () => {
  it.each<[string, Partial<StatementLine>, string, Evidence[]]>([
    // The reference, written every way tenants write it.
    ["the reference as issued", { remittance: "Canone novembre LOC-2026-00042" }, "T42", ["reference"]],
    ["in lower case with spaces", { remittance: "canone loc 2026 00042" }, "T42", ["reference"]],
    ["with a slash", { remittance: "LOC-2026/00042 novembre" }, "T42", ["reference"]],
    ["run together after Rif.", { remittance: "Rif. LOC202600042" }, "T42", ["reference"]],
    ["after Rif. without a space", { remittance: "Rif.LOC202600042" }, "T42", ["reference"]],
    ["with underscores and dots", { remittance: "loc_2026.00042" }, "T42", ["reference"]],
    ["followed by a month number", { remittance: "LOC-2026-00042 11/2026" }, "T42", ["reference"]],
    ["in quotes", { remittance: 'Canoni "LOC 2026 00043"' }, "T43", ["reference"]],
    // Notice numbers and IUVs.
    ["a notice number", { remittance: "Avviso 301000000000004285" }, "T42", ["reference"]],
    [
      "a notice number in groups",
      { remittance: "Pagamento avviso 3010 0000 0000 0042 85" },
      "T42",
      ["reference"],
    ],
    ["a notice number after letters", { remittance: "AVVISO301000000000004285" }, "T42", ["reference"]],
    ["another notice of the same tenancy", { remittance: ROSSI_SERVICE }, "T42", ["reference"]],
    ["an IUV", { remittance: "/RFB/01000000000004285/450.00" }, "T42", ["reference"]],
    [
      "reference and notice of the same tenancy",
      { remittance: `LOC-2026-00042 ${ROSSI_RENT}` },
      "T42",
      ["reference"],
    ],
    // Evidence recorded with the reference.
    [
      "reference and an open charge",
      { remittance: "LOC-2026-00042", amountCents: 45_000 },
      "T42",
      ["reference", "amount"],
    ],
    [
      "reference and the other open charge",
      { remittance: "LOC-2026-00042", amountCents: 6_550 },
      "T42",
      ["reference", "amount"],
    ],
    [
      "reference and all open charges",
      { remittance: "LOC-2026-00042", amountCents: 51_550 },
      "T42",
      ["reference", "amount"],
    ],
    [
      "reference and the balance",
      { remittance: "LOC-2026-00042", amountCents: 50_000 },
      "T42",
      ["reference", "amount"],
    ],
    [
      "reference and payer",
      { remittance: "LOC-2026-00042", payer: "Mario Rossi Esempio" },
      "T42",
      ["reference", "payer"],
    ],
    [
      "reference, amount and payer",
      { remittance: "LOC-2026-00042", amountCents: 45_000, payer: "ROSSI MARIO ESEMPIO" },
      "T42",
      ["reference", "amount", "payer"],
    ],
    [
      "a reference decides between a payer's two tenancies",
      { remittance: "LOC-2026-00045", amountCents: 12_000, payer: "Giulia Verdi Esempio" },
      "T45",
      ["reference", "amount", "payer"],
    ],
    [
      "a reference wins over another tenancy's payer",
      { remittance: "LOC-2026-00043", amountCents: 38_000, payer: "Mario Rossi Esempio" },
      "T43",
      ["reference", "amount"],
    ],
    // Payer and amount without a reference.
    [
      "payer and open charge",
      { payer: "Mario Rossi Esempio", amountCents: 45_000 },
      "T42",
      ["amount", "payer"],
    ],
    ["payer and balance", { payer: "Mario Rossi Esempio", amountCents: 50_000 }, "T42", ["amount", "payer"]],
    [
      "payer and all open charges",
      { payer: "Mario Rossi Esempio", amountCents: 51_550 },
      "T42",
      ["amount", "payer"],
    ],
    [
      "payer in another word order",
      { payer: "Rossi Mario Esempio", amountCents: 45_000 },
      "T42",
      ["amount", "payer"],
    ],
    [
      "the second signatory",
      { payer: "BIANCHI PAOLO ESEMPIO", amountCents: 38_000 },
      "T43",
      ["amount", "payer"],
    ],
    [
      "payer without accents",
      { payer: "NICCOLO' D'ALI' ESEMPIO", amountCents: 25_000 },
      "T46",
      ["amount", "payer"],
    ],
    [
      "payer and amount with an unrelated remittance",
      { payer: "Anna Neri Esempio", amountCents: 12_000, remittance: "Affitto novembre 2026" },
      "T45",
      ["amount", "payer"],
    ],
  ])("%s", (_case, overrides, tenancyId, matchedBy) => {
    expect(matchOne(overrides)).toMatchObject({ lineNo: 7, tenancyId, matchedBy });
  });

  it.each<[string, Partial<StatementLine>, string]>([
    [
      "reference only",
      { remittance: "LOC-2026-00042", amountCents: 12_345, payer: "Ufficio Esempio" },
      "Reference LOC-2026-00042 in the remittance; amount 123.45 EUR does not agree (balance 500.00 EUR); payer is not a signatory",
    ],
    [
      "reference, amount and payer",
      { remittance: "LOC-2026-00042", amountCents: 45_000, payer: "Mario Rossi Esempio" },
      "Reference LOC-2026-00042 in the remittance; amount 450.00 EUR agrees; payer is a signatory",
    ],
    [
      "payer and amount",
      { payer: "Mario Rossi Esempio", amountCents: 45_000 },
      "No reference in the remittance; payer signs LOC-2026-00042 and amount 450.00 EUR agrees",
    ],
  ])("says why: %s", (_case, overrides, reason) => {
    expect(matchOne(overrides)?.reason).toBe(reason);
  });
});

describe("reconcile: lines left in the queue", () => {
  it.each<[string, Partial<StatementLine>, string]>([
    [
      "two references",
      { remittance: "Canoni LOC-2026-00042 e LOC-2026-00043", amountCents: 83_000 },
      "Several references in the remittance (LOC-2026-00042, LOC-2026-00043): a person must choose",
    ],
    [
      "a reference and another tenancy's notice",
      { remittance: `LOC-2026-00042 avviso ${BIANCHI_RENT}`, payer: "Mario Rossi Esempio" },
      "Several references in the remittance (LOC-2026-00042, LOC-2026-00043): a person must choose",
    ],
    [
      "no evidence at all",
      { payer: "Ufficio Esempio Srl", remittance: "Bonifico" },
      'No reference in the remittance and payer "Ufficio Esempio Srl" signs no open tenancy',
    ],
    [
      "an amount that agrees, and nothing else",
      { payer: "Ufficio Esempio Srl", amountCents: 45_000 },
      'No reference in the remittance and payer "Ufficio Esempio Srl" signs no open tenancy',
    ],
    [
      "no payer name",
      { payer: "  ", amountCents: 45_000 },
      "No reference in the remittance and no payer name",
    ],
    [
      "a payer of two tenancies, even when the amount fits one",
      { payer: "Giulia Verdi Esempio", amountCents: 12_000 },
      'No reference in the remittance and payer "Giulia Verdi Esempio" signs 2 open tenancies (LOC-2026-00044, LOC-2026-00045)',
    ],
    [
      "a payer whose amount does not agree",
      { payer: "Mario Rossi Esempio", amountCents: 40_000 },
      "No reference in the remittance; payer signs LOC-2026-00042 but amount 400.00 EUR does not agree (balance 500.00 EUR)",
    ],
    [
      "a longer number after the reference",
      { remittance: "LOC-2026-000421", payer: "Ufficio Esempio Srl" },
      'No reference in the remittance and payer "Ufficio Esempio Srl" signs no open tenancy',
    ],
    [
      "a reference glued to a word",
      { remittance: "XLOC-2026-00042", payer: "Ufficio Esempio Srl" },
      'No reference in the remittance and payer "Ufficio Esempio Srl" signs no open tenancy',
    ],
    [
      "a notice number with wrong check digits",
      { remittance: "Avviso 301000000000004286", payer: "Ufficio Esempio Srl" },
      'No reference in the remittance and payer "Ufficio Esempio Srl" signs no open tenancy',
    ],
    [
      "part of a surname",
      { payer: "Mario Rossi", amountCents: 45_000 },
      'No reference in the remittance and payer "Mario Rossi" signs no open tenancy',
    ],
  ])("%s", (_case, overrides, reason) => {
    expect(matchOne(overrides)).toEqual({ lineNo: 7, tenancyId: null, matchedBy: [], reason });
  });

  it("a notice number that two tenancies claim names both", () => {
    const shared = TENANCIES.map((t) => (t.tenancyId === "T43" ? { ...t, noticeNumbers: [ROSSI_RENT] } : t));
    expect(matchOne({ remittance: ROSSI_RENT }, shared)).toMatchObject({
      tenancyId: null,
      reason: "Several references in the remittance (LOC-2026-00042, LOC-2026-00043): a person must choose",
    });
  });

  it("two tenancies whose references differ only in punctuation are both named", () => {
    const twins = [
      ...TENANCIES,
      { ...(TENANCIES[0] as OpenTenancy), tenancyId: "T42bis", reference: "LOC 2026 00042" },
    ];
    expect(matchOne({ remittance: "LOC-2026-00042" }, twins)).toMatchObject({ tenancyId: null });
  });

  it("lists at most five references", () => {
    const many = Array.from({ length: 7 }, (_, i) => `LOC-2026-0010${i}`);
    const tenancies = many.map((reference, i) => ({
      ...(TENANCIES[0] as OpenTenancy),
      tenancyId: `M${i}`,
      reference,
    }));
    expect(matchOne({ remittance: many.join(" ") }, tenancies)?.reason).toBe(
      "Several references in the remittance (LOC-2026-00100, LOC-2026-00101, LOC-2026-00102, LOC-2026-00103, LOC-2026-00104 and 2 more): a person must choose",
    );
  });

  it("without open tenancies nothing matches", () => {
    expect(matchOne({ remittance: "LOC-2026-00042", payer: "Mario Rossi Esempio" }, [])).toMatchObject({
      tenancyId: null,
    });
  });
});

describe("reconcile: many lines", () => {
  it("gives one result per line, in order", () => {
    const results = reconcile(
      [
        line({ lineNo: 3, remittance: "LOC-2026-00043" }),
        line({ lineNo: 1, remittance: "nothing" }),
        line({ lineNo: 2, payer: "Mario Rossi Esempio", amountCents: 45_000 }),
      ],
      TENANCIES,
    );
    expect(results.map((r) => [r.lineNo, r.tenancyId])).toEqual([
      [3, "T43"],
      [1, null],
      [2, "T42"],
    ]);
  });

  it("matches 50,000 lines against 5,000 tenancies as each kind of line requires", () => {
    const tenancies: OpenTenancy[] = Array.from({ length: 5_000 }, (_, i) => ({
      tenancyId: `T${i}`,
      reference: `LOC-2026-${String(i).padStart(5, "0")}`,
      noticeNumbers: [noticeNumber("01", 2_026_000_000_000 + i)],
      payerNames: [`Persona${i} Esempio`],
      openAmountsCents: [30_000 + i],
      balanceCents: 30_000 + i,
    }));
    const lines: StatementLine[] = [];
    const expected: (string | null)[] = [];
    for (let n = 0; n < 50_000; n++) {
      const i = (n * 7) % 5_000;
      const t = tenancies[i] as OpenTenancy;
      const notice = t.noticeNumbers[0] as string;
      const kind = n % 5;
      const base = line({ lineNo: n + 2, amountCents: 10_000 + (n % 97) });
      if (kind === 0)
        lines.push({ ...base, remittance: `Canone ${t.reference.toLowerCase().replaceAll("-", " ")}` });
      else if (kind === 1)
        lines.push({ ...base, remittance: `Avviso ${notice.replace(/(\d{4})(?=\d)/g, "$1 ")}` });
      else if (kind === 2) lines.push({ ...base, payer: `Esempio Persona${i}`, amountCents: 30_000 + i });
      else if (kind === 3) lines.push({ ...base, payer: `Persona${i} Esempio`, amountCents: 1 });
      else lines.push({ ...base, payer: `Sconosciuto${i}`, remittance: `Bonifico ${n}` });
      expected.push(kind <= 2 ? t.tenancyId : null);
    }
    const results = reconcile(lines, tenancies);
    expect(results.map((r) => r.tenancyId)).toEqual(expected);
    expect(results.map((r) => r.lineNo)).toEqual(lines.map((l) => l.lineNo));
  });
});

describe("reconcile: properties", () => {
  const FILLERS = [
    "canone",
    "novembre",
    "rif.",
    "affitto",
    "2026",
    "n.",
    "pagamento",
    "saldo",
    "-",
    "/",
    "bonifico",
  ];
  const filler = fc.array(fc.constantFrom(...FILLERS), { maxLength: 4 }).map((words) => words.join(" "));
  const KNOWN = ["Mario Rossi", "Lucia Bianchi", "Giulia Verdi", "Anna Neri", "Paolo Gialli"];
  const STRANGERS = ["Carla Azzurri", "Ufficio Esempio", "Banca Esempio", ""];

  /** Open tenancies with distinct references LOC-<year>-<5 digits> and signatories among KNOWN. */
  const tenancies = fc
    .uniqueArray(fc.integer({ min: 0, max: 99_999 }), { minLength: 1, maxLength: 30 })
    .chain((sequences) =>
      fc.tuple(
        ...sequences.map((sequence) =>
          fc.record({
            tenancyId: fc.constant(`T${sequence}`),
            reference: fc.constant(`LOC-2026-${String(sequence).padStart(5, "0")}`),
            noticeNumbers: fc.constant([noticeNumber("01", sequence)]),
            payerNames: fc.uniqueArray(fc.constantFrom(...KNOWN), { minLength: 1, maxLength: 2 }),
            openAmountsCents: fc.array(fc.integer({ min: 1, max: 200_000 }), { maxLength: 3 }),
            balanceCents: fc.integer({ min: -10_000, max: 500_000 }),
          }),
        ),
      ),
    );

  /** The ways a tenant writes a reference or a notice number in the causale. */
  const WRITINGS: readonly ((t: OpenTenancy) => string)[] = [
    (t) => t.reference,
    (t) => t.reference.toLowerCase(),
    (t) => t.reference.replaceAll("-", " "),
    (t) => t.reference.replace(/-(\d{5})$/, "/$1"),
    (t) => `Rif. ${t.reference.replaceAll("-", "")}`,
    (t) => t.noticeNumbers[0] as string,
    (t) => (t.noticeNumbers[0] as string).replace(/(\d{4})(?=\d)/g, "$1 "),
    (t) => (t.noticeNumbers[0] as string).slice(1),
  ];

  it("a line built from a tenancy's reference always matches that tenancy", () => {
    fc.assert(
      fc.property(
        tenancies,
        fc.nat(),
        fc.constantFrom(...WRITINGS),
        filler,
        filler,
        fc.constantFrom(...KNOWN, ...STRANGERS),
        fc.integer({ min: 1, max: 500_000 }),
        (open, pick, write, before, after, payer, amountCents) => {
          const t = open[pick % open.length] as OpenTenancy;
          const remittance = `${before} ${write(t)} ${after}`;
          const [result] = reconcile([line({ remittance, payer, amountCents })], open);
          expect(result?.tenancyId).toBe(t.tenancyId);
          expect(result?.matchedBy[0]).toBe("reference");
        },
      ),
    );
  });

  it("a line with no reference and an unknown payer never matches", () => {
    fc.assert(
      fc.property(
        tenancies,
        filler,
        fc.constantFrom(...STRANGERS),
        fc.integer({ min: 1, max: 500_000 }),
        (open, remittance, payer, amountCents) => {
          const [result] = reconcile([line({ remittance, payer, amountCents })], open);
          expect(result).toMatchObject({ tenancyId: null, matchedBy: [] });
        },
      ),
    );
  });

  it("records evidence in the order reference, amount, payer, and only with a tenancy", () => {
    fc.assert(
      fc.property(
        tenancies,
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(...KNOWN, ...STRANGERS),
        fc.integer({ min: 1, max: 500_000 }),
        (open, pick, withReference, payer, amountCents) => {
          const t = open[pick % open.length] as OpenTenancy;
          const remittance = withReference ? t.reference : "";
          const [result] = reconcile([line({ remittance, payer, amountCents })], open);
          const order: Evidence[] = ["reference", "amount", "payer"];
          const evidence = result?.matchedBy ?? [];
          expect(evidence).toEqual(order.filter((e) => evidence.includes(e)));
          expect(evidence.length > 0).toBe(result?.tenancyId !== null);
          expect(result?.reason).not.toBe("");
        },
      ),
    );
  });
});
