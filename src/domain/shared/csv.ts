// SPDX-License-Identifier: EUPL-1.2

export type CsvDelimiter = ";" | ",";

const BOM = "\uFEFF";

/** The delimiter of a file: the one of `;` and `,` that appears more often outside quotes in its first line. */
export function detectDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ";" : ",";
}

/**
 * Parse RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, optional UTF-8 BOM) into rows of
 * strings. Blank lines are dropped, or kept as empty rows with `keepBlankLines` (so row numbers match
 * what a spreadsheet shows). Throws `CsvSyntaxError` on a quote left open.
 */
export function parseCsv(
  input: string,
  delimiter: CsvDelimiter = detectDelimiter(input),
  options: { keepBlankLines?: boolean } = {},
): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let line = 1;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = "";
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    else if (options.keepBlankLines) rows.push([]);
    row = [];
  };
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */ && field === "") {
      const start = line;
      i++;
      let value = "";
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new CsvSyntaxError(`A quoted field opened on line ${start} is never closed`);
        value += text.slice(i, close);
        for (let j = i; j < close; j++) if (text.charCodeAt(j) === 10) line++;
        if (text.charCodeAt(close + 1) === 34) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      field = value;
      continue;
    }
    if (text[i] === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === 13 /* \r */) {
      endRow();
      i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
    } else if (ch === 10 /* \n */) {
      endRow();
      i++;
      line++;
    } else {
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 13 || c === 10 || text[j] === delimiter) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

export class CsvSyntaxError extends Error {}

function quote(value: string, delimiter: CsvDelimiter): string {
  // A leading BOM is quoted too, or a reader would take it for the file's own.
  return /^\uFEFF|["\r\n]/.test(value) || value.includes(delimiter)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** Write rows as CSV with CRLF line ends; `bom` helps spreadsheets read UTF-8. */
export function toCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter, bom = false): string {
  const body = rows.map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join("\r\n");
  return `${(bom ? BOM : "") + body}\r\n`;
}
