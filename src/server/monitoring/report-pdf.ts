// SPDX-License-Identifier: EUPL-1.2
import { PDFDocument, type PDFFont, type PDFPage, type RGB, rgb, StandardFonts } from "pdf-lib";
import type { Dimension } from "../../domain/monitoring/catalogue.ts";
import type { Standing } from "../../domain/monitoring/values.ts";
import {
  cellWords,
  DIMENSION_WORDS,
  dataStateWords,
  dayWords,
  italianNumber,
  type MonitoringReport,
  momentWords,
  periodWords,
  REPORT_GROUPS,
  type ReportIndicator,
  STANDING_WORDS,
  scopeWords,
  TARGET_KIND_WORDS,
  valueWords,
} from "./report-data.ts";

/*
 * The monitoring report as an A4 PDF, in Italian: a cover, the summary table of every indicator
 * against its target, value-and-target bars per group of indicators (vector shapes, no image), and
 * the key disaggregations of the people reached. Standard fonts only, so nothing is embedded but
 * what pdf-lib carries.
 */

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BLUE = rgb(0, 0.4, 0.8);
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.36, 0.44, 0.51);
const TRACK = rgb(0.8, 0.82, 0.84);
const STANDING_COLOUR: Record<Standing, RGB> = {
  met: rgb(0, 0.44, 0.29),
  not_met: rgb(0.65, 0.11, 0.18),
  no_target: MUTED,
  not_computable: MUTED,
};

// The standard fonts encode WinAnsi: anything outside it is replaced rather than failing the report.
const winAnsi = (text: string) => text.replace(/[^\u0020-\u007e\u00a0-\u00ff€’‘“”–—]/g, "?");

type TextOptions = { x?: number; size?: number; bold?: boolean; colour?: RGB };

/** A cursor down A4 pages: text, wrapped paragraphs and rectangles, with a new page when one is full. */
class PageWriter {
  page: PDFPage;
  y = 0;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    readonly running: string,
  ) {
    this.page = this.newPage();
  }

  newPage(): PDFPage {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
    if (this.pdf.getPageCount() > 1) {
      this.text(this.running, { size: 8, colour: MUTED });
      this.y -= 30;
    }
    return this.page;
  }

  /** Room for `height` points on this page, or a new one. */
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  width = (text: string, size: number, bold = false) =>
    (bold ? this.bold : this.regular).widthOfTextAtSize(winAnsi(text), size);

  /** One line at the cursor's height (the cursor does not move). */
  text(text: string, options: TextOptions = {}) {
    const size = options.size ?? 10;
    this.page.drawText(winAnsi(text), {
      x: options.x ?? MARGIN,
      y: this.y,
      size,
      font: options.bold ? this.bold : this.regular,
      color: options.colour ?? INK,
    });
  }

  /** A line ending at `right`: figures line up on their right edge. */
  textRight(text: string, right: number, options: Omit<TextOptions, "x"> = {}) {
    const size = options.size ?? 10;
    this.text(text, { ...options, x: right - this.width(text, size, options.bold) });
  }

  lines(text: string, width: number, size: number, bold = false): string[] {
    const out: string[] = [];
    let line = "";
    for (const word of winAnsi(text).split(/\s+/)) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (this.width(candidate, size, bold) > width && line !== "") {
        out.push(line);
        line = word;
      } else line = candidate;
    }
    if (line !== "") out.push(line);
    return out;
  }

  /** A wrapped paragraph from the cursor down; the cursor ends below it. */
  paragraph(text: string, options: TextOptions & { width?: number; gap?: number } = {}) {
    const size = options.size ?? 10;
    const x = options.x ?? MARGIN;
    const width = options.width ?? A4[0] - x - MARGIN;
    for (const line of this.lines(text, width, size, options.bold)) {
      this.ensure(size + 4);
      this.text(line, { ...options, x, size });
      this.y -= size + 4;
    }
    this.y -= options.gap ?? 4;
  }

  heading(text: string, size = 16) {
    this.ensure(size + 24);
    this.text(text, { size, bold: true, colour: BLUE });
    this.y -= size + 10;
  }

  rect(x: number, y: number, width: number, height: number, colour: RGB, border?: RGB) {
    this.page.drawRectangle({
      x,
      y,
      width: Math.max(0, width),
      height,
      color: colour,
      ...(border ? { borderColor: border, borderWidth: 0.6 } : {}),
    });
  }
}

const targetWords = (i: ReportIndicator) =>
  i.target === null
    ? "-"
    : `${valueWords(i.definition.unit, i.target.value)} (${TARGET_KIND_WORDS[i.target.kind]}, entro il ${dayWords(i.target.dueOn)})`;

