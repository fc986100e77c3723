// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { checkRent, coPaymentCents, recertify } from "./rent.ts";
import { TenancyTerms } from "./tenancy.schema.ts";

const flat = (category: "calmierato" | "calmierato_ridotto" | "fragilita", surfaceM2 = 60) => ({
  category,
  surfaceM2,
});

describe("the rent a tenancy may ask", () => {
  it.each([
    // 60 m² × 75 EUR = 4,500 EUR a year → 375.00 a month
    { unit: flat("calmierato"), contractType: "calmierato", rent: 37_500, ok: true },
    { unit: flat("calmierato"), contractType: "calmierato", rent: 37_501, ok: false, path: "rentCents" },
    // 60 m² × 55 EUR = 3,300 EUR a year → 275.00 a month
    { unit: flat("calmierato_ridotto"), contractType: "calmierato_ridotto", rent: 27_500, ok: true },
    {
      unit: flat("calmierato_ridotto"),
      contractType: "calmierato_ridotto",
      rent: 27_501,
      ok: false,
      path: "rentCents",
    },
    // 47.5 m² × 75 = 3,562.50 a year → 296.875 → 296.87 a month (rounded down)
    { unit: flat("calmierato", 47.5), contractType: "calmierato", rent: 29_687, ok: true },
    {
      unit: flat("calmierato", 47.5),
      contractType: "calmierato",
      rent: 29_688,
      ok: false,
      path: "rentCents",
    },
    {
      unit: flat("calmierato"),
      contractType: "calmierato_ridotto",
      rent: 100,
      ok: false,
      path: "contractType",
    },
    { unit: flat("fragilita"), contractType: "calmierato", rent: 100, ok: false, path: "contractType" },
    { unit: flat("calmierato"), contractType: "comodato", rent: 0, ok: true },
    { unit: flat("calmierato"), contractType: "comodato", rent: 1, ok: false, path: "rentCents" },
    { unit: flat("fragilita"), contractType: "ospitalita", rent: 5_000, ok: false, path: "coPayment" },
  ] as const)("$contractType on a $unit.category unit of $unit.surfaceM2 m² at $rent cents: $ok", (row) => {
    const result = checkRent(row.unit, {
      contractType: row.contractType,
      rentCents: row.rent,
      coPayment: null,
    });
    expect(result.ok).toBe(row.ok);
    if (!result.ok && "path" in row) expect(result.path).toBe(row.path);
  });

  it("names the cap and the figures behind it when the rent is above it", () => {
    const result = checkRent(flat("calmierato"), {
      contractType: "calmierato",
      rentCents: 40_000,
      coPayment: null,
    });
    expect(result).toMatchObject({ ok: false, path: "rentCents" });
    expect(!result.ok && result.message).toMatch(/375,00.*60 m² × 75 EUR/);
  });

  it.each([
    // income, share, rent asked, ok, co-payment
    [1_200_000, 10, 10_000, true, 10_000], // 12,000 EUR × 10 % / 12 = 100.00
    [1_200_000, 10, 10_001, false, 10_000],
    [900_000, 15, 11_250, true, 11_250], // 9,000 × 15 % / 12 = 112.50
    [1_000_000, 12.5, 10_416, true, 10_416], // 104.166… → 104.16
    [0, 20, 0, true, 0],
    [6_000_000, 30, 27_500, true, 27_500], // 1,500.00 a month, held at the reduced cap of 275.00 (60 m²)
    [6_000_000, 30, 27_501, false, 27_500],
  ])("co-payment: income %i at %f %% asking %i → %s", (income, share, rent, ok, coPayment) => {
    const result = checkRent(flat("fragilita"), {
      contractType: "housing_first",
      rentCents: rent,
      coPayment: { annualIncomeCents: income, sharePercent: share },
    });
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.basis).toMatchObject({ rule: "co_payment", coPaymentCents: coPayment });
  });

  it("computes a co-payment from income and share, rounded down", () => {
    expect(coPaymentCents({ annualIncomeCents: 1_000_000, sharePercent: 12.5 })).toBe(10_416);
  });
});

describe("annual income recertification", () => {
  it.each([
    {
      name: "a co-payment follows a lower income",
      contractType: "ospitalita",
      rent: 10_000,
      basis: {
        rule: "co_payment",
        annualIncomeCents: 1_200_000,
        sharePercent: 10,
        coPaymentCents: 10_000,
        ceilingCents: 27_500,
      },
      income: 900_000,
      newRent: 7_500,
    },
    {
      name: "a co-payment follows a higher income up to the reduced cap",
      contractType: "housing_first",
      rent: 10_000,
      basis: {
        rule: "co_payment",
        annualIncomeCents: 1_200_000,
        sharePercent: 20,
        coPaymentCents: 20_000,
        ceilingCents: 27_500,
      },
      income: 3_000_000,
      newRent: 27_500,
    },
    {
      name: "a capped rent stays",
      contractType: "calmierato",
      rent: 35_000,
      basis: null,
      income: 500_000,
      newRent: 35_000,
    },
    {
      name: "a free loan stays free",
      contractType: "comodato",
      rent: 0,
      basis: null,
      income: 2_000_000,
      newRent: 0,
    },
  ] as const)("$name", ({ contractType, rent, basis, income, newRent }) => {
    const unit = flat(contractType === "calmierato" ? "calmierato" : "fragilita");
    const result = recertify(unit, { contractType, rentCents: rent, basis }, { annualIncomeCents: income });
    expect(result.previousRentCents).toBe(rent);
    expect(result.newRentCents).toBe(newRent);
  });

  it("reports the share of income the new rent takes (35,000 × 12 of 1,000,000 = 42 %)", () => {
    const result = recertify(
      flat("calmierato"),
      { contractType: "calmierato", rentCents: 35_000, basis: null },
      { annualIncomeCents: 1_000_000 },
    );
    expect(result.basis.affordabilityShareOfIncome).toBe(0.42);
  });
});

describe("the terms of a tenancy", () => {
  const base = {
    version: 1,
    contractType: "calmierato",
    startOn: "2026-12-01",
    endOn: "2030-11-30",
    depositCents: 75_000,
    rentCents: 35_000,
    serviceChargeCents: 5_000,
    signatories: [{ name: "Mario Rossi Esempio", role: "holder" }],
  };
  const issues = (input: unknown) => {
    const r = TenancyTerms.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
  };
  it.each([
    [{}, []],
    [{ endOn: "2026-11-30" }, ["endOn"]],
    [{ endOn: null }, ["endOn"]],
    [{ contractType: "ospitalita", endOn: null }, []],
    [{ contractType: "affitto" }, ["contractType"]],
    [{ rentCents: -1 }, ["rentCents"]],
    [{ rentCents: 350.5 }, ["rentCents"]],
    [{ startOn: "2026-02-30" }, ["startOn"]],
    [{ signatories: [] }, ["signatories"]],
    [{ signatories: [{ name: "M", role: "holder" }] }, ["signatories.0.name"]],
  ])("%j → errors on %j", (change, paths) => {
    expect(issues({ ...base, ...change })).toEqual(paths);
  });
});
