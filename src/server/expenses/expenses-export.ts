// SPDX-License-Identifier: EUPL-1.2
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { ClaimStatus, ExpenseDocumentKind, ExpenseSource } from "../../domain/expenses/expenses.ts";
import type {
  BudgetPositionView,
  ClaimDetailView,
  ClaimSummaryView,
} from "../../domain/expenses/expenses-api.schema.ts";
import { type Db, inOrder } from "../db/client.ts";
import { claimRows } from "./expenses.repository.ts";
import { claimDetail, claimSummary, positionViews } from "./expenses-views.ts";

/*
 * The claims as XLSX workbooks with Italian headings: one claim (its heading, cost lines and
 * documents), and the register (every claim the caller sees, and the totals against budget). Amounts
 * are numbers in euro with the euro format, from whole cents; dates are dates. Written with exceljs'
 * streaming writer, as the other exports.
 */

const EURO = '#,##0.00 "€"';
const DATE = "dd/mm/yyyy";

export const STATUS_IT: Record<ClaimStatus, string> = {
  draft: "Bozza",
  submitted: "Inviato",
  approved: "Approvato",
  partly_approved: "Approvato parzialmente",
  rejected: "Respinto",
  reimbursement_requested: "Rimborso richiesto",
  paid: "Pagato",
};
export const SOURCE_IT: Record<ExpenseSource, string> = {
  grant: "Fondo perduto",
  equity: "Capitale dei partner",
  fundraising: "Raccolta fondi",
  calls: "Bandi",
  co_financing_a: "Cofinanziamento Area A",
  co_financing_b: "Cofinanziamento Area B",
};
export const DOCUMENT_KIND_IT: Record<ExpenseDocumentKind, string> = {
  invoice: "Fattura",
  proof_of_payment: "Quietanza di pagamento",
  timesheet: "Timesheet",
};

type Kind = "text" | "euro" | "date" | "count";
type Column<R> = { header: string; kind: Kind; width?: number; value: (row: R) => string | number | null };

const euro = (cents: number | null) => (cents === null ? null : cents / 100);
const date = (iso: string | null) => (iso === null ? null : new Date(`${iso.slice(0, 10)}T00:00:00Z`));

type Writer = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

function addSheet<R>(workbook: Writer, name: string, columns: readonly Column<R>[], rows: readonly R[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, Math.min(40, c.header.length + 4)),
    style: c.kind === "euro" ? { numFmt: EURO } : c.kind === "date" ? { numFmt: DATE } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows)
    sheet
      .addRow(
        columns.map((c) => {
          const v = c.value(row);
          if (c.kind === "date" && typeof v === "string") return date(v);
          return v;
        }),
      )
      .commit();
  sheet.commit();
}

async function workbookOf(fill: (workbook: Writer) => void): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  workbook.creator = "CasaComune";
  fill(workbook);
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

type Fact = { label: string; value: string | number | null; kind: Kind };

function claimFacts(c: ClaimDetailView): Fact[] {
  return [
    { label: "Riferimento", value: c.reference, kind: "text" },
    { label: "Ente partner", value: `${c.partner.name} (${c.partner.code})`, kind: "text" },
    { label: "Linea di attività", value: c.line, kind: "text" },
    { label: "Fonte di finanziamento", value: SOURCE_IT[c.fundingSource], kind: "text" },
    { label: "Titolo", value: c.title, kind: "text" },
    { label: "Periodo dal", value: c.periodFrom, kind: "date" },
    { label: "Periodo al", value: c.periodTo, kind: "date" },
    { label: "Stato", value: STATUS_IT[c.status], kind: "text" },
    { label: "Importo rendicontato", value: euro(c.totalCents), kind: "euro" },
    { label: "Importo approvato", value: euro(c.approvedCents), kind: "euro" },
    { label: "Nota della decisione", value: c.decisionNote, kind: "text" },
    { label: "Pagato il", value: c.paidOn, kind: "date" },
    { label: "Importo pagato", value: euro(c.paidCents), kind: "euro" },
    { label: "Budget", value: euro(c.budget?.budgetCents ?? null), kind: "euro" },
    { label: "Residuo del budget", value: euro(c.budget?.remainingCents ?? null), kind: "euro" },
  ];
}

