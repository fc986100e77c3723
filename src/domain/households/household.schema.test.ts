// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { HouseholdFields, householdProblems, Person } from "./household.schema.ts";

const TODAY = "2026-03-01";

/** Mario Rossi, born 1 January 1980, the head; override what the case is about. */
const newPersonInput = (overrides: Record<string, unknown> = {}) => ({
  givenName: "Mario",
  familyName: "Rossi",
  fiscalCode: "RSSMRA80A01F205X",
  birthDate: "1980-01-01",
  sex: "M",
  citizenship: "IT",
  relationship: "head",
  ...overrides,
});

/** His partner, born 12 December 1985. */
const partnerInput = (overrides: Record<string, unknown> = {}) =>
  newPersonInput({
    givenName: "Elena",
    familyName: "Verdi",
    fiscalCode: "VRDLNE85T52X999J",
    birthDate: "1985-12-12",
    sex: "F",
    relationship: "partner",
    ...overrides,
  });

/** Their daughter, born 5 August 2015. */
const childInput = (overrides: Record<string, unknown> = {}) =>
  newPersonInput({
    givenName: "Lucia",
    fiscalCode: "RSSLCU15M45X999G",
    birthDate: "2015-08-05",
    sex: "F",
    relationship: "child",
    ...overrides,
  });

const newHouseholdInput = (overrides: Record<string, unknown> = {}) => ({
  targetGroup: "famiglia",
  category: "calmierato_ridotto",
  housingSituation: "eviction",
  incomeCents: 1_850_000,
  iseeCents: 920_000,
  iseeDate: "2026-01-15",
  members: [newPersonInput(), partnerInput(), childInput()],
  ...overrides,
});
const newHousehold = (overrides: Record<string, unknown> = {}): HouseholdFields =>
  HouseholdFields.parse(newHouseholdInput(overrides));

const issuesOf = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

describe("HouseholdFields", () => {
  it("accepts a household and fills the defaults", () => {
    const h = newHousehold({ iseeCents: undefined, iseeDate: undefined, incomeCents: undefined });
    expect(h).toMatchObject({
      needs: [],
      accessibilityNeed: "none",
      phone: "",
      email: "",
      incomeCents: null,
      iseeCents: null,
      iseeDate: null,
      priority: {
        knownToSocialServices: false,
        completedPreviousPath: false,
        prospectOfAutonomy: false,
        ableToCoPay: false,
        difficultyAccessingPublicHousing: false,
      },
    });
    expect(householdProblems(h, TODAY)).toEqual([]);
  });

  it("normalises the fiscal code, the citizenship and trims the names", () => {
    const h = newHousehold({
      members: [
        newPersonInput({ fiscalCode: " rss mra 80a01 f205x ", citizenship: "it", givenName: "  Mario " }),
      ],
    });
    expect(h.members[0]).toMatchObject({
      fiscalCode: "RSSMRA80A01F205X",
      citizenship: "IT",
      givenName: "Mario",
    });
  });

  it.each([
    {
      name: "a fiscal code with the wrong check character",
      patch: { members: [newPersonInput({ fiscalCode: "RSSMRA80A01F205Y" })] },
      issues: [
        {
          path: "members.0.fiscalCode",
          message: "The fiscal code's check character does not match: check for a typing error",
        },
      ],
    },
    {
      name: "a fiscal code too short, on the second member",
      patch: { members: [newPersonInput(), partnerInput({ fiscalCode: "VRDLNE85T52X999" })] },
      issues: [{ path: "members.1.fiscalCode", message: "A fiscal code has 16 characters" }],
    },
    {
      name: "a fiscal code of another shape",
      patch: { members: [newPersonInput({ fiscalCode: "1234567890123456" })] },
      issues: [{ path: "members.0.fiscalCode", message: "This is not the shape of a fiscal code" }],
    },
    {
      name: "a negative ISEE",
      patch: { iseeCents: -1 },
      issues: [{ path: "iseeCents", message: "ISEE cannot be negative" }],
    },
    {
      name: "a negative income",
      patch: { incomeCents: -100 },
      issues: [{ path: "incomeCents", message: "Income cannot be negative" }],
    },
    {
      name: "an ISEE in euro with decimals rather than cents",
      patch: { iseeCents: 9200.5 },
      issues: [{ path: "iseeCents", message: "ISEE must be an amount in cents" }],
    },
    {
      name: "no members",
      patch: { members: [] },
      issues: [{ path: "members", message: "A household has at least one member" }],
    },
    {
      name: "a birth date that is not a date",
      patch: { members: [newPersonInput({ birthDate: "01/01/1980" })] },
      issues: [{ path: "members.0.birthDate", message: "Use a date as YYYY-MM-DD" }],
    },
    {
      name: "a sex other than F, M or X",
      patch: { members: [newPersonInput({ sex: "male" })] },
      issues: [{ path: "members.0.sex", message: "Use F, M or X" }],
    },
    {
      name: "a citizenship spelt out",
      patch: { members: [newPersonInput({ citizenship: "Italia" })] },
      issues: [
        { path: "members.0.citizenship", message: "Citizenship: a two-letter country code (IT, MA, …)" },
      ],
    },
    {
      name: "an empty family name",
      patch: { members: [newPersonInput({ familyName: "  " })] },
      issues: [{ path: "members.0.familyName", message: "Family name is required" }],
    },
    {
      name: "an unknown target group",
      patch: { targetGroup: "studenti" },
      issues: [{ path: "targetGroup", message: "Unknown target group" }],
    },
    {
      name: "an unknown need",
      patch: { needs: ["economic_fragility", "loneliness"] },
      issues: [{ path: "needs.1", message: "Unknown need" }],
    },
    {
      name: "a malformed e-mail",
      patch: { email: "nucleo@" },
      issues: [{ path: "email", message: "Enter a valid e-mail address" }],
    },
  ])("refuses $name, naming the field", ({ patch, issues }) => {
    expect(issuesOf(HouseholdFields.safeParse(newHouseholdInput(patch)))).toEqual(issues);
  });

  it("parses a person on its own with the same rules", () => {
    expect(issuesOf(Person.safeParse(newPersonInput({ fiscalCode: "RSSMRA80A01F205Y" })))).toEqual([
      {
        path: "fiscalCode",
        message: "The fiscal code's check character does not match: check for a typing error",
      },
    ]);
  });
});

