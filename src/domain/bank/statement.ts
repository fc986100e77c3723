// SPDX-License-Identifier: EUPL-1.2
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { detectDelimiter } from "../shared/csv.ts";
import type { FieldIssue } from "../shared/issue.ts";

/** A credit on the Comune's account, as the bank's statement (estratto conto) shows it. */
export type StatementLine = {
  /** CSV: the file's line number (header = 1). camt.053: 1-based order of the entries read, skipped ones included. */
  lineNo: number;
  /** Booking date (data contabile), YYYY-MM-DD. */
  bookedOn: string;
  /** Credited amount in cents, > 0. */
  amountCents: number;
  /** Who paid (ordinante), as the bank wrote it; may be empty. */
  payer: string;
  /** Remittance information (causale), as the bank wrote it; may be empty. */
  remittance: string;
  /** The bank's own reference of the movement (CRO, TRN, AcctSvcrRef…); may be empty. */
  bankReference: string;
};

export type StatementFormat = "csv" | "camt053";

/** All or nothing: either every credit of the file, or every problem found in it. */
export type StatementParse =
  | { ok: true; format: StatementFormat; lines: StatementLine[]; debitsSkipped: number }
  | { ok: false; format: StatementFormat | null; errors: FieldIssue[] };

/** Parse a bank statement: ISO 20022 camt.053 (by content, or a `.xml` name) or an Italian bank's CSV. */
export function parseStatement(fileName: string, content: Uint8Array): StatementParse {
  const text = decode(content);
  if (text.trim() === "")
    return { ok: false, format: null, errors: [{ path: "file", message: "The file is empty" }] };
  const xml =
    /<(?:[\w.-]+:)?BkToCstmrStmt[\s>]/.test(text) ||
    fileName.toLowerCase().endsWith(".xml") ||
    text.trimStart().startsWith("<?xml");
  return xml ? parseCamt053(text) : parseStatementCsv(text);
}

// Italian banks and spreadsheets still write Windows-1252 now and then: fall back to it rather than
// refuse a file whose only fault is an accent in a name.
function decode(content: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    text = new TextDecoder("windows-1252").decode(content);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------------
// Values

type Parsed<T> = { value: T } | { error: string };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pad2 = (n: number) => String(n).padStart(2, "0");

const isDigit = (s: string, at: number) => {
  const c = s.charCodeAt(at);
  return c >= 48 && c <= 57;
};
const digitsAt = (s: string, at: number, count: number) => {
  let value = 0;
  for (let i = at; i < at + count; i++) value = value * 10 + (s.charCodeAt(i) - 48);
  return value;
};

const ITALIAN_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9];
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
function allDigits(s: string, positions: readonly number[]): boolean {
  for (const at of positions) if (!isDigit(s, at)) return false;
  return true;
}

