// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { FiscalCode, fiscalCodeOfClaim, ReturnPath } from "./oidc-identity.ts";

describe("the fiscal code of a SPID/CIE claim", () => {
  it.each([
    { claim: "TINIT-RSSMRA80A01F205X", expected: "RSSMRA80A01F205X" },
    { claim: "tinit-rssmra80a01f205x", expected: "RSSMRA80A01F205X" },
    { claim: "RSSMRA80A01F205X", expected: "RSSMRA80A01F205X" },
    { claim: "  TINIT-RSSMRA80A01F205X ", expected: "RSSMRA80A01F205X" },
    // Omocodia: digits replaced by letters when two people would share a code.
    { claim: "TINIT-RSSMRA8LA01F205X", expected: "RSSMRA8LA01F205X" },
    { claim: "TINES-12345678Z", expected: null },
    { claim: "TINIT-", expected: null },
    { claim: "TINIT-RSSMRA80A01F205", expected: null },
    { claim: "TINIT-RSSMRA80A01F205XY", expected: null },
    { claim: "TINIT-RSSMRA80A01F20-X", expected: null },
    { claim: "TINIT-TINIT-RSSMRA80A01F205X", expected: null },
    { claim: "", expected: null },
    { claim: 12345678901, expected: null },
    { claim: undefined, expected: null },
    { claim: null, expected: null },
    { claim: ["TINIT-RSSMRA80A01F205X"], expected: null },
  ])("$claim → $expected", ({ claim, expected }) => {
    expect(fiscalCodeOfClaim(claim)).toBe(expected);
  });
});

describe("the fiscal code of an account", () => {
  it.each([
    { input: "rssmra80a01f205x", expected: "RSSMRA80A01F205X" },
    { input: " VRDLGU85T10F205Z ", expected: "VRDLGU85T10F205Z" },
    { input: "VRDLGU85T10F205", expected: null },
    { input: "VRDLGU85T10F205ZZ", expected: null },
    { input: "VRDLGU85T10F205È", expected: null },
    { input: "TINIT-VRDLGU85T10F205Z", expected: null },
  ])("$input → $expected", ({ input, expected }) => {
    const parsed = FiscalCode.safeParse(input);
    expect(parsed.success ? parsed.data : null).toBe(expected);
  });
});

describe("the return path after signing in", () => {
  it.each([
    { path: "/", ok: true },
    { path: "/alloggi", ok: true },
    { path: "/alloggi/MI1-0001?tab=storia#note", ok: true },
    { path: "/alloggi?q=via%20roma", ok: true },
    { path: "", ok: false },
    { path: "alloggi", ok: false },
    { path: "//evil.example/alloggi", ok: false },
    { path: "/\\evil.example", ok: false },
    { path: "/alloggi\\..\\x", ok: false },
    { path: "https://evil.example/", ok: false },
    { path: "/alloggi x", ok: false },
    { path: "/alloggi\n", ok: false },
    { path: "/\tevil", ok: false },
    { path: `/${"a".repeat(2000)}`, ok: false },
  ])("$path → $ok", ({ path, ok }) => {
    expect(ReturnPath.safeParse(path).success).toBe(ok);
  });
});
