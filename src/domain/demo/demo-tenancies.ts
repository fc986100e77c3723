// SPDX-License-Identifier: EUPL-1.2
import { addDays } from "../ledger/period.ts";
import { chargesForMonth, type MonthCharge } from "../ledger/proration.ts";
import { seededRandom } from "../shared/random.ts";
import { checkRent, coPaymentCents, type RentBasis } from "../tenancies/rent.ts";
import type { ContractType, Signatory } from "../tenancies/tenancy.schema.ts";
import { maxMonthlyRentCents } from "../units/rent-cap.ts";
import type { UnitCreate } from "../units/unit.schema.ts";
import { DEMO_DATE, type DemoHousehold } from "./demo-households.ts";
import { DEMO_SEED } from "./demo-programme.ts";

/** The demo ledger's months: the rent roll was opened on the platform in September 2026. */
export const DEMO_LEDGER_PERIODS = ["2026-09", "2026-10", "2026-11"] as const;

/** How a demo household pays: on time, the last month missed, partly, or months behind. */
export const DEMO_PAYMENT_HABITS = [
  ["on_time", 0.78],
  ["missed_last", 0.08],
  ["partial", 0.07],
  ["behind", 0.07],
] as const;
export type PaymentHabit = (typeof DEMO_PAYMENT_HABITS)[number][0];

export type DemoTenancy = {
  householdReference: string;
  unitCode: string;
  contractType: ContractType;
  startOn: string;
  endOn: string | null;
  rentCents: number;
  serviceChargeCents: number;
  depositCents: number;
  rentBasis: RentBasis;
  signatories: Signatory[];
  habit: PaymentHabit;
  charges: (MonthCharge & { period: string })[];
  payments: { paidOn: string; amountCents: number }[];
};

/**
 * A tenancy for every demo household living in its unit (housed or exiting): the contract its unit's
 * category takes, a rent within the cap (or a co-payment of 10–15 % of the income for fragilità), the
 * charges of the ledger's months and payments after a seeded habit, so the arrears lists have cases.
 */
export function demoTenancies(
  households: readonly DemoHousehold[],
  units: readonly UnitCreate[],
  seed = DEMO_SEED,
): DemoTenancy[] {
  const random = seededRandom((seed ^ 0x7e4a_4c1e) >>> 0);
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const result: DemoTenancy[] = [];
  for (const h of households) {
    if ((h.status !== "housed" && h.status !== "exiting") || h.unitCode === null) continue;
    const unit = unitOf.get(h.unitCode);
    if (unit === undefined) continue;
    const housedAt =
      [...h.events].reverse().find((e) => e.to === "housed")?.at ?? new Date(`${DEMO_DATE}T00:00:00Z`);
    const startOn = housedAt.toISOString().slice(0, 10);
    const head = h.members.find((m) => m.relationship === "head") ?? h.members[0];
    const signatories: Signatory[] = head
      ? [
          {
            name: `${head.givenName} ${head.familyName}`,
            role: "holder",
            fiscalCode: head.fiscalCode,
            signedOn: startOn,
          },
        ]
      : [];
    const serviceChargeCents = random.int(30, 70) * 100;
    let contractType: ContractType;
    let rentCents: number;
    let coPayment = null;
    if (unit.category === "fragilita") {
      contractType = random.next() < 0.4 ? "housing_first" : "ospitalita";
      coPayment = { annualIncomeCents: h.incomeCents ?? 0, sharePercent: random.pick([10, 12, 15]) };
      rentCents = Math.min(
        coPaymentCents(coPayment),
        maxMonthlyRentCents("calmierato_ridotto", unit.surfaceM2) as number,
      );
    } else {
      contractType = unit.category;
      const cap = maxMonthlyRentCents(unit.category, unit.surfaceM2) as number;
      // A round figure in euros a little under the cap.
      rentCents = Math.floor((cap * random.int(85, 100)) / 100 / 100) * 100;
    }
    const check = checkRent(unit, { contractType, rentCents, coPayment });
    if (!check.ok) throw new Error(`demo tenancy of ${h.reference} breaks the rent rules: ${check.message}`);
    // A capped lease runs four years (1,461 days, a leap day included); hospitality is open-ended.
    const endOn =
      contractType === "calmierato" || contractType === "calmierato_ridotto" ? addDays(startOn, 1460) : null;
    const charges = DEMO_LEDGER_PERIODS.flatMap((period) =>
      chargesForMonth({ startOn, lastDay: null, rentCents, serviceChargeCents }, period).map((c) => ({
        ...c,
        period,
      })),
    );
    const habit = pickHabit(random.next());
    result.push({
      householdReference: h.reference,
      unitCode: unit.code,
      contractType,
      startOn,
      endOn,
      rentCents,
      serviceChargeCents,
      depositCents: rentCents * 3,
      rentBasis: check.basis,
      signatories,
      habit,
      charges,
      payments: paymentsFor(charges, habit, random.int(1, 6)),
    });
  }
  return result;
}

function pickHabit(draw: number): PaymentHabit {
  let total = 0;
  for (const [habit, weight] of DEMO_PAYMENT_HABITS) {
    total += weight;
    if (draw < total) return habit;
  }
  return "on_time";
}

/** One payment a month for the month's charges, a few days after they fall due, as the habit goes. */
function paymentsFor(charges: DemoTenancy["charges"], habit: PaymentHabit, delay: number) {
  const months = [...new Set(charges.map((c) => c.period))];
  return months.flatMap((period, i) => {
    const due = charges.filter((c) => c.period === period);
    const amount = due.reduce((s, c) => s + c.amountCents, 0);
    const paidOn = addDays((due[0] as MonthCharge).dueOn, delay);
    const last = i === months.length - 1;
    if (paidOn > DEMO_DATE) return [];
    switch (habit) {
      case "on_time":
        return [{ paidOn, amountCents: amount }];
      case "missed_last":
        return last ? [] : [{ paidOn, amountCents: amount }];
      case "partial":
        return [{ paidOn, amountCents: last ? Math.round(amount / 2) : amount }];
      default:
        // Behind: only part of the first month, nothing since.
        return i === 0 ? [{ paidOn, amountCents: Math.round(amount * 0.6) }] : [];
    }
  });
}