// The two shapes nearly every file uses, dd/mm/yyyy and yyyy-mm-dd, read without a regular expression.
function commonDate(s: string): string | null {
  if (s.length !== 10) return null;
  let year: number;
  let month: number;
  let day: number;
  if (s[2] === "/" && s[5] === "/" && allDigits(s, ITALIAN_DIGITS)) {
    year = digitsAt(s, 6, 4);
    month = digitsAt(s, 3, 2);
    day = digitsAt(s, 0, 2);
  } else if (s[4] === "-" && s[7] === "-" && allDigits(s, ISO_DIGITS)) {
    year = digitsAt(s, 0, 4);
    month = digitsAt(s, 5, 2);
    day = digitsAt(s, 8, 2);
  } else {
    return null;
  }
  const lastDay = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (lastDay === undefined || day < 1 || day > lastDay) return null;
  return s[4] === "-" ? s : `${s.slice(6)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
}

const DATE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:[ T].*)?$/;

/** A date written dd/mm/yyyy (also with `.` or `-`, or a two-digit year) or yyyy-mm-dd; a time after it is ignored. */
export function parseBookingDate(raw: string): Parsed<string> {
  const s = raw.trim();
  const fast = commonDate(s);
  if (fast !== null) return { value: fast };
  const parts = DATE.exec(s);
  const [first, separator, second, third] = parts === null ? [] : parts.slice(1);
  let year = 0;
  let day = 0;
  if (first?.length === 4 && separator !== "." && third !== undefined && third.length <= 2) {
    year = Number(first);
    day = Number(third);
  } else if (first !== undefined && first.length <= 2 && (third?.length === 4 || third?.length === 2)) {
    year = Number(third.length === 2 ? `20${third}` : third);
    day = Number(first);
  } else {
    return { error: `Date "${s}" is not a date (dd/mm/yyyy or yyyy-mm-dd)` };
  }
  const month = Number(second);
  const lastDay = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (lastDay === undefined || day < 1 || day > lastDay) return { error: `Date "${s}" does not exist` };
  return { value: `${year}-${pad2(month)}-${pad2(day)}` };
}

const NEEDS_CLEANING = /[^\d.,-]/;
const notANumber = (raw: string) => ({ error: `Amount "${raw.trim()}" is not a number` });

/**
 * A signed amount in cents, written the Italian way (`1.234,56`, `-50,00`, `50,00-`) or the English way
 * (`1,234.56`, `1234.5`). With one kind of separator only, one followed by exactly three digits groups
 * thousands (`1.234` = 1234.00): money has two decimals, so that is the only reading that makes sense.
 */
export function parseAmountCents(raw: string): Parsed<number> {
  let s = raw.trim();
  if (NEEDS_CLEANING.test(s)) s = s.replace(/[\s\u00a0\u202f']/g, "").replace(/€|eur/gi, "");
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s.startsWith("-");
    s = s.slice(1);
  } else if (s.endsWith("-")) {
    negative = true;
    s = s.slice(0, -1);
  }
  // One pass over the characters: digits and the two separators only (a scan, not regular
  // expressions: a statement has tens of thousands of amounts).
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
    } else if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c === 46) {
      dots++;
      lastDot = i;
    } else {
      return notANumber(raw);
    }
  }
  if (digits === 0) return notANumber(raw);
  let decimalAt = -1;
  let thousands = 0;
  if (commas > 0 && dots > 0) {
    decimalAt = Math.max(lastComma, lastDot);
    thousands = decimalAt === lastComma ? 46 : 44;
  } else if (commas + dots === 1) {
    const at = Math.max(lastComma, lastDot);
    if (s.length - at - 1 === 3) thousands = s.charCodeAt(at);
    else decimalAt = at;
  } else if (commas + dots > 1) {
    thousands = commas > 0 ? 44 : 46;
  }
  const wholeEnd = decimalAt === -1 ? s.length : decimalAt;
  let whole = 0;
  let significant = 0;
  let group = 0;
  let grouped = false;
  for (let i = 0; i < wholeEnd; i++) {
    const c = s.charCodeAt(i);
    if (c === thousands) {
      if (grouped ? group !== 3 : group < 1 || group > 3) return notANumber(raw);
      grouped = true;
      group = 0;
    } else if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      if (whole > 0) significant++;
      group++;
    } else {
      return notANumber(raw);
    }
  }
  if (grouped && group !== 3) return notANumber(raw);
  let fraction = 0;
  if (decimalAt !== -1) {
    const places = s.length - decimalAt - 1;
    if (places === 0) return notANumber(raw);
    for (let i = decimalAt + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return notANumber(raw);
    }
    if (places > 2) return { error: `Amount "${raw.trim()}" has more than two decimals` };
    fraction = Number(s.slice(decimalAt + 1)) * (places === 1 ? 10 : 1);
  }
  if (significant > 13) return { error: `Amount "${raw.trim()}" is too large` };
  const cents = whole * 100 + fraction;
  return { value: negative ? -cents : cents };
}

// ---------------------------------------------------------------------------------------------------
// CSV

function hasValue(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return true;
  return false;
}

/**
 * Read CSV text row by row, giving each row's cells and the line it starts on (quoted fields may span
 * lines; doubled quotes stand for one). Rows are handed over as they are read, never all kept: a
 * statement can have tens of thousands. `onRow` returns false to stop. An unclosed quote is an error.
 */
function readCsvRows(
  text: string,
  delimiter: string,
  onRow: (line: number, cells: string[]) => boolean,
): FieldIssue | null {
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const fieldEnd = (from: number) => {
    let k = from;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === sep || c === 10 || c === 13) break;
      k++;
    }
    return k;
  };
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      const parts: string[] = [];
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) return { path: `line ${rowLine}`, message: "A quoted field is never closed" };
        const part = text.slice(j, close);
        parts.push(part);
        for (let at = part.indexOf("\n"); at !== -1; at = part.indexOf("\n", at + 1)) line++;
        if (text.charCodeAt(close + 1) === 34) {
          parts.push('"');
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      const k = fieldEnd(j);
      cells.push(parts.join("") + text.slice(j, k));
      i = k;
    } else {
      const k = fieldEnd(i);
      cells.push(text.slice(i, k));
      i = k;
    }
    if (i >= n) {
      onRow(rowLine, cells);
      return null;
    }
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    if (!onRow(rowLine, cells)) return null;
    cells = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    rowLine = line;
    if (i >= n) return null;
  }
}

type Role = "date" | "amount" | "credit" | "debit" | "payer" | "remittance" | "reference";

/**
 * Header names of each column of a CSV statement, after normalisation (lower case, no accents, any
 * run of other characters as one space: "Data Contabile", "IMPORTO (€)" and "data_contabile" all
 * match). Earlier names win when a file has two columns of the same role, except for the remittance:
 * every remittance column is kept, joined, because banks disagree on whether "causale" or
 * "descrizione" carries the tenant's words.
 */
export const STATEMENT_CSV_HEADERS: Readonly<Record<Role, readonly string[]>> = {
  date: ["data contabile", "booking date", "data operazione", "data registrazione", "data", "date"],
  amount: ["importo", "importo eur", "importo euro", "amount", "amount eur"],
  credit: ["avere", "entrate", "accrediti", "credit", "accredito"],
  debit: ["dare", "uscite", "addebiti", "debit", "addebito"],
  payer: ["ordinante", "nome ordinante", "debitore", "payer", "controparte"],
  remittance: ["causale", "descrizione", "descrizione operazione", "description", "remittance"],
  reference: ["riferimento", "id operazione", "cro", "trn", "reference"],
};

const ROLES = Object.keys(STATEMENT_CSV_HEADERS) as Role[];

const normaliseHeader = (header: string) =>
  header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

type HeaderMap = Record<Exclude<Role, "remittance">, number> & { remittance: number[] };

function mapHeader(cells: readonly string[]): HeaderMap {
  const best = new Map<Role, { column: number; rank: number }>();
  const remittance: number[] = [];
  cells.forEach((cell, column) => {
    const name = normaliseHeader(cell);
    for (const role of ROLES) {
      const rank = STATEMENT_CSV_HEADERS[role].indexOf(name);
      if (rank === -1) continue;
      if (role === "remittance") remittance.push(column);
      const current = best.get(role);
      if (current === undefined || rank < current.rank) best.set(role, { column, rank });
    }
  });
  const col = (role: Role) => best.get(role)?.column ?? -1;
  return {
    date: col("date"),
    amount: col("amount"),
    credit: col("credit"),
    debit: col("debit"),
    payer: col("payer"),
    reference: col("reference"),
    remittance,
  };
}

const names = (role: Role) => STATEMENT_CSV_HEADERS[role].join(", ");

function headerIssues(header: HeaderMap): FieldIssue[] {
  const issues: string[] = [];
  if (header.date === -1) issues.push(`No booking date column (${names("date")})`);
  if (header.amount === -1 && header.credit === -1) {
    issues.push(`No amount column: one signed (${names("amount")}) or a credit one (${names("credit")})`);
  }
  if (header.payer === -1) issues.push(`No payer column (${names("payer")})`);
  if (header.remittance.length === 0) issues.push(`No remittance column (${names("remittance")})`);
  return issues.map((message) => ({ path: "header", message }));
}

const HEADER_SEARCH_ROWS = 20;

const namesDateAndAmount = (header: HeaderMap) =>
  header.date !== -1 && (header.amount !== -1 || header.credit !== -1);

function parseStatementCsv(text: string): StatementParse {
  const errors: FieldIssue[] = [];
  const lines: StatementLine[] = [];
  let debitsSkipped = 0;
  let header: HeaderMap | null = null;
  let width = 0;
  const firstRows: string[][] = [];

  const readRow = (line: number, cells: string[], columns: HeaderMap) => {
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== "")) {
      errors.push({
        path: `line ${line}`,
        message: `${cells.length} fields where the header has ${width} (is a decimal comma left unquoted?)`,
      });
      return;
    }
    const errorCount = errors.length;
    const rawDate = cellAt(cells, columns.date);
    const date = rawDate === "" ? { error: "No booking date" } : parseBookingDate(rawDate);
    if ("error" in date) errors.push({ path: `line ${line}.date`, message: date.error });
    const amount = rowAmount(cells, columns, line, errors);
    if (errors.length > errorCount || amount === null || "error" in date) return;
    if (amount === "debit") {
      debitsSkipped++;
      return;
    }
    lines.push({
      lineNo: line,
      bookedOn: date.value,
      amountCents: amount,
      payer: cellAt(cells, columns.payer),
      remittance: remittanceOf(cells, columns.remittance),
      bankReference: cellAt(cells, columns.reference),
    });
  };

  let headerProblems: FieldIssue[] = [];
  const quoteError = readCsvRows(text, detectDelimiter(text), (line, cells) => {
    if (!hasValue(cells)) return true;
    if (header !== null) {
      readRow(line, cells, header);
      return true;
    }
    // Exports sometimes open with a few lines about the account: the header is the first row that
    // names both a date and an amount column, among the first ones.
    const candidate = mapHeader(cells);
    if (!namesDateAndAmount(candidate)) {
      firstRows.push(cells);
      return firstRows.length < HEADER_SEARCH_ROWS;
    }
    headerProblems = headerIssues(candidate);
    header = candidate;
    width = cells.length;
    return headerProblems.length === 0;
  });
  if (header === null) {
    const first = firstRows[0];
    if (first === undefined && quoteError === null) {
      return { ok: false, format: "csv", errors: [{ path: "file", message: "The file has no rows" }] };
    }
    headerProblems = first === undefined ? [] : headerIssues(mapHeader(first));
  }
  const all = [...headerProblems, ...errors, ...(quoteError === null ? [] : [quoteError])];
  if (all.length > 0) return { ok: false, format: "csv", errors: all };
  return { ok: true, format: "csv", lines, debitsSkipped };
}

const cellAt = (cells: readonly string[], column: number) =>
  column === -1 ? "" : (cells[column] ?? "").trim();

function remittanceOf(cells: readonly string[], columns: readonly number[]): string {
  if (columns.length === 1) return cellAt(cells, columns[0] as number);
  const parts: string[] = [];
  for (const column of columns) {
    const value = cellAt(cells, column);
    if (value !== "") parts.push(value);
  }
  return parts.join(" ");
}

/** A parsed amount that is not zero, or null after recording why not. */
function nonZero(parsed: Parsed<number>, line: number, field: string, errors: FieldIssue[]): number | null {
  if ("error" in parsed) errors.push({ path: `line ${line}.${field}`, message: parsed.error });
  else if (parsed.value === 0) errors.push({ path: `line ${line}.${field}`, message: "Amount is zero" });
  else return parsed.value;
  return null;
}

/** A row's credit in cents, "debit" for a debit, or null after recording the errors. */
function rowAmount(cells: readonly string[], header: HeaderMap, line: number, errors: FieldIssue[]) {
  if (header.amount !== -1) {
    const raw = cellAt(cells, header.amount);
    const cents = nonZero(
      raw === "" ? { error: "No amount" } : parseAmountCents(raw),
      line,
      "amount",
      errors,
    );
    return cents === null ? null : cents < 0 ? "debit" : cents;
  }
  const credit = cellAt(cells, header.credit);
  const debit = cellAt(cells, header.debit);
  if (credit !== "" && debit !== "") {
    errors.push({
      path: `line ${line}.credit`,
      message: "Both the credit and the debit column are filled in",
    });
    return null;
  }
  if (debit !== "") return nonZero(parseAmountCents(debit), line, "debit", errors) === null ? null : "debit";
  if (credit === "") {
    errors.push({ path: `line ${line}.credit`, message: "No amount in the credit or the debit column" });
    return null;
  }
  const cents = nonZero(parseAmountCents(credit), line, "credit", errors);
  if (cents !== null && cents < 0) {
    errors.push({ path: `line ${line}.credit`, message: `Credit "${credit}" is negative` });
    return null;
  }
  return cents;
}

// ---------------------------------------------------------------------------------------------------
// camt.053

type XmlNode = Record<string, unknown>;

const asNode = (v: unknown): XmlNode | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as XmlNode) : undefined;

/** The value at a path of single elements; an array on the way is entered at its first element. */
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const step of path) {
    const node = asNode(Array.isArray(current) ? current[0] : current);
    if (node === undefined) return undefined;
    current = node[step];
  }
  return current;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]);

function text(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  const node = asNode(value);
  return node !== undefined && typeof node["#text"] === "string" ? node["#text"].trim() : "";
}

const ARRAY_TAGS = new Set(["Stmt", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd"]);

const camtParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (tagName) => ARRAY_TAGS.has(tagName),
});

/** An ISO 20022 amount (`1234.5`) with its currency, in cents. */
function camtAmount(amount: unknown): Parsed<number> {
  const value = text(amount);
  if (value === "") return { error: "No amount" };
  const currency = text(at(amount, "@_Ccy"));
  if (currency === "") return { error: `Amount "${value}" has no currency (Ccy)` };
  if (currency !== "EUR") return { error: `Currency "${currency}" is not EUR` };
  const match = /^(\d{1,13})(?:\.(\d+))?$/.exec(value);
  const fraction = (match?.[2] ?? "").replace(/0+$/, "");
  if (match === null || fraction.length > 2) return { error: `Amount "${value}" is not a number` };
  const cents = Number(match[1]) * 100 + Number(fraction.padEnd(2, "0"));
  return cents === 0 ? { error: "Amount is zero" } : { value: cents };
}

function camtPayer(tx: unknown): string {
  for (const party of ["Dbtr", "UltmtDbtr"]) {
    const name = text(at(tx, "RltdPties", party, "Nm")) || text(at(tx, "RltdPties", party, "Pty", "Nm"));
    if (name !== "") return name;
  }
  return "";
}

function camtRemittance(tx: unknown): string {
  const parts: string[] = [];
  for (const line of list(at(tx, "RmtInf", "Ustrd"))) parts.push(text(line));
  for (const structured of list(at(tx, "RmtInf", "Strd")))
    parts.push(text(at(structured, "CdtrRefInf", "Ref")));
  return parts.filter(Boolean).join(" ");
}

function parseCamt053(xml: string): StatementParse {
  const fail = (errors: FieldIssue[]): StatementParse => ({ ok: false, format: "camt053", errors });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return fail([{ path: `xml line ${valid.err.line}`, message: `Malformed XML: ${valid.err.msg}` }]);
  }
  const root = asNode(camtParser.parse(xml));
  const statement = at(root, "Document", "BkToCstmrStmt") ?? at(root, "BkToCstmrStmt");
  if (asNode(statement) === undefined) {
    return fail([{ path: "xml", message: "Not a camt.053 statement: no BkToCstmrStmt element" }]);
  }
  const errors: FieldIssue[] = [];
  const lines: StatementLine[] = [];
  let debitsSkipped = 0;
  let lineNo = 0;
  for (const stmt of list(at(statement, "Stmt"))) {
    for (const entry of list(at(stmt, "Ntry"))) {
      const entryDirection = text(at(entry, "CdtDbtInd"));
      if (entryDirection === "DBIT") {
        lineNo++;
        debitsSkipped++;
        continue;
      }
      const booked = text(at(entry, "BookgDt", "Dt")) || text(at(entry, "BookgDt", "DtTm")).slice(0, 10);
      const details: unknown[] = [];
      for (const group of list(at(entry, "NtryDtls"))) details.push(...list(at(group, "TxDtls")));
      const transactions = details.length > 0 ? details : [{}];
      const batch = transactions.length > 1;
      for (const [index, tx] of transactions.entries()) {
        lineNo++;
        const errorCount = errors.length;
        if (entryDirection !== "CRDT") {
          errors.push({
            path: `line ${lineNo}.creditDebit`,
            message: `Credit/debit indicator "${entryDirection}" is neither CRDT nor DBIT`,
          });
        }
        const date = booked === "" ? { error: "No booking date (BookgDt)" } : parseBookingDate(booked);
        if ("error" in date) errors.push({ path: `line ${lineNo}.date`, message: date.error });
        // A batch's transactions each carry their own amount; a single one may leave it to the entry.
        const txAmount =
          at(tx, "Amt") ?? at(tx, "AmtDtls", "TxAmt", "Amt") ?? at(tx, "AmtDtls", "InstdAmt", "Amt");
        const amount = camtAmount(txAmount ?? (batch ? undefined : at(entry, "Amt")));
        if ("error" in amount) errors.push({ path: `line ${lineNo}.amount`, message: amount.error });
        if (errors.length > errorCount || "error" in date || "error" in amount) continue;
        const txReference = text(at(tx, "Refs", "AcctSvcrRef"));
        const entryReference = text(at(entry, "AcctSvcrRef")) || text(at(entry, "NtryRef"));
        const endToEnd = text(at(tx, "Refs", "EndToEndId"));
        const ownEndToEnd = endToEnd === "NOTPROVIDED" ? "" : endToEnd;
        // The entry's reference is shared by a batch's transactions: numbered, it stays unique per line.
        const bankReference = batch
          ? txReference || (entryReference && `${entryReference}/${index + 1}`) || ownEndToEnd
          : entryReference || txReference || ownEndToEnd;
        lines.push({
          lineNo,
          bookedOn: date.value,
          amountCents: amount.value,
          payer: camtPayer(tx),
          remittance: camtRemittance(tx),
          bankReference,
        });
      }
    }
  }
  if (errors.length > 0) return fail(errors);
  return { ok: true, format: "camt053", lines, debitsSkipped };
}
