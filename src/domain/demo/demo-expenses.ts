// SPDX-License-Identifier: EUPL-1.2
import type { AreaLine, ClaimStatus, ExpenseDocumentKind, ExpenseSource } from "../expenses/expenses.ts";

/*
 * The demo's expense claims, plainly fictional (every supplier and issuer ends in "(demo)"): budgets
 * for the Area A partner and the Area B partners per line and source, and claims at each stage — a
 * paid one, an approved one, a partly approved one with a cut and its reason, a rejected one whose
 * documents were released, one submitted and awaiting review, and a draft still missing its proof of
 * payment. Every cost and document falls inside its claim's period and the convention (from
 * 2026-01-01), before the demo's today (2026-11-22).
 */

export type DemoBudget = {
  partnerCode: string;
  line: AreaLine;
  fundingSource: ExpenseSource;
  amountCents: number;
};

export const DEMO_EXPENSE_BUDGETS: readonly DemoBudget[] = [
  { partnerCode: "ETS-A", line: "A.1", fundingSource: "grant", amountCents: 12_000_000 },
  { partnerCode: "ETS-A", line: "A.2", fundingSource: "equity", amountCents: 5_000_000 },
  { partnerCode: "ETS-A", line: "A.3", fundingSource: "grant", amountCents: 40_000_000 },
  { partnerCode: "ETS-A", line: "A.4", fundingSource: "fundraising", amountCents: 3_000_000 },
  { partnerCode: "ETS-B1", line: "B.1", fundingSource: "co_financing_b", amountCents: 2_000_000 },
  { partnerCode: "ETS-B1", line: "B.2", fundingSource: "grant", amountCents: 25_000_000 },
  { partnerCode: "ETS-B1", line: "B.3", fundingSource: "grant", amountCents: 15_000_000 },
  { partnerCode: "ETS-B2", line: "B.2", fundingSource: "grant", amountCents: 20_000_000 },
  { partnerCode: "ETS-B2", line: "B.3", fundingSource: "calls", amountCents: 8_000_000 },
  { partnerCode: "ETS-B3", line: "B.3", fundingSource: "grant", amountCents: 10_000_000 },
];

export type DemoDocument = { kind: ExpenseDocumentKind; issuer: string; number: string; issuedOn: string };

export type DemoCostLine = {
  description: string;
  supplier: string;
  incurredOn: string;
  amountCents: number;
  /** Set once decided; with a reason when less than the amount. */
  approvedCents: number | null;
  rejectionReason: string | null;
  documents: DemoDocument[];
};

export type DemoClaim = {
  partnerCode: string;
  line: AreaLine;
  fundingSource: ExpenseSource;
  periodFrom: string;
  periodTo: string;
  title: string;
  status: ClaimStatus;
  submittedOn: string | null;
  decidedOn: string | null;
  decisionNote: string;
  reimbursementRequestedOn: string | null;
  paidOn: string | null;
  lines: DemoCostLine[];
};

/** The title of the submitted claim awaiting review (the reviewer's browser journey opens it). */
export const DEMO_CLAIM_AWAITING_REVIEW = "Educativa domiciliare, luglio–settembre 2026 (demo)";

/** A cost line with its invoice (or timesheet) and its proof of payment, numbered from `n`. */
function documented(
  n: string,
  line: Omit<DemoCostLine, "documents" | "approvedCents" | "rejectionReason">,
  decision: { approvedCents: number | null; rejectionReason?: string } = { approvedCents: null },
  options: { timesheet?: boolean; paidOn?: string; noProof?: boolean } = {},
): DemoCostLine {
  const first: DemoDocument = options.timesheet
    ? { kind: "timesheet", issuer: line.supplier, number: `TS-${n}`, issuedOn: line.incurredOn }
    : { kind: "invoice", issuer: line.supplier, number: `FT-${n}`, issuedOn: line.incurredOn };
  const proof: DemoDocument = {
    kind: "proof_of_payment",
    issuer: "Banca Immaginaria di Milano (demo)",
    number: `BON-${n}`,
    issuedOn: options.paidOn ?? line.incurredOn,
  };
  return {
    ...line,
    approvedCents: decision.approvedCents,
    rejectionReason: decision.rejectionReason ?? null,
    documents: options.noProof ? [first] : [first, proof],
  };
}

const full = (amountCents: number) => ({ approvedCents: amountCents });

