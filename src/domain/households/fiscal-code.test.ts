// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fiscalCodeBirth,
  fiscalCodeCheckCharacter,
  fiscalCodeProblem,
  normaliseFiscalCode,
} from "./fiscal-code.ts";

const SHAPE_PROBLEM = "This is not the shape of a fiscal code";
const CHECK_PROBLEM = "The fiscal code's check character does not match: check for a typing error";
const LENGTH_PROBLEM = "A fiscal code has 16 characters";
const DAY_PROBLEM = "The fiscal code's birth day is not a day of its month (01–31, 41–71 for women)";

const TODAY = new Date("2026-03-01T10:00:00Z");

// Check characters worked out by hand from the DM 23/12/1976 tables, not by the code under test.
describe("fiscalCodeProblem", () => {
  it.each([
    // valid codes
    { code: "RSSMRA80A01F205X", problem: null },
    { code: "MRTMTT91D08F205J", problem: null },
    { code: "RSSMRA80A41F205B", problem: null }, // a woman: day 01 + 40
    { code: "VRDLNE85T52X999J", problem: null },
    { code: "BNCGPP00A01X999O", problem: null },
    // omocodia: digits replaced by L M N P Q R S T U V from the right, with the recomputed check
    { code: "RSSMRA80A01F20RS", problem: null },
    { code: "RSSMRA80A01F2LRD", problem: null },
    { code: "RSSMRA80A01FNLRS", problem: null },
    { code: "RSSMRAULALMFNLRD", problem: null },
    { code: "MRTMTT91D08F20RE", problem: null },
    // wrong check character
    { code: "RSSMRA80A01F205Y", problem: CHECK_PROBLEM },
    { code: "MRTMTT91D08F205K", problem: CHECK_PROBLEM },
    { code: "RSSMRA80A01F20RX", problem: CHECK_PROBLEM }, // omocodia kept the old check
    { code: "RSSMRA80A01F206X", problem: CHECK_PROBLEM }, // one digit mistyped
    { code: "SRSMRA80A01F205X", problem: CHECK_PROBLEM }, // two letters swapped
    // wrong length
    { code: "", problem: LENGTH_PROBLEM },
    { code: "RSSMRA80A01F205", problem: LENGTH_PROBLEM },
    { code: "RSSMRA80A01F205XX", problem: LENGTH_PROBLEM },
    // wrong shape
    { code: "RSSMRA80Z01F205X", problem: SHAPE_PROBLEM }, // Z is no month
    { code: "RSSMRA80A01F2O5X", problem: SHAPE_PROBLEM }, // O is not an omocodia letter
    { code: "RSSMRAA0A01F205X", problem: SHAPE_PROBLEM }, // A is not an omocodia letter
    { code: "RSSMR480A01F205X", problem: SHAPE_PROBLEM }, // a digit among the name letters
    { code: "RSSMRA80A019205X", problem: SHAPE_PROBLEM }, // a digit for the place letter
    { code: "RSSMRA80A01F2055", problem: SHAPE_PROBLEM }, // a digit for the check
    { code: "rssmra80a01f205x", problem: SHAPE_PROBLEM }, // not normalised
    { code: "RSSMRA 80A01F205", problem: SHAPE_PROBLEM },
    // impossible birth days
    { code: "RSSMRA80A00F205W", problem: DAY_PROBLEM },
    { code: "RSSMRA80A32F205X", problem: DAY_PROBLEM },
    { code: "RSSMRA80A40F205X", problem: DAY_PROBLEM },
    { code: "RSSMRA80A72F205X", problem: DAY_PROBLEM },
    { code: "RSSMRA80B30F205X", problem: DAY_PROBLEM }, // 30 February
    { code: "RSSMRA80D71F205X", problem: DAY_PROBLEM }, // 31 April, a woman
  ])("$code → $problem", ({ code, problem }) => {
    expect(fiscalCodeProblem(code)).toBe(problem);
  });

  it("accepts 29 February in any year (the century is not in the code)", () => {
    const first15 = "RSSMRA81B29F205";
    expect(fiscalCodeProblem(first15 + fiscalCodeCheckCharacter(first15))).toBeNull();
  });
});

describe("fiscalCodeCheckCharacter", () => {
  it.each([
    ["RSSMRA80A01F205", "X"],
    ["MRTMTT91D08F205", "J"],
    ["RSSMRA80A41F205", "B"],
    ["RSSMRA80A01F20R", "S"],
    ["RSSMRAULALMFNLR", "D"],
    ["VRDLNE85T52X999", "J"],
  ])("%s → %s", (first15, check) => {
    expect(fiscalCodeCheckCharacter(first15)).toBe(check);
  });
});

describe("normaliseFiscalCode", () => {
  it.each([
    ["rssmra80a01f205x", "RSSMRA80A01F205X"],
    [" RSS MRA 80A01 F205X ", "RSSMRA80A01F205X"],
    ["rss\tmra80a01f205x\n", "RSSMRA80A01F205X"],
    ["MrtMtt91d08F205j", "MRTMTT91D08F205J"],
  ])("%j → %s, which is valid", (typed, normalised) => {
    expect(normaliseFiscalCode(typed)).toBe(normalised);
    expect(fiscalCodeProblem(normaliseFiscalCode(typed))).toBeNull();
  });
});

