// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  ContractorInput,
  daysToExpiry,
  isRegistrationValid,
  isValidVatNumber,
  Qualification,
  registrationProblem,
  registrationStatus,
  type WhiteListRegistration,
} from "./contractor.ts";

describe("a partita IVA", () => {
  it.each([
    ["12345678903", true],
    ["02468135799", true],
    ["98765432103", true],
    ["98765432104", false],
    ["12345678901", false],
    ["1234567890", false],
    ["1234567890a", false],
  ])("%s is valid: %s", (value, valid) => {
    expect(isValidVatNumber(value)).toBe(valid);
  });
});

describe("SOA qualifications", () => {
  it.each(["OG1", "OG1 III", "og11 iv-bis", "OS28 II", "OS18-A", "OS35 VIII"])("accepts %s", (q) => {
    expect(Qualification.safeParse(q).success).toBe(true);
  });
  it.each(["OG14", "OS36", "OG1 IX", "OG", "muratura"])("refuses %s", (q) => {
    expect(Qualification.safeParse(q).success).toBe(false);
  });
});

const registration = (renewalRequestedOn: string | null = null): WhiteListRegistration => ({
  prefecture: "Prefettura di Milano",
  registeredOn: "2026-01-15",
  expiresOn: "2027-01-14",
  renewalRequestedOn,
});

describe("the white-list registration on a day", () => {
  it.each([
    ["2026-01-14", null, "not_yet", false],
    ["2026-01-15", null, "valid", true],
    ["2027-01-14", null, "valid", true],
    ["2027-01-15", null, "expired", false],
    ["2027-03-01", "2027-01-10", "renewal_pending", true],
    ["2027-03-01", "2027-01-14", "renewal_pending", true],
    ["2027-03-01", "2027-01-20", "expired", false],
  ] as const)("on %s (renewal asked %s): %s", (on, renewal, status, valid) => {
    expect(registrationStatus(registration(renewal), on)).toBe(status);
    expect(isRegistrationValid(registration(renewal), on)).toBe(valid);
  });

  it("says why a contractor may not work, naming the date", () => {
    expect(registrationProblem("Edil Fittizia", registration(), "2027-02-01")).toBe(
      "Edil Fittizia's white-list registration expired on 2027-01-14",
    );
    expect(registrationProblem("Edil Fittizia", registration(), "2025-12-01")).toBe(
      "Edil Fittizia is registered on the white list only from 2026-01-15",
    );
    expect(registrationProblem("Edil Fittizia", registration(), "2026-06-01")).toBeNull();
  });

  it("counts the days to the term's end", () => {
    expect(daysToExpiry(registration(), "2026-12-15")).toBe(30);
    expect(daysToExpiry(registration(), "2027-01-24")).toBe(-10);
  });
});

describe("a contractor's record", () => {
  const valid = {
    name: "Edil Fittizia S.r.l. (demo)",
    vatNumber: "12345678903",
    whiteList: registration(),
    qualifications: ["og1 ii"],
  };

  it("normalises the qualifications", () => {
    expect(ContractorInput.parse(valid).qualifications).toEqual(["OG1 II"]);
  });

  it.each([
    [{ vatNumber: "12345678901" }, "vatNumber"],
    [{ whiteList: { ...registration(), expiresOn: "2026-01-01" } }, "whiteList.expiresOn"],
    [{ whiteList: { ...registration(), renewalRequestedOn: "2025-01-01" } }, "whiteList.renewalRequestedOn"],
    [{ qualifications: ["muratura"] }, "qualifications.0"],
    [{ name: "" }, "name"],
  ])("refuses %o, naming %s", (change, path) => {
    const result = ContractorInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
