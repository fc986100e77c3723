// SPDX-License-Identifier: EUPL-1.2
import { toCsv } from "../shared/csv.ts";
import { isValidNoticeNumber, iuvOf } from "./notice.ts";

/** What a charge (addebito) is for: the rent (canone) or the service charges (spese per servizi). */
export type ChargeKind = "rent" | "service";

/** One charge of the month, to be paid through pagoPA. */
export type DebtPositionCharge = {
  /** Its 18-digit notice number (numero avviso), built by `noticeNumber`. */
  noticeNumber: string;
  tenancyReference: string;
  kind: ChargeKind;
  /** Amount due in cents, > 0. */
  amountCents: number;
  /** Due date, YYYY-MM-DD. */
  dueOn: string;
  /** Who pays: a person (16-character codice fiscale) or an organisation (11-digit one). */
  debtor: { fiscalCode: string; name: string };
};

/** The creditor (ente creditore): the Comune, with the segregation code of its intermediary. */
export type DebtPositionCreditor = {
  fiscalCode: string;
  name: string;
  segregationCode: string;
  iban: string;
};

/**
 * Taxonomy code (codice tassonomico, "9/" + creditor type + macro area + service + legal reason + "/")
 * of each kind of charge, for the transfer's category.
 */
export type DebtPositionCategories = Readonly<Record<ChargeKind, string>>;

/**
 * PLACEHOLDERS with the right shape, not yet confirmed against the official taxonomy
 * (github.com/pagopa/pagopa-taxonomy): the Comune's intermediary must confirm the codes for rents
 * and service charges of municipal housing before the first upload, and pass them as `categories`.
 */
export const DEFAULT_CATEGORIES: DebtPositionCategories = { rent: "9/0104100AP/", service: "9/0104101AP/" };

export type DebtPositionsInput = {
  creditor: DebtPositionCreditor;
  /** The month charged, YYYY-MM. */
  period: string;
  charges: readonly DebtPositionCharge[];
  categories?: DebtPositionCategories;
};

/**
 * Columns of the debt-position file, in order: the fields of a GPD debt position (posizione debitoria)
 * with one payment option and one transfer, named after their path in the GPD API. Each is described
 * in docs/pagopa-export.md.
 */
export const DEBT_POSITION_COLUMNS = [
  "iupd",
  "type",
  "fiscalCode",
  "fullName",
  "companyName",
  "paymentOption.nav",
  "paymentOption.iuv",
  "paymentOption.amount",
  "paymentOption.description",
  "paymentOption.isPartialPayment",
  "paymentOption.dueDate",
  "transfer.idTransfer",
  "transfer.amount",
  "transfer.organizationFiscalCode",
  "transfer.iban",
  "transfer.remittanceInformation",
  "transfer.category",
] as const;

export type DebtPositionColumn = (typeof DEBT_POSITION_COLUMNS)[number];

/** The prefix of every IUPD this platform writes, so the intermediary can tell them apart. */
export const IUPD_PREFIX = "CASACOMUNE-";

// GPD limits description and remittance information to 140 characters.
const MAX_TEXT = 140;

const MONTHS_IT = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

const KIND_IT: Record<ChargeKind, string> = { rent: "Canone", service: "Spese per servizi" };

const PERSON_FISCAL_CODE = /^[A-Z0-9]{16}$/;
const ORGANISATION_FISCAL_CODE = /^\d{11}$/;
const TAXONOMY_CODE = /^9\/\d{7}(IM|TS|SP|SA|AP)\/$/;

