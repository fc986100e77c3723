// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from "vitest";
import { balanceOf } from "../ledger/account.ts";
import { checkRent } from "../tenancies/rent.ts";
import { demoHouseholds } from "./demo-households.ts";
import { demoUnits } from "./demo-programme.ts";
import { DEMO_LEDGER_PERIODS, demoTenancies } from "./demo-tenancies.ts";

const units = demoUnits();
const households = demoHouseholds(undefined, units);
const tenancies = demoTenancies(households, units);
const unitOf = new Map(units.map((u) => [u.code, u]));

describe("the demo's tenancies", () => {
  it("give every household living in its unit one tenancy, one per unit", () => {
    const living = households.filter(
      (h) => (h.status === "housed" || h.status === "exiting") && h.unitCode !== null,
    );
    expect(tenancies).toHaveLength(living.length);
    expect(new Set(tenancies.map((t) => t.unitCode)).size).toBe(tenancies.length);
  });

  it("keep every rent within the rules of its unit", () => {
    for (const t of tenancies) {
      const unit = unitOf.get(t.unitCode);
      if (unit === undefined) throw new Error(`no unit ${t.unitCode}`);
      const coPayment = t.rentBasis.rule === "co_payment" ? t.rentBasis : null;
      expect(
        checkRent(unit, { contractType: t.contractType, rentCents: t.rentCents, coPayment }).ok,
        t.unitCode,
      ).toBe(true);
    }
  });

  it("charge only the ledger's months and leave some households in arrears, most up to date", () => {
    const owing = tenancies.filter((t) => balanceOf(t.charges, t.payments) > 0);
    expect(
      tenancies.every((t) =>
        t.charges.every((c) => (DEMO_LEDGER_PERIODS as readonly string[]).includes(c.period)),
      ),
    ).toBe(true);
    expect(owing.length).toBeGreaterThan(5);
    expect(owing.length).toBeLessThan(tenancies.length / 3);
    expect(tenancies.every((t) => t.payments.every((p) => p.paidOn <= "2026-11-22"))).toBe(true);
  });

  it("are the same for the same seed", () => {
    expect(demoTenancies(households, units)).toEqual(tenancies);
  });
});
