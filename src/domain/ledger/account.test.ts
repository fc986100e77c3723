// SPDX-License-Identifier: EUPL-1.2
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AccountCharge,
  type AccountCredit,
  ageing,
  balanceOf,
  bucketOf,
  earlyWarnings,
  settle,
} from "./account.ts";

const charge = (period: string, amountCents: number, kind = "rent"): AccountCharge => ({
  id: `${period}-${kind}`,
  period,
  kind,
  dueOn: `${period}-05`,
  amountCents,
});
const payment = (on: string, amountCents: number): AccountCredit => ({ on, amountCents, kind: "payment" });

describe("ageing buckets", () => {
  it.each([
    [1, "d0_30"],
    [30, "d0_30"],
    [31, "d31_60"],
    [60, "d31_60"],
    [61, "d61_90"],
    [90, "d61_90"],
    [91, "d90_plus"],
    [400, "d90_plus"],
  ] as const)("%i days past due → %s", (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
  });

  it("ages each charge's outstanding part from its due date; a charge not yet due is apart", () => {
    const charges = [
      charge("2026-07", 40_000),
      charge("2026-08", 40_000),
      charge("2026-09", 40_000),
      charge("2026-10", 40_000),
      charge("2026-11", 40_000),
      charge("2026-12", 40_000),
    ];
    // 50,000 paid: July settled, 10,000 of August.
    const open = settle(charges, [payment("2026-08-01", 50_000)]);
    expect(ageing(open, "2026-11-22")).toEqual({
      d90_plus: 30_000, // August, due 5 Aug: 109 days
      d61_90: 40_000, // September, 78 days
      d31_60: 40_000, // October, 48 days
      d0_30: 40_000, // November, 17 days
      overdueCents: 150_000,
      notDueCents: 40_000, // December
    });
  });

  it("counts a charge on its due date as not yet overdue, and the day after as 1 day", () => {
    const open = settle([charge("2026-11", 10_000)], []);
    expect(ageing(open, "2026-11-05")).toMatchObject({ overdueCents: 0, notDueCents: 10_000 });
    expect(ageing(open, "2026-11-06")).toMatchObject({ overdueCents: 10_000, d0_30: 10_000 });
  });
});

describe("early warnings", () => {
  it.each([
    { name: "nothing overdue", charges: [charge("2026-11", 40_000)], paid: 0, asOf: "2026-11-05", kinds: [] },
    {
      name: "one month wholly unpaid",
      charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
      paid: 40_000,
      asOf: "2026-11-22",
      kinds: ["first_missed_payment"],
    },
    {
      name: "rent and service of one month unpaid is still one miss",
      charges: [charge("2026-11", 40_000), charge("2026-11", 5_000, "service")],
      paid: 0,
      asOf: "2026-11-22",
      kinds: ["first_missed_payment"],
    },
    {
      name: "two months unpaid is past the first miss",
      charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
      paid: 0,
      asOf: "2026-11-22",
      kinds: [],
    },
    {
      name: "a partial payment",
      charges: [charge("2026-10", 40_000), charge("2026-11", 40_000)],
      paid: 60_000,
      asOf: "2026-11-22",
      kinds: ["partial_payment"],
    },
  ])("$name → $kinds", ({ charges, paid, asOf, kinds }) => {
    const open = settle(charges, paid ? [payment("2026-10-06", paid)] : []);
    expect(earlyWarnings(open, asOf, null).map((w) => w.kind)).toEqual(kinds);
  });

  it.each([
    [2_000_000, 1_600_000, true], // −20 %
    [2_000_000, 1_610_000, false], // −19.5 %
    [2_000_000, 2_400_000, false],
    [0, 0, false],
  ])("income %i → %i at recertification warns: %s", (before, after, warns) => {
    const warnings = earlyWarnings([], "2026-11-22", {
      effectiveOn: "2026-11-01",
      incomeCents: after,
      previousIncomeCents: before,
    });
    expect(warnings.some((w) => w.kind === "income_drop")).toBe(warns);
  });
});

describe("the balance of a tenancy", () => {
  type Op = { kind: "charge" | "payment" | "write_off"; cents: number };
  const op = fc.record({
    kind: fc.constantFrom("charge", "payment", "write_off") as fc.Arbitrary<Op["kind"]>,
    cents: fc.integer({ min: 1, max: 1_000_000 }),
  });

  it("always equals charges minus payments minus write-offs, and settling never invents money (property)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const charges = ops.flatMap((o, i) =>
          o.kind === "charge"
            ? [{ ...charge(`2026-${String((i % 12) + 1).padStart(2, "0")}`, o.cents), id: String(i) }]
            : [],
        );
        const credits = ops.flatMap((o) =>
          o.kind === "charge" ? [] : [{ on: "2026-06-01", amountCents: o.cents, kind: o.kind }],
        ) as AccountCredit[];
        const sum = (kind: Op["kind"]) => ops.filter((o) => o.kind === kind).reduce((s, o) => s + o.cents, 0);
        const balance = balanceOf(charges, credits);
        const open = settle(charges, credits);
        const outstanding = open.reduce((s, c) => s + c.outstandingCents, 0);
        const settled = open.reduce((s, c) => s + c.paidCents, 0);
        return (
          balance === sum("charge") - sum("payment") - sum("write_off") &&
          Number.isSafeInteger(balance) &&
          outstanding === Math.max(0, balance) &&
          settled === Math.min(sum("charge"), sum("payment") + sum("write_off")) &&
          open.every((c) => c.outstandingCents >= 0 && c.paidCents >= 0)
        );
      }),
    );
  });
});