/** Whether an IBAN has the Italian shape and its check digits hold (ISO 13616, mod 97). */
export function isValidItalianIban(iban: string): boolean {
  if (!/^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

// Remittance information travels in SEPA credit transfers: keep to the SEPA Latin character set.
const sepaText = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9/?:().,'+ -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function inputProblems(input: DebtPositionsInput, categories: DebtPositionCategories): string[] {
  const { creditor, period, charges } = input;
  const problems: string[] = [];
  if (!ORGANISATION_FISCAL_CODE.test(creditor.fiscalCode)) {
    problems.push(`creditor.fiscalCode "${creditor.fiscalCode}" is not 11 digits`);
  }
  if (creditor.name.trim() === "") problems.push("creditor.name is empty");
  if (!/^\d{2}$/.test(creditor.segregationCode)) {
    problems.push(`creditor.segregationCode "${creditor.segregationCode}" is not two digits`);
  }
  if (!isValidItalianIban(creditor.iban))
    problems.push(`creditor.iban "${creditor.iban}" is not a valid Italian IBAN`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) problems.push(`period "${period}" is not YYYY-MM`);
  for (const kind of ["rent", "service"] as const) {
    if (!TAXONOMY_CODE.test(categories[kind])) {
      problems.push(`categories.${kind} "${categories[kind]}" is not a taxonomy code like 9/0101002IM/`);
    }
  }
  const seen = new Map<string, number>();
  charges.forEach((charge, i) => {
    const at = `charges.${i}`;
    if (!isValidNoticeNumber(charge.noticeNumber)) {
      problems.push(`${at}.noticeNumber "${charge.noticeNumber}" is not a valid notice number`);
    } else if (charge.noticeNumber.slice(1, 3) !== creditor.segregationCode) {
      problems.push(
        `${at}.noticeNumber has segregation code ${charge.noticeNumber.slice(1, 3)}, not the creditor's`,
      );
    }
    const first = seen.get(charge.noticeNumber);
    if (first !== undefined) problems.push(`${at}.noticeNumber is already used by charges.${first}`);
    else seen.set(charge.noticeNumber, i);
    if (charge.tenancyReference.trim() === "") problems.push(`${at}.tenancyReference is empty`);
    if (!Number.isSafeInteger(charge.amountCents) || charge.amountCents <= 0) {
      problems.push(`${at}.amountCents ${charge.amountCents} is not a positive whole number of cents`);
    }
    if (!isRealDate(charge.dueOn)) problems.push(`${at}.dueOn "${charge.dueOn}" is not a date YYYY-MM-DD`);
    const fiscalCode = charge.debtor.fiscalCode;
    if (!PERSON_FISCAL_CODE.test(fiscalCode) && !ORGANISATION_FISCAL_CODE.test(fiscalCode)) {
      problems.push(`${at}.debtor.fiscalCode "${fiscalCode}" is neither 16 characters nor 11 digits`);
    }
    if (charge.debtor.name.trim() === "") problems.push(`${at}.debtor.name is empty`);
  });
  return problems;
}

/** The Italian description of a charge, as the payer sees it: "Canone novembre 2026 – LOC-2026-00042". */
export function chargeDescription(kind: ChargeKind, period: string, tenancyReference: string): string {
  const [year, month] = period.split("-");
  return `${KIND_IT[kind]} ${MONTHS_IT[Number(month) - 1]} ${year} – ${tenancyReference}`.slice(0, MAX_TEXT);
}

/** One row of the file, in the order of `DEBT_POSITION_COLUMNS`. */
function row(
  charge: DebtPositionCharge,
  input: DebtPositionsInput,
  categories: DebtPositionCategories,
): string[] {
  const iuv = iuvOf(charge.noticeNumber);
  const description = chargeDescription(charge.kind, input.period, charge.tenancyReference);
  const amount = String(charge.amountCents);
  const cells: Record<DebtPositionColumn, string> = {
    iupd: IUPD_PREFIX + iuv,
    type: ORGANISATION_FISCAL_CODE.test(charge.debtor.fiscalCode) ? "G" : "F",
    fiscalCode: charge.debtor.fiscalCode,
    fullName: charge.debtor.name.trim(),
    companyName: input.creditor.name.trim(),
    "paymentOption.nav": charge.noticeNumber,
    "paymentOption.iuv": iuv,
    "paymentOption.amount": amount,
    "paymentOption.description": description,
    "paymentOption.isPartialPayment": "false",
    "paymentOption.dueDate": charge.dueOn,
    "transfer.idTransfer": "1",
    "transfer.amount": amount,
    "transfer.organizationFiscalCode": input.creditor.fiscalCode,
    "transfer.iban": input.creditor.iban,
    "transfer.remittanceInformation": sepaText(description).slice(0, MAX_TEXT),
    "transfer.category": categories[charge.kind],
  };
  return DEBT_POSITION_COLUMNS.map((column) => cells[column]);
}

/**
 * The month's charges as GPD debt positions, one row per charge (one position, one payment option,
 * one transfer to the Comune's account): `;`-separated UTF-8 with a BOM and CRLF line ends, a header
 * row, fields quoted when needed. The Comune's intermediary (partner tecnologico) loads it into GPD.
 * Throws a RangeError naming every bad field.
 */
export function debtPositionsCsv(input: DebtPositionsInput): string {
  const categories = input.categories ?? DEFAULT_CATEGORIES;
  const problems = inputProblems(input, categories);
  if (problems.length > 0) throw new RangeError(`Cannot export the debt positions: ${problems.join("; ")}`);
  const rows = input.charges.map((charge) => row(charge, input, categories));
  return toCsv([[...DEBT_POSITION_COLUMNS], ...rows], ";", true);
}
