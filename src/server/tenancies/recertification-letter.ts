// SPDX-License-Identifier: EUPL-1.2
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import type { Recertification } from "../../domain/tenancies/rent.ts";

export type LetterInput = {
  reference: string;
  unit: { code: string; address: string };
  signatories: readonly string[];
  effectiveOn: string;
  annualIncomeCents: number;
  previousRentCents: number;
  newRentCents: number;
  serviceChargeCents: number;
  basis: Recertification["basis"];
  issuedOn: string;
  partnerCode: string;
};

const euros = (cents: number) =>
  `${(cents / 100).toLocaleString("it-IT", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} EUR`;
const italianDate = (iso: string) => iso.split("-").reverse().join("/");

/** The letter's paragraphs, in Italian: what was declared, the rent before and after, and why. */
export function letterParagraphs(input: LetterInput): string[] {
  const b = input.basis;
  const why =
    b.rule === "co_payment"
      ? `La quota di compartecipazione è pari al ${b.sharePercent} % del reddito annuo dichiarato, come concordato nel progetto individualizzato, e non supera il canone calmierato ridotto dell'alloggio (${euros(b.ceilingCents)} al mese).`
      : b.rule === "cap"
        ? `Il canone resta entro il limite del canone ${b.category === "calmierato" ? "calmierato (75" : "calmierato ridotto (55"} EUR al m² l'anno): per ${b.surfaceM2} m² al massimo ${euros(b.capMonthlyCents)} al mese.`
        : "L'alloggio è concesso in comodato d'uso gratuito: non è dovuto alcun canone.";
  return [
    `Gentile ${input.signatories.join(", ") || "intestatario"},`,
    `con riferimento al contratto ${input.reference} per l'alloggio ${input.unit.code}, ${input.unit.address}, abbiamo registrato la ricertificazione annuale del reddito del nucleo, con effetto dal ${italianDate(input.effectiveOn)}.`,
    `Reddito annuo dichiarato: ${euros(input.annualIncomeCents)}.`,
    `Canone o quota mensile precedente: ${euros(input.previousRentCents)}. Nuovo canone o quota mensile: ${euros(input.newRentCents)}. Le spese di servizio restano ${euros(input.serviceChargeCents)} al mese e sono addebitate a parte.`,
    why,
    "Il nuovo importo si applica dagli addebiti successivi alla data di effetto. Per qualsiasi dubbio può rivolgersi al gestore o alla sua educatrice o al suo educatore di riferimento: insieme possiamo valutare anche un piano di rientro o un sostegno, se ce ne fosse bisogno.",
    "Cordiali saluti,",
    `Il gestore (${input.partnerCode}) - Programma CasaComune, Comune di Milano`,
  ];
}

// The standard fonts encode WinAnsi: anything outside it is replaced rather than failing the letter.
const winAnsi = (text: string) => text.replace(/[^\u0020-\u007e\u00a0-\u00ff€’‘“”–—]/g, "?");

function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (measure(candidate) > width && line !== "") {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The recertification letter as a one-page A4 PDF. */
export async function recertificationLetterPdf(input: LetterInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Ricertificazione del reddito ${input.reference}`);
  pdf.setLanguage("it-IT");
  pdf.setCreator("CasaComune");
  pdf.setCreationDate(new Date(`${input.issuedOn}T09:00:00Z`));
  pdf.setModificationDate(new Date(`${input.issuedOn}T09:00:00Z`));
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const width = page.getWidth() - margin * 2;
  let y = page.getHeight() - margin;
  page.drawText("Comune di Milano - Programma CasaComune", {
    x: margin,
    y,
    size: 10,
    font: bold,
    color: rgb(0, 0.4, 0.8),
  });
  y -= 16;
  page.drawText(winAnsi(`Milano, ${italianDate(input.issuedOn)}`), { x: margin, y, size: 10, font: regular });
  y -= 36;
  page.drawText(winAnsi(`Oggetto: ricertificazione annuale del reddito - contratto ${input.reference}`), {
    x: margin,
    y,
    size: 12,
    font: bold,
  });
  y -= 28;
  for (const paragraph of letterParagraphs(input)) {
    for (const line of wrap(winAnsi(paragraph), width, (s) => regular.widthOfTextAtSize(s, 11))) {
      page.drawText(line, { x: margin, y, size: 11, font: regular });
      y -= 15;
    }
    y -= 9;
  }
  return pdf.save({ useObjectStreams: false });
}