function cover(w: PageWriter, report: MonitoringReport) {
  const board = report.dashboard;
  w.text("Comune di Milano – CasaComune", { size: 14, bold: true, colour: BLUE });
  w.y -= 18;
  w.text("Programma di housing sociale con gli enti del Terzo settore", { size: 10, colour: MUTED });
  w.y -= 140;
  w.text("Rapporto di monitoraggio", { size: 30, bold: true });
  w.y -= 36;
  w.text(periodWords(board.period), { size: 20 });
  w.y -= 22;
  w.text(`dal ${dayWords(board.period.from)} al ${dayWords(board.period.to)} (periodo ${board.period.key})`, {
    size: 11,
    colour: MUTED,
  });
  w.y -= 40;
  w.paragraph(`Ambito: ${scopeWords(report)}`, { size: 13, bold: true });
  w.paragraph(`Generato il ${momentWords(report.generatedAt)}`, { size: 11, gap: 12 });
  for (const line of dataStateWords(board)) w.paragraph(line, { size: 10, gap: 2 });
  w.y -= 24;
  const count = (s: Standing) => report.indicators.filter((i) => i.standing === s).length;
  w.paragraph(
    `Indicatori: ${report.indicators.length}; obiettivo raggiunto ${count("met")}, non raggiunto ${count("not_met")}, non calcolabili ${count("not_computable")}, senza obiettivo ${count("no_target")}.`,
    { size: 11, gap: 10 },
  );
  w.paragraph(
    "Contenuto: 1. riepilogo degli indicatori con i loro obiettivi; 2. valori e obiettivi per gruppo di indicatori; 3. disaggregazioni principali delle persone raggiunte.",
    { size: 10, colour: MUTED },
  );
  w.paragraph(
    "Un rapporto con denominatore zero non è calcolabile: è indicato come tale, mai come 0 %. I valori sono quelli del cruscotto di monitoraggio per lo stesso periodo e lo stesso ambito.",
    { size: 10, colour: MUTED },
  );
}

const COLUMNS = { name: MARGIN, value: 330, target: 340, standing: 482 };

function summaryTable(w: PageWriter, report: MonitoringReport) {
  w.newPage();
  w.heading("1. Riepilogo degli indicatori");
  const header = () => {
    w.ensure(30);
    w.text("Indicatore", { size: 9, bold: true });
    w.textRight("Valore", COLUMNS.value, { size: 9, bold: true });
    w.text("Obiettivo", { x: COLUMNS.target, size: 9, bold: true });
    w.text("Esito", { x: COLUMNS.standing, size: 9, bold: true });
    w.y -= 6;
    w.page.drawLine({
      start: { x: MARGIN, y: w.y },
      end: { x: A4[0] - MARGIN, y: w.y },
      thickness: 0.6,
      color: MUTED,
    });
    w.y -= 12;
  };
  const byCode = new Map(report.indicators.map((i) => [i.code, i]));
  for (const group of REPORT_GROUPS) {
    w.ensure(60);
    w.text(group.title, { size: 11, bold: true, colour: BLUE });
    w.y -= 16;
    header();
    for (const code of group.codes) {
      const i = byCode.get(code);
      if (!i) continue;
      const name = w.lines(i.definition.name.it, 200, 9);
      const target = w.lines(targetWords(i), 134, 8);
      const height = Math.max(name.length, target.length) * 11 + 6;
      if (w.y - height < MARGIN + 20) {
        w.newPage();
        header();
      }
      const top = w.y;
      name.forEach((line, n) => {
        w.y = top - n * 11;
        w.text(line, { size: 9 });
      });
      w.y = top;
      w.textRight(valueWords(i.definition.unit, i.value), COLUMNS.value, { size: 9, bold: true });
      target.forEach((line, n) => {
        w.y = top - n * 11;
        w.text(line, { x: COLUMNS.target, size: 8 });
      });
      w.y = top;
      w.text(STANDING_WORDS[i.standing], {
        x: COLUMNS.standing,
        size: 8,
        bold: true,
        colour: STANDING_COLOUR[i.standing],
      });
      w.y = top - height;
    }
    w.y -= 10;
  }
}

const CHART = { label: MARGIN, bars: MARGIN + 190, width: 200, figures: MARGIN + 400 };

