// SPDX-License-Identifier: EUPL-1.2

import { maxMonthlyRentCents } from "../units/rent-cap.ts";
import type { UnitCategory } from "../units/unit.schema.ts";
import type { ContractType, CoPayment } from "./tenancy.schema.ts";

/*
 * Rent rules of a tenancy (seed 000 §4.2.1). A capped lease never asks more than the unit's cap
 * (m² × 75 or 55 EUR a year, over 12); a fragilità household pays a co-payment, a share of its income
 * agreed in its support plan, never above the reduced cap; a free loan asks no rent.
 */

/** The contract instruments a unit of each category is let with. */
export const CONTRACTS_FOR_CATEGORY: Record<UnitCategory, readonly ContractType[]> = {
  calmierato: ["calmierato", "comodato"],
  calmierato_ridotto: ["calmierato_ridotto", "comodato"],
  fragilita: ["ospitalita", "housing_first", "comodato"],
};

export type RentBasis =
  | { rule: "cap"; category: "calmierato" | "calmierato_ridotto"; surfaceM2: number; capMonthlyCents: number }
  | {
      rule: "co_payment";
      annualIncomeCents: number;
      sharePercent: number;
      coPaymentCents: number;
      ceilingCents: number;
    }
  | { rule: "free_loan" };

export type RentCheck =
  | { ok: true; basis: RentBasis }
  | { ok: false; path: "contractType" | "rentCents" | "coPayment"; message: string };

const euros = (cents: number) =>
  (cents / 100).toLocaleString("it-IT", { style: "currency", currency: "EUR", minimumFractionDigits: 2 });

/** The monthly co-payment for a share of an annual income, rounded down to the cent. */
export const coPaymentCents = (c: CoPayment) => Math.floor((c.annualIncomeCents * c.sharePercent) / 1200);

/** Whether `rentCents` a month may be asked for a unit under `contractType`, and on what basis. */
export function checkRent(
  unit: { category: UnitCategory; surfaceM2: number },
  terms: { contractType: ContractType; rentCents: number; coPayment: CoPayment | null },
): RentCheck {
  if (!CONTRACTS_FOR_CATEGORY[unit.category].includes(terms.contractType)) {
    return {
      ok: false,
      path: "contractType",
      message: `A ${unit.category} unit is let with ${CONTRACTS_FOR_CATEGORY[unit.category].join(", ")}, not ${terms.contractType}`,
    };
  }
  switch (terms.contractType) {
    case "comodato":
      if (terms.rentCents !== 0)
        return { ok: false, path: "rentCents", message: "A free loan (comodato) asks no rent" };
      return { ok: true, basis: { rule: "free_loan" } };
    case "calmierato":
    case "calmierato_ridotto": {
      const cap = maxMonthlyRentCents(terms.contractType, unit.surfaceM2) as number;
      if (terms.rentCents > cap)
        return {
          ok: false,
          path: "rentCents",
          message: `Rent ${euros(terms.rentCents)} a month is above the cap of ${euros(cap)} (${unit.surfaceM2} m² × ${terms.contractType === "calmierato" ? 75 : 55} EUR a year)`,
        };
      return {
        ok: true,
        basis: { rule: "cap", category: terms.contractType, surfaceM2: unit.surfaceM2, capMonthlyCents: cap },
      };
    }
    case "ospitalita":
    case "housing_first": {
      if (terms.coPayment === null)
        return {
          ok: false,
          path: "coPayment",
          message: "A fragilità co-payment needs the income and the agreed share",
        };
      const ceilingCents = maxMonthlyRentCents("calmierato_ridotto", unit.surfaceM2) as number;
      const computed = Math.min(coPaymentCents(terms.coPayment), ceilingCents);
      if (terms.rentCents > computed)
        return {
          ok: false,
          path: "rentCents",
          message: `The co-payment ${euros(terms.rentCents)} is above ${euros(computed)}: ${terms.coPayment.sharePercent} % of the income, never above the reduced cap`,
        };
      return {
        ok: true,
        basis: {
          rule: "co_payment",
          annualIncomeCents: terms.coPayment.annualIncomeCents,
          sharePercent: terms.coPayment.sharePercent,
          coPaymentCents: computed,
          ceilingCents,
        },
      };
    }
  }
}

export type Recertification = {
  previousRentCents: number;
  newRentCents: number;
  basis: RentBasis & { affordabilityShareOfIncome: number | null };
};

/**
 * The rent after an annual income recertification: a co-payment follows the new income at the
 * agreed share (never above the reduced cap); a capped rent stays, lowered to the cap if above it;
 * a free loan stays free. The share of income the new rent takes is reported.
 */
export function recertify(
  unit: { category: UnitCategory; surfaceM2: number },
  tenancy: { contractType: ContractType; rentCents: number; basis: RentBasis | null },
  income: { annualIncomeCents: number; sharePercent?: number | undefined },
): Recertification {
  const share = (rent: number) =>
    income.annualIncomeCents > 0 ? Math.round(((rent * 12) / income.annualIncomeCents) * 1000) / 1000 : null;
  let basis: RentBasis;
  let newRentCents: number;
  switch (tenancy.contractType) {
    case "comodato":
      basis = { rule: "free_loan" };
      newRentCents = 0;
      break;
    case "calmierato":
    case "calmierato_ridotto": {
      const cap = maxMonthlyRentCents(tenancy.contractType, unit.surfaceM2) as number;
      newRentCents = Math.min(tenancy.rentCents, cap);
      basis = {
        rule: "cap",
        category: tenancy.contractType,
        surfaceM2: unit.surfaceM2,
        capMonthlyCents: cap,
      };
      break;
    }
    case "ospitalita":
    case "housing_first": {
      const sharePercent =
        income.sharePercent ?? (tenancy.basis?.rule === "co_payment" ? tenancy.basis.sharePercent : 10);
      const ceilingCents = maxMonthlyRentCents("calmierato_ridotto", unit.surfaceM2) as number;
      newRentCents = Math.min(
        coPaymentCents({ annualIncomeCents: income.annualIncomeCents, sharePercent }),
        ceilingCents,
      );
      basis = {
        rule: "co_payment",
        annualIncomeCents: income.annualIncomeCents,
        sharePercent,
        coPaymentCents: newRentCents,
        ceilingCents,
      };
      break;
    }
  }
  return {
    previousRentCents: tenancy.rentCents,
    newRentCents,
    basis: { ...basis, affordabilityShareOfIncome: share(newRentCents) },
  };
}