describe("householdProblems", () => {
  it.each([
    { name: "a family of three with its ISEE", patch: {}, issues: [] },
    {
      name: "a person alone, no ISEE",
      patch: { members: [newPersonInput()], iseeCents: null, iseeDate: null },
      issues: [],
    },
    { name: "an ISEE date without an ISEE", patch: { iseeCents: null }, issues: [] },
    { name: "sex X whatever the code says", patch: { members: [newPersonInput({ sex: "X" })] }, issues: [] },
    {
      name: "an ISEE without its date",
      patch: { iseeDate: null },
      issues: [{ path: "iseeDate", message: "Give the date of the ISEE" }],
    },
    {
      name: "an ISEE dated in the future",
      patch: { iseeDate: "2026-03-02" },
      issues: [{ path: "iseeDate", message: "The ISEE date is in the future" }],
    },
    {
      name: "no head",
      patch: { members: [partnerInput(), childInput()] },
      issues: [{ path: "members", message: "A household has exactly one head (relationship head)" }],
    },
    {
      name: "two heads",
      patch: { members: [newPersonInput(), partnerInput({ relationship: "head" })] },
      issues: [{ path: "members", message: "A household has exactly one head (relationship head)" }],
    },
    {
      name: "a birth date in the future (its code reads a century earlier)",
      patch: {
        members: [newPersonInput({ fiscalCode: "RSSMRA27A01F205Q", birthDate: "2027-01-01" })],
      },
      issues: [
        { path: "members.0.birthDate", message: "The birth date is in the future" },
        { path: "members.0.birthDate", message: "The birth date does not match the fiscal code" },
      ],
    },
    {
      name: "a birth date one day off the code",
      patch: { members: [newPersonInput({ birthDate: "1980-01-02" })] },
      issues: [{ path: "members.0.birthDate", message: "The birth date does not match the fiscal code" }],
    },
    {
      name: "a birth date a century off the code",
      patch: { members: [newPersonInput(), childInput({ birthDate: "1915-08-05" })] },
      issues: [{ path: "members.1.birthDate", message: "The birth date does not match the fiscal code" }],
    },
    {
      name: "a man's code for a woman",
      patch: { members: [newPersonInput({ sex: "F" })] },
      issues: [{ path: "members.0.sex", message: "The sex does not match the fiscal code" }],
    },
    {
      name: "a woman's code (day + 40) for a man",
      patch: { members: [newPersonInput(), partnerInput({ sex: "M" })] },
      issues: [{ path: "members.1.sex", message: "The sex does not match the fiscal code" }],
    },
    {
      name: "the same fiscal code twice",
      patch: {
        members: [
          newPersonInput(),
          partnerInput(),
          newPersonInput({ fiscalCode: "rssmra80a01f205x", relationship: "sibling" }),
        ],
      },
      issues: [{ path: "members.2.fiscalCode", message: "The same fiscal code as member 1" }],
    },
  ])("$name → $issues.length issue(s)", ({ patch, issues }) => {
    expect(householdProblems(newHousehold(patch), TODAY)).toEqual(issues);
  });

  it("accepts an omocodia code whose letters read as the birth date", () => {
    const h = newHousehold({ members: [newPersonInput({ fiscalCode: "RSSMRAULALMFNLRD" })] });
    expect(householdProblems(h, TODAY)).toEqual([]);
  });

  it("reads a code of this year's digits as born this year only up to today", () => {
    // Born 1 March 2026 (today): the head is a newborn, which the schema does not forbid.
    const first = newHousehold({
      members: [newPersonInput({ fiscalCode: "RSSMRA26C01X999S", birthDate: "2026-03-01" })],
    });
    expect(householdProblems(first, TODAY)).toEqual([]);
    expect(householdProblems(first, "2026-02-28")).toEqual([
      { path: "members.0.birthDate", message: "The birth date is in the future" },
      { path: "members.0.birthDate", message: "The birth date does not match the fiscal code" },
    ]);
  });
});
