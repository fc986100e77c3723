// SPDX-License-Identifier: EUPL-1.2

/**
 * The Italian codice fiscale of a person: 16 characters, the last a check character computed from
 * the first 15 (DM 23/12/1976). Letters may replace digits where two people would get the same code
 * (omocodia: 0–9 → L M N P Q R S T U V), so the digit positions accept either.
 */
const SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

// Value of a character in an odd position (1st, 3rd, …), digits and letters alike (0 ≡ A, 1 ≡ B, …).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const indexOf = (ch: string) => (ch >= "0" && ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 65);

/** The check character of the first 15 characters of a code (upper case). */
export function fiscalCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const value = indexOf(first15[i] as string);
    sum += i % 2 === 0 ? (ODD[value] as number) : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Upper-cased and without spaces, as people type it. */
export const normaliseFiscalCode = (code: string) => code.replace(/\s+/g, "").toUpperCase();

const MONTHS = "ABCDEHLMPRST";
// Longest month lengths; February has 29 because the century, hence the leap year, is not in the code.
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const OMOCODIA = "LMNPQRSTUV";
const digitOf = (ch: string) => (OMOCODIA.includes(ch) ? String(OMOCODIA.indexOf(ch)) : ch);
const twoDigits = (code: string, at: number) =>
  Number(digitOf(code[at] as string) + digitOf(code[at + 1] as string));

/** Why a (normalised) fiscal code is not valid, or null when it is. */
export function fiscalCodeProblem(code: string): string | null {
  if (code.length !== 16) return "A fiscal code has 16 characters";
  if (!SHAPE.test(code)) return "This is not the shape of a fiscal code";
  const dayCode = twoDigits(code, 9);
  const day = dayCode > 40 ? dayCode - 40 : dayCode;
  if (day < 1 || day > (MONTH_DAYS[MONTHS.indexOf(code[8] as string)] as number)) {
    return "The fiscal code's birth day is not a day of its month (01–31, 41–71 for women)";
  }
  if (fiscalCodeCheckCharacter(code.slice(0, 15)) !== code[15]) {
    return "The fiscal code's check character does not match: check for a typing error";
  }
  return null;
}

/**
 * The birth date and sex a valid code encodes: year (two digits; the century is the one that puts the
 * date in the past of `today`, or on it), month letter, day (+40 for women).
 */
export function fiscalCodeBirth(code: string, today: Date): { birthDate: string; sex: "F" | "M" } {
  const yy = twoDigits(code, 6);
  const month = MONTHS.indexOf(code[8] as string) + 1;
  const dayCode = twoDigits(code, 9);
  const sex = dayCode > 40 ? "F" : "M";
  const day = dayCode > 40 ? dayCode - 40 : dayCode;
  const pad = (n: number) => String(n).padStart(2, "0");
  const inCentury = (century: number) => `${century + yy}-${pad(month)}-${pad(day)}`;
  // Compare whole dates, not years: born in December of this year's two digits is a century ago.
  const birthDate = inCentury(2000) <= today.toISOString().slice(0, 10) ? inCentury(2000) : inCentury(1900);
  return { birthDate, sex };
}