/** Each indicator of a group as two bars on its own scale: the target (grey) and the value (by standing). */
function groupCharts(w: PageWriter, report: MonitoringReport) {
  w.newPage();
  w.heading("2. Valori e obiettivi per gruppo");
  w.paragraph(
    "Per ogni indicatore la barra grigia è l'obiettivo in vigore alla fine del periodo e la barra colorata il valore (verde: obiettivo raggiunto; rosso: non raggiunto; grigio: senza obiettivo). Ogni indicatore ha la sua scala: le barre confrontano il valore con il suo obiettivo, non gli indicatori tra loro.",
    { size: 9, colour: MUTED, gap: 10 },
  );
  const byCode = new Map(report.indicators.map((i) => [i.code, i]));
  for (const group of REPORT_GROUPS) {
    w.ensure(70);
    w.text(group.title, { size: 11, bold: true, colour: BLUE });
    w.y -= 18;
    for (const code of group.codes) {
      const i = byCode.get(code);
      if (!i) continue;
      w.ensure(34);
      const top = w.y;
      w.lines(i.definition.name.it, CHART.bars - CHART.label - 10, 8).forEach((line, n) => {
        w.y = top - n * 10;
        w.text(line, { size: 8 });
      });
      w.y = top;
      const unit = i.definition.unit;
      if (i.value === null) {
        w.text("non calcolabile", { x: CHART.bars, size: 8, colour: MUTED });
      } else {
        const target = i.target?.value ?? null;
        const scale = Math.max(Math.abs(i.value), Math.abs(target ?? 0), Number.EPSILON);
        const barY = top - 4;
        if (target !== null) w.rect(CHART.bars, barY, (Math.max(0, target) / scale) * CHART.width, 7, TRACK);
        w.rect(
          CHART.bars,
          barY - 9,
          (Math.max(0, i.value) / scale) * CHART.width,
          7,
          STANDING_COLOUR[i.standing],
        );
        w.text(`valore ${valueWords(unit, i.value)}`, { x: CHART.figures, size: 8 });
        w.y = top - 10;
        w.text(target === null ? "nessun obiettivo" : `obiettivo ${valueWords(unit, target)}`, {
          x: CHART.figures,
          size: 8,
          colour: MUTED,
        });
      }
      w.y = top - 30;
    }
    w.y -= 8;
  }
}

/** The disaggregations of the people reached: a table with a bar per cell. */
function disaggregations(w: PageWriter, report: MonitoringReport) {
  w.newPage();
  w.heading("3. Disaggregazioni principali");
  const people = report.details.find((d) => d.code === "people_reached");
  if (!people) return;
  w.paragraph(
    `${people.definition.name.it}: ${valueWords(people.definition.unit, people.value)} alla fine del periodo. ${people.definition.definition.it}`,
    { size: 9, colour: MUTED, gap: 10 },
  );
  const total = people.value ?? 0;
  for (const dimension of ["sex", "age_band", "citizenship"] as const satisfies readonly Dimension[]) {
    const cells = people.breakdowns[dimension] ?? [];
    w.ensure(40 + cells.length * 16);
    w.text(`Persone raggiunte per ${DIMENSION_WORDS[dimension].toLowerCase()}`, {
      size: 11,
      bold: true,
      colour: BLUE,
    });
    w.y -= 16;
    if (cells.length === 0) {
      w.paragraph("Nessuna persona raggiunta nel periodo.", { size: 9 });
      continue;
    }
    for (const cell of cells) {
      const value = cell.value ?? 0;
      w.text(cellWords(dimension, cell.key, cell.label), { size: 9 });
      w.textRight(italianNumber(value), CHART.bars - 16, { size: 9, bold: true });
      w.rect(CHART.bars, w.y - 1, total === 0 ? 0 : (value / total) * CHART.width, 8, BLUE);
      w.text(total === 0 ? "" : `${italianNumber((value / total) * 100, 1)} %`, {
        x: CHART.figures,
        size: 9,
        colour: MUTED,
      });
      w.y -= 16;
    }
    w.y -= 10;
  }
}

/** The report as a PDF (A4, Italian), with its title and subject in the document's metadata. */
export async function monitoringReportPdf(report: MonitoringReport): Promise<Uint8Array> {
  const board = report.dashboard;
  const pdf = await PDFDocument.create();
  const title = `Rapporto di monitoraggio ${board.period.key} – ${scopeWords(report)}`;
  pdf.setTitle(winAnsi(title));
  pdf.setSubject(
    winAnsi(
      `CasaComune, ${periodWords(board.period)}: ${board.source === "snapshot" ? `dati congelati, revisione ${board.period.revision}, SHA-256 ${board.period.valuesSha256 ?? "-"}` : "dati in tempo reale"}`,
    ),
  );
  pdf.setAuthor("Comune di Milano – CasaComune");
  pdf.setKeywords(["monitoraggio", board.period.key, board.source]);
  pdf.setLanguage("it-IT");
  pdf.setCreator("CasaComune");
  pdf.setProducer("CasaComune (pdf-lib)");
  pdf.setCreationDate(report.generatedAt);
  pdf.setModificationDate(report.generatedAt);
  const running = `CasaComune – Rapporto di monitoraggio, ${periodWords(board.period)} – ${scopeWords(report)}`;
  const w = new PageWriter(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
    running,
  );
  cover(w, report);
  summaryTable(w, report);
  groupCharts(w, report);
  disaggregations(w, report);
  const pages = pdf.getPages();
  pages.forEach((page, n) => {
    const label = `pagina ${n + 1} di ${pages.length}`;
    page.drawText(label, {
      x: A4[0] - MARGIN - w.regular.widthOfTextAtSize(label, 8),
      y: MARGIN - 20,
      size: 8,
      font: w.regular,
      color: MUTED,
    });
  });
  return pdf.save({ useObjectStreams: false });
}