describe("fiscalCodeBirth", () => {
  it.each([
    { code: "RSSMRA80A01F205X", birthDate: "1980-01-01", sex: "M" },
    { code: "MRTMTT91D08F205J", birthDate: "1991-04-08", sex: "M" },
    { code: "RSSMRA80A41F205B", birthDate: "1980-01-01", sex: "F" }, // day 41 = the 1st, a woman
    { code: "VRDLNE85T52X999J", birthDate: "1985-12-12", sex: "F" },
    { code: "BNCGPP00A01X999O", birthDate: "2000-01-01", sex: "M" },
    // omocodia letters read as their digits
    { code: "RSSMRAULALMFNLRD", birthDate: "1980-01-01", sex: "M" },
    { code: "RSSMRA80A01F20RS", birthDate: "1980-01-01", sex: "M" },
    // the century: the one that puts the date in the past of today (2026-03-01)
    { code: "RSSMRA26B28F205X", birthDate: "2026-02-28", sex: "M" }, // earlier this year
    { code: "RSSMRA26C01F205X", birthDate: "2026-03-01", sex: "M" }, // today
    { code: "RSSMRA26C02F205X", birthDate: "1926-03-02", sex: "M" }, // tomorrow: a century ago
    { code: "RSSMRA26S30F205E", birthDate: "1926-11-30", sex: "M" }, // later this year
    { code: "RSSMRA27A01F205X", birthDate: "1927-01-01", sex: "M" },
    { code: "RSSMRA25T71F205X", birthDate: "2025-12-31", sex: "F" },
    { code: "RSSMRA99T71F205X", birthDate: "1999-12-31", sex: "F" },
  ] as const)("$code → $birthDate $sex", ({ code, birthDate, sex }) => {
    expect(fiscalCodeBirth(code, TODAY)).toEqual({ birthDate, sex });
  });
});

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const OMOCODIA = "LMNPQRSTUV";
const MONTHS = "ABCDEHLMPRST";
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const letter = fc.constantFrom(...LETTERS);
const digit = fc.integer({ min: 0, max: 9 }).map(String);

/** Any valid code: name letters, year, month, day (+40 for women), place, then its check character. */
const validCode = fc
  .record({
    name: fc.array(letter, { minLength: 6, maxLength: 6 }),
    year: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 0, max: 11 }),
    day: fc.integer({ min: 1, max: 28 }),
    woman: fc.boolean(),
    place: letter,
    placeDigits: fc.array(digit, { minLength: 3, maxLength: 3 }),
    omocodia: fc.subarray(DIGIT_POSITIONS),
  })
  .map((r) => {
    const chars = [
      ...r.name,
      ...String(r.year).padStart(2, "0"),
      MONTHS[r.month] as string,
      ...String(r.day + (r.woman ? 40 : 0)).padStart(2, "0"),
      r.place,
      ...r.placeDigits,
    ];
    for (const at of r.omocodia) chars[at] = OMOCODIA[Number(chars[at])] as string;
    const first15 = chars.join("");
    return first15 + fiscalCodeCheckCharacter(first15);
  });

describe("fiscal code properties", () => {
  it("accepts every well-formed code with its check character", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(fiscalCodeProblem(code)).toBeNull();
      }),
    );
  });

  it("refuses any valid code with one character changed, or it has a different check character", () => {
    fc.assert(
      fc.property(
        validCode,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        (code, at, replacement) => {
          fc.pre(code[at] !== replacement);
          const changed = code.slice(0, at) + replacement + code.slice(at + 1);
          const problem = fiscalCodeProblem(changed);
          expect(problem).not.toBeNull();
          // Wherever the shape lets the change through, the check character of the rest moves.
          if (problem === CHECK_PROBLEM && at < 15) {
            expect(fiscalCodeCheckCharacter(changed.slice(0, 15))).not.toBe(code[15]);
          }
        },
      ),
    );
  });

  it("reads back the birth date and sex the code was made from, omocodia or not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
        fc.subarray(DIGIT_POSITIONS),
        (year, month, day, woman, omocodia) => {
          const chars = [
            ..."RSSMRA",
            ...String(year).padStart(2, "0"),
            MONTHS[month] as string,
            ...String(day + (woman ? 40 : 0)).padStart(2, "0"),
            ..."X999",
          ];
          for (const at of omocodia) chars[at] = OMOCODIA[Number(chars[at])] as string;
          const first15 = chars.join("");
          const birth = fiscalCodeBirth(first15 + fiscalCodeCheckCharacter(first15), TODAY);
          const mmdd = `${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          expect(birth.sex).toBe(woman ? "F" : "M");
          expect(birth.birthDate.slice(2)).toBe(`${String(year).padStart(2, "0")}-${mmdd}`);
          expect(birth.birthDate <= "2026-03-01").toBe(true);
          expect(birth.birthDate > "1926-03-01").toBe(true);
        },
      ),
    );
  });

  it("accepts a code however it is typed, once normalised", () => {
    fc.assert(
      fc.property(validCode, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), (code, lower) => {
        const typed = [...code].map((ch, i) => (lower[i] ? ` ${ch.toLowerCase()}` : ch)).join("");
        expect(normaliseFiscalCode(typed)).toBe(code);
      }),
    );
  });
});