/** One claim: its heading (Rendiconto), its cost lines (Voci di spesa), its documents (Giustificativi). */
export async function claimWorkbook(db: Db, id: string) {
  const claim = await claimDetail(db, id);
  const documents = claim.lines.flatMap((l) => l.documents.map((d) => ({ ...d, position: l.position })));
  const bytes = await workbookOf((workbook) => {
    const heading = workbook.addWorksheet("Rendiconto");
    heading.columns = [
      { header: "Voce", width: 28 },
      { header: "Valore", width: 50 },
    ];
    heading.getRow(1).font = { bold: true };
    heading.getRow(1).commit();
    for (const f of claimFacts(claim)) {
      const row = heading.addRow([
        f.label,
        f.kind === "date" && typeof f.value === "string" ? date(f.value) : f.value,
      ]);
      if (f.kind === "euro") row.getCell(2).numFmt = EURO;
      if (f.kind === "date") row.getCell(2).numFmt = DATE;
      row.commit();
    }
    heading.commit();
    addSheet(workbook, "Voci di spesa", lineColumns, claim.lines);
    addSheet(workbook, "Giustificativi", documentColumns, documents);
  });
  return { claim, bytes };
}

type LineOut = ClaimDetailView["lines"][number];
const lineColumns: Column<LineOut>[] = [
  { header: "N.", kind: "count", width: 6, value: (l) => l.position },
  { header: "Descrizione", kind: "text", width: 40, value: (l) => l.description },
  { header: "Fornitore", kind: "text", width: 28, value: (l) => l.supplier },
  { header: "Data della spesa", kind: "date", value: (l) => l.incurredOn },
  { header: "Importo", kind: "euro", value: (l) => euro(l.amountCents) },
  { header: "Importo approvato", kind: "euro", value: (l) => euro(l.approvedCents) },
  { header: "Motivo del taglio", kind: "text", width: 40, value: (l) => l.rejectionReason ?? "" },
  { header: "Giustificativi", kind: "count", value: (l) => l.documents.length },
];

type DocumentOut = LineOut["documents"][number] & { position: number };
const documentColumns: Column<DocumentOut>[] = [
  { header: "Voce n.", kind: "count", width: 8, value: (d) => d.position },
  { header: "Tipo", kind: "text", width: 24, value: (d) => DOCUMENT_KIND_IT[d.kind] },
  { header: "Emittente", kind: "text", width: 28, value: (d) => d.issuer },
  { header: "Numero", kind: "text", value: (d) => d.number },
  { header: "Data", kind: "date", value: (d) => d.issuedOn },
  { header: "File", kind: "text", width: 28, value: (d) => d.fileName },
  { header: "SHA-256", kind: "text", width: 66, value: (d) => d.sha256 },
];

const claimColumns: Column<ClaimSummaryView>[] = [
  { header: "Riferimento", kind: "text", value: (c) => c.reference },
  { header: "Ente partner", kind: "text", width: 30, value: (c) => c.partner.name },
  { header: "Linea", kind: "text", width: 8, value: (c) => c.line },
  { header: "Fonte", kind: "text", width: 24, value: (c) => SOURCE_IT[c.fundingSource] },
  { header: "Titolo", kind: "text", width: 40, value: (c) => c.title },
  { header: "Periodo dal", kind: "date", value: (c) => c.periodFrom },
  { header: "Periodo al", kind: "date", value: (c) => c.periodTo },
  { header: "Stato", kind: "text", width: 24, value: (c) => STATUS_IT[c.status] },
  { header: "Voci", kind: "count", width: 8, value: (c) => c.lineCount },
  { header: "Importo rendicontato", kind: "euro", value: (c) => euro(c.totalCents) },
  { header: "Importo approvato", kind: "euro", value: (c) => euro(c.approvedCents) },
  { header: "Importo pagato", kind: "euro", value: (c) => euro(c.paidCents) },
  { header: "Pagato il", kind: "date", value: (c) => c.paidOn },
];

const budgetColumns: Column<BudgetPositionView>[] = [
  { header: "Ente partner", kind: "text", width: 30, value: (b) => b.partner.name },
  { header: "Linea", kind: "text", width: 8, value: (b) => b.line },
  { header: "Fonte", kind: "text", width: 24, value: (b) => SOURCE_IT[b.fundingSource] },
  { header: "Budget", kind: "euro", value: (b) => euro(b.budgetCents) },
  { header: "Rendicontato", kind: "euro", value: (b) => euro(b.claimedCents) },
  { header: "In istruttoria", kind: "euro", value: (b) => euro(b.pendingCents) },
  { header: "Approvato", kind: "euro", value: (b) => euro(b.approvedCents) },
  { header: "Pagato", kind: "euro", value: (b) => euro(b.paidCents) },
  { header: "Residuo", kind: "euro", value: (b) => euro(b.remainingCents) },
];

/** The register: every claim the caller sees (Rendiconti) and the totals against budget (Budget). */
export async function registerWorkbook(db: Db) {
  const [claims, positions] = await inOrder([() => claimRows(db), () => positionViews(db)]);
  return workbookOf((workbook) => {
    addSheet(workbook, "Rendiconti", claimColumns, claims.map(claimSummary));
    addSheet(workbook, "Budget", budgetColumns, positions);
  });
}