export const DEMO_CLAIMS: readonly DemoClaim[] = [
  {
    partnerCode: "ETS-B1",
    line: "B.2",
    fundingSource: "grant",
    periodFrom: "2026-04-01",
    periodTo: "2026-06-30",
    title: "Arredi e piccoli interventi, aprile–giugno 2026 (demo)",
    status: "paid",
    submittedOn: "2026-07-06",
    decidedOn: "2026-07-28",
    decisionNote: "Spese ammesse per intero.",
    reimbursementRequestedOn: "2026-08-03",
    paidOn: "2026-09-15",
    lines: [
      documented(
        "2026-041",
        {
          description: "Cucine componibili per 4 alloggi",
          supplier: "Arredi Fittizi srl (demo)",
          incurredOn: "2026-04-20",
          amountCents: 1_840_000,
        },
        full(1_840_000),
        { paidOn: "2026-05-05" },
      ),
      documented(
        "2026-057",
        {
          description: "Tinteggiatura di 3 alloggi",
          supplier: "Colori Immaginari snc (demo)",
          incurredOn: "2026-05-18",
          amountCents: 960_000,
        },
        full(960_000),
        { paidOn: "2026-06-10" },
      ),
    ],
  },
  {
    partnerCode: "ETS-A",
    line: "A.1",
    fundingSource: "grant",
    periodFrom: "2026-04-01",
    periodTo: "2026-06-30",
    title: "Coordinamento e monitoraggio, aprile–giugno 2026 (demo)",
    status: "approved",
    submittedOn: "2026-07-10",
    decidedOn: "2026-08-04",
    decisionNote: "",
    reimbursementRequestedOn: null,
    paidOn: null,
    lines: [
      documented(
        "A-Q2-01",
        {
          description: "Coordinatrice di progetto, 240 ore",
          supplier: "Consorzio Fittizio Abitare Insieme (demo)",
          incurredOn: "2026-06-30",
          amountCents: 720_000,
        },
        full(720_000),
        { timesheet: true },
      ),
      documented(
        "2026-0611",
        {
          description: "Piattaforma di raccolta dati del monitoraggio",
          supplier: "Software Immaginario spa (demo)",
          incurredOn: "2026-06-11",
          amountCents: 310_000,
        },
        full(310_000),
        { paidOn: "2026-06-25" },
      ),
    ],
  },
  {
    partnerCode: "ETS-B2",
    line: "B.3",
    fundingSource: "calls",
    periodFrom: "2026-06-01",
    periodTo: "2026-08-31",
    title: "Accompagnamento educativo, estate 2026 (demo)",
    status: "partly_approved",
    submittedOn: "2026-09-04",
    decidedOn: "2026-09-29",
    decisionNote: "Una voce ridotta: vedi il motivo sulla voce.",
    reimbursementRequestedOn: null,
    paidOn: null,
    lines: [
      documented(
        "B2-EST-01",
        {
          description: "Educatori, 310 ore",
          supplier: "Fondazione Fittizia Porte Amiche (demo)",
          incurredOn: "2026-08-31",
          amountCents: 837_000,
        },
        full(837_000),
        { timesheet: true },
      ),
      documented(
        "2026-0719",
        {
          description: "Gita di gruppo e merende",
          supplier: "Viaggi Inventati srl (demo)",
          incurredOn: "2026-07-19",
          amountCents: 145_000,
        },
        { approvedCents: 60_000, rejectionReason: "Solo la quota per i beneficiari è ammissibile (demo)" },
        { paidOn: "2026-07-30" },
      ),
    ],
  },
  {
    partnerCode: "ETS-B3",
    line: "B.3",
    fundingSource: "grant",
    periodFrom: "2026-05-01",
    periodTo: "2026-07-31",
    title: "Laboratori di quartiere, maggio–luglio 2026 (demo)",
    status: "rejected",
    submittedOn: "2026-08-05",
    decidedOn: "2026-08-26",
    decisionNote: "Fattura intestata a un altro ente: ripresentare con il giustificativo corretto (demo).",
    reimbursementRequestedOn: null,
    paidOn: null,
    lines: [
      documented(
        "2026-0520",
        {
          description: "Materiali per i laboratori",
          supplier: "Cartoleria Immaginaria (demo)",
          incurredOn: "2026-05-20",
          amountCents: 88_000,
        },
        { approvedCents: 0, rejectionReason: "Fattura intestata ad altro ente (demo)" },
        { paidOn: "2026-06-03" },
      ),
    ],
  },
  {
    partnerCode: "ETS-B1",
    line: "B.3",
    fundingSource: "grant",
    periodFrom: "2026-07-01",
    periodTo: "2026-09-30",
    title: DEMO_CLAIM_AWAITING_REVIEW,
    status: "submitted",
    submittedOn: "2026-10-12",
    decidedOn: null,
    decisionNote: "",
    reimbursementRequestedOn: null,
    paidOn: null,
    lines: [
      documented(
        "B1-Q3-01",
        {
          description: "Educatrice domiciliare, 180 ore",
          supplier: "Cooperativa Fittizia Casa Aperta (demo)",
          incurredOn: "2026-09-30",
          amountCents: 486_000,
        },
        undefined,
        { timesheet: true },
      ),
      documented(
        "2026-0822",
        {
          description: "Mediazione linguistica, 12 incontri",
          supplier: "Parole Immaginarie aps (demo)",
          incurredOn: "2026-08-22",
          amountCents: 132_000,
        },
        undefined,
        { paidOn: "2026-09-08" },
      ),
      documented(
        "2026-0905",
        {
          description: "Abbonamenti ai mezzi per i beneficiari",
          supplier: "Trasporti Fittizi spa (demo)",
          incurredOn: "2026-09-05",
          amountCents: 48_000,
        },
        undefined,
        { paidOn: "2026-09-05" },
      ),
    ],
  },
  {
    partnerCode: "ETS-B1",
    line: "B.2",
    fundingSource: "grant",
    periodFrom: "2026-10-01",
    periodTo: "2026-12-31",
    title: "Arredi, ottobre–dicembre 2026 (demo)",
    status: "draft",
    submittedOn: null,
    decidedOn: null,
    decisionNote: "",
    reimbursementRequestedOn: null,
    paidOn: null,
    lines: [
      documented(
        "2026-1014",
        {
          description: "Letti e armadi per 2 alloggi",
          supplier: "Arredi Fittizi srl (demo)",
          incurredOn: "2026-10-14",
          amountCents: 1_120_000,
        },
        undefined,
        { noProof: true },
      ),
    ],
  },
];

/**
 * A small valid PDF of one page with `lines` of text (Helvetica), for the demo's documents: a few
 * hundred bytes, each its own content.
 */
export function tinyPdf(lines: readonly string[]): Uint8Array {
  const pdfText = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/[\\()]/g, (ch) => `\\${ch}`);
  const stream = `BT /F1 11 Tf 56 780 Td 14 TL ${lines.map((l) => `(${pdfText(l)}) '`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
