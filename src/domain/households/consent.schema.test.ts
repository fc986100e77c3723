// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import {
  ConsentGrant,
  type ConsentPurpose,
  consentGrantProblems,
  consentsInForce,
  consentWithdrawalProblems,
  consentWithdrawn,
} from "./consent.schema.ts";

const TODAY = "2026-11-22";

describe("ConsentGrant", () => {
  it("takes a purpose and a date, the note trimmed and empty by default", () => {
    expect(ConsentGrant.parse({ purpose: "processing", givenOn: "2026-11-02" })).toEqual({
      purpose: "processing",
      givenOn: "2026-11-02",
      note: "",
    });
  });

  it.each([
    [{ purpose: "marketing", givenOn: TODAY }, "purpose"],
    [{ purpose: "processing", givenOn: "22/11/2026" }, "givenOn"],
    [{ purpose: "processing", givenOn: TODAY, note: "x".repeat(2001) }, "note"],
  ])("refuses %j naming %s", (input, path) => {
    const result = ConsentGrant.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
});

describe("consentGrantProblems", () => {
  it.each([
    ["2026-11-21", []],
    [TODAY, []],
    ["2026-11-23", ["givenOn"]],
  ] as const)("given on %s → %j", (givenOn, paths) => {
    const issues = consentGrantProblems({ purpose: "processing", givenOn, note: "" }, TODAY);
    expect(issues.map((i) => i.path)).toEqual(paths);
  });
});

describe("consentWithdrawalProblems", () => {
  const consent = { givenOn: "2026-11-10" };
  it.each([
    ["the day it was given", "2026-11-10", []],
    ["today", TODAY, []],
    ["before it was given", "2026-11-09", ["withdrawnOn"]],
    ["a day still to come", "2026-11-23", ["withdrawnOn"]],
  ] as const)("withdrawn %s → %j", (_, withdrawnOn, paths) => {
    const issues = consentWithdrawalProblems(consent, { withdrawnOn, note: "" }, TODAY);
    expect(issues.map((i) => i.path)).toEqual(paths);
  });
});

describe("consentWithdrawn and consentsInForce", () => {
  const given = (purpose: ConsentPurpose) => ({ purpose, withdrawnOn: null });
  const withdrawn = (purpose: ConsentPurpose) => ({ purpose, withdrawnOn: "2026-11-20" });
  it.each([
    ["no record at all", [], false],
    ["given", [given("follow_up_contact")], false],
    ["given and withdrawn", [withdrawn("follow_up_contact")], true],
    ["withdrawn, then given again", [withdrawn("follow_up_contact"), given("follow_up_contact")], false],
    ["only another purpose withdrawn", [withdrawn("processing")], false],
  ] as const)("%s → withdrawn %s", (_, records, expected) => {
    expect(consentWithdrawn(records, "follow_up_contact")).toBe(expected);
  });

  it("counts in force only the purposes given and not withdrawn", () => {
    expect(consentsInForce([given("processing"), withdrawn("special_categories")])).toEqual(
      new Set(["processing"]),
    );
  });
});
