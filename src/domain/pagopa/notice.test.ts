// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isValidNoticeNumber,
  iuvOf,
  MAX_NOTICE_SEQUENCE,
  noticeNumber,
  segregationCodeOf,
} from "./notice.ts";

/*
 * Check digits by hand: (3 <segregation code> <IUV base>) mod 93, using the powers of ten mod 93:
 * 10¹ ≡ 10, 10² ≡ 7, 10³ ≡ 70, 10⁴ ≡ 49, 10⁵ ≡ 25, 10⁶ ≡ 64, 10⁷ ≡ 82, 10⁸ ≡ 76, 10⁹ ≡ 16,
 * 10¹⁰ ≡ 67, 10¹¹ ≡ 19, 10¹² ≡ 4, 10¹³ ≡ 40, 10¹⁴ ≡ 28, 10¹⁵ ≡ 1.
 *
 * - "01", 42:  3 01 0000000000042 = 301 × 10¹³ + 42; 301 ≡ 22 (301 − 3 × 93); 22 × 40 = 880 ≡ 43
 *              (880 − 9 × 93); 43 + 42 = 85 → check digits 85.
 * - "12", 2026000000123: 3 12 2026000000123 = 3122026 × 10⁹ + 123; 3122026 ≡ 16 (3122026 − 33570 × 93);
 *              16 × 16 = 256 ≡ 70; 70 + 123 = 193 ≡ 7 → check digits 07.
 * - "00", 0:   3 00 0000000000000 = 3 × 10¹⁵ ≡ 3 × 1 = 3 → check digits 03.
 */
describe("noticeNumber", () => {
  it.each([
    ["01", 42, "301000000000004285"],
    ["12", 2_026_000_000_123, "312202600000012307"],
    ["00", 0, "300000000000000003"],
    ["47", 1, "347000000000000124"],
    ["99", MAX_NOTICE_SEQUENCE, "399999999999999903"],
  ])("segregation code %s, sequence %i → %s", (segregationCode, sequence, notice) => {
    expect(noticeNumber(segregationCode, sequence)).toBe(notice);
    expect(isValidNoticeNumber(notice)).toBe(true);
  });

  it.each([
    ["1", 42, 'Segregation code "1" is not two digits'],
    ["001", 42, 'Segregation code "001" is not two digits'],
    ["A1", 42, 'Segregation code "A1" is not two digits'],
    ["01", -1, "Sequence -1 is not a whole number from 0 to 9999999999999"],
    ["01", 1.5, "Sequence 1.5 is not a whole number from 0 to 9999999999999"],
    ["01", 10_000_000_000_000, "Sequence 10000000000000 is not a whole number from 0 to 9999999999999"],
    ["01", Number.NaN, "Sequence NaN is not a whole number from 0 to 9999999999999"],
  ])("refuses segregation code %s with sequence %s", (segregationCode, sequence, message) => {
    expect(() => noticeNumber(segregationCode, sequence)).toThrow(new RangeError(message));
  });

  it("builds 18 digits that validate and keep the segregation code and sequence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: MAX_NOTICE_SEQUENCE }),
        (code, sequence) => {
          const segregationCode = String(code).padStart(2, "0");
          const notice = noticeNumber(segregationCode, sequence);
          expect(notice).toMatch(/^3\d{17}$/);
          expect(isValidNoticeNumber(notice)).toBe(true);
          expect(segregationCodeOf(notice)).toBe(segregationCode);
          expect(Number(notice.slice(3, 16))).toBe(sequence);
          expect(Number(notice.slice(16))).toBe(Number(BigInt(notice.slice(0, 16)) % 93n));
        },
      ),
    );
  });

  it("gives different numbers to different sequences", () => {
    fc.assert(
      fc.property(fc.nat(MAX_NOTICE_SEQUENCE), fc.nat(MAX_NOTICE_SEQUENCE), (a, b) => {
        fc.pre(a !== b);
        expect(noticeNumber("01", a)).not.toBe(noticeNumber("01", b));
      }),
    );
  });
});

describe("isValidNoticeNumber", () => {
  it.each([
    ["301000000000004285", true],
    ["301000000000004284", false], // wrong check digits
    ["301000000000004258", false], // check digits swapped
    ["301000000000005285", false], // a digit of the base changed
    ["310000000000004285", false], // segregation code digits swapped
    ["001000000000004285", false], // aux digit 0 is no longer used
    ["201000000000004285", false], // nor is 2
    ["30100000000000428", false], // 17 digits
    ["3010000000000042850", false], // 19 digits
    ["3010 0000 0000 0042 85", false], // spaces: normalise first
    ["30100000000000428X", false],
    ["", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidNoticeNumber(value)).toBe(valid);
  });

  it("catches every change of a single digit", () => {
    fc.assert(
      fc.property(
        fc.nat(MAX_NOTICE_SEQUENCE),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        (sequence, at, shift) => {
          const notice = noticeNumber("01", sequence);
          const digit = (Number(notice[at]) + shift) % 10;
          const changed = notice.slice(0, at) + String(digit) + notice.slice(at + 1);
          expect(isValidNoticeNumber(changed)).toBe(false);
        },
      ),
    );
  });
});

describe("iuvOf", () => {
  it.each([
    ["301000000000004285", "01000000000004285"],
    ["312202600000012307", "12202600000012307"],
  ])("the IUV of %s is %s (17 digits: the notice number without its aux digit)", (notice, iuv) => {
    expect(iuvOf(notice)).toBe(iuv);
  });

  it.each(["301000000000004284", "1234", "0010000000000042"])("refuses %s", (notice) => {
    expect(() => iuvOf(notice)).toThrow(RangeError);
  });
});
