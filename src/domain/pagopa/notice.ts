// SPDX-License-Identifier: EUPL-1.2

/*
 * The pagoPA notice number (numero avviso / codice avviso) of a creditor with aux digit 3, as the
 * "Specifiche attuative dei codici identificativi di versamento, riversamento e rendicontazione"
 * (SACI, §"Generazione dell'Identificativo Univoco di Versamento", schemes NAV.3 and IUV.3) define it:
 *
 *   numero avviso (18 digits) = 3 <segregation code (2)> <IUV base (13)> <IUV check digits (2)>
 *   IUV           (17 digits) =   <segregation code (2)> <IUV base (13)> <IUV check digits (2)>
 *   check digits              = (the number 3 <segregation code> <IUV base>) mod 93, two digits
 *
 * The IUV is the notice number without its aux digit: it is what GPD and the reporting flows carry.
 */

/** The only aux digit in use: SACI says values 0, 1 and 2 must no longer be used. */
export const AUX_DIGIT = "3";

/** The largest IUV base: 13 digits. */
export const MAX_NOTICE_SEQUENCE = 9_999_999_999_999;

// 16 digits exceed 2^53: reduce digit by digit instead.
function mod93(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) rest = (rest * 10 + (digits.charCodeAt(i) - 48)) % 93;
  return rest;
}

const checkDigits = (first16: string) => String(mod93(first16)).padStart(2, "0");

/**
 * The notice number of the `sequence`-th charge issued under a segregation code (two digits, assigned
 * by PagoPA S.p.A. to the Comune's intermediary). `sequence` becomes the IUV base, 0 to 10¹³ − 1.
 */
export function noticeNumber(segregationCode: string, sequence: number): string {
  if (!/^\d{2}$/.test(segregationCode)) {
    throw new RangeError(`Segregation code "${segregationCode}" is not two digits`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > MAX_NOTICE_SEQUENCE) {
    throw new RangeError(`Sequence ${sequence} is not a whole number from 0 to ${MAX_NOTICE_SEQUENCE}`);
  }
  const first16 = AUX_DIGIT + segregationCode + String(sequence).padStart(13, "0");
  return first16 + checkDigits(first16);
}

/** Whether `value` is exactly 18 digits, starts with aux digit 3 and has the right check digits. */
export function isValidNoticeNumber(value: string): boolean {
  if (!/^3\d{17}$/.test(value)) return false;
  return checkDigits(value.slice(0, 16)) === value.slice(16);
}

/** The 17-digit IUV inside a valid notice number (it without the aux digit). */
export function iuvOf(notice: string): string {
  if (!isValidNoticeNumber(notice)) throw new RangeError(`"${notice}" is not a valid notice number`);
  return notice.slice(1);
}

/** The segregation code inside a valid notice number. */
export function segregationCodeOf(notice: string): string {
  return iuvOf(notice).slice(0, 2);
}
